"""Report helpers without a kernel: parameters, names, batch files, escaping, rendering."""

from __future__ import annotations

import argparse
import math
import re

import itables
import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from helpers import report
from helpers.charts import Labels
from helpers.tally import figures_table


def _namespace(**values):
    base = {
        "title": "t",
        "language": "en",
        "extract_dir": "x",
        "governorate": "",
        "side": "",
        "category": "",
        "date_from": "",
        "date_to": "",
        "outlet": "",
    }
    return base | {"report": report, "In": [], "_oh": {}, "math": math} | values


def test_valid_parameters_pass_and_kernel_names_are_ignored():
    values = report.check_parameters(_namespace(side="ISIS, SDF"), report.REPORT_PARAMETERS)
    assert values["side"] == "ISIS, SDF"
    assert set(values) == set(report.REPORT_PARAMETERS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"governorat": "Hasakah"}, "unknown parameter.*governorat"),
        ({"language": "fr"}, "language"),
        ({"side": "ISIS, ALIENS"}, "ALIENS"),
        ({"category": "wounded"}, "wounded"),
        ({"date_from": "31/01/2019"}, "ISO date"),
        ({"date_from": "2019-02-30"}, "not a real date"),
        ({"date_from": "2019-03-01", "date_to": "2019-01-01"}, "after"),
        ({"title": ["a list"]}, "must be str"),
    ],
)
def test_bad_parameters_stop_with_a_clear_message(changes, message):
    with pytest.raises(report.ParameterError, match=message):
        report.check_parameters(_namespace(**changes), report.REPORT_PARAMETERS)


def test_missing_parameter_is_named():
    namespace = _namespace()
    del namespace["outlet"]
    with pytest.raises(report.ParameterError, match="outlet"):
        report.check_parameters(namespace, report.REPORT_PARAMETERS)


def test_filters_keep_only_set_values_and_split_lists():
    params = {"governorate": "Hasakah, Deir ez-Zor", "side": "", "date_from": "2019-01-01"}
    assert report.filters_from(params) == {
        "governorate": ["Hasakah", "Deir ez-Zor"],
        "date_from": "2019-01-01",
    }


@pytest.mark.parametrize("raw", ["../../etc", "/etc/passwd", "..", "a/../../b", "", "حلب/../x"])
def test_report_names_never_leave_the_reports_folder(tmp_path, raw):
    name = report.report_name({"name": raw}, 1)
    target = report.output_dir(tmp_path, name)
    assert target.parent == tmp_path.resolve()
    assert "/" not in name and not name.startswith(".")


@pytest.mark.parametrize("name", ["../x", "/abs", "a/b", "..", "."])
def test_output_dir_refuses_unsafe_names(tmp_path, name):
    with pytest.raises(report.ParameterError):
        report.output_dir(tmp_path, name)


def test_report_name_is_built_from_parameters_when_unnamed():
    name = report.report_name({"corpus": "/x/seeds", "language": "ar", "side": "ISIS"}, 3)
    assert name == "language-ar_side-ISIS"


def test_batch_file_merges_defaults(tmp_path):
    batch = tmp_path / "r.yml"
    batch.write_text(
        "defaults: {corpus: seeds, language: en}\n"
        "reports:\n  - {name: a}\n  - {name: b, language: ar}\n",
        encoding="utf-8",
    )
    sets = report.load_batch(batch)
    assert [s["language"] for s in sets] == ["en", "ar"]
    assert all(s["corpus"] == "seeds" for s in sets)


def test_batch_file_must_hold_parameter_sets(tmp_path):
    batch = tmp_path / "r.yml"
    batch.write_text("just a string\n", encoding="utf-8")
    with pytest.raises(report.ParameterError):
        report.load_batch(batch)


def test_example_batch_file_uses_known_parameters():
    sets = report.load_batch(report.NOTEBOOK_DIR / "reports.example.yml")
    assert len(sets) >= 3
    for params in sets:
        assert set(params) <= set(report.BATCH_KEYS)


def test_bad_sets_fail_fast_and_the_command_exits_non_zero(tmp_path):
    batch = tmp_path / "r.yml"
    batch.write_text(
        "- {name: typo, governorat: Hasakah}\n"
        "- {name: '<script>x</script>', title: '<script>y</script>', language: fr}\n",
        encoding="utf-8",
    )
    args = argparse.Namespace(
        batch=str(batch),
        corpus=None,
        language=None,
        out=str(tmp_path / "out"),
        work=None,
        timeout=60,
    )
    assert report.run(args) == 1
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert index.count("FAILED") == 2
    assert "governorat" in index and "language" in index
    assert "<script>" not in index and "&lt;script&gt;y" in index


def test_figures_read_as_stated():
    en, ar = Labels("en"), Labels("ar")
    row = {"best": 11, "low": 11, "high": None, "qualifier": "at_least"}
    assert report._figure_text(pd.Series(row), en) == "at least 11"
    assert report._figure_text(pd.Series(row), ar) == "على الأقل 11"
    ranged = {"best": 75, "low": 60, "high": 90, "qualifier": "range"}
    assert report._figure_text(pd.Series(ranged), en) == "60–90"
    exact = {"best": 3, "low": 3, "high": 3, "qualifier": "exact"}
    assert report._figure_text(pd.Series(exact), en) == "3"


def test_figure_table_names_a_non_conflict_cause():
    mentions = pd.DataFrame(
        [
            {"doc": "a", "mention": "m1", "category": "killed", "victim": "CIVILIANS", "best": 4},
            {"doc": "a", "mention": "m2", "category": "killed", "best": 25, "cause": "accident"},
        ]
    )
    table = report.figure_table(figures_table(mentions), Labels("en"))
    assert list(table["Non-conflict cause"]) == ["", "accident"]
    table = report.figure_table(figures_table(mentions), Labels("ar"))
    assert list(table["سبب غير قتالي"]) == ["", "حادث"]


def test_empty_tables_have_the_headings_of_full_ones():
    mentions = pd.DataFrame([{"doc": "a", "mention": "m1", "category": "killed", "best": 4}])
    full = report.figure_table(figures_table(mentions), Labels("ar"))
    empty = report.figure_table(figures_table(mentions.iloc[:0]), Labels("ar"))
    assert list(empty.columns) == list(full.columns) and empty.empty
    incidents = pd.DataFrame(
        [{c: "" for c in ("doc", "incident", "event", "sub_event_type", "actor1", "actor2")}]
    ).assign(place="", governorate="", date="", killed=0, injured=0, text="")
    full = report.incident_table(incidents, Labels("en"))
    empty = report.incident_table(incidents.iloc[:0], Labels("en"))
    assert list(empty.columns) == list(full.columns) and empty.empty


def test_tables_escape_article_markup():
    itables.init_notebook_mode(connected=False)
    table = pd.DataFrame({"sentence": ["قتل 3 <script>alert(1)</script> </table> <img src=x>"]})
    markup = itables.to_html_datatable(table, maxBytes=0, allow_html=False)
    assert "<script>alert(1)" not in markup
    assert "<img src=x>" not in markup
    assert "&lt;script&gt;alert(1)" in markup


def _executed_notebook(tmp_path):
    notebook = new_notebook(
        cells=[
            new_code_cell(
                "x",
                outputs=[new_output("display_data", data={"text/html": "<p dir='rtl'>مرحبا</p>"})],
            )
        ]
    )
    notebook.metadata["papermill"] = {"input_path": "/home/someone/secret/path.ipynb"}
    path = tmp_path / "executed.ipynb"
    nbformat.write(notebook, path)
    return path


def test_rendered_pages_load_nothing_from_the_network(tmp_path):
    target = tmp_path / "page.html"
    report._render(_executed_notebook(tmp_path), target, "ar")
    page = target.read_text(encoding="utf-8")
    assert '<html lang="ar">' in page
    assert "مرحبا" in page
    external = re.findall(r"<(?:script|link)[^>]+(?:src|href)=[\"']?(?:https?:)?//", page)
    assert external == []
    assert "/home/someone/secret" not in page
    assert ">x<" not in page  # code cells are hidden


def test_index_lists_parameters_run_time_and_links(tmp_path):
    results = [
        report.RunResult(
            "a",
            {"title": "<i>t</i>", "language": "ar"},
            seconds=1.5,
            pages={"03_report": "a/03_report.html"},
        ),
        report.RunResult("b", {}, ok=False, error="boom <b>", failed_notebook="01.failed.ipynb"),
    ]
    page = report.write_index(results, tmp_path).read_text(encoding="utf-8")
    assert 'href="a/03_report.html"' in page and 'href="b/01.failed.ipynb"' in page
    assert "&lt;i&gt;t&lt;/i&gt;" in page and "boom &lt;b&gt;" in page
    assert "1.5 s" in page
