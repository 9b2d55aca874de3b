import datetime as dt

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
    blocks = chronology.as_markdown(table, EN)
    days = sorted(set(table["Date"]))
    assert [block.splitlines()[0] for block in blocks] == [
        f"### {EN.long_day(day)}" for day in days
    ]
    items = [line for block in blocks for line in block.splitlines() if line.startswith("- ")]
    assert len(items) == len(table)
    quotes = [line for block in blocks for line in block.splitlines() if line.startswith("  > ")]
    assert len(quotes) == len(table)


def test_data_text_cannot_inject_markdown_or_html(dataset):
    table = chronology.build(dataset, Filters(), EN).table.head(1).copy()
    table[EN("column.description")] = "<script>x</script> **bold**\n\n# [link](http://x)"
    table[EN("column.quote")] = "line one\n- not an item\n> not a quote"
    (block,) = chronology.as_markdown(table, EN)
    assert "<script>" not in block and "**bold**" not in block and "](" not in block
    # Line breaks in data text cannot end the list item early: the description stays on it.
    (item,) = [line for line in block.splitlines() if line.startswith("- ")]
    assert "bold" in item and "link" in item
    assert len([line for line in block.splitlines() if line.startswith("- ")]) == 1
    assert len([line for line in block.splitlines() if line.startswith("  > ")]) == 1
