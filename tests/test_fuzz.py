"""Fuzzing `process_document`: no exception, and every mention row obeys the schema."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.pipeline import process_document
from helpers.runner import check_mentions
from helpers.schema import MENTION_COLUMNS, Document, conform, validate_mentions

LETTERS = list("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")
DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩")
WORDS = [
    "قتل",
    "مقتل",
    "إصابة",
    "جرحى",
    "اعتقال",
    "نازح",
    "شخصا",
    "مدنيين",
    "عنصرين",
    "جريحان",
    "على الأقل",
    "أكثر من",
    "نحو",
    "عشرات",
    "بين",
    "و",
    "ثلاثة",
    "عشرين",
    "مئات",
    "حصيلة",
    "منذ",
    "الفوج",
    "غارتين",
]
SEPARATORS = [" ", " ", "\n", "\r\n", "،", ".", ":", "-", "(", ")", "«", "»", "\u200f", "\t"]

number = st.lists(st.sampled_from(DIGITS), min_size=1, max_size=6).map("".join)
word = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=8).map("".join)
token = st.one_of(st.sampled_from(WORDS), number, word, st.sampled_from(SEPARATORS))
arabic_like = st.lists(token, max_size=80).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_mentions_valid(text: str) -> None:
    doc = Document(doc="fuzz", text=text)
    mentions, incidents = process_document(doc)
    assert isinstance(incidents, list)
    assert check_mentions(doc, mentions) == ""
    for row in mentions:
        assert 0 <= row["start"] <= row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"]
    table = conform(mentions, MENTION_COLUMNS)
    if not table.empty:
        for column in ("start", "end"):
            table[column] = pd.to_numeric(table[column])
    validate_mentions(table)


@FAST
@given(arabic_like)
def test_arabic_like_text(text):
    assert_mentions_valid(text)


@FAST
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    assert_mentions_valid(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(number, st.sampled_from(WORDS[:6])), min_size=1, max_size=10))
def test_figure_sentences(pairs):
    text = "\n".join(f"أعلن المرصد {w} {n} في قصف على بلدة." for n, w in pairs)
    assert_mentions_valid(text)
