"""Score extracted mentions (and incidents) against hand-made gold annotations.

Gold files follow `tests/fixtures/gold/seed_casualties.csv`: one row per casualty figure with
the quote it comes from. A predicted mention matches a gold row when doc and category agree and
its span overlaps an occurrence of the quote (one-to-one, greedy in text order). Gold rows marked
`optional=yes` (bare statements such as خسائر بشرية) are neither required nor penalised: a
mention that matches one is left out of precision.

Measures:
- precision, recall, f1 of mentions;
- exact_count: matched pairs whose figure agrees (best equal; for a vague gold figure with no
  number, the prediction must be vague too);
- victim_accuracy, scope_accuracy: matched pairs with the same side / scope;
- perpetrator_accuracy: matched pairs with the same perpetrator (none in both counts as the same);
- claimant_accuracy: matched pairs whose claimants agree, compared case-blind, one name written
  inside the other counting as the same ('Al-Watan (Syria)' and 'Al-Watan'); gold files without
  these columns leave the two measures out;
- non_casualty_hits: predicted mentions overlapping a number that counts something else;
- tally_agreement: share of (doc, category, victim) keys, over gold and predicted together,
  where the sums of countable incident figures (relation empty, a number given) are equal;
- incident precision/recall, matching on doc, sub-event type and governorate; among matched
  incidents (paired in the order told), the share whose actor1 / actor2 agree with the gold's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from helpers.io import is_blank
from helpers.text import normalize

TARGETS = {
    "f1": 0.90,
    "exact_count": 0.95,
    "victim_accuracy": 0.90,
    "tally_agreement": 0.85,
    "incident_precision": 0.80,
    "incident_recall": 0.80,
}


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) of `quote` in `text`; falls back to normalised matching."""
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    if out:
        return out
    nt, nq = normalize(text), normalize(quote).text.strip()
    i = nt.text.find(nq) if nq else -1
    while i >= 0:
        out.append(nt.span(i, i + len(nq)))
        i = nt.text.find(nq, i + 1)
    return out


def _optional(gold: pd.DataFrame) -> pd.Series:
    """Which gold rows are optional (optional=yes); none when the file has no such column."""
    if "optional" not in gold:
        return pd.Series(False, index=gold.index)
    return gold["optional"].fillna("").astype(str).str.strip().str.lower() == "yes"


def _num(v: object) -> float | None:
    return None if is_blank(v) else float(v)


def match_mentions(
    pred: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]
) -> tuple[list[tuple[int, int]], set[int], list[str]]:
    """Greedy one-to-one matching. Returns (pairs of (gold index, pred index) for required
    rows, pred indices matched to optional rows, warnings for quotes not found)."""
    warnings: list[str] = []
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    optional_hits: set[int] = set()
    gold = gold.assign(_opt=_optional(gold))
    for gi, g in gold.sort_values("_opt", kind="stable").iterrows():
        text = texts.get(g["doc"])
        if text is None:
            warnings.append(f"gold row {g.get('id', gi)}: document {g['doc']} not in corpus")
            continue
        occ = _occurrences(text, str(g["quote"]))
        if not occ:
            warnings.append(f"gold row {g.get('id', gi)}: quote not found in {g['doc']}")
            continue
        cands = pred[(pred["doc"] == g["doc"]) & (pred["category"] == g["category"])]
        for pi, p in cands.sort_values("start").iterrows():
            if pi in used:
                continue
            if any(int(p["start"]) < e and int(p["end"]) > s for s, e in occ):
                used.add(pi)
                (optional_hits.add(pi) if g["_opt"] else pairs.append((gi, pi)))
                break
    return pairs, optional_hits, warnings


def _count_ok(g: pd.Series, p: pd.Series) -> bool:
    gb = _num(g["best"])
    if gb is None:
        return str(p["qualifier"]) == "vague"
    pb = _num(p["best"])
    return pb is not None and pb == gb


def _text(v: object) -> str:
    return "" if is_blank(v) else str(v).strip().casefold()


def _same_claimant(gold: object, pred: object) -> bool:
    g, p = _text(gold), _text(pred)
    return g == p or bool(g and p and (g in p or p in g))


def _tally(df: pd.DataFrame) -> dict[tuple, float]:
    rel = df["relation"].fillna("").astype(str)
    best = pd.to_numeric(df["best"], errors="coerce")
    keep = (df["scope"] == "incident") & (rel == "") & best.notna()
    if "cause" in df:
        keep &= df["cause"].fillna("").astype(str) == ""
    if "qualifier" in df:
        keep &= df["qualifier"].astype(str) != "vague"
    sub = df[keep].assign(_b=best[keep])
    return sub.groupby(["doc", "category", "victim"])["_b"].sum().to_dict()


def tally_agreement(pred: pd.DataFrame, gold: pd.DataFrame) -> float:
    """Share of (doc, category, victim) keys with equal sums of countable incident figures."""
    gold = gold[~_optional(gold)]
    gold = gold.assign(relation=gold["relation"].fillna("").astype(str))
    # a unit note (unit:families) is not a relation between figures
    gold.loc[gold["relation"].str.startswith("unit:"), "relation"] = ""
    tg, tp = _tally(gold), _tally(pred)
    keys = set(tg) | set(tp)
    if not keys:
        return 1.0
    return sum(1 for k in keys if tg.get(k) == tp.get(k)) / len(keys)


def non_casualty_hits(pred: pd.DataFrame, non_cas: pd.DataFrame, texts: dict[str, str]) -> int:
    """Predicted mentions whose span overlaps a number that counts something else."""
    hits = 0
    for _, n in non_cas.iterrows():
        text = texts.get(n["doc"])
        if text is None:
            continue
        occ = _occurrences(text, str(n["quote"]))
        rows = pred[pred["doc"] == n["doc"]]
        hits += sum(
            1
            for _, p in rows.iterrows()
            if any(int(p["start"]) < e and int(p["end"]) > s for s, e in occ)
        )
    return hits


def score_mentions(
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    texts: dict[str, str],
    non_casualty: pd.DataFrame | None = None,
) -> dict[str, float]:
    """All mention measures (see module docstring) as a flat dict."""
    pred = pred[pred["doc"].isin(set(gold["doc"]))].reset_index(drop=True)
    pairs, optional_hits, warnings = match_mentions(pred, gold, texts)
    required = int((~_optional(gold)).sum())
    counted_preds = len(pred) - len(optional_hits)
    tp = len(pairs)
    precision = tp / counted_preds if counted_preds else 0.0
    recall = tp / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    g, p = gold, pred

    def share(ok: list[bool]) -> float:
        return sum(ok) / len(ok) if ok else 0.0

    out = {
        "gold_required": required,
        "predicted": len(pred),
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact_count": share([_count_ok(g.loc[a], p.loc[b]) for a, b in pairs]),
        "victim_accuracy": share([g.loc[a, "victim"] == p.loc[b, "victim"] for a, b in pairs]),
        "scope_accuracy": share([g.loc[a, "scope"] == p.loc[b, "scope"] for a, b in pairs]),
        "tally_agreement": tally_agreement(pred, gold),
    }
    if "perpetrator" in g and "perpetrator" in p:
        out["perpetrator_accuracy"] = share(
            [_text(g.loc[a, "perpetrator"]) == _text(p.loc[b, "perpetrator"]) for a, b in pairs]
        )
    if "claimed_by" in g and "claimed_by" in p:
        out["claimant_accuracy"] = share(
            [_same_claimant(g.loc[a, "claimed_by"], p.loc[b, "claimed_by"]) for a, b in pairs]
        )
    if non_casualty is not None:
        out["non_casualty_hits"] = non_casualty_hits(pred, non_casualty, texts)
    out["warnings"] = warnings
    return out


def score_incidents(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Incident precision/recall (matching on doc, sub-event type and governorate), with the
    names this module prints."""
    from helpers.incidents import score_incidents as match

    s = match(pred, gold)
    return {
        "incidents_predicted": s["tp"] + s["fp"],
        "incidents_gold": s["tp"] + s["fn"],
        "incident_precision": s["precision"],
        "incident_recall": s["recall"],
        **{k: v for k, v in s.items() if k.startswith("actor")},
    }


def read_texts(corpus: str | Path) -> dict[str, str]:
    """Document texts of a corpus folder of .txt files, keyed by id (file stem)."""
    return {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted(Path(corpus).glob("*.txt"))}


def evaluate_corpus(
    corpus_dir: str | Path,
    gold_csv: str | Path,
    non_casualty_csv: str | Path | None = None,
    gold_incidents_csv: str | Path | None = None,
) -> dict[str, float]:
    """Extract a .txt corpus in this process and score it (used by the report's method section)."""
    from helpers.pipeline import process_document
    from helpers.schema import INCIDENT_COLUMNS, MENTION_COLUMNS, Document, conform

    texts = read_texts(corpus_dir)
    mentions: list[dict] = []
    incidents: list[dict] = []
    for doc, text in texts.items():
        m, i = process_document(Document(doc=doc, text=text))
        mentions += m
        incidents += i
    gold = pd.read_csv(gold_csv, dtype=str)
    nc = pd.read_csv(non_casualty_csv, dtype=str) if non_casualty_csv else None
    scores = score_mentions(conform(mentions, MENTION_COLUMNS), gold, texts, nc)
    if gold_incidents_csv and Path(gold_incidents_csv).exists():
        inc = conform(incidents, INCIDENT_COLUMNS)
        scores.update(score_incidents(inc, pd.read_csv(gold_incidents_csv, dtype=str)))
    return scores


# ----------------------------------------------------------------------------- command line
def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of `python -m helpers evaluate`."""
    p.add_argument("mentions", help="mentions.csv written by `python -m helpers extract`")
    p.add_argument("gold", help="gold casualty figures (format of seed_casualties.csv)")
    p.add_argument("--corpus", required=True, help="the corpus folder the mentions came from")
    p.add_argument("--non-casualty", help="gold numbers that are not casualty counts")
    p.add_argument("--incidents", help="incidents.csv (default: next to MENTIONS)")
    p.add_argument(
        "--gold-incidents",
        help="gold incidents (format of seed_incidents.csv; default: seed_incidents.csv next to GOLD)",
    )
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    """Score and print; exit 2 on unreadable inputs."""
    try:
        pred = pd.read_csv(args.mentions, dtype={"doc": str}, keep_default_na=False)
        gold = pd.read_csv(args.gold, dtype=str)
        texts = read_texts(args.corpus)
        nc = pd.read_csv(args.non_casualty, dtype=str) if args.non_casualty else None
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        print(f"evaluate: cannot read input: {exc}", file=sys.stderr)
        return 2
    for col in ("best", "low", "high"):
        pred[col] = pd.to_numeric(pred[col], errors="coerce")
    scores = score_mentions(pred, gold, texts, nc)
    inc_path = (
        Path(args.incidents) if args.incidents else Path(args.mentions).with_name("incidents.csv")
    )
    gold_inc = (
        Path(args.gold_incidents)
        if args.gold_incidents
        else Path(args.gold).with_name("seed_incidents.csv")
    )
    if inc_path.exists() and gold_inc.exists():
        inc = pd.read_csv(inc_path, dtype=str, keep_default_na=False)
        scores.update(score_incidents(inc, pd.read_csv(gold_inc, dtype=str)))
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print(format_scores(scores))
    return 0


def format_scores(scores: dict) -> str:
    """A readable table of the scores with their targets."""
    lines = [
        f"gold figures (required): {scores['gold_required']}   predicted: {scores['predicted']}"
        f"   matched: {scores['matched']}"
    ]
    names = ["precision", "recall", "f1", "exact_count", "victim_accuracy", "scope_accuracy"]
    names += ["perpetrator_accuracy", "claimant_accuracy"]
    names += ["tally_agreement", "incident_precision", "incident_recall"]
    names += ["actor1_agreement", "actor2_agreement"]
    for name in names:
        if name not in scores:
            continue
        target = TARGETS.get(name)
        mark = (
            ""
            if target is None
            else ("  ok" if scores[name] >= target else f"  BELOW target {target:.2f}")
        )
        lines.append(f"{name:<22}{scores[name]:.3f}{mark}")
    if "non_casualty_hits" in scores:
        n = scores["non_casualty_hits"]
        lines.append(f"{'non_casualty_hits':<22}{n}{'  ok' if n == 0 else '  BELOW target 0'}")
    for w in scores.get("warnings", []):
        lines.append(f"warning: {w}")
    return "\n".join(lines)
