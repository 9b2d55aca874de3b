"""The whole app under AppTest: every view renders, the filters and links drive it.

Each scenario also checks what must NOT happen: no exception element, no chart drawn from
data that failed validation.
"""

import gc
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from drawn_charts import chart_captions, chart_specs, unveiled, veils
from streamlit.testing.v1 import AppTest

import dashboard.data
from dashboard import cards_element, context, days_element

REPO = Path(__file__).resolve().parent.parent
GPO = "General Prosecutor's Office, 15 Jan 2022"
MIA = "Ministry of Internal Affairs, 25 Jan 2022"

PAGES = {
    "overview": "Official figures on the January 2022 events in Kazakhstan",
    "participants": "Participants over time",
    "casualties": "Casualties",
    "property": "Property and looting",
    "weapons": "Weapons",
    "cases": "Criminal cases and detentions",
    "chronology": "Chronology, 1–8 January 2022",
    "changes": "How the official figures changed after January 2022",
    "sources": "Sources and method",
}
CHARTS = {"participants": 2, "casualties": 1, "property": 2, "weapons": 1, "cases": 3, "changes": 1}


@pytest.fixture(autouse=True)
def fresh_cache():
    # The localised dataset is a shared resource, not cached data: a test that swaps the
    # data folder must not see the real data's, nor leave its own behind.
    st.cache_data.clear()
    context.localised_dataset.clear()
    yield
    st.cache_data.clear()
    context.localised_dataset.clear()


def app(**query) -> AppTest:
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def open_page(name: str, at: AppTest | None = None) -> AppTest:
    """Open a view as a link to it would: straight to the page, with the link's query."""
    at = app() if at is None else at
    if name != "overview":
        at.switch_page(f"dashboard/pages/{name}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def specs(at: AppTest) -> list[dict]:
    return chart_specs(at)


def headings(at: AppTest) -> list[str]:
    return [h.value for h in [*at.title, *at.header]]


def participant_ys(at: AppTest) -> list[float]:
    """The counts the filters keep: on the days not veiled, in series not faded (the chart
    veils the other days and fades the regions not chosen)."""
    spec = specs(at)[0]
    return sorted(
        y
        for trace in spec["data"]
        if trace.get("opacity", 1) == 1
        for x, y in zip(trace["x"], trace["y"], strict=True)
        if unveiled(spec, x)
    )


# --- every page ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_with_its_header_and_no_exception(name):
    at = open_page(name)
    assert PAGES[name] in headings(at)
    assert len(specs(at)) == CHARTS.get(name, 0)


@pytest.mark.parametrize("name", [n for n in PAGES if n in CHARTS])
def test_every_chart_has_a_title_and_names_its_source(name):
    for spec in specs(open_page(name)):
        title = spec["layout"]["title"]
        assert title["text"]
        subtitle = title["subtitle"]["text"].replace("<br>", " ")  # lines broken for a phone
        assert "Source:" in subtitle
        # A chart of several announcements names each body with the days it spoke.
        assert GPO in subtitle or MIA in subtitle or "Office (15 Jan 2022; " in subtitle
        # Only trace types of the plotly.js bundle the page loads (plotly_element: basic).
        assert {trace.get("type", "scatter") for trace in spec["data"]} <= {"scatter", "bar"}


def test_the_heap_is_frozen_after_the_first_run():
    # Full collections then skip what the process keeps anyway (dashboard.app.freeze_heap_once).
    open_page("overview")
    assert gc.get_freeze_count() > 0


# --- participants -------------------------------------------------------------------------


def test_participants_chart_shows_the_curated_counts_and_its_source():
    at = open_page("participants")
    first = specs(at)[0]
    assert participant_ys(at) == [700, 5000, 20000, 36831, 50000]
    assert all("lines" not in trace["mode"] for trace in first["data"])
    assert GPO in first["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    notes = [a["text"] for a in first["layout"]["annotations"]]
    assert notes == ["no count"] * 5
    # Under it, each day without a count, with what the statement says instead.
    caption = chart_captions(at)[0].split("\n")
    listed = caption[caption.index("Days without a count — what the statement says instead:") + 2 :]
    assert [line.split(":")[0] for line in listed] == [
        "1 Jan 2022",
        "3 Jan 2022",
        "6 Jan 2022",
        "7 Jan 2022",
        "8 Jan 2022",
    ]


def test_moving_the_date_slider_leaves_only_that_days_counts():
    at = open_page("participants")
    at.slider(key="dates").set_value((date(2022, 1, 4), date(2022, 1, 4))).run()
    assert not at.exception
    assert participant_ys(at) == [5000, 36831]
    spec = specs(at)[0]
    # The whole period stays drawn, with the other days veiled and their gaps under the veil.
    assert len(veils(spec)) == 2
    assert not [a for a in spec["layout"]["annotations"] if unveiled(spec, a["x"])]


def test_dates_in_the_link_seed_the_slider_and_the_chart():
    at = open_page("participants", app(dates=["2022-01-03", "2022-01-05"]))
    assert at.slider(key="dates").value == (date(2022, 1, 3), date(2022, 1, 5))
    assert participant_ys(at) == [5000, 20000, 36831, 50000]
    assert not at.warning


def test_choosing_a_region_keeps_nationwide_counts_and_says_so():
    at = open_page("participants")
    at.pills(key="regions").set_value(["mangystau"]).run()
    assert not at.exception
    assert participant_ys(at) == [700, 36831, 50000]
    assert len(specs(at)[0]["data"]) == 4  # Almaty's two series stay, faded
    caption = chart_captions(at)[0]
    assert "not chosen are drawn faded" in caption and "Nationwide counts are shown" in caption


# --- chronology ---------------------------------------------------------------------------


def listed_happenings(at: AppTest) -> list[tuple[str, str]]:
    """(unit, whole item text) of each happening the chronology lists, in page order."""
    (element,) = [
        el for el in at.get("bidi_component") if el.proto.component_name == days_element.COMPONENT
    ]
    return [
        (h["unit"], f"{h['unit']} · {h['kinds']}: {h['description']} {h['quote']}")
        for day in json.loads(element.proto.json)["days"]
        for h in day["happenings"]
    ]


def test_choosing_a_region_leaves_its_rows_and_nationwide_measures():
    at = open_page("chronology")
    every = listed_happenings(at)
    assert len(every) == len(dashboard.data.load_dataset().events)
    at.pills(key="regions").set_value(["almaty-city"]).run()
    assert not at.exception
    units = [unit for unit, _ in listed_happenings(at)]
    assert set(units) == {"Almaty", "Nationwide"}
    assert len(units) == sum(unit in ("Almaty", "Nationwide") for unit, _ in every)
    assert "Several, not named" in {unit for unit, _ in every}


def test_chronology_search_leaves_exactly_the_matching_happenings():
    at = open_page("chronology")
    every = listed_happenings(at)
    at.text_input(key="q").set_value("airport").run()
    assert not at.exception
    found = listed_happenings(at)
    # Each item holds every column but the date (its day heading), so the search's matches
    # are the items that mention the word.
    matching = [item for item in every if "airport" in item[1].lower()]
    assert len(matching) >= 1
    assert found == matching


def test_chronology_search_without_a_match_says_so():
    at = open_page("chronology")
    at.text_input(key="q").set_value("no such word anywhere").run()
    assert not at.exception
    assert listed_happenings(at) == []
    assert any("No happening matches" in i.value for i in at.info)


# --- links --------------------------------------------------------------------------------


def test_a_bad_link_names_each_ignored_value_and_falls_back_to_defaults():
    at = open_page("participants", app(dates="garbage", regions="Atlantis", foo="1"))
    notices = " ".join(w.value for w in at.warning)
    assert "'dates'" in notices
    assert "'Atlantis'" in notices
    assert "'foo'" in notices
    assert at.slider(key="dates").value == (date(2022, 1, 1), date(2022, 1, 8))
    assert at.pills(key="regions").value == []
    assert participant_ys(at) == [700, 5000, 20000, 36831, 50000]


def test_a_region_named_in_the_link_is_chosen_without_notice():
    at = open_page("chronology", app(regions="Almaty"))
    assert at.pills(key="regions").value == ["almaty-city"]
    assert not at.warning


def test_a_link_with_dates_in_reverse_is_read_the_other_way_round_with_a_notice():
    at = app(dates=["2022-01-05", "2022-01-03"])
    at.switch_page("dashboard/pages/participants.py")
    at.run()
    assert not at.exception
    assert any("starts after it ends" in w.value for w in at.warning)
    assert participant_ys(at) == [5000, 20000, 36831, 50000]


@pytest.mark.parametrize(
    "dates", [["20220103", "20220105"], [" 2022-01-03", "2022-01-05"]], ids=["basic", "space"]
)
def test_dates_the_slider_ignores_always_get_a_notice(dates):
    at = open_page("chronology", app(dates=dates))
    used = at.slider(key="dates").value == (date(2022, 1, 3), date(2022, 1, 5))
    told = any("'dates'" in w.value for w in at.warning)
    assert used or told


# --- overview -----------------------------------------------------------------------------


def drawn_cards(at: AppTest) -> dict[str, dict]:
    """The headline cards on the page, by title: {title, value, caption, latest, quote}."""
    return {
        card["title"]: card
        for el in at.get("bidi_component")
        if el.proto.component_name == cards_element.COMPONENT
        for card in json.loads(el.proto.json)["cards"]
    }


def test_headline_cards_keep_the_qualifier_and_hold_the_quote():
    at = open_page("overview")
    cards = drawn_cards(at)
    damage = cards["Damage reported (tenge)"]
    assert damage["value"] == "over 87 billion"
    assert "exceeded 87 billion tenge" in damage["quote"]
    assert damage["quote"].startswith("At this point")
    assert cards["Deaths"]["value"] == "225"
    assert "225 deaths were confirmed" in cards["Deaths"]["quote"]
    assert cards["Deaths"]["latest"].startswith("Latest official figure: 238")
    assert len(cards) == 8


def test_views_of_national_totals_draw_no_filters_and_keep_them_for_the_next_view():
    at = open_page("participants")
    at.slider(key="dates").set_value((date(2022, 1, 4), date(2022, 1, 5))).run()
    at.pills(key="regions").set_value(["almaty-city"]).run()
    at.switch_page("dashboard/pages/overview.py").run()
    assert not at.slider and not at.pills
    assert drawn_cards(at)["Deaths"]["value"] == "225"
    at.switch_page("dashboard/pages/chronology.py").run()
    assert at.slider(key="dates").value == (date(2022, 1, 4), date(2022, 1, 5))
    assert at.pills(key="regions").value == ["almaty-city"]


# --- broken data --------------------------------------------------------------------------


def test_broken_data_shows_a_readable_error_and_no_charts(tmp_path, monkeypatch):
    broken = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    figures = broken / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    assert "  value: 36831\n" in text
    figures.write_text(text.replace("  value: 36831\n", "  value: 36832\n"), encoding="utf-8")
    monkeypatch.setattr(dashboard.data, "DATA_DIR", broken)

    at = app()
    at.run()
    assert not at.exception
    assert at.error
    assert "did not pass validation" in at.error[0].value
    problems = " ".join(c.value for c in at.code)
    assert "figures.yaml" in problems
    assert "participants-0104" in problems
    assert len(specs(at)) == 0
    assert not drawn_cards(at)
