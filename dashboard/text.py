"""How numbers, qualifiers, dates and attributions are written, in each language.

Numbers and dates follow CLDR through Babel (36,831 / 36 831; 4 January 2022 / 4 января
2022 г. / 2022 ж. 4 қаңтар), so that "over 700", "almost 37,000 (36,831)" and the source
line read the same everywhere. Pure formatting: the wording
around a number ("over {n}") is the translator's job (`dashboard.i18n.Translator.value_label`).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from babel.dates import format_date, format_interval, format_skeleton
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
}
# Which qualifier puts which case on the number in Kazakh.
_KK_CASE = {"over": 0, "almost": 1}


def _kk_last_word(number: int) -> str:
    """The last word of the number read aloud in Kazakh: 700 -> 'жүз', 20 000 -> 'мың'."""
    if number % 10:
        return _KK_UNITS[number % 10]
    if number % 100:
        return _KK_TENS[(number % 100) // 10]
    for modulus, word in ((1000, "жүз"), (10**6, "мың"), (10**9, "миллион")):
        if number % modulus:
            return word
    return "миллиард"


def kk_ending(number: int, qualifier: str) -> str:
    """The Kazakh case ending a qualifier puts after `number`: 700 + over -> '-ден'."""
    if qualifier not in _KK_CASE or number <= 0:
        return ""
    return "-" + _KK_ENDINGS[_kk_last_word(number)][_KK_CASE[qualifier]]


def format_number(value: float | int, lang: str = "en") -> str:
    """36831 -> '36,831' / '36 831'; 87000000000 -> '87 billion' (only when the scale divides)."""
    locale = BABEL_LOCALE[lang]
    number = int(value) if float(value).is_integer() else float(value)
    if isinstance(number, int) and number >= 10**6:
        # Babel names the largest scale below the number and rounds to it ("88 billion"
        # for 87,500,000,000): use a scale word only where that scale divides exactly.
        scale = 10 ** (3 * ((len(str(number)) - 1) // 3))
        if number % scale == 0:
            return format_compact_decimal(number, format_type="long", locale=locale)
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
    """12.5 -> '12.5%' / '12,5 %' (Russian puts a non-breaking space before the sign)."""
    return format_decimal(value, locale=BABEL_LOCALE[lang]) + ("\u00a0%" if lang == "ru" else "%")


def format_day(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """2022-01-04 -> '4 Jan 2022' / '4 янв. 2022 г.' / '2022 ж. 4 қаң.'."""
    return format_skeleton("yMMMd", pd.Timestamp(day).date(), locale=BABEL_LOCALE[lang])


def format_long_day(day: dt.date | pd.Timestamp, lang: str = "en") -> str:
    """2022-01-04 -> '4 January 2022' / '4 января 2022 г.' / '2022 ж. 4 қаңтар'."""
    return format_date(pd.Timestamp(day).date(), format="long", locale=BABEL_LOCALE[lang])


def format_period(start: dt.date, end: dt.date, lang: str = "en") -> str:
    """1–8 January 2022 as '1–8 Jan 2022' / '1–8 янв. 2022 г.' / '2022 ж. 1–8 қаң.'."""
    first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    return format_interval(first, last, "yMMMd", locale=BABEL_LOCALE[lang])


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
