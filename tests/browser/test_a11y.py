"""Readable on every screen and by every reader: each view, in each language, at 390, 768 and
1400 px wide, with axe-core's WCAG 2.1 A/AA rules, the charts' bounding boxes, their text
alternatives and the keyboard.

One page per width and language walks every view (a fresh context per view would triple the
run time); a failure names the view. axe-core comes bundled in `axe-playwright-python`.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard import views
from dashboard.i18n import LANGUAGES, Translator, catalogue, forms

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "tablet": 768, "desktop": 1400}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()

# Text of a chart (ticks, titles, legends, annotations) whose box leaves its chart's box; and
# anything in the main area that reaches past its right edge (the main area would scroll
# sideways), measured once every expander is open so that the quotes tables count too.
OUTSIDE_JS = """
() => {
  const outside = [];
  for (const chart of document.querySelectorAll('.qf-chart')) {
    const box = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('.main-svg text')) {
      const r = text.getBoundingClientRect();
      if (!text.textContent.trim() || (r.width === 0 && r.height === 0)) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 ||
          r.top < box.top - 1 || r.bottom > box.bottom + 1) outside.push(text.textContent);
    }
  }
  const main = document.querySelector('[data-testid="stMain"]');
  const past = main.scrollWidth - main.clientWidth;
  return {outside, past, page: document.documentElement.scrollWidth - window.innerWidth};
}
"""


def _openings(lang: str) -> tuple[str, ...]:
    """How each chart's text alternative begins in `lang` ("Bar chart, ", "Карта: ", ...)."""
    parts = {"a11y.table", "a11y.map_table", "a11y.part_of", "a11y.gaps", "a11y.regions.day"}
    messages = [m for k, m in catalogue(lang).items() if k.startswith("a11y.") and k not in parts]
    return tuple(sorted({form.split("{")[0] for m in messages for form in forms(m)}))


def _open_every_expander(page: Page, wait_for_app) -> int:
    """Click every closed disclosure of the main area open: the page's own (a card's quote,
    what is not on the map) at once; Streamlit's expanders, whose tables the rerun draws."""
    native = page.locator(
        '[data-testid="stMain"] details:not([open]):not([data-testid="stExpander"] details)'
        " > summary"
    )
    for _ in range(native.count()):
        native.first.click()
    expect(native).to_have_count(0)
    closed = page.locator(
        '[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary'
    )
    count = closed.count()
    for _ in range(count):
        closed.first.click()
    if count:
        wait_for_app(page, after_input=True)
        expect(closed).to_have_count(0)
    return count


def _page_problems(page: Page, tr: Translator, path: str, wait_for_app) -> list[str]:
    problems = []
    axe = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    for violation in axe.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"/{path}: axe {violation['id']} ({violation['impact']}) {targets}")
    _open_every_expander(page, wait_for_app)
    boxes = page.evaluate(OUTSIDE_JS)
    if boxes["outside"]:
        problems.append(f"/{path}: chart text outside its chart: {boxes['outside'][:5]}")
    if boxes["past"] > 1 or boxes["page"] > 1:
        problems.append(f"/{path}: scrolls sideways: main {boxes['past']}, page {boxes['page']} px")
    main = page.locator('[data-testid="stMain"]')
    charts = main.locator(".qf-chart").count()
    openings = _openings(tr.lang)
    summaries = [t for t in main.locator(".qf-caption").all_inner_texts() if t.startswith(openings)]
    if len(summaries) != charts:
        problems.append(f"/{path}: {charts} chart(s) but {len(summaries)} text alternative(s)")
    return problems


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_view_passes_axe_keeps_chart_text_inside_and_describes_each_chart(
    browser, init_scripts, app_server, open_app, wait_for_app, width, lang
):
    context = browser.new_context(
        base_url=app_server.url,
        viewport={"width": WIDTHS[width], "height": 900},
        is_mobile=width == "phone",
        has_touch=width == "phone",
    )
    for script in init_scripts:
        context.add_init_script(script)
    try:
        page = context.new_page()
        tr = Translator(lang)
        problems = []
        for view in views.REGISTRY:
            path = "" if view.name == views.LANDING else view.name
            open_app(page, f"{path}?lang={lang}")
            expect(page.locator('[data-testid="stException"]')).to_have_count(0)
            problems += _page_problems(page, tr, view.name, wait_for_app)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def _tab_to(page: Page, matches: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return {matches}; }}"):
            return True
    return False


def test_the_keyboard_opens_the_quotes_table_and_reaches_its_download_with_a_visible_focus(
    page: Page, open_app
):
    open_app(page, "weapons")

    summary = "e.tagName === 'SUMMARY' && e.textContent.includes('Quotes and sources')"
    assert _tab_to(page, summary), "Tab never reached the quotes expander"
    page.keyboard.press("Enter")
    expander = page.locator('[data-testid="stExpander"] details').first
    expect(expander).to_have_attribute("open", "")
    # Its rows, one block each (a grid would be wider than a phone), are on screen.
    expect(expander.locator("blockquote").first).to_be_visible()

    download = "e.tagName === 'BUTTON' && e.textContent.includes('Download this table')"
    assert _tab_to(page, download), "Tab never reached the table's download button"
    focus = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"""
    )
    assert focus[0] != "none" or focus[2] != "none", f"no visible focus on the download: {focus}"
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename == "qantar-weapons-recovered.csv"


def test_chart_summaries_are_in_the_pages_language(page: Page, open_app):
    open_app(page, "casualties?lang=ru")

    captions = page.locator('[data-testid="stMain"] .qf-caption')
    expect(captions.filter(has_text=re.compile(r"^Диаграмма с накоплением: "))).to_have_count(1)
