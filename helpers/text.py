"""Text normalisation that keeps a map back to the original offsets.

Arabic news text arrives with diacritics, tatweel, bidi marks, several alef and digit forms.
Matching is done on a normalised copy; every offset found there is mapped back to the text
exactly as read, so each number in a report points at the original characters.

Deletions (diacritics, tatweel, invisible marks) are the only length-changing step and are
stored as a short list of shifts; all other changes are one character for one character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# Removed: Arabic diacritics (harakat, shadda, sukun, superscript alef), tatweel, and
# zero-width/bidi control characters that scraped pages are full of, and the 'ـ.ـ' that
# social-media posts put inside words to dodge filters: tatweel on both sides of a dot, star
# or space (تصفيتـ.ـهم, بمقـ .ـتل, الاحــ*ــتلال, قتـ ـلوا, اعـ. ـ دمت). A tatweel on one side only is
# kept apart ('لـ "قسد"', 'الـ 24'): that is a separate word; but a dot or star glued to
# letters on both sides with a tatweel on one side is the same trick (بقـ.صف, المجـ.رمون), and
# so is a tatweel and a space after two or more letters that are no proclitic (مقـ تل), since
# only a proclitic or the article is written apart with a tatweel.
_DROP_RE = re.compile(
    "\u0640+[ .\u00b7*]{1,3}\u0640+(?: (?=[\u0621-\u064a]))?"
    "|(?<=[\u0621-\u064a]{2})(?<!ال)(?<!لل)(?<![^\u0621-\u064a][وف][بلك])(?<!^[وف][بلك])\u0640+ (?=[\u0621-\u064a])"
    "|(?<=[\u0621-\u064a])(?:\u0640+[.*]|[.*]\u0640+)(?=[\u0621-\u064a])"
    "|[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad]+"
)

_ONE_FOR_ONE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ک": "ك",
    "ی": "ي",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\r": " ",
    "\t": " ",
    "\x00": " ",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "٫": ".",
    "٬": ",",
}
for _i in range(10):
    _ONE_FOR_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE_FOR_ONE[chr(0x06F0 + _i)] = str(_i)  # Eastern Arabic-Indic digits
_TABLE = str.maketrans(_ONE_FOR_ONE)


def normalize_word(word: str) -> str:
    """Normalise a lexicon entry the same way as a text (for building look-up tables)."""
    return _DROP_RE.sub("", word).translate(_TABLE).strip()


@dataclass
class NormText:
    """A normalised copy of `original` with the means to map offsets back."""

    original: str
    text: str = ""
    _norm_pos: list[int] = field(default_factory=list)
    _shift: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        pieces: list[str] = []
        removed = 0
        last = 0
        for m in _DROP_RE.finditer(self.original):
            pieces.append(self.original[last : m.start()])
            removed += m.end() - m.start()
            self._norm_pos.append(m.end() - removed)
            self._shift.append(removed)
            last = m.end()
        pieces.append(self.original[last:])
        self.text = "".join(pieces).translate(_TABLE)

    def to_original(self, pos: int) -> int:
        """Offset in the original text of normalised offset `pos` (start or end of a span)."""
        k = bisect_right(self._norm_pos, pos)
        return pos + (self._shift[k - 1] if k else 0)

    def to_normalised(self, pos: int) -> int:
        """The first normalised offset whose original offset is at or after `pos` (the inverse
        of `to_original` for a position that starts a span)."""
        return bisect_left(range(len(self.text) + 1), pos, key=self.to_original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a normalised span; the end keeps trailing diacritics."""
        return self.to_original(start), self.to_original(end)


@lru_cache(maxsize=4)
def normalize(text: str) -> NormText:
    """Normalise `text` for matching; see `NormText`.

    The casualty and incident stages both normalise the same document one after the other;
    the last few results are kept so the second stage gets the first one's copy. Callers read
    a `NormText` and never change it.
    """
    return NormText(text)


# Sentence boundaries: full stops (not decimal points), question marks, line breaks, semicolons.
_SENTENCE_END_RE = re.compile(r"(?<!\d)\.(?!\d)|[!?؟؛;\n…]+|\.(?=\s)")

# Labels that open a line linking to another story in the middle of an article ('اقرأ أيضاً:
# مقتل 3 عناصر ...'): the rest of that line is the other story's headline.
_LINK_LABELS = (
    "اقرأ أيضا",
    "اقرأ ايضا",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "اقرأ كذلك",
    "شاهد أيضا",
    "للمزيد اقرأ",
)
_LINK_LINE_RE = re.compile(
    r"(?:^|\n)[ \t#*•-]*(?:" + "|".join(re.escape(normalize_word(m)) for m in _LINK_LABELS) + r")"
)


# Markers after which a scraped page lists other stories (related headlines, comments); a
# link label alone on its line opens such a list too.
_TAIL_MARKERS = (
    *_LINK_LABELS,
    "اخبار ذات صله",
    "مقالات ذات صله",
    "مواضيع ذات صله",
    "الاخبار ذات الصله",
    "المزيد من الاخبار",
    "قد يهمك ايضا",
    "اضف تعليق",
    "التعليقات",
    "شارك هذا المقال",
    "تابعونا على",
    "الاكثر قراءه",
    "الأكثر قراءة",
    "اخترنا لكم",
    "قد يعجبك أيضا",
    "أخبار متعلقة",
    "اخبار متعلقه",
    "آخر الأخبار",
    "مقالات مشابهة",
    "أخبار ذات صلة",
    "ذات صلة",
    "اخترنا لك",
    "الأكثر شعبية",
    "التاغات",
    "الوسوم",
)
# Links to the previous and next stories, alone on their line ('السابق', 'المقال التالي').
_NAV_LINES = (
    "السابق",
    "التالي",
    "المقال السابق",
    "المقال التالي",
    "الخبر السابق",
    "الخبر التالي",
    "مرتبط",
)
_TAIL_RE = re.compile(
    r"(?m)^\s*(?:(?:"
    + "|".join(re.escape(normalize_word(m)) for m in _TAIL_MARKERS)
    + r")\b|(?:"
    + "|".join(re.escape(normalize_word(m)) for m in _NAV_LINES)
    + r")[ \t]*$)"
)


def in_link_line(norm: str, pos: int) -> bool:
    """Whether `pos` of the normalised text is on a line opened by a link label ('اقرأ أيضاً'):
    a headline of another story, whose figures are not this article's."""
    line_start = norm.rfind("\n", 0, pos) + 1
    return _LINK_LINE_RE.match(norm, max(0, line_start - 1)) is not None


# Social-media furniture that starts the comments under a post, glued to the text before it.
_INLINE_TAIL_RE = re.compile(r"All reactions:|\d*\s*comments?\s*Like\s*Comment|Most relevant")


def main_text_end(norm: str) -> int:
    """Where the article proper ends: the first 'related stories' marker at a line start, the
    reactions/comments bar of a social-media post wherever it is, or a closing list of other
    stories' headlines.

    Figures after it belong to other events or are readers' comments (NOTES.md), so extraction
    stops there; a line marker in the first fifth of the text is ignored (some pages put menus
    first).
    """
    end = len(norm)
    inline = _INLINE_TAIL_RE.search(norm)
    if inline is not None:
        end = inline.start()
    for m in _TAIL_RE.finditer(norm, 0, end):
        label = m.start() + len(m.group()) - len(m.group().lstrip())  # (past blank lines)
        if m.start() > len(norm) // 5 and not _inline_link(norm, label):
            return m.start()
    return _headline_list_start(norm, end)


def _inline_link(norm: str, pos: int) -> bool:
    """A 'read also' label with another story's headline on its own line ('اقرأ أيضاً: قصف
    مدفعي على ريف حلب'), between paragraphs of the article: not the end of the article (the
    line itself is skipped by `in_link_line`). A label alone on its line opens a list."""
    line = norm[pos : (norm.find("\n", pos) + 1 or len(norm) + 1) - 1]
    label = _LINK_LINE_RE.match("\n" + line)
    return label is not None and len(line[label.end() - 1 :].strip(" :.").split()) >= 3


_LINE_RE = re.compile(r"[^\n]+")
# A line that goes on the sentence before it, or ends as a sentence does, is not a headline.
_NOT_HEADLINE_RE = re.compile(r"^(?:و|ف|كما |حيث |اذ |بينما )|[.!?؟:؛]$")


def _headline_list_start(norm: str, end: int) -> int:
    """Where a closing run of three or more headline-like lines starts (short, no full stop,
    not opening with و or كما): the other stories a scraped page lists under the article
    without a 'related' marker. `end` when there is none, or when the run begins in the first
    third of the text (a short post may be all short lines)."""
    lines = list(_LINE_RE.finditer(norm, 0, end))
    start = end
    count = 0
    for m in reversed(lines):
        line = m.group().strip()
        if not line:
            continue
        if len(line.split()) > 16 or _NOT_HEADLINE_RE.search(line):
            break
        start, count = m.start(), count + 1
    return start if count >= 3 and start > len(norm) // 3 else end


# A photo caption on its own line: what the picture shows, then its date and, in brackets, who
# took or published it ('إسعاف طفل مصاب جراء قصف ... - 1 من أيلول 2023 (الدفاع المدني/ فيس بوك)').
_CAPTION_RE = re.compile(r"(?m)^[^\n]{10,400}?\b(?:19|20)\d\d\s*\([^()\n]{2,80}\)[ \t]*$")
# ... or a line ending in a picture credit that names no one: 'انتشال جثة طفل من بين أنقاض منزل
# في إدلب- متداول', '(أرشيف)', '- مواقع التواصل'.
_CREDIT_RE = re.compile(
    r"(?m)^[^\n]{10,300}?[-–(]\s*(?:متداول|متداوله|ارشيف|ارشيفيه|انترنت|مواقع التواصل(?: الاجتماعي)?)"
    r"\)?[ \t]*$"
)


def photo_captions(norm: str) -> list[tuple[int, int]]:
    """Spans of photo-caption lines. A caption describes a picture, not the story's toll ('طفل
    مصاب' under a photo is one of the injured the article counts), so its words are not read as
    sentences."""
    return sorted(m.span() for r in (_CAPTION_RE, _CREDIT_RE) for m in r.finditer(norm))


def sentences(norm: str, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of a normalised text; blank ones and those on a
    photo-caption line are dropped."""
    limit = len(norm) if end is None else end
    captions = photo_captions(norm)
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _SENTENCE_END_RE.finditer(norm, 0, limit):
        if norm[last : m.start()].strip():
            spans.append((last, m.end()))
        last = m.end()
    if norm[last:limit].strip():
        spans.append((last, limit))
    if captions:
        spans = [s for s in spans if not any(a <= s[0] < b for a, b in captions)]
    return spans


# Words: runs of Arabic (or other non-Latin) letters, of Latin letters, or of digits, so that
# scraped text with scripts glued together ("SyriaCivilDefeمقتل", "يرحمك40w") still splits.
_WORD_RE = re.compile(r"[^\W\d_A-Za-z]+|[A-Za-z]+|\d+")


def tokens(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word tokens (start, end, text) of a normalised text between two offsets."""
    stop = len(norm) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(norm, start, stop)]


_PROCLITICS = (
    "وبال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


def stems(word: str) -> list[str]:
    """The word and its forms without proclitics (و ف ب ل ك ال), longest stem first.

    A light morphological step so lexicons list bare forms: وبمقتل -> بمقتل, مقتل. Words
    repeat across a corpus, so each distinct word is split once (a fresh list per call, so a
    caller cannot change the cached answer).
    """
    return list(_stems(word))


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    out = [word]
    for p in _PROCLITICS:
        shortest = 3 if p.endswith("ك") else 2  # 'كفر' (a village's first word) is not ك + فر
        if word.startswith(p) and len(word) - len(p) >= shortest:
            rest = word[len(p) :]
            if p.endswith("لل"):
                out.append("ل" + rest)  # للمدنيين -> لمدنيين is wrong; keep both
                out.append(rest)
            else:
                out.append(rest)
    return tuple(dict.fromkeys(out))
