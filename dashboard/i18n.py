"""The page in English, Russian and Kazakh.

Two kinds of text change with the language:
- the interface (titles, captions, notices, chart labels): looked up by key in the
  catalogues `dashboard/locales/<lang>.yaml`, which a translator edits without touching code;
- our own descriptive texts in `data/` (event descriptions, figure labels, notes,
  vocabulary labels, the names of the bodies): `data/translations/<lang>.yaml`, applied
  to a Dataset by `localise()`. Region and town names come from the data's own name_ru /
  name_kk columns.
Quotes are never translated: they stay in English, the language of the published
statements. Numbers and dates are written with CLDR rules through Babel (`dashboard.text`).

Plurals: a catalogue entry where a number precedes a noun is a mapping of the language's
CLDR plural categories (ru one/few/many/other; en and kk one/other) to texts with the same
placeholders, and `tr(key, count=n, ...)` picks the form with Babel's plural rule:
"{n} патрон" / "{n} патрона" / "{n} патронов". After a Russian qualifier that governs the
genitive ("более", "около") the noun is in the genitive of the numeral's own form: "более 21
патрона", "около 1 000 патронов"; "почти" governs nothing ("почти 21 патрон").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from dashboard import text
from dashboard.data import DATA_DIR, Dataset

LANGUAGES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
DEFAULT = "en"
LOCALES_DIR = Path(__file__).parent / "locales"
TRANSLATIONS_DIR = DATA_DIR / "translations"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


# Qualifiers whose Russian words govern the genitive: "более 21 патрона", "около 5 патронов".
GOVERNS_GENITIVE = {"ru": frozenset({"over", "approximately"})}

Message = str | dict[str, str]


@cache
def catalogue(lang: str) -> dict[str, Message]:
    """The interface strings of one language: key -> text with {placeholders}, or for a text
    with a counted noun, CLDR plural category -> text."""
    with (LOCALES_DIR / f"{lang}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def forms(message: Message) -> list[str]:
    """Every text of a message: itself, or each of its plural forms."""
    return list(message.values()) if isinstance(message, dict) else [message]


def placeholders(message: Message) -> set[str]:
    return {name for form in forms(message) for name in PLACEHOLDER.findall(form)}


@dataclass(frozen=True)
class Translator:
    """`tr("key", n=...)` for interface text; `tr.number`, `tr.day`, ... for formatting."""

    lang: str = DEFAULT

    def __call__(
        self, key: str, count: float | int | None = None, qualifier: str = "exact", **values
    ) -> str:
        """The message `key` with its placeholders filled in.

        `count`, for a plural entry: the number the noun agrees with (a qualified label such
        as "более 100" is passed as a placeholder, its number as `count`, its qualifier as
        `qualifier`). `count` also fills a {count} placeholder.
        """
        lang = self.lang
        message = catalogue(lang).get(key)
        if message is None:  # a missing key shows in English rather than failing the page
            lang, message = DEFAULT, catalogue(DEFAULT)[key]
        if count is not None and "count" in placeholders(message):
            values.setdefault("count", text.format_number(count, lang))
        if isinstance(message, dict):
            message = message[self._category(count, qualifier, lang)]
        return message.format(**values) if values else message

    @staticmethod
    def _category(count, qualifier: str, lang: str) -> str:
        if count is None:
            return "other"
        category = text.plural_category(count, lang)
        if qualifier in GOVERNS_GENITIVE.get(lang, ()):
            category = text.governed_category(category, lang)
        return category

    def number(self, value: float | int) -> str:
        return text.format_number(value, self.lang)

    def day(self, day) -> str:
        """A day in running text: '4 Jan 2022' / '4 января 2022 г.' / '2022 жылғы 4 қаңтар'."""
        return text.format_day(day, self.lang)

    def short_day(self, day) -> str:
        """A day where space is short: '4 Jan 2022' / '4 янв. 2022 г.' / '2022 ж. 4 қаң.'."""
        return text.format_short_day(day, self.lang)

    def long_day(self, day) -> str:
        return text.format_long_day(day, self.lang)

    def period(self, start, end) -> str:
        return text.format_period(start, end, self.lang)

    def day_month(self, day) -> str:
        return text.format_day_month(day, self.lang)

    def value_label(self, value, qualifier: str, as_written: str = "", unit: str = "") -> str:
        """The number with its qualifier, as a reader should see it on a chart or card.

        Where the statement states two numbers ("almost 37,000 people (36,831)") both are
        kept: in English its own words, in another language the rounded number with its
        qualifier and the exact one in brackets. Units are named in titles and axes, not
        after each number: "over 87 billion".
        """
        if self.lang == DEFAULT and text.numbers_stated(as_written) > 1:
            return as_written
        reading = text.rounded_reading(as_written)
        if reading is not None:
            rounded, said = reading
            return f"{self.qualified(rounded, said)} ({self.number(value)})"
        shown = text.format_percent(value, self.lang) if unit == "percent" else None
        return self.qualified(value, qualifier, shown=shown)

    def qualified(self, value, qualifier: str, *, shown: str | None = None) -> str:
        """'over 700' / 'более 700' / '700-ден астам': the catalogue's words around a number.

        The number takes the case its qualifier governs: "более 2 миллионов" (genitive),
        "1,5-тен астам", "70%-ға жуық" (the Kazakh ending follows the last word read).
        """
        if qualifier == "exact":
            return self.number(value) if shown is None else shown
        genitive = qualifier in GOVERNS_GENITIVE.get(self.lang, ())
        number = text.format_number(value, self.lang, genitive=genitive) if shown is None else shown
        percent = shown is not None and shown.endswith("%")
        ending = text.kk_ending(value, qualifier, percent=percent) if self.lang == "kk" else ""
        if ending and number[-1].isalpha():  # "87 миллиардтан": the ending joins a word directly
            ending = ending.lstrip("-")
        return self(f"qualifier.{qualifier}.value", n=number + ending)

    def attribution(self, organisation: str, published) -> str:
        return self("attribution", organisation=organisation, date=self.day(published))


EN = Translator(DEFAULT)


def language(raw: str | None) -> str:
    return raw if raw in LANGUAGES else DEFAULT


# --- data --------------------------------------------------------------------------------

# Which translated field replaces which column, per table.
_FIELDS = {
    "sources": ("title", "speaker", "post", "organisation", "organisation_short", "place"),
    "events": ("description", "place", "note"),
    "figures": ("label", "breakdown", "note"),
}


@cache
def data_translations(lang: str) -> dict:
    if lang == DEFAULT:
        return {}
    with (TRANSLATIONS_DIR / f"{lang}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _translate_column(frame: pd.DataFrame, key: str, table: dict, field: str) -> pd.Series:
    translated = frame[key].map(lambda rid: table.get(rid, {}).get(field))
    return translated.where(translated.notna(), frame[field])


def _relabel_derived(figures: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """Derived rows are labelled from their parent's label, so they follow its translation."""
    if "derived" not in figures:
        return figures
    labels = dict(zip(figures["figure_id"], figures["label"], strict=True))
    derived = figures["derived"].astype(bool)
    out = figures.copy()
    out.loc[derived, "label"] = [
        tr("derived.rest", label=labels[parent]) for parent in figures.loc[derived, "parent_id"]
    ]
    out.loc[derived, "breakdown"] = tr("derived.not_itemised")
    return out


def localise(ds: Dataset, lang: str) -> Dataset:
    """The dataset with our descriptive texts and names in `lang`; numbers and quotes unchanged.

    Adds `name` to regions and places (the name in `lang`) and `genitive` to sources (the
    body's name as it stands in "according to ..."). English is the data itself.
    """
    suffix = "en" if lang == DEFAULT else lang
    regions = ds.regions.assign(name=ds.regions[f"name_{suffix}"])
    places = ds.places.assign(name=ds.places[f"name_{suffix}"])
    if lang == DEFAULT:
        sources = ds.sources.assign(genitive="the " + ds.sources["organisation_short"])
        return replace(ds, regions=regions, places=places, sources=sources)
    tr = data_translations(lang)
    tables = {}
    for table, fields in _FIELDS.items():
        frame = getattr(ds, table).copy()
        key = {"sources": "source_id", "events": "event_id", "figures": "figure_id"}[table]
        for field in fields:
            frame[field] = _translate_column(frame, key, tr[table], field)
        tables[table] = frame
    tables["figures"] = _relabel_derived(tables["figures"], Translator(lang))
    tables["sources"]["genitive"] = tables["sources"]["source_id"].map(
        lambda sid: tr["sources"][sid]["genitive"]
    )
    vocabularies = {
        name: {
            key: {**entry, **tr[name].get(key, {})} for key, entry in ds.vocabularies[name].items()
        }
        for name in ("event_categories", "qualifiers", "metrics", "series")
    }
    return replace(
        ds,
        regions=regions,
        places=places,
        vocabularies={**ds.vocabularies, **vocabularies},
        **tables,
    )
