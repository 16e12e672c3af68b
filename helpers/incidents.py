"""Incidents (ACLED sense: same day, place, actors and type) in one document.

An article tells several incidents and tells each one several times (headline, lead, quotes
from two sources). We find event triggers (lexicon `helpers/data/event_types.yaml`), give each
the place, date and actors stated near it, and merge triggers of the same type whose places,
dates and actors are compatible. Rules, in the order they apply:

- Text after a "related stories" marker is ignored (helpers.text.main_text_end); sentences
  that are background or running totals (منذ ..., حتى الآن) give no incident; triggers inside
  non-event phrases (خطوط الاشتباك) or after fear words (تخوفاً من) are ignored.
- An attack in a sentence that says the other side fought back (اشتباكات، تصدت) is a battle.
- Ground attacks on several listed sites are one incident per site; strikes and shelling over
  a list of villages are one incident per governorate; places after "near / east of / the
  countryside of" only locate another place.
- A trigger with no place in its sentence merges into the same type in its paragraph, else
  inherits the last place named before it.
- Same type + same place, or a region-level place and a town in that region, merge (the town
  refines the region) unless actors or explicit dates disagree. Headlines only add an
  incident that the body does not tell.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import pandas as pd

from helpers.dedup import km_between
from helpers.lexicon import load
from helpers.places import cue_kind
from helpers.schema import Document
from helpers.text import in_link_line, main_text_end, normalize, normalize_word, sentences

REMOTE_TYPES = ("air_drone_strike", "shelling_artillery_missile")
DATE_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
REGION_KINDS = {"governorate", "region", "district", "subdistrict", "nahiya", "area", "desert"}


# ---------------------------------------------------------------- lexicon -> regular expressions


def _word_pattern(entry: str) -> str:
    """Regex for one lexicon entry: normalised, spaces flexible, trailing * = any suffix."""
    open_end = entry.endswith("*")
    words = normalize_word(entry.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\w*" if open_end else "")


def _regex(entries: list[str]) -> re.Pattern[str]:
    """Whole-word alternation with optional proclitics و ف ب ل ك and the article ال."""
    parts = sorted((_word_pattern(e) for e in entries), key=len, reverse=True)
    # proclitics: و/ف, then ب/ك/ل, then the article (ل + ال is written لل); never ب or ك + ل,
    # so 'بلدهم' (their country) is not ب + ل + 'دهم' (a raid)
    return re.compile(
        r"(?<!\w)(?:[وف]?(?:[بك]ال|لل|ال|[بكل])?)(?P<p>" + "|".join(parts) + r")(?!\w)"
    )


@dataclass(frozen=True)
class Lexicon:
    """The compiled event lexicon."""

    event_types: dict[str, str]
    strong: dict[str, re.Pattern[str]]
    weak: dict[str, list[tuple[re.Pattern[str], re.Pattern[str], int]]]
    # (type, words, words needed elsewhere in the sentence): only with no other event word
    fallback: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]
    clash_cues: re.Pattern[str]
    not_events: re.Pattern[str]
    hypothetical: re.Pattern[str]
    hypothetical_window: int
    background: re.Pattern[str]
    locator: re.Pattern[str]
    locator_head: re.Pattern[str]
    destination: re.Pattern[str]  # 'ونقلهم إلى سجن في': where people were taken
    origin: re.Pattern[str]  # 'قوات النظام المتمركزة في': where the fire came from
    raids: re.Pattern[str]  # مداهمة: an arrests word (as a trigger spans it) that may only
    # tell the raid of an attack
    clause_breaks: re.Pattern[str]
    several: re.Pattern[str]  # 'عدة هجمات': several events summed up, not one
    spread: re.Pattern[str]  # 'هجمات متفرقة'
    statistic: re.Pattern[str]  # 'لعدد الهجمات': a count of events
    split_per_place: frozenset[str]
    group_per_governorate: frozenset[str]
    any_trigger: re.Pattern[str]  # loose: matches wherever any trigger word could
    attacker_nouns: frozenset[str]  # طائرات، المدفعية: a nationality adjective after names a side
    attacker_before: frozenset[str]  # 'من قبل', 'شنه': the side after attacks
    target_before: frozenset[str]  # 'مواقع', 'على': the side after is attacked
    target_after: tuple[str, ...]  # 'تعرضت': the side before is attacked
    patron_before: frozenset[str]  # 'داعمة', 'مقربة': the side after is no party to the event
    allies: frozenset[frozenset[str]]  # pairs of sides on the same side of the war
    armed_groups: frozenset[str]  # ISIS, OPPOSITION ...: not states
    air_forces: frozenset[str]  # sides that fly warplanes
    drones: re.Pattern[str]  # مسيرة، درون: aircraft any side may fly
    tie_words: frozenset[str]  # تابعة، عسكرية: between a group or post and its side


def _loose_regex(entries: list[str]) -> re.Pattern[str]:
    """Every lexicon entry without its word boundaries: it finds a superset of what the
    strict patterns find, so a sentence it misses cannot hold a trigger."""
    parts = sorted({_word_pattern(e) for e in entries}, key=len, reverse=True)
    return re.compile("|".join(parts))


@cache
def lexicon() -> Lexicon:
    """The event lexicon from helpers/data/event_types.yaml, compiled once."""
    data = load("event_types.yaml")
    strong, weak = {}, {}
    trigger_words: list[str] = []
    for sub_type, spec in data["triggers"].items():
        if spec.get("strong"):
            strong[sub_type] = _regex(spec["strong"])
            trigger_words.extend(spec["strong"])
        weak[sub_type] = [
            (_regex(w["words"]), _regex(w["cues"]), int(w.get("window", 50)))
            for w in spec.get("weak") or []
        ]
        trigger_words.extend(word for w in spec.get("weak") or [] for word in w["words"])
    fallback = [
        (r["type"], _regex(r["words"]), _regex(r["with"]) if r.get("with") else None)
        for r in data.get("fallback") or []
    ]
    trigger_words.extend(w for r in data.get("fallback") or [] for w in r["words"])
    locator_words = [normalize_word(w) for w in data["locator_before"]]
    return Lexicon(
        event_types=dict(data["event_types"]),
        strong=strong,
        weak=weak,
        fallback=fallback,
        clash_cues=_regex(data["attack_to_clash_cues"]),
        not_events=_regex(data["not_events"]),
        hypothetical=_regex(data["hypothetical_before"]),
        hypothetical_window=int(data.get("hypothetical_window", 25)),
        background=re.compile(
            "(?:"
            + "|".join(re.escape(normalize_word(w)) for w in data["background_cues"])
            + ")(?!"
            + "|".join(
                re.escape(normalize_word(w).removeprefix("منذ ال")) for w in data["background_not"]
            )
            + ")"
        ),
        locator=re.compile(
            r"(?<!\w)[وب]?(?:ال)?(?:" + "|".join(map(re.escape, locator_words)) + r")"
            r"(?:\s+من)?(?:\s+(?:ال)?(?:مدين|بلد|قري|حي|منطق|ناحي|احياء|قرى|بلدات)\w*)?\s*$"
        ),
        locator_head=re.compile(
            r"[وب]?(?:ال)?(?:" + "|".join(map(re.escape, locator_words)) + r")(?:\s|$)"
        ),
        destination=re.compile(
            r"(?<!\w)[وف]?(?:ب|ل)?(?:ال)?(?:"
            + "|".join(map(re.escape, (normalize_word(w) for w in data["destination_verbs"])))
            + r")\w*(?:\s+\S+){0,4}?\s+(?:الي|نحو)(?:\s+\S+){0,4}\s*$"
        ),
        origin=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(normalize_word(w)) for w in data["origin_before"])
            + r")(?:\s+\S+){0,2}?\s*$"
        ),
        raids=re.compile("|".join(_word_pattern(w) for w in data["raids"])),
        clause_breaks=_regex(data.get("clause_breaks") or ["في حين"]),
        several=_regex(data["summary_cues"]["several"]),
        spread=_regex(data["summary_cues"]["spread"]),
        statistic=_regex(data["summary_cues"]["statistic"]),
        split_per_place=frozenset(data.get("split_per_place") or []),
        group_per_governorate=frozenset(data.get("group_per_governorate") or []),
        any_trigger=_loose_regex(trigger_words),
        attacker_nouns=frozenset(normalize_word(w) for w in data["attacker_nouns"]),
        attacker_before=frozenset(normalize_word(w) for w in data["roles"]["attacker_before"]),
        target_before=frozenset(normalize_word(w) for w in data["roles"]["target_before"]),
        target_after=tuple(normalize_word(w) for w in data["roles"]["target_after"]),
        patron_before=frozenset(normalize_word(w) for w in data["roles"]["patron_before"]),
        allies=frozenset(frozenset(pair) for pair in data.get("allies") or []),
        armed_groups=frozenset(data["armed_groups"]),
        air_forces=frozenset(data["air_forces"]),
        drones=_regex(data["drone_words"]),
        tie_words=frozenset(normalize_word(w) for w in data["roles"]["tie_words"]),
    )


def event_type_of(sub_event_type: str) -> str:
    """ACLED event type of a sub-event type ('' when unknown)."""
    return lexicon().event_types.get(sub_event_type, "")


# ---------------------------------------------------------------- triggers


@dataclass
class Trigger:
    """A word that states an event, in normalised-text offsets."""

    start: int
    end: int
    sub_event_type: str
    strength: str = "strong"  # strong | weak (with a cue) | fallback (with casualties told)


def _blocked(norm: str, start: int, end: int, sentence_start: int, lex: Lexicon) -> bool:
    """True when a trigger sits inside a non-event phrase or after a fear/hypothesis word."""
    for m in lex.not_events.finditer(norm, max(0, start - 30), min(len(norm), end + 30)):
        if m.start() <= start and m.end() >= end:
            return True
    before = norm[max(sentence_start, start - lex.hypothetical_window) : start]
    return bool(lex.hypothetical.search(before))


def find_triggers(norm: str, start: int, end: int) -> list[Trigger]:
    """Event triggers in the sentence norm[start:end], left to right, one per word."""
    lex = lexicon()
    if lex.any_trigger.search(norm, start, end) is None:
        return []  # most sentences: no event word at all
    found: dict[int, Trigger] = {}
    for sub_type, regex in lex.strong.items():
        for m in regex.finditer(norm, start, end):
            found.setdefault(m.start("p"), Trigger(m.start("p"), m.end("p"), sub_type))
    for sub_type, rules in lex.weak.items():
        for words, cues, window in rules:
            for m in words.finditer(norm, start, end):
                lo, hi = max(start, m.start() - window), min(end, m.end() + window)
                if any(not _cue_taken(norm, c.end(), lex) for c in cues.finditer(norm, lo, hi)):
                    trig = Trigger(m.start("p"), m.end("p"), sub_type, "weak")
                    found.setdefault(m.start("p"), trig)
    if not found:  # 'قتل 3 مدنيين بقصف على البلدة': no other word says what happened
        found = _fallback_triggers(norm, start, end, lex)
    kept = [t for t in found.values() if not _blocked(norm, t.start, t.end, start, lex)]
    kept = _drop_overlaps(sorted(kept, key=lambda t: (t.start, -t.end)))
    if any(t.sub_event_type == "suicide_bomb" for t in kept):
        kept = [t for t in kept if t.sub_event_type != "remote_explosive_ied"]
    if any(t.sub_event_type == "air_drone_strike" for t in kept):  # 'قصف الطيران بالصواريخ'
        kept = [t for t in kept if (t.sub_event_type, t.strength) != (_SHELLING, "weak")]
    cues = [c for c in lex.clash_cues.finditer(norm, start, end)]
    if any(not _blocked(norm, c.start("p"), c.end("p"), start, lex) for c in cues):
        for t in kept:
            if t.sub_event_type == "attack":
                t.sub_event_type = "armed_clash"
    return kept


def _fallback_triggers(norm: str, start: int, end: int, lex: Lexicon) -> dict[int, Trigger]:
    """The first fallback rule whose words (and `with` words) the sentence holds; its triggers
    make an incident only where casualties are told (see `_candidates`)."""
    for sub_type, words, needed in lex.fallback:
        if needed is not None and needed.search(norm, start, end) is None:
            continue
        hits = list(words.finditer(norm, start, end))
        if hits:
            return {
                m.start("p"): Trigger(m.start("p"), m.end("p"), sub_type, "fallback") for m in hits
            }
    return {}


def _cue_taken(norm: str, cue_end: int, lex: Lexicon) -> bool:
    """A cue verb that governs another event word (بشن هجوم) does not confirm a weak trigger."""
    after = norm[cue_end : cue_end + 12]
    return any(r.match(after.lstrip()) for r in lex.strong.values())


def _drop_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    """Keep the first (longest) trigger where two overlap (قصف جوي over قصف)."""
    out: list[Trigger] = []
    for t in triggers:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


# ---------------------------------------------------------------- places, dates, actors


def _find_places(text: str) -> list[Any]:
    """Places from helpers.places (empty when that stage is not installed)."""
    try:
        from helpers.places import find_places
    except ImportError:
        return []
    return list(find_places(text))


def _find_dates(text: str, published: str, precision: str) -> list[Any]:
    """Dates from helpers.dates (empty when that stage is not installed)."""
    try:
        from helpers.dates import find_dates
    except ImportError:
        return []
    return list(find_dates(text, published or None, precision or "day"))


def _find_actors(norm: str, start: int, end: int) -> list[Any]:
    """Sides named in norm[start:end] (helpers.actors; empty when not installed)."""
    try:
        from helpers.actors import find_actors
    except ImportError:
        return []
    return list(find_actors(norm, start, end))


def _precision(place: Any) -> int:
    """ACLED geo precision of a place (1 town, 2 near, 3 region)."""
    value = getattr(place, "geo_precision", None)
    if value in (None, ""):
        return 3 if getattr(place, "kind", "") in REGION_KINDS else 1
    return int(value)


def _is_region(place: Any) -> bool:
    """A region-level place (governorate, desert, district): it locates, it is not a site."""
    return _precision(place) >= 3 or getattr(place, "kind", "") in REGION_KINDS


def _place_key(place: Any) -> str:
    """Identity of a place: its gazetteer id, else its name."""
    return str(getattr(place, "place_id", "") or getattr(place, "name_en", "") or place.text)


# ---------------------------------------------------------------- candidates and merging


@dataclass
class Incident:
    """An incident being built: its type, where/when/who, and the spans that tell it."""

    sub_event_type: str
    start: int
    end: int
    paragraph: int
    places: list[Any] = field(default_factory=list)
    inherited_place: bool = False
    date: str = ""
    date_precision: Any = ""
    explicit_date: bool = False
    actors: list[str] = field(default_factory=list)
    heading: bool = False
    refined: bool = False
    located_only: bool = False  # its places only locate it (region-level)
    guessed: bool = False  # its type comes from a fallback word ('بقصف', 'استهداف')
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # trigger, sentence

    @property
    def governorate(self) -> str:
        """Governorate of the first place ('' when unknown)."""
        return next((p.governorate for p in self.places if getattr(p, "governorate", "")), "")

    @property
    def region_only(self) -> bool:
        """True when every place is region-level (or there is none)."""
        return self.located_only or all(_is_region(p) for p in self.places)

    @property
    def keys(self) -> set[str]:
        """Identities of its places."""
        return {_place_key(p) for p in self.places}


def _actors_compatible(a: Incident, b: Incident) -> bool:
    """Actors agree unless both name a first actor and neither's is among the other's (one
    telling may miss the attacker that another names: 'هجوم على مواقع قسد')."""
    first = [x for x in a.actors if x != "UNKNOWN"]  # an unnamed attacker may be anyone
    second = [x for x in b.actors if x != "UNKNOWN"]
    return not (first and second and second[0] not in first and first[0] not in second)


def _dates_compatible(a: Incident, b: Incident) -> bool:
    """Explicit dates agree within their precision (a day, a week, a month)."""
    if not (a.explicit_date and b.explicit_date and a.date and b.date):
        return True
    days = abs((pd.Timestamp(a.date) - pd.Timestamp(b.date)).days)
    slack = {1: 1, 2: 7, 3: 31}.get(int(a.date_precision or 1), 1)
    return days <= slack


def _places_compatible(existing: Incident, new: Incident) -> bool:
    """Same site, or one of them is a region (or unknown) holding the other."""
    if not existing.places or not new.places:
        return True
    if existing.keys & new.keys or _quarter_of(existing.places, new.places):
        return True
    same_gov = existing.governorate == new.governorate or not (
        existing.governorate and new.governorate
    )
    if new.region_only and same_gov:
        return True
    return existing.region_only and same_gov and not existing.refined


def _quarter_of(a: list[Any], b: list[Any]) -> bool:
    """One telling names a neighbourhood of the town the other names ('العنترية' in
    'قامشلو'): the same site told more or less precisely."""
    for x in a:
        for y in b:
            kinds = {getattr(x, "kind", ""), getattr(y, "kind", "")}
            town = kinds & {"city", "town"}
            if "neighbourhood" in kinds and town and _km_apart(x, y) < _QUARTER_KM:
                return True
    return False


_QUARTER_KM = 8


def _has_quarter(incident: Incident) -> bool:
    return any(getattr(p, "kind", "") == "neighbourhood" for p in incident.places)


def _absorb(existing: Incident, new: Incident) -> None:
    """Merge a new telling into an existing incident, refining a region to a site."""
    existing.spans.extend(new.spans)
    finer = _quarter_of(existing.places, new.places) and _has_quarter(new) > _has_quarter(existing)
    if new.places and (
        not existing.places or (existing.region_only and not new.region_only) or finer
    ):
        existing.places = new.places
        existing.inherited_place = new.inherited_place
        existing.located_only = new.located_only
        existing.refined = True
    if new.explicit_date and not existing.explicit_date:
        existing.date, existing.date_precision = new.date, new.date_precision
        existing.explicit_date = True
    if existing.actors[:1] == ["UNKNOWN"] and new.actors[:1] not in ([], ["UNKNOWN"]):
        existing.actors = list(new.actors)  # the attacker another telling names
    for side in new.actors:
        if side not in existing.actors and side != "UNKNOWN":
            existing.actors.append(side)


def _merge(incidents: list[Incident], new: Incident) -> None:
    """Add `new` to the list, or fold it into the latest compatible incident of its type."""
    for existing in reversed(incidents):
        if existing.sub_event_type != new.sub_event_type:
            continue
        if not (_actors_compatible(existing, new) and _dates_compatible(existing, new)):
            continue
        if _places_compatible(existing, new):
            _absorb(existing, new)
            return
    incidents.append(new)


# ---------------------------------------------------------------- one document


@dataclass
class _Context:
    """Everything about one document the per-sentence steps need.

    Places, dates and clause breaks are found on first use: a document with no event word
    never pays for them. Places and dates come left to right and do not overlap, so their
    start (and end) offsets are sorted and a sentence's share is found by bisection."""

    doc: Document
    nt: Any
    body_end: int
    published: str
    precision: Any
    paragraph_starts: list[int]
    actors_in: dict[tuple[int, int], list[Any]] = field(default_factory=dict)
    casualty_starts: list[int] = field(default_factory=list)  # incident-scope killed/injured
    attack_starts: list[int] = field(default_factory=list)  # ... caused by a named side
    fighters_hit: set[int] = field(default_factory=set)  # ... of which the victims are a side
    detained_starts: list[int] = field(default_factory=list)  # people arrested, abducted

    def tells_casualties(self, start: int, end: int) -> bool:
        """Whether a killed or injured figure of one incident starts in text[start:end]."""
        i = bisect_left(self.casualty_starts, start)
        return i < len(self.casualty_starts) and self.casualty_starts[i] < end

    @cached_property
    def places(self) -> list[Any]:
        body = self.doc.text[: self.body_end]
        return [p for p in _find_places(body) if p.end <= self.body_end]

    @cached_property
    def place_starts(self) -> list[int]:
        return [p.start for p in self.places]

    @cached_property
    def place_ends(self) -> list[int]:
        return [p.end for p in self.places]

    @cached_property
    def dates(self) -> list[Any]:
        body = self.doc.text[: self.body_end]
        return _find_dates(body, self.doc.published, self.doc.date_precision)

    @cached_property
    def date_starts(self) -> list[int]:
        return [d.start for d in self.dates]

    @cached_property
    def clause_breaks(self) -> list[int]:
        """Original offsets of clause breaks (في حين ...), ascending."""
        found = lexicon().clause_breaks.finditer(self.nt.text)
        return [self.nt.to_original(m.start()) for m in found]

    @cached_property
    def destinations(self) -> frozenset[int]:
        """Starts of the places people were taken to ('ونقلهم إلى سجن في مدينة القامشلي') or
        attackers fired from ('المتمركزة في'), read once for the document: they are never
        where an event happened."""
        text = self.doc.text
        out, prev_end = set(), -1
        for p in self.places:  # (an origin is only the first place after its cue)
            if _is_destination(p, text) or _is_origin(p, text, prev_end):
                out.add(p.start)
            prev_end = p.end
        return frozenset(out)

    def places_between(self, lo: int, hi: int) -> list[Any]:
        """Places starting in [lo, hi), in text order."""
        starts = self.place_starts
        return self.places[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _paragraph_of(ctx: _Context, pos: int) -> int:
    """Index of the paragraph (line) holding original offset `pos`."""
    return bisect_right(ctx.paragraph_starts, pos) - 1


def _is_heading(text: str, start: int, _end: int) -> bool:
    """A line without closing punctuation, short enough to be a title or subheading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return len(line) < 200 and not line.endswith((".", "!", "؟", "?", ":", '"', "»", "”"))


def _is_locator(place: Any, text: str) -> bool:
    """A place named after "near / east of / the countryside of": it locates, it is no site."""
    lex = lexicon()
    if _precision(place) == 2 and lex.locator_head.match(normalize_word(place.text)):
        return True  # the places stage kept the locator inside the match ("جنوب الحسكة")
    before = normalize_word(text[max(0, place.start - 30) : place.start])
    return bool(lex.locator.search(before))


def _is_origin(place: Any, text: str, prev_end: int = -1) -> bool:
    """A place the attackers are stationed in or fire from ('قوات النظام المتمركزة في تل
    الخضر قصفت منطقة جلين'): not where the event happened. Only the first place after the
    cue (the one before ends at `prev_end`): 'من مواقعها في مدينة سراقب قرية آفس' hits آفس."""
    start = max(0, place.start - 40, prev_end)
    before = normalize_word(text[start : place.start])
    return bool(lexicon().origin.search(before))


def _is_destination(place: Any, text: str) -> bool:
    """A place people were taken to ('ونقلهم إلى سجن في مدينة القامشلي'): not the event's."""
    before = normalize_word(text[max(0, place.start - 70) : place.start])
    return bool(lexicon().destination.search(before))


def _in_list(prev: Any, place: Any, text: str) -> bool:
    """Whether `place` continues a list after `prev` ("دير الزور والرقة وحماة")."""
    gap = text[prev.end : place.start]
    return len(gap) <= 4 and not gap.strip(" \u060c,و")


def _lists(places: list[Any], text: str) -> list[list[Any]]:
    """Places grouped into coordinated lists."""
    out: list[list[Any]] = []
    for p in places:
        if out and _in_list(out[-1][-1], p, text):
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _sites(places: list[Any], text: str) -> tuple[list[Any], bool]:
    """(sites, region_only): places that are sites, most specific kept; locators alone make a
    region-level incident (strikes "in the deserts of Deir ez-Zor and Raqqa"). A list that
    starts with a region or a locator is read at that level as a whole."""
    sites = []
    groups = _lists(places, text)
    regions = _regions_of(groups, text)
    for k, (group, region) in enumerate(zip(groups, regions, strict=True)):
        head = group[0]
        if _is_locator(head, text) or _is_region(head):
            continue
        if k and regions[k - 1] is head and not _is_region(head):
            continue  # the town that located the unknown place before it ('حي الدويلعة بدمشق')
        inner = [p for p in group if _is_locator(p, text) and getattr(p, "governorate", "")]
        region = region or (inner[-1] if inner else None)  # 'قرية فيلون جنوب مدينة إدلب'
        sites.extend(
            _located_in(p, region) if region is not None else p
            for p in group
            if not _is_locator(p, text)
        )
    if not sites:  # ('قرب قرية الحمامة في ريف إدلب': near an unknown village of a region)
        first, region = places[0], regions[0]
        return [_located_in(first, region) if region is not None else first], True
    towns = [p for p in sites if not _is_region(p)]
    return (towns or sites), False


# Between a list of sites and the region after it: more of the list the gazetteer does not know
# ('وشوارغة'), a comma, a preposition ('في', 'بريف').
_IN_REGION = re.compile(
    r"(?:\s+(?:ال)?(?:شرقي|غربي|شمالي|جنوبي|كبير|صغير|فوقاني|تحتاني)[ةه]?)?"  # ('الكرك الشرقي')
    r"(?:\s*[،,]?\s+و[^\W\d_]+(?:\s+[^\W\d_]+)?){0,3}\s*[،,]?\s*(?:في|ب|ضمن|من)?\s*(?:ريف)?\s*$"
)


# Between a site and the locator after it: the locator's own words ('جنوب مدينة', 'بالقرب من').
_BY_LOCATOR = re.compile(r"(?:\s*[،,]?\s*[^\W\d_]+){0,3}\s*$")

# Between two lists of sites that are one list: the end of a name the gazetteer does not
# know ('بلدة معارة النعسان وقرية كتيان'), then و.
_SAME_LIST = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*[،,]?\s+و$")


def _regions_of(groups: list[list[Any]], text: str) -> list[Any]:
    """For each list of places, the region named after it (or after the lists it runs into)."""
    out: list[Any] = [None] * len(groups)
    for k in range(len(groups) - 1, -1, -1):
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        out[k] = _locating_region(groups[k], nxt, text)
        joined = nxt is not None and _SAME_LIST.fullmatch(text, groups[k][-1].end, nxt.start)
        if out[k] is None and joined:
            out[k] = out[k + 1]
    return out


def _locating_region(group: list[Any], nxt: Any, text: str) -> Any:
    """The region named right after a list of sites ('قرى مرعناز والمالكية في ريف حلب
    الشمالي'), when it has a governorate; else None."""
    if nxt is None or not getattr(nxt, "governorate", ""):
        return None
    if _is_region(nxt):
        return nxt if _IN_REGION.fullmatch(text, group[-1].end, nxt.start) else None
    if _is_locator(nxt, text):  # ('قرية فيلون جنوب مدينة إدلب', 'بلدة قورقنيا شمال إدلب')
        return nxt if _BY_LOCATOR.fullmatch(text, group[-1].end, nxt.start) else None
    return nxt if _town_of_unknown(group, nxt, text) else None  # 'في حي الدويلعة بدمشق'


def _town_of_unknown(run: list[Any], town: Any, text: str) -> bool:
    """A known town right after places the gazetteer does not know ('حي الدويلعة بدمشق')."""
    return (
        all(not getattr(p, "place_id", "") for p in run)
        and getattr(town, "kind", "") in _TOWN_KINDS
        and _IN_TOWN.fullmatch(text, run[-1].end, town.start) is not None
    )


_TOWN_KINDS = frozenset(("city", "town"))
# Between a place the gazetteer does not know and the city it is in: 'ب', 'في', 'بمدينة'.
_IN_TOWN = re.compile(r"\s*[،,]?\s*(?:ب|في|ضمن)?\s*(?:مدينة|مدينه)?\s*")


def _located_in(site: Any, region: Any) -> Any:
    """A site read in the region named after it. A village missing from the gazetteer, or a
    name the gazetteer puts in another governorate (المالكية in rural Aleppo is not the
    Hasakah town), is placed in the region: its governorate and centre, precision 2. A known
    place across the governorate line, near the region (التفاحية in Latakia, told as 'بريف
    إدلب الغربي'), stays where the gazetteer has it."""
    known = getattr(site, "governorate", "")
    if known == region.governorate or (known and not _is_region(region)):
        return site  # (a locator, 'شمالي اللاذقية', does not overrule the gazetteer)
    if _km_apart(site, region) < _NEAR_KM:
        return site
    # a neighbourhood of a known city is in it; a village named with a city is near it
    in_town = getattr(region, "kind", "") in _TOWN_KINDS and cue_kind(site.text) == "neighbourhood"
    fields = {
        "place_id": region.place_id if in_town else "",  # (one site with its town)
        "name_en": "",
        "kind": "unknown",
        "governorate": region.governorate,
        "latitude": region.latitude,
        "longitude": region.longitude,
        "geo_precision": 1 if in_town else 2,
    }
    return dataclasses.replace(site, **fields)


_NEAR_KM = 60


def _km_apart(a: Any, b: Any) -> float:
    """Distance in km between two places with coordinates (infinite without)."""
    try:
        lat1, lon1 = float(a.latitude), float(a.longitude)
        lat2, lon2 = float(b.latitude), float(b.longitude)
    except (TypeError, ValueError):
        return math.inf
    return km_between(lat1, lon1, lat2, lon2)


def _places_for(
    ctx: _Context, trig: tuple[int, int], seg_end: int, sent: tuple[int, int]
) -> tuple[list[Any], bool]:
    """Places of a trigger: in its segment, else the nearest after, else before, in its clause.

    Returns (places, region_only)."""
    breaks = ctx.clause_breaks
    k = bisect_left(breaks, trig[1])
    after_break = breaks[k] if k < len(breaks) and breaks[k] < sent[1] else sent[1]
    k = bisect_left(breaks, trig[0]) - 1
    before_break = breaks[k] if k >= 0 and breaks[k] >= sent[0] else sent[0]
    taken_to = ctx.destinations
    in_sentence = [p for p in ctx.places_between(sent[0], sent[1]) if p.start not in taken_to]
    segment = [p for p in in_sentence if trig[0] <= p.start < min(seg_end, after_break)]
    if segment:
        return _sites(segment, ctx.doc.text)
    after = [p for p in in_sentence if trig[1] <= p.start < after_break]
    if after:
        return _sites(_runs(after, ctx.doc.text)[0], ctx.doc.text)
    before = [p for p in in_sentence if before_break <= p.start and p.end <= trig[0]]
    if not before:
        return [], False
    return _sites(_runs(before, ctx.doc.text)[-1], ctx.doc.text)


def _runs(places: list[Any], text: str) -> list[list[Any]]:
    """Lists of places joined into one where only names the gazetteer does not know stand
    between them, or a preposition before the region they are in ('قرى وبلدات الفطيرة
    وكفرعويد وكنصفرة وأطراف البارة بجبل الزاوية')."""
    out: list[list[Any]] = []
    for group in _lists(places, text):
        if out and (
            _SAME_LIST.fullmatch(text, out[-1][-1].end, group[0].start)
            or (
                _is_region(group[0]) and _IN_REGION.fullmatch(text, out[-1][-1].end, group[0].start)
            )
            or _town_of_unknown(out[-1], group[0], text)
        ):
            out[-1].extend(group)
        else:
            out.append(list(group))
    return out


# 'أن' / 'إن' / 'بأن' after a word of saying: the clause after it tells the event.
_COMPLEMENTISER = re.compile(r"(?<!\S)(?:ب?[أا]ن|إن)(?!\S)")


def _date_for(ctx: _Context, sent: tuple[int, int], pos: int) -> tuple[str, Any, bool]:
    """(date, precision, explicit) of the date nearest the trigger in its sentence, else publication."""
    in_sentence = ctx.dates[
        bisect_left(ctx.date_starts, sent[0]) : bisect_left(ctx.date_starts, sent[1])
    ]
    near = [d for d in in_sentence if getattr(d, "date", "")]
    if near:
        text = ctx.doc.text
        same_clause = [
            d for d in near if not _COMPLEMENTISER.search(text, *sorted((d.end, pos)))
        ]  # 'أكد المرصد أمس أن الهجمات ... الأحد': أمس dates the saying, not the attack
        best = min(same_clause or near, key=lambda d: abs(d.start - pos))
        return str(best.date), best.precision or "", True
    return ctx.published, ctx.precision, False


def _sides(ctx: _Context, norm_start: int, norm_end: int, pos: int) -> list[str]:
    """Side codes named in the sentence: attackers first, then targets (last when no attacker
    is named), and within each the nearest the trigger first."""
    named = ctx.actors_in.get((norm_start, norm_end))
    if named is None:  # found once per sentence, however many triggers it holds
        norm = ctx.nt.text
        named = [
            (a.start, a.side, _role(norm, a.start, a.end, norm_start, norm_end))
            for a in _find_actors(norm, norm_start, norm_end)
        ]
        named += [(at, side, 0) for at, side in _attackers_by_adjective(norm, norm_start, norm_end)]
        ctx.actors_in[(norm_start, norm_end)] = named
    named = [a for a in named if a[2] is not None]
    attacked = any(role == 0 for _, _, role in named)  # then the target is the second actor
    order = {0: 0, 1: 2, 2: 1} if attacked else {0: 0, 1: 1, 2: 2}
    matches = sorted(named, key=lambda a: (order[a[2]], abs(a[0] - pos)))
    sides = list(dict.fromkeys(side for _, side, _ in matches))
    if named and all(role == 2 for _, _, role in named):
        return ["UNKNOWN", *sides]  # 'دورية لقسد تعرضت لتفجير عبوة': the attacker is unknown
    return sides


def named_as_target(norm: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the side named at norm[start:end], in the sentence norm[lo:hi], is named as the
    one attacked ('حاجزاً لقسد', 'على مواقع قوات النظام', 'قسد تعرضت لهجوم')."""
    return _role(norm, start, end, lo, hi) == 2


def _role(norm: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """0 for a side named as the attacker ('من قبل قسد', 'شنه تنظيم داعش', 'هجمات من خلايا
    داعش'), 2 as the target ('مواقع قسد', 'على حاجز لقسد', 'قسد تعرضت لهجوم'), None for one
    named only as someone's patron ('مواقع داعمة للمعارضة', 'مصادر مقربة من قسد'), else 1."""
    lex = lexicon()
    before = _WORD.findall(norm, max(lo, start - 60), start)
    if before and before[-1] in ("ل", "لل", "ب", "و", "ال"):
        before.pop()  # the proclitic of the name itself ('دورية لقسد')
    tied = False
    while len(before) > 1 and before[-1] in lex.tie_words:
        before.pop()  # 'هاجمت مجموعة مسلحة تابعة لتنظيم داعش', 'نقطة عسكرية تابعة لقسد'
        tied = True
    if (
        tied
        and before
        and before[-1] not in lex.target_before
        and not before[-1].startswith("هاجم")
    ):
        return 1  # ('استهدفت خلايا تابعة لتنظيم داعش': cells are no attacker cue here)
    before = before[-2:]
    after = _WORD.findall(norm, end, min(hi, end + 40))[:3]
    last = before[-1] if before else ""
    if any(w in lex.patron_before for w in before):
        return None
    if last in lex.attacker_before or (
        len(before) == 2 and " ".join(before) in lex.attacker_before
    ):
        return 0
    accusative = last[:-1] if last.endswith("ا") else last  # 'حاجزاً لقسد': حاجز
    if {last, accusative} & lex.target_before or any(w.startswith(lex.target_after) for w in after):
        return 2
    return 1


_WORD = re.compile(r"[^\W\d_]+")


def _attackers_by_adjective(norm: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, side) of attackers named only by a nationality adjective on a weapon or force
    ('شنت طائرات حربية روسية غارات', 'قصفت المدفعية التركية قرى', 'بقصف مدفعي تركي'): the
    adjective with an attacker word among the three words before it."""
    try:
        from helpers.actors import adjective_side
    except ImportError:
        return []
    words = list(_WORD.finditer(norm, start, end))
    attackers = lexicon().attacker_nouns
    out = []
    for k, m in enumerate(words):
        side = adjective_side(m.group())
        if side and any(w.group() in attackers for w in words[max(0, k - 3) : k]):
            out.append((m.start(), side))
    return out


def _split(sub_type: str, places: list[Any]) -> list[list[Any]]:
    """Groups of places that make separate incidents of one trigger."""
    lex = lexicon()
    if not places:
        return [[]]
    if sub_type in lex.split_per_place:
        return [[p] for p in {_place_key(p): p for p in places}.values()]
    if sub_type in lex.group_per_governorate:
        towns = [p for p in places if not _is_region(p)]
        if not towns:
            return [places[:1]]
        groups: dict[str, list[Any]] = {}
        for p in towns:
            groups.setdefault(p.governorate or "", []).append(p)
        return list(groups.values())
    return [places]


_HARMED = frozenset(("killed", "injured", "killed_or_injured"))
_SHELLING = "shelling_artillery_missile"
_REMOTE = frozenset(("air_drone_strike", _SHELLING))
_GROUND = frozenset(("attack", "armed_clash"))  # (strikes on a region are one event a day)


_AFTER_EVENTS = re.compile(r"(?<!\w)(?:عقب|اثر|بعد)\s*$")  # 'عقب هجمات': following attacks
_CASES_BEFORE = re.compile(r"(?<![\d/.:-])(?:[3-9]|\d{2,})\s*(?:حاله|حالات)\s*$")  # '187 حالة'
_COUNT_BEFORE = re.compile(r"(?<![\d/.:-])(?:[3-9]|\d{2,})\s*$")  # three or more, right before


def _killing_by_named_side(
    ctx: _Context, norm_sent: tuple[int, int], heading: bool = False
) -> list[Trigger]:
    """'قوات الأسد تقتل مدنيين أثناء جمعهم الحطب': people killed or hurt by a side the text
    names, with no word for how, are an attack on civilians (ACLED's violence against
    civilians) or an armed clash when they are another side's fighters ('قتلت قسد 4 عناصر من
    داعش'), or an air strike when aircraft are named in the sentence. The figure's words are
    the trigger."""
    start, end = ctx.nt.span(*norm_sent)
    i = bisect_left(ctx.attack_starts, start)
    if i == len(ctx.attack_starts) or ctx.attack_starts[i] >= end:
        return []
    at = ctx.nt.to_normalised(ctx.attack_starts[i])
    word_end = ctx.nt.text.find(" ", at, norm_sent[1])
    aircraft = any(  # 'مجزرة ارتكبتها الطائرات الحربية الروسية': an air strike
        needed is not None and needed.search(ctx.nt.text, *norm_sent)
        for sub_type, _, needed in lexicon().fallback
        if sub_type == "air_drone_strike"
    )
    fighters = ctx.attack_starts[i] in ctx.fighters_hit  # 'قتلت قسد 4 عناصر من داعش': a clash
    if fighters and heading:
        return []  # (a headline's claim about fighters, 'وبغداد أكدت مقتل 30 قيادياً منه')
    kind = "air_drone_strike" if aircraft else "armed_clash" if fighters else "attack"
    return [Trigger(at, word_end if word_end > at else norm_sent[1], kind, "fallback")]


def _summary(norm: str, trig: Trigger, places: list[Any]) -> bool:
    """Several ground attacks summed up: a word of number right by the event word ('عدة
    هجمات', 'سلسلة هجمات') with no town or village named, or a word of spread ('هجمات
    متفرقة في دير الزور') with fewer than two (a list of sites is told one by one)."""
    lex = lexicon()
    lo, hi = max(0, trig.start - 12), trig.end + 14
    sites = [p for p in places if not _is_region(p)]
    if len(sites) < 2 and (
        lex.spread.search(norm, lo, trig.start) or lex.spread.search(norm, trig.end, hi)
    ):
        return True
    plural = norm[trig.start : trig.end].endswith(("هجمات", "اعتداءات", "عمليات"))
    if plural and _AFTER_EVENTS.search(norm, lo, trig.start):
        return True  # '... عقب هجمات من خلايا التنظيم': the reason for what is told, no event
    number = lex.several.search(norm, lo, trig.start) or lex.several.search(norm, trig.end, hi)
    if _COUNT_BEFORE.search(norm, lo, trig.start) or lex.statistic.search(norm, lo, trig.start):
        return True  # 'بواقع 93 هجوم', 'لعدد الهجمات': a statistic, whatever the places
    return bool(number) and not sites


def _candidates(ctx: _Context, norm_sent: tuple[int, int]) -> list[Incident]:
    """Incidents stated in one sentence (before merging)."""
    norm = ctx.nt.text
    if lexicon().background.search(norm, norm_sent[0], norm_sent[1]):
        return []
    if in_link_line(norm, norm_sent[0]):
        return []  # 'اقرأ أيضاً: ...': another story's headline
    sent = ctx.nt.span(*norm_sent)
    heading = _is_heading(ctx.doc.text, *sent)
    triggers = find_triggers(norm, *norm_sent) or _killing_by_named_side(ctx, norm_sent, heading)
    out: list[Incident] = []
    for i, trig in enumerate(triggers):
        t_span = ctx.nt.span(trig.start, trig.end)
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else norm_sent[1]
        seg_end = ctx.nt.to_original(nxt)
        own = ctx.places_between(t_span[0], seg_end)
        if not own and out and out[-1].sub_event_type == trig.sub_event_type:
            out[-1].spans.append((*t_span, *sent))  # the same event, said again
            continue
        if trig.strength == "fallback" and not ctx.tells_casualties(*sent):
            continue  # 'تدين الشبكة عمليات القصف': no casualties, no event told
        places, located_only = _places_for(ctx, t_span, seg_end, sent)
        if trig.sub_event_type in _GROUND and _summary(norm, trig, places):
            continue  # 'تعرضت لعدة هجمات متفرقة في دير الزور': told one by one elsewhere
        if _CASES_BEFORE.search(norm, max(0, trig.start - 16), trig.start):
            continue  # '187 حالة اعتقال خلال شهر تموز': a count of events, not one
        date, precision, explicit = _date_for(ctx, sent, t_span[0])
        sides = _sides(ctx, norm_sent[0], norm_sent[1], trig.start)
        for group in _split(trig.sub_event_type, places):
            out.append(
                Incident(
                    sub_event_type=trig.sub_event_type,
                    start=sent[0],
                    end=sent[1],
                    paragraph=_paragraph_of(ctx, sent[0]),
                    places=group,
                    located_only=located_only,
                    date=date,
                    date_precision=precision,
                    explicit_date=explicit,
                    actors=sides,
                    heading=heading,
                    guessed=trig.strength == "fallback",
                    spans=[(*t_span, *sent)],
                )
            )
    return _raids_of_attacks(ctx, out, triggers, sent)


def _raids_of_attacks(
    ctx: _Context, out: list[Incident], triggers: list[Any], sent: tuple[int, int]
) -> list[Incident]:
    """'مقتل شاب برصاص دورية لقسد أثناء مداهمة منزله': a raid in which someone was killed, with
    no one said to be arrested anywhere in the article, is the attack told, not an arrest of
    its own."""
    attacks = [x for x in out if x.sub_event_type in ("attack", "armed_clash")]
    if not attacks or ctx.detained_starts:
        return out
    raid_starts = {
        ctx.nt.span(t.start, t.end)[0]
        for t in triggers
        if t.sub_event_type == "arrests" and lexicon().raids.fullmatch(ctx.nt.text, t.start, t.end)
    }
    return [x for x in out if not (x.sub_event_type == "arrests" and x.spans[0][0] in raid_starts)]


def _inherit_place(ctx: _Context, inc: Incident) -> None:
    """Give a placeless incident the last place named before it (else the first after)."""
    last_before = bisect_right(ctx.place_ends, inc.start) - 1
    first_after = bisect_left(ctx.place_starts, inc.end)
    before = ctx.places[last_before : last_before + 1] if last_before >= 0 else []
    pick = before or ctx.places[first_after : first_after + 1]
    if pick:
        inc.places = pick
        inc.inherited_place = True


def _build(ctx: _Context, sentence_spans: list[tuple[int, int]]) -> list[Incident]:
    """All incidents of a document: body sentences merged first, then headings."""
    incidents: list[Incident] = []
    headings: list[Incident] = []
    guessed: list[Incident] = []  # typed by a fallback word: joined to an event told, if any
    for norm_sent in sentence_spans:
        for cand in _candidates(ctx, norm_sent):
            if cand.heading:
                headings.append(cand)
                continue
            if cand.guessed:  # ('تقتل مدنيين' and 'هجوم جوي' told the same day): one event
                guessed.append(cand)
                continue
            if not cand.places:
                same_par = [
                    x
                    for x in incidents
                    if x.paragraph == cand.paragraph and x.sub_event_type == cand.sub_event_type
                ]
                if same_par:
                    _absorb(same_par[-1], cand)
                    continue
                _inherit_place(ctx, cand)
            _merge(incidents, cand)
    for cand in guessed:
        told = [x for x in incidents if _places_compatible(x, cand) and _dates_compatible(x, cand)]
        before = [x for x in told if min(s[0] for s in x.spans) < cand.start]
        if told:
            _absorb((before or told)[-1 if before else 0], cand)
        else:
            _merge(incidents, cand)
    for head in headings:
        same = [x for x in incidents if x.sub_event_type == head.sub_event_type]
        if head.guessed:  # ('الاحتلال يستهدف قافلة'): the body says what the targeting was
            same = same or [x for x in incidents if x.sub_event_type in _REMOTE]
        if same:
            _absorb(same[0], head)
        else:
            if not head.places:
                _inherit_place(ctx, head)
            _merge(incidents, head)
    return sorted(_fold_attacks(incidents), key=lambda x: min(s[0] for s in x.spans))


def _fold_attacks(incidents: list[Incident]) -> list[Incident]:
    """An attack with no site of its own, between the same two sides as a battle, is that
    battle told briefly (one source says "ISIS attacked", another "clashes")."""
    clashes = [x for x in incidents if x.sub_event_type == "armed_clash"]
    kept = []
    for inc in incidents:
        pair = set(inc.actors[:2])
        match = next(
            (
                c
                for c in clashes
                if inc.sub_event_type == "attack"
                and (inc.inherited_place or inc.region_only)
                and len(pair) == 2
                and pair <= set(c.actors)
                and _places_compatible(c, inc)
                and _dates_compatible(c, inc)
            ),
            None,
        )
        if match is None:
            kept.append(inc)
        else:
            _absorb(match, inc)
    return kept


def _context(doc: Document) -> tuple[_Context, list[tuple[int, int]]]:
    """Normalise the document, find places and dates once, and cut the related-stories tail."""
    nt = normalize(doc.text)
    norm_end = main_text_end(nt.text)
    body_end = nt.to_original(norm_end)
    published = (doc.published or "")[:10]
    # a publication date given without its precision is a day, as find_dates reads it
    precision = DATE_PRECISION.get(doc.date_precision or "day", "") if published else ""
    paragraph_starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
    ctx = _Context(
        doc=doc,
        nt=nt,
        body_end=body_end,
        published=published,
        precision=precision,
        paragraph_starts=paragraph_starts,
    )
    return ctx, _join_semicolons(nt.text, sentences(nt.text, norm_end))


def _join_semicolons(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences split only by a semicolon are one sentence (حيث وقعت اشتباكات continues)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and norm[out[-1][1] - 1] in "؛;":
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------- rows


def _number(value: Any) -> float | None:
    """A figure as a float, None when empty."""
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if out != out else out


def _assign_mentions(incidents: list[Incident], mentions: list[dict]) -> dict[int, list[dict]]:
    """Mention -> incident: the incident told in its sentence (nearest trigger), else the
    latest one told before it in the document, else (a headline, a lead) the first one told
    after it; cumulative figures belong to none."""
    owned: dict[int, list[dict]] = {i: [] for i in range(len(incidents))}
    tellings = [(span, i) for i, inc in enumerate(incidents) for span in inc.spans]
    for m in mentions:
        m["incident"] = ""
        if m.get("scope") == "cumulative" or not tellings:
            continue
        pos = int(m.get("start") or 0)
        same = [(abs(t0 - pos), i) for (t0, _, s0, s1), i in tellings if s0 <= pos < s1]
        earlier = [(t0, i) for (t0, _, _, _), i in tellings if t0 <= pos]
        if same:
            owned[min(same)[1]].append(m)
        elif earlier:
            owned[max(earlier)[1]].append(m)
        else:  # a headline or lead told before any event word: the first event told after it
            owned[min((t0, i) for (t0, _, _, _), i in tellings)[1]].append(m)
    return owned


def _totals(owned: list[dict]) -> tuple[float, float]:
    """Killed and injured of an incident: sum of its countable, stand-alone figures."""
    killed = injured = 0.0
    for m in owned:
        if m.get("relation") or m.get("cause") or m.get("unit") not in (None, "", "people"):
            continue
        value = _number(m.get("best"))
        if value is None:
            continue
        if m.get("category") == "killed":
            killed += value
        elif m.get("category") == "injured":
            injured += value
    return killed, injured


_NOT_A_SIDE = ("", "CIVILIANS", "UNKNOWN", "MIXED", "OTHER")


def _captors_first(actors: list[str], owned: list[dict]) -> list[str]:
    """An arrest's first side is not the side arrested ('تم اعتقال عدد من عناصر تنظيم الدولة'
    with قسد named: SDF arrested ISIS men): the side the incident's detentions took moves
    second when another side is named."""
    detentions = [m for m in owned if m.get("category") == "detained"]
    taken = Counter(m.get("victim") for m in detentions if m.get("victim") not in _NOT_A_SIDE)
    held = taken.most_common(1)[0][0] if taken else ""
    if not held or actors[0] != held:
        return actors
    doers = Counter(m.get("perpetrator") for m in detentions if m.get("perpetrator"))
    doer = doers.most_common(1)[0][0] if doers else ""
    if doer == held:
        return actors  # ('مخابرات النظام ... اعتقال 25 ضابطاً': a side arresting its own)
    others = [a for a in actors[1:] if a and a not in (held, "UNKNOWN")]
    captor = doer or (others[0] if others else "")
    if not captor:
        return actors
    return [captor, held, *(a for a in actors[1:] if a not in (captor, held))]


def _drones_told(ctx: _Context, inc: Incident) -> bool:
    """Whether a telling of the incident names drones at its event word."""
    norm = ctx.nt.text
    for t0, t1, *_ in inc.spans:
        lo, hi = ctx.nt.to_normalised(t0), ctx.nt.to_normalised(t1)
        if lexicon().drones.search(norm, lo, hi):
            return True
    return False


def _with_air_force_first(actors: list[str]) -> list[str]:
    """An air strike's first side must fly warplanes: a side named with one that does is the
    attacker ('التحالف' named with 'داعش': the Coalition struck ISIS); with none named it is
    UNKNOWN, and the side that cannot fly is the one struck, unless civilians were."""
    first, others = actors[0], [a for a in actors[1:] if a]
    flier = next((a for a in others if a in lexicon().air_forces), "")
    if flier and others[0] == flier:
        return [flier, first, *others[1:]]
    if flier:
        return [flier, *(a for a in others if a != flier), first]
    if others and others[0] == "CIVILIANS":
        return ["UNKNOWN", *others, first]  # the civilians hit stay the target
    return ["UNKNOWN", first, *(a for a in others if a != "UNKNOWN")]  # the ground attacker
    # told with the strike is the one struck ('هاجمت مجموعة لداعش ... حيث شن الطيران غارتين')


def _told_in(inc: Incident, owned: list[dict]) -> list[dict]:
    """The incident's figures told in its own sentences (not those it took from later ones)."""
    spans = [(s0, s1) for *_, s0, s1 in inc.spans]
    return [m for m in owned if any(s0 <= int(m.get("start") or 0) < s1 for s0, s1 in spans)]


def _actors_by_role(
    named: list[str], owned: list[dict], told_here: list[dict] | None = None
) -> list[str]:
    """Sides in ACLED's order: the one doing the harm first, the one suffering it second.
    The incident's own figures say who is who where the text does ('قتل عنصران من قسد
    بهجوم لخلايا داعش': ISIS, then SDF); otherwise the sides nearest the event word first.
    Who did it is read from the figures told in the incident's own sentences only: a later
    sentence's arrest of an attacker ('تمكنت قسد من اعتقال أحد المهاجمين') is another deed."""
    counted = [m for m in owned if not m.get("relation")]
    here = counted if told_here is None else [m for m in told_here if not m.get("relation")]
    doers = Counter(
        m.get("perpetrator") for m in here if m.get("perpetrator") not in ("", None, "MIXED")
    )
    hurt = Counter(m.get("victim") for m in counted if m.get("victim") not in _NOT_A_SIDE)
    actors = list(named)
    doer = doers.most_common(1)[0][0] if doers else ""
    if doer:
        actors = [doer] + [a for a in actors if a not in (doer, "UNKNOWN")]
    if not hurt and not actors[1:]:  # ('اعتقلت قسد 12 شاباً'): civilians are the other party
        hurt = Counter(m.get("victim") for m in counted if m.get("victim") == "CIVILIANS")
    victim = hurt.most_common(1)[0][0] if hurt else ""
    own = victim == doer and all(m.get("category") == "detained" for m in counted)
    if victim and actors and (victim != actors[0] or own):  # ('مخابرات النظام ... اعتقال 25
        rest = [a for a in actors[1:] if a != victim]  # ضابطاً': a side arresting its own)
        actors = [actors[0], victim, *rest]
    elif len(actors) > 2 and frozenset(actors[:2]) in lexicon().allies:
        allied = lexicon().allies
        foes = [
            a
            for a in actors[2:]
            if a in lexicon().armed_groups and frozenset((actors[0], a)) not in allied
        ]
        if foes:  # ('التحالف ... الجيب الأخير لداعش', قسد named too): states named are backers
            actors = [actors[0], foes[0]] + [a for a in actors[1:] if a != foes[0]]
    return actors


def _governorate_around(ctx: _Context, pos: int) -> str:
    """The governorate of a place the gazetteer lacks: that of the last place before it in its
    paragraph ('حماة:: قصف مدفعي ... استهدف قرية العنكاوي بالريف الغربي'), else the one most
    places of the article are in; '' when none is."""
    para = _paragraph_of(ctx, pos)
    for k in range(bisect_right(ctx.place_ends, pos) - 1, -1, -1):  # back to the paragraph start
        p = ctx.places[k]
        if _paragraph_of(ctx, p.start) != para:
            break
        if getattr(p, "governorate", ""):
            return p.governorate
    counts = Counter(p.governorate for p in ctx.places if getattr(p, "governorate", ""))
    return counts.most_common(1)[0][0] if counts else ""


def _row(ctx: _Context, inc: Incident, iid: str, owned: list[dict]) -> dict:
    """The INCIDENT_COLUMNS row of one incident."""
    place = inc.places[0] if inc.places else None
    names = [getattr(p, "name_en", "") or p.text for p in inc.places]
    killed, injured = _totals(owned)
    geo = (_precision(place) if place is not None else "") if not inc.inherited_place else 2
    if place is not None and len(inc.places) > 1:
        geo = max(2, _precision(place))
    actors = _actors_by_role(inc.actors, owned, _told_in(inc, owned)) + ["", ""]
    if inc.sub_event_type in ("arrests", "abduction_forced_disappearance"):
        actors = _captors_first(actors, owned)
    grounded = actors[0] not in lexicon().air_forces | {"", "UNKNOWN"}
    if inc.sub_event_type == "air_drone_strike" and grounded and not _drones_told(ctx, inc):
        actors = _with_air_force_first(actors)
    if inc.sub_event_type == "peaceful_protest":  # the protesters, as ACLED codes them; the
        actors = ["CIVILIANS", ""]  # side protested against is what it is about, not a party
    governorate = inc.governorate
    if not governorate and inc.places:  # a village the gazetteer lacks, told with no region
        governorate = _governorate_around(ctx, inc.places[0].start)
        geo = 3 if governorate else geo  # only the governorate is known
    return {
        "doc": ctx.doc.doc,
        "incident": iid,
        "start": inc.start,
        "end": inc.end,
        "text": ctx.doc.text[inc.start : inc.end],
        "event_type": event_type_of(inc.sub_event_type),
        "sub_event_type": inc.sub_event_type,
        "actor1": actors[0],
        "actor2": actors[1],
        "place": ", ".join(dict.fromkeys(names)),
        "governorate": governorate,
        "latitude": getattr(place, "latitude", "") if place is not None else "",
        "longitude": getattr(place, "longitude", "") if place is not None else "",
        "geo_precision": geo,
        "date": inc.date,
        "date_precision": inc.date_precision,
        "killed": int(killed),
        "injured": int(injured),
        "mentions": " ".join(str(m.get("mention", "")) for m in owned),
        "event": "",
        "link_reason": "",
    }


def _index_casualties(ctx: _Context, mentions: list[dict]) -> None:
    """Where the document tells people of one incident killed or hurt (by a named side, and
    of which a side's fighters): the fallback event rules look these offsets up per sentence."""
    told = [
        m
        for m in mentions
        if m.get("category") in _HARMED and m.get("scope") == "incident" and not m.get("cause")
    ]
    ctx.casualty_starts = sorted(int(m["start"]) for m in told)
    ctx.attack_starts = sorted(
        int(m["start"])
        for m in told
        if m.get("perpetrator") and not m.get("relation") and m.get("victim") != m["perpetrator"]
    )
    ctx.fighters_hit = {int(m["start"]) for m in told if m.get("victim") not in _NOT_A_SIDE}
    ctx.detained_starts = sorted(
        int(m["start"]) for m in mentions if m.get("category") in ("detained", "surrendered")
    )


def extract_incidents(doc: Document, mentions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Return (incident rows, mention rows with their `incident` column set)."""
    ctx, sentence_spans = _context(doc)
    _index_casualties(ctx, mentions)
    incidents = _build(ctx, sentence_spans)
    owned = _assign_mentions(incidents, mentions)
    rows = [_row(ctx, inc, f"i{i + 1}", owned[i]) for i, inc in enumerate(incidents)]
    for i, row in enumerate(rows):
        for m in owned[i]:
            m["incident"] = row["incident"]
    return rows, mentions


# ---------------------------------------------------------------- scoring


def _gov_key(name: Any) -> str:
    """Governorate name reduced for comparison (Deir ez-Zor == deir ezzor == دير الزور)."""
    text = str(name or "").lower()
    text = re.sub(r"^(al|ar|as|ad|ash|el)[- ]", "", text)
    return re.sub(r"[^a-z\u0600-\u06ff]", "", text)


def score_incidents(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Precision/recall of incidents matched on (doc, sub_event_type, governorate).

    One-to-one: for each key, min(predicted, gold) incidents match. Only documents present in
    the gold table are scored. Returns tp, fp, fn, precision, recall, f1 and per-type counts.
    """
    docs = set(gold["doc"].astype(str))
    pred = pred[pred["doc"].astype(str).isin(docs)] if not pred.empty else pred

    def keys(df: pd.DataFrame) -> Counter:
        return Counter() if df.empty else Counter(_row_keys(df))

    p, g = keys(pred), keys(gold)
    tp = sum(min(n, g[k]) for k, n in p.items())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_type: dict[str, dict[str, int]] = {}
    for k in sorted(set(p) | set(g)):
        t = min(p[k], g[k])
        per_type.setdefault(k[1], {"tp": 0, "fp": 0, "fn": 0})
        per_type[k[1]]["tp"] += t
        per_type[k[1]]["fp"] += p[k] - t
        per_type[k[1]]["fn"] += g[k] - t
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "per_type": per_type,
        **_actor_agreement(pred, gold),
    }


def _actor_agreement(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Share of matched incidents whose actor1 (actor2) agrees with the gold row's, pairing
    the incidents of one key in the order they are told; {} when either table has no actors."""
    columns = {"actor1", "actor2"}
    if pred.empty or not (columns <= set(gold.columns) and columns <= set(pred.columns)):
        return {}

    def grouped(df: pd.DataFrame) -> dict[tuple, list[tuple[str, ...]]]:
        out: dict[tuple, list[tuple[str, ...]]] = {}
        sides = df[["actor1", "actor2"]].fillna("").astype(str).itertuples(index=False)
        for key, pair in zip(_row_keys(df), sides, strict=True):
            out.setdefault(key, []).append(tuple(pair))
        return out

    p, g = grouped(pred), grouped(gold)
    pairs = [(a, b) for k in p.keys() & g.keys() for a, b in zip(p[k], g[k], strict=False)]
    if not pairs:
        return {}
    return {
        "actor1_agreement": round(sum(a[0] == b[0] for a, b in pairs) / len(pairs), 3),
        "actor2_agreement": round(sum(a[1] == b[1] for a, b in pairs) / len(pairs), 3),
    }


def _row_keys(df: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(
        zip(
            df["doc"].astype(str),
            df["sub_event_type"].astype(str),
            df["governorate"].map(_gov_key),
            strict=True,
        )
    )
