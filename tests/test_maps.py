"""Regional spread, drawn: the map of outlines and the region × day grid."""

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
from dashboard.plotly_element import figure_json

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
        every_town=regional.named_places(EVENTS, PLACES, VOCAB, JAN[1], JAN[8], ()),
    )


def fills(fig) -> dict[str, tuple[str, float]]:
    """unit -> (fill colour, opacity) of each unit's outline."""
    return {t.uid: (t.fillcolor, t.opacity) for t in fig.data if t.fill == "toself"}


def legend(fig) -> list[str]:
    """The legend's entries, in its order."""
    shown = [t for t in fig.data if t.showlegend is not False]
    return [t.name.replace("<br>", " ") for t in sorted(shown, key=lambda t: t.legendrank)]


def test_map_fills_each_unit_by_its_most_severe_level_and_keys_the_levels_present():
    fig = build_map()
    assert fills(fig) == {
        "almaty-city": (style.SEVERITY_COLOURS[5], 1),
        "mangystau": (style.SEVERITY_COLOURS[2], 1),
        "zhambyl": (style.SEVERITY_COLOURS[5], 1),
        "akmola": (style.NOT_NAMED_COLOUR, 1),
    }
    # The legend is the same whatever is on the map: every level, "not named", the towns.
    assert legend(fig) == [
        *(label.replace("<br>", " ") for label in regional.severity_labels(VOCAB).values()),
        EN("spread.not_named"),
        EN("spread.towns"),
    ]
    keys = {t.name.replace("<br>", " "): t.marker.color for t in fig.data if t.x == (None,)}
    assert keys[EN("severity.5")] == style.SEVERITY_COLOURS[5]
    # A unit hovers with its own text (the trace's name).
    mangystau = next(t for t in fig.data if t.uid == "mangystau")
    assert mangystau.hoveron == "fills" and mangystau.name.startswith("<b>Mangystau Region</b>")


def test_map_is_outlines_on_plain_axes_so_nothing_is_fetched():
    fig = build_map()
    assert {t.type for t in fig.data} == {"scatter"}  # no geo or map subplot: no topojson, tiles
    assert not fig.layout.geo.to_plotly_json() and not fig.layout.map.to_plotly_json()
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert fig.layout.yaxis.scaleanchor == "x"  # Mercator: y is in degrees like x
    # The frame is the country's box, so the whole country fills any width.
    (west, east), (south, north) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert west < 46.5 and east > 87.3
    assert south < maps.mercator(40.6) and north > maps.mercator(55.4)
    mangystau = next(t for t in fig.data if t.uid == "mangystau")
    assert mangystau.x[:2] == (51, 51) and mangystau.y[1] == round(maps.mercator(46), 4)


def test_map_is_the_same_figure_for_any_filters_but_its_style():
    whole = figure_json(build_map())
    for other in (build_map(2, 2), build_map(region_ids=["almaty-city"])):
        assert figure_json(other).figure == whole.figure
        assert figure_json(other).style != whole.style


def test_map_with_region_filter_draws_other_units_as_context():
    fig = build_map(region_ids=["almaty-city"])
    context = (maps.NOT_CHOSEN_COLOUR, maps.NOT_CHOSEN_OPACITY)
    assert fills(fig) == {
        "almaty-city": (style.SEVERITY_COLOURS[5], 1),
        "mangystau": context,
        "zhambyl": context,
        "akmola": context,
    }
    assert legend(fig) == legend(build_map())


def towns(fig) -> dict[str, object]:
    return {t.uid: t for t in fig.data if t.mode == "markers" and t.x != (None,)}


def test_map_towns_are_points_without_text_labels_those_not_named_invisible():
    every = towns(build_map())
    assert list(every) == ["zhanaozen", "taraz"]
    assert all(t.mode == "markers" for t in every.values())  # names in the hover, not drawn
    assert every["taraz"].y == (maps.mercator(42.9),)
    assert [t.opacity for t in every.values()] == [1, 1]
    later = towns(build_map(4, 8))  # Zhanaozen is named on 1-2 Jan only
    assert [t.opacity for t in later.values()] == [0, 1]
    # An invisible town hovers as its unit does, not as a town.
    assert later["zhanaozen"].hovertext.startswith("<b>Mangystau Region</b>")


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
