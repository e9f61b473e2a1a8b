"""Salaries: only money paid to a role.

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

Here: the walk over the page's figures, ranges and listed roles' pay. The
words that make a figure pay are in `pay_cues`, the lines around a figure in
`pay_lines`, a row's columns in `pay_columns`; bonuses in `bonuses`.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import replace

from roledata.extract.context import PageContext, iter_sentences
from roledata.extract.money import Money, find_money
from roledata.extract.pay_bare import figure_alone, governed_figures, labelled_figure, range_line
from roledata.extract.pay_columns import Near, money_columns, salary_row, stated_period
from roledata.extract.pay_cues import NOT_PAY_KINDS, has_pay_cue, in_salary_section, is_benefit, is_pay, names_benefit_money
from roledata.extract.pay_lines import PageLines, heading_sentences, is_figure_line
from roledata.extract.pay_owner import PayOwners
from roledata.extract.pay_tables import within_cell
from roledata.parse.outline import Outline
from roledata.text import DASH, LazyPattern, Span

_RANGE_GAP = LazyPattern(
    r"\s*(?:(?:USD|US|CAD)\b\s*)?(?:(?:/|per\b|an?\b)\s*(?:year|yr|hour|hr|annum|month|week)s?\s*|"
    rf"(?:hourly|annually|yearly|monthly|weekly)\s*)?(?:{DASH}|to)\s*(?:(?:USD|US|CAD)\s*|Â)?",
    re.I,
)
# A label naming a statistic of pay, over a bare figure: "50th percentile", "Median", "Low".
_STATISTIC_LABEL = LazyPattern(r"\b(?:percentile|median|average|mean|low|high|entry|starting|top)\b", re.I)
# Words that carry on from the figure before: "a bonus of $X, with a range from $Y - $Z", "or up to $W".
_CONTINUES = LazyPattern(r"[\s,;(]*(?:with |and |or )?(?:an? )?(?:range|ranging|up to|between|from|to)\b[^.;]*$", re.I)
_AND_GAP = LazyPattern(r"\s*(?:USD\s*)?and\s*", re.I)
_DIGIT = LazyPattern(r"\d")


def extract_salaries(outline: Outline, context: PageContext) -> list[dict]:
    """Every figure the page pays its role (rules in the module's docstring), in page order,
    then the pay printed beside each role a "More in ..." list names, as that role's row."""
    document_id, role_id = context.document_id, context.role_id
    rows: list[dict] = []
    lines: PageLines | None = None
    owners: PayOwners | None = None
    page_currency: str | None = None  # the first currency the page prints: a bare figure's in a pay table
    sentences = iter_sentences(outline, NOT_PAY_KINDS)
    headings = heading_sentences(outline)
    if headings:
        sentences = heapq.merge(sentences, headings, key=lambda s: s.span.start)
    for sentence in sentences:
        if _DIGIT.search(sentence.span.text) is None:
            continue  # every amount has a digit: most sentences have none
        found = find_money(sentence.span)
        if bare := governed_figures(sentence.span, found, page_currency):  # "a median salary of 123,110"
            found = sorted(found + bare, key=lambda m: m.span.start)
        if not found and sentence.label is not None and (
                labelled := labelled_figure(sentence.span, sentence.label.text, page_currency)) is not None:
            found = [labelled]  # "Salary: 42k to 50k"
        bare_line = alone = None
        if not found and sentence.span.text[:1].isdigit():
            if (bare_line := range_line(sentence.span, page_currency)) is not None:
                found = [bare_line]  # "90000 - 105000 plus bonus": a line that is only a salary range
            elif sentence.label is None and (alone := figure_alone(sentence.span, page_currency)) is not None:
                found = [alone]  # "23.40" under "50th percentile": money only under a statistic's label
        table = None
        if "|" in sentence.line.content.text:
            lines = lines or PageLines(outline)
            if (table := lines.table(sentence.line)) is not None:
                found = sorted(found + table.bare_figures(sentence.line.content, sentence.span, found, page_currency),
                               key=lambda m: m.span.start)
        if found and page_currency is None:
            page_currency = found[0].currency
        amounts = _join_ranges(sentence.span, found)
        if table is not None:
            amounts = table.join_ends(sentence.line.content, amounts)  # "| Min | Max |": one range
        if not amounts:
            continue
        card: Span | None = None
        figure = sentence.label is None and is_figure_line(sentence, amounts[0])
        if bare_line is not None:
            card = sentence.span  # the line says pay by its shape
        if figure or sentence.line.number < 0:  # a figure line, or a pay line taken for a heading
            if figure:
                lines = lines or PageLines(outline)  # (its card label needs them too)
                above = lines.before(sentence.line)
            else:
                above = _heading_before(outline, sentence)
            if above is not None and names_benefit_money(above.text):
                continue  # "Additional Cash Compensation" / "Average ₹1,90,000": a benefit's card
        if figure and card is None:
            lines = lines or PageLines(outline)
            if lines.under_other_roles(sentence.line):
                continue  # a card of a related role: its pay is not this role's
            card = lines.card_label(sentence.line)
        if alone is not None:
            lines = lines or PageLines(outline)
            card = card or lines.card_label(sentence.line, headings=True)
            if card is None or not _STATISTIC_LABEL.search(card.text):
                continue  # a bare number with no statistic's label over it is no pay
        if card is None and sentence.line.is_bullet:
            lines = lines or PageLines(outline)
            card = lines.lead_in(sentence.line)
        if card is None and not in_salary_section(sentence) and not has_pay_cue(sentence.span.text):
            lines = lines or PageLines(outline)
            card = lines.local_heading(sentence.line)
        after_benefit = False
        earlier: tuple | None = None  # the period and amount of the pay figure before, in this sentence
        label = sentence.label.text if sentence.label else ""
        for i, money in enumerate(amounts):
            near = Near.of(sentence.span, amounts, i)
            cell = None
            if table is not None:
                near = within_cell(sentence.line.content, money, near)
                cell = table.label(sentence.line.content, money.span.start)
            if is_benefit(label, near) or (after_benefit and _CONTINUES.match(near.before)):
                after_benefit = True  # "a cash bonus of $X, with a range from $Y - $Z": the range is the bonus's
                continue
            after_benefit = False
            if not is_pay(sentence, money, near, context.role_names, cell or card, figure):
                continue
            owners = owners or PayOwners(context.role_names, outline.source_format == "job_posting")
            clause_start = amounts[i - 1].span.end if i > 0 else sentence.span.start
            if owners.other_role_heading(sentence.section.heading_text) or owners.other_role(
                    sentence.line.content, sentence.span, clause_start, money.span.start, sentence.label is not None):
                continue  # pay, but of another role the page compares with its own
            clause = _clause(sentence.span, amounts, i)
            row = salary_row(document_id, role_id, sentence, money, clause, near, cell or card, earlier)
            if row is not None:
                rows.append(row)
                earlier = (row["period"], row["amount_max"] or row["amount_min"])
    for listed, listed_row in context.listed_roles:
        if listed.pay is not None and (pay := listed_role_salary(document_id, listed_row["role_id"], listed.pay,
                                                                  listed.heading)):
            rows.append(pay)
    return rows


def _heading_before(outline: Outline, sentence) -> Span | None:
    """The line or heading right before a heading sentence: the last of the section before it."""
    if sentence.section.ordinal == 0:
        return None
    before = outline.sections[sentence.section.ordinal - 1]
    return before.lines[-1].content if before.lines else before.heading


def listed_role_salary(document_id: str, role_id: str, pay: Span, heading: Span | None) -> dict | None:
    """A pay range printed beside a role in a "More in ..." list."""
    amounts = find_money(pay)
    if not amounts:
        return None
    money = amounts[0]
    row = money_columns(money)
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
        segment_city=None,
        segment_region=None,
        segment_country=None,
        document_id=document_id,
        section_heading=heading.text if heading else None,
        char_start=pay.start,
        char_end=pay.end,
        text=pay.text,
    )
    return row


def _join_ranges(span: Span, amounts: list[Money]) -> list[Money]:
    """Two figures written as one range: "$30/hr to $35/hr", "USD$133,000 per year - USD$149,000 per year",
    "58,200.00 USD PER YEAR - 71,900.00 USD PER YEAR", "band ... lies between $46,800 and $61,300",
    "from $136,000/year in the lowest-cost market to $212,800/year in the highest", "starts at $23.00 with
    raises up to $24.00/hour"; and two ranges written across parentheses, each end followed by its
    conversion: "AUD 82,000 (₹4,592,067) to AUD 95,000 (₹5,320,077)/year" is 82,000-95,000 and
    4,592,067-5,320,077, both a year."""
    if len(amounts) < 2:
        return amounts
    out: list[Money] = []
    i = 0
    while i < len(amounts):
        if i + 3 < len(amounts) and (pair := _joined_across_brackets(span, amounts[i:i + 4])) is not None:
            out.extend(pair)
            i += 4
            continue
        joined = _joined(span, amounts[i], amounts[i + 1]) if i + 1 < len(amounts) else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(amounts[i])
            i += 1
    return out


_IN_BRACKETS_BEFORE = LazyPattern(r"\s*\(\s*")
_IN_BRACKETS_AFTER = LazyPattern(r"\s*\)")


def _joined_across_brackets(span: Span, four: list[Money]) -> list[Money] | None:
    """`A (a) to B (b)`: the ranges A-B and a-b, when a and b stand in brackets right after A and B,
    and the period written after the closing bracket of b (if any) is both ranges'."""
    a, a2, b, b2 = four
    text, base = span.text, span.start
    for outer, inner in ((a, a2), (b, b2)):
        if not (_IN_BRACKETS_BEFORE.fullmatch(text, outer.span.end - base, inner.span.start - base)
                and _IN_BRACKETS_AFTER.match(text, inner.span.end - base)):
            return None
    gap = text[_IN_BRACKETS_AFTER.match(text, a2.span.end - base).end():b.span.start - base]
    first = _joined(span, a, b, gap)
    second = _joined(span, a2, b2, gap, joins=True) if first is not None else None  # joined as the first pair is
    if first is None or second is None:
        return None
    close = _IN_BRACKETS_AFTER.match(text, b2.span.end - base)
    period = stated_period(b2, Near("", text[close.end():close.end() + 40], False))
    if period and not first.period:
        first, second = replace(first, period=period), replace(second, period=period)
    return [first, second]


# Words before the low end that open a range its high end closes: "from less than $X to more than $Y",
# "a minimum of $X to a maximum of $Y", "starts at $X with raises up to $Y".
# A new clause between two figures: they are two statements, not one range.
_CLAUSE_BREAK = LazyPattern(r"[,;]|\b(?:while|whereas|but)\b", re.I)
_RANGE_OPENERS = ("from", "from less than", "from under", "from as little as", "from a low of", "from a minimum of",
                  "a minimum of", "minimum of", "as little as", "a low of", "starts at", "starting at", "start at",
                  "starts from", "starting from", "begins at", "beginning at")


def _joined(span: Span, a: Money, b: Money, gap: str | None = None, joins: bool = False) -> Money | None:
    """`a` and `b` as one range, when the words between them (`gap`, else the text between) join them
    (`joins`: the caller knows they do)."""
    if a.is_range or b.is_range or a.amount_min is None or a.currency != b.currency:
        return None
    if a.scale != b.scale or (a.period and b.period and a.period != b.period):
        return None
    high = b.amount_min if b.amount_min is not None else b.amount_max
    if high is None or not a.amount_min < high <= 10 * a.amount_min:
        return None
    text = span.text
    if gap is None:
        gap = text[a.span.end - span.start:b.span.start - span.start]
    before = text[max(0, a.span.start - span.start - 60):a.span.start - span.start]
    lead = before.rstrip().lower()
    opened = lead.endswith(_RANGE_OPENERS)
    if a.open_ended and not (a.qualifier == "over" and opened):
        return None  # "$300K+ and $500K" are two figures; "starting at $X ... up to $Y" is a range
    if joins or _RANGE_GAP.fullmatch(gap):
        pass
    elif _AND_GAP.fullmatch(gap):
        if not (lead.endswith("between") or "range" in lead or not any(ch.isalnum() for ch in before)):
            return None
    elif len(gap) <= 60 and not any(ch.isdigit() for ch in gap) and not _CLAUSE_BREAK.search(gap):
        words = gap.lower().split()
        if not ((lead.endswith("between") and "and" in words) or (opened and "to" in words)):
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
        qualifier=a.qualifier if not a.open_ended else None,
    )


# A statistic's name written right before the next figure names that figure: "$44,000 to $63,000
# (median $52,800)" is a range, and the median is the figure in the brackets.
_NAMES_NEXT = LazyPattern(r"[(\[,;]?\s*(?:the\s+)?(?:median|average|mean|avg|\d\dth percentile)"
                          r"(?:\s+(?:of|is|was|at))?\s*[:=]?\s*$", re.I)


def _clause(span: Span, amounts: list[Money], i: int) -> str:
    """The text around amount i, up to its neighbours: cues belong to the nearest amount."""
    start = amounts[i - 1].span.end - span.start if i > 0 else 0
    end = amounts[i + 1].span.start - span.start if i + 1 < len(amounts) else len(span.text)
    clause = span.text[start:end]
    if i + 1 < len(amounts):
        named = _NAMES_NEXT.search(clause, amounts[i].span.end - span.start - start)
        if named is not None:
            return clause[:named.start()]
    return clause
