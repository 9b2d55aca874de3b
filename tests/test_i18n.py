"""The dashboard reads the same in English, Russian and Kazakh, and the catalogues stay whole.

Catalogue rules: every language has exactly the keys of English; a message keeps the same
{placeholders} in every language; every key is used by the code and every key the code
uses exists. Data rules: every descriptive text of data/ has a translation in each
language, and quotes are never translated. Formatting follows CLDR through Babel.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.data import load_dataset
from dashboard.i18n import (
    EN,
    LANGUAGES,
    TRANSLATIONS_DIR,
    Translator,
    catalogue,
    data_translations,
    localise,
    placeholders,
)
from dashboard.text import format_long_day, format_number

REPO = Path(__file__).resolve().parent.parent
CODE = sorted((REPO / "dashboard").rglob("*.py"))
OTHER = [lang for lang in LANGUAGES if lang != "en"]
PAGES = ["overview", "participants", "spread", "casualties", "property", "weapons", "cases"]
PAGES += ["chronology", "sources"]


def _literals() -> set[str]:
    found = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _looked_up() -> set[str]:
    """Every literal key passed to a translator call: tr("key"), EN("key"), Translator(l)("key")."""
    keys = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, node.args[0]
            is_translator = (isinstance(func, ast.Name) and func.id in {"tr", "EN"}) or (
                isinstance(func, ast.Call)
                and isinstance(func.func, ast.Name)
                and func.func.id == "Translator"
            )
            if is_translator and isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
    return keys


def _dynamic_keys() -> set[str]:
    """Keys the code builds from a vocabulary or the page list rather than spelling out."""
    from dashboard.views import REGISTRY

    qualifiers = load_dataset().vocabularies["qualifiers"]
    keys = {view.title_key for view in REGISTRY}
    keys |= {f"qualifier.{q}.{kind}" for q in qualifiers for kind in ("label", "value")}
    levels = {v.get("severity") for v in load_dataset().vocabularies["event_categories"].values()}
    keys |= {f"severity.{level}" for level in levels if level is not None}
    return keys


@pytest.mark.parametrize("lang", OTHER)
def test_every_language_has_exactly_the_english_keys(lang):
    missing = set(catalogue("en")) - set(catalogue(lang))
    extra = set(catalogue(lang)) - set(catalogue("en"))
    assert (missing, extra) == (set(), set())


@pytest.mark.parametrize("lang", OTHER)
def test_placeholders_are_the_same_in_every_language(lang):
    differ = {
        key: (placeholders(message), placeholders(catalogue(lang)[key]))
        for key, message in catalogue("en").items()
        if key in catalogue(lang) and placeholders(message) != placeholders(catalogue(lang)[key])
    }
    assert differ == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_formats_with_its_placeholders(lang):
    for key, message in catalogue(lang).items():
        message.format(**dict.fromkeys(placeholders(message), "X")), key


def test_every_key_the_code_looks_up_exists():
    assert _looked_up() - set(catalogue("en")) == set()


def test_every_catalogue_key_is_used_by_the_code():
    used = _literals() | _dynamic_keys()
    assert set(catalogue("en")) - used == set()


# --- data translations -------------------------------------------------------------------

DATASET = load_dataset()
TRANSLATED = {
    "sources": ("source_id", ("title", "speaker", "post", "organisation", "organisation_short")),
    "events": ("event_id", ("description",)),
    "figures": ("figure_id", ("label",)),
}
OPTIONAL = {"events": ("place", "note"), "figures": ("breakdown", "note")}


@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.parametrize("table", list(TRANSLATED))
def test_every_descriptive_text_of_the_data_is_translated(lang, table):
    key, required = TRANSLATED[table]
    frame = getattr(DATASET, table)
    translated = data_translations(lang)[table]
    assert set(translated) == set(frame[key])
    for record in frame.to_dict("records"):
        fields = set(translated[record[key]])
        expected = set(required) | {
            f for f in OPTIONAL.get(table, ()) if isinstance(record.get(f), str)
        }
        if table == "sources":
            expected |= {"genitive", "place"}
        assert fields == expected, record[key]
        assert all(translated[record[key]][f].strip() for f in fields)


@pytest.mark.parametrize("lang", OTHER)
def test_every_vocabulary_label_is_translated(lang):
    for name in ("event_categories", "qualifiers", "metrics"):
        assert set(data_translations(lang)[name]) == set(DATASET.vocabularies[name])


@pytest.mark.parametrize("lang", OTHER)
def test_localising_changes_descriptions_and_names_but_never_quotes_or_numbers(lang):
    local = localise(DATASET, lang)
    assert list(local.events["quote"]) == list(DATASET.events["quote"])
    assert list(local.figures["quote"]) == list(DATASET.figures["quote"])
    assert list(local.figures["value"]) == list(DATASET.figures["value"])
    assert (local.events["description"] != DATASET.events["description"]).all()
    assert list(local.regions["name"]) == list(DATASET.regions[f"name_{lang}"])


def test_translation_files_are_plain_yaml():
    for lang in OTHER:
        text = (TRANSLATIONS_DIR / f"{lang}.yaml").read_text(encoding="utf-8")
        assert isinstance(yaml.safe_load(text), dict)
        assert "&" not in re.sub(r'"[^"]*"', "", text)  # no anchors outside strings


# --- numbers and dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "number", "day"),
    [
        ("en", "36,831", "4 January 2022"),
        ("ru", "36\u00a0831", "4 января 2022\u202fг."),
        ("kk", "36\u00a0831", "2022\u202fж. 4 қаңтар"),
    ],
)
def test_numbers_and_dates_follow_cldr(lang, number, day):
    assert format_number(36831, lang) == number
    assert format_long_day(dt.date(2022, 1, 4), lang) == day


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "over 700"), ("ru", "более 700"), ("kk", "700-ден астам")],
)
def test_qualifiers_are_written_in_each_language(lang, expected):
    assert Translator(lang).value_label(700, "over", "over 700 vehicles", "vehicles") == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "almost 37,000 people (36,831)"),
        ("ru", "почти 37\u00a0000 (36\u00a0831)"),
        ("kk", "37\u00a0000-ға жуық (36\u00a0831)"),
    ],
)
def test_a_rounded_and_an_exact_number_both_reach_every_language(lang, expected):
    assert (
        Translator(lang).value_label(36831, "exact", "almost 37,000 people (36,831)", "people")
        == expected
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "over 87 billion"),
        ("ru", "более 87 миллиардов"),
        ("kk", "87 миллиардтан астам"),
    ],
)
def test_damage_in_tenge_keeps_its_qualifier_and_scale(lang, expected):
    assert Translator(lang).value_label(
        87_000_000_000, "over", "exceeded 87 billion tenge", "tenge"
    ) == (expected)


# --- the app in each language ------------------------------------------------------------

KEY_SHAPED = re.compile(r"\b[a-z_]+\.[a-z_]+(\.[a-z_0-9]+)*\b")


def _visible_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        texts += [str(el.value) for el in getattr(at, kind)]
    for el in at.get("plotly_chart"):
        texts.append(el.proto.spec)
    return texts


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page", PAGES)
def test_every_view_renders_in_every_language_with_no_key_showing(lang, page):
    st.cache_data.clear()
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if page != "overview":
        at.switch_page(f"dashboard/pages/{page}.py")
    at.run()
    assert not at.exception
    tr = Translator(lang)
    heading = (at.title if page == "overview" else at.header)[0].value
    expected = tr("overview.title") if page == "overview" else tr(f"{page}.header")
    assert heading == expected
    keys = set(catalogue("en"))
    shown = {m.group(0) for text in _visible_texts(at) for m in KEY_SHAPED.finditer(text)}
    assert shown & keys == set()


def test_english_is_the_default_language():
    assert EN.lang == "en"
