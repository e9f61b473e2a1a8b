"""Salaries and bonuses: only money paid to a role.

A money amount is pay when it sits in a salary section or its sentence says
pay ("salary", "compensation", "earn", "paid"), and never when the words
around it speak of revenue, markets, investment, budgets, prices or credits,
or name a benefit ("$750 signing bonus", "$2,000 learning stipend"). Figures
in market-wide sections (industry trends) count only when the sentence names
the role itself: "some compensation packages reaching up to $1 million" is
about the industry, not this role.

Pages also state pay in structures without a sentence: a figure line with
its label on the line before or after (stat cards: "Median Pay" / "$41.20
hourly"), a lead-in line ("Our estimate of the range" / "$88,000 — $121,000
USD"), a bullet list or pipe table opened by a pay line, a pay line a parser
took for a heading, and a line that is only a figure under the money emoji.
An hourly figure is pay only like any other (a pay word, a pay section, a
stat card): "rent GPUs for $30/hr" is a price. Money owed, paid for study or
won (debt, loans, tuition, rent, grants, prizes, scholarships) is never pay. Two figures
written as one range ("$38/hr to $44/hr", "from $X in one market to $Y in
another") become one row. The period is the one written on the figure, right
after it or in its label; a bare small pay rate is hourly; else a year. Rows
are emitted as read: the row checks reject an implausible figure (a year's pay
outside 10,000-10 million, a top over ten times the bottom) with its reason,
so a typo on a page shows in `rejects` rather than vanishing.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from roledata.extract.context import Sentence, iter_sentences, provenance
from roledata.extract.money import ANNUAL_FACTOR, Money, find_money, find_percents
from roledata.parse.outline import Outline
from roledata.parse.structure import Line, split_label
from roledata.text import DASH, Span, fold, has_digit

PAY_CUE = re.compile(
    r"\b(?:salar(?:y|ies)|pay|paid|pays|compensation|comp|earn(?:s|ed|ing|ings)?|paying|wages?|income|(?:pay|hourly|starting|base) rates?|"
    r"base|OTE|stipend|package|post(?:s|ed)? at|per hour|hourly|annual)\b",
    re.I,
)
NOT_PAY_CUE = re.compile(
    r"\b(?:revenue|market(?:s)? (?:size|value|is|was|will|to)|market size|invest\w*|fund(?:s|ing|ed)?|"
    r"budgets?|credits?|pric(?:e|es|ed|ing)|fees?|licen[cs]\w*|per seat|subscriptions?|valuation|customers?|raised|allocat\w*|spend\w*|sales|"
    r"GDP|economy|(?<!living )(?<!-)cost(?:s)?(?! of living)|worth|deals?|contracts? (?:above|over|worth|valued|values?|sizes?|of \$)|"
    # money a person owes, pays or wins, never what a role pays: debt, tuition, rent, a grant or a prize
    r"debts?|loans?|tuition|rent(?:s|al|ed|ing)?|(?<!equity )(?<!stock )grants?|prizes?|awards?|scholarships?|fellowships?)\b",
    re.I,
)
# Never a salary at these scales; a lakh figure is pay only with a period or a pay word ("₹12 LPA").
_NEVER_PAY_SCALES = frozenset({"billion", "trillion", "crore"})
_MARKET_WIDE = {"trends"}
_SKIP = frozenset({"cover_letter", "related_roles"})

_STATISTICS = (
    ("p10", re.compile(r"\b(?:bottom|lowest|lower) (?:10\s?%|10 percent|ten percent)|\b10th percentile|"
                       r"\b(?:10|ten) percent (?:of [\w ]{0,40}?)?earned less", re.I)),
    ("p25", re.compile(r"\b(?:bottom|lowest|lower) (?:25\s?%|25 percent)|\b25th percentile", re.I)),
    ("p75", re.compile(r"\b(?:top|highest|upper) (?:25\s?%|25 percent)|\b75th percentile", re.I)),
    ("p90", re.compile(r"\b(?:top|highest|upper) (?:10\s?%|10 percent|ten percent)|\b90th percentile", re.I)),
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


# Pay words glued to the word before in pasted postings: "Schedule: Part-timeSalary: $37.50".
_GLUED_PAY_CUE = re.compile(r"(?<=[A-Za-z])(?:Pay|Salary|Compensation|Wages?|Hourly)\b")
_SALARY_HEADING = re.compile(r"\b(?:salar|compensation|pay\b|wages?\b|earnings)", re.I)
# A heading that is only a rate: "Rate", "Hourly rate", "Contract rates".
_RATE_HEADING = re.compile(r"^(?:(?:hourly|daily|day|weekly|contract(?:or)?|pay)\s+)?rates?\s*:?$", re.I)
# A short label that only names a statistic: "Median: $98,340".
_STAT_LABEL = re.compile(r"^(?:\w+\s)?(?:median|average|mean)(?:\s\w+)?$", re.I)
_RANGE_LABEL = re.compile(r"\b(?:range|rate)\b", re.I)
_RANGE_WORD = re.compile(r"\b(?:range|rate|between|starting|starts)\b", re.I)
# Words a stat-card label or a lead-in line uses for pay: "Median Pay", "Reasonable estimate of the range".
_LABEL_CUE = re.compile(
    r"\b(?:median|average|mean|range|rate|estimated?|OTE|on[- ]target|targeted cash|total cash)\b", re.I)
_PAY_EMOJI = frozenset("💰💵💲🤑")
# What a benefit's money is called: "$750 signing bonus", "$2,000 learning stipend",
# "reimbursed up to $180", "CA$500 wellness account", "Referral program: ... $350".
_BENEFIT = re.compile(
    r"\b(?:allowances?|reimburs\w*|bonus(?:es)?|budgets?|credits?|match(?:ing)?|discounts?|perks?|"
    r"referr\w*|sign[- ]?on|signing|tuition|gym|401\s?\(?k\)?|insurance|"
    r"(?:learning|education(?:al)?|training|housing|phone|mobile|internet|wellness|well-being|home[- ]office|"
    r"fitness|commuter|transit|relocation|equipment|meal|lunch|childcare|conference)\s+"
    r"(?:stipends?|accounts?|benefits?|programs?|memberships?|funds?|spending))\b",
    re.I,
)
_BEFORE_STOP = re.compile(r"[+;:,(.]|\b(?:plus|and|with|or)\b", re.I)
_PAY_NOUN = re.compile(r"\b(?:salar(?:y|ies)|pay|wages?|rates?|compensation|earnings|OTE|base)\b", re.I)
_PERIOD_WORDS = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "year": "year", "yr": "year", "annum": "year",
    "annual": "year", "annually": "year", "yearly": "year", "month": "month", "mo": "month",
    "monthly": "month", "week": "week", "wk": "week", "weekly": "week", "day": "day", "daily": "day",
}
# Right after the figure, as pasted postings write it: "$41.00 USD Hourly", "$32 - $35/Hr",
# "$16-/hr", "67,500.00 USD PER YEAR", "$93,000.00 per yearPerks".
_PERIOD_AFTER = re.compile(
    r"\s*-?\s*(?:(?:USD|US|CAD|AUD|EUR|GBP)\b\.?\s*)?(?:(?:gross|net|before tax(?:es)?)\s+)?(?:"
    r"(?:/|per\b|an?\b|each\b)\s*(?P<p>hour|hr|year|yr|annum|month|mo|week|wk|day)s?(?!(?-i:[a-z]))"
    r"|(?P<q>hourly|annually|annual|yearly|monthly|weekly|daily)(?!(?-i:[a-z])))",
    re.I,
)
# In the words before the figure or its label: "Hourly wage offered is $19.35", "median annual wage ... $X".
_PERIOD_BEFORE = re.compile(r"\b(hourly|monthly|weekly|daily|annual|annually|yearly|per hour|an hour|per month|per annum|per year)\b", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Currencies whose pay the warehouse checks against a year's 10,000 to 10 million.
_HOURLY_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "GBP", "EUR", "CHF"})
_RATE_CUE = re.compile(r"\b(?:pay|rate|wages?|salar(?:y|ies)|range|compensation|earn\w*)\b", re.I)
_RANGE_GAP = re.compile(
    r"\s*(?:(?:USD|US|CAD)\b\s*)?(?:(?:/|per\b|an?\b)\s*(?:year|yr|hour|hr|annum|month|week)s?\s*|"
    rf"(?:hourly|annually|yearly|monthly|weekly)\s*)?(?:{DASH}|to)\s*(?:(?:USD|US|CAD)\s*|Â)?",
    re.I,
)
_AND_GAP = re.compile(r"\s*(?:USD\s*)?and\s*", re.I)


@dataclass(frozen=True, slots=True)
class _Near:
    """The words right around one amount, never reaching into its neighbours."""

    before: str
    after: str
    prefix_emoji: bool

    @staticmethod
    def of(span: Span, amounts: list[Money], i: int) -> "_Near":
        text = span.text
        money = amounts[i]
        start, end = money.span.start - span.start, money.span.end - span.start
        low = amounts[i - 1].span.end - span.start if i > 0 else 0
        high = amounts[i + 1].span.start - span.start if i + 1 < len(amounts) else len(text)
        before = text[max(low, start - 90):start]
        emoji = i == 0 and bool(before) and any(ch in _PAY_EMOJI for ch in before) and not any(
            ch.isalnum() for ch in before)
        return _Near(before, text[end:min(high, end + 60)], emoji)


def _join_ranges(span: Span, amounts: list[Money]) -> list[Money]:
    """Two figures written as one range: "$30/hr to $35/hr", "USD$133,000 per year - USD$149,000 per year",
    "58,200.00 USD PER YEAR - 71,900.00 USD PER YEAR", "band ... lies between $46,800 and $61,300",
    "from $136,000/year in the lowest-cost market to $212,800/year in the highest"."""
    if len(amounts) < 2:
        return amounts
    out: list[Money] = []
    i = 0
    while i < len(amounts):
        joined = _joined(span, amounts[i], amounts[i + 1]) if i + 1 < len(amounts) else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(amounts[i])
            i += 1
    return out


def _joined(span: Span, a: Money, b: Money) -> Money | None:
    if a.is_range or b.is_range or a.open_ended or a.amount_min is None or a.currency != b.currency:
        return None
    if a.scale != b.scale or (a.period and b.period and a.period != b.period):
        return None
    high = b.amount_min if b.amount_min is not None else b.amount_max
    if high is None or not a.amount_min < high <= 10 * a.amount_min:
        return None
    text = span.text
    gap = text[a.span.end - span.start:b.span.start - span.start]
    before = text[max(0, a.span.start - span.start - 60):a.span.start - span.start]
    lead = before.rstrip().lower()
    if _RANGE_GAP.fullmatch(gap):
        pass
    elif _AND_GAP.fullmatch(gap):
        if not (lead.endswith("between") or "range" in lead or not any(ch.isalnum() for ch in before)):
            return None
    elif len(gap) <= 60 and not any(ch.isdigit() for ch in gap):
        words = gap.lower().split()
        if not ((lead.endswith("between") and "and" in words) or (lead.endswith("from") and "to" in words)):
            return None
    else:
        return None
    return Money(
        span=span.sub(a.span.start - span.start, b.span.end - span.start),
        amount_min=a.amount_min,
        amount_max=high,
        open_ended=b.open_ended,
        currency=a.currency,
        period=a.period or b.period,
        scale=a.scale,
        qualifier=a.qualifier,
    )


def _heading_sentences(outline: Outline) -> list[Sentence]:
    """Pay lines a parser took for headings: "Salary: USD 64500 - 91500 per year",
    "83,250.00 - 97,750.00 USD per year" under a heading such as "Expected Pay For The Role"."""
    out: list[Sentence] = []
    for section in outline.sections:
        heading = section.heading
        if heading is None or section.kind in _SKIP or not has_digit(heading.text):
            continue
        line = Line(number=-1, content=heading, is_bullet=False, indent=0)
        label, value = split_label(heading)
        out.append(Sentence(value, line, section, label, None))
    return out


def _is_figure_line(sentence: Sentence, first: Money) -> bool:
    """A line that is a figure and little else: "$117K-$236K", "$61,400 — $79,800 USD",
    "💰 $135,000 - $210,000+", "$39.60 hourly"."""
    line = sentence.line.content
    if sentence.span.start != line.start or len(line.text.split()) > 16:
        return False
    return not any(ch.isalnum() for ch in line.text[:first.span.start - line.start])


class _PageLines:
    """Every line of the page in order, headings included: a stat card's label may be a heading."""

    def __init__(self, outline: Outline) -> None:
        self.spans: list[Span] = []
        self.bullet: list[bool] = []
        self.index: dict[int, int] = {}
        for section in outline.sections:
            if section.heading is not None:
                self.spans.append(section.heading)
                self.bullet.append(False)
            for line in section.lines:
                self.index[line.content.start] = len(self.spans)
                self.spans.append(line.content)
                self.bullet.append(line.is_bullet)

    def card_label(self, line: Line) -> Span | None:
        """The label of a figure line: the line before ("Median Pay" / "$39.60 hourly" / "$82,370
        annual", "Pay for this opening will be" / "$72,000 - $143,000"), else the
        line after ("$96K" / "Median Salary")."""
        i = self.index.get(line.content.start)
        if i is None:
            return None
        j = i - 1
        while j >= 0 and i - j <= 3 and _starts_with_money(self.spans[j]):
            j -= 1
        if j >= 0 and i - j <= 3 and _label_before(self.spans[j]):
            return self.spans[j]
        if i + 1 < len(self.spans) and _label_after(self.spans[i + 1].text):
            return self.spans[i + 1]
        return None

    def lead_in(self, line: Line) -> Span | None:
        """The line that opens a bullet list, when it announces pay: "Salaries reported in 2025:"."""
        i = self.index.get(line.content.start)
        if i is None:
            return None
        j = i - 1
        while j >= 0 and i - j <= 20 and self.bullet[j]:
            j -= 1
        if j < 0 or i - j > 20:
            return None
        text = self.spans[j].text
        if text.endswith(":") and len(text.split()) <= 15 and _has_pay_cue(text) and not NOT_PAY_CUE.search(text):
            return self.spans[j]
        return None

    def local_heading(self, line: Line) -> Span | None:
        """A short question or title line a parser left among the paragraphs ("How much does it pay?"),
        when it names pay and stands at most a few lines above."""
        i = self.index.get(line.content.start)
        if i is None:
            return None
        for j in range(i - 1, max(-1, i - 5), -1):
            text = self.spans[j].text
            if self.bullet[j] or len(text.split()) > 8 or text[-1] in ".,;:!":
                continue
            if _SALARY_HEADING.search(text) and not NOT_PAY_CUE.search(text) and not find_money(self.spans[j]):
                return self.spans[j]
            return None
        return None

    def table_header(self, line: Line) -> Span | None:
        """The header row of a pipe table whose rows carry pay: "| Level | Base salary (USD) |"."""
        i = self.index.get(line.content.start)
        if i is None:
            return None
        j = i
        while j - 1 >= 0 and i - j < 40 and self.spans[j - 1].text.startswith("|"):
            j -= 1
        header = self.spans[j]
        if j == i or not _has_pay_cue(header.text) or NOT_PAY_CUE.search(header.text):
            return None
        return header


def _starts_with_money(span: Span) -> bool:
    text = span.text
    if len(text) > 120 or not any(ch.isdigit() for ch in text):
        return False
    amounts = find_money(span)
    return bool(amounts) and not any(ch.isalnum() for ch in text[:amounts[0].span.start - span.start])


def _label_before(span: Span) -> bool:
    text = span.text
    if any(ch in "$€£₹¥" for ch in text) or find_money(span):
        return False
    if NOT_PAY_CUE.search(text) or (_BENEFIT.search(text) and not PAY_CUE.search(text)):
        return False
    if len(text.split()) <= 12:
        return bool(_has_pay_cue(text) or _LABEL_CUE.search(text))
    tail = text[-250:]
    return _has_pay_cue(tail)


def _label_after(text: str) -> bool:
    words = text.split()
    if len(words) > 6 or text[-1] in ".!?:" or any(ch.isdigit() for ch in text):
        return False
    if NOT_PAY_CUE.search(text) or _BENEFIT.search(text):
        return False
    return bool(PAY_CUE.search(text) or re.search(r"\b(?:median|average|mean)\b", text, re.I))



def extract_salaries(outline: Outline, document_id: str, role_id: str, role_names: list[str]) -> list[dict]:
    rows: list[dict] = []
    lines: _PageLines | None = None
    sentences = iter_sentences(outline, _SKIP)
    headings = _heading_sentences(outline)
    if headings:
        sentences = heapq.merge(sentences, headings, key=lambda s: s.span.start)
    for sentence in sentences:
        if _DIGIT.search(sentence.span.text) is None:
            continue  # every amount has a digit: most sentences have none
        amounts = _join_ranges(sentence.span, find_money(sentence.span))
        if not amounts:
            continue
        card: Span | None = None
        figure = sentence.label is None and _is_figure_line(sentence, amounts[0])
        if figure:
            lines = lines or _PageLines(outline)
            card = lines.card_label(sentence.line)
        elif sentence.line.content.text.startswith("|"):
            lines = lines or _PageLines(outline)
            card = lines.table_header(sentence.line)
        if card is None and sentence.line.is_bullet:
            lines = lines or _PageLines(outline)
            card = lines.lead_in(sentence.line)
        if card is None and not _in_salary_section(sentence) and not _has_pay_cue(sentence.span.text):
            lines = lines or _PageLines(outline)
            card = lines.local_heading(sentence.line)
        for i, money in enumerate(amounts):
            near = _Near.of(sentence.span, amounts, i)
            if not _is_pay(sentence, money, near, role_names, card, figure):
                continue
            clause = _clause(sentence.span, amounts, i)
            row = _salary_row(document_id, role_id, sentence, money, clause, near, card)
            if row is not None:
                rows.append(row)
    return rows


def listed_role_salary(document_id: str, role_id: str, pay: Span, heading: Span | None) -> dict | None:
    """A pay range printed beside a role in a "More in ..." list."""
    amounts = find_money(pay)
    if not amounts:
        return None
    money = amounts[0]
    row = _money_columns(money)
    row.update(
        salary_id=None,
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


def _is_pay(sentence: Sentence, money: Money, near: "_Near", role_names: list[str], card: Span | None,
            figure: bool) -> bool:
    label = sentence.label.text if sentence.label else ""
    card_text = card.text if card is not None else ""
    if money.scale in _NEVER_PAY_SCALES or money.scale == "million":
        return False  # "$4.2M", "$1 million": pay pages state salaries in thousands
    local = f"{label} | {near.before} | {near.after}"
    if NOT_PAY_CUE.search(local) or (card_text and NOT_PAY_CUE.search(card_text)):
        return False
    if _is_benefit(label, near):
        return False
    if money.scale == "lakh" and not (money.period or _has_pay_cue(local)):
        return False  # "₹12 LPA" and "₹8 lakh a year" are pay; a bare lakh figure may be anything
    if card is not None:
        return True
    context = f"{sentence.span.text} {label}"
    if sentence.section.top.kind in _MARKET_WIDE:
        low = context.lower()
        return any(name.lower() in low for name in role_names if name)
    stated = _stated_period(money, near)
    if _has_pay_cue(context) or (figure and stated):
        return True  # a pay word ("earn $24/hr"), or a figure line "$141,250/year to $198,500/year"
    if _in_salary_section(sentence):
        return True
    if near.prefix_emoji and not near.after.strip(" +"):
        return True  # "💰 $135,000 - $210,000+": a line that is only a figure under the money emoji
    if _STAT_LABEL.search(label) or (len(label.split()) <= 4 and _RANGE_LABEL.search(label)):
        return True  # "Median: $98,340", "Starting Range: $27.80"
    return _pay_earlier_in_line(sentence)


def _in_salary_section(sentence: Sentence) -> bool:
    section = sentence.section
    if section.kind == "salary" or section.top.kind == "salary":
        return True
    # A salary sub-heading under a market section keeps its parent's kind: "Average Salary Ranges:".
    # So does a heading that only asks about pay: "Pay", "How much does it pay?".
    heading = section.heading_text
    return bool(heading) and len(heading.split()) <= 8 and bool(
        _SALARY_HEADING.search(heading) or _RATE_HEADING.match(heading))


def _has_pay_cue(text: str) -> bool:
    return bool(PAY_CUE.search(text) or _GLUED_PAY_CUE.search(text))


def _pay_earlier_in_line(sentence: Sentence) -> bool:
    """"... determining a salary range ... This opening's band is $58,000 - $71,500.": the
    paragraph's earlier sentence says pay, and this one names a range or rate."""
    line = sentence.line.content
    if sentence.span.start <= line.start or not _RANGE_WORD.search(sentence.span.text):
        return False
    earlier = line.text[max(0, sentence.span.start - line.start - 300):sentence.span.start - line.start]
    return _has_pay_cue(earlier) and not NOT_PAY_CUE.search(earlier[-120:])


def _is_benefit(label: str, near: "_Near") -> bool:
    """Money a benefit names: "$2,000 yearly learning stipend", "$750 signing bonus",
    "Referral program: ... earn $350", "reimbursed up to $180"."""
    if _BENEFIT.search(label) and not PAY_CUE.search(label):
        return True
    # The words the figure modifies, up to a stop or a glued field boundary ("per yearBenefits:", "DOEGenerous").
    head = _BEFORE_STOP.split(_GLUED.split(near.after, maxsplit=1)[0], maxsplit=1)[0]
    if _BENEFIT.search(" ".join(head.split()[:4])):
        return True
    last_benefit = None
    for m in _BENEFIT.finditer(near.before):
        last_benefit = m
    if last_benefit is None:
        return False
    return not any(p.start() > last_benefit.start() for p in _PAY_NOUN.finditer(near.before))


def _clause(span: Span, amounts: list[Money], i: int) -> str:
    """The text around amount i, up to its neighbours: cues belong to the nearest amount."""
    start = amounts[i - 1].span.end - span.start if i > 0 else 0
    end = amounts[i + 1].span.start - span.start if i + 1 < len(amounts) else len(span.text)
    return span.text[start:end]


def _salary_row(document_id: str, role_id: str, sentence: Sentence, money: Money, clause: str,
                near: "_Near", card: Span | None) -> dict | None:
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
    period = _period(money, near, label, card_text)
    row = _money_columns(money, period)
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
    )
    row.update(provenance(document_id, sentence.section, _row_span(sentence)))
    return row


def _period(money: Money, near: "_Near", label: str, card_text: str) -> str:
    """As written on the figure ("$95/hour"), right after it ("$41.00 USD Hourly", "$32 - $35/Hr"),
    in its label or the words just before it ("Hourly Rate: $24", "Hourly wage offered is $19.35");
    a bare small figure of a pay rate ("Pay rate: $23 - $26") is hourly; else a year."""
    stated = _stated_period(money, near)
    if stated:
        return stated
    for text in (_CAMEL.sub(" ", near.before[-50:]), label, card_text):
        found = None
        for found in _PERIOD_BEFORE.finditer(text):
            pass
        if found is not None:
            return _PERIOD_WORDS[found.group(1).lower().replace("per ", "").replace("an ", "")]
    top = max(x for x in (money.amount_min, money.amount_max) if x is not None)
    if (money.scale is None and money.currency in _HOURLY_CURRENCIES and 7 <= top <= 200
            and _RATE_CUE.search(f"{near.before[-60:]} {label} {card_text}")):
        return "hour"
    return "year"


def _stated_period(money: Money, near: "_Near") -> str | None:
    if money.period:
        return money.period
    m = _PERIOD_AFTER.match(near.after)
    return _PERIOD_WORDS[(m.group("p") or m.group("q")).lower()] if m else None


def _row_span(sentence: Sentence) -> Span:
    """The label and its value when the line has a label, else the sentence."""
    if sentence.label is not None:
        line = sentence.line.content
        return line.sub(sentence.label.start - line.start, sentence.span.end - line.start)
    return sentence.span


def _money_columns(money: Money, period: str | None = None) -> dict:
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


_DIGIT = re.compile(r"\d")
_BONUS = re.compile(r"\bbonus(?:es)?\b", re.I)


def extract_bonuses(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    """`Bonuses: Typically 15-25% of total compensation` -> pct 15..25, basis total_compensation."""
    rows: list[dict] = []
    if "bonus" not in fold(outline.text):
        return rows  # every sentence and label is page text: one check for the page
    for sentence in iter_sentences(outline, _SKIP):
        if "bonus" not in fold(sentence.span.text) and not (sentence.label and "bonus" in fold(sentence.label.text)):
            continue  # cheap check first: most sentences never say "bonus"
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
                "bonus_id": None,
                "role_id": role_id,
                "pct_min": pct.value,
                "pct_max": pct.value_max if pct.value_max is not None else pct.value,
                "basis": basis,
            }
            row.update(provenance(document_id, sentence.section, _row_span(sentence)))
            rows.append(row)
    return rows
