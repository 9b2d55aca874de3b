"""Loads the curated YAML in `data/` into DataFrames, but only after proving it sound.

Every number the dashboard shows was typed by hand from two official statements, so this
module is the only way in: it reads the files with a YAML loader that accepts nothing but
plain data, checks every record against the schema in `data/README.md` (types, ids,
references, vocabularies, dates, quotes verbatim in the statement texts, numbers inside
their quotes, parts not larger than their wholes) and hands out DataFrames only when there
is nothing to report. All problems are collected and reported together, so a curator can
fix every file in one pass; a broken file never produces a traceback or half-loaded data.

DataFrame dtypes: text columns use pandas' default string dtype (missing = NaN); dates are
`datetime64[ns]` at midnight (missing = NaT); `value` is nullable `Int64` when every value
is a whole number, so 87,000,000,000 stays exact, and `float64` otherwise; `lat`/`lon` are
`float64`; `parts_sum_to_whole` is nullable `boolean`; `spellings` holds Python lists.
Optional fields are always present as columns.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SEEDS_ENV = "QANTAR_SEEDS_DIR"
DEFAULT_SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

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


# --- public types -------------------------------------------------------------------------


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


class DataError(Exception):
    """Raised by `load_dataset` when the data has problems; lists all of them."""

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[str] = ()):
        self.problems = list(problems)
        self.warnings = list(warnings)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Dataset:
    """The validated data: one DataFrame per file, columns exactly the schema's fields."""

    sources: pd.DataFrame
    regions: pd.DataFrame
    places: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    vocabularies: dict
    warnings: list[str] = field(default_factory=list)


# --- the schema, as a table ---------------------------------------------------------------

# Kinds of field value; each has a checker in _CHECKERS.
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
FILENAME = "filename"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    bounds: tuple[float, float] | None = None


def _optional(name: str, kind: str) -> Field:
    return Field(name, kind, required=False)


# Coordinates must fall inside Kazakhstan's bounding box, which catches swapped lat/lon.
_LAT = Field("lat", NUMBER, bounds=(40, 56))
_LON = Field("lon", NUMBER, bounds=(46, 88))
_NAMES = (Field("name_en", TEXT), Field("name_ru", TEXT), Field("name_kk", TEXT))

# Load order matters: ids are reported as colliding in the later file.
SCHEMA: dict[str, tuple[Field, ...]] = {
    "sources": (
        Field("source_id", ID),
        Field("title", TEXT),
        Field("speaker", TEXT),
        Field("post", TEXT),
        Field("organisation", TEXT),
        Field("organisation_short", TEXT),
        Field("place", TEXT),
        Field("published", DATE),
        Field("language", CHOICE, choices=("en",)),
        Field("url", URL),
        Field("seed_file", FILENAME),
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
        Field("quote", TEXT),
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
)


def key_field(table: str) -> str:
    return SCHEMA[table][0].name


# --- reading YAML -------------------------------------------------------------------------


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, minus anchors, aliases and merge keys, and with unique keys.

    Refusing anchors outright is the billion-laughs defence: nothing can be expanded.
    """

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "YAML anchors and aliases are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "YAML merge keys ('<<') are not allowed", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        # An impossible date such as 2022-02-30 stays text, for the date check to report.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def _yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    text = ", ".join(str(part) for part in (context, problem) if part) or str(exc)
    text = " ".join(text.split())
    if mark is None:
        return f"invalid YAML: {text}"
    return f"invalid YAML at line {mark.line + 1}, column {mark.column + 1}: {text}"


def read_yaml(path: Path) -> tuple[Any, str | None]:
    """Parse one file strictly; return (data, None) or (None, what is wrong)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "file not found"
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or exc}"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at line {line}"
    try:
        return yaml.load(text, Loader=_StrictLoader), None
    except yaml.YAMLError as exc:
        return None, _yaml_problem(exc)
    except RecursionError:
        return None, "invalid YAML: nested too deeply"


# --- field checks -------------------------------------------------------------------------


class _Bad(ValueError):
    pass


def _show(value: Any) -> str:
    kind = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }
    if value is None:
        return "null"
    return f"{kind[type(value)]} ({value!r})" if type(value) in kind else repr(value)


def _as_id(value, f):
    if isinstance(value, str) and ID_RE.fullmatch(value):
        return value
    raise _Bad(f"must be a lower-case id like 'wounded-total', got {_show(value)}")


def _as_key(value, f):
    if isinstance(value, str) and KEY_RE.fullmatch(value):
        return value
    raise _Bad(f"must be a vocabulary key like 'police_cars_burned', got {_show(value)}")


def _as_text(value, f):
    if isinstance(value, str) and value.strip():
        return value
    raise _Bad(f"must be non-empty text, got {_show(value)}")


def _as_any_text(value, f):
    if isinstance(value, str):
        return value
    raise _Bad(f"must be text, got {_show(value)}")


def _as_texts(value, f):
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return value
    raise _Bad(f"must be a non-empty list of texts, got {_show(value)}")


def _as_date(value, f):
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(f"must be a real date written YYYY-MM-DD, got {_show(value)}")


def _as_number(value, f, integer=False):
    wanted = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, wanted):
        raise _Bad(f"must be {'a whole' if integer else 'a'} number, got {_show(value)}")
    if not math.isfinite(value):
        raise _Bad(f"must be a finite number, got {value}")
    low, high = f.bounds or (-math.inf, math.inf)
    if value < low:
        raise _Bad(f"must be at least {low:,}, got {value:,}")
    if value > high:
        raise _Bad(f"must be at most {high:,}, got {value:,}")
    return value


def _as_bool(value, f):
    if isinstance(value, bool):
        return value
    raise _Bad(f"must be true or false, got {_show(value)}")


def _as_choice(value, f):
    if isinstance(value, str) and value in f.choices:
        return value
    raise _Bad(f"must be one of {', '.join(f.choices)}; got {_show(value)}")


def _as_url(value, f):
    if (
        isinstance(value, str)
        and value.startswith("https://")
        and not any(c.isspace() for c in value)
    ):
        return value
    raise _Bad(f"must be an https:// address, got {_show(value)}")


def _as_filename(value, f):
    if isinstance(value, str) and FILENAME_RE.fullmatch(value):
        return value
    raise _Bad(f"must be a bare file name, got {_show(value)}")


_CHECKERS: dict[str, Callable[[Any, Field], Any]] = {
    ID: _as_id,
    KEY: _as_key,
    TEXT: _as_text,
    ANY_TEXT: _as_any_text,
    TEXTS: _as_texts,
    DATE: _as_date,
    NUMBER: _as_number,
    INTEGER: lambda value, f: _as_number(value, f, integer=True),
    BOOL: _as_bool,
    CHOICE: _as_choice,
    URL: _as_url,
    FILENAME: _as_filename,
}


def check_fields(file: str, rid: str, raw: Any, fields: tuple[Field, ...]) -> tuple[dict, list]:
    """Check one record's fields; return its valid fields (normalised) and its problems."""
    if not isinstance(raw, dict):
        return {}, [
            Problem(file, rid, None, f"must be a mapping of field: value, got {_show(raw)}")
        ]
    clean: dict[str, Any] = {}
    problems = []
    names = [f.name for f in fields]
    for key in raw:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(file, rid, str(key), f"unknown field{hint}"))
    for f in fields:
        value = raw.get(f.name)
        if value is None:
            if f.required:
                problems.append(Problem(file, rid, f.name, "is required"))
            continue
        try:
            clean[f.name] = _CHECKERS[f.kind](value, f)
        except _Bad as exc:
            problems.append(Problem(file, rid, f.name, str(exc)))
    return clean, problems


def _record_label(raw: Any, key: str, index: int) -> str:
    value = raw.get(key) if isinstance(raw, dict) else None
    return value if isinstance(value, str) and ID_RE.fullmatch(value) else f"#{index + 1}"


def load_table(directory: Path, table: str) -> tuple[list[dict] | None, list[Problem]]:
    """Read and field-check one list-of-records file; None when the file itself is broken."""
    file = f"{table}.yaml"
    data, error = read_yaml(directory / file)
    if error:
        return None, [Problem(file, None, None, error)]
    if not isinstance(data, list):
        return None, [Problem(file, None, None, f"must be a list of records, got {_show(data)}")]
    records, problems = [], []
    key = key_field(table)
    for index, raw in enumerate(data):
        rid = _record_label(raw, key, index)
        clean, found = check_fields(file, rid, raw, SCHEMA[table])
        problems += found
        records.append({**clean, "_rid": rid})
    return records, problems


def load_vocabularies(directory: Path) -> tuple[dict | None, list[Problem]]:
    file = "vocabularies.yaml"
    data, error = read_yaml(directory / file)
    if error:
        return None, [Problem(file, None, None, error)]
    if not isinstance(data, dict):
        return None, [
            Problem(file, None, None, f"must be a mapping of vocabularies, got {_show(data)}")
        ]
    problems = [
        Problem(file, None, str(k), "unknown vocabulary")
        for k in data
        if k not in VOCABULARY_SCHEMA
    ]
    vocabularies = {}
    for name, fields in VOCABULARY_SCHEMA.items():
        entries = data.get(name)
        if not isinstance(entries, dict) or not entries:
            problems.append(
                Problem(file, None, name, f"must be a non-empty mapping, got {_show(entries)}")
            )
            continue
        vocabularies[name] = {}
        for key, raw in entries.items():
            rid = f"{name}.{key}"
            if not (isinstance(key, str) and KEY_RE.fullmatch(key)):
                problems.append(
                    Problem(file, rid, None, "key must be lower-case letters, digits, _")
                )
                continue
            clean, found = check_fields(file, rid, raw, fields)
            problems += found
            vocabularies[name][key] = clean
    return vocabularies, problems


# --- checks across records and files ------------------------------------------------------

Tables = dict[str, list[dict] | None]


def _index(records: list[dict] | None, table: str) -> dict[str, dict]:
    """Records by id; the first of duplicates wins (duplicates are reported elsewhere)."""
    index: dict[str, dict] = {}
    for record in records or []:
        index.setdefault(record.get(key_field(table)), record)
    index.pop(None, None)
    return index


def check_ids(tables: Tables) -> list[Problem]:
    problems = []
    owner: dict[str, str] = {}
    for table, records in tables.items():
        key = key_field(table)
        counts = Counter(r[key] for r in records or [] if key in r)
        reported = set()
        for record in records or []:
            rid = record.get(key)
            if rid is None or rid in reported:
                continue
            file = f"{table}.yaml"
            if counts[rid] > 1:
                problems.append(
                    Problem(file, rid, key, f"id is used by {counts[rid]} records in {file}")
                )
                reported.add(rid)
            if rid in owner and owner[rid] != file:
                problems.append(
                    Problem(
                        file,
                        rid,
                        key,
                        f"id is already used in {owner[rid]}; ids are unique across files",
                    )
                )
                reported.add(rid)
            owner.setdefault(rid, file)
    return problems


def check_references(tables: Tables) -> list[Problem]:
    problems = []
    for table, name, target in REFERENCES:
        if tables[table] is None or tables[target] is None:
            continue
        known = _index(tables[target], target)
        for record in tables[table]:
            value = record.get(name)
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        name,
                        f"'{value}' is not an id in {target}.yaml",
                    )
                )
    places = _index(tables["places"], "places")
    for table in ("events", "figures"):
        for record in tables[table] or []:
            place = places.get(record.get("place_id"))
            region = record.get("region_id")
            if place and region and place.get("region_id") and place["region_id"] != region:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        "place_id",
                        f"'{record['place_id']}' is in region '{place['region_id']}', "
                        f"not in the record's region '{region}'",
                    )
                )
    for record in tables["events"] or []:
        scope, region = record.get("scope"), record.get("region_id")
        if scope == "unit" and region is None:
            problems.append(
                Problem(
                    "events.yaml", record["_rid"], "region_id", "is required when scope is 'unit'"
                )
            )
        if scope not in (None, "unit") and region is not None:
            problems.append(
                Problem(
                    "events.yaml",
                    record["_rid"],
                    "region_id",
                    f"only scope 'unit' has a region; scope is '{scope}'",
                )
            )
    return problems


def check_vocabularies(tables: Tables, vocabularies: dict | None) -> list[Problem]:
    if vocabularies is None:
        return []
    problems = []
    for table, name, vocabulary in VOCABULARY_FIELDS:
        known = vocabularies.get(vocabulary)
        for record in tables[table] if known is not None and tables[table] else []:
            value = record.get(name)
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        name,
                        f"'{value}' is not in {vocabulary} in vocabularies.yaml",
                    )
                )
    for record in tables["figures"] or []:
        metric = vocabularies.get("metrics", {}).get(record.get("metric"), {})
        unit = record.get("unit")
        if unit is not None and metric.get("unit") not in (None, unit):
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "unit",
                    f"'{unit}' is not the unit of metric '{record['metric']}', "
                    f"which is '{metric['unit']}'",
                )
            )
    return problems


def check_dates(tables: Tables) -> list[Problem]:
    problems = []
    for record in tables["events"] or []:
        day = record.get("date")
        if day is not None and not FIRST_DAY <= day <= LAST_EVENT_DAY:
            problems.append(
                Problem(
                    "events.yaml",
                    record["_rid"],
                    "date",
                    f"{day} is outside the chronology {FIRST_DAY} … {LAST_EVENT_DAY}",
                )
            )
    sources = _index(tables["sources"], "sources")
    for record in tables["figures"] or []:
        published = sources.get(record.get("source_id"), {}).get("published")
        for name in ("date", "period_start", "period_end"):
            day = record.get(name)
            if day is not None and published is not None and not FIRST_DAY <= day <= published:
                problems.append(
                    Problem(
                        "figures.yaml",
                        record["_rid"],
                        name,
                        f"{day} is outside {FIRST_DAY} … {published} "
                        "(the source's publication date)",
                    )
                )
        start, end = record.get("period_start"), record.get("period_end")
        if start is not None and end is not None and start > end:
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "period_end",
                    f"{end} is before period_start {start}",
                )
            )
    return problems


def check_regions(tables: Tables) -> list[Problem]:
    regions = tables["regions"]
    if regions is None:
        return []
    problems = []
    if len(regions) != REGION_COUNT:
        problems.append(
            Problem(
                "regions.yaml",
                None,
                None,
                f"has {len(regions)} units; January 2022 had exactly {REGION_COUNT}",
            )
        )
    for record in regions:
        for name in ("region_id", "name_en", "name_ru", "name_kk"):
            match = LATER_REGIONS.search(str(record.get(name, "")))
            if match:
                problems.append(
                    Problem(
                        "regions.yaml",
                        record["_rid"],
                        name,
                        f"'{match.group()}' is a region created in June 2022, "
                        "not a unit of January 2022",
                    )
                )
                break
    return problems


def _exact(value: int | float) -> Decimal:
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def _fmt(value: int | float | Decimal) -> str:
    number = value if isinstance(value, Decimal) else _exact(value)
    return f"{number.normalize():,f}"


def check_hierarchy(tables: Tables) -> list[Problem]:
    """Parents and children: same unit, part not larger than whole, no cycles, exact sums."""
    figures = tables["figures"]
    if figures is None:
        return []
    problems = []
    by_id = _index(figures, "figures")

    def report(record, name, message):
        problems.append(Problem("figures.yaml", record["_rid"], name, message))

    for child in figures:
        parent = by_id.get(child.get("parent_id"))
        if parent is None or parent is child:
            continue
        if child.get("unit") and parent.get("unit") and child["unit"] != parent["unit"]:
            report(
                child,
                "parent_id",
                f"unit '{child['unit']}' differs from the parent's unit '{parent['unit']}'",
            )
        elif "value" in child and "value" in parent and child["value"] > parent["value"]:
            report(
                child,
                "value",
                f"part larger than its whole: {_fmt(child['value'])} > {_fmt(parent['value'])} "
                f"of parent '{parent['figure_id']}'",
            )

    cycles_seen = set()
    for record in figures:
        chain, current = [], record
        while current is not None and current.get("figure_id") not in chain:
            chain.append(current.get("figure_id"))
            current = by_id.get(current.get("parent_id"))
        if current is None:
            continue
        cycle = chain[chain.index(current["figure_id"]) :]
        if frozenset(cycle) not in cycles_seen:
            cycles_seen.add(frozenset(cycle))
            first = min(cycle)
            start = cycle.index(first)
            path = [*cycle[start:], *cycle[:start], first]
            report(by_id[first], "parent_id", f"parents form a cycle: {' -> '.join(path)}")

    for parent in figures:
        if parent.get("parts_sum_to_whole") is not True or "value" not in parent:
            continue
        children = [
            c for c in figures if c.get("parent_id") == parent.get("figure_id") and c is not parent
        ]
        if not children:
            report(
                parent, "parts_sum_to_whole", "is true but no figure names this one as parent_id"
            )
        elif all("value" in c for c in children):
            total = sum(_exact(c["value"]) for c in children)
            if total != _exact(parent["value"]):
                ids = ", ".join(c["figure_id"] for c in children if "figure_id" in c)
                report(
                    parent,
                    "parts_sum_to_whole",
                    f"the parts ({ids}) add up to {_fmt(total)}, not {_fmt(parent['value'])}",
                )
    return problems


# --- numbers and quotes -------------------------------------------------------------------

# fmt: off
_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}
# fmt: on
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
# A number not glued to other digits, so that 1 is not found inside 15 or 466 inside 1,466.
_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|[.,]\d)(?:\s+(thousand|million|billion)\b)?",
    re.I,
)
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.I)


def numbers_in(text: str) -> set[Decimal]:
    """Every number `text` states in a form the curation rules accept (see data/README.md)."""
    found = set()
    for whole, fraction, scale in _DIGITS.findall(text):
        number = Decimal(whole.replace(",", "") + fraction)
        found.add(number * _SCALES[scale.lower()] if scale else number)
    found |= {Decimal(_WORDS[word.lower()]) for word in _WORD.findall(text)}
    return found


def value_in_text(value: int | float, text: str) -> bool:
    return _exact(value) in numbers_in(text)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def seeds_dir() -> Path:
    return Path(os.environ.get(SEEDS_ENV) or DEFAULT_SEEDS_DIR)


def _statement_texts(
    sources: list[dict] | None,
) -> tuple[dict[str, str], list[Problem], list[str]]:
    """The statements' texts by source id.

    With no seeds folder at all the quote check is skipped with a warning (a copy of the
    data without the statements can still be loaded); with the folder present, a
    statement missing from it is a problem, so a mistyped `seed_file` cannot quietly
    switch the check off.
    """
    texts, problems, warnings = {}, [], []
    folder = seeds_dir()
    if not folder.is_dir():
        warnings.append(
            f"statement texts not found: no folder {folder} (set {SEEDS_ENV}); quote check skipped"
        )
        return texts, problems, warnings
    for source in sources or []:
        if "seed_file" not in source or "source_id" not in source:
            continue
        path = folder / source["seed_file"]
        try:
            texts[source["source_id"]] = normalise_space(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            reason = "is not UTF-8" if isinstance(exc, UnicodeDecodeError) else "is not there"
            problems.append(
                Problem(
                    "sources.yaml",
                    source["_rid"],
                    "seed_file",
                    f"{source['seed_file']} {reason} in {folder}, so its quotes cannot be checked",
                )
            )
    return texts, problems, warnings


def _divergence(quote: str, text: str) -> str:
    """Where a quote stops matching the statement: the longest prefix that is in the text."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return quote[low : low + 30]


def check_quotes(tables: Tables) -> tuple[list[Problem], list[str]]:
    """Quotes verbatim in their statement (whitespace aside), numbers in their quotes."""
    texts, problems, warnings = _statement_texts(tables["sources"])
    for table in ("events", "figures"):
        for record in tables[table] or []:
            file, rid = f"{table}.yaml", record["_rid"]
            quote = normalise_space(record.get("quote", ""))
            text = texts.get(record.get("source_id"))
            if quote and text is not None and quote not in text:
                problems.append(
                    Problem(
                        file,
                        rid,
                        "quote",
                        f"not verbatim in {record['source_id']}'s statement; "
                        f"it departs from the text at {_divergence(quote, text)!r}",
                    )
                )
            if table != "figures" or "as_written" not in record:
                continue
            as_written = normalise_space(record["as_written"])
            if quote and as_written not in quote:
                problems.append(
                    Problem(file, rid, "as_written", f"{as_written!r} is not in the quote")
                )
            elif "value" in record and not value_in_text(record["value"], as_written):
                problems.append(
                    Problem(
                        file,
                        rid,
                        "value",
                        f"{_fmt(record['value'])} is not stated in as_written {as_written!r}",
                    )
                )
    return problems, warnings


# --- putting it together ------------------------------------------------------------------


@dataclass
class _Checked:
    tables: Tables
    vocabularies: dict | None
    problems: list[Problem]
    warnings: list[str]


def _check(path: Path | str | None) -> _Checked:
    directory = Path(path) if path is not None else DATA_DIR
    if not directory.is_dir():
        return _Checked(
            {}, None, [Problem(str(directory), None, None, "data folder not found")], []
        )
    problems: list[Problem] = []
    tables: Tables = {}
    for table in SCHEMA:
        tables[table], found = load_table(directory, table)
        problems += found
    vocabularies, found = load_vocabularies(directory)
    problems += found
    problems += check_ids(tables)
    problems += check_references(tables)
    problems += check_vocabularies(tables, vocabularies)
    problems += check_dates(tables)
    problems += check_regions(tables)
    problems += check_hierarchy(tables)
    found, warnings = check_quotes(tables)
    problems += found
    return _Checked(tables, vocabularies, problems, warnings)


def validate(path: Path | str | None = None) -> list[Problem]:
    """Every problem in the data folder (default: the repository's data/); [] when sound."""
    return _check(path).problems


def _frame(table: str, records: list[dict]) -> pd.DataFrame:
    columns = {}
    for f in SCHEMA[table]:
        values = [r.get(f.name) for r in records]
        if f.kind == DATE:
            column = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        elif f.kind == BOOL:
            column = pd.Series(values, dtype="boolean")
        elif f.kind == TEXTS:
            column = pd.Series(values, dtype=object)
        elif f.kind == NUMBER and f.name == "value":
            whole = all(v is None or float(v).is_integer() for v in values)
            column = pd.Series([None if v is None else int(v) for v in values] if whole else values)
            column = column.astype("Int64" if whole else "float64")
        elif f.kind == NUMBER:
            column = pd.Series(values, dtype="float64")
        else:
            column = pd.Series(values, dtype="str")
        columns[f.name] = column
    return pd.DataFrame(columns)


def load_dataset(path: Path | str | None = None) -> Dataset:
    """Load data/ (or `path`) as DataFrames; raise DataError listing every problem."""
    checked = _check(path)
    if checked.problems:
        raise DataError(checked.problems, checked.warnings)
    frames = {table: _frame(table, records) for table, records in checked.tables.items()}
    return Dataset(**frames, vocabularies=checked.vocabularies, warnings=checked.warnings)
