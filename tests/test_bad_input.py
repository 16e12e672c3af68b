"""Bad input: every document is processed or skipped with a reason; paths never escape."""

from __future__ import annotations

import os
import time

import pandas as pd
import pytest

from helpers import pipeline
from helpers.corpus import iter_corpus
from helpers.io import clean_id, safe_name, safe_path
from helpers.runner import extract

SHELLING = "قتل ثلاثة مدنيين وأصيب سبعة آخرون في قصف مدفعي على قرية في ريف حماة الشمالي."
BOMB = "أعلنت مصادر محلية مقتل 4 عناصر بانفجار عبوة ناسفة قرب مدينة الباب."
FILLER = "وقال المتحدث إن الاجتماع تناول الأوضاع الاقتصادية في المنطقة وسبل دعم المزارعين "


def bad_corpus(folder):
    """One file per kind of bad input, plus two good ones."""
    files = {
        "good.txt": SHELLING.encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b"  \n\r\n\t ",
        "binary.txt": bytes(range(256)) * 40,
        "nuls.txt": b"\x00\x00\x00ab" * 300,
        "latin.txt": b"Three civilians were killed in shelling.",
        "latin1.txt": "Trois civils tués à Hama, déclare l'hôpital.".encode("latin-1"),
        "soup.txt": (
            f"<html><body><div class='menu'><a href='/'>الرئيسية</a></div>"
            f"<article><p>{SHELLING}</p><p>{BOMB}</p></article></body></html>"
        ).encode(),
        "longline.txt": (FILLER * 2_000 + BOMB).encode(),  # ~300 KB on one line
        "nul_inside.txt": (SHELLING + "\x00" + BOMB).encode(),
        "mixed.txt": f"Breaking: {SHELLING} (AFP) — 3 dead. {BOMB}".encode(),
        "crlf.txt": f"{SHELLING}\r\n{BOMB}\r\n".encode(),
        "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(500),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def run_bad(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("bad")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad_corpus(corpus)
    result = extract(corpus, tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    skipped = pd.read_csv(tmp_path / "out" / "skipped.csv", keep_default_na=False)
    return result, documents.set_index("doc"), skipped.set_index("doc")


def test_every_input_is_processed_or_skipped(run_bad):
    result, documents, skipped = run_bad
    assert result.read == 13 == result.processed + result.skipped
    assert len(documents) == result.processed and len(skipped) == result.skipped
    assert set(documents.index) | set(skipped.index) == {
        "good",
        "empty",
        "blank",
        "binary",
        "nuls",
        "latin",
        "latin1",
        "soup",
        "longline",
        "nul_inside",
        "mixed",
        "crlf",
        "photo",
    }


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        ("empty", "empty file"),
        ("blank", "empty text (whitespace only)"),
        ("binary", "binary"),
        ("nuls", "binary (NUL bytes 60%)"),
        ("latin", "no Arabic text"),
        ("latin1", "no Arabic text"),
        ("photo", "unsupported file type '.jpg'"),
    ],
)
def test_skip_reasons(run_bad, doc, reason):
    _, _, skipped = run_bad
    assert skipped.loc[doc, "reason"].startswith(reason)


@pytest.mark.parametrize(
    ("doc", "encoding"),
    [
        ("good", "utf-8"),
        ("soup", "utf-8+html"),
        ("longline", "utf-8"),
        ("nul_inside", "utf-8+nul"),
        ("mixed", "utf-8"),
        ("crlf", "utf-8"),
    ],
)
def test_processed_documents_record_how_they_were_read(run_bad, doc, encoding):
    _, documents, _ = run_bad
    assert documents.loc[doc, "encoding"] == encoding


def test_nul_becomes_space_keeping_offsets_and_crlf_is_kept(run_bad):
    _, documents, _ = run_bad
    assert documents.loc["nul_inside", "chars"] == len(SHELLING) + 1 + len(BOMB)
    assert documents.loc["crlf", "chars"] == len(f"{SHELLING}\r\n{BOMB}\r\n")


def test_html_soup_in_txt_is_reduced_to_its_text(run_bad):
    _, documents, _ = run_bad
    assert documents.loc["soup", "chars"] < len(SHELLING) + len(BOMB) + 20


def test_an_exception_in_one_document_is_recorded_and_the_rest_continue(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(SHELLING + name, encoding="utf-8")
    real = pipeline.process_document

    def flaky(doc):
        if doc.doc == "b":
            raise ZeroDivisionError("boom\nsecond line")
        return real(doc)

    monkeypatch.setattr(pipeline, "process_document", flaky)
    result = extract(corpus, tmp_path / "out")
    assert (result.read, result.processed, result.skipped) == (3, 2, 1)
    skipped = pd.read_csv(tmp_path / "out" / "skipped.csv")
    assert skipped.to_dict("records") == [
        {
            "doc": "b",
            "source": "b.txt",
            "reason": "extraction error: ZeroDivisionError: boom second line",
        }
    ]


def test_a_mention_with_wrong_offsets_skips_its_document(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SHELLING, encoding="utf-8")
    bad = {"mention": "m1", "start": 0, "end": 3, "text": "xyz", "category": "killed"}
    monkeypatch.setattr(pipeline, "process_document", lambda doc: ([dict(bad)], []))
    result = extract(corpus, tmp_path / "out")
    assert result.skipped == 1
    reason = pd.read_csv(tmp_path / "out" / "skipped.csv")["reason"][0]
    assert reason.startswith("extraction error: invalid mention m1: text[0:3]")


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/x", "/etc/passwd", "a\x00b", "..", ".", "", "C:\\Windows\\x", "a/../../b"],
)
def test_paths_from_ids_never_escape_the_output_folder(tmp_path, hostile):
    path = safe_path(tmp_path, hostile, ".csv")
    assert path.parent == tmp_path.resolve()
    assert "\x00" not in str(path) and "/" not in safe_name(hostile)
    assert not safe_name(hostile).startswith(".")


def test_hostile_ids_in_a_table_stay_in_cells(tmp_path):
    rows = pd.DataFrame({"id": ["../../etc/x", "/abs/path", "nul\x00id"], "text": [SHELLING] * 3})
    rows.to_csv(tmp_path / "t.csv", index=False)
    out = tmp_path / "out"
    extract(tmp_path / "t.csv", out)
    tables = ("documents", "incidents", "mentions", "skipped")
    assert sorted(os.listdir(out)) == sorted(f"{t}.{x}" for t in tables for x in ("csv", "parquet"))
    docs = pd.read_csv(out / "documents.csv")["doc"].tolist()
    assert docs == ["../../etc/x", "/abs/path", "nul_id"]
    assert not (tmp_path.parent / "etc").exists()


def test_clean_id_removes_control_characters():
    assert clean_id(" a\nb\x00c ") == "a_b_c"


def test_a_10_mb_line_is_read_whole(tmp_path):
    line = (BOMB + " ") * (10_000_000 // len((BOMB + " ").encode()) + 1)
    (tmp_path / "huge.txt").write_text(line, encoding="utf-8")
    (doc,) = list(iter_corpus(tmp_path))
    assert doc.text == line and doc.encoding == "utf-8"
    assert len(doc.text.encode()) > 10_000_000


def test_a_document_over_the_size_limit_is_skipped_with_the_fix(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "dump.txt").write_text(FILLER * 130_000, encoding="utf-8")  # ~19 MB, 10 M chars
    (corpus / "ok.txt").write_text(BOMB, encoding="utf-8")
    result = extract(corpus, tmp_path / "out")
    assert (result.processed, result.skipped) == (1, 1)
    reason = pd.read_csv(tmp_path / "out" / "skipped.csv")["reason"][0]
    assert reason.startswith("too long (") and "--max-chars" in reason


def test_a_document_that_takes_too_long_is_skipped(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "slow.txt").write_text(SHELLING, encoding="utf-8")
    (corpus / "fast.txt").write_text(BOMB, encoding="utf-8")
    real = pipeline.process_document

    def sometimes_slow(doc):
        if doc.doc == "slow":
            time.sleep(5)
        return real(doc)

    monkeypatch.setattr(pipeline, "process_document", sometimes_slow)
    started = time.perf_counter()
    result = extract(corpus, tmp_path / "out", doc_timeout=0.3)
    assert time.perf_counter() - started < 4
    assert (result.processed, result.skipped) == (1, 1)
    reason = pd.read_csv(tmp_path / "out" / "skipped.csv")["reason"][0]
    assert reason.startswith("timeout: extraction took more than 0.3 s")
