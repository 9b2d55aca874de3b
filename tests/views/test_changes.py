import datetime as dt

import pandas as pd
import pytest

from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import changes, overview

CITED = "gpo-2022-03-14-example"


@pytest.fixture(scope="module")
def with_a_later_toll(dataset):
    """The real data plus one cited release of the death toll (made up, for the test only)."""
    source = {
        **{c: None for c in dataset.sources.columns},
        "source_id": CITED,
        "kind": "cited",
        "organisation_short": "General Prosecutor's Office",
        "genitive": "the General Prosecutor's Office",
        "speaker": "A. Speaker",
        "post": "Prosecutor General",
        "published": pd.Timestamp("2022-03-14"),
        "reports": [
            {
                "kind": "news_report",
                "publisher": "Example News",
                "title": "Toll revised",
                "url": "https://example.org/toll",
                "published": dt.date(2022, 3, 14),
                "accessed": dt.date(2026, 12, 4),
            }
        ],
    }
    deaths = dataset.figures.set_index("figure_id").loc["deaths"]
    later = {
        **deaths.to_dict(),
        "figure_id": "deaths-0314",
        "source_id": CITED,
        "value": 230,
        "as_written": "230 people",
        "quote": None,
        "date": pd.Timestamp("2022-03-14"),
        "period_start": pd.NaT,
        "period_end": pd.NaT,
    }
    sources = pd.concat([dataset.sources, pd.DataFrame([source])], ignore_index=True)
    figures = pd.concat([dataset.figures, pd.DataFrame([later])], ignore_index=True)
    return type(dataset)(**{**vars(dataset), "sources": sources, "figures": figures})


def test_a_count_published_twice_is_a_step_line_of_its_releases(with_a_later_toll):
    view = changes.build(with_a_later_toll, Filters(), EN)
    assert list(view.series) == ["deaths_total"]
    fig = view.charts["deaths_total"]
    line, held, cited = fig.data
    assert line.line.shape == "hv" and list(line.y) == [225, 230]
    assert list(held.y) == [225] and list(cited.y) == [230]
    assert held.marker.symbol != cited.marker.symbol
    assert held.name == EN("changes.held") and cited.name == EN("changes.cited")


def test_each_release_has_its_quote_or_its_citation(with_a_later_toll):
    table = changes.build(with_a_later_toll, Filters(), EN).quotes["deaths_total"].table
    evidence = table[EN("column.quote_or_citation")].tolist()
    assert "225" in evidence[0]  # the statement's own sentence
    assert "Example News" in evidence[1] and "https://example.org/toll" in table.iloc[1].tolist()


def test_first_and_latest_figure_of_every_count(with_a_later_toll):
    latest = changes.build(with_a_later_toll, Filters(), EN).latest
    row = latest.iloc[0].tolist()
    assert row[1].startswith("225 (General Prosecutor's Office, 15 Jan 2022")
    assert row[2].startswith("230 (General Prosecutor's Office, 14 Mar 2022")


def test_the_overview_card_keeps_january_and_adds_the_latest_official_figure(with_a_later_toll):
    deaths = overview.build(with_a_later_toll, Filters(), EN).cards[0]
    assert deaths.value == "225"
    assert deaths.latest == EN(
        "overview.latest", value="230", source="General Prosecutor's Office, 14 Mar 2022"
    )


def test_a_count_published_once_has_no_chart(dataset):
    view = changes.build(dataset, Filters(), EN)
    assert all(view.latest[EN("column.releases")] >= 1)
    assert set(view.charts) == set(view.series)


def test_casualties_set_the_later_toll_beside_january_and_nothing_of_another_scope(
    with_a_later_toll,
):
    from dashboard.views import cases, casualties

    later = casualties.build(with_a_later_toll, Filters(), EN).later
    assert later[EN("column.series")].tolist() == ["Deaths"]
    assert later.iloc[0, 2].startswith("230")
    assert cases.build(with_a_later_toll, Filters(), EN).later_totals.empty
