"""Whether a money figure is pay: the words that say so, or that it is something else.

See `extract.salaries` for the rules; this module holds the words and the
decision (`is_pay`), which the figure lines of `extract.pay_lines` share.
"""
from __future__ import annotations

import re

from collections.abc import Sequence

from roledata.extract.context import Sentence
from roledata.extract.money import Money
from roledata.extract.pay_columns import Near, stated_period
from roledata.text import Span

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
# Market-wide sections (industry trends): a figure there is pay only when its sentence names the role.
_MARKET_WIDE = {"trends"}
# Sections whose figures are never this role's pay: a cover letter's, other roles' lists.
NOT_PAY_KINDS = frozenset({"cover_letter", "related_roles"})

# Pay words glued to the word before in pasted postings: "Schedule: Part-timeSalary: $37.50".
_GLUED_PAY_CUE = re.compile(r"(?<=[A-Za-z])(?:Pay|Salary|Compensation|Wages?|Hourly)\b")
SALARY_HEADING = re.compile(r"\b(?:salar|compensation|pay\b|wages?\b|earnings)", re.I)
# A heading that is only a rate: "Rate", "Hourly rate", "Contract rates".
_RATE_HEADING = re.compile(r"^(?:(?:hourly|daily|day|weekly|contract(?:or)?|pay)\s+)?rates?\s*:?$", re.I)
# A short label that only names a statistic: "Median: $98,340".
_STAT_LABEL = re.compile(r"^(?:\w+\s)?(?:median|average|mean)(?:\s\w+)?$", re.I)
_RANGE_LABEL = re.compile(r"\b(?:range|rate)\b", re.I)
_RANGE_WORD = re.compile(r"\b(?:range|rate|between|starting|starts)\b", re.I)
# What a benefit's money is called: "$750 signing bonus", "$2,000 learning stipend",
# "reimbursed up to $180", "CA$500 wellness account", "Referral program: ... $350".
BENEFIT = re.compile(
    r"\b(?:allowances?|reimburs\w*|bonus(?:es)?|budgets?|credits?|match(?:ing)?|discounts?|perks?|"
    r"referr\w*|sign[- ]?on|signing|tuition|gym|401\s?\(?k\)?|insurance|"
    r"(?:learning|education(?:al)?|training|housing|phone|mobile|internet|wellness|well-being|home[- ]office|"
    r"fitness|commuter|transit|relocation|equipment|meal|lunch|childcare|conference)\s+"
    r"(?:stipends?|accounts?|benefits?|programs?|memberships?|funds?|spending))\b",
    re.I,
)
_BEFORE_STOP = re.compile(r"[+;:,(.]|\b(?:plus|and|with|or)\b", re.I)
_PAY_NOUN = re.compile(r"\b(?:salar(?:y|ies)|pay|wages?|rates?|compensation|earnings|OTE|base)\b", re.I)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def is_pay(sentence: Sentence, money: Money, near: Near, role_names: Sequence[str], card: Span | None,
           figure: bool) -> bool:
    """Whether `money`, read in `sentence` with the words `near` it, is pay for the role called
    `role_names`. `card`: the label line a page structure gives the figure (a stat card's,
    a lead-in, a pipe table's header; see `pay_lines`), or None; `figure`: the line is a
    figure and little else."""
    label = sentence.label.text if sentence.label else ""
    card_text = card.text if card is not None else ""
    if money.scale in _NEVER_PAY_SCALES or money.scale == "million":
        return False  # "$4.2M", "$1 million": pay pages state salaries in thousands
    local = f"{label} | {near.before} | {near.after}"
    if NOT_PAY_CUE.search(local) or (card_text and NOT_PAY_CUE.search(card_text)):
        return False
    if _is_benefit(label, near):
        return False
    if money.scale == "lakh" and not (money.period or has_pay_cue(local)):
        return False  # "₹12 LPA" and "₹8 lakh a year" are pay; a bare lakh figure may be anything
    if card is not None:
        return True
    context = f"{sentence.span.text} {label}"
    if sentence.section.top.kind in _MARKET_WIDE:
        low = context.lower()
        return any(name.lower() in low for name in role_names if name)
    stated = stated_period(money, near)
    if has_pay_cue(context) or (figure and stated):
        return True  # a pay word ("earn $24/hr"), or a figure line "$141,250/year to $198,500/year"
    if in_salary_section(sentence):
        return True
    if near.prefix_emoji and not near.after.strip(" +"):
        return True  # "💰 $135,000 - $210,000+": a line that is only a figure under the money emoji
    if _STAT_LABEL.search(label) or (len(label.split()) <= 4 and _RANGE_LABEL.search(label)):
        return True  # "Median: $98,340", "Starting Range: $27.80"
    return _pay_earlier_in_line(sentence)


def in_salary_section(sentence: Sentence) -> bool:
    """Whether the sentence sits in a salary section, or under a short heading about pay."""
    section = sentence.section
    if section.kind == "salary" or section.top.kind == "salary":
        return True
    # A salary sub-heading under a market section keeps its parent's kind: "Average Salary Ranges:".
    # So does a heading that only asks about pay: "Pay", "How much does it pay?".
    heading = section.heading_text
    return bool(heading) and len(heading.split()) <= 8 and bool(
        SALARY_HEADING.search(heading) or _RATE_HEADING.match(heading))


def has_pay_cue(text: str) -> bool:
    """Whether `text` has a pay word, glued to the word before it or not ("Part-timeSalary:")."""
    return bool(PAY_CUE.search(text) or _GLUED_PAY_CUE.search(text))


def _pay_earlier_in_line(sentence: Sentence) -> bool:
    """"... determining a salary range ... This opening's band is $58,000 - $71,500.": the
    paragraph's earlier sentence says pay, and this one names a range or rate."""
    line = sentence.line.content
    if sentence.span.start <= line.start or not _RANGE_WORD.search(sentence.span.text):
        return False
    earlier = line.text[max(0, sentence.span.start - line.start - 300):sentence.span.start - line.start]
    return has_pay_cue(earlier) and not NOT_PAY_CUE.search(earlier[-120:])


def _is_benefit(label: str, near: Near) -> bool:
    """Money a benefit names: "$2,000 yearly learning stipend", "$750 signing bonus",
    "Referral program: ... earn $350", "reimbursed up to $180"."""
    if BENEFIT.search(label) and not PAY_CUE.search(label):
        return True
    # The words the figure modifies, up to a stop or a glued field boundary ("per yearBenefits:", "DOEGenerous").
    head = _BEFORE_STOP.split(_GLUED.split(near.after, maxsplit=1)[0], maxsplit=1)[0]
    if BENEFIT.search(" ".join(head.split()[:4])):
        return True
    last_benefit = None
    for m in BENEFIT.finditer(near.before):
        last_benefit = m
    if last_benefit is None:
        return False
    return not any(p.start() > last_benefit.start() for p in _PAY_NOUN.finditer(near.before))
