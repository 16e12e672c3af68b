"""Actors (sides of the conflict) and sources (who says a figure) named in a text.

Names come from `helpers/data/actors.yaml`, which analysts extend without touching code.
All functions work on normalised text (see `helpers.text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from helpers.lexicon import load, phrase_key, phrase_regex
from helpers.text import normalize_word


@dataclass(frozen=True)
class ActorMatch:
    """A side named in the text; `weak` names (النظام، التنظيم) are generic words."""

    start: int
    end: int
    text: str
    side: str
    weak: bool = False


@dataclass(frozen=True)
class SourceMatch:
    """A source of information named in the text (المرصد السوري، سانا ...)."""

    start: int
    end: int
    text: str
    name: str


class _ActorIndex(NamedTuple):
    regex: re.Pattern[str]
    by_alias: dict[str, tuple[str, bool]]  # alias -> (side, weak)
    adjectives: dict[str, str]  # nationality adjective form -> side
    full_names: dict[str, tuple[str, ...]]  # 'الاحتلال التركي' -> its short forms ('الاحتلال',)


@cache
def _actor_index() -> _ActorIndex:
    sides = load("actors.yaml")["sides"]
    by_alias: dict[str, tuple[str, bool]] = {}
    for side, spec in sides.items():
        weak = {normalize_word(w) for w in spec.get("weak") or []}
        for alias in spec.get("aliases") or []:
            n = normalize_word(alias)
            for form in _lam_forms(n):
                by_alias[form] = (side, n in weak)
    weak_keys = list(dict.fromkeys(_bare(k) for k, (_, w) in by_alias.items() if w))
    full_names = {
        k: shorts
        for k in by_alias
        if (shorts := tuple(w for w in weak_keys if w != _bare(k) and f" {w} " in f" {_bare(k)} "))
    }
    adjectives: dict[str, str] = {}
    for side, spec in sides.items():
        for adj in spec.get("adjectives") or []:
            for form in _adjective_forms(normalize_word(adj)):
                adjectives.setdefault(form, side)
    return _ActorIndex(phrase_regex(list(by_alias)), by_alias, adjectives, full_names)


def _lam_forms(alias: str) -> list[str]:
    """A name and, when it starts with ال, its form after the preposition ل (للاحتلال)."""
    return [alias, "لل" + alias[2:]] if alias.startswith("ال") else [alias]


def _adjective_forms(adj: str) -> list[str]:
    """A nationality adjective as written, its regular inflections when it ends in the nisba ي
    (روسي -> روسيه، روسيين، روسيون، روسيان), and each of these with ال: 'بغارة روسية' and
    'الطائرات الروسية' name Russia as much as 'جنود روس' does."""
    forms = [adj]
    if adj.endswith("ي") and not adj.startswith("ال"):
        forms += [adj + end for end in ("ه", "ين", "ون", "ان")]
    return forms + ["ال" + f for f in forms if not f.startswith("ال")]


@cache
def _source_index() -> tuple:
    sources = load("actors.yaml")["sources"]
    by_alias = {  # with the ل form: 'وفق حصيلة للمرصد'
        form: name
        for name, aliases in sources.items()
        for a in aliases
        for form in _lam_forms(normalize_word(a))
    }
    return phrase_regex(list(by_alias)), by_alias


@cache
def unnamed_sources() -> frozenset[str]:
    """Canonical names of sources that name no one (military source, local sources)."""
    return frozenset(load("actors.yaml")["unnamed_sources"])


def find_actors(norm: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
    """Every side named in `norm[start:end]`, left to right, longest names first.

    A generic short name stands for the last full name it shortens: after 'الجيش التركي' or
    'الاحتلال التركي', a bare 'الجيش' or 'الاحتلال' is Turkey's, as a reader takes it."""
    regex, by_alias, _, full_names = _actor_index()
    stop = len(norm) if end is None else end
    out = []
    short_for: dict[str, str] = {}
    for m in regex.finditer(norm, start, stop):
        key = phrase_key(m.group("p"))
        side, weak = by_alias.get(key, ("OTHER", True))
        end = m.end("p")
        if weak and (named := _nationality_after(norm, end, stop)) is not None:
            (side, end), weak = named, False  # 'جيش الاحتلال الروسي': Russia's, not Israel's
        elif weak:
            side = short_for.get(_bare(key), side)
        short_for.update(dict.fromkeys(full_names.get(key, ()), side))
        out.append(ActorMatch(m.start("p"), end, norm[m.start("p") : end], side, weak))
    return out


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _nationality_after(norm: str, pos: int, stop: int) -> tuple[str, int] | None:
    """(side, end) of a nationality adjective right after a generic name at `pos`."""
    m = _NEXT_WORD.match(norm, pos, stop)
    side = adjective_side(m.group(1)) if m else None
    return (side, m.end(1)) if side and m else None


def _bare(key: str) -> str:
    """An alias without the ل of 'للاحتلال' (the same name after a preposition)."""
    return "ال" + key[2:] if key.startswith("لل") else key


def find_sources(norm: str, start: int = 0, end: int | None = None) -> list[SourceMatch]:
    """Every source of information named in `norm[start:end]`."""
    regex, by_alias = _source_index()
    stop = len(norm) if end is None else end
    return [
        SourceMatch(
            m.start("p"), m.end("p"), m.group("p"), by_alias.get(phrase_key(m.group("p")), "")
        )
        for m in regex.finditer(norm, start, stop)
    ]


def adjective_side(word: str) -> str | None:
    """Side given by a nationality adjective (أتراك، تركيان -> TURKEY), else None."""
    table = _actor_index().adjectives
    if word in table:
        return table[word]
    if word.endswith(("ان", "ين")) and word[:-2] in table:
        return table[word[:-2]]  # duals: جنديان تركيان
    return None
