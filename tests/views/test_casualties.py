from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import casualties


def test_law_enforcement_as_stated_and_the_others_derived(dataset, bars):
    view = casualties.build(dataset, Filters(), EN)
    assert bars(view.chart) == [3393, 960, 19, 206]
    derived = [t for t in view.chart.data if "derived" in t.name]
    assert derived and all(t.marker.pattern.shape for t in derived)


def test_the_summary_states_the_totals_and_the_quotes_cover_every_bar(dataset, bars):
    view = casualties.build(dataset, Filters(), EN)
    for number in ("4,578", "4,353", "225"):
        assert number in view.summary
    assert len(view.quotes.table) == 11
