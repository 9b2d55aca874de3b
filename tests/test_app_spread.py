"""The "Regional spread" page in Streamlit's AppTest: the map follows the sidebar filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import streamlit as st
from drawn_charts import (
    chart_caption_data,
    chart_captions,
    chart_headings,
    chart_specs,
    unveiled_rows,
)
from streamlit.testing.v1 import AppTest

from dashboard.i18n import EN

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
PAGE = "dashboard/pages/spread.py"
TIMEOUT = 60


@pytest.fixture
def at() -> AppTest:
    st.cache_data.clear()
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.run()
    app.switch_page(PAGE)
    app.run()
    assert not app.exception
    return app


def specs(app: AppTest) -> list[dict]:
    return chart_specs(app)


def coloured(app: AppTest) -> dict[str, list[str]]:
    """Legend name -> units filled in its colour, for the severity levels (not "not named",
    not the units outside the region filter)."""
    data = specs(app)[0]["data"]
    skip = {"Not named in the statements"}
    keys = {
        t["marker"]["color"]: t["name"] for t in data if t["x"] == [None] and t["name"] not in skip
    }
    levels: dict[str, list[str]] = {name: [] for name in keys.values()}  # in legend order
    for t in data:
        if t.get("fill") == "toself" and t["fillcolor"] in keys and t.get("opacity", 1) == 1:
            levels[keys[t["fillcolor"]]].append(t["uid"])
    return {name: units for name, units in levels.items() if units}


def test_full_range_colours_almaty_at_the_highest_level_and_mangystau(at):
    units = [t for t in specs(at)[0]["data"] if t.get("fill") == "toself"]
    assert len(units) == 17, "the map draws each of the 17 units"
    levels = coloured(at)
    highest = list(levels)[-1]
    assert highest.replace("<br>", " ") == EN("severity.5")  # wrapped for a phone
    assert "almaty-city" in levels[highest]
    assert "mangystau" in {u for us in levels.values() for u in us}
    grey = [t["uid"] for t in units if t["fillcolor"] == "#E8E8E8"]
    assert "akmola" in grey
    assert sum(map(len, levels.values())) + len(grey) == 17


def test_page_draws_the_map_as_outlines_on_plain_axes(at):
    fig = specs(at)[0]
    assert {t["type"] for t in fig["data"]} == {"scatter"}  # nothing for plotly.js to fetch
    assert not {"geo", "map", "mapbox"} & set(fig["layout"])
    assert fig["layout"]["yaxis"]["scaleanchor"] == "x"


def test_first_two_days_colour_only_mangystau(at):
    at.slider(key="dates").set_value((dt.date(2022, 1, 1), dt.date(2022, 1, 2))).run()
    assert not at.exception
    assert coloured(at) == {"Road blocking": ["mangystau"]}
    data = specs(at)[0]["data"]
    towns = {t["uid"]: t["opacity"] for t in data if t.get("mode") == "markers" and "uid" in t}
    assert [town for town, opacity in towns.items() if opacity == 1] == ["zhanaozen"]


def test_region_filter_colours_only_almaty(at):
    at.pills(key="regions").set_value(["almaty-city"]).run()
    assert not at.exception
    assert [units for units in coloured(at).values()] == [["almaty-city"]]
    map_caption, matrix_caption = chart_captions(at)
    assert chart_headings(at) == ["Region × day"]  # the grid's section, drawn by its element
    assert "drawn faint, as context" in map_caption
    # The grid keeps every unit in its place; all but Almaty are greyed out.
    matrix = specs(at)[1]
    assert len({y for t in matrix["data"] for y in t["y"]}) == 17
    assert unveiled_rows(matrix) == ["Almaty"]
    assert "rows of the regions not chosen are greyed out" in matrix_caption


def test_nationwide_measures_are_listed_under_the_map_folded(at):
    at.slider(key="dates").set_value((dt.date(2022, 1, 5), dt.date(2022, 1, 5))).run()
    (folded,) = [item for item in chart_caption_data(at)[0] if isinstance(item, dict)]
    assert folded["summary"] == "Not on the map — happenings of these dates: 7"
    # One line per happening: date, where, then what.
    assert len(folded["items"]) == 7
    assert all(item.startswith("5 Jan 2022 · ") for item in folded["items"])
    wheres = {item.split(" · ")[1] for item in folded["items"]}
    assert {"Nationwide", "Several regions, not named"} <= wheres
    assert any("State of emergency" in item for item in folded["items"])


def test_every_chart_has_its_quotes_and_sources(at):
    labels = [e.label for e in at.expander]
    # One expander for the map and the grid: the map's quotes hold every happening of both.
    assert [label for label in labels if label.startswith("Quotes")] == [
        "Quotes and sources: regional spread"
    ]


def test_day_buttons_step_through_single_days(at):
    at.button(key="spread-day-forward").click().run()
    assert at.slider(key="dates").value == (dt.date(2022, 1, 1), dt.date(2022, 1, 1))
    at.button(key="spread-day-forward").click().run()
    assert not at.exception
    assert at.slider(key="dates").value == (dt.date(2022, 1, 2), dt.date(2022, 1, 2))
    assert coloured(at) == {"Road blocking": ["mangystau"]}
    at.button(key="spread-day-back").click().run()
    assert at.slider(key="dates").value == (dt.date(2022, 1, 1), dt.date(2022, 1, 1))
    assert at.button(key="spread-day-back").disabled
