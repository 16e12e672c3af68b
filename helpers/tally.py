"""Casualty tallies from the figures of many articles, each real casualty counted once.

Several outlets report the same incident, often with different numbers. Adding them up would
count the same dead two or three times, so the tally follows UCDP GED's convention:

1. Only figures that stand on their own count: empty `relation` (repeats, subsets and
   aggregates are already marked by the mentions stage) and empty `cause` (deaths the text puts
   down to a road accident, a disaster or disease are not conflict casualties). `alternative_to:` figures are rival
   claims about the same people: they compete for the best estimate and widen the range, they
   are never added.
2. Within one article and claimant, a victim/category's figures of one incident are summed
   (they are different people once repeats are marked): that is one *claim*.
3. Per cross-document event (`incidents.event`), victim and category: best = the claim most
   often reported (ties -> the lower median of the tied values), low = the lowest low,
   high = the highest high. An open-ended figure ("at least 11") has high = its best: we report
   the highest figure *stated*, not a guessed upper bound. A vague figure with no best
   ("dozens", "many") is not countable: it contributes 0 and still shows in `reports`.
4. Events are summed per requested group. Cumulative figures ("since September, 1087 killed")
   are tallied only with `scope="cumulative"`, never added to incident tallies.

The arithmetic is written out with examples in docs/incidents.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

TALLY_COLUMNS = ["low", "best", "high", "figures", "reports", "sources"]

# Public names of grouping keys -> the column of the figures table that holds them.
GROUP_KEYS = {
    "side": "victim",
    "victim": "victim",
    "category": "category",
    "governorate": "governorate",
    "place": "place",
    "date": "date",
    "week": "week",
    "month": "month",
    "event_type": "sub_event_type",
    "sub_event_type": "sub_event_type",
    "outlet": "outlet",
    "claimed_by": "claimed_by",
    "claimant": "claimed_by",
    "doc": "doc",
    "event": "event",
}
# Keys that describe the event itself: one canonical value per event, so that grouping by
# them never splits (and double counts) an event whose reports disagree on a detail.
EVENT_LEVEL = ("governorate", "place", "date", "week", "month", "sub_event_type", "event_type")


def _text(series: pd.Series) -> pd.Series:
    """A column as plain strings with '' for missing values."""
    return series.astype(object).where(series.notna(), "").astype(str).replace("nan", "")


def _column(df: pd.DataFrame | None, name: str) -> pd.Series:
    """A text column of `df`, or empty strings when the table or column is absent."""
    if df is None or name not in df.columns:
        index = df.index if df is not None else None
        return pd.Series("", index=index, dtype=object)
    return _text(df[name])


def _most_common(values: pd.Series) -> str:
    """The most frequent non-empty value (earliest on ties), '' when none."""
    values = [v for v in values if v]
    if not values:
        return ""
    counts = Counter(values)
    top = max(counts.values())
    return sorted(v for v, c in counts.items() if c == top)[0]


def _event_attributes(incidents: pd.DataFrame | None) -> pd.DataFrame:
    """Per (doc, incident): its event id and the event's canonical place, date and type."""
    cols = ["doc", "incident", "event", "governorate", "place", "date", "sub_event_type"]
    if incidents is None or incidents.empty:
        return pd.DataFrame(columns=cols)
    table = pd.DataFrame({c: _column(incidents, c) for c in cols})
    own_id = table["doc"] + ":" + table["incident"]
    table["event"] = table["event"].where(table["event"] != "", own_id)
    for col in ("governorate", "place", "date", "sub_event_type"):
        table[col] = table.groupby("event")[col].transform(_most_common)
    return table


def _number(series: pd.Series) -> pd.Series:
    """A numeric column (floats, NaN where empty or unreadable)."""
    return pd.to_numeric(series.astype(object).replace("", None), errors="coerce")


def _figure_bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """Per figure: countable flag and low <= best <= high, open ends and vague words resolved."""
    best, low, high = _number(frame["best"]), _number(frame["low"]), _number(frame["high"])
    countable = best.notna()
    low = low.where(low.notna(), best).fillna(0.0)
    best = best.where(countable, low)
    low = low.where(low <= best, best)
    high = high.where(high.notna(), best)
    high = high.where(high >= best, best)
    return pd.DataFrame({"countable": countable, "low_f": low, "best_f": best, "high_f": high})


def figures_table(
    mentions: pd.DataFrame,
    incidents: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per mention joined with its event, place, date and outlet, bounds resolved.

    This is the table every tally and claim list is computed from; it is also handy in a
    notebook to see which figures a number was built from.
    """
    base_cols = ["doc", "mention", "category", "victim", "qualifier", "scope", "relation"]
    base_cols += ["cause", "claimed_by", "incident", "sentence", "text"]
    table = pd.DataFrame({c: _column(mentions, c) for c in base_cols})
    for col in ("best", "low", "high"):
        table[col] = mentions[col] if col in mentions.columns else None
    table = pd.concat([table, _figure_bounds(table)], axis=1)
    table = table.merge(_event_attributes(incidents), on=["doc", "incident"], how="left")
    for col in ("event", "governorate", "place", "date", "sub_event_type"):
        table[col] = _text(table[col])
    own_incident = table["doc"] + ":" + table["incident"]
    own_mention = table["doc"] + ":" + table["mention"]
    fallback = own_incident.where(table["incident"] != "", own_mention)
    table["event"] = table["event"].where(table["event"] != "", fallback)
    docs = pd.DataFrame({c: _column(documents, c) for c in ("doc", "outlet", "published")})
    table = table.merge(docs.drop_duplicates("doc"), on="doc", how="left")
    table["outlet"] = _text(table["outlet"])
    table["date"] = table["date"].where(table["date"] != "", _text(table["published"]))
    table["date"] = _text(table.groupby("event")["date"].transform(_most_common))
    dates = pd.to_datetime(table["date"].str[:10], errors="coerce")
    week_start = dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    table["week"] = _text(week_start.dt.strftime("%Y-%m-%d"))
    table["month"] = _text(dates.dt.strftime("%Y-%m"))
    table["voice"] = table["claimed_by"].where(table["claimed_by"] != "", table["outlet"])
    return table.drop(columns=["published"])


def _as_list(value: object) -> list[str]:
    """A filter value as a list of strings (a single value or any sequence)."""
    if isinstance(value, str | int | float):
        return [str(value)]
    return [str(v) for v in value]


def apply_filters(table: pd.DataFrame, filters: dict | None) -> pd.DataFrame:
    """Keep the rows of `figures_table` that match every filter (value or list of values).

    Public so that reports filter their provenance tables exactly as `tally` filters what it
    counts: a report can never show a figure its tallies left out, or the reverse.
    """
    for key, value in (filters or {}).items():
        if value is None or (
            not isinstance(value, str) and hasattr(value, "__len__") and not value
        ):
            continue
        if key == "date_from":
            table = table[(table["date"] != "") & (table["date"].str[:10] >= str(value))]
        elif key == "date_to":
            table = table[(table["date"] != "") & (table["date"].str[:10] <= str(value))]
        elif key in GROUP_KEYS:
            table = table[table[GROUP_KEYS[key]].isin(_as_list(value))]
        else:
            raise ValueError(f"unknown filter {key!r}; use one of {sorted(GROUP_KEYS)}")
    return table


def _counted(table: pd.DataFrame, scope: str) -> pd.DataFrame:
    """Figures that count: requested scope, no repeat/subset/aggregate relation, and a
    conflict cause (road accidents, disasters and disease stay in the figures table only)."""
    if scope not in ("incident", "cumulative"):
        raise ValueError(f"scope must be 'incident' or 'cumulative', not {scope!r}")
    scope_col = table["scope"].where(table["scope"] != "", "incident")
    standalone = table["relation"] == ""
    rival = table["relation"].str.startswith("alternative_to:")
    conflict = table["cause"] == ""
    return table[(scope_col == scope) & (standalone | rival) & conflict].copy()


def _claim_key(table: pd.DataFrame) -> pd.Series:
    """Which figures form one claim: same article and claimant; each rival figure alone."""
    key = table["doc"] + "|" + table["claimed_by"]
    rival = table["relation"].str.startswith("alternative_to:")
    return key.where(~rival, table["doc"] + "|alt|" + table["mention"])


def _best_supported(values: list[float]) -> float:
    """The most frequently reported value; ties -> the lower median of the tied values."""
    if not values:
        return 0.0
    counts = Counter(values)
    top = max(counts.values())
    tied = sorted(v for v, c in counts.items() if c == top)
    return tied[(len(tied) - 1) // 2]


def _reduce_event(claims: pd.DataFrame) -> pd.Series:
    """One event's figure from its claims: best-supported best, lowest low, highest high."""
    candidates = claims.loc[claims["countable"], "best_f"].tolist()
    best = _best_supported(candidates)
    low = min(float(claims["low_f"].min()), best)
    high = max(float(claims["high_f"].max()), best)
    return pd.Series({"low": low, "best": best, "high": high})


def _event_figures(counted: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per event and grouping keys: low/best/high plus the rows and voices behind them."""
    counted["claim"] = _claim_key(counted)
    group = ["event", *[k for k in keys if k != "event"]]
    claims = counted.groupby([*group, "claim"], sort=False, dropna=False).agg(
        low_f=("low_f", "sum"),
        best_f=("best_f", "sum"),
        high_f=("high_f", "sum"),
        countable=("countable", "any"),
    )
    reduced = claims.groupby(level=group, sort=False, dropna=False).apply(_reduce_event)
    support = counted.groupby(group, sort=False, dropna=False).agg(
        reports=("mention", "size"), voices=("voice", lambda s: frozenset(v for v in s if v))
    )
    return reduced.join(support).reset_index()


def tally(
    mentions: pd.DataFrame,
    incidents: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
    by: Sequence[str] = ("victim", "category"),
    scope: str = "incident",
    filters: dict | None = None,
) -> pd.DataFrame:
    """De-duplicated low/best/high casualty figures per group, each real event counted once.

    `by` takes any of GROUP_KEYS (side/victim, category, governorate, place, date, week,
    month, event_type, outlet, claimed_by, doc, event); `filters` maps the same names, or
    date_from/date_to (ISO), to a value or list. Returns `list(by)` + TALLY_COLUMNS:
    `figures` = de-duplicated figures summed, `reports` = mention rows behind them,
    `sources` = distinct voices (the claimant, or the outlet when no claimant is named).
    """
    by = list(by)
    unknown = [k for k in by if k not in GROUP_KEYS]
    if unknown:
        raise ValueError(f"unknown grouping {unknown}; use any of {sorted(GROUP_KEYS)}")
    keys = [GROUP_KEYS[k] for k in by]
    if mentions is None or mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in by + TALLY_COLUMNS})
    table = apply_filters(figures_table(mentions, incidents, documents), filters)
    counted = _counted(table, scope)
    if counted.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in by + TALLY_COLUMNS})
    events = _event_figures(counted, list(dict.fromkeys(keys)))
    return _sum_events(events, by, keys)


def _sum_events(events: pd.DataFrame, by: list[str], keys: list[str]) -> pd.DataFrame:
    """Add up per-event figures within each group and name the columns as requested."""
    unique_keys = list(dict.fromkeys(keys))
    if not unique_keys:
        events["_all"] = ""
        unique_keys = ["_all"]
    grouped = events.groupby(unique_keys, sort=True, dropna=False)
    out = grouped.agg(
        low=("low", "sum"),
        best=("best", "sum"),
        high=("high", "sum"),
        figures=("event", "size"),
        reports=("reports", "sum"),
        sources=("voices", lambda s: len(frozenset().union(*s))),
    ).reset_index()
    for col in ("low", "best", "high"):
        out[col] = out[col].round().astype(int)
    result = pd.DataFrame({name: out[key] for name, key in zip(by, keys, strict=True)})
    for col in TALLY_COLUMNS:
        result[col] = out[col].astype(int)
    return result.reset_index(drop=True)


def claims(
    mentions: pd.DataFrame,
    incidents: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
    scope: str = "incident",
) -> pd.DataFrame:
    """One row per event x victim x category x claimant: who says how many, side by side.

    A claimant repeated by several outlets is one claim (its figure is the best-supported of
    the articles quoting it, the range their lowest and highest).

    Contested numbers (SOHR vs SANA on one incident) are kept here as separate rows rather
    than averaged away; `tally` shows the same disagreement as its low-high range.
    """
    columns = ["event", "victim", "category", "claimed_by", "outlets", "docs"]
    columns += ["low", "best", "high", "countable", "reports", "mentions", "sentence"]
    if mentions is None or mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    counted = _counted(figures_table(mentions, incidents, documents), scope)
    if counted.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    counted["ref"] = counted["doc"] + ":" + counted["mention"]
    keys = ["event", "victim", "category", "claimed_by"]
    per_doc = counted.groupby([*keys, "doc"], sort=True).agg(
        outlet=("outlet", "first"),
        low=("low_f", "sum"),
        best=("best_f", "sum"),
        high=("high_f", "sum"),
        countable=("countable", "any"),
        reports=("mention", "size"),
        mentions=("ref", " ".join),
        sentence=("sentence", "first"),
    )
    out = (
        per_doc.reset_index()
        .groupby(keys, sort=True)
        .agg(
            outlets=("outlet", lambda s: "; ".join(sorted({v for v in s if v}))),
            docs=("doc", " ".join),
            low=("low", "min"),
            best=("best", lambda s: _best_supported(s.tolist())),
            high=("high", "max"),
            countable=("countable", "any"),
            reports=("reports", "sum"),
            mentions=("mentions", " ".join),
            sentence=("sentence", "first"),
        )
    )
    return out.reset_index()[columns]
