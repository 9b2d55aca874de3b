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
from drawn_charts import chart_captions, chart_headings, chart_texts
from streamlit.testing.v1 import AppTest

from dashboard.data import load_dataset
from dashboard.i18n import (
    EN,
    LANGUAGES,
    TRANSLATIONS_DIR,
    Translator,
    catalogue,
    data_translations,
    forms,
    localise,
    placeholders,
)
from dashboard.text import format_long_day, format_number, plural_categories

REPO = Path(__file__).resolve().parent.parent
CODE = sorted((REPO / "dashboard").rglob("*.py"))
OTHER = [lang for lang in LANGUAGES if lang != "en"]
PAGES = ["overview", "participants", "spread", "casualties", "property", "weapons", "cases"]
PAGES += ["chronology", "changes", "sources"]


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
        for form in forms(message):
            form.format(**dict.fromkeys(placeholders(message), "X")), key


# --- plural entries ----------------------------------------------------------------------

PLURAL_KEYS = sorted(key for key, message in catalogue("en").items() if isinstance(message, dict))


def test_plural_entries_exist_where_a_number_precedes_a_noun():
    assert {
        "weapons.grenades",
        "weapons.cartridges",
        "participants.regions.named_hover",
        "notice.dates_count",
        "notice.unknown_regions_more",
        "casualties.summary.affected",
    } <= set(PLURAL_KEYS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_plural_entry_has_exactly_the_cldr_categories_of_its_language(lang):
    wrong = {
        key: sorted(message)
        for key, message in catalogue(lang).items()
        if isinstance(message, dict) and set(message) != plural_categories(lang)
    }
    assert wrong == {}
    assert plural_categories("ru") == {"one", "few", "many", "other"}
    assert plural_categories("kk") == plural_categories("en") == {"one", "other"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_key_is_plural_in_every_language_or_in_none(lang):
    assert sorted(k for k, m in catalogue(lang).items() if isinstance(m, dict)) == PLURAL_KEYS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_form_has_the_same_placeholders(lang):
    differ = {
        key: [sorted(placeholders(form)) for form in forms(message)]
        for key, message in catalogue(lang).items()
        if isinstance(message, dict)
        and len({frozenset(placeholders(form)) for form in forms(message)}) > 1
    }
    assert differ == {}


COUNTS = [1, 2, 5, 11, 21, 22, 25, 101, 1001, 2_000_000, 1.5]


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("key", PLURAL_KEYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_entry_takes_any_count(lang, key, count):
    tr = Translator(lang)
    values = dict.fromkeys(placeholders(catalogue(lang)[key]) - {"count"}, "X")
    values["n"] = tr.number(count)
    shown = tr(key, count=count, **values)
    assert "{" not in shown and shown.strip()
    if "count" in placeholders(catalogue(lang)[key]):
        assert tr.number(count) in shown


# The noun after a number, for every count the plural rules tell apart.
CARTRIDGES = {
    1: ("1 патрон", "1 cartridge", "1 патрон"),
    2: ("2 патрона", "2 cartridges", "2 патрон"),
    5: ("5 патронов", "5 cartridges", "5 патрон"),
    11: ("11 патронов", "11 cartridges", "11 патрон"),
    21: ("21 патрон", "21 cartridges", "21 патрон"),
    22: ("22 патрона", "22 cartridges", "22 патрон"),
    25: ("25 патронов", "25 cartridges", "25 патрон"),
    101: ("101 патрон", "101 cartridges", "101 патрон"),
    1001: ("1\u00a0001 патрон", "1,001 cartridges", "1\u00a0001 патрон"),
    2_000_000: ("2 миллиона патронов", "2 million cartridges", "2 миллион патрон"),
    1.5: ("1,5 патрона", "1.5 cartridges", "1,5 патрон"),
}


@pytest.mark.parametrize("count", list(CARTRIDGES))
@pytest.mark.parametrize("lang", ["ru", "en", "kk"])
def test_the_noun_agrees_with_the_number(lang, count):
    tr = Translator(lang)
    expected = CARTRIDGES[count][["ru", "en", "kk"].index(lang)]
    assert tr("weapons.cartridges", count=count, n=tr.number(count)) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 граната"),
        (3, "3 гранаты"),
        (5, "5 гранат"),
        (21, "21 граната"),
        (111, "111 гранат"),
        (1.5, "1,5 гранаты"),
    ],
)
def test_a_feminine_noun_agrees_with_the_number(count, expected):
    tr = Translator("ru")
    assert tr("weapons.grenades", count=count, n=tr.number(count)) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        # "более" and "около" govern the genitive: of the singular after 1, 21, 101 ...
        (21, "over", "более 21 патрона"),
        (1, "approximately", "около 1 патрона"),
        (101, "over", "более 101 патрона"),
        # ... and of the plural after 2-4 and 5-20
        (2, "over", "более 2 патронов"),
        (22, "approximately", "около 22 патронов"),
        (100, "over", "более 100 патронов"),
        (1000, "approximately", "около 1\u00a0000 патронов"),
        (2_000_000, "over", "более 2 миллионов патронов"),
        (21_000_000, "over", "более 21 миллиона патронов"),
        (1.5, "over", "более 1,5 патрона"),
        # "почти" governs nothing: the noun agrees as after the bare number
        (21, "almost", "почти 21 патрон"),
        (2, "almost", "почти 2 патрона"),
        (2_000_000, "almost", "почти 2 миллиона патронов"),
    ],
)
def test_a_russian_qualifier_puts_the_noun_in_the_case_it_governs(value, qualifier, expected):
    tr = Translator("ru")
    label = tr.value_label(value, qualifier)
    assert tr("weapons.cartridges", count=value, qualifier=qualifier, n=label) == expected


def test_a_count_also_fills_the_count_placeholder_and_picks_the_form():
    tr = Translator("ru")
    assert tr("participants.regions.named_hover", day="4 января", count=1) == (
        "4 января: в тексте назван 1 регион"
    )
    assert tr("participants.regions.named_hover", day="4 января", count=6) == (
        "4 января: в тексте названо 6 регионов"
    )
    assert tr("notice.unknown_regions_more", names="a", count=3).endswith("ещё 3 региона.")
    assert Translator("ru")("notice.dates_count", count=1, values="x").startswith(
        "Для 'dates' нужны две даты (начало и конец), а получено 1 значение"
    )


def test_a_plural_entry_without_a_count_reads_its_general_form():
    assert EN("weapons.grenades", n="some") == "some grenades"


# --- typography ----------------------------------------------------------------------------

TYPED_GROUPED_NUMBER = re.compile(r"\d[ \u202f]\d{3}\b|\d %")


def _texts(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("lang", OTHER)
def test_typed_numbers_use_non_breaking_spaces(lang):
    """'36 831' and '78 %' as Babel writes them: a line never breaks inside a number."""
    texts = list(_texts(catalogue(lang))) + list(_texts(data_translations(lang)))
    assert [t for t in texts if TYPED_GROUPED_NUMBER.search(t)] == []


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
        ("kk", "36\u00a0831", "2022 жылғы 4 қаңтар"),
    ],
)
def test_numbers_and_dates_follow_cldr(lang, number, day):
    assert format_number(36831, lang) == number
    assert format_long_day(dt.date(2022, 1, 4), lang) == day


@pytest.mark.parametrize(
    ("lang", "day", "period", "tick"),
    [
        ("en", "15 Jan 2022", "1–8 Jan 2022", "15 Jan"),
        ("ru", "15 января 2022\u202fг.", "1–8 января 2022\u202fг.", "15 янв."),
        ("kk", "2022 жылғы 15 қаңтар", "2022 жылғы 1–8 қаңтар", "15 қаң."),
    ],
)
def test_days_in_running_text_are_written_in_full_and_ticks_abbreviated(lang, day, period, tick):
    tr = Translator(lang)
    assert tr.day(dt.date(2022, 1, 15)) == day
    assert tr.period(dt.date(2022, 1, 1), dt.date(2022, 1, 8)) == period
    assert tr.day_month(dt.date(2022, 1, 15)) == tick
    assert tr.attribution("X", dt.date(2022, 1, 15)).endswith(day)


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("ru", (2022, 1, 5), (2022, 2, 14), "5 января – 14 февраля 2022\u202fг."),
        ("ru", (2021, 12, 31), (2022, 1, 8), "31 декабря 2021\u202fг. – 8 января 2022\u202fг."),
        ("ru", (2022, 1, 4), (2022, 1, 4), "4 января 2022\u202fг."),
        ("kk", (2022, 1, 5), (2022, 2, 14), "2022 жылғы 5 қаңтар – 14 ақпан"),
        ("kk", (2021, 12, 31), (2022, 1, 8), "2021 жылғы 31 желтоқсан – 2022 жылғы 8 қаңтар"),
        ("kk", (2022, 1, 4), (2022, 1, 4), "2022 жылғы 4 қаңтар"),
    ],
)
def test_periods_across_months_and_years(lang, start, end, expected):
    assert Translator(lang).period(dt.date(*start), dt.date(*end)) == expected


def test_short_days_keep_the_cldr_abbreviations():
    assert Translator("kk").short_day(dt.date(2022, 1, 4)) == "2022\u202fж. 4 қаң."
    assert Translator("ru").short_day(dt.date(2022, 1, 4)) == "4 янв. 2022\u202fг."


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


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "expected"),
    [
        (1.5, "over", "", "1,5-тен астам"),  # read "бір бүтін оннан бес": "бес" -> "тен"
        (77.9, "almost", "", "77,9-ға жуық"),  # "тоғыз"
        (70, "almost", "percent", "70%-ға жуық"),  # "жетпіс пайыз"
        (70, "over", "percent", "70%-дан астам"),
        (2 * 10**12, "over", "", "2 триллионнан астам"),
        (3 * 10**9, "almost", "", "3 миллиардқа жуық"),
        (1_001, "over", "", "1\u00a0001-ден астам"),
        (2_000_000, "over", "", "2 миллионнан астам"),
    ],
)
def test_kazakh_endings_follow_the_last_word_read(value, qualifier, unit, expected):
    assert Translator("kk").value_label(value, qualifier, "", unit) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (2_000_000, "over", "более 2 миллионов"),
        (21_000_000, "approximately", "около 21 миллиона"),
        (1_000_000_000, "over", "более 1 миллиарда"),
        (2_000_000, "almost", "почти 2 миллиона"),
        (70, "approximately", "около 70\u00a0%"),
    ],
)
def test_russian_scale_words_take_the_case_of_their_qualifier(value, qualifier, expected):
    unit = "percent" if value == 70 else ""
    assert Translator("ru").value_label(value, qualifier, "", unit) == expected


# --- the app in each language ------------------------------------------------------------

KEY_SHAPED = re.compile(r"\b[a-z_]+\.[a-z_]+(\.[a-z_0-9]+)*\b")


def _visible_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        texts += [str(el.value) for el in getattr(at, kind)]
    texts += chart_texts(at) + chart_captions(at) + chart_headings(at)
    # The cards and the chronology's days (their elements' data, as JSON)
    texts += [el.proto.json for el in at.get("bidi_component") if el.proto.json]
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
