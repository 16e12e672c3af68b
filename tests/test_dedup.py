"""Cross-document linking: two invented articles telling the same strike, and near misses."""

import pandas as pd

from helpers.dedup import km_between, link_across_documents
from helpers.incidents import extract_incidents

DOCS = pd.DataFrame(
    [
        {"doc": "a", "outlet": "SOHR site", "published": "2018-11-02"},
        {"doc": "b", "outlet": "SANA", "published": "2018-11-02"},
        {"doc": "c", "outlet": "Enab", "published": "2018-12-20"},
    ]
)


def incident(doc, iid, **kw):
    row = {
        "doc": doc,
        "incident": iid,
        "sub_event_type": "air_drone_strike",
        "actor1": "COALITION",
        "actor2": "ISIS",
        "place": "Hajin",
        "governorate": "Deir ez-Zor",
        "latitude": 34.695,
        "longitude": 40.831,
        "geo_precision": 1,
        "date": "2018-11-01",
        "date_precision": 1,
        "text": "",
    }
    row.update(kw)
    return row


def test_same_strike_in_two_articles_is_one_event_with_reason():
    table = pd.DataFrame([incident("a", "i1"), incident("b", "i3", date="2018-11-02")])
    out = link_across_documents(table, DOCS)
    assert out["event"].nunique() == 1
    reason = out.loc[0, "link_reason"]
    assert "type=air_drone_strike" in reason and "hajin (same name)" in reason
    assert "2018-11-01±1d" in reason and "COALITION/ISIS" in reason and "with b:i3" in reason


def test_nearby_place_links_by_distance():
    near = incident("b", "i1", place="al-Sousa", latitude=34.70, longitude=40.86)
    out = link_across_documents(pd.DataFrame([incident("a", "i1"), near]), DOCS)
    assert out["event"].nunique() == 1
    assert "km)" in out.loc[1, "link_reason"]


def test_different_type_place_date_or_actors_stay_apart():
    rows = [
        incident("a", "i1"),
        incident("b", "i1", sub_event_type="shelling_artillery_missile"),
        incident("b", "i2", place="Raqqa", governorate="Raqqa", latitude=35.95, longitude=39.01),
        incident("c", "i1", date="2018-12-19"),
        incident("c", "i2", actor1="RUSSIA", actor2="OPPOSITION"),
        incident("c", "i3", place="al-Bukamal", latitude=34.45, longitude=40.92),
    ]
    out = link_across_documents(pd.DataFrame(rows), DOCS)
    assert out["event"].nunique() == len(rows)
    assert (out["link_reason"] == "").all()


def test_an_article_never_has_two_incidents_in_one_event():
    rows = [incident("a", "i1"), incident("b", "i1"), incident("b", "i2", place="Hajin, al-Sousa")]
    out = link_across_documents(pd.DataFrame(rows), DOCS)
    assert out.loc[0, "event"] == out.loc[1, "event"] != out.loc[2, "event"]


def test_week_precision_widens_the_window_and_missing_date_uses_publication():
    rows = [
        incident("a", "i1", date="", date_precision=""),
        incident("b", "i1", date="2018-10-28", date_precision=2),
    ]
    out = link_across_documents(pd.DataFrame(rows), DOCS)
    assert out["event"].nunique() == 1


def test_two_invented_articles_end_to_end(monkeypatch):
    from test_incidents import fake_places

    import helpers.incidents as inc
    from helpers.schema import Document

    monkeypatch.setattr(inc, "_find_places", fake_places)
    monkeypatch.setattr(inc, "_find_dates", lambda *a: [])
    one = Document(
        doc="a",
        text="شنت طائرات حربية غارات على مدينة تدمر فجر اليوم.",
        published="2020-03-02",
        date_precision="day",
    )
    two = Document(
        doc="b",
        text="قال مصدر إن غارات جوية استهدفت تدمر وقتل فيها مدنيان.",
        published="2020-03-02",
        date_precision="day",
    )
    rows = extract_incidents(one, [])[0] + extract_incidents(two, [])[0]
    out = link_across_documents(pd.DataFrame(rows), DOCS)
    assert len(out) == 2 and out["event"].nunique() == 1


def test_empty_and_distance():
    out = link_across_documents(pd.DataFrame(columns=["doc", "incident"]), DOCS)
    assert list(out.columns)[-2:] == ["event", "link_reason"]
    assert 100 < km_between(33.51, 36.29, 34.73, 36.71) < 150


def _strikes(dates: list[str], governorate: str = "Idlib") -> pd.DataFrame:
    rows = [
        {
            "doc": f"d{n}",
            "incident": "i1",
            "sub_event_type": "air_drone_strike",
            "actor1": "",
            "actor2": "",
            "place": "Saraqib",
            "governorate": governorate,
            "latitude": 35.86,
            "longitude": 36.8,
            "date": date,
            "date_precision": 1,
        }
        for n, date in enumerate(dates)
    ]
    return pd.DataFrame(rows)


def test_sliding_window_links_neighbours_and_not_distant_dates():
    table = _strikes(["2019-05-01", "2019-05-02", "2019-09-01", "2019-05-01"])
    docs = pd.DataFrame({"doc": [f"d{n}" for n in range(4)], "published": ""})
    out = link_across_documents(table, docs)
    assert out.loc[0, "event"] == out.loc[1, "event"] == out.loc[3, "event"]
    assert out.loc[2, "event"] != out.loc[0, "event"]
    assert out.loc[2, "link_reason"] == ""


def test_other_sub_event_type_in_same_block_never_links():
    table = _strikes(["2019-05-01", "2019-05-01"])
    table.loc[1, "sub_event_type"] = "armed_clash"
    docs = pd.DataFrame({"doc": ["d0", "d1"], "published": ""})
    out = link_across_documents(table, docs)
    assert out.loc[0, "event"] != out.loc[1, "event"]
