"""The committed boundaries data/geo/kz-regions-2022.geojson (built by tools/build_geo.py).

The file is read with json and checked with small geometry helpers; one test also checks
validity and overlaps with shapely (in the `test` extra, so it always runs).
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GEOJSON = ROOT / "data" / "geo" / "kz-regions-2022.geojson"
REGIONS_YAML = ROOT / "data" / "regions.yaml"

MAX_BYTES = 150 * 1024
LON_RANGE = (46.0, 88.0)
LAT_RANGE = (40.0, 56.0)
EARTH_RADIUS_KM = 6371.0088
KAZAKHSTAN_KM2 = 2_724_900  # official area of the republic
POST_2022_UNITS = ("abai", "abay", "jetisu", "zhetysu", "ulytau")


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def features(collection) -> dict[str, dict]:
    return {f["id"]: f for f in collection["features"]}


@pytest.fixture(scope="module")
def regions() -> list[dict]:
    return yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))


# --- geometry helpers -------------------------------------------------------------------


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """A Polygon or MultiPolygon as a list of polygons (each a list of rings)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in deg²: positive anticlockwise, negative clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def spherical_area_km2(ring: list[list[float]]) -> float:
    """Area on the sphere (absolute), by the trapezoid rule in (lon, sin lat)."""
    total = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        total += math.radians(x1 - x0) * (math.sin(math.radians(y0)) + math.sin(math.radians(y1)))
    return abs(total) / 2 * EARTH_RADIUS_KM**2


def unit_area_km2(geometry: dict) -> float:
    return sum(
        spherical_area_km2(poly[0]) - sum(spherical_area_km2(hole) for hole in poly[1:])
        for poly in polygons(geometry)
    )


def in_ring(x: float, y: float, ring: list[list[float]]) -> bool:
    """Ray casting: does a horizontal ray from (x, y) cross the ring an odd number of times?"""
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def contains(geometry: dict, lon: float, lat: float) -> bool:
    return any(
        in_ring(lon, lat, poly[0]) and not any(in_ring(lon, lat, hole) for hole in poly[1:])
        for poly in polygons(geometry)
    )


def _orient(a, b, c) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on_segment(a, b, p) -> bool:
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def segments_meet(a, b, c, d) -> bool:
    """Do the closed segments ab and cd share a point?"""
    o1, o2, o3, o4 = _orient(a, b, c), _orient(a, b, d), _orient(c, d, a), _orient(c, d, b)
    if ((o1 > 0 > o2) or (o1 < 0 < o2)) and ((o3 > 0 > o4) or (o3 < 0 < o4)):
        return True
    return (
        (o1 == 0 and _on_segment(a, b, c))
        or (o2 == 0 and _on_segment(a, b, d))
        or (o3 == 0 and _on_segment(c, d, a))
        or (o4 == 0 and _on_segment(c, d, b))
    )


def self_intersections(ring: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs of non-adjacent edges of a closed ring that touch or cross (x-sorted sweep)."""
    n = len(ring) - 1
    edges = sorted(range(n), key=lambda i: min(ring[i][0], ring[i + 1][0]))
    found = []
    for k, i in enumerate(edges):
        a, b = ring[i], ring[i + 1]
        right = max(a[0], b[0])
        for j in edges[k + 1 :]:
            c, d = ring[j], ring[j + 1]
            if min(c[0], d[0]) > right:
                break
            if abs(i - j) in (1, n - 1):  # neighbours share a vertex
                continue
            if segments_meet(a, b, c, d):
                found.append((min(i, j), max(i, j)))
    return found


# --- tests ------------------------------------------------------------------------------


def test_file_is_small():
    assert GEOJSON.stat().st_size < MAX_BYTES


def test_units_are_the_17_of_january_2022(collection, regions):
    assert collection["type"] == "FeatureCollection"
    ids = [f["id"] for f in collection["features"]]
    assert len(ids) == 17
    assert ids == sorted(ids), "features are sorted by id (deterministic output)"
    assert set(ids) == {r["region_id"] for r in regions}
    names = {r["region_id"]: r["name_en"] for r in regions}
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["properties"] == {
            "region_id": feature["id"],
            "name_en": names[feature["id"]],
        }


def test_no_unit_created_in_june_2022(collection):
    for feature in collection["features"]:
        text = json.dumps(feature["properties"], ensure_ascii=False).lower()
        assert not any(name in text for name in POST_2022_UNITS), feature["properties"]


def test_rings_are_closed_and_inside_kazakhstan(collection):
    for feature in collection["features"]:
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon"), feature["id"]
        for poly in polygons(geometry):
            for ring in poly:
                assert len(ring) >= 4, feature["id"]
                assert ring[0] == ring[-1], f"{feature['id']}: ring not closed"
                for lon, lat in ring:
                    assert LON_RANGE[0] <= lon <= LON_RANGE[1], (feature["id"], lon)
                    assert LAT_RANGE[0] <= lat <= LAT_RANGE[1], (feature["id"], lat)
                    assert round(lon, 4) == lon and round(lat, 4) == lat


def test_rings_are_simple_and_wound_for_d3(collection):
    """No ring crosses or touches itself; exteriors clockwise, holes anticlockwise (d3)."""
    for feature in collection["features"]:
        for poly in polygons(feature["geometry"]):
            for k, ring in enumerate(poly):
                assert all(p != q for p, q in itertools.pairwise(ring)), "repeated point"
                area = signed_area(ring)
                assert area < 0 if k == 0 else area > 0, f"{feature['id']}: ring {k} winding"
                assert self_intersections(ring) == [], f"{feature['id']}: ring {k}"


def test_areas_are_plausible(features):
    areas = {rid: unit_area_km2(f["geometry"]) for rid, f in features.items()}
    # Overlaps would inflate the total, gaps or lost parts would shrink it.
    assert sum(areas.values()) == pytest.approx(KAZAKHSTAN_KM2, rel=0.02)
    for city in ("nur-sultan", "almaty-city", "shymkent"):
        assert 300 < areas[city] < 2_000, (city, areas[city])
    # Karaganda with Ulytau was the largest unit, then Aktobe; East Kazakhstan with Abai
    # and Almaty Region with Zhetysu outsize Turkistan, which did not change.
    assert max(areas, key=areas.get) == "karaganda"
    assert areas["east-kazakhstan"] > 250_000
    assert areas["almaty-region"] > 200_000
    assert areas["karaganda"] > 400_000


def test_each_centre_lies_in_its_own_unit_only(features, regions):
    for region in regions:
        inside = sorted(
            rid
            for rid, f in features.items()
            if contains(f["geometry"], region["lon"], region["lat"])
        )
        assert inside == [region["region_id"]], f"{region['centre']}: in {inside}"


def test_valid_without_overlaps_per_shapely(features):
    import shapely  # in the `test` extra: a missing shapely fails this test, never skips it

    geoms = {rid: shapely.geometry.shape(f["geometry"]) for rid, f in features.items()}
    for rid, geom in geoms.items():
        assert geom.is_valid, (rid, shapely.is_valid_reason(geom))
    for a, b in itertools.combinations(sorted(geoms), 2):
        assert geoms[a].intersection(geoms[b]).area < 1e-9, (a, b)
