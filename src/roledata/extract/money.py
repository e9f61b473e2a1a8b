"""Reading money amounts and percentages exactly as written.

`find_money` returns every amount in a text with its numbers, currency,
period and qualifier ("up to", "over", "around", "+"); it does not decide
what the money is (pay, market size, revenue): `salaries` and `growth` do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from roledata.text import Span

_CURRENCY_SYMBOLS = {
    "us$": "USD", "usd": "USD", "$": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR",
    "eur": "EUR", "inr": "INR", "₹": "INR", "rs.": "INR", "rs": "INR", "cad": "CAD",
    "c$": "CAD", "aud": "AUD", "a$": "AUD",
}
# Written scale -> canonical word; `Money.scale` holds the canonical word.
_SCALE_WORDS = {
    "k": "thousand", "thousand": "thousand", "m": "million", "mm": "million", "million": "million",
    "b": "billion", "bn": "billion", "billion": "billion", "t": "trillion", "trillion": "trillion",
    "crore": "crore", "lakh": "lakh",
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7, "lakh": 1e5}
_PERIODS = {
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "annual": "year",
    "month": "month", "mo": "month", "monthly": "month", "week": "week", "wk": "week",
    "weekly": "week", "day": "day", "daily": "day", "hour": "hour", "hr": "hour", "hourly": "hour",
}
ANNUAL_FACTOR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}

_CUR = r"(?:US\$|C\$|A\$|USD|GBP|EUR|INR|CAD|AUD|Rs\.?|[$£€₹])"
# Irregular grouping ("$2100,000", a typo for 2,100,000 or 210,000) is read
# as written so the plausibility checks can reject it, not half of it.
_NUM = r"\d{1,3}(?:[,.]\d{3})+(?:\.\d+)?|\d+(?:,\d{3})+|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|crore|lakh)\b|(?:mm|bn|[kKmMbBtT])(?![A-Za-z]))"
_PERIOD = (
    r"(?:\s*(?:/\s*|per\s+|an?\s+|each\s+)(?P<period>year|yr|annum|hour|hr|month|mo|week|wk|day)\b"
    r"|\s+(?P<period2>annually|hourly|monthly|weekly|daily)\b)"
)
_DASH = r"\s*(?:–|—|-|to)\s*"

MONEY_RE = re.compile(
    rf"(?P<cur1>{_CUR})\s?(?P<n1>{_NUM})(?P<s1>{_SCALE})?"
    rf"(?:{_DASH}(?P<cur2>{_CUR})?\s?(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
    rf"(?P<plus>\+)?{_PERIOD}?"
)
# "90,000 USD" / "70.000 €": the currency after the number.
MONEY_SUFFIX_RE = re.compile(
    rf"(?<![\w.,$])(?P<n1>{_NUM})(?P<s1>{_SCALE})?(?:{_DASH}(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
    rf"\s?(?P<cur1>USD|EUR|GBP|INR|€|£)(?![A-Za-z]){_PERIOD}?"
)

_BEFORE = {
    "up_to": re.compile(r"(?:up to|as much as|as high as|no more than|capped at)\s*$", re.I),
    "over": re.compile(
        r"(?:exceed(?:s|ing)?|over|more than|above|upwards of|at least|starting (?:at|from)|north of|in excess of|minimum of)\s*$",
        re.I,
    ),
    "around": re.compile(r"(?:around|about|approximately|approx\.?|roughly|nearly|almost|close to|~)\s*$", re.I),
}


@dataclass(frozen=True, slots=True)
class Money:
    span: Span
    amount_min: float | None
    amount_max: float | None
    open_ended: bool
    currency: str
    period: str | None
    scale: str | None
    qualifier: str | None

    @property
    def is_range(self) -> bool:
        return self.amount_min is not None and self.amount_max is not None and self.amount_min != self.amount_max


def parse_number(digits: str, scale: str | None) -> float:
    """`217,433` -> 217433; `9.460` + million -> 9_460_000; `70.000` -> 70000."""
    if "," in digits:
        value = float(digits.replace(",", ""))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and not scale:
        value = float(digits.replace(".", ""))  # European thousands separator
    else:
        value = float(digits)
    return value * _SCALES[scale] if scale else value


_DIGIT = re.compile(r"\d")  # every amount has one: a cheap test before the big patterns


def _scale_key(raw: str | None) -> str | None:
    if not raw:
        return None
    return _SCALE_WORDS.get(raw.strip().lower())


def find_money(span: Span) -> list[Money]:
    text = span.text
    if not _DIGIT.search(text):
        return []
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for regex in (MONEY_RE, MONEY_SUFFIX_RE):
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            money = _money_from_match(span, m)
            if money is not None:
                found.append(money)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.span.start)


def _money_from_match(span: Span, m: re.Match[str]) -> Money | None:
    text = span.text
    g = m.groupdict()
    s1, s2 = _scale_key(g.get("s1")), _scale_key(g.get("s2"))
    if m.group("n2") and s2 and not s1:
        s1 = s2  # "$120-150K": the scale written once covers both ends
    low = parse_number(m.group("n1"), s1)
    high = parse_number(m.group("n2"), s2 or s1) if m.group("n2") else None
    currency = _CURRENCY_SYMBOLS.get(m.group("cur1").lower().rstrip(), "USD")
    period_word = g.get("period") or g.get("period2")
    period = _PERIODS[period_word.lower()] if period_word else None
    start, end = m.start(), m.end()
    qualifier = None
    before = text[max(0, start - 40):start]
    for name, regex in _BEFORE.items():
        q = regex.search(before)
        if q:
            qualifier = name
            break
    # "from $375K to $600K" is a closed range; "from $300K" alone is open.
    open_ended = bool(g.get("plus")) or (qualifier == "over" and high is None)
    if high is None:
        if qualifier == "up_to":
            amount_min, amount_max = None, low
        elif open_ended:
            amount_min, amount_max = low, None
        else:
            amount_min, amount_max = low, low
    else:
        amount_min, amount_max = low, high
    return Money(
        span=span.sub(start, end),
        amount_min=amount_min,
        amount_max=amount_max,
        open_ended=open_ended,
        currency=currency,
        period=period,
        scale=s2 or s1,
        qualifier=qualifier,
    )


@dataclass(frozen=True, slots=True)
class Percent:
    span: Span
    value: float
    value_max: float | None
    is_lower_bound: bool


_PCT_RE = re.compile(
    r"(?P<a>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|percent\b)?\s*(?:–|—|-|to)\s*"
    r"(?P<b>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|\s?percent\b)(?P<plus>\+)?"
    r"|(?P<v>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|\s?percent\b)(?P<plus2>\+)?"
)
_LOWER_BOUND_BEFORE = re.compile(r"(?:more than|over|above|at least|upwards of|in excess of)\s*$", re.I)


def find_percents(span: Span) -> list[Percent]:
    out: list[Percent] = []
    if not _DIGIT.search(span.text):
        return out
    for m in _PCT_RE.finditer(span.text):
        before = span.text[max(0, m.start() - 25):m.start()]
        lower = bool(m.group("plus") or m.group("plus2") or _LOWER_BOUND_BEFORE.search(before))
        if m.group("v") is not None:
            value, value_max = float(m.group("v").replace(",", "")), None
        else:
            value, value_max = float(m.group("a").replace(",", "")), float(m.group("b").replace(",", ""))
        out.append(Percent(span.sub(m.start(), m.end()), value, value_max, lower))
    return out
