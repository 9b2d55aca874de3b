"""Text alternatives of the charts: what each says, in each language, plural-correct."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import describe
from dashboard.i18n import Translator

EN, RU, KK = Translator("en"), Translator("ru"), Translator("kk")


def bar_rows(n: int = 2) -> pd.DataFrame:
    rows = [
        {"label": "Weapons found", "breakdown": None, "value_label": "515", "derived": False},
        {"label": "rest", "breakdown": "not itemised", "value_label": "155", "derived": True},
        {"label": "Pistols", "breakdown": "pistols", "value_label": "133", "derived": False},
    ][:n]
    return pd.DataFrame(rows).assign(depth=[0] + [1] * (n - 1))


def test_a_bar_chart_is_described_with_every_bar_and_its_value_as_the_chart_writes_it():
    text = describe.bars(bar_rows(3), EN)
    assert text.startswith("Bar chart, 3 bars: Weapons found: 515; of which Not itemised: ")
    assert "155 (derived)" in text
    assert "of which Pistols: 133" in text
    assert "“Quotes and sources” table below" in text


@pytest.mark.parametrize(
    ("tr", "n", "expected"),
    [
        (EN, 1, "Bar chart, 1 bar:"),
        (EN, 2, "Bar chart, 2 bars:"),
        (RU, 1, "Столбчатая диаграмма, 1 столбец:"),
        (RU, 2, "Столбчатая диаграмма, 2 столбца:"),
        (KK, 3, "Бағанды диаграмма, 3 баған:"),
    ],
)
def test_the_number_of_bars_takes_the_plural_form_its_language_needs(tr, n, expected):
    assert describe.bars(bar_rows(n), tr).startswith(expected)


def test_casualty_parts_name_each_group_and_mark_the_derived_part():
    rows = pd.DataFrame(
        {
            "group": ["Wounded", "Wounded"],
            "part": ["Law enforcement", "Others"],
            "value_label": ["3,393", "960"],
            "derived": [False, True],
        }
    )
    assert describe.parts(rows, EN).startswith(
        "Stacked bar chart: Wounded — Law enforcement: 3,393, Others: 960 (derived)."
    )


def test_participant_days_without_a_count_are_said_not_hidden():
    points = pd.DataFrame(
        {"day": [dt.date(2022, 1, 4)], "series": ["Nationwide"], "value_label": ["about 5,000"]}
    )
    gaps = pd.DataFrame({"day": [dt.date(2022, 1, 1), dt.date(2022, 1, 2)]})
    text = describe.participants(points, gaps, EN)
    assert "Dot chart, 1 reported count: 4 Jan 2022, Nationwide: about 5,000." in text
    assert "No count on 2 days: 1 Jan, 2 Jan." in text
    assert "Число не указано за 2 дня" in describe.participants(points, gaps, RU)


def test_the_map_lists_regions_by_severity_most_severe_first_then_those_not_named():
    units = pd.DataFrame(
        {
            "name": ["Almaty", "Mangystau Region", "Akmola Region"],
            "status": ["unrest", "unrest", "not_named"],
            "severity": [5, 2, None],
        }
    )
    text = describe.spread_map(units, {2: "Road blocking", 5: "Seizures"}, EN)
    assert text.startswith(
        "Map: unrest named in 2 regions — Seizures: Almaty; Road blocking: Mangystau Region; "
        "Not named in the statements: Akmola Region."
    )
