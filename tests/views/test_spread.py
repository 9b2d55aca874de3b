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
    assert {t.type for t in view.map.data} <= {"choropleth", "scattergeo"}


def test_happenings_no_unit_can_hold_are_listed_not_dropped(dataset):
    view = spread.build(dataset, Filters(), EN)
    assert len(view.unplaced) > 0
    assert len(view.map_quotes.table) == len(dataset.events)


def test_one_region_narrows_the_grid_and_one_day_greys_out_the_others(dataset):
    view = spread.build(dataset, Filters(JAN[5], JAN[5], ("almaty-city",)), EN)
    dots = [t for t in view.matrix.data if t.showlegend is not False]
    assert {y for t in dots for y in t.y} == {"Almaty"}
    # Every day stays on the grid; the days but the 5th (x = 4) are veiled.
    assert list(view.matrix.layout.xaxis.categoryarray)[4] == "5 Jan"
    assert [(s.x0, s.x1) for s in view.matrix.layout.shapes] == [(-0.5, 3.5), (4.5, 7.5)]
    assert "5 Jan 2022" in view.map.layout.title.text
    assert "Almaty: 5 Jan." in view.matrix_summary  # the text speaks of the chosen day


def test_the_grid_is_the_same_figure_for_any_dates_but_its_shapes(dataset):
    whole = spread.build(dataset, Filters(), EN).matrix
    some = spread.build(dataset, Filters(JAN[3], JAN[6]), EN).matrix
    assert figure_json(whole).figure == figure_json(some).figure
    assert figure_json(whole).parts != figure_json(some).parts
