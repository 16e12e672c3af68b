"""The dev-set scoring script: which figure is the lead one, and the ceiling from hand labels."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from helpers.mentions import extract_mentions
from helpers.schema import Document

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "airwars_dev_score", ROOT / "scripts" / "airwars_dev_score.py"
)
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def lead(text: str, category: str = "killed") -> int:
    return score.lead_figure(extract_mentions(Document(doc="t", text=text)), category)


def test_the_lead_figure_is_the_civilian_part_of_a_mixed_toll():
    assert lead("قُتل ثلاثة أشخاص (طفلان ومسلح) بقصف على البلدة.") == 2


def test_the_lead_figure_skips_repeats_and_fighters_and_defaults_to_zero():
    assert lead("مقتل 3 عناصر من قسد. وقتل مدنيان في القصف ذاته.") == 2
    assert lead("قتل 4 مدنيين بقصف. وكان القصف قد أدى لمقتل 4 مدنيين.") == 4
    assert lead("أصيب 5 عناصر من قوات النظام.", "injured") == 0


def test_the_ceiling_counts_every_text_not_labelled_b(tmp_path, capsys):
    labels = tmp_path / "labels.tsv"
    labels.write_text(
        "doc\tcategory\tlabel\treason\n"
        "a\tkilled\tB\tno figure\nb\tkilled\tC\tunclear\nc\tkilled\tA\tnamed\n"
        "a\tinjured\tB\tnothing\n",
        encoding="utf-8",
    )
    misses = {"killed": [("c", 1, 2, 2), ("d", 0, 1, 1)], "injured": [("a", 0, 3, 3)]}
    score.print_ceiling(str(labels), 10, misses)
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["ceiling", "killed", "90.0%"]
    assert "(80.0% with unclear" in out[0] and "1 A, 0 C, 0 B, 1 unlabelled" in out[0]
    assert out[1].split()[:3] == ["ceiling", "injured", "90.0%"]


def test_the_shipped_hand_labels_are_well_formed():
    with open(ROOT / "docs" / "dev_ceiling_labels.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows and all(r["label"] in {"A", "B", "C"} for r in rows)
    assert all(r["category"] in {"killed", "injured"} and r["reason"] for r in rows)
    assert len({(r["doc"], r["category"]) for r in rows}) == len(rows)


def test_an_incident_at_or_near_the_recorded_location_agrees():
    placed = {"known": 0, "at": 0, "governorate": 0}
    near = {"place": "", "governorate": "Idlib", "latitude": 35.661, "longitude": 36.481}
    far = {"place": "", "governorate": "Idlib", "latitude": 35.93, "longitude": 36.63}
    score.place_agreement("كنصفرة", [far], placed)
    score.place_agreement("كنصفرة", [far, near], placed)
    score.place_agreement("مكان لا يعرفه المعجم", [near], placed)
    assert placed == {"known": 2, "at": 1, "governorate": 2}


def test_the_lead_figure_is_the_toll_that_replaces_an_earlier_one():
    assert lead("مقتل 3 مدنيين بقصف على البلدة. وفي وقت لاحق ارتفع عدد القتلى إلى 5.") == 5
