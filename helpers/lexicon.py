"""Loading the analyst-editable lexicons under `helpers/data/` (YAML), normalised once.

Lexicon entries are written naturally (with hamza, ة, ى); they are normalised here with the
same function as texts, so matching never depends on spelling variants.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from helpers.text import normalize_word

_PREFIX = r"(?:[وف]?[بلك]?)"
_GAP = r"[\s\"'()#-]+"  # what may stand between the words of a phrase in a text


@cache
def load(name: str) -> Any:
    """Parsed YAML file `helpers/data/<name>` (cached: lexicons are read once per process)."""
    with resources.files("helpers").joinpath("data", name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def phrase_variants(phrase: str) -> list[str]:
    """Normalised spellings of a lexicon phrase, including the ل+ال -> لل contraction."""
    p = normalize_word(phrase)
    out = [p]
    if p.startswith("ال"):
        out.append("لل" + p[2:])
    return out


def phrase_regex(phrases: list[str], prefixes: bool = True) -> re.Pattern[str]:
    """One compiled alternation over phrases (longest first), on whole words.

    Optional proclitics (و ف ب ل ك) are allowed before the phrase; group 'p' is the phrase.
    Spaces inside a phrase match any run of spaces or quotes (names are often quoted).
    """
    variants = sorted({v for p in phrases for v in phrase_variants(p) if v}, key=len, reverse=True)
    body = "|".join(re.escape(v).replace(r"\ ", _GAP) for v in variants)
    pre = _PREFIX if prefixes else ""
    return re.compile(rf"(?<!\w){pre}(?P<p>{body})(?!\w)")


def phrase_key(matched: str) -> str:
    """The listed form of a phrase that `phrase_regex` matched (group 'p'): the quotes and runs
    of spaces a text may put between its words become one space."""
    return re.sub(_GAP, " ", matched).strip()


def word_set(words: list[str]) -> frozenset[str]:
    """A set of normalised words, for look-ups of single tokens."""
    return frozenset(normalize_word(w) for w in words)
