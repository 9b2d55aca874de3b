"""Shaping the curated tables for each view, on the real dataset and on tiny frames."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.data import load_dataset
from dashboard.derive import with_derived
from dashboard.i18n import EN
from dashboard.tables import (
    FIRST_DAY,
    LAST_DAY,
    breakdown,
    filter_events,
    participant_gaps,
    participant_points,
    provenance,
    regions_reached,
)

JAN = [dt.date(2022, 1, d) for d in range(1, 9)]


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def figures(ds):
    return with_derived(ds.figures)


@pytest.fixture(scope="module")
def unrest(ds):
    return [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]


def points_for(ds, figures, start=FIRST_DAY, end=LAST_DAY, region_ids=()):
    return participant_points(figures, ds.regions, start, end, list(region_ids))


# --- derived rows ---------------------------------------------------------------------


def test_with_derived_changes_no_curated_figure(ds, figures):
    curated = figures[~figures["derived"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        curated[ds.figures.columns], ds.figures.reset_index(drop=True), check_dtype=False
    )


def test_every_added_row_is_marked_derived_and_has_no_quote(ds, figures):
    added = figures.iloc[len(ds.figures) :]
    assert not added.empty
    assert added["derived"].all()
    assert added["quote"].isna().all()
    assert not set(added["figure_id"]) & set(ds.figures["figure_id"])


# --- participants -----------------------------------------------------------------------


def test_participant_points_are_exactly_the_five_curated_counts(ds, figures):
    points = points_for(ds, figures)
    got = sorted(zip(points["day"], points["value"], points["value_label"], strict=True))
    assert got == [
        (dt.date(2022, 1, 2), 700, "about 700"),
        (dt.date(2022, 1, 4), 5000, "about 5,000"),
        (dt.date(2022, 1, 4), 36831, "almost 37,000 people (36,831)"),
        (dt.date(2022, 1, 5), 20000, "over 20,000"),
        (dt.date(2022, 1, 5), 50000, "about 50,000"),
    ]
    by_value = dict(zip(points["value"], points["series"], strict=True))
    assert by_value[700] == "Mangystau Region"
    assert by_value[36831] == by_value[50000] == EN("nationwide")


def test_day_without_a_reported_count_is_a_gap_not_zero(ds, figures):
    points = points_for(ds, figures)
    gaps = participant_gaps(points, ds.events, FIRST_DAY, LAST_DAY)
    assert list(gaps["day"]) == [JAN[0], JAN[2], JAN[5], JAN[6], JAN[7]]
    assert not (points["value"] == 0).any()
    assert set(points["day"]).isdisjoint(gaps["day"])
    assert set(points["day"]) | set(gaps["day"]) == set(JAN)


def test_gap_notes_say_what_the_statement_says_instead(ds, figures):
    gaps = participant_gaps(points_for(ds, figures), ds.events, FIRST_DAY, LAST_DAY)
    by_day = gaps.set_index("day")
    assert "fell" in by_day.loc[JAN[5], "note"]
    assert "decreased" in by_day.loc[JAN[5], "quote"]
    assert "gatherings across the country ended" in by_day.loc[JAN[7], "note"]
    assert (gaps["note"].str.len() > 0).all()


def test_gap_day_with_nothing_reported_says_so():
    points = pd.DataFrame({"day": [JAN[0]]})
    events = pd.DataFrame(columns=["date", "category", "scope", "description", "quote"])
    gaps = participant_gaps(points, events, JAN[0], JAN[1])
    assert list(gaps["day"]) == [JAN[1]]
    assert gaps["note"].iloc[0] == "No count and no gathering reported"


def test_gaps_prefer_a_decline_over_a_gathering_and_nationwide_over_a_unit():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-01-06"] * 3),
            "category": ["gathering", "de_escalation", "de_escalation"],
            "scope": ["nationwide", "unit", "nationwide"],
            "description": ["Rallies.", "Calm in one unit.", "Calm everywhere."],
            "quote": ["q1", "q2", "q3"],
        }
    )
    gaps = participant_gaps(pd.DataFrame({"day": []}), events, JAN[5], JAN[5])
    assert gaps.to_dict("records") == [{"day": JAN[5], "note": "Calm everywhere.", "quote": "q3"}]


def test_region_filter_keeps_nationwide_counts_and_drops_other_units(ds, figures):
    points = points_for(ds, figures, region_ids=["mangystau"])
    assert sorted(points["value"]) == [700, 36831, 50000]
    assert set(points.loc[points["region_id"].notna(), "region_id"]) == {"mangystau"}


def test_region_without_a_count_of_its_own_still_shows_nationwide_counts(ds, figures):
    points = points_for(ds, figures, region_ids=["kostanay"])
    assert sorted(points["value"]) == [36831, 50000]
    assert set(points["series"]) == {EN("nationwide")}


@pytest.mark.parametrize(
    ("start", "end", "values"),
    [
        (JAN[3], JAN[3], [5000, 36831]),
        (JAN[0], JAN[2], [700]),
        (JAN[5], JAN[7], []),
    ],
)
def test_participant_points_follow_the_date_range(ds, figures, start, end, values):
    assert sorted(points_for(ds, figures, start, end)["value"]) == values


def test_participant_points_on_a_tiny_frame_name_their_series():
    figures = pd.DataFrame(
        {
            "metric": ["participants", "participants", "participants", "deaths"],
            "date": pd.to_datetime(["2022-01-02", "2022-01-04", "2022-01-04", "2022-01-04"]),
            "region_id": ["mangystau", None, "almaty-city", None],
            "breakdown": [None, None, "near the arena", None],
            "value": [700, 36831, 5000, 9],
            "qualifier": ["approximately", "exact", "approximately", "exact"],
            "as_written": ["Around 700", "almost 37,000 people (36,831)", "about 5,000", "9"],
            "unit": ["people"] * 4,
        }
    )
    regions = pd.DataFrame(
        {"region_id": ["mangystau", "almaty-city"], "name_en": ["Mangystau Region", "Almaty"]}
    )
    points = participant_points(figures, regions, JAN[0], JAN[7], [])
    assert list(points["series"]) == ["Mangystau Region", "near the arena", EN("nationwide")]
    assert list(points["value"]) == [700, 5000, 36831]


# --- regions reached ----------------------------------------------------------------------


def test_regions_reached_shows_the_reported_count_beside_the_units_named(ds, figures, unrest):
    rows = regions_reached(figures, ds.events, ds.regions, unrest, FIRST_DAY, LAST_DAY)
    jan4 = rows.set_index("day").loc[JAN[3]]
    assert jan4["reported"] == 11
    # Five units are named in the sentence with the count; Shymkent in the next one.
    assert jan4["named"] == 6
    assert (
        jan4["named_units"]
        == "Aktobe Region, Almaty, Kyzylorda Region, Mangystau Region, Nur-Sultan, Shymkent"
    )


def test_regions_reached_named_counts_only_units_with_unrest(ds, figures, unrest):
    rows = regions_reached(figures, ds.events, ds.regions, unrest, FIRST_DAY, LAST_DAY)
    named = dict(zip(rows["day"], rows["named"], strict=True))
    # 8 Jan has a unit-scope event (counter-terrorist operation) but no unrest.
    assert named[JAN[7]] == 0
    assert named[JAN[2]] == 7


def test_day_without_a_reported_region_count_is_na_not_zero(ds, figures, unrest):
    rows = regions_reached(figures, ds.events, ds.regions, unrest, FIRST_DAY, LAST_DAY)
    reported = dict(zip(rows["day"], rows["reported"], strict=True))
    assert [day for day, v in reported.items() if pd.isna(v)] == [
        JAN[0],
        JAN[1],
        JAN[5],
        JAN[6],
        JAN[7],
    ]
    assert [reported[JAN[2]], reported[JAN[3]], reported[JAN[4]]] == [7, 11, 11]
    assert 0 not in [v for v in reported.values() if not pd.isna(v)]
    assert list(rows.loc[rows["reported"].isna(), "reported_label"]) == [""] * 5


# --- breakdowns ---------------------------------------------------------------------------


def test_breakdown_lists_parts_largest_first_and_the_derived_rest_last(figures):
    rows = breakdown(figures, "weapons-recovered")
    assert list(rows["figure_id"]) == [
        "weapons-recovered",
        "weapons-recovered-pistols",
        "weapons-recovered-smooth-bore",
        "weapons-recovered-assault-rifles",
        "weapons-recovered-rifled",
        "weapons-recovered-machine-guns",
        "weapons-recovered--rest",
    ]
    assert list(rows["depth"]) == [0, 1, 1, 1, 1, 1, 1]
    rest = rows.iloc[-1]
    assert rest["value"] == 515 - (75 + 133 + 2 + 47 + 103) == 155
    assert rest["derived"]
    assert not rows["derived"].iloc[:-1].any()


def test_over_qualified_figures_leave_no_derived_rest(figures):
    rows = breakdown(figures, "vehicles-destroyed-damaged")
    assert list(rows["figure_id"]) == [
        "vehicles-destroyed-damaged",
        "vehicles-destroyed-damaged-state",
        "vehicles-destroyed-damaged-private",
    ]
    assert not rows["derived"].any()


@pytest.mark.parametrize(
    ("root", "rest_id", "rest"),
    [("wounded", "wounded--rest", 960), ("deaths", "deaths--rest", 206)],
)
def test_casualty_others_are_the_derived_rest(figures, root, rest_id, rest):
    rows = breakdown(figures, root)
    assert list(rows["depth"]) == [0, 1, 1]
    others = rows.iloc[-1]
    assert (others["figure_id"], others["value"], others["derived"]) == (rest_id, rest, True)
    assert rows.iloc[0]["value"] - rows.iloc[1]["value"] == rest


def test_breakdown_nests_parts_depth_first():
    tiny = pd.DataFrame(
        {
            "figure_id": ["all", "a", "a1", "b", "all--rest"],
            "parent_id": [None, "all", "a", "all", "all"],
            "value": [100, 20, 5, 60, 20],
            "qualifier": ["exact"] * 5,
            "as_written": ["100", "20", "5", "60", None],
            "unit": ["people"] * 5,
            "derived": [False, False, False, False, True],
        }
    )
    rows = breakdown(tiny, "all")
    assert list(zip(rows["figure_id"], rows["depth"], strict=True)) == [
        ("all", 0),
        ("b", 1),
        ("a", 1),
        ("a1", 2),
        ("all--rest", 1),
    ]


# --- chronology ---------------------------------------------------------------------------


def test_region_filter_keeps_nationwide_measures_and_drops_unnamed_several(ds):
    events = filter_events(ds.events, FIRST_DAY, LAST_DAY, ["almaty-city"])
    assert set(events["scope"]) == {"unit", "nationwide"}
    assert set(events.loc[events["scope"] == "unit", "region_id"]) == {"almaty-city"}
    nationwide = ds.events[ds.events["scope"] == "nationwide"]
    assert set(nationwide["event_id"]) <= set(events["event_id"])


def test_filter_events_without_regions_keeps_every_scope_in_range(ds):
    events = filter_events(ds.events, JAN[3], JAN[4], [])
    assert set(events["scope"]) == {"unit", "several", "nationwide"}
    days = set(pd.to_datetime(events["date"]).dt.date)
    assert days == {JAN[3], JAN[4]}


def test_filter_events_on_a_tiny_frame():
    events = pd.DataFrame(
        {
            "event_id": ["u-in", "u-out", "n", "s", "late"],
            "date": pd.to_datetime(["2022-01-04"] * 4 + ["2022-01-07"]),
            "scope": ["unit", "unit", "nationwide", "several", "nationwide"],
            "region_id": ["almaty-city", "shymkent", None, None, None],
        }
    )
    kept = filter_events(events, JAN[3], JAN[4], ["almaty-city"])
    assert list(kept["event_id"]) == ["u-in", "n"]


# --- provenance ---------------------------------------------------------------------------


def test_provenance_quotes_stated_rows_and_never_derived_ones(ds, figures):
    rows = breakdown(figures, "wounded")
    table = provenance(rows, ds.sources)
    stated, derived = table.iloc[:2], table.iloc[2]
    assert list(stated[EN("column.quote")]) == list(rows["quote"].iloc[:2])
    assert all("4,353 were wounded" in q for q in stated[EN("column.quote")])
    assert derived[EN("column.quote")] == ""
    assert derived["As stated"].startswith("derived")
    assert list(stated["As stated"]) == list(rows["as_written"].iloc[:2])
    assert set(table["Source"]) == {"General Prosecutor's Office, 15 Jan 2022"}


def test_provenance_without_a_derived_column_treats_every_row_as_stated(ds):
    rows = ds.figures[ds.figures["figure_id"] == "damage-tenge"]
    table = provenance(rows, ds.sources)
    assert table[EN("column.quote")].iloc[0].startswith("At this point")
    assert table["As stated"].iloc[0] == "exceeded 87 billion tenge"
