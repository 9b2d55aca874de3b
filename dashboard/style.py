"""Colours, symbols and fixed wording shared by the chart builders and the page.

Kept in one place so that a colour means the same thing on every chart. The categorical
palette is Okabe-Ito (distinguishable with the common forms of colour blindness); it must
stay in step with `chartCategoricalColors` in `.streamlit/config.toml`.
"""

OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]

# Curated figures are drawn solid; values computed by dashboard.derive are drawn hatched
# and lighter so that a reader never mistakes them for an official number.
STATED_COLOUR = "#0072B2"
DERIVED_COLOUR = "#8FB8DE"
DERIVED_PATTERN = "/"
REPORTED_COLOUR = "#0072B2"
NAMED_COLOUR = "#E69F00"
GAP_COLOUR = "#6B6B6B"

# Marker shape says how the statement qualifies a number.
QUALIFIER_SYMBOLS = {
    "exact": "circle",
    "approximately": "circle-open",
    "almost": "triangle-down",
    "over": "triangle-up",
}

# Severity of unrest for the map, from event_categories.severity (1..5), on a single-hue
# sequential scale that stays ordered in greyscale and for colour-blind readers.
SEVERITY_COLOURS = {
    1: "#FEE391",
    2: "#FEC44F",
    3: "#FE9929",
    4: "#D95F0E",
    5: "#993404",
}
NOT_NAMED_COLOUR = "#E8E8E8"

# Days outside the chosen dates, on the charts that show the whole period: veiled in grey,
# so that what lies there stays readable as context but recedes.
OUTSIDE_FILTER_VEIL = {"fillcolor": "#EEEEEE", "opacity": 0.8}
# Counts of the regions outside the region filter, where they stay drawn as context.
FADED_OPACITY = 0.25

FONT_FAMILY = "sans-serif"
# Text in the charts (titles, ticks, legends, labels): 12.6:1 on white, so that it reads at
# small sizes too (WCAG 2.1 AA asks 4.5:1); GAP_COLOUR above is 5.3:1.
TEXT_COLOUR = "#333333"
