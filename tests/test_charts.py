"""Charts: numbers, ranges, labels, escaping and the offline map."""

from __future__ import annotations

import arabic_reshaper
import pandas as pd
import pytest
from bidi.algorithm import get_display

from helpers import charts
from helpers.charts import Labels


def _tally(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["victim", "category", "low", "best", "high", "figures", "reports", "sources"]
    )


def test_casualty_bars_carry_best_and_range_per_category():
    tallies = _tally(
        [
            ("CIVILIANS", "killed", 8, 10, 15, 2, 3, 2),
            ("ISIS", "killed", 4, 4, 4, 1, 1, 1),
            ("CIVILIANS", "injured", 20, 20, 20, 1, 1, 1),
        ]
    )
    fig = charts.casualties_by_side(tallies, Labels("en"))
    by_name = {trace.name: trace for trace in fig.data}
    assert set(by_name) == {"Killed", "Injured"}
    killed = by_name["Killed"]
    labels = Labels("en")
    assert list(killed.x) == [labels.get("sides", "CIVILIANS"), labels.get("sides", "ISIS")]
    assert list(killed.y) == [10, 4]
    assert list(killed.error_y.array) == [5, 0]
    assert list(killed.error_y.arrayminus) == [2, 0]


def test_open_ended_high_gets_no_upper_bar():
    tallies = _tally([("SDF", "killed", 11, 11, None, 1, 1, 1)])
    trace = charts.casualties_by_side(tallies, Labels("en")).data[0]
    assert list(trace.error_y.array) == [0]


def test_arabic_labels_stay_in_logical_order():
    tallies = _tally([("CIVILIANS", "killed", 1, 1, 1, 1, 1, 1)])
    trace = charts.casualties_by_side(tallies, Labels("ar")).data[0]
    assert trace.name == "قتلى"
    assert trace.x[0] == Labels("ar").get("sides", "CIVILIANS")
    shaped = get_display(arabic_reshaper.reshape("قتلى"))
    assert trace.name != shaped  # what a reshaped (visual-order) label would look like


def test_empty_tables_give_a_chart_that_says_so():
    for fig in (
        charts.casualties_by_side(_tally([]), Labels("en")),
        charts.incidents_by_type(pd.DataFrame(), Labels("en")),
        charts.timeline(pd.DataFrame(), Labels("en")),
    ):
        assert fig.layout.annotations[0].text == "No data"


def test_incident_types_count_each_event_once():
    incidents = pd.DataFrame(
        {
            "doc": ["a", "b", "b"],
            "incident": ["i1", "i1", "i2"],
            "sub_event_type": ["air_drone_strike", "air_drone_strike", "armed_clash"],
            "event_type": ["", "", ""],
            "event": ["e1", "e1", ""],
        }
    )
    trace = charts.incidents_by_type(incidents, Labels("en")).data[0]
    counts = dict(zip(trace.y, trace.x, strict=True))
    assert counts == {"Air/drone strike": 1, "Armed clash": 1}


def test_incidents_without_coordinates_fall_back_to_their_governorate():
    incidents = pd.DataFrame(
        {
            "latitude": [36.0, None, None],
            "longitude": [38.0, None, None],
            "governorate": ["", "Al-Hasakeh", "Atlantis"],
        }
    )
    located = charts.locate_incidents(incidents)
    assert len(located) == 2
    assert located["approximate"].tolist() == [False, True]
    assert located.iloc[1][["lat", "lon"]].tolist() == [36.50, 40.75]


def test_map_is_drawn_from_shipped_geometry_and_escapes_place_names():
    incidents = pd.DataFrame(
        {
            "doc": ["a"],
            "incident": ["i1"],
            "latitude": [35.3],
            "longitude": [40.1],
            "governorate": ["Deir ez-Zor"],
            "place": ['<img src=x onerror="alert(1)">'],
            "sub_event_type": ["attack"],
            "killed": [3],
            "injured": [""],
        }
    )
    fig = charts.incident_map(incidents, Labels("en"))
    outline, markers = fig.data
    assert len(outline.x) == len(charts.syria_outline()) > 100
    assert "&lt;img" in markers.text[0] and "<img" not in markers.text[0]
    assert not fig.layout.geo.projection.type  # no plotly geo trace: nothing fetched from a CDN


def test_outline_is_a_closed_ring_inside_syria_bounding_box():
    ring = charts.syria_outline()
    assert ring[0] == ring[-1]
    assert all(35.5 <= lon <= 42.5 and 32.2 <= lat <= 37.4 for lon, lat in ring)


def test_claims_chart_shows_only_disagreeing_claimants():
    claims = pd.DataFrame(
        {
            "event": ["e1", "e1", "e2", "e2"],
            "victim": ["CIVILIANS"] * 4,
            "category": ["killed"] * 4,
            "claimed_by": ["SOHR", "<b>SANA</b>", "SOHR", "SANA"],
            "low": [10, 7, 5, 5],
            "best": [10, 7, 5, 5],
            "high": [12, 7, 5, 5],
        }
    )
    fig = charts.claims_side_by_side(claims, Labels("en"))
    assert sorted(t.name for t in fig.data) == ["&lt;b&gt;SANA&lt;/b&gt;", "SOHR"]
    assert all(len(t.x) == 1 and t.x[0].startswith("e1") for t in fig.data)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        Labels("fr")
