import datetime as dt

from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import property_looting


def test_breakdowns_are_national_and_keep_the_derived_rest(dataset, bars):
    view = property_looting.build(dataset, Filters(), EN)
    assert bars(view.buildings)[0] == 1466
    assert bars(view.vehicles) == [700, 500, 116]
    assert [c.value for c in view.cards][-1] == "over 87 billion"


def test_figures_stated_for_a_day_follow_the_filters(dataset, bars):
    every = property_looting.build(dataset, Filters(), EN).days_quotes
    first = dt.date(2022, 1, 1)
    none = property_looting.build(dataset, Filters(first, first), EN).days_quotes
    assert every is not None and len(every.table) == 9
    assert none is None
