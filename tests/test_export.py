"""The open data package: CSV files and a datapackage.json that Frictionless accepts."""

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from frictionless import Package

from dashboard.data import load_dataset
from dashboard.export import build_datapackage_zip, export_files

REPO = Path(__file__).resolve().parent.parent
FILES = {
    "sources.csv",
    "reports.csv",
    "regions.csv",
    "places.csv",
    "events.csv",
    "figures.csv",
    "datapackage.json",
}


@pytest.fixture
def exported(data_dir, tmp_path) -> Path:
    outdir = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", str(outdir), "--data", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=os.environ,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return outdir


def test_export_is_a_valid_frictionless_package(exported):
    assert {p.name for p in exported.iterdir()} == FILES
    report = Package(str(exported / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])


def test_package_says_who_published_what_under_which_licence(exported):
    descriptor = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "qantar-figures"
    assert descriptor["profile"] == "tabular-data-package"
    assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
    assert [s["path"] for s in descriptor["sources"]] == [
        "https://ortcom.kz/en/press-relizy/1642266505",
        "https://ortcom.kz/en/novosti/1643113119",
        "https://example.org/news/2022-03-14-mazhilis",
        "http://example.org/wire/2022/03/15/death-toll",
    ]
    assert descriptor["sources"][3]["title"] == (
        "General Prosecutor's Office of the Republic of Kazakhstan: Prosecutor General's "
        "report to the Mazhilis on the January events (reported by Another Example Wire: "
        "Death toll of the January events stands at 238, Prosecutor General says)"
    )
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    types = {f["name"]: f["type"] for f in figures["schema"]["fields"]}
    assert (types["value"], types["date"], types["derived"]) == ("integer", "date", "boolean")
    assert figures["schema"]["primaryKey"] == ["figure_id"]
    assert {"fields": "parent_id", "reference": {"resource": "", "fields": "figure_id"}} in figures[
        "schema"
    ]["foreignKeys"]


def test_exported_figures_include_marked_derived_rests_and_exact_values(exported):
    with (exported / "figures.csv").open(encoding="utf-8", newline="") as file:
        rows = {row["figure_id"]: row for row in csv.DictReader(file)}
    assert rows["damage-tenge"]["value"] == "87000000000"
    assert rows["wounded"]["derived"] == "False"
    assert rows["wounded--rest"]["value"] == "960"
    assert rows["wounded--rest"]["derived"] == "True"
    assert rows["wounded--rest"]["derived_from"] == "wounded;wounded-law-enforcement"
    assert rows["affected"]["date"] == "2022-01-15"


def test_a_broken_package_fails_frictionless(exported):
    # A guard that the validation above can fail at all: a dangling parent must be caught.
    figures = exported / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(",affected,", ",nobody,"), encoding="utf-8"
    )
    assert not Package(str(exported / "datapackage.json")).validate().valid


def test_cited_sources_export_their_kind_and_every_report(exported):
    with (exported / "sources.csv").open(encoding="utf-8", newline="") as file:
        sources = {row["source_id"]: row for row in csv.DictReader(file)}
    assert "reports" not in next(iter(sources.values()))
    assert sources["gpo-2022-01-15"]["kind"] == "statement"
    cited = sources["gpo-2022-03-14-mazhilis"]
    assert (cited["kind"], cited["url"], cited["seed_file"]) == ("cited", "", "")
    with (exported / "reports.csv").open(encoding="utf-8", newline="") as file:
        reports = list(csv.DictReader(file))
    assert reports == [
        {
            "source_id": "gpo-2022-03-14-mazhilis",
            "kind": "news_report",
            "publisher": "Example News Agency",
            "title": "Prosecutor General reports to the Mazhilis on the January events",
            "url": "https://example.org/news/2022-03-14-mazhilis",
            "published": "2022-03-14",
            "accessed": "2026-12-04",
        },
        {
            "source_id": "gpo-2022-03-14-mazhilis",
            "kind": "news_report",
            "publisher": "Another Example Wire",
            "title": "Death toll of the January events stands at 238, Prosecutor General says",
            "url": "http://example.org/wire/2022/03/15/death-toll",
            "published": "2022-03-15",
            "accessed": "2026-12-04",
        },
    ]
    with (exported / "figures.csv").open(encoding="utf-8", newline="") as file:
        figures = {row["figure_id"]: row for row in csv.DictReader(file)}
    assert (figures["deaths-0314"]["quote"], figures["deaths-0314"]["as_written"]) == (
        "",
        "238 people died",
    )


def test_a_report_of_an_unknown_source_fails_frictionless(exported):
    reports = exported / "reports.csv"
    reports.write_text(
        reports.read_text(encoding="utf-8").replace("\ngpo-2022-03-14-mazhilis,", "\nnobody,", 1),
        encoding="utf-8",
    )
    assert not Package(str(exported / "datapackage.json")).validate().valid


def test_zip_holds_the_same_files_as_the_folder(data_dir):
    dataset = load_dataset(data_dir)
    archive = zipfile.ZipFile(io.BytesIO(build_datapackage_zip(dataset)))
    assert set(archive.namelist()) == FILES
    assert {name: archive.read(name) for name in FILES} == export_files(dataset)
    assert build_datapackage_zip(dataset) == build_datapackage_zip(dataset)


def test_cli_export_of_broken_data_writes_nothing(data_dir, tmp_path):
    (data_dir / "figures.yaml").unlink()
    outdir = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", str(outdir), "--data", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "figures.yaml: file not found" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not outdir.exists()
