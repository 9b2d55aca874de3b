"""A shared link's query string: every value the page will ignore is named in a notice."""

import datetime as dt

import pytest

from dashboard.urlstate import date_range_problem, url_notices

FIRST, LAST = dt.date(2022, 1, 1), dt.date(2022, 1, 8)
REGIONS = ["Almaty", "Mangystau Region", "Nur-Sultan", "East Kazakhstan Region"]
HUGE = "x" * 100_000


def micros(day: dt.date, hour: int = 0) -> str:
    """A date as Streamlit may write a date slider's value: microseconds since the epoch."""
    moment = dt.datetime(day.year, day.month, day.day, hour) - dt.datetime(1970, 1, 1)
    return str(int(moment.total_seconds()) * 1_000_000)


def notices(params):
    return url_notices(params, region_labels=REGIONS, first=FIRST, last=LAST)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"dates": ["2022-01-03", "2022-01-05"]},
        {"dates": ["2022-01-01", "2022-01-08"]},
        {"dates": ["2022-01-04", "2022-01-04"]},
        {"regions": ["Almaty"]},
        {"regions": ["Almaty", "Mangystau Region", "Nur-Sultan"]},
        {"q": ["airport"]},
        {"q": ["Жаңаөзен"]},
        {"q": [""]},
        {"dates": ["2022-01-03", "2022-01-05"], "regions": ["Almaty"], "q": ["curfew"]},
        {"dates": [micros(dt.date(2022, 1, 3)), micros(dt.date(2022, 1, 5))]},
        {"dates": [micros(dt.date(2022, 1, 1)), micros(dt.date(2022, 1, 8), hour=23)]},
        {"dates": [micros(dt.date(2022, 1, 2)) + ".0", "2022-01-06"]},
    ],
    ids=lambda p: repr(p)[:60],
)
def test_a_valid_link_gets_no_notice(params):
    assert notices(params) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"foo": ["1"]}, "Unknown link parameter 'foo' was ignored."),
        ({"Dates": ["2022-01-03", "2022-01-05"]}, "Unknown link parameter 'Dates' was ignored."),
        (
            {"dates": ["2022-01-03"]},
            "'dates' needs two dates (start and end); got 1 value(s): '2022-01-03'; showing all dates instead.",
        ),
        (
            {"dates": ["2022-01-03", "2022-01-04", "2022-01-05"]},
            "'dates' needs two dates (start and end); got 3 value(s): '2022-01-03', '2022-01-04', '2022-01-05'; showing all dates instead.",
        ),
        (
            {"dates": []},
            "'dates' needs two dates (start and end); got 0 value(s): ''; showing all dates instead.",
        ),
        (
            {"dates": ["garbage", "2022-01-05"]},
            "'dates' value 'garbage' is not a date; showing all dates instead.",
        ),
        (
            {"dates": ["2022-01-03", "2022-02-30"]},
            "'dates' value '2022-02-30' is not a date; showing all dates instead.",
        ),
        (
            {"dates": ["2021-12-31", "2022-01-05"]},
            "'dates' value 2021-12-31 is outside 2022-01-01 to 2022-01-08; showing all dates instead.",
        ),
        (
            {"dates": ["2022-01-03", "2022-01-09"]},
            "'dates' value 2022-01-09 is outside 2022-01-01 to 2022-01-08; showing all dates instead.",
        ),
        (
            {"dates": ["0", "2022-01-05"]},
            "'dates' value 1970-01-01 is outside 2022-01-01 to 2022-01-08; showing all dates instead.",
        ),
        (
            {"dates": ["2022-01-05", "2022-01-03"]},
            "'dates' starts after it ends; the two dates are used the other way round.",
        ),
        (
            {"regions": ["Atlantis"]},
            "Unknown region(s) 'Atlantis' in the link were ignored.",
        ),
        (
            {"regions": ["Almaty", "almaty-city"]},
            "Unknown region(s) 'almaty-city' in the link were ignored.",
        ),
        (
            {"regions": ["Алматы"]},
            "Unknown region(s) 'Алматы' in the link were ignored.",
        ),
        ({"ключ": ["значение"]}, "Unknown link parameter 'ключ' was ignored."),
        (
            {"dates": ["2022‑01‑03", "2022-01-05"]},  # non-breaking hyphens
            "'dates' value '2022‑01‑03' is not a date; showing all dates instead.",
        ),
    ],
)
def test_each_ignored_value_is_named_in_one_notice(params, expected):
    assert notices(params) == [expected]


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "1e400", "1e30", "-1e20", "🙂", ""])
def test_dates_that_no_clock_can_hold_are_not_dates_and_never_raise(raw):
    [notice] = notices({"dates": [raw, "2022-01-05"]})
    assert "is not a date" in notice or "is outside" in notice


def test_every_bad_parameter_gets_its_own_notice():
    found = notices({"dates": ["garbage"], "regions": ["Atlantis"], "foo": ["1"]})
    assert len(found) == 3
    assert any("'dates'" in n for n in found)
    assert any("'Atlantis'" in n for n in found)
    assert any("'foo'" in n for n in found)


@pytest.mark.parametrize(
    "params",
    [
        {HUGE: ["1"]},
        {"regions": [HUGE]},
        {"dates": [HUGE, "2022-01-05"]},
        {"q": ["x"], "regions": [HUGE] * 50},
    ],
    ids=["key", "region", "date", "many-regions"],
)
def test_a_huge_value_is_truncated_in_its_notice(params):
    [notice] = notices(params)
    assert len(notice) < 600
    assert "…" in notice


def test_many_unknown_regions_are_counted_not_listed():
    [notice] = notices({"regions": [f"Nowhere {i}" for i in range(12)]})
    assert "'Nowhere 4'" in notice
    assert "'Nowhere 5'" not in notice
    assert "and 7 more" in notice


def test_a_single_bad_date_is_quoted_back():
    [notice] = notices({"dates": ["garbage"]})
    assert "'garbage'" in notice


def test_search_text_is_never_judged():
    assert notices({"q": [HUGE, "anything"]}) == []


def test_date_range_problem_is_none_for_a_usable_range():
    assert date_range_problem(["2022-01-02", "2022-01-07"], FIRST, LAST) is None
