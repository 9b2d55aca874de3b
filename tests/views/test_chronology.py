import datetime as dt

from dashboard import days_element
from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import chronology


def test_every_happening_is_a_row_with_its_quote(dataset):
    table = chronology.build(dataset, Filters(), EN).table
    assert len(table) == len(dataset.events)
    assert table[EN("column.quote")].str.len().min() > 0


def test_a_region_keeps_its_rows_and_the_nationwide_ones(dataset):
    table = chronology.build(dataset, Filters(region_ids=("almaty-city",)), EN).table
    assert set(table["Unit"]) == {"Almaty", "Nationwide"}


def test_dates_narrow_the_rows_to_the_days_chosen(dataset):
    day = dt.date(2022, 1, 2)
    table = chronology.build(dataset, Filters(day, day), EN).table
    assert set(table["Date"]) == {day}


def test_search_keeps_exactly_the_rows_that_mention_the_words_in_any_case(dataset):
    table = chronology.build(dataset, Filters(), EN).table
    found = chronology.search(table, "AIRPORT")
    assert 1 <= len(found) < len(table)
    assert all("airport" in " ".join(map(str, row)).lower() for row in found.values)
    assert chronology.search(table, "") is table


def test_the_text_has_a_day_per_date_in_order_and_every_happening_once(dataset):
    table = chronology.build(dataset, Filters(), EN).table
    days = chronology.as_days(table, EN)
    dates = sorted(set(table["Date"]))
    assert [day["key"] for day in days] == [d.isoformat() for d in dates]
    assert [day["heading"] for day in days] == [EN.long_day(d) for d in dates]
    assert sum(len(day["happenings"]) for day in days) == len(table)
    assert all(h["quote"] and h["unit"] and h["kinds"] for day in days for h in day["happenings"])


def test_the_days_are_written_as_text_never_as_html():
    # Data text reaches the page through textContent only: nothing in the element parses it.
    script = days_element._JS
    assert "textContent" in script
    for parser in ("innerHTML", "outerHTML", "insertAdjacentHTML", "DOMParser", "document.write"):
        assert parser not in script
