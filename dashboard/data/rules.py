"""Rules that no single record can be checked for alone: they look across records and files.

Ids unique across all files, references that resolve, vocabulary keys that exist, units that
match their metric, dates inside the chronology and before their statement, the 17 units of
January 2022, and parents and children that fit together. Each rule is a function from the
field-checked tables to a list of problems, and none of them assumes another passed: a rule
skips what an earlier stage already reported (a missing file, a missing field) rather than
cascading into more problems.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from dashboard.data.numbers import exact, fmt
from dashboard.data.schema import (
    FIRST_DAY,
    LAST_EVENT_DAY,
    LATER_REGIONS,
    REFERENCES,
    REGION_COUNT,
    VOCABULARY_FIELDS,
    Problem,
    Tables,
    index_by_id,
    key_field,
)


def check_ids(tables: Tables) -> list[Problem]:
    problems = []
    owner: dict[str, str] = {}
    for table, records in tables.items():
        key = key_field(table)
        counts = Counter(r[key] for r in records or [] if key in r)
        reported = set()
        for record in records or []:
            rid = record.get(key)
            if rid is None or rid in reported:
                continue
            file = f"{table}.yaml"
            if counts[rid] > 1:
                problems.append(
                    Problem(file, rid, key, f"id is used by {counts[rid]} records in {file}")
                )
                reported.add(rid)
            if rid in owner and owner[rid] != file:
                problems.append(
                    Problem(
                        file,
                        rid,
                        key,
                        f"id is already used in {owner[rid]}; ids are unique across files",
                    )
                )
                reported.add(rid)
            owner.setdefault(rid, file)
    return problems


def check_references(tables: Tables) -> list[Problem]:
    problems = []
    for table, name, target in REFERENCES:
        if tables[table] is None or tables[target] is None:
            continue
        known = index_by_id(tables[target], target)
        for record in tables[table]:
            value = record.get(name)
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        name,
                        f"'{value}' is not an id in {target}.yaml",
                    )
                )
    places = index_by_id(tables["places"], "places")
    for table in ("events", "figures"):
        for record in tables[table] or []:
            place = places.get(record.get("place_id"))
            region = record.get("region_id")
            if place and region and place.get("region_id") and place["region_id"] != region:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        "place_id",
                        f"'{record['place_id']}' is in region '{place['region_id']}', "
                        f"not in the record's region '{region}'",
                    )
                )
    for record in tables["events"] or []:
        scope, region = record.get("scope"), record.get("region_id")
        if scope == "unit" and region is None:
            problems.append(
                Problem(
                    "events.yaml", record["_rid"], "region_id", "is required when scope is 'unit'"
                )
            )
        if scope not in (None, "unit") and region is not None:
            problems.append(
                Problem(
                    "events.yaml",
                    record["_rid"],
                    "region_id",
                    f"only scope 'unit' has a region; scope is '{scope}'",
                )
            )
    return problems


def _check_series(tables: Tables, vocabularies: dict) -> list[Problem]:
    """A series holds one count of one scope: its figures share its metric, one per source."""
    problems, seen = [], {}
    series = vocabularies.get("series") or {}
    for record in tables["figures"] or []:
        name = record.get("series")
        if name is None or name not in series:
            continue
        if record.get("metric") != series[name]["metric"]:
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "series",
                    f"series '{name}' counts metric '{series[name]['metric']}', "
                    f"not '{record.get('metric')}'",
                )
            )
        key = (name, record.get("source_id"))
        if key in seen:
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "series",
                    f"series '{name}' already has figure '{seen[key]}' from source "
                    f"'{record.get('source_id')}'; a series takes one figure per source",
                )
            )
        seen.setdefault(key, record["_rid"])
    for key, entry in series.items():
        if entry.get("metric") not in (vocabularies.get("metrics") or {}):
            problems.append(
                Problem(
                    "vocabularies.yaml",
                    f"series.{key}",
                    "metric",
                    f"'{entry.get('metric')}' is not in metrics in vocabularies.yaml",
                )
            )
    return problems


def check_vocabularies(tables: Tables, vocabularies: dict | None) -> list[Problem]:
    if vocabularies is None:
        return []
    problems = []
    for table, name, vocabulary in VOCABULARY_FIELDS:
        known = vocabularies.get(vocabulary)
        for record in tables[table] if known is not None and tables[table] else []:
            value = record.get(name)
            if value is not None and value not in known:
                problems.append(
                    Problem(
                        f"{table}.yaml",
                        record["_rid"],
                        name,
                        f"'{value}' is not in {vocabulary} in vocabularies.yaml",
                    )
                )
    problems += _check_series(tables, vocabularies)
    for record in tables["figures"] or []:
        metric = vocabularies.get("metrics", {}).get(record.get("metric"), {})
        unit = record.get("unit")
        if unit is not None and metric.get("unit") not in (None, unit):
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "unit",
                    f"'{unit}' is not the unit of metric '{record['metric']}', "
                    f"which is '{metric['unit']}'",
                )
            )
    return problems


def check_dates(tables: Tables) -> list[Problem]:
    problems = []
    today = date.today()
    for record in tables["sources"] or []:
        day = record.get("published")
        if day is not None and not FIRST_DAY <= day <= today:
            problems.append(
                Problem(
                    "sources.yaml",
                    record["_rid"],
                    "published",
                    f"{day} is outside {FIRST_DAY} … {today} (today)",
                )
            )
    for record in tables["events"] or []:
        day = record.get("date")
        if day is not None and not FIRST_DAY <= day <= LAST_EVENT_DAY:
            problems.append(
                Problem(
                    "events.yaml",
                    record["_rid"],
                    "date",
                    f"{day} is outside the chronology {FIRST_DAY} … {LAST_EVENT_DAY}",
                )
            )
    sources = index_by_id(tables["sources"], "sources")
    for record in tables["figures"] or []:
        published = sources.get(record.get("source_id"), {}).get("published")
        for name in ("date", "period_start", "period_end"):
            day = record.get(name)
            if day is not None and published is not None and not FIRST_DAY <= day <= published:
                problems.append(
                    Problem(
                        "figures.yaml",
                        record["_rid"],
                        name,
                        f"{day} is outside {FIRST_DAY} … {published} "
                        "(the source's publication date)",
                    )
                )
        start, end = record.get("period_start"), record.get("period_end")
        if start is not None and end is not None and start > end:
            problems.append(
                Problem(
                    "figures.yaml",
                    record["_rid"],
                    "period_end",
                    f"{end} is before period_start {start}",
                )
            )
    return problems


def check_regions(tables: Tables) -> list[Problem]:
    regions = tables["regions"]
    if regions is None:
        return []
    problems = []
    if len(regions) != REGION_COUNT:
        problems.append(
            Problem(
                "regions.yaml",
                None,
                None,
                f"has {len(regions)} units; January 2022 had exactly {REGION_COUNT}",
            )
        )
    for record in regions:
        for name in ("region_id", "name_en", "name_ru", "name_kk"):
            match = LATER_REGIONS.search(str(record.get(name, "")))
            if match:
                problems.append(
                    Problem(
                        "regions.yaml",
                        record["_rid"],
                        name,
                        f"'{match.group()}' is a region created in June 2022, "
                        "not a unit of January 2022",
                    )
                )
                break
    return problems


def check_hierarchy(tables: Tables) -> list[Problem]:
    """Parents and children: same unit, part not larger than whole, no cycles, exact sums."""
    figures = tables["figures"]
    if figures is None:
        return []
    problems = []
    by_id = index_by_id(figures, "figures")

    def report(record, name, message):
        problems.append(Problem("figures.yaml", record["_rid"], name, message))

    for child in figures:
        parent = by_id.get(child.get("parent_id"))
        if parent is None or parent is child:
            continue
        if child.get("unit") and parent.get("unit") and child["unit"] != parent["unit"]:
            report(
                child,
                "parent_id",
                f"unit '{child['unit']}' differs from the parent's unit '{parent['unit']}'",
            )
        elif "value" in child and "value" in parent and child["value"] > parent["value"]:
            report(
                child,
                "value",
                f"part larger than its whole: {fmt(child['value'])} > {fmt(parent['value'])} "
                f"of parent '{parent['figure_id']}'",
            )

    cycles_seen = set()
    for record in figures:
        chain, current = [], record
        while current is not None and current.get("figure_id") not in chain:
            chain.append(current.get("figure_id"))
            current = by_id.get(current.get("parent_id"))
        if current is None:
            continue
        cycle = chain[chain.index(current["figure_id"]) :]
        if frozenset(cycle) not in cycles_seen:
            cycles_seen.add(frozenset(cycle))
            first = min(cycle)
            start = cycle.index(first)
            path = [*cycle[start:], *cycle[:start], first]
            report(by_id[first], "parent_id", f"parents form a cycle: {' -> '.join(path)}")

    for parent in figures:
        if parent.get("parts_sum_to_whole") is not True or "value" not in parent:
            continue
        children = [
            c for c in figures if c.get("parent_id") == parent.get("figure_id") and c is not parent
        ]
        if not children:
            report(
                parent, "parts_sum_to_whole", "is true but no figure names this one as parent_id"
            )
        elif all("value" in c for c in children):
            total = sum(exact(c["value"]) for c in children)
            if total != exact(parent["value"]):
                ids = ", ".join(c["figure_id"] for c in children if "figure_id" in c)
                report(
                    parent,
                    "parts_sum_to_whole",
                    f"the parts ({ids}) add up to {fmt(total)}, not {fmt(parent['value'])}",
                )
    return problems
