"""ACLED and UCDP GED exports of two linked reports and one lone report."""

import pandas as pd

from helpers.export import ACLED_COLUMNS, UCDP_COLUMNS, to_acled, to_ucdp_ged
from helpers.schema import MENTION_COLUMNS, conform

DOCS = pd.DataFrame(
    [
        {"doc": "a", "outlet": "SOHR site", "published": "2019-02-04"},
        {"doc": "b", "outlet": "SANA", "published": "2019-02-04"},
    ]
)
INCIDENTS = pd.DataFrame(
    [
        {
            "doc": "a",
            "incident": "i1",
            "event": "e1",
            "date": "2019-02-03",
            "date_precision": 1,
            "event_type": "Battles",
            "sub_event_type": "armed_clash",
            "actor1": "ISIS",
            "actor2": "SYR_GOV",
            "place": "Albukamal",
            "governorate": "Deir ez-Zor",
            "latitude": 34.45,
            "longitude": 40.92,
            "geo_precision": 1,
            "text": "اشتباكات عنيفة",
        },
        {
            "doc": "b",
            "incident": "i2",
            "event": "e1",
            "date": "2019-02-04",
            "date_precision": 2,
            "event_type": "Battles",
            "sub_event_type": "armed_clash",
            "actor1": "ISIS",
            "actor2": "SYR_GOV",
            "place": "Deir ez-Zor",
            "governorate": "Deir ez-Zor",
            "latitude": 35.3,
            "longitude": 40.1,
            "geo_precision": 3,
            "text": "تصدت وحدات الجيش",
        },
        {
            "doc": "b",
            "incident": "i1",
            "event": "e2",
            "date": "2019-02-01",
            "date_precision": 1,
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "air_drone_strike",
            "actor1": "COALITION",
            "actor2": "SYR_GOV",
            "place": "al-Sukkariyah",
            "governorate": "Deir ez-Zor",
            "latitude": 34.4,
            "longitude": 40.9,
            "geo_precision": 1,
            "text": "ضربة جوية",
        },
    ]
)


def m(doc, mid, incident, victim, best, category="killed", **kw):
    row = {
        "doc": doc,
        "mention": mid,
        "incident": incident,
        "victim": victim,
        "best": best,
        "low": kw.pop("low", best),
        "high": kw.pop("high", best),
        "category": category,
        "qualifier": "exact",
        "scope": "incident",
        "relation": "",
        "claimed_by": "",
    }
    row.update(kw)
    return row


MENTIONS = conform(
    [
        m("a", "m1", "i1", "ISIS", 11, high=None, qualifier="at_least", claimed_by="SOHR"),
        m("b", "m1", "i2", "ISIS", 20, claimed_by="SANA"),
        m("a", "m2", "i1", "SYR_GOV", 4, claimed_by="SOHR"),
        m("b", "m2", "i1", "SYR_GOV", 2, category="injured"),
    ],
    MENTION_COLUMNS,
)


def test_acled_one_row_per_event_with_conservative_fatalities():
    out = to_acled(INCIDENTS, MENTIONS, DOCS)
    assert list(out.columns[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(out) == 2
    strike, clash = out.iloc[0], out.iloc[1]
    assert strike["sub_event_type"] == "Air/drone strike" and strike["fatalities"] == 0
    # ISIS: 11 vs 20 -> low 11; army: 4 -> total 15 (most conservative).
    assert clash["fatalities"] == 15
    assert clash["event_date"] == "2019-02-03" and clash["time_precision"] == 1
    assert clash["location"] == "Albukamal" and clash["geo_precision"] == 1
    assert clash["source"] == "SANA; SOHR site" and "a:i1" in clash["notes"]
    assert clash["event_id_cnty"] == "SYR2"


def test_ucdp_splits_deaths_by_side_and_keeps_the_range():
    out = to_ucdp_ged(INCIDENTS, MENTIONS, DOCS)
    assert list(out.columns[: len(UCDP_COLUMNS)]) == UCDP_COLUMNS
    clash = out[out["side_a"] == "ISIS"].iloc[0]
    # ISIS claims 11 (at least) and 20: tie -> lower median 11, low 11, high 20.
    assert (clash["deaths_a"], clash["deaths_b"]) == (11, 4)
    assert (clash["low"], clash["best"], clash["high"]) == (15, 15, 24)
    assert clash["date_start"] == "2019-02-03" and clash["date_end"] == "2019-02-04"
    assert clash["date_prec"] == 1 and clash["where_prec"] == 1
    assert clash["number_of_sources"] == 2 and clash["type_of_violence"] == 1
    strike = out[out["side_a"] == "COALITION"].iloc[0]
    assert strike["best"] == 0 and strike["deaths_unknown"] == 0


def test_unlinked_incidents_are_their_own_events_and_empty_input():
    lone = INCIDENTS.drop(columns=["event"])
    assert len(to_acled(lone, MENTIONS, DOCS)) == 3
    assert to_ucdp_ged(INCIDENTS.iloc[0:0], MENTIONS, DOCS).empty


def test_write_exports_writes_both_files_readable_by_pandas(tmp_path):
    from helpers.export import write_exports

    paths = write_exports(INCIDENTS, MENTIONS, DOCS, tmp_path / "out")
    acled = pd.read_csv(paths["acled"], dtype=str, keep_default_na=False)
    ucdp = pd.read_csv(paths["ucdp_ged"], dtype=str, keep_default_na=False)
    assert paths["acled"].name == "acled.csv" and paths["ucdp_ged"].name == "ucdp_ged.csv"
    assert list(acled.columns[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert sorted(acled["fatalities"].astype(int)) == [0, 15]
    assert list(ucdp.columns[: len(UCDP_COLUMNS)]) == UCDP_COLUMNS and len(ucdp) == 2


def test_acled_sub_event_names():
    from helpers.export import acled_sub_event_type

    assert acled_sub_event_type("shelling_artillery_missile") == (
        "Shelling/artillery/missile attack"
    )
    assert acled_sub_event_type("remote_explosive_ied") == "Remote explosive/landmine/IED"
    assert acled_sub_event_type("new_kind") == "New kind"
    assert acled_sub_event_type("") == ""
