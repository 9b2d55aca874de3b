"""Derived values: the unitemised rest of a whole, computed exactly and marked derived."""

import pandas as pd

from dashboard.derive import derived_remainders, with_derived


def figures(*rows: tuple) -> pd.DataFrame:
    """Tiny figures tables: (figure_id, parent_id, value, qualifier, unit)."""
    frame = pd.DataFrame(rows, columns=["figure_id", "parent_id", "value", "qualifier", "unit"])
    return frame.assign(
        label=frame["figure_id"].str.capitalize(),
        source_id="gpo-2022-01-15",
        value=frame["value"].astype("Int64"),
    )


WOUNDED = figures(
    ("wounded", None, 4353, "exact", "people"),
    ("wounded-law-enforcement", "wounded", 3393, "exact", "people"),
    ("wounded-share", "wounded", 78, "exact", "percent"),
)


def test_unitemised_rest_is_computed_and_marked_derived():
    [rest] = derived_remainders(WOUNDED).to_dict("records")
    assert rest["figure_id"] == "wounded--rest"
    assert rest["value"] == 4353 - 3393
    assert rest["parent_id"] == "wounded"
    assert rest["derived"] is True
    assert rest["derived_from"] == "wounded;wounded-law-enforcement"
    assert rest["label"] == "Wounded, not itemised (derived)"
    assert rest["source_id"] == "gpo-2022-01-15"
    assert rest["qualifier"] == "exact"


def test_parts_of_another_unit_are_not_subtracted():
    rest = derived_remainders(WOUNDED)
    assert "wounded-share" not in rest["derived_from"].iloc[0]


def test_no_rest_where_the_parts_make_the_whole():
    whole = figures(
        ("police-facilities", None, 27, "exact", "buildings"),
        ("police-buildings", "police-facilities", 15, "exact", "buildings"),
        ("police-modular-units", "police-facilities", 12, "exact", "buildings"),
    )
    assert derived_remainders(whole).empty


def test_no_rest_where_overlapping_parts_exceed_the_whole():
    overlapping = figures(
        ("cases", None, 10, "exact", "cases"),
        ("cases-a", "cases", 7, "exact", "cases"),
        ("cases-b", "cases", 6, "exact", "cases"),
    )
    assert derived_remainders(overlapping).empty


def test_no_rest_is_computed_from_a_qualified_whole_or_part():
    # "over 700" minus "over 500" minus 116 is unknown, not "over 84".
    vehicles = figures(
        ("vehicles", None, 700, "over", "vehicles"),
        ("vehicles-state", "vehicles", 500, "over", "vehicles"),
        ("vehicles-private", "vehicles", 116, "exact", "vehicles"),
    )
    assert derived_remainders(vehicles).empty


def test_no_rest_is_computed_from_an_approximate_part_of_an_exact_whole():
    whole = figures(
        ("released", None, 300, "exact", "people"),
        ("released-a", "released", 100, "approximately", "people"),
    )
    assert derived_remainders(whole).empty


def test_rest_of_huge_values_stays_exact():
    damage = figures(
        ("damage", None, 87_000_000_001, "exact", "tenge"),
        ("damage-a", "damage", 1, "exact", "tenge"),
    )
    rest = derived_remainders(damage)
    assert str(rest["value"].dtype) == "Int64"
    assert rest["value"].tolist() == [87_000_000_000]


def test_with_derived_keeps_curated_rows_first_and_unmarked():
    combined = with_derived(WOUNDED)
    assert combined["figure_id"].tolist() == [*WOUNDED["figure_id"], "wounded--rest"]
    assert combined["derived"].tolist() == [False, False, False, True]
    assert combined["derived_from"].isna().tolist() == [True, True, True, False]
    assert str(combined["value"].dtype) == "Int64"


def test_with_derived_does_not_change_its_input():
    before = WOUNDED.copy()
    with_derived(WOUNDED)
    pd.testing.assert_frame_equal(WOUNDED, before)


def test_with_derived_without_parts_adds_only_the_columns():
    alone = figures(("complaints", None, 32, "exact", "complaints"))
    combined = with_derived(alone)
    assert len(combined) == 1
    assert combined["derived"].tolist() == [False]


def test_with_derived_twice_adds_nothing_more():
    once = with_derived(WOUNDED)
    pd.testing.assert_frame_equal(with_derived(once), once)
