"""Loads the curated YAML in `data/` into DataFrames, but only after proving it sound.

Every number the dashboard shows was typed by hand from official statements, so this
package is the only way in: it reads the files with a YAML loader that accepts nothing but
plain data, checks every record against the schema in `data/README.md` (types, ids,
references, vocabularies, dates, quotes verbatim in the statement texts, numbers inside
their quotes, parts not larger than their wholes) and hands out DataFrames only when there
is nothing to report. All problems are collected and reported together, so a curator can
fix every file in one pass; a broken file never produces a traceback or half-loaded data.

The modules, one job each, in the order the data flows through them:

- `schema`: field kinds, the tables' fields, references, vocabularies, constants, `Problem`;
- `fields`: one record's fields checked and normalised;
- `yaml_io`: strict YAML reading, and every file read into field-checked records;
- `numbers`: which numbers a text states;
- `rules`: checks across records and files (ids, references, dates, regions, hierarchy);
- `citations`: what each kind of source (held statement, cited publication) requires;
- `quotes`: quotes verbatim in the statements, numbers in their quotes;
- `dataset`: all stages together, and the DataFrames (dtypes documented there).

This module re-exports the public names, so `from dashboard.data import ...` is the one
import the rest of the code needs. `validate` and `load_dataset` read `DATA_DIR` from here
when called, so that a test can point them at another folder by setting
`dashboard.data.DATA_DIR`.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.data.citations import check_reports, check_source_kinds
from dashboard.data.dataset import (
    REPORT_SEPARATOR,
    DataError,
    Dataset,
    build_dataset,
    check,
    frame,
)
from dashboard.data.fields import check_fields
from dashboard.data.numbers import numbers_in, value_in_text
from dashboard.data.quotes import check_quotes, normalise_space, seeds_dir
from dashboard.data.rules import (
    check_dates,
    check_hierarchy,
    check_ids,
    check_references,
    check_regions,
    check_vocabularies,
)
from dashboard.data.schema import (
    ANY_TEXT,
    BOOL,
    CHOICE,
    CITED,
    DATA_DIR,
    DATE,
    DATE_RE,
    DEFAULT_SEEDS_DIR,
    FILENAME,
    FILENAME_RE,
    FIRST_DAY,
    ID,
    ID_RE,
    INTEGER,
    KEY,
    KEY_RE,
    LAST_EVENT_DAY,
    LATER_REGIONS,
    MAX_CITED_WORDS,
    MAX_VALUE,
    NUMBER,
    RECORDS,
    REFERENCES,
    REGION_COUNT,
    REPORT_FIELDS,
    REPORT_KINDS,
    SCHEMA,
    SEEDS_ENV,
    SOURCE_KINDS,
    STATEMENT,
    TEXT,
    TEXTS,
    URL,
    VOCABULARY_FIELDS,
    VOCABULARY_SCHEMA,
    WEB_URL,
    Field,
    Problem,
    Tables,
    key_field,
)
from dashboard.data.yaml_io import load_table, load_vocabularies, read_yaml

__all__ = [
    "ANY_TEXT",
    "BOOL",
    "CHOICE",
    "CITED",
    "DATA_DIR",
    "DATE",
    "DATE_RE",
    "DEFAULT_SEEDS_DIR",
    "FILENAME",
    "FILENAME_RE",
    "FIRST_DAY",
    "ID",
    "ID_RE",
    "INTEGER",
    "KEY",
    "KEY_RE",
    "LAST_EVENT_DAY",
    "LATER_REGIONS",
    "MAX_CITED_WORDS",
    "MAX_VALUE",
    "NUMBER",
    "RECORDS",
    "REFERENCES",
    "REGION_COUNT",
    "REPORT_FIELDS",
    "REPORT_KINDS",
    "REPORT_SEPARATOR",
    "SCHEMA",
    "SEEDS_ENV",
    "SOURCE_KINDS",
    "STATEMENT",
    "TEXT",
    "TEXTS",
    "URL",
    "VOCABULARY_FIELDS",
    "VOCABULARY_SCHEMA",
    "WEB_URL",
    "DataError",
    "Dataset",
    "Field",
    "Problem",
    "Tables",
    "build_dataset",
    "check",
    "check_dates",
    "check_fields",
    "check_hierarchy",
    "check_ids",
    "check_quotes",
    "check_references",
    "check_regions",
    "check_reports",
    "check_source_kinds",
    "check_vocabularies",
    "frame",
    "key_field",
    "load_dataset",
    "load_table",
    "load_vocabularies",
    "normalise_space",
    "numbers_in",
    "read_yaml",
    "seeds_dir",
    "validate",
    "value_in_text",
]


def validate(path: Path | str | None = None) -> list[Problem]:
    """Every problem in the data folder (default: the repository's data/); [] when sound."""
    return check(DATA_DIR if path is None else path).problems


def load_dataset(path: Path | str | None = None) -> Dataset:
    """Load data/ (or `path`) as DataFrames; raise DataError listing every problem."""
    return build_dataset(check(DATA_DIR if path is None else path))
