"""The curated data as an open Frictionless data package: CSV files plus datapackage.json.

Readers who want to check or reuse the figures should not have to parse our YAML. The
package carries the same tables the dashboard shows (figures with the derived rests, marked
`derived`), typed and keyed, with the sources as its sources: each held statement, and each
publication a cited source's figures were taken from. A cited source's reports, a list
inside its YAML record, become a table of their own, `reports.csv`, one row per report. The
CLI writes the package to a folder; the app's download button serves it as a zip built in
memory.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from dashboard.data import (
    BOOL,
    CHOICE,
    DATE,
    ID,
    NUMBER,
    RECORDS,
    REFERENCES,
    REPORT_FIELDS,
    SCHEMA,
    VOCABULARY_FIELDS,
    Dataset,
    Field,
    key_field,
)
from dashboard.derive import with_derived

TABLES = tuple(SCHEMA)
# The package's tables, in order: the data's, with the cited sources' reports after sources.
RESOURCES = ("sources", "reports", *TABLES[1:])
# reports.csv: which source a report belongs to, then the report's own fields.
REPORTS_FIELDS = (Field("source_id", ID), *REPORT_FIELDS)
SPELLINGS_SEPARATOR = "; "
_TYPES = {DATE: "date", NUMBER: "number", BOOL: "boolean"}
# Derived rows are computed, not quoted, so these figures fields are empty for them.
_EMPTY_WHEN_DERIVED = {"as_written", "quote"}
# A zip entry's timestamp; fixed so that the same data gives the same bytes.
_ZIP_TIME = (2022, 1, 1, 0, 0, 0)


def _fields(table: str) -> tuple[Field, ...]:
    """The columns of a CSV file (a list field such as `reports` has a file of its own)."""
    if table == "reports":
        return REPORTS_FIELDS
    return tuple(f for f in SCHEMA[table] if f.kind != RECORDS)


def _reports(sources: pd.DataFrame) -> pd.DataFrame:
    rows = [
        {"source_id": source.source_id, **report}
        for source in sources.itertuples()
        if isinstance(source.reports, list)
        for report in source.reports
    ]
    frame = pd.DataFrame(rows, columns=[f.name for f in REPORTS_FIELDS])
    for f in REPORTS_FIELDS:
        if f.kind == DATE:
            frame[f.name] = pd.to_datetime(frame[f.name])
    return frame


def export_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The tables as they go into the CSV files."""
    tables = {table: getattr(dataset, table) for table in TABLES}
    tables["reports"] = _reports(tables["sources"])
    tables["places"] = tables["places"].assign(
        spellings=tables["places"]["spellings"].map(SPELLINGS_SEPARATOR.join)
    )
    tables["figures"] = with_derived(tables["figures"])
    # Sources without the reports (a file of their own) and the columns made from them.
    tables["sources"] = tables["sources"][[f.name for f in _fields("sources")]]
    return {table: tables[table] for table in RESOURCES}


def _field(table: str, f: Field, frame: pd.DataFrame, vocabularies: dict) -> dict:
    field = {"name": f.name, "type": _TYPES.get(f.kind, "string")}
    if f.name == "value" and pd.api.types.is_integer_dtype(frame[f.name]):
        field["type"] = "integer"
    constraints: dict = {}
    if f.required and not (table == "figures" and f.name in _EMPTY_WHEN_DERIVED):
        constraints["required"] = True
    if f.required_for or f.only_for:
        kinds = " or ".join(f.only_for or f.required_for)
        field["description"] = (
            f"Given for every {kinds} source and for no other"
            if f.only_for
            else f"Given for every {kinds} source; optional for the others"
        )
    if (table, f.name) == ("figures", "quote"):
        field["description"] = "Verbatim from the statement; empty for a cited source's figures"
    if f.kind == CHOICE:
        constraints["enum"] = list(f.choices)
    for vocabulary in (v for t, name, v in VOCABULARY_FIELDS if (t, name) == (table, f.name)):
        constraints["enum"] = sorted(vocabularies[vocabulary])
    if f.bounds and f.kind == NUMBER:
        constraints["minimum"], constraints["maximum"] = f.bounds
    if f.name == "spellings":
        field["description"] = f"Every form the statements use, joined by '{SPELLINGS_SEPARATOR}'"
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: str, frame: pd.DataFrame, vocabularies: dict) -> dict:
    fields = [_field(table, f, frame, vocabularies) for f in _fields(table)]
    if table == "figures":
        fields += [
            {
                "name": "derived",
                "type": "boolean",
                "description": "True for values computed from the stated figures, not stated",
                "constraints": {"required": True},
            },
            {
                "name": "derived_from",
                "type": "string",
                "description": "For derived rows: the figure_ids computed from, joined by ';'",
            },
        ]
    foreign_keys = [
        {
            "fields": name,
            "reference": {
                "resource": "" if target == table else target,
                "fields": key_field(target),
            },
        }
        for source, name, target in (*REFERENCES, ("reports", "source_id", "sources"))
        if source == table
    ]
    schema = {"fields": fields}
    if table != "reports":
        schema["primaryKey"] = [key_field(table)]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def datapackage(dataset: Dataset, tables: dict[str, pd.DataFrame] | None = None) -> dict:
    """The datapackage.json descriptor (Frictionless tabular data package)."""
    tables = tables or export_tables(dataset)
    return {
        "profile": "tabular-data-package",
        "name": "qantar-figures",
        "title": "Qantar Figures: official figures about the January 2022 events in Kazakhstan",
        "description": (
            "Numbers and a day-by-day chronology curated by hand from official statements, "
            "each with the verbatim quote it comes from, and official figures cited from "
            "later publications (sources of kind 'cited': no quote, every publication used "
            "listed in reports.csv). Rows of figures.csv with derived=true are computed from "
            "stated figures (the unitemised rest of a whole) and were not stated."
        ),
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International (our curation; the "
                "quoted statements remain their publishers')",
            }
        ],
        "sources": _sources(dataset.sources),
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(table, tables[table], dataset.vocabularies),
            }
            for table in RESOURCES
        ],
    }


def _sources(sources: pd.DataFrame) -> list[dict]:
    """The package's sources: each statement, and each report of each cited source."""
    listed = []
    for row in sources.itertuples():
        title = f"{row.organisation}: {row.title}"
        if isinstance(row.reports, list):
            listed += [
                {"title": f"{title} (reported by {r['publisher']}: {r['title']})", "path": r["url"]}
                for r in row.reports
            ]
        else:
            listed.append({"title": title, "path": row.url})
    return listed


def export_files(dataset: Dataset) -> dict[str, bytes]:
    """File name -> contents, for every file of the package."""
    tables = export_tables(dataset)
    files = {
        f"{table}.csv": frame.to_csv(
            index=False, date_format="%Y-%m-%d", lineterminator="\n"
        ).encode()
        for table, frame in tables.items()
    }
    descriptor = json.dumps(datapackage(dataset, tables), indent=2, ensure_ascii=False)
    files["datapackage.json"] = (descriptor + "\n").encode()
    return files


def write_export(dataset: Dataset, outdir: Path | str) -> list[Path]:
    """Write the package into `outdir` (created if needed); return the paths written."""
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in export_files(dataset).items():
        (folder / name).write_bytes(content)
        written.append(folder / name)
    return written


def build_datapackage_zip(dataset: Dataset) -> bytes:
    """The package as a zip archive in memory, for a download button."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in export_files(dataset).items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time=_ZIP_TIME), content, zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()
