"""`python -m helpers extract`: run the per-document pipeline over a corpus and write tables.

The runner owns everything around one document: reading the corpus lazily, sending documents
in bounded chunks to a process pool or a Dask cluster, catching a failure in one document so
the rest continue, and writing mentions, incidents, documents and skipped tables atomically
and byte-identically on rerun, whatever the number of workers.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import math
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import pipeline
from helpers.corpus import FORMATS, ColumnMap, CorpusError, Skipped, iter_corpus
from helpers.io import (
    arrow_to_pandas,
    as_text,
    normalize_arrow,
    pandas_to_arrow,
    write_arrow_csv,
    write_arrow_parquet,
)
from helpers.schema import (
    CATEGORIES,
    DOCUMENT_COLUMNS,
    INCIDENT_COLUMNS,
    MENTION_COLUMNS,
    QUALIFIERS,
    SCOPES,
    SIDES,
    SKIPPED_COLUMNS,
    SchemaError,
    validate_mentions,
)
from helpers.schema import Document as Document

log = logging.getLogger(__name__)

CHUNK_DOCS = 32  # documents per task sent to a worker
CHUNK_CHARS = 4_000_000  # ... or fewer, when they are long
MAX_CHARS = 2_000_000  # longer documents are skipped (not articles; split them)
DOC_TIMEOUT = 120.0  # seconds one document may take before it is skipped
ROWS_PER_BATCH = 20_000  # result rows held as Python dicts before packing them into Arrow
MAX_REASON_CHARS = 300
ALLOWED_CODES = {"category": CATEGORIES, "victim": SIDES, "qualifier": QUALIFIERS, "scope": SCOPES}

# (mention rows, incident rows, reason the document failed or '')
DocResult = tuple[list[dict], list[dict], str]


# ---------------------------------------------------------------- per-document work


def _short(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= MAX_REASON_CHARS else line[: MAX_REASON_CHARS - 3] + "..."


def _is_blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _mention_problem(doc: Document, row: dict) -> str:
    """Why one mention row breaks the declared schema, or '' when it is fine."""
    start, end = row.get("start"), row.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return f"start/end are not integers ({start!r}, {end!r})"
    if not 0 <= start <= end <= len(doc.text):
        return f"offsets {start}:{end} outside the text (length {len(doc.text)})"
    if doc.text[start:end] != row.get("text"):
        return f"text[{start}:{end}] is {doc.text[start:end]!r}, row says {row.get('text')!r}"
    for column, allowed in ALLOWED_CODES.items():
        value = row.get(column)
        if not _is_blank(value) and value not in allowed:
            return f"{column} {value!r} is not one of the declared codes"
    numbers = {}
    for column in ("low", "best", "high"):
        value = row.get(column)
        if _is_blank(value):
            continue
        try:
            numbers[column] = float(value)
        except (TypeError, ValueError):
            return f"{column} {value!r} is not a number"
    order = [numbers[c] for c in ("low", "best", "high") if c in numbers]
    if order != sorted(order):
        return f"low <= best <= high violated ({numbers})"
    return ""


def check_mentions(doc: Document, rows: list[dict]) -> str:
    """First schema problem in a document's mention rows ('' if none), checked per document
    so one bad document is reported and skipped instead of failing the whole table."""
    for number, row in enumerate(rows, start=1):
        problem = _mention_problem(doc, row)
        if problem:
            return f"invalid mention {row.get('mention') or number}: {problem}"
    return ""


class DocumentTimeout(Exception):
    """One document took longer than the per-document time limit."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in the block after `seconds` (SIGALRM; main thread only).

    Pool workers run tasks in their main thread, so the limit applies there and inline; in
    Dask worker threads signals are unavailable and documents run without a limit.
    """
    usable = (
        seconds
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_one(doc: Document, timeout: float | None = DOC_TIMEOUT) -> DocResult:
    """`pipeline.process_document` with its failure turned into a skip reason."""
    try:
        with time_limit(timeout):
            mentions, incidents = pipeline.process_document(doc)
        mentions, incidents = list(mentions or []), list(incidents or [])
        problem = check_mentions(doc, mentions)
    except DocumentTimeout as exc:
        return [], [], f"timeout: extraction {exc}; raise --doc-timeout or split the document"
    except Exception as exc:  # one bad document must not stop the corpus
        return [], [], _short(f"extraction error: {type(exc).__name__}: {exc}")
    if problem:
        return [], [], _short(f"extraction error: {problem}")
    for row in mentions + incidents:
        row["doc"] = doc.doc
    return mentions, incidents, ""


def process_chunk(docs: list[Document], timeout: float | None = DOC_TIMEOUT) -> list[DocResult]:
    """The unit of work sent to a worker process or a Dask worker (picklable in and out)."""
    return [process_one(doc, timeout) for doc in docs]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which cancels and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ---------------------------------------------------------------- executors


class InlineExecutor(Executor):
    """Runs tasks in this process at submit time: `--workers 1` and tiny corpora."""

    def submit(self, fn: Callable, /, *args: object, **kwargs: object) -> Future:
        """Run `fn` now and return a finished future."""
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


@contextlib.contextmanager
def open_executor(
    engine: str, workers: int, scheduler: str | None = None, dask_processes: bool = True
) -> Iterator[Executor]:
    """A concurrent.futures-style executor for the chosen engine, closed on exit."""
    if engine == "dask":
        with _dask_executor(workers, scheduler, dask_processes) as executor:
            yield executor
    elif workers <= 1:
        yield InlineExecutor()
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _dask_executor(workers: int, scheduler: str | None, processes: bool) -> Iterator[Executor]:
    from distributed import Client, LocalCluster

    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        cluster, client = None, Client(scheduler, timeout="15s")
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- streaming


def chunk_documents(
    items: Iterable[Document | Skipped],
    on_skip: Callable[[Skipped], None],
    chunk_docs: int = CHUNK_DOCS,
    chunk_chars: int = CHUNK_CHARS,
    max_chars: int | None = MAX_CHARS,
) -> Iterator[list[Document]]:
    """Group documents into bounded chunks (by count and by characters); hand skips aside."""
    chunk: list[Document] = []
    chars = 0
    for item in items:
        if not isinstance(item, Skipped) and max_chars and len(item.text) > max_chars:
            item = Skipped(item.doc, item.source, _too_long(len(item.text), max_chars))
        if isinstance(item, Skipped):
            on_skip(item)
            continue
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) >= chunk_docs or chars >= chunk_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _too_long(chars: int, limit: int) -> str:
    return f"too long ({chars} characters > {limit}); split the file or raise --max-chars"


def ordered_results(
    executor: Executor,
    chunks: Iterable[list[Document]],
    max_pending: int,
    timeout: float | None = DOC_TIMEOUT,
) -> Iterator[tuple[list[Document], list[DocResult]]]:
    """Results chunk by chunk in input order, with at most `max_pending` chunks in flight.

    Input order makes the output independent of the number of workers; the bound keeps memory
    flat however long the corpus is.
    """
    pending: deque[tuple[list[Document], Future]] = deque()
    for chunk in chunks:
        pending.append((chunk, executor.submit(process_chunk, chunk, timeout)))
        if len(pending) >= max_pending:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


class RowBuffer:
    """Accumulates result rows, packing them into compact Arrow tables every few thousand rows."""

    def __init__(self, batch_rows: int = ROWS_PER_BATCH) -> None:
        self.batch_rows = batch_rows
        self.rows: list[dict] = []
        self.tables: list[pa.Table] = []
        self.count = 0

    def extend(self, rows: list[dict]) -> None:
        """Add rows; pack them when the buffer is full."""
        self.rows.extend(rows)
        self.count += len(rows)
        if len(self.rows) >= self.batch_rows:
            self._pack()

    def _pack(self) -> None:
        if not self.rows:
            return
        names = list(dict.fromkeys(k for row in self.rows for k in row))
        columns = {n: pa.array(as_text(r.get(n) for r in self.rows), pa.string()) for n in names}
        self.tables.append(pa.table(columns))
        self.rows = []

    def arrow(self) -> pa.Table:
        """All rows as one Arrow table of text cells (columns in order of first appearance)."""
        self._pack()
        if not self.tables:
            return pa.table({})
        table = pa.concat_tables(self.tables, promote_options="default")
        self.tables = []
        return table


# ---------------------------------------------------------------- tables

SORT_KEYS = {
    "mentions": ["doc", "start", "end", "_n"],
    "incidents": ["doc", "start", "end", "_n"],
    "documents": ["doc", "source"],
    "skipped": ["doc", "source", "reason"],
}
ID_COLUMN = {"mentions": "mention", "incidents": "incident"}


def sort_order(table: pa.Table, name: str) -> pa.Array:
    """Deterministic row order: by doc, then position in the text, then id number (m2 < m10).

    Returned as row indices, so a large table is written in order without a sorted copy.
    """
    if table.num_rows == 0:
        return pa.array([], pa.uint64())
    keyed = table
    if name in ID_COLUMN:
        digits = pc.extract_regex(table[ID_COLUMN[name]], r"(?P<n>\d+)$")
        number = pc.cast(pc.struct_field(digits, [0]), pa.int64())
        keyed = table.append_column("_n", number)
    keys = [(k, "ascending", "at_end") for k in SORT_KEYS[name] if k in keyed.column_names]
    return pc.sort_indices(keyed, sort_keys=keys)


def finish_table(table: pa.Table, name: str, columns: list[str]) -> pa.Table:
    """Declared columns and stable types (all in Arrow); row order comes from `sort_order`."""
    return normalize_arrow(table, name, columns)


def validate_mention_table(mentions: pa.Table) -> None:
    """`schema.validate_mentions` on the columns it checks (the text columns stay in Arrow)."""
    checked = ["start", "end", "low", "best", "high", "category", "victim", "qualifier", "scope"]
    frame = arrow_to_pandas(mentions.select(checked))
    for column in MENTION_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    for column in ("category", "victim", "qualifier", "scope"):
        frame[column] = frame[column].replace("", None)
    validate_mentions(frame)


def link_incidents(incidents: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Cross-document linking by `helpers.dedup.link_across_documents`, if it exists yet.

    helpers/dedup.py is written by another engineer; until it provides the function the
    incidents are returned unchanged (identity fallback).
    """
    try:
        dedup = importlib.import_module("helpers.dedup")
    except ModuleNotFoundError as exc:
        if exc.name != "helpers.dedup":
            raise
        return incidents
    link = getattr(dedup, "link_across_documents", None)
    if link is None:
        return incidents
    return link(incidents, documents)


# ---------------------------------------------------------------- the run


@dataclass
class ExtractResult:
    """What a run read, processed, skipped and wrote."""

    read: int = 0
    processed: int = 0
    skipped: int = 0
    mentions: int = 0
    incidents: int = 0
    reasons: Counter = field(default_factory=Counter)
    paths: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage

    def summary(self) -> str:
        """Human-readable lines for the terminal."""
        lines = [
            f"read {self.read} = processed {self.processed} + skipped {self.skipped}",
            f"mentions {self.mentions}, incidents {self.incidents}",
        ]
        for reason, count in sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
            lines.append(f"  skipped {count}: {reason}")
        lines += [f"wrote {path}" for path in self.paths.values()]
        return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """Reason without row-specific details, for the summary counts."""
    return reason.split(" (")[0].split(":")[0]


class _Collector:
    """Main-process bookkeeping of results, in input order."""

    def __init__(self, progress: bool) -> None:
        from tqdm import tqdm

        self.result = ExtractResult()
        self.mentions, self.incidents = RowBuffer(), RowBuffer()
        self.documents, self.skipped = RowBuffer(), RowBuffer()
        disable = not progress or not sys.stderr.isatty()
        self.bar = tqdm(unit="doc", file=sys.stderr, disable=disable, mininterval=0.5)

    def skip(self, item: Skipped) -> None:
        self.skipped.extend([{"doc": item.doc, "source": item.source, "reason": item.reason}])
        self.result.read += 1
        self.result.skipped += 1
        self.result.reasons[_reason_kind(item.reason)] += 1
        self.bar.update(1)

    def add(self, doc: Document, outcome: DocResult) -> None:
        mentions, incidents, reason = outcome
        if reason:
            self.skip(Skipped(doc.doc, doc.source, reason))
            return
        self.mentions.extend(mentions)
        self.incidents.extend(incidents)
        row = {c: getattr(doc, c, "") for c in DOCUMENT_COLUMNS[:8]}
        row.update(chars=len(doc.text), mentions=len(mentions), incidents=len(incidents))
        self.documents.extend([row])
        self.result.read += 1
        self.result.processed += 1
        self.bar.update(1)


def extract(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    fmt: str = "auto",
    columns: ColumnMap | None = None,
    metadata: str | Path | None = None,
    progress: bool = False,
    chunk_docs: int = CHUNK_DOCS,
    max_chars: int | None = MAX_CHARS,
    doc_timeout: float | None = DOC_TIMEOUT,
    dask_processes: bool = True,
) -> ExtractResult:
    """Read `corpus`, run the pipeline on every document and write the tables to `out_dir`.

    Raises `CorpusError` for usage problems; problems with single inputs end up in skipped.csv.
    """
    items = iter_corpus(corpus, fmt=fmt, columns=columns, metadata=metadata)
    collector = _Collector(progress)
    started = time.perf_counter()
    try:
        chunks = chunk_documents(items, collector.skip, chunk_docs=chunk_docs, max_chars=max_chars)
        first = next(chunks, None)
        second = next(chunks, None) if first is not None else None
        if second is None:  # a single chunk is not worth starting workers for
            engine, workers = "local", 1
        queued = (c for c in (first, second) if c is not None)
        all_chunks = _chain(queued, chunks)
        with open_executor(engine, workers, scheduler, dask_processes) as executor:
            for docs, outcomes in ordered_results(
                executor, all_chunks, 2 * workers + 1, doc_timeout
            ):
                for doc, outcome in zip(docs, outcomes, strict=True):
                    collector.add(doc, outcome)
    finally:
        collector.bar.close()
    collector.result.seconds["extract"] = time.perf_counter() - started
    return _write_outputs(collector, Path(out_dir))


def _chain(*parts: Iterable[list[Document]]) -> Iterator[list[Document]]:
    for part in parts:
        yield from part


def _linked(incidents: pa.Table, documents: pa.Table) -> pa.Table:
    """Incidents after cross-document linking, back in Arrow with declared columns."""
    ordered = incidents.take(sort_order(incidents, "incidents"))
    linked = link_incidents(arrow_to_pandas(ordered), arrow_to_pandas(documents))
    return finish_table(pandas_to_arrow(linked), "incidents", INCIDENT_COLUMNS)


def _write_outputs(collector: _Collector, out_dir: Path) -> ExtractResult:
    result = collector.result
    documents = finish_table(collector.documents.arrow(), "documents", DOCUMENT_COLUMNS)
    mentions = finish_table(collector.mentions.arrow(), "mentions", MENTION_COLUMNS)
    validate_mention_table(mentions)
    incidents = finish_table(collector.incidents.arrow(), "incidents", INCIDENT_COLUMNS)
    started = time.perf_counter()
    incidents = _linked(incidents, documents)
    result.seconds["link"] = time.perf_counter() - started
    started = time.perf_counter()
    skipped = finish_table(collector.skipped.arrow(), "skipped", SKIPPED_COLUMNS)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {"mentions": mentions, "incidents": incidents}
    tables.update(documents=documents, skipped=skipped)
    for name, table in tables.items():
        order = sort_order(table, name)
        csv_path, parquet_path = out_dir / f"{name}.csv", out_dir / f"{name}.parquet"
        result.paths[f"{name}.csv"] = write_arrow_csv(table, csv_path, order)
        result.paths[f"{name}.parquet"] = write_arrow_parquet(table, parquet_path, order)
    result.mentions, result.incidents = len(mentions), len(incidents)
    result.seconds["write"] = time.perf_counter() - started
    return result


# ---------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `python -m helpers extract`."""
    parser.add_argument("corpus", help="folder of .txt/.html/.csv/.jsonl/.parquet files, or one")
    parser.add_argument("--out", required=True, help="output folder for the tables")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    parser.add_argument("--format", choices=FORMATS, default="auto", dest="format")
    defaults = ColumnMap()
    for name in ("id", "text", "title", "published", "outlet", "url"):
        parser.add_argument(
            f"--{name}-col",
            default=getattr(defaults, name),
            help=f"table column with the {name} (default: %(default)s)",
        )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=MAX_CHARS,
        help="skip documents longer than this many characters (default: %(default)s; 0: no limit)",
    )
    parser.add_argument(
        "--doc-timeout",
        type=float,
        default=DOC_TIMEOUT,
        help="skip a document whose extraction takes longer, in seconds (default: %(default)s;"
        " 0: no limit)",
    )
    parser.add_argument("--metadata", help="metadata CSV (default: CORPUS/metadata.csv if any)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    """A standalone parser for `extract` (tests and scripts; the CLI uses helpers.cli)."""
    parser = argparse.ArgumentParser(prog="python -m helpers extract")
    add_arguments(parser)
    return parser


def _setup_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


def _usage_error(args: argparse.Namespace) -> str:
    if not Path(args.corpus).exists():
        return f"corpus not found: {args.corpus} (give a folder of articles or a table file)"
    if args.workers < 1:
        return "--workers must be at least 1"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if Path(args.out).exists() and not Path(args.out).is_dir():
        return f"--out {args.out} exists and is not a folder"
    if args.metadata and not Path(args.metadata).is_file():
        return f"metadata file not found: {args.metadata}"
    return ""


def _write_exports(out: Path) -> dict[str, Path]:
    """ACLED-like and UCDP GED-like tables next to the others, so analysts can merge our
    output with those datasets straight from the command line."""
    from helpers import export

    tables = {
        n: pd.read_parquet(out / f"{n}.parquet") for n in ("incidents", "mentions", "documents")
    }
    return export.write_exports(tables["incidents"], tables["mentions"], tables["documents"], out)


def run(args: argparse.Namespace) -> int:
    """Run `extract` from parsed arguments: 0 on success, 2 on usage errors, 1 on failure."""
    _setup_logging()
    problem = _usage_error(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    columns = ColumnMap(
        id=args.id_col,
        text=args.text_col,
        title=args.title_col,
        published=args.published_col,
        outlet=args.outlet_col,
        url=args.url_col,
    )
    try:
        result = extract(
            args.corpus,
            args.out,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            fmt=args.format,
            columns=columns,
            metadata=args.metadata,
            progress=not args.no_progress,
            max_chars=args.max_chars or None,
            doc_timeout=args.doc_timeout or None,
        )
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SchemaError as exc:
        print(
            f"error: extracted mentions break the schema, nothing written: {exc}", file=sys.stderr
        )
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(result.summary())
    for path in _write_exports(Path(args.out)).values():
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python -m helpers.runner` (same as `python -m helpers extract`)."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
