"""Salaries and bonuses: only money paid to a role.

A money amount is pay when it sits in a salary section or its sentence says
pay ("salary", "compensation", "earn", "paid"), and never when the sentence
speaks of revenue, markets, investment, budgets, prices or credits. Figures
in market-wide sections (industry trends) count only when the sentence names
the role itself: "some compensation packages reaching up to $1 million" is
about the industry, not this role.
"""
from __future__ import annotations

import re

from roledata.extract.context import Sentence, iter_sentences, provenance
from roledata.extract.money import ANNUAL_FACTOR, Money, find_money, find_percents
from roledata.parse.outline import Outline
from roledata.text import Span, stable_id

PAY_CUE = re.compile(
    r"\b(?:salar(?:y|ies)|pay|paid|pays|compensation|comp|earn(?:s|ing)?|wages?|income|"
    r"base|OTE|stipend|package|post(?:s|ed)? at|per hour|hourly|annual)\b",
    re.I,
)
NOT_PAY_CUE = re.compile(
    r"\b(?:revenue|market(?:s)? (?:size|value|is|was|will|to)|market size|invest\w*|fund(?:s|ing|ed)?|"
    r"budgets?|credits?|pric(?:e|es|ed|ing)|fees?|licen[cs]\w*|per seat|subscriptions?|valuation|customers?|raised|allocat\w*|spend\w*|sales|"
    r"GDP|economy|cost(?:s)?|worth)\b",
    re.I,
)
_LARGE_SCALES = {"billion", "trillion", "crore", "lakh"}
_MARKET_WIDE = {"trends"}
_SKIP = frozenset({"cover_letter", "related_roles"})

_STATISTICS = (
    ("p10", re.compile(r"\b(?:bottom|lowest|lower) 10\s?%|\b10th percentile", re.I)),
    ("p25", re.compile(r"\b(?:bottom|lowest|lower) 25\s?%|\b25th percentile", re.I)),
    ("p75", re.compile(r"\b(?:top|highest|upper) 25\s?%|\b75th percentile", re.I)),
    ("p90", re.compile(r"\b(?:top|highest|upper) 10\s?%|\b90th percentile", re.I)),
    ("median", re.compile(r"\bmedian\b", re.I)),
    ("average", re.compile(r"\b(?:average|mean|avg)\b", re.I)),
    ("minimum", re.compile(r"\b(?:minimum|min|lowest|starting)\b", re.I)),
    ("maximum", re.compile(r"\b(?:maximum|max|highest)\b", re.I)),
)
_COMPONENTS = (
    ("total_cash", re.compile(r"\btotal cash\b", re.I)),
    ("total", re.compile(r"\b(?:total (?:compensation|comp|pay|package|earnings|remuneration)|OTE)\b", re.I)),
    ("base", re.compile(r"\bbase\b", re.I)),
)
_ERA = re.compile(
    r"\b(?:before|after|prior to|until|since)\s+(?:the\s+)?(?:(?:19|20)\d\d\b|"
    r"(?:[A-Z0-9][\w.-]*\s+)+(?:moment|era|boom|wave|launch|release|pandemic)\b)"
)
_AT_PLACE = re.compile(r"^(?:At|In|Among|For)\s+(?P<seg>[^,]{3,80}),")
_YEARS = re.compile(r"(?P<a>\d{1,2})\s*(?:\+|(?:–|—|-|to)\s*(?P<b>\d{1,2}))?\s*(?:\+\s*)?(?:years?|yrs?)", re.I)
_YEAR_IN_HEADING = re.compile(r"\b(?:19|20)\d\d\b")

# Segment words, tried on the group/sub-heading first, then on the label text.
_SEGMENT_TYPES = (
    ("experience_level", re.compile(r"\b(?:entry|junior|mid|senior|executive|experience|level|years?|seniority|career stage)\b", re.I)),
    ("location", re.compile(r"\b(?:location|geograph\w*|region\w*|cit(?:y|ies)|metro\w*|hubs?|area|state|country|remote|national|San Francisco|New York|Seattle|Boston|Austin|London|Europe|Asia)\b", re.I)),
    ("industry", re.compile(r"\b(?:industr\w*|sectors?|finance|healthcare|tech|software|academia|research|government|retail|banking)\b", re.I)),
    ("company_type", re.compile(r"\b(?:compan(?:y|ies)|startups?|enterprises?|firms?|labs?|FAANG|big tech)\b", re.I)),
    ("title_variant", re.compile(r"\b(?:roles?|titles?|variations?|positions?|Engineer|Director|Manager|Head|President|VP|Lead|Officer|Scientist|Architect)\b")),
)
# Words that only say which statistic or which pay: removed before a label names a segment.
_STAT_WORDS = re.compile(
    r"\b(?:median|average|mean|avg|typical|broad(?:er)?|general|overall|national|annual|yearly|"
    r"salary|salaries|pay|range|ranges|compensation|total|cash|base|minimum|maximum|estimated|"
    r"earnings|income|us|u\.s\.)\b",
    re.I,
)


def extract_salaries(outline: Outline, document_id: str, role_id: str, role_names: list[str]) -> list[dict]:
    rows: list[dict] = []
    for sentence in iter_sentences(outline, _SKIP):
        amounts = find_money(sentence.span)
        for i, money in enumerate(amounts):
            if not _is_pay(sentence, money, role_names):
                continue
            clause = _clause(sentence.span, amounts, i)
            rows.append(_salary_row(document_id, role_id, sentence, money, clause))
    return rows


def listed_role_salary(document_id: str, role_id: str, pay: Span, heading: Span | None) -> dict | None:
    """A pay range printed beside a role in a "More in ..." list."""
    amounts = find_money(pay)
    if not amounts:
        return None
    money = amounts[0]
    row = _money_columns(money)
    row.update(
        salary_id=stable_id(document_id, role_id, money.span.start),
        role_id=role_id,
        pay_component="unspecified",
        statistic="range" if money.is_range else "point",
        segment_type="overall",
        segment=None,
        experience_years_min=None,
        experience_years_max=None,
        reference_year=None,
        amount_text=money.span.text,
        document_id=document_id,
        section_heading=heading.text if heading else None,
        char_start=pay.start,
        char_end=pay.end,
        text=pay.text,
    )
    return row


def _is_pay(sentence: Sentence, money: Money, role_names: list[str]) -> bool:
    context = sentence.span.text + " " + (sentence.label.text if sentence.label else "")
    if money.scale in _LARGE_SCALES or NOT_PAY_CUE.search(context):
        return False
    in_salary_section = sentence.section.kind == "salary" or sentence.section.top.kind == "salary"
    if not (in_salary_section or PAY_CUE.search(context)):
        return False
    if sentence.section.top.kind in _MARKET_WIDE:
        low = context.lower()
        return any(name.lower() in low for name in role_names if name)
    if money.scale == "million":
        return False  # "$4.2M", "$1 million": pay pages state salaries in thousands
    return True


def _clause(span: Span, amounts: list[Money], i: int) -> str:
    """The text around amount i, up to its neighbours: cues belong to the nearest amount."""
    start = amounts[i - 1].span.end - span.start if i > 0 else 0
    end = amounts[i + 1].span.start - span.start if i + 1 < len(amounts) else len(span.text)
    return span.text[start:end]


def _salary_row(document_id: str, role_id: str, sentence: Sentence, money: Money, clause: str) -> dict:
    label = sentence.label.text if sentence.label else ""
    cue_text = f"{label} {clause}"
    statistic = next((name for name, rx in _STATISTICS if rx.search(cue_text)), None)
    if statistic is None:
        statistic = "range" if money.is_range or money.open_ended else "point"
    component = next((name for name, rx in _COMPONENTS if rx.search(cue_text)), "unspecified")
    segment_type, segment, years = _segment(sentence, money, clause)
    row = _money_columns(money)
    row.update(
        salary_id=stable_id(document_id, role_id, money.span.start, money.span.end),
        role_id=role_id,
        pay_component=component,
        statistic=statistic,
        segment_type=segment_type,
        segment=segment,
        experience_years_min=years[0],
        experience_years_max=years[1],
        reference_year=_reference_year(sentence),
        amount_text=money.span.text,
    )
    row.update(provenance(document_id, sentence.section, _row_span(sentence)))
    return row


def _row_span(sentence: Sentence) -> Span:
    """The label and its value when the line has a label, else the sentence."""
    if sentence.label is not None:
        line = sentence.line.content
        return line.sub(sentence.label.start - line.start, sentence.span.end - line.start)
    return sentence.span


def _money_columns(money: Money) -> dict:
    period = money.period or "year"
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


_BONUS = re.compile(r"\bbonus(?:es)?\b", re.I)


def extract_bonuses(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    """`Bonuses: Typically 15-25% of total compensation` -> pct 15..25, basis total_compensation."""
    rows: list[dict] = []
    for sentence in iter_sentences(outline, _SKIP):
        context = f"{sentence.label.text if sentence.label else ''} {sentence.span.text}"
        if not _BONUS.search(context):
            continue
        for pct in find_percents(sentence.span):
            after = sentence.span.text[pct.span.end - sentence.span.start:][:60].lower()
            if "total comp" in after or "total pay" in after:
                basis = "total_compensation"
            elif "salary" in after or "base" in after:
                basis = "base_salary"
            else:
                basis = "unspecified"
            row = {
                "bonus_id": stable_id(document_id, role_id, pct.span.start),
                "role_id": role_id,
                "pct_min": pct.value,
                "pct_max": pct.value_max if pct.value_max is not None else pct.value,
                "basis": basis,
            }
            row.update(provenance(document_id, sentence.section, _row_span(sentence)))
            rows.append(row)
    return rows
