"""The registry is the one list of views: navigation, page files and catalogue agree with it."""

import copy
import datetime as dt
from dataclasses import fields
from pathlib import Path

import pandas as pd

from dashboard.context import Filters
from dashboard.i18n import LANGUAGES, Translator, catalogue, localise
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


def test_the_views_that_follow_the_filters_and_only_those_draw_them():
    assert {v.name for v in REGISTRY if v.follows_filters} == {
        "participants",
        "spread",
        "property",
        "chronology",
    }
    for view in REGISTRY:
        page = (REPO / view.page_file).read_text(encoding="utf-8")
        assert ("filters.following(" in page) == view.follows_filters, view.name


def test_an_unknown_or_empty_path_is_the_landing_view():
    assert by_name("").name == by_name("nowhere").name == LANDING == REGISTRY[0].name


def test_building_every_view_leaves_the_shared_dataset_as_it_was_loaded(curated):
    # context.localised_dataset hands every run and session the same object (cache_resource):
    # a build that wrote to it would change what every other reader sees.
    ds = localise(curated, "ru")
    before = copy.deepcopy(ds)
    narrow = Filters(dt.date(2022, 1, 5), dt.date(2022, 1, 6), ("almaty-city", "mangystau"))
    for view in REGISTRY:
        for filters in (Filters(), narrow):
            view.module.build(ds, filters, Translator("ru"))
    for field in fields(ds):
        now, then = getattr(ds, field.name), getattr(before, field.name)
        if isinstance(now, pd.DataFrame):
            pd.testing.assert_frame_equal(now, then, obj=field.name)
        else:
            assert now == then, field.name
