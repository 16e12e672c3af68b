"""The same incident reported by several outlets, linked into one cross-document event.

Within an article the incidents stage already merged repeated tellings. Across articles we
follow HRDAG's record linkage: block by governorate and date window before comparing pairs,
link pairs that agree on type, place and actors, and keep every source: nothing is dropped,
each incident row only gains an `event` id and a `link_reason` that says which fields
matched. Linked groups are closed transitively (if A~B and B~C, all three are one event).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

MAX_KM = 10.0
# Days of slack on each side of a date of ACLED time precision 1 (day), 2 (week), 3 (month).
SLACK_DAYS = {1: 1, 2: 7, 3: 31}
UNKNOWN_SLACK = 7


def _text(series: pd.Series) -> pd.Series:
    """A column as strings with '' for missing values."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _gov_key(value: str) -> str:
    """Governorate name reduced for blocking (case, hyphens, leading al-)."""
    text = re.sub(r"^(al|ar|as|ad|ash|el)[- ]", "", str(value).lower())
    return re.sub(r"[^a-z\u0600-\u06ff]", "", text)


def _places(value: str) -> set[str]:
    """The names of an incident's places (the `place` column joins them with commas)."""
    return {p.strip().lower() for p in str(value).split(",") if p.strip()}


def _actors(row: Mapping) -> set[str]:
    """Named sides of an incident (UNKNOWN says nothing and is left out)."""
    return {a for a in (row["actor1"], row["actor2"]) if a and a not in ("UNKNOWN", "OTHER")}


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _prepared(incidents: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """Incidents with the fields linkage compares: date, slack, block, coordinates."""
    table = incidents.copy()
    for col in ("doc", "incident", "sub_event_type", "actor1", "actor2", "place", "governorate"):
        table[col] = _text(table[col]) if col in table.columns else ""
    published = {}
    if documents is not None and not documents.empty and "published" in documents.columns:
        published = dict(zip(_text(documents["doc"]), _text(documents["published"]), strict=True))
    date = _text(table["date"]) if "date" in table.columns else pd.Series("", index=table.index)
    date = date.where(date != "", table["doc"].map(published).fillna(""))
    table["_date"] = pd.to_datetime(date.str[:10], errors="coerce")
    precision = pd.to_numeric(table.get("date_precision"), errors="coerce")
    table["_slack"] = precision.map(SLACK_DAYS).fillna(UNKNOWN_SLACK)
    table["_block"] = table["governorate"].map(_gov_key)
    table["_lat"] = pd.to_numeric(table.get("latitude"), errors="coerce")
    table["_lon"] = pd.to_numeric(table.get("longitude"), errors="coerce")
    return table


def _place_reason(a: Mapping, b: Mapping) -> str | None:
    """Why two places are the same site ('' reasons mean no), or None when they differ."""
    common = _places(a["place"]) & _places(b["place"])
    if common:
        return f"place={sorted(common)[0]} (same name)"
    coords = (a["_lat"], a["_lon"], b["_lat"], b["_lon"])
    if all(pd.notna(c) for c in coords):
        km = km_between(*coords)
        if km < MAX_KM:
            return f"place={a['place']} ~ {b['place']} ({km:.1f} km)"
    return None


def _closeness(a: Mapping, b: Mapping) -> tuple[int, float, int]:
    """Sort key so the closest pairs link first: same name, then distance, then days."""
    same_name = 0 if _places(a["place"]) & _places(b["place"]) else 1
    coords = (a["_lat"], a["_lon"], b["_lat"], b["_lon"])
    km = km_between(*coords) if all(pd.notna(c) for c in coords) else MAX_KM
    return same_name, km, abs((a["_date"] - b["_date"]).days)


def pair_reason(a: Mapping, b: Mapping) -> str | None:
    """The link reason when two incidents from different articles are one event, else None."""
    if a["doc"] == b["doc"] or a["sub_event_type"] != b["sub_event_type"]:
        return None
    if pd.isna(a["_date"]) or pd.isna(b["_date"]):
        return None
    days = abs((a["_date"] - b["_date"]).days)
    if days > a["_slack"] + b["_slack"]:
        return None
    place = _place_reason(a, b)
    if place is None:
        return None
    actors_a, actors_b = _actors(a), _actors(b)
    if actors_a and actors_b and not actors_a & actors_b:
        return None
    actors = "/".join(sorted(actors_a | actors_b)) or "unnamed"
    window = int(max(a["_slack"], b["_slack"]))
    return (
        f"type={a['sub_event_type']}; {place}; date {a['_date']:%Y-%m-%d}±{window}d "
        f"({days}d apart); actors {actors}"
    )


class _Groups:
    """Union-find over row positions; a group never holds two incidents of one article."""

    def __init__(self, docs: list[str]) -> None:
        self.parent = list(range(len(docs)))
        self.docs = [{d} for d in docs]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the groups of i and j unless an article would then tell two of its incidents
        as one event (it told them apart); return whether they are now one group."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if self.docs[ri] & self.docs[rj]:
            return False
        keep, drop = min(ri, rj), max(ri, rj)
        self.parent[drop] = keep
        self.docs[keep] |= self.docs[drop]
        return True


def _candidate_pairs(table: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs worth comparing: same governorate and sub-event type, dates within the widest
    window. Each block is sorted by date (then row) and scanned with a sliding window, so the
    cost grows with the pairs that can link, not with the square of a block's size."""
    pairs = []
    widest = pd.Timedelta(days=2 * max(SLACK_DAYS.values()))
    dated = table[(table["_block"] != "") & table["_date"].notna()]
    for _, rows in dated.groupby(["_block", "sub_event_type"], sort=False):
        rows = rows.sort_values(["_date", "_pos"])
        positions = rows["_pos"].tolist()
        dates = rows["_date"].tolist()
        for a, (i, di) in enumerate(zip(positions, dates, strict=True)):
            for j, dj in zip(positions[a + 1 :], dates[a + 1 :], strict=True):
                if dj - di > widest:
                    break
                pairs.append((i, j))
    return pairs


RECORD_FIELDS = ("doc", "incident", "sub_event_type", "actor1", "actor2", "place")
RECORD_FIELDS += ("_date", "_slack", "_lat", "_lon")


class _Records:
    """Rows as dicts by position, built only for rows that some candidate pair compares.

    A dict per row for the whole table (`to_dict("records")`) costs more memory than the
    table itself at 100k+ incidents, while most rows are never compared.
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self.columns = {c: table[c].tolist() for c in RECORD_FIELDS}
        self.built: dict[int, dict] = {}

    def __getitem__(self, position: int) -> dict:
        row = self.built.get(position)
        if row is None:
            row = {c: values[position] for c, values in self.columns.items()}
            self.built[position] = row
        return row


def link_across_documents(incidents: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Give every incident an `event` id shared with reports of the same event elsewhere.

    Links need: same sub-event type; same place name or < MAX_KM apart; dates within their
    precision windows (a day, a week, a month; publication date when the incident has none);
    actors not contradicting each other. `link_reason` lists the fields that matched and the
    partner incidents; an unlinked incident gets its own event and an empty reason.
    """
    if incidents is None or incidents.empty:
        out = incidents.copy() if incidents is not None else pd.DataFrame()
        for col in ("event", "link_reason"):
            out[col] = pd.Series(dtype=object)
        return out
    table = _prepared(incidents.reset_index(drop=True), documents)
    table["_pos"] = range(len(table))
    groups = _Groups(table["doc"].tolist())
    reasons: dict[int, list[str]] = {i: [] for i in range(len(table))}
    scored = []
    records = _Records(table)
    for i, j in _candidate_pairs(table):
        reason = pair_reason(records[i], records[j])
        if reason is not None:
            scored.append((_closeness(records[i], records[j]), i, j, reason))
    for _, i, j, reason in sorted(scored):
        if not groups.union(i, j):
            continue
        a, b = records[i], records[j]
        reasons[i].append(f"{reason}; with {b['doc']}:{b['incident']}")
        reasons[j].append(f"{reason}; with {a['doc']}:{a['incident']}")
    roots = [groups.find(i) for i in range(len(table))]
    dates = table["_date"].tolist()
    order = sorted(set(roots), key=lambda r: (dates[r], r))
    names = {root: f"e{n + 1}" for n, root in enumerate(order)}
    out = incidents.reset_index(drop=True).copy()
    out["event"] = [names[r] for r in roots]
    out["link_reason"] = [" | ".join(reasons[i]) for i in range(len(table))]
    return out
