"""Proves every quote is verbatim in its statement and every number is in its quote.

This is the check that makes a figure traceable: the statements' texts are kept outside the
repository (the seeds folder), so this module also decides where to find them and what to do
when they are missing. Without the folder the verbatim check is skipped with a warning (the
data can still be loaded from a copy without the texts); `as_written` is still checked
against the quote and the value against `as_written`. Figures of cited sources have no
quote: only their value is checked, against `as_written`.
"""

from __future__ import annotations

import os
from pathlib import Path

from dashboard.data.numbers import fmt, value_in_text
from dashboard.data.schema import CITED, DEFAULT_SEEDS_DIR, SEEDS_ENV, Problem, Tables, index_by_id


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
    """Quotes verbatim in their statement (whitespace aside), numbers in their quotes.

    The value of a cited source's figure is checked against its `as_written` only.
    """
    texts, problems, warnings = _statement_texts(tables["sources"])
    sources = index_by_id(tables["sources"], "sources")
    cited = {sid for sid, source in sources.items() if source.get("kind") == CITED}
    for table in ("events", "figures"):
        for record in tables[table] or []:
            file, rid = f"{table}.yaml", record["_rid"]
            # A cited source's text is not held: a quote from it (reported by `citations`)
            # cannot be checked, and its figure's value is checked against as_written alone.
            cited_figure = table == "figures" and record.get("source_id") in cited
            quote = "" if cited_figure else normalise_space(record.get("quote", ""))
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
                        f"{fmt(record['value'])} is not stated in as_written {as_written!r}",
                    )
                )
    return problems, warnings
