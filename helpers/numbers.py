"""Every number expression in an Arabic sentence: its span, its value and how it is qualified.

The casualty extractor (`helpers.mentions`) asks this module for all quantities in a sentence
and decides from the context which of them count people. So this module reads numbers only:
digits in three scripts, number words (with or without hamza, ة/ه, ى/ي, proclitics), duals
(جنديين = 2 soldiers), "one of" (أحد المهاجمين), vague words (عشرات، العديد) and the qualifier
phrases around them (على الأقل، أكثر من، نحو، بين 60 و90).

pyarabic's `text2number` was checked and not used for reading: it adds ثلاث مئة as 103, does
not know alef without hamza (اربعة -> 0) and has no notion of where a number ends. We keep a
small grammar of our own (components joined by و, multiplied by عشر / مئة / ألف / مليون), and
use pyarabic's writer (`ArNumbers.int2str`) in the tests as an independent oracle.

Speed matters (every sentence of millions of articles goes through here): the text is split
once by one precompiled regex, and each word costs one `str.translate` and one dict lookup.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from helpers.lexicon import load
from helpers.text import normalize_word

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number expression found in a string; offsets are into that string, never shifted."""

    start: int
    end: int
    text: str
    value: float | None
    best: int | None
    low: int | None
    high: int | None
    qualifier: str
    kind: str
    noun: str = ""
    prefix: str = ""
    vague_word: str = ""
    num_start: int = -1
    num_end: int = -1


# ----------------------------------------------------------------------------- normalisation

_MARKS = "\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_NORMALIZE = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"}
    | dict.fromkeys(_MARKS)
)
_TO_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")


def normalize(word: str) -> str:
    """Fold the spelling variants Arabic news uses interchangeably, so one lookup finds them all.

    Hamza on alef, ة/ه, ى/ي and Persian ی/ک are folded; diacritics and tatweel are dropped.
    """
    return normalize_word(word)


# ----------------------------------------------------------------------------- tokenizer

_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER_RE = (
    rf"[{_D}]{{1,3}}(?:,[{_D}]{{3}})+(?![{_D}])"
    rf"|[{_D}]{{1,3}}(?:٬[{_D}]{{3}})+(?![{_D}])"
    rf"|[{_D}]{{1,3}}(?:\.[{_D}]{{3}}){{2,}}(?![{_D}])"
    rf"|[{_D}]+(?:[.,٫][{_D}]+)?"
)
_L = r"[^\W\d_]"  # a letter (tatweel included)
_M = r"[\u064B-\u065F\u0670]"  # a diacritic
_WORD_RE = rf"(?:{_L}|{_M}){_L}*(?:{_M}+{_L}*)*"  # unrolled: fast on long runs
_TOKEN = re.compile(rf"({_NUMBER_RE})|({_WORD_RE})|(\S)")
_INT_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")

NUM, WORD, OTHER = 1, 2, 3
_MAX_DIGITS = 15  # longer digit runs are ids or noise, not counts


class _Tokens:
    """The text split into numbers, words and single other characters, in parallel lists."""

    __slots__ = ("kind", "start", "end", "raw", "norm", "n")

    def __init__(self, text: str, begin: int = 0, end: int | None = None) -> None:
        self.kind: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.raw: list[str] = []
        self.norm: list[str] = []
        for m in _TOKEN.finditer(text, begin, len(text) if end is None else end):
            raw = m.group()
            kind = m.lastindex or OTHER
            self.kind.append(kind)
            self.start.append(m.start())
            self.end.append(m.end())
            self.raw.append(raw)
            self.norm.append(raw.translate(_NORMALIZE) if kind == WORD else raw)
        self.n = len(self.raw)

    def is_word(self, i: int, *norms: str) -> bool:
        return 0 <= i < self.n and self.kind[i] == WORD and (not norms or self.norm[i] in norms)


# ----------------------------------------------------------------------------- lexicons

# Roles of number words in the grammar.
UNIT, HEAD, TENS, HUND, SCALE = "unit", "head", "tens", "hund", "scale"
ONE_SCALE, DUAL_SCALE, PLURAL_SCALE = "one", "dual", "plural"

_UNIT_WORDS = {
    1: ("واحد", "واحده"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين"),
    3: ("ثلاث", "ثلاثه"),
    4: ("اربع", "اربعه"),
    5: ("خمس", "خمسه"),
    6: ("ست", "سته"),
    7: ("سبع", "سبعه"),
    8: ("ثمان", "ثماني", "ثمانيه"),
    9: ("تسع", "تسعه"),
    10: ("عشر", "عشره"),
}
_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TEN_WORDS = ("عشر", "عشره")
_TENS_STEMS = {
    20: "عشر",
    30: "ثلاث",
    40: "اربع",
    50: "خمس",
    60: "ست",
    70: "سبع",
    80: "ثمان",
    90: "تسع",
}
_HUNDRED_WORDS = ("مئه", "مائه")
_HUNDRED_STEMS = {3: "ثلاث", 4: "اربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
_SCALE_WORDS = {
    "الف": (1000, ONE_SCALE),
    "الفا": (1000, ONE_SCALE),
    "الفان": (1000, DUAL_SCALE),
    "الفين": (1000, DUAL_SCALE),
    "الفي": (1000, DUAL_SCALE),  # construct dual: 'ألفي شخص'
    "الاف": (1000, PLURAL_SCALE),
    "مليون": (10**6, ONE_SCALE),
    "مليونا": (10**6, ONE_SCALE),
    "مليونان": (10**6, DUAL_SCALE),
    "مليونين": (10**6, DUAL_SCALE),
    "مليوني": (10**6, DUAL_SCALE),
    "ملايين": (10**6, PLURAL_SCALE),
    "مليار": (10**9, ONE_SCALE),
    "مليارا": (10**9, ONE_SCALE),
    "ملياران": (10**9, DUAL_SCALE),
    "مليارين": (10**9, DUAL_SCALE),
    "ملياري": (10**9, DUAL_SCALE),
    "مليارات": (10**9, PLURAL_SCALE),
}


def _number_base_words() -> dict[str, tuple[str, int]]:
    """Every bare number word (normalized) -> (role, value)."""
    words: dict[str, tuple[str, int]] = {}
    for value, forms in _UNIT_WORDS.items():
        for form in forms:
            words[form] = (UNIT, value)
    for form, value in _TEEN_HEADS.items():
        words[form] = (HEAD, value)
    for value, stem in _TENS_STEMS.items():
        words[stem + "ون"] = (TENS, value)
        words[stem + "ين"] = (TENS, value)
    for form in _HUNDRED_WORDS:
        words[form] = (HUND, 100)
    for form in ("مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي"):
        words[form] = (HUND, 200)
    for value, stem in _HUNDRED_STEMS.items():
        for hundred in _HUNDRED_WORDS:
            words[stem + hundred] = (HUND, value * 100)
    for hundred in _HUNDRED_WORDS:
        words["ثماني" + hundred] = (HUND, 800)
    for form, (value, _sub) in _SCALE_WORDS.items():
        words[form] = (SCALE, value)
    return words


_NUMBER_WORDS = _number_base_words()

_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
_ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال")
# Article forms that would misread a common word: الاثنين (Monday / both), الأحد (Sunday),
# اليوم الواحد (a single day). المئة is read ('تجاوزت الحصيلة المئة') except as a percent:
# بالمئة, في المئة (see _percent).
_NO_ARTICLE = {"اثنين", "اثنان", "احد", "احدي", "واحد", "واحده"}
_NOT_NUMBERS = {"لست"}  # "I am not", not ل + ست
_PREFIX_TOKENS = set(_PROCLITICS) | set(_ARTICLES)
# Ordinal stems of two to nine (masculine; +ه feminine), in order: dates reads day ordinals
# ('الثالث من آذار') from them too.
ORDINAL_STEMS = ("ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
_ORDINALS = {stem + end for stem in ("حادي", *ORDINAL_STEMS) for end in ("", "ه")}


def _load_vague() -> dict[str, dict]:
    """The vague-word convention: one entry per word, values as written in data/vague.yaml."""
    entries = load("vague.yaml")
    return {
        str(word): {
            "low": entry.get("low"),
            "best": entry.get("best"),
            "high": entry.get("high"),
            "means": entry.get("means", ""),
            "variants": list(entry.get("variants") or []),
        }
        for word, entry in entries.items()
    }


VAGUE: dict[str, dict] = _load_vague()
_ARTICLE_VAGUE = {"عشرات", "مئات", "الاف"}  # العشرات، المئات، الآلاف


def _dual_forms(singular: str) -> list[str]:
    """The dual spellings of a singular noun: -ين/-ان, or -تين/-تان for nouns in ة."""
    stem = normalize(singular)
    if stem.endswith("ه"):
        return [stem[:-1] + "تين", stem[:-1] + "تان"]
    return [stem + "ين", stem + "ان"]


def _load_duals() -> dict[str, str]:
    """Normalized dual spelling -> singular noun as written in data/dual_nouns.yaml."""
    data = load("dual_nouns.yaml")
    duals: dict[str, str] = {}
    for group in ("people", "things"):
        for singular in data.get(group) or []:
            for form in _dual_forms(str(singular)):
                duals[form] = str(singular)
    for form, singular in (data.get("irregular") or {}).items():
        duals[normalize(str(form))] = str(singular)
    return duals


_DUALS = _load_duals()


class _Entry:
    """What one surface word (normalized, proclitics included) can start."""

    __slots__ = ("number", "dual", "vague", "one", "one_of_them")

    def __init__(self) -> None:
        self.number: tuple[int, str] | None = None  # (prefix length, base word)
        self.dual: tuple[int, str] | None = None  # (prefix length, singular)
        self.vague: list[tuple[int, tuple[str, ...], str]] = []  # (prefix len, rest, key)
        self.one: int | None = None  # prefix length of أحد / إحدى
        self.one_of_them: int | None = None  # prefix length of أحدهما, إحداهن ...


def starts_vague(word: str) -> bool:
    """Whether the word is, or begins, a vague quantity of vague.yaml ('العديد', 'عدد' of
    'عدد من', 'عشرات')."""
    entry = _LEXICON.get(normalize(word))
    return entry is not None and bool(entry.vague)


# 'One of' (أحد، إحدى): one person of the group named after it ('مقتل أحد العناصر').
ONE_OF = ("احد", "احدي")

# 'One of them' (مقتل أحدهما): one person of a group named before. Its quantity's noun is
# ONE_OF_THEM, the pronoun word that the extractor reads as 'of them' (as in 'اثنان منهم').
_ONE_OF_THEM = ("احدهم", "احدهما", "احدهن", "احداهم", "احداهما", "احداهن")
ONE_OF_THEM = "منهم"


def _build_lexicon() -> dict[str, _Entry]:
    """Every surface form (with each proclitic) -> what it may start. Bare forms win ties."""
    lexicon: dict[str, _Entry] = {}

    def entry(surface: str) -> _Entry:
        return lexicon.setdefault(surface, _Entry())

    for prefix in ["", *_PROCLITICS, *_ARTICLES]:
        is_article = prefix in _ARTICLES
        for base in _NUMBER_WORDS:
            if is_article and base in _NO_ARTICLE:
                continue
            slot = entry(prefix + base)
            if slot.number is None and prefix + base not in _NOT_NUMBERS:
                slot.number = (len(prefix), base)
        for form, singular in _DUALS.items():
            slot = entry(prefix + form)
            if slot.dual is None:
                slot.dual = (len(prefix), singular)
        if not is_article:
            for base in ONE_OF:
                slot = entry(prefix + base)
                if slot.one is None:
                    slot.one = len(prefix)
            for form in _ONE_OF_THEM:
                slot = entry(prefix + form)
                if slot.one_of_them is None:
                    slot.one_of_them = len(prefix)
    for key, spec in VAGUE.items():
        for phrase in [key, *spec["variants"]]:
            words = tuple(normalize(w) for w in str(phrase).split())
            allow_article = words[0] in _ARTICLE_VAGUE
            for prefix in ["", *_PROCLITICS, *(_ARTICLES if allow_article else ())]:
                slot = entry(prefix + words[0])
                slot.vague.append((len(prefix), words[1:], key))
    for slot in lexicon.values():
        slot.vague.sort(key=lambda item: (-len(item[1]), item[0]))
    return lexicon


_LEXICON = _build_lexicon()

AT_LEAST, MORE_THAN, ABOUT, LESS_THAN = "at_least", "more_than", "about", "less_than"
EXACT, RANGE, VAGUE_QUALIFIER = "exact", "range", "vague"
_BETWEEN, _FROM = "between", "from"

_QUALIFIER_PHRASES = {
    AT_LEAST: [
        "ما لا يقل عن",
        "لا يقل عن",
        "ما لا تقل عن",
        "لا تقل عن",
        "ما لا يقل عدده عن",
        "على الأقل",
    ],
    MORE_THAN: [
        "أكثر من",
        "ما يزيد عن",
        "ما يزيد على",
        "يزيد عن",
        "يزيد على",
        "تزيد عن",
        "تزيد على",
        "ما يربو على",
        "يربو على",
        "تجاوز",
        "يتجاوز",
        "تتجاوز",
        "تجاوزت",
        "تخطى",
        "يتخطى",
        "تخطت",
        "ما يفوق",
        "يفوق",
        "أزيد من",
        "ما يتجاوز",
        "ما يتعدى",
        "يتعدى",
    ],
    ABOUT: [
        "نحو",
        "حوالي",
        "حوالى",
        "قرابة",
        "زهاء",
        "ما يقارب",
        "يقارب",
        "ما يقارب من",
        "يقارب من",
        "ما يقرب من",
        "ما يناهز",
        "يناهز",
    ],
    LESS_THAN: ["أقل من", "ما دون"],
    _BETWEEN: ["بين", "ما بين", "يتراوح بين", "تتراوح بين", "تراوح بين", "تراوحت بين"],
    _FROM: ["من"],
}


def _build_qualifiers() -> dict[tuple[str, ...], str]:
    """Normalized word tuples -> qualifier; the first word may carry و ب ل ف (بأكثر من)."""
    phrases: dict[tuple[str, ...], str] = {}
    for qualifier, texts in _QUALIFIER_PHRASES.items():
        for text in texts:
            words = tuple(normalize(w) for w in text.split())
            for prefix in ("", *_PROCLITICS):
                phrases.setdefault((prefix + words[0], *words[1:]), qualifier)
    return phrases


_QUALIFIERS = _build_qualifiers()
_MAX_QUALIFIER_WORDS = max(len(k) for k in _QUALIFIERS)
_QUALIFIER_LAST_WORDS = {k[-1] for k in _QUALIFIERS}
AT_LEAST_AFTER = ("علي", "الاقل")  # normalized; the extractor reads it further along too
_RANGE_TO = ("الي", "حتي")
_DASHES = ("-", "–", "—")
_CONSTRUCT_TEXT = (
    "عناصر أفراد مقاتلي مسلحي جنود ضباط قادة قياديي أعضاء أبناء سكان أهالي رجال نساء "
    "أطفال شبان عمال مسؤولي موظفي حراس أمراء أسرى معتقلي مدنيي أشخاص"
)
_CONSTRUCT_NOUNS = {normalize(w) for w in _CONSTRUCT_TEXT.split(" ")}
_OTHERS_KEYS = {"آخرين"}


# ----------------------------------------------------------------------------- public API


def dual_noun(word: str) -> str | None:
    """The singular noun if `word` is the dual of a listed noun (جنديين -> جندي), else None.

    Only nouns with a broken or feminine plural are listed (data/dual_nouns.yaml), because for
    the others the dual and the sound plural are spelled alike (مدنيين).
    """
    if not isinstance(word, str):
        return None
    slot = _LEXICON.get(normalize(word.strip()))
    return slot.dual[1] if slot is not None and slot.dual is not None else None


def parse_number(s: str) -> float | int | None:
    """The whole string read as one number (digits, words or both), else None. Never raises."""
    if not isinstance(s, str):
        return None
    stripped = s.strip()
    try:
        found = _scan(stripped)
    except Exception:  # noqa: BLE001 - a reader must not take a pipeline down
        log.exception("parse_number failed on %r", stripped[:200])
        return None
    if len(found) != 1:
        return None
    quantity = found[0]
    whole = quantity.start == 0 and quantity.end == len(stripped)
    if not whole or quantity.qualifier != EXACT or quantity.value is None:
        return None
    if quantity.kind not in ("digits", "words", "mixed", "one"):
        return None
    value = quantity.value
    return int(value) if float(value).is_integer() else value


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in `text`, left to right, non-overlapping. Never raises."""
    if not isinstance(text, str):
        return []
    try:
        return _scan(text)
    except Exception:  # noqa: BLE001 - a reader must not take a pipeline down
        log.exception("find_quantities failed on a text of %d characters", len(text))
        return []


# ----------------------------------------------------------------------------- scanning


class _Core:
    """A bare number found at some tokens, before qualifiers are looked for."""

    __slots__ = ("first", "last", "num_tok", "value", "kind", "prefix", "num_start")

    def __init__(
        self,
        first: int,
        last: int,
        num_tok: int,
        value: Decimal,
        kind: str,
        prefix: str,
        num_start: int,
    ) -> None:
        self.first = first  # first token (the proclitic token for الـ 23)
        self.last = last  # last token, inclusive
        self.num_tok = num_tok
        self.value = value
        self.kind = kind
        self.prefix = prefix
        self.num_start = num_start


# Windows: only the neighbourhood of a possible number is tokenized. A window reaches this far
# around its candidate words: enough for the longest qualifier phrase before (ما لا يقل عن)
# and for على الأقل / إلى / و after; candidates closer than _GAP share a window.
_BEFORE, _AFTER, _GAP, _SNAP = 40, 24, 80, 40
_MARK_RE = re.compile(f"[{_MARKS}]")


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for many words, shaped as a trie so matching stays cheap."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_CANDIDATE = re.compile(rf"[{_D}]+|(?<!{_L})(?:{_trie_pattern(sorted(_LEXICON))})(?!{_L})")


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans of `text` around candidate numbers, non-overlapping, cut at whitespace."""
    folded = text.translate(_NORMALIZE)
    shift = None
    if len(folded) != len(text):  # diacritics were dropped: map folded offsets back
        shift = [p - k for k, p in enumerate(m.start() for m in _MARK_RE.finditer(text))]
    spans: list[list[int]] = []
    for m in _CANDIDATE.finditer(folded):
        start, end = m.start(), m.end()
        if shift is not None:
            start += bisect_right(shift, start)
            end += bisect_right(shift, end)
        if spans and start - spans[-1][1] <= _GAP:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        begin = _snap(text, max(start - _BEFORE, 0), -1)
        if windows:
            begin = max(begin, windows[-1][1])
        windows.append((begin, _snap(text, min(end + _AFTER, len(text)), 1)))
    return windows


def _snap(text: str, pos: int, step: int) -> int:
    """Move pos (a little) towards whitespace so a window does not cut a word."""
    limit = max(0, pos - _SNAP) if step < 0 else min(len(text), pos + _SNAP)
    while pos != limit:
        inside = text[pos - 1] if step < 0 else text[pos]
        if inside.isspace():
            break
        pos += step
    return pos


def _scan(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    for begin, end in _windows(text):
        found.extend(_scan_window(text, _Tokens(text, begin, end)))
    return found


def _scan_window(text: str, toks: _Tokens) -> list[Quantity]:
    found: list[Quantity] = []
    floor = 0  # tokens before this index already belong to a quantity
    i = 0
    while i < toks.n:
        match = _match_at(text, toks, i, floor)
        if match is None:
            i += 1
            continue
        quantity, next_i = match
        found.append(quantity)
        floor = i = next_i
    return found


def _match_at(text: str, toks: _Tokens, i: int, floor: int) -> tuple[Quantity, int] | None:
    kind = toks.kind[i]
    if kind == NUM:
        if _in_numeric_date(toks, i):
            return None
        core = _digits_core(toks, i, floor)
        return _qualified(text, toks, core, floor) if core else None
    if kind != WORD:
        return None
    slot = _LEXICON.get(toks.norm[i])
    if slot is None:
        return None
    if slot.vague:
        found = _vague_at(text, toks, i, slot, floor)
        if found:
            return found
    if slot.number is not None:
        core = _words_core(toks, i)
        if core is not None:
            one = _single_one(text, toks, i, core)
            if one is not None:
                return one
            return _qualified(text, toks, core, floor)
    if slot.dual is not None:
        plen, singular = slot.dual
        core = _Core(i, i, i, Decimal(2), "dual", "", toks.start[i])
        prefix = _raw_prefix(toks.raw[i], plen)
        core.prefix, core.num_start = prefix, toks.start[i] + len(prefix)
        quantity, next_i = _qualified(text, toks, core, floor, allow_range=False)
        return _replace_noun(quantity, singular), next_i
    if slot.one is not None:
        return _one_of_at(text, toks, i, slot.one)
    if slot.one_of_them is not None:
        return _one(text, toks, i, _raw_prefix(toks.raw[i], slot.one_of_them), ONE_OF_THEM)
    return None


def _raw_prefix(raw: str, plen: int) -> str:
    """The written proclitic for a normalized prefix length (diacritics after it included)."""
    if plen <= 0:
        return ""
    kept = k = 0
    while k < len(raw) and kept < plen:
        if raw[k] not in _MARKS:
            kept += 1
        k += 1
    while k < len(raw) and raw[k] in _MARKS:
        k += 1
    return raw[:k]


# ----------------------------------------------------------------------------- digits


def _digit_value(raw: str, before_scale: bool) -> Decimal | None:
    """Read one digit token: thousands separators vs decimals (11.30 is 11.3, 1.200 is 1200)."""
    s = raw.translate(_TO_ASCII_DIGITS)
    if _INT_GROUPED.fullmatch(s):
        return Decimal(s.replace(",", "")) if len(s) <= _MAX_DIGITS + 5 else None
    if s.count(".") > 1:
        s = s.replace(".", "")
    elif "." in s or "," in s:
        whole, _sep, frac = s.replace(",", ".").partition(".")
        is_grouped = len(frac) == 3 and 1 <= len(whole) <= 3 and whole != "0"
        s = whole + frac if is_grouped and not before_scale else whole + "." + frac
    if len(s.partition(".")[0]) > _MAX_DIGITS:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def ends_in_scale_word(text: str) -> bool:
    """Whether a number's text ends in a word for thousands, millions or billions ('3 آلاف',
    '6.8 مليون'): the noun it counts then stands in the singular ('مليون سوري')."""
    words = text.split()
    return bool(words) and normalize(words[-1]) in _SCALE_WORDS


def _scale_after(toks: _Tokens, j: int) -> int | None:
    """The multiplier of a bare scale word (ألف، آلاف، مليون ...) at token j, if any."""
    if not toks.is_word(j):
        return None
    scale = _SCALE_WORDS.get(toks.norm[j])
    if scale is None or scale[1] == DUAL_SCALE:
        return None
    return scale[0]


_DATE_SEPARATORS = (*_DASHES, "/")


def _joined(toks: _Tokens, k: int) -> bool:
    """Tokens k, k+1, k+2 are number, separator, number written with no space between."""
    return (
        k >= 0
        and k + 2 < toks.n
        and toks.kind[k] == NUM
        and toks.kind[k + 2] == NUM
        and toks.raw[k + 1] in _DATE_SEPARATORS
        and toks.end[k] == toks.start[k + 1]
        and toks.end[k + 1] == toks.start[k + 2]
    )


def _in_numeric_date(toks: _Tokens, i: int) -> bool:
    """'1-9-2023', '2023/09/01', '9/2023', '2019-2020': numbers joined into a date or a span of
    years count nothing. Three numbers in a chain are a date; two are one when either is a
    year (4 digits, 1900-2099). '10-15' (a range) stays a number."""
    first = last = i
    while _joined(toks, first - 2):
        first -= 2
    while _joined(toks, last):
        last += 2
    parts = [toks.raw[k] for k in range(first, last + 1, 2)]
    if len(parts) >= 3:
        return True
    return len(parts) == 2 and any(is_year(p) for p in parts)


def is_year(raw: str) -> bool:
    """Four digits (Western or Arabic-Indic) between 1900 and 2099: a year in news text."""
    digits = raw.translate(_TO_ASCII_DIGITS)
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _digits_core(toks: _Tokens, i: int, floor: int) -> _Core | None:
    scale = _scale_after(toks, i + 1)
    value = _digit_value(toks.raw[i], scale is not None)
    if value is None:
        return None
    last, kind = i, "digits"
    if scale is not None:
        value, last, kind = value * scale, i + 1, "mixed"
        value, last = _remainder_after_scale(toks, last, value, scale)
    first, prefix = i, ""
    j = i - 1
    if j >= floor and toks.is_word(j) and toks.norm[j] in _PREFIX_TOKENS:
        glued = toks.end[j] == toks.start[i]
        # 'الـ 4000' normalised is 'ال 4000': an article never stands alone, so it is detached
        detached = toks.norm[j] in _ARTICLES and toks.start[i] - toks.end[j] <= 1
        if glued or detached or toks.raw[j].endswith("ـ"):
            first, prefix = j, toks.raw[j]
    return _Core(first, last, i, value, kind, prefix, toks.start[i])


def _remainder_after_scale(
    toks: _Tokens, j: int, value: Decimal, scale: int
) -> tuple[Decimal, int]:
    """'43 ألفاً و922': digits joined by و after a scale word, smaller than the scale, are the
    rest of the same number (43922), not a second one."""
    k = j + 1
    if k + 1 < toks.n and toks.is_word(k, "و") and toks.kind[k + 1] == NUM:
        last = k + 1
        rest = _digit_value(toks.raw[last], False)
        if rest is not None and (sub := _scale_after(toks, last + 1)) is not None:
            rest, last = rest * sub, last + 1  # '2 مليون و300 ألف'
        if rest is not None and rest == int(rest) and 0 < rest < scale and value == int(value):
            return value + rest, last
    return value, j


# ----------------------------------------------------------------------------- number words


def _word_at(toks: _Tokens, j: int, mode: str) -> tuple[str, int] | None:
    """The bare number word at token j and its prefix length.

    mode "any": any proclitic (first word); "and": must be joined by و (glued or standalone,
    then returns the token after); "bare": no proclitic (multipliers such as عشر, مئة, ألف).
    """
    if not toks.is_word(j):
        return None
    norm = toks.norm[j]
    if mode == "bare":
        return (norm, 0) if norm in _NUMBER_WORDS else None
    if mode == "and":
        if norm.startswith("و") and norm[1:] in _NUMBER_WORDS:
            return norm[1:], 1
        return None
    slot = _LEXICON.get(norm)
    if slot is None or slot.number is None:
        return None
    plen, base = slot.number
    return base, plen


def _component(toks: _Tokens, j: int, base: str) -> tuple[str, int, int] | None:
    """One component starting with `base` at token j: (role, value, last token).

    Handles the multi-word components: teens (ثلاثة عشر، أحد عشر) and unit + مئة (ثلاث مئة).
    """
    role, value = _NUMBER_WORDS[base]
    next_word = toks.norm[j + 1] if toks.is_word(j + 1) else ""
    if role == HEAD or (role == UNIT and 2 <= value <= 9):
        if next_word in _TEN_WORDS:
            return UNIT, value + 10, j + 1
        if role == HEAD:
            return None
    if role == UNIT and 3 <= value <= 9 and next_word in _HUNDRED_WORDS:
        return HUND, value * 100, j + 1
    if role == SCALE:
        return SCALE, value, j
    return role, value, j


_NO_SCALE = 10**15  # a reading's last scale before any scale word


class _Reading:
    """The running state of reading a compound number: finished thousands + current group."""

    __slots__ = ("total", "group", "last_scale")

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        self.last_scale = _NO_SCALE

    def add(self, role: str, value: int, base: str, joined: bool) -> bool:
        """Take one component; False if it cannot continue this number."""
        small = self.group % 100
        if role == UNIT:
            if small:
                return False
            self.group += value
        elif role == TENS:
            if small >= 10 or (small and not joined):
                return False
            self.group += value
        elif role == HUND:
            if self.group:
                return False
            self.group = value
        else:
            return self._scale(value, base, joined)
        return True

    def _scale(self, value: int, base: str, joined: bool) -> bool:
        sub = _SCALE_WORDS[base][1]
        if value >= self.last_scale:
            return False
        if sub == PLURAL_SCALE:
            if joined or not 3 <= self.group <= 10:
                return False
            self.total += self.group * value
        elif sub == DUAL_SCALE:
            if self.group:
                return False
            self.total += 2 * value
        elif self.group and not joined:
            self.total += self.group * value
        elif not self.group:
            self.total += value
        else:
            return False
        self.group = 0
        self.last_scale = value
        return True

    @property
    def value(self) -> int:
        return self.total + self.group


def _words_core(toks: _Tokens, i: int) -> _Core | None:
    """Read the longest well-formed number made of words starting at token i."""
    found = _word_at(toks, i, "any")
    if found is None:
        return None
    base, plen = found
    if base in _TEN_WORDS and _after_ordinal(toks, i):
        return None
    if base in _HUNDRED_WORDS and _percent(toks, i, plen):
        return None
    comp = _component(toks, i, base)
    reading = _Reading()
    if comp is None or not reading.add(comp[0], comp[1], base, joined=True):
        return None
    last = comp[2]
    while True:
        step = _next_component(toks, last + 1, reading)
        if step is None:
            break
        last = step
    if reading.group == 0 and reading.last_scale != _NO_SCALE:  # 'ثلاثة آلاف و500'
        total, last = _remainder_after_scale(toks, last, Decimal(reading.value), reading.last_scale)
        reading.total, reading.group = int(total), 0
    kind = "words"
    prefix = _raw_prefix(toks.raw[i], plen)
    return _Core(i, last, i, Decimal(reading.value), kind, prefix, toks.start[i] + len(prefix))


def _percent(toks: _Tokens, i: int, plen: int) -> bool:
    """'10 بالمئة', '10 في المائة': المئة with the article after ب or في is 'percent'."""
    norm = toks.norm[i]
    if plen < 2 or norm[plen - 2 : plen] != "ال":
        return False
    return norm[: plen - 2].endswith("ب") or (
        i > 0 and toks.is_word(i - 1) and toks.norm[i - 1] == "في"
    )


def _next_component(toks: _Tokens, j: int, reading: _Reading) -> int | None:
    """Extend the reading by one component at token j; the new last token, or None."""
    bare = _word_at(toks, j, "bare")
    if bare is not None and _NUMBER_WORDS[bare[0]][0] == SCALE:
        return j if reading.add(SCALE, _NUMBER_WORDS[bare[0]][1], bare[0], False) else None
    joined = _word_at(toks, j, "and")
    start = j
    if joined is None and toks.is_word(j, "و"):
        joined, start = _word_at(toks, j + 1, "bare"), j + 1
    if joined is None:
        return None
    base = joined[0]
    comp = _component(toks, start, base)
    if comp is None:
        return None
    saved = (reading.total, reading.group, reading.last_scale)
    if not reading.add(comp[0], comp[1], base, joined=True):
        reading.total, reading.group, reading.last_scale = saved
        return None
    return comp[2]


def _after_ordinal(toks: _Tokens, i: int) -> bool:
    """True for عشر in الحادي عشر / الثالث عشر (ordinals, not ten)."""
    if not toks.is_word(i - 1):
        return False
    word = toks.norm[i - 1]
    for article in ("", *_ARTICLES):
        if word.startswith(article) and word[len(article) :] in _ORDINALS:
            return True
    return False


# ----------------------------------------------------------------------------- qualifiers


def _qualifier_before(toks: _Tokens, first: int, floor: int) -> tuple[str, int] | None:
    """The qualifier phrase ending right before token `first`: (qualifier, its first token)."""
    if first <= floor or toks.norm[first - 1] not in _QUALIFIER_LAST_WORDS:
        return None
    for length in range(_MAX_QUALIFIER_WORDS, 0, -1):
        begin = first - length
        if begin < floor:
            continue
        if not all(toks.kind[k] == WORD for k in range(begin, first)):
            continue
        qualifier = _QUALIFIERS.get(tuple(toks.norm[begin:first]))
        if qualifier is not None:
            return qualifier, begin
    return None


_RISING = frozenset(normalize(w) for w in load("casualties.yaml")["rising"])


def _rising_before(toks: _Tokens, begin: int, floor: int) -> bool:
    """A word of rising among the four words before 'من X إلى Y'."""
    return any(
        toks.is_word(k) and toks.norm[k].lstrip("و") in _RISING
        for k in range(max(floor, begin - 4), begin)
    )


def _second_of_range(toks: _Tokens, j: int, marker: str) -> _Core | None:
    """The upper bound of بين X و Y / من X إلى Y, starting at token j (right after X)."""
    if toks.is_word(j, *_RANGE_TO):  # من X إلى Y, and loosely 'ما بين 10 إلى 15'
        return _plain_core(toks, j + 1)
    if marker == _FROM:
        return None
    if toks.is_word(j, "و"):  # و 90, و90 (the tokenizer splits و from digits)
        return _plain_core(toks, j + 1)
    if toks.is_word(j) and toks.norm[j].startswith("و"):  # وتسعين
        core = _words_core(toks, j)
        if core is not None and normalize(core.prefix) == "و":
            return core
    return None


def _plain_core(toks: _Tokens, j: int) -> _Core | None:
    """A bare number (digits or words) starting exactly at token j, without proclitic token."""
    if j >= toks.n:
        return None
    if toks.kind[j] == NUM:
        return _digits_core(toks, j, j)
    if toks.kind[j] == WORD and _word_at(toks, j, "any") is not None:
        return _words_core(toks, j)
    return None


def _bare_range(toks: _Tokens, core: _Core) -> _Core | None:
    """'10 إلى 15 شخصاً', 'نحو عشرة إلى خمسة عشر': X إلى Y with no 'من' before X is a range
    when Y is larger (a rising count says 'من' or names the toll: 'ارتفع ... إلى'); so is
    X أو Y when Y is at most twice X ('ثلاثة أو أربعة')."""
    j = core.last + 1
    if toks.is_word(j, "او"):  # '3 أو 4 أشخاص': a close alternative is a range too
        upper = _plain_core(toks, j + 1)
        close = upper is not None and core.value < upper.value <= 2 * core.value
        return upper if close else None
    if not toks.is_word(j, *_RANGE_TO):
        return None
    upper = _plain_core(toks, j + 1)
    return upper if upper is not None and upper.value > core.value else None


def _dash_range(toks: _Tokens, core: _Core) -> _Core | None:
    """10-15 as a range; not dates such as 23-1-2019 (a chain of dashes)."""
    j = core.last + 1
    if core.kind != "digits" or j + 1 >= toks.n:
        return None
    if toks.raw[j] not in _DASHES or toks.kind[j + 1] != NUM:
        return None
    before = core.first - 1
    if before >= 0 and toks.raw[before] in (*_DASHES, "/"):
        return None
    if j + 2 < toks.n and toks.raw[j + 2] in (*_DASHES, "/"):
        return None
    second = _digits_core(toks, j + 1, j + 1)
    if second is None or second.kind != "digits" or second.value <= core.value:
        return None
    return second


def _qualified(
    text: str, toks: _Tokens, core: _Core, floor: int, allow_range: bool = True
) -> tuple[Quantity, int]:
    """Attach the qualifier phrase around a bare number and build the Quantity."""
    qualifier, first, last, upper = EXACT, core.first, core.last, None
    rising = False
    before = _qualifier_before(toks, core.first, floor)
    if before is not None:
        marker, begin = before
        # 'ارتفع عدد القتلى من 10 إلى 15': an old and a new count, not a range
        rising = marker == _FROM and _rising_before(toks, begin, floor)
        if marker in (_BETWEEN, _FROM):
            ranged = allow_range and not rising
            upper = _second_of_range(toks, core.last + 1, marker) if ranged else None
            if upper is not None:
                qualifier, first, last = RANGE, begin, upper.last
        else:
            qualifier, first = marker, begin
    if qualifier in (EXACT, ABOUT) and allow_range and not rising:
        upper = _dash_range(toks, core) or _bare_range(toks, core)
        if upper is not None:
            qualifier, last = RANGE, upper.last
    at_least_after = toks.is_word(last + 1, AT_LEAST_AFTER[0]) and toks.is_word(
        last + 2, AT_LEAST_AFTER[1]
    )
    if qualifier == EXACT and at_least_after:
        qualifier, last = AT_LEAST, last + 2
    low_value = core.value
    high_value = upper.value if qualifier == RANGE and upper is not None else None
    num_end = toks.end[core.last]
    best, low, high = _bounds(qualifier, low_value, high_value)
    start, end = toks.start[first], toks.end[last]
    quantity = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=float(low_value),
        best=best,
        low=low,
        high=high,
        qualifier=qualifier,
        kind=core.kind,
        prefix=core.prefix,
        num_start=core.num_start,
        num_end=toks.end[upper.last] if qualifier == RANGE and upper else num_end,
    )
    return quantity, last + 1


def _bounds(
    qualifier: str, value: Decimal, upper: Decimal | None
) -> tuple[int | None, int | None, int | None]:
    """(best, low, high) by the project's convention (docs/numbers.md)."""
    if value != value.to_integral_value() or (upper is not None and upper % 1):
        return None, None, None
    n = int(value)
    if qualifier in (AT_LEAST, MORE_THAN):
        return n, n, None
    if qualifier == LESS_THAN:
        below = max(n - 1, 0)
        return below, 0, below
    if qualifier == RANGE and upper is not None:
        low, high = sorted((n, int(upper)))
        return low, low, high
    return n, n, n


# ----------------------------------------------------------------------------- vague, one, dual


def _vague_at(
    text: str, toks: _Tokens, i: int, slot: _Entry, floor: int
) -> tuple[Quantity, int] | None:
    for plen, rest, key in slot.vague:
        end_tok = i + len(rest)
        if end_tok >= toks.n or tuple(toks.norm[i + 1 : end_tok + 1]) != rest:
            continue
        if not all(toks.kind[k] == WORD for k in range(i + 1, end_tok + 1)):
            continue
        if key in _OTHERS_KEYS and floor == i and i > 0:
            return None  # ثلاثة آخرين: "others" qualifies the number before it
        spec = VAGUE[key]
        prefix = _raw_prefix(toks.raw[i], plen)
        start, end = toks.start[i], toks.end[end_tok]
        quantity = Quantity(
            start=start,
            end=end,
            text=text[start:end],
            value=None,
            best=spec["best"],
            low=spec["low"],
            high=spec["high"],
            qualifier=VAGUE_QUALIFIER,
            kind="vague",
            prefix=prefix,
            vague_word=text[start + len(prefix) : end],
            num_start=start + len(prefix),
            num_end=end,
        )
        return quantity, end_tok + 1
    return None


def _replace_noun(quantity: Quantity, noun: str) -> Quantity:
    fields = {name: getattr(quantity, name) for name in Quantity.__dataclass_fields__}
    fields["noun"] = noun
    return Quantity(**fields)


def _one(text: str, toks: _Tokens, i: int, prefix: str, noun: str) -> tuple[Quantity, int]:
    start, end = toks.start[i], toks.end[i]
    quantity = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=1.0,
        best=1,
        low=1,
        high=1,
        qualifier=EXACT,
        kind="one",
        noun=noun,
        prefix=prefix,
        num_start=start + len(prefix),
        num_end=end,
    )
    return quantity, i + 1


def _is_counted_noun(toks: _Tokens, j: int) -> bool:
    """A definite or construct plural after أحد / إحدى (أحد المهاجمين، أحد عناصر التنظيم)."""
    if not toks.is_word(j):
        return False
    norm = toks.norm[j]
    if (norm.startswith("ال") and len(norm) > 3) or norm in _CONSTRUCT_NOUNS:
        return True
    raw = toks.raw[j].translate(_STRIP_MARKS)  # 'أحد عماله', 'إحدى إدارياته' (not 'إحدى عشرة')
    return len(raw) > 4 and raw.endswith(_POSSESSIVE)


_STRIP_MARKS = dict.fromkeys(map(ord, _MARKS))
_POSSESSIVE = ("ه", "ها", "هم", "هما", "هن", "نا")


def _one_of_at(text: str, toks: _Tokens, i: int, plen: int) -> tuple[Quantity, int] | None:
    if not _is_counted_noun(toks, i + 1):
        return None
    return _one(text, toks, i, _raw_prefix(toks.raw[i], plen), toks.raw[i + 1])


def _single_one(text: str, toks: _Tokens, i: int, core: _Core) -> tuple[Quantity, int] | None:
    """واحد / واحدة standing alone: kind one, the noun before it (جندي واحد)."""
    if core.last != i or core.value != 1 or core.kind != "words":
        return None
    norm = toks.norm[i]
    if norm in ("واحد", "واحده") and _is_counted_noun(toks, i + 1):
        # وأحد المهاجمين written without hamza: و + أحد, not "one".
        return _one(text, toks, i, toks.raw[i][:1], toks.raw[i + 1])
    noun = toks.raw[i - 1] if toks.is_word(i - 1) else ""
    return _one(text, toks, i, core.prefix, noun)
