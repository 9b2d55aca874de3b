"""What a valid record is, written once as data: field kinds, the tables, and the links.

The schema lives in its own module because three readers need the same description: the
field checks (`fields`), the cross-record rules (`rules`) and the data package export
(`dashboard.export`), which turns it into a Frictionless table schema. `data/README.md`
documents the same fields, and `tests/test_docs.py` holds the two together. `Problem`, the
one shape every check reports in, lives here too, so that no checking module depends on
another just to name what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SEEDS_ENV = "QANTAR_SEEDS_DIR"
DEFAULT_SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"

FIRST_DAY = date(2022, 1, 1)
LAST_EVENT_DAY = date(2022, 1, 8)
MAX_VALUE = 10**15
REGION_COUNT = 17
# Created in June 2022; in January 2022 their land belonged to East Kazakhstan, Almaty
# Region and Karaganda Region, so a unit with one of these names is an anachronism.
LATER_REGIONS = re.compile(
    r"abai|abay|zhetysu|jetisu|ulytau|абай|жетісу|жетысу|ұлытау|улытау", re.I
)

ID_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
KEY_RE = re.compile(r"[a-z][a-z0-9_]*")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
FILENAME_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as the check allows."""

    file: str
    record_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [f"record '{self.record_id}'"] if self.record_id is not None else []
        where += [f"field '{self.field}'"] if self.field is not None else []
        return ": ".join([self.file, *([", ".join(where)] if where else []), self.message])


# Records as read and field-checked, by table; None for a file too broken to read.
Tables = dict[str, list[dict] | None]


# --- the schema, as a table ---------------------------------------------------------------

# Kinds of field value; each has a checker in `fields`.
ID = "id"
KEY = "key"
TEXT = "text"
ANY_TEXT = "any_text"
TEXTS = "texts"
DATE = "date"
NUMBER = "number"
INTEGER = "integer"
BOOL = "bool"
CHOICE = "choice"
URL = "url"
WEB_URL = "web_url"
FILENAME = "filename"
RECORDS = "records"

# A source's `kind`: a statement whose text we hold and quote, or a publication we cite.
STATEMENT = "statement"
CITED = "cited"
SOURCE_KINDS = (STATEMENT, CITED)
REPORT_KINDS = ("official_site", "news_report")
# `as_written` of a cited source's figure: the few words that state the number, no more.
MAX_CITED_WORDS = 12


@dataclass(frozen=True)
class Field:
    """One field of a record.

    In a table whose records have a `kind` (sources), a field can depend on it:
    `required_for` names the kinds that must have it (with `required` false), `only_for`
    the only kinds that may have it at all (`absent_because` says why the others do not).
    A RECORDS field is a non-empty list of sub-records, each with the fields `fields`.
    """

    name: str
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None
    required_for: tuple[str, ...] = ()
    only_for: tuple[str, ...] = ()
    absent_because: str = ""
    fields: tuple[Field, ...] = ()


def _optional(name: str, kind: str) -> Field:
    return Field(name, kind, required=False)


def _only(record_kind: str, name: str, kind: str, because: str, **more) -> Field:
    """A field that records of `record_kind` must have and records of other kinds must not."""
    return Field(
        name,
        kind,
        required=False,
        required_for=(record_kind,),
        only_for=(record_kind,),
        absent_because=because,
        **more,
    )


# One publication a cited source's figures were taken from.
REPORT_FIELDS = (
    Field("kind", CHOICE, choices=REPORT_KINDS),
    Field("publisher", TEXT),
    Field("title", TEXT),
    Field("url", WEB_URL),
    # Left out where the copy read does not show it; at least one report must be dated.
    Field("published", DATE, required=False),
    Field("accessed", DATE),
)


# Coordinates must fall inside Kazakhstan's bounding box, which catches swapped lat/lon.
_LAT = Field("lat", NUMBER, bounds=(40, 56))
_LON = Field("lon", NUMBER, bounds=(46, 88))
_NAMES = (Field("name_en", TEXT), Field("name_ru", TEXT), Field("name_kk", TEXT))

# Load order matters: ids are reported as colliding in the later file.
SCHEMA: dict[str, tuple[Field, ...]] = {
    "sources": (
        Field("source_id", ID),
        Field("kind", CHOICE, choices=SOURCE_KINDS),
        Field("title", TEXT),
        Field("speaker", TEXT, required=False, required_for=(STATEMENT,)),
        Field("post", TEXT, required=False, required_for=(STATEMENT,)),
        Field("organisation", TEXT),
        Field("organisation_short", TEXT),
        Field("place", TEXT, required=False, required_for=(STATEMENT,)),
        Field("published", DATE),
        _only(STATEMENT, "language", CHOICE, "nothing from it is quoted", choices=("en",)),
        _only(STATEMENT, "url", URL, "the address of each publication goes in its report"),
        _only(STATEMENT, "seed_file", FILENAME, "its text is not held"),
        _only(CITED, "reports", RECORDS, "its text is held and quoted", fields=REPORT_FIELDS),
    ),
    "regions": (
        Field("region_id", ID),
        *_NAMES,
        Field("kind", CHOICE, choices=("region", "city")),
        Field("centre", TEXT),
        _LAT,
        _LON,
    ),
    "places": (
        Field("place_id", ID),
        *_NAMES,
        Field("region_id", ID),
        _LAT,
        _LON,
        Field("spellings", TEXTS),
    ),
    "events": (
        Field("event_id", ID),
        Field("date", DATE),
        Field("scope", CHOICE, choices=("unit", "several", "nationwide")),
        _optional("region_id", ID),
        _optional("place_id", ID),
        _optional("place", TEXT),
        Field("category", KEY),
        Field("description", TEXT),
        Field("source_id", ID),
        Field("quote", TEXT),
        _optional("note", TEXT),
    ),
    "figures": (
        Field("figure_id", ID),
        Field("source_id", ID),
        Field("metric", KEY),
        _optional("breakdown", TEXT),
        # The same count, of the same scope, as published over time (vocabulary `series`).
        _optional("series", KEY),
        Field("label", TEXT),
        Field("value", NUMBER, bounds=(0, MAX_VALUE)),
        Field("qualifier", KEY),
        Field("as_written", TEXT),
        Field("unit", TEXT),
        _optional("date", DATE),
        _optional("period_start", DATE),
        _optional("period_end", DATE),
        _optional("region_id", ID),
        _optional("place_id", ID),
        _optional("parent_id", ID),
        _optional("parts_sum_to_whole", BOOL),
        # Required for a statement's figures, absent for a cited source's (rules.py).
        _optional("quote", TEXT),
        _optional("note", TEXT),
    ),
}

VOCABULARY_SCHEMA: dict[str, tuple[Field, ...]] = {
    "event_categories": (
        Field("label", TEXT),
        Field("group", CHOICE, choices=("unrest", "state_measure", "situation")),
        Field("severity", INTEGER, required=False, bounds=(1, 5)),
        Field("description", TEXT),
    ),
    "qualifiers": (Field("label", TEXT), Field("prefix", ANY_TEXT), Field("description", TEXT)),
    "metrics": (Field("label", TEXT), Field("unit", TEXT), Field("description", TEXT)),
    "series": (Field("label", TEXT), Field("metric", KEY), Field("description", TEXT)),
}

# (file, field, file referred to): every value of the field must be an id in that file.
REFERENCES = (
    ("places", "region_id", "regions"),
    ("events", "source_id", "sources"),
    ("events", "region_id", "regions"),
    ("events", "place_id", "places"),
    ("figures", "source_id", "sources"),
    ("figures", "region_id", "regions"),
    ("figures", "place_id", "places"),
    ("figures", "parent_id", "figures"),
)

# (file, field, vocabulary): every value of the field must be a key of that vocabulary.
VOCABULARY_FIELDS = (
    ("events", "category", "event_categories"),
    ("figures", "metric", "metrics"),
    ("figures", "qualifier", "qualifiers"),
    ("figures", "series", "series"),
)


def key_field(table: str) -> str:
    return SCHEMA[table][0].name


def index_by_id(records: list[dict] | None, table: str) -> dict[str, dict]:
    """Records by id; the first of duplicates wins (duplicates are reported elsewhere)."""
    found: dict[str, dict] = {}
    for record in records or []:
        found.setdefault(record.get(key_field(table)), record)
    found.pop(None, None)
    return found
