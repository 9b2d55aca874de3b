"""Regional spread, drawn: the SVG geo map and the region × day grid."""

from __future__ import annotations

from regional_cases import (
    EVENTS,
    GEOJSON,
    JAN,
    PLACES,
    REGIONS,
    VOCAB,
    matrix,
)

from dashboard import maps, regional, style
from dashboard.i18n import EN

# --- builders ----------------------------------------------------------------------------


def build_map(start=1, end=8, region_ids=()):
    units = regional.unit_severity(
        EVENTS, VOCAB, JAN[start], JAN[end], region_ids, regions=REGIONS, places=PLACES
    )
    towns = regional.named_places(EVENTS, PLACES, VOCAB, JAN[start], JAN[end], region_ids)
    return maps.spread_map(
        units,
        towns,
        GEOJSON,
        labels=regional.severity_labels(VOCAB),
        title="Most severe unrest named per region",
        subtitle="Test",
    )


def test_map_has_one_trace_per_severity_level_present_in_legend_order():
    fig = build_map()
    fills = [t for t in fig.data if t.type == "choropleth"]
    assert [t.name.replace("<br>", " ") for t in fills] == [
        EN("severity.2"),
        EN("severity.5"),
        EN("spread.not_named"),
    ]
    assert [list(t.locations) for t in fills] == [
        ["mangystau"],
        ["almaty-city", "zhambyl"],
        ["akmola"],
    ]
    assert [t.legendrank for t in fills] == sorted(t.legendrank for t in fills)
    assert all(t.showlegend and t.showscale is False for t in fills)


def test_map_traces_have_a_single_colour_each():
    fills = [t for t in build_map().data if t.type == "choropleth"]
    colours = [t.colorscale[0][1] for t in fills]
    assert colours == [style.SEVERITY_COLOURS[2], style.SEVERITY_COLOURS[5], style.NOT_NAMED_COLOUR]
    assert all(t.colorscale[0][1] == t.colorscale[-1][1] for t in fills)


def test_map_is_svg_geo_without_base_map_so_nothing_is_fetched():
    fig = build_map()
    assert fig.layout.geo.visible is False  # no land, coastline or country layer: no topojson
    # The frame is the country's box, so the whole country fills any width.
    lon, lat = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    assert lon[0] < 46.5 and lon[1] > 87.3 and lat[0] < 40.6 and lat[1] > 55.4
    assert {t.type for t in fig.data} <= {"choropleth", "scattergeo"}
    assert not fig.layout.map.to_plotly_json()
    # plotly.js fetches topojson when the *first* geo trace has a locationmode.
    first = fig.data[0]
    assert first.type == "scattergeo" and first.locations is None and first.showlegend is False


def test_map_traces_carry_only_their_own_features():
    fig = build_map()
    for trace in (t for t in fig.data if t.type == "choropleth"):
        assert [f["id"] for f in trace.geojson["features"]] == sorted(
            trace.locations, key=list(REGIONS["region_id"]).index
        )


def test_map_with_region_filter_draws_other_units_as_context():
    fig = build_map(region_ids=["almaty-city"])
    fills = {
        t.name.replace("<br>", " "): list(t.locations) for t in fig.data if t.type == "choropleth"
    }
    assert fills == {
        EN("severity.5"): ["almaty-city"],
        EN("spread.not_chosen"): ["mangystau", "zhambyl", "akmola"],
    }


def test_map_towns_are_points_without_text_labels():
    towns = [t for t in build_map().data if t.type == "scattergeo" and t.showlegend is not False]
    assert len(towns) == 1
    assert towns[0].mode == "markers"  # names are in the hover: no text drawn on the map
    assert list(towns[0].lat) == [43.3412, 42.9]


def test_map_does_not_mutate_the_cached_geojson():
    before = len(GEOJSON["features"])
    build_map()
    assert len(GEOJSON["features"]) == before


def test_region_day_chart_has_one_trace_per_level_and_no_dot_for_empty_cells():
    fig = maps.region_day_chart(
        matrix(), labels=regional.severity_labels(VOCAB), title="Unrest per day", subtitle=""
    )
    dots = [t for t in fig.data if t.showlegend is not False]
    assert [t.name.replace("<br>", " ") for t in dots] == [
        EN("severity.1"),
        EN("severity.2"),
        EN("severity.5"),
    ]
    assert sum(len(t.x) for t in dots) == int(matrix()["severity"].notna().sum())
    assert [t.marker.color for t in dots] == [style.SEVERITY_COLOURS[level] for level in (1, 2, 5)]
    assert list(fig.layout.yaxis.categoryarray) == [
        "Mangystau Region",
        "Almaty",
        "Zhambyl Region",
        "Akmola Region",
    ]
    assert list(fig.layout.xaxis.categoryarray) == [f"{d} Jan" for d in range(1, 9)]
