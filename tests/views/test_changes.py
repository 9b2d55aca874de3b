from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.tables import series_points
from dashboard.views import cases, casualties, changes, overview

GPO_0115 = "General Prosecutor's Office, 15 Jan 2022"
GPO_0816 = "General Prosecutor's Office, 16 Aug 2022"


def test_the_death_toll_is_a_step_line_of_its_releases_in_order(dataset):
    fig = changes.build(dataset, Filters(), EN).charts["deaths_total"]
    line, held, cited = fig.data
    assert line.line.shape == "hv" and list(line.y) == [225, 230, 238]
    assert list(held.y) == [225] and list(cited.y) == [230, 238]
    assert held.marker.symbol != cited.marker.symbol
    assert held.name == EN("changes.held") and cited.name == EN("changes.cited")


def test_every_chart_draws_one_series_only_so_no_line_joins_two_scopes(dataset):
    view = changes.build(dataset, Filters(), EN)
    points = series_points(dataset.figures, dataset.sources, EN)
    for key, fig in view.charts.items():
        releases = points[points["series"] == key]
        assert len(releases) >= 2
        assert (
            releases["figure_id"].map(dataset.figures.set_index("figure_id")["metric"]).nunique()
            == 1
        )
        assert len(fig.data[0].y) == len(releases)


def test_each_release_has_its_quote_or_its_citation(dataset):
    table = changes.build(dataset, Filters(), EN).quotes["deaths_total"].table
    evidence = table[EN("column.quote_or_citation")].tolist()
    links = table[EN("column.links")].tolist()
    assert "225" in evidence[0] and "ortcom.kz" in links[0]  # the statement's own sentence
    assert "Interfax" in evidence[1] and "interfax.com" in links[1]
    assert "RFE/RL" in evidence[2] and "rferl.org" in links[2]
    assert table[EN("column.kind")].tolist() == [
        EN("changes.kind.statement"),
        EN("changes.kind.cited"),
        EN("changes.kind.cited"),
    ]


def test_first_and_latest_figure_of_every_count(dataset):
    latest = changes.build(dataset, Filters(), EN).latest.set_index(EN("column.series"))
    deaths = latest.loc["Deaths"]
    assert deaths[EN("column.first")] == f"225 ({GPO_0115})"
    assert deaths[EN("column.latest")] == f"238 ({GPO_0816})"
    assert deaths[EN("column.releases")] == 3


def test_the_overview_card_keeps_january_and_adds_the_latest_official_figure(dataset):
    deaths = overview.build(dataset, Filters(), EN).cards[0]
    assert deaths.value == "225"
    assert deaths.latest == EN("overview.latest", value="238", source=GPO_0816)


def test_a_card_with_no_later_release_says_nothing_more(dataset):
    cards = {c.title: c for c in overview.build(dataset, Filters(), EN).cards}
    assert cards["Damage reported (tenge)"].latest == ""


def test_casualties_and_cases_set_later_totals_beside_january_each_of_its_own_scope(dataset):
    later = casualties.build(dataset, Filters(), EN).later
    assert "Deaths" in set(later[EN("column.series")])
    series = dataset.vocabularies["series"]
    labels = {v["label"]: v["metric"] for v in series.values()}
    assert {labels[s] for s in later[EN("column.series")]} <= casualties.LATER_METRICS
    in_cases = cases.build(dataset, Filters(), EN).later_totals[EN("column.series")]
    assert len(in_cases) >= 1 and {labels[s] for s in in_cases} <= cases.LATER_METRICS
