"""The dashboard's views, one function each; `pages()` lists them for st.navigation.

A view reads the filters, asks `dashboard.tables` for the rows it shows, hands them to a
builder in `dashboard.charts`, and puts each number's quote and source one click away.
Views of national totals say so under the filters (dashboard.app.sidebar_filters).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from dashboard import charts, tables, urlstate
from dashboard import spread as regional
from dashboard.data import Dataset
from dashboard.i18n import EN, Translator
from dashboard.text import markdown_table, md

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

T = TypeVar("T")
GPO = "gpo-2022-01-15"
MIA = "mia-2022-01-25"


# --- shared pieces ---------------------------------------------------------------------


def _according_to(ds: Dataset, source_id: str, tr: Translator) -> str:
    row = ds.sources.set_index("source_id").loc[source_id]
    return tr.attribution(row["genitive"], row["published"])


def _labels(ds: Dataset, tr: Translator) -> dict[str, str]:
    return tables.source_labels(ds.sources, tr)


@st.cache_resource(show_spinner=False, max_entries=2048)
def _memo(key: tuple, _build: Callable[[], T]) -> T:
    """What `_build` returns, built once per process for `key` and shared by all sessions.

    Views build their figures and tables in pure `_..._parts` functions whose result depends
    only on the view, the language and the filters, so a rerun that changes none of them
    (a slider press on a view the slider does not affect) rebuilds nothing. The key must
    name every input that varies; callers must not mutate what they get.
    """
    return _build()


def _chart(fig, key: str) -> None:
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key)


def _static_table(table: pd.DataFrame) -> None:
    """A small table as a Markdown table.

    st.dataframe and st.table would each load the Arrow and data-grid bundles (over a
    megabyte) on pages that otherwise need only the chart's; the Markdown renderer is
    already loaded. Every cell is escaped, so data text cannot inject Markdown or HTML.
    """
    st.markdown(markdown_table(table))


def _breakdown_chart(
    rows: pd.DataFrame,
    labels: dict[str, str],
    tr: Translator,
    *,
    title: str,
    subtitle: str,
    axis: str,
):
    return charts.breakdown_chart(
        rows, sources=labels, title=title, subtitle=subtitle, unit_title=axis, tr=tr
    )


def _provenance_table(ds: Dataset, rows: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    return tables.provenance(rows, ds.sources, tr)


def _quotes(
    table: pd.DataFrame,
    tr: Translator,
    *,
    key: str,
    what: str,
    shown: pd.DataFrame | None = None,
) -> None:
    """The verbatim quote and source of everything on the chart above, and a CSV of it.

    `shown` is the table as displayed (numbers written for the page's language) where it
    differs from the one downloaded.
    """
    with st.expander(tr("common.quotes", what=what)):
        _static_table(table if shown is None else shown)
        st.download_button(
            tr("common.download_table"),
            data=lambda: table.to_csv(index=False).encode("utf-8"),
            file_name=f"qantar-{key}.csv",
            on_click="ignore",
            mime="text/csv",
            key=f"download-{key}",
            icon=":material/download:",
        )


def _provenance(table: pd.DataFrame, tr: Translator, *, key: str, what: str) -> None:
    """`_quotes` for a table of figures from `tables.provenance`."""
    value = tr("column.value")
    shown = table.assign(**{value: table[value].map(tr.number)})
    _quotes(table, tr, key=key, what=what, shown=shown)


def _not_filtered(filters, tr: Translator, what: str) -> None:
    if not filters.is_default:
        st.info(tr("common.not_filtered", what=what), icon=":material/info:")


def _figure_card(ds: Dataset, figure_id: str, title: str, tr: Translator) -> None:
    row = _memo(
        ("card", tr.lang, figure_id),
        lambda: tables.figures_by_id(ds.figures, [figure_id], tr).iloc[0],
    )
    source = _labels(ds, tr)[row["source_id"]]
    with st.container(border=True):
        st.metric(title, row["value_label"], help=f"“{md(row['quote'])}”")
        if pd.notna(row["period_end"]):
            period = tr.period(row["period_start"], row["period_end"])
            st.caption(tr("period_source", period=period, source=source))
        else:
            st.caption(tr("as_of", source=source))


def _card_grid(ds: Dataset, cards: list[tuple[str, str]], tr: Translator, *, per_row: int):
    """Headline cards, `per_row` to a row: two where a value is long ("более 87 миллиардов")."""
    for start in range(0, len(cards), per_row):
        row = cards[start : start + per_row]
        for column, (figure_id, title) in zip(st.columns(per_row), row, strict=False):
            with column:
                _figure_card(ds, figure_id, tr(title), tr)


# --- views -----------------------------------------------------------------------------


def overview(ds: Dataset, filters, tr: Translator) -> None:
    st.title(tr("overview.title"))
    st.markdown(tr("overview.intro"))
    st.warning(tr("app.caveat"), icon=":material/info:")
    cards = [
        ("deaths", "overview.card.deaths"),
        ("wounded", "overview.card.wounded"),
        ("detained-0115", "overview.card.detained"),
        ("buildings-attacked", "overview.card.buildings"),
        ("businesses-looted", "overview.card.businesses"),
        ("damage-tenge", "overview.card.damage"),
        ("civilian-weapons-stolen", "overview.card.civilian_weapons"),
        ("weapons-recovered", "overview.card.weapons_found"),
    ]
    _card_grid(ds, cards, tr, per_row=2)
    st.caption(tr("overview.footer"))


def _participants_parts(ds: Dataset, filters, tr: Translator) -> dict:
    labels = _labels(ds, tr)
    region_ids = list(filters.region_ids)
    points = tables.participant_points(
        ds.figures, ds.regions, filters.start, filters.end, region_ids, tr=tr
    )
    gaps = tables.participant_gaps(points, ds.events, filters.start, filters.end, tr=tr)
    unrest = [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]
    reached = tables.regions_reached(
        ds.figures, ds.events, ds.regions, unrest, filters.start, filters.end, tr=tr
    )
    reported = tables.with_value_labels(ds.figures[ds.figures["metric"] == "regions_reached"], tr)
    return {
        "points": points,
        "gaps": gaps,
        "points_table": _provenance_table(ds, points, tr),
        "reported_table": _provenance_table(ds, reported, tr),
        "participants_chart": charts.participants_chart(
            points,
            gaps,
            start=filters.start,
            end=filters.end,
            sources=labels,
            title=tr("participants.chart.title"),
            subtitle=tr("participants.chart.subtitle", source=labels[GPO]),
            tr=tr,
        ),
        "regions_chart": charts.regions_reached_chart(
            reached,
            title=tr("participants.regions.title"),
            subtitle=tr("participants.regions.subtitle", source=labels[GPO]),
            tr=tr,
        ),
    }


def participants(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("participants.header"))
    st.caption(tr("participants.caption", according=_according_to(ds, GPO, tr)))
    parts = _memo(("participants", tr.lang, filters), lambda: _participants_parts(ds, filters, tr))
    if filters.region_ids:
        st.info(tr("participants.nationwide_note"), icon=":material/info:")
    _chart(parts["participants_chart"], "participants")
    if parts["points"].empty:
        st.info(tr("participants.empty"))
    if not parts["gaps"].empty:
        st.markdown(tr("participants.gaps"))
        for gap in parts["gaps"].itertuples():
            st.markdown(f"- **{md(tr.day(gap.day))}**: {md(gap.note)}")
    _provenance(parts["points_table"], tr, key="participants", what=tr("participants.what"))

    st.subheader(tr("participants.regions.header"))
    _chart(parts["regions_chart"], "regions-reached")
    st.caption(tr("participants.regions.caption"))
    _provenance(
        parts["reported_table"], tr, key="regions-reached", what=tr("participants.regions.what")
    )


def _event_table(ds: Dataset, rows: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    labels = _labels(ds, tr)
    return pd.DataFrame(
        {
            tr("column.date"): [tr.day(d) for d in rows["date"]],
            tr("column.unit"): rows["where"],
            tr("column.place"): rows["place"],
            tr("column.category"): rows["category"],
            tr("column.description"): rows["description"],
            tr("column.quote"): rows["quote"],
            tr("column.source"): [labels.get(s, s) for s in rows["source_id"]],
        }
    )


def _show_day(day) -> None:
    """Callback of the day buttons: the sidebar date range becomes that one day."""
    st.session_state[urlstate.DATES] = (day, day)


def _day_buttons(filters, tr: Translator) -> None:
    """◀ day / day ▶: from a range, step into its last or first day; then day by day."""
    one_day = filters.start == filters.end
    back = filters.start - pd.Timedelta(days=1) if one_day else filters.end
    forward = filters.start + pd.Timedelta(days=1) if one_day else filters.start
    left, right, _ = st.columns([1, 1, 6])
    for column, label, day, key in (
        (left, tr("spread.day_back"), back, "spread-day-back"),
        (right, tr("spread.day_forward"), forward, "spread-day-forward"),
    ):
        inside = tables.FIRST_DAY <= day <= tables.LAST_DAY
        column.button(
            label,
            key=key,
            on_click=_show_day,
            args=(day,),
            disabled=not inside,
            help=tr("spread.day_help", day=tr.day(day)) if inside else tr("spread.day_none"),
            width="stretch",
        )


def _spread_parts(ds: Dataset, filters, tr: Translator) -> dict:
    vocab, region_ids = ds.vocabularies, list(filters.region_ids)
    args = (ds.events, vocab, filters.start, filters.end, region_ids)
    according = _according_to(ds, GPO, tr)
    period = regional.period_label(filters.start, filters.end, tr)
    labels = regional.severity_labels(vocab, tr)
    units = regional.unit_severity(*args, regions=ds.regions, places=ds.places, tr=tr)
    towns = regional.named_places(ds.events, ds.places, vocab, *args[2:], tr=tr)
    unplaced = regional.unplaced_events(*args, regions=ds.regions, tr=tr)
    placed = regional.placed_events(*args, regions=ds.regions, tr=tr)
    cells = regional.region_day_matrix(*args, regions=ds.regions, places=ds.places, tr=tr)
    unplaced_shown = unplaced[["date", "where", "category", "description"]].assign(
        date=[tr.day(d) for d in unplaced["date"]]
    )
    return {
        "map": regional.spread_map(
            units,
            towns,
            regional.load_geojson(),
            labels=labels,
            title=tr("spread.map.title", period=period, according=according),
            subtitle=tr("spread.map.subtitle"),
            tr=tr,
        ),
        "matrix": regional.region_day_chart(
            cells,
            labels=labels,
            title=tr("spread.matrix.title", period=period, according=according),
            subtitle=tr("spread.matrix.subtitle"),
            tr=tr,
        ),
        "unplaced": unplaced_shown.rename(
            columns={
                "date": tr("column.date"),
                "where": tr("column.where"),
                "category": tr("column.category"),
                "description": tr("column.description"),
            }
        ),
        "map_quotes": _event_table(ds, pd.concat([placed, unplaced]), tr),
        "matrix_quotes": _event_table(ds, placed, tr),
    }


def spread(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("spread.header"))
    st.caption(tr("spread.caption", according=_according_to(ds, GPO, tr)))
    _day_buttons(filters, tr)
    parts = _memo(("spread", tr.lang, filters), lambda: _spread_parts(ds, filters, tr))
    _chart(parts["map"], "spread-map")
    st.caption(tr("spread.attribution"))
    if filters.region_ids:
        st.caption(tr("spread.chosen_only"))
    st.caption(tr("spread.map.caption"))
    st.markdown(tr("spread.unplaced"))
    if parts["unplaced"].empty:
        st.caption(tr("spread.unplaced.none"))
    else:
        _static_table(parts["unplaced"])
    _quotes(parts["map_quotes"], tr, key="spread-map", what=tr("spread.what.map"))

    st.subheader(tr("spread.matrix.header"))
    _chart(parts["matrix"], "spread-days")
    shown = tr("spread.matrix.chosen") if filters.region_ids else tr("spread.matrix.all")
    st.caption(f"{tr('spread.matrix.caption')} {shown}")
    _quotes(parts["matrix_quotes"], tr, key="spread-days", what=tr("spread.what.matrix"))


def _casualties_parts(ds: Dataset, tr: Translator) -> dict:
    labels = _labels(ds, tr)
    rows = []
    for group, root in (("casualties.wounded", "wounded"), ("casualties.deaths", "deaths")):
        parts = tables.breakdown(ds.figures, root, tr)
        for r in parts[parts["depth"] == 1].itertuples():
            rows.append(
                {
                    "group": tr(group),
                    "part": tr("casualties.others" if r.derived else "casualties.law_enforcement"),
                    "value": r.value,
                    "value_label": r.value_label,
                    "derived": bool(r.derived),
                    "quote": r.quote,
                    "source_id": r.source_id,
                }
            )
    shown = pd.concat(
        [
            tables.breakdown(ds.figures, "affected-people", tr),
            tables.breakdown(ds.figures, "wounded", tr).iloc[1:],
            tables.breakdown(ds.figures, "deaths", tr).iloc[1:],
        ]
    )
    totals = tables.figures_by_id(ds.figures, ["affected-people", "wounded", "deaths"], tr)
    affected, wounded, deaths = map(md, totals["value_label"])
    return {
        "summary": tr("casualties.summary", affected=affected, wounded=wounded, deaths=deaths),
        "chart": charts.parts_chart(
            pd.DataFrame(rows),
            sources=labels,
            title=tr("casualties.chart.title"),
            subtitle=tr("casualties.chart.subtitle", source=labels[GPO]),
            unit_title=tr("casualties.people"),
            tr=tr,
        ),
        "table": _provenance_table(ds, shown, tr),
    }


def casualties(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("casualties.header"))
    st.caption(tr("casualties.caption", according=_according_to(ds, GPO, tr)))
    parts = _memo(("casualties", tr.lang), lambda: _casualties_parts(ds, tr))
    st.markdown(parts["summary"])
    _chart(parts["chart"], "casualties")
    st.caption(tr("casualties.note"))
    _provenance(parts["table"], tr, key="casualties", what=tr("casualties.what"))


def _property_parts(ds: Dataset, tr: Translator) -> dict:
    labels = _labels(ds, tr)
    buildings = tables.breakdown(ds.figures, "buildings-attacked", tr)
    vehicles = tables.breakdown(ds.figures, "vehicles-destroyed-damaged", tr)
    return {
        "buildings": _breakdown_chart(
            buildings,
            labels,
            tr,
            title=tr("property.buildings.title"),
            subtitle=tr("property.buildings.subtitle", source=labels[MIA]),
            axis=tr("property.buildings.axis"),
        ),
        "buildings_table": _provenance_table(ds, buildings, tr),
        "vehicles": _breakdown_chart(
            vehicles,
            labels,
            tr,
            title=tr("property.vehicles.title"),
            subtitle=tr("property.vehicles.subtitle", source=labels[MIA]),
            axis=tr("property.vehicles.axis"),
        ),
        "vehicles_table": _provenance_table(ds, vehicles, tr),
    }


def property_view(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("property.header"))
    st.caption(tr("property.caption", according=_according_to(ds, MIA, tr)))
    _not_filtered(filters, tr, tr("property.not_filtered"))
    parts = _memo(("property", tr.lang), lambda: _property_parts(ds, tr))
    _chart(parts["buildings"], "buildings")
    st.caption(tr("property.buildings.note"))
    _provenance(parts["buildings_table"], tr, key="buildings", what=tr("property.buildings.what"))
    _chart(parts["vehicles"], "vehicles")
    _provenance(parts["vehicles_table"], tr, key="vehicles", what=tr("property.vehicles.what"))

    cards = [
        ("businesses-looted", "property.card.businesses"),
        ("hunting-shops-looted", "property.card.hunting_shops"),
        ("damage-tenge", "property.card.damage"),
    ]
    _card_grid(ds, cards, tr, per_row=2)

    st.subheader(tr("property.days.header"))
    day_figures = ds.figures[
        ds.figures["metric"].isin(
            [
                "police_cars_burned",
                "police_cars_damaged",
                "vehicles_burned",
                "buildings_burned",
                "weapon_stores_seized",
            ]
        )
    ]
    shown = _by_filters(day_figures, filters)
    if shown.empty:
        st.info(tr("property.days.empty"))
    else:
        _provenance(
            _provenance_table(ds, shown, tr),
            tr,
            key="property-days",
            what=tr("property.days.what"),
        )


def _by_filters(figures: pd.DataFrame, filters) -> pd.DataFrame:
    day = pd.to_datetime(figures["date"]).dt.date
    keep = (day >= filters.start) & (day <= filters.end)
    if filters.region_ids:
        keep &= figures["region_id"].isin(filters.region_ids)
    return figures[keep]


def _figures_table(rows: pd.DataFrame, tr: Translator, labels: dict[str, str] | None = None):
    table = {tr("column.figure"): rows["label"], tr("column.as_stated"): rows["value_label"]}
    if labels is not None:
        table[tr("column.source")] = [labels[s] for s in rows["source_id"]]
    return pd.DataFrame(table)


_WEAPON_RELATED = [
    "criminal-cases-0125-illegal-firearms",
    "criminal-cases-0125-weapons-theft",
    "detained-0125-weapons-theft",
    "detained-0125-illegal-firearms",
]


def _weapons_parts(ds: Dataset, tr: Translator) -> dict:
    labels = _labels(ds, tr)
    recovered = tables.breakdown(ds.figures, "weapons-recovered", tr)
    ammo = tables.figures_by_id(ds.figures, ["grenades-recovered", "cartridges-recovered"], tr)
    grenades, cartridges = (f"**{md(label)}**" for label in ammo["value_label"])
    related = tables.figures_by_id(ds.figures, _WEAPON_RELATED, tr)
    return {
        "chart": _breakdown_chart(
            recovered,
            labels,
            tr,
            title=tr("weapons.chart.title"),
            subtitle=tr("weapons.chart.subtitle", source=labels[MIA]),
            axis=tr("weapons.chart.axis"),
        ),
        "also": tr(
            "weapons.also",
            items=f"{tr('weapons.grenades', n=grenades)}; {tr('weapons.cartridges', n=cartridges)}",
        ),
        "recovered_table": _provenance_table(ds, pd.concat([recovered, ammo]), tr),
        "related": _figures_table(related, tr),
        "related_table": _provenance_table(ds, related, tr),
    }


def weapons(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("weapons.header"))
    st.caption(tr("weapons.caption", according=_according_to(ds, MIA, tr)))
    cards = [
        ("civilian-weapons-stolen", "weapons.card.stolen"),
        ("weapons-recovered", "weapons.card.found"),
        ("weapons-surrendered", "weapons.card.surrendered"),
    ]
    _card_grid(ds, cards, tr, per_row=3)
    st.info(tr("weapons.scope"), icon=":material/info:")
    parts = _memo(("weapons", tr.lang), lambda: _weapons_parts(ds, tr))
    _chart(parts["chart"], "weapons-recovered")
    st.markdown(parts["also"])
    _provenance(parts["recovered_table"], tr, key="weapons-recovered", what=tr("weapons.what"))

    st.subheader(tr("weapons.related.header"))
    _static_table(parts["related"])
    _provenance(parts["related_table"], tr, key="weapons-cases", what=tr("weapons.related.what"))


_LATER_DETENTIONS = [
    "released-0115",
    "complaints-0115",
    "detained-0125-theft-robbery",
    "detained-0125-weapons-theft",
    "detained-0125-illegal-firearms",
]


def _cases_parts(ds: Dataset, tr: Translator) -> dict:
    labels = _labels(ds, tr)
    at_15 = tables.breakdown(ds.figures, "criminal-cases-0115", tr)
    by_article = ds.figures[
        (ds.figures["metric"] == "criminal_cases") & (ds.figures["source_id"] == MIA)
    ]
    by_article = tables.with_value_labels(
        by_article.sort_values("value", ascending=False).assign(depth=0), tr
    )
    share = tables.figures_by_id(ds.figures, ["criminal-cases-0125-theft-share"], tr).iloc[0]
    detained = tables.breakdown(ds.figures, "detained-0115", tr)
    later = tables.figures_by_id(ds.figures, _LATER_DETENTIONS, tr)
    return {
        "cases_0115": _breakdown_chart(
            at_15,
            labels,
            tr,
            title=tr("cases.chart15.title"),
            subtitle=tr("source", source=labels[GPO]),
            axis=tr("cases.axis"),
        ),
        "cases_0125": _breakdown_chart(
            by_article,
            labels,
            tr,
            title=tr("cases.chart25.title"),
            subtitle=tr("cases.chart25.subtitle", source=labels[MIA]),
            axis=tr("cases.axis"),
        ),
        "share": tr("cases.share", share=md(share["value_label"])),
        "cases_table": _provenance_table(ds, pd.concat([at_15, by_article]), tr),
        "detained": _breakdown_chart(
            detained,
            labels,
            tr,
            title=tr("cases.detained.title"),
            subtitle=tr("source", source=labels[GPO]),
            axis=tr("cases.detained.axis"),
        ),
        "later": _figures_table(later, tr, labels),
        "detentions_table": _provenance_table(ds, pd.concat([detained, later]), tr),
    }


def cases(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("cases.header"))
    st.caption(
        tr(
            "cases.caption",
            according_gpo=_according_to(ds, GPO, tr),
            according_mia=_according_to(ds, MIA, tr),
        )
    )
    parts = _memo(("cases", tr.lang), lambda: _cases_parts(ds, tr))
    left, right = st.columns(2)
    with left:
        _chart(parts["cases_0115"], "cases-0115")
    with right:
        _chart(parts["cases_0125"], "cases-0125")
    st.caption(parts["share"])
    _provenance(parts["cases_table"], tr, key="cases", what=tr("cases.what"))

    st.subheader(tr("cases.detentions.header"))
    _chart(parts["detained"], "detained-0115")
    _static_table(parts["later"])
    _provenance(parts["detentions_table"], tr, key="detentions", what=tr("cases.detentions.what"))


def chronology(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("chronology.header"))
    according = _according_to(ds, GPO, tr)
    st.caption(tr("chronology.caption", according=according))
    events = tables.filter_events(ds.events, filters.start, filters.end, list(filters.region_ids))
    names = dict(zip(ds.regions["region_id"], ds.regions["name"], strict=True))
    categories = {k: v["label"] for k, v in ds.vocabularies["event_categories"].items()}
    date, unit, category = tr("column.date"), tr("column.unit"), tr("column.category")
    description, quote = tr("column.description"), tr("column.quote")
    table = pd.DataFrame(
        {
            date: pd.to_datetime(events["date"]).dt.date,
            unit: [
                names.get(r, "")
                if s == "unit"
                else (tr("nationwide") if s == "nationwide" else tr("several_unnamed"))
                for r, s in zip(events["region_id"], events["scope"], strict=True)
            ],
            tr("column.place"): events["place"].fillna(""),
            category: events["category"].map(categories),
            description: events["description"],
            quote: events["quote"],
        }
    )
    query = st.text_input(
        tr("chronology.search"),
        key="q",
        bind="query-params",
        placeholder=tr("chronology.search.placeholder"),
    )
    if query:
        haystack = table.astype(str).agg(" ".join, axis=1).str.lower()
        table = table[haystack.str.contains(query.lower(), regex=False)]
    if filters.region_ids:
        st.caption(tr("chronology.regions_note"))
    if table.empty:
        st.info(tr("chronology.empty"))
    selection = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="chronology-table",
        column_config={
            date: st.column_config.DateColumn(format=tr("format.date_column")),
            description: st.column_config.TextColumn(width="large"),
            quote: st.column_config.TextColumn(width="large"),
        },
    )
    chosen = [i for i in selection.selection.rows if i < len(table)]
    if chosen:
        row = table.iloc[chosen[0]]
        with st.container(border=True):
            st.markdown(f"**{md(tr.day(row[date]))} · {md(row[unit])} · {md(row[category])}**")
            st.markdown(md(row[description]))
            st.markdown("> " + md(row[quote]))
            st.caption(according[:1].upper() + according[1:])
    else:
        st.caption(tr("chronology.select"))
    st.download_button(
        tr("common.download_rows"),
        data=lambda: table.to_csv(index=False).encode("utf-8"),
        file_name="qantar-chronology.csv",
        on_click="ignore",
        mime="text/csv",
        key="download-chronology",
        icon=":material/download:",
    )


def sources_view(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("sources.header"))
    for row in ds.sources.itertuples():
        with st.container(border=True):
            st.markdown(
                f"**{md(row.organisation)}** — {md(tr.long_day(row.published))}, {md(row.place)}"
            )
            st.markdown(f"{md(row.speaker)}, {md(row.post)}.")
            st.markdown(f"[{tr('sources.original')}]({row.url})")
    qualifiers = ds.vocabularies["qualifiers"]
    st.subheader(tr("sources.curation.header"))
    st.markdown(tr("sources.curation"))
    st.markdown(tr("sources.derived"))
    st.markdown(tr("sources.qualifiers"))
    st.markdown(
        "\n".join(f"- *{md(v['label'])}*: {md(v['description'])}" for v in qualifiers.values())
    )
    st.markdown(tr("sources.attribution"))
    st.subheader(tr("sources.regions.header"))
    st.markdown(tr("sources.regions"))
    st.subheader(tr("sources.languages.header"))
    st.markdown(tr("sources.languages"))
    st.subheader(tr("sources.licence.header"))
    st.markdown(tr("sources.licence"))
    # A quote block, not st.code: the code block would load a syntax-highlighting bundle.
    st.markdown("> " + md(tr("sources.citation")))


def sidebar_footer(tr: Translator) -> None:
    """The whole data package, and the caveat, under the filters on every view."""
    st.download_button(
        tr("sidebar.download"),
        data=_datapackage_bytes,
        file_name="qantar-figures-datapackage.zip",
        on_click="ignore",
        mime="application/zip",
        key="download-datapackage",
        icon=":material/download:",
        help=tr("sidebar.download.help"),
    )
    st.caption(tr("app.caveat"))


@st.cache_data(show_spinner=False)
def _datapackage_bytes() -> bytes:
    # The curated tables as validated, not app.dataset(): the export adds the derived rows itself.
    from dashboard.data import load_dataset
    from dashboard.export import build_datapackage_zip

    return build_datapackage_zip(load_dataset())


_FILTERS = "_qantar_filters"
_VIEW = "_qantar_view"
# Views whose content depends on the date and region filters, and views of national totals
# that the filters do not change (the sources view is neither).
FILTERED_VIEWS = frozenset({"participants", "spread", "property", "chronology"})
TOTALS_VIEWS = frozenset({"overview", "casualties", "weapons", "cases"})
_PAGES = (
    ("overview", ":material/dashboard:"),
    ("participants", ":material/groups:"),
    ("spread", ":material/map:"),
    ("casualties", ":material/personal_injury:"),
    ("property", ":material/store:"),
    ("weapons", ":material/security:"),
    ("cases", ":material/gavel:"),
    ("chronology", ":material/event_note:"),
    ("sources", ":material/menu_book:"),
)


def pages(tr: Translator = EN) -> list:
    """One st.Page per view file in dashboard/pages/; the overview is the landing page."""
    return [
        st.Page(
            f"dashboard/pages/{name}.py",
            title=tr(f"page.{name}"),
            icon=icon,
            url_path=name,
            default=name == "overview",
        )
        for name, icon in _PAGES
    ]


def navigation(tr: Translator):
    """st.navigation over the views; remembers which view is on screen for the filters."""
    page = st.navigation(pages(tr))
    st.session_state[_VIEW] = page.url_path or "overview"
    st.session_state[_TRANSLATOR] = tr
    return page


def uses_filters() -> bool:
    return st.session_state.get(_VIEW) in FILTERED_VIEWS


def shows_totals() -> bool:
    return st.session_state.get(_VIEW) in TOTALS_VIEWS


def set_filters(filters) -> None:
    st.session_state[_FILTERS] = filters


_TRANSLATOR = "_qantar_translator"


def context() -> tuple[Dataset, object, Translator]:
    """(dataset in the page's language, filters, translator) for the page file being run.

    The entry script reads them once per run and hands them over through session state,
    because a page file runs inside the same script run.
    """
    from dashboard.app import localised_dataset

    tr = st.session_state[_TRANSLATOR]
    return localised_dataset(tr.lang), st.session_state[_FILTERS], tr
