"""Our events in the layouts of ACLED and UCDP GED, one row per cross-document event.

Analysts compare our counts with the reference datasets, so the export speaks their column
names and codes. Fatalities come from `helpers.tally` (each real death counted once across
articles): ACLED takes the most conservative figure (our `low`), UCDP keeps low/best/high and
splits deaths by side.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from helpers.tally import tally

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "docs",
]
UCDP_COLUMNS = [
    "id",
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "adm_1",
    "where_coordinates",
    "latitude",
    "longitude",
    "type_of_violence",
    "side_a",
    "side_b",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
    "number_of_sources",
    "source_article",
]
# Our sub-event codes (helpers/data/event_types.yaml) -> ACLED's own sub-event type names, so the
# export merges with ACLED data on that column. Codes ACLED does not have are written readable.
ACLED_SUB_EVENT_TYPES = {
    "armed_clash": "Armed clash",
    "air_drone_strike": "Air/drone strike",
    "shelling_artillery_missile": "Shelling/artillery/missile attack",
    "remote_explosive_ied": "Remote explosive/landmine/IED",
    "suicide_bomb": "Suicide bomb",
    "grenade": "Grenade",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "arrests": "Arrests",
    "looting_property_destruction": "Looting/property destruction",
    "peaceful_protest": "Peaceful protest",
}
EXPORT_FILES = {"acled": "acled.csv", "ucdp_ged": "ucdp_ged.csv"}
# ACLED time precision (1 day, 2 week, 3 month) -> UCDP date_prec (1 day, 3 week, 4 month).
UCDP_DATE_PREC = {1: 1, 2: 3, 3: 4}
# ACLED geo precision (1 town, 2 near, 3 region) -> UCDP where_prec (1 exact, 2 within 25 km,
# 4 first-order administrative division).
UCDP_WHERE_PREC = {1: 1, 2: 2, 3: 4}
# UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (against civilians).
STATE_SIDES = {"SYR_GOV", "RUSSIA", "TURKEY", "IRAN", "ISRAEL", "IRAQ", "COALITION"}


def _text(series: pd.Series) -> pd.Series:
    """A column as strings with '' for missing values."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _mode(values: pd.Series) -> str:
    """Most frequent non-empty value (first seen on ties), '' when none."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else ""


def _with_events(incidents: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """Incidents as text columns, each with an event id (own one when not linked)."""
    table = incidents.copy()
    for col in incidents.columns:
        table[col] = _text(incidents[col])
    if "event" not in table.columns:
        table["event"] = ""
    own = table["doc"] + ":" + table["incident"]
    table["event"] = table["event"].where(table["event"] != "", own)
    outlets = {}
    if documents is not None and not documents.empty:
        outlets = dict(zip(_text(documents["doc"]), _text(documents["outlet"]), strict=True))
    table["outlet"] = table["doc"].map(outlets).fillna("")
    table["_geo"] = pd.to_numeric(table["geo_precision"], errors="coerce").fillna(3)
    table["_tprec"] = pd.to_numeric(table["date_precision"], errors="coerce").fillna(3)
    return table


def _event_summary(rows: pd.DataFrame) -> dict:
    """One event's fields from its incident rows: the most precise place, the earliest date."""
    located = rows.sort_values("_geo").iloc[0]
    dated = rows[rows["date"] != ""].sort_values(["_tprec", "date"])
    first = dated.iloc[0] if not dated.empty else rows.iloc[0]
    dates = sorted(d for d in rows["date"] if d)
    refs = " ".join(rows["doc"] + ":" + rows["incident"])
    return {
        "date": first["date"],
        "date_end": dates[-1] if dates else "",
        "time_precision": int(first["_tprec"]) if first["date"] else "",
        "event_type": _mode(rows["event_type"]),
        "sub_event_type": _mode(rows["sub_event_type"]),
        "actor1": _mode(rows["actor1"]),
        "actor2": _mode(rows["actor2"]),
        "admin1": located["governorate"],
        "location": located["place"],
        "latitude": located["latitude"],
        "longitude": located["longitude"],
        "geo_precision": int(located["_geo"]),
        "source": "; ".join(sorted({o for o in rows["outlet"] if o})),
        "notes": f"{rows['text'].iloc[0].strip()} [{refs}]",
        "docs": " ".join(sorted(set(rows["doc"]))),
        "sources": len(set(rows["doc"])),
    }


def _events(incidents: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """One summary row per event, in order of first date."""
    table = _with_events(incidents, documents)
    rows = [
        {"event": event, **_event_summary(group)}
        for event, group in table.groupby("event", sort=False)
    ]
    return pd.DataFrame(rows).sort_values(["date", "event"], kind="stable").reset_index(drop=True)


def _killed(mentions: pd.DataFrame, incidents: pd.DataFrame, documents: pd.DataFrame | None):
    """Per event and victim side: de-duplicated killed low/best/high."""
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=["event", "victim", "low", "best", "high"])
    linked = incidents.copy()
    if "event" not in linked.columns:
        linked["event"] = ""
    return tally(
        mentions, linked, documents, by=["event", "victim"], filters={"category": "killed"}
    )


def _event_ids(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incidents with the event ids used by the summaries (own id when not linked)."""
    table = incidents.copy()
    event = _text(table["event"]) if "event" in table.columns else ""
    own = _text(table["doc"]) + ":" + _text(table["incident"])
    table["event"] = own.where(event == "", event) if isinstance(event, pd.Series) else own
    return table


def to_acled(
    incidents: pd.DataFrame, mentions: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """ACLED-like table: one row per event, fatalities = the most conservative killed figure
    (de-duplicated low across sources, all sides together), 0 when no death is stated."""
    if incidents is None or incidents.empty:
        return pd.DataFrame(columns=ACLED_COLUMNS)
    incidents = _event_ids(incidents)
    events = _events(incidents, documents)
    killed = _killed(mentions, incidents, documents)
    fatalities = killed.groupby("event")["low"].sum() if not killed.empty else pd.Series()
    out = pd.DataFrame(
        {
            "event_id_cnty": [f"SYR{n + 1}" for n in range(len(events))],
            "event_date": events["date"],
            "time_precision": events["time_precision"],
            "event_type": events["event_type"],
            "sub_event_type": events["sub_event_type"].map(acled_sub_event_type),
            "actor1": events["actor1"],
            "actor2": events["actor2"],
            "admin1": events["admin1"],
            "location": events["location"],
            "latitude": events["latitude"],
            "longitude": events["longitude"],
            "geo_precision": events["geo_precision"],
            "source": events["source"],
            "notes": events["notes"],
            "fatalities": events["event"].map(fatalities).fillna(0).astype(int),
            "docs": events["docs"],
        }
    )
    out["event"] = events["event"]
    return out


def acled_sub_event_type(code: str) -> str:
    """ACLED's name for one of our sub-event codes ('air_drone_strike' -> 'Air/drone strike')."""
    if not code:
        return ""
    return ACLED_SUB_EVENT_TYPES.get(code, code.replace("_", " ").capitalize())


def _violence_type(side_a: str, side_b: str, sub_event_type: str) -> int:
    """UCDP type of violence from the two sides and the event type."""
    if side_b == "CIVILIANS" or sub_event_type in ("attack", "abduction_forced_disappearance"):
        return 3
    return 1 if side_a in STATE_SIDES or side_b in STATE_SIDES else 2


def _deaths_by_side(killed: pd.DataFrame, event: str, side_a: str, side_b: str) -> dict:
    """deaths_a/_b/_civilians/_unknown (best estimates) and the event's low/best/high."""
    rows = killed[killed["event"] == event]
    best = dict(zip(rows["victim"], rows["best"], strict=True))
    a = best.get(side_a, 0) if side_a else 0
    b = best.get(side_b, 0) if side_b and side_b != side_a else 0
    civilians = best.get("CIVILIANS", 0) if "CIVILIANS" not in (side_a, side_b) else 0
    return {
        "deaths_a": int(a),
        "deaths_b": int(b),
        "deaths_civilians": int(civilians),
        "deaths_unknown": int(sum(best.values()) - a - b - civilians),
        "low": int(rows["low"].sum()),
        "best": int(rows["best"].sum()),
        "high": int(rows["high"].sum()),
    }


def to_ucdp_ged(
    incidents: pd.DataFrame, mentions: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """UCDP GED-like table: one row per event, deaths split by side, low/best/high range."""
    if incidents is None or incidents.empty:
        return pd.DataFrame(columns=UCDP_COLUMNS)
    incidents = _event_ids(incidents)
    events = _events(incidents, documents)
    killed = _killed(mentions, incidents, documents)
    rows = []
    for n, ev in events.iterrows():
        deaths = _deaths_by_side(killed, ev["event"], ev["actor1"], ev["actor2"])
        tprec = int(ev["time_precision"]) if ev["time_precision"] != "" else 3
        rows.append(
            {
                "id": n + 1,
                "date_start": ev["date"],
                "date_end": ev["date_end"],
                "date_prec": UCDP_DATE_PREC.get(tprec, 5),
                "where_prec": UCDP_WHERE_PREC.get(int(ev["geo_precision"]), 7),
                "adm_1": ev["admin1"],
                "where_coordinates": ev["location"],
                "latitude": ev["latitude"],
                "longitude": ev["longitude"],
                "type_of_violence": _violence_type(
                    ev["actor1"], ev["actor2"], ev["sub_event_type"]
                ),
                "side_a": ev["actor1"],
                "side_b": ev["actor2"],
                **deaths,
                "number_of_sources": ev["sources"],
                "source_article": f"{ev['source']} [{ev['docs']}]",
                "event": ev["event"],
            }
        )
    return pd.DataFrame(rows, columns=UCDP_COLUMNS + ["event"])


def write_exports(
    incidents: pd.DataFrame,
    mentions: pd.DataFrame,
    documents: pd.DataFrame | None,
    out_dir: str | Path,
) -> dict[str, Path]:
    """Write acled.csv and ucdp_ged.csv into `out_dir`; return their paths by name.

    Called by the extract notebook (and so by `python -m helpers report`), so an analyst gets
    files to merge with ACLED or UCDP GED without writing code.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "acled": to_acled(incidents, mentions, documents),
        "ucdp_ged": to_ucdp_ged(incidents, mentions, documents),
    }
    paths = {}
    for name, table in tables.items():
        paths[name] = out_dir / EXPORT_FILES[name]
        table.to_csv(paths[name], index=False, encoding="utf-8")
    return paths
