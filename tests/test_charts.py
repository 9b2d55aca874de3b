"""Chart builders, tested on tiny DataFrames by reading the figure they return."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import style
from dashboard.charts import (
    LABEL_WIDTH,
    SUBTITLE_WIDTH,
    TITLE_WIDTH,
    breakdown_chart,
    participants_chart,
    parts_chart,
    regions_reached_chart,
)

SOURCE = "General Prosecutor's Office, 15 Jan 2022"
SOURCES = {"gpo-2022-01-15": SOURCE}
TITLE = "A title"
SUBTITLE = f"What the chart shows. Source: {SOURCE}"
JAN = [dt.date(2022, 1, d) for d in range(1, 9)]


def points(*rows):
    """(series, day, value, qualifier, value_label) -> participant points."""
    frame = pd.DataFrame(rows, columns=["series", "day", "value", "qualifier", "value_label"])
    return frame.assign(quote="A quote.", source_id="gpo-2022-01-15")


def gaps(*days):
    return pd.DataFrame({"day": list(days), "note": ["Nothing counted."] * len(days)})


POINTS = points(
    ("Mangystau Region", JAN[1], 700, "approximately", "about 700"),
    ("Nationwide", JAN[3], 36831, "exact", "almost 37,000 people (36,831)"),
    ("Nationwide", JAN[4], 50000, "approximately", "about 50,000"),
    ("Almaty", JAN[4], 20000, "over", "over 20,000"),
)
GAPS = gaps(JAN[0], JAN[2], JAN[5], JAN[6], JAN[7])


def participants(pts=POINTS, gps=GAPS, start=JAN[0], end=JAN[7]):
    return participants_chart(
        pts, gps, start=start, end=end, sources=SOURCES, title=TITLE, subtitle=SUBTITLE
    )


def breakdown_rows():
    return pd.DataFrame(
        {
            "figure_id": ["all", "a", "a1", "all--rest"],
            "label": ["All", "Part A", "Part of A", "All, not itemised (derived)"],
            "breakdown": [None, "a", "a1", "not itemised"],
            "depth": [0, 1, 2, 1],
            "value": [515, 133, 75, 155],
            "value_label": ["515", "133", "75", "155"],
            "derived": [False, False, False, True],
            "quote": ["Quote all.", "Quote A.", "Quote A1.", None],
            "source_id": ["mia"] * 4,
        }
    )


def casualty_parts():
    return pd.DataFrame(
        {
            "group": ["Wounded", "Wounded", "Deaths", "Deaths"],
            "part": ["Law enforcement", "Others", "Law enforcement", "Others"],
            "value": [3393, 960, 19, 206],
            "value_label": ["3,393", "960", "19", "206"],
            "derived": [False, True, False, True],
            "quote": ["Q wounded.", None, "Q deaths.", None],
            "source_id": ["gpo-2022-01-15"] * 4,
        }
    )


def regions_rows():
    return pd.DataFrame(
        {
            "day": JAN[2:5],
            "named": [7, 6, 0],
            "named_units": ["Seven", "Six", ""],
            "reported": pd.array([7, 11, pd.NA], dtype="Int64"),
            "reported_label": ["7", "11", ""],
            "reported_quote": ["Q3.", "Q4.", ""],
            "reported_note": ["", "Not named.", ""],
        }
    )


# --- participants -------------------------------------------------------------------------


def test_participant_counts_are_markers_never_joined_by_lines():
    fig = participants()
    assert fig.data
    for trace in fig.data:
        assert "markers" in trace.mode
        assert "lines" not in trace.mode


def test_participant_markers_are_the_stated_values_per_series():
    fig = participants()
    ys = {trace.name: list(trace.y) for trace in fig.data}
    assert ys == {"Mangystau Region": [700], "Nationwide": [36831, 50000], "Almaty": [20000]}
    labels = [label for trace in fig.data for label in trace.text]
    assert "almost 37,000 people (36,831)" in labels
    assert "over 20,000" in labels


def test_participant_marker_shape_follows_the_qualifier():
    fig = participants()
    symbols = {
        (trace.name, y): symbol
        for trace in fig.data
        for y, symbol in zip(trace.y, trace.marker.symbol, strict=True)
    }
    assert symbols == {
        ("Mangystau Region", 700): "circle-open",
        ("Nationwide", 36831): "circle",
        ("Nationwide", 50000): "circle-open",
        ("Almaty", 20000): "triangle-up",
    }
    assert style.QUALIFIER_SYMBOLS["almost"] not in symbols.values()


def test_each_day_without_a_count_gets_one_no_count_note_and_no_marker():
    fig = participants()
    notes = fig.layout.annotations
    assert [a.text for a in notes] == ["no count"] * 5
    assert [pd.Timestamp(a.x).date() for a in notes] == list(GAPS["day"])
    marker_days = {pd.Timestamp(x).date() for trace in fig.data for x in trace.x}
    assert marker_days.isdisjoint(GAPS["day"])
    assert all(y != 0 for trace in fig.data for y in trace.y)


def test_hover_holds_the_quote_and_the_source():
    fig = participants()
    hover = fig.data[0].customdata[0]
    assert "about 700" in hover[0]
    assert "A quote." in hover[1] and SOURCE in hover[1]


@pytest.mark.parametrize(("start", "end"), [(JAN[0], JAN[7]), (JAN[3], JAN[3]), (JAN[2], JAN[5])])
def test_participants_x_range_follows_the_chosen_dates(start, end):
    fig = participants(start=start, end=end)
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert low < pd.Timestamp(start) < low + pd.Timedelta(days=1)
    assert high - pd.Timedelta(days=1) < pd.Timestamp(end) < high


def test_participants_chart_without_counts_has_only_gap_notes():
    fig = participants(pts=POINTS.iloc[0:0], gps=gaps(JAN[6], JAN[7]), start=JAN[6], end=JAN[7])
    assert len(fig.data) == 0
    assert [a.text for a in fig.layout.annotations] == ["no count", "no count"]
    assert fig.layout.yaxis.range[0] == 0


def test_participants_y_axis_starts_at_zero_and_clears_the_largest_count():
    fig = participants()
    low, high = fig.layout.yaxis.range
    assert low == 0
    assert high > 50000
    assert fig.layout.yaxis.title.text == "People"


def test_participants_chart_does_not_mutate_its_input():
    before = POINTS.copy()
    participants()
    pd.testing.assert_frame_equal(POINTS, before)


# --- regions reached ----------------------------------------------------------------------


def test_reported_regions_bar_is_empty_not_zero_on_days_without_a_count():
    fig = regions_reached_chart(regions_rows(), title=TITLE, subtitle=SUBTITLE)
    reported, named = fig.data
    assert list(reported.y) == [7, 11, None]
    assert list(named.y) == [7, 6, 0]
    assert list(reported.text) == ["7", "11", None]


# --- breakdown ----------------------------------------------------------------------------


def test_breakdown_hatches_exactly_the_derived_rows():
    fig = breakdown_chart(
        breakdown_rows(), sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="Weapons"
    )
    bar = fig.data[0]
    assert list(bar.marker.pattern.shape) == ["", "", "", style.DERIVED_PATTERN]
    assert list(bar.marker.color) == [style.STATED_COLOUR] * 3 + [style.DERIVED_COLOUR]
    assert list(bar.x) == [515, 133, 75, 155]


def test_breakdown_labels_say_derived_only_on_derived_rows():
    fig = breakdown_chart(
        breakdown_rows(), sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="Weapons"
    )
    bar = fig.data[0]
    assert list(bar.text) == ["515", "133", "75", "155 (derived)"]
    assert bar.customdata[3][1].startswith("Derived")
    assert "Quote A." in bar.customdata[1][1]


def test_breakdown_writes_each_label_above_its_bar_indented_by_depth():
    fig = breakdown_chart(
        breakdown_rows(), sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="Weapons"
    )
    notes = fig.layout.annotations
    assert [a.text for a in notes] == ["All", "↳ Part A", "↳ Part of A", "↳ Not itemised"]
    assert [a.xshift for a in notes] == [0, 14, 28, 14]
    bar = fig.data[0]
    # Each label's bottom is its bar's top edge; the axis runs top to bottom, in px.
    assert [a.y for a in notes] == [y - bar.width / 2 for y in bar.y]
    assert all(a.yanchor == "bottom" for a in notes)
    assert fig.layout.yaxis.showticklabels is False
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]
    assert fig.layout.xaxis.title.text == "Weapons"


def test_breakdown_wraps_a_long_label_to_fit_a_phone_and_keeps_it_whole_in_the_hover():
    long = "Criminal cases of illegal possession of firearms and ammunition on 25 January"
    rows = breakdown_rows().assign(label=["All", long, "Part of A", "Rest"])
    fig = breakdown_chart(rows, sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="W")
    lines = fig.layout.annotations[1].text.removeprefix("↳ ").split("<br>")
    assert len(lines) == 2 and " ".join(lines) == long
    assert all(len(line) <= LABEL_WIDTH for line in lines)
    assert long in fig.data[0].customdata[1][0]
    # A bar under a two-line label sits lower, by one line, than one under a one-line label.
    gaps = [b - a for a, b in zip(fig.data[0].y, fig.data[0].y[1:], strict=False)]
    assert gaps[0] > gaps[1]


def test_breakdown_value_sits_inside_long_bars_and_after_short_ones():
    fig = breakdown_chart(
        breakdown_rows(), sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="Weapons"
    )
    assert list(fig.data[0].textposition) == ["inside", "outside", "outside", "outside"]


def test_breakdown_rows_with_equal_labels_stay_separate_bars():
    rows = breakdown_rows().assign(
        breakdown=[None, "x", "x", "x"], derived=[False, True, True, True]
    )
    fig = breakdown_chart(rows, sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="W")
    assert len(set(fig.data[0].y)) == 4
    assert list(fig.data[0].x) == [515, 133, 75, 155]


# --- parts --------------------------------------------------------------------------------


def test_parts_chart_has_one_panel_per_whole():
    fig = parts_chart(
        casualty_parts(), sources=SOURCES, title=TITLE, subtitle=SUBTITLE, unit_title="People"
    )
    panels = {trace.yaxis: list(trace.y) for trace in fig.data}
    assert set(panels) == {"y", "y2"}
    assert {tuple(v) for v in panels.values()} == {("Wounded",), ("Deaths",)}
    assert fig.layout.barmode == "stack"


def test_parts_chart_hatches_derived_traces_only():
    fig = parts_chart(
        casualty_parts(), sources=SOURCES, title=TITLE, subtitle=SUBTITLE, unit_title="People"
    )
    shapes = {(t.y[0], t.x[0]): t.marker.pattern.shape for t in fig.data}
    assert shapes == {
        ("Wounded", 3393): "",
        ("Wounded", 960): style.DERIVED_PATTERN,
        ("Deaths", 19): "",
        ("Deaths", 206): style.DERIVED_PATTERN,
    }
    assert [t.name for t in fig.data if t.marker.pattern.shape] == ["Others (derived)"] * 2
    assert all(t.text[0].endswith("(derived)") for t in fig.data if t.marker.pattern.shape)


def test_parts_chart_keeps_one_legend_entry_and_colour_per_part():
    fig = parts_chart(
        casualty_parts(), sources=SOURCES, title=TITLE, subtitle=SUBTITLE, unit_title="People"
    )
    assert sum(bool(t.showlegend) for t in fig.data) == 2
    colours = {t.name: set() for t in fig.data}
    for t in fig.data:
        colours[t.name].add(t.marker.color)
    assert all(len(c) == 1 for c in colours.values())


# --- every builder ------------------------------------------------------------------------

BUILDERS = {
    "participants": lambda: participants(),
    "regions_reached": lambda: regions_reached_chart(
        regions_rows(), title=TITLE, subtitle=SUBTITLE
    ),
    "breakdown": lambda: breakdown_chart(
        breakdown_rows(), sources={}, title=TITLE, subtitle=SUBTITLE, unit_title="Weapons"
    ),
    "parts": lambda: parts_chart(
        casualty_parts(), sources=SOURCES, title=TITLE, subtitle=SUBTITLE, unit_title="People"
    ),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_every_builder_sets_the_title_and_a_subtitle_naming_the_source(name):
    fig = BUILDERS[name]()
    # Lines are broken with <br> to fit a phone; the words are the same.
    assert fig.layout.title.text.replace("<br>", " ") == TITLE
    assert fig.layout.title.subtitle.text.replace("<br>", " ") == SUBTITLE


def test_a_long_title_and_subtitle_are_wrapped_to_fit_a_phone_and_the_top_margin_grows():
    title = "Criminal cases at 25 January, by offence, as the ministry counts them"
    subtitle = f"The statement gives no total. Source: {SOURCE}"
    fig = breakdown_chart(
        breakdown_rows(), sources={}, title=title, subtitle=subtitle, unit_title="W"
    )
    lines = fig.layout.title.text.split("<br>")
    sublines = fig.layout.title.subtitle.text.split("<br>")
    assert " ".join(lines) == title and all(len(line) <= TITLE_WIDTH for line in lines)
    assert " ".join(sublines) == subtitle
    assert all(len(line) <= SUBTITLE_WIDTH for line in sublines)
    short = breakdown_chart(breakdown_rows(), sources={}, title=TITLE, subtitle="", unit_title="W")
    assert fig.layout.margin.t > short.layout.margin.t
    assert fig.layout.height > short.layout.height
