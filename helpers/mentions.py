"""Casualty figures in one document: who was killed, injured, detained, displaced, how many.

How a figure is found (all on the normalised text, offsets mapped back at the end):

1. The text is cut into sentences; a page's "related stories" tail is left out.
2. In each sentence, `helpers.numbers` finds every quantity (digits, number words, duals,
   "one of", vague words) and the casualty lexicon (`helpers/data/casualties.yaml`) finds
   trigger words (مقتل، أصيب، اعتقال، نزوح ...) and casualty nouns (قتلى، جرحى ...).
3. A quantity is a casualty figure when what it counts is people (the noun after it, or
   "من" + people/actor, or a casualty noun) and a trigger of one category governs it (before
   it, or a verb after it: "30 إرهابياً هلكوا"). Numbers that count other things (strikes,
   trucks, hours, unit and channel names) are rejected by the noun after or before them;
   numbers with no casualty word near them are never figures (force sizes). A negation
   (دون، لم يسفر عن) or a release (أطلق سراح، الإفراج عن, for detainees) cancels the figure.
4. Triggers with no number but a singular person after them mean one (مقتل شاب); plural or
   vague words are vague figures (قتلت العديد منهم); people joined by و or مع after one
   trigger, past the name told with each, are one figure and its parts (مقتل امرأة تدعى
   "فطيم" وابنها), and full names joined after a trigger count the people named.
5. Each figure gets its victim side (actor named with it, pronoun resolved to the last side
   named, or the kind of people), scope (running totals vs one incident), claimant and
   perpetrator, then relations between figures (repeats, subsets, aggregates, updates, and
   another source's rival figure told behind بينما / في حين).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from helpers import numbers
from helpers.actors import (
    ActorMatch,
    SourceMatch,
    adjective_side,
    find_actors,
    find_sources,
    unnamed_sources,
)
from helpers.dates import MONTHS, WEEKDAYS
from helpers.incidents import find_triggers, named_as_target
from helpers.lexicon import load, phrase_key, phrase_regex, phrase_variants, word_set
from helpers.schema import Document
from helpers.text import (
    NormText,
    in_link_line,
    main_text_end,
    normalize,
    normalize_word,
    sentences,
    stems,
    tokens,
)

COMBINED = "killed_or_injured"
WINDOW_BEFORE = 7  # tokens between a trigger and the number it governs
WINDOW_AFTER = 8  # tokens between a number and a trigger verb after it
TOLL_BACK = 20  # tokens between "حصيلة/عدد + casualty noun" and "إلى <number>"
SCOPE_BACK = 30  # tokens before a figure where a running-total cue applies to it
SCOPE_AHEAD = 18  # tokens after it


# ----------------------------------------------------------------------------- lexicon
def _expand(entry: str) -> list[str]:
    """Forms of a lexicon entry; 'مدني+' gives the regular noun/adjective inflections."""
    if not entry.endswith("+"):
        return [entry]
    s = entry[:-1]
    return [s, s + "ا", s + "ه", s + "ين", s + "ون", s + "ات", s + "ان", s + "تان"]


def _indefinite_object(entry: str, listed: str) -> str | None:
    """The indefinite accusative of a listed singular noun ('اختطف مسلحون طبيباً', 'قتل
    صبياً'): the noun with alif. Not for entries with ال, phrases, words ending in a vowel
    letter or ه (طفله), nor two-letter words, whose alif forms are other words (جدا, عما)."""
    if listed != "singular" or entry.endswith("+") or " " in entry or entry.startswith("ال"):
        return None
    if len(entry) < 3 or entry.endswith(("ا", "ه", "و", "ى", "ء")):
        return None
    return entry + "ا"


def _number_of(form: str, listed: str) -> str:
    """sg / pl / dual of an expanded form: -ين -ون -ات plural (the unvocalised -ين dual of a
    regular noun reads as a plural), -ان -تان dual; else as listed."""
    if form.endswith(("ين", "ون", "ات")):
        return "pl"
    if form.endswith(("ان", "تان")) and listed == "singular":
        return "dual"
    return listed


@dataclass(frozen=True)
class GapTrigger:
    """A word that is a trigger only with a partner word near it ('فقد مدني حياته')."""

    category: str
    words: frozenset[str]
    before: tuple[str, ...]  # partner word beginnings within `within` words before
    after: tuple[str, ...]  # ... or after
    within: int
    subject_loses: bool = False  # 'خسرت قوات النظام 16 عنصراً': the subject is the victim
    count_next: bool = False  # 'أسر 4 عناصر': fires when a count or one person comes next

    def fires(self, toks: list[Token], k: int) -> bool:
        """Whether token k is one of the words and a partner stands within reach."""
        if not any(s in self.words for s in stems(toks[k].word)):
            return False
        if self.count_next:  # past the subject: 'أسر الجيش الوطني 7 عناصر'
            j = k + 1
            while j < min(len(toks), k + 5) and toks[j].actor:
                j += 1
            return j < len(toks) and _counts_people(toks[j])
        before = toks[max(0, k - self.within) : k]
        after = toks[k + 1 : k + 1 + self.within]
        return _begins_with(before, self.before) or _begins_with(after, self.after)


def _counts_people(t: Token) -> bool:
    """A number, or one or two people without ال ('عنصرين', 'جندياً'): what a capture verb
    takes, where 'أسر' before anything else is 'families' (أسر الشهداء)."""
    if t.word.isdigit() or numbers.parse_number(t.word) is not None or numbers.dual_noun(t.word):
        return True
    if t.word in lexicon().one_more or t.word in lexicon().two_more:
        return True  # 'وأسر رابع'
    if numbers.starts_vague(t.word):
        return True  # 'وجرى أسر العديد من عناصر التنظيم', 'وأسر عدد من'
    one_or_two = t.person is not None and t.person[1] in ("singular", "dual")
    return one_or_two and not _definite(t.word)


def _definite(word: str) -> bool:
    """The word has ال, after و، ب or the ل that merges with it: 'الأطفال', 'والشهداء', 'للجرحى'."""
    return word.startswith(("ال", "وال", "بال", "لل"))


def _begins_with(toks: list[Token], beginnings: tuple[str, ...]) -> bool:
    """Whether any token, with or without its proclitics, begins with one of `beginnings`."""
    return bool(beginnings) and any(_starts(t.word, beginnings) for t in toks)


def _starts(word: str, beginnings: tuple[str, ...]) -> bool:
    """Whether the word, with or without its proclitics, begins with one of `beginnings`."""
    return any(s.startswith(beginnings) for s in stems(word))


@dataclass(frozen=True)
class Lexicon:
    """The casualty vocabulary, normalised, in the shapes the extractor looks things up."""

    trigger_word: dict[str, str]
    trigger_phrases: re.Pattern[str]
    trigger_phrase_cat: dict[str, str]
    gap_triggers: tuple[GapTrigger, ...]
    casualty_noun: dict[str, tuple[str, str]]  # form -> (category, sg|pl|dual)
    person: dict[str, tuple[str, str]]  # form -> (civilian|combatant, sg|pl)
    adjective_forms: frozenset[str]  # مدنية، عسكرية: a person only right after a verb or number
    not_people: frozenset[str]
    cumulative: re.Pattern[str]
    totals: frozenset[str]
    rising: frozenset[str]  # ارتفع، لترتفع: a count rising to a new figure
    negations: frozenset[str]
    news_nouns: frozenset[str]  # أنباء، معلومات: a negation reaches through them
    habitual: frozenset[str]  # دائماً، غالباً: what usually happens, not a figure
    men: frozenset[str]  # رجل، شاب: a single man, never the same one as a woman
    women: frozenset[str]  # امرأة، سيدة
    women_casualties: frozenset[str]  # شهيدة، جريحة: a woman, so a civilian
    severity: re.Pattern[str]  # ' خطيرة', ' حرجة' right after a noun: how badly hurt
    body_nouns: tuple[str, ...]  # جثة، جثمان: with a pronoun, bodies of people told
    felling_verbs: tuple[str, ...]  # أردى: 'أردوه قتيلاً' points back to the one shot
    contrast: re.Pattern[str]  # بينما، في حين: a rival account follows
    additions: re.Pattern[str]  # إضافة إلى: one more group of the casualties told
    civilian_services: re.Pattern[str]  # الدفاع المدني، الهلال الأحمر: their members are civilians
    councils: frozenset[str]  # مجلس: civil with a qualifier after it ('مجلس دير الزور المدني')
    council_qualifiers: frozenset[str]  # المدني، المحلي
    municipalities: frozenset[str]  # بلدية: civil on its own
    body_guards: frozenset[str]  # شرطة، حرس: a civil body's armed men
    releases: frozenset[str]
    unrealised: frozenset[str]
    sentencing: frozenset[str]  # حكمت: 'حكمت على 12 شخصاً بالإعدام' is no death
    countries: frozenset[str]  # تركيا: after 'في' a place, not a side
    formations: frozenset[str]  # اللواء، الفوج: 'N من اللواء 93' counts its men
    undergoing: tuple[str, ...]  # تعرض: 'تعرض شاب لإصابة'
    ruling_verbs: frozenset[str]  # قضى: 'ruled' before a court, not 'died'
    ruling_subjects: frozenset[str]  # محكمة، الاتفاق
    name_introducers: frozenset[str]  # المدعو: a person's name follows
    other_fates: frozenset[str]
    returns: frozenset[str]  # عاد، عودة: displaced people going home
    prisons: frozenset[str]  # 'الفرار من السجن': an escape, not a displacement
    carried_out: frozenset[str]
    result_verbs: tuple[str, ...]  # word beginnings
    charges: frozenset[str]
    fighting: frozenset[str]
    some_of: frozenset[str]
    affiliation: tuple[str, ...]  # word beginnings
    describing_state: tuple[str, ...]  # word beginnings: وهو، كان
    dwelling_verbs: tuple[str, ...]  # word beginnings: يقطنه، تأوي
    one_more: frozenset[str]
    two_more: frozenset[str]
    subset: re.Pattern[str]
    subset_words: frozenset[str]  # the one-word markers (بينهم، منهم، معظمهم)
    others: frozenset[str]
    attribution: frozenset[str]
    according_to: frozenset[str]  # بحسب، وفق: a source's name follows
    report_nouns: frozenset[str]  # حصيلة، تقرير: 'حصيلة للمرصد' is the monitor's
    perpetrator_cues: frozenset[str]  # برصاص، بقصف، يد: a side after them causes the casualties
    perpetrator_links: frozenset[str]  # من، مواقع: between such a cue and the side
    repel_verbs: frozenset[str]  # تصدت، أحبط: the attack after them failed
    mourning_verbs: frozenset[str]  # نعت: the mourner lost the dead and tells of them
    finding_bodies: frozenset[str]  # انتشال: 'بعد انتشال جثتين'
    strike_nouns: frozenset[str]  # غارة: a strike an announcing side may have flown
    suspects: tuple[str, ...]  # word beginnings: مطلوب، مشتبه
    rescue: tuple[str, ...]  # word beginnings: انقاذ
    perpetrator_verbs: tuple[str, ...]  # word beginnings: هاجم، استهدف
    attack_nouns: frozenset[str]  # هجوم، عدوان: with ال, an attack told before
    auxiliary_verbs: tuple[str, ...]  # word beginnings: تمكن، أقدم
    relay_verbs: tuple[str, ...]  # word beginnings: نقل
    civil_places: frozenset[str]
    both_sides: frozenset[str]  # الطرفين: a MIXED figure
    unnamed_soldiers: frozenset[str]  # جندي، ضباط: soldiers whose side goes unsaid
    unnamed_soldiers_side: str
    name_stops: frozenset[str]  # words that end a source's name read as written
    source_heads: frozenset[str]  # شبكة، منظمة: an unknown name after a word of saying
    list_titles: frozenset[str]  # نائب، قائد: a title after a comma describes the name before it
    waw_names: frozenset[str]  # وليد، وائل: names that begin with و (not 'and')
    given_names: frozenset[str]  # محمد، عبد الله: a name after a trigger with no person noun
    ala_nouns: frozenset[str]  # الطريق، الفور: 'على' before them is the preposition
    agents: frozenset[str]
    units: frozenset[str]  # دورية، مجموعة: with their side, a verb's subject
    ranks: frozenset[str]  # صفوف، فصيل: between a person and their side
    causes: frozenset[str]
    non_conflict: re.Pattern[str]
    non_conflict_cause: dict[str, str]  # normalised phrase -> accident | disaster | illness | crime


# Lexicon fields that are plain word sets read from the casualties.yaml entry of the same name.
_WORD_LISTS = (
    "not_people",
    "negations",
    "news_nouns",
    "habitual",
    "men",
    "women",
    "women_casualties",
    "releases",
    "returns",
    "prisons",
    "unrealised",
    "sentencing",
    "countries",
    "formations",
    "ruling_verbs",
    "ruling_subjects",
    "name_introducers",
    "other_fates",
    "carried_out",
    "charges",
    "fighting",
    "some_of",
    "one_more",
    "two_more",
    "others",
    "attribution",
    "according_to",
    "report_nouns",
    "name_stops",
    "source_heads",
    "list_titles",
    "waw_names",
    "given_names",
    "ala_nouns",
    "perpetrator_cues",
    "perpetrator_links",
    "repel_verbs",
    "mourning_verbs",
    "finding_bodies",
    "strike_nouns",
    "attack_nouns",
    "civil_places",
    "both_sides",
    "agents",
    "causes",
    "units",
    "ranks",
    "rising",
)


def _cue_pattern(cue: str) -> str:
    """A cue as a regex; a final ة (ه once normalised) may be a ت before a suffix:
    'منذ بداية' also matches 'منذ بدايتها'."""
    pattern = re.escape(normalize_word(cue))
    return pattern[:-1] + "(?:ه|ت)" if pattern.endswith("ه") else pattern


@cache
def lexicon() -> Lexicon:
    """Build the look-up tables once per process from `casualties.yaml`."""
    data = load("casualties.yaml")
    trigger_word: dict[str, str] = {}
    phrase_cat: dict[str, str] = {}
    triggers = {**data["triggers"], "killed": data["triggers"]["killed"] + data["mourning_verbs"]}
    for cat, words in triggers.items():
        for w in words:
            n = normalize_word(w)
            (phrase_cat if " " in n else trigger_word)[n] = cat
    casualty_noun = {}
    for cat, groups in data["casualty_nouns"].items():
        for number, words in groups.items():
            for w in words or []:
                casualty_noun[normalize_word(w)] = (cat, number)
    person: dict[str, tuple[str, str]] = {}
    regular, listed = set(), set()  # 'مدني+' gives مدنيه, an adjective unless listed itself
    for kind, groups in data["people"].items():
        for number, words in groups.items():
            for w in words:
                n = normalize_word(w)
                for form in _expand(n):
                    person.setdefault(form, (kind, _number_of(form, number)))
                accusative = _indefinite_object(n, number)
                if accusative:
                    person.setdefault(accusative, (kind, "singular"))
                if n.endswith("+"):
                    regular.add(n[:-1] + "ه")
                    person.setdefault(n[:-1] + "و", (kind, "pl"))  # 'مسلحو التنظيم': construct
                    person.setdefault(n[:-1] + "ي", (kind, "pl"))  # 'من قياديي قسد': the same
                else:
                    listed.add(n)
    cumulative = [_cue_pattern(c) for c in data["cumulative_cues"]]
    month = "(?:" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")(?!\w)"
    cumulative += [p.replace("{month}", month) for p in data.get("cumulative_patterns", [])]
    non_conflict = {
        v: cause
        for cause, phrases in data["non_conflict_causes"].items()
        for p in phrases
        for v in phrase_variants(p)
    }
    return Lexicon(
        trigger_word=trigger_word,
        trigger_phrases=phrase_regex(list(phrase_cat)),
        trigger_phrase_cat=phrase_cat,
        gap_triggers=tuple(
            GapTrigger(
                category=g["category"],
                words=word_set(g["words"]),
                before=tuple(word_set(g.get("before", []))),
                after=tuple(word_set(g.get("after", []))),
                within=g["within"],
                subject_loses=g.get("subject") == "victim",
                count_next=g.get("next") == "count",
            )
            for g in data["gap_triggers"]
        ),
        casualty_noun=casualty_noun,
        person=person,
        adjective_forms=frozenset(regular - listed),
        **{name: word_set(data[name]) for name in _WORD_LISTS},
        cumulative=re.compile("|".join(cumulative)),
        totals=word_set(data["total_cues"]),
        result_verbs=tuple(word_set(data["result_verbs"])),
        affiliation=tuple(word_set(data["affiliation"])),
        describing_state=tuple(word_set(data["describing_state"])),
        dwelling_verbs=tuple(word_set(data["dwelling_verbs"])),
        undergoing=tuple(word_set(data["undergoing"])),
        suspects=tuple(word_set(data["suspects"])),
        rescue=tuple(word_set(data["rescue"])),
        body_nouns=tuple(word_set(data["body_nouns"])),
        felling_verbs=tuple(word_set(data["felling_verbs"])),
        perpetrator_verbs=tuple(word_set(data["perpetrator_verbs"])),
        auxiliary_verbs=tuple(word_set(data["auxiliary_verbs"])),
        relay_verbs=tuple(word_set(data["relay_verbs"])),
        unnamed_soldiers=word_set(
            [w for e in data["unnamed_soldiers"]["nouns"] for w in _expand(e)]
        ),
        unnamed_soldiers_side=data["unnamed_soldiers"]["side"],
        subset=phrase_regex(data["subset_markers"]),
        subset_words=word_set([m for m in data["subset_markers"] if " " not in m.strip()]),
        non_conflict=phrase_regex(list(non_conflict)),
        non_conflict_cause=non_conflict,
        contrast=phrase_regex(data["contrast_openers"]),
        additions=phrase_regex(data["additions"]),
        civilian_services=phrase_regex(data["civilian_services"]),
        councils=word_set(data["civil_bodies"]["councils"]),
        council_qualifiers=word_set(data["civil_bodies"]["qualifiers"]),
        municipalities=word_set(data["civil_bodies"]["alone"]),
        body_guards=word_set(data["civil_bodies"]["armed"]),
        severity=re.compile(r" (?:" + "|".join(word_set(data["severity"])) + r")(?!\w)"),
    )


@lru_cache(maxsize=500_000)
def word_classes(word: str) -> tuple[str, tuple | None, tuple | None]:
    """(trigger category, casualty noun class, person class) of a word; cached, since news
    vocabulary repeats and this is the extractor's per-token hot path."""
    lex = lexicon()
    trigger = _lookup(lex.trigger_word, word) or _verb_with_object(word)
    casualty = _lookup(lex.casualty_noun, word)
    person = _lookup(lex.person, word)
    return (
        trigger[1] if trigger else "",
        casualty[1] if casualty else None,
        person[1] if person else None,
    )


def _verb_with_object(word: str) -> tuple[str, object] | None:
    """'قتله', 'قتلتها', 'لمقتلهما', 'اختطافهم': a trigger with an object pronoun (him, her,
    the two of them, them) is a trigger; a verbal noun's ة is written ت before the pronoun.
    (Only ه/ها/هما count people by themselves: see _suffixed.)"""
    for suffix in ("هما", "هم", "هن", "ه", "ها"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            hit = _lookup(lexicon().trigger_word, base)
            if hit is None and base.endswith("ت"):
                hit = _lookup(lexicon().trigger_word, base[:-1] + "ه")
            if hit:
                return hit
    return None


@lru_cache(maxsize=100_000)
def _object_form_only(word: str) -> bool:
    """A trigger only as verb + object pronoun ('قتلها'), not as a word of its own."""
    return _lookup(lexicon().trigger_word, word) is None and _verb_with_object(word) is not None


def _in(words: frozenset[str], word: str) -> bool:
    """Whether `word`, with or without proclitics, is one of `words`."""
    return any(s in words for s in stems(word))


def _lookup(table: dict, word: str) -> tuple[str, object] | None:
    """(stem, value) of the first form of `word` (with proclitics stripped) in `table`."""
    for s in stems(word):
        if s in table:
            return s, table[s]
    return None


# ----------------------------------------------------------------------------- sentence model
@dataclass
class Token:
    start: int
    end: int
    word: str
    trigger: str = ""  # category when the token is (part of) a trigger
    casualty: tuple[str, str] | None = None  # (category, number) for قتلى، جرحى ...
    person: tuple[str, str] | None = None  # (civilian|combatant, sg|pl)
    actor: str = ""  # side when the token is part of an actor name
    actor_weak: bool = False
    loses: bool = False  # a trigger whose subject suffers the casualties (خسرت)


@dataclass
class Figure:
    """A casualty figure being built, in normalised offsets."""

    start: int
    end: int
    category: str
    best: int | None
    low: int | None
    high: int | None
    qualifier: str
    victim: str = "UNKNOWN"
    scope: str = "incident"
    relation: str = ""
    unit: str = "people"
    claimed_by: str = ""
    perpetrator: str = ""
    cause: str = ""  # '' (violence, or not stated) | accident | disaster | illness | crime
    sentence: tuple[int, int] = (0, 0)
    q_start: int = 0  # where the number itself is
    q_end: int = 0
    noun_class: str = ""  # civilian | combatant | casualty | actor | others | pronoun | ''
    subset_parent: int | None = None  # index of the figure this one is part of
    mid: str = ""
    extras: dict = field(default_factory=dict)


class Sentence:
    """Tokens of one sentence with their lexical classes, and the quantities in it."""

    def __init__(self, norm: str, start: int, end: int, actors: list[ActorMatch]) -> None:
        lex = lexicon()
        self.start, self.end, self.norm = start, end, norm
        self.toks = [Token(s, e, w) for s, e, w in tokens(norm, start, end)]
        self.starts = [t.start for t in self.toks]
        for k, t in enumerate(self.toks):
            t.trigger, t.casualty, t.person = word_classes(t.word)
            if t.person and _month_after_day(self.toks, k):
                t.person = None  # 'يوم الثلاثاء 22 آب': August, not 'father'
            elif t.person and _adjective_here(self.toks, k):
                t.person = None  # 'سيارة مدنية', 'نقطة عسكرية', 'مجموعة مسلحة'
            if k and self.toks[k - 1].trigger and _ruling(self.toks[k - 1], t):
                self.toks[k - 1].trigger = ""  # 'قضت محكمة الإرهاب بسجن 3 شبان'
        self.doc_actors = actors
        self.actors = [a for a in actors if start <= a.start < end]
        for a in self.actors:
            for n, t in enumerate(self.span_tokens(a.start, a.end)):
                t.actor, t.actor_weak = a.side, a.weak
                if n and t.person and t.word.startswith("ال"):
                    t.person = None  # 'الأمن العسكري': part of a name, not a soldier
        for k, t in enumerate(self.toks):
            if t.trigger and _in(lex.mourning_verbs, t.word):
                t.loses = True  # 'نعت قسد مقاتلاً': the mourner lost the dead
            for gap in lex.gap_triggers if _gap_word(t.word) else ():
                if gap.fires(self.toks, k):
                    t.trigger = gap.category  # 'فقد مدني حياته', 'تحصد الألغام أرواح 7 عناصر'
                    t.loses = gap.subject_loses
        for m in lex.trigger_phrases.finditer(norm, start, end):
            cat = lex.trigger_phrase_cat.get(phrase_key(m.group("p")), "")
            for t in self.span_tokens(m.start(), m.end()):
                t.trigger = cat
        self.quantities = [
            _shift(q, start) for q in numbers.find_quantities(norm[start:end]) if _usable(q)
        ]

    def token_range(self, a: ActorMatch) -> tuple[int, int]:
        """Indices of the first and last tokens of a side's name in this sentence."""
        toks = self.span_tokens(a.start, a.end)
        first = self.position(toks[0])
        return first, first + len(toks) - 1

    def position(self, t: Token) -> int:
        """Index of token `t` in this sentence, found by its start (no two tokens share one)."""
        return self.index_at(t.start)

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect_left(self.starts, pos)

    def comma_between(self, a: int, b: int) -> bool:
        """Whether a comma stands in the text between offsets a and b (a new phrase starts)."""
        return any(c in self.norm[a:b] for c in "،,")

    def span_tokens(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping [start, end), including one that `start` falls inside."""
        i = self.index_at(start)
        if i > 0 and self.toks[i - 1].end > start:
            i -= 1
        out = []
        while i < len(self.toks) and self.toks[i].start < end:
            out.append(self.toks[i])
            i += 1
        return out


def _ruling(verb: Token, subject: Token) -> bool:
    """قضى with a court or a decree after it rules; it does not die."""
    lex = lexicon()
    return _in(lex.ruling_verbs, verb.word) and _in(lex.ruling_subjects, subject.word)


def _shift(q: numbers.Quantity, by: int) -> numbers.Quantity:
    return replace(
        q,
        start=q.start + by,
        end=q.end + by,
        num_start=(q.num_start + by) if q.num_start >= 0 else q.start + by,
        num_end=(q.num_end + by) if q.num_end >= 0 else q.end + by,
    )


def _usable(q: numbers.Quantity) -> bool:
    """Drop numbers that cannot be head counts: fractions, clock times, huge values."""
    if q.value is not None and (q.value != int(q.value) or q.value <= 0 or q.value > 10_000_000):
        return False
    if q.kind in ("vague", "dual"):
        return True  # 'وقتل العشرات من عناصر التنظيم', 'استشهد الطفلان': ال still counts
    return not (q.prefix.startswith("ال") and q.qualifier not in ("more_than", "at_least", "about"))


# ----------------------------------------------------------------------------- extraction
def extract_mentions(doc: Document) -> list[dict]:
    """Return one row per casualty figure, columns as `helpers.schema.MENTION_COLUMNS`."""
    nt = normalize(doc.text)
    norm = nt.text
    stop = main_text_end(norm)
    actors = find_actors(norm, 0, stop)
    figures: list[Figure] = []

    def written(a: int, b: int) -> str:
        return doc.text[slice(*nt.span(a, b))].strip(' "«»')

    previous: tuple[int, int] | None = None
    for s0, s1 in sentences(norm, stop):
        before, previous = previous, (s0, s1)
        if not _may_hold_figure(norm, s0, s1):
            continue
        sent = Sentence(norm, s0, s1, actors)
        if not sent.quantities and not any(t.trigger or t.casualty for t in sent.toks):
            continue
        found = [f for f in _figures_in_sentence(sent) if not in_link_line(norm, f.start)]
        cause = _non_conflict_cause(sent) if found else ""  # (not another story's headline
        # after 'اقرأ أيضاً')
        # the sentence before, tokenised once and only if an attack here points back to it
        told = cache(lambda b=before: Sentence(norm, *b, actors)) if before else None
        contrasts = _contrasts(norm, s0, s1)
        for f in found:
            f.sentence = (s0, s1)
            _resolve_victim(f, sent, actors, figures)
            f.scope = _scope(f, sent)
            f.claimed_by = _claimant(f, sent, norm, doc.outlet, written)
            f.extras["contrast_at"] = max((c for c in contrasts if c < f.start), default=-1)
            f.perpetrator = (
                _perpetrator(f, sent)
                or _attacker_told_before(f, sent, told)
                or _the_other_side(f, sent)
            )
            if f.victim == "UNKNOWN" and f.noun_class == "combatant":
                f.victim = _target_told_before(f, sent, told) or f.victim
            _vowelled_dual(f, written)
            _dual_thousand(f, written)
            f.cause = "" if f.perpetrator else cause
            figures.append(f)
        _share_side(found, sent)
        _share_scope(found)
    _relate(figures)
    return [_row(doc, nt, f, i) for i, f in enumerate(figures, 1)]


def _contrasts(norm: str, start: int, end: int) -> list[int]:
    """Where words setting a rival account ('بينما قالت', 'في حين أعلنت') stand in the sentence
    norm[start:end], with a word of saying within the three words after them."""
    return [
        m.start()
        for m in lexicon().contrast.finditer(norm, start, end)
        if _has_saying(norm[m.end() : m.end() + 30].split()[:3])
    ]


_GATE_WORD = re.compile(r"[^\W\d_A-Za-z]+")


@cache
def _phrase_heads() -> frozenset[str]:
    """Words that can start a casualty phrase the per-word classes do not cover."""
    heads = {p.split()[0] for p in lexicon().trigger_phrase_cat}
    return frozenset(heads | _gap_words())


def _adjective_here(toks: list[Token], k: int) -> bool:
    """A feminine singular of a regular people word (مدنية، عسكرية، مسلحة، مقاتلة) describes
    the noun before it ('سيارة مدنية', 'نقطة عسكرية', 'طائرة مقاتلة') unless it stands right
    after a verb or a number ('قتلت مدنية', 'إصابة مدنية')."""
    if not any(s in lexicon().adjective_forms for s in stems(toks[k].word)):
        return False
    prev = toks[k - 1] if k else None
    return prev is not None and not (prev.trigger or prev.casualty or prev.word[-1:].isdigit())


@lru_cache(maxsize=500_000)
def _gap_word(word: str) -> bool:
    """Whether the word (proclitics stripped) is one of the gap triggers' words: the cheap
    per-token test before `GapTrigger.fires` looks around it."""
    return any(s in _gap_words() for s in stems(word))


@cache
def _gap_words() -> frozenset[str]:
    return frozenset().union(*(g.words for g in lexicon().gap_triggers))


@lru_cache(maxsize=500_000)
def _casualty_word(word: str) -> bool:
    trigger, casualty, _ = word_classes(word)
    return bool(trigger or casualty or any(w in _phrase_heads() for w in stems(word)))


def _may_hold_figure(norm: str, start: int, end: int) -> bool:
    """Cheap test run before tokenising: a figure needs a casualty word in its sentence."""
    return any(map(_casualty_word, _GATE_WORD.findall(norm, start, end)))


def _figures_in_sentence(sent: Sentence) -> list[Figure]:
    out: list[Figure] = []
    used_triggers: set[int] = set()
    last_numeric_end = -1
    for q in sent.quantities:
        if q.kind == "vague" and _others_after_number(q, sent, last_numeric_end):
            continue
        f = _figure_from_quantity(q, sent, out, used_triggers)
        if f is not None:
            out.append(f)
        if q.kind != "vague":
            last_numeric_end = q.end
    out.extend(_figures_without_number(sent, out, used_triggers))
    out.sort(key=lambda f: (f.start, f.q_start))
    out = _others_as_adjective(out, sent)
    _mark_more_people(out, sent)
    out = _conjoined_people(out, sent)
    out = _coordinated_totals(out, sent)
    _one_of_those_before(out)
    _elided_counts(out, sent)
    _elided_people(out, sent)
    return out


def _elided_people(figs: list[Figure], sent: Sentence) -> None:
    """'وأصيب مدني بجروح طفيفة، وعنصر من الجيش الوطني بجروح خطيرة': after a comma, 'و' and
    a person (one or two, a side phrase allowed) followed by the same 'ب' word as the figure
    before it (بجروح، برصاص، بقصف) are more casualties of that figure's kind, its trigger
    left out."""
    toks = sent.toks
    for f in [g for g in figs if g.best is not None and g.subset_parent is None]:
        k = sent.index_at(f.end)
        if k >= len(toks) or not toks[k].word.startswith("ب"):
            continue
        if toks[k].trigger and toks[k].trigger != f.category:  # ('بجروح' after an injury)
            continue
        cue = toks[k].word
        j = next((n for n in range(k + 1, min(k + 5, len(toks))) if _and(toks[n].word)), None)
        if j is None or "،" not in sent.norm[toks[k].end : toks[j].start].replace(",", "،"):
            continue
        if any(t.trigger or t.casualty for t in toks[k + 1 : j]):
            continue  # (a person there belongs to the cue: 'برصاص قناص')
        found = _conjunct(sent, j)
        if found is None or found[2].kind not in ("civilian", "combatant") or found[0] > 2:
            continue
        n = _past_side(sent, sent.index_at(found[1]))  # ('من الجيش الوطني')
        if n >= len(toks) or toks[n].word != cue:
            continue
        if any(g.start <= toks[j].start < g.end for g in figs):
            continue
        figs.append(_part(f, sent, j, found))
    figs.sort(key=lambda g: (g.start, g.q_start))


def _elided_counts(figs: list[Figure], sent: Sentence) -> None:
    """'قتل 3 مدنيين في إدلب و2 في حلب', 'مقتل 7 مدنيين على يد قوات النظام، و3 على يد قسد': a
    bare number after 'و', followed by the same preposition or attack word as the figure before
    it, counts the same people under the same trigger (the noun and verb are left out). It is
    a part of what the figure before is a part of ('40 منهم على يد النظام، و20 على يد روسيا')
    while the parts still add up to no more than the whole."""
    for q in sent.quantities:
        if q.kind not in ("digits", "words") or q.best is None or not _after_and(sent, q):
            continue
        if any(f.start <= q.start < f.end for f in figs):
            continue
        prev = [f for f in figs if f.end <= q.start and f.best is not None]
        if not prev or not _parallel(sent, prev[-1], q):
            continue
        f = prev[-1]
        whole = figs[f.subset_parent] if f.subset_parent is not None else None
        if whole is not None and (whole.best or 0) < (f.best or 0) + q.best:
            f = whole  # 'قتل 3 مدنيين بينهم طفلان في درعا، و4 في حمص': 4 more, not a part
        g = replace(f, start=q.start, end=q.end, best=q.best, low=q.low, high=q.high)
        g.qualifier, g.q_start, g.q_end, g.extras = q.qualifier, q.start, q.end, dict(f.extras)
        g.extras.pop("parts", None)
        at = next((n for n, h in enumerate(figs) if h.start > q.start), len(figs))
        for h in figs:
            if h.subset_parent is not None and h.subset_parent >= at:
                h.subset_parent += 1
        figs.insert(at, g)


def _after_and(sent: Sentence, q: numbers.Quantity) -> bool:
    """The number starts a conjunct: 'و2', 'و 2', '، و3'."""
    if q.prefix.startswith("و"):
        return True
    i = sent.index_at(q.start) - 1
    return i >= 0 and sent.toks[i].word == "و" and sent.toks[i].end <= q.start


def _parallel(sent: Sentence, f: Figure, q: numbers.Quantity) -> bool:
    """The word after the figure and the word after the bare number are the same preposition,
    or both attack words ('بقصف' / 'برصاص'), with no trigger or number between them."""
    k, j = sent.index_at(f.end), sent.index_at(q.end)
    if j >= len(sent.toks) or k >= j or sent.norm[q.end : sent.toks[j].start].strip():
        return False
    between = sent.toks[k : sent.index_at(q.start)]
    if any(t.trigger or t.casualty or t.person for t in between):
        return False
    a, b = sent.toks[k].word, sent.toks[j].word
    same = a == b and a in _PREPOSITIONS
    return same or (_perpetrator_cue(a) and _perpetrator_cue(b))


def _one_of_those_before(figs: list[Figure]) -> None:
    """'أصيب مدنيان بجروح، أحدهما طفل': 'one of them' after a figure read without a number (a
    dual or a person noun, found after the numbers) is a part of it, not one more."""
    for n, f in enumerate(figs):
        if f.noun_class != "pronoun" or f.subset_parent is not None or f.best != 1:
            continue
        before = [g for g in figs[:n] if g.end <= f.q_start and g.category == f.category]
        whole = [g for g in before if g.subset_parent is None and not g.extras.get("part")]
        if whole and (whole[-1].best or 0) > 1:
            f.subset_parent, f.start = figs.index(whole[-1]), f.q_start
            f.extras["subset_local"] = True


def _mark_more_people(figs: list[Figure], sent: Sentence) -> None:
    """Mark figures that count more people of the same kind than one told before ('وقتل 4
    مدنيين آخرين', 'وقتل معه مسؤول ثانٍ'): they are never a repeat. Not when a figure of another
    category comes first in the sentence: in 'قتل عامل وإصابة 5 آخرين' the others are besides
    the dead; nor inside a list ('ومسؤول آخر' after a name), which has no number."""
    lex = lexicon()
    for n, f in enumerate(figs):
        others = any(_in(lex.others, w) for w in sent.norm[f.q_start : f.end].split())
        numbered = _quantity_at(sent, f.q_start, f.q_end) is not None
        k = sent.index_at(f.end)
        another = f.best == 1 and k < len(sent.toks) and sent.toks[k].word in lex.one_more
        more = (others and numbered) or another
        f.extras["others"] = more and all(g.category == f.category for g in figs[:n])


def _others_as_adjective(figs: list[Figure], sent: Sentence) -> list[Figure]:
    """'وإصابة مدنيين آخرين', '5 أطفال آخرين ووالدتهم': a vague 'others' right after a
    figure's noun describes that figure; it is not a second one. The figure's span takes it
    in, so a person joined after it ('ووالدتهم') is still read as the figure's next part."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.qualifier == "vague"
            and _others_word(f.extras.get("vague_word", ""))
            and f.category == prev.category
            and 0 <= f.q_start - prev.end <= 2
        ):
            prev.end = max(prev.end, f.end)
            continue
        out.append(f)
    return out


# --- 'مقتل رجل وزوجته وطفليه': people joined by 'و' after one trigger are one figure's parts
_POSSESSIVE = ("هما", "هم", "هن", "ها", "ه")


def _possessive_stems(word: str) -> Iterator[str]:
    """The noun under a possessive suffix ('عناصرها' -> 'عناصر'), and its spelling before the
    suffix repaired where Arabic changes it: والدتهما -> والده, أبناؤها -> ابناء."""
    for suffix in _POSSESSIVE:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        yield stem
        if stem.endswith("ت"):
            yield stem[:-1] + "ه"
        elif stem.endswith(("ؤ", "ئ")):
            yield stem[:-1] + "ء"


def _person_count(word: str) -> tuple[str, int | None] | None:
    """(kind, head count) of a person noun, possessive suffix allowed: 'زوجته' 1,
    'طفليها' / 'طفلاه' 2 (dual before a suffix), 'أطفالها' None (a plural: count not said)."""
    person = lexicon().person
    hit = _lookup(person, word)
    for stem in () if hit else _possessive_stems(word):
        if stem[-1] in "يا":  # طفلي+ها, طفلا+ه: a dual's construct form
            single = _lookup(person, stem[:-1])
            if not single and stem[-2] == "ت":  # طفلتي+ه: a feminine noun's dual
                single = _lookup(person, stem[:-2] + "ه")
            if single and single[1][1] == "singular":
                return single[1][0], 2
        hit = _lookup(person, stem)
        if hit:
            break
    if hit is None:
        return None
    kind, number = hit[1]
    return kind, {"singular": 1, "dual": 2}.get(number)


def _quantity_at(sent: Sentence, start: int, end: int) -> numbers.Quantity | None:
    return next((q for q in sent.quantities if start <= q.start < end), None)


def _conjunct(sent: Sentence, k: int) -> tuple[int, int, Counted] | None:
    """(count, end, what) of the people named by token k when it is 'و' + people: 'وزوجته',
    'وطفليه', 'وأطفالها الثلاثة', 'و3 أطفال', 'و 2 من عناصر', 'وثلاثة من أطفالها'. None for
    anything else (a new trigger, a thing, a plural whose number is not said)."""
    t = sent.toks[k]
    if t.word.lstrip("و") in _ALONG_WITH and k + 1 < len(sent.toks):
        t, k = sent.toks[k + 1], k + 1  # 'قيادي برفقة اثنين من مرافقيه': the same as 'و'
        body, word = k, ""
    elif not _and(t.word) or t.trigger or t.casualty or t.actor:
        return None
    else:
        body, word = (k, t.word[1:]) if len(t.word) > 1 else (k + 1, "")
    if body >= len(sent.toks):
        return None
    if not word:
        nxt = sent.toks[body]
        if nxt.trigger or nxt.casualty or nxt.actor:
            return None
        word = nxt.word
    q = _quantity_at(sent, t.start, sent.toks[body].end)
    if q is not None:
        if q.kind == "vague" or q.best is None:
            return None
        c = _counted(q, sent)
        if c is None or c.kind not in ("civilian", "combatant", "actor"):
            return None
        return q.best, max(q.end, c.end), c
    found = _person_count(word)
    if found is None:
        return None
    kind, n = found
    end = sent.toks[body].end
    if n is None:  # 'وأطفالها الثلاثة': the number follows the plural
        n, end = _number_word_after(sent, body)
        if n is None:
            return None
    return n, end, Counted(kind, end=end, noun=word)


_ALONG_WITH = frozenset(("برفقه", "رفقه", "بصحبه", "مع"))


def _number_word_after(sent: Sentence, k: int) -> tuple[int | None, int]:
    """(value, end) of a number word (with or without ال) right after token k: 'الثلاثة'."""
    if k + 1 >= len(sent.toks) or sent.norm[sent.toks[k].end : sent.toks[k + 1].start].strip():
        return None, -1
    nxt = sent.toks[k + 1]
    word = nxt.word[2:] if nxt.word.startswith("ال") else nxt.word
    value = numbers.parse_number(word) if word.isalpha() else None
    if not isinstance(value, int) or not 1 < value < 100:
        return None, -1
    return value, nxt.end


def _part(head: Figure, sent: Sentence, k: int, found: tuple[int, int, Counted]) -> Figure:
    n, end, counted = found
    f = Figure(
        start=sent.toks[k].start,
        end=end,
        category=head.category,
        best=n,
        low=n,
        high=n,
        qualifier="exact",
        q_start=sent.toks[k].start,
        q_end=end,
        noun_class=counted.kind,
    )
    f.extras["counted"] = counted
    return f


def _next_conjunct(sent: Sentence, end: int) -> int | None:
    """Index of the token right after a figure ending at `end`, past a side phrase ('من
    قوات النظام', 'من عناصر الفصائل', 'في صفوف قسد'); None when something other than spaces
    comes first (a comma, a dot)."""
    toks = sent.toks
    k = sent.index_at(end)
    if k >= len(toks) or sent.norm[end : toks[k].start].strip():
        return None
    if k + 1 < len(toks) and toks[k].word in ("من", "في"):
        j = k + 1
        if toks[j].word in lexicon().ranks or (toks[j].person and toks[j].person[0] == "combatant"):
            j += 1
        if j < len(toks) and toks[j].actor:
            k = j
    side = k
    while k < len(toks) and toks[k].actor:  # also the side of 'من مسلحي' + 'داعش'
        k += 1
    names = 0  # 'القيادي في الهيئة أبو محمد الشامي مع 3 من مرافقيه': his name after his side
    while k > side and k < len(toks) and names < 4 and _name_word(toks[k]):
        if toks[k].word in _ALONG_WITH or sent.norm[toks[k - 1].end : toks[k].start].strip(' "'):
            break
        k, names = k + 1, names + 1
    return k if k < len(toks) else None


def _leading_person(fig: Figure, sent: Sentence, figs: list[Figure]) -> Figure:
    """'قتل شاب وثلاثة مدنيين': the number's figure swallowed a person between its trigger
    and 'و'+number; split that person off as the first part and return it."""
    kq = sent.index_at(fig.q_start)
    if kq < 2 or kq >= len(sent.toks) or not _and(sent.toks[kq].word):
        return fig
    person = sent.toks[kq - 1]
    if person.start <= fig.start or not person.person or person.trigger:
        return fig
    found = _person_count(person.word)
    if found is None or found[1] is None:
        return fig
    first = _part(fig, sent, kq - 1, (found[1], person.end, Counted(found[0], end=person.end)))
    first.start = fig.start
    figs.append(first)
    fig.start = sent.toks[kq].start
    fig.extras["conjunct"] = True
    said = _conjunct(sent, kq)
    if said is not None:
        fig.end = max(fig.end, said[1])
        fig.extras["counted"] = said[2]
    return fig


def _conjoined_people(figs: list[Figure], sent: Sentence) -> list[Figure]:
    """Add the people joined to a figure by 'و' as figures of their own with the same trigger,
    so that `_coordinated_totals` reports their sum ('مقتل رجل وزوجته وطفليه': 4) and keeps
    each part (each with its own side: 'مقتل عنصر ومدني' is one of each)."""
    out = list(figs)
    for head in figs:
        if head.best is None or head.qualifier == "vague":
            continue
        if head.subset_parent is not None and not head.extras.get("subset_local"):
            continue  # (a part after بينهم may have people joined to it: 'طفلان وامرأة')
        if sent.norm[max(0, head.q_start - 2) : head.q_start].strip() in ("(", ":"):
            continue  # 'ثلاثة أشخاص (طفلان ومسلح)': a breakdown of the figure before
        last = _leading_person(head, sent, out)
        while (k := _next_conjunct(sent, named_end := _past_name(sent, last))) is not None:
            found = _conjunct(sent, k)
            if found is None or _both_sexes(last, sent.toks[k].word):
                break
            last.end = named_end  # the name belongs to the person it follows
            taken = [g for g in out if sent.toks[k].start <= g.q_start < found[1]]
            if taken:
                part = taken[0]
                if part.category != head.category and part.extras.get("trigger_after"):
                    part.category = head.category  # 'باستشهاد أب وابنتين له وإصابة 5'
                if part.category != head.category or part.subset_parent is not None:
                    break
                part.start = sent.toks[k].start
            else:
                part = _part(head, sent, k, found)
                out.append(part)
            if head.extras.get("subset_local"):
                part.extras["subset_local"] = True  # 'بينهم طفل وامرأة': both are parts
            part.extras["conjunct"] = True
            part.end = max(part.end, found[1])
            last = part
    out.sort(key=lambda f: (f.start, f.q_start))
    return out


def _both_sexes(f: Figure, word: str) -> bool:
    """'20 طفلاً وطفلة', '15 شاباً وشابة': a plural count, then the feminine of its noun, says the
    count holds both sexes; it is not one more person."""
    counted = f.extras.get("counted")
    if f.best is None or f.best < 3 or counted is None or not counted.noun:
        return False
    stem = normalize_word(counted.noun).removesuffix("ا")
    return word == "و" + stem + "ه"  # (tokens are normalised: ة is ه)


def _past_name(sent: Sentence, f: Figure) -> int:
    """Where a single person's figure ends once the name told after it is passed, quoted or
    not ('السيدة "فطيم البتال" وابنها', 'الطفل أحمد الخالد وشقيقه'); the figure's own end when
    no name of up to five words follows."""
    if f.best != 1:
        return f.end
    k = sent.index_at(f.end)
    end, names = f.end, 0
    if sent.norm[f.q_start : f.end].endswith(numbers.ONE_OF) and k < len(sent.toks):
        end, names, k = sent.toks[k].end, 1, k + 1  # 'أحد الكوادر مع سائقه': the group named
    while k < len(sent.toks) and names < 5:
        t = sent.toks[k]
        gap = sent.norm[end : t.start].strip()
        adjective = t.person is not None and t.person[1] == "singular" and not _and(t.word)
        ali = t.word == "علي" and _ali(sent.toks, k)  # 'الطفل علي محمد الحسن': the name
        if gap not in ("", '"') or not (_name_word(t) or adjective or ali):  # ('امرأة مسنة')
            break
        introducer = _in(lexicon().name_introducers, t.word)  # 'امرأة تدعى "فطيم البتال"'
        end, names, k = t.end, names + (not introducer), k + 1
    if names and sent.norm[end : end + 2].strip() == '"':
        end = sent.norm.index('"', end) + 1
    aside = _ASIDE.match(sent.norm, end, end + 28)
    if aside and not any(c.isdigit() for c in sent.norm[f.q_start : f.end]):
        return aside.end()  # 'امرأة (45 عاماً) وطفلها': her age, then the next person
    return end if names else f.end


# '(45 عاماً)' after a person, or '(37) عاماً،' with the comma that closes the aside
_ASIDE = re.compile(r" ?\([^()]{1,25}\)(?: ?(?:عاما|عام|سنه|سنوات|اعوام)(?!\w))?(?: ?،(?= ?و))?")


def _ali(toks: list[Token], k: int) -> bool:
    """'علي' (spelled like the preposition على once normalised) is the name when a first name
    follows it ('علي محمد الحسن'), not a noun ('على يد', 'على الطريق')."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and k and _fathers_name(toks[k - 1], nxt):
        return True  # 'الطفل محمد علي الحسن': between a given name and a family name
    return nxt is not None and nxt.word != "يد" and not _definite(nxt.word) and _name_word(nxt)


def _name_like(word: str) -> bool:
    """Letters only, and neither a preposition nor a word that ends a name."""
    return word.isalpha() and word not in _PREPOSITIONS and word not in lexicon().name_stops


def _name_word(t: Token) -> bool:
    """A token that can be part of a person's name: a plain word, not a trigger, person, side,
    casualty noun, preposition or a word that ends a name."""
    if t.trigger or t.person or t.actor or t.casualty or not _name_like(t.word):
        return False
    return not _and(t.word) or t.word in lexicon().waw_names  # ('مراسلة وكالة هاوار')


def _joined_by_and(norm: str, a: int, b: int) -> bool:
    """Only 'و' (as a word or glued to the next number) between two figures."""
    gap = norm[a:b].strip(" ،,")
    return gap == "و" or (gap == "" and _and(norm[b : b + 6].split(" ")[0]))


_ONE_WORDS = ("واحد", "واحده", "واحدا")


def _and(word: str) -> bool:
    """The word starts with the conjunction و ('وثلاثة', 'وزوجته'), unlike 'واحد' (one):
    'شخص واحد' is one person, not a person and another."""
    return word.startswith("و") and word not in _ONE_WORDS


def _coordinated_totals(figs: list[Figure], sent: Sentence) -> list[Figure]:
    """'مقتل طفلتين وأربعة آخرين': one trigger, several joined numbers. The total is the
    figure the text reports; its parts are kept (subset_of the total, or, when the parts are
    of different sides, the total is an aggregate_of them and the parts are counted)."""
    out: list[Figure] = []
    group: list[Figure] = []

    def flush() -> None:
        whole = [g for g in out if not g.extras.get("part") and g.subset_parent is None]
        if whole and _breaks_down(group, whole[-1], sent):
            for g in group:  # 'قتل 7 أشخاص، 5 أطفال وامرأتان': parts of the 7, not 7 more
                g.subset_parent, g.start = out.index(whole[-1]), g.q_start
                g.extras["subset_local"] = True
        elif len(group) > 1 and all(g.best is not None and g.qualifier != "vague" for g in group):
            total = Figure(
                start=group[0].start,
                end=group[-1].end,
                category=group[0].category,
                best=sum(g.best for g in group),
                low=sum(g.low or 0 for g in group),
                high=None if any(g.high is None for g in group) else sum(g.high for g in group),
                qualifier="exact" if all(g.qualifier == "exact" for g in group) else "at_least",
                q_start=group[0].q_start,
                q_end=group[-1].q_end,
                noun_class=group[0].noun_class,
            )
            total.extras["parts"] = list(group)
            for g in group:
                g.extras["part"] = True
            total.extras["counted"] = group[0].extras.get("counted")
            out.append(total)
        out.extend(group)
        group.clear()

    for f in figs:
        joined = (
            group
            and f.category == group[-1].category
            and f.subset_parent is None
            and not f.extras.get("subset_local")
            and (
                (
                    (f.start == group[-1].start or f.extras.get("conjunct"))
                    and _joined_by_and(sent.norm, group[-1].end, f.q_start)
                )
                or _added_with_its_trigger(sent, group[-1], f)
            )
        )
        if not joined:
            flush()
        group.append(f)
    flush()
    return out


def _added_with_its_trigger(sent: Sentence, before: Figure, f: Figure) -> bool:
    """'أصيب أطفال الفقيد (حسين، خلود، إيمان)، إلى جانب إصابة زوجته': a figure with its own
    trigger right after a word of addition adds its people to the figure before, of the same
    category, and the two are told as one total. Nothing but the first figure's own words (no
    other trigger) stands between them."""
    if f.start <= before.end or f.q_start == f.start or f.start - before.end > 80:
        return False
    if before.qualifier == "vague" or f.qualifier == "vague" or before.best is None:
        return False
    m = next(
        (
            a
            for a in lexicon().additions.finditer(sent.norm, before.end, f.start)
            if not sent.norm[a.end() : f.start].strip()
        ),
        None,
    )  # the word of addition right before the figure
    if m is None:
        return False
    between = sent.span_tokens(before.end, m.start())
    wound = [t for t in between if t.trigger == f.category and t.word.startswith("ب")]
    return not any((t.trigger or t.casualty) and t not in wound for t in between)  # ('بجروح')


_APPOSITION_GAP = " ،,:-–—"


def _breaks_down(group: list[Figure], prev: Figure, sent: Sentence) -> bool:
    """Numbers told right after a figure, with only a comma, colon or dash between, under the
    same trigger and adding up to no more than it, say who the figure's people were ('قتل 7
    أشخاص: 5 أطفال وامرأتان'). Joined by 'و' or past the figure's number, they are more
    people ('قتل 3 عناصر، وأصيب 5')."""
    first = group[0] if group else None
    if first is None or prev.best is None or first.start != prev.start:
        return False
    gap = sent.norm[prev.end : first.q_start]
    if first.subset_parent is not None or (
        gap.strip(_APPOSITION_GAP) and not _sides_then_comma(sent, prev.end, first.q_start)
    ):
        return False
    if any(g.best is None or g.category != prev.category for g in group):
        return False
    if prev.noun_class in ("combatant", "actor") and any(g.noun_class == "civilian" for g in group):
        return False  # 'قتل 3 عناصر من قسد، 2 مدنيين': fighters are not broken down into civilians
    return sum(g.best for g in group) <= prev.best


def _sides_then_comma(sent: Sentence, a: int, b: int) -> bool:
    """norm[a:b] is 'من' + the sides the figure's people belong to, then a comma or colon
    ('قتل 4 عناصر من الطرفين، 3 من قسد و1 من الفصائل'): the figure's own words."""
    toks = [t for t in sent.toks if a <= t.start < b]
    if not toks or toks[0].word != "من" or not any(c in sent.norm[toks[-1].end : b] for c in "،,:"):
        return False
    return all(t.actor or _in(lexicon().both_sides, t.word) or _and(t.word) for t in toks[1:])


def _others_after_number(q: numbers.Quantity, sent: Sentence, last_end: int) -> bool:
    """'5 آخرين': the vague 'others' word is the noun of the number before it."""
    return _others_word(q.vague_word) and 0 <= q.start - last_end <= 2


def _others_word(vague_word: str) -> bool:
    """The vague word is one of 'others' (آخرين، عدد آخر): it names people, not only a count."""
    return bool(vague_word) and normalize_word(vague_word) in lexicon().others


# --- what a number counts
@dataclass
class Counted:
    kind: str  # civilian | combatant | casualty | actor | others | pronoun | '' (nothing said)
    category: str = ""  # for casualty nouns
    end: int = -1  # end of the noun phrase (normalised offset)
    side: str = ""  # side named inside the noun phrase
    noun: str = ""
    singular: bool = False
    dual: bool = False
    possessive: bool = False  # 'أفراده': the people of the side named just before
    event: bool = False  # a verbal noun counted ('2357 إصابة'), not people


_QUAL_AFTER = {"علي", "الاقل", "فقط", "تقريبا", "اضافه", "الي", "اخر", "بجروح", "بجراح"}
_PRONOUNS = {"منهم", "منها", "منه", "منهما", "منهن"}


_MONTH_WORDS = frozenset(name.split()[0] for name in MONTHS)


def _month_after_day(toks: list[Token], k: int) -> bool:
    """Token k is a month name after a day number ('22 آب', 'الـ22 من آب')."""
    if k >= len(toks) or toks[k].word not in _MONTH_WORDS:
        return False
    j = k - 1
    if j >= 0 and toks[j].word == "من":
        j -= 1
    return j >= 0 and toks[j].word[-1:].isdigit()


def _counted(q: numbers.Quantity, sent: Sentence) -> Counted | None:
    """What the quantity counts, from the words after it; None when it counts things."""
    lex = lexicon()
    if q.kind == "one" and q.noun == numbers.ONE_OF_THEM:
        return _one_of_them(q, sent)
    if q.kind in ("dual", "one") and q.noun:
        c = _classify_noun(normalize_word(q.noun), sent, q.end)
        if c is None or c.kind == "thing":
            return None
        return c
    i = sent.index_at(q.end)
    toks = sent.toks
    if i < len(toks) and sent.comma_between(q.end, toks[i].start):
        return Counted("")  # 'وعددهم 11، إلى مشفى': the words after the comma count nothing
    while i < len(toks) and toks[i].word in _QUAL_AFTER and toks[i].start - q.end < 16:
        i += 1
    if i >= len(toks) or toks[i].start - q.end > 12:
        return Counted("")
    t = toks[i]
    joined = t.word.startswith("و") and t.word not in lex.trigger_word  # not 'وفيات'
    if joined and t.casualty and t.word[1:] not in lex.person:
        return Counted("")  # 'ارتفع عدد الشهداء إلى 5 والجرحى إلى 15': a new conjunct
    if q.kind == "vague" and q.prefix.endswith("ال") and t.word not in ("من", "عن"):
        return Counted("")  # 'وشيّع الآلاف جثمان القيادي': 'the thousands' are a noun of their own
    if t.word in _MONTH_WORDS or (t.word == "من" and _month_after_day(toks, i + 1)):
        return None  # 'يوم الثلاثاء 22 آب': a day of the month ('آب' is also 'father')
    counted_event = None if _dates_event(q) else _event_noun(sent, i, q.end)
    if counted_event is not None:
        return counted_event
    if _prepositional_thing(t):
        return Counted("")  # 'أصيب العشرات بحالات اختناق': how they were hurt, not what counts
    if _in(lex.units, t.word):
        return None  # 'اعتقلت القوات 3 خلايا': groups, not head counts
    c = _classify_token(t, sent)
    if c is None and numbers.ends_in_scale_word(q.text):
        c = _nationality_after_thousands(t, sent)
    if c is not None:
        return None if c.kind == "thing" else _killed_and_injured(c, sent, i)
    if t.word in ("من", "عن") and i + 1 < len(toks):
        nxt = toks[i + 1]
        if _in(lex.formations, nxt.word):
            return Counted("combatant", end=nxt.end, noun=nxt.word)  # '2 من اللواء 93'
        c = _classify_token(nxt, sent)
        if c is not None:
            return None if c.kind == "thing" else c
        if nxt.word in lex.ranks and i + 2 < len(toks):
            c2 = _classify_token(toks[i + 2], sent)
            if c2 is not None and c2.kind == "actor":
                return c2
        return Counted("")
    if t.word in _PRONOUNS:
        return Counted("pronoun", end=t.end)
    if _in(lex.others, t.word):
        return Counted("others", end=t.end)
    if t.word in ("عدد", "اعداد") and _relative_clause(toks, i + 1):
        return Counted("relative", end=toks[i + 1].end)  # 'يرتفع إلى 45 عدد الذين قتلوا'
    if t.word in ("عدد", "اعداد") and i + 1 < len(toks):
        c = _classify_token(toks[i + 1], sent)
        if c is not None and c.kind != "thing":
            return c
    if _in(lex.not_people, t.word):
        return None
    return Counted("")


def _nationality_after_thousands(t: Token, sent: Sentence) -> Counted | None:
    """'6.8 مليون سوري', '3 آلاف فلسطيني': after thousands the counted noun is singular, so a
    nationality word, elsewhere an adjective, names people: the people its plural names."""
    c = _classify_noun(t.word + "ين", sent, t.end)
    return c if c is not None and c.kind == "civilian" else None


def _prepositional_thing(t: Token) -> bool:
    """A thing word behind the preposition ب or ل ('بحالات', 'بجروح'): a counted noun follows
    its number bare, so this one says how or why, not what is counted."""
    if t.word[:1] not in ("ب", "ل") or t.person or t.casualty:
        return False
    not_people = lexicon().not_people
    return t.word not in not_people and any(s in not_people for s in stems(t.word)[1:])


def _one_of_them(q: numbers.Quantity, sent: Sentence) -> Counted | None:
    """'مقتل أحدهما', 'أحدهم قتل اليوم': one of a group, when a trigger stands right before
    or after it. After a noun it describes one of the people counted ('مدنيين أحدهم بحالة
    خطيرة', 'عائلتان إحداهما تركية'): no figure."""
    i = sent.index_at(q.start)
    before = sent.toks[i - 1] if i > 0 else None
    after = sent.toks[i + 1] if i + 1 < len(sent.toks) else None
    if (before is not None and before.trigger) or (after is not None and after.trigger):
        return Counted("pronoun", end=q.end)
    return None


_RELATIVES = frozenset(("الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللائي", "ممن"))


def _relative_clause(toks: list[Token], k: int) -> bool:
    """A relative clause starts at token k: 'الذين قتلوا', 'من قضوا' (من before a trigger)."""
    if k >= len(toks):
        return False
    if toks[k].word in _RELATIVES:
        return True
    return toks[k].word == "من" and k + 1 < len(toks) and bool(toks[k + 1].trigger)


def _killed_and_injured(c: Counted, sent: Sentence, i: int) -> Counted:
    """'6 شهداء وجرحى': a killed noun and an injured noun under one number count both."""
    if c.kind != "casualty" or i + 1 >= len(sent.toks):
        return c
    nxt = sent.toks[i + 1]
    if (
        nxt.word.startswith("و")
        and nxt.casualty
        and {nxt.casualty[0], c.category} == {"killed", "injured"}
        and not sent.norm[sent.toks[i].end : nxt.start].strip()
    ):
        return replace(c, category=COMBINED, end=nxt.end)
    return c


def _dates_event(q: numbers.Quantity) -> bool:
    """'في 2023 مقتل خمسة': a year (not a round number such as 2000, which may be a count) before
    a verbal noun dates the event rather than counting it."""
    return q.qualifier == "exact" and numbers.is_year(q.text) and q.best % 100 != 0


def _event_noun(sent: Sentence, i: int, number_end: int) -> Counted | None:
    """'1300 إصابة', '5 حالات وفاة': a casualty verbal noun right after the number is what it
    counts (Arabic counts 11+ with a singular noun), before any trigger further back."""
    t = sent.toks[i]
    joined = t.word.startswith("و") and t.word not in lexicon().trigger_word  # not 'وفاة'
    if sent.norm[number_end : t.start].strip() or joined:
        return None
    cases = t.word in ("حاله", "حالات") and i + 1 < len(sent.toks) and sent.toks[i + 1].trigger
    if cases:
        t = sent.toks[i + 1]
    kinds = ("killed", "injured", "detained") if cases else ("killed", "injured")
    if t.trigger not in kinds or t.casualty or t.person:  # ('7 حالات اختطاف': 7 people)
        return None
    return Counted("casualty", category=t.trigger, end=t.end, noun=t.word, event=True)


def _classify_noun(word: str, sent: Sentence, at: int) -> Counted | None:
    lex = lexicon()
    hit = _lookup(lex.casualty_noun, word)
    if hit:
        cat, number = hit[1]
        return Counted("casualty", category=cat, end=at, noun=hit[0], singular=number == "singular")
    hit = _lookup(lex.person, word)
    if hit:
        kind, number = hit[1]
        own = kind == "combatant" and any(
            hit[0].endswith(x) and hit[0][: -len(x)] in lex.person for x in ("ه", "ها", "هم")
        )
        return Counted(
            kind,
            end=at,
            noun=hit[0],
            singular=number == "singular",
            dual=number == "dual",
            possessive=own,
        )
    owned = _person_count(word)  # 'أفراده', 'عناصرها': their own people
    if owned:  # ('سائقها': one, its driver; 'والداه': his two parents)
        kind, n = owned
        return Counted(kind, end=at, noun=word, possessive=True, singular=n == 1, dual=n == 2)
    side = adjective_side(word)
    if side:
        return Counted("actor", end=at, side=side, noun=word)
    if _in(lex.not_people, word):
        return Counted("thing")
    return Counted("")


def _person_phrase(t: Token, sent: Sentence) -> Counted | None:
    """A two-word person entry of casualties.yaml starting at `t` ('أفراد عائلة', family
    members: civilians, where 'أفراد' alone is a side's members), read whole."""
    k = sent.index_at(t.end)
    if k >= len(sent.toks) or sent.norm[t.end : sent.toks[k].start].strip():
        return None
    nxt = sent.toks[k]
    person = lexicon().person
    for a in stems(t.word):
        for b in stems(nxt.word):
            hit = person.get(f"{a} {b}")
            if hit:
                kind, number = hit
                return Counted(kind, end=nxt.end, noun=f"{a} {b}", singular=number == "singular")
    return None


def _classify_token(t: Token, sent: Sentence) -> Counted | None:
    """Class of a noun token: casualty noun, kind of person, actor name, thing, or None."""
    if t.actor and not t.actor_weak:
        return Counted("actor", end=t.end, side=t.actor, noun=t.word)
    c = _person_phrase(t, sent) if t.person else None
    if c is not None:
        return c
    c = _classify_noun(t.word, sent, t.end)
    if c is not None and c.kind:
        return c
    if t.actor:  # weak names (التنظيم) count only when nothing else fits
        return Counted("actor", end=t.end, side=t.actor, noun=t.word)
    return None


# --- which trigger governs a number
def _trigger_before(
    sent: Sentence, pos: int, done: list[Figure] | None = None
) -> tuple[int, str] | None:
    """(token index, category) of the closest trigger before `pos` within the window.

    The search stops at a person noun that no figure has taken yet: in 'تقتل مدنياً وتجرح 5'
    the first verb governs 'مدنياً', not the 5. 'عدد المصابين ... إلى 11' takes its category
    from the casualty noun after عدد/حصيلة."""
    taken = [(f.start, f.end) for f in done or []]
    i = sent.index_at(pos) - 1
    steps = 0
    lo = max(sent.start, pos - 80)
    wall = max((m.end() for m in lexicon().contrast.finditer(sent.norm, lo, pos)), default=-1)
    are = i >= 0 and sent.toks[i].word in _ARE  # 'فإن القتلى (في القرية) هم 4'
    while i >= 0 and steps < WINDOW_BEFORE:
        t = sent.toks[i]
        if t.start < wall:
            return None  # 'إلى 25 قتيلاً، في حين لا يزال 10 أشخاص مفقودين': a clause of its own
        if t.trigger:
            return i, _combined(sent, i)
        rises_to = steps == 1 and sent.toks[i + 1].word == "الي"  # 'والجرحى إلى 15'
        if _count_of(sent, i) or (t.casualty and rises_to):
            return i, t.casualty[0]
        if t.casualty and _definite(t.word.removeprefix("و")) and are and steps <= 4:
            return i, t.casualty[0]
        if steps == 0 and t.casualty and t.casualty[1] == "plural" and _toll_told(sent, i, pos):
            return i, t.casualty[0]  # 'قال المرصد إن القتلى 6 بينهم عنصران': the dead are 6
        if t.word in _THAT:
            return None  # 'أن امرأة قتلت وأن طفلين أصيبا': أن opens a clause of its own
        if _deed_of(t.word):
            return None  # 'قتل 3 أشخاص في هجوم نفذه 10 مسلحين': the 10 did it
        taken_here = any(a <= t.start < b for a, b in taken)
        if _in(lexicon().other_fates, t.word):
            return None  # 'قتل 4 أشخاص، وفقد 3 آخرون': the 3 are missing
        named = t.actor and not t.casualty  # 'الأمن العسكري': a word of a side's name
        described = t.person and i > 0 and sent.toks[i - 1].casualty  # 'الضحايا المدنيين'
        subject = _subject(t) or _subject_of_side(sent, i, pos) or _construct_subject(sent, i, pos)
        if (t.person or t.casualty) and not (
            taken_here or named or described or subject or _made_of(sent, i)
        ):
            return None
        i -= 1
        steps += 1
    return None


def _toll_told(sent: Sentence, i: int, pos: int) -> bool:
    """Token i, a definite plural casualty noun right before the number at `pos`, states the
    toll ('إن القتلى 6'): nothing counted follows the number but a clause end or 'بينهم'."""
    if not _definite(sent.toks[i].word.removeprefix("و")):
        return False
    k = sent.index_at(pos) + 1
    if k >= len(sent.toks):
        return True
    nxt = sent.toks[k]
    return sent.comma_between(sent.toks[k - 1].end, nxt.start) or nxt.word in ("بينهم", "بينهن")


def _deed_of(word: str) -> bool:
    """A verb of attacking with the pronoun of the attack it tells ('نفذه', 'شنها'): its
    subject comes next."""
    verbs = lexicon().perpetrator_verbs
    return word.endswith(("ه", "ها")) and any(
        word.startswith(v) and len(word) - len(v) in (1, 2) for v in verbs
    )


_ARE = frozenset(("هم", "هن", "كانوا", "كن"))  # 'القتلى هم': the dead are ...


def _second_object(sent: Sentence, q: numbers.Quantity) -> tuple[int, str] | None:
    """'قتل قائد الفصيل و2 من مرافقيه': a number joined by و to the person named right after a
    trigger is that trigger's second object. (The search back from a number stops at an
    untaken person, which in 'تقتل مدنياً وتجرح 5' rightly keeps the first verb from the 5.)"""
    i = sent.index_at(q.start)
    joined = q.prefix.startswith("و") or (i > 0 and sent.toks[i - 1].word == "و")
    if not joined or q.kind == "vague":
        return None
    for k in range(i - 2, max(-1, i - 2 - WINDOW_BEFORE), -1):
        t = sent.toks[k]
        if sent.comma_between(t.end, sent.toks[k + 1].start):
            return None  # a new clause, not the same object phrase
        nxt = next((x for x in sent.toks[k + 1 : i] if not x.actor), None)  # past 'قسد'
        if t.trigger and nxt is not None and nxt.person:
            return k, _combined(sent, k)
        if t.trigger or t.casualty or t.word in _PARTIES or _quantity_at(sent, t.start, t.end):
            return None  # ('اشتباكات بين قسد و...': the و joins the two parties)
    return None


_PARTIES = frozenset(("بين", "مع", "ضد"))
_THAT = frozenset(("ان", "وان", "بان", "لان", "فان"))  # أن/إن, normalised, with a proclitic


def _made_of(sent: Sentence, i: int) -> bool:
    """'عائلة كاملة مؤلفة من 6 أفراد': the people of token i are counted by the number after
    'مؤلفة/مكونة من' (within three words), so they do not stop the search for its trigger."""
    for k in range(i + 1, min(i + 4, len(sent.toks) - 1)):
        if sent.toks[k].word.startswith(("مؤلف", "مكون")) and sent.toks[k + 1].word == "من":
            return True
    return False


def _members_of_unit(f: Figure, sent: Sentence) -> str:
    """The side of the men of an armed unit the figure counts ('خلية لتنظيم داعش مؤلفة من 6
    أشخاص'; UNKNOWN when unnamed: 'عصابة مكونة من 4 أشخاص'): a unit of casualties.yaml up
    to three words before 'مؤلفة/مكونة من' and the number; '' for anything else."""
    i = sent.index_at(f.q_start)
    if (
        i < 3
        or sent.toks[i - 1].word != "من"
        or not sent.toks[i - 2].word.startswith(("مؤلف", "مكون"))
    ):
        return ""
    for k in range(i - 3, max(-1, i - 6), -1):
        if sent.toks[k].word in lexicon().units:
            named = [t.actor for t in sent.toks[k + 1 : i - 2] if t.actor and not t.actor_weak]
            return named[0] if named else "UNKNOWN"
    return ""


def _members_of_family(f: Figure, sent: Sentence) -> bool:
    """'عائلة مؤلفة من 6 أفراد', '6 أفراد من عائلة واحدة': members of a family are civilians
    (where 'أفراد' alone are a side's members)."""
    i = sent.index_at(f.q_start)
    if any(
        (t := sent.toks[k]).person and t.person[0] == "civilian" and _made_of(sent, k)
        for k in range(max(0, i - 4), i)
    ):
        return True
    k = sent.index_at(f.end)
    return (
        k + 1 < len(sent.toks)
        and sent.toks[k].word == "من"
        and _in(_FAMILY_WORDS, sent.toks[k + 1].word)
    )


def _increment_of_total(sent: Sentence, i: int, done: list[Figure], category: str) -> bool:
    """Whether trigger i, right after 'بعد/إثر' (and a word of finding bodies), tells how a total
    just given in the sentence rose ('ارتفعت الحصيلة إلى 11 قتيلاً بعد وفاة 2 من الجرحى')."""
    while i > 0 and sent.toks[i - 1].word in lexicon().finding_bodies:
        i -= 1  # 'إلى 13 شهيداً بعد انتشال جثتين', 'بعد العثور على 3 جثث'
    if i == 0 or sent.toks[i - 1].word.lstrip("و") not in ("بعد", "اثر"):
        return False
    last = done[-1] if done else None
    if last is None or last.category != category or last.best is None:
        return False
    totals = lexicon().totals
    before = sent.toks[: sent.index_at(last.q_start)]
    return any(_in(totals, t.word) for t in before)


def _subject(t: Token) -> bool:
    """'قتل مسلحون مجهولون 4 أشخاص': a nominative plural person (-ون) between a verb and a
    number is the verb's subject, so the verb still governs the people counted after it."""
    return bool(t.person) and t.word.endswith("ون") and t.person[1] != "singular"


def _subject_of_side(sent: Sentence, i: int, pos: int) -> bool:
    """'قتل عناصر النظام 3 مدنيين': a plural person named by a side, with the number right
    after the side's name, is the verb's subject; the number is its object."""
    t = sent.toks[i]
    if not t.person or t.person[1] == "singular" or i + 1 >= len(sent.toks):
        return False
    k = i + 2 if sent.toks[i + 1].word == "من" and i + 2 < len(sent.toks) else i + 1
    a = next((a for a in sent.actors if a.start == sent.toks[k].start), None)  # ('عناصر من قسد')
    return a is not None and not sent.norm[a.end : pos].strip(' "')


def _construct_subject(sent: Sentence, i: int, pos: int) -> bool:
    """'اقتادت عناصر الأمن 4 شبان': a plural person in construct with one definite noun, right
    before the number, is the verb's subject; the number is its object."""
    t = sent.toks[i]
    if not t.person or t.person[1] == "singular" or _definite(t.word) or i + 1 >= len(sent.toks):
        return False
    owner = sent.toks[i + 1]
    return (
        _definite(owner.word)
        and not owner.person
        and not owner.casualty
        and not sent.norm[owner.end : pos].strip()
    )


def _combined(sent: Sentence, i: int) -> str:
    """'مقتل وإصابة' / 'قتل وجرح': two joined triggers of killed and injured."""
    cat = sent.toks[i].trigger
    j = i
    while j > 0 and sent.toks[j].trigger == cat:
        j -= 1
    prev, first = sent.toks[j], sent.toks[min(j + 1, i)]
    while j > 0 and sent.toks[j - 1].trigger == prev.trigger:
        j -= 1  # 'لقوا حتفهم وجرح 11': the whole first trigger
    k = j - 2 if _at_least_at(sent, j - 2) else j  # 'شخصاً على الأقل قتل وأصيب 3'
    # 'شخصين قتلا وأصيب 2', 'طفلتين قتلتا وأصيب 4': the first trigger has its own figure
    owned = _has_owner(sent, k) or (j == i - 1 and _suffixed(sent, j) is not None)
    # ('لإصابته ومقتل اثنين': his own)
    # 'لقي 3 عناصر مصرعهم وجرح آخرون': the pronoun on the first trigger is its own subject
    owned = owned or prev.word.endswith(("هم", "هن"))
    # '6 عناصر من قوات النظام قتلوا وجرح 3', '4 أشخاص لقوا حتفهم وجرح 11' (but in 'قتلوا
    # وجرحوا 40' both verbs share their subject and object)
    plural = ("وا", "تا")
    owned = owned or (
        any(t.word.endswith(plural) for t in sent.toks[j:i]) and not first.word.endswith(plural)
    )
    if (
        j < i
        and prev.trigger
        and not owned
        and not sent.comma_between(prev.end, first.start)
        and {prev.trigger, cat} == {"killed", "injured"}
        and first.word.startswith("و")
    ):
        return COMBINED
    if i + 1 < len(sent.toks) and not _has_owner(sent, i):
        nxt = sent.toks[i + 1]
        if nxt.word.startswith("و") and nxt.trigger and {nxt.trigger, cat} == {"killed", "injured"}:
            return COMBINED
    return cat


def _has_owner(sent: Sentence, i: int) -> bool:
    """The people right before trigger i are its subject ('لقي طفل حتفه وأصيب شقيقه', 'شخصين
    قتلا وأصيب 2'): the trigger is told of them, and the next one has its own people."""
    if i == 0 or sent.norm[sent.toks[i - 1].end : sent.toks[i].start].strip():
        return False  # ('في 6 أكتوبر 2023، فقتلت مدنيين')
    owner = sent.toks[i - 1]
    return bool(
        owner.person
        or owner.casualty
        or owner.word.isdigit()
        or any(q.end == owner.end for q in sent.quantities)
    )


def _trigger_after(sent: Sentence, pos: int) -> tuple[int, str] | None:
    """(index, category) of a trigger after people ('3 مدنيين قتلوا'). Another number on the
    way, or a number or person right after the trigger, is the one it governs: 'نحو 200 مقاتل
    مدعومين بـ 15 دبابة، وأسفر عن مقتل 8 منهم' counts 8 killed, not 200."""
    i = sent.index_at(pos)
    starts = {q.start for q in sent.quantities if q.start >= pos}
    numerals = {
        q.start for q in sent.quantities if q.start >= pos and q.kind not in ("one", "dual")
    }
    for k in range(i, min(i + WINDOW_AFTER, len(sent.toks))):
        t = sent.toks[k]
        if any(t.start <= s < t.end for s in numerals):  # not 'من عائلة واحدة قتلوا'
            return None
        if t.trigger:
            nxt = sent.toks[k + 1] if k + 1 < len(sent.toks) else None
            part = nxt is not None and _part_after_comma(sent, t, k + 1)
            if nxt is not None and any(nxt.start <= s < nxt.end for s in starts) and not part:
                return None
            if nxt is not None and _object_of(sent, t, nxt):
                return None  # 'مجموعة من المدنيين ما أدى لمقتل شاب': the trigger has its own
            return k, t.trigger
    return None


def _part_after_comma(sent: Sentence, trigger: Token, k: int) -> bool:
    """A number after the trigger and a comma, with 'منهم' next ('12 شخصاً قتلوا، 7 منهم
    مدنيون'): a part of the people before the trigger, not its object."""
    toks = sent.toks
    return (
        k + 1 < len(toks)
        and sent.comma_between(trigger.end, toks[k].start)
        and toks[k + 1].word in _PRONOUNS
    )


def _object_of(sent: Sentence, trigger: Token, nxt: Token) -> bool:
    """A person right after a trigger, with nothing between, is its object ('لمقتل شاب');
    one joined by و or after a comma starts a new phrase ('قُتلت، ومقاتل')."""
    gap = sent.norm[trigger.end : nxt.start].strip()
    return bool(nxt.person) and not nxt.actor and not gap and not _and(nxt.word)


def _state_ended(sent: Sentence, i: int, category: str) -> bool:
    """'أطلق سراح 25 معتقلاً', 'الإفراج عن 40 موقوفاً', 'عاد 500 نازح إلى قراهم': detainees
    set free and displaced people going home, in the 5 words before token i, end a detention
    or a displacement; they are not one."""
    ends = {"detained": lexicon().releases, "displaced": lexicon().returns}.get(category)
    before = sent.toks[max(0, i - 5) : i]  # (not a side's name: 'هيئة تحرير الشام')
    return bool(ends) and any(_in(ends, t.word) and not t.actor for t in before)


def _escape(d: _Draft) -> bool:
    """'تمكن 12 شخصاً من الفرار من سجن غويران', 'فرار 12 سجيناً': people fleeing a prison
    escape it; they are not displaced."""
    if d.category != "displaced" or d.trig is None:
        return False
    toks = d.sent.toks
    last = max(d.trig[0], d.sent.index_at(max(d.q.end, d.counted.end)))
    prisons = lexicon().prisons
    return any(_in(prisons, t.word) for t in toks[min(d.trig[0], d.at) : last + 3])


def _negated(sent: Sentence, i: int) -> bool:
    """A negation in the 4 words before token i, a negated 'result' verb further back
    ('لم يسفر القصف عن وقوع إصابات'), or an act that did not happen in the 2 words before
    ('حكماً بإعدام'، 'محاولة اغتيال'), or a ruling ('قضت المحكمة بإعدام') in the 4 before."""
    lex = lexicon()
    neg = lex.negations
    if any(sent.toks[k].word in neg for k in range(max(0, i - 4), i)):
        return True
    news = any(_in(lex.news_nouns, t.word) for t in sent.toks[max(0, i - 4) : i])
    if news and any(_in(neg, sent.toks[k].word) for k in range(max(0, i - 6), i)):
        return True  # 'ولم ترد أنباء عن وقوع قتلى'
    if (
        i > 1
        and sent.toks[i - 1].word == "او"
        and (sent.toks[i - 2].casualty or sent.toks[i - 2].trigger)
    ):
        return _negated(sent, i - 2)  # 'دون ورود أنباء عن قتلى أو مصابين': both words
    if any(_ruling(sent.toks[k], sent.toks[k + 1]) for k in range(max(0, i - 4), i - 1)):
        return True  # 'قضى الاتفاق بخروج 500 مسلح', 'قضت المحكمة بإعدام رجلين': decreed
    if sent.toks[i].word.startswith("ب") and any(
        _in(lex.sentencing, sent.toks[k].word) for k in range(max(0, i - 7), i)
    ):
        return True  # 'حكمت محكمة الإرهاب على 12 شخصاً بالإعدام': a sentence, not a death
    for k in range(max(0, i - 2), i):
        if _in(lex.unrealised, sent.toks[k].word):
            doer = range(max(0, k - 3), k)  # 'نفذ التنظيم حكم الإعدام': carried out
            return not any(_in(lex.carried_out, sent.toks[j].word) for j in doer)
    for k in range(i - 1, max(0, i - 8), -1):
        t = sent.toks[k]
        if t.trigger or t.casualty:
            return False  # the negated verb governs the casualty word nearest to it only
        if t.word.startswith(lexicon().result_verbs) and sent.toks[k - 1].word.lstrip("و") in neg:
            return True
    return False


def _subset_marker_before(sent: Sentence, pos: int) -> bool:
    """'من ضمنهم 3 انتحاريين': a part of the figure before, marker right before the number,
    or before the people joined to it ('بينهم امرأة وثلاثة أطفال': both are parts)."""
    first = k = sent.index_at(pos)
    while k > 0 and first - k < 2 and _counts_one_or_two(sent.toks[k - 1]):
        k -= 1  # 'امرأة' in 'بينهم امرأة وثلاثة أطفال' (not 'بينهم أطفال وأكثر من 20 إصابة')
    if k < first and _in(lexicon().subset_words, sent.toks[k - 1].word):
        pos = sent.toks[k].start
    lo = sent.toks[max(0, sent.index_at(pos) - 3)].start if sent.toks else pos
    return any(
        m.end() <= pos and not sent.norm[m.end() : pos].strip(" ،,:\"'")
        for m in lexicon().subset.finditer(sent.norm, lo, pos)
    )


def _counts_one_or_two(t: Token) -> bool:
    return bool(t.person) and t.person[1] != "plural"


def _glued_to_latin(norm: str, q: numbers.Quantity) -> bool:
    """'يرحمك40w', '1y': numbers stuck to Latin letters are page furniture (time stamps)."""
    before = norm[q.start - 1 : q.start] if q.start else ""
    after = norm[q.end : q.end + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _people_after(q: numbers.Quantity, sent: Sentence) -> bool:
    """'أصابت شظايا القذيفة طفلين / 3 أطفال', 'استقبلت المشافي 30 جريحاً': people or
    casualties counted after the number, so the word before it is not a label ('الفوج 46'). A
    casualty verb or verbal noun is not: the unit's number is no head count."""
    if q.kind == "dual":
        return True
    c = _counted(q, sent)
    if c is not None and c.kind == "actor":  # '4 من فلول النظام': a side named by its people
        return _person_count(c.noun) is not None
    if c is not None and c.event:  # 'عناصر من الفرقة 25 قتلوا': the verb's subject is the men
        return False
    return c is not None and c.kind in ("civilian", "combatant", "casualty")


def _label_before(sent: Sentence, q: numbers.Quantity) -> bool:
    """'الفوج 46', 'القناة 13', 'إف 16', 'الساعة 11': a number that names or times something."""
    i = sent.index_at(q.start) - 1
    if i < 0 or q.start - sent.toks[i].end > 2:
        return False
    if sent.comma_between(sent.toks[i].end, q.start):
        return False  # 'في الغارة، 7 منهم': a comma ends the thing's name
    if q.prefix.startswith("و") or sent.norm[sent.toks[i].end : q.start].strip() == "و":
        return False  # 'قتل اليوم و2 قضوا أمس': و starts a new count
    word = sent.toks[i].word
    if word in ("ال", "وال", "بال", "لل") and q.qualifier == "exact":
        return True  # 'في الـ 24 من الشهر': an ordinal or a date
    return _in(lexicon().not_people, word)


_PEOPLE_KINDS = ("civilian", "combatant", "actor", "others", "pronoun", "relative")


@dataclass
class _Draft:
    """One number on its way to a figure: what it counts, the trigger that says what
    happened to them, and how it stands to the figures read before it in the sentence.
    Each step of `_figure_from_quantity` fills in a part of it."""

    q: numbers.Quantity
    sent: Sentence
    done: list[Figure]
    counted: Counted
    anchor: int  # where the counted phrase starts (the noun when it comes first)
    trig: tuple[int, str] | None = None  # (token index, category)
    risen: bool = False  # the number a toll rose to ('قبل أن ترتفع إلى 11')
    referent: bool = False  # the count of people named earlier ('بلغ عددهم 5')
    category: str = ""
    from_after: bool = False  # the trigger comes after the people ('3 مدنيين قتلوا')
    second_object: bool = False  # 'قتل قائد الفصيل و2 من مرافقيه'
    subset: bool = False
    between_end: int = 0  # end of 'بين قتيل وجريح'
    among_told: bool = False  # 'ومن بين القتلى 3 عناصر': a part of casualties told

    @property
    def at(self) -> int:
        """Token index of the number."""
        return self.sent.index_at(self.q.start)


def _figure_from_quantity(
    q: numbers.Quantity, sent: Sentence, done: list[Figure], used: set[int]
) -> Figure | None:
    """The casualty figure a number states, or None: first what it counts, then the trigger
    that says what happened to them, then its category and its place among the figures
    before it, and last the checks that undo it (negation, a state that ended)."""
    d = _draft(q, sent, done)
    if d is None:
        return None
    _find_trigger(d)
    _category_from_trigger(d)
    _place_among_done(d)
    if not d.category or _undone(d):
        return None
    return _build_figure(d, _span_start(d, used))


def _draft(q: numbers.Quantity, sent: Sentence, done: list[Figure]) -> _Draft | None:
    """What the number counts, or None when it is a label, a repeat or counts no one."""
    if _glued_to_latin(sent.norm, q):
        return None
    if _label_before(sent, q) and not _people_after(q, sent):
        return None
    if _count_word_after_number(sent, q):
        return None  # '45 عدد من قتلوا': 'عدد' is 'the number of', the 45 counts
    if _out_of(sent, q):
        return None  # 'أصيب 2 من أصل 5 ركاب': the 5 are all there were
    noun_before = _noun_before(sent, q, done)
    if noun_before == "told":
        return None  # 'شخصين اثنين': the dual already said it
    if q.kind == "one" and q.prefix.endswith("ل"):
        return None  # 'الأبقار لأحد المزارعين', 'التابع لأحد الفصائل': whose, not how many
    post_nominal = "واحد" in normalize_word(q.text)
    if q.kind == "one" and post_nominal and noun_before is None:
        return None  # 'من عائلة واحدة': 'one' describing a thing, not a head count
    others = q.kind == "vague" and _others_word(q.vague_word)
    if noun_before is not None:  # 'مدنيين اثنين', 'أطفالها الثلاثة': the number follows its noun
        counted, anchor = noun_before
    elif others:  # 'وأصيب آخرون اليوم': the word is its own noun
        counted, anchor = Counted("others", end=q.end), q.start
    else:
        counted, anchor = _counted(q, sent), q.start
    if counted is None:
        return None
    return _Draft(q, sent, done, counted, anchor)


def _find_trigger(d: _Draft) -> None:
    """The trigger before the number, or the toll it rose to, or the count it gives."""
    q, sent, done = d.q, d.sent, d.done
    trig = _toll_rising_to(sent, q.start) or _trigger_before(sent, d.anchor, done)
    if trig and q.kind == "dual" and "ال" in q.prefix and trig[0] != d.at - 1:
        trig = None  # 'استشهد الطفلان' counts; in '... وكان الطفلان' they are named again
    if trig and d.counted.kind in ("", "casualty") and _count_of(sent, trig[0]):
        people = _toll_people(sent, trig[0], q)  # 'عدد قتلى قوات النظام إلى 5'
        if people is not None:  # (and 'عدد القتلى من قوات النظام إلى 112 قتيلاً')
            d.counted = replace(people, end=max(people.end, d.counted.end))
    risen = _risen_from(sent, q, done)
    if risen is not None and (trig is None or trig[0] < risen[0][0]):
        trig, d.risen = risen[0], True  # '5 قتلى، قبل أن ترتفع إلى 11': now 11
        if d.counted.kind == "":  # ('ليرتفع إلى 36545 عدد الأشخاص الذين ...': people of its own)
            d.counted = risen[1]
    if trig and d.counted.kind == "casualty" and d.counted.end > q.end:
        told = sent.toks[trig[0]]
        if told.casualty or any(f.start <= told.start < f.end for f in done):
            trig = None  # '81 قتيلاً ونحو 1300 إصابة': the noun after 1300 says what it counts
    if trig is None or (d.counted.kind == "" and d.at - trig[0] > 2):
        by_count, count_trig = _count_referent(sent, q)  # 'النازحة ... تجاوز عددها 4000'
        if count_trig is not None:
            trig, d.referent = count_trig, True
            d.counted = d.counted if d.counted.kind else by_count
    if trig is None and done and d.counted.kind in _PEOPLE_KINDS:
        after = sent.toks[sent.index_at(max(q.end, d.counted.end)) :][:4]
        if not any(t.trigger or t.casualty for t in after):  # ('طفلاً ما زال معتقلاً')
            trig = _addition_before(sent, d.anchor, done[-1].category)
    d.trig = trig


def _addition_before(sent: Sentence, pos: int, category: str) -> tuple[int, str] | None:
    """'مقتل 7 من عناصر قسد، إضافة إلى مدنيين اثنين': people right after a word of addition
    are more casualties of the figure told before them in the sentence, of its category:
    (index of the addition's first word, category), or None."""
    k = sent.index_at(pos)
    for m in lexicon().additions.finditer(sent.norm, sent.toks[max(0, k - 3)].start, pos):
        if not sent.norm[m.end() : pos].strip():
            return sent.index_at(m.start()), category
    return None


def _category_from_trigger(d: _Draft) -> None:
    """The category a casualty noun or the trigger gives. A bare number far from its
    trigger takes none ('قتل ... في 3 قرى')."""
    counted, trig = d.counted, d.trig
    among = _among_casualties(d.sent, d.at) if counted.kind in _PEOPLE_KINDS else ""
    if among:  # 'قتل 5 عناصر، ومن بين القتلى اثنان من القادة': not a second verb's object
        d.category, d.among_told, d.trig = among, True, None
        return
    if counted.kind == "casualty" and trig and _state_noun(counted, trig[1], d.sent.toks[trig[0]]):
        d.category, d.counted = trig[1], _as_people(counted)  # 'مقتل 5 نازحين': killed
    elif counted.kind == "casualty":
        d.category = counted.category
        if trig and trig[1] == COMBINED:
            d.category = COMBINED
    elif trig is not None and (
        counted.kind or d.referent or d.at - trig[0] <= 2 or _count_of(d.sent, trig[0])
    ):
        d.category = trig[1]


def _among_casualties(sent: Sentence, k: int) -> str:
    """The category of the casualties named with 'بين' right before token k: 'ومن بين
    القتلى 3 عناصر', 'وبين الجرحى طفلان'; '' when there are none."""
    if k < 2 or not _starts(sent.toks[k - 2].word, ("بين",)):
        return ""
    noun = sent.toks[k - 1]
    plural = noun.casualty and noun.casualty[1] != "singular"
    return noun.casualty[0] if plural and _definite(noun.word) else ""


def _place_among_done(d: _Draft) -> None:
    """Is the number a part of the figure before it, and does a trigger after the people,
    a first object or 'بين قتيل وجريح' give the category still missing?"""
    q, sent, done = d.q, d.sent, d.done
    bracketed = bool(done) and _in_bracket_after(sent.norm, done[-1].end, q)
    # a casualty noun of another category is a toll of its own ('4 شهداء، بينهم طفل، و13 جريحاً')
    other_toll = (
        d.counted.kind == "casualty" and bool(done) and d.counted.category != done[-1].category
    ) or _own_toll_before(d)
    d.subset = bool(done) and not other_toll and (_subset_marker_before(sent, q.start) or bracketed)
    # (a breakdown in brackets takes the category of the figure it breaks down, not the next)
    if not (d.category or bracketed) and d.counted.kind in _PEOPLE_KINDS and not _fate_before(d):
        after = _trigger_after(sent, d.counted.end if d.counted.end > 0 else q.end)
        if after is not None:
            d.trig, d.category, d.from_after = after, after[1], True
        elif (joined := _second_object(sent, q)) is not None:
            d.trig, d.category = joined, joined[1]
            d.second_object = True  # the first object is a figure of its own
    if not d.subset and done and done[-1].extras.get("subset_local") and not other_toll:
        gap = sent.norm[done[-1].end : q.start].strip(" ،,")
        d.subset = gap in ("و", "") or _next_in_list(sent, done, q)
    if not d.category and d.subset:
        d.category = done[-1].category
    if d.counted.kind == "pronoun" and done and not d.subset and d.category == done[-1].category:
        d.subset = True  # 'مقتل أربعة مدنيين، ثلاثة منهم من عائلة واحدة'
    d.between_end = _between_after(sent, max(q.end, d.counted.end))
    if d.between_end and (d.category or d.counted.kind or q.kind == "vague"):
        d.category = COMBINED  # 'سقوط عدد من المدنيين بين شهيد وجريح'


def _fate_before(d: _Draft) -> bool:
    """'ونجا 4 أطفال من الموت': the people's own verb, right before them, is another fate (they
    survived, went missing), so a casualty word after them is what they escaped. Not a rescue:
    'إنقاذ 448 شخصاً أصيبوا' saved the injured."""
    if d.at == 0:
        return False
    word = d.sent.toks[d.at - 1].word
    return _in(lexicon().other_fates, word) and not _starts(word, lexicon().rescue)


def _own_toll_before(d: _Draft) -> bool:
    """'القتلى هم 5 أطفال، والمصابين هم 6 أطفال': the number's trigger is a casualty noun of
    another category, named after the figure before: a toll of its own, not a part."""
    if not d.done or d.trig is None or not d.category or d.category == d.done[-1].category:
        return False
    t = d.sent.toks[d.trig[0]]
    return bool(t.casualty) and t.start >= d.done[-1].end


def _next_in_list(sent: Sentence, done: list[Figure], q: numbers.Quantity) -> bool:
    """'قتل 14 شخصاً، وهم: 5 مدنيين في درعا، و4 عناصر من قوات النظام في البادية، و3 من
    الفصائل': after the parts of an enumeration (هم / وهم), 'و' and a number with no trigger
    between go on with the parts, places and sides told with them included, while they add up
    to no more than the whole."""
    k = len(done) - 1
    while k >= 0 and done[k].extras.get("subset_local"):
        k -= 1
    if k < 0 or k == len(done) - 1:
        return False
    whole, first = done[k], done[k + 1]
    if not _ENUMERATION.search(sent.norm, whole.end, first.q_start):
        return False
    gap = sent.norm[done[-1].end : q.start].rstrip()
    if not (q.prefix.startswith("و") or gap.endswith("و")):
        return False
    between = [t for t in sent.toks if done[-1].end <= t.start < q.start]
    if any(t.trigger or t.casualty or _quantity_at(sent, t.start, t.end) for t in between):
        return False
    told = sum(f.best or 0 for f in done[k + 1 :])
    return whole.best is None or q.best is None or told + q.best <= whole.best


_ENUMERATION = re.compile(r"(?:^|\s)و?(?:هم|هن)\s*:?\s*$")


def _undone(d: _Draft) -> bool:
    """A state that has ended ('أفرج عن 5 معتقلين'), people counted where they live
    ('يعيش مليون نازح في المخيمات'), fighters fleeing (a retreat, not displacement), or a
    negated trigger: no figure."""
    if _state_ended(d.sent, d.at, d.category) or _escape(d):
        return True
    if d.category in _STATES and _dwelling_before(d.sent, d.at):
        return True  # 'يقطن في المخيم نحو 1500 عائلة نازحة'
    if d.category == "displaced" and d.counted.kind == "combatant":
        return True  # 'وفرّ العشرات من مسلحي داعش باتجاه البادية': fighters retreat
    return d.trig is not None and _negated(d.sent, d.trig[0])


def _span_start(d: _Draft, used: set[int]) -> int:
    """Where the figure's words start (the trigger before the number, both words of 'مقتل
    وإصابة'), marking the trigger as taken."""
    sent, trig, q = d.sent, d.trig, d.q
    if trig is not None and not d.second_object:
        used.add(trig[0])
    tstart = sent.toks[trig[0]].start if trig and trig[0] < d.at else d.anchor
    prev = sent.toks[trig[0] - 1] if trig and trig[0] > 0 else None
    if prev and prev.trigger and (d.category == COMBINED or prev.trigger == d.category):
        tstart = min(tstart, prev.start)  # 'مقتل وإصابة 8', 'اعتقال واستدعاء 25': both words
    return q.start if d.subset or d.second_object else min(tstart, d.anchor)  # at its number


_OF_THE = re.compile(r"\s*من\s+ال")
_FAMILY_WORDS = frozenset(("اسر", "الاسر", "عائلات", "عائله", "اسره"))


def _build_figure(d: _Draft, tstart: int) -> Figure:
    """The Figure, with the qualifier after its noun, update and subset marks and unit."""
    q, sent, done, counted, trig = d.q, d.sent, d.done, d.counted, d.trig
    subset = d.subset
    if not subset and trig is not None and _increment_of_total(sent, trig[0], done, d.category):
        subset = True  # 'ارتفعت الحصيلة إلى 11 بعد وفاة 2 من الجرحى': the 2 are in the 11
    elif not subset and _increment_of_total(sent, d.at, done, d.category):
        subset, tstart = True, q.start  # 'إلى 13 شهيداً بعد انتشال جثتين': not the 13's noun
    end = max(q.end, counted.end, d.between_end)
    if d.from_after and counted.kind == "relative":
        end = max(end, sent.toks[trig[0]].end)  # '45 عدد الذين قتلوا': the clause is the noun
    f = Figure(
        start=min(tstart, q.start),
        end=end,
        category=d.category,
        best=q.best,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        q_start=q.start,
        q_end=q.end,
        noun_class=counted.kind,
    )
    f.extras["counted"] = counted
    f.extras["vague_word"] = q.vague_word
    f.extras["trigger_after"] = d.from_after
    # '3 من الجرحى في حالة حرجة': some of the casualties already told, with no trigger of its own
    f.extras["of_the"] = (
        d.among_told
        or (
            trig is None
            and counted.kind == "casualty"
            and _OF_THE.match(sent.norm, q.end, counted.end) is not None
        )
        or _severity_of_one(sent, q, counted)
    )
    k = sent.index_at(end)
    if (
        f.qualifier == numbers.EXACT
        and _at_least_at(sent, _past_side(sent, k))
        and _adjacent(sent, end, k)
    ):
        _open_ended(f)  # 'قتل 11 شخصاً على الأقل', '10 عناصر من الطرفين على الأقل'

    if d.risen or _update_cue_before(sent, q.start):
        f.extras["update"] = True
        f.extras["resulting"] = _resulting_toll(sent, q.start)
    if subset:
        f.subset_parent = len(done) - 1
        f.extras["subset_local"] = True
    if counted.noun and normalize_word(counted.noun) in _FAMILY_WORDS:
        f.unit = "families"
    return f


def _out_of(sent: Sentence, q: numbers.Quantity) -> bool:
    """The number follows 'من أصل' / 'من إجمالي' (out of): it counts everyone, hit or not."""
    i = sent.index_at(q.start)
    return i >= 2 and sent.toks[i - 2].word == "من" and sent.toks[i - 1].word in ("اصل", "اجمالي")


def _count_word_after_number(sent: Sentence, q: numbers.Quantity) -> bool:
    """A vague 'عدد' right after a number: the noun 'the number of' ('يرتفع إلى 45 عدد من
    قتلوا'), not 'a number of'. With و it starts a group of its own: 'شهيدين وعدد من الجرحى'."""
    if q.kind != "vague" or not normalize_word(q.vague_word).startswith("عدد"):
        return False
    if q.prefix.startswith("و"):
        return False
    return _number_right_before(sent, q.start)


def _toll_rising_to(sent: Sentence, pos: int) -> tuple[int, str] | None:
    """'ارتفاع حصيلة شهداء القصف على محيط البلدة، إلى أربعة مدنيين': a number right after
    'إلى' takes the category of the toll named earlier in the sentence, however long the
    phrase between (no other number or casualty word may stand in it)."""
    i = sent.index_at(pos) - 1
    if i < 0 or sent.toks[i].word not in ("الي", "لتصل", "ليصل", "لتبلغ", "ليبلغ"):
        return None
    for k in range(i - 1, max(-1, i - 1 - TOLL_BACK), -1):
        t = sent.toks[k]
        if _count_of(sent, k):
            return k, t.casualty[0]
        relative = t.trigger and k > 0 and sent.toks[k - 1].word in _RELATIVES
        if relative:
            continue  # 'عدد الشهداء الذين قضوا في المجزرة إلى 9': the verb describes them
        if t.trigger or t.casualty or any(q.start == t.start for q in sent.quantities):
            return None
    return None


def _risen_from(
    sent: Sentence, q: numbers.Quantity, done: list[Figure]
) -> tuple[tuple[int, str], Counted] | None:
    """'قتل 5 أشخاص، قبل أن ترتفع إلى 11', 'ثم ارتفع العدد إلى 7': a bare number after a
    rising verb and 'إلى' is a new count of the last whole figure of the sentence: its trigger
    is the verb, its category and people are that figure's. Only a count word (العدد،
    الحصيلة) or an adverb (لاحقاً) may stand between ('ارتفعت درجات الحرارة إلى 40' is no toll)."""
    i = sent.index_at(q.start) - 1
    wholes = [f for f in done if f.subset_parent is None and not f.extras.get("subset_local")]
    if i < 1 or sent.toks[i].word != "الي" or not wholes or wholes[-1].end > q.start:
        return None
    for k in range(i - 1, max(-1, i - 4), -1):
        t = sent.toks[k]
        if _in(lexicon().rising, t.word):  # (not 'بلغ عدد القتلى منذ بداية الشهر إلى 40')
            last = wholes[-1]  # (not a part told after it: 'ومن ضمنهم عدد ممن سلموا أنفسهم')
            return (k, last.category), last.extras.get("counted") or Counted("")
        counts = _starts(t.word, ("عدد", "حصيل"))
        if not (counts or t.word in _ADVERBS):
            return None
    return None


def _toll_people(sent: Sentence, k: int, q: numbers.Quantity) -> Counted | None:
    """'عدد قتلى عناصر الدفاع الوطني إلى 5', 'عدد القتلى في صفوف التنظيم إلى 1260': the
    people named right after the toll's noun, or after 'في صفوف' or 'من', are what the number
    counts."""
    toks = sent.toks
    j = k + 1
    if j + 1 < len(toks) and toks[j].word in ("من", "في"):
        j += 1
    if j + 1 < len(toks) and _in(lexicon().ranks, toks[j].word):
        j += 1  # 'عدد قتلى فصيل صقور الشام إلى 3', 'عدد القتلى في صفوف التنظيم'
    if j >= len(toks):
        return None
    t = toks[j]
    c = _classify_token(t, sent) if t.person or t.actor else None
    if c is None or c.kind not in ("civilian", "combatant", "actor"):
        return None
    return Counted(c.kind, end=q.end, side=c.side, noun=c.noun)


def _count_of(sent: Sentence, k: int) -> bool:
    """Token k is a casualty noun that a count (عدد/حصيلة) counts: 'عدد الشهداء ارتفع إلى 5',
    'حصيلة ضحايا الغارة', 'عدد شهداء وجرحى القصف'. Such a noun says what the count counts;
    it is not a figure of its own."""
    if not sent.toks[k].casualty:
        return False
    j = k - 1
    while j >= 0 and sent.toks[j].casualty and _and(sent.toks[j + 1].word):
        j -= 1  # 'شهداء وجرحى'
    return j >= 0 and sent.toks[j].word.lstrip("وب").startswith(("عدد", "حصيله"))


def _in_bracket_after(norm: str, fig_end: int, q: numbers.Quantity) -> bool:
    """The number is inside a bracket opened right after a figure, or a few words later: '5
    مدنيين من عائلة واحدة (رجل وزوجته و3 من أطفالهما)' is a breakdown of the 5. A number
    alone in brackets ('وإصابة (7) آخرين') is just written that way."""
    opened = norm.rfind("(", fig_end, q.start)
    if opened < 0 or ")" in norm[opened : q.start]:
        return False
    if not norm[opened + 1 : q.start].strip() and norm[q.end :].lstrip().startswith(")"):
        return False
    return len(norm[fig_end:opened].split()) <= 4 and not any(
        c in norm[fig_end:opened] for c in ".،,؛"
    )


def _noun_before(
    sent: Sentence, q: numbers.Quantity, done: list[Figure]
) -> tuple[Counted, int] | str | None:
    """(what is counted, where its phrase starts) when a number word follows a person noun
    ('مدنيين اثنين', 'جندي واحد', 'أطفالها الثلاثة'). 'told' when the number repeats one
    already counted: 'شخصين اثنين', 'طفلان شقيقان' (a dual noun describing the dual before)."""
    if q.kind == "dual":
        i = sent.index_at(q.start) - 1
        if q.prefix.startswith("و"):
            return None
        if i < 0 or sent.norm[sent.toks[i].end : q.start].strip():
            return None
        prev = sent.toks[i].start
        return "told" if any(f.start <= prev < f.end and f.best == 2 for f in done) else None
    if q.kind not in ("words", "one") or q.qualifier != "exact" or q.prefix.startswith("و"):
        return None  # 'امرأة وثلاثة أطفال': و starts another group, not the noun's number
    if q.noun == numbers.ONE_OF_THEM:
        return None  # 'مدنيين أحدهم بحالة خطيرة': one of them, not the noun's number
    i = sent.index_at(q.start) - 1
    if i < 0 or sent.norm[sent.toks[i].end : q.start].strip():
        return None
    t = sent.toks[i]
    dual = _quantity_at(sent, t.start, t.end)
    if q.best == 2 and dual is not None and dual.kind == "dual":
        return "told" if any(f.start <= t.start < f.end for f in done) else None  # 'شخصين اثنين'
    if not (t.person or t.casualty) or _after_min(sent, i):
        return None
    if t.person and t.trigger and not t.casualty:
        return None  # 'وأسر ثلاثة آخرون': the capture verb, not 'families'
    if _definite(t.word) and "ال" not in q.prefix:
        return None  # 'ومن بين القتلى اثنان': a number without ال does not describe القتلى
    if any(f.start <= t.start < f.end for f in done):
        return "told"
    c = _classify_token(t, sent)
    if c is None or c.kind in ("thing", ""):
        return None
    return Counted(c.kind, c.category, q.end, c.side, noun=c.noun), t.start


def _after_min(sent: Sentence, i: int) -> bool:
    """Person noun i ends a 'من' phrase, alone or as the last noun of a construct ('3 من
    عائلة واحدة', '3 من أبناء عائلة واحدة'): a number after it describes the group the
    people come from, it does not count them."""
    j = i - 1
    while j >= 0 and sent.toks[j].person:
        j -= 1
    return j >= 0 and sent.toks[j].word == "من"


def _casualty_class(t: Token) -> str:
    return t.casualty[0] if t.casualty else t.trigger


def _between_after(sent: Sentence, pos: int) -> int:
    """End of 'بين قتيل وجريح' / 'بين قتل وجرح' right after `pos` (the figure counts killed
    and injured together), else 0."""
    i = sent.index_at(pos)
    while i < len(sent.toks) and sent.toks[i].actor and sent.toks[i].start - pos < 30:
        i += 1  # 'العشرات من إرهابيي داعش بين قتيل ومصاب': past the people's side
    toks = sent.toks[i : i + 3]
    if len(toks) < 3 or toks[0].word != "بين":
        return 0
    kinds = {_casualty_class(toks[1]), _casualty_class(toks[2])}
    return toks[2].end if kinds == {"killed", "injured"} else 0


def _count_referent(sent: Sentence, q: numbers.Quantity) -> tuple[Counted, tuple | None]:
    """'الأسر النازحة ... عددها تجاوز 4000' / 'بلغ عدد القتلى 5': the number is the count
    of people named earlier in the sentence."""
    i = sent.index_at(q.start)
    near = [
        k
        for k in range(max(0, i - 5), i)
        if _starts(sent.toks[k].word, ("عدد", "اعداد"))  # 'وعددهم 11'
    ]
    if not near:
        return Counted(""), None
    counted, trig = Counted(""), None
    for k in range(i - 1, max(-1, near[-1] - 15), -1):  # 'بلغ عدد قتلى المدنيين 9' too
        t = sent.toks[k]
        if t.trigger and trig is None:
            trig = (k, t.trigger)
        if t.casualty and trig is None:
            trig = (k, t.casualty[0])
        c = _classify_token(t, sent) if t.person or t.actor else None
        if c is not None and c.kind in ("civilian", "combatant", "actor") and not counted.kind:
            counted = Counted(c.kind, end=q.end, side=c.side, noun=c.noun)
    if trig is None:
        return Counted(""), None
    return counted, trig


def _resulting_toll(sent: Sentence, pos: int) -> bool:
    """'... لترتفع حصيلة القصف إلى 5': the toll rises as a result of the casualties just told
    (ل + the verb), which are then part of it, not an earlier count it replaces."""
    i = sent.index_at(pos)
    return any(
        t.word[:1] == "ل" and _in(lexicon().totals, t.word) for t in sent.toks[max(0, i - 6) : i]
    )


def _update_cue_before(sent: Sentence, pos: int) -> bool:
    """'ارتفعت حصيلة القتلى إلى 7': a new toll for casualties already reported. The toll may
    follow the number ('ليرتفع إلى 1260 عدد القتلى')."""
    i = sent.index_at(pos)
    window = sent.toks[max(0, i - 6) : i]
    toll = window + sent.toks[i + 1 : i + 2]
    return any(_in(lexicon().totals, t.word) for t in window) and any(
        "حصيله" in t.word or t.word in ("عدد",) for t in toll
    )


# --- figures with no number: "مقتل شاب", "قتلت العديد", "سقوط جرحى", "بين قتيل ومصاب"
def _figures_without_number(sent: Sentence, done: list[Figure], used: set[int]) -> list[Figure]:
    out: list[Figure] = []
    covered = [(f.start, f.end) for f in done]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in covered)

    for i, t in enumerate(sent.toks):
        if not free(t.start, t.end):
            continue
        tag = sent.norm[t.start - 1 : t.start] == "#"  # '#وفيات_تلدو': a page's label
        makers = []
        if t.trigger and i not in used and _object_form_only(t.word):
            makers.append(_suffixed)  # 'قتلها قناص': the noun after is the killer
        elif t.trigger and i not in used:
            makers += [_name_list, _after_trigger, _suffixed, _named_after_trigger, _bare_names]
        if t.word == "بين":
            makers.append(lambda s, k: _between(s, k, k))
        if t.casualty and i not in used and not tag:  # ('تعرض 3 أطفال لإصابات': told)
            makers += [_roster, _bare_casualty_noun]
        if t.person and not t.trigger:
            makers += [_person_then_verb, _one_among_casualties, _exposed_to]
            makers.append(lambda s, k: _one_in_breakdown(s, k, done + out))
        if not makers or _negated(sent, i):
            continue
        for make in makers:
            f = make(sent, i)
            if f is not None and _felled(sent, i):
                f.extras["pronoun_victim"] = True  # 'وأردوه قتيلاً': the one told before
            if f is not None and _state_ended(sent, i, f.category):
                break
            if f is not None and _told_before(f, done + out):
                break  # 'اعتقلت شابين واقتادتهما': the two already counted
            if f is not None and f.qualifier == "vague":
                _count_names_in_brackets(f, sent)  # 'أطفال الفقيد (حسين، خلود، علي)'
            if f is not None and f.best == 1 and "name" not in f.extras:
                name = sent.norm[f.end : _past_name(sent, f)].strip(' "').split()
                if _given_name_words(name):  # 'جثة ناجي جمعة الخليفة': whose
                    f.extras["name"] = " ".join(name)
            if f is not None and free(f.start, f.end):
                if t.trigger and _increment_of_total(sent, i, done, f.category):
                    f.subset_parent = len(done) - 1  # 'ارتفع إلى 11 بعد وفاة جندي'
                    f.extras["subset_local"] = True
                out.append(f)
                covered.append((f.start, f.end))
                break
    return out


_BRACKET_AFTER = re.compile(r"(?: (ال\w+))? ?\(([^()]{3,200})\)?")
_NAME_SPLIT = re.compile(r" ?[،,] ?| و(?=\w)")
_PLURAL_POSSESSIVE = tuple(p for p in _POSSESSIVE if p != "ه")  # 'وأعمارهم' (not 'بحرية')


def _count_names_in_brackets(f: Figure, sent: Sentence) -> None:
    """'أصيب أطفال الفقيد (حسين، خلود، إيمان، علي، بحرية)': a plural of people followed by a
    bracket of two or more names (one to three words each; a first name alone may be any
    plain word) counts the names; the figure becomes exact. One definite word may stand
    between ('الفقيد'); the list stops at the first item that is not a name ('وأعمارهم تتراوح
    بين 1 و10 أعوام')."""
    m = _BRACKET_AFTER.match(sent.norm, f.q_end, sent.end)
    if m is None or (m.group(1) and m.group(1) in lexicon().name_stops):
        return
    names, end, begin, body = 0, f.end, 0, m.group(2)
    for sep in _NAME_SPLIT.finditer(body + "،"):
        words = body[begin : sep.start()].split()
        if not 1 <= len(words) <= 3 or any(w.endswith(_PLURAL_POSSESSIVE) for w in words):
            break
        one = len(words) == 1 and (_name_like(words[0]) or words[0] == "علي")  # ('بحرية')
        if not one and not all(map(_plain_name, words)):
            break
        names, end, begin = names + 1, m.start(2) + sep.start(), sep.end()
    if names >= 2:
        f.best = f.low = f.high = names
        f.qualifier = "exact"
        f.end = max(f.end, end)


def _felled(sent: Sentence, i: int) -> bool:
    """'أردوه قتيلاً', 'أرداه عناصر الدورية قتيلاً': a verb of felling with the pronoun of the
    people shot, up to four words before the casualty word."""
    felling = lexicon().felling_verbs
    for t in reversed(sent.toks[max(0, i - 4) : i]):
        if any(w.startswith(felling) and not w.endswith((*felling, "وا")) for w in stems(t.word)):
            return True  # (with a pronoun after the verb)
        if t.trigger or t.casualty or _quantity_at(sent, t.start, t.end):
            return False
    return False


def _stated(
    start: int, end: int, category: str, n: int | None, noun: Token, counted: Counted
) -> Figure:
    """A figure with no number written: n people (one, two), or, with n None, a plural whose
    value comes from the vague-number convention (-ين nouns may be duals: at least two)."""
    f = Figure(
        start=start,
        end=end,
        category=category,
        best=n,
        low=n,
        high=n,
        qualifier="exact" if n else "vague",
        q_start=noun.start,
        q_end=noun.end,
        noun_class=counted.kind,
    )
    if n is None:
        _vague_values(f, "plural_or_dual" if noun.word.endswith("ين") else "plural")
        f.extras["plural_or_dual"] = noun.word.endswith("ين")
    f.extras["counted"] = counted
    return f


_VOWELLED_DUAL = re.compile("(?:\u064e\u0651?|\u0651\u064e)\u064a\u0652?\u0646\u0650?$")  # (shadda)


def _vowelled_dual(f: Figure, written: Callable[[int, int], str]) -> None:
    """'استشهاد مواطنَين': a fatha before the ين, dropped by normalisation, marks a dual, so
    the -ين noun counts two people, not a vague plural."""
    if f.extras.get("plural_or_dual") and _VOWELLED_DUAL.search(written(f.q_start, f.q_end)):
        f.best = f.low = f.high = 2
        f.qualifier = "exact"


def _dual_thousand(f: Figure, written: Callable[[int, int], str]) -> None:
    """'قتل ألفا شخص': 'ألفا' with no tanween, alone and right before the noun it counts, is the
    dual of a thousand in construct (2000); 'ألفاً' (tanween) and 'ألفاً من' are a thousand."""
    if f.best != 1000 or f.qualifier != "exact":
        return
    words = written(f.q_start, f.end).split()
    if len(words) < 2 or normalize_word(words[0]) != "الفا" or "\u064b" in words[0]:
        return
    if normalize_word(words[1]) not in ("من", "عن") and words[1][:1].isalpha():
        f.best = f.low = f.high = 2000


def _one(sent: Sentence, a: int, b: int, category: str, counted: Counted) -> Figure:
    """A figure of one person from token a to token b."""
    f = _stated(sent.toks[a].start, sent.toks[b].end, category, 1, sent.toks[a], counted)
    f.q_end = sent.toks[b].end
    return f


def _cause_before(sent: Sentence, i: int) -> bool:
    """A cause word ('إثر', 'جراء', 'متأثراً ب') right before token i."""
    return any(_in(lexicon().causes, t.word) for t in sent.toks[max(0, i - 2) : i])


def _told_before(f: Figure, figs: list[Figure]) -> bool:
    """A pronoun figure ('واقتادتهما') of as many people, in the same category, as a figure
    already in the sentence is those people again."""
    return bool(f.extras.get("pronoun_victim")) and any(
        (g.category, g.best) == (f.category, f.best) for g in figs
    )


def _suffixed(sent: Sentence, i: int) -> Figure | None:
    """A trigger with the pronoun of one person ('أدى إلى مقتله', 'قتله ...') or of two ('ما
    أدى لمقتلهما', 'اعتقالهما') counts them."""
    t = sent.toks[i]
    n = 2 if t.word.endswith("هما") else 1 if _singular_suffix(t.word) else 0
    if not n or (t.trigger == "injured" and _cause_before(sent, i)):
        return None  # 'توفي متأثراً بإصابته': the wound of a person counted already
    if any(s.startswith(lexicon().body_nouns) for s in stems(t.word)):
        return None  # 'وتخطف جثمانيهما': the bodies of the people just told
    if i > 0 and sent.toks[i - 1].word in ("التي", "الذي", *_RELATIVES):
        return None  # 'لآلاف العائلات التي هجرتها قوات النظام': the pronoun is the antecedent
    f = _stated(t.start, t.end, t.trigger, n, t, Counted(""))  # 'لإصابته ومقتل اثنين': his own
    f.extras["pronoun_victim"] = True  # the side named after 'قتله' is who killed him
    return f


def _singular_suffix(word: str) -> bool:
    """Whether the word is a trigger with the pronoun ه or ها (مقتله، قتلتها، إصابته)."""
    if word.endswith("هم"):
        return False
    return any(
        w.endswith(("ه", "ها"))
        and w[:-1] in lexicon().trigger_word
        or w[:-2] in lexicon().trigger_word
        for w in stems(word)
        if w.endswith(("ته", "تها", "له", "لها", "ده", "دها", "عه", "عها", "اته", "اتها"))
    )


def _named_after_trigger(sent: Sentence, i: int) -> Figure | None:
    """'مقتل "سامر العبدالله"', 'مقتل المدعو غنام الصبوح': a quoted name, or a name brought
    in by 'المدعو' (the one called), right after a trigger is one person."""
    t = sent.toks[i]
    if i + 1 >= len(sent.toks):
        return None
    introducer = sent.toks[i + 1].word
    if _in(lexicon().name_introducers, introducer) and "ال" in introducer[:4]:
        return _one(sent, i, i + 1, _combined(sent, i), Counted(""))  # (not 'لحياته يدعى')
    k = i + 1
    while k < len(sent.toks) and k - i <= 4 and _name_word(sent.toks[k]):
        if _succumbed(sent.toks[k]):
            if k > i + 1:
                return _one(sent, i, k - 1, _combined(sent, i), Counted(""))  # 'توفي أحمد متأثراً'
            break
        k += 1
    if sent.norm[t.end : sent.toks[i + 1].start].strip() not in ('"', "#"):
        return None
    nxt = sent.toks[i + 1]
    if nxt.actor or nxt.person or nxt.casualty:
        return None
    return _one(sent, i, i + 1, _combined(sent, i), Counted(""))


def _name_list(sent: Sentence, i: int) -> Figure | None:
    """'مقتل كل من: أحمد الحسن ومحمد العلي وخالد السعيد', 'بقتل كل من غنام العلي وابنه مؤمن':
    a trigger before 'كل من' and a list of people counts the names listed (two at least)."""
    toks = sent.toks
    if i + 3 >= len(toks) or (toks[i + 1].word, toks[i + 2].word) != ("كل", "من"):
        return None
    items = _list_items(sent, i + 3)
    if len(items) < 2 or any(len(item) > 6 for item in items):
        return None  # not a list of names ('في كل من العزبة ومويلح' has no trigger before)
    people = [t.person for item in items for t in item if t.person]
    counted = Counted(people[0][0] if people else "", end=items[-1][-1].end)
    f = _stated(toks[i].start, items[-1][-1].end, toks[i].trigger, len(items), toks[i], counted)
    f.q_start, f.q_end = items[0][0].start, items[-1][-1].end
    return f


def _bare_names(sent: Sentence, i: int) -> Figure | None:
    """'استشهاد جيهان بلكين وناظم داشتان': full names joined by و right after a trigger, with
    no 'كل من' before them, count the people named. Each name has two to four words, the first
    without ال, none of them a person, side, place or thing word; a relative after a name
    ('وزوجته') counts too."""
    items = _list_items(sent, i + 1) if i + 1 < len(sent.toks) else []
    if not 1 <= len(items) <= 6 or items[0][0].word.startswith(("ال", "و")):
        return None
    if len(items) == 1 and not _given_name_first(items[0]):
        return None  # one name alone: only when it starts with a known given name
    if any(c in sent.norm[items[0][0].start : items[-1][-1].end] for c in "،,-–"):
        return None  # names joined by و only: a comma may start anything
    for n, item in enumerate(items):
        first = item[0].word[1:] if n else item[0].word
        if n and len(item) == 1 and _person_count(first) == ("civilian", 1):
            continue  # 'وزوجته'
        words = [first] + [t.word for t in item[1:]]
        plain = all(
            _plain_name(w)
            or (w == "علي" and 0 < m < len(item) - 1 and _fathers_name(item[m - 1], item[m + 1]))
            for m, w in enumerate(words)
        )  # ('محمد علي الحسن')
        if not 2 <= len(item) <= 4 or first.startswith("ال") or not plain:
            return None
        if any(w.endswith(_PLURAL_POSSESSIVE) for w in words):
            return None  # 'قتل صديقتها خنقاً وسرقت مصاغها': not names (but 'حمزة', 'عبد الله')
        if any(t.trigger or t.person or t.actor or t.casualty for t in item):
            return None
    f = _stated(
        sent.toks[i].start,
        items[-1][-1].end,
        sent.toks[i].trigger,
        len(items),
        sent.toks[i],
        Counted("", end=items[-1][-1].end),
    )
    f.q_start, f.q_end = items[0][0].start, items[-1][-1].end
    if len(items) == 1:
        f.extras["name"] = " ".join(t.word for t in items[0])
    return f


def _given_name_words(words: list[str]) -> int:
    """How many of the first words are a common given name (given_names in casualties.yaml;
    'عبد الله' is two): 0 when they open with none."""
    names = lexicon().given_names
    if len(words) > 1 and f"{words[0]} {words[1]}" in names:
        return 2
    return 1 if words and words[0] in names else 0


def _given_name_first(item: list[Token]) -> bool:
    """'أحمد الخلف', 'عبد الله محمد العلي': a full name of two to four words that opens with
    a common given name and goes on with given names or family names with ال, not with any
    word ('فرح يروي كيف')."""
    words = [t.word for t in item]
    first = _given_name_words(words)
    if not (first and 2 <= len(words) <= 4 and len(words) > first):
        return False
    rest = words[first:]  # a father's given name or a family name: 'محمد حسن الموسى'
    names = lexicon().given_names
    return all(w in names or w.startswith("ال") or w in ("عبد", "ابو") for w in rest)


def _plain_name(word: str) -> bool:
    """A word that can be part of a person's name: letters only, and not a word of the lexicon
    for things, units, agents, places or one that ends a name."""
    lex = lexicon()
    return _name_like(word) and not any(
        _in(words, word) for words in (lex.not_people, lex.units, lex.agents)
    )


def _list_items(sent: Sentence, k: int) -> list[list[Token]]:
    """The items of a list of names from token k: split at commas, dashes and a word-initial
    و (not a name's own و: وليد), up to a trigger, a number, a closing bracket or a word that
    ends a name (في، جراء، بعد ...). A title after a comma ('، نائب والي سوريا') describes the
    name before it. A plural before a bracket ('المدنيين (...)') says who the names are."""
    lex = lexicon()
    items: list[list[Token]] = []
    for j in range(k, len(sent.toks)):
        t = sent.toks[j]
        gap = sent.norm[items[-1][-1].end if items else t.start : t.start]
        if t.trigger or t.casualty or _quantity_at(sent, t.start, t.end) or ")" in gap:
            break
        if _ends_list(sent, j) or _perpetrator_cue(t.word):
            break
        if t.word == "و":
            continue
        if "(" in gap and len(items) == 1 and len(items[0]) == 1 and items[0][0].person:
            items = []  # 'المدنيين (...)': the names follow
        title = t.word in lex.list_titles
        waw = t.word.startswith("و") and not (title or t.word in lex.waw_names) and len(t.word) > 3
        comma = any(c in gap for c in "،,-–")
        if not items or waw or (comma and not title) or gap.strip() == "و":
            items.append([t])
        else:
            items[-1].append(t)
    return items


def _ends_list(sent: Sentence, j: int) -> bool:
    """Token j ends a list of names: one of name_stops, but 'علي' (على, or the name Ali) only
    before a definite word or 'يد' ('على الطريق', 'على يد'), not in 'مالك علي لبش'."""
    word = sent.toks[j].word
    if word == "و" or word not in lexicon().name_stops:
        return False
    nxt = sent.toks[j + 1].word if j + 1 < len(sent.toks) else ""
    if (
        word == "علي"
        and j
        and j + 1 < len(sent.toks)
        and _fathers_name(sent.toks[j - 1], sent.toks[j + 1])
    ):
        return False  # 'محمد علي الحسن': Ali is the father's name
    return word != "علي" or not nxt or nxt.startswith("ال") or nxt == "يد"


def _fathers_name(before: Token, nxt: Token) -> bool:
    """'علي' between a given name and a family name with ال ('محمد علي الحسن') is the name Ali,
    not the preposition on: not before a person, side, thing or place word, nor one of the
    nouns 'على' governs in news ('على الطريق', 'على الفور': ala_nouns in casualties.yaml)."""
    lex = lexicon()
    word = nxt.word
    return (
        _given_name_words([before.word.removeprefix("و")]) > 0
        and word.startswith("ال")
        and len(word) > 3
        and not (nxt.person or nxt.actor or nxt.casualty or nxt.trigger)
        and not _in(lex.not_people, word)
        and word not in lex.ala_nouns
    )


_VERB_AFTER = ("قتل", "استشهد", "اصيب", "جرح", "توفي", "اعتقل", "قضي", "لقي", "نزح", "فر")


def _person_then_verb(sent: Sentence, i: int) -> Figure | None:
    """'أن امرأة قتلت', 'طفلا استشهد في القصف': a singular or dual person, then a verb."""
    t = sent.toks[i]
    kind, number = t.person
    if i + 1 >= len(sent.toks):
        return None
    if number == "singular" and (pair := _pair_then_dual_verb(sent, i)) is not None:
        return pair
    at_least = i + 3 < len(sent.toks) and _at_least_at(sent, i + 1)
    verb = sent.toks[i + 3 if at_least else i + 1]  # 'أن شخصاً على الأقل قتل'
    relative = verb.word in ("الذي", "التي") and i + 2 < len(sent.toks)
    if relative and t.word.startswith("ال"):  # 'المدني الذي استشهد': one, named back
        verb = sent.toks[i + 2]
    if number == "pl" and verb.word.endswith("ا") and not t.word.startswith("ال"):
        number = "dual"  # 'أن مدنيين أصيبا': the dual verb says the -ين noun is a dual
    if number not in ("singular", "dual") or verb.word.endswith("وا"):
        return None  # a plural verb has a plural subject: '4 مدنيين بينهم طفل وسيدة قتلوا'
    if not verb.trigger or not verb.word.startswith(_VERB_AFTER) or verb.word.startswith("و"):
        return None
    if sent.norm[t.end : verb.start].strip() and not (relative or at_least):
        return None
    f = _one(sent, i, sent.position(verb), verb.trigger, Counted(kind, end=t.end, noun=t.word))
    if number == "dual":
        f.best = f.low = f.high = 2
    if at_least:
        _open_ended(f)
    return f


def _exposed_to(sent: Sentence, i: int) -> Figure | None:
    """'تعرض شاب لإصابة في قدمه', 'تعرضت امرأة لإصابة خطيرة': one person (or two) after a verb
    of undergoing, then ل + a casualty word, is that casualty."""
    t = sent.toks[i]
    if i == 0 or i + 1 >= len(sent.toks) or t.person[1] not in ("singular", "dual"):
        return None
    verb, what = sent.toks[i - 1], sent.toks[i + 1]
    if not _starts(verb.word, lexicon().undergoing) or not what.word.startswith("ل"):
        return None
    category = what.trigger or (what.casualty[0] if what.casualty else "")
    if not category or _definite(t.word):
        return None
    f = _one(sent, i, i + 1, category, Counted(t.person[0], end=t.end, noun=t.word))
    f.start = verb.start
    if t.person[1] == "dual":
        f.best = f.low = f.high = 2
    return f


def _succumbed(t: Token) -> bool:
    """'متأثراً بجراحه': died of wounds (the متأثر forms of the `causes` list)."""
    return t.word.startswith("متاثر")


def _pair_then_dual_verb(sent: Sentence, i: int) -> Figure | None:
    """'إن طفلاً ووالده قضيا': one person, 'و' and another, then a dual verb: two people."""
    if i + 2 >= len(sent.toks):
        return None
    nxt, verb = sent.toks[i + 1], sent.toks[i + 2]
    found = _person_count(nxt.word[1:]) if _and(nxt.word) and len(nxt.word) > 1 else None
    if found is None or found[1] != 1 or sent.norm[sent.toks[i].end : verb.start].count("،"):
        return None
    dual_verb = verb.word.endswith("ا") and not verb.word.endswith("وا")
    if not (verb.trigger and dual_verb and verb.word.startswith(_VERB_AFTER)):
        return None
    t = sent.toks[i]
    f = _one(sent, i, i + 2, verb.trigger, Counted(t.person[0], end=nxt.end, noun=t.word))
    f.best = f.low = f.high = 2
    return f


def _one_among_casualties(sent: Sentence, i: int) -> Figure | None:
    """'ومن بين القتلى قيادي في الحرس الثوري': one person named among casualties already
    told is a part of them."""
    t = sent.toks[i]
    category = _among_casualties(sent, i) if t.person[1] == "singular" else ""
    if not category:
        return None
    f = _one(sent, i, i, category, Counted(t.person[0], end=t.end, noun=t.word))
    f.extras["of_the"] = True
    return f


def _one_in_breakdown(sent: Sentence, i: int, told: list[Figure]) -> Figure | None:
    """'قتل 3 أشخاص بينهم امرأة', 'بينهم طفل وامرأة': one person right after a subset marker
    (or joined by و to one who is) is a part of one of the figure told before it."""
    t = sent.toks[i]
    k = i
    while k > 0 and i - k < 2 and _counts_one_or_two(sent.toks[k - 1]):
        k -= 1
    if t.person[1] != "singular" or k == 0 or (k < i and not _and(t.word)):
        return None
    marker = sent.toks[k - 1]
    if not _in(lexicon().subset_words, marker.word):
        return None
    whole = max((f for f in told if f.end <= marker.start), key=lambda f: f.end, default=None)
    if whole is None or marker.start - whole.end > 40:
        return None
    f = _one(sent, i, i, whole.category, Counted(t.person[0], end=t.end, noun=t.word))
    f.extras["subset_local"] = True
    return f


def _past_side(sent: Sentence, k: int) -> int:
    """The token after a side phrase that starts at token k ('من الطرفين', 'من قوات النظام',
    'في صفوف قسد'), or k when none starts there."""
    toks = sent.toks
    if k >= len(toks) or toks[k].word not in ("من", "في"):
        return k
    j = k + 1
    lex = lexicon()
    while j < min(len(toks), k + 5) and (
        toks[j].actor or _in(lex.both_sides, toks[j].word) or _in(lex.ranks, toks[j].word)
    ):
        j += 1
    return j if j > k + 1 else k


def _at_least_at(sent: Sentence, k: int) -> bool:
    """Tokens k and k+1 are 'على الأقل'."""
    return (
        k >= 0
        and k + 1 < len(sent.toks)
        and ((sent.toks[k].word, sent.toks[k + 1].word) == numbers.AT_LEAST_AFTER)
    )


def _adjacent(sent: Sentence, pos: int, k: int) -> bool:
    """Only spaces between `pos` and token k."""
    return not sent.norm[pos : sent.toks[k].start].strip()


def _open_ended(f: Figure) -> None:
    """'at least n': n is the best and lowest figure, with no upper bound (docs/numbers.md)."""
    f.qualifier, f.low, f.high = numbers.AT_LEAST, f.best, None


_ADVERBS = frozenset(
    ("بعدها", "بعده", "ايضا", "كذلك", "اليوم", "امس", "فيها", "فيه", "خلالها", "بداخلها")
    + ("لاحقا", "مجددا", "تباعا", "سريعا")  # 'لترتفع لاحقاً إلى 11'
    + ("معه", "معها", "معهم", "معهما")  # 'وقتل معه مسؤول ثان'
    + ("ميدانيا", "تعسفيا", "عشوائيا", "عمدا")  # 'أعدمت قوات النظام ميدانياً 4 شبان'
    # times of day and days: 'استشهد صباح اليوم طفل', 'قتل يوم الأحد الماضي شاب'
    + ("صباح", "مساء", "فجر", "ظهر", "عصر", "ليل", "ليله", "صباحا", "ظهرا", "فجرا", "ليلا")
    + ("يوم", "الماضي", *WEEKDAYS)
)


def _agent(word: str) -> bool:
    """A weapon, strike or attacker (and its adjective) that can be the subject of a
    killing verb: 'قتل القصف المدفعي امرأة'."""
    return _in(lexicon().agents, word) or bool(adjective_side(word))


def _unit_of_side(sent: Sentence, j: int) -> bool:
    """Token j is a unit ('دورية') or the word tying it to its side ('تابعة', 'ل'), with the
    side named within the next three words: part of the subject 'دورية تابعة لـ"الأمن العسكري"'."""
    t = sent.toks[j]
    tie = t.word == "ل" or t.word.startswith(lexicon().affiliation)
    if not (tie or _in(lexicon().units, t.word)):
        return False
    return any(x.actor for x in sent.toks[j + 1 : j + 4])


def _of_wounds(toks: list[Token], j: int) -> bool:
    """Token j is 'متأثراً' or the wound after it ('توفي متأثراً بجراحه طفل'): why the person
    after them died, not the person."""
    return _succumbed(toks[j]) or (j > 0 and _succumbed(toks[j - 1]))


def _after_trigger(sent: Sentence, i: int) -> Figure | None:
    """A singular person (one) or a plural (vague) right after a trigger; not after one told
    of the people before it ('لقي طفل حتفه وأصيب شقيقه': شقيقه is the next verb's)."""
    toks = sent.toks
    if _has_owner(sent, i) and not (toks[i].word.startswith("و") or _definite(toks[i - 1].word)):
        return None  # (not 'وشيع الأهالي جثامين الشهداء': the subject of another verb)
    cat = _combined(sent, i)
    j = i + 1
    while j < len(toks) and toks[j].trigger and j - i < 3:
        j += 1  # مقتل وإصابة ...
    if j < len(toks) and toks[j].word == "بين":
        return _between(sent, i, j)
    if j < len(toks) and toks[j].word in lexicon().one_more:
        return _one(sent, i, j, cat, Counted("others", end=toks[j].end))  # 'وإصابة آخر'
    if j < len(toks) and toks[j].word in lexicon().two_more:  # 'وأصيب آخران'
        return _stated(
            toks[i].start, toks[j].end, cat, 2, toks[j], Counted("others", end=toks[j].end)
        )
    skipped = 0
    while (
        j < len(toks)
        and skipped < 5
        and (
            toks[j].actor
            or toks[j].word in _ADVERBS
            or _agent(toks[j].word)
            or _unit_of_side(sent, j)
            or _owner_of_weapon(sent, j)
            or _of_wounds(toks, j)
        )
    ):
        j += 1  # 'اعتقلت قسد شاباً', 'قتلت غارة روسية طفلاً': the subject before the object
        skipped += 1
    j = _past_the_attack(sent, j)  # 'وقتل في الغارة القيادي', 'قتل جراء القصف طفل'
    if j >= len(toks) or toks[j].start - toks[i].end > 40:
        return None
    t = toks[j]
    if _adjective_here(toks, j):
        return None  # 'اعتقلت الشرطة المدنية ...': an adjective of the subject, not the object
    c = _classify_token(t, sent)
    if c is None or c.kind in ("thing", "", "actor"):
        return None
    nxt = toks[j + 2] if j + 2 < len(toks) else None
    if (
        nxt is not None
        and _construct_subject(sent, j, nxt.start)
        and _quantity_at(sent, nxt.start, nxt.end)
    ):
        return None  # 'اقتادت عناصر الأمن 4 شبان': the subject, not the people taken
    if c.kind == "casualty" and _state_noun(c, cat, toks[i], joined=t.word.startswith("و")):
        c = _as_people(c)  # 'توفي معتقل تحت التعذيب', 'مقتل نازحين': the verb says what happened
    elif c.kind == "casualty" and c.category != cat and cat != COMBINED:
        return None
    singular = c.singular and not t.word.endswith(("هم", "هن"))
    n = 1 if singular else 2 if c.dual else None
    if n is None and _definite(t.word):
        n, end = _number_word_after(sent, j)  # 'استشهد الأطفال الثلاثة': a definite count
        if n is None:
            return None  # 'أسرت الأشخاص': definite plurals point back at people already counted
        return _stated(toks[i].start, end, cat, n, t, c)
    if n is None and t.word.endswith(_POSSESSIVE):
        n, end = _number_word_after(sent, j)  # 'قتل أطفالها الثلاثة': definite by the pronoun
        if n is not None:
            return _stated(toks[i].start, end, cat, n, t, c)
    return _stated(toks[i].start, t.end, cat, n, t, c)


def _owner_of_weapon(sent: Sentence, j: int) -> bool:
    """Token j is the people whose weapon the word before names with ب ('قتل برصاص عناصر
    قسد', 'أصيب بنيران جنود الاحتلال طفل'): the shooters, in a construct with the weapon and
    indefinite in form, are not the victims."""
    if j == 0 or _definite(sent.toks[j].word):
        return False
    weapon = sent.toks[j - 1].word
    if not (weapon.startswith("ب") and _agent(weapon[1:])) or _definite(weapon[1:]):
        return False  # ('أصيب بالقصف شاب': a definite weapon owns no one after it)
    c = _classify_token(sent.toks[j], sent)
    return c is not None and c.kind in ("combatant", "civilian")


def _past_the_attack(sent: Sentence, j: int) -> int:
    """The token after an attack told with ال between a verb and its subject ('في الغارة',
    'جراء القصف المدفعي', 'بالقصف'); j itself when there is none."""
    toks = sent.toks
    if j < len(toks) and toks[j].word.startswith("بال") and _definite_attack(toks[j].word):
        k = j + 1
    elif (
        j + 1 < len(toks)
        and toks[j].word in ("في", "جراء", "اثر")
        and _definite_attack(toks[j + 1].word)
    ):
        k = j + 2
    else:
        return j
    if k < len(toks) and toks[k].word.startswith("ال") and not _classify_token(toks[k], sent):
        k += 1  # ('القصف المدفعي')
    return k


_STATES = ("detained", "displaced")  # nouns for people in a state: معتقلين، نازحين


def _state_noun(c: Counted, trigger_category: str, trigger: Token, joined: bool = False) -> bool:
    """A detainee or displaced-person noun governed by a trigger of another category: the
    people are counted by what the trigger says happened to them. So are wounded who die
    ('وفاة 2 من الجرحى متأثرين بجراحهم'), but not a noun joined to the trigger by و ('مقتل
    وجرحى') nor one after a casualty noun ('شهيدة وجرحى'): those are figures of their own. A
    counted injury ('1414 وفاة و2357 إصابة') is an event, not wounded people."""
    if c.category == "injured":
        return trigger_category == "killed" and not (trigger.casualty or joined or c.event)
    return c.category in _STATES and trigger_category not in ("", c.category)


def _as_people(c: Counted) -> Counted:
    """The people a state noun names: displaced people are civilians; detainees' side is
    not said by the noun (prisoners of war are detainees too)."""
    kind = "civilian" if c.category == "displaced" else ""  # (the wounded: side not said)
    return Counted(kind, end=c.end, noun=c.noun, singular=c.singular)


def _between(sent: Sentence, i: int, j: int) -> Figure | None:
    """'بين قتيل ومصاب' / 'بين قتيل وجريح': killed or injured, number not given."""
    toks = sent.toks
    if j + 2 >= len(toks):
        return None
    a, b = toks[j + 1], toks[j + 2]
    if not (a.casualty and b.casualty and a.casualty[0] != b.casualty[0]):
        return None
    f = Figure(
        start=toks[i].start,
        end=b.end,
        category=COMBINED,
        best=None,
        low=None,
        high=None,
        qualifier="vague",
        q_start=a.start,
        q_end=b.end,
        noun_class="",
    )
    _vague_values(f, "plural")
    before = sent.toks[max(0, j - 3) : j]
    if any(t.word.endswith(("ها", "هم")) for t in before):
        f.extras["counted"] = Counted("pronoun", end=toks[j].start)
        f.q_start = toks[j].start
    return f


def _bare_casualty_noun(sent: Sentence, i: int) -> Figure | None:
    """'سقوط جرحى' (vague), 'شهيداً' after a name (one). Definite plurals refer back: skipped."""
    t = sent.toks[i]
    cat, number = t.casualty
    if _count_of(sent, i) or _named_after(sent, i) or _describes_state(sent, i, cat):
        return None
    if _habitual(sent, i) or (i > 0 and _in(_ANY, sent.toks[i - 1].word)):
        return None  # ('لأي لاجئين يريدون القدوم': any, no one in particular)
    if not t.word.startswith("و") and _number_right_before(sent, t.start):
        return None  # 'حكماً بإعدام 5 معتقلين': the number counts them, and was not a figure
    if number == "dual":
        best = 2
    elif number == "singular":
        best = 1
        if i > 0 and sent.toks[i - 1].word in ("بين",):
            return None
        if cat != "killed" and _definite(t.word) and i > 0 and _definite(sent.toks[i - 1].word):
            return None  # 'المرأة المصابة', 'للرئيس المعتقل': who someone is, not a new figure
    else:
        nxt = sent.toks[i + 1] if i + 1 < len(sent.toks) else None
        if _definite(t.word):
            n, end = _number_word_after(sent, i)  # 'الشهداء الستة': a definite count
            counted = Counted("casualty", category=cat, end=end)
            return _stated(t.start, end, cat, n, t, counted) if n else None
        if t.word.endswith(("هم", "ها")) or (nxt and nxt.casualty and nxt.word.startswith("ال")):
            return None  # ('جثامين الشهداء الستة': the noun after it is counted)
        q = _quantity_at(sent, nxt.start, nxt.end) if nxt is not None else None
        if q is not None and q.kind != "vague":
            return None  # 'جثامين 6 شهداء': the number after it counts them
        best = None
    counted = Counted("casualty", category=cat, end=t.end, singular=best == 1)
    f = _stated(t.start, t.end, cat, best, t, counted)
    f.extras["definite"] = best == 1 and _definite(t.word)  # 'الضحية': the one told before
    return f


# An item number of a list: '1- ', '2) ', '3. ' before a letter (a name, not a count).
_ROSTER_ITEM = re.compile(r"(?<!\d)(\d{1,3})\s*[-–).]\s*(?=[^\W\d_])")
_ROSTER_COLON = re.compile(r"\s*:\s*")
_LINE_TEXT = re.compile(r"[^\n\d]*")
_ROSTER_ITEM_WORDS = 12  # a name with a title or a note ('ابن فرحان السالم (تم تكسير سيارته)')
_ROSTER_HEAD_GAP = 20  # words between the casualty noun and the colon (a relative clause)


def _roster(sent: Sentence, i: int) -> Figure | None:
    """'أسماء الشهداء: 1- أحمد العلي 2- محمد الحسن 3- ...': a plural casualty noun, a colon and
    a list of names numbered from 1 count the names (the last number of the run 1, 2, 3 ...),
    also when the list runs over the lines after the sentence. Some of the names ('بعض أسماء
    المعتقلين') make the count a lower bound."""
    t = sent.toks[i]
    if t.casualty[1] in ("singular", "dual"):
        return None
    colon = sent.norm.find(":", t.end, sent.end)
    if colon < 0:
        return None
    first = _ROSTER_ITEM.match(sent.norm, _ROSTER_COLON.match(sent.norm, colon).end())
    if first is None or first.group(1) != "1":
        return None
    between = sent.span_tokens(t.end, colon)
    if len(between) > _ROSTER_HEAD_GAP or any(
        x.trigger or x.casualty or _quantity_at(sent, x.start, x.end) for x in between
    ):
        return None  # the colon must open the noun's own list
    n, last = _roster_items(sent.norm, first.end())
    if n < 2:
        return None
    f = _stated(t.start, last, t.casualty[0], n, t, Counted("casualty", t.casualty[0], end=t.end))
    f.q_start, f.q_end = first.start(), last
    if any(_in(lexicon().some_of, x.word) for x in sent.toks[max(0, i - 2) : i]):
        _open_ended(f)
    return f


def _roster_items(norm: str, pos: int) -> tuple[int, int]:
    """(how many, end of the last) numbered items of a roster whose first item's name starts
    at `pos`: each next number must follow within a name's length, with no other digit."""
    n = 1
    while (nxt := _ROSTER_ITEM.search(norm, pos, pos + 150)) and nxt.group(1) == str(n + 1):
        item = norm[pos : nxt.start()]
        if not _name_item(item) or len(item.split()) > _ROSTER_ITEM_WORDS:
            break
        n, pos = n + 1, nxt.end()
    line = _LINE_TEXT.match(norm, pos).group()  # the last name ends its line
    words = list(re.finditer(r"[^\W\d_]+", line))
    return n, pos + (words[min(len(words), 3) - 1].end() if words else 0)  # (a name's words)


_NUMBER_AND_WORD = re.compile(r"\d+\s*([^\W\d_]*)")


def _name_item(item: str) -> bool:
    """A roster item holds a name: any number in it measures something ('أحمد العلي (25 عاماً)'),
    it does not count people ('1- 5 أطفال')."""
    return all(_in(lexicon().not_people, m.group(1)) for m in _NUMBER_AND_WORD.finditer(item))


def _habitual(sent: Sentence, i: int) -> bool:
    """An adverb of habit (دائماً، غالباً ما، باستمرار) in the same clause as the casualty
    noun at i, up to six words before it or two after: the clause says what attacks usually
    do ('وغالباً ما يخلف القصف شهداء وجرحى'), and counts no one this time."""
    lo, hi = max(0, i - 6), min(len(sent.toks), i + 3)
    for k in range(lo, hi):
        a, b = sorted((sent.toks[k].end, sent.toks[i].start))
        if _in(lexicon().habitual, sent.toks[k].word) and not any(
            c in sent.norm[a:b] for c in "،,.:"
        ):
            return True
    return False


def _number_right_before(sent: Sentence, pos: int) -> bool:
    """Whether a number ends right before `pos`, with only spaces between."""
    return any(q.end <= pos and not sent.norm[q.end : pos].strip() for q in sent.quantities)


def _describes_state(sent: Sentence, i: int, category: str) -> bool:
    """'منزلاً يقطنه نازحون', 'وهو نازح', 'ثلاثة شهداء نازحين': a displaced or detained noun
    that says who people are (after a verb of dwelling or 'وهو', or describing another
    casualty noun), not that they were displaced or detained."""
    if category not in ("displaced", "detained"):
        return False
    before = sent.toks[max(0, i - 2) : i]
    if before and before[-1].casualty and before[-1].casualty[0] != category:
        return not sent.toks[i].word.startswith("و")  # (but 'قتلى ومعتقلين' is two figures)
    if before and _starts(before[-1].word, lexicon().perpetrator_verbs):
        return True  # 'غارات استهدفت نازحين': whom the attack hit, not people displaced by it
    return _dwelling_before(sent, i)


def _dwelling_before(sent: Sentence, i: int) -> bool:
    """'وهو' or 'كان' in the two words before token i, or a verb of dwelling in the twelve before
    with no trigger between ('يعيش أكثر من مليون نازح في المخيمات'): the people are counted
    where they are, not as displaced or detained now."""
    lex = lexicon()
    if any(t.word.startswith(lex.describing_state) for t in sent.toks[max(0, i - 2) : i]):
        return True
    for t in reversed(sent.toks[max(0, i - 12) : i]):
        if any(s.startswith(lex.dwelling_verbs) for s in stems(t.word)):  # ('الملاذ الأخير')
            return True
        if t.trigger:
            return False
    return False


def _named_after(sent: Sentence, i: int) -> bool:
    """'مستشفى شهداء الأقصى', 'مقبرة الشهداء': a casualty word right after a place or thing
    (nothing between) is part of its name."""
    if i == 0 or sent.norm[sent.toks[i - 1].end : sent.toks[i].start].strip():
        return False
    return _in(lexicon().not_people, sent.toks[i - 1].word)


def _vague_values(f: Figure, key: str) -> None:
    """Fill low/best of a vague figure from the single vague-number convention."""
    conv = numbers.VAGUE.get(key) or numbers.VAGUE.get("عدد من") or {}
    f.low, f.best, f.high = conv.get("low"), conv.get("best"), None


# ----------------------------------------------------------------------------- victims


def _resolve_victim(
    f: Figure, sent: Sentence, actors: list[ActorMatch], prev: list[Figure]
) -> None:
    counted: Counted | None = f.extras.get("counted")
    kind = counted.kind if counted else ""
    named = [] if f.extras.get("pronoun_victim") else _sides_in_phrase(f, sent)
    if kind == "others" and prev and not named:  # ('وأصيب 9 آخرون في صفوف فصيل ...')
        f.victim = prev[-1].victim
        return
    loser, loses = _verb_subject(f, sent)
    if loses and kind != "civilian":
        f.victim = loser  # 'خسرت قوات النظام 16 عنصراً'
        return
    own = _side_right_after(f, sent) if kind == "pronoun" and f.subset_parent is not None else ""
    if own:
        f.victim = own  # '4 عناصر من الطرفين، 3 منهم من قسد وواحد من الفصائل': the 3's side
        return
    if named:
        f.victim = named[0] if len(set(named)) == 1 else "MIXED"
        return
    if kind == "actor" and counted.side:
        f.victim = counted.side
        return
    if kind == "civilian" and (unit := _members_of_unit(f, sent)):
        f.victim = unit  # 'القبض على خلية مؤلفة من 6 أشخاص': an armed cell's men
        return
    if kind == "civilian":
        plain = not _civilian_word(sent.norm[f.q_start : f.end])
        mixed = _fighter_in_breakdown(f, sent) or _fewer_civilians_among(f, sent)
        f.victim = "MIXED" if plain and mixed else "CIVILIANS"
        return
    if kind == "pronoun" and f.subset_parent is not None:
        return  # 'مقتل 4 مدنيين، اثنان منهم': the part's people are the figure's
    if f.extras.get("pronoun_victim") and (side := _side_told_before(f, sent)):
        f.victim = side  # 'أطلق مسلحون النار على شاب ما أدى لمقتله'
        return
    told = [p for p in prev if (p.category, p.best) == (f.category, f.best)]
    if f.extras.get("pronoun_victim") and told and not _one_named_before(f, sent):
        f.victim = told[-1].victim  # 'مقتل "سامر العبدالله". ... أردوه قتيلاً': the one told
        return
    if kind == "pronoun" or _has_pronoun(f, sent):
        perp = _perpetrator(f, sent)
        side = _last_side_before(f, sent, actors, {perp} if perp else None, near=True)
        f.victim = side or "UNKNOWN"
        return
    if kind == "combatant" and counted.possessive:  # 'أعلن الجيش الإسرائيلي مقتل 2 من جنوده'
        owner = _last_side_before(f, sent, actors) or _last_side_before(
            f, sent, actors, claimed=True
        )
        f.victim = owner or "UNKNOWN"
        return
    if kind == "combatant" and (_members_of_family(f, sent) or _rescuers(f, sent)):
        f.victim = "CIVILIANS"  # 'عائلة كاملة مؤلفة من 6 أفراد', '3 من عناصر الدفاع المدني'
        return
    if kind == "combatant":
        f.victim = (
            _announcing_army(f, sent)
            or _attackers(counted, sent)
            or _context_side(f, sent)
            or _default_combatant(counted)
        )
        return
    if f.subset_parent is not None:
        return  # inherits in _relate
    whole = [p for p in prev if not p.extras.get("part")]
    if kind == "" and whole and whole[-1].sentence == f.sentence and f.best is not None:
        f.victim = whole[-1].victim  # 'شخصين قتلا وأصيب 2 بجروح'
        return
    displaced = "CIVILIANS" if f.category == "displaced" else ""  # 'وصل 75 نازحاً': no side
    f.victim = (
        _soldiers_adjective(f, sent)
        or _civilians_among(f, sent)
        or _civilian_context(f, sent)
        or displaced
        or _side_of_those_told(f, counted, prev)
        or _side_of_the_toll(f, prev)
        or _one_woman(f, sent, counted)
        or "UNKNOWN"
    )


def _one_woman(f: Figure, sent: Sentence, counted: Counted | None) -> str:
    """'استشهاد إحدى إدارياته': one woman of people the lexicon does not know, a civilian as
    a woman killed alone is ('شهيدة'), unless a side is named for her."""
    said = sent.norm[f.q_start : f.q_end].split()
    plain = counted is None or counted.kind in ("", "casualty")
    return "CIVILIANS" if plain and said and stems(said[0])[-1] == "احدي" else ""


def _side_of_the_toll(f: Figure, prev: list[Figure]) -> str:
    """'قُتل أربعة مدنيين ... وارتفعت حصيلة القتلى إلى 6': a toll rising, with no side named,
    counts the casualties of its category told before, when those are all of one side."""
    if not f.extras.get("update"):
        return ""
    sides = {p.victim for p in prev if p.category == f.category and not p.extras.get("part")}
    sides.discard("UNKNOWN")
    return sides.pop() if len(sides) == 1 and "MIXED" not in sides else ""


def _one_named_before(f: Figure, sent: Sentence) -> bool:
    """A single person (or 'أحد') is named in the sentence before the figure: the pronoun on its
    trigger points to them ('يقودها أحد عناصر قوات الأسد ما أدى لمقتله'), not to anyone told in
    an earlier sentence."""
    before = sent.toks[: sent.index_at(f.start)]
    return any(t.word in numbers.ONE_OF or (t.person and t.person[1] == "singular") for t in before)


def _side_of_those_told(f: Figure, counted: Counted | None, prev: list[Figure]) -> str:
    """'أصيب 10 مدنيين ... وتوفي 3 من الجرحى': people counted among casualties of another
    kind told before (the injured, the detained) are of the side those were."""
    casualty = word_classes(normalize_word(counted.noun))[1] if counted and counted.noun else None
    if casualty is None or COMBINED in (f.category, casualty[0]) or casualty[0] == f.category:
        return ""  # ('عدد من القتلى والجرحى': the casualties themselves, not a part of others)
    told = [p for p in prev if p.category == casualty[0] and p.victim != "UNKNOWN"]
    return told[-1].victim if told else ""


def _share_side(found: list[Figure], sent: Sentence) -> None:
    """'سقط 3 قتلى و7 جرحى في صفوف الفصائل': casualty nouns joined by و share the side named
    after the last of them, or after the first ('23 قتيلاً من عناصر داعش و40 معتقلاً')."""
    for a, b in zip(found, found[1:], strict=False):
        if _others_of_the_same_side(a, b, sent):
            a.victim = b.victim  # 'سقط 6 قتلى وأصيب 9 آخرون في صفوف فصيل صقور الشام'
            continue
        if a.noun_class != "casualty" or b.noun_class != "casualty":
            continue
        if not _joined_by_and(sent.norm, _phrase_end(a, sent), b.q_start):
            continue
        if a.victim == "UNKNOWN" and b.victim not in ("UNKNOWN", "MIXED"):
            a.victim = b.victim
        elif b.victim == "UNKNOWN" and a.victim not in ("UNKNOWN", "MIXED"):
            b.victim = a.victim


def _others_of_the_same_side(a: Figure, b: Figure, sent: Sentence) -> bool:
    """Casualties with no side (a), then 'و' + a trigger + others (b) whose side is named after
    them, with no comma between: the others are of the same side as the first."""
    counted = b.extras.get("counted")
    if a.victim != "UNKNOWN" or a.noun_class != "casualty" or b.victim in ("UNKNOWN", "MIXED"):
        return False
    others = counted is not None and counted.kind == "others"
    return others and not sent.comma_between(a.end, b.start)


def _share_scope(found: list[Figure]) -> None:
    """'أدت لمقتل 161 شخصاً منذ بداية العام، وأصيب على إثر هذه الهجمات 681 شخصاً': the
    injured told in the same sentence right after a running total of the killed (or the other
    way round) belong to the same total."""
    wholes = [f for f in found if f.subset_parent is None and not f.extras.get("subset_local")]
    for a, b in zip(wholes, wholes[1:], strict=False):
        if a.scope == "cumulative" and b.scope == "incident" and a.category != b.category:
            b.scope = "cumulative"


def _civilians_among(f: Figure, sent: Sentence) -> str:
    """'قتلى وجرحى بينهم طفلان': casualties with no side, of whom some are named civilians
    (children, women), are civilian casualties. When the part is called civilians ('30
    قتيلاً بينهم 6 مدنيين') the rest are not: UNKNOWN (MIXED once the part is attached)."""
    j = _part_after(f, sent)
    if j is None or j >= len(sent.toks):
        return ""
    nxt = sent.toks[j]
    if nxt.person and nxt.person[0] == "civilian":
        return "UNKNOWN" if _civilian_word(nxt.word) else "CIVILIANS"
    q = _quantity_at(sent, nxt.start, nxt.end)
    if q is not None and q.best:
        c = _counted(q, sent)
        if c is not None and c.kind == "civilian":
            return "UNKNOWN" if _civilian_word(sent.norm[q.end : c.end]) else "CIVILIANS"
    return ""


def _part_after(f: Figure, sent: Sentence) -> int | None:
    """Index of the token after a subset marker (بينهم، من بينهم، منهم) within the three words
    after the figure ('قتلى وجرحى بينهم'), or None. A trigger or a number on the way starts
    another figure, whose part it would be ('مقتل شخص واعتقال اثنين بينهم قائد')."""
    k = sent.index_at(f.end)
    for j in range(k, min(k + 3, len(sent.toks))):
        t = sent.toks[j]
        if _in(lexicon().subset_words, t.word):
            return j + 1
        if t.trigger or _quantity_at(sent, t.start, t.end):
            return None
    return None


def _fighter_in_breakdown(f: Figure, sent: Sentence) -> bool:
    """'3 أشخاص (طفلان ومسلح)', '4 شبان بينهم عنصر في قسد': people whose breakdown, in
    brackets or after 'بينهم', names a fighter are of more than one side."""
    bracket = sent.norm[f.end : f.end + 3].strip().startswith("(")
    k = sent.index_at(f.end) if bracket else _part_after(f, sent)
    if k is None:
        return False
    for t in sent.toks[k : k + 6]:
        if t.trigger or t.casualty or ")" in sent.norm[f.end : t.start]:
            return False
        if t.person and t.person[0] == "combatant":
            return True
    return False


def _fewer_civilians_among(f: Figure, sent: Sentence) -> bool:
    """'قتل 10 أشخاص بينهم 4 مدنيين': people of whom fewer are said, after 'بينهم', to be
    civilians are not all civilians; the rest are fighters, so the toll is of more than one
    side (SOHR's 'مقتل 15 شخصاً بينهم 6 مدنيين')."""
    k = _part_after(f, sent)
    if k is None or f.best is None or k >= len(sent.toks):
        return False
    q = _quantity_at(sent, sent.toks[k].start, sent.toks[min(k + 1, len(sent.toks) - 1)].end)
    if q is None:  # 'بينهم مدنيان', 'بينهم مدني': a dual or a singular counts itself
        found = _person_count(sent.toks[k].word)
        n = found[1] if found else None
        return n is not None and n < f.best and _civilian_word(sent.toks[k].word)
    if q.best is None or q.best >= f.best:
        return False
    j = sent.index_at(q.end)  # the noun after the number
    return j < len(sent.toks) and _civilian_word(q.noun or sent.toks[j].word)


def _civilian_word(phrase: str) -> bool:
    """Whether the phrase names people as civilians (مدنيين، المدنيين), not as women or
    children."""
    return any(s.startswith("مدني") for w in phrase.split() for s in stems(w))


def _phrase_end(f: Figure, sent: Sentence) -> int:
    """End of the noun phrase after a figure: up to 5 words, stopping at a comma or verb."""
    i = sent.index_at(f.end)
    end = f.end
    counted = f.extras.get("counted")
    plain = counted is not None and counted.kind == "civilian"  # people: a part's side is its own
    for k in range(i, min(i + 5, len(sent.toks))):
        t = sent.toks[k]
        between = sent.norm[end : t.start]
        if (
            "،" in between
            or "," in between
            or t.trigger
            or (t.word in ("في", "خلال", "جراء", "اثر", "الي") and not _names_side_next(sent, k))
            or _perpetrator_cue(t.word)
            or (plain and _in(lexicon().subset_words, t.word))  # '30 شخصاً بينهم 6 من الأمن العام'
            or t.word in lexicon().charges
            or _in(lexicon().fighting, t.word)  # 'باشتباكات مع قوات النظام': the enemy
            or t.word.startswith(("بغار", "بانفجار"))  # (بغارتين؛ an explosion names no side)
            or _recipient(sent, i, k, f.category == "surrendered")
            or _conjunct(sent, k) is not None  # 'و2 من قوات النظام': next part
        ):
            break
        end = t.end
        if t.word in _PRONOUNS:
            nxt = sent.toks[k + 1] if k + 1 < len(sent.toks) else None
            if nxt is not None and nxt.word.startswith("و") and nxt.actor:
                end = nxt.end  # 'منها والتنظيم': the pronoun's side and another
            break
    return end


def _with_lam(t: Token, a: ActorMatch) -> bool:
    """The side's name carries the preposition ل ('لقوات النظام', 'للنظام'), which the name
    itself does not start with ('لواء ...')."""
    return t.word.startswith("ل") and (a.start > t.start or a.text.startswith("لل"))


def _recipient(sent: Sentence, i: int, k: int, surrender: bool = False) -> bool:
    """Token k names a second side with the preposition ل after the figure's own side (tokens
    i..k): 'استسلم 20 عنصراً من داعش لقسد' is the side they surrendered to. A side named
    first with ل is whose they are ('4 عناصر للنظام', 'عناصر تابعين لقوات النظام'), except
    after handing themselves over ('سلّم 150 مقاتلاً أنفسهم للقوات الحكومية')."""
    t = sent.toks[k]
    a = next((a for a in sent.actors if t.start <= a.start < t.end), None) if t.actor else None
    if a is None or not _with_lam(t, a):
        return False
    affiliated = sent.toks[k - 1].word.startswith(lexicon().affiliation)
    return (surrender or any(x.actor for x in sent.toks[i:k])) and not affiliated


def _names_side_next(sent: Sentence, k: int) -> bool:
    """'قيادي في هيئة تحرير الشام', 'عنصر في صفوف قسد': 'في' + a side belongs to the phrase."""
    if sent.toks[k].word != "في" or k + 1 >= len(sent.toks):
        return False
    nxt = sent.toks[k + 1]
    return bool(nxt.actor) or nxt.word in lexicon().ranks


def _sides_in_phrase(f: Figure, sent: Sentence) -> list[str]:
    """Sides named in the figure's own noun phrase ('من مسلحي التنظيم', 'من «قسد»')."""
    end = _phrase_end(f, sent)
    toks = sent.span_tokens(f.q_start, end)
    both = lexicon().both_sides
    if any(t.word in both or t.word[1:] in both for t in toks):
        return ["MIXED", "MIXED2"]
    sides = []
    counted = f.extras.get("counted")
    plain = counted is not None and counted.kind == "civilian"
    for a in sent.actors:
        if not f.q_start <= a.start < end or a.side in sides:
            continue
        if _country_as_place(sent, a):
            continue  # '50 ألف قتيل في تركيا وسوريا': where they died, not whose they were
        if sides and _backer(sent, a):
            continue  # 'عنصران من الفيلق الخامس المدعوم روسياً': Russia backs the side named
        if plain and (_owns_a_place(sent, a) or not _belongs_to(sent, f.end, a)):
            continue  # 'أشخاص من الجيب الأخير للتنظيم': where people came from, not their side
        sides.append(a.side)
    for i, t in enumerate(toks):
        side = adjective_side(t.word) if not plain else None  # 'لاجئة عراقية': a civilian
        prev = toks[i - 1] if i else None
        if (
            side
            and side not in sides
            and (prev is None or prev.start < f.q_end or _names_people(prev))
        ):
            sides.append(side)
    if "الميليشيا" in sent.norm[f.q_start : end] or "المليشيا" in sent.norm[f.q_start : end]:
        sides.append("MILITIA")
    if sides and any(t.word in _PRONOUNS for t in toks):
        sides.append("PRONOUN")
    return _resolve_placeholders(sides, f, sent)


def _country_as_place(sent: Sentence, a: ActorMatch) -> bool:
    """A country's name after 'في' (or joined by و to one that is) names a place."""
    if normalize_word(a.text) not in lexicon().countries:
        return False
    first = sent.token_range(a)[0]
    word = sent.toks[first].word
    prev = sent.toks[first - 1].word if first else ""
    return prev == "في" or (_and(word) and first >= 2 and sent.toks[first - 2].word == "في")


def _backer(sent: Sentence, a: ActorMatch) -> bool:
    """The side is named as someone's backer ('المدعوم روسياً', 'بدعم تركي', 'المدعومة من إيران')."""
    first = sent.token_range(a)[0]
    before = [t.word for t in sent.toks[max(0, first - 2) : first]]
    if before and before[-1] == "من":
        before = before[:-1]
    return bool(before) and (
        before[-1].removeprefix("ال").startswith("مدعوم") or before[-1] == "بدعم"
    )


def _belongs_to(sent: Sentence, end: int, a: ActorMatch) -> bool:
    """Plain people ending at `end` belong to the side only when a word of membership stands
    right before its name (من، في، صفوف، تابعين, or ل on the name: '3 أشخاص من قسد', 'شبان
    تابعين لقسد', 'مسؤولاً بارزاً في داعش'), and no other person comes between, whose side it
    would be ('مواطناً استضاف قيادياً في التنظيم'); not after a verb ('مدني ويحمّل قسد').
    """
    lex = lexicon()
    between = [t for t in sent.span_tokens(end, a.start) if end <= t.start < a.start]
    if len(between) > 3:
        return False  # 'امرأة باشتباك بين دورية من قسد ومجموعة من عائلة': not hers
    for k, t in enumerate(between):
        if t.person and not (k and between[k - 1].word == "من"):
            return False
    first = sent.span_tokens(a.start, a.end)[0]
    if first.start < a.start and first.word.startswith("ل"):
        return True  # 'لقسد', 'للنظام'
    if not between:
        return True
    last = between[-1].word
    return last in ("من", "في", "ل") or _in(lex.ranks, last) or last.startswith(lex.affiliation)


def _owns_a_place(sent: Sentence, a: ActorMatch) -> bool:
    """The side is named as the owner of a place or thing in the two words before it: 'الجيب
    الأخير للتنظيم', 'مواقع قسد', 'حاجز للنظام'."""
    first = sent.index_at(a.start)
    for t in reversed(sent.toks[max(0, first - 2) : first]):
        if t.person or t.casualty:
            return False
        if _in(lexicon().not_people, t.word):
            return True
    return False


def _names_people(t: Token) -> bool:
    """A token a nationality adjective after it describes as people: a person or casualty noun
    ('جنود أتراك') or another such adjective; not an attack ('الهجوم التركي')."""
    return bool(t.person or t.casualty or adjective_side(t.word))


def _resolve_placeholders(sides: list[str], f: Figure, sent: Sentence) -> list[str]:
    out = [s for s in sides if s not in ("MILITIA", "PRONOUN")]
    if "PRONOUN" in sides:
        other = _last_side_before(f, sent, None, exclude=set(out))
        if other:
            out.append(other)
    if "MILITIA" in sides and not out:
        out.append(_militia_side(sent.norm) or "UNKNOWN")
    return out


def _militia_side(norm: str) -> str:
    """The side a text calls 'the militia': the first actor named right after ميليشيا."""
    for m in re.finditer(r"مي?ليشيا(?:ت)?\s*\"?", norm):
        for a in find_actors(norm, m.end(), m.end() + 40):
            if a.start - m.end() <= 3:
                return a.side
    return ""


def _has_pronoun(f: Figure, sent: Sentence) -> bool:
    toks = sent.span_tokens(f.q_start, _phrase_end(f, sent))
    return any(t.word in _PRONOUNS or t.word in ("الاخير", "الاخيره") for t in toks)


def _last_side_before(
    f: Figure,
    sent: Sentence,
    actors: list[ActorMatch] | None,
    exclude: set[str] | None = None,
    claimed: bool = False,
    near: bool = False,
) -> str:
    """The side a pronoun refers to: the last side named before the figure, skipping
    claimants ('بغداد أكدت') unless `claimed` and sides already named in the phrase. With
    `near`, plain people named after that side in the sentence are nearer: 'تعرض شابان
    لإطلاق نار، ما أدى إلى مقتل أحدهما' (civilians)."""
    pool = actors if actors is not None else sent.doc_actors
    exclude = exclude or set()
    for a in reversed([a for a in pool if a.end <= f.q_start]):
        if a.side in exclude or a.side in ("UNKNOWN", "OTHER"):
            continue
        if not claimed and _said_next_to(sent.norm, a.start, a.end):
            continue
        return "CIVILIANS" if near and _people_between(sent, a.end, f.q_start) else a.side
    return "CIVILIANS" if near and _people_between(sent, sent.start, f.q_start) else ""


def _people_between(sent: Sentence, start: int, end: int) -> bool:
    """Whether plain people (شابان، مدنيين، عائلة) are named in the sentence between two
    offsets."""
    return any(start <= t.start and t.end <= end and _plain_people(t) for t in sent.toks)


def _plain_people(t: Token) -> bool:
    """A civilian person noun, dual included ('شابان')."""
    if t.person:
        return t.person[0] == "civilian"
    singular = numbers.dual_noun(t.word)
    hit = _lookup(lexicon().person, normalize_word(singular)) if singular else None
    return hit is not None and hit[1][0] == "civilian"


def _rescuers(f: Figure, sent: Sentence) -> bool:
    """Members named right after as those of a rescue or medical service ('عناصر الدفاع
    المدني', 'متطوعين في الهلال الأحمر') or of a civil administration ('قيادي في مجلس دير
    الزور المدني'): within the three words after the figure."""
    k = sent.index_at(f.end)
    stop = sent.toks[min(k + 3, len(sent.toks) - 1)].end if k < len(sent.toks) else f.end
    m = lexicon().civilian_services.search(sent.norm, f.end, min(sent.end, stop + 40))
    return (m is not None and m.start() < stop) or _civil_body(sent, k, k + 3)


def _civil_body(sent: Sentence, a: int, b: int) -> bool:
    """A municipality, or a council with a civil qualifier within the three words after it,
    named among tokens a..b (a military council is no civil body, nor are its police)."""
    lex = lexicon()
    for k in range(a, min(b + 1, len(sent.toks))):
        word = sent.toks[k].word
        if _in(lex.body_guards, word):
            return False
        if _in(lex.municipalities, word):
            return True
        if _in(lex.councils, word):
            after = sent.toks[k + 1 : k + 5]
            return any(t.word in lex.council_qualifiers for t in after)
    return False


def _context_side(f: Figure, sent: Sentence) -> str:
    """Fighters with no side named: the closest side named before them in the sentence that
    is not the one doing the killing."""
    perp = _perpetrator(f, sent)
    for a in reversed([a for a in sent.actors if a.end <= f.q_start]):
        if a.side in (perp, "UNKNOWN", "OTHER"):
            continue
        if _said_next_to(sent.norm, a.start, a.end, sent.start):
            continue  # 'قالت وزارة الدفاع الروسية إن الطائرات قتلت 30 مسلحاً': the sayer's enemies
        return a.side
    return ""


def _attackers(counted: Counted, sent: Sentence) -> str:
    """'هاجم مسلحو داعش حاجزاً لقوات النظام وقتل 4 من المهاجمين': 'the attackers' are the
    side that is the subject of the sentence's verb of attacking."""
    if not normalize_word(counted.noun).removeprefix("ال").startswith("مهاجم"):
        return ""
    for a in sent.actors:
        first = sent.token_range(a)[0]
        if first > 0 and _attacks_before(sent, first):
            return a.side
    return ""


def _announcing_army(f: Figure, sent: Sentence) -> str:
    """Soldiers with no side named, reported by a side with a word of saying by it ('إصابة 4
    جنود، وفق ما أعلنت وزارة الدفاع التركية', 'أعلن الجيش الإسرائيلي مقتل جنديين'): an army
    reports its own soldiers."""
    counted = f.extras.get("counted")
    if counted is None or not _unnamed_soldiers(counted):
        return ""
    for a in sent.actors:
        if (a.start >= f.end or a.end <= f.start) and _said_next_to(
            sent.norm, a.start, a.end, sent.start
        ):
            return a.side
    return ""


def _unnamed_soldiers(counted: Counted) -> bool:
    """The counted noun is one of casualties.yaml's soldiers whose side goes unsaid."""
    return normalize_word(counted.noun).removeprefix("ال") in lexicon().unnamed_soldiers


def _side_right_after(f: Figure, sent: Sentence) -> str:
    """The side named by 'من' right after the figure ('3 منهم من قسد'), else ''."""
    k = sent.index_at(f.end)
    if k + 1 >= len(sent.toks) or sent.toks[k].word != "من":
        return ""
    nxt = sent.toks[k + 1]
    return nxt.actor if nxt.actor and not nxt.actor_weak else ""


def _soldiers_adjective(f: Figure, sent: Sentence) -> str:
    """'ارتقاء شهيدين عسكريين', '3 قتلى عسكريين': a soldiers' word right after a casualty noun
    says the dead were soldiers, of the side unnamed soldiers have."""
    k = sent.index_at(f.end)
    if k >= len(sent.toks) or sent.norm[f.end : sent.toks[k].start].strip():
        return ""
    t = sent.toks[k]
    soldiers = Counted("combatant", noun=t.word)
    if t.person is None or t.person[0] != "combatant" or not _unnamed_soldiers(soldiers):
        return ""
    return _default_combatant(soldiers)


def _default_combatant(counted: Counted | None) -> str:
    """Soldiers with no side named: the side casualties.yaml gives them (in Syrian reporting,
    the Syrian army)."""
    if counted and _unnamed_soldiers(counted):
        return lexicon().unnamed_soldiers_side
    return "UNKNOWN"


def _side_told_before(f: Figure, sent: Sentence) -> str:
    """The side of the one person a pronoun on a trigger points back to ('لمقتله', 'إصابتها'):
    the nearest single person named before it in the sentence, a civilian, or a fighter with
    his side named right after him ('القيادي في ميليشيات قسد ما أدى لإصابته'); '' if unsaid."""
    end = sent.index_at(f.start)
    for k in range(end - 1, -1, -1):
        t = sent.toks[k]
        if not t.person or t.person[1] != "singular":
            continue
        if t.person[0] == "civilian":
            return "CIVILIANS"
        after = sent.toks[k + 1 : min(end, k + 5)]
        return next((x.actor for x in after if x.actor and not x.actor_weak), "")
    return ""


def _civilian_context(f: Figure, sent: Sentence) -> str:
    """Casualty nouns alone (شهداء، ضحايا) are UNKNOWN unless the sentence names civilians
    (people, two people with a dual: 'جثتي شابين', homes, residential areas) and no fighters,
    or are in the feminine (a woman: 'شهيدة'). Fighters after 'أي' (any) are no one in
    particular: 'ولم تكن لهم ارتباطات في أي فصيل مسلح' says the dead were civilians; nor are
    fighters after an attack word, who did it ('في اعتداء الإرهابيين')."""
    toks = sent.toks
    if any(_in(lexicon().women_casualties, t.word) for t in sent.span_tokens(f.start, f.end)):
        return "CIVILIANS"  # 'شهيدة': a woman
    kinds = {
        t.person[0]
        for k, t in enumerate(toks)
        if t.person
        and not t.trigger
        and not any(_in(_ANY, x.word) for x in toks[max(0, k - 2) : k])
        and not (t.person[0] == "combatant" and _cue_leads_to(sent, k))
        and not _starts(t.word, lexicon().suspects)
    }  # (not 'أسر' captured, nor the attackers: 'في اعتداء الإرهابيين', nor 'أحد المطلوبين')
    for q in sent.quantities:
        if q.kind == "dual" and q.noun:
            c = _classify_noun(normalize_word(q.noun), sent, q.end)
            kinds.add(c.kind if c is not None else "")
    places = lexicon().civil_places
    civil_places = any(s in places for t in sent.toks for s in stems(t.word))  # ('للمجزرة')
    if "combatant" in kinds:
        return ""
    return "CIVILIANS" if "civilian" in kinds or civil_places else ""


_ANY = frozenset(("اي",))  # 'أي', 'لأي', 'بأي' once normalised


# ----------------------------------------------------------------------------- scope, sources
def _scope(f: Figure, sent: Sentence) -> str:
    """Cumulative when a running-total cue is in the sentence before the figure, or after it
    up to a 'ليرتفع' (the figure before a new total is the increment) or a negation ('لم ترد
    أنباء عن عددهم حتى الآن' says nothing of the figure's scope)."""
    cum = lexicon().cumulative
    first = sent.index_at(f.q_start)
    back = sent.toks[max(0, first - SCOPE_BACK)].start if first else sent.start
    if cum.search(sent.norm, max(sent.start, back), f.q_start):
        return "cumulative"
    after = sent.toks[sent.index_at(f.end) :][:SCOPE_AHEAD]
    stop = after[-1].end if after else f.end
    for t in after:
        if (
            t.word in lexicon().totals
            and t.word.startswith("ل")
            or _in(lexicon().negations, t.word)
        ):
            stop = t.start
            break
    m = cum.search(sent.norm, f.end, min(sent.end, stop + 40))
    return "cumulative" if m and m.start() < stop else "incident"


def _recalls_earlier(sent: Sentence) -> bool:
    """'وكانت المنطقة ذاتها قد شهدت هجوماً ...': a sentence in the pluperfect (كان ... قد)
    recalls earlier events in the writer's own voice; it does not go on with the quote before."""
    toks = sent.toks[:6]
    return bool(toks) and toks[0].word in _WAS and any(t.word in ("قد", "وقد") for t in toks)


_WAS = frozenset(("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"))
_SOURCE_NOUNS = ("مصدر", "مصادر")  # 'a source', 'sources': no one named
_UNNAMED = "unnamed sources"
_GENERIC_SOURCE = re.compile(rf"(?<!\w)(?:[وف]?(?:ال)?)(?:{'|'.join(_SOURCE_NOUNS)})(?!\w)")
_QUOTES = re.compile('["“”«»]')
_GENERIC_NAME = re.compile(rf"(?:ال|لل)?(?:{'|'.join(_SOURCE_NOUNS)})(?!\w)")  # after بحسب


def _claimant(
    f: Figure, sent: Sentence, norm: str, outlet: str, written: Callable[[int, int], str]
) -> str:
    """Who gives the figure: a source named in the sentence (closest before, else after),
    else a name after 'بحسب/وفق' in the sentence as written (`written` gives the original
    text of a normalised span), else the last source introduced by an attribution verb in the
    previous sentences, else the outlet."""
    if _mourned(f, sent):  # 'ونعت قسد 4 من مقاتليها': the mourner tells of its own dead
        for s in find_sources(norm, f.start, f.q_start)[:1]:
            if name := _source_name(s, sent, norm):
                return name
        k = sent.index_at(f.start)
        for a in (a for a in sent.actors if f.start <= a.start < f.q_start):
            first = sent.index_at(a.start)  # the verb's subject: 'ونعت حركة أحرار الشام'
            if first - k <= 2 and not sent.toks[first].word.startswith("ل"):
                return _QUOTES.sub("", written(a.start, a.end)).strip()  # (not 'موالية للنظام')
    before = [s for s in find_sources(norm, sent.start, f.start) if _gives(s, f, sent, norm)]
    after = [
        s
        for s in find_sources(norm, f.end, sent.end)
        if _gives(s, f, sent, norm) and not _tells_its_own(sent, s.end)
    ]
    relayers = [s for s in before if _relays(s, before, norm, f.start)]
    before = [s for s in before if s not in relayers]
    for s in before[-1:] or after[:1]:
        if name := _source_name(s, sent, norm):
            return name
    if _GENERIC_SOURCE.search(norm, sent.start, f.start):
        return _UNNAMED
    spans = _named_as_written(sent)
    earlier = [s for s in spans if s[1] <= f.start]
    later = (s for s in spans if s[0] >= f.end and not _tells_its_own(sent, s[1]))
    span = earlier[-1] if earlier else next(later, None)
    if span is not None:
        if _GENERIC_NAME.match(norm, span[0]) or norm[span[0] : span[1]] in lexicon().source_heads:
            return _UNNAMED  # 'بحسب مصادر', 'أفادت منظمة إنسانية'
        return _QUOTES.sub("", written(*span)).strip()  # 'شبكة "عين الفرات' has half its quotes
    for s in relayers[-1:]:  # 'نقلت رويترز عن مسؤول أمني': no name for the one it quotes
        if name := _source_name(s, sent, norm):
            return name
    if _recalls_earlier(sent):
        return outlet or "outlet"
    lo = max(0, sent.start - 600)
    brk = norm.rfind("\n", lo, sent.start)
    opens_saying = _has_saying(norm[sent.start : sent.start + 40].split()[:2])
    if brk >= 0 and not opens_saying and not _list_item(norm, brk, sent.start):
        lo = brk  # a new paragraph not opened by 'وأضاف' is the outlet's ('وفي سياق متصل')
    # ('وأضافت المصادر' speaks for its own sentence only: no source named, no voice to carry on)
    told = [s for s in find_sources(norm, lo, sent.start) if s.name and not _the_sources(s)]
    for k in range(len(told) - 1, -1, -1):
        s = told[k]
        if _said_next_to(norm, s.start, s.end) and (name := _source_name(s, sent, norm)):
            relayed = told[k + 1] if k + 1 < len(told) else None  # 'نقلت إرنا عن مدير في الداخلية
            if relayed is not None and _relays(s, told, norm, relayed.end):  # العراقية... وأوضح'
                return _source_name(relayed, sent, norm) or name
            return name
    return outlet or "outlet"


def _list_item(norm: str, brk: int, start: int) -> bool:
    """The paragraph after the break at `brk` is an item of a list the sayer opened ('وثق
    المرصد مقتل 9 أشخاص، وهم:' then '- 3 مدنيين ...'): a colon ends the text before the
    break, or a dash or bullet opens the item."""
    before = norm[:brk].rstrip()
    return before.endswith((":", "：")) or norm[brk : start + 2].strip().startswith(
        ("-", "–", "•", "*")
    )


def _mourned(f: Figure, sent: Sentence) -> bool:
    """The figure opens with a verb of mourning: its subject, before the number, is the
    side announcing its own dead."""
    k = sent.index_at(f.start)
    return k < len(sent.toks) and _in(lexicon().mourning_verbs, sent.toks[k].word)


def _tells_its_own(sent: Sentence, end: int) -> bool:
    """A source ending at `end`, after the figure, goes on to give a figure of its own ('وسط
    أنباء عن مقتل 32 مسلحاً ... الذي أكدت بغداد مقتل 30 قيادياً منه'): a trigger within the
    three words after it (a number may be a date: 'بحسب الدفاع المدني يوم 11 أكتوبر')."""
    k = sent.index_at(end)
    return any(t.trigger for t in sent.toks[k : k + 3])


def _named_as_written(sent: Sentence) -> list[tuple[int, int]]:
    """Spans of the names after 'بحسب / وفق ما نقل / نقلاً عن', or after a word of saying when
    they start with شبكة، منظمة ... ('أفادت شبكة عين الفرات'), that the source list does not
    know ('وفق ما نقل تجمع أحرار حوران', 'بحسب فريق منسقو استجابة سوريا'): up to five words,
    ending at punctuation, a stop word (أن، في، خلال ...), a number or a casualty word."""
    according_to, heads = lexicon().according_to, lexicon().source_heads
    out = []
    for i, t in enumerate(sent.toks):
        if _in(according_to, t.word):
            k = _name_start(sent.toks, i)
        elif i + 1 < len(sent.toks) and _has_saying([t.word]) and sent.toks[i + 1].word in heads:
            k = i + 1  # 'أفادت شبكة عين الفرات بأن'
        else:
            continue
        if span := _name_span(sent, k):
            out.append(span)
    return out


def _name_start(toks: list[Token], i: int) -> int:
    """Index of the first word of the name after the attribution word at i, past 'عن' / 'ل'
    ('نقلاً عن', 'وفقاً ل') or 'ما' + a word of saying (+ 'به'): 'وفق ما نقل', 'بحسب ما أفاد به'."""
    k = i + 1
    if k < len(toks) and toks[k].word in ("عن", "ل"):
        return k + 1
    if k + 1 < len(toks) and toks[k].word == "ما" and _has_saying([toks[k + 1].word]):
        k += 2
        return k + 1 if k < len(toks) and toks[k].word in ("به", "بها") else k
    return k


def _name_span(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The name starting at token k, or None when there is none or the source list knows it
    (a known source was tried already). 'وفقاً لمنظمة العفو': the span leaves out the ل ('للجنة'
    keeps it: لجنة or الجنة cannot be told apart)."""
    name: list[Token] = []
    for x in sent.toks[k : k + 5]:
        gap = sent.norm[(name[-1].end if name else sent.toks[k - 1].end) : x.start]
        if any(c in gap for c in "،,.:؛()\n") or _ends_name(x):
            break
        name.append(x)
    if not name or find_sources(sent.norm, name[0].start, name[-1].end):
        return None
    first = name[0].word
    lam = sent.toks[k - 1].word.endswith("ا") and first.startswith("ل") and first[1:2] != "ل"
    return name[0].start + lam, name[-1].end


def _ends_name(t: Token) -> bool:
    """A word that cannot be part of a source's name: a stop word, a number, a casualty word."""
    return (
        t.word in lexicon().name_stops
        or bool(t.trigger or t.casualty)
        or any(c.isdigit() for c in t.word)
    )


_PREVIOUS_SOURCE = "(previous)"  # the name actors.yaml gives to words like وأضاف الموقع


def _source_name(s: SourceMatch, sent: Sentence, norm: str) -> str:
    """The source's name. A word pointing back (وأضاف الموقع) takes the name of the last source
    introduced with the same noun ('موقع تطورات العالم الإسلامي', 'الشبكة السورية'); '' when
    there is none."""
    if s.name != _PREVIOUS_SOURCE:
        return s.name
    noun = _pointing_noun(s)
    nouns = _SOURCE_NOUNS if noun in _SOURCE_NOUNS else (noun,)  # 'مصادر محلية ... المصدر'
    for p in reversed(find_sources(norm, max(0, s.start - 3000), s.start)):
        if p.name in ("", _PREVIOUS_SOURCE):
            continue
        words = norm[max(0, p.start - 20) : p.start].split()[-1:] + p.text.split()[:1]
        if any(w.removeprefix("ال") in nouns for word in words for w in stems(word)):
            return _outlet_carrying(p, norm) if p.name in unnamed_sources() else p.name
    return _UNNAMED if noun in _SOURCE_NOUNS else ""  # 'وأضافت المصادر'


def _pointing_noun(s: SourceMatch) -> str:
    """The noun of a word pointing back, without its ال or لل ('وأضاف الموقع', 'وفقاً للمصادر')."""
    last = s.text.split()[-1]
    return last[2:] if last.startswith(("ال", "لل")) else last


def _the_sources(s: SourceMatch) -> bool:
    """'المصدر', 'المصادر': the unnamed source(s) told before."""
    return s.name == _PREVIOUS_SOURCE and _pointing_noun(s) in _SOURCE_NOUNS


def _outlet_carrying(p: SourceMatch, norm: str) -> str:
    """The outlet that an unnamed source speaks through ('مصدر عسكري وفق وكالة سانا': SANA),
    named within a few words after it; else the unnamed source's own name."""
    for o in find_sources(norm, p.end, p.end + 40):
        between = norm[p.end : o.start].split()
        if o.name not in ("", _PREVIOUS_SOURCE) and any(
            _in(lexicon().according_to, w) for w in between
        ):
            return o.name
    return p.name


def _is_side(s: SourceMatch, actors: list[ActorMatch]) -> bool:
    """Whether the source's name is also a side's (قسد، الجيش الإسرائيلي)."""
    return any(a.start < s.end and s.start < a.end for a in actors)


def _said_next_to(norm: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether a word of saying stands right by the name at [start, end): one of the two words
    before it (أعلنت قسد، بحسب المرصد) or the word after it (قسد قالت)."""
    after = re.split(r"[\n.؟!]", norm[end : end + 15], maxsplit=1)[0]  # not the next sentence's
    return _has_saying(norm[max(lo, start - 25) : start].split()[-2:] + after.split()[:1])


def _has_saying(words: list[str]) -> bool:
    said = lexicon().attribution
    return any(_in(said, word) for word in words)


def _gives(s: SourceMatch, f: Figure, sent: Sentence, norm: str) -> bool:
    """Whether a source named in the figure's sentence is the one giving the figure.

    A monitor or an outlet is (المرصد، سانا). A source that is also a side in the fighting
    (قسد، الجيش الإسرائيلي) is often named only as attacker or target ('قصف مصدره قسد'), and
    a word pointing back (الموقع) may be a place, so these give the figure only with a word of
    saying just before them (أعلنت قسد، بحسب قسد) or in the four words after them on the way to
    the figure (قسد قالت إن، عن مدير في الداخلية العراقية أبو علي قوله).
    """
    if not s.name or (_told_to(s, norm) and not _reported_by(norm, s.start)):
        return False  # 'قالت مصادر ... للأناضول', 'لوكالة الأناضول': told to, not by
    # 'وأصيب ستة من عناصر الدفاع المدني': a source in the people counted does not count them
    counted = f.end <= s.start < _phrase_end(f, sent) or _members_of_source(s, sent)
    if s.name != _PREVIOUS_SOURCE and not _is_side(s, sent.actors) and not counted:
        return True
    if _said_next_to(norm, s.start, s.end, sent.start):
        return True
    return s.end <= f.start and _has_saying(norm[s.end : f.start].split()[:4])


def _members_of_source(s: SourceMatch, sent: Sentence) -> bool:
    """People are named right before the source ('استشهد 3 من عناصر الدفاع المدني وأصيب
    اثنان آخران'): it says whose people were hit, for this figure and the ones told with it.
    A reporter is not such a person: he carries the source's report."""
    k = sent.index_at(s.start)
    if k == 0 or sent.toks[k - 1].person is None or sent.toks[k - 1].end > s.start:
        return False
    before = sent.toks[k - 1]  # 'مراسل تلفزيون سوريا': a reporter carries the report
    return not find_sources(sent.norm, before.start, before.end)


def _told_to(s: SourceMatch, norm: str) -> bool:
    """The source is written with ل in front (للأناضول، لوكالة الأناضول)."""
    glued = (
        s.start > 0 and norm[s.start - 1] == "ل" and (s.start < 2 or norm[s.start - 2].isspace())
    )
    return s.text.startswith("لل") or glued


def _relays(s: SourceMatch, sources: list[SourceMatch], norm: str, stop: int) -> bool:
    """A source passing on someone else's words: 'نقلت وكالة إرنا عن مدير في الداخلية العراقية',
    'نقلت رويترز عن مصادر طبية' (a verb of relaying before it and عن in the words after it),
    or an agency after بحسب when the one who said it is named before ('أكد المرصد، بحسب أ ف
    ب، أن')."""
    before = [w for w in norm[max(0, s.start - 30) : s.start].split() if w.strip('"،,')][-2:]
    after = norm[s.end : stop].split()[:4]
    relay = lexicon().relay_verbs
    if any(_starts(b, relay) for b in before) and "عن" in after:
        return True
    if not any(_in(lexicon().according_to, b) for b in before):
        return False
    return any(
        o.end <= s.start
        and _said_next_to(norm, o.start, o.end)
        and o.name not in unnamed_sources()  # 'قال مصدر عسكري وفق سانا': SANA's figure
        for o in sources
    )


def _reported_by(norm: str, pos: int) -> bool:
    """The word before pos says whose figures follow: 'وفقاً للمرصد', 'حصيلة للمرصد'."""
    before = norm[max(0, pos - 20) : pos].rstrip("ل").split()[-1:]  # ('وفقاً لمنظمة العفو')
    lex = lexicon()
    return any(_in(lex.according_to, w) or _in(lex.report_nouns, w) for w in before)


_PREPOSITIONS = frozenset(("مع", "ضد", "علي", "من", "في", "الي", "عن", "بين", "لدي", "عند", "نحو"))


def _acts(t: Token) -> bool:
    """A token that says its subject did something violent (قتلت، هاجموا، وأوقعت، توقع ...)."""
    if t.trigger:
        return True
    return _starts(t.word, lexicon().perpetrator_verbs) or _attack_verb(t.word)


def _perpetrator(f: Figure, sent: Sentence) -> str:
    """The side causing the casualties, where the sentence says so: the closest side named
    after 'بقصف/برصاص/على يد ...' or as the subject of a violent verb before the figure."""
    phrase_end = _phrase_end(f, sent)
    subject, loses = _verb_subject(f, sent)
    if subject and not loses and subject != f.victim:  # 'قتل عناصر النظام' names the dead
        return subject
    found = ""
    for a in sent.actors:
        if f.q_start <= a.start < phrase_end or a.start > phrase_end + 80:
            continue
        before = found  # 'شن داعش هجوماً على مواقع قسد أسفر عن مقتل 5 عناصر': not SDF's
        first, last = sent.token_range(a)
        head = _past_members(sent, first)  # 'هجوم لخلايا مرتزقة داعش': the cue before 'خلايا'
        prev = [sent.toks[k].word for k in range(max(0, head - 2), head)]
        partitive = len(prev) == 2 and prev[1] == "من" and prev[0] in lexicon().units
        if any(_perpetrator_cue(p) for p in prev) or _cue_leads_to(sent, first):
            found = a.side
            if a.end <= f.start and (repeller := _repelled_by(sent, head)) is not None:
                found = repeller  # 'تصدت قسد لهجوم خلايا داعش وقتلت 3 منهم': SDF's doing
        elif (
            a.end <= f.start
            and not (prev and prev[-1] in _PREPOSITIONS and not partitive)  # ('وحدات من الجيش')
            and not _with_lam(sent.toks[first], a)  # 'حاجزاً لقوات النظام وقتلوا': not the subject
            and not _counted_group(sent, first)
            and _subject_of_verb(sent, a, last)
        ):
            found = _first_conjunct(sent, a, first) or a.side  # ('تركيا والفصائل ... استهدفت')
        elif a.end <= f.start and first > 0 and _attacks_before(sent, first):
            found = a.side  # 'استهدفت قوات النظام البلدة ما أدى لمقتل 3': verb, then subject
        if found == f.victim and f.category != "detained":
            found = before or _target_of_attack(sent, a, f.victim)  # not their own killers
        if found and a.start > f.start:
            break
    return (
        found
        or _sayers_men(f, sent)
        or _attack_adjective(sent, f.q_start, phrase_end)
        or _strike_by_sayer(f, sent, phrase_end)
        or _subject_of_the_first_verb(f, sent)
    )


def _subject_of_the_first_verb(f: Figure, sent: Sentence) -> str:
    """'قوات النظام تقصف جبل الزاوية وتقتل 3 مدنيين', 'طائرة تركية تستهدف سيارة وتقتل شخصين':
    a casualty verb joined by و to an attacking verb shares its subject, named (or given by a
    nationality adjective) right before that verb, in a headline's subject-verb order; and a
    unit with a nationality adjective told before it is the subject of both ('وتوغلت قوة
    إسرائيلية في القرية واعتقلت شابين')."""
    k = sent.index_at(f.start)
    if k >= len(sent.toks) or not sent.toks[k].word.startswith("و") or not sent.toks[k].trigger:
        return ""
    for j in range(k - 1, 0, -1):
        t = sent.toks[j]
        if t.trigger:
            return ""
        if _in(lexicon().units, t.word) and j + 1 < k and adjective_side(sent.toks[j + 1].word):
            return adjective_side(sent.toks[j + 1].word)  # 'وتوغلت قوة إسرائيلية ... واعتقلت'
        if not _attack_verb(t.word):
            continue
        prev = sent.toks[j - 1]
        a = next((a for a in sent.actors if a.end <= t.start and a.end >= prev.start), None)
        side = a.side if a is not None and not sent.norm[a.end : t.start].strip() else ""
        return side or adjective_side(prev.word) or ""
    return ""


def _attack_verb(word: str) -> bool:
    """A verb of attacking (casualties.yaml's word beginnings: استهدف، قصف، شن) in the past or
    the present tense ('يستهدف', 'تقصف', 'يشن'), with or without proclitics."""
    return _starts(word, lexicon().perpetrator_verbs) or any(
        s[:1] in "يت" and s[1:].startswith(_present_stems()) for s in stems(word)
    )


@cache
def _present_stems() -> tuple[str, ...]:
    """The verbs of attacking without the ا that only the past tense has: استهدف -> ستهدف."""
    return tuple(v[1:] if v.startswith("ا") else v for v in lexicon().perpetrator_verbs)


def _strike_by_sayer(f: Figure, sent: Sentence, phrase_end: int) -> str:
    """'أعلنت القيادة المركزية الأمريكية (سنتكوم) مقتل قيادي في داعش بغارة': a strike with no
    side named that killed another side's fighters, announced by a side with a word of saying
    by it, is that side's own."""
    if f.victim in ("CIVILIANS", "UNKNOWN", "MIXED", "OTHER"):
        return ""  # ('قالت قسد إن 3 مدنيين قتلوا بغارة': a side tells of strikes on its people)
    after = [t for t in sent.toks if f.end <= t.start <= phrase_end + 40]
    if not any(_in(lexicon().strike_nouns, t.word) for t in after):
        return ""
    for a in sent.actors:
        if a.end <= f.start and a.side not in (f.victim, "UNKNOWN") and _said_by(sent, a):
            return a.side
    return ""


def _repelled_by(sent: Sentence, head: int) -> str | None:
    """The attack named right before token `head` was repelled ('تصدت قسد لهجوم ...', 'أحبط
    الجيش هجوماً لداعش'): the side between the repel verb and the attack, '' when none is
    named there; None when no repel verb stands within five words before."""
    lex = lexicon()
    for k in range(head - 1, max(-1, head - 6), -1):
        if _in(lex.repel_verbs, sent.toks[k].word):
            between = sent.toks[k + 1 : head]
            return next((t.actor for t in between if t.actor and not t.actor_weak), "")
    return None


def _past_members(sent: Sentence, first: int) -> int:
    """Index of the first of up to two words for a side's units or men right before token
    `first` ('لخلايا مرتزقة' before 'داعش'), else `first`."""
    k = first
    while k > 0 and first - k < 2:
        t = sent.toks[k - 1]
        fighters = t.person is not None and t.person[0] == "combatant"
        if not (fighters or _in(lexicon().units, t.word)):
            break
        k -= 1
    return k


def _the_other_side(f: Figure, sent: Sentence) -> str:
    """Detentions with no one named as doing them: the one side named in the sentence that is
    not the detainees' and not a source ('وتستمر قسد في تنفيذ عمليات مداهمة ... وكانت مصادر قد
    أكدت اعتقال نحو 50 عنصراً من عناصر التنظيم': SDF)."""
    if f.category != "detained":
        return ""
    phrase_end = _phrase_end(f, sent)
    sides = {
        a.side
        for a in sent.actors
        if a.side not in (f.victim, "UNKNOWN", "OTHER")
        and not (f.q_start <= a.start < phrase_end)
        and not _said_next_to(sent.norm, a.start, a.end, sent.start)
        and not _backer(sent, a)  # ('من قبل الميليشيات المدعومة من تركيا': not Turkey's men)
    }
    return sides.pop() if len(sides) == 1 else ""


def _attacker_told_before(f: Figure, sent: Sentence, told: Callable[[], Sentence] | None) -> str:
    """'أقدم طيران التحالف على تنفيذ ضربة جوية. وذكر المصدر أن العدوان تسبب بجرح جنديين': an
    attack named with ال before the figure, with no side in its own sentence, is the one the
    sentence before told; its attacker caused the casualties, or the side it attacked did
    when the dead are the attackers' own ('هاجم داعش قوات الجيش ... الهجوم تسبب بمقتل 11 من
    مسلحي التنظيم')."""
    if told is None or not _attack_pointing_back(sent, f.start):
        return ""
    prev = told()
    for a in prev.actors:
        first, last = prev.token_range(a)
        if any(_perpetrator_cue(t.word) for t in prev.toks[max(0, first - 2) : first + 1]):
            return _attacker_or_target(prev, a, f.victim)  # ('بقصف مدفعي لقوات الأسد')
        if _with_lam(prev.toks[first], a) or (
            first > 0 and prev.toks[first - 1].word in _PREPOSITIONS
        ):
            continue  # 'مرصد حركة الطيران التابع للمعارضة': not the attacker
        verb = first > 0 and (
            _attacks_before(prev, first)
            or _starts(prev.toks[first - 1].word, lexicon().auxiliary_verbs)
        )
        if verb or _subject_of_verb(prev, a, last):  # ('أقدم طيران التحالف على')
            return _attacker_or_target(prev, a, f.victim)
    return _attack_adjective(prev, prev.end, prev.end)  # ('القصف نفذته طائرة روسية')


def _target_told_before(f: Figure, sent: Sentence, told: Callable[[], Sentence] | None) -> str:
    """'هاجمت خلايا داعش حاجزاً لقسد. وأسفر الهجوم عن مقتل عنصرين': fighters of no side named,
    killed in an attack that points back to the sentence before, are of the one side that
    sentence names as attacked (a post or forces of it: 'حاجزاً لقسد', 'على مواقع قسد', read
    as the incidents stage reads roles), not its attacker."""
    if told is None or not _attack_pointing_back(sent, f.start):
        return ""
    if "مهاجم" in sent.norm[f.end : f.end + 20]:
        return ""  # 'مقتل 3 عناصر من المهاجمين': the attackers' own dead
    prev = told()
    targets = {
        a.side
        for a in prev.actors
        if a.side != f.perpetrator
        and named_as_target(prev.norm, a.start, a.end, prev.start, prev.end)
    }
    return targets.pop() if len(targets) == 1 else ""


def _attacker_or_target(sent: Sentence, attacker: ActorMatch, victim: str) -> str:
    """The attacker, or the side it attacked when the casualties are the attacker's own."""
    return attacker.side if attacker.side != victim else _target_of_attack(sent, attacker, victim)


def _attack_pointing_back(sent: Sentence, end: int) -> bool:
    """An attack with ال (الهجوم، العدوان، هذه الغارة) before `end`, and no side in the
    sentence before `end`, so it can only be one told before."""
    if any(a.start < end for a in sent.actors):
        return False
    return any(_definite_attack(t.word) for t in sent.toks[: sent.index_at(end)])


def _definite_attack(word: str) -> bool:
    """An attack noun of `attack_nouns` with ال, after و، ف or ب: 'والهجوم', 'بالقصف'."""
    bare = word.lstrip("وفب")
    return bare.startswith("ال") and bare[2:] in lexicon().attack_nouns


def _sayers_men(f: Figure, sent: Sentence) -> str:
    """'أعلن تنظيم داعش أن عناصره هاجموا تجمعين لقسد وتسببوا بمقتل 8', 'قال الجيش إن قواته
    قتلت 5 مسلحين': the men of the side saying it, after أن and before a violent verb, are
    that side's; they are the subject of what follows."""
    toks = sent.toks
    for k in range(1, sent.index_at(f.q_start) - 1):
        if toks[k].start >= f.q_start or toks[k - 1].word not in ("ان", "بان"):
            continue
        if not (_own_men(toks[k].word) and _acts(toks[k + 1]) and not toks[k + 1].loses):
            continue
        if toks[k + 2].word in _PREPOSITIONS and not toks[k + 2].trigger:
            continue  # 'أن عناصرها قتلوا في الهجوم': were killed, no object ('قضت على': has)
        for a in reversed(sent.actors):
            if a.end <= toks[k - 1].start and _said_by(sent, a):
                return a.side if a.side != f.victim else ""
    return ""


def _said_by(sent: Sentence, a: ActorMatch) -> bool:
    """The side says the sentence: a word of saying by its name, or up to three words of a
    spokesman's title between ('وذكر المركز الإعلامي لقوات سوريا الديمقراطية أن ...')."""
    if _said_next_to(sent.norm, a.start, a.end, sent.start):
        return True
    before = [t for t in sent.toks if t.end <= a.start][-4:]
    return bool(before) and _has_saying([before[0].word]) and not any(t.actor for t in before)


def _own_men(word: str) -> bool:
    """Fighters or forces with a possessive suffix: عناصره، مقاتليها، قواته، جنودها."""
    forms = list(_possessive_stems(word))
    if any(form == "قوات" or _in(lexicon().units, form) for form in forms):
        return True
    found = _person_count(word) if forms else None
    return found is not None and found[0] == "combatant"


def _target_of_attack(sent: Sentence, attacker: ActorMatch, victim: str) -> str:
    """The side attacked 'ضد' or 'على' (its positions) by the side that lost the figure:
    'الهجمات التي أطلقها داعش ضد مواقع قسد ... قتل تسعة مسلحين من التنظيم' were killed by
    the SDF defending them."""
    for a in sent.actors:
        if a.start < attacker.end or a.side in (victim, "UNKNOWN", "OTHER"):
            continue
        first = sent.token_range(a)[0]
        if (
            _with_lam(sent.toks[first], a)  # ('هاجم داعش حاجزاً لقوات النظام')
            or any(t.word in ("ضد", "علي") for t in sent.toks[max(0, first - 3) : first])
            or (first > 0 and _attacks_before(sent, first))  # ('داعش هاجمت قوات الجيش')
        ):
            return a.side
    return ""


_THAT_IT = frozenset(("انها", "انه", "انهم", "انهما", "بانها", "بانه", "بانهم", "بانهما"))


def _sayer_as_subject(sent: Sentence, k: int) -> str:
    """'أعلنت قسد في بيان أنها قتلت 37 إرهابياً', 'أنها خسرت 5 مقاتلين': the side saying it,
    when 'أنها' stands right before the verb at token k, is the verb's subject."""
    if k == 0 or sent.toks[k - 1].word not in _THAT_IT:
        return ""
    for a in reversed(sent.actors):
        if a.end <= sent.toks[k - 1].start and _said_next_to(sent.norm, a.start, a.end, sent.start):
            return a.side
    return ""


def _counted_group(sent: Sentence, first: int) -> bool:
    """The side at token `first` ends a number's partitive ('1087 من مسلحي وقادة داعش قتلوا'):
    the verb after it tells what happened to them, so it is no one's deed in the sentence."""
    for k in range(first - 1, max(0, first - 5), -1):
        t = sent.toks[k]
        if t.word == "من":
            return (
                k > 0
                and _quantity_at(sent, sent.toks[k - 1].start, sent.toks[k - 1].end) is not None
            )
        if not (t.person or t.actor or _and(t.word)):
            return False
    return False


def _subject_of_verb(sent: Sentence, a: ActorMatch, last: int) -> bool:
    """The side (ending at token `last`) is followed by a violent verb it is the subject of:
    'قسد قتلت', 'قسد تمكنت من اعتقال', 'الأسايش التابعة لـX، اعتقلت'. Not with punctuation
    between ('مع الدواعش، وقتلت'), a verb joined by و to a trigger ('حزب الله وجرح') or a
    relative clause ('قسد الذين قتلوا': its dead, not its deeds)."""
    own = _own_conjunct(sent, last + 1)
    nxt = _verb_after_subject(sent, own)
    if not nxt or nxt[0].word in _RELATIVES:
        return False
    gap = sent.norm[sent.toks[own - 1].end if own > last + 1 else a.end : nxt[0].start]
    gap = gap.strip(' "»«' + ("،," if own > last + 1 else ""))
    if _in_affiliation(sent, last + 1, nxt[0]):
        gap = sent.norm[sent.toks[sent.position(nxt[0]) - 1].end : nxt[0].start]
        gap = gap.strip(' "»«،,')
    return not gap and any(_acts(t) and not (t.trigger and t.word.startswith("و")) for t in nxt)


def _own_conjunct(sent: Sentence, k: int) -> int:
    """The token after the side's own forces joined to it, when token k starts them ('مخابرات
    النظام وأجهزته الأمنية، أقدمت على اعتقال'): و, a noun whose suffix points back at the side,
    and at most one adjective with ال; k itself when there are none."""
    toks = sent.toks
    if k >= len(toks) or not _and(toks[k].word) or toks[k].trigger or toks[k].actor:
        return k
    if not any(toks[k].word.endswith(p) for p in _POSSESSIVE) or len(toks[k].word) < 5:
        return k
    adjective = k + 1 < len(toks) and toks[k + 1].word.startswith("ال")
    if adjective and not (toks[k + 1].trigger or toks[k + 1].actor):
        return k + 2
    return k + 1


def _verb_after_subject(sent: Sentence, k: int) -> list[Token]:
    """The two tokens from k on where a side's verb would stand, past an auxiliary and its
    preposition: 'قسد تمكنت من اعتقال أحد المهاجمين', 'أقدمت على اعتقال', 'قامت باعتقال'."""
    toks = sent.toks[k : k + 2]
    if toks and toks[0].word.startswith(lexicon().affiliation):  # past 'التابعة لـ"X" الكردية،'
        j = next((j for j in range(k + 1, min(k + 7, len(sent.toks))) if _acts(sent.toks[j])), None)
        toks = sent.toks[j : j + 2] if j is not None else toks
    if toks and _starts(toks[0].word, lexicon().auxiliary_verbs):
        rest = sent.toks[k + 1 : k + 3]
        if rest and rest[0].word in ("من", "علي"):
            rest = rest[1:]
        return [toks[0], *rest[:1]] if rest else toks
    return toks


def _first_conjunct(sent: Sentence, a: ActorMatch, first: int) -> str:
    """The side named first when `a` is joined to it by و ('تركيا والفصائل الموالية لها
    استهدفت'): the lead of a joint subject."""
    if first == 0 or not sent.toks[first].word.startswith("و"):
        return ""
    prev = sent.toks[first - 1]
    return prev.actor if prev.actor and prev.actor not in ("UNKNOWN", "OTHER") else ""


def _in_affiliation(sent: Sentence, k: int, verb: Token) -> bool:
    """Token k starts a phrase of affiliation ('التابعة لـ...') that ends right before `verb`."""
    return sent.toks[k].word.startswith(lexicon().affiliation) and verb.start > sent.toks[k].start


def _attacks_before(sent: Sentence, first: int) -> bool:
    """The word right before token `first` is a verb of attacking (استهدفت، قصفت، داهمت),
    so the side named from `first` on is its subject, in Arabic's verb-subject order; also
    past the side's members, unit or arm ('أطلقت عناصر الجندرمة النار', 'قصفت مدفعية الجيش
    الوطني')."""
    k = first - 1
    lex = lexicon()
    if k > 1 and sent.toks[k].word == "من" and _in(lex.units, sent.toks[k - 1].word):
        k -= 1  # 'أوقعت وحدات من الجيش': a unit of the side
    members = sent.toks[k]
    if k > 0 and (
        (members.person and members.person[0] == "combatant")
        or _in(lex.units, members.word)
        or _in(lex.agents, members.word)  # 'قصفت مدفعية الجيش الوطني', 'استهدفت طائرات التحالف'
    ):
        k -= 1
    verb = sent.toks[k]
    if sent.norm[verb.end : sent.toks[k + 1].start].strip():
        return False
    return _starts(verb.word, lexicon().perpetrator_verbs)


def _cue_leads_to(sent: Sentence, first: int) -> bool:
    """A perpetrator cue up to six words before the side at token `first`, with only words of
    agents, affiliation or place between: 'برصاص قناص تابع لقوات النظام', 'على يد عناصر من
    الهيئة', 'مصدره مواقع الجيش التركي'."""
    lex = lexicon()
    for k in range(first - 1, max(-1, first - 7), -1):
        t = sent.toks[k]
        if _perpetrator_cue(t.word):
            return True
        link = _in(lex.perpetrator_links, t.word) or t.word.startswith(lex.affiliation)
        fighters = t.person is not None and t.person[0] == "combatant"
        if not (link or fighters or _agent(t.word)):
            return False
    return False


def _perpetrator_cue(word: str) -> bool:
    """A perpetrator cue with or without proclitics ('والغارات', 'وبقصف'); a stem of two
    letters only when written bare ('يد', not the end of 'وليد')."""
    cues = lexicon().perpetrator_cues
    return any(w in cues for w in stems(word) if len(w) > 2 or w == word)


def _attack_adjective(sent: Sentence, q_start: int, phrase_end: int) -> str:
    """The side of a nationality adjective on the attack that causes the casualties, when no
    side is named: 'بغارة إسرائيلية', 'بقصف مدفعي تركي', 'جراء الغارات الروسية'; not inside
    the figure's own words, from `q_start` to `phrase_end`. The adjective is found first (few
    words are one), then the attack word or verb in the three words before it, with no
    preposition between but 'من' ('بقصف من الطائرات الروسية', not 'قصف على قاعدة تركية')."""
    toks = sent.toks
    at = sent.index_at(phrase_end)  # the figure's own cause right after it ('قتل مدنيان بقصف
    own = next(
        (n for n in range(at, min(at + 2, len(toks))) if _perpetrator_cue(toks[n].word)), None
    )
    for k, u in enumerate(toks):  # مدفعي ...، فيما أصيب 3 بغارة روسية': the raid is not theirs)
        if u.start > phrase_end + 160:
            break
        side = adjective_side(u.word)
        if not side:
            continue
        for j in range(max(0, k - 3), k):
            t = toks[j]
            if q_start <= t.start < phrase_end or t.start > phrase_end + 80:
                continue
            if not (_perpetrator_cue(t.word) or _attack_verb(t.word)):
                continue  # ('وقصفت المدفعية التركية قرى', 'تقصف المدفعية التركية')
            if own is not None and j > own + 3:
                continue
            if any(x.word in _PREPOSITIONS and x.word != "من" for x in toks[j + 1 : k]):
                continue  # 'في قصف على قاعدة تركية': the adjective is on the target
            if _contrasts(sent.norm, min(t.end, q_start), max(t.start, q_start)):
                continue  # 'غارات روسية ...، بينما وثقت منظمة مقتل 5 مدنيين نتيجة الاقتتال'
                # (a rival account; not 'استشهاد 5، فيما أصيب 9 ... جراء قصف روسي')
            return side
    return ""


def _verb_subject(f: Figure, sent: Sentence) -> tuple[str, bool]:
    """The side named alone between the verb that makes a figure and its number, in Arabic's
    usual verb-subject-object order, and whether that subject suffers the casualties: it
    inflicts them in 'قتلت قوات النظام ثلاثة مدنيين', 'أعدم تنظيم الدولة رجلين', 'اعتقلت قسد
    خمسة شبان', and suffers them in 'خسرت قوات النظام 16 عنصراً'."""
    if not f.start < f.q_start:
        return "", False
    k = sent.index_at(f.start)
    inner = [t for t in sent.toks[k : sent.index_at(f.q_start)] if t.word not in _ADVERBS]
    if len(inner) > 2 and inner[-1].person and not inner[-1].actor:
        inner = inner[:-1]  # 'قتلت قوات الاحتلال فلسطينيين اثنين': the noun before its number
    if len(inner) > 2 and _subject_of_side(sent, k + 1, f.q_start):
        of = inner[2].word == "من"  # 'أعدم عناصر من قسد ثلاثة مدنيين'
        inner = [inner[0], *inner[3 if of else 2 :]]  # 'قتل عناصر النظام 3 مدنيين': its members
    while len(inner) > 2 and _unit_of_side(sent, sent.position(inner[1])):
        inner = [inner[0], *inner[2:]]  # 'اعتقلت دورية تابعة للنظام شاباً': the unit's side
    tie = next((n for n, t in enumerate(inner) if t.word.startswith(lexicon().affiliation)), 0)
    if tie > 1:
        inner = inner[:tie]  # 'اعتقلت قوات الأسايش التابعة للإدارة الذاتية 3 شبان'
    if len(inner) == 1 and inner[0].trigger:
        return _sayer_as_subject(sent, k), inner[0].loses  # 'أعلنت قسد أنها قتلت 37'
    if len(inner) < 2 or not inner[0].trigger:
        return "", False
    if any((t.trigger or t.person) and not t.actor for t in inner[1:]):  # ('الأمن العسكري')
        return "", False
    sides = set()
    for t in inner[1:]:  # one side, maybe named twice ('حرس الحدود التركي (الجندرما)')
        a = next((a for a in sent.actors if a.start < t.end and t.start < a.end), None)
        if a is None and _agent(t.word):
            continue  # 'أعدمت ميليشيا قسد السيدة': a word for attackers before their name
        if a is None:
            return "", False
        sides.add(a.side)
    return (sides.pop(), inner[0].loses) if len(sides) == 1 else ("", False)


def _non_conflict_cause(sent: Sentence) -> str:
    """'accident', 'disaster', 'illness' or 'crime' when the sentence puts its casualties down to
    a road accident, an earthquake, a flood, an epidemic or a brawl and names no violent event
    (no strike, shelling, clash or attack word of the incident lexicon); '' otherwise.

    Such figures are real deaths but not conflict casualties: ACLED and UCDP leave them out, and
    a page of headlines often carries one next to the conflict report (a bus crash abroad). They
    keep their row, so nothing is dropped, and tallies skip them."""
    lex = lexicon()
    m = lex.non_conflict.search(sent.norm, sent.start, sent.end)
    if m is None or find_triggers(sent.norm, sent.start, sent.end):
        return ""
    return lex.non_conflict_cause[phrase_key(m.group("p"))]


# ----------------------------------------------------------------------------- relations
def _relate(figs: list[Figure]) -> None:
    """Mark subsets, aggregates, repeats and updated tolls so each figure counts once."""
    _subsets(figs)
    figs[:] = [f for f in figs if not f.extras.get("drop")]
    for f in figs:
        for part in f.extras.get("parts", []):
            if part.victim != f.victim and f.victim not in ("MIXED",):
                f.victim = "MIXED"
        if f.extras.get("parts"):
            f.extras["aggregate"] = f.victim == "MIXED"
    for i, f in enumerate(figs):
        f.mid = f"m{i + 1}"
        parent = f.extras.get("parent")
        if parent is not None:
            f.relation = f"subset_of:{parent.mid}"
    for f in figs:
        parts = f.extras.get("parts", [])
        if parts and f.extras.get("aggregate"):
            f.relation = "aggregate_of:" + "+".join(p.mid for p in parts)
        elif parts:
            for p in parts:
                p.relation = f"subset_of:{f.mid}"
    _aggregates(figs)
    _some_of_those_told(figs)
    _repeats(figs)
    _perpetrators_of_parts(figs)


def _perpetrators_of_parts(figs: list[Figure]) -> None:
    """'مقتل 87 مدنياً، قتل 40 منهم على يد قوات النظام، و20 على يد القوات الروسية': a figure
    whose parts name two different perpetrators was caused by several sides (MIXED), not by
    the one named nearest to it."""
    doers: dict[str, set[str]] = {}
    for f in figs:
        if f.relation.startswith("subset_of:") and f.perpetrator:
            doers.setdefault(f.relation.split(":", 1)[1], set()).add(f.perpetrator)
    for f in figs:
        if len(doers.get(f.mid, ())) > 1:
            f.perpetrator = "MIXED"


def _severity_of_one(sent: Sentence, q: numbers.Quantity, counted: Counted) -> bool:
    """'وذكرت المصادر أن إصابة أحد الأطفال خطيرة': how badly one of the people told is hurt,
    not one more casualty."""
    k = sent.index_at(q.end)
    if q.kind != "one" or k >= len(sent.toks):
        return False
    group = sent.toks[k]  # 'الأطفال': the people told before, with ال
    named = (group.person or group.casualty) and _definite(group.word)
    return bool(named) and lexicon().severity.match(sent.norm, group.end) is not None


def _some_of_those_told(figs: list[Figure]) -> None:
    """'وأصيب 12 مدنياً. ... وحسب مصادر طبية فإن 3 من الجرحى في حالة حرجة': a number of the
    casualties already told, with no trigger of its own, is a part of the last figure of its
    category, not more casualties."""
    for i, f in enumerate(figs):
        if not f.extras.get("of_the") or f.relation or f.best is None:
            continue
        kinds = (f.category, COMBINED)  # ('بين شهيد وجريح ... وثلاثة من الجرحى حالتهم خطرة')
        told = [g for g in figs[:i] if g.category in kinds and not g.relation]
        if told and told[-1].best is not None and told[-1].best >= f.best:
            whole = told[-1]
            f.relation = f"subset_of:{whole.mid}"
            f.victim = whole.victim if f.victim == "UNKNOWN" else f.victim
            if f.victim != whole.victim and whole.victim in ("CIVILIANS", "UNKNOWN"):
                whole.victim = "MIXED"  # 'قتل 10 أشخاص ... من بين القتلى 3 عناصر'


def _subsets(figs: list[Figure]) -> None:
    for i, f in enumerate(figs):
        if not f.extras.get("subset_local"):
            continue
        parent = _previous_unrelated(figs, i)
        if parent is None:
            continue
        p = figs[parent]
        f.extras["parent"] = p
        f.relation = "subset_of"
        f.category, f.scope = p.category, p.scope
        own = p.extras.setdefault("own_victim", p.victim)  # before a sibling made it MIXED
        if f.victim in ("UNKNOWN", "") and (own != "MIXED" or f.noun_class != "combatant"):
            f.victim = own  # (fighters among a mixed toll are of no side told: 'بينهم 9 مقاتلين')
        if f.victim != p.victim and p.victim in ("CIVILIANS", "UNKNOWN"):
            p.victim = "MIXED"
        # A vague part, or a part counted in another unit (عائلتان among persons), adds no
        # number to count: it only tells whose casualties the figure includes.
        if f.qualifier == "vague" or f.unit != p.unit:
            f.extras["drop"] = True
        sides = p.extras.setdefault("part_sides", set())
        if f.victim not in ("UNKNOWN", "MIXED", ""):
            sides.add(f.victim)
        if len(sides) > 1:  # 'القتلى إلى 12 هم 7 من قوات النظام و5 من الفصائل'
            p.victim = "MIXED"


def _previous_unrelated(figs: list[Figure], i: int) -> int | None:
    for k in range(i - 1, -1, -1):
        if not figs[k].relation and figs[k].sentence == figs[i].sentence:
            return k
    return None


def _aggregates(figs: list[Figure]) -> None:
    """A MIXED figure equal to the sum of two figures of other sides (32 = 23 + 9)."""
    for f in figs:
        if f.victim != "MIXED" or f.best is None or f.relation:
            continue
        parts = [g for g in figs if g is not f and g.category == f.category and g.best is not None]
        for a in parts:
            for b in parts:
                if a is not b and a.victim != b.victim and a.best + b.best == f.best:
                    f.relation = f"aggregate_of:{a.mid}+{b.mid}"
                    for part in (a, b):  # 'قتل 18، هم: 2 مدنيين و16 مسلحاً': parts count
                        if part.relation == f"subset_of:{f.mid}":
                            part.relation = ""
                    break
            if f.relation:
                break


def _repeats(figs: list[Figure]) -> None:
    """The same figure told again (headline, body, quote) is `same_as` its first telling;
    a new toll for the same casualties ('ارتفعت الحصيلة إلى') replaces the earlier one. A person
    joined to another is not the same one told again: in 'لمقتل أحد الكوادر مع سائقه' after
    'مقتل كادر', the cadre is the one told, the driver someone else."""
    retold: set[tuple[str, tuple[int, int]]] = set()
    for i, f in enumerate(figs):
        if f.relation or f.best is None:
            continue
        for j, g in enumerate(figs[:i]):
            if g.relation.startswith(("same_as", "subset_of")):
                continue
            same_kind = _same_kind(g, f)
            rival = same_kind and not f.extras.get("update") and _rival(g, f)  # (risen: replaces)
            if rival and not any(_same_kind(h, f) for h in figs[j + 1 : i]):
                f.relation = f"alternative_to:{g.mid}"  # 'بينما قالت سانا إن 15 قتلوا'
                break
            if (
                same_kind
                and g.best == f.best
                and not (f.extras.get("conjunct") and (g.mid, f.sentence) in retold)
                and not _other_person(g, f)
                and not (f.extras.get("others") and f.category == g.category)
                and (g.sentence != f.sentence or _told_twice_in_a_row(figs, j, i))
                and "vague" not in (f.qualifier, g.qualifier)  # ('قتلى' then 'قتل 3 أشخاص')
            ):
                f.relation = f"same_as:{g.mid}"
                retold.add((g.mid, f.sentence))
                break
            if same_kind and f.extras.get("update") and g.best is not None and not g.relation:
                part = (  # (not a first toll: 'وكانت الحصيلة الأولية 5 قتلى، لترتفع إلى 11')
                    f.extras.get("resulting")
                    and g.sentence == f.sentence
                    and g.best < f.best
                    and g.noun_class != "casualty"
                )
                g.relation = f"{'subset_of' if part else 'alternative_to'}:{f.mid}"
    for i, f in enumerate(figs):
        if not f.relation and (g := _the_one_told(figs[:i], f)) is not None:
            f.relation = f"{'same_as' if g.best == 1 else 'subset_of'}:{g.mid}"
    for f in figs:
        if f.qualifier != "vague" or f.relation or f.scope != "incident":
            continue
        same = [g for g in figs if _same_kind(g, f)]
        told = next((g for g in same if g.qualifier != "vague" and not g.relation), None)
        # the same casualties told without a number, or the same vague words told again
        told = told or next(
            (g for g in same[: same.index(f)] if not g.relation and g.best == f.best), None
        )
        if told is not None:
            f.relation = f"same_as:{told.mid}"


def _the_one_told(before: list[Figure], f: Figure) -> Figure | None:
    """'قتل شاب برصاص مجهولين. وقال ذوو الضحية ...': a casualty noun with ال and no number
    ('الضحية', 'الشهيد', 'القتيل') points back to the casualties of its category told before
    (whose side it may not say): the one person told, or one of them."""
    if not f.extras.get("definite"):
        return None
    told = [
        g
        for g in before
        if not g.relation
        and (g.category, g.scope) == (f.category, f.scope)
        and g.best is not None
        and g.qualifier != "vague"  # ('قتلى ... الشهيدة': the vague words are the one told)
        and (g.victim == f.victim or "UNKNOWN" in (g.victim, f.victim))
    ]
    return told[-1] if told else None


def _other_person(g: Figure, f: Figure) -> bool:
    """Two single people told as a man and a woman ('شاب' then 'امرأة') are two people, not
    the same one told again."""
    if g.best != 1 or f.best != 1:
        return False
    names = (g.extras.get("name"), f.extras.get("name"))
    if all(names) and names[0] != names[1] and not names[0].startswith(names[1][:4]):
        return True  # two people named by two names ('قتل محمد حسن الموسى' / 'جثة ناجي جمعة')
    sexes = []
    for x in (g, f):
        c = x.extras.get("counted")
        word = stems(normalize_word(c.noun))[-1] if c is not None and c.noun else ""
        men, women = lexicon().men, lexicon().women
        word = word[:-1] if word.endswith("ا") and word[:-1] in men else word  # 'طفلاً'
        sexes.append("m" if word in men else "f" if word in women else "")
    return "" not in sexes and sexes[0] != sexes[1]


def _same_kind(g: Figure, f: Figure) -> bool:
    """The same category, victim and scope: figures that may tell the same casualties."""
    return (g.category, g.victim, g.scope) == (f.category, f.victim, f.scope)


def _rival(g: Figure, f: Figure) -> bool:
    """Figure f, told after g behind a word of contrast, is another source's account of the same
    casualties: a different number from a different source, neither of them vague."""
    if g.best == f.best or "vague" in (g.qualifier, f.qualifier) or f.extras.get("others"):
        return False
    if f.sentence[0] - g.sentence[1] > 2:
        return False  # the account set against it is in the same or the next sentence
    sources = g.claimed_by and f.claimed_by and g.claimed_by != f.claimed_by
    return bool(sources) and f.extras.get("contrast_at", -1) > g.end


def _told_twice_in_a_row(figs: list[Figure], j: int, i: int) -> bool:
    """Figures j and i of one sentence are told twice in a row with a neighbour each ('استشهاد
    عامل وإصابة 5 آخرين في قصف ... استشهد عامل وأصيب 5 آخرون': a headline run into the lead)."""

    def key(f: Figure) -> tuple:
        return f.category, f.victim, f.scope, f.best, f.sentence

    for d in (1, -1):
        a, b = j + d, i + d
        if a != i and 0 <= a < len(figs) and 0 <= b < len(figs) and key(figs[a]) == key(figs[b]):
            return figs[a].category != figs[j].category  # a pair, not one figure told twice
    return False


# ----------------------------------------------------------------------------- output
def _row(doc: Document, nt: NormText, f: Figure, i: int) -> dict:
    start, end = nt.span(f.start, f.end)
    s0, s1 = nt.span(*f.sentence)
    return {
        "doc": doc.doc,
        "mention": f.mid or f"m{i}",
        "start": start,
        "end": end,
        "text": doc.text[start:end],
        "category": f.category,
        "victim": f.victim if f.victim != "MIXED2" else "MIXED",
        "best": f.best,
        "low": f.low,
        "high": f.high,
        "qualifier": f.qualifier,
        "scope": f.scope,
        "relation": f.relation,
        "unit": f.unit,
        "claimed_by": f.claimed_by,
        "perpetrator": f.perpetrator,
        "cause": f.cause,
        "incident": "",
        "sentence": doc.text[s0:s1].strip(),
    }
