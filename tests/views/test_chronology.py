import datetime as dt
import re

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


def test_the_text_has_a_block_per_day_in_order_and_every_happening_once(dataset):
    table = chronology.build(dataset, Filters(), EN).table
    blocks = chronology.as_html(table, EN)
    days = sorted(set(table["Date"]))
    assert [re.search(r"<h3>(.*?)</h3>", block).group(1) for block in blocks] == [
        EN.long_day(day) for day in days
    ]
    assert sum(block.count("<li>") for block in blocks) == len(table)
    assert sum(block.count('<blockquote lang="en">') for block in blocks) == len(table)


def test_data_text_cannot_inject_html(dataset):
    table = chronology.build(dataset, Filters(), EN).table.head(1).copy()
    table[EN("column.description")] = "<script>x</script> **bold** & <li>not an item</li>"
    table[EN("column.quote")] = "line one\n</blockquote><h3>not a day</h3>"
    (block,) = chronology.as_html(table, EN)
    assert "<script>" not in block and "<h3>not" not in block
    assert "&lt;script&gt;x&lt;/script&gt; **bold** &amp; &lt;li&gt;" in block
    assert block.count("<li>") == 1 and block.count("<h3>") == 1
