"""Reads the YAML files strictly and field-checks every record in them.

The data is typed by hand, so the reader trusts nothing: it accepts plain YAML only (no
tags, anchors, aliases or merge keys, no duplicate keys), turns every way a file can be
unreadable into one `Problem` instead of a traceback, and hands each record to `fields`.
What comes out is a list of clean records per table, ready for the cross-record rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dashboard.data.fields import check_fields, show
from dashboard.data.schema import ID_RE, KEY_RE, SCHEMA, VOCABULARY_SCHEMA, Problem, key_field


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
        return None, [Problem(file, None, None, f"must be a list of records, got {show(data)}")]
    records, problems = [], []
    key = key_field(table)
    for index, raw in enumerate(data):
        rid = _record_label(raw, key, index)
        clean, found = check_fields(file, rid, raw, SCHEMA[table])
        problems += found
        # `_given`: the fields written, valid or not, so that a rule requiring a field can
        # tell one left out from one already reported as malformed.
        given = [k for k, v in raw.items() if v is not None] if isinstance(raw, dict) else []
        records.append({**clean, "_rid": rid, "_given": frozenset(given)})
    return records, problems


def load_vocabularies(directory: Path) -> tuple[dict | None, list[Problem]]:
    file = "vocabularies.yaml"
    data, error = read_yaml(directory / file)
    if error:
        return None, [Problem(file, None, None, error)]
    if not isinstance(data, dict):
        return None, [
            Problem(file, None, None, f"must be a mapping of vocabularies, got {show(data)}")
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
                Problem(file, None, name, f"must be a non-empty mapping, got {show(entries)}")
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
