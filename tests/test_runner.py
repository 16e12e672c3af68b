"""The extract runner: output tables, determinism, workers, Dask, CLI, atomic writes."""

from __future__ import annotations

import random
import re
import sys
import types

import pandas as pd
import pytest

from helpers import io, pipeline
from helpers.runner import extract, main
from helpers.schema import DOCUMENT_COLUMNS, INCIDENT_COLUMNS, MENTION_COLUMNS, SKIPPED_COLUMNS

PLACES = ["كفرنبل", "معرة النعمان", "الباب", "دير الزور", "البوكمال", "تل رفعت"]
TEMPLATES = [
    "قتل {n} مدنيين في قصف على {p}.",
    "أصيب {n} أشخاص بانفجار عبوة ناسفة في {p}.",
    "وثق المرصد مقتل {n} عنصرا من قوات النظام قرب {p}.",
    "اعتقلت دورية {n} شبان من {p} صباح اليوم.",
]
OUTPUTS = [
    "mentions.csv",
    "mentions.parquet",
    "incidents.csv",
    "incidents.parquet",
    "documents.csv",
    "skipped.csv",
    "documents.parquet",
    "skipped.parquet",
]
DIGITS = re.compile(r"[0-9]+")


def fake_process(doc):
    """Stand-in extractor: every digit run is a 'killed' figure (valid per the schema)."""
    mentions = []
    for number, match in enumerate(DIGITS.finditer(doc.text), start=1):
        value = int(match.group())
        mentions.append(
            {
                "mention": f"m{number}",
                "start": match.start(),
                "end": match.end(),
                "text": match.group(),
                "category": "killed",
                "victim": "CIVILIANS",
                "best": value,
                "low": value,
                "high": value if number % 2 else None,
                "qualifier": "exact" if number % 2 else "at_least",
                "scope": "incident",
                "incident": "i1",
                "sentence": doc.text[max(0, match.start() - 20) : match.end() + 20],
            }
        )
    if not mentions:
        return [], []
    incident = {
        "incident": "i1",
        "start": 0,
        "end": 5,
        "text": doc.text[:5],
        "latitude": 35.5,
        "longitude": 36.25,
        "killed": sum(m["best"] for m in mentions),
        "mentions": " ".join(m["mention"] for m in mentions),
    }
    return list(reversed(mentions)), [incident]  # reversed: the runner must sort


def make_corpus(folder, count=12, seed=7):
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        sentences = [
            rng.choice(TEMPLATES).format(n=rng.randint(1, 300), p=rng.choice(PLACES))
            for _ in range(rng.randint(1, 12))
        ]
        (folder / f"art{index:03d}.txt").write_text("\n".join(sentences), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr(pipeline, "process_document", fake_process)


def read_all(out):
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_tables_have_declared_columns_types_and_order(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c")
    result = extract(corpus, tmp_path / "out")
    out = tmp_path / "out"
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert list(mentions.columns) == MENTION_COLUMNS
    assert list(pd.read_parquet(out / "incidents.parquet").columns) == INCIDENT_COLUMNS
    assert list(pd.read_csv(out / "documents.csv").columns) == DOCUMENT_COLUMNS
    assert list(pd.read_csv(out / "skipped.csv").columns) == SKIPPED_COLUMNS
    assert str(mentions["start"].dtype) == "Int64" and str(mentions["best"].dtype) == "Int64"
    keys = list(zip(mentions["doc"], mentions["start"], strict=True))
    assert keys == sorted(keys)
    assert result.mentions == len(mentions) > 0
    assert mentions["high"].isna().any()  # open-ended figures stay empty, not 0


def test_csv_and_parquet_agree_and_counts_are_filled(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c")
    extract(corpus, tmp_path / "out")
    out = tmp_path / "out"
    from_csv = pd.read_csv(out / "mentions.csv", keep_default_na=False, dtype=str)
    from_parquet = pd.read_parquet(out / "mentions.parquet").astype("string").fillna("")
    assert from_csv.values.tolist() == from_parquet.astype(str).values.tolist()
    documents = pd.read_csv(out / "documents.csv").set_index("doc")
    per_doc = from_csv.groupby("doc").size()
    assert (documents.loc[per_doc.index, "mentions"] == per_doc).all()
    assert documents["incidents"].isin([0, 1]).all()


def test_offsets_point_into_the_text(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c")
    extract(corpus, tmp_path / "out")
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv", keep_default_na=False)
    for row in mentions.itertuples():
        text = (corpus / f"{row.doc}.txt").read_text(encoding="utf-8")
        assert text[row.start : row.end] == str(row.text)


def test_rerun_is_byte_identical(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c")
    extract(corpus, tmp_path / "a")
    extract(corpus, tmp_path / "b")
    assert read_all(tmp_path / "a") == read_all(tmp_path / "b")


def test_two_workers_give_the_same_bytes_as_one(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c", count=30)
    extract(corpus, tmp_path / "one", workers=1, chunk_docs=4)
    extract(corpus, tmp_path / "two", workers=2, chunk_docs=4)
    assert read_all(tmp_path / "one") == read_all(tmp_path / "two")


def test_two_workers_with_the_real_pipeline(tmp_path):
    corpus = make_corpus(tmp_path / "c", count=20)
    extract(corpus, tmp_path / "one", workers=1, chunk_docs=3)
    extract(corpus, tmp_path / "two", workers=2, chunk_docs=3)
    assert read_all(tmp_path / "one") == read_all(tmp_path / "two")


def test_dask_local_cluster_matches_local(tmp_path, fake_extractor):
    corpus = make_corpus(tmp_path / "c", count=16)
    extract(corpus, tmp_path / "local", workers=1)
    result = extract(
        corpus, tmp_path / "dask", engine="dask", workers=2, chunk_docs=4, dask_processes=False
    )
    assert result.processed == 16
    assert read_all(tmp_path / "local") == read_all(tmp_path / "dask")


def test_cross_document_linking_hook_is_called(tmp_path, fake_extractor, monkeypatch):
    seen = {}

    def link(incidents, documents):
        seen["documents"] = len(documents)
        linked = incidents.copy()
        linked["event"] = "e1"
        linked["link_reason"] = "same day and place"
        return linked

    monkeypatch.setitem(
        sys.modules, "helpers.dedup", types.SimpleNamespace(link_across_documents=link)
    )
    extract(make_corpus(tmp_path / "c", count=5), tmp_path / "out")
    incidents = pd.read_csv(tmp_path / "out" / "incidents.csv")
    assert seen["documents"] == 5
    assert set(incidents["event"]) == {"e1"}


def test_cli_success_prints_the_summary(tmp_path, capsys, fake_extractor):
    corpus = make_corpus(tmp_path / "c", count=4)
    code = main([str(corpus), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"])
    printed = capsys.readouterr()
    assert code == 0
    assert "read 5 = processed 4 + skipped 1" in printed.out
    assert "skipped 1: empty file" in printed.out
    assert str(tmp_path / "out" / "mentions.csv") in printed.out
    assert printed.err == ""  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "corpus not found"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
        (["--metadata", "/no/such.csv"], "metadata file not found"),
    ],
)
def test_cli_usage_errors_exit_2_without_traceback(tmp_path, capsys, extra, message):
    corpus = tmp_path / "missing" if not extra else make_corpus(tmp_path / "c", count=1)
    code = main([str(corpus), "--out", str(tmp_path / "out"), *extra])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_crash_while_writing_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    io.write_csv(pd.DataFrame({"a": [1, 2]}), target)
    before = target.read_bytes()

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", explode)
    with pytest.raises(KeyboardInterrupt):
        io.write_csv(pd.DataFrame({"a": [3]}), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]  # no temp file left behind


def test_numeric_columns_keep_text_when_a_value_is_not_a_number():
    column = pd.Series([1, "", "dozens"])
    assert io.numeric_or_text(column).tolist() == ["1", "", "dozens"]
    assert str(io.numeric_or_text(pd.Series([1.5, None])).dtype) == "Float64"


def test_spilled_parts_give_the_same_bytes_and_are_removed(tmp_path, fake_extractor, monkeypatch):
    from helpers import runner

    corpus = make_corpus(tmp_path / "c", count=40, seed=3)
    monkeypatch.setattr(io, "CSV_BATCH_ROWS", 7)  # several sorted batches per table
    extract(corpus, tmp_path / "whole", workers=1, part_rows=10**6)
    parts_seen = []
    remove = runner.SpillFolder.remove

    def count_then_remove(folder):
        parts_seen.append(len(list(folder.path.glob("*.parquet"))))
        remove(folder)

    monkeypatch.setattr(runner.SpillFolder, "remove", count_then_remove)
    extract(corpus, tmp_path / "parts", workers=2, chunk_docs=3, part_rows=5)
    assert parts_seen[0] > 8  # mentions, incidents, documents and skipped came in many parts
    assert read_all(tmp_path / "whole") == read_all(tmp_path / "parts")
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == sorted(OUTPUTS)


def test_a_schema_error_writes_nothing_and_leaves_no_parts(tmp_path, fake_extractor, monkeypatch):
    from helpers import runner

    monkeypatch.setattr(runner, "validate_mentions", _reject)
    with pytest.raises(runner.SchemaError, match="rejected"):
        extract(make_corpus(tmp_path / "c", count=6), tmp_path / "out", part_rows=3)
    assert list((tmp_path / "out").iterdir()) == []  # parts were written, then removed


def _reject(frame):
    from helpers.schema import SchemaError

    raise SchemaError(f"rejected {len(frame)} rows")
