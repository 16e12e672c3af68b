"""Find Syrian place names in Arabic text and resolve them against an editable gazetteer.

Casualty figures are only comparable across reports when they are tied to a place, and the
place must be honest about how precise it is: "حي غويران" in Hasakah is a neighbourhood (ACLED
geo-precision 1), "قرب البصيرة" is near a town (2), "ريف دير الزور الشرقي" is a region (3).
The gazetteer lives in `helpers/data/places.csv` so analysts can add villages without touching
code; every row says where its coordinates come from.

Matching works on word tokens, so character offsets always point into the original text:
both sides are normalised (diacritics, tatweel, hamza forms, ة/ه, ى/ي), an attached proclitic
(و ف ب ل ك) may precede the first word, and a leading ال is optional for names of 4+ letters.
Names that are also common words (الرز "rice", الصور "the pictures", الباب "the door") are
flagged `needs_cue` and are only accepted after a cue word (قرية، مدينة، حي، قرب ...), inside
a list that a cue opened ("أحياء غويران والزهور"), or right before "بريف X" / "بالحسكة".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.text import normalize_word

GAZETTEER_PATH = Path(__file__).parent / "data" / "places.csv"

# ---------------------------------------------------------------- normalisation

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TOKEN = re.compile(
    "[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u0610-\u061a\u064b-\u065f\u0670\u0640]+"
)


def normalize_ar(text: str) -> str:
    """Fold the spelling variants reporters use so "إدلب" and "ادلب" compare equal (the one
    fold of `helpers.text`, shared by every lexicon)."""
    return normalize_word(text)


def _norm_en(text: str) -> str:
    """Fold English/transliterated names: accents, apostrophes, hyphens and case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[‘’`'ʿʾ]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


class _Token(NamedTuple):
    start: int
    end: int
    norm: str


# Words repeat across a corpus: normalising each distinct word once is most of tokenising.
_norm_word = functools.lru_cache(maxsize=1 << 16)(normalize_ar)


def _tokens(text: str) -> list[_Token]:
    """Arabic word tokens with their original offsets (diacritics stay inside the span)."""
    spans = [(m.start(), m.end(), _norm_word(m.group())) for m in _TOKEN.finditer(text)]
    return [_Token(start, end, norm) for start, end, norm in spans if norm]


# ---------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class PlaceMatch:
    """One place mention: where it is in the text and what it resolves to."""

    start: int
    end: int
    text: str
    place_id: str
    name_ar: str
    name_en: str
    kind: str
    governorate: str
    latitude: float | None
    longitude: float | None
    geo_precision: int


@functools.lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    df = pd.read_csv(GAZETTEER_PATH, dtype=str, keep_default_na=False)
    for col in ("latitude", "longitude"):
        df[col] = pd.to_numeric(df[col], errors="coerce")
    df["after_preposition"] = df["needs_cue"] == "prep"  # 'تدمر' is also 'she destroys'
    df["needs_cue"] = df["needs_cue"].isin(["1", "true", "True", "yes", "prep"])
    return df


def load_gazetteer() -> pd.DataFrame:
    """The gazetteer table (read once per process; a copy, so callers may modify it)."""
    return _load().copy()


def _row_dict(row: pd.Series) -> dict:
    out = row.to_dict()
    for col in ("latitude", "longitude"):
        out[col] = None if pd.isna(out[col]) else float(out[col])
    return out


def _split_variants(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _key_variants(norm_tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The name as written, plus the same name with/without ال on the first word."""
    keys = {norm_tokens}
    first = norm_tokens[0]
    bare = first[2:] if first.startswith("ال") else first
    if len(bare) >= 4 and bare != first:
        keys.add((bare,) + norm_tokens[1:])
    if len(bare) >= 5 and bare == first:
        keys.add(("ال" + bare,) + norm_tokens[1:])
    return keys


@dataclass(frozen=True)
class _Index:
    by_tokens: dict
    by_english: dict
    rows: tuple
    max_len: int
    first_words: frozenset  # first word of every name: a cheap "can a name start here?"


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    df = _load()
    rows = tuple(_row_dict(r) for _, r in df.iterrows())
    by_tokens: dict[tuple[str, ...], int] = {}
    by_english: dict[str, int] = {}
    exact: set[tuple[str, ...]] = set()
    for i, row in enumerate(rows):
        for name in [row["name_ar"], *_split_variants(row["variants_ar"])]:
            toks = tuple(t.norm for t in _tokens(name))
            if not toks or toks in exact:
                continue
            exact.add(toks)
            by_tokens[toks] = i  # a name as written beats another row's ال-variant
            for key in _key_variants(toks) - exact:
                by_tokens.setdefault(key, i)
        for name in [row["name_en"], *_split_variants(row["variants_en"])]:
            by_english.setdefault(_norm_en(name), i)
    max_len = max(len(k) for k in by_tokens)
    first_words = frozenset(k[0] for k in by_tokens)
    return _Index(by_tokens, by_english, rows, max_len, first_words)


# ---------------------------------------------------------------- cue words

_TYPE_CUES = {
    "مدينه": "city",
    "مدينتي": "city",
    "مدن": "city",
    "بلده": "town",
    "بلدتي": "town",
    "بلدات": "town",
    "قريه": "village",
    "قريتي": "village",
    "قري": "village",  # قرى, folded
    "حي": "neighbourhood",
    "حيي": "neighbourhood",
    "احياء": "neighbourhood",
    "ناحيه": "subdistrict",
    "منطقه": "area",
    "مناطق": "area",
    "مخيم": "facility",
    "سجن": "facility",
    "محور": "area",
    "مقاطعه": "area",
}


def cue_kind(text: str) -> str:
    """The kind the cue word opening a place's text names ('حي الدويلعة', '#حي_الثورة':
    neighbourhood; 'قرية X': village), '' when it opens with none."""
    first = re.split(r"[\s_]+", normalize_word(text).lstrip("#"), maxsplit=1)[0]
    return _TYPE_CUES.get(first, "")


_NEAR_CUES = {"قرب", "محيط", "اطراف", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي"}
_NEAR_CUES |= {"جنوبي", "مشارف", "ضواحي", "مدخل", "القرب", "مقربه"}
_PREPOSITIONS = {"في", "من", "الي", "علي", "قرب", "نحو", "باتجاه"}
_REGION_CUES = {"ريف": "countryside", "ريفي": "countryside", "باديه": "badia"}
_DIRECTIONS = {
    "الشرقي": "eastern",
    "الغربي": "western",
    "الشمالي": "northern",
    "الجنوبي": "southern",
    "الشرقيه": "eastern",
    "الغربيه": "western",
    "الشماليه": "northern",
    "الجنوبيه": "southern",
}
_ADJECTIVES = {  # الريف الشمالي الحموي -> Hama
    "الحموي": "hama",
    "الحلبي": "aleppo",
    "الادلبي": "idlib",
    "الحمصي": "homs",
    "الدمشقي": "damascus",
    "الرقاوي": "raqqa",
    "الديري": "deir-ez-zor",
    "الحسكاوي": "hasakah",
    "الدرعاوي": "daraa",
    "اللاذقاني": "latakia",
    "الطرطوسي": "tartus",
    "القنيطري": "quneitra",
    "السويداوي": "suwayda",
}
_CAPITALS = set(_ADJECTIVES.values())
_NEGATIVE_BEFORE = {"قناه", "شبكه", "صحيفه", "تلفزيون", "موقع"}
_UNKNOWN_OK_AFTER = {"village", "town"}
_COMPOUND_FIRST = {"ابو", "ام", "تل", "عين", "كفر", "دير", "خربه", "بير", "بئر", "راس", "جب"}
_COMPOUND_FIRST |= {"حوش", "مزرعه", "قصر", "جسر", "خان", "سد", "عرب", "بيت", "بني", "مرج"}
# Written naturally and folded here, as tokens are (على is compared as علي).
_STOPWORDS = {
    normalize_ar(w)
    for w in ("في", "من", "على", "إلى", "عن", "مع", "التي", "الذي", "أو", "ثم", "حيث", "بين")
    + ("قرب", "وسط", "داخل", "خارج", "عند", "لدى", "تابعة", "واحدة", "أخرى")
}
_PROCLITIC_1 = ("و", "ف")
_PROCLITIC_2 = ("ب", "ل", "ك")
_KIND_PRECISION = {"governorate": 3, "district": 3, "region": 3, "subdistrict": 2}


@functools.lru_cache(maxsize=1 << 16)
def _stems(norm: str) -> tuple[tuple[str, int], ...]:
    """(word, letters removed) for a token and its readings without attached proclitics.

    Cached, so it returns a tuple: callers must not be able to change a shared answer."""
    out = [(norm, 0)]
    rest, cut = norm, 0
    if rest[:1] in _PROCLITIC_1 and len(rest) > 3:
        rest, cut = rest[1:], 1
        out.append((rest, cut))
    if rest[:1] in _PROCLITIC_2 and len(rest) > 3:
        if rest.startswith("لل"):  # للرقة = ل + الرقة
            out.append(("ا" + rest[1:], cut + 1))
        else:
            out.append((rest[1:], cut + 1))
    return tuple(out)


def _skip_letters(text: str, start: int, letters: int) -> int:
    """Offset after `letters` base letters (diacritics following them are skipped too)."""
    pos = start
    while letters > 0 and pos < len(text):
        pos += 1
        if not _DIACRITICS.match(text[pos - 1]):
            letters -= 1
    while pos < len(text) and _DIACRITICS.match(text[pos]):
        pos += 1
    return pos


@dataclass(frozen=True)
class _Hit:
    first: int  # first token index of the phrase
    end: int  # token index after the phrase
    cut: int  # proclitic letters to drop from the first token
    row: dict | None
    kind: str
    precision: int
    place_id: str = ""
    name_ar: str = ""
    name_en: str = ""
    cued: bool = False


def _name_at(toks: list[_Token], i: int, proclitic: bool) -> tuple[int, int, dict] | None:
    """Longest gazetteer name starting at token i: (end token, proclitic cut, row)."""
    idx = _index()
    readings = _stems(toks[i].norm) if proclitic else [(toks[i].norm, 0)]
    readings = [(word, cut) for word, cut in readings if word in idx.first_words]
    if not readings:
        return None
    for n in range(min(idx.max_len, len(toks) - i), 0, -1):
        tail = tuple(t.norm for t in toks[i + 1 : i + n])
        for word, cut in readings:
            row_i = idx.by_tokens.get((word, *tail))
            if row_i is not None:
                return i + n, cut, idx.rows[row_i]
    return None


def _base_precision(row: dict) -> int:
    return _KIND_PRECISION.get(row["kind"], 1)


def _cue_at(tok: _Token, table: dict | set) -> tuple[str, int] | None:
    for word, cut in _stems(tok.norm):
        if word in table:
            return word, cut
    return None


def _strong_context(toks: list[_Token], end: int) -> bool:
    """A needs-cue name followed by "بريف ...", "بالحسكة" or "شرقي حلب" is a place, not a
    common word."""
    if end + 1 < len(toks) and toks[end].norm in _NEAR_CUES:
        hit = _index().by_tokens.get((toks[end + 1].norm,))
        if hit is not None and _index().rows[hit]["id"] in _CAPITALS:
            return True  # 'في الباب شرقي حلب'
    for tok in toks[end : end + 2]:
        for word, _ in _stems(tok.norm):
            if word in _REGION_CUES:
                return True
            hit = _index().by_tokens.get((word,))
            if hit is not None and _index().rows[hit]["id"] in _CAPITALS and word != tok.norm:
                return True
    return False


def _unknown_after_cue(toks: list[_Token], j: int, cue_kind: str) -> int | None:
    """End token of an unknown name after قرية/بلدة (or حي + ال-word), else None."""
    if j >= len(toks):
        return None
    word = toks[j].norm
    if word in _STOPWORDS or word in _REGION_CUES or len(word) < 2 or word.isdigit():
        return None  # 'قرى ريف إدلب': the villages of a region, not a village named ريف
    if cue_kind == "neighbourhood" and not word.startswith("ال"):
        return None
    if cue_kind not in _UNKNOWN_OK_AFTER and cue_kind != "neighbourhood":
        return None
    if word in _COMPOUND_FIRST and j + 1 < len(toks):
        return j + 2
    return j + 1


def _directions(toks: list[_Token], j: int) -> tuple[int, str]:
    words = []
    while j < len(toks) and toks[j].norm in _DIRECTIONS and len(words) < 2:
        words.append(_DIRECTIONS[toks[j].norm])
        j += 1
    return j, "-".join(words)


def _region_hit(i: int, end: int, cut: int, row: dict, label: str, direction: str) -> _Hit:
    capital = row["id"] in _CAPITALS or row["kind"] == "governorate"
    gov = "Rural Damascus" if row["id"] == "damascus" else row["governorate"]
    side = f"{direction} " if direction else ""
    name_en = f"{side}{label} of {row['name_en']}".strip()
    pid = f"{label}:{row['id']}" + (f":{direction}" if direction else "")
    row = {**row, "governorate": gov}
    return _Hit(i, end, cut, row, "region", 3 if capital else 2, pid, "", name_en, True)


def _region_at(toks: list[_Token], i: int) -> _Hit | None:
    """ريف X [الشرقي] / بادية X / الريف الشمالي الحموي."""
    cue = _cue_at(toks[i], _REGION_CUES)
    if cue is not None and i + 1 < len(toks):
        found = _name_at(toks, i + 1, proclitic=False)
        if found is not None:
            end, _, row = found
            end, direction = _directions(toks, end)
            return _region_hit(i, end, cue[1], row, _REGION_CUES[cue[0]], direction)
    for word, cut in _stems(toks[i].norm):
        if word == "الريف":
            end, direction = _directions(toks, i + 1)
            if end < len(toks) and toks[end].norm in _ADJECTIVES:
                row = _index().rows[_index().by_tokens[(_capital_name(toks[end].norm),)]]
                return _region_hit(i, end + 1, cut, row, "countryside", direction)
            of = _of_place(toks, end) if direction else None
            if of is not None:
                return _region_hit(i, of[0], cut, of[1], "countryside", direction)
    return None


_OF_CUES = {"لمدينه", "لمحافظه", "لبلده", "لمنطقه"}


def _of_place(toks: list[_Token], j: int) -> tuple[int, dict] | None:
    """ "لدير الزور" / "لمدينة حلب" after "الريف الشرقي": (end token, gazetteer row).

    Only a name glued to ل counts: "الريف الشرقي لدير الزور" is the eastern countryside of
    Deir ez-Zor (a region), never the city itself.
    """
    if j >= len(toks) or not toks[j].norm.startswith("ل"):
        return None
    if toks[j].norm in _OF_CUES:
        found = _name_at(toks, j + 1, proclitic=False) if j + 1 < len(toks) else None
        return (found[0], found[2]) if found is not None else None
    found = _name_at(toks, j, proclitic=True)
    if found is None or found[1] == 0:
        return None
    return found[0], found[2]


@functools.lru_cache(maxsize=32)
def _capital_name(adjective: str) -> str:
    wanted = _ADJECTIVES[adjective]
    for key, row_i in _index().by_tokens.items():
        if len(key) == 1 and _index().rows[row_i]["id"] == wanted:
            return key[0]
    raise KeyError(adjective)


def _cued_at(toks: list[_Token], i: int) -> _Hit | None:
    """[near-cue [من]] [type-cue ...] NAME, e.g. "بالقرب من مدينة البصيرة", "قرية الرز"."""
    j, cut, near, kind = i, 0, False, ""
    cue = _cue_at(toks[j], _NEAR_CUES)
    if cue is not None:
        # "بالقرب من" keeps its ب: it belongs to the cue, not to the place.
        near, cut, j = True, cue[1] - (cue[0] == "القرب"), j + 1
        if j < len(toks) and toks[j].norm == "من":
            j += 1
    while j < len(toks):
        cue = _cue_at(toks[j], _TYPE_CUES)
        if cue is None:
            break
        cut = cut if j > i else cue[1]
        kind, j = _TYPE_CUES[cue[0]], j + 1
    if j == i or j >= len(toks):
        return None
    found = _name_at(toks, j, proclitic=False)
    if found is not None:
        end, _, row = found
        precision = _base_precision(row)
        if near or (kind in ("area", "subdistrict") and precision == 1):
            precision = max(precision, 2)
        if kind == "subdistrict":  # 'ناحية تل تمر': the town's subdistrict, a region
            return _Hit(i, end, cut, row, kind, precision, cued=True)
        if kind in ("city", "town", "village") and row["kind"] == "subdistrict":
            return _Hit(i, end, cut, row, kind, 1, cued=True)  # 'بلدة الصور': the town itself
        return _Hit(i, end, cut, row, row["kind"], precision, cued=True)
    end = _unknown_after_cue(toks, j, kind) if not near else None
    if end is None:
        return None
    return _Hit(i, end, cut, None, "unknown", 1, cued=True)


def _plain_at(toks: list[_Token], i: int, after_list: bool) -> _Hit | None:
    found = _name_at(toks, i, proclitic=True)
    if found is None:
        return None
    end, cut, row = found
    if i > 0 and toks[i - 1].norm in _NEGATIVE_BEFORE:
        return None
    if row["needs_cue"] and not after_list and not _strong_context(toks, end):
        glued = toks[i].norm[:cut]  # 'بتدمر' (not 'وتدمر': 'and it destroys')
        after_preposition = (
            "ب" in glued or "ل" in glued or (i > 0 and toks[i - 1].norm in _PREPOSITIONS)
        )
        if not (row["after_preposition"] and after_preposition):
            return None
    return _Hit(i, end, cut, row, row["kind"], _base_precision(row))


def _continues_list(text: str, toks: list[_Token], i: int, last_end: int) -> bool:
    """Token i follows the previous place directly ("غويران والزهور", "الخوين، الشعرة")."""
    if last_end != i or i == 0:
        return False
    between = text[toks[i - 1].end : toks[i].start]
    return toks[i].norm.startswith("و") or between.strip() in {"،", ","}


def _to_match(text: str, toks: list[_Token], hit: _Hit) -> PlaceMatch:
    start = _skip_letters(text, toks[hit.first].start, hit.cut)
    end = toks[hit.end - 1].end
    phrase = text[start:end]
    row = hit.row
    if row is None:
        return PlaceMatch(start, end, phrase, "", phrase, "", "unknown", "", None, None, 1)
    return PlaceMatch(
        start=start,
        end=end,
        text=phrase,
        place_id=hit.place_id or row["id"],
        name_ar=hit.name_ar or (phrase if hit.kind == "region" else row["name_ar"]),
        name_en=hit.name_en or row["name_en"],
        kind=hit.kind,
        governorate=row["governorate"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=hit.precision,
    )


def _best_at(text: str, toks: list[_Token], i: int, last_end: int, cued: bool) -> _Hit | None:
    after_list = cued and _continues_list(text, toks, i, last_end)
    hits = [_region_at(toks, i), _cued_at(toks, i), _plain_at(toks, i, after_list)]
    hits = [h for h in hits if h is not None]
    if not hits:
        return None
    # Longest phrase wins; on equal length a gazetteer row beats an unknown-after-cue guess.
    return max(hits, key=lambda h: (h.end, h.row is not None))


@functools.lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Every word a place phrase can start with: a name's first word or a cue word."""
    return _index().first_words | set(_NEAR_CUES) | set(_TYPE_CUES) | set(_REGION_CUES) | {"الريف"}


@functools.lru_cache(maxsize=1 << 16)
def _may_start(norm: str) -> bool:
    """Whether a place phrase can start at this word (most words rule it out at once)."""
    starts = _start_words()
    return any(word in starts for word, _ in _stems(norm))


def find_places(text: str) -> list[PlaceMatch]:
    """Every place mention, left to right, non-overlapping, longest match first."""
    toks = _tokens(text)
    matches: list[PlaceMatch] = []
    i, last_end, last_cued = 0, -1, False
    while i < len(toks):
        if not _may_start(toks[i].norm):
            i += 1
            continue
        hit = _best_at(text, toks, i, last_end, last_cued)
        if hit is None:
            i += 1
            continue
        matches.append(_to_match(text, toks, hit))
        last_cued = hit.cued or (last_cued and last_end == hit.first)
        i = last_end = hit.end
    return matches


def lookup(name: str) -> dict | None:
    """The gazetteer row for an Arabic or English name or variant (None when unknown).

    Also accepts a short phrase ("قرية الغنطو", "أطراف معرة مصرين"): the first resolved
    place in it is returned.
    """
    if not name or not name.strip():
        return None
    idx = _index()
    row_i = idx.by_english.get(_norm_en(name))
    if row_i is not None and _norm_en(name):
        return dict(idx.rows[row_i])
    toks = _tokens(name)
    if toks:
        found = _name_at(toks, 0, proclitic=True)
        if found is not None and found[0] == len(toks):
            return dict(found[2])
    for match in find_places(name):
        if match.place_id and not match.place_id.count(":"):
            return dict(idx.rows[_row_position(match.place_id)])
    return None


@functools.cache
def _row_position(place_id: str) -> int:
    for i, row in enumerate(_index().rows):
        if row["id"] == place_id:
            return i
    raise KeyError(place_id)
