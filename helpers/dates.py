"""Find event dates in Arabic reports and resolve them against the publication date.

Reports rarely give a full date: they say "أمس" (yesterday), "الأحد الماضي" (last Sunday),
"ليل السبت – الأحد" or "الـ23 من كانون الثاني". Each expression is turned into an ISO date of
the day (or the first day of the week/month) with an ACLED time-precision code: 1 day,
2 week, 3 month. A date that needs the publication date is `relative`; when the publication
date is unknown such a date stays unknown ('') instead of being guessed, and when the
publication date is itself only known to the week or month, the resolved date cannot claim
to be more precise than that.

Month names: Levantine (كانون الثاني ... ) and Egyptian/Gulf (يناير ... ), also paired as
"أيار/مايو". Words that double as months or weekdays are guarded: "آب" must be written with
madda and sit next to a day number, "شهر" or a year; "مارس" (also "he practised") and bare
month names need the same context; "أحد" without ال is "one", never Sunday.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from helpers import numbers

_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e]"
)
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"}
    | {chr(0x0660 + d): str(d) for d in range(10)}
    | {chr(0x06F0 + d): str(d) for d in range(10)}
)

WEEKDAYS = {  # Python weekday numbers (Monday = 0)
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
MONTHS = {
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}
_AMBIGUOUS_MONTHS = {"اب", "مارس"}  # also "father" and "he practised"
_PRECISION_OF = {"day": 1, "week": 2, "month": 3}


@dataclass(frozen=True)
class DateMatch:
    """One date expression and the period it refers to."""

    start: int
    end: int
    text: str
    date: str
    precision: int | None
    relative: bool


# ---------------------------------------------------------------- publication date


def parse_published(value: str) -> dt.date | None:
    """A publication date from metadata: ISO (with or without time), d/m/Y or Y/m/d."""
    if not value or not str(value).strip():
        return None
    text = str(value).strip().translate(_FOLD)
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if m:
        return _safe_date(int(m[3]), int(m[2]), int(m[1]))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- normalised view


class _OffsetMap:
    """Folded-text offset -> original offset, from where characters were dropped.

    Built from the dropped characters alone (few) instead of one entry per character."""

    def __init__(self, text: str) -> None:
        drops = [m.start() for m in _DROP.finditer(text)]
        # Folded offset at which each dropped character would have stood.
        self._at = [pos - n for n, pos in enumerate(drops)]

    def __getitem__(self, folded_pos: int) -> int:
        return folded_pos + bisect_right(self._at, folded_pos)


def _normalised(text: str) -> tuple[str, _OffsetMap]:
    """Folded text plus a map from each of its offsets to the offset in the original text."""
    return _DROP.sub("", text).translate(_FOLD), _OffsetMap(text)


def _alt(words: dict | set) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_B = r"(?<![\w])"  # word start (letters, digits)
_E = r"(?![\w])"
_PRE = r"(?:[وفب])?"
_TIME_OF_DAY = r"(?:(?:فجر|صباح|ظهر|ظهيره|عصر|مساء|ليل|ليله|منتصف\s+ليل|بعد\s+ظهر)\s+)?"
_WD = _alt(WEEKDAYS)
_MONTH = _alt(MONTHS)
_MONTH_PAIR = rf"(?P<m1>{_MONTH})(?:\s*[/(\-–]\s*(?P<m2>{_MONTH})\s*\)?)?"
_YEAR = r"(?:\s+(?:عام\s+|سنه\s+)?(?P<year>(?:19|20)\d\d))?"
_PART_OF = r"مطلع|بدايه|اوائل|اول|منتصف|نهايه|اواخر|خلال"  # 'مطلع الأسبوع': the week still
_AGO = r"(?:\s+(?P<ago>الماضي|الفائت|المنصرم|السابق|المقبل|القادم|الجاري|الحالي))?"

_UNITS_OF = {  # (days, precision) of a span word: 'قبل يومين', 'قبل ثلاثة أيام', 'قبل أسبوع'
    "يوم": (1, 1),
    "يومين": (2, 1),
    "يومان": (2, 1),
    "ايام": (1, 1),
    "اسبوع": (7, 2),
    "اسبوعين": (14, 2),
    "اسابيع": (7, 2),
    "شهر": (30, 3),
    "شهرين": (60, 3),
    "اشهر": (30, 3),
}
_UNITS = _alt(_UNITS_OF)
_ORDINAL_UNITS = ["الاول", *("ال" + stem for stem in numbers.ORDINAL_STEMS)]  # first..ninth
ORDINAL_DAYS = {w: n for n, w in enumerate(_ORDINAL_UNITS, 1)}
ORDINAL_DAYS |= {"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30}
ORDINAL_DAYS |= {f"{w} عشر": n + 10 for n, w in enumerate(_ORDINAL_UNITS[1:], 2)}
ORDINAL_DAYS |= {f"{w} والعشرين": n + 20 for n, w in enumerate(["الحادي", *_ORDINAL_UNITS[1:]], 1)}
ORDINAL_DAYS["الحادي والثلاثين"] = 31
_ORDINAL = _alt(ORDINAL_DAYS).replace("\\ ", r"\s+")

_PATTERNS = [
    (
        "night_pair",
        rf"{_B}{_PRE}(?P<core>(?:منتصف\s+)?(?:ليل|ليله)\s+(?P<wd1>{_WD})\s*(?:[-–/]|على|علي|الي|و)?\s*(?P<wd2>{_WD})){_E}",
    ),
    (
        "day_before_yesterday",
        rf"{_B}{_PRE}(?P<core>{_TIME_OF_DAY}(?:اول\s+من\s+امس|اول\s+امس|امس\s+الاول)(?:\s+(?P<wd>{_WD}))?){_E}",
    ),
    (
        "yesterday",
        rf"{_B}{_PRE}(?P<core>{_TIME_OF_DAY}(?:امس|الامس|البارحه)(?:\s+(?P<wd>{_WD}))?){_E}",
    ),
    ("last_night", rf"{_B}{_PRE}(?P<core>الليله\s+الماضيه){_E}"),
    (
        "today",
        rf"{_B}{_PRE}(?P<core>{_TIME_OF_DAY}اليوم(?:\s+(?P<wd>{_WD}))?){_E}"
        r"(?!\s+(?:التالي|الاول|الثاني|الثالث|الذي|نفسه|ذاته))",
    ),
    (
        "last_week",
        rf"{_B}{_PRE}(?P<core>(?:(?:{_PART_OF})\s+)?الاسبوع\s+(?P<ago>الماضي|الفائت|المنصرم|الجاري|الحالي)"
        rf"|(?:{_PART_OF})\s+(?:هذا\s+)?الاسبوع){_E}",
    ),
    (
        "day_of_month",  # 'في 12 الشهر الجاري', 'الـ5 من الشهر الماضي', 'في الثالث من الشهر الجاري'
        rf"(?:^|[،,(]|{_B}(?:يوم|في|بتاريخ))\s*{_PRE}(?P<core>(?:(?:ال\s*)?(?P<day>[0-3]?\d)"
        rf"\s+(?:من\s+)?(?:الشهر\s+)?|(?P<ordinal>{_ORDINAL})\s+من\s+(?:الشهر\s+)?)"
        rf"(?P<ago>الجاري|الحالي|الماضي|الفائت|المنصرم|السابق)){_E}",
    ),
    (
        "last_month",
        rf"{_B}{_PRE}(?P<core>الشهر\s+(?P<ago>الماضي|الفائت|المنصرم|الجاري|الحالي)){_E}",
    ),
    (
        "day_month",
        rf"{_B}{_PRE}(?P<core>(?:(?:يوم\s+)?(?P<wdx>{_WD})\s*[،,]?\s*)?"  # 'الثلاثاء 12 آذار': one day
        rf"(?:ال\s*)?(?P<day>[0-3]?\d)(?:\s*و\s*(?:ال\s*)?[0-3]?\d)?\s*(?:من\s+)?"
        rf"(?:شهر\s+)?{_MONTH_PAIR}{_YEAR}{_AGO}){_E}",
    ),
    (
        "ordinal_day_month",
        rf"{_B}{_PRE}(?P<core>(?P<ordinal>{_ORDINAL})\s+من\s+(?:شهر\s+)?{_MONTH_PAIR}{_YEAR}{_AGO}){_E}",
    ),
    ("month", rf"{_B}{_PRE}(?P<core>(?P<shahr>شهر\s+)?{_MONTH_PAIR}{_YEAR}{_AGO}){_E}"),
    (
        "ago",
        rf"{_B}{_PRE}(?P<core>قبل\s+(?:(?P<count>[^\s\d]+|\d{{1,2}})\s+)?(?P<unit>{_UNITS})){_E}(?!\s+من)",  # (not 'قبل يوم من الهجوم')
    ),
    ("ymd", rf"{_B}(?P<core>(?P<year>(?:19|20)\d\d)[/-](?P<mon>[01]?\d)[/-](?P<day>[0-3]?\d)){_E}"),
    (
        "dmy",
        rf"{_B}(?P<core>(?P<day>[0-3]?\d)[/.-](?P<mon>[01]?\d)[/.-](?P<year>(?:19|20)\d\d)){_E}",
    ),
    (
        "weekday",
        rf"{_B}{_PRE}(?P<core>(?:{_TIME_OF_DAY}|يوم\s+)?(?P<wd>{_WD})"
        rf"(?:\s+(?P<ago>ما\s+قبل\s+الماضي|الماضي|الفائت|المنصرم|المقبل|القادم))?){_E}(?!\s+عشر)",
    ),
]
_COMPILED = [(name, re.compile(p)) for name, p in _PATTERNS]

# Literal words each pattern cannot match without (any one of them). A substring test runs at
# memory speed, so a text is only scanned by the patterns whose words it contains.
_DIGIT_SEP = re.compile(r"\d[/.\-]")
_REQUIRED: dict[str, tuple[str, ...]] = {
    "night_pair": ("ليل",),
    "day_before_yesterday": ("امس",),
    "yesterday": ("امس", "البارحه"),
    "last_night": ("الليله",),
    "today": ("اليوم",),
    "last_week": ("الاسبوع",),
    "last_month": ("الشهر",),
    "day_of_month": ("الجاري", "الحالي", "الماضي", "الفائت", "المنصرم", "السابق"),
    "day_month": tuple(MONTHS),
    "ordinal_day_month": tuple(MONTHS),
    "month": tuple(MONTHS),
    "ago": ("قبل",),
    "weekday": tuple(WEEKDAYS),
}


def _may_match(kind: str, folded: str) -> bool:
    """Whether pattern `kind` can match anywhere in `folded` (False only when it cannot)."""
    if kind in ("ymd", "dmy"):
        return _DIGIT_SEP.search(folded) is not None
    return any(word in folded for word in _REQUIRED[kind])


# ---------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: dt.date | None
    precision: int
    relative: bool


def _last_weekday(pub: dt.date, weekday: int, strictly_before: bool) -> dt.date:
    """Most recent `weekday` on or before `pub` (strictly before for "... الماضي")."""
    back = (pub.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return pub - dt.timedelta(days=back)


def _with_weekday(day: dt.date, wd: str | None) -> dt.date:
    """ "اليوم الخميس": trust the weekday when it disagrees with the computed day."""
    if not wd or day.weekday() == WEEKDAYS[wd]:
        return day
    return _last_weekday(day, WEEKDAYS[wd], strictly_before=False)


def _month_of(m: re.Match) -> int:
    return MONTHS[re.sub(r"\s+", " ", m["m1"])]


def _infer_year(pub: dt.date | None, month: int, day: int = 1) -> dt.date | None:
    """The most recent (month, day) not after the publication date."""
    if pub is None:
        return None
    for year in (pub.year, pub.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= pub:
            return candidate
    return None


def _explicit(m: re.Match, pub: dt.date | None, day: int, precision: int) -> _Found | None:
    month = _month_of(m) if m.groupdict().get("m1") else int(m["mon"])
    if m["year"]:
        date = _safe_date(int(m["year"]), month, day)
        return _Found(0, 0, date, precision, False) if date else None
    if m.groupdict().get("ago") in ("المقبل", "القادم") and pub is not None:
        date = _safe_date(pub.year + (month < pub.month), month, day)
        return _Found(0, 0, date, precision, True)
    if m.groupdict().get("wdx") and pub is not None:
        date = _year_of_weekday(pub, month, day, WEEKDAYS[m["wdx"]])
        if date is not None:
            return _Found(0, 0, date, precision, True)
    return _Found(0, 0, _infer_year(pub, month, day), precision, True)


def _year_of_weekday(pub: dt.date, month: int, day: int, weekday: int) -> dt.date | None:
    """'الاثنين 2 كانون الأول' in a text dated 1 December 2024: the year in which that day is
    that weekday, nearest the publication date and at most a week after it (scraped dates
    may lag the event by a day or two)."""
    dates = [_safe_date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)]
    fits = [d for d in dates if d and d.weekday() == weekday and d <= pub + dt.timedelta(7)]
    return min(fits, key=lambda d: abs((pub - d).days)) if fits else None


def _ambiguous_month_ok(m: re.Match, original: str) -> bool:
    """آب / مارس count only with madda (آب) and with a day, شهر, a year or a paired name."""
    if re.sub(r"\s+", " ", m["m1"]) not in _AMBIGUOUS_MONTHS:
        return True
    if m["m1"] == "اب" and "آب" not in original:
        return False
    context = m.groupdict()
    return bool(context.get("day") or context.get("shahr") or m["year"] or m["m2"])


def _bare_month_ok(m: re.Match) -> bool:
    """A month name alone needs شهر, a year, "الماضي"-like word or a paired name."""
    return bool(m["shahr"] or m["year"] or m["ago"] or m["m2"])


def _resolve(kind: str, m: re.Match, pub: dt.date | None, original: str) -> _Found | None:
    day = dt.timedelta(days=1)
    if kind in ("day_month", "month") and not _ambiguous_month_ok(m, original):
        return None
    if kind == "day_month":
        return _explicit(m, pub, int(m["day"]), 1) if 1 <= int(m["day"]) <= 31 else None
    if kind == "ordinal_day_month":
        return _explicit(m, pub, ORDINAL_DAYS[re.sub(r"\s+", " ", m["ordinal"])], 1)
    if kind == "month":
        return _explicit(m, pub, 1, 3) if _bare_month_ok(m) else None
    if kind in ("ymd", "dmy"):
        date = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        return _Found(0, 0, date, 1, False) if date else None
    if pub is None:
        return _Found(0, 0, None, 1, True)
    if kind == "night_pair":
        second = _last_weekday(pub, WEEKDAYS[m["wd2"]], strictly_before=False)
        return _Found(0, 0, second - day, 1, True)
    if kind == "day_before_yesterday":
        return _Found(0, 0, _with_weekday(pub - 2 * day, m["wd"]), 1, True)
    if kind in ("yesterday", "last_night"):
        return _Found(0, 0, _with_weekday(pub - day, m.groupdict().get("wd")), 1, True)
    if kind == "today":
        return _Found(0, 0, _with_weekday(pub, m["wd"]), 1, True)
    if kind == "ago":
        return _ago(m, pub)
    if kind == "last_week":
        start = pub - dt.timedelta(days=pub.weekday())
        start -= 7 * day if m["ago"] not in (None, "الجاري", "الحالي") else 0 * day
        return _Found(0, 0, start, 2, True)
    if kind == "day_of_month":
        return _day_of_month(m, pub)
    if kind == "last_month":
        first = pub.replace(day=1)
        if m["ago"] not in ("الجاري", "الحالي"):
            first = (first - day).replace(day=1)
        return _Found(0, 0, first, 3, True)
    return _resolve_weekday(m, pub)


def _day_of_month(m: re.Match, pub: dt.date) -> _Found | None:
    """'في 12 الشهر الجاري', '25 الشهر الماضي': a day of this month or the one before."""
    first = pub.replace(day=1)
    if m["ago"] not in ("الجاري", "الحالي"):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    day = int(m["day"]) if m["day"] else ORDINAL_DAYS[re.sub(r"\s+", " ", m["ordinal"])]
    date = _safe_date(first.year, first.month, day)
    return _Found(0, 0, date, 1, True) if date else None


def _ago(m: re.Match, pub: dt.date) -> _Found | None:
    """'قبل يومين', 'قبل ثلاثة أيام', 'قبل أسبوع': the day (week, month) that long before."""
    days, precision = _UNITS_OF[m["unit"]]
    count = 1
    if m["count"]:
        count = numbers.parse_number(m["count"])
        if not isinstance(count, int) or not 1 <= count <= 31:
            return None
    elif m["unit"] in ("ايام", "اسابيع", "اشهر"):
        return None  # 'قبل أيام': a few days, no date
    return _Found(0, 0, pub - dt.timedelta(days=days * count), precision, True)


def _resolve_weekday(m: re.Match, pub: dt.date) -> _Found:
    weekday = WEEKDAYS[m["wd"]]
    ago = re.sub(r"\s+", " ", m["ago"] or "")
    if ago in ("المقبل", "القادم"):
        ahead = (weekday - pub.weekday()) % 7 or 7
        return _Found(0, 0, pub + dt.timedelta(days=ahead), 1, True)
    date = _last_weekday(pub, weekday, strictly_before=bool(ago))
    if ago == "ما قبل الماضي":
        date -= dt.timedelta(days=7)
    return _Found(0, 0, date, 1, True)


def _cap_precision(found: _Found, published_precision: str) -> int | None:
    if found.date is None:
        return None
    if not found.relative:
        return found.precision
    return max(found.precision, _PRECISION_OF.get(published_precision, 1))


def find_dates(
    text: str, published: dt.date | str | None, published_precision: str = "day"
) -> list[DateMatch]:
    """Every date expression in `text`, left to right, resolved against `published`."""
    pub = parse_published(published) if isinstance(published, str) else published
    if published_precision not in _PRECISION_OF:
        pub = None  # a publication date known only to the year cannot anchor "yesterday"
    folded, index = _normalised(text)
    candidates = []
    for kind, pattern in _COMPILED:
        if not _may_match(kind, folded):
            continue
        for m in pattern.finditer(folded):
            start, end = index[m.start("core")], index[m.end("core") - 1] + 1
            found = _resolve(kind, m, pub, text[start:end])
            if found is not None:
                candidates.append((start, end, found))
    return _non_overlapping(text, candidates, published_precision)


def _non_overlapping(text: str, candidates: list, published_precision: str) -> list[DateMatch]:
    """Longest expressions first; a shorter one inside a kept span is dropped."""
    kept: list[DateMatch] = []
    for start, end, found in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if any(start < k.end and k.start < end for k in kept):
            continue
        date = found.date.isoformat() if found.date else ""
        precision = _cap_precision(found, published_precision)
        kept.append(DateMatch(start, end, text[start:end], date, precision, found.relative))
    return sorted(kept, key=lambda d: d.start)
