"""Tests of the Arabic number reader (helpers/numbers.py) on hand-written sentences."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyarabic.number import ArNumbers

from helpers import numbers
from helpers.numbers import (
    VAGUE,
    Quantity,
    dual_noun,
    ends_in_scale_word,
    find_quantities,
    parse_number,
)


def only(text: str) -> Quantity:
    """The single quantity in `text` (fails loudly otherwise)."""
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def values(text: str) -> list[float | None]:
    return [q.value for q in find_quantities(text)]


def strip_hamza(text: str) -> str:
    return text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def check_invariants(text: str, found: list[Quantity]) -> None:
    previous_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.start >= previous_end, "quantities overlap or are out of order"
        previous_end = q.end
        assert q.start <= q.num_start < q.num_end <= q.end
        if q.low is not None and q.best is not None:
            assert q.low <= q.best
        if q.high is not None and q.best is not None:
            assert q.best <= q.high
        assert q.qualifier in (
            "exact",
            "at_least",
            "more_than",
            "about",
            "range",
            "vague",
            "less_than",
        )
        assert q.kind in ("digits", "words", "dual", "one", "vague", "mixed")


# ----------------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أصيب 17 مدنيا", 17),
        ("أصيب ١٧ مدنيا", 17),
        ("أصيب ۱۷ مدنيا", 17),
        ("نزوح 1,250 عائلة", 1250),
        ("نزوح ١٬٢٥٠ عائلة", 1250),
        ("نزوح 1.250 عائلة", 1250),
        ("نزوح 2.500.000 شخص", 2500000),
        ("الفوج 46 في المنطقة", 46),
    ],
)
def test_digits_are_read_in_all_scripts_and_with_thousands(text: str, expected: int) -> None:
    q = only(text)
    assert q.kind == "digits"
    assert q.value == expected
    assert q.best == q.low == q.high == expected


def test_clock_time_is_a_decimal_without_integer_bounds() -> None:
    q = only("بدأ القصف عند 11.30 ليلا")
    assert q.value == pytest.approx(11.3)
    assert q.kind == "digits"
    assert q.best is None and q.low is None and q.high is None


def test_arabic_decimal_separator() -> None:
    assert parse_number("٣٫٥") == pytest.approx(3.5)


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("حشد 10 آلاف مقاتل", 10_000, "mixed"),
        ("حشد ١٢ ألف مقاتل", 12_000, "mixed"),
        ("نزح 2.5 مليون شخص", 2_500_000, "mixed"),
        ("نزح 3 ملايين شخص", 3_000_000, "mixed"),
    ],
)
def test_digits_times_scale_word(text: str, expected: int, kind: str) -> None:
    q = only(text)
    assert (q.value, q.best, q.kind) == (expected, expected, kind)


def test_proclitic_before_digits() -> None:
    first, second = find_quantities("وقع الهجوم في الـ12 والـ 13 من الشهر")
    assert (first.prefix, first.value, first.text) == ("الـ", 12, "الـ12")
    assert (second.prefix, second.value) == ("والـ", 13)
    assert second.text == "والـ 13"
    q = only("قتل و14 آخرون")
    assert q.prefix == "و" and q.value == 14


def test_article_left_alone_by_normalisation_still_belongs_to_the_number() -> None:
    """'تجاوز الـ 4000' loses its tatweel when normalised ('تجاوز ال 4000'); the lone article
    is still the number's, so the qualifier before it still applies."""
    for text in ("تجاوز الـ 4000", "تجاوز ال 4000"):
        q = only(text)
        assert (q.qualifier, q.best, q.high) == ("more_than", 4000, None)


# ----------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واحد", 1),
        ("واحدة", 1),
        ("اثنان", 2),
        ("اثنتين", 2),
        ("ثلاث", 3),
        ("ثلاثة", 3),
        ("اربعة", 4),
        ("أربع", 4),
        ("ثماني", 8),
        ("عشرة", 10),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("اثني عشر", 12),
        ("ثلاثة عشر", 13),
        ("تسع عشرة", 19),
        ("عشرون", 20),
        ("تسعين", 90),
        ("ثلاثة وعشرين", 23),
        ("خمس وأربعون", 45),
        ("واحد و ستون", 61),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتان", 200),
        ("مائتين", 200),
        ("ثلاثمئة", 300),
        ("ثلاث مئة", 300),
        ("ثلاثمائة", 300),
        ("مئة وخمسون", 150),
        ("ستمئة وسبعة وثمانون", 687),
        ("ألف", 1000),
        ("ألفان", 2000),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("ثلاثة الاف", 3000),
        ("عشرة آلاف", 10_000),
        ("أحد عشر ألف", 11_000),
        ("مئة ألف", 100_000),
        ("ألف وخمسمئة", 1500),
        ("مليون", 1_000_000),
        ("ثلاثة ملايين", 3_000_000),
        ("ستة وثلاثون ألفا وخمسمئة وخمسة وأربعون", 36_545),
    ],
)
def test_number_words(text: str, expected: int) -> None:
    assert parse_number(text) == expected
    assert parse_number(strip_hamza(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected", "prefix"),
    [
        ("قصفت البلدة بخمس قذائف", 5, "ب"),
        ("وثلاثة جرحى", 3, "و"),
        ("نقل الثلاثة إلى المشفى", 3, "ال"),
        ("قتل فيها لسبعة أشخاص", 7, "ل"),
        ("كعشرين عنصرا", 20, "ك"),
    ],
)
def test_number_words_with_proclitics(text: str, expected: int, prefix: str) -> None:
    q = only(text)
    assert (q.value, q.prefix, q.kind) == (expected, prefix, "words")
    assert text[q.num_start : q.num_end] == q.text[len(prefix) :]


def test_words_with_diacritics_and_ta_marbuta_variants() -> None:
    assert parse_number("ثَلاثَة") == 3
    assert parse_number("خمسه") == 5
    assert parse_number("احدى عشره") == 11


def test_two_numbers_side_by_side_without_and_stay_apart() -> None:
    assert values("قتل خمسة ستة") == [5, 6]
    assert values("قتل ثلاثة وجرح عشرة") == [3, 10]


@pytest.mark.parametrize(
    "text",
    [
        "في الفصل الثالث من التقرير",
        "للمرة الخامسة هذا الشهر",
        "في الحادي عشر من أيلول",
        "صباح الثاني عشر من الشهر",
        "يوم الاثنين الماضي",
        "يوم الأحد الماضي",
        "لست متأكدا",
        "لم يصب أحد بأذى",
    ],
)
def test_ordinals_weekdays_and_pronouns_are_not_cardinals(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text", ["ارتفعت بنسبة 50 في المئة", "ارتفعت بنسبة 50 بالمئة", "ارتفعت بنسبة 50 في المائة"]
)
def test_percent_does_not_read_hundred(text: str) -> None:
    assert values(text) == [50]


def test_the_hundred_with_the_article_is_a_hundred() -> None:
    (q,) = find_quantities("ذكرت مصادر أن حصيلة القتلى تجاوزت المئة")
    assert (q.best, q.qualifier) == (100, "more_than")
    assert values("وصل العدد إلى المائة") == [100]


# ----------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("text", "qualifier", "best", "low", "high", "quoted"),
    [
        ("قتل 11 على الأقل من المسلحين", "at_least", 11, 11, None, "11 على الأقل"),
        ("قتل 11 على الاقل", "at_least", 11, 11, None, "11 على الاقل"),
        ("أصيب ما لا يقل عن 30 مدنيا", "at_least", 30, 30, None, "ما لا يقل عن 30"),
        ("أصيب لا يقل عن عشرين", "at_least", 20, 20, None, "لا يقل عن عشرين"),
        ("اعتقال أكثر من 25 شابا", "more_than", 25, 25, None, "أكثر من 25"),
        ("اعتقال اكثر من 25 شابا", "more_than", 25, 25, None, "اكثر من 25"),
        ("قتل ما يزيد عن 40", "more_than", 40, 40, None, "ما يزيد عن 40"),
        ("قتل ما يزيد على 40", "more_than", 40, 40, None, "ما يزيد على 40"),
        ("عدد القتلى تجاوز الـ 4000", "more_than", 4000, 4000, None, "تجاوز الـ 4000"),
        ("وصل العدد إلى نحو 70", "about", 70, 70, 70, "نحو 70"),
        ("قتل حوالي خمسين", "about", 50, 50, 50, "حوالي خمسين"),
        ("قتل حوالى 50", "about", 50, 50, 50, "حوالى 50"),
        ("قتل قرابة 60", "about", 60, 60, 60, "قرابة 60"),
        ("قتل زهاء 60", "about", 60, 60, 60, "زهاء 60"),
        ("قتل ما يقارب 60", "about", 60, 60, 60, "ما يقارب 60"),
        ("قتل ما يقرب من 60", "about", 60, 60, 60, "ما يقرب من 60"),
        ("قتل ما يقارب من 60", "about", 60, 60, 60, "ما يقارب من 60"),
        ("قتل أقل من 10", "less_than", 9, 0, 9, "أقل من 10"),
        ("يتراوح عددهم بين 60 و90", "range", 60, 60, 90, "بين 60 و90"),
        ("يتراوح بين 60 و 90 عنصرا", "range", 60, 60, 90, "يتراوح بين 60 و 90"),
        ("من 10 إلى 15 قتيلا", "range", 10, 10, 15, "من 10 إلى 15"),
        ("سقط 10-15 قتيلا", "range", 10, 10, 15, "10-15"),
        ("بين خمسة وعشرة أشخاص", "range", 5, 5, 10, "بين خمسة وعشرة"),
    ],
)
def test_qualifiers(
    text: str, qualifier: str, best: int, low: int, high: int | None, quoted: str
) -> None:
    q = only(text)
    assert (q.qualifier, q.best, q.low, q.high) == (qualifier, best, low, high)
    assert q.text == quoted


def test_qualifier_with_proclitic_and_bare_number_offsets() -> None:
    text = "استمرت المعارك لنحو أربع ساعات"
    q = only(text)
    assert q.qualifier == "about" and q.value == 4
    assert q.text == "لنحو أربع"
    assert text[q.num_start : q.num_end] == "أربع"


def test_at_least_further_away_is_left_to_the_extractor() -> None:
    q = only("قتل 11 شخصا على الأقل")
    assert q.qualifier == "exact" and q.text == "11"


@pytest.mark.parametrize(
    "text",
    [
        "في 23-1-2019 وقع الهجوم",
        "بتاريخ ١-٩-٢٠٢٣ قتل",
        "في 2023/09/01 قتل",
        "في 9/2023 قتل",
        "بين عامي 2019-2020 قتل",
        "في 1-9-23 قتل",
    ],
)
def test_numeric_dates_count_nothing(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("قتل 10-15 شخصا", [10]), ("قتل 3 - 5 أشخاص", [3])],
)
def test_number_pairs_that_are_not_dates_stay(text: str, expected: list[int]) -> None:
    assert values(text) == expected


# ----------------------------------------------------------------------------- vague


@pytest.mark.parametrize(
    ("text", "word", "best"),
    [
        ("نزوح عشرات المدنيين", "عشرات", 10),
        ("استسلام مئات المقاتلين", "مئات", 100),
        ("نزوح آلاف العائلات", "آلاف", 1000),
        ("نزوح عشرات الآلاف", "عشرات الآلاف", 10_000),
        ("نزوح مئات الآلاف", "مئات الآلاف", 100_000),
        ("قتلت العديد منهم", "العديد", 3),
        ("أسر عدد من الجنود", "عدد من", 3),
        ("سقطت عدة قذائف", "عدة", 3),
        ("بعد بضعة أيام", "بضعة", 3),
        ("جرح بعض المارة", "بعض", 3),
        ("اعتقلت مجموعة من الشبان", "مجموعة من", 3),
        ("قتل كثيرون", "كثيرون", 3),
    ],
)
def test_vague_words_follow_vague_yaml(text: str, word: str, best: int) -> None:
    q = only(text)
    assert (q.kind, q.qualifier, q.vague_word, q.value) == ("vague", "vague", word, None)
    assert q.best == best and q.high is None


def test_vague_values_come_from_the_yaml_convention() -> None:
    assert VAGUE["عشرات"]["best"] == 10 and VAGUE["مئات"]["best"] == 100
    assert all(entry["high"] is None for entry in VAGUE.values())
    assert all(entry["low"] <= entry["best"] for entry in VAGUE.values())
    q = only("مقتل العشرات")
    assert q.best == VAGUE["عشرات"]["best"] and q.prefix == "ال"


def test_others_only_when_not_after_a_number() -> None:
    q = only("وجرحت آخرين")
    assert q.kind == "vague" and q.vague_word == "آخرين"
    assert [q.kind for q in find_quantities("وجرح ثلاثة آخرين")] == ["words"]
    assert [q.kind for q in find_quantities("وجرح 5 آخرين")] == ["digits"]


# ----------------------------------------------------------------------------- duals, one


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("جنديين", "جندي"),
        ("جنديان", "جندي"),
        ("غارتين", "غارة"),
        ("غارتان", "غارة"),
        ("جريحان", "جريح"),
        ("امرأتين", "امرأة"),
        ("إمرأتين", "امرأة"),
        ("وعنصرين", "عنصر"),
        ("لطفلين", "طفل"),
        ("بساعتين", "ساعة"),
    ],
)
def test_dual_noun(word: str, singular: str) -> None:
    assert dual_noun(word) == singular


@pytest.mark.parametrize("word", ["مدنيين", "مسلحين", "انتحاريين", "مصابين", "جنود", "جندي", ""])
def test_sound_plurals_and_non_duals_are_not_duals(word: str) -> None:
    assert dual_noun(word) is None


def test_duals_in_a_sentence() -> None:
    text = "أسفرت الغارة عن جرح جنديين وعنصرين، ونفذت الطائرات غارتين جويتين"
    found = find_quantities(text)
    assert [(q.kind, q.noun, q.best, q.low, q.high) for q in found] == [
        ("dual", "جندي", 2, 2, 2),
        ("dual", "عنصر", 2, 2, 2),
        ("dual", "غارة", 2, 2, 2),
    ]
    assert found[1].prefix == "و" and found[1].text == "وعنصرين"


def test_sound_plural_after_digits_is_a_plural() -> None:
    assert [(q.kind, q.value) for q in find_quantities("من بينهم 3 انتحاريين")] == [("digits", 3)]


def test_one_of_the() -> None:
    q = only("تمكنت القوات من اعتقال أحد المهاجمين")
    assert (q.kind, q.best, q.noun, q.text) == ("one", 1, "المهاجمين", "أحد")
    q = only("وقتلت إحدى النساء")
    assert (q.kind, q.noun) == ("one", "النساء")
    q = only("ومقتل أحد عناصر التنظيم")
    assert (q.kind, q.noun) == ("one", "عناصر")
    q = only("واحد المهاجمين فر")  # و + احد written without hamza
    assert (q.kind, q.prefix, q.noun) == ("one", "و", "المهاجمين")


def test_eleven_is_not_one() -> None:
    q = only("قتل أحد عشر مدنيا")
    assert (q.kind, q.value) == ("words", 11)


def test_single_after_a_noun() -> None:
    q = only("قتل جندي واحد")
    assert (q.kind, q.best, q.noun) == ("one", 1, "جندي")
    assert only("أصيبت امرأة واحدة").noun == "امرأة"


# ----------------------------------------------------------------------------- whole sentences


def test_a_report_sentence_left_to_right() -> None:
    text = (
        "وأسفر القصف عن مقتل ثلاثة وعشرين شخصا بينهم طفلان، وإصابة نحو 40 آخرين، "
        "فيما فقد عشرات المدنيين"
    )
    found = find_quantities(text)
    assert [(q.kind, q.qualifier, q.best) for q in found] == [
        ("words", "exact", 23),
        ("dual", "exact", 2),
        ("digits", "about", 40),
        ("vague", "vague", 10),
    ]
    check_invariants(text, found)


# ----------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    "text", ["", "   ", "قتل", "نحو 50", "ثلاثة أشخاص", "5 و 6", "جنديين", "عشرات", None, 12]
)
def test_parse_number_rejects_anything_but_one_plain_number(text: object) -> None:
    assert parse_number(text) is None  # type: ignore[arg-type]


def test_parse_number_returns_ints_for_whole_numbers() -> None:
    assert isinstance(parse_number(" 1,200 "), int)
    assert parse_number("ثلاثة آلاف") == 3000


# ----------------------------------------------------------------------------- properties

ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "أإآةىءئؤـًٌٍَُِّْ" + "0123456789٠١٢٣٤٥٦٧٨٩.,٬٫-–/ \n،"
SALAD_TEXT = (
    "و ثلاثة عشر عشرين مئة ألف آلاف أحد إحدى واحد اثنا الـ بين من إلى نحو أكثر على الأقل "
    "عشرات الآلاف جنديين غارتين آخرين عدد مليون 5 10-15 ١٢ 2.5 الحادي - ، ما لا يقل عن"
)
ARABIC_WORDS = st.sampled_from(SALAD_TEXT.split(" "))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    found = numbers._scan(text)  # the unguarded reader: a bug here must fail the test
    check_invariants(text, found)
    assert isinstance(find_quantities(text), list)
    parse_number(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ARABIC_ALPHABET, max_size=200))
def test_never_raises_on_arabic_like_text(text: str) -> None:
    check_invariants(text, numbers._scan(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_WORDS, max_size=25))
def test_never_raises_on_number_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    check_invariants(text, numbers._scan(text))


def pyarabic_writes(n: int, feminine: int = 1, case: int = 1) -> str:
    writer = ArNumbers()
    writer.set_feminine(feminine)
    writer.set_format(case)
    return writer.int2str(str(n))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 9999), st.sampled_from([1, 2]), st.sampled_from([1, 2]))
def test_reads_what_pyarabic_writes(n: int, feminine: int, case: int) -> None:
    written = pyarabic_writes(n, feminine, case)
    assert parse_number(written) == n, written
    assert parse_number(strip_hamza(written)) == n, written


def test_reads_what_pyarabic_writes_for_every_number_below_ten_thousand() -> None:
    wrong = [n for n in range(1, 10_000) if parse_number(pyarabic_writes(n)) != n]
    assert wrong == []


def test_a_megabyte_line_is_fast() -> None:
    sentence = "قتل 12 مدنيا وأصيب نحو ثلاثين آخرين في غارتين على البلدة، وفق المرصد. "
    filler = "وقالت مصادر محلية إن الطائرات حلقت فوق المنطقة طوال الليل دون توقف. " * 5
    text = (sentence + filler) * (1_000_000 // len(sentence + filler))
    started = time.perf_counter()
    found = find_quantities(text)
    elapsed = time.perf_counter() - started
    assert len(found) == 3 * (1_000_000 // len(sentence + filler))
    assert elapsed < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("43 ألفاً و922 شهيداً", 43922),
        ("3 آلاف و200 قتيل", 3200),
        ("ثلاثة آلاف و500 شخص", 3500),
        ("ألفين و300 نازح", 2300),
        ("2 مليون و300 ألف نازح", 2300000),
    ],
)
def test_digits_joined_after_a_scale_word_are_one_number(text: str, expected: int) -> None:
    assert [q.best for q in find_quantities(text)] == [expected]


def test_a_larger_number_after_a_scale_word_is_a_second_number() -> None:
    assert [q.best for q in find_quantities("3 آلاف و5000")] == [3000, 5000]


def test_between_x_to_y_is_a_range() -> None:
    (q,) = find_quantities("وقتل ما بين 10 إلى 15 عنصراً")
    assert (q.low, q.high, q.qualifier) == (10, 15, "range")


def test_a_count_rising_from_x_to_y_is_no_range() -> None:
    assert [q.best for q in find_quantities("ارتفع عدد القتلى من 10 إلى 15 قتيلاً")] == [10, 15]
    (q,) = find_quantities("قتل من 10 إلى 15 عنصراً")
    assert q.qualifier == "range"


def test_x_to_y_with_no_marker_is_a_range_when_y_is_larger() -> None:
    (q,) = find_quantities("قتل نحو عشرة إلى خمسة عشر شخصاً")
    assert (q.low, q.high, q.qualifier) == (10, 15, "range")
    (q,) = find_quantities("قتل 10 إلى 15 شخصاً")
    assert (q.low, q.high, q.qualifier) == (10, 15, "range")
    assert [q.best for q in find_quantities("نقل 5 إلى 3 مشاف")] == [5, 3]


def test_x_or_a_close_y_is_a_range() -> None:
    (q,) = find_quantities("قتل ثلاثة أو أربعة مدنيين")
    assert (q.low, q.high, q.qualifier) == (3, 4, "range")
    (q,) = find_quantities("وقتل 3 أو 4 أشخاص")
    assert (q.low, q.high, q.qualifier) == (3, 4, "range")
    assert [q.best for q in find_quantities("قتل 3 أو 40 شخصاً")] == [3, 40]


def test_azyad_min_is_more_than() -> None:
    (q,) = find_quantities("قتل أزيد من 12 عنصراً")
    assert (q.best, q.qualifier) == (12, "more_than")


def test_a_number_ending_in_a_scale_word_is_told_apart():
    assert ends_in_scale_word("6.8 مليون") and ends_in_scale_word("3 آلاف")
    assert not ends_in_scale_word("12") and not ends_in_scale_word("")
