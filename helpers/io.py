"""Writing output tables atomically and deterministically, and keeping paths inside a folder.

A run that crashes or is interrupted must never leave a half-written table behind, and a rerun
on the same input must produce byte-identical files (so outputs can be diffed and committed).
Document ids come from untrusted input, so any file name derived from them is sanitised here.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# Columns that hold numbers in the declared tables (per table, since e.g. `mentions` is a count
# in documents but a list of ids in incidents, and `date_precision` is a word in documents).
NUMERIC_COLUMNS = {
    "documents": ("chars", "mentions", "incidents"),
    "mentions": ("start", "end", "best", "low", "high"),
    "incidents": (
        "start",
        "end",
        "latitude",
        "longitude",
        "geo_precision",
        "date_precision",
        "killed",
        "injured",
    ),
    "skipped": (),
}

CSV_BATCH_ROWS = 50_000  # rows converted to pandas at a time when writing a large CSV
PANDAS_DTYPES = {pa.int64(): "Int64", pa.float64(): "Float64", pa.string(): "string"}

_UNSAFE_CHARS = re.compile(r"[^\w.\-]+", re.UNICODE)
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_NAME_CHARS = 120


def clean_id(raw: object) -> str:
    """A document id fit for a table cell: control characters -> '_', surrounding spaces cut.

    Ids come from file names and id columns we do not control; NUL or newlines in them break
    CSV readers downstream, so they are replaced (deterministically, so ids stay stable).
    """
    return _CONTROL_CHARS.sub("_", "" if raw is None else str(raw)).strip()


def safe_name(name: str) -> str:
    """A file name derived from `name` that cannot contain a path separator, '..' or NUL.

    Only letters (any script), digits, '.', '-' and '_' survive; leading dots are removed so
    the result is never hidden, '.' or '..'. An empty result becomes '_'.
    """
    cleaned = _UNSAFE_CHARS.sub("_", clean_id(name)).lstrip(".")
    return cleaned[:MAX_NAME_CHARS] or "_"


def safe_path(folder: str | os.PathLike, name: str, suffix: str = "") -> Path:
    """A path for `name` inside `folder` that is guaranteed not to escape it."""
    root = Path(folder).resolve()
    path = (root / (safe_name(name) + suffix)).resolve()
    if path.parent != root:  # cannot happen after safe_name; checked anyway
        raise ValueError(f"unsafe output name {name!r}")
    return path


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb") -> Iterator[IO]:
    """Open a temp file next to `path`; on success fsync and `os.replace` it into place.

    On any exception (including KeyboardInterrupt) the temp file is removed and `path` is left
    as it was, so readers only ever see a complete old file or a complete new one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else ""
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def is_blank(value: object) -> bool:
    """A missing cell (None, NA, NaN) or one holding only spaces: what CSV readers and
    extractors both use for 'not given'."""
    return _is_missing(value) or str(value).strip() == ""


def as_text(values: Iterable) -> list[str]:
    """Cells as strings, missing values as '' (so CSV and parquet agree)."""
    out = []
    for value in values:
        if _is_missing(value):
            out.append("")
        elif isinstance(value, list | tuple):
            out.append(" ".join(as_text(value)))
        elif isinstance(value, float) and value.is_integer():
            out.append(str(int(value)))
        else:
            out.append(str(value))
    return out


def _as_number(text: str) -> float | int | None:
    if text == "":
        return None
    number = float(text)  # raises ValueError for non-numbers
    return int(number) if number.is_integer() and "." not in text and "e" not in text else number


def numeric_or_text(column: pd.Series) -> pd.Series:
    """Int64 if every filled cell is a whole number, Float64 if numeric, else unchanged text.

    Text is kept when any cell is not a number, so an unexpected value is never lost to
    coercion; the choice depends only on the data, so reruns give the same types.
    """
    texts = as_text(column)
    try:
        numbers = [_as_number(t) for t in texts]
    except ValueError:
        return pd.Series(texts, index=column.index, dtype="string")
    filled = [n for n in numbers if n is not None]
    if all(float(n).is_integer() for n in filled) and all(abs(n) < 2**62 for n in filled):
        whole = [None if n is None else int(n) for n in numbers]
        return pd.Series(whole, index=column.index, dtype="Int64")
    return pd.Series(numbers, index=column.index, dtype="Float64")


def normalize_table(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give every column a stable type: declared numeric columns as numbers, the rest text."""
    numeric = set(NUMERIC_COLUMNS.get(table, ()))
    out = pd.DataFrame(index=range(len(df)))
    for name in df.columns:
        column = df[name].reset_index(drop=True)
        if name in numeric:
            out[name] = numeric_or_text(column).reset_index(drop=True)
        else:
            out[name] = pd.Series(as_text(column), dtype="string")
    return out


# The one output format, for whole tables here and for the runner's batch-by-batch writer.
CSV_OPTIONS = {"index": False, "lineterminator": "\n", "na_rep": ""}
PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": True}


def write_csv(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write `df` as UTF-8 CSV (no index, '\\n' line ends, empty for missing), atomically."""
    with atomic_open(path, "w") as handle:
        df.to_csv(handle, **CSV_OPTIONS)
    return Path(path)


def write_parquet(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write `df` as parquet with no index and fixed writer options, atomically.

    Parquet files carry no timestamps; with the same data, library versions and options the
    bytes are identical on rerun.
    """
    table = pa.Table.from_pandas(df, preserve_index=False)
    with atomic_open(path, "wb") as handle:
        pq.write_table(table, handle, **PARQUET_OPTIONS)
    return Path(path)


# ---------------------------------------------------------------- Arrow tables (large runs)


def pandas_type(arrow_type: pa.DataType) -> object:
    """Nullable pandas dtype for an Arrow type (Int64, Float64, string), else pandas' default."""
    name = PANDAS_DTYPES.get(arrow_type)
    return pd.api.types.pandas_dtype(name) if name else None


def arrow_to_pandas(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame with nullable dtypes (so empty numbers stay missing)."""
    return table.to_pandas(types_mapper=pandas_type)


def with_pandas_metadata(table: pa.Table) -> pa.Table:
    """Attach pandas dtypes (Int64, Float64, string) so `pd.read_parquet` restores them."""
    empty = pd.DataFrame(
        {f.name: pd.Series([], dtype=PANDAS_DTYPES.get(f.type, "object")) for f in table.schema}
    )
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return table.replace_schema_metadata(metadata)
