"""Reading corpora: encodings, formats, ids, metadata (all fixtures built in tmp_path)."""

from __future__ import annotations

import json
import logging

import pandas as pd
import pytest

from helpers.corpus import (
    BadInput,
    ColumnMap,
    CorpusError,
    Skipped,
    decode_bytes,
    iter_corpus,
    load_metadata,
    normalize_date,
    row_id,
)
from helpers.schema import Document

SHELLING = "قتل ثلاثة مدنيين وأصيب سبعة آخرون في قصف مدفعي على قرية في ريف حماة الشمالي."
BOMB = "أعلنت مصادر محلية مقتل 4 عناصر بانفجار عبوة ناسفة قرب مدينة الباب."
DISPLACED = "نزحت 120 عائلة من بلدات ريف إدلب الجنوبي خلال الأسبوع الماضي."


def docs_of(items):
    return [i for i in items if isinstance(i, Document)]


def skips_of(items):
    return [i for i in items if isinstance(i, Skipped)]


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("cp1256"), "cp1256"),
        (lambda t: t.encode("iso8859-6"), "iso8859-6"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, encode, label):
    text = SHELLING + "\n" + BOMB + "\n" + DISPLACED
    (tmp_path / "a.txt").write_bytes(encode(text))
    (doc,) = docs_of(iter_corpus(tmp_path))
    assert doc.text == text
    assert doc.encoding == label


def test_bom_removed_and_crlf_kept_so_offsets_match_the_decoded_text():
    data = ("\r\n".join([SHELLING, BOMB])).encode("utf-8-sig")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8-sig"
    assert not text.startswith("\ufeff")
    assert "\r\n" in text
    assert text.index("مقتل") == len(SHELLING) + 2 + BOMB.index("مقتل")


def test_windows_1256_is_not_mistaken_for_iso_8859_6():
    text, encoding = decode_bytes(BOMB.encode("cp1256"))
    assert (text, encoding) == (BOMB, "cp1256")
    text, encoding = decode_bytes(DISPLACED.encode("iso8859-6"))
    assert (text, encoding) == (DISPLACED, "iso8859-6")


def test_txt_folder_ids_are_stems_in_sorted_order(tmp_path):
    for name in ("b.txt", "a-2.txt", "c.txt", "a.txt"):
        (tmp_path / name).write_text(SHELLING, encoding="utf-8")
    ids = [d.doc for d in iter_corpus(tmp_path)]
    assert ids == ["a-2", "a", "b", "c"]  # sorted by file name, as on disk
    assert [d.source for d in iter_corpus(tmp_path)][0] == "a-2.txt"


def test_html_page_gives_text_title_date_and_site(tmp_path):
    page = f"""<html><head><title>قصف على ريف حماة</title>
    <meta property="og:site_name" content="شبكة الأخبار">
    <meta name="date" content="2021-05-06"></head>
    <body><nav>الرئيسية | سياسة | اقتصاد</nav>
    <article><h1>قصف على ريف حماة</h1><p>{SHELLING}</p><p>{BOMB}</p></article></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (doc,) = docs_of(iter_corpus(tmp_path))
    assert doc.doc == "page"
    assert SHELLING in doc.text and "<p>" not in doc.text
    assert doc.title == "قصف على ريف حماة"
    assert doc.published == "2021-05-06"
    assert doc.outlet == "شبكة الأخبار"
    assert doc.encoding == "utf-8+html"


def test_csv_rows_map_columns_and_hash_missing_ids(tmp_path):
    frame = pd.DataFrame(
        {
            "body": [SHELLING, BOMB],
            "headline": ["عنوان أول", "عنوان ثان"],
            "date": ["2020-01-02", "02/03/2020"],
            "site": ["موقع", "موقع آخر"],
        }
    )
    frame.to_csv(tmp_path / "articles.csv", index=False)
    cols = ColumnMap(text="body", title="headline", published="date", outlet="site")
    first, second = docs_of(iter_corpus(tmp_path / "articles.csv", columns=cols))
    assert first.text == SHELLING and first.title == "عنوان أول" and first.outlet == "موقع"
    assert first.published == "2020-01-02"
    assert second.published == ""  # not YYYY-MM-DD: left empty, with a warning
    assert first.doc == row_id("articles.csv", 1) != second.doc
    assert first.source == "articles.csv:1"
    again = docs_of(iter_corpus(tmp_path / "articles.csv", columns=cols))
    assert [d.doc for d in again] == [first.doc, second.doc]  # stable across runs


def test_csv_without_the_text_column_is_skipped_with_the_fix(tmp_path):
    pd.DataFrame({"id": ["x"], "body": [SHELLING]}).to_csv(tmp_path / "t.csv", index=False)
    (skip,) = list(iter_corpus(tmp_path))
    assert "no text column 'text'" in skip.reason and "--text-col" in skip.reason
    assert "body" in skip.reason


def test_jsonl_rows_and_a_broken_line(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": SHELLING, "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"id": "n2", "text": BOMB, "published": "2019-07-08T10:00:00"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_corpus(tmp_path))
    assert [d.doc for d in docs_of(items)] == ["n1", "n2"]
    assert docs_of(items)[0].url == "https://example.org/1"
    assert docs_of(items)[1].published == "2019-07-08"
    (bad,) = skips_of(items)
    assert bad.source == "feed.jsonl:2" and "invalid JSON" in bad.reason


def test_parquet_rows(tmp_path):
    pd.DataFrame({"id": ["p1", "p2"], "text": [SHELLING, DISPLACED]}).to_parquet(
        tmp_path / "x.parquet"
    )
    assert [d.text for d in iter_corpus(tmp_path / "x.parquet")] == [SHELLING, DISPLACED]


def test_duplicate_ids_keep_the_first(tmp_path):
    (tmp_path / "a.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><p>{BOMB}</p></body></html>", "utf-8")
    items = list(iter_corpus(tmp_path))
    assert docs_of(items)[0].source == "a.html"
    (dup,) = skips_of(items)
    assert dup.source == "a.txt" and "duplicate id" in dup.reason and "a.html" in dup.reason


def test_metadata_applied_and_problems_warned(tmp_path, caplog):
    (tmp_path / "d1.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "d2.txt").write_text(BOMB, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "doc,outlet,published,date_precision,note\n"
        "d1,عنب بلدي,2018-03-04,day,x\n"
        "d2,SANA,4 March 2018,week,y\n"
        "d1,other,2018-03-05,day,z\n"
        "ghost,SANA,2018-01-01,day,w\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        d1, d2 = docs_of(iter_corpus(tmp_path))
    assert (d1.outlet, d1.published, d1.date_precision) == ("عنب بلدي", "2018-03-04", "day")
    assert d1.extra["note"] == "x"
    assert (d2.outlet, d2.published) == ("SANA", "")
    text = caplog.text
    assert "line 3" in text and "YYYY-MM-DD" in text  # the bad date, with its line
    assert "duplicate doc id 'd1'" in text and "line 4" in text
    assert "ghost" in text  # unknown id listed
    assert "note" in text  # extra column mentioned once
    assert text.count("not used by the pipeline") == 1


def test_metadata_without_doc_column_is_ignored_with_a_warning(tmp_path, caplog):
    path = tmp_path / "m.csv"
    path.write_text("id,outlet\nd1,x\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_metadata(path).rows == {}
    assert "no 'doc' column" in caplog.text


def test_missing_corpus_and_bad_format_are_usage_errors(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        list(iter_corpus(tmp_path / "nope"))
    with pytest.raises(CorpusError, match="unknown format"):
        list(iter_corpus(tmp_path, fmt="docx"))


def test_forced_format_reads_other_extensions(tmp_path):
    (tmp_path / "article.md").write_text(SHELLING, encoding="utf-8")
    assert "unsupported file type" in next(iter(iter_corpus(tmp_path))).reason
    (doc,) = docs_of(iter_corpus(tmp_path, fmt="txt"))
    assert doc.text == SHELLING


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-02-29", "2020-02-29"),
        ("2021-02-29", None),
        ("2020-1-2", None),
        ("", ""),
        ("2020-03-04 12:00", "2020-03-04"),
    ],
)
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


def test_decode_rejects_what_it_cannot_read():
    with pytest.raises(BadInput, match="empty file"):
        decode_bytes(b"")
    with pytest.raises(BadInput, match=r"binary \(NUL bytes"):
        decode_bytes(b"\x00\x01\x02\x00" * 100)
