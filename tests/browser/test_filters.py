"""The filters in a real browser: views of national totals are not rebuilt when they move."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _end_thumb(page: Page):
    slider = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
    return slider.get_by_role("slider", name="Dates (January 2022) — end")


def test_moving_the_slider_on_a_totals_view_keeps_its_charts_and_carries_to_the_next_view(
    page: Page, open_app, wait_for_app
):
    open_app(page, "cases")
    # Tag the drawn charts' layouts: a redraw (a new chart, or Plotly.react) replaces them.
    page.evaluate(
        "() => document.querySelectorAll('.js-plotly-plot')"
        ".forEach(c => { c._fullLayout.__qantarKept = true; })"
    )
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("do not change them")).to_be_visible()

    end = _end_thumb(page)
    end.focus()
    page.keyboard.press("ArrowLeft")
    wait_for_app(page, after_input=True)

    expect(end).to_have_attribute("aria-valuetext", "7 Jan")
    assert parse_qs(urlsplit(page.url).query)["dates"] == ["2022-01-01", "2022-01-07"]
    kept = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".map(c => c._fullLayout.__qantarKept === true)"
    )
    assert kept == [True, True, True]

    page.locator('[data-testid="stSidebarNav"] a[href$="/chronology"]').click()
    wait_for_app(page, after_input=True)
    expect(_end_thumb(page)).to_have_attribute("aria-valuetext", "7 Jan")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text(
        "Chronology, 1–8 January 2022"
    )
