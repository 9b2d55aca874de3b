"""The dashboard in each language, in a real browser: words, numbers and dates follow the link."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from dashboard.i18n import LANGUAGES, Translator, catalogue

pytestmark = pytest.mark.browser

KEY_SHAPED = re.compile(r"\b[a-z_]+\.[a-z_]+(\.[a-z_0-9]+)*\b")


def _plain(text: str) -> str:
    """CLDR puts no-break spaces in numbers and dates; compare them as ordinary spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_link_in_each_language_shows_its_words_numbers_and_dates(page: Page, open_app, lang):
    tr = Translator(lang)
    open_app(page, f"participants?lang={lang}")

    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h2", has_text=tr("participants.header"))).to_be_visible()
    chart = page.locator(".qf-chart").first
    svg_text = _plain(chart.locator(".main-svg").first.text_content())
    assert _plain(tr.day_month(dt.date(2022, 1, 4))) in svg_text
    stated = tr.value_label(36831, "exact", "almost 37,000 people (36,831)", "people")
    assert _plain(stated) in svg_text
    shown_keys = {m.group(0) for m in KEY_SHAPED.finditer(main.inner_text())}
    assert shown_keys & set(catalogue("en")) == set()


def test_switching_language_keeps_the_view_and_puts_the_language_in_the_link(
    page: Page, open_app, wait_for_app
):
    open_app(page, "participants")

    page.locator('[data-testid="stSidebar"] button', has_text=re.compile("^ru$")).click()
    wait_for_app(page, after_input=True)

    assert urlsplit(page.url).path.rstrip("/").endswith("participants")
    assert parse_qs(urlsplit(page.url).query).get("lang") == ["ru"]
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text(
        Translator("ru")("participants.header")
    )
