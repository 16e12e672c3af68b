"""The HTML reports in a real, offline, headless Chromium (Debian's, never downloaded).

Enable with `make browser` or `sudo apt-get install chromium`. Under CI=true a missing browser
is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import arabic_reshaper
import pytest
from bidi.algorithm import get_display

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHARTS_PER_REPORT = 5
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"

# For each SVG text element whose text is one of the expected Arabic labels (compared after
# NFKC, which folds arabic-reshaper's presentation forms back to letters), in stored or in
# reversed (visual) order: is the label's first letter drawn to the right of its last letter?
RTL_PROBE = """
([selector, labels]) => {
  const out = [];
  const reverse = (s) => Array.from(s).reverse().join('');
  for (const el of document.querySelectorAll(selector)) {
    const text = el.textContent.normalize('NFKC');
    const n = el.getNumberOfChars ? el.getNumberOfChars() : 0;
    if (n < 3 || n !== el.textContent.length) continue;
    let first, last;
    if (labels.includes(text)) { first = 0; last = n - 1; }
    else if (labels.includes(reverse(text))) { first = n - 1; last = 0; }
    else continue;
    const x = (i) => el.getStartPositionOfChar(i).x;
    out.push({text: el.textContent, rtl: x(first) > x(last)});
  }
  return out;
}
"""


def _arabic_labels() -> list[str]:
    from helpers.charts import Labels

    labels = Labels("ar")
    groups = ("categories", "sides", "event_types", "headings", "ui")
    return sorted({entry["ar"] for g in groups for entry in labels.tables[g].values()})


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} missing under CI=true: install it with `make browser`")
        pytest.skip(f"{CHROMIUM} missing: run `make browser` or `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


class Visit:
    """One page load with every non-file request blocked and recorded, errors and dialogs kept."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(500)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=full_page)


def _page(report_batch, name: str, notebook: str = "03_report") -> Path:
    return report_batch["reports"] / report_batch["results"][name].pages[notebook]


@pytest.mark.parametrize("name", ["seeds-en", "seeds-ar"])
def test_report_loads_offline_without_errors_and_shows_every_chart(browser, report_batch, name):
    visit = Visit(browser, _page(report_batch, name))
    assert visit.errors == []
    assert visit.requests == []
    assert visit.page.locator(".js-plotly-plot").count() == CHARTS_PER_REPORT
    assert visit.page.locator("table.dataTable, table.itables").count() >= 4
    visit.page.close()


def test_arabic_report_reads_right_to_left(browser, report_batch, tmp_path):
    visit = Visit(browser, _page(report_batch, "seeds-ar"))
    page = visit.page
    assert page.locator("html").get_attribute("lang") == "ar"
    heading = page.locator("div[dir=rtl] h1").first
    assert heading.evaluate("el => getComputedStyle(el).direction") == "rtl"
    labels = page.evaluate(RTL_PROBE, [".js-plotly-plot svg text", _arabic_labels()])
    assert len(labels) >= 5
    assert all(label["rtl"] for label in labels), labels
    visit.screenshot(tmp_path / "report_ar.png")
    page.close()


def test_the_rtl_probe_catches_reshaped_text(browser, report_batch):
    """A label run through arabic-reshaper + bidi (visual order) must fail the probe."""
    visit = Visit(browser, _page(report_batch, "seeds-ar"))
    label = "قتلى مدنيون"
    shaped = get_display(arabic_reshaper.reshape(label))
    added = visit.page.evaluate(
        """([good, bad]) => {
          const svg = document.querySelector('.js-plotly-plot svg.main-svg');
          for (const [cls, text] of [['probe-good', good], ['probe-bad', bad]]) {
            const el = document.createElementNS('http://www.w3.org/2000/svg', 'text');
            el.setAttribute('x', 200); el.setAttribute('y', 200); el.setAttribute('class', cls);
            el.textContent = text; svg.appendChild(el);
          }
          return document.querySelectorAll('text.probe-good, text.probe-bad').length;
        }""",
        [label, shaped],
    )
    assert added == 2
    expected = [label]
    assert visit.page.evaluate(RTL_PROBE, ["text.probe-good", expected])[0]["rtl"] is True
    assert visit.page.evaluate(RTL_PROBE, ["text.probe-bad", expected])[0]["rtl"] is False
    visit.page.close()


def test_article_markup_shows_as_text_and_runs_nothing(browser, report_batch, xss_markup):
    result = report_batch["results"]["_xss"]
    assert result.ok, result.error
    visit = Visit(browser, _page(report_batch, "_xss"))
    page = visit.page
    assert visit.dialogs == []
    assert visit.requests == []  # the <img src=x> never loaded
    assert visit.errors == []
    body = page.inner_text("body")
    for markup in xss_markup:
        assert markup in body
    assert "<b>XSS</b>" in body  # the title parameter is text too
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("script:text('xss-script')").count() == 0
    assert page.locator(".js-plotly-plot").count() == CHARTS_PER_REPORT
    page.close()


def test_index_and_pages_screenshots(browser, report_batch, tmp_path):
    visit = Visit(browser, report_batch["reports"] / "index.html")
    assert visit.requests == [] and visit.errors == []
    links = visit.page.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "seeds-ar/03_report.html" in links
    visit.screenshot(tmp_path / "index.png", full_page=True)
    shots = {"index.png": visit}
    for name in ("seeds-en", "seeds-ar"):
        report_visit = Visit(browser, _page(report_batch, name))
        report_visit.screenshot(tmp_path / f"report_{name}.png")
        shots[f"report_{name}.png"] = report_visit
    assert all((tmp_path / shot).stat().st_size > 10_000 for shot in shots)
    if os.environ.get("HASILA_SCREENSHOTS") == "1":  # refresh the README images once
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copyfile(tmp_path / shot, DOCS_IMG / shot)
    for shot_visit in shots.values():
        shot_visit.page.close()
