"""The Russian and Kazakh texts call a body, a post, an offence and a region the same way
everywhere, as dashboard/locales/glossary.yaml fixes it.

Two rules: no forbidden variant (a calque, another country's term, an unofficial region
name) appears in any Russian or Kazakh string, interface or data; and where an English
string names a glossary term (outside quotation marks, which hold the statements' own
words), the Russian and Kazakh strings of the same key or record use the term's stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml

from dashboard.data import load_dataset
from dashboard.i18n import LOCALES_DIR, catalogue, data_translations, forms

OTHER = ("ru", "kk")
GLOSSARY = yaml.safe_load((LOCALES_DIR / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
DATASET = load_dataset()
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|'[^']*'")


def _pattern(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


def _data_texts(lang: str) -> Iterator[tuple[str, str, str]]:
    """(where, English, translation) for every translated field of the data."""
    translated = data_translations(lang)
    tables = {"sources": "source_id", "events": "event_id", "figures": "figure_id"}
    for table, key in tables.items():
        for record in getattr(DATASET, table).to_dict("records"):
            for field, text in translated[table][record[key]].items():
                english = record.get(field)
                yield (
                    f"{table}.{record[key]}.{field}",
                    english if isinstance(english, str) else "",
                    text,
                )
    for name in ("event_categories", "qualifiers", "metrics"):
        for entry_id, entry in translated[name].items():
            for field, text in entry.items():
                english = DATASET.vocabularies[name][entry_id].get(field, "")
                yield f"{name}.{entry_id}.{field}", english, text


def _catalogue_texts(lang: str) -> Iterator[tuple[str, str, str]]:
    english = catalogue("en")
    for key, message in catalogue(lang).items():
        yield key, " ".join(forms(english[key])), " ".join(forms(message))


def _pairs(lang: str) -> list[tuple[str, str, str]]:
    return list(_catalogue_texts(lang)) + list(_data_texts(lang))


def test_the_glossary_lists_every_region_of_january_2022_and_the_three_new_ones():
    names = {term["ru"] for term in GLOSSARY}
    assert set(DATASET.regions["name_ru"]) <= names
    assert {"область Абай", "область Жетісу", "область Ұлытау"} <= names
    kk_names = {term["kk"] for term in GLOSSARY}
    assert set(DATASET.regions["name_kk"]) <= kk_names


def test_every_term_has_its_three_languages_and_valid_patterns():
    for term in GLOSSARY:
        assert all(term.get(lang) for lang in ("en", *OTHER)), term["id"]
        for patterns in (term.get("match", {}), term.get("forbidden", {})):
            for value in patterns.values():
                for regex in [value] if isinstance(value, str) else value:
                    _pattern(regex)
        assert "match" in term or "forbidden" in term, term["id"]


FORBIDDEN = [
    (term["id"], lang, regex)
    for term in GLOSSARY
    for lang, regexes in term.get("forbidden", {}).items()
    for regex in regexes
]


@pytest.mark.parametrize(("term", "lang", "regex"), FORBIDDEN)
def test_no_forbidden_variant_appears_in_any_translation(term, lang, regex):
    pattern = _pattern(regex)
    found = [where for where, _, text in _pairs(lang) if pattern.search(text)]
    assert found == [], f"{term}: {regex}"


def test_the_glossary_forbids_the_known_bad_variants():
    forbidden = {regex for _, _, regex in FORBIDDEN}
    assert {"контртеррористическ", "бірлік", "ұстаул", "видеоүндеу", "Абайск"} <= forbidden


MATCHED = [(term["id"], lang) for term in GLOSSARY if "match" in term for lang in OTHER]


@pytest.mark.parametrize(("term", "lang"), MATCHED)
def test_a_term_named_in_english_is_named_with_its_glossary_stem(term, lang):
    match = next(t for t in GLOSSARY if t["id"] == term)["match"]
    english, translated = _pattern(match["en"]), _pattern(match[lang])
    missing = [
        where
        for where, source, text in _pairs(lang)
        if english.search(QUOTED.sub(" ", source)) and not translated.search(text)
    ]
    assert missing == []


def test_the_stem_rule_is_not_vacuous():
    """Most terms are actually found in the English texts, so the rule above bites."""
    english = [QUOTED.sub(" ", source) for _, source, _ in _pairs("ru")]
    found = {
        t["id"]
        for t in GLOSSARY
        if "match" in t and any(_pattern(t["match"]["en"]).search(s) for s in english)
    }
    assert {
        "general_prosecutors_office",
        "ministry_of_internal_affairs",
        "anti_terrorist_operation",
        "mass_riots",
        "mangystau",
        "almaty_city",
        "rifled",
    } <= found
