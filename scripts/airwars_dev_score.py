"""Agreement of the lead civilian figures with Airwars' recorded ranges.

For each report in a JSONL file (fields: doc, text, published, deaths_min, deaths_max,
injuries_min, injuries_max) the lead civilian killed figure is the first incident-scope mention
with an empty relation and cause, category killed and victim CIVILIANS (0 when none); likewise
injured.
A text agrees when the figure lies inside the Airwars range. Injury ranges that Airwars left
empty are read as 0-0 (no injuries recorded); the figure without those texts is printed too.

    python scripts/airwars_dev_score.py ../shared/dev/airwars_dev.jsonl [--show-misses N]

The file is read from the path given and never copied (third-party text).
"""

from __future__ import annotations

import argparse
import json
import re
import time

from helpers.mentions import extract_mentions
from helpers.schema import Document


def lead_figure(mentions: list[dict], category: str) -> int:
    """First counted incident figure of civilians in `category` (0 when there is none)."""
    for m in mentions:
        if (
            m["category"] == category
            and m["victim"] == "CIVILIANS"
            and m["scope"] == "incident"
            and not m["relation"]
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
    args = ap.parse_args(argv)
    with open(args.jsonl, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    t0 = time.perf_counter()
    ok = {"killed": 0, "injured": 0}
    naive = {"killed": 0, "injured": 0}
    injured_known = injured_known_ok = 0
    misses: dict[str, list] = {"killed": [], "injured": []}
    for r in rows:
        doc = Document(doc=r["doc"], text=r["text"], published=r.get("published") or "")
        mentions = extract_mentions(doc)
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
    for cat in ("killed", "injured"):
        for doc, fig, lo, hi in misses[cat][: args.show_misses]:
            print(f"miss {cat}: {doc} ours={fig} airwars={lo}-{hi}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
