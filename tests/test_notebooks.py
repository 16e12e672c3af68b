"""The notebooks run top to bottom with papermill and write the declared tables."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from helpers import report
from helpers.schema import DOCUMENT_COLUMNS, INCIDENT_COLUMNS, MENTION_COLUMNS, SKIPPED_COLUMNS
from helpers.tally import TALLY_COLUMNS

SEEDS = report.REPO_DIR / "seeds"

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("name", report.NOTEBOOKS)
def test_notebooks_are_committed_clean_with_one_parameters_cell(name):
    notebook = nbformat.read(report.NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert notebook.metadata.kernelspec.name == "python3"
    assert "papermill" not in notebook.metadata


def _extract_dir(report_batch, name="seeds-en"):
    return report_batch["work"] / name / "extract"


def test_seed_sets_ran_and_rendered(report_batch):
    for name in ("seeds-en", "seeds-ar"):
        result = report_batch["results"][name]
        assert result.ok, result.error
        assert set(result.pages) == set(report.NOTEBOOKS)
        for page in result.pages.values():
            assert (report_batch["reports"] / page).stat().st_size > 10_000


def test_extract_tables_have_the_declared_columns(report_batch):
    folder = _extract_dir(report_batch)
    for table, columns in (
        ("documents", DOCUMENT_COLUMNS),
        ("skipped", SKIPPED_COLUMNS),
        ("mentions", MENTION_COLUMNS),
        ("incidents", INCIDENT_COLUMNS),
    ):
        frame = pd.read_parquet(folder / f"{table}.parquet")
        assert list(frame.columns[: len(columns)]) == columns, table


def test_extract_row_counts_are_consistent(report_batch):
    folder = _extract_dir(report_batch)
    documents = pd.read_parquet(folder / "documents.parquet")
    skipped = pd.read_parquet(folder / "skipped.parquet")
    mentions = pd.read_parquet(folder / "mentions.parquet")
    incidents = pd.read_parquet(folder / "incidents.parquet")
    seeds = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert sorted(documents["doc"]) + sorted(skipped["doc"]) == seeds or (
        len(documents) + len(skipped) == len(seeds)
    )
    assert int(documents["mentions"].sum()) == len(mentions)
    assert int(documents["incidents"].sum()) == len(incidents)
    assert set(mentions["doc"]) <= set(documents["doc"])
    # The seeds hold dozens of gold casualty figures: an extractor that finds none is broken.
    gold = pd.read_csv(report.REPO_DIR / "tests/fixtures/gold/seed_casualties.csv")
    assert len(gold) > 10
    assert len(mentions) > 0
    assert set(gold["doc"]) & set(mentions["doc"])


def test_extract_notebook_writes_acled_and_ucdp_exports_linked_from_the_index(report_batch):
    from helpers.export import ACLED_COLUMNS, UCDP_COLUMNS

    folder = _extract_dir(report_batch)
    incidents = pd.read_parquet(folder / "incidents.parquet")
    own = incidents["doc"] + ":" + incidents["incident"]
    events = incidents["event"].where(incidents["event"] != "", own)
    acled = pd.read_csv(folder / "acled.csv", dtype=str, keep_default_na=False)
    ucdp = pd.read_csv(folder / "ucdp_ged.csv", dtype=str, keep_default_na=False)
    assert list(acled.columns[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert list(ucdp.columns[: len(UCDP_COLUMNS)]) == UCDP_COLUMNS
    assert len(acled) == len(ucdp) == events.nunique() > 0
    result = report_batch["results"]["seeds-en"]
    assert set(result.files) == {"acled.csv", "ucdp_ged.csv"}
    assert (report_batch["reports"] / result.files["acled.csv"]).exists()
    index = (report_batch["reports"] / "index.html").read_text(encoding="utf-8")
    assert 'href="seeds-en/acled.csv"' in index


def test_tally_notebook_writes_tallies_of_the_extracted_figures(report_batch):
    folder = report_batch["work"] / "seeds-en" / "tally"
    tallies = pd.read_parquet(folder / "tallies.parquet")
    assert list(tallies.columns) == ["victim", "category", *TALLY_COLUMNS]
    assert not tallies.empty
    mentions = pd.read_parquet(_extract_dir(report_batch) / "mentions.parquet")
    assert set(tallies["victim"]) <= set(mentions["victim"])
    assert (tallies["low"] <= tallies["best"]).all() and (tallies["best"] <= tallies["high"]).all()
    assert int(tallies["reports"].sum()) <= len(mentions)


def test_a_failing_set_is_listed_kept_and_does_not_stop_the_others(report_batch):
    results = report_batch["results"]
    failed = results["missing-corpus"]
    assert not failed.ok and "corpus not found" in failed.error
    kept = report_batch["reports"] / "missing-corpus" / failed.failed_notebook
    assert kept.exists() and "FileNotFoundError" in kept.read_text(encoding="utf-8")
    assert not results["bad-language"].ok and "language" in results["bad-language"].error
    assert not results["typo"].ok and "governorat" in results["typo"].error
    assert results["seeds-ar"].ok  # ran although an earlier set failed
    index = (report_batch["reports"] / "index.html").read_text(encoding="utf-8")
    assert index.count('class="failed"') == 3 and index.count('class="ok"') == 3


def test_unsafe_names_stay_inside_reports(report_batch):
    assert "_xss" in report_batch["results"]
    assert (report_batch["reports"] / "_xss" / "03_report.html").exists()
    assert not (report_batch["root"] / "xss").exists()


def test_unknown_notebook_parameter_stops_the_run(tmp_path, report_batch):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError, match="governorat"):
        papermill.execute_notebook(
            report.NOTEBOOK_DIR / "03_report.ipynb",
            tmp_path / "out.ipynb",
            parameters={"extract_dir": str(_extract_dir(report_batch)), "governorat": "Hasakah"},
            kernel_name="python3",
            cwd=str(report.NOTEBOOK_DIR),
            progress_bar=False,
        )
