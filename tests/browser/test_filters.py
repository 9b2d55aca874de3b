"""The filters in a real browser: drawn beside what they change, kept from view to view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _end_thumb(page: Page):
    slider = page.locator('[data-testid="stMain"] [data-testid="stSlider"]')
    return slider.get_by_role("slider", name="Dates (January 2022) — end")


def test_filters_set_on_one_view_carry_through_a_view_of_totals_to_the_next(
    page: Page, open_app, wait_for_app
):
    open_app(page, "participants")
    end = _end_thumb(page)
    end.focus()
    page.keyboard.press("ArrowLeft")
    wait_for_app(page, after_input=True)
    expect(end).to_have_attribute("aria-valuetext", "7 Jan")
    assert parse_qs(urlsplit(page.url).query)["dates"] == ["2022-01-01", "2022-01-07"]

    # A view of national totals draws no filters: there is nothing on it they change.
    page.locator('[data-testid="stSidebarNav"] a[href$="/cases"]').click()
    wait_for_app(page, after_input=True)
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text(
        "Criminal cases and detentions"
    )
    expect(page.locator('[data-testid="stSlider"]')).to_have_count(0)
    page.locator('[data-testid="stSidebarNav"] a[href$="/weapons"]').click()
    wait_for_app(page, after_input=True)

    page.locator('[data-testid="stSidebarNav"] a[href$="/chronology"]').click()
    wait_for_app(page, after_input=True)
    expect(_end_thumb(page)).to_have_attribute("aria-valuetext", "7 Jan")
    expect(page.locator('[data-testid="stMain"] h3').first).to_have_text("1 January 2022")
    # Its link (Streamlit may now write the days in the slider's own form) opens the same.
    page.goto(page.url)
    wait_for_app(page)
    expect(_end_thumb(page)).to_have_attribute("aria-valuetext", "7 Jan")


def test_a_filter_change_reruns_the_views_fragment_not_the_page(page: Page, open_app, wait_for_app):
    open_app(page, "participants")
    # Tag the heading and the sidebar's download button: a run of the whole page sends them
    # again and Streamlit marks them while it runs; a run of the fragment leaves them be.
    runs = page.evaluate(
        """() => {
          window.__staleSeen = 0;
          const watched = [...document.querySelectorAll(
            '[data-testid="stSidebar"] [data-testid="stDownloadButton"], [data-testid="stMain"] h2')];
          new MutationObserver(() => {
            if (watched.some((el) => el.closest('[data-stale="true"]'))) window.__staleSeen += 1;
          }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-stale']});
          return watched.length;
        }"""
    )
    assert runs == 2
    _end_thumb(page).focus()
    page.keyboard.press("ArrowLeft")
    wait_for_app(page, after_input=True)
    assert page.evaluate("() => window.__staleSeen") == 0
