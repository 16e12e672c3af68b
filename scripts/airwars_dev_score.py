"""Agreement of the lead civilian figures with Airwars' recorded ranges.

For each report in a JSONL file (fields: doc, text, published, deaths_min, deaths_max,
injuries_min, injuries_max) the lead civilian killed figure is, as the issue defines it, the
first incident-scope, non-repeat mention (relation not same_as, nor alternative_to: a toll
another telling replaces) with category killed and victim CIVILIANS (0 when none), leaving out
figures put down to a non-conflict cause (an accident, a disease); likewise injured. A civilian
part of a mixed toll ('ثلاثة أشخاص: طفلان ومسلح') is a civilian figure of its own, so parts are
not left out.
A text agrees when the figure lies inside the Airwars range. The script also prints how often
one of a text's incidents is placed at the location Airwars recorded (`location_ar`, looked up
in the gazetteer) and in its governorate. Injury ranges that Airwars left
empty are read as 0-0 (no injuries recorded); the figure without those texts is printed too.

With --ceiling LABELS (docs/dev_ceiling_labels.tsv), the script also prints how far a perfect
reader of these texts could go: each (text, category) that an earlier run missed was read by
hand and labelled A (the text states a civilian figure inside the range), B (it does not: a
different number, vague words only, combatants only, nothing, or the article body is missing)
or C (unclear). The ceiling is the share of texts not labelled B.

    python scripts/airwars_dev_score.py ../shared/dev/airwars_dev.jsonl [--show-misses N]
        [--ceiling docs/dev_ceiling_labels.tsv]

The file is read from the path given and never copied (third-party text).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import time
from collections import Counter

from helpers.dedup import km_between
from helpers.pipeline import process_document
from helpers.places import lookup
from helpers.schema import Document


def lead_figure(mentions: list[dict], category: str) -> int:
    """First incident figure of civilians in `category` that repeats no other (0 when none)."""
    for m in mentions:
        if (
            m["category"] == category
            and m["victim"] == "CIVILIANS"
            and m["scope"] == "incident"
            and not m["relation"].startswith(("same_as", "alternative_to"))
            and not m["cause"]
        ):
            return int(m["best"] or 0)
    return 0


_NAIVE = {
    "killed": re.compile(r"(?:مقتل|قتل|استشهاد|استشهد)\s+(?:\S+\s+){0,2}?(\d+)"),
    "injured": re.compile(r"(?:إصابة|اصابة|أصيب|جرح)\s+(?:\S+\s+){0,2}?(\d+)"),
}


def naive_figure(text: str, category: str) -> int:
    """The baseline: a number within a few words after a casualty keyword."""
    m = _NAIVE[category].search(text)
    return int(m.group(1)) if m else 0


def inside(value: int, low: object, high: object) -> bool:
    lo = 0 if low is None else int(low)
    hi = lo if high is None else int(high)
    return lo <= value <= hi


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("jsonl")
    ap.add_argument("--show-misses", type=int, default=0, help="print N disagreements per category")
    ap.add_argument("--ceiling", help="hand labels of missed texts (doc, category, label, reason)")
    args = ap.parse_args(argv)
    with open(args.jsonl, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    t0 = time.perf_counter()
    ok = {"killed": 0, "injured": 0}
    naive = {"killed": 0, "injured": 0}
    injured_known = injured_known_ok = 0
    misses: dict[str, list] = {"killed": [], "injured": []}
    placed = {"known": 0, "at": 0, "governorate": 0}
    for r in rows:
        doc = Document(doc=r["doc"], text=r["text"], published=r.get("published") or "")
        mentions, incidents = process_document(doc)
        place_agreement(r.get("location_ar") or "", incidents, placed)
        for cat, lo, hi in (
            ("killed", r.get("deaths_min"), r.get("deaths_max")),
            ("injured", r.get("injuries_min"), r.get("injuries_max")),
        ):
            fig = lead_figure(mentions, cat)
            good = inside(fig, lo, hi)
            ok[cat] += good
            naive[cat] += inside(naive_figure(r["text"], cat), lo, hi)
            if not good:
                misses[cat].append((r["doc"], fig, lo, hi))
            if cat == "injured" and lo is not None:
                injured_known += 1
                injured_known_ok += good
    n = len(rows)
    secs = time.perf_counter() - t0
    print(f"texts: {n}   extraction time: {secs:.1f} s")
    for cat in ("killed", "injured"):
        print(
            f"lead civilian {cat:<8} inside Airwars range: {ok[cat] / n:.1%}   (naive baseline {naive[cat] / n:.1%})"
        )
    if injured_known:
        print(
            f"  injured, texts where Airwars gives a range: {injured_known_ok / injured_known:.1%} of {injured_known}"
        )
    if placed["known"]:
        print(
            f"texts whose Airwars location the gazetteer knows: {placed['known']}; an incident "
            f"there (same place, or within {NEAR_KM:g} km): {placed['at'] / placed['known']:.1%}, "
            f"in its governorate: {placed['governorate'] / placed['known']:.1%}"
        )
    for cat in ("killed", "injured"):
        for doc, fig, lo, hi in misses[cat][: args.show_misses]:
            print(f"miss {cat}: {doc} ours={fig} airwars={lo}-{hi}")
    if args.ceiling:
        print_ceiling(args.ceiling, n, misses)
    return 0


NEAR_KM = 3.0


def place_agreement(location_ar: str, incidents: list[dict], placed: dict[str, int]) -> None:
    """Count whether one of the text's incidents is at the place Airwars recorded: the same
    gazetteer name, or a point within NEAR_KM of it; and whether one is in its governorate.
    Texts whose Airwars location the gazetteer does not know are left out."""
    row = lookup(location_ar) if location_ar else None
    if row is None:
        return
    placed["known"] += 1
    placed["governorate"] += any(i["governorate"] == row["governorate"] for i in incidents)
    where = _point(row.get("latitude"), row.get("longitude"))
    for i in incidents:
        at = _point(i["latitude"], i["longitude"])
        same_name = bool(row["name_en"]) and row["name_en"] in (i["place"] or "")
        if same_name or (where and at and km_between(*where, *at) <= NEAR_KM):
            placed["at"] += 1
            return


def _point(lat: object, lon: object) -> tuple[float, float] | None:
    try:
        point = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if any(math.isnan(v) for v in point) else point


def print_ceiling(path: str, n: int, misses: dict[str, list]) -> None:
    """The share of texts a perfect reader could get right (not labelled B), and how the
    current misses split by label (a miss with no label is new since the labelling)."""
    with open(path, encoding="utf-8") as fh:
        labels = {
            (row["doc"], row["category"]): row["label"]
            for row in csv.DictReader(fh, delimiter="\t")
        }
    for cat in ("killed", "injured"):
        told = Counter(label for (_, c), label in labels.items() if c == cat)
        missed = Counter(labels.get((doc, cat), "unlabelled") for doc, *_ in misses[cat])
        print(
            f"ceiling {cat:<8} {(n - told['B']) / n:.1%} "
            f"({(n - told['B'] - told['C']) / n:.1%} with unclear texts counted as misses); "
            f"misses now: {missed['A']} A, {missed['C']} C, {missed['B']} B, "
            f"{missed['unlabelled']} unlabelled"
        )


if __name__ == "__main__":
    raise SystemExit(main())
