"""How numbers, qualifiers, dates and attributions are written, in each language.

Numbers and dates follow CLDR through Babel (36,831 / 36 831; 4 January 2022 / 4 января
2022 г.), so that "over 700", "almost 37,000 (36,831)" and the source line read the same
everywhere. Kazakh dates in running text are written the way Kazakh official texts write
them ("2022 жылғы 4 қаңтар"), not with CLDR's abbreviations ("2022 ж. 4 қаң."), which are
kept for axis ticks. Pure formatting: the wording around a number ("over {n}") and the
choice of plural form are the translator's job (`dashboard.i18n.Translator`).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_month_names
from babel.numbers import format_compact_decimal, format_decimal

# English is written the British way: 4 January 2022.
BABEL_LOCALE = {"en": "en_GB", "ru": "ru", "kk": "kk"}

_NUMBER = re.compile(r"\d[\d,]*")
_LEADING_QUALIFIER = {
    "almost": "almost",
    "about": "approximately",
    "around": "approximately",
    "approximately": "approximately",
    "over": "over",
}

# Kazakh puts a case ending on the number after it ("700-ден астам", "37 мыңға жуық"). The
# ending follows the last word the number is read with.
_KK_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
_KK_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
_KK_ENDINGS = {  # word: (ablative "from", dative "to")
    "бір": ("ден", "ге"),
    "екі": ("ден", "ге"),
    "үш": ("тен", "ке"),
    "төрт": ("тен", "ке"),
    "бес": ("тен", "ке"),
    "алты": ("дан", "ға"),
    "жеті": ("ден", "ге"),
    "сегіз": ("ден", "ге"),
    "тоғыз": ("дан", "ға"),
    "он": ("нан", "ға"),
    "жиырма": ("дан", "ға"),
    "отыз": ("дан", "ға"),
    "қырық": ("тан", "қа"),
    "елу": ("ден", "ге"),
    "алпыс": ("тан", "қа"),
    "жетпіс": ("тен", "ке"),
    "сексен": ("нен", "ге"),
    "тоқсан": ("нан", "ға"),
    "жүз": ("ден", "ге"),
    "мың": ("нан", "ға"),
    "миллион": ("нан", "ға"),
    "миллиард": ("тан", "қа"),
    "триллион": ("нан", "ға"),
    "пайыз": ("дан", "ға"),  # "70%" is read "жетпіс пайыз": "70%-ға жуық", "70%-дан астам"
}
# Which qualifier puts which case on the number in Kazakh.
_KK_CASE = {"over": 0, "almost": 1}


def _kk_last_word_of_integer(number: int) -> str:
    if number % 10:
        return _KK_UNITS[number % 10]
    if number % 100:
        return _KK_TENS[(number % 100) // 10]
    scales = ((1000, "жүз"), (10**6, "мың"), (10**9, "миллион"), (10**12, "миллиард"))
    for modulus, word in scales:
        if number % modulus:
            return word
    return "триллион"


def _kk_last_word(number: float | int, percent: bool = False) -> str:
    """The last word of the number read aloud in Kazakh.

    700 -> 'жүз', 20 000 -> 'мың', 3 000 000 000 000 -> 'триллион'; a decimal is read with
    its fraction last (1,5 = 'бір бүтін оннан бес' -> 'бес'); a percentage ends in 'пайыз'.
    """
    if percent:
        return "пайыз"
    if not float(number).is_integer():
        fraction = repr(float(number)).split(".")[1].rstrip("0")
        return _kk_last_word_of_integer(int(fraction))
    return _kk_last_word_of_integer(int(number))


def kk_ending(number: float | int, qualifier: str, *, percent: bool = False) -> str:
    """The Kazakh case ending a qualifier puts after `number`: 700 + over -> '-ден'.

    1,5 + over -> '-тен' (the fraction 'бес' is read last); 70 % + almost -> '-ға' ('пайыз').
    """
    if qualifier not in _KK_CASE or number <= 0:
        return ""
    return "-" + _KK_ENDINGS[_kk_last_word(number, percent)][_KK_CASE[qualifier]]


# --- plural forms --------------------------------------------------------------------------


def plural_category(count: float | int, lang: str) -> str:
    """The CLDR plural category of `count`: ru 1 -> 'one', 2 -> 'few', 5 -> 'many', 1.5 -> 'other'."""
    number = int(count) if float(count).is_integer() else count
    return Locale.parse(BABEL_LOCALE[lang]).plural_form(number)


def plural_categories(lang: str) -> set[str]:
    """The CLDR plural categories of a language: ru one/few/many/other; en and kk one/other."""
    return set(Locale.parse(BABEL_LOCALE[lang]).plural_form.tags) | {"other"}


# A Russian word that governs the genitive ("более", "около", "свыше") turns the noun after the
# number into the genitive: 21 патрон -> более 21 патрона, 2 патрона -> более 2 патронов. The
# genitive singular is the form CLDR's "few" uses (2 патрона, 2 гранаты) and the genitive
# plural the form of "many" (5 патронов), so the governed form is another category's form.
_RU_GENITIVE = {"one": "few", "few": "many", "many": "many", "other": "other"}


def governed_category(category: str, lang: str) -> str:
    """The category whose form is the genitive of `category`'s form (Russian; else itself)."""
    return _RU_GENITIVE[category] if lang == "ru" else category


_RU_SCALE = re.compile(r"(миллион|миллиард|триллион)(а|ов)?$")


def format_number(value: float | int, lang: str = "en", *, genitive: bool = False) -> str:
    """36831 -> '36,831' / '36 831'; 87000000000 -> '87 billion' (only when the scale divides).

    `genitive`: the Russian scale word after a word that governs the genitive ("более 2
    миллионов", "около 21 миллиона"); Babel writes the nominative ("2 миллиона").
    """
    locale = BABEL_LOCALE[lang]
    number = int(value) if float(value).is_integer() else float(value)
    if isinstance(number, int) and number >= 10**6:
        # Babel names the largest scale below the number and rounds to it ("88 billion"
        # for 87,500,000,000): use a scale word only where that scale divides exactly.
        scale = 10 ** (3 * ((len(str(number)) - 1) // 3))
        if number % scale == 0:
            written = format_compact_decimal(number, format_type="long", locale=locale)
            if genitive and lang == "ru":
                one = plural_category(number // scale, lang) == "one"
                written = _RU_SCALE.sub(lambda m: m.group(1) + ("а" if one else "ов"), written)
            return written
    return format_decimal(number, locale=locale)


def numbers_stated(as_written: str) -> int:
    """How many numbers the statement's wording holds ('almost 37,000 people (36,831)' -> 2)."""
    return len(_NUMBER.findall(as_written or ""))


_ROUNDED_THEN_EXACT = re.compile(r"(\d[\d,]*)[^\d(]*\((\d[\d,]*)\)")


def rounded_reading(as_written: str) -> tuple[int, str] | None:
    """'almost 37,000 people (36,831)' -> (37000, 'almost'); None without such a pair.

    A statement that gives a rounded number and then the exact one in brackets keeps both;
    this finds the rounded one and the qualifier in front of it.
    """
    match = _ROUNDED_THEN_EXACT.search(as_written or "")
    if match is None:
        return None
    first = as_written[: match.start()].strip().split(" ")[-1].lower()
    return int(match.group(1).replace(",", "")), _LEADING_QUALIFIER.get(first, "exact")


def format_percent(value: float | int, lang: str = "en") -> str:
    """12.5 -> '12.5%' / '12,5 %' / '12,5%' (Russian: a non-breaking space before the sign)."""
    return format_decimal(value, locale=BABEL_LOCALE[lang]) + ("\u00a0%" if lang == "ru" else "%")


def format_short_day(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """2022-01-04 -> '4 Jan 2022' / '4 янв. 2022 г.' / '2022 ж. 4 қаң.' (where space is short)."""
    return format_skeleton("yMMMd", pd.Timestamp(day).date(), locale=BABEL_LOCALE[lang])


def _month(day: dt.date, lang: str) -> str:
    """The month as it stands after the day: 'января' (genitive in Russian), 'қаңтар'."""
    return get_month_names("wide", "format", BABEL_LOCALE[lang])[day.month]


def _kk_day(day: dt.date, with_year: bool = True) -> str:
    """2022-01-04 -> '2022 жылғы 4 қаңтар', as Kazakh official texts date a day."""
    year = f"{day.year} жылғы " if with_year else ""
    return f"{year}{day.day} {_month(day, 'kk')}"


def format_long_day(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """2022-01-04 -> '4 January 2022' / '4 января 2022 г.' / '2022 жылғы 4 қаңтар'."""
    day = pd.Timestamp(day).date()
    if lang == "kk":
        return _kk_day(day)
    return format_date(day, format="long", locale=BABEL_LOCALE[lang])


def format_day(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """A day in running text, captions and source lines.

    '4 Jan 2022' / '4 января 2022 г.' / '2022 жылғы 4 қаңтар': English abbreviates the month
    as British captions do; Russian and Kazakh abbreviations read badly in prose, so those
    languages write the month in full.
    """
    if lang == "en":
        return format_short_day(day, lang)
    return format_long_day(day, lang)


def format_period(start: dt.date, end: dt.date, lang: str = "en") -> str:
    """1–8 January 2022 as '1–8 Jan 2022' / '1–8 января 2022 г.' / '2022 жылғы 1–8 қаңтар'."""
    first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    if lang == "en":
        return format_interval(first, last, "yMMMd", locale=BABEL_LOCALE[lang])
    if first == last:
        return format_long_day(first, lang)
    if lang == "kk":
        if first.year != last.year:
            return f"{_kk_day(first)} – {_kk_day(last)}"
        if first.month != last.month:
            return f"{_kk_day(first)} – {_kk_day(last, with_year=False)}"
        return f"{first.year} жылғы {first.day}–{last.day} {_month(first, 'kk')}"
    # Russian: the year once, after the last day ("1–8 января 2022 г.")
    if first.year != last.year:
        return f"{format_long_day(first, lang)} – {format_long_day(last, lang)}"
    year = format_long_day(last, lang).split(" ", 2)[2]  # "2022 г."
    if first.month != last.month:
        return f"{first.day} {_month(first, lang)} – {last.day} {_month(last, lang)} {year}"
    return f"{first.day}–{last.day} {_month(first, lang)} {year}"


def format_day_month(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """2022-01-04 -> '4 Jan' / '4 янв.' / '4 қаң.' (axis ticks)."""
    return format_skeleton("MMMd", pd.Timestamp(day).date(), locale=BABEL_LOCALE[lang])


def wrap(text: str, width: int = 70) -> str:
    """Break a long quote into lines for plotly hover labels (which do not wrap)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str) -> str:
    """Data text made safe for st.markdown: every Markdown, HTML and LaTeX character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


# Line breaks and runs of ordinary spaces; not the no-break spaces inside numbers
# ("20\u00a0000"), which keep a number on one line at phone width.
_BREAKABLE_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def md_line(text) -> str:
    """Data text on one line, escaped with `md`: safe inside a Markdown list item or table
    cell, whose line it cannot break. No-break spaces are kept."""
    return md(_BREAKABLE_SPACE.sub(" ", str(text)).strip())


def markdown_table(table: pd.DataFrame) -> str:
    """A DataFrame as a GitHub-flavoured Markdown table, every cell escaped with `md`."""

    def cell(value) -> str:
        return "" if pd.isna(value) else md(" ".join(str(value).split()))

    lines = [
        "| " + " | ".join(cell(c) for c in table.columns) + " |",
        "|" + "---|" * len(table.columns),
    ]
    lines += [
        "| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)
    ]
    return "\n".join(lines)


_URL = re.compile(r"https?://\S+")


def _link(url: str) -> str:
    """A link named by its host, so that a long address never widens a phone screen."""
    host = url.split("/")[2].removeprefix("www.")
    return f"[{md(host)}]({url.replace(')', '%29')})"


def markdown_records(table: pd.DataFrame, *, quoted: tuple[str, ...] = ()) -> str:
    """A DataFrame as one block per row: the first column in bold, then `column: value`.

    For tables too wide for a phone as a grid: every cell wraps within the screen. Columns
    named in `quoted` are set as block quotes; addresses become links named by their host.
    Every cell is escaped with `md`.
    """

    def cell(value) -> str:
        text = "" if pd.isna(value) else " ".join(str(value).split())
        return " ".join(
            _link(part) if _URL.fullmatch(part) else md(part) for part in text.split(" ")
        )

    blocks = []
    for row in table.itertuples(index=False):
        first, *rest = zip(table.columns, row, strict=True)
        lines = [f"**{cell(first[1])}**"]
        lines += [
            f"*{md(name)}*: {cell(value)}"
            for name, value in rest
            if name not in quoted and cell(value)
        ]
        block = "  \n".join(lines)
        for name, value in rest:
            if name in quoted and cell(value):
                block += f"\n\n> {cell(value)}"
        blocks.append(block)
    return "\n\n---\n\n".join(blocks)
