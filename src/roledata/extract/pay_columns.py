"""A pay figure's columns: the neighbourhood it is read in, and what the figure is.

`Near` holds the words right around one amount. From them, its sentence's
label and a stat card's label, `salary_row` reads the statistic (median, a
percentile, a range...), the pay component (base, total), the period (as
written on the figure or in its label, else a bare small rate is hourly, else
a year), the segment (an experience level, a location, an industry...) and
the reference year of the headings over it; `money_columns` the amounts with
their yearly USD equivalents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from roledata.extract.context import Sentence, provenance, row_span
from roledata.extract.money import ANNUAL_FACTOR, Money
from roledata.extract.pay_places import is_place_segment, place_after, segment_codes
from roledata.text import LazyPattern, Span

_STATISTICS = (
    ("p10", LazyPattern(r"\b(?:bottom|lowest|lower) (?:10\s?%|10 percent|ten percent)|\b10th percentile|"
                        r"\b(?:10|ten) percent (?:of [\w ]{0,40}?)?earned less", re.I)),
    ("p25", LazyPattern(r"\b(?:bottom|lowest|lower) (?:25\s?%|25 percent)|\b25th percentile", re.I)),
    ("p75", LazyPattern(r"\b(?:top|highest|upper) (?:25\s?%|25 percent)|\b75th percentile", re.I)),
    ("p90", LazyPattern(r"\b(?:top|highest|upper) (?:10\s?%|10 percent|ten percent)|\b90th percentile", re.I)),
    ("median", LazyPattern(r"\bmedian\b|\b50th percentile", re.I)),
    ("average", LazyPattern(r"\b(?:average|mean|avg)\b", re.I)),
    ("minimum", LazyPattern(r"\b(?:minimum|min|lowest|starting)\b", re.I)),
    ("maximum", LazyPattern(r"\b(?:maximum|max|highest)\b", re.I)),
)
_COMPONENTS = (
    ("total_cash", LazyPattern(r"\btotal cash\b", re.I)),
    ("total", LazyPattern(r"\b(?:total (?:compensation|comp|pay|package|earnings|remuneration)|OTE)\b", re.I)),
    ("base", LazyPattern(r"\bbase\b", re.I)),
)
_ERA = LazyPattern(
    r"\b(?:before|after|prior to|until|since)\s+(?:the\s+)?(?:(?:19|20)\d\d\b|"
    r"(?:[A-Z0-9][\w.-]*\s+)+(?:moment|era|boom|wave|launch|release|pandemic)\b)"
)
_AT_PLACE = LazyPattern(r"^(?:At|In|Among|For)\s+(?P<seg>[^,]{3,80}),")
_YEARS = LazyPattern(r"(?P<a>\d{1,2})\s*(?:\+|(?:–|—|-|to)\s*(?P<b>\d{1,2}))?\s*(?:\+\s*)?(?:years?|yrs?)", re.I)
_YEAR_IN_HEADING = LazyPattern(r"\b(?:19|20)\d\d\b")

# Segment words, tried on the group/sub-heading first, then on the label text.
_SEGMENT_TYPES = (
    ("experience_level", LazyPattern(r"\b(?:entry|junior|mid|senior|executive|experience|level|years?|seniority|career stage)\b", re.I)),
    ("location", LazyPattern(r"\b(?:location|geograph\w*|region\w*|cit(?:y|ies)|metro\w*|hubs?|area|state|country|remote|national|San Francisco|New York|Seattle|Boston|Austin|London|Europe|Asia)\b", re.I)),
    ("industry", LazyPattern(r"\b(?:industr\w*|sectors?|finance|healthcare|tech|software|academia|research|government|retail|banking)\b", re.I)),
    ("company_type", LazyPattern(r"\b(?:compan(?:y|ies)|startups?|enterprises?|firms?|labs?|FAANG|big tech)\b", re.I)),
    ("title_variant", LazyPattern(r"\b(?:roles?|titles?|variations?|positions?|Engineer|Director|Manager|Head|President|VP|Lead|Officer|Scientist|Architect)\b")),
)
# Words that only say which statistic or which pay: removed before a label names a segment.
_STAT_WORDS = LazyPattern(
    r"\b(?:median|average|mean|avg|typical|broad(?:er)?|general|overall|national|annual|yearly|"
    r"salary|salaries|pay|range|ranges|compensation|total|cash|base|minimum|maximum|estimated|"
    r"earnings|income|us|u\.s\.)\b",
    re.I,
)

_PERIOD_WORDS = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "year": "year", "yr": "year", "annum": "year",
    "annual": "year", "annually": "year", "yearly": "year", "month": "month", "mo": "month",
    "monthly": "month", "week": "week", "wk": "week", "weekly": "week", "day": "day", "daily": "day",
    "fortnight": "biweekly", "fortnightly": "biweekly", "biweekly": "biweekly", "bi-weekly": "biweekly",
}
# Right after the figure, as pasted postings write it: "$41.00 USD Hourly", "$32 - $35/Hr",
# "$16-/hr", "67,500.00 USD PER YEAR", "$93,000.00 per yearPerks".
_PERIOD_AFTER = LazyPattern(
    r"\s*-?\s*(?:(?:USD|US|CAD|AUD|EUR|GBP)\b\.?\s*)?(?:(?:gross|net|before tax(?:es)?)\s+)?(?:"
    r"(?:/|per\b|an?\b|each\b)\s*(?P<p>hour|hr|year|yr|annum|month|mo|fortnight|week|wk|day)s?(?!(?-i:[a-z]))"
    r"|/?\s*(?P<q>hourly|annually|annual|yearly|monthly|fortnightly|bi-?weekly|weekly|daily)(?!(?-i:[a-z])))",
    re.I,
)
# In the words before the figure or its label: "Hourly wage offered is $19.35", "median annual wage ... $X".
_PERIOD_BEFORE = LazyPattern(r"\b(hourly|monthly|fortnightly|bi-?weekly|weekly|daily|annual|annually|yearly|per hour|an hour|"
                             r"per month|per fortnight|per annum|per year)\b", re.I)
_CAMEL = LazyPattern(r"(?<=[a-z])(?=[A-Z])")
# Currencies whose pay the warehouse checks against a year's 10,000 to 10 million.
_HOURLY_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "GBP", "EUR", "CHF"})
_RATE_CUE = LazyPattern(r"\b(?:pay|paid|rate|wages?|salar(?:y|ies)|range|compensation|earn\w*)\b", re.I)
# A period word modifying the word of pay that governs the figure, a few words before it: "the estimated
# monthly salary in India for programmers is between INR 29,531 and ...", "median hourly earnings were $16".
_PERIOD_PAY = LazyPattern(r"\b(hourly|monthly|fortnightly|bi-?weekly|weekly|daily|annual|yearly)\s+(?:[a-z]+\s+){0,2}?"
                          r"(?:salar(?:y|ies)|pay|wages?|earnings|income|rates?)\b", re.I)
# A figure under the money emoji and nothing else is pay: `Near.prefix_emoji`.
_PAY_EMOJI = frozenset("💰💵💲🤑")


@dataclass(frozen=True, slots=True)
class Near:
    """The words right around one amount, never reaching into its neighbours."""

    before: str
    after: str
    prefix_emoji: bool

    @staticmethod
    def of(span: Span, amounts: list[Money], i: int) -> "Near":
        """The words around `amounts[i]` of `span`: up to 90 characters before it and 60 after,
        stopping at the amounts on either side."""
        text = span.text
        money = amounts[i]
        start, end = money.span.start - span.start, money.span.end - span.start
        low = amounts[i - 1].span.end - span.start if i > 0 else 0
        high = amounts[i + 1].span.start - span.start if i + 1 < len(amounts) else len(text)
        before = text[max(low, start - 90):start]
        emoji = i == 0 and bool(before) and any(ch in _PAY_EMOJI for ch in before) and not any(
            ch.isalnum() for ch in before)
        return Near(before, text[end:min(high, end + 60)], emoji)


def salary_row(document_id: str, role_id: str, sentence: Sentence, money: Money, clause: str,
               near: Near, card: Span | None, earlier: tuple | None = None) -> dict | None:
    """The `salaries` row of `money`, read in `sentence`: `clause` is the text up to its
    neighbouring amounts, `card` the label line a page structure gives it (or None), `earlier` the
    period and amount of the pay figure before it in the sentence (or None)."""
    label = sentence.label.text if sentence.label else ""
    card_text = card.text if card is not None else ""
    cue_text = f"{label} {card_text} {near.before[-60:]} {near.after[:40]}" if len(clause) > 160 else \
        f"{label} {card_text} {clause}"
    statistic = next((name for name, rx in _STATISTICS if rx.search(cue_text)), None)
    if statistic is None or (statistic in ("minimum", "maximum") and money.is_range):
        # "from $120,000/year in the lowest-cost metro to $180,000/year": a range, not a minimum
        statistic = "range" if money.is_range or money.open_ended else "point"
    component = next((name for name, rx in _COMPONENTS if rx.search(cue_text)), "unspecified")
    segment_type, segment, years = _segment(sentence, money, clause)
    segment_type, segment, place = _place(sentence, money, segment_type, segment)
    headings = f"{sentence.section.heading_text or ''} {sentence.section.top.heading_text or ''}"
    period = _period(money, near, label, card_text, headings, earlier)
    row = money_columns(money, period)
    row.update(
        salary_id=None,
        role_id=role_id,
        pay_component=component,
        statistic=statistic,
        segment_type=segment_type,
        segment=segment,
        experience_years_min=years[0],
        experience_years_max=years[1],
        reference_year=_reference_year(sentence),
        amount_text=money.span.text,
        segment_city=place[0],
        segment_region=place[1],
        segment_country=place[2],
    )
    row.update(provenance(document_id, sentence.section, row_span(sentence)))
    return row


NO_PLACE = (None, None, None)


def _place(sentence: Sentence, money: Money, segment_type: str, segment: str | None
           ) -> tuple[str, str | None, tuple[str | None, str | None, str | None]]:
    """The segment's place (`pay_places`): a segment that is only places is a location; a figure
    without a segment takes the place written right after it ("$150,000 in New York")."""
    if segment_type == "overall" and segment is None:
        if re.search(r"\bin\b", money.span.text):
            return segment_type, segment, NO_PLACE  # "$67,000 in one state to $80,000 in another": no one place
        stated = place_after(sentence.span.text[money.span.end - sentence.span.start:])
        if stated is None:
            return segment_type, segment, NO_PLACE
        return "location", stated[0], stated[1] or NO_PLACE
    if segment_type in ("overall", "company_type") and is_place_segment(segment):
        segment_type = "location"
    if segment_type != "location":
        return segment_type, segment, NO_PLACE
    return segment_type, segment, segment_codes(segment) or NO_PLACE


def _period(money: Money, near: Near, label: str, card_text: str, heading: str = "", earlier: tuple | None = None) -> str:
    """As written on the figure ("$95/hour"), right after it ("$41.00 USD Hourly", "$32 - $35/Hr"),
    in its label or the words just before it ("Hourly Rate: $24", "Hourly wage offered is $19.35"),
    or on the word of pay governing it ("the estimated monthly salary ... is INR 29,531"); the period of
    the figure before it in the sentence when this one continues a list of like figures (`earlier`:
    that figure's period and amount: "the median hourly wage was $25.00 in construction; industrial,
    $30.00"); a bare small figure of a pay rate ("Pay rate: $23 - $26", under "Typical wages") is
    hourly; else a year."""
    stated = stated_period(money, near)
    if stated:
        return stated
    for text in (_CAMEL.sub(" ", near.before[-50:]), label, card_text):
        found = None
        for found in _PERIOD_BEFORE.finditer(text):
            pass
        if found is not None:
            return _PERIOD_WORDS[found.group(1).lower().replace("per ", "").replace("an ", "")]
    governing = None
    if "ly " in near.before or "nnual" in near.before:  # every period word ends in "ly" or is "annual"
        for governing in _PERIOD_PAY.finditer(near.before):
            pass
    if governing is not None:
        return _PERIOD_WORDS[governing.group(1).lower()]
    top = max(x for x in (money.amount_min, money.amount_max) if x is not None)
    if earlier is not None and earlier[0] != "year" and earlier[1] / 3 <= top <= earlier[1] * 3:
        return earlier[0]
    if (money.scale is None and money.currency in _HOURLY_CURRENCIES and 7 <= top <= 200
            and _RATE_CUE.search(f"{near.before[-60:]} {label} {card_text} {heading}")):
        return "hour"
    return "year"


def stated_period(money: Money, near: Near) -> str | None:
    """The period written on the figure or right after it ("$95/hour", "$41.00 USD Hourly"), or None."""
    if money.period:
        return money.period
    m = _PERIOD_AFTER.match(near.after)
    return _PERIOD_WORDS[(m.group("p") or m.group("q")).lower()] if m else None


def money_columns(money: Money, period: str | None = None) -> dict:
    """The amount columns of a `salaries` row: as written, in `period` (default: the figure's
    own, else a year), and a year's worth in USD when the currency is USD."""
    period = period or money.period or "year"
    factor = ANNUAL_FACTOR[period]
    is_usd = money.currency == "USD"
    return {
        "amount_min": money.amount_min,
        "amount_max": money.amount_max,
        "open_ended": money.open_ended,
        "currency": money.currency,
        "period": period,
        "annual_min_usd": money.amount_min * factor if is_usd and money.amount_min is not None else None,
        "annual_max_usd": money.amount_max * factor if is_usd and money.amount_max is not None else None,
    }


def _segment(sentence: Sentence, money: Money, clause: str) -> tuple[str, str | None, tuple[int | None, int | None]]:
    after = sentence.span.text[money.span.end - sentence.span.start:]
    era = _ERA.search(after[:80])
    if era and era.start() <= 20:
        return "era", era.group(0), (None, None)
    label = sentence.label.text if sentence.label else None
    if label is None:
        at = _AT_PLACE.match(sentence.span.text)
        if at:
            seg = at.group("seg")
            kind = _segment_type(seg, None) or "company_type"
            return kind, seg, (None, None)
        subject = _subject(sentence.span.text)
        group = sentence.group.text if sentence.group else None
        if subject and group and _segment_type(group, None):
            return _segment_type(group, None), subject, (None, None)
        return "overall", None, (None, None)
    years = _years(label)
    name = _segment_name(label)
    if not name:
        return "overall", None, (None, None)
    context = sentence.section.heading_text if sentence.section.level == 2 else None
    kind = _segment_type(name, context)
    if kind is None:
        # A label we cannot type ("Hourly contracts") keeps its words but claims no breakdown.
        return "overall", name, (None, None)
    return kind, name, years if kind == "experience_level" else (None, None)


def _segment_name(label: str) -> str | None:
    """`Median salary for Executive-level / Director AI Engineer` -> `Executive-level / Director AI Engineer`."""
    m = re.search(r"\bfor\s+(?P<rest>.+)$", label)
    if m:
        return m.group("rest").strip()
    without_years = " ".join(re.sub(r"\([^)]*years?[^)]*\)", " ", label).split())
    rest = " ".join(_STAT_WORDS.sub(" ", without_years).split())
    if not rest.strip(" ()/-"):
        return None
    # A label that only adds statistic words keeps its name: "Head of AI average yearly salary" -> "Head of AI".
    return label.strip() if rest == without_years else rest


def _segment_type(name: str, context: str | None) -> str | None:
    for text in (context, name):
        if not text:
            continue
        for kind, rx in _SEGMENT_TYPES:
            if rx.search(text):
                return kind
    return None


def _subject(text: str) -> str | None:
    m = re.match(r"^(?P<subj>.{3,90}?)\s+(?:offer|pay|earn|command|see|can|may|typically|tend)\b", text)
    return m.group("subj") if m else None


def _years(label: str) -> tuple[int | None, int | None]:
    m = _YEARS.search(label)
    if not m:
        return None, None
    low = int(m.group("a"))
    high = int(m.group("b")) if m.group("b") else None
    return low, high


def _reference_year(sentence: Sentence) -> int | None:
    heading = sentence.section.top.heading_text or ""
    m = _YEAR_IN_HEADING.search(heading)
    return int(m.group(0)) if m else None
