"""A small made-up chronology for the regional spread tests: shaping (test_regional) and
drawing (test_maps) read the same one."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import regional

JAN = {d: dt.date(2022, 1, d) for d in range(1, 9)}

VOCAB = {
    "event_categories": {
        "gathering": {"label": "Gathering or rally", "group": "unrest", "severity": 1},
        "road_blocking": {"label": "Road blocking", "group": "unrest", "severity": 2},
        "arson": {"label": "Arson", "group": "unrest", "severity": 4},
        "looting": {"label": "Looting", "group": "unrest", "severity": 4},
        "seizure": {"label": "Seizure of a building", "group": "unrest", "severity": 5},
        "curfew": {"label": "Curfew", "group": "state_measure"},
        "de_escalation": {"label": "Decline or end of gatherings", "group": "situation"},
    }
}

REGIONS = pd.DataFrame(
    {
        "region_id": ["almaty-city", "mangystau", "zhambyl", "akmola"],
        "name_en": ["Almaty", "Mangystau Region", "Zhambyl Region", "Akmola Region"],
    }
)

PLACES = pd.DataFrame(
    {
        "place_id": ["zhanaozen", "taraz"],
        "name_en": ["Zhanaozen", "Taraz"],
        "region_id": ["mangystau", "zhambyl"],
        "lat": [43.3412, 42.9],
        "lon": [52.8619, 71.3667],
    }
)

GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": region_id,
            "properties": {"region_id": region_id},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[50 + i, 45], [50 + i, 46], [51 + i, 46], [51 + i, 45], [50 + i, 45]]
                ],
            },
        }
        for i, region_id in enumerate(REGIONS["region_id"])
    ],
}


def event(day, category, region_id=None, *, scope=None, place_id=None, place=None):
    return {
        "event_id": f"e-{day}-{region_id or scope}-{category}",
        "date": pd.Timestamp(JAN[day]),
        "scope": scope or "unit",
        "region_id": region_id,
        "place_id": place_id,
        "place": place,
        "category": category,
        "description": f"{category} on {day} January",
        "source_id": "gpo-2022-01-15",
        "quote": f"Quote about {category}.",
        "note": None,
    }


def events(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


EVENTS = events(
    event(1, "gathering", "mangystau", place_id="zhanaozen"),
    event(2, "road_blocking", "mangystau", place_id="zhanaozen", place="roads in Zhanaozen"),
    event(4, "gathering", "almaty-city"),
    event(5, "looting", "almaty-city"),
    event(5, "seizure", "almaty-city", place="Almaty City Hall"),
    event(7, "gathering", "mangystau"),
    event(7, "seizure", "zhambyl", place_id="taraz"),
    event(5, "curfew", scope="nationwide"),
    event(5, "looting", scope="several"),
    event(8, "de_escalation", "almaty-city"),
)


def severity(start=1, end=8, region_ids=(), rows=EVENTS) -> pd.DataFrame:
    units = regional.unit_severity(
        rows, VOCAB, JAN[start], JAN[end], region_ids, regions=REGIONS, places=PLACES
    )
    return units.set_index("region_id")


def matrix(start=1, end=8, region_ids=()) -> pd.DataFrame:
    return regional.region_day_matrix(
        EVENTS, VOCAB, JAN[start], JAN[end], region_ids, regions=REGIONS, places=PLACES
    )
