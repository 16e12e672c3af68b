"""Notebook helpers and the `python -m helpers report` batch runner.

The three notebooks in `notebooks/` stay thin: each cell calls one function from here, so the
logic is tested like any other code and the notebooks read as a table of contents. The batch
runner executes them with papermill for one or many parameter sets and renders each executed
notebook to a self-contained, offline HTML page with nbconvert (code hidden), plus an index.

Safety rules that everything below keeps:
- Article text is untrusted: it reaches HTML only escaped (pandas/itables escaping, or
  `html.escape`), never through `allow_html`.
- Reports make no network request: plotly.js and DataTables are embedded once per page and
  nbconvert's CDN script tags (require.js, MathJax, mermaid) are removed by our template.
- Output names come from parameters but are sanitised so nothing is written outside reports/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import sys
import time
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FunctionType, ModuleType

import pandas as pd
import yaml

from helpers import charts
from helpers.charts import Labels
from helpers.schema import (
    CATEGORIES,
    DOCUMENT_COLUMNS,
    INCIDENT_COLUMNS,
    MENTION_COLUMNS,
    SIDES,
    SKIPPED_COLUMNS,
    conform,
)

REPO_DIR = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = REPO_DIR / "notebooks"
DATA_DIR = Path(__file__).parent / "data"
NOTEBOOKS = ("01_extract", "02_tally", "03_report")
TABLES = {
    "documents": DOCUMENT_COLUMNS,
    "skipped": SKIPPED_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "incidents": INCIDENT_COLUMNS,
}

# ---------------------------------------------------------------- parameters

FILTER_PARAMETERS = {
    "governorate": str,
    "side": str,
    "category": str,
    "date_from": str,
    "date_to": str,
    "outlet": str,
}
EXTRACT_PARAMETERS = {"corpus": str, "out_dir": str, "workers": int}
TALLY_PARAMETERS = {"extract_dir": str, "out_dir": str, **FILTER_PARAMETERS}
REPORT_PARAMETERS = {"extract_dir": str, "title": str, "language": str, **FILTER_PARAMETERS}
NOTEBOOK_PARAMETERS = {
    "01_extract": EXTRACT_PARAMETERS,
    "02_tally": TALLY_PARAMETERS,
    "03_report": REPORT_PARAMETERS,
}
# Names a batch parameter set may use (folders are chosen by the runner, not by the set).
BATCH_KEYS = {"name": str, "corpus": str, "title": str, "language": str, "workers": int}
BATCH_KEYS |= FILTER_PARAMETERS
_KERNEL_NAMES = {"In", "Out", "get_ipython", "exit", "quit", "open"}


class ParameterError(ValueError):
    """A notebook parameter is unknown or has an invalid value."""


def _is_user_value(name: str, value: object) -> bool:
    """Whether a global looks like a parameter (not a module, function, or IPython name)."""
    if name.startswith("_") or name in _KERNEL_NAMES:
        return False
    return not isinstance(value, ModuleType | FunctionType | type)


def _check_type(name: str, value: object, kind: type) -> object:
    """`value` converted to `kind` when that is lossless, else a ParameterError."""
    if value is None and kind is str:
        return ""
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is str and isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    raise ParameterError(f"parameter {name!r} must be {kind.__name__}, got {value!r}")


def _check_date(name: str, value: str) -> None:
    """Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD) so they compare as text with the tables."""
    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ParameterError(f"parameter {name!r} must be an ISO date like 2019-01-31: {value!r}")
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError as err:
            raise ParameterError(f"parameter {name!r} is not a real date: {value!r}") from err


def _check_values(values: dict) -> None:
    """Domain checks shared by all notebooks (language, side, category, dates)."""
    if "language" in values and values["language"] not in charts.LANGUAGES:
        raise ParameterError(
            f"parameter 'language' must be one of {charts.LANGUAGES}: {values['language']!r}"
        )
    for name, allowed in (("side", SIDES), ("category", CATEGORIES)):
        bad = [v for v in split_values(values.get(name, "")) if v not in allowed]
        if bad:
            raise ParameterError(f"parameter {name!r}: unknown {bad}; use one of {list(allowed)}")
    for name in ("date_from", "date_to"):
        _check_date(name, values.get(name, ""))
    if (
        values.get("date_from")
        and values.get("date_to")
        and values["date_from"] > values["date_to"]
    ):
        raise ParameterError("parameter 'date_from' is after 'date_to'")
    if "workers" in values and values["workers"] < 1:
        raise ParameterError("parameter 'workers' must be at least 1")


def check_parameters(namespace: Mapping[str, object], allowed: Mapping[str, type]) -> dict:
    """The notebook's parameters, validated; raise ParameterError naming the bad one.

    papermill only *warns* about parameters a notebook does not declare and injects them
    anyway, so a typo (`governorat=`) would silently produce an unfiltered report. Called
    with `globals()` right after the parameters cell, this stops the run instead.
    """
    unknown = sorted(n for n, v in namespace.items() if _is_user_value(n, v) and n not in allowed)
    if unknown:
        raise ParameterError(f"unknown parameter(s) {unknown}; allowed: {sorted(allowed)}")
    missing = [name for name in allowed if name not in namespace]
    if missing:
        raise ParameterError(f"missing parameter(s) {missing}")
    values = {name: _check_type(name, namespace[name], kind) for name, kind in allowed.items()}
    _check_values(values)
    return values


def split_values(value: object) -> list[str]:
    """A filter value as a list: 'ISIS, SDF' -> ['ISIS', 'SDF']; '' -> []."""
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


def filters_from(params: Mapping[str, object]) -> dict[str, list[str] | str]:
    """The filters `helpers.tally` understands, only those that are set."""
    filters: dict[str, list[str] | str] = {}
    for name in FILTER_PARAMETERS:
        value = params.get(name, "")
        if not value:
            continue
        filters[name] = str(value) if name.startswith("date_") else split_values(value)
    return filters


def resolve(path: str | Path, base: str | Path | None = None) -> Path:
    """A parameter path made absolute against `base` (the notebook's folder) when relative."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else (Path(base or Path.cwd()) / path).resolve()


# ---------------------------------------------------------------- tables on disk


def _normalize(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Declared columns with stable types (helpers.io's rules when available)."""
    frame = conform(frame, TABLES[table])
    try:
        from helpers.io import normalize_table
    except ImportError:
        return frame.astype(str)
    return normalize_table(frame, table)


def _read_csv(path: Path, table: str) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return _normalize(frame, table)


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    try:
        from helpers.io import write_parquet
    except ImportError:
        frame.to_parquet(path, index=False)
        return
    write_parquet(frame, path)


def extract_tables(corpus: str | Path, out_dir: str | Path, workers: int = 1) -> dict[str, int]:
    """Run the extract stage on `corpus` and leave the four tables as parquet in `out_dir`.

    The work is `helpers.runner`'s; this only makes sure every table also exists as parquet
    (the runner writes documents/skipped as CSV), adds the ACLED-like and UCDP GED-like
    exports (acled.csv, ucdp_ged.csv) and returns the row counts.
    """
    corpus, out_dir = Path(corpus), Path(out_dir)
    if not corpus.exists():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    from helpers import runner

    run = getattr(runner, "run_extract", None)
    if run is not None:
        run(corpus, out_dir, workers=workers, progress=False)
    else:
        runner.extract(corpus, out_dir, workers=workers, progress=False)
    counts = {}
    for table in TABLES:
        parquet, csv = out_dir / f"{table}.parquet", out_dir / f"{table}.csv"
        if not parquet.exists():
            _write_parquet(_read_csv(csv, table), parquet)
        counts[table] = len(pd.read_parquet(parquet))
    counts.update(write_exports(out_dir))
    return counts


def write_exports(extract_dir: str | Path) -> dict[str, int]:
    """acled.csv and ucdp_ged.csv next to the extracted tables; rows written per file.

    Analysts merge these with ACLED / UCDP GED downloads without writing code: the extract
    notebook (and so `python -m helpers report`) always leaves them in its output folder.
    """
    from helpers import export

    tables = load_tables(extract_dir)
    paths = export.write_exports(
        tables["incidents"], tables["mentions"], tables["documents"], extract_dir
    )
    return {name: len(pd.read_csv(path, dtype=str)) for name, path in paths.items()}


def load_tables(extract_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The four tables written by 01_extract (parquet, or CSV as a fallback)."""
    extract_dir = Path(extract_dir)
    tables = {}
    for table, columns in TABLES.items():
        parquet, csv = extract_dir / f"{table}.parquet", extract_dir / f"{table}.csv"
        if parquet.exists():
            tables[table] = conform(pd.read_parquet(parquet), columns)
        elif csv.exists():
            tables[table] = _read_csv(csv, table)
        else:
            raise FileNotFoundError(
                f"{parquet} not found: run notebooks/01_extract.ipynb with out_dir={extract_dir}"
            )
    return tables


def _tally_module() -> ModuleType | None:
    """helpers.tally, or None while it has not landed (reports then show no tallies)."""
    try:
        from helpers import tally
    except ImportError:
        return None
    return tally


def empty_tally(by: Iterable[str]) -> pd.DataFrame:
    """A tally table with no rows, for when there is nothing (or no tally stage) to count."""
    columns = [*by, "low", "best", "high", "figures", "reports", "sources"]
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def compute_tally(
    tables: Mapping[str, pd.DataFrame], by: Iterable[str], filters: dict
) -> pd.DataFrame:
    """`helpers.tally.tally` on the loaded tables with the report's filters."""
    tally = _tally_module()
    if tally is None or tables["mentions"].empty:
        return empty_tally(by)
    return tally.tally(
        tables["mentions"], tables["incidents"], tables["documents"], by=list(by), filters=filters
    )


def tally_tables(
    extract_dir: str | Path, out_dir: str | Path, filters: dict
) -> dict[str, pd.DataFrame]:
    """Tallies by side x category, governorate and date, written as parquet to `out_dir`."""
    tables = load_tables(extract_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {
        "tallies": compute_tally(tables, ("victim", "category"), filters),
        "tallies_by_governorate": compute_tally(tables, ("governorate", "category"), filters),
        "tallies_by_date": compute_tally(tables, ("date", "category"), filters),
    }
    for name, frame in results.items():
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
    (out_dir / "filters.json").write_text(json.dumps(filters, ensure_ascii=False), "utf-8")
    return results


# ---------------------------------------------------------------- report content


def figure_rows(tables: Mapping[str, pd.DataFrame], filters: dict) -> pd.DataFrame:
    """One row per casualty figure with its event, place, date and outlet, filters applied."""
    tally = _tally_module()
    mentions = tables["mentions"]
    if tally is None or mentions.empty:
        rows = mentions.merge(tables["documents"][["doc", "outlet"]], on="doc", how="left")
        for col in ("event", "governorate", "place", "date"):
            rows[col] = ""
        return rows
    rows = tally.figures_table(mentions, tables["incidents"], tables["documents"])
    return tally.apply_filters(rows, filters)


def filter_incidents(
    tables: Mapping[str, pd.DataFrame], figures: pd.DataFrame, filters: dict
) -> pd.DataFrame:
    """Incidents matching the filters: place/date/outlet on the incident, side/category via
    its figures (an incident counts for a side when one of its figures is about that side)."""
    incidents = tables["incidents"].merge(
        tables["documents"][["doc", "outlet", "published"]], on="doc", how="left"
    )
    date = incidents["date"].fillna("").astype(str)
    date = date.where(date != "", incidents["published"].fillna("").astype(str))
    keep = pd.Series(True, index=incidents.index)
    for name, column in (("governorate", "governorate"), ("outlet", "outlet")):
        if filters.get(name):
            keep &= incidents[column].isin(filters[name])
    if filters.get("date_from"):
        keep &= (date != "") & (date.str[:10] >= filters["date_from"])
    if filters.get("date_to"):
        keep &= (date != "") & (date.str[:10] <= filters["date_to"])
    if filters.get("side") or filters.get("category"):
        with_figures = set(figures["doc"].astype(str) + ":" + figures["incident"].astype(str))
        keys = incidents["doc"].astype(str) + ":" + incidents["incident"].astype(str)
        keep &= keys.isin(with_figures)
    incidents = incidents[keep].drop(columns=["published"])
    incidents["claimed_by"] = _incident_claimants(tables["mentions"], incidents)
    return incidents


def _incident_claimants(mentions: pd.DataFrame, incidents: pd.DataFrame) -> pd.Series:
    """Per incident, who gives its figures ('SOHR; SANA'), so its numbers show their claimant."""
    keys = mentions["doc"].astype(str) + ":" + mentions["incident"].astype(str)
    claimants = (
        mentions.assign(key=keys, who=mentions["claimed_by"].fillna("").astype(str))
        .groupby("key")["who"]
        .agg(lambda s: "; ".join(sorted({w for w in s if w})))
    )
    own = incidents["doc"].astype(str) + ":" + incidents["incident"].astype(str)
    return own.map(claimants).fillna("")


def _figure_text(row: pd.Series, labels: Labels) -> str:
    """A figure as a reader says it: 'at least 11', '60–90', 'vague'."""

    def number(value: object) -> str:
        number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
        return "" if pd.isna(number) else f"{number:g}"

    best, low, high = number(row["best"]), number(row["low"]), number(row["high"])
    qualifier = str(row.get("qualifier", "") or "")
    if qualifier == "range" and low and high:
        return f"{low}–{high}"
    if qualifier in ("", "exact"):
        return best
    return f"{labels.get('qualifiers', qualifier)} {best}".strip()


FIGURE_TABLE_COLUMNS = (
    "figure",
    "category",
    "victim",
    "scope",
    "relation",
    "cause",
    "claimed_by",
    "outlet",
    "date",
    "governorate",
    "sentence",
    "doc",
)
INCIDENT_TABLE_COLUMNS = (
    "incident",
    "event",
    "event_type",
    "actors",
    "place",
    "governorate",
    "date",
    "killed",
    "injured",
    "claimed_by",
    "outlet",
    "sentence",
)


def _labelled(table: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Column headings in the report's language."""
    return table.rename(columns=lambda c: labels.get("columns", c)).reset_index(drop=True)


def figure_table(figures: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The casualty-figure table: every number with its sentence, outlet and claimant."""
    if figures.empty:
        return _labelled(pd.DataFrame(columns=FIGURE_TABLE_COLUMNS), labels)
    table = pd.DataFrame(
        {
            "figure": figures.apply(lambda r: _figure_text(r, labels), axis=1),
            "category": figures["category"].map(lambda c: labels.get("categories", c)),
            "victim": figures["victim"].map(lambda s: labels.get("sides", s)),
            "scope": figures["scope"].map(lambda s: labels.get("scopes", s)),
            "relation": figures["relation"],
            "cause": figures["cause"].map(lambda c: labels.get("causes", c)),
            "claimed_by": figures["claimed_by"],
            "outlet": figures["outlet"],
            "date": figures["date"],
            "governorate": figures["governorate"],
            "sentence": figures["sentence"],
            "doc": figures["doc"] + ":" + figures["mention"],
        }
    )
    return _labelled(table[list(FIGURE_TABLE_COLUMNS)], labels)


def incident_table(incidents: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The incident table: type, actors, place, date, killed/injured and the source text."""
    if incidents.empty:
        return _labelled(pd.DataFrame(columns=INCIDENT_TABLE_COLUMNS), labels)
    actors = (
        incidents["actor1"].map(lambda a: labels.get("sides", a))
        + " / "
        + incidents["actor2"].map(lambda a: labels.get("sides", a))
    )
    table = pd.DataFrame(
        {
            "incident": incidents["doc"] + ":" + incidents["incident"],
            "event": incidents["event"],
            "event_type": incidents["sub_event_type"].map(lambda t: labels.get("event_types", t)),
            "actors": actors,
            "place": incidents["place"],
            "governorate": incidents["governorate"],
            "date": incidents["date"],
            "killed": incidents["killed"],
            "injured": incidents["injured"],
            "claimed_by": incidents.get("claimed_by", ""),
            "outlet": incidents.get("outlet", ""),
            "sentence": incidents["text"],
        }
    )
    return _labelled(table[list(INCIDENT_TABLE_COLUMNS)], labels)


def skipped_table(skipped: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Inputs that were not processed and why."""
    return _labelled(skipped[["doc", "source", "reason"]], labels)


def tally_table(tallies: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """A tally with readable side and category names."""
    table = tallies.copy()
    if "victim" in table.columns:
        table["victim"] = table["victim"].map(lambda s: labels.get("sides", s))
    if "category" in table.columns:
        table["category"] = table["category"].map(lambda c: labels.get("categories", c))
    return _labelled(table, labels)


def evaluation_scores() -> dict[str, float] | None:
    """The current extractor's scores on the seeds' gold, or None while evaluation is missing."""
    try:
        from helpers.evaluate import evaluate_corpus
    except ImportError:
        return None
    gold = REPO_DIR / "tests" / "fixtures" / "gold"
    return evaluate_corpus(
        REPO_DIR / "seeds",
        gold / "seed_casualties.csv",
        gold / "seed_non_casualty_numbers.csv",
        gold / "seed_incidents.csv",
    )


def _vague_convention(language: str) -> str:
    """The vague-word values from vague.yaml (ACLED-style) as one readable line, or ''."""
    path = DATA_DIR / "vague.yaml"
    if not path.exists():
        return ""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("words", data) if isinstance(data, dict) else {}
    parts = []
    for word, value in list(items.items())[:12] if isinstance(items, dict) else []:
        shown = value.get("best", value) if isinstance(value, dict) else value
        parts.append(f"{word} = {'—' if shown is None else shown}")
    return ("؛ " if language == "ar" else "; ").join(parts)


# ---------------------------------------------------------------- display in the notebook


def setup_report(language: str) -> None:
    """Embed plotly.js and DataTables once, offline, and the page's RTL/LTR style.

    plotly >= 6 otherwise renders a MIME bundle nbconvert cannot show (no charts in the HTML),
    and `connected=True` modes fetch scripts from a CDN.
    """
    import itables
    import plotly.offline
    from IPython.display import HTML, display

    plotly.offline.init_notebook_mode(connected=False)
    itables.init_notebook_mode(connected=False)
    direction = "rtl" if language == "ar" else "ltr"
    display(HTML(f"<style>{_page_css(direction)}</style>"))


def _page_css(direction: str) -> str:
    return (
        ".hasila{font-family:'Noto Naskh Arabic','Noto Sans Arabic',Arial,sans-serif;"
        "line-height:1.6}"
        ".hasila[dir=rtl],.hasila[dir=rtl] p,.hasila[dir=rtl] h1,.hasila[dir=rtl] h2,"
        ".hasila[dir=rtl] h3{text-align:right}"
        ".hasila td,.hasila th{unicode-bidi:plaintext}"
        ".hasila table.params td,.hasila table.params th{padding:2px 8px;border:1px solid #ddd}"
        f".hasila-page{{direction:{direction}}}"
    )


def block(content: str, language: str) -> str:
    """Wrap already-escaped HTML in a div that sets the reading direction and language."""
    direction = "rtl" if language == "ar" else "ltr"
    return f'<div class="hasila" dir="{direction}" lang="{language}">{content}</div>'


def show_html(content: str, language: str) -> None:
    """Display escaped HTML content in a direction-aware block."""
    from IPython.display import HTML, display

    display(HTML(block(content, language)))


def show_heading(text: str, language: str, level: int = 2) -> None:
    """A heading (escaped) in the page's language and direction."""
    show_html(f"<h{level}>{html.escape(text)}</h{level}>", language)


def show_figure(fig: object) -> None:
    """A plotly chart as HTML that uses the plotly.js embedded by `setup_report`.

    `fig.show()` would add a MathJax CDN script per chart; this adds nothing external.
    """
    from IPython.display import HTML, display

    display(
        HTML(
            fig.to_html(
                full_html=False,
                include_plotlyjs=False,
                include_mathjax=False,
                config={"displaylogo": False, "responsive": True},
            )
        )
    )


def show_table(table: pd.DataFrame, language: str, caption: str = "") -> None:
    """An interactive (search/sort) table, offline, every cell HTML-escaped by itables."""
    import itables

    words = _label_tables_for_datatables(language)
    options = {"language": words} if words else {}
    markup = itables.to_html_datatable(
        table,
        caption=caption or None,
        maxBytes=0,
        allow_html=False,
        classes="display compact",
        **options,
    )
    show_html(markup, language)


def _label_tables_for_datatables(language: str) -> dict:
    """DataTables' interface strings (search, paging) in the report's language."""
    return dict(Labels(language).tables.get("datatables", {}).get(language) or {})


def describe_filters(filters: dict, labels: Labels) -> str:
    """The filters as escaped HTML ('no filters' when none)."""
    if not filters:
        return html.escape(labels.ui("no_filters"))
    parts = []
    for name, value in filters.items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        parts.append(f"{html.escape(labels.get('columns', name))}: {html.escape(shown)}")
    return " · ".join(parts)


@dataclass
class Report:
    """Everything one report shows, loaded once; each notebook cell calls one method."""

    params: dict
    tables: dict = field(default_factory=dict)
    labels: Labels = field(default_factory=Labels)
    filters: dict = field(default_factory=dict)
    figures: pd.DataFrame | None = None
    incidents: pd.DataFrame | None = None

    @classmethod
    def load(cls, params: dict, base: str | Path | None = None) -> Report:
        """Read 01_extract's tables and apply the report's filters."""
        tables = load_tables(resolve(params["extract_dir"], base))
        filters = filters_from(params)
        figures = figure_rows(tables, filters)
        incidents = filter_incidents(tables, figures, filters)
        return cls(params, tables, Labels(params["language"]), filters, figures, incidents)

    @property
    def language(self) -> str:
        """The report's language code."""
        return self.labels.language

    def show_title(self) -> None:
        """Title, filters and run date."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        show_html(
            f"<h1>{html.escape(self.params['title'])}</h1>"
            f"<p>{html.escape(self.labels.heading('filters'))}: "
            f"{describe_filters(self.filters, self.labels)}<br>"
            f"{html.escape(self.labels.ui('generated'))}: {stamp}</p>",
            self.language,
        )

    def show_summary(self) -> None:
        """Counts of articles, figures, incidents and skipped inputs."""
        counts = {
            "documents_count": len(self.tables["documents"]),
            "mentions_count": len(self.figures),
            "incidents_count": len(self.incidents),
            "skipped_count": len(self.tables["skipped"]),
        }
        rows = "".join(
            f"<tr><th>{html.escape(self.labels.ui(k))}</th><td>{v}</td></tr>"
            for k, v in counts.items()
        )
        show_heading(self.labels.heading("summary"), self.language)
        show_html(f'<table class="params">{rows}</table>', self.language)

    def tally(self, by: Iterable[str]) -> pd.DataFrame:
        """A tally of the loaded tables with this report's filters."""
        return compute_tally(self.tables, by, self.filters)

    def claims(self) -> pd.DataFrame:
        """Per event/victim/category/claimant figures (helpers.tally.claims), filtered."""
        tally = _tally_module()
        if tally is None or self.figures.empty:
            return pd.DataFrame(columns=["event", "victim", "category", "claimed_by", "best"])
        keep = set(self.figures["doc"] + ":" + self.figures["mention"])
        mentions = self.tables["mentions"]
        mentions = mentions[(mentions["doc"] + ":" + mentions["mention"]).isin(keep)]
        return tally.claims(mentions, self.tables["incidents"], self.tables["documents"])

    def show_chart(self, name: str) -> None:
        """One of: casualties, timeline, event_types, map, claims."""
        builders = {
            "casualties": lambda: charts.casualties_by_side(
                self.tally(("victim", "category")), self.labels
            ),
            "timeline": lambda: charts.timeline(self.tally(("date", "category")), self.labels),
            "event_types": lambda: charts.incidents_by_type(self.incidents, self.labels),
            "map": lambda: charts.incident_map(self.incidents, self.labels),
            "claims": lambda: charts.claims_side_by_side(self.claims(), self.labels),
        }
        show_figure(builders[name]())

    def show_tables(self) -> None:
        """Tallies, incidents, casualty figures with provenance, skipped inputs."""
        sections = (
            ("tallies", tally_table(self.tally(("victim", "category")), self.labels)),
            ("incident_table", incident_table(self.incidents, self.labels)),
            ("figure_table", figure_table(self.figures, self.labels)),
            ("skipped", skipped_table(self.tables["skipped"], self.labels)),
        )
        for heading, table in sections:
            show_heading(self.labels.heading(heading), self.language)
            show_table(table, self.language)

    def show_method(self) -> None:
        """What is counted and how, plus the extractor's scores on the seeds' gold."""
        show_heading(self.labels.heading("method"), self.language)
        paragraphs = self.labels.tables.get("method", {}).get(self.language, [])
        vague = _vague_convention(self.language)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        if vague:
            body += f"<p>{html.escape(vague)}</p>"
        show_html(body, self.language)
        show_html(self._evaluation_html(), self.language)

    def _evaluation_html(self) -> str:
        title = html.escape(self.labels.ui("evaluation"))
        try:
            scores = evaluation_scores()
        except Exception as err:  # a broken evaluator must not hide the rest of the report
            scores, error = None, f" ({type(err).__name__}: {err})"
        else:
            error = ""
        if scores is None:
            return f"<p>{title}: {html.escape(self.labels.ui('not_available') + error)}</p>"
        rows = "".join(
            f"<tr><td>{html.escape(str(k))}</td><td>{float(v):.3f}</td></tr>"
            if isinstance(v, int | float)
            else f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
            for k, v in scores.items()
        )
        head = (
            f"<tr><th>{html.escape(self.labels.ui('metric'))}</th>"
            f"<th>{html.escape(self.labels.ui('value'))}</th></tr>"
        )
        return f'<h3>{title}</h3><table class="params">{head}{rows}</table>'


# ---------------------------------------------------------------- batch runs


@dataclass
class RunResult:
    """One parameter set's outcome, as listed in the index."""

    name: str
    params: dict
    ok: bool = True
    error: str = ""
    seconds: float = 0.0
    started: str = ""
    pages: dict = field(default_factory=dict)  # notebook -> HTML path relative to reports/
    files: dict = field(default_factory=dict)  # data file (acled.csv, ...) -> path likewise
    failed_notebook: str = ""


def report_name(params: Mapping[str, object], index: int) -> str:
    """A file-safe folder name for a parameter set: its `name`, else built from its values."""
    from helpers.io import safe_name

    raw = str(params.get("name") or "")
    if not raw:
        parts = [f"{k}-{v}" for k, v in params.items() if k not in ("corpus", "title") and v]
        raw = "_".join(parts) or "report"
    return safe_name(raw)[:80] or f"report-{index}"


def output_dir(reports_dir: str | Path, name: str) -> Path:
    """reports/<name>, refusing anything that would land outside reports/."""
    root = Path(reports_dir).resolve()
    target = (root / name).resolve()
    if target.parent != root:
        raise ParameterError(f"report name {name!r} would write outside {root}")
    return target


def load_batch(path: str | Path) -> list[dict]:
    """Parameter sets from YAML: a list of sets, or {defaults: {...}, reports: [...]}."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    defaults: dict = {}
    if isinstance(data, dict):
        defaults = data.get("defaults") or {}
        data = data.get("reports")
    if not isinstance(data, list) or not all(isinstance(s, dict) for s in data):
        raise ParameterError(f"{path}: expected a list of parameter sets (or defaults/reports)")
    return [{**defaults, **params} for params in data]


def _render(executed: Path, target: Path, language: str, with_code: bool = False) -> None:
    """nbconvert an executed notebook to one offline HTML page (inputs hidden)."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    template = (
        "{%- extends 'lab/index.html.j2' -%}\n"
        "{%- block html_head_js -%}{%- endblock html_head_js -%}\n"
        "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
        "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
    )
    exporter = HTMLExporter(
        extra_loaders=[jinja2.DictLoader({"hasila.html.j2": template})],
        template_file="hasila.html.j2",
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=language,
    )
    notebook = nbformat.read(executed, as_version=4)
    notebook.metadata.pop("papermill", None)  # absolute paths of this machine
    body, _ = exporter.from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")


def _notebook_parameters(notebook: str, params: dict, dirs: dict[str, Path]) -> dict:
    """The parameters one notebook receives: its own subset plus the runner's folders."""
    folders = {
        "01_extract": {"out_dir": str(dirs["extract"])},
        "02_tally": {"extract_dir": str(dirs["extract"]), "out_dir": str(dirs["tally"])},
        "03_report": {"extract_dir": str(dirs["extract"])},
    }[notebook]
    allowed = NOTEBOOK_PARAMETERS[notebook]
    return {k: v for k, v in params.items() if k in allowed} | folders


def run_set(
    params: dict, name: str, reports_dir: Path, work_dir: Path, timeout: int = 600
) -> RunResult:
    """Execute the three notebooks for one parameter set and render them to reports/<name>/."""
    import papermill

    result = RunResult(name, params, started=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    start = time.monotonic()
    unknown = sorted(set(params) - set(BATCH_KEYS))
    target = output_dir(reports_dir, name)
    work = work_dir / name
    dirs = {"extract": work / "extract", "tally": work / "tally"}
    target.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    language = str(params.get("language") or "en")
    if unknown:
        result.ok, result.error = (
            False,
            f"unknown parameter(s) {unknown}; allowed: {sorted(BATCH_KEYS)}",
        )
    else:
        try:  # fail fast on bad values; the notebooks check again when run by hand
            _check_values({k: _check_type(k, v, BATCH_KEYS[k]) for k, v in params.items()})
        except ParameterError as err:
            result.ok, result.error = False, str(err)
    for notebook in NOTEBOOKS if result.ok else ():
        executed = work / f"{notebook}.ipynb"
        try:
            papermill.execute_notebook(
                NOTEBOOK_DIR / f"{notebook}.ipynb",
                executed,
                parameters=_notebook_parameters(notebook, params, dirs),
                kernel_name="python3",
                cwd=str(NOTEBOOK_DIR),
                progress_bar=False,
                execution_timeout=timeout,
            )
        except Exception as err:  # papermill wraps kernel errors; keep going with other sets
            result.ok, result.error = False, f"{notebook}: {_short_error(err)}"
            if executed.exists():
                kept = target / f"{notebook}.failed.ipynb"
                shutil.copyfile(executed, kept)
                result.failed_notebook = kept.name
                _render(executed, target / f"{notebook}.failed.html", "en", with_code=True)
                result.pages[notebook] = f"{name}/{notebook}.failed.html"
            break
        page = target / f"{notebook}.html"
        _render(executed, page, language if notebook == "03_report" else "en")
        result.pages[notebook] = f"{name}/{page.name}"
        if notebook == "01_extract":
            result.files = _publish_exports(dirs["extract"], target, name)
    result.seconds = round(time.monotonic() - start, 1)
    return result


def _publish_exports(extract_dir: Path, target: Path, name: str) -> dict[str, str]:
    """Copy acled.csv / ucdp_ged.csv next to the report pages so the index links them."""
    from helpers.export import EXPORT_FILES

    links = {}
    for file_name in EXPORT_FILES.values():
        source = extract_dir / file_name
        if source.exists():
            shutil.copyfile(source, target / file_name)
            links[file_name] = f"{name}/{file_name}"
    return links


def _short_error(err: Exception) -> str:
    """The last meaningful line of an error (papermill puts the kernel's traceback inside)."""
    ename = getattr(err, "ename", "") or type(err).__name__
    evalue = getattr(err, "evalue", "") or str(err).strip().splitlines()[-1:]
    return f"{ename}: {evalue if isinstance(evalue, str) else ' '.join(evalue)}"[:500]


def write_index(results: list[RunResult], reports_dir: str | Path) -> Path:
    """reports/index.html: every report with its parameters, run time, status and errors."""
    rows = []
    for r in results:
        links = " ".join(
            f'<a href="{html.escape(path, quote=True)}">{html.escape(nb)}</a>'
            for nb, path in {**r.pages, **r.files}.items()
        )
        if r.failed_notebook:
            kept = f"{r.name}/{r.failed_notebook}"
            links += (
                f' <a href="{html.escape(kept, quote=True)}">{html.escape(r.failed_notebook)}</a>'
            )
        params = "<br>".join(
            f'{html.escape(str(k))} = <span dir="auto">{html.escape(str(v))}</span>'
            for k, v in r.params.items()
        )
        status = "ok" if r.ok else f"FAILED: {html.escape(r.error)}"
        rows.append(
            f'<tr class="{"ok" if r.ok else "failed"}"><td>{html.escape(r.name)}</td>'
            f"<td>{params}</td><td>{status}</td><td>{html.escape(r.started)}<br>{r.seconds} s"
            f"</td><td>{links}</td></tr>"
        )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hasila reports</title>'
        "<style>body{font-family:'Noto Naskh Arabic',Arial,sans-serif;margin:2em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
        "vertical-align:top}tr.failed{background:#fde2e2}</style></head><body>"
        "<h1>Hasila reports</h1><table><thead><tr><th>Report</th><th>Parameters</th>"
        "<th>Status</th><th>Run (UTC) and time</th><th>Pages</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>"
    )
    path = Path(reports_dir) / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def run_batch(
    sets: list[dict], reports_dir: str | Path, work_dir: str | Path, timeout: int = 600
) -> list[RunResult]:
    """Run every parameter set (a failure does not stop the others) and write the index."""
    reports_dir, work_dir = Path(reports_dir).resolve(), Path(work_dir).resolve()
    reports_dir.mkdir(parents=True, exist_ok=True)
    results, used = [], set()
    for index, params in enumerate(sets, 1):
        name = report_name(params, index)
        while name in used:
            name = f"{name}-{index}"
        used.add(name)
        params = {k: v for k, v in params.items() if k != "name"}
        shown = dict(params)  # as written in the batch file: no machine-specific paths
        if "corpus" in params:
            params["corpus"] = str(_corpus_path(str(params["corpus"])))
        try:
            results.append(run_set(params, name, reports_dir, work_dir, timeout))
            results[-1].params = shown
        except Exception as err:  # e.g. an unsafe name: listed, never fatal for the batch
            results.append(RunResult(name, params, ok=False, error=_short_error(err)))
            traceback.print_exc()
        status = "ok" if results[-1].ok else f"FAILED ({results[-1].error})"
        print(f"report {name}: {status} in {results[-1].seconds} s", file=sys.stderr)
    write_index(results, reports_dir)
    return results


def _corpus_path(corpus: str) -> Path:
    """A corpus path from the current folder, or from the repository (`seeds` anywhere)."""
    path = resolve(corpus)
    in_repo = REPO_DIR / corpus
    return in_repo.resolve() if not path.exists() and in_repo.exists() else path


def default_sets(corpus: str, languages: Iterable[str]) -> list[dict]:
    """Without --batch: one report of the whole corpus per language."""
    stem = Path(corpus).name or "corpus"
    titles = {
        "en": "Hasila: casualty figures in the corpus",
        "ar": "حصيلة: أرقام الضحايا في المقالات",
    }
    return [
        {"name": f"{stem}-{lang}", "corpus": corpus, "language": lang, "title": titles[lang]}
        for lang in languages
    ]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `python -m helpers report`."""
    parser.add_argument(
        "--batch", help="YAML file of parameter sets (see notebooks/reports.example.yml)"
    )
    parser.add_argument("--corpus", default="seeds", help="corpus without --batch (default: seeds)")
    parser.add_argument(
        "--language",
        action="append",
        choices=charts.LANGUAGES,
        help="report language(s) without --batch (default: en and ar)",
    )
    parser.add_argument("--out", default=str(REPO_DIR / "reports"), help="reports folder")
    parser.add_argument(
        "--work",
        help="folder for executed notebooks and tables (default: OUT/_work, not committed)",
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell")


def run(args: argparse.Namespace) -> int:
    """Run the notebooks for each parameter set; exit 1 when any set failed."""
    sets = (
        load_batch(args.batch)
        if args.batch
        else default_sets(args.corpus, args.language or ["en", "ar"])
    )
    work = args.work or str(Path(args.out) / "_work")
    started = time.monotonic()
    results = run_batch(sets, args.out, work, args.timeout)
    failed = [r.name for r in results if not r.ok]
    print(
        f"{len(results) - len(failed)} of {len(results)} reports ok in "
        f"{time.monotonic() - started:.1f} s; index: {Path(args.out) / 'index.html'}"
    )
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """`python -m helpers.report`: the same as `python -m helpers report`, standalone."""
    parser = argparse.ArgumentParser(prog="python -m helpers.report", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
