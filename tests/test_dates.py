"""Date expressions resolved against a fixed publication date (sentences written for tests)."""

import datetime as dt

import pytest

from helpers.dates import find_dates, parse_published

THU = "2022-01-27"  # a Thursday
MON = "2019-02-04"  # a Monday


def only(text: str, published, precision: str = "day"):
    found = find_dates(text, published, precision)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("سقطت قذيفة على السوق أمس", "2022-01-26"),
        ("سقطت قذيفة على السوق بالأمس", "2022-01-26"),
        ("انفجرت عبوة فجر أمس قرب الحاجز", "2022-01-26"),
        ("وقعت الغارة أول من أمس", "2022-01-25"),
        ("وقعت الغارة أول أمس", "2022-01-25"),
        ("قصفت المدفعية القرية صباح اليوم", "2022-01-27"),
        ("اندلعت اشتباكات مساء اليوم", "2022-01-27"),
        ("سمع دوي انفجارات الليلة الماضية", "2022-01-26"),
        ("داهمت الدورية المنازل ليل أمس", "2022-01-26"),
    ],
)
def test_relative_days(sentence, expected):
    match = only(sentence, THU)
    assert (match.date, match.precision, match.relative) == (expected, 1, True)


def test_offsets_cover_the_expression():
    text = "قال المرصد إن الطائرات قصفت البلدة فجر أمس بعدة صواريخ"
    match = only(text, THU)
    assert text[match.start : match.end] == match.text == "فجر أمس"


def test_today_with_consistent_weekday():
    assert only("صباح اليوم الخميس اعتقل شخصان", THU).date == "2022-01-27"


def test_today_with_inconsistent_weekday_trusts_the_weekday():
    # Published on Friday, "اليوم الخميس" was written the day before.
    assert only("صباح اليوم الخميس اعتقل شخصان", "2022-01-28").date == "2022-01-27"


def test_yesterday_with_weekday():
    assert only("أعلنت القوات أمس الأربعاء السيطرة", THU).date == "2022-01-26"


def test_night_pair_gives_first_night():
    match = only("هاجم المسلحون ليل السبت – الأحد نقاط الجيش", MON)
    assert match.date == "2019-02-02"
    assert only("في ليلة السبت الأحد", MON).date == "2019-02-02"


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("قتل ثلاثة الأحد الماضي", "2022-01-25", "2022-01-23"),  # Tuesday -> Sunday
        ("قتل ثلاثة الأحد الماضي", "2022-01-23", "2022-01-16"),  # same weekday -> a week back
        ("قتل ثلاثة يوم الإثنين", "2019-02-04", "2019-02-04"),  # same day allowed
        ("قتل ثلاثة يوم السبت", "2019-02-04", "2019-02-02"),  # across the week boundary
        ("قتل ثلاثة الثلاثاء ما قبل الماضي", "2019-02-06", "2019-01-29"),
        ("قتل ثلاثة الجمعة", "2019-01-01", "2018-12-28"),  # across the year boundary
    ],
)
def test_weekdays(sentence, published, expected):
    assert only(sentence, published).date == expected


def test_one_of_is_not_sunday():
    assert find_dates("اعتقلت القوات أحد المهاجمين", THU) == []
    assert find_dates("قتل أحد عشر عنصرا", THU) == []


def test_daily_is_not_today():
    assert find_dates("نشرت الصحف اليومية تقارير", THU) == []


def test_last_week_and_month():
    week = only("قتل خمسة الأسبوع الماضي", MON)
    assert (week.date, week.precision) == ("2019-01-28", 2)
    month = only("قتل خمسة الشهر الماضي", MON)
    assert (month.date, month.precision) == ("2019-01-01", 3)


@pytest.mark.parametrize(
    ("sentence", "expected", "precision", "relative"),
    [
        ("منذ الـ23 من كانون الثاني", "2019-01-23", 1, True),
        ("في 4 من تموز", "2018-07-04", 1, True),  # year inferred: not after publication
        ("في 4 تموز 2019", "2019-07-04", 1, False),
        ("خلال أيار/مايو", "2018-05-01", 3, True),
        ("في شهر تشرين الأول", "2018-10-01", 3, True),
        ("في 12 يناير", "2019-01-12", 1, True),
        ("بتاريخ 2019/01/23", "2019-01-23", 1, False),
        ("بتاريخ 23-01-2019", "2019-01-23", 1, False),
        ("في ٥ شباط ٢٠١٩", "2019-02-05", 1, False),
    ],
)
def test_written_dates(sentence, expected, precision, relative):
    match = only(sentence, MON)
    assert (match.date, match.precision, match.relative) == (expected, precision, relative)


def test_ambiguous_month_words_need_context():
    assert find_dates("قال الأب إن ابنه قتل", MON) == []
    assert find_dates("مارس التنظيم الضغط على السكان", MON) == []
    assert only("في شهر آب", MON).date == "2018-08-01"
    assert only("في 3 مارس", MON).date == "2018-03-03"


def test_unknown_publication_date_gives_unknown_relative_dates():
    found = find_dates("قتل اثنان أمس وفي 5 آذار وفي 4 تموز 2019", None)
    assert [(d.text, d.date, d.precision) for d in found] == [
        ("أمس", "", None),
        ("5 آذار", "", None),
        ("4 تموز 2019", "2019-07-04", 1),
    ]


def test_publication_precision_caps_relative_precision():
    assert only("قتل اثنان أمس", "2022-01-25", "week").precision == 2
    assert only("قتل اثنان أمس", "2022-01-25", "month").precision == 3
    assert only("في 4 تموز 2019", "2022-01-25", "month").precision == 1


def test_parse_published():
    assert parse_published("2022-01-25") == dt.date(2022, 1, 25)
    assert parse_published("2022-01-25T10:00:00Z") == dt.date(2022, 1, 25)
    assert parse_published("25/01/2022") == dt.date(2022, 1, 25)
    assert parse_published("") is None
    assert parse_published("unknown") is None


def test_two_days_and_midnight_pair():
    found = find_dates("في الـ23 والـ 24 من كانون الثاني، ثم عند منتصف ليل السبت الأحد", MON)
    assert [(d.text, d.date) for d in found] == [
        ("الـ23 والـ 24 من كانون الثاني", "2019-01-23"),
        ("منتصف ليل السبت الأحد", "2019-02-02"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل اثنان بقصف اليوم", "2022-01-27"),
        ("قصفت الطائرات القرية فجر اليوم", "2022-01-27"),
        ("قصفت المدفعية البلدة صباح اليوم", "2022-01-27"),
        ("انفجرت سيارة مفخخة مساء اليوم", "2022-01-27"),
    ],
)
def test_today_and_its_times_of_day(sentence, expected):
    match = only(sentence, THU)
    assert (match.date, match.precision, match.relative) == (expected, 1, True)


@pytest.mark.parametrize(
    "sentence",
    ["هاجموا ليل السبت – الأحد", "هاجموا ليل السبت - الأحد", "هاجموا ليل السبت/الأحد"]
    + ["هاجموا ليلة السبت على الأحد", "هاجموا ليل السبت إلى الأحد"],
)
def test_night_pair_separators(sentence):
    # Published Monday 2019-02-04: the night began on Saturday 2019-02-02.
    assert only(sentence, MON).date == "2019-02-02"


LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب"]
LEVANTINE += ["أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس"]
EGYPTIAN += ["سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


@pytest.mark.parametrize(
    ("month", "number"),
    [(m, n) for n, m in enumerate(LEVANTINE, 1)] + [(m, n) for n, m in enumerate(EGYPTIAN, 1)],
)
def test_levantine_and_egyptian_month_names(month, number):
    match = only(f"قتل ثلاثة في 3 {month} 2017", MON)
    assert (match.date, match.precision) == (f"2017-{number:02d}-03", 1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("خلال حزيران/يونيو 2017", "2017-06-01"),
        ("في تشرين الثاني/نوفمبر 2017", "2017-11-01"),
        ("في إبريل 2017", "2017-04-01"),
        ("في اغسطس 2017", "2017-08-01"),
    ],
)
def test_paired_and_variant_month_spellings(sentence, expected):
    assert (only(sentence, MON).date, only(sentence, MON).precision) == (expected, 3)


@pytest.mark.parametrize(
    "sentence",
    ["قتل اثنان اليوم", "قتل اثنان فجر اليوم", "قتل ثلاثة الأحد الماضي"]
    + ["قتل ثلاثة الثلاثاء ما قبل الماضي", "قتل خمسة الشهر الماضي", "في 4 من تموز"]
    + ["هاجموا ليل السبت – الأحد", "قتل اثنان أول من أمس"],
)
def test_every_relative_expression_is_unknown_without_publication_date(sentence):
    match = only(sentence, None)
    assert (match.date, match.precision) == ("", None)


def test_offsets_survive_diacritics_and_tatweel_before_the_date():
    """Dropped marks (harakat, tatweel) before a date must not shift its span."""
    text = "قُتِلَ ثـــلاثة مدنيين يَوْمَ الخميسِ الماضي في القصف"
    found = find_dates(text, "2024-03-09")
    assert [d.text for d in found] == ["يَوْمَ الخميسِ الماضي"]
    assert text[found[0].start : found[0].end] == found[0].text
    assert found[0].date == "2024-03-07"


def test_text_without_any_date_word_gives_nothing():
    assert find_dates("سقطت قذائف على الحي واحترقت سيارتان", "2024-03-09") == []


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("قتل اثنان في الخامس عشر من شهر آب", "2021-08-15", 1),
        ("وقع الهجوم في الحادي والعشرين من كانون الثاني", "2022-01-21", 1),
        ("في الأول من كانون الثاني 2020", "2020-01-01", 1),
        ("قصفت البلدة مساء أمس الأول", "2022-01-25", 1),
        ("أصيب قبل يومين", "2022-01-25", 1),
        ("قتل قبل ثلاثة أيام", "2022-01-24", 1),
        ("قتل قبل أسبوع", "2022-01-20", 2),
        ("اعتقل مطلع الأسبوع", "2022-01-24", 2),
    ],
)
def test_ordinal_days_days_ago_and_parts_of_the_week(sentence, expected, precision):
    match = only(sentence, THU)
    assert (match.date, match.precision) == (expected, precision)


@pytest.mark.parametrize("sentence", ["قتل قبل أيام", "قبل يوم من الهجوم"])
def test_a_few_days_ago_or_a_day_before_an_event_is_no_date(sentence):
    assert find_dates(sentence, THU) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل شاب في 12 الشهر الجاري.", "2022-01-12"),
        ("وقع الانفجار في الـ5 من الشهر الحالي.", "2022-01-05"),
        ("استهدف القصف القرية، 25 الشهر الماضي، وقتل امرأة.", "2021-12-25"),
        ("اعتقل يوم 3 الجاري.", "2022-01-03"),
        ("قتل شاب في الثالث من الشهر الجاري.", "2022-01-03"),
        ("قصفت الطائرات البلدة في الحادي والعشرين من الشهر الماضي.", "2021-12-21"),
    ],
)
def test_a_day_of_this_month_or_the_last(sentence, expected):
    found = only(sentence, THU)
    assert (found.date, found.precision) == (expected, 1)


def test_a_count_before_last_month_is_no_day_of_it():
    assert only("قتل 5 الشهر الماضي.", THU).precision == 3


def test_a_weekday_with_its_date_is_one_day_in_the_year_it_names():
    found = only("قصفت الطائرات البلدة يوم الاثنين 2 كانون الأول.", "2024-12-01")
    assert (found.text, found.date) == ("يوم الاثنين 2 كانون الأول", "2024-12-02")
    assert only("يوم الأحد 22 كانون الثاني", "2023-06-21").date == "2023-01-22"
