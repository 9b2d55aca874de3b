"""The curated data in data/ passes every rule of the validator."""

from dashboard.data import DataError, load_dataset
from dashboard.derive import with_derived


def test_real_data_has_no_problems():
    try:
        dataset = load_dataset()
    except DataError as error:
        raise AssertionError(f"data/ has problems:\n{error}") from None
    assert len(dataset.regions) == 17
    assert not dataset.events.empty
    assert not dataset.figures.empty


def test_real_data_derived_rests_are_positive_and_marked():
    figures = with_derived(load_dataset().figures)
    derived = figures[figures["derived"]]
    assert (derived["value"] > 0).all()
    assert derived["figure_id"].str.endswith("--rest").all()
    assert derived["quote"].isna().all()
