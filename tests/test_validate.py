"""The validator, rule by rule: one broken copy of the fixture dataset per rule.

Each case edits a fresh copy of tests/fixtures/valid/ and names the exact problems expected
(file, record, field and a fragment of the message), no more and no fewer, so a rule that
goes silent or starts to cascade into unrelated problems fails here.
"""

from __future__ import annotations

import pandas as pd
import pytest
from edits import (
    Edit,
    add_copy,
    both,
    drop_field,
    drop_record,
    read_records,
    remove,
    replace_bytes,
    replace_text,
    save_records,
    set_field,
    set_report,
    truncate_at,
    write_bytes,
)

from dashboard.data import (
    SEEDS_ENV,
    DataError,
    Problem,
    load_dataset,
    numbers_in,
    validate,
    value_in_text,
)

CITED = "gpo-2022-03-14-mazhilis"
OFFICIAL_SITE = {
    "kind": "official_site",
    "publisher": "General Prosecutor's Office",
    "title": "Report of the Prosecutor General to the Mazhilis",
    "url": "https://example.org/prokuror/2022-03-14",
    "published": "2022-03-14",
    "accessed": "2026-12-04",
}

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)

ABAI = {
    "region_id": "abai",
    "name_en": "Abai Region",
    "name_ru": "Абайская область",
    "name_kk": "Абай облысы",
    "kind": "region",
    "centre": "Semey",
    "lat": 50.4111,
    "lon": 80.2275,
}


def case(name: str, edit: Edit, *expected: tuple[str, str | None, str | None, str]):
    return pytest.param(edit, list(expected), id=name)


CASES = [
    # --- files and YAML ---
    case(
        "truncated-file",
        truncate_at("figures.yaml", 'quote: "To date', 30),
        (
            "figures.yaml",
            None,
            None,
            "invalid YAML at line 13, column 33: while scanning a quoted scalar, found unexpected end of stream",
        ),
    ),
    case(
        "not-utf8",
        replace_bytes("events.yaml", b"Residents gathered", b"Residents\xff gathered"),
        ("events.yaml", None, None, "not valid UTF-8: byte 0xff at line 10"),
    ),
    case(
        "billion-laughs-aliases",
        write_bytes("events.yaml", BILLION_LAUGHS.encode()),
        ("events.yaml", None, None, "anchors and aliases are not allowed"),
    ),
    case(
        "alias-inside-records",
        replace_text("events.yaml", "category: gathering", "category: &c gathering"),
        ("events.yaml", None, None, "line 9, column 13: YAML anchors and aliases are not allowed"),
    ),
    case(
        "python-object-tag",
        replace_text(
            "figures.yaml", "value: 4578", "value: !!python/object/apply:os.system ['true']"
        ),
        ("figures.yaml", None, None, "could not determine a constructor for the tag"),
    ),
    case(
        "duplicate-key",
        replace_text("figures.yaml", "value: 4578", "value: 4578\n  value: 4579"),
        ("figures.yaml", None, None, "line 9, column 3: duplicate key 'value'"),
    ),
    case(
        "merge-key",
        replace_text("figures.yaml", "value: 4578", "<<: {value: 4578}"),
        ("figures.yaml", None, None, "merge keys"),
    ),
    case("missing-file", remove("events.yaml"), ("events.yaml", None, None, "file not found")),
    case(
        "top-level-not-a-list",
        write_bytes("events.yaml", b"event_id: x\n"),
        ("events.yaml", None, None, "must be a list of records, got a mapping"),
    ),
    case(
        "record-not-a-mapping",
        replace_text(
            "events.yaml",
            "- event_id: almaty-clash-0104",
            "- just text\n- event_id: almaty-clash-0104",
        ),
        ("events.yaml", "#2", None, "must be a mapping of field: value"),
    ),
    case(
        "vocabularies-not-a-mapping",
        write_bytes("vocabularies.yaml", b"- gathering\n"),
        ("vocabularies.yaml", None, None, "must be a mapping of vocabularies"),
    ),
    case(
        "vocabulary-entry-without-unit",
        replace_text(
            "vocabularies.yaml",
            "unit: people, description: People wounded.",
            "description: People wounded.",
        ),
        ("vocabularies.yaml", "metrics.wounded", "unit", "is required"),
    ),
    # --- fields ---
    case(
        "missing-required-field",
        drop_field("figures.yaml", "wounded", "quote"),
        ("figures.yaml", "wounded", "quote", "is required"),
    ),
    case(
        "unknown-field",
        set_field("figures.yaml", "wounded", valeu=4353),
        ("figures.yaml", "wounded", "valeu", "unknown field; did you mean 'value'?"),
    ),
    case(
        "bad-id",
        set_field("events.yaml", "almaty-clash-0104", event_id="Almaty_Clash"),
        ("events.yaml", "#2", "event_id", "must be a lower-case id"),
    ),
    case(
        "impossible-date",
        replace_text("events.yaml", "date: 2022-01-04", "date: 2022-02-30"),
        (
            "events.yaml",
            "almaty-clash-0104",
            "date",
            "must be a real date written YYYY-MM-DD, got '2022-02-30'",
        ),
    ),
    case(
        "date-with-time",
        replace_text("events.yaml", "date: 2022-01-04", "date: 2022-01-04 10:00:00"),
        ("events.yaml", "almaty-clash-0104", "date", "must be a real date"),
    ),
    case(
        "bool-value",
        set_field("figures.yaml", "wounded", value=True),
        ("figures.yaml", "wounded", "value", "must be a number, got a boolean (True)"),
    ),
    case(
        "text-value",
        set_field("figures.yaml", "wounded", value="4,353"),
        ("figures.yaml", "wounded", "value", "must be a number, got '4,353'"),
    ),
    case(
        "huge-value",
        set_field("figures.yaml", "damage-tenge", value=10**16),
        ("figures.yaml", "damage-tenge", "value", "must be at most 1,000,000,000,000,000"),
    ),
    case(
        "nan-value",
        replace_text("figures.yaml", "value: 4353", "value: .nan"),
        ("figures.yaml", "wounded", "value", "must be a finite number"),
    ),
    case(
        "negative-value",
        set_field("figures.yaml", "wounded-law-enforcement", value=-3393),
        ("figures.yaml", "wounded-law-enforcement", "value", "must be at least 0"),
    ),
    case(
        "bad-choice",
        set_field("events.yaml", "almaty-clash-0104", scope="regional"),
        ("events.yaml", "almaty-clash-0104", "scope", "must be one of unit, several, nationwide"),
    ),
    case(
        "plain-http-url",
        set_field("sources.yaml", "mia-2022-01-25", url="http://ortcom.kz/en/novosti/1643113119"),
        ("sources.yaml", "mia-2022-01-25", "url", "must be an https:// address"),
    ),
    case(
        "swapped-coordinates",
        set_field("places.yaml", "taraz", lat=71.3667, lon=42.9),
        ("places.yaml", "taraz", "lat", "must be at most 56"),
        ("places.yaml", "taraz", "lon", "must be at least 46"),
    ),
    case(
        "empty-spellings",
        set_field("places.yaml", "semey", spellings=[]),
        ("places.yaml", "semey", "spellings", "must be a non-empty list of texts"),
    ),
    case(
        "parts-sum-flag-not-bool",
        set_field("figures.yaml", "affected", parts_sum_to_whole="yes"),
        ("figures.yaml", "affected", "parts_sum_to_whole", "must be true or false"),
    ),
    # --- ids ---
    case(
        "duplicate-id-in-file",
        add_copy("events.yaml", "almaty-clash-0104"),
        ("events.yaml", "almaty-clash-0104", "event_id", "id is used by 2 records in events.yaml"),
    ),
    case(
        "id-collision-across-files",
        add_copy(
            "places.yaml",
            "taraz",
            place_id="almaty-city",
            region_id="almaty-city",
            lat=43.222,
            lon=76.8512,
        ),
        ("places.yaml", "almaty-city", "place_id", "id is already used in regions.yaml"),
    ),
    # --- references ---
    case(
        "dangling-source",
        set_field("figures.yaml", "wounded", source_id="nobody-2022-01-01"),
        (
            "figures.yaml",
            "wounded",
            "source_id",
            "'nobody-2022-01-01' is not an id in sources.yaml",
        ),
    ),
    case(
        "dangling-region",
        set_field("events.yaml", "almaty-clash-0104", region_id="atlantis"),
        (
            "events.yaml",
            "almaty-clash-0104",
            "region_id",
            "'atlantis' is not an id in regions.yaml",
        ),
    ),
    case(
        "dangling-place",
        set_field("figures.yaml", "damage-tenge", place_id="atlantis"),
        ("figures.yaml", "damage-tenge", "place_id", "'atlantis' is not an id in places.yaml"),
    ),
    case(
        "dangling-parent",
        set_field("figures.yaml", "wounded", parent_id="no-such-figure"),
        ("figures.yaml", "wounded", "parent_id", "'no-such-figure' is not an id in figures.yaml"),
    ),
    case(
        "place-in-unknown-region",
        set_field("places.yaml", "semey", region_id="abay"),
        ("places.yaml", "semey", "region_id", "'abay' is not an id in regions.yaml"),
    ),
    case(
        "place-outside-its-region",
        set_field("events.yaml", "zhanaozen-gathering-0101", region_id="almaty-city"),
        (
            "events.yaml",
            "zhanaozen-gathering-0101",
            "place_id",
            "'zhanaozen' is in region 'mangystau'",
        ),
    ),
    case(
        "unit-scope-without-region",
        drop_field("events.yaml", "almaty-clash-0104", "region_id"),
        ("events.yaml", "almaty-clash-0104", "region_id", "is required when scope is 'unit'"),
    ),
    case(
        "nationwide-scope-with-region",
        set_field("events.yaml", "state-of-emergency-0105", region_id="akmola"),
        ("events.yaml", "state-of-emergency-0105", "region_id", "only scope 'unit' has a region"),
    ),
    # --- vocabularies ---
    case(
        "bad-category",
        set_field("events.yaml", "almaty-clash-0104", category="riot"),
        ("events.yaml", "almaty-clash-0104", "category", "'riot' is not in event_categories"),
    ),
    case(
        "bad-metric",
        set_field("figures.yaml", "damage-tenge", metric="losses"),
        ("figures.yaml", "damage-tenge", "metric", "'losses' is not in metrics"),
    ),
    case(
        "bad-qualifier",
        set_field("figures.yaml", "damage-tenge", qualifier="roughly"),
        ("figures.yaml", "damage-tenge", "qualifier", "'roughly' is not in qualifiers"),
    ),
    case(
        "unit-not-the-metrics",
        set_field("figures.yaml", "damage-tenge", unit="dollars"),
        (
            "figures.yaml",
            "damage-tenge",
            "unit",
            "'dollars' is not the unit of metric 'damage_tenge', which is 'tenge'",
        ),
    ),
    # --- dates ---
    case(
        "event-after-the-chronology",
        set_field("events.yaml", "almaty-clash-0104", date="2022-01-09"),
        (
            "events.yaml",
            "almaty-clash-0104",
            "date",
            "2022-01-09 is outside the chronology 2022-01-01 … 2022-01-08",
        ),
    ),
    case(
        "figure-after-its-statement",
        set_field("figures.yaml", "affected", date="2022-01-20"),
        ("figures.yaml", "affected", "date", "2022-01-20 is outside 2022-01-01 … 2022-01-15"),
    ),
    case(
        "figure-before-january",
        set_field("figures.yaml", "damage-tenge", period_start="2021-12-31"),
        (
            "figures.yaml",
            "damage-tenge",
            "period_start",
            "2021-12-31 is outside 2022-01-01 … 2022-01-25",
        ),
    ),
    case(
        "period-ends-before-it-starts",
        set_field(
            "figures.yaml", "damage-tenge", period_start="2022-01-14", period_end="2022-01-05"
        ),
        (
            "figures.yaml",
            "damage-tenge",
            "period_end",
            "2022-01-05 is before period_start 2022-01-14",
        ),
    ),
    # --- regions of January 2022 ---
    case(
        "abai-region-present",
        lambda directory: save_records(
            directory, "regions.yaml", [*read_records(directory, "regions.yaml"), ABAI]
        ),
        ("regions.yaml", None, None, "has 18 units; January 2022 had exactly 17"),
        ("regions.yaml", "abai", "region_id", "'abai' is a region created in June 2022"),
    ),
    case(
        "ulytau-by-name",
        set_field("regions.yaml", "karaganda", name_en="Ulytau Region"),
        ("regions.yaml", "karaganda", "name_en", "'Ulytau' is a region created in June 2022"),
    ),
    case(
        "sixteen-regions",
        drop_record("regions.yaml", "shymkent"),
        ("regions.yaml", None, None, "has 16 units; January 2022 had exactly 17"),
    ),
    # --- wholes and parts ---
    case(
        "part-larger-than-whole",
        both(
            drop_field("figures.yaml", "wounded", "parent_id"),
            set_field("figures.yaml", "affected", parent_id="wounded"),
        ),
        (
            "figures.yaml",
            "affected",
            "value",
            "part larger than its whole: 4,578 > 4,353 of parent 'wounded'",
        ),
    ),
    case(
        "part-of-another-unit",
        set_field("figures.yaml", "damage-tenge", parent_id="affected"),
        (
            "figures.yaml",
            "damage-tenge",
            "parent_id",
            "unit 'tenge' differs from the parent's unit 'people'",
        ),
    ),
    case(
        "own-parent",
        set_field("figures.yaml", "wounded", parent_id="wounded"),
        ("figures.yaml", "wounded", "parent_id", "parents form a cycle: wounded -> wounded"),
    ),
    case(
        "parent-cycle",
        set_field("figures.yaml", "wounded", parent_id="wounded-law-enforcement"),
        ("figures.yaml", "wounded", "value", "part larger than its whole: 4,353 > 3,393"),
        (
            "figures.yaml",
            "wounded",
            "parent_id",
            "parents form a cycle: wounded -> wounded-law-enforcement -> wounded",
        ),
    ),
    case(
        "parts-do-not-sum-to-whole",
        set_field("figures.yaml", "affected", parts_sum_to_whole=True),
        (
            "figures.yaml",
            "affected",
            "parts_sum_to_whole",
            "the parts (wounded) add up to 4,353, not 4,578",
        ),
    ),
    case(
        "parts-sum-without-parts",
        set_field("figures.yaml", "damage-tenge", parts_sum_to_whole=True),
        (
            "figures.yaml",
            "damage-tenge",
            "parts_sum_to_whole",
            "no figure names this one as parent_id",
        ),
    ),
    # --- quotes and numbers ---
    case(
        "quote-not-verbatim",
        replace_text("events.yaml", "Zhanaozen, Mangystau region.", "Zhanaozen, Mangystau Region."),
        ("events.yaml", "zhanaozen-gathering-0101", "quote", "departs from the text at 'Region.'"),
    ),
    case(
        "straight-apostrophe-is-not-verbatim",
        add_copy(
            "events.yaml",
            "state-of-emergency-0105",
            event_id="governors-offices-seized-0105",
            category="seizure",
            quote="The Governors' Offices were also forcefully seized in the Aktobe, Atyrau, "
            "Kyzylorda, Mangystau, and Zhambyl regions.",
        ),
        (
            "events.yaml",
            "governors-offices-seized-0105",
            "quote",
            "departs from the text at \"' Offices",
        ),
    ),
    case(
        "as-written-not-in-quote",
        set_field("figures.yaml", "wounded", as_written="4,353 people were wounded"),
        (
            "figures.yaml",
            "wounded",
            "as_written",
            "'4,353 people were wounded' is not in the quote",
        ),
    ),
    case(
        "number-not-in-quote",
        set_field("figures.yaml", "wounded", value=4354),
        (
            "figures.yaml",
            "wounded",
            "value",
            "4,354 is not stated in as_written '4,353 were wounded'",
        ),
    ),
    case(
        "scaled-number-off-by-scale",
        set_field("figures.yaml", "damage-tenge", value=87_000_000),
        ("figures.yaml", "damage-tenge", "value", "87,000,000 is not stated in as_written"),
    ),
    case(
        "statement-figure-with-empty-quote",
        set_field("figures.yaml", "wounded", quote=""),
        ("figures.yaml", "wounded", "quote", "must be non-empty text, got ''"),
    ),
    # --- two kinds of source: what each kind has ---
    case(
        "source-without-kind",
        drop_field("sources.yaml", "gpo-2022-01-15", "kind"),
        ("sources.yaml", "gpo-2022-01-15", "kind", "is required"),
    ),
    case(
        "unknown-source-kind",
        set_field("sources.yaml", CITED, kind="quoted"),
        ("sources.yaml", CITED, "kind", "must be one of statement, cited; got 'quoted'"),
    ),
    case(
        "statement-without-seed-file",
        drop_field("sources.yaml", "mia-2022-01-25", "seed_file"),
        ("sources.yaml", "mia-2022-01-25", "seed_file", "is required"),
    ),
    case(
        "statement-without-speaker",
        drop_field("sources.yaml", "gpo-2022-01-15", "speaker"),
        ("sources.yaml", "gpo-2022-01-15", "speaker", "is required"),
    ),
    case(
        "statement-with-reports",
        set_field("sources.yaml", "mia-2022-01-25", reports=[OFFICIAL_SITE]),
        (
            "sources.yaml",
            "mia-2022-01-25",
            "reports",
            "a statement source has no reports: its text is held and quoted",
        ),
    ),
    case(
        "cited-with-seed-file",
        set_field("sources.yaml", CITED, seed_file="002_mazhilis.txt"),
        (
            "sources.yaml",
            CITED,
            "seed_file",
            "a cited source has no seed_file: its text is not held",
        ),
    ),
    case(
        "cited-with-url",
        set_field("sources.yaml", CITED, url="https://example.org/news/2022-03-14-mazhilis"),
        (
            "sources.yaml",
            CITED,
            "url",
            "a cited source has no url: the address of each publication goes in its report",
        ),
    ),
    case(
        "cited-with-language",
        set_field("sources.yaml", CITED, language="en"),
        (
            "sources.yaml",
            CITED,
            "language",
            "a cited source has no language: nothing from it is quoted",
        ),
    ),
    case(
        "cited-without-reports",
        drop_field("sources.yaml", CITED, "reports"),
        ("sources.yaml", CITED, "reports", "is required"),
    ),
    case(
        "cited-with-empty-reports",
        set_field("sources.yaml", CITED, reports=[]),
        ("sources.yaml", CITED, "reports", "must be a non-empty list of mappings, got a list ([])"),
    ),
    case(
        "cited-without-organisation",
        drop_field("sources.yaml", CITED, "organisation_short"),
        ("sources.yaml", CITED, "organisation_short", "is required"),
    ),
    case(
        "source-published-before-2022",
        set_field("sources.yaml", "mia-2022-01-25", published="2021-12-31"),
        ("sources.yaml", "mia-2022-01-25", "published", "2021-12-31 is outside 2022-01-01 … "),
    ),
    case(
        "source-published-in-the-future",
        set_field("sources.yaml", "gpo-2022-01-15", published="2999-01-01"),
        ("sources.yaml", "gpo-2022-01-15", "published", "2999-01-01 is outside 2022-01-01 … "),
    ),
    # --- a cited source's reports ---
    case(
        "report-not-a-mapping",
        set_field("sources.yaml", CITED, reports=["https://example.org/news/1"]),
        (
            "sources.yaml",
            CITED,
            "reports[1]",
            "must be a mapping of field: value, got 'https://example.org/news/1'",
        ),
    ),
    case(
        "no-report-dated",
        both(set_report(CITED, 1, published=None), set_report(CITED, 2, published=None)),
        (
            "sources.yaml",
            CITED,
            "reports",
            "at least one report must give its published date, so that the date of the "
            "statement rests on a publication",
        ),
    ),
    case(
        "report-without-publisher",
        set_report(CITED, 2, publisher=None),
        ("sources.yaml", CITED, "reports[2].publisher", "is required"),
    ),
    case(
        "report-with-unknown-field",
        set_report(CITED, 1, publsher="Example News Agency"),
        ("sources.yaml", CITED, "reports[1].publsher", "unknown field; did you mean 'publisher'?"),
    ),
    case(
        "report-of-unknown-kind",
        set_report(CITED, 1, kind="blog"),
        (
            "sources.yaml",
            CITED,
            "reports[1].kind",
            "must be one of official_site, news_report; got 'blog'",
        ),
    ),
    case(
        "report-url-not-the-web",
        set_report(CITED, 1, url="ftp://example.org/news/1"),
        (
            "sources.yaml",
            CITED,
            "reports[1].url",
            "must be an http:// or https:// address, got 'ftp://example.org/news/1'",
        ),
    ),
    case(
        "report-date-not-a-date",
        set_report(CITED, 2, accessed="4 December 2026"),
        (
            "sources.yaml",
            CITED,
            "reports[2].accessed",
            "must be a real date written YYYY-MM-DD, got '4 December 2026'",
        ),
    ),
    case(
        "report-before-its-source",
        set_report(CITED, 1, published="2022-03-13"),
        (
            "sources.yaml",
            CITED,
            "reports[1].published",
            "2022-03-13 is before the source's published date 2022-03-14",
        ),
    ),
    case(
        "report-accessed-before-published",
        set_report(CITED, 2, accessed="2022-03-14"),
        (
            "sources.yaml",
            CITED,
            "reports[2].accessed",
            "2022-03-14 is before the report's published date 2022-03-15",
        ),
    ),
    case(
        "report-accessed-in-the-future",
        set_report(CITED, 1, accessed="2999-01-01"),
        ("sources.yaml", CITED, "reports[1].accessed", "2999-01-01 is after today ("),
    ),
    # --- the curation rule: an official site, or two publishers ---
    case(
        "one-news-report-only",
        lambda directory: save_records(
            directory,
            "sources.yaml",
            [
                {**r, "reports": r["reports"][:1]} if r["source_id"] == CITED else r
                for r in read_records(directory, "sources.yaml")
            ],
        ),
        (
            "sources.yaml",
            CITED,
            "reports",
            "a cited source needs a report of kind official_site, or news_reports from at "
            "least two different publishers; all its reports are news_reports from "
            "Example News Agency",
        ),
    ),
    case(
        "two-news-reports-from-one-publisher",
        set_report(CITED, 2, publisher="  example news   AGENCY"),
        ("sources.yaml", CITED, "reports", "all its reports are news_reports from Example News"),
    ),
    # --- what a cited source's figures carry ---
    case(
        "cited-figure-with-quote",
        set_field("figures.yaml", "deaths-0314", quote="238 people died."),
        (
            "figures.yaml",
            "deaths-0314",
            "quote",
            f"'{CITED}' is a cited source, whose text is not held, so a quote from it could "
            "not be checked; leave quote out",
        ),
    ),
    case(
        "cited-figure-without-as-written",
        drop_field("figures.yaml", "deaths-0314", "as_written"),
        ("figures.yaml", "deaths-0314", "as_written", "is required"),
    ),
    case(
        "cited-figure-number-not-in-as-written",
        set_field("figures.yaml", "deaths-0314", value=230),
        (
            "figures.yaml",
            "deaths-0314",
            "value",
            "230 is not stated in as_written '238 people died'",
        ),
    ),
    case(
        "cited-figure-copies-a-sentence",
        set_field(
            "figures.yaml",
            "deaths-0314",
            as_written="the Prosecutor General said that in total 238 people died during the "
            "January events",
        ),
        (
            "figures.yaml",
            "deaths-0314",
            "as_written",
            "has 14 words; from a cited publication copy only the few words that state the "
            "number (at most 12)",
        ),
    ),
    case(
        "cited-figure-after-its-source",
        set_field("figures.yaml", "deaths-0314", date="2022-03-15"),
        (
            "figures.yaml",
            "deaths-0314",
            "date",
            "2022-03-15 is outside 2022-01-01 … 2022-03-14 (the source's publication date)",
        ),
    ),
    case(
        "cited-figure-period-ends-after-its-source",
        set_field(
            "figures.yaml",
            "deaths-0314",
            date=None,
            period_start="2022-01-04",
            period_end="2022-03-31",
        ),
        (
            "figures.yaml",
            "deaths-0314",
            "period_end",
            "2022-03-31 is outside 2022-01-01 … 2022-03-14",
        ),
    ),
    case(
        "series-not-in-the-vocabulary",
        set_field("figures.yaml", "deaths-0314", series="deaths_all"),
        (
            "figures.yaml",
            "deaths-0314",
            "series",
            "'deaths_all' is not in series in vocabularies.yaml",
        ),
    ),
    case(
        "series-of-another-metric",
        set_field("figures.yaml", "affected", series="deaths_total"),
        (
            "figures.yaml",
            "affected",
            "series",
            "series 'deaths_total' counts metric 'deaths', not 'affected_people'",
        ),
    ),
    case(
        "series-with-two-figures-of-one-source",
        add_copy("figures.yaml", "deaths-0314", figure_id="deaths-0314-again"),
        (
            "figures.yaml",
            "deaths-0314-again",
            "series",
            "series 'deaths_total' already has figure 'deaths-0314' from source "
            "'gpo-2022-03-14-mazhilis'; a series takes one figure per source",
        ),
    ),
    case(
        "series-counts-an-unknown-metric",
        replace_text("vocabularies.yaml", "metric: deaths,", "metric: dead,"),
        (
            "figures.yaml",
            "deaths-0314",
            "series",
            "series 'deaths_total' counts metric 'dead', not 'deaths'",
        ),
        (
            "vocabularies.yaml",
            "series.deaths_total",
            "metric",
            "'dead' is not in metrics in vocabularies.yaml",
        ),
    ),
    case(
        "event-from-a-cited-source",
        set_field("events.yaml", "almaty-clash-0104", source_id=CITED),
        (
            "events.yaml",
            "almaty-clash-0104",
            "source_id",
            f"'{CITED}' is a cited source; an event comes only from a held statement",
        ),
    ),
]


@pytest.mark.parametrize(("edit", "expected"), CASES)
def test_each_broken_rule_is_reported_exactly(data_dir, edit, expected):
    edit(data_dir)
    problems = validate(data_dir)
    assert len(problems) == len(expected), "\n".join(map(str, problems))
    for problem, (file, record_id, field, fragment) in zip(problems, expected, strict=True):
        assert (problem.file, problem.record_id, problem.field) == (file, record_id, field), str(
            problem
        )
        assert fragment in problem.message, str(problem)


# --- what the valid fixture and small variations of it must pass -------------------------


def test_valid_fixture_has_no_problems(data_dir):
    assert validate(data_dir) == []


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(
            set_field("events.yaml", "almaty-clash-0104", date="2022-01-04"), id="quoted-date"
        ),
        pytest.param(
            replace_text(
                "events.yaml", "the city hall at 17:20 in", "the city hall\n    at  17:20 in"
            ),
            id="quote-with-other-whitespace",
        ),
        pytest.param(
            set_field("figures.yaml", "wounded", as_written="4,353 were   wounded"),
            id="as-written-spacing",
        ),
        pytest.param(
            set_field("figures.yaml", "damage-tenge", breakdown=None, note=None), id="optional-null"
        ),
        pytest.param(
            set_field("sources.yaml", CITED, reports=[OFFICIAL_SITE]), id="cited-official-site"
        ),
        pytest.param(
            set_field("sources.yaml", CITED, speaker=None, post=None, place=None),
            id="cited-without-speaker-post-place",
        ),
        pytest.param(set_report(CITED, 2, published="2022-03-14"), id="reports-same-day"),
        pytest.param(set_report(CITED, 2, published=None), id="one-report-undated"),
        pytest.param(
            set_field("figures.yaml", "deaths-0314", date="2022-01-10"),
            id="cited-figure-in-january",
        ),
        pytest.param(
            set_field(
                "figures.yaml",
                "deaths-0314",
                date=None,
                period_start="2022-01-04",
                period_end="2022-03-14",
            ),
            id="cited-figure-period",
        ),
        pytest.param(
            set_field(
                "figures.yaml", "deaths-0314", value=3000, as_written="over 3 thousand cases"
            ),
            id="cited-scale-word",
        ),
    ],
)
def test_harmless_variations_are_accepted(data_dir, edit):
    edit(data_dir)
    assert validate(data_dir) == []


def test_every_file_is_checked_even_when_several_are_broken(data_dir):
    truncate_at("figures.yaml", "quote:", 10)(data_dir)
    set_field("events.yaml", "almaty-clash-0104", colour="red")(data_dir)
    remove("places.yaml")(data_dir)
    with pytest.raises(DataError) as raised:
        load_dataset(data_dir)
    files = [p.file for p in raised.value.problems]
    assert files == ["places.yaml", "events.yaml", "figures.yaml"]
    assert str(raised.value).splitlines() == [str(p) for p in raised.value.problems]


def test_missing_data_folder_is_a_problem_not_a_crash(tmp_path):
    [problem] = validate(tmp_path / "nowhere")
    assert problem.message == "data folder not found"


def test_problem_names_file_record_and_field():
    problem = Problem("figures.yaml", "wounded-total", "value", "must be at least 0, got -1")
    assert (
        str(problem)
        == "figures.yaml: record 'wounded-total', field 'value': must be at least 0, got -1"
    )
    assert (
        str(Problem("events.yaml", None, None, "file not found")) == "events.yaml: file not found"
    )


def test_quote_check_is_skipped_with_a_warning_without_a_seeds_folder(
    data_dir, tmp_path, monkeypatch
):
    absent = tmp_path / "no-seeds"
    monkeypatch.setenv(SEEDS_ENV, str(absent))
    replace_text("events.yaml", "Mangystau region.", "Mangystau Region.")(data_dir)
    dataset = load_dataset(data_dir)
    assert len(dataset.warnings) == 1
    assert "quote check skipped" in dataset.warnings[0] and str(absent) in dataset.warnings[0]


def test_a_statement_missing_from_the_seeds_folder_is_a_problem(data_dir, tmp_path, monkeypatch):
    # A mistyped seed_file must not quietly switch the quote check off.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    monkeypatch.setenv(SEEDS_ENV, str(seeds))
    problems = validate(data_dir)
    assert {(p.file, p.field) for p in problems} == {("sources.yaml", "seed_file")}
    assert len(problems) == 2
    assert all("is not there" in p.message for p in problems)


def test_numbers_still_checked_against_their_quote_without_statement_texts(
    data_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv(SEEDS_ENV, str(tmp_path / "absent"))
    set_field("figures.yaml", "wounded", value=4354)(data_dir)
    assert [p.field for p in validate(data_dir)] == ["value"]


# --- the dataset ---------------------------------------------------------------------------


def test_dataset_columns_are_the_schema_fields_with_exact_values(data_dir):
    dataset = load_dataset(data_dir)
    figures = dataset.figures
    assert list(figures.columns[:6]) == [
        "figure_id",
        "source_id",
        "metric",
        "breakdown",
        "series",
        "label",
    ]
    assert str(figures["value"].dtype) == "Int64"
    assert figures.set_index("figure_id").loc["damage-tenge", "value"] == 87_000_000_000
    assert str(figures["date"].dtype) == "datetime64[ns]"
    assert figures["breakdown"].isna().sum() == 4
    assert figures["parts_sum_to_whole"].isna().all()
    assert dataset.events["place_id"].isna().tolist() == [False, True, True]
    assert dataset.places.set_index("place_id").loc["taldykorgan", "spellings"] == [
        "Taldykorgan",
        "Talodikorgan",
    ]
    assert set(dataset.vocabularies) == {"event_categories", "qualifiers", "metrics", "series"}
    assert dataset.warnings == []


def test_dataset_sources_carry_their_kind_and_reports(data_dir):
    dataset = load_dataset(data_dir)
    sources = dataset.sources.set_index("source_id")
    assert sources["kind"].tolist() == ["statement", "statement", "cited"]
    assert list(sources.columns[-3:]) == ["reports", "report_urls", "publishers"]
    cited, statement = sources.loc[CITED], sources.loc["gpo-2022-01-15"]
    assert [r["publisher"] for r in cited["reports"]] == [
        "Example News Agency",
        "Another Example Wire",
    ]
    assert str(cited["reports"][1]["accessed"]) == "2026-12-04"
    assert cited["report_urls"] == (
        "https://example.org/news/2022-03-14-mazhilis; "
        "http://example.org/wire/2022/03/15/death-toll"
    )
    assert cited["publishers"] == "Example News Agency; Another Example Wire"
    assert pd.isna(cited["url"]) and pd.isna(cited["seed_file"])
    assert statement["reports"] is None and pd.isna(statement["report_urls"])
    figures = dataset.figures.set_index("figure_id")
    assert pd.isna(figures.loc["deaths-0314", "quote"])
    assert figures.loc["deaths-0314", "date"] == pd.Timestamp("2022-03-14")


# --- how numbers are found in what is written ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        ("almost 37,000 people (36,831)", 36831, True),
        ("almost 37,000 people (36,831)", 37000, True),
        ("36831 people", 36831, True),
        ("15 police officers", 1, False),
        ("15 police officers", 5, False),
        ("1,466 different buildings", 466, False),
        ("1,466 different buildings", 1, False),
        ("44 cases of terrorism34 cases of riots", 34, True),
        ("Unauthorized mass gatherings spread to eleven regions", 11, True),
        ("a military serviceman was run over and killed", 1, True),
        ("two pistols", 2, True),
        ("exceeded 87 billion tenge", 87_000_000_000, True),
        ("exceeded 87 billion tenge", 87, False),
        ("(78%)", 78, True),
        ("About 70%", 70, True),
        ("2.5 million", 2_500_000, True),
        ("reached over 20,000.", 20000, True),
    ],
)
def test_value_in_text(text, value, found):
    assert value_in_text(value, text) is found, numbers_in(text)


# --- robustness ------------------------------------------------------------------------------

ODD_VALUES = [None, True, -1, 1.5, "", "x", [], [1], {"a": 1}, "2030-01-01", 10**30, float("inf")]


@pytest.mark.parametrize("odd", ODD_VALUES, ids=repr)
def test_no_value_of_any_type_crashes_the_validator(data_dir, odd):
    for file in ("sources.yaml", "places.yaml", "events.yaml", "figures.yaml"):
        records = read_records(data_dir, file)
        for record in records:
            record.update(dict.fromkeys(list(record), odd))
        save_records(data_dir, file, records)
    problems = validate(data_dir)
    assert problems
    assert all(isinstance(p, Problem) for p in problems)


@pytest.mark.parametrize("odd", ODD_VALUES, ids=repr)
def test_no_value_of_any_type_in_a_report_crashes_the_validator(data_dir, odd):
    records = read_records(data_dir, "sources.yaml")
    for record in records:
        for report in record.get("reports", []):
            report.update(dict.fromkeys(list(report), odd))
    save_records(data_dir, "sources.yaml", records)
    problems = validate(data_dir)
    assert problems
    assert all(isinstance(p, Problem) for p in problems)
