from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import cases


def test_cases_at_15_january_with_the_derived_rest_last(dataset, bars):
    view = cases.build(dataset, Filters(), EN)
    assert bars(view.cases_0115) == [546, 44, 34, 15, 453]


def test_cases_at_25_january_by_offence_largest_first(dataset, bars):
    values = bars(cases.build(dataset, Filters(), EN).cases_0125)
    assert values[0] == 1356 and values == sorted(values, reverse=True)


def test_the_theft_share_keeps_its_qualifier_and_says_no_total_is_given(dataset, bars):
    assert "about 70%" in cases.build(dataset, Filters(), EN).share


def test_detentions_and_later_figures(dataset, bars):
    view = cases.build(dataset, Filters(), EN)
    assert bars(view.detained) == [672, 446, 226]
    assert len(view.later) == len(cases.LATER_DETENTIONS)
