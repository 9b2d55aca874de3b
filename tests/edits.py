"""Edits that break a copy of the fixture dataset in one precise way, for the validator's tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

Edit = Callable[[Path], None]


def read_records(directory: Path, file: str) -> list:
    return yaml.safe_load((directory / file).read_text(encoding="utf-8"))


class _PlainDumper(yaml.SafeDumper):
    """Writes a value shared by two records twice, not as an anchor and alias."""

    def ignore_aliases(self, data):
        return True


def save_records(directory: Path, file: str, records) -> None:
    text = yaml.dump(records, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1000)
    (directory / file).write_text(text, encoding="utf-8")


def _find(records: list, rid: str) -> dict:
    return next(r for r in records if rid in r.values())


def set_field(file: str, rid: str, **changes) -> Edit:
    def edit(directory):
        records = read_records(directory, file)
        _find(records, rid).update(changes)
        save_records(directory, file, records)

    return edit


def drop_field(file: str, rid: str, name: str) -> Edit:
    def edit(directory):
        records = read_records(directory, file)
        del _find(records, rid)[name]
        save_records(directory, file, records)

    return edit


def set_report(rid: str, number: int, **changes) -> Edit:
    """Change fields of report `number` (from 1) of source `rid`; a value None drops the field."""

    def edit(directory):
        records = read_records(directory, "sources.yaml")
        report = _find(records, rid)["reports"][number - 1]
        report.update(changes)
        for name in [name for name, value in changes.items() if value is None]:
            del report[name]
        save_records(directory, "sources.yaml", records)

    return edit


def add_copy(file: str, rid: str, **changes) -> Edit:
    """Append a copy of record `rid` with some fields changed."""

    def edit(directory):
        records = read_records(directory, file)
        records.append({**_find(records, rid), **changes})
        save_records(directory, file, records)

    return edit


def drop_record(file: str, rid: str) -> Edit:
    def edit(directory):
        records = read_records(directory, file)
        records.remove(_find(records, rid))
        save_records(directory, file, records)

    return edit


def replace_text(file: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(directory):
        text = (directory / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        (directory / file).write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def replace_bytes(file: str, old: bytes, new: bytes) -> Edit:
    def edit(directory):
        content = (directory / file).read_bytes()
        assert old in content, f"{old!r} not in {file}"
        (directory / file).write_bytes(content.replace(old, new, 1))

    return edit


def write_bytes(file: str, content: bytes) -> Edit:
    return lambda directory: (directory / file).write_bytes(content)


def truncate_at(file: str, marker: str, keep: int) -> Edit:
    """Cut the file `keep` characters after the first `marker`, as an interrupted save would."""

    def edit(directory):
        text = (directory / file).read_text(encoding="utf-8")
        (directory / file).write_text(text[: text.index(marker) + keep], encoding="utf-8")

    return edit


def remove(file: str) -> Edit:
    return lambda directory: (directory / file).unlink()


def both(*edits: Edit) -> Edit:
    def edit(directory):
        for each in edits:
            each(directory)

    return edit
