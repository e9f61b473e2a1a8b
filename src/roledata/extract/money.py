"""Reading money amounts and percentages exactly as written.

`find_money` returns every amount in a text with its numbers, currency,
period and qualifier ("up to", "over", "around", "+"); it does not decide
what the money is (pay, market size, revenue): `salaries` and `growth` do.

Three written shapes, one compiled pattern each, tried in this order (a
later one never takes text an earlier one read):

- between: "between $90,000 and $110,000 a year", one range;
- prefix: a symbol or code before the number: "$120K", "R$ 10.000",
  "CHF 120,000", "€65.000,00", "₹8-12 LPA", "$80,000 AUD";
- suffix: the currency after the number: "95 000 $", "65.000,00 €",
  "2.5 million euros", "90,000 USD a year", "12 LPA" (lakh per annum: rupees).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from roledata.text import LazyPattern, Span

# Written before the number -> ISO 4217. A bare "$" reads as USD and a bare "¥"
# as JPY; a code or currency word right after the number overrides them
# ("$80,000 AUD", "¥8,000 RMB").
_PREFIX_CURRENCIES = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "rs": "INR", "rs.": "INR",
    "¥": "JPY", "jp¥": "JPY", "cn¥": "CNY", "r$": "BRL", "c$": "CAD", "ca$": "CAD",
    "a$": "AUD", "au$": "AUD", "s$": "SGD", "nz$": "NZD", "hk$": "HKD", "mx$": "MXN",
}
_GENERIC_SYMBOLS = frozenset({"$", "¥"})
# ISO codes, read before or after the number ("CHF 120,000", "90,000 USD").
# RMB is what many pages call the yuan; its ISO code is CNY.
_CODES = {c.lower(): c for c in (
    "USD", "EUR", "GBP", "INR", "CAD", "AUD", "CHF", "SGD", "JPY", "CNY", "SEK", "NOK", "DKK",
    "BRL", "NZD", "HKD", "MXN", "PLN", "ZAR",
)} | {"rmb": "CNY"}
# Currency words after the number: "120,000 dollars", "2.5 million euros".
_WORD_CURRENCIES = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "canadian dollars": "CAD",
    "australian dollars": "AUD", "singapore dollars": "SGD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "pounds sterling": "GBP", "british pounds": "GBP", "rupees": "INR",
    "yen": "JPY", "yuan": "CNY", "swiss francs": "CHF",
}
# Symbols after the number: "95,000$", "65.000,00 €".
_SUFFIX_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY"}
# Lower-cased written form -> ISO 4217, before and after the number. "LPA"
# (lakh per annum) names no currency, but only rupees are counted in lakhs.
_BEFORE_CURRENCIES = _PREFIX_CURRENCIES | _CODES
_AFTER_CURRENCIES = _CODES | _WORD_CURRENCIES | _SUFFIX_SYMBOLS | {"lpa": "INR"}

# Written scale -> canonical word; `Money.scale` holds the canonical word.
_SCALE_WORDS = {
    "k": "thousand", "thousand": "thousand", "m": "million", "mm": "million", "million": "million",
    "b": "billion", "bn": "billion", "billion": "billion", "t": "trillion", "trillion": "trillion",
    "crore": "crore", "crores": "crore", "cr": "crore", "lakh": "lakh", "lakhs": "lakh", "lpa": "lakh", "l": "lakh",
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7, "lakh": 1e5}
_PERIODS = {
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "annual": "year",
    "month": "month", "mo": "month", "monthly": "month", "week": "week", "wk": "week",
    "weekly": "week", "day": "day", "daily": "day", "hour": "hour", "hr": "hour", "hourly": "hour",
    "p.a.": "year", "fortnight": "biweekly", "fortnightly": "biweekly", "biweekly": "biweekly",
    "bi-weekly": "biweekly",
}
# A year's worth of each period (the contract's `period` codes): 26 fortnights, 52 weeks, 260 working
# days, 2,080 working hours.
ANNUAL_FACTOR = {"year": 1, "month": 12, "biweekly": 26, "week": 52, "day": 260, "hour": 2080}


def _either(forms) -> str:
    """Alternation, longest first: "US$" before "$", "pounds sterling" before "pounds"."""
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# Speed: `re` jumps straight to the next possible first character only when a
# pattern opens with a plain character class. So every pattern below opens
# with one (`[$£€₹¥A-Z]`, `\d`, `[Bb]`) and states what comes before that
# character in a look-behind right after it, instead of opening with the
# look-behind, which makes `re` run the whole pattern at every position.
_CODE_END = "(?![A-Za-z])"  # "USD 90" but not "USDA 90"


def _currency_before() -> str:
    """A symbol ("$", "€"), or a letter-led form ("US$", "R$", "Rs.", "CHF")
    after a non-letter ("Rs 5" is rupees, "Years 5" is not)."""
    forms = [f for f in _PREFIX_CURRENCIES if f[0].isalpha()] + list(_CODES)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        written = form.upper() if form[-1] in "$¥" or form in _CODES else form.capitalize()
        rest = re.escape(written[1:]) + (_CODE_END if written[-1].isalpha() else "")
        by_first.setdefault(written[0], []).append(rest)
    letter_led = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return rf"[$£€₹¥A-Z](?:(?<=[$£€₹¥])|(?<![A-Za-z].)(?:{letter_led}))"


_CUR = _currency_before()
_CODE = rf"(?:{_either(c.upper() for c in _CODES)}){_CODE_END}"
_WORD = rf"(?i:{_either(_WORD_CURRENCIES)})\b"
# After the number: a code, a word, a symbol ("5 € 10" is not "5 €"), "LPA".
_SUFFIX_CUR = rf"(?:{_CODE}|{_WORD}|[$€£₹¥](?!\s?\d)|(?:LPA|lpa)\b)"

# Numbers, most specific first (the first alternative that matches wins, and
# is kept: `(?>...)` never backtracks into it), each written as the part after
# the first digit:
# - Indian grouping "12,50,000", "1,30,000";
# - European decimal comma "65.000,00";
# - a space, no-break space or apostrophe before exactly three digits and a
#   non-digit, up to four groups: "50 000", "1 200 000,50", "120'000"
#   ("$50 2023" stays $50);
# - comma or dot thousands "217,433", "70.000", "1,234.56";
# - irregular grouping "$3400,000" (a typo for 3,400,000 or 340,000, read as
#   written so the plausibility checks reject it, not half of it);
# - a decimal comma "2,5", "15,50"; plain "95" or "1.5".
_AFTER_FIRST_DIGIT = (
    r"(?>\d?(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?"
    r"|\d{0,2}(?:\.\d{3})+,\d{1,2}(?!\d)"
    r"|\d{0,2}(?:[ \u00a0\u202f'’]\d{3}(?!\d)){1,4}(?:,\d{1,2}(?!\d))?"
    r"|\d{0,2}(?:[,.]\d{3})+(?:\.\d+)?"
    r"|\d*(?:,\d{3})+"
    r"|\d*,\d{1,2}(?!\d)"
    r"|\d*(?:\.\d+)?)"
)
_NUM = rf"\d{_AFTER_FIRST_DIGIT}"
# A number with no currency before it starts a figure: not "v2.5", "3.14", "$5",
# nor the "000" of "1 000" (which would also make a long run of groups quadratic).
_FREE_NUM = rf"\d(?<![\w.,$£€₹¥]\d)(?<!\d[ \u00a0\u202f'’]\d){_AFTER_FIRST_DIGIT}"
_SCALE = (
    r"(?:\s?(?i:thousand|million|billion|trillion|crores?|lakhs?)\b"
    r"|\s?(?:MM|mm|bn|Bn|Cr|cr|[kKMBL])(?![A-Za-z])|[mbtT](?![A-Za-z]))"
)
_LPA = r"\s?(?:LPA|lpa)\b"  # lakh per annum: a scale and a period in one word
_PERIOD = (
    r"(?:\s*(?:/\s*|per\s+|an?\s+|each\s+)(?P<period>year|yr|annum|hour|hr|month|mo|fortnight|week|wk|day)\b"
    r"|\s+(?P<period2>annually|hourly|monthly|fortnightly|bi-?weekly|weekly|daily)\b|\s?(?P<period3>p\.a\.))"
)
_DASH = r"\s*(?:–|—|-|to)\s*"

# cur1/cur2: the currency before each number; cur3: after the amount ("$80,000
# AUD"); cur4: after the first end of a range ("$120,000 USD - $150,000 USD",
# "45.000 € - 55.000 €").
MONEY_RE = LazyPattern(
    rf"(?P<cur1>{_CUR})\s?(?P<n1>{_NUM})(?P<s1>{_LPA}|{_SCALE})?(?:\s?(?P<cur4>{_CODE}|{_WORD}))?"
    rf"(?:{_DASH}(?P<cur2>{_CUR})?\s?(?P<n2>{_NUM})(?P<s2>{_LPA}|{_SCALE})?)?"
    rf"(?:\s?(?P<cur3>{_CODE}|{_WORD}))?(?P<plus>\+)?{_PERIOD}?"
)
MONEY_SUFFIX_RE = LazyPattern(
    rf"(?P<n1>{_FREE_NUM})(?P<s1>{_SCALE})?(?:\s?(?P<cur4>{_SUFFIX_CUR}))?(?:{_DASH}(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
    rf"\s?(?P<cur3>{_SUFFIX_CUR}){_PERIOD}?"
)
# "between X and Y" joins two amounts only after "between": elsewhere "and"
# separates two figures ("$90K and $120K in bonuses"). The amount's span
# starts after "between", like the qualifier words it leaves outside.
MONEY_BETWEEN_RE = LazyPattern(
    rf"[Bb](?<![A-Za-z].)etween\s+(?P<amount>(?:(?P<cur1>{_CUR})\s?)?(?P<n1>{_NUM})(?P<s1>{_LPA}|{_SCALE})?"
    rf"(?:\s?(?P<cur4>{_SUFFIX_CUR}))?\s+and\s+(?:(?P<cur2>{_CUR})\s?)?(?P<n2>{_NUM})(?P<s2>{_LPA}|{_SCALE})?"
    rf"(?:\s?(?P<cur3>{_SUFFIX_CUR}))?(?P<plus>\+)?{_PERIOD}?)"
)

# (pattern, a substring the text must hold for the pattern to be worth running)
_FAMILIES = (
    (MONEY_BETWEEN_RE, "etween"),
    (MONEY_RE, None),
    (MONEY_SUFFIX_RE, None),
)

# The words right before an amount (white space aside), lower case, in this
# order of precedence.
_QUALIFIERS = (
    ("up_to", ("up to", "as much as", "as high as", "no more than", "capped at")),
    ("over", ("exceed", "exceeds", "exceeding", "over", "more than", "above", "upwards of", "at least",
              "starting at", "starting from", "north of", "in excess of", "minimum of")),
    ("around", ("around", "about", "approximately", "approx", "approx.", "roughly", "nearly", "almost",
                "close to", "~")),
)


@dataclass(frozen=True, slots=True)
class Money:
    span: Span
    amount_min: float | None
    amount_max: float | None
    open_ended: bool
    currency: str  # ISO 4217
    period: str | None
    scale: str | None
    qualifier: str | None

    @property
    def is_range(self) -> bool:
        return self.amount_min is not None and self.amount_max is not None and self.amount_min != self.amount_max


_GROUP_MARKS = str.maketrans("", "", " \u00a0\u202f'’")
_DOT_THOUSANDS = LazyPattern(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = LazyPattern(r"\d+,\d{1,2}")


def parse_number(digits: str, scale: str | None) -> float:
    """`217,433` -> 217433; `9.460` + million -> 9_460_000; `70.000` -> 70000;
    `65.000,00` -> 65000.0; `12,50,000` -> 1250000; `50 000` -> 50000; `2,5` -> 2.5."""
    digits = digits.translate(_GROUP_MARKS)
    if "," in digits and "." in digits and digits.rfind(",") > digits.rfind("."):
        value = float(digits.replace(".", "").replace(",", "."))  # European: dots group, comma decimal
    elif _DECIMAL_COMMA.fullmatch(digits):
        value = float(digits.replace(",", "."))
    elif "," in digits:
        value = float(digits.replace(",", ""))
    elif not scale and _DOT_THOUSANDS.fullmatch(digits):
        value = float(digits.replace(".", ""))  # European thousands separator
    else:
        value = float(digits)
    return value * _SCALES[scale] if scale else value


_DIGIT = LazyPattern(r"\d")  # every amount has one: a cheap test before the big patterns


def _scale_key(raw: str | None) -> str | None:
    if not raw:
        return None
    return _SCALE_WORDS.get(raw.strip().lower())


def find_money(span: Span) -> list[Money]:
    text = span.text
    if not _DIGIT.search(text):
        return []
    found: list[Money] = []
    starts: list[int] = []  # the spans read so far, sorted and disjoint
    ends: list[int] = []
    for regex, needed in _FAMILIES:
        if needed is not None and needed not in text and needed.upper() not in text:
            continue
        for m in regex.finditer(text):
            start, end = m.span("amount") if regex is MONEY_BETWEEN_RE else m.span()
            i = bisect.bisect_left(ends, start + 1)  # first span ending after `start`
            if i < len(starts) and starts[i] < end:
                continue
            money = _money_from_match(span, m, start, end)
            if money is not None:
                found.append(money)
                starts.insert(i, start)
                ends.insert(i, end)
    return sorted(found, key=lambda x: x.span.start)


def _currency(g: dict[str, str | None]) -> str | None:
    """The currency written before the number, unless it is a bare "$" or "¥"
    and a code or word after the number names it ("$80,000 AUD")."""
    written = g.get("cur1") or g.get("cur2")
    before = _BEFORE_CURRENCIES[written.lower()] if written else None
    after = g.get("cur3") or g.get("cur4")
    after = _AFTER_CURRENCIES[" ".join(after.lower().split())] if after else None
    if before and (after is None or written not in _GENERIC_SYMBOLS):
        return before
    return after


def _money_from_match(span: Span, m: re.Match[str], start: int, end: int) -> Money | None:
    g = m.groupdict()
    lpa = "lpa" in f"{g.get('s1')} {g.get('s2')} {g.get('cur3')} {g.get('cur4')}".lower()
    s1, s2 = _scale_key(g.get("s1")), _scale_key(g.get("s2"))
    # Only rupees are counted in lakhs and crores: "between 1.8 lakhs and 1 crore a year" names its currency.
    currency = _currency(g) or ("INR" if lpa or {s1, s2} & {"lakh", "crore"} else None)
    if currency is None:
        return None  # "between 5 and 10 years"
    if currency == "INR":  # Indian pay pages write thousands as "T" ("₹46T - ₹86L"), never trillions
        s1 = "thousand" if (g.get("s1") or "").strip() in ("T", "t") else s1
        s2 = "thousand" if (g.get("s2") or "").strip() in ("T", "t") else s2
    if lpa and not (s1 or s2):
        s1 = "lakh"  # "8-12 LPA"
    if g["n2"] and s2 and not s1:
        s1 = s2  # "$120-150K": the scale written once covers both ends
    low = parse_number(g["n1"], s1)
    high = parse_number(g["n2"], s2 or s1) if g["n2"] else None
    if (g.get("cur3") or "").lower() == "pounds" and not (g.get("cur1") or s1) and max(low, high or 0) < 1000:
        return None  # "lift 50 pounds" is a weight
    period_word = g.get("period") or g.get("period2") or g.get("period3")
    period = _PERIODS[period_word.lower()] if period_word else ("year" if lpa else None)
    before = span.text[max(0, start - 40):start].rstrip().lower()
    qualifier = next((name for name, words in _QUALIFIERS if before.endswith(words)), None)
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


# A number that starts inside a longer run of digits is not read ("2030-4218%" holds no
# readable percentage: "218%" would be half a number), hence the look-behind.
_PCT_RE = LazyPattern(
    r"(?<!\d)(?:(?P<a>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|percent\b)?\s*(?:–|—|-|to)\s*"
    r"(?P<b>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|\s?percent\b)(?P<plus>\+)?"
    r"|(?P<v>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*(?:%|\s?percent\b)(?P<plus2>\+)?)"
)
_LOWER_BOUND_BEFORE = LazyPattern(r"(?:more than|over|above|at least|upwards of|in excess of)\s*$", re.I)


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
