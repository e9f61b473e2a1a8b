"""When a growth figure holds, and who states it: the period and source columns of `growth_stats`.

Periods as pages write them: "from 2022 to 2032", "2022–2032", "2020-30",
"since Q2 2022", "through 2032", with a label for "year-over-year" or "in the
past two years"; sources as the publisher a sentence names ("BLS", "LinkedIn").
"""
from __future__ import annotations

import re

from roledata.extract.money import Money
from roledata.text import LazyPattern

# The period columns of a growth row, in their order.
PERIOD_KEYS = ("period_start", "period_end", "period_label")
_SOURCES = (
    ("LinkedIn", LazyPattern(r"\bLinkedIn\b")),
    ("Bureau of Labor Statistics", LazyPattern(r"\bBureau of Labor Statistics\b|\bBLS\b")),
    ("World Economic Forum", LazyPattern(r"\bWorld Economic Forum\b|\bWEF\b")),
    ("Gartner", LazyPattern(r"\bGartner\b")),
    ("McKinsey", LazyPattern(r"\bMcKinsey\b")),
    ("Indeed", LazyPattern(r"\bIndeed\b")),
    ("Glassdoor", LazyPattern(r"\bGlassdoor\b")),
    ("Stanford AI Index", LazyPattern(r"\bAI Index\b")),
    ("Statista", LazyPattern(r"\bStatista\b")),
    ("PwC", LazyPattern(r"\bPwC\b")),
    ("IDC", LazyPattern(r"\bIDC\b")),
)
_YEAR = r"(?:19|20)\d\d"
_FROM_TO = LazyPattern(rf"\b(?:from|between)\s+(?P<a>{_YEAR})\s+(?:to|and|-|–)\s+(?P<b>{_YEAR})\b")
# "2022–2032", "2020-30" (a projection period written as a year range)
_YEAR_RANGE = LazyPattern(rf"(?<![\d-])(?P<a>{_YEAR})\s*[-–—]\s*(?P<b>{_YEAR}|\d\d)(?![\d%])")
_THROUGH = LazyPattern(rf"\b(?:through|by|until|to)\s+(?P<b>{_YEAR})\b")
_SINCE = LazyPattern(rf"\bsince\s+(?P<label>(?:Q[1-4]\s+)?(?P<a>{_YEAR}))\b")
_PERIOD_LABEL = LazyPattern(r"\b(?:year[- ]over[- ]year|YoY|annually|per year|month[- ]over[- ]month|in the (?:past|last) (?:\w+ )?(?:years?|months?))\b", re.I)


def source_of(text: str) -> str | None:
    """The first publisher `text` names, in the order of `_SOURCES`, or None."""
    return next((name for name, rx in _SOURCES if rx.search(text)), None)


def periods(text: str) -> dict:
    """`PERIOD_KEYS` of a figure's own text: "from 2022 to 2032" -> 2022, 2032, None;
    "since Q2 2022, year-over-year" -> 2022, None, "year-over-year"; None where it says nothing."""
    start = end = None
    label = None
    if m := _FROM_TO.search(text):
        start, end = int(m.group("a")), int(m.group("b"))
    elif m := _YEAR_RANGE.search(text):
        start, end = _year_range(m)
    elif m := _SINCE.search(text):
        start, label = int(m.group("a")), "since " + m.group("label")
    elif m := _THROUGH.search(text):
        end = int(m.group("b"))
    if m := _PERIOD_LABEL.search(text):
        label = m.group(0).lower().replace(" ", "-") if "over" in m.group(0).lower() else m.group(0)
    return {"period_start": start, "period_end": end, "period_label": label}


def context_period(text: str) -> dict:
    """The period a figure's label or headings give it ("Job Outlook (2022–2032)"): a year
    range's start and end, else `periods` when they date it; {} when they do not."""
    if m := _YEAR_RANGE.search(text):
        start, end = _year_range(m)
        return {"period_start": start, "period_end": end}
    found = periods(text)
    return found if found["period_start"] or found["period_end"] else {}


def money_period(text: str, money: Money) -> dict:
    """The year right after an amount: "$9.460 million by 2029", "$3.775 million in 2024"."""
    tail = text[text.find(money.span.text) + len(money.span.text):][:20]
    if m := re.match(rf"\s*(?:by|in|through)\s+({_YEAR})", tail):
        return {"period_end": int(m.group(1))}
    return {}


def _year_range(m: re.Match) -> tuple[int, int]:
    a, b = int(m.group("a")), m.group("b")
    end = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
    return a, end
