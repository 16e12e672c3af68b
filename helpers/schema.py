"""The tables passed between pipeline stages, declared once.

Every stage reads and writes plain pandas DataFrames whose columns are listed here, so a
notebook, a test or an analyst's own script can rely on them. `validate()` checks a table at
a stage boundary and raises a clear error naming the table and the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

CATEGORIES = ("killed", "injured", "killed_or_injured", "detained", "surrendered", "displaced")
SIDES = (
    "CIVILIANS",
    "SYR_GOV",
    "ISIS",
    "SDF",
    "OPPOSITION",
    "COALITION",
    "RUSSIA",
    "TURKEY",
    "IRAN",
    "ISRAEL",
    "IRAQ",
    "ASAYISH",
    "OTHER",
    "UNKNOWN",
    "MIXED",
)
QUALIFIERS = ("exact", "at_least", "more_than", "about", "range", "vague", "less_than")
SCOPES = ("incident", "cumulative")

# One row per processed input document.
DOCUMENT_COLUMNS = [
    "doc",  # stable id (file name without extension, or the id column of a table)
    "source",  # the file it came from (and row, for tables)
    "outlet",
    "published",  # ISO date or empty
    "date_precision",  # day / week / month / year or empty
    "title",
    "url",
    "encoding",  # encoding the bytes were decoded with
    "chars",  # length of the text in characters
    "mentions",  # number of casualty mentions found
    "incidents",  # number of incidents found
]

# One row per input that was not processed, and why.
SKIPPED_COLUMNS = ["doc", "source", "reason"]

# One row per casualty figure stated in a text.
MENTION_COLUMNS = [
    "doc",
    "mention",  # id within the document: m1, m2, ...
    "start",  # character offsets into the document text as read (UTF-8 decoded)
    "end",
    "text",  # text[start:end]
    "category",  # one of CATEGORIES
    "victim",  # one of SIDES
    "best",
    "low",
    "high",  # empty when open-ended
    "qualifier",  # one of QUALIFIERS
    "scope",  # incident / cumulative
    "relation",  # '' | same_as:mX | subset_of:mX | aggregate_of:mX+mY | alternative_to:mX
    "unit",  # what is counted: people (default) or families, ...
    "claimed_by",  # who the text says gives the figure
    "perpetrator",  # who caused it, where stated (side code)
    "cause",  # '' for violence (or unstated); accident / disaster / illness / crime: not counted
    "incident",  # id of the incident (within the document) it belongs to, or ''
    "sentence",  # the sentence the figure comes from, for provenance
]

# One row per incident (ACLED sense: same day, place, actors and type) in one document.
INCIDENT_COLUMNS = [
    "doc",
    "incident",  # id within the document: i1, i2, ...
    "start",
    "end",
    "text",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "place",
    "governorate",
    "latitude",
    "longitude",
    "geo_precision",  # ACLED 1 town / 2 near or part of region / 3 region only
    "date",  # ISO date or empty when unknown
    "date_precision",  # ACLED 1 day / 2 week / 3 month, empty when unknown
    "killed",
    "injured",
    "mentions",  # space-separated mention ids that belong to it
    "event",  # cross-document event id after de-duplication
    "link_reason",  # why it was linked to other reports of the same event
]

INT_COLUMNS = {"start", "end", "chars", "mentions", "incidents"}


@dataclass
class Document:
    """One article as read from the corpus: the text exactly as decoded, plus metadata."""

    doc: str
    text: str
    source: str = ""
    outlet: str = ""
    published: str = ""
    date_precision: str = ""
    title: str = ""
    url: str = ""
    encoding: str = "utf-8"
    extra: dict = field(default_factory=dict)


class SchemaError(ValueError):
    """A table does not have the columns or values its stage promises."""


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with the declared columns (so downstream code never special-cases)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def conform(rows: list[dict] | pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Build a table with exactly the declared columns, in order, filling missing ones."""
    df = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows.copy()
    if df.empty:
        return empty(columns)
    for c in columns:
        if c not in df.columns:
            df[c] = ""
    return df[columns + [c for c in df.columns if c not in columns]]


def validate_mentions(df: pd.DataFrame, name: str = "mentions") -> pd.DataFrame:
    """Check a mentions table: columns present, codes known, offsets and ranges consistent."""
    missing = [c for c in MENTION_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"{name}: missing columns {missing}")
    if df.empty:
        return df
    for col, allowed in (
        ("category", CATEGORIES),
        ("victim", SIDES),
        ("qualifier", QUALIFIERS),
        ("scope", SCOPES),
    ):
        bad = sorted(set(df[col].dropna()) - set(allowed))
        if bad:
            raise SchemaError(f"{name}: column {col!r} has unknown values {bad}")
    if ((df["start"] < 0) | (df["end"] < df["start"])).any():
        raise SchemaError(f"{name}: start/end offsets out of order")
    num = df[["low", "best", "high"]].apply(pd.to_numeric, errors="coerce")
    bad = (num["low"] > num["best"]) | (num["best"] > num["high"])
    if bad.any():
        raise SchemaError(f"{name}: low <= best <= high violated in {int(bad.sum())} rows")
    return df
