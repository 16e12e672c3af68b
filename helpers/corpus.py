"""Reading any corpus into `Document`s, lazily, explaining every input it cannot use.

Real corpora arrive as folders of text files in whatever encoding the scraper produced, saved
web pages, or tables with one article per row. `iter_corpus` turns all of them into the same
stream of `Document` (text exactly as decoded, so offsets stay meaningful) or `Skipped` (with a
reason a person can act on). It never holds more than one file's text in memory, except for
tables, which are streamed row by row.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers.io import clean_id
from helpers.schema import Document

log = logging.getLogger(__name__)

FORMATS = ("auto", "txt", "html", "csv", "jsonl", "parquet")
EXTENSION_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
METADATA_NAME = "metadata.csv"
METADATA_COLUMNS = ("doc", "outlet", "published", "date_precision")
DATE_PRECISIONS = ("day", "week", "month", "year")

BINARY_NUL_SHARE = 0.05  # more NUL bytes than this (without a UTF-16/32 BOM): a binary file
BINARY_CONTROL_SHARE = 0.05  # more control characters than this after decoding: binary
SAMPLE_BYTES = 1 << 16
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufefc]")
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
_HTML_TAG = re.compile(
    r"<(?:!doctype|/?(?:html|head|body|div|p|span|br|a|script|style|table|tr|td|li|ul|"
    r"article|section|header|footer|nav|meta|link|h[1-6]|img|strong|b|i|em))\b[^>]{0,500}>",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing path, unknown format): a usage error."""


class BadInput(Exception):
    """One input cannot be used; the message is the reason written to skipped.csv."""


@dataclass(frozen=True)
class Skipped:
    """An input that was read but not processed, and why (one row of skipped.csv)."""

    doc: str
    source: str
    reason: str


@dataclass(frozen=True)
class ColumnMap:
    """Which columns of a table corpus hold the id, text and metadata of each article."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"
    url: str = "url"


@dataclass
class Metadata:
    """Per-document metadata from metadata.csv, keyed by document id."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""


# ---------------------------------------------------------------- bytes -> text


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (to tell Windows-1256 from ISO-8859-6)."""
    sample = text[:100_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    return len(ARABIC_LETTER.findall(sample)) / letters if letters else 0.0


def _decode_arabic_single_byte(data: bytes) -> tuple[str, str] | None:
    """Best of Windows-1256 and ISO-8859-6 if the text comes out mostly Arabic letters.

    Both codepages place Arabic letters in the high half; decoding with the wrong one gives
    Latin letters (â, ê, è) or undefined bytes, so the one with more Arabic letters wins,
    Windows-1256 on a tie (it is what Windows scrapers produce).
    """
    best: tuple[float, str, str] | None = None
    for name in ("cp1256", "iso8859-6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if best is None or share > best[0]:
            best = (share, text, name)
    if best is None or best[0] < 0.5:
        return None
    return best[1], best[2]


def _decode_with_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[: 4 * SAMPLE_BYTES]).best()
    if match is None:
        return None
    try:
        return data.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a whole file; return (text, encoding) or raise `BadInput` saying why not.

    Order: a BOM decides (UTF-8/16/32, BOM removed); then strict UTF-8; then the Arabic
    codepages Windows-1256 / ISO-8859-6; then charset-normalizer for anything else. NUL-heavy
    data without a UTF-16/32 BOM is reported as binary rather than guessed at.
    """
    if not data:
        raise BadInput("empty file")
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise BadInput(f"undecodable: {bom} BOM but invalid {bom} ({exc.reason})") from None
    nul_share = data.count(0) / len(data)
    if nul_share > BINARY_NUL_SHARE:
        raise BadInput(f"binary (NUL bytes {nul_share:.0%})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[: 4 * SAMPLE_BYTES]
    control_share = len(_CONTROL_BYTES.findall(sample)) / len(sample)
    if control_share > BINARY_CONTROL_SHARE:
        raise BadInput(f"binary (control bytes {control_share:.0%})")
    decoded = _decode_arabic_single_byte(data) or _decode_with_charset_normalizer(data)
    if decoded is None:
        raise BadInput(
            "undecodable: not UTF-8/UTF-16, Windows-1256 or ISO-8859-6; re-save the file as UTF-8"
        )
    return decoded


# ---------------------------------------------------------------- text checks


def looks_like_html(text: str) -> bool:
    """True when the text starts like a page or carries several HTML tags (HTML in a .txt)."""
    head = text[:20_000]
    if head.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


def html_to_text(html: str) -> str:
    """Main text of an HTML page or fragment: trafilatura, or plain tag stripping as fallback."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if text and text.strip():
        return text
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return tree.text_content()


def prepare_text(text: str, encoding: str) -> tuple[str, str]:
    """Check a decoded text and return (text to process, encoding label) or raise `BadInput`.

    The text is not rewritten, except: NUL characters become spaces (same length, so offsets
    are unchanged; label '+nul'), and HTML found in a text is reduced to its main text (offsets
    then refer to that text; label '+html').
    """
    if not text.strip():
        raise BadInput("empty text (whitespace only)" if text else "empty text")
    sample = text[:200_000]
    control_share = len(_CONTROL.findall(sample)) / len(sample)
    if control_share > BINARY_CONTROL_SHARE:
        raise BadInput(f"binary (control characters {control_share:.0%})")
    if "\x00" in text:
        text, encoding = text.replace("\x00", " "), encoding + "+nul"
    if looks_like_html(text):
        text, encoding = html_to_text(text), encoding + "+html"
        if not text.strip():
            raise BadInput("HTML with no main text")
    if not ARABIC_LETTER.search(text):
        raise BadInput("no Arabic text")
    return text, encoding


# ---------------------------------------------------------------- dates and metadata


def normalize_date(value: object) -> str | None:
    """'YYYY-MM-DD' (a time part after it is dropped); '' for empty; None if unparseable."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?", text):
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _read_metadata_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    text, _ = decode_bytes(path.read_bytes())
    reader = csv.DictReader(text.splitlines(keepends=True))
    rows = [(reader.line_num, row) for row in reader]
    return list(reader.fieldnames or []), rows


def _check_metadata_row(line: int, row: dict[str, str], where: str) -> dict[str, str]:
    published = normalize_date(row.get("published"))
    if published is None:
        log.warning(
            "%s line %d: date %r is not in the form YYYY-MM-DD; published left empty",
            where,
            line,
            row.get("published"),
        )
        published = ""
    precision = (row.get("date_precision") or "").strip().lower()
    if precision and precision not in DATE_PRECISIONS:
        log.warning(
            "%s line %d: date_precision %r is not one of %s; left empty",
            where,
            line,
            precision,
            ", ".join(DATE_PRECISIONS),
        )
        precision = ""
    checked = {k: (v or "").strip() for k, v in row.items() if k is not None}
    checked.update(published=published, date_precision=precision)
    return checked


def load_metadata(path: str | Path) -> Metadata:
    """Read metadata.csv (doc,outlet,published,date_precision), warning about each problem.

    Problems never stop a run: duplicate ids keep the first row, bad dates are left empty,
    extra columns are kept in `Document.extra`; every warning names the file, line and fix.
    """
    where = str(path)
    try:
        columns, rows = _read_metadata_rows(Path(path))
    except (OSError, BadInput, csv.Error) as exc:
        log.warning("%s: cannot read metadata (%s); continuing without it", where, exc)
        return Metadata(source=where)
    if "doc" not in columns:
        log.warning(
            "%s: no 'doc' column (found %s); expected columns %s; metadata ignored",
            where,
            ", ".join(columns) or "none",
            ",".join(METADATA_COLUMNS),
        )
        return Metadata(source=where)
    extra = [c for c in columns if c not in METADATA_COLUMNS]
    if extra:
        log.warning("%s: columns %s are not used by the pipeline; kept in extra", where, extra)
    meta, first_line = Metadata(source=where), {}
    for line, row in rows:
        doc = clean_id(row.get("doc"))
        if not doc:
            log.warning("%s line %d: empty doc id; row ignored", where, line)
        elif doc in meta.rows:
            log.warning(
                "%s line %d: duplicate doc id %r (first on line %d); keeping the first",
                where,
                line,
                doc,
                first_line[doc],
            )
        else:
            meta.rows[doc], first_line[doc] = _check_metadata_row(line, row, where), line
    return meta


def apply_metadata(doc: Document, meta: Metadata) -> Document:
    """Fill a document's outlet/date from metadata.csv (metadata wins over guessed values)."""
    row = meta.rows.get(doc.doc)
    if not row:
        return doc
    for name in ("outlet", "published", "date_precision"):
        if row.get(name):
            setattr(doc, name, row[name])
    doc.extra.update({k: v for k, v in row.items() if k not in METADATA_COLUMNS})
    return doc


# ---------------------------------------------------------------- files -> documents


def read_text_file(path: Path, doc_id: str, source: str) -> Document:
    """One .txt file as a Document (raises BadInput with the reason when unusable)."""
    text, encoding = prepare_text(*decode_bytes(path.read_bytes()))
    return Document(doc=doc_id, text=text, source=source, encoding=encoding)


def read_html_file(path: Path, doc_id: str, source: str) -> Document:
    """A saved web page: main text, title, date and site name via trafilatura."""
    import trafilatura

    html, encoding = decode_bytes(path.read_bytes())
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise BadInput("HTML page with no main text")
    text, encoding = prepare_text(found.text, encoding + "+html")
    published = normalize_date(found.date) or ""
    return Document(
        doc=doc_id,
        text=text,
        source=source,
        outlet=found.sitename or "",
        published=published,
        title=found.title or "",
        url=found.url or "",
        encoding=encoding.replace("+html+html", "+html"),
    )


def _sniff_stream_encoding(path: Path) -> str:
    """Encoding for streaming a table: BOM, else UTF-8 if the first 64 KB are valid, else guess."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    bom = _bom_encoding(sample)
    if bom:
        return bom
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = _decode_arabic_single_byte(sample) or _decode_with_charset_normalizer(sample)
    if decoded is None:
        raise BadInput("undecodable: re-save the table as UTF-8")
    return decoded[1]


def _iter_csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding=encoding, newline="") as handle:
        yield from enumerate(csv.DictReader(handle), start=1)


def _iter_jsonl_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict | BadInput]]:
    with path.open(encoding=encoding) as handle:
        for index, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield index, BadInput(f"invalid JSON on line {index}: {exc.msg}")
                continue
            yield index, row if isinstance(row, dict) else BadInput("JSON line is not an object")


def _iter_parquet_rows(path: Path) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    index = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            index += 1
            yield index, row


def _table_columns(path: Path, fmt: str, encoding: str) -> list[str] | None:
    """Column names of a csv/parquet table (None for jsonl, whose rows may differ)."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    if fmt == "csv":
        with path.open(encoding=encoding, newline="") as handle:
            return next(csv.reader(handle), [])
    return None


def _cell(row: dict, name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def row_id(source: str, index: int) -> str:
    """Stable id for a table row without an id: a hash of the file name and row number."""
    return hashlib.sha1(f"{source}#{index}".encode()).hexdigest()[:16]


def _row_document(row: dict, index: int, source: str, encoding: str, cols: ColumnMap) -> Document:
    doc_id = clean_id(_cell(row, cols.id)) or row_id(source, index)
    if cols.text not in row:
        raise BadInput(f"no {cols.text!r} field in this row; pass --text-col NAME")
    raw = row.get(cols.text)
    text, label = prepare_text("" if raw is None else str(raw), encoding)
    published = normalize_date(row.get(cols.published))
    mapped = {cols.id, cols.text, cols.title, cols.published, cols.outlet, cols.url}
    extra = {k: _cell(row, k) for k in row if k not in mapped}
    if published is None:
        extra["published_raw"] = _cell(row, cols.published)
    return Document(
        doc=doc_id,
        text=text,
        source=f"{source}:{index}",
        outlet=_cell(row, cols.outlet),
        published=published or "",
        title=_cell(row, cols.title),
        url=_cell(row, cols.url),
        encoding=label,
        extra=extra,
    )


def _iter_table(path: Path, fmt: str, source: str, cols: ColumnMap) -> Iterator[Document | Skipped]:
    """Rows of a csv/jsonl/parquet file as Documents; a problem row becomes Skipped."""
    encoding = "utf-8" if fmt == "parquet" else _sniff_stream_encoding(path)
    names = _table_columns(path, fmt, encoding)
    if names is not None and cols.text not in names:
        found = ", ".join(names) or "none"
        raise BadInput(f"no text column {cols.text!r} (found: {found}); pass --text-col NAME")
    rows = {
        "csv": lambda: _iter_csv_rows(path, encoding),
        "jsonl": lambda: _iter_jsonl_rows(path, encoding),
        "parquet": lambda: _iter_parquet_rows(path),
    }[fmt]()
    bad_dates: list[int] = []
    index = 0
    try:
        for index, row in rows:
            yield _row_or_skip(row, index, source, encoding, cols, bad_dates)
    except UnicodeDecodeError as exc:
        yield Skipped(Path(source).stem, source, f"undecodable after row {index}: {exc.reason}")
    except csv.Error as exc:
        yield Skipped(Path(source).stem, source, f"CSV error after row {index}: {exc}")
    if bad_dates:
        log.warning(
            "%s: %d rows have dates not in the form YYYY-MM-DD (rows %s%s); published left empty",
            source,
            len(bad_dates),
            ", ".join(map(str, bad_dates[:5])),
            " ..." if len(bad_dates) > 5 else "",
        )


def _row_or_skip(
    row: dict | BadInput,
    index: int,
    source: str,
    encoding: str,
    cols: ColumnMap,
    bad_dates: list[int],
) -> Document | Skipped:
    where = f"{source}:{index}"
    if isinstance(row, BadInput):
        return Skipped(row_id(source, index), where, str(row))
    try:
        doc = _row_document(row, index, source, encoding, cols)
    except BadInput as exc:
        return Skipped(clean_id(_cell(row, cols.id)) or row_id(source, index), where, str(exc))
    if "published_raw" in doc.extra:
        bad_dates.append(index)
    return doc


def _file_format(path: Path, fmt: str) -> str | None:
    if fmt != "auto":
        return fmt
    return EXTENSION_FORMATS.get(path.suffix.lower())


def _iter_file(path: Path, fmt: str | None, cols: ColumnMap) -> Iterator[Document | Skipped]:
    source, stem = path.name, clean_id(path.stem)
    try:
        if fmt is None:
            raise BadInput(
                f"unsupported file type {path.suffix or '(none)'!r}; "
                "use --format txt|html|csv|jsonl|parquet to read it"
            )
        if fmt == "txt":
            yield read_text_file(path, stem, source)
        elif fmt == "html":
            yield read_html_file(path, stem, source)
        else:
            yield from _iter_table(path, fmt, source, cols)
    except BadInput as exc:
        yield Skipped(stem, source, str(exc))
    except OSError as exc:
        yield Skipped(stem, source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug on one file must not stop the corpus
        yield Skipped(stem, source, f"read error: {type(exc).__name__}: {exc}")


def corpus_files(path: Path) -> list[Path]:
    """Files of a corpus folder in sorted order, without hidden files and metadata.csv."""
    return sorted(
        (p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def _metadata_for(corpus: Path, metadata: str | Path | None) -> Metadata:
    if metadata is not None:
        if not Path(metadata).is_file():
            raise CorpusError(f"metadata file not found: {metadata}")
        return load_metadata(metadata)
    candidate = corpus / METADATA_NAME if corpus.is_dir() else corpus.parent / METADATA_NAME
    if corpus.is_dir() and candidate.is_file():
        return load_metadata(candidate)
    log.info("no %s in %s: documents get no outlet/date from metadata", METADATA_NAME, corpus)
    return Metadata()


def iter_corpus(
    corpus: str | Path,
    fmt: str = "auto",
    columns: ColumnMap | None = None,
    metadata: str | Path | None = None,
) -> Iterator[Document | Skipped]:
    """Every input of a corpus, lazily and in sorted order, as a Document or a Skipped.

    `corpus` is a folder (of .txt, .html/.htm, .csv, .jsonl, .parquet files) or one such file.
    Ids: file stem for text and HTML files; the id column (else a hash of file and row) for
    tables. A repeated id is skipped (the first one is kept). Raises `CorpusError` only for
    problems with the corpus as a whole.
    """
    root = Path(corpus)
    if fmt not in FORMATS:
        raise CorpusError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not root.exists():
        raise CorpusError(f"corpus not found: {root} (give a folder or a .txt/.csv/... file)")
    meta = _metadata_for(root, metadata)
    cols = columns or ColumnMap()
    files = corpus_files(root) if root.is_dir() else [root]
    seen: dict[str, str] = {}
    for path in files:
        if root.is_dir() and path.name == METADATA_NAME:
            continue
        for item in _iter_file(path, _file_format(path, fmt) or _single_file_default(root), cols):
            yield _dedupe(item, seen, meta)
    unknown = sorted(set(meta.rows) - set(seen))
    if unknown:
        log.warning(
            "%s: %d doc ids match no document: %s",
            meta.source,
            len(unknown),
            ", ".join(unknown[:20]) + (" ..." if len(unknown) > 20 else ""),
        )


def _single_file_default(root: Path) -> str | None:
    """A single file with an unknown extension is read as text; in a folder it is skipped."""
    return None if root.is_dir() else "txt"


def _dedupe(item: Document | Skipped, seen: dict[str, str], meta: Metadata) -> Document | Skipped:
    if isinstance(item, Skipped):
        return item
    if item.doc in seen:
        return Skipped(item.doc, item.source, f"duplicate id (first read from {seen[item.doc]})")
    seen[item.doc] = item.source
    return apply_metadata(item, meta)
