"""Tallies: hand-computed examples of the UCDP-style arithmetic in helpers/tally.py."""

import pandas as pd
import pytest

from helpers.schema import MENTION_COLUMNS, conform
from helpers.tally import claims, figures_table, tally


def mention(doc, mid, best, victim="CIVILIANS", category="killed", **kw):
    row = {
        "doc": doc,
        "mention": mid,
        "best": best,
        "low": kw.pop("low", best),
        "high": kw.pop("high", best),
        "victim": victim,
        "category": category,
        "qualifier": "exact",
        "scope": "incident",
        "relation": "",
        "claimed_by": "",
        "incident": "i1",
        "sentence": f"جملة {mid}",
    }
    row.update(kw)
    return row


def frame(rows):
    return conform(rows, MENTION_COLUMNS)


def incidents_of(rows):
    return pd.DataFrame(rows)


DOCS = pd.DataFrame(
    [
        {"doc": "a", "outlet": "Enab", "published": "2019-02-04"},
        {"doc": "b", "outlet": "SANA", "published": "2019-02-05"},
        {"doc": "c", "outlet": "Watan", "published": "2019-02-05"},
    ]
)


def one(df, **where):
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, sel
    return sel.iloc[0]


def test_three_reports_of_one_event_are_counted_once_with_range():
    # Same strike told by three outlets: 12, 12, 15 -> best 12 (mode), low 12, high 15.
    mentions = frame(
        [
            mention("a", "m1", 12, claimed_by="SOHR"),
            mention("b", "m1", 15, claimed_by="SANA"),
            mention("c", "m1", 12, claimed_by="SOHR"),
        ]
    )
    incidents = incidents_of(
        [
            {"doc": d, "incident": "i1", "event": "e1", "governorate": "Idlib"}
            for d in ("a", "b", "c")
        ]
    )
    out = tally(mentions, incidents, DOCS)
    row = one(out, victim="CIVILIANS", category="killed")
    assert (row["low"], row["best"], row["high"]) == (12, 12, 15)
    assert row["figures"] == 1 and row["reports"] == 3 and row["sources"] == 2


def test_tie_takes_lower_median_and_events_are_summed():
    # e1: 10 vs 20 (tie) -> best 10, low 10, high 20; e2: 5 (one source). Sum: 15 / 15 / 25.
    mentions = frame(
        [
            mention("a", "m1", 10),
            mention("b", "m1", 20),
            mention("a", "m2", 5, incident="i2"),
        ]
    )
    incidents = incidents_of(
        [
            {"doc": "a", "incident": "i1", "event": "e1"},
            {"doc": "b", "incident": "i1", "event": "e1"},
            {"doc": "a", "incident": "i2", "event": "e2"},
        ]
    )
    row = one(tally(mentions, incidents, DOCS), category="killed")
    assert (row["low"], row["best"], row["high"]) == (15, 15, 25)
    assert row["figures"] == 2 and row["reports"] == 3


def test_three_way_tie_takes_the_median():
    mentions = frame([mention("a", "m1", 30), mention("b", "m1", 10), mention("c", "m1", 20)])
    incidents = incidents_of([{"doc": d, "incident": "i1", "event": "e1"} for d in "abc"])
    row = one(tally(mentions, incidents, DOCS), category="killed")
    assert (row["low"], row["best"], row["high"]) == (10, 20, 30)


def test_relations_do_not_add_and_alternatives_widen_the_range():
    # 23 repeated (same_as), 3 inside the 23 (subset), 32 aggregate: only 23 counts.
    # A rival claim of 40 in the same article widens high but does not add.
    mentions = frame(
        [
            mention("a", "m1", 23, victim="SDF"),
            mention("a", "m2", 23, victim="SDF", relation="same_as:m1"),
            mention("a", "m3", 3, victim="SDF", relation="subset_of:m1"),
            mention("a", "m4", 32, victim="MIXED", relation="aggregate_of:m1+m5"),
            mention("a", "m6", 40, victim="SDF", relation="alternative_to:m1"),
        ]
    )
    out = tally(mentions, None, DOCS)
    row = one(out, victim="SDF")
    assert (row["low"], row["best"], row["high"]) == (23, 23, 40)
    assert "MIXED" not in set(out["victim"])


def test_figures_of_one_article_for_one_incident_are_added():
    # Distinct figures (no relation) in one article about one incident are different people.
    mentions = frame([mention("a", "m1", 4), mention("a", "m2", 3)])
    row = one(tally(mentions, None, DOCS), category="killed")
    assert row["best"] == 7 and row["figures"] == 1


def test_open_ended_and_vague_figures():
    # "at least 11" -> high = best = 11; "dozens" with no best -> counts 0 but is reported.
    mentions = frame(
        [
            mention("a", "m1", 11, high=None, qualifier="at_least"),
            mention("a", "m2", None, low=None, high=None, incident="i2", qualifier="vague"),
        ]
    )
    row = one(tally(mentions, None, DOCS), category="killed")
    assert (row["low"], row["best"], row["high"]) == (11, 11, 11)
    assert row["reports"] == 2 and row["figures"] == 2


def test_more_than_uses_its_low_bound():
    mentions = frame([mention("a", "m1", 25, low=26, high=None, qualifier="more_than")])
    row = one(tally(mentions, None, DOCS), category="killed")
    assert row["low"] <= row["best"] <= row["high"]
    assert row["best"] == 25


def test_cumulative_figures_stay_apart():
    mentions = frame(
        [
            mention("a", "m1", 9, victim="ISIS"),
            mention("a", "m2", 1087, victim="ISIS", scope="cumulative", incident=""),
        ]
    )
    incident_tally = tally(mentions, None, DOCS, by=["victim"])
    cumulative = tally(mentions, None, DOCS, by=["victim"], scope="cumulative")
    assert one(incident_tally, victim="ISIS")["best"] == 9
    assert one(cumulative, victim="ISIS")["best"] == 1087


def test_grouping_by_time_and_filters():
    mentions = frame(
        [
            mention("a", "m1", 2, victim="SYR_GOV", category="injured"),
            mention("b", "m1", 6, victim="CIVILIANS"),
        ]
    )
    incidents = incidents_of(
        [
            {"doc": "a", "incident": "i1", "date": "2019-02-03", "governorate": "Deir ez-Zor"},
            {"doc": "b", "incident": "i1", "date": "2019-03-10", "governorate": "Idlib"},
        ]
    )
    months = tally(mentions, incidents, DOCS, by=["month"])
    assert dict(zip(months["month"], months["best"], strict=True)) == {"2019-02": 2, "2019-03": 6}
    weeks = tally(mentions, incidents, DOCS, by=["week"])
    assert set(weeks["week"]) == {"2019-01-28", "2019-03-04"}
    only_idlib = tally(mentions, incidents, DOCS, by=["side"], filters={"governorate": "Idlib"})
    assert list(only_idlib["side"]) == ["CIVILIANS"]
    dated = tally(mentions, incidents, DOCS, by=[], filters={"date_to": "2019-02-28"})
    assert dated["best"].tolist() == [2]


def test_date_falls_back_to_publication_and_outlet_grouping():
    mentions = frame([mention("a", "m1", 3, incident=""), mention("b", "m1", 4, incident="")])
    out = tally(mentions, None, DOCS, by=["outlet", "date"])
    assert dict(zip(out["outlet"], out["date"], strict=True)) == {
        "Enab": "2019-02-04",
        "SANA": "2019-02-05",
    }


def test_event_with_disagreeing_places_is_not_split():
    mentions = frame([mention("a", "m1", 5), mention("b", "m1", 5)])
    incidents = incidents_of(
        [
            {"doc": "a", "incident": "i1", "event": "e1", "place": "Hajin"},
            {"doc": "b", "incident": "i1", "event": "e1", "place": "Hajin"},
        ]
    )
    incidents.loc[1, "place"] = "Hajin town"
    out = tally(mentions, incidents, DOCS, by=["place"])
    assert len(out) == 1 and out["best"].tolist() == [5]


def test_claims_keep_contested_figures_side_by_side():
    mentions = frame(
        [
            mention("a", "m1", 30, claimed_by="SOHR"),
            mention("b", "m1", 9, claimed_by="SANA"),
            mention("c", "m1", 30, claimed_by="SOHR"),
        ]
    )
    incidents = incidents_of([{"doc": d, "incident": "i1", "event": "e1"} for d in "abc"])
    out = claims(mentions, incidents, DOCS)
    assert dict(zip(out["claimed_by"], out["best"], strict=True)) == {"SOHR": 30, "SANA": 9}
    sohr = one(out, claimed_by="SOHR")
    assert sohr["docs"] == "a c" and sohr["reports"] == 2


def test_unknown_grouping_or_filter_is_an_error():
    mentions = frame([mention("a", "m1", 1)])
    with pytest.raises(ValueError):
        tally(mentions, by=["colour"])
    with pytest.raises(ValueError):
        tally(mentions, filters={"colour": "red"})


def test_empty_input_gives_declared_columns():
    out = tally(frame([]), by=["victim"])
    assert list(out.columns) == ["victim", "low", "best", "high", "figures", "reports", "sources"]
    assert out.empty


def test_figures_table_links_mentions_without_incident_to_their_own_event():
    mentions = frame([mention("a", "m1", 1, incident=""), mention("a", "m2", 1, incident="")])
    table = figures_table(mentions, None, DOCS)
    assert table["event"].nunique() == 2


def two_events():
    """Event e1: one strike told by SOHR (10) via Enab and by SANA (6); e2: a clash in Watan."""
    mentions = frame(
        [
            mention("a", "m1", 10, claimed_by="SOHR"),
            mention("b", "m1", 6, claimed_by="SANA"),
            mention("c", "m1", 4, victim="ISIS"),
            mention("c", "m2", 3, victim="ISIS", category="injured"),
        ]
    )
    strike = {"event": "e1", "governorate": "Idlib", "place": "Sarmin", "date": "2019-02-03"}
    strike["sub_event_type"] = "Air/drone strike"
    clash = {"event": "e2", "governorate": "Deir ez-Zor", "place": "Hajin", "date": "2019-03-12"}
    clash["sub_event_type"] = "Armed clash"
    incidents = incidents_of(
        [
            {"doc": "a", "incident": "i1", **strike},
            {"doc": "b", "incident": "i1", **strike},
            {"doc": "c", "incident": "i1", **clash},
        ]
    )
    return mentions, incidents


# (low, best, high, reports, sources) per group value, computed by hand from two_events():
# e1 = claims 10 and 6 -> tie, lower median 6, range 6-10; e2 = 4 killed + 3 injured.
STRIKE, CLASH = (6, 6, 10, 2, 2), (7, 7, 7, 2, 1)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("side", {"CIVILIANS": STRIKE, "ISIS": CLASH}),
        ("victim", {"CIVILIANS": STRIKE, "ISIS": CLASH}),
        ("category", {"killed": (10, 10, 14, 3, 3), "injured": (3, 3, 3, 1, 1)}),
        ("governorate", {"Idlib": STRIKE, "Deir ez-Zor": CLASH}),
        ("place", {"Sarmin": STRIKE, "Hajin": CLASH}),
        ("date", {"2019-02-03": STRIKE, "2019-03-12": CLASH}),
        ("week", {"2019-01-28": STRIKE, "2019-03-11": CLASH}),
        ("month", {"2019-02": STRIKE, "2019-03": CLASH}),
        ("event_type", {"Air/drone strike": STRIKE, "Armed clash": CLASH}),
        ("sub_event_type", {"Air/drone strike": STRIKE, "Armed clash": CLASH}),
        # Per outlet / claimant / article, each voice's own figure (not de-duplicated across).
        ("outlet", {"Enab": (10, 10, 10, 1, 1), "SANA": (6, 6, 6, 1, 1), "Watan": CLASH}),
        ("claimant", {"SOHR": (10, 10, 10, 1, 1), "SANA": (6, 6, 6, 1, 1), "": CLASH}),
        ("claimed_by", {"SOHR": (10, 10, 10, 1, 1), "SANA": (6, 6, 6, 1, 1), "": CLASH}),
        ("doc", {"a": (10, 10, 10, 1, 1), "b": (6, 6, 6, 1, 1), "c": CLASH}),
        ("event", {"e1": STRIKE, "e2": CLASH}),
    ],
)
def test_every_grouping_key(key, expected):
    mentions, incidents = two_events()
    out = tally(mentions, incidents, DOCS, by=[key])
    got = {
        row[key]: (row["low"], row["best"], row["high"], row["reports"], row["sources"])
        for _, row in out.iterrows()
    }
    assert got == expected


def test_grouping_keys_are_all_tested():
    from helpers.tally import GROUP_KEYS

    tested = {"side", "victim", "category", "governorate", "place", "date", "week", "month"}
    tested |= {"event_type", "sub_event_type", "outlet", "claimant", "claimed_by", "doc", "event"}
    assert set(GROUP_KEYS) == tested


def test_apply_filters_is_public_and_matches_tally():
    from helpers.tally import apply_filters

    mentions, incidents = two_events()
    table = apply_filters(figures_table(mentions, incidents, DOCS), {"place": ["Hajin"]})
    assert set(table["doc"]) == {"c"}
    filtered = tally(mentions, incidents, DOCS, by=[], filters={"place": ["Hajin"]})
    assert filtered["best"].tolist() == [7]


def test_figures_with_a_non_conflict_cause_are_listed_but_not_counted():
    mentions = frame([mention("a", "m1", 4), mention("a", "m2", 25, cause="accident")])
    assert set(figures_table(mentions, None, DOCS)["mention"]) == {"m1", "m2"}
    row = one(tally(mentions, None, DOCS), category="killed")
    assert row["best"] == 4
