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
import pyarrow.compute as pc
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


def write_csv(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write `df` as UTF-8 CSV (no index, '\\n' line ends, empty for missing), atomically."""
    with atomic_open(path, "w") as handle:
        df.to_csv(handle, index=False, lineterminator="\n", na_rep="")
    return Path(path)


def write_parquet(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write `df` as parquet with no index and fixed writer options, atomically.

    Parquet files carry no timestamps; with the same data, library versions and options the
    bytes are identical on rerun.
    """
    table = pa.Table.from_pandas(df, preserve_index=False)
    with atomic_open(path, "wb") as handle:
        pq.write_table(table, handle, compression="zstd", write_statistics=True)
    return Path(path)


# ---------------------------------------------------------------- Arrow tables (large runs)


def _numeric_or_text_arrow(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Arrow version of `numeric_or_text` for a string column: int64, float64 or unchanged."""
    filled = pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)
    for target in (pa.int64(), pa.float64()):
        try:
            return pc.cast(filled, target)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
    return column


def normalize_arrow(table: pa.Table, name: str, columns: list[str]) -> pa.Table:
    """Declared columns first (missing ones empty), numbers typed, text with '' for missing.

    The same rules as `normalize_table`, computed column-wise in Arrow so a run with
    hundreds of thousands of rows never materialises them as Python objects.
    """
    numeric = set(NUMERIC_COLUMNS.get(name, ()))
    names = columns + [c for c in table.column_names if c not in columns]
    arrays = []
    for column in names:
        if column in table.column_names:
            text = pc.fill_null(pc.cast(table[column], pa.string()), "")
        else:
            text = pa.chunked_array([pa.array([""] * table.num_rows, pa.string())])
        arrays.append(_numeric_or_text_arrow(text) if column in numeric else text)
    return pa.table(arrays, names=names)


def pandas_type(arrow_type: pa.DataType) -> object:
    """Nullable pandas dtype for an Arrow type (Int64, Float64, string), else pandas' default."""
    name = PANDAS_DTYPES.get(arrow_type)
    return pd.api.types.pandas_dtype(name) if name else None


def arrow_to_pandas(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame with nullable dtypes (so empty numbers stay missing)."""
    return table.to_pandas(types_mapper=pandas_type)


def pandas_to_arrow(df: pd.DataFrame) -> pa.Table:
    """A DataFrame of any cell types as an all-text Arrow table, one column at a time."""
    return pa.table({str(c): pa.array(as_text(df[c]), pa.string()) for c in df.columns})


def with_pandas_metadata(table: pa.Table) -> pa.Table:
    """Attach pandas dtypes (Int64, Float64, string) so `pd.read_parquet` restores them."""
    empty = pd.DataFrame(
        {f.name: pd.Series([], dtype=PANDAS_DTYPES.get(f.type, "object")) for f in table.schema}
    )
    metadata = pa.Schema.from_pandas(empty, preserve_index=False).metadata
    return table.replace_schema_metadata(metadata)


def _batches(table: pa.Table, order: pa.Array | None) -> Iterator[pa.Table]:
    """The rows of `table` in `order` (default: as stored), a bounded batch at a time.

    Taking rows batch by batch avoids a sorted copy of a large table in memory.
    """
    for offset in range(0, table.num_rows, CSV_BATCH_ROWS):
        if order is None:
            yield table.slice(offset, CSV_BATCH_ROWS)
        else:
            yield table.take(order.slice(offset, CSV_BATCH_ROWS))


def write_arrow_parquet(
    table: pa.Table, path: str | os.PathLike, order: pa.Array | None = None
) -> Path:
    """Write an Arrow table (rows in `order`) as parquet with fixed options, atomically."""
    table = with_pandas_metadata(table)
    with (
        atomic_open(path, "wb") as handle,
        pq.ParquetWriter(handle, table.schema, compression="zstd") as writer,
    ):
        for batch in _batches(table, order):
            writer.write_table(batch)
    return Path(path)


def write_arrow_csv(
    table: pa.Table, path: str | os.PathLike, order: pa.Array | None = None
) -> Path:
    """Write an Arrow table (rows in `order`) as CSV in batches, same format as `write_csv`."""
    with atomic_open(path, "w") as handle:
        if table.num_rows == 0:
            table.schema.empty_table().to_pandas().to_csv(handle, index=False, lineterminator="\n")
        for number, batch in enumerate(_batches(table, order)):
            frame = batch.to_pandas(types_mapper=pandas_type)
            frame.to_csv(handle, index=False, header=number == 0, lineterminator="\n", na_rep="")
    return Path(path)
