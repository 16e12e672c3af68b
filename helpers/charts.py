"""Plotly charts for the reports: casualties, timeline, event types, map, rival claims.

Every function takes plain tables (columns as in `helpers.schema` / `helpers.tally`) and a
`Labels` object, and returns a `plotly.graph_objects.Figure`; nothing here touches the file
system or the network, so the charts work offline and are easy to test.

Two rules hold throughout:
- Arabic text goes to plotly in logical order, untouched. Browsers shape and order it
  themselves; arabic-reshaper/bidi output would print backwards in HTML.
- Text that comes from articles (places, claimants) is HTML-escaped before it reaches plotly,
  because plotly interprets a few tags (`<a>`, `<b>`, `<br>`) inside labels and hover text.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import yaml

DATA_DIR = Path(__file__).parent / "data"
GEO_DIR = DATA_DIR / "geo"
LANGUAGES = ("ar", "en")
FONT_FAMILY = "Noto Naskh Arabic, Noto Sans Arabic, Arial, sans-serif"
# Degrees of latitude are longer than degrees of longitude at Syria's latitude (~35 N).
LAT_LON_RATIO = 1 / math.cos(math.radians(35))


@lru_cache(maxsize=1)
def _label_tables() -> dict:
    """labels.yaml, plus side labels from actors.yaml when the lead's file provides them."""
    tables = yaml.safe_load((DATA_DIR / "labels.yaml").read_text(encoding="utf-8"))
    actors_file = DATA_DIR / "actors.yaml"
    if actors_file.exists():
        actors = yaml.safe_load(actors_file.read_text(encoding="utf-8")) or {}
        entries = actors.get("sides", actors) if isinstance(actors, dict) else {}
        for code, entry in entries.items():
            if isinstance(entry, dict) and "label_en" in entry and "label_ar" in entry:
                tables["sides"][code] = {"en": entry["label_en"], "ar": entry["label_ar"]}
    return tables


@dataclass
class Labels:
    """Display names in one language, falling back to the code itself when unknown."""

    language: str = "en"
    tables: dict = field(default_factory=_label_tables)

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")

    @property
    def rtl(self) -> bool:
        """Arabic pages and charts read right to left."""
        return self.language == "ar"

    def get(self, group: str, code: object) -> str:
        """The label of `code` in `group` (categories, sides, columns, ...), or the code."""
        key = "" if code is None or (isinstance(code, float) and math.isnan(code)) else code
        entry = self.tables.get(group, {}).get(str(key))
        return entry[self.language] if entry else str(key)

    def ui(self, key: str) -> str:
        """A user-interface string."""
        return self.get("ui", key)

    def heading(self, key: str) -> str:
        """A section heading."""
        return self.get("headings", key)


def _escape(value: object) -> str:
    """Article-derived text made inert for plotly's HTML-like label markup."""
    return html.escape("" if value is None or value != value else str(value))


def _numbers(series: pd.Series) -> pd.Series:
    """A numeric column, NaN where empty or unreadable."""
    return pd.to_numeric(series, errors="coerce")


def _base_layout(fig: go.Figure, labels: Labels, title: str) -> go.Figure:
    """Common layout: title, font able to show Arabic, legend placement by direction."""
    fig.update_layout(
        title={
            "text": _escape(title),
            "x": 0.98 if labels.rtl else 0.02,
            "xanchor": "right" if labels.rtl else "left",
        },
        font={"family": FONT_FAMILY, "size": 14},
        template="plotly_white",
        margin={"l": 60, "r": 60, "t": 70, "b": 60},
        legend={
            "orientation": "h",
            "y": -0.2,
            "yanchor": "top",
            "x": 1 if labels.rtl else 0,
            "xanchor": "right" if labels.rtl else "left",
        },
    )
    fig.update_yaxes(side="right" if labels.rtl else "left")
    return fig


def _empty(fig: go.Figure, labels: Labels, message_key: str = "no_data") -> go.Figure:
    """A chart that says plainly there is nothing to show (so the chart count is stable)."""
    fig.add_annotation(
        text=labels.ui(message_key),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 18},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _error_bars(frame: pd.DataFrame) -> tuple[dict, pd.Series]:
    """Plotly error bars for low-best-high ranges; an open-ended high shows no upper bar."""
    best = _numbers(frame["best"]).fillna(0)
    low = _numbers(frame["low"]).fillna(best)
    high = _numbers(frame["high"]).fillna(best)
    bars = {
        "type": "data",
        "symmetric": False,
        "array": (high - best).clip(lower=0).tolist(),
        "arrayminus": (best - low).clip(lower=0).tolist(),
    }
    return bars, best


def casualties_by_side(tallies: pd.DataFrame, labels: Labels) -> go.Figure:
    """Bars of the best estimate per side, one colour per category, low-high as error bars.

    `tallies` is `helpers.tally.tally(..., by=["victim", "category"])`.
    """
    fig = _base_layout(go.Figure(), labels, labels.heading("casualties"))
    if tallies is None or tallies.empty:
        return _empty(fig, labels)
    side_col = "victim" if "victim" in tallies.columns else "side"
    for category, rows in tallies.groupby("category", sort=True):
        bars, best = _error_bars(rows)
        fig.add_bar(
            name=labels.get("categories", category),
            x=[labels.get("sides", s) for s in rows[side_col]],
            y=best.tolist(),
            error_y=bars,
            customdata=rows[["low", "high", "figures", "sources"]].astype(str).values,
            hovertemplate="%{x}: %{y} (%{customdata[0]}–%{customdata[1]})<extra></extra>",
        )
    fig.update_layout(barmode="group", yaxis_title=labels.ui("casualties_axis"))
    if labels.rtl:
        fig.update_xaxes(autorange="reversed")
    return fig


def timeline(tallies_by_date: pd.DataFrame, labels: Labels) -> go.Figure:
    """Best estimate per date and category (`tally(..., by=["date", "category"])`)."""
    fig = _base_layout(go.Figure(), labels, labels.heading("timeline"))
    if tallies_by_date is None or tallies_by_date.empty:
        return _empty(fig, labels)
    dated = tallies_by_date[tallies_by_date["date"].astype(str).str.len() >= 7]
    if dated.empty:
        return _empty(fig, labels)
    for category, rows in dated.sort_values("date").groupby("category", sort=True):
        bars, best = _error_bars(rows)
        fig.add_scatter(
            name=labels.get("categories", category),
            x=rows["date"].astype(str),
            y=best.tolist(),
            error_y=bars,
            mode="markers",
            marker={"size": 10},
        )
    fig.update_layout(xaxis_title=labels.ui("date_axis"), yaxis_title=labels.ui("casualties_axis"))
    fig.update_xaxes(type="date", autorange="reversed" if labels.rtl else True)
    return fig


def _incident_key(incidents: pd.DataFrame) -> pd.Series:
    """One key per real event: the de-duplicated `event` id, else the document's incident."""
    own = incidents["doc"].astype(str) + ":" + incidents["incident"].astype(str)
    if "event" not in incidents.columns:
        return own
    event = incidents["event"].fillna("").astype(str)
    return event.where(event != "", own)


def incidents_by_type(incidents: pd.DataFrame, labels: Labels) -> go.Figure:
    """How many (de-duplicated) incidents of each ACLED sub-event type."""
    fig = _base_layout(go.Figure(), labels, labels.heading("event_types"))
    if incidents is None or incidents.empty:
        return _empty(fig, labels)
    kind = incidents["sub_event_type"].fillna("").astype(str)
    kind = kind.where(kind != "", incidents["event_type"].fillna("").astype(str))
    counts = (
        pd.DataFrame({"kind": kind, "key": _incident_key(incidents)})
        .drop_duplicates("key")["kind"]
        .value_counts()
        .sort_values()
    )
    fig.add_bar(
        x=counts.values.tolist(),
        y=[labels.get("event_types", k) for k in counts.index],
        orientation="h",
        name=labels.ui("incidents_axis"),
    )
    fig.update_layout(xaxis_title=labels.ui("incidents_axis"), showlegend=False)
    if labels.rtl:
        fig.update_xaxes(autorange="reversed")
    return fig


@lru_cache(maxsize=1)
def syria_outline() -> list[list[float]]:
    """The shipped border polygon of Syria as [lon, lat] pairs (see data/geo/SOURCE.md)."""
    geo = json.loads((GEO_DIR / "syria_outline.geojson").read_text(encoding="utf-8"))
    return geo["features"][0]["geometry"]["coordinates"][0]


def _normal_name(name: object) -> str:
    """A place name folded for lookup: lower case, no punctuation or spaces."""
    return "".join(ch for ch in str(name).lower() if ch.isalnum())


@lru_cache(maxsize=1)
def governorate_points() -> dict[str, tuple[float, float, str]]:
    """Folded governorate name or alias -> (lat, lon, English name) of its capital city."""
    table = pd.read_csv(GEO_DIR / "governorates.csv", dtype=str).fillna("")
    points: dict[str, tuple[float, float, str]] = {}
    for row in table.itertuples(index=False):
        names = [row.governorate, row.name_ar, *row.aliases.split("|")]
        for name in filter(None, names):
            points[_normal_name(name)] = (
                float(row.latitude),
                float(row.longitude),
                row.governorate,
            )
    return points


def locate_incidents(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incidents with coordinates: their own, else their governorate capital (approximate)."""
    located = incidents.copy()
    lat = _numbers(located.get("latitude", pd.Series(index=located.index, dtype=float)))
    lon = _numbers(located.get("longitude", pd.Series(index=located.index, dtype=float)))
    points = governorate_points()
    fallback = located.get("governorate", pd.Series("", index=located.index)).map(
        lambda g: points.get(_normal_name(g)) if isinstance(g, str) and g else None
    )
    located["approximate"] = lat.isna() & fallback.notna()
    located["lat"] = lat.fillna(fallback.map(lambda p: p[0] if p else float("nan")))
    located["lon"] = lon.fillna(fallback.map(lambda p: p[1] if p else float("nan")))
    return located.dropna(subset=["lat", "lon"])


def _map_hover(row: pd.Series, labels: Labels) -> str:
    """Hover text of one incident marker, article text escaped."""
    parts = [
        _escape(row.get("place", "")) or _escape(row.get("governorate", "")),
        labels.get("event_types", row.get("sub_event_type", "")),
        f"{labels.get('columns', 'killed')}: {_escape(row.get('killed', ''))}",
        f"{labels.get('columns', 'injured')}: {_escape(row.get('injured', ''))}",
    ]
    if row.get("approximate"):
        parts.append("≈ " + labels.get("columns", "governorate"))
    return "<br>".join(p for p in parts if p)


def incident_map(incidents: pd.DataFrame, labels: Labels) -> go.Figure:
    """Incidents on a map of Syria drawn from shipped geometry (no tile or topojson fetch)."""
    fig = _base_layout(go.Figure(), labels, labels.heading("map"))
    outline = syria_outline()
    fig.add_scatter(
        x=[p[0] for p in outline],
        y=[p[1] for p in outline],
        mode="lines",
        fill="toself",
        fillcolor="rgba(200,200,200,0.3)",
        line={"color": "#777", "width": 1},
        name=labels.ui("syria"),
        hoverinfo="skip",
        showlegend=False,
    )
    located = locate_incidents(incidents) if incidents is not None and not incidents.empty else None
    if located is not None and not located.empty:
        size = _numbers(located["killed"]).fillna(0) + _numbers(located["injured"]).fillna(0)
        fig.add_scatter(
            x=located["lon"].tolist(),
            y=located["lat"].tolist(),
            mode="markers",
            marker={
                "size": (8 + size.clip(upper=200) ** 0.5 * 3).tolist(),
                "color": "#c0392b",
                "opacity": 0.7,
                "line": {"width": 1, "color": "#fff"},
            },
            text=[_map_hover(row, labels) for _, row in located.iterrows()],
            hovertemplate="%{text}<extra></extra>",
            name=labels.heading("incident_table"),
            showlegend=False,
        )
    else:
        fig.add_annotation(
            text=labels.ui("no_data"), showarrow=False, x=0.5, y=0.05, xref="paper", yref="paper"
        )
    fig.update_xaxes(
        title=labels.ui("longitude"), range=[35.4, 42.6], showgrid=False, constrain="domain"
    )
    fig.update_yaxes(
        title=labels.ui("latitude"),
        range=[32.1, 37.5],
        showgrid=False,
        scaleanchor="x",
        scaleratio=LAT_LON_RATIO,
        constrain="domain",
    )
    fig.update_layout(height=560)
    return fig


def disagreements(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims about one event/victim/category where claimants give different best figures."""
    if claims is None or claims.empty:
        return claims
    keys = ["event", "victim", "category"]
    best = _numbers(claims["best"])
    spread = best.groupby([claims[k] for k in keys]).transform(lambda s: s.nunique())
    voices = claims.groupby(keys)["claimed_by"].transform("nunique")
    return claims[(spread > 1) & (voices > 1)]


def claims_side_by_side(claims: pd.DataFrame, labels: Labels) -> go.Figure:
    """Grouped bars: each claimant's figure for the same event where sources disagree.

    `claims` is `helpers.tally.claims(...)`: one row per event x victim x category x claimant.
    """
    fig = _base_layout(go.Figure(), labels, labels.heading("claims"))
    contested = disagreements(claims)
    if contested is None or contested.empty:
        return _empty(fig, labels, "no_disagreement")
    what = (
        contested["event"].map(_escape)
        + " · "
        + contested["victim"].map(lambda v: labels.get("sides", v))
        + " · "
        + contested["category"].map(lambda c: labels.get("categories", c))
    )
    contested = contested.assign(what=what)
    for claimant, rows in contested.groupby("claimed_by", sort=True):
        bars, best = _error_bars(rows)
        fig.add_bar(
            name=_escape(claimant) or labels.ui("not_available"),
            x=rows["what"].tolist(),
            y=best.tolist(),
            error_y=bars,
        )
    fig.update_layout(barmode="group", yaxis_title=labels.ui("casualties_axis"))
    if labels.rtl:
        fig.update_xaxes(autorange="reversed")
    return fig
