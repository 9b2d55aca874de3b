"""Checks one record's fields against its schema: type, form, bounds and choices.

Every file is a list of records (or, for the vocabularies, a mapping of entries) whose
fields have a kind in `schema`. This module turns a raw YAML mapping into the record the
cross-record rules work on: known fields only, each of the right kind and normalised (a
date is a `date`), with one `Problem` per field that is missing, unknown or malformed. It is
separate from the YAML reading so that it can be used on any mapping, and from the rules so
that those can assume well-typed values.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from dashboard.data.schema import (
    ANY_TEXT,
    BOOL,
    CHOICE,
    DATE,
    DATE_RE,
    FILENAME,
    FILENAME_RE,
    ID,
    ID_RE,
    INTEGER,
    KEY,
    KEY_RE,
    NUMBER,
    RECORDS,
    TEXT,
    TEXTS,
    URL,
    WEB_URL,
    Field,
    Problem,
)


class _Bad(ValueError):
    pass


def show(value: Any) -> str:
    """A value as a problem message names it: its kind and its repr."""
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
    raise _Bad(f"must be a lower-case id like 'wounded-total', got {show(value)}")


def _as_key(value, f):
    if isinstance(value, str) and KEY_RE.fullmatch(value):
        return value
    raise _Bad(f"must be a vocabulary key like 'police_cars_burned', got {show(value)}")


def _as_text(value, f):
    if isinstance(value, str) and value.strip():
        return value
    raise _Bad(f"must be non-empty text, got {show(value)}")


def _as_any_text(value, f):
    if isinstance(value, str):
        return value
    raise _Bad(f"must be text, got {show(value)}")


def _as_texts(value, f):
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return value
    raise _Bad(f"must be a non-empty list of texts, got {show(value)}")


def _as_date(value, f):
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(f"must be a real date written YYYY-MM-DD, got {show(value)}")


def _as_number(value, f, integer=False):
    wanted = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, wanted):
        raise _Bad(f"must be {'a whole' if integer else 'a'} number, got {show(value)}")
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
    raise _Bad(f"must be true or false, got {show(value)}")


def _as_choice(value, f):
    if isinstance(value, str) and value in f.choices:
        return value
    raise _Bad(f"must be one of {', '.join(f.choices)}; got {show(value)}")


def _as_url(value, f):
    if (
        isinstance(value, str)
        and value.startswith("https://")
        and not any(c.isspace() for c in value)
    ):
        return value
    raise _Bad(f"must be an https:// address, got {show(value)}")


def _as_web_url(value, f):
    if (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and value.split("://", 1)[1]
        and not any(c.isspace() for c in value)
    ):
        return value
    raise _Bad(f"must be an http:// or https:// address, got {show(value)}")


def _as_filename(value, f):
    if isinstance(value, str) and FILENAME_RE.fullmatch(value):
        return value
    raise _Bad(f"must be a bare file name, got {show(value)}")


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
    WEB_URL: _as_web_url,
    FILENAME: _as_filename,
}


def _record_kind(raw: dict, fields: tuple[Field, ...]) -> str | None:
    """The record's valid `kind`, where its fields depend on it; None when unknown."""
    kind = next((f for f in fields if f.name == "kind" and f.kind == CHOICE), None)
    value = raw.get("kind")
    return value if kind is not None and isinstance(value, str) and value in kind.choices else None


def _check_records(file: str, rid: str, value: Any, f: Field) -> tuple[list | None, list]:
    """A RECORDS field: each sub-record checked, problems named `reports[2].url`."""
    if not isinstance(value, list) or not value:
        return None, [
            Problem(file, rid, f.name, f"must be a non-empty list of mappings, got {show(value)}")
        ]
    items, problems = [], []
    for number, item in enumerate(value, start=1):
        clean, found = check_fields(file, rid, item, f.fields)
        where = f"{f.name}[{number}]"
        problems += [
            Problem(p.file, p.record_id, f"{where}.{p.field}" if p.field else where, p.message)
            for p in found
        ]
        items.append(clean)
    return (None if problems else items), problems


def check_fields(file: str, rid: str, raw: Any, fields: tuple[Field, ...]) -> tuple[dict, list]:
    """Check one record's fields; return its valid fields (normalised) and its problems."""
    if not isinstance(raw, dict):
        return {}, [Problem(file, rid, None, f"must be a mapping of field: value, got {show(raw)}")]
    clean: dict[str, Any] = {}
    problems = []
    names = [f.name for f in fields]
    for key in raw:
        if key not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(file, rid, str(key), f"unknown field{hint}"))
    # With the record's kind missing or wrong (reported as such), whether a field that
    # depends on it belongs is unknown: only its value is checked.
    kind = _record_kind(raw, fields)
    for f in fields:
        value = raw.get(f.name)
        if f.only_for and kind is not None and kind not in f.only_for:
            if value is not None:
                noun = file.removesuffix(".yaml").removesuffix("s")
                because = f": {f.absent_because}" if f.absent_because else ""
                problems.append(
                    Problem(file, rid, f.name, f"a {kind} {noun} has no {f.name}{because}")
                )
            continue
        if value is None:
            if f.required or kind in f.required_for:
                problems.append(Problem(file, rid, f.name, "is required"))
            continue
        if f.kind == RECORDS:
            items, found = _check_records(file, rid, value, f)
            problems += found
            if items is not None:
                clean[f.name] = items
            continue
        try:
            clean[f.name] = _CHECKERS[f.kind](value, f)
        except _Bad as exc:
            problems.append(Problem(file, rid, f.name, str(exc)))
    return clean, problems
