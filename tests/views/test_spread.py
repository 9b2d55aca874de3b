import datetime as dt

from dashboard.context import Filters
from dashboard.i18n import EN
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


def test_one_day_and_one_region_narrow_the_grid(dataset):
    view = spread.build(dataset, Filters(JAN[5], JAN[5], ("almaty-city",)), EN)
    dots = [t for t in view.matrix.data if t.showlegend is not False]
    assert {y for t in dots for y in t.y} == {"Almaty"}
    assert {x for t in dots for x in t.x} == {"5 Jan"}
    assert "5 Jan 2022" in view.map.layout.title.text
