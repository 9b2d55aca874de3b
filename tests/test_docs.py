"""The documentation says what the code does: the schema is documented field by field, and
the record the README shows is a real record, word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dashboard.data.schema import SCHEMA

REPO = Path(__file__).resolve().parent.parent
DATA_README = REPO / "data" / "README.md"
README = REPO / "README.md"


def _section(text: str, heading: str) -> str:
    """The text under `heading` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(heading + "\n") + len(heading) + 1
    following = re.compile(rf"^#{{1,{level}}} ", re.M).search(text, start)
    return text[start : following.start() if following else len(text)]


@pytest.mark.parametrize("table", list(SCHEMA))
def test_every_schema_field_is_documented_under_its_file(table):
    section = _section(DATA_README.read_text(encoding="utf-8"), f"### `{table}.yaml`")
    # A field with sub-records (a cited source's `reports`) has its own fields documented too.
    names = [name for f in SCHEMA[table] for name in (f.name, *(sub.name for sub in f.fields))]
    missing = [name for name in names if f"`{name}`" not in section]
    assert not missing, f"data/README.md does not document {table}.yaml's fields {missing}"


def test_readme_record_is_a_real_record_of_figures_yaml():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", _section(text, "## The data"), re.S | re.M)
    excerpts = [b for b in blocks if b.startswith("- figure_id: participants-0104\n")]
    assert len(excerpts) == 1, "README.md's 'The data' has no participants-0104 excerpt"
    [shown] = yaml.safe_load(excerpts[0])
    figures = yaml.safe_load((REPO / "data" / "figures.yaml").read_text(encoding="utf-8"))
    [real] = [r for r in figures if r.get("figure_id") == shown["figure_id"]]
    # An excerpt: every field it shows is the record's, word for word and in the record's
    # order; it may leave a field out (the README leaves out the curator's `note`).
    assert {name: real.get(name) for name in shown} == shown
    assert list(shown) == [name for name in real if name in shown]
