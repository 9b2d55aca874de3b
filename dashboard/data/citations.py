"""Rules that follow from a source's kind: held statements are quoted, cited publications listed.

A statement source's text is in the seeds folder, so its figures and events carry a quote
that `quotes` proves verbatim. A cited source's text is not held: all we keep is who gave
the figure, when, and every publication that reported it. Such a source must meet the
curation rule (an official site, or two news reports from different publishers), its
reports must be dated in order, and its figures must carry no quote (one could not be
checked) and only the few words that state the number. Events are happenings told in a
statement's own words, so they come from statement sources only. Which fields each kind of
source has is in the schema (`required_for`, `only_for`); the rules here need more than one
record or file.
"""

from __future__ import annotations

from datetime import date

from dashboard.data.schema import (
    CITED,
    MAX_CITED_WORDS,
    STATEMENT,
    Problem,
    Tables,
    index_by_id,
)

OFFICIAL_SITE = "official_site"


def _same_publisher(name: str) -> str:
    return " ".join(name.split()).casefold()


def check_reports(tables: Tables) -> list[Problem]:
    """A cited source's reports: dated in order, and enough of them to stand on."""
    problems = []
    today = date.today()
    for source in tables["sources"] or []:
        reports = source.get("reports")
        if source.get("kind") != CITED or reports is None:
            continue
        rid, published = source["_rid"], source.get("published")

        def report(name, message, rid=rid):
            problems.append(Problem("sources.yaml", rid, name, message))

        for number, item in enumerate(reports, start=1):
            where = f"reports[{number}]"
            if item.get("published") is None:
                if item["accessed"] > today:
                    report(f"{where}.accessed", f"{item['accessed']} is after today ({today})")
                continue
            if published is not None and item["published"] < published:
                report(
                    f"{where}.published",
                    f"{item['published']} is before the source's published date {published}",
                )
            if item["accessed"] < item["published"]:
                report(
                    f"{where}.accessed",
                    f"{item['accessed']} is before the report's published date {item['published']}",
                )
            elif item["accessed"] > today:
                report(f"{where}.accessed", f"{item['accessed']} is after today ({today})")
        if all(item.get("published") is None for item in reports):
            report(
                "reports",
                "at least one report must give its published date, so that the date of the "
                "statement rests on a publication",
            )
        official = any(item["kind"] == OFFICIAL_SITE for item in reports)
        publishers = {_same_publisher(item["publisher"]) for item in reports}
        if not official and len(publishers) < 2:
            report(
                "reports",
                "a cited source needs a report of kind official_site, or news_reports from "
                "at least two different publishers; all its reports are news_reports from "
                f"{reports[0]['publisher']}",
            )
    return problems


def check_source_kinds(tables: Tables) -> list[Problem]:
    """Events only from statements; a statement's figures quoted, a cited source's not."""
    problems = []
    kinds = {sid: s.get("kind") for sid, s in index_by_id(tables["sources"], "sources").items()}
    for record in tables["events"] or []:
        source_id = record.get("source_id")
        if kinds.get(source_id) == CITED:
            problems.append(
                Problem(
                    "events.yaml",
                    record["_rid"],
                    "source_id",
                    f"'{source_id}' is a cited source; an event comes only from a held "
                    "statement, quoted verbatim",
                )
            )
    for record in tables["figures"] or []:
        source_id, rid = record.get("source_id"), record["_rid"]
        kind = kinds.get(source_id)
        if kind == STATEMENT and "quote" not in record["_given"]:
            problems.append(Problem("figures.yaml", rid, "quote", "is required"))
        if kind != CITED:
            continue
        if "quote" in record:
            problems.append(
                Problem(
                    "figures.yaml",
                    rid,
                    "quote",
                    f"'{source_id}' is a cited source, whose text is not held, so a quote "
                    "from it could not be checked; leave quote out and keep the words that "
                    "state the number in as_written",
                )
            )
        words = len(record.get("as_written", "").split())
        if words > MAX_CITED_WORDS:
            problems.append(
                Problem(
                    "figures.yaml",
                    rid,
                    "as_written",
                    f"has {words} words; from a cited publication copy only the few words "
                    f"that state the number (at most {MAX_CITED_WORDS})",
                )
            )
    return problems
