"""How numbers, qualifiers, dates and attributions are written, in each language.

Numbers and dates follow CLDR through Babel (36,831 / 36 831; 4 January 2022 / 4 января
2022 г. / 2022 ж. 4 қаңтар), so that "over 700", "almost 37,000 (36,831)" and the source
line read the same everywhere. The wording around a number ("over {n}") comes from the
interface catalogues in dashboard/locales/.
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


def _qualified(number: str, qualifier: str, lang: str, value: int | float) -> str:
    from dashboard.i18n import Translator  # the catalogue holds the words around a number

    if qualifier == "exact":
        return number
    ending = kk_ending(int(value), qualifier) if lang == "kk" else ""
    if ending and number[-1].isalpha():  # "87 миллиардтан": the ending joins a word directly
        ending = ending.lstrip("-")
    return Translator(lang)(f"qualifier.{qualifier}.value", n=number + ending)


def value_label(
    value: float | int,
    qualifier: str,
    as_written: str = "",
    unit: str = "",
    lang: str = "en",
) -> str:
    """The number with its qualifier, as a reader should see it on a chart or card.

    Where the statement states two numbers ("almost 37,000 people (36,831)") both are kept:
    in English its own words, in another language the rounded number with its qualifier
    and the exact one in brackets.
    """
    numbers = _NUMBER.findall(as_written or "")
    if len(numbers) > 1:
        if lang == "en":
            return as_written
        first = as_written.split(numbers[0])[0].strip().split(" ")[-1].lower()
        rounded = int(numbers[0].replace(",", ""))
        said = _qualified(
            format_number(rounded, lang), _LEADING_QUALIFIER.get(first, "exact"), lang, rounded
        )
        return f"{said} ({format_number(value, lang)})"
    shown = format_number(value, lang)
    if unit == "percent":
        shown = format_decimal(value, locale=BABEL_LOCALE[lang]) + (" %" if lang == "ru" else "%")
    # Units are named in titles and axes, not after each number: "over 87 billion".
    return _qualified(shown, qualifier, lang, value)


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


def attribution(organisation_short: str, published: dt.date | pd.Timestamp) -> str:
    """'according to the General Prosecutor's Office, 4 Jan 2022' (English)."""
    return f"according to the {organisation_short}, {format_day(published)}"


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
