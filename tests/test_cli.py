"""The command line end to end on the seeds: extract, then evaluate."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"


def test_extract_then_evaluate(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(ROOT / "seeds"), "--out", str(out), "--no-progress"]) == 0
    for name in ("mentions", "incidents", "documents", "skipped"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists()
    acled = pd.read_csv(out / "acled.csv")
    assert {"event_date", "sub_event_type", "admin1", "fatalities"} <= set(acled.columns)
    assert len(acled) > 0 and (out / "ucdp_ged.csv").exists()
    capsys.readouterr()
    code = main(
        [
            "evaluate",
            str(out / "mentions.csv"),
            str(GOLD / "seed_casualties.csv"),
            "--corpus",
            str(ROOT / "seeds"),
            "--non-casualty",
            str(GOLD / "seed_non_casualty_numbers.csv"),
        ]
    )
    printed = capsys.readouterr().out
    assert code == 0
    for name in ("f1", "exact_count", "victim_accuracy", "tally_agreement", "incident_recall"):
        assert name in printed
    assert "non_casualty_hits     0" in printed
    assert "perpetrator_accuracy" in printed and "claimant_accuracy" in printed


def test_evaluate_unreadable_input_exits_2(tmp_path):
    assert main(["evaluate", str(tmp_path / "none.csv"), "x.csv", "--corpus", "seeds"]) == 2
