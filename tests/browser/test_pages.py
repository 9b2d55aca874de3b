"""The dashboard in a real browser: every page draws, filters move the charts, links are shareable.

Each test opens the app in a fresh Chromium context (see conftest.py); the page fixtures also
fail any test whose page showed an exception or sent a request off the machine.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

# path, header the reader sees first, Plotly charts on the page as it is now
PAGES = [
    pytest.param("", "Official figures on the January 2022 events in Kazakhstan", 0, id="overview"),
    pytest.param("participants", "Participants over time", 2, id="participants"),
    pytest.param("spread", "Regional spread", 2, id="spread"),
    pytest.param("casualties", "Casualties", 1, id="casualties"),
    pytest.param("property", "Property and looting", 2, id="property"),
    pytest.param("weapons", "Weapons", 1, id="weapons"),
    pytest.param("cases", "Criminal cases and detentions", 3, id="cases"),
    pytest.param("chronology", "Chronology, 1–8 January 2022", 0, id="chronology"),
    pytest.param("changes", "How the official figures changed after January 2022", 1, id="changes"),
    pytest.param("sources", "Sources and method", 0, id="sources"),
]
ALL_DAYS = [f"{day} Jan" for day in range(1, 9)]

# What a chart actually drew. An empty figure still has its .main-svg, so count SVG trace
# groups holding a path with geometry (a scatter marker, a bar, a map's region).
DRAWN_TRACES_JS = """
(chart) => {
  const svgTraces = [...chart.querySelectorAll('.main-svg g.trace')].filter((trace) =>
    [...trace.querySelectorAll('path')].some((p) => (p.getAttribute('d') || '').length > 4)
  ).length;
  return svgTraces;
}
"""


# What a chart shows the reader, read from the page: its title's lines, and per trace its
# name (the hover of a filled outline), hover text, drawn opacity, drawn fill and legend
# symbol's opacity. The chart element sets some of these in place (dashboard.plotly_element);
# DRAWN_AS_PLOTLY_WOULD draws the chart anew from its own figure, which must change none.
SHOWN_JS = """
(chart) => {
  const style = (el, name) => (el ? getComputedStyle(el)[name] : null);
  const legend = new Map([...chart.querySelectorAll('g.legend g.traces')]
    .map((item) => [item.__data__[0].trace.index, item.querySelector('g.layers')]));
  return {
    title: [...chart.querySelectorAll('text.gtitle > tspan.line')].map((t) => t.textContent),
    traces: [...chart.querySelectorAll('g.trace.scatter')].map((group) => {
      const trace = group.__data__[0].trace;
      return [trace.name, trace.hovertext ?? null, style(group, 'opacity'),
              style(group.querySelector('path.js-fill'), 'fill'),
              style(legend.get(trace.index), 'opacity')];
    }),
  };
}
"""
DRAWN_AS_PLOTLY_WOULD_JS = (
    "async (chart) => { await window.Plotly.newPlot(chart, chart.data, chart.layout); }"
)


def _shown_as_drawn_anew(chart: Locator) -> None:
    """What `chart` shows is what plotly.js draws from its figure (nothing set only in place)."""
    shown = chart.evaluate(SHOWN_JS)
    chart.evaluate(DRAWN_AS_PLOTLY_WOULD_JS)
    assert chart.evaluate(SHOWN_JS) == shown


def _main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def _chart(page: Page, title: str) -> Locator:
    return page.locator(".qf-chart").filter(has=page.locator(".gtitle", has_text=title))


def _date_thumbs(page: Page) -> tuple[Locator, Locator]:
    # The range slider renders two <input type="range"> (implicit role "slider").
    slider = page.locator('[data-testid="stMain"] [data-testid="stSlider"]')
    return (
        slider.get_by_role("slider", name="Dates (January 2022) — start"),
        slider.get_by_role("slider", name="Dates (January 2022) — end"),
    )


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _region(page: Page, name: str) -> Locator:
    """The region filter's button for `name` (a toggle: aria-pressed says if it is chosen)."""
    regions = _main(page).get_by_role("toolbar", name="Regions")
    return regions.get_by_role("button", name=name, exact=True)


def _chosen_regions(page: Page) -> Locator:
    return _main(page).locator('[role="toolbar"] button[aria-pressed="true"]')


def _notices(page: Page) -> list[str]:
    return _main(page).locator('[data-testid="stAlert"]').all_inner_texts()


@pytest.mark.parametrize(("path", "header", "n_charts"), PAGES)
def test_every_page_draws_its_header_and_charts(page: Page, open_app, path, header, n_charts):
    open_app(page, path)

    heading = _main(page).locator("h1, h2").filter(has_text=re.compile(f"^{re.escape(header)}$"))
    expect(heading).to_be_visible()
    charts = page.locator(".qf-chart")
    expect(charts).to_have_count(n_charts)
    for i in range(n_charts):
        assert charts.nth(i).evaluate(DRAWN_TRACES_JS) >= 1, f"chart {i} on /{path} drew no trace"
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_every_page_in_the_navigation_is_tested(page: Page, open_app):
    open_app(page)

    links = page.locator('[data-testid="stSidebarNav"] a')
    paths = {
        urlsplit(href).path.strip("/") for href in links.evaluate_all("a => a.map(e => e.href)")
    }
    assert paths == {p.values[0] for p in PAGES}, "add new pages to PAGES with their header"


def test_moving_the_end_date_with_the_keyboard_veils_the_days_left_out_and_sets_the_link(
    page: Page, open_app, wait_for_app
):
    open_app(page, "participants")
    start, end = _date_thumbs(page)
    participants = _chart(page, "Participants reported per day")
    expect(participants.locator(".xtick text")).to_have_text(ALL_DAYS)
    expect(end).to_have_attribute("aria-valuetext", "8 Jan")

    # Tag the drawn charts and their traces: the charts must be updated in place, not
    # unmounted and drawn anew, and only their shapes redrawn (Plotly.react would replace
    # the traces, Plotly.relayout of the shapes keeps them).
    page.evaluate(
        "() => document.querySelectorAll('.qf-chart')"
        ".forEach(c => { c.__qantarKept = 1; c.data.__qantarKept = 1; })"
    )
    end.focus()
    for _ in range(3):  # one rerun per key press; wait for each so no press is coalesced
        page.keyboard.press("ArrowLeft")
        wait_for_app(page, after_input=True)

    expect(end).to_have_attribute("aria-valuetext", "5 Jan")
    assert _query(page)["dates"] == ["2022-01-01", "2022-01-05"]
    # The x axis keeps every day; the days after the 5th are veiled, from half a day on.
    regions = _chart(page, "Regions with gatherings or unrest")
    for chart in (participants, regions):
        expect(chart.locator(".xtick text")).to_have_text(ALL_DAYS)
        expect(chart.locator(".shapelayer path")).to_have_count(1)
        veil = chart.evaluate("c => c._fullLayout.shapes.map(s => [s.x0, s.x1])")
        assert [x0[:16] for x0, _ in veil] == ["2022-01-05T12:00"]
    # Must NOT happen: the other handle moving along.
    expect(start).to_have_attribute("aria-valuetext", "1 Jan")
    kept = page.evaluate(
        "() => [...document.querySelectorAll('.qf-chart')]"
        ".map(c => [c.__qantarKept, c.data.__qantarKept])"
    )
    assert kept == [[1, 1], [1, 1]], "a chart or its traces were drawn anew, not its shapes"


def test_a_region_change_fades_the_other_regions_counts_in_place(
    page: Page, open_app, wait_for_app
):
    open_app(page, "participants")
    participants = _chart(page, "Participants reported per day")
    expect(participants.locator(".scatterlayer .trace")).to_have_count(4)
    page.evaluate(
        "() => document.querySelectorAll('.qf-chart')"
        ".forEach(c => { c.__qantarKept = 1; c.data.__qantarKept = 1; })"
    )
    _region(page, "Mangystau Region").press("Enter")
    wait_for_app(page, after_input=True)

    # Every series stays drawn; Almaty's two are faded, as drawn on the page.
    expect(participants.locator(".scatterlayer .trace")).to_have_count(4)
    drawn = participants.evaluate(
        "c => [...c.querySelectorAll('.scatterlayer .trace')]"
        ".map((g, i) => [c._fullData[i].name, Number(getComputedStyle(g).opacity)])"
    )
    assert dict(drawn) == {
        "Mangystau Region": 1,
        "Almaty, near the Almaty Arena stadium": 0.25,
        "Nationwide": 1,
        "Almaty, looting and armed attacks": 0.25,
    }
    # Their legend symbols too.
    legend = [trace[4] for trace in participants.evaluate(SHOWN_JS)["traces"]]
    assert sorted(legend) == ["0.25", "0.25", "1", "1"]
    kept = page.evaluate(
        "() => [...document.querySelectorAll('.qf-chart')]"
        ".map(c => [c.__qantarKept, c.data.__qantarKept])"
    )
    assert kept == [[1, 1], [1, 1]], "a chart or its traces were drawn anew, not restyled"
    _shown_as_drawn_anew(participants)


def test_a_slider_press_recolours_the_map_in_place(page: Page, open_app, wait_for_app):
    open_app(page, "spread")
    _, end = _date_thumbs(page)
    themap = _chart(page, "Most severe unrest")
    fill = "c => c._fullData.find(t => t.uid === 'kyzylorda').fillcolor"
    before = themap.evaluate(fill)
    page.evaluate(
        "() => document.querySelectorAll('.qf-chart')"
        ".forEach(c => { c.__qantarKept = 1; c.data.__qantarKept = 1; })"
    )
    end.focus()
    for _ in range(4):  # 8 Jan -> 4 Jan: Kyzylorda's unrest (5 Jan) is left out
        page.keyboard.press("ArrowLeft")
        wait_for_app(page, after_input=True)
    assert "1–4 Jan 2022" in themap.evaluate("c => c._fullLayout.title.text")
    expect(themap.locator("text.gtitle")).to_contain_text("1–4 Jan 2022")
    assert themap.evaluate(fill) != before
    kept = page.evaluate(
        "() => [...document.querySelectorAll('.qf-chart')]"
        ".map(c => [c.__qantarKept, c.data.__qantarKept])"
    )
    assert kept == [[1, 1], [1, 1]], "a chart or its traces were drawn anew, not restyled"
    _shown_as_drawn_anew(themap)


def test_a_region_change_recolours_the_map_as_plotly_would_draw_it(
    page: Page, open_app, wait_for_app
):
    open_app(page, "spread?dates=2022-01-05&dates=2022-01-05")
    themap = _chart(page, "Most severe unrest")
    before = themap.evaluate(SHOWN_JS)
    _region(page, "Kyzylorda Region").press("Enter")
    wait_for_app(page, after_input=True)
    shown = themap.evaluate(SHOWN_JS)
    # The caption under the map (its text alternative and notes) follows the choice.
    # The grid's section heading is a heading for screen readers, drawn by its element.
    expect(_main(page).get_by_role("heading", name="Region × day", level=3)).to_be_visible()
    caption = themap.locator("xpath=following-sibling::div[@class='qf-caption']")
    expect(caption).to_contain_text("Map: unrest named in 1 region")
    expect(caption).to_contain_text("drawn faint, as context")
    # The units outside the choice are faded, and the towns outside it hidden.
    changed = [b[:3] != s[:3] for b, s in zip(before["traces"], shown["traces"], strict=True)]
    assert sum(changed) >= 16
    _shown_as_drawn_anew(themap)


def test_what_is_not_on_the_map_unfolds_by_keyboard_and_stays_open_as_the_days_change(
    page: Page, open_app, wait_for_app
):
    open_app(page, "spread?dates=2022-01-05&dates=2022-01-05")
    folded = _main(page).locator('details[data-fold="unplaced"]')
    summary = folded.locator("summary")
    expect(summary).to_have_text("Not on the map — happenings of these dates: 7")
    expect(folded.locator("li").first).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(folded.locator("li")).to_have_count(7)
    expect(folded.locator("li").first).to_be_visible()
    # A day later: its own list, still unfolded.
    _main(page).get_by_role("button", name="day ▶").click()
    wait_for_app(page, after_input=True)
    expect(summary).not_to_have_text("Not on the map — happenings of these dates: 7")
    expect(folded.locator("li").first).to_contain_text("6 Jan 2022")
    expect(folded.locator("li").first).to_be_visible()


def test_a_shared_link_reopens_the_same_dates_regions_and_rows(page: Page, open_app):
    open_app(page, "chronology?dates=2022-01-05&dates=2022-01-06&regions=Almaty")

    start, end = _date_thumbs(page)
    expect(start).to_have_attribute("aria-valuetext", "5 Jan")
    expect(end).to_have_attribute("aria-valuetext", "6 Jan")
    expect(_chosen_regions(page)).to_have_text(["Almaty"])

    # The chronology is text: a heading per day, then a list item per happening.
    listing = page.locator('[data-testid="stMain"] .qf-day')
    expect(listing.locator("h3").first).to_be_visible()
    shown_days = {day.strip() for day in listing.locator("h3").all_inner_texts()}
    listed = listing.locator("li").count()
    # Each happening's quote is the statement's English, marked so (the HTML survives the
    # page's sanitiser with its lang attribute).
    expect(listing.locator('blockquote[lang="en"]')).to_have_count(listed)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these rows (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))

    assert rows, "the link should select some happenings"
    assert len(rows) == listed
    assert shown_days and shown_days <= {"5 January 2022", "6 January 2022"}
    assert {row["Date"] for row in rows} <= {"2022-01-05", "2022-01-06"}
    assert {row["Unit"] for row in rows} <= {"Almaty", "Nationwide"}
    # Must NOT happen: the link losing its state once the app has read it.
    assert _query(page) == {"dates": ["2022-01-05", "2022-01-06"], "regions": ["Almaty"]}


def test_a_broken_link_shows_notices_and_falls_back_to_all_dates_and_regions(page: Page, open_app):
    open_app(page, "participants?dates=garbage&regions=Atlantis&foo=1")

    notices = _notices(page)
    assert any("'dates'" in n and "showing all dates instead" in n for n in notices), notices
    assert any("'Atlantis'" in n for n in notices), notices
    assert any("'foo'" in n for n in notices), notices
    start, end = _date_thumbs(page)
    expect(start).to_have_attribute("aria-valuetext", "1 Jan")
    expect(end).to_have_attribute("aria-valuetext", "8 Jan")
    expect(_chosen_regions(page)).to_have_count(0)
    expect(_chart(page, "Participants reported per day").locator(".xtick text")).to_have_text(
        ALL_DAYS
    )
    # Must NOT happen: a bad link crashing the page instead of being explained.
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_no_request_leaves_the_machine(page: Page, open_app, external_requests):
    # The favicon too: an emoji or ":material/…:" page icon is fetched from a CDN.
    open_app(page)
    open_app(page, "participants")

    assert external_requests == []


@pytest.mark.parametrize("path", ["", "participants"], ids=["overview", "participants"])
def test_a_phone_can_read_the_page_without_scrolling_sideways(phone_page: Page, open_app, path):
    open_app(phone_page, path)

    expect(_main(phone_page).locator("h1, h2").first).to_be_visible()
    overflow = phone_page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"/{path} is {overflow} px wider than a 390 px phone screen"
    expect(phone_page.locator('[data-testid="stException"]')).to_have_count(0)
