"""Whatever a link carries, the page renders a valid state and says what it ignored.

Property-based: hypothesis generates arbitrary, huge, repeated, unicode and malformed values
for every query parameter the page reads (and for unknown ones), and each example is opened
through AppTest on the page that reads the most of them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

from dashboard.data import load_dataset
from dashboard.tables import FIRST_DAY, LAST_DAY
from dashboard.urlstate import url_notices

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
REGIONS = load_dataset().regions
REGION_IDS = set(REGIONS["region_id"])
REGION_NAMES = list(REGIONS["name_en"])

# Anything a person, a mangled copy-paste or a hostile crawler might put in a value.
hostile_text = hs.one_of(
    hs.text(max_size=40),
    hs.text(alphabet=hs.characters(codec="utf-8"), min_size=1000, max_size=5000),
    hs.sampled_from(
        [
            "",
            " ",
            "2022-01-03",
            "2022-13-45",
            "20220103",
            "1641168000000000",
            "-1e308",
            "nan",
            "inf",
            "9" * 400,
            "<script>alert(1)</script>",
            "'; DROP TABLE figures; --",
            "../../etc/passwd",
            "%00",
            "\u202e\u0000\ufeff",
            "Алматы",
            "Almaty",
            "Almaty Region",
            "almaty-city",
            "🇰🇿",
        ]
    ),
    hs.dates().map(dt.date.isoformat),
)
values = hs.lists(hostile_text, min_size=1, max_size=5)
params = hs.dictionaries(
    hs.one_of(hs.sampled_from(["dates", "regions", "q"]), hs.text(min_size=1, max_size=30)),
    values,
    max_size=4,
)


def open_with(query: dict[str, list[str]]) -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for key, vals in query.items():
        at.query_params[key] = vals
    at.switch_page("dashboard/pages/chronology.py")
    return at.run()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(query=params)
def test_any_link_renders_a_valid_state_and_names_what_it_ignored(query):
    at = open_with(query)
    assert not at.exception
    start, end = at.slider(key="dates").value
    assert FIRST_DAY <= start <= LAST_DAY and FIRST_DAY <= end <= LAST_DAY
    assert set(at.pills(key="regions").value) <= REGION_IDS
    assert at.header[0].value.startswith("Chronology")
    expected = url_notices(query, region_labels=REGION_NAMES, first=FIRST_DAY, last=LAST_DAY)
    shown = [w.value for w in at.warning]
    for notice in expected:
        assert notice in shown


@pytest.mark.parametrize(
    "query",
    [
        {"dates": ["2022-01-03", "2022-01-05"] * 50},
        {"regions": ["Almaty"] * 500},
        {"q": ["x" * 100_000]},
        {"x" * 5000: ["1"]},
    ],
    ids=["many-dates", "repeated-region", "huge-search", "huge-key"],
)
def test_huge_and_repeated_values_fall_back_without_an_exception(query):
    at = open_with(query)
    assert not at.exception
    assert at.header[0].value.startswith("Chronology")
