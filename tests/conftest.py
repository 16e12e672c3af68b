"""Shared fixtures for the notebook, report and browser tests.

`report_batch` runs the whole report pipeline (papermill + nbconvert) once per test session
for a few parameter sets, so the e2e and browser tests share one run instead of each paying
for kernel start-ups.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

# An article whose text tries to inject markup, with one casualty figure in it. The reader
# treats a text with closing table tags as HTML and strips them, so `</table>` and the
# `<img onerror>` ride in the outlet name from metadata.csv, which the report shows as well.
XSS_SCRIPT = '<script>alert("xss-script")</script>'
XSS_OUTLET = '<img src=x onerror=alert("xss-img")></table>'
XSS_ARTICLE = f"قتل 3 مدنيين {XSS_SCRIPT} في قصف مدفعي على بلدة الهول بريف الحسكة صباح اليوم.\n"
XSS_MARKUP = (XSS_SCRIPT, XSS_OUTLET)


@pytest.fixture(scope="session")
def xss_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-article corpus carrying <script>, <img onerror> and </table>."""
    folder = tmp_path_factory.mktemp("xss_corpus")
    (folder / "xss_001.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    outlet = XSS_OUTLET.replace('"', '""')
    (folder / "metadata.csv").write_text(
        f'doc,outlet,published\nxss_001,"{outlet}",2020-01-02\n', encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="session")
def report_batch(tmp_path_factory: pytest.TempPathFactory, xss_corpus: Path) -> dict:
    """One batch run: seeds in English and Arabic, the XSS corpus, and three sets that fail.

    Returns {"reports": folder, "work": folder, "results": {name: RunResult}}.
    """
    from helpers import report

    root = tmp_path_factory.mktemp("report_batch")
    sets = [
        {"name": "seeds-en", "corpus": str(SEEDS), "language": "en", "title": "Seeds"},
        {"name": "seeds-ar", "corpus": str(SEEDS), "language": "ar", "title": "المقالات"},
        {"name": "../xss", "corpus": str(xss_corpus), "language": "en", "title": "<b>XSS</b>"},
        {"name": "missing-corpus", "corpus": str(root / "no_such_folder")},
        {"name": "bad-language", "corpus": str(SEEDS), "language": "fr"},
        {"name": "typo", "corpus": str(SEEDS), "governorat": "Hasakah"},
    ]
    results = report.run_batch(sets, root / "reports", root / "work", timeout=300)
    return {
        "reports": root / "reports",
        "work": root / "work",
        "root": root,
        "results": {r.name: r for r in results},
    }


@pytest.fixture(scope="session")
def xss_markup() -> tuple[str, ...]:
    """The markup pieces of the XSS article that must show as text, never run."""
    return XSS_MARKUP
