"""Regional spread, shaped: severity per unit and per unit-day, towns, unplaced happenings."""

from __future__ import annotations

import math

import pandas as pd
from regional_cases import (
    EVENTS,
    JAN,
    PLACES,
    REGIONS,
    VOCAB,
    event,
    events,
    matrix,
    severity,
)

from dashboard import regional

# --- severity per unit -------------------------------------------------------------------


def test_unit_takes_the_most_severe_category_in_the_date_range():
    units = severity(1, 8)
    assert units.loc["almaty-city", "severity"] == 5
    assert units.loc["almaty-city", "category"] == "Seizure of a building"
    assert units.loc["mangystau", "severity"] == 2
    assert units.loc["mangystau", "category"] == "Road blocking"


def test_events_outside_the_date_range_do_not_count():
    units = severity(4, 4)
    assert units.loc["almaty-city", "severity"] == 1
    assert units.loc["mangystau", "status"] == regional.NOT_NAMED


def test_unit_not_named_in_range_is_not_named_not_calm():
    units = severity(1, 2)
    akmola = units.loc["akmola"]
    assert akmola["status"] == regional.NOT_NAMED
    assert pd.isna(akmola["severity"])
    assert "No unrest named" in akmola["hover"]
    assert units.loc["almaty-city", "status"] == regional.NOT_NAMED


def test_every_unit_gets_a_row_whether_named_or_not():
    assert sorted(severity().index) == sorted(REGIONS["region_id"])


def test_nationwide_measures_do_not_colour_any_unit():
    rows = events(event(5, "curfew", scope="nationwide"), event(5, "looting", scope="several"))
    units = severity(rows=rows)
    assert (units["status"] == regional.NOT_NAMED).all()
    assert units["severity"].isna().all()


def test_state_measure_in_a_unit_does_not_colour_it_but_is_in_its_hover():
    units = severity(8, 8)
    almaty = units.loc["almaty-city"]
    assert almaty["status"] == regional.NOT_NAMED
    assert "Decline or end of gatherings (situation)" in almaty["hover"]


def test_region_filter_limits_coloured_units():
    units = severity(region_ids=["almaty-city"])
    assert list(units.index[units["status"] == regional.UNREST]) == ["almaty-city"]
    assert units.loc["mangystau", "status"] == regional.NOT_CHOSEN
    assert units.loc["akmola", "status"] == regional.NOT_CHOSEN


def test_hover_lists_dates_places_and_categories():
    hover = severity().loc["mangystau", "hover"]
    assert "<b>Mangystau Region</b>" in hover
    assert "1 Jan: Gathering or rally — Zhanaozen" in hover
    assert "2 Jan: Road blocking — roads in Zhanaozen" in hover
    assert "7 Jan: Gathering or rally" in hover


def test_severity_labels_name_each_level_present_from_the_catalogue():
    labels = regional.severity_labels(VOCAB)
    assert labels == {
        1: "Gatherings or rallies",
        2: "Road blocking",
        4: "Arson or looting",
        5: "Seizures of buildings, armed attacks, attacks on detention facilities",
    }


def test_state_measures_have_no_severity_even_if_given_one():
    vocab = {
        "event_categories": {"curfew": {"label": "Curfew", "group": "state_measure", "severity": 5}}
    }
    assert regional.severities(vocab) == {}


# --- what the map cannot colour ----------------------------------------------------------


def test_nationwide_and_several_happenings_are_listed_under_the_map():
    rows = regional.unplaced_events(EVENTS, VOCAB, JAN[5], JAN[5], regions=REGIONS)
    assert list(zip(rows["where"], rows["category"], strict=True)) == [
        ("Nationwide", "Curfew"),
        ("Several regions, not named", "Looting"),
    ]
    assert list(rows["date"]) == [JAN[5], JAN[5]]


def test_unplaced_rows_are_kept_whatever_regions_are_chosen():
    rows = regional.unplaced_events(EVENTS, VOCAB, JAN[1], JAN[8], ["mangystau"], regions=REGIONS)
    assert set(rows["where"]) == {"Nationwide", "Several regions, not named"}


def test_a_state_measure_in_a_named_unit_is_listed_under_the_map():
    rows = regional.unplaced_events(EVENTS, VOCAB, JAN[8], JAN[8], regions=REGIONS)
    assert list(rows["where"]) == ["Almaty"]
    assert list(rows["category"]) == ["Decline or end of gatherings"]


# --- region × day ------------------------------------------------------------------------


def test_region_day_cell_is_the_most_severe_kind_that_day():
    cells = matrix().set_index(["region_id", "day"])
    assert cells.loc[("almaty-city", JAN[5]), "severity"] == 5
    assert cells.loc[("mangystau", JAN[2]), "severity"] == 2


def test_region_day_empty_cell_is_nan_not_zero():
    cells = matrix().set_index(["region_id", "day"])
    assert math.isnan(cells.loc[("mangystau", JAN[3]), "severity"])
    assert math.isnan(cells.loc[("akmola", JAN[1]), "severity"])
    assert (cells["severity"].dropna() > 0).all()


def test_region_day_state_measure_leaves_the_cell_empty():
    cells = matrix().set_index(["region_id", "day"])
    assert math.isnan(cells.loc[("almaty-city", JAN[8]), "severity"])


def test_region_day_rows_are_ordered_by_first_day_named_then_unnamed_by_name():
    order = list(dict.fromkeys(matrix()["region_id"]))
    assert order == ["mangystau", "almaty-city", "zhambyl", "akmola"]


def test_region_day_columns_are_the_days_in_range():
    assert sorted(set(matrix(3, 5)["day"])) == [JAN[3], JAN[4], JAN[5]]
    assert len(matrix(3, 5)) == 3 * len(REGIONS)


def test_region_day_rows_follow_the_region_filter():
    assert set(matrix(region_ids=["zhambyl"])["region_id"]) == {"zhambyl"}


# --- towns -------------------------------------------------------------------------------


def test_towns_named_in_the_range_are_points_with_what_happened_there():
    towns = regional.named_places(EVENTS, PLACES, VOCAB, JAN[1], JAN[2])
    assert list(towns["name"]) == ["Zhanaozen"]
    assert towns.iloc[0]["hover"] == (
        "<b>Zhanaozen</b><br>1 Jan: Gathering or rally<br>2 Jan: Road blocking"
    )
    assert regional.named_places(EVENTS, PLACES, VOCAB, JAN[1], JAN[8], ["almaty-city"]).empty


# --- the GeoJSON -------------------------------------------------------------------------


def test_geojson_is_read_once_and_has_the_17_units():
    first = regional.load_geojson()
    assert regional.load_geojson() is first
    assert len(first["features"]) == 17
