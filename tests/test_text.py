"""How numbers, qualifiers, days and attributions are worded on the page."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.i18n import EN
from dashboard.text import (
    format_day,
    format_number,
    markdown_records,
    markdown_table,
    md_line,
    wrap,
)


@pytest.mark.parametrize(
    ("value", "qualifier", "as_written", "unit", "expected"),
    [
        (700, "over", "over 700 vehicles", "vehicles", "over 700"),
        (5000, "approximately", "about 5,000 people", "people", "about 5,000"),
        (50000, "approximately", "around 50,000 people", "people", "about 50,000"),
        (37000, "almost", "almost 37,000", "people", "almost 37,000"),
        (4353, "exact", "4,353 were wounded", "people", "4,353"),
        (2, "exact", "two machine guns", "weapons", "2"),
        (1356, "exact", "(1,356)", "cases", "1,356"),
        (87000000000, "over", "exceeded 87 billion tenge", "tenge", "over 87 billion"),
        (78, "exact", "(78%)", "percent", "78%"),
        (70, "approximately", "About 70%", "percent", "about 70%"),
        (700, "over", "", "", "over 700"),
    ],
)
def test_value_label_keeps_the_qualifier_and_unit(value, qualifier, as_written, unit, expected):
    assert EN.value_label(value, qualifier, as_written, unit) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "as_written"),
    [
        (36831, "exact", "almost 37,000 people (36,831)"),
        (36831.0, "exact", "almost 37,000 people (36,831)"),
        (12, "exact", "buildings - 15, modular units - 12"),
    ],
)
def test_value_label_keeps_the_statements_wording_when_it_states_two_numbers(
    value, qualifier, as_written
):
    assert EN.value_label(value, qualifier, as_written, "people") == as_written


def test_value_label_of_a_lone_number_never_shows_the_other_wording():
    assert EN.value_label(36831, "exact", "36,831 people", "people") == "36,831"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (36831, "36,831"),
        (36831.0, "36,831"),
        (87000000000, "87 billion"),
        (87500000000, "87,500,000,000"),  # a scale word would round it to "88 billion"
        (87000000001, "87,000,000,001"),
        (2000000, "2 million"),
        (1500000, "1,500,000"),
        (0, "0"),
        (77.9, "77.9"),
    ],
)
def test_format_number_never_rounds(value, expected):
    assert format_number(value) == expected


@pytest.mark.parametrize(
    "day",
    [dt.date(2022, 1, 4), pd.Timestamp("2022-01-04"), dt.datetime(2022, 1, 4, 23, 59)],
)
def test_format_day_is_day_month_year_without_leading_zero(day):
    assert format_day(day) == "4 Jan 2022"


def test_format_day_of_two_digit_day():
    assert format_day(dt.date(2022, 1, 15)) == "15 Jan 2022"


@pytest.mark.parametrize(
    ("organisation", "published", "expected"),
    [
        (
            "the General Prosecutor's Office",
            dt.date(2022, 1, 15),
            "according to the General Prosecutor's Office, 15 Jan 2022",
        ),
        (
            "the Ministry of Internal Affairs",
            pd.Timestamp("2022-01-25"),
            "according to the Ministry of Internal Affairs, 25 Jan 2022",
        ),
    ],
)
def test_attribution_names_the_body_and_the_day(organisation, published, expected):
    assert EN.attribution(organisation, published) == expected


def test_wrap_breaks_long_quotes_without_losing_words():
    quote = "The number of participants increased sharply to almost 37,000 people (36,831)"
    wrapped = wrap(quote, width=20)
    lines = wrapped.split("<br>")
    assert len(lines) > 1
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == quote


def test_markdown_table_escapes_every_cell_so_data_cannot_inject_markup():
    table = pd.DataFrame({"Quote": ["a | b", "<b>x</b> *y*"], "N": ["1", "2"]})
    lines = markdown_table(table).splitlines()
    assert lines[0] == "| Quote | N |"
    assert lines[2] == "| a \\| b | 1 |"
    assert "<b>" not in lines[3] and "\\*y\\*" in lines[3]


def test_records_set_each_row_apart_with_its_quote_and_short_links():
    table = pd.DataFrame(
        {
            "Figure": ["Deaths *all*"],
            "As stated": ["238"],
            "Links": ["https://www.example.org/a/very/long/path_that_would_not_wrap"],
            "Quote": ["A [quoted] sentence."],
        }
    )
    text = markdown_records(table, quoted=("Quote",))
    assert text.startswith("**Deaths \\*all\\***  \n*As stated*: 238")
    assert "[example\\.org](https://www.example.org/a/very/long/path_that_would_not_wrap)" in text
    assert text.endswith("\n\n> A \\[quoted\\] sentence\\.")


def test_records_of_two_rows_are_separated_and_empty_cells_left_out():
    table = pd.DataFrame({"Figure": ["a", "b"], "Note": ["", None]})
    assert markdown_records(table) == "**a**\n\n---\n\n**b**"


def test_md_line_puts_data_text_on_one_line_and_keeps_no_break_spaces():
    assert md_line("two\nlines,  and\tspaces ") == "two lines, and spaces"
    assert md_line("более 20\u00a0000 человек") == "более 20\u00a0000 человек"
    assert md_line("**not bold**") == r"\*\*not bold\*\*"
