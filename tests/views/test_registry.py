"""The registry is the one list of views: navigation, page files and catalogue agree with it."""

from pathlib import Path

from dashboard.i18n import LANGUAGES, catalogue
from dashboard.views import LANDING, REGISTRY, by_name

REPO = Path(__file__).resolve().parents[2]


def test_every_view_has_its_page_file_and_every_page_file_a_view():
    files = {p.stem for p in (REPO / "dashboard" / "pages").glob("*.py")}
    assert files == {view.name for view in REGISTRY}
    for view in REGISTRY:
        assert f"dashboard.views import {view.module.__name__.rsplit('.', 1)[1]}" in (
            REPO / view.page_file
        ).read_text(encoding="utf-8")


def test_every_view_is_titled_in_every_language():
    for lang in LANGUAGES:
        assert all(catalogue(lang).get(view.title_key) for view in REGISTRY)


def test_a_view_follows_the_filters_or_shows_national_totals_never_both():
    assert not [v.name for v in REGISTRY if v.follows_filters and v.national_totals]
    assert {v.name for v in REGISTRY if v.follows_filters} == {
        "participants",
        "spread",
        "property",
        "chronology",
    }


def test_an_unknown_or_empty_path_is_the_landing_view():
    assert by_name("").name == by_name("nowhere").name == LANDING == REGISTRY[0].name
