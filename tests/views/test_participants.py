import datetime as dt

import pandas as pd

from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.plotly_element import figure_json
from dashboard.views import participants

JAN = {d: dt.date(2022, 1, d) for d in range(1, 9)}


def ys(fig) -> list[float]:
    return sorted(y for trace in fig.data for y in trace.y)


def test_every_stated_count_is_a_marker_and_days_without_one_are_gaps(dataset):
    view = participants.build(dataset, Filters(), EN)
    assert ys(view.participants_chart) == [700, 5000, 20000, 36831, 50000]
    assert all("lines" not in trace.mode for trace in view.participants_chart.data)
    assert len(view.gaps) == 5 and all(view.gaps["note"])


def test_the_date_filter_leaves_only_that_days_counts_and_no_gap(dataset):
    view = participants.build(dataset, Filters(JAN[4], JAN[4]), EN)
    assert sorted(view.points["value"]) == [5000, 36831]
    assert view.gaps.empty


def test_the_charts_keep_the_whole_period_and_veil_the_days_outside_the_filter(dataset):
    """A slider press changes the charts' shapes alone (dashboard.plotly_element)."""
    everything = participants.build(dataset, Filters(), EN)
    one_day = participants.build(dataset, Filters(JAN[4], JAN[4]), EN)
    for chart in ("participants_chart", "regions_chart"):
        whole, veiled = getattr(everything, chart), getattr(one_day, chart)
        assert veiled.layout.shapes and not whole.layout.shapes
        assert figure_json(veiled).figure == figure_json(whole).figure
    (before, after) = [(s.x0, s.x1) for s in one_day.participants_chart.layout.shapes]
    assert before == (pd.Timestamp("2021-12-31 12:00"), pd.Timestamp("2022-01-03 12:00"))
    assert after == (pd.Timestamp("2022-01-04 12:00"), pd.Timestamp("2022-01-08 12:00"))


def test_a_region_filter_fades_the_other_regions_and_keeps_nationwide_counts(dataset):
    view = participants.build(dataset, Filters(region_ids=("mangystau",)), EN)
    opacity = {t.name: t.opacity for t in view.participants_chart.data}
    assert opacity == {
        "Mangystau Region": 1,
        "Nationwide": 1,
        "Almaty, near the Almaty Arena stadium": 0.25,
        "Almaty, looting and armed attacks": 0.25,
    }
    assert sorted(view.points["value"]) == [700, 36831, 50000]  # what the text speaks of
    # Every count stays where it is: a region change is a change of style alone.
    everything = participants.build(dataset, Filters(), EN).participants_chart
    assert figure_json(view.participants_chart).figure == figure_json(everything).figure
    assert figure_json(view.participants_chart).style != figure_json(everything).style
    # The "no count" notes are the days with no count anywhere: plotly.js would draw the
    # chart anew to move them.
    assert figure_json(view.participants_chart).parts == figure_json(everything).parts


def test_regions_reached_shows_counted_and_named_side_by_side(dataset):
    view = participants.build(dataset, Filters(), EN)
    counted, named = view.regions_chart.data
    assert list(counted.y)[2:5] == [7, 11, 11]
    assert counted.y[0] is None  # not counted is a gap, not 0
    assert list(named.y)[:6] == [1, 1, 7, 6, 7, 1]
    assert view.reported_quotes.table.shape[0] == 3
