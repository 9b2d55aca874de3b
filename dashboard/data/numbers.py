"""Finds the numbers a piece of text states, and writes numbers back for messages.

The curation rule "the value is in what is written" (data/README.md) needs one definition
of how a number may be written: digits with or without thousands separators, number words,
digits with a scale word. The quote checks and the cross-record rules both use it, and so
do the tests, so it lives apart from either. Values are compared as exact decimals, never
as floats, so that 87,000,000,000 is not 87,000,000,001.
"""

from __future__ import annotations

import re
from decimal import Decimal


def exact(value: int | float) -> Decimal:
    """The value as an exact decimal (a float as its shortest repr)."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


def fmt(value: int | float | Decimal) -> str:
    """A value as the messages write it: thousands separated, no trailing zeros."""
    number = value if isinstance(value, Decimal) else exact(value)
    return f"{number.normalize():,f}"


# fmt: off
_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}
# fmt: on
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
# A number not glued to other digits, so that 1 is not found inside 15 or 466 inside 1,466.
_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|[.,]\d)(?:\s+(thousand|million|billion)\b)?",
    re.I,
)
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.I)


def numbers_in(text: str) -> set[Decimal]:
    """Every number `text` states in a form the curation rules accept (see data/README.md)."""
    found = set()
    for whole, fraction, scale in _DIGITS.findall(text):
        number = Decimal(whole.replace(",", "") + fraction)
        found.add(number * _SCALES[scale.lower()] if scale else number)
    found |= {Decimal(_WORDS[word.lower()]) for word in _WORD.findall(text)}
    return found


def value_in_text(value: int | float, text: str) -> bool:
    """Whether `text` states `value` in a form `numbers_in` accepts."""
    return exact(value) in numbers_in(text)
