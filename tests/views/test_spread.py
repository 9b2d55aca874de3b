import datetime as dt

from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.plotly_element import figure_json
from dashboard.views import spread

JAN = {d: dt.date(2022, 1, d) for d in range(1, 9)}


def test_map_and_grid_name_whose_chronology_and_which_period(dataset):
    view = spread.build(dataset, Filters(), EN)
    for fig in (view.map, view.matrix):
        assert "General Prosecutor's Office" in fig.layout.title.text
        assert "1–8 Jan 2022" in fig.layout.title.text
    assert {t.type for t in view.map.data} == {"scatter"}


def test_happenings_no_unit_can_hold_are_listed_not_dropped(dataset):
    view = spread.build(dataset, Filters(), EN)
    assert len(view.unplaced_items) > 0
    assert len(view.map_quotes.table) == len(dataset.events)


def test_one_region_and_one_day_grey_out_the_others_on_the_grid(dataset):
    view = spread.build(dataset, Filters(JAN[5], JAN[5], ("almaty-city",)), EN)
    # Every day and every unit stay on the grid; the days but the 5th (x = 4) are veiled,
    # and the rows but Almaty's.
    assert list(view.matrix.layout.xaxis.categoryarray)[4] == "5 Jan"
    days = [(s.x0, s.x1) for s in view.matrix.layout.shapes if s.xref == "x"]
    assert days == [(-0.5, 3.5), (4.5, 7.5)]
    rows = list(view.matrix.layout.yaxis.categoryarray)
    assert len(rows) == 17
    spans = [(s.y0, s.y1) for s in view.matrix.layout.shapes if s.yref == "y"]
    veiled = {i for i in range(17) for y0, y1 in spans if y0 < i < y1}
    assert {rows[i] for i in set(range(17)) - veiled} == {"Almaty"}
    assert len(spans) <= 2  # the rows above Almaty's and below it, one veil each
    assert "5 Jan 2022" in view.map.layout.title.text
    assert "Almaty: 5 Jan." in view.matrix_summary  # the text speaks of the chosen day


def test_the_grid_is_the_same_figure_for_any_filters_but_its_shapes(dataset):
    whole = spread.build(dataset, Filters(), EN).matrix
    for filters in (Filters(JAN[3], JAN[6]), Filters(region_ids=("mangystau", "almaty-city"))):
        some = spread.build(dataset, filters, EN).matrix
        assert figure_json(whole).figure == figure_json(some).figure
        assert figure_json(whole).style == figure_json(some).style
        assert figure_json(whole).parts != figure_json(some).parts
