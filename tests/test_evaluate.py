"""Scoring against gold: who did it and who says so, on matched figures."""

from __future__ import annotations

import pandas as pd

from helpers.evaluate import score_mentions

TEXT = "قتل 3 مدنيين بقصف لقوات النظام، وأصيب 5 آخرون بحسب المرصد."


def _pred(perpetrators: list[str], claimants: list[str]) -> pd.DataFrame:
    rows = [
        {"start": 0, "end": 12, "category": "killed", "best": 3},
        {"start": 32, "end": 48, "category": "injured", "best": 5},
    ]
    for row, perp, claim in zip(rows, perpetrators, claimants, strict=True):
        row.update(doc="d", victim="CIVILIANS", scope="incident", relation="", qualifier="exact")
        row.update(perpetrator=perp, claimed_by=claim)
    return pd.DataFrame(rows)


GOLD = pd.DataFrame(
    [
        {"doc": "d", "quote": "قتل 3 مدنيين", "category": "killed", "victim": "CIVILIANS",
         "best": "3", "scope": "incident", "relation": "", "perpetrator": "SYR_GOV",
         "claimed_by": "SOHR"},
        {"doc": "d", "quote": "وأصيب 5 آخرون", "category": "injured", "victim": "CIVILIANS",
         "best": "5", "scope": "incident", "relation": "", "perpetrator": None,
         "claimed_by": "Al-Watan"},
    ]
)  # fmt: skip


def test_perpetrator_and_claimant_agreement_on_matched_figures():
    s = score_mentions(_pred(["SYR_GOV", ""], ["sohr", "Al-Watan (Syria)"]), GOLD, {"d": TEXT})
    assert (s["matched"], s["perpetrator_accuracy"], s["claimant_accuracy"]) == (2, 1.0, 1.0)
    s = score_mentions(_pred(["", "ISIS"], ["outlet", ""]), GOLD, {"d": TEXT})
    assert (s["perpetrator_accuracy"], s["claimant_accuracy"]) == (0.0, 0.0)


def test_gold_without_the_columns_leaves_the_measures_out():
    s = score_mentions(
        _pred(["SYR_GOV", ""], ["SOHR", ""]),
        GOLD.drop(columns=["perpetrator", "claimed_by"]),
        {"d": TEXT},
    )
    assert "perpetrator_accuracy" not in s and "claimant_accuracy" not in s
