"""Puts the stages together: read, check, and only then hand out DataFrames.

`check` runs every stage on a data folder and collects all problems, so a curator can fix
every file in one pass; `build_dataset` turns records that passed into the `Dataset` the
dashboard uses. The package's `validate` and `load_dataset` are thin wrappers over these
that default to the repository's `data/`.

DataFrame dtypes: text columns use pandas' default string dtype (missing = NaN); dates are
`datetime64[ns]` at midnight (missing = NaT); `value` is nullable `Int64` when every value
is a whole number, so 87,000,000,000 stays exact, and `float64` otherwise; `lat`/`lon` are
`float64`; `parts_sum_to_whole` is nullable `boolean`; `spellings` holds Python lists.
Optional fields are always present as columns; a figure of a cited source has no `quote`
(NaN). `sources.reports` holds, for a cited source, its reports as a list of dicts (dates as
`datetime.date`; None for a statement), and two columns outside the schema make them easy to
show: `report_urls` and `publishers`, each report's url and publisher, distinct, joined by
"; " (NaN for a statement).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.data.citations import check_reports, check_source_kinds
from dashboard.data.quotes import check_quotes
from dashboard.data.rules import (
    check_dates,
    check_hierarchy,
    check_ids,
    check_references,
    check_regions,
    check_vocabularies,
)
from dashboard.data.schema import BOOL, DATE, NUMBER, RECORDS, SCHEMA, TEXTS, Problem, Tables
from dashboard.data.yaml_io import load_table, load_vocabularies

REPORT_SEPARATOR = "; "


class DataError(Exception):
    """Raised by `load_dataset` when the data has problems; lists all of them."""

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[str] = ()):
        self.problems = list(problems)
        self.warnings = list(warnings)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Dataset:
    """The validated data: one DataFrame per file, columns the schema's fields.

    `sources` has two more, `report_urls` and `publishers` (see the module's docstring).
    """

    sources: pd.DataFrame
    regions: pd.DataFrame
    places: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    vocabularies: dict
    warnings: list[str] = field(default_factory=list)


@dataclass
class Checked:
    """What `check` found: the records read, the vocabularies, problems and warnings."""

    tables: Tables
    vocabularies: dict | None
    problems: list[Problem]
    warnings: list[str]


def check(path: Path | str) -> Checked:
    """Every stage on the data folder `path`: the records read and every problem found."""
    directory = Path(path)
    if not directory.is_dir():
        return Checked({}, None, [Problem(str(directory), None, None, "data folder not found")], [])
    problems: list[Problem] = []
    tables: Tables = {}
    for table in SCHEMA:
        tables[table], found = load_table(directory, table)
        problems += found
    vocabularies, found = load_vocabularies(directory)
    problems += found
    problems += check_ids(tables)
    problems += check_references(tables)
    problems += check_reports(tables)
    problems += check_source_kinds(tables)
    problems += check_vocabularies(tables, vocabularies)
    problems += check_dates(tables)
    problems += check_regions(tables)
    problems += check_hierarchy(tables)
    found, warnings = check_quotes(tables)
    problems += found
    return Checked(tables, vocabularies, problems, warnings)


def frame(table: str, records: list[dict]) -> pd.DataFrame:
    """One table's checked records as a DataFrame with the dtypes above."""
    columns = {}
    for f in SCHEMA[table]:
        values = [r.get(f.name) for r in records]
        if f.kind == DATE:
            column = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
        elif f.kind == BOOL:
            column = pd.Series(values, dtype="boolean")
        elif f.kind in (TEXTS, RECORDS):
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
    if table == "sources":
        columns["report_urls"] = _joined(records, "url")
        columns["publishers"] = _joined(records, "publisher")
    return pd.DataFrame(columns)


def _joined(sources: list[dict], name: str) -> pd.Series:
    """One field of each source's reports, distinct values joined by '; ' (NaN: no reports)."""
    return pd.Series(
        [
            REPORT_SEPARATOR.join(dict.fromkeys(r[name] for r in s["reports"]))
            if s.get("reports")
            else None
            for s in sources
        ],
        dtype="str",
    )


def build_dataset(checked: Checked) -> Dataset:
    """The DataFrames of a folder that `check` passed; DataError if it did not."""
    if checked.problems:
        raise DataError(checked.problems, checked.warnings)
    frames = {table: frame(table, records) for table, records in checked.tables.items()}
    return Dataset(**frames, vocabularies=checked.vocabularies, warnings=checked.warnings)
