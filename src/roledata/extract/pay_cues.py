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
from roledata.text import LazyPattern, Span

PAY_CUE = LazyPattern(
    r"\b(?:salar(?:y|ies)|pay|paid|pays|compensation|comp|earn(?:s|ed|ing|ings)?|paying|wages?|income|(?:pay|hourly|starting|base) rates?|"
    r"base|OTE|stipend|package|post(?:s|ed)? at|per hour|hourly|annual)\b",
    re.I,
)
NOT_PAY_CUE = LazyPattern(
    r"\b(?:revenue|market(?:s)? (?:size|value|is|was|will|to)|market size|"
    # investing in people is what a benefits section says, not an investment: "How we invest in you"
    r"invest\w*(?! in (?:you\b|your\b|our (?:people|team|staff|employees)))|fund(?:s|ing|ed)?|"
    r"budgets?|credits?|pric(?:e|es|ed|ing)|fees?|licen[cs]\w*|per seat|subscriptions?|valuation|customers?|raised|allocat\w*|spend\w*|sales|"
    r"GDP|economy|(?<!living )(?<!-)cost(?:s)?(?! of living)|worth|deals?|contracts? (?:above|over|worth|valued|values?|sizes?|of \$)|"
    # money a person owes, pays or wins, never what a role pays: debt, tuition, rent, a grant or a prize
    r"debts?|loans?|tuition|rent(?:s|al|ed|ing)?|(?<!equity )(?<!stock )grants?|prizes?|awards?|scholarships?|fellowships?|"
    # what living costs, and the pay of every occupation together: "the average wage for all occupations"
    r"(?:living )?expenses|afford\w*|(?:for|across|of) all (?:occupations|professions|workers|jobs|industries)"
    r")\b",
    re.I,
)
# Words that make a figure something other than the role's pay whatever word of pay follows them
# ("an after-tax salary of $X"): what is left of pay, or taken from it, or set beside it (after-tax
# pay, taxes, levies, pension contributions, pay adjusted for the cost of living, a survey's
# reporting cap).
DERIVED_PAY = LazyPattern(
    r"\b(?:after[- ]tax|take-home|take home (?:pay|salary|income)|income tax(?:es)?|tax(?:es)? of|levy|levies|"
    r"superannuation|pension contributions?|adjusted for|(?:reporting|wage) cap)\b",
    re.I,
)
_ANY_NOT_PAY = LazyPattern(f"{NOT_PAY_CUE.pattern}|{DERIVED_PAY.pattern}", re.I)
_DERIVED_RIGHT_AFTER = LazyPattern(rf"\W*(?:[\w-]+\s+)?(?:{DERIVED_PAY.pattern})", re.I)
# Never a salary at these scales; a lakh or crore figure is pay only with a period or a pay word
# ("₹12 LPA", "a package of ₹1.2 crore a year").
_NEVER_PAY_SCALES = frozenset({"billion", "trillion"})
# Market-wide sections (industry trends): a figure there is pay only when its sentence names the role.
_MARKET_WIDE = {"trends"}
# Sections whose figures are never this role's pay: a cover letter's, other roles' lists.
NOT_PAY_KINDS = frozenset({"cover_letter", "related_roles"})

# Pay words glued to the word before in pasted postings: "Schedule: Part-timeSalary: $37.50".
_GLUED_PAY_CUE = LazyPattern(r"(?<=[A-Za-z])(?:Pay|Salary|Compensation|Wages?|Hourly)\b")
SALARY_HEADING = LazyPattern(r"\b(?:salar|compensation|pay\b|wages?\b|earnings)", re.I)
# A heading that is only a rate: "Rate", "Hourly rate", "Contract rates".
_RATE_HEADING = LazyPattern(r"^(?:(?:hourly|daily|day|weekly|contract(?:or)?|pay)\s+)?rates?\s*:?$", re.I)
# A short label that only names a statistic: "Median: $98,340".
_STAT_LABEL = LazyPattern(r"^(?:\w+\s)?(?:median|average|mean)(?:\s\w+)?$", re.I)
_RANGE_LABEL = LazyPattern(r"\b(?:range|rate)\b", re.I)
# Words with which a sentence carries on the pay its paragraph spoke of: "... ranges ...", "starts at",
# "Illinois and Alaska, at $54,690 and $52,640, respectively".
_RANGE_WORD = LazyPattern(r"\b(?:range|rate|between|start|starting|starts|respectively)\b", re.I)
# What a benefit's money is called: "$750 signing bonus", "$2,000 learning stipend",
# "reimbursed up to $180", "CA$500 wellness account", "Referral program: ... $350".
BENEFIT = LazyPattern(
    r"\b(?:allowances?|reimburs\w*|bonus(?:es)?|budgets?|credits?|match(?:ing)?|discounts?|perks?|"
    r"referr\w*|sign[- ]?on|signing|tuition|gym|401\s?\(?k\)?|insurance|commissions?|"
    # a bonus by another name: "Additional Cash Compensation", "additional pay"; money paid once
    r"additional (?:cash )?(?:compensation|pay)|lump[- ]sums?|one[- ](?:time|off)(?: \w+)?|severance|"
    r"relocation (?:payments?|packages?|assistance)|"
    r"(?:learning|education(?:al)?|training|housing|phone|mobile|internet|wellness|well-being|home[- ]office|"
    r"fitness|commuter|transit|relocation|equipment|meal|lunch|childcare|conference)\s+"
    r"(?:stipends?|accounts?|benefits?|programs?|memberships?|funds?|spending))\b",
    re.I,
)
# A benefit's word that names a kind of employer or trade: "insurance carriers", "tuition-free colleges".
_BENEFIT_AS_MODIFIER = LazyPattern(r"\s+(?:carriers?|compan(?:y|ies)|firms?|industry|industries|agenc(?:y|ies)|brokers?|"
                                   r"brokerages?|sectors?|providers?|underwriters?|adjusters?|agents?)\b", re.I)
# A piece of every word `BENEFIT` names, in lower case.
_BENEFIT_STEMS = ("allowance", "reimburs", "bonus", "budget", "credit", "match", "discount", "perk", "referr", "sign",
                  "tuition", "gym", "401", "insurance", "commission", "additional", "lump", "one-", "one ", "severance",
                  "relocation", "stipend", "account", "benefit", "program", "membership", "fund", "spending")
_BEFORE_STOP = LazyPattern(r"[+;:,(.]|\b(?:plus|and|with|or)\b", re.I)
_PAY_NOUN = LazyPattern(r"\b(?:salar(?:y|ies)|pay|wages?|rates?|compensation|earnings|OTE|base)\b", re.I)
# A heading that names only a benefit's money: "Additional Cash Compensation", "Signing bonus" (not "Benefits
# and Perks": postings print their pay range among the perks).
_BENEFIT_MONEY_HEADING = LazyPattern(
    r"(?:\w+\s+){0,2}(?:additional (?:cash )?(?:compensation|pay)|(?:cash |signing |sign-on |annual )?bonus(?:es)?|"
    r"commissions?|allowances?|stipends?)\s*:?$", re.I)
# "$62,500 before bonuses", "$48,000 excluding commission": the figure leaves the benefit out.
_EXCLUDES = LazyPattern(r"^\W*(?:before|excluding|excl\.?|not including|without|exclusive of|prior to|on top of|"
                        r"in addition to)\b", re.I)
# A word of pay that governs a figure after a non-pay word: "Sales reps earn $X", "credit unions paid $X".
_PAY_GOVERNOR = LazyPattern(
    r"\b(?:salar(?:y|ies)|pay|paid|pays|paying|wages?|earn\w*|compensation|make|makes|made|making|"
    r"receiv(?:e|es|ed|ing)|gets?|got|averag(?:e|es|ed|ing)|(?:brings?|brought|takes?|took) home|command(?:s|ed)?)\b",
    re.I)
# A verb of pay right before the figure governs it: "those with five years make $61,000",
# "apprentices earn about $19 an hour", "received an average salary of $52,000".
_PAY_VERB_BEFORE = LazyPattern(
    r"\b(?:earn(?:s|ed|ing)?|make|makes|made|making|paid|receiv(?:e|es|ed|ing)|(?:brings?|brought|takes?|took) home|"
    r"command(?:s|ed)?|start(?:s|ing)? (?:at|from|on)|begin(?:s|ning)? at)\s+"
    r"(?:(?:just|about|around|approximately|roughly|nearly|almost|close to|up to|over|more than|less than|at least|"
    r"between|from|(?:an? |the )?(?:(?:average|median|mean|annual|yearly|hourly|starting|typical|base)\s+)*"
    r"(?:salary|wage|pay|income|rate)?\s*of)\s+){0,2}$", re.I)
# Where a clause ends, for the words that govern a figure: a sentence mark, a clause word after a
# comma ("..., following a 3.6% pay award"), and another number (its words are its own).
_CLAUSE_MARK = (r"[;!?]|\.\s|,\s+(?:while|whereas|but|following|which|and|according|though|although|when|where|"
                r"compared|depending|after|as)\b|\s(?:while|whereas)\s|\d")
_CLAUSE_MARKS = LazyPattern(_CLAUSE_MARK, re.I)
# A difference between two figures, not a figure of pay: "$15,000 more per year than ...",
# "$18,000 above the national average", "an extra $4,000", "a raise of $2,500".
_DIFFERENCE_AFTER = LazyPattern(
    r"^\W{0,3}(?:(?:per|a|an|each)\s+(?:year|month|week|hour|annum)\s+)?(?:more|less|higher|lower|above|below|extra)\b"
    r"(?:\s+(?:per|a|an|each)\s+(?:year|month|week|hour|annum))?\s+(?:than|the|their|its|what|a|an|on average)\b",
    re.I)
_DIFFERENCE_WORDS = ("xtra", "dditional", "remium", "aise", "ise", "ncrease", "ump", "oost", "ncrement", "ifference",
                     "gap")  # one of them in the words before, or the pattern cannot match
_DIFFERENCE_BEFORE = LazyPattern(
    r"\b(?:an? extra|an additional|(?:a |the )?(?:premium|raise|pay rise|rise|increase|bump|boost|increment|difference|gap)"
    r"(?: of)?(?: about| around| nearly| roughly| up to)?)\s*$", re.I)
_GLUED = LazyPattern(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def is_pay(sentence: Sentence, money: Money, near: Near, role_names: Sequence[str], card: Span | None,
           figure: bool) -> bool:
    """Whether `money`, read in `sentence` with the words `near` it, is pay for the role called
    `role_names`. `card`: the label line a page structure gives the figure (a stat card's,
    a lead-in, a pipe table's header; see `pay_lines`), or None; `figure`: the line is a
    figure and little else. The caller has already set aside a benefit's money (`is_benefit`)."""
    label = sentence.label.text if sentence.label else ""
    card_text = card.text if card is not None else ""
    if money.scale in _NEVER_PAY_SCALES or money.scale == "million":
        return False  # "$4.2M", "$1 million": pay pages state salaries in thousands
    if (label and not_pay_word(label)) or (card_text and not_pay_word(card_text)) or _not_pay_near(near):
        return False
    if is_difference(near) or names_benefit_money(sentence.section.heading_text or ""):
        return False  # a difference, or a figure under a heading naming a benefit's money
    if card is not None:
        return True
    stat_label = bool(_STAT_LABEL.search(label) or (len(label.split()) <= 4 and _RANGE_LABEL.search(label)))
    if money.scale in ("lakh", "crore") and not (money.period or stat_label
                                                 or has_pay_cue(f"{label} | {near.before} | {near.after}")):
        return False  # "₹12 LPA", "₹8 lakh a year", "Range: ₹4L - ₹9L" are pay; a bare lakh figure may be anything
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
    if stat_label:
        return True  # "Median: $98,340", "Starting Range: $27.80"
    if _PAY_VERB_BEFORE.search(near.before):
        return True  # "those with five years make $61,000": a verb of pay governs the figure
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


def not_pay_word(text: str) -> bool:
    return bool(NOT_PAY_CUE.search(text) or DERIVED_PAY.search(text))


def _not_pay_near(near: Near) -> bool:
    """Whether a non-pay word governs the figure: in its own clause before it with no word of pay
    after it ("the market is worth $4.2B"; not "Sales reps earn $X"), or in its own clause after it
    ("$2M in sales"; not "$31,000, following a 3.6% pay award")."""
    if _ANY_NOT_PAY.search(f"{near.before}\n{near.after}") is None:
        return False  # most figures: no such word near at all
    before = near.before
    clause_start = 0
    for m in _CLAUSE_MARKS.finditer(before):
        clause_start = m.end()
    before = before[clause_start:]
    last = None
    for last in NOT_PAY_CUE.finditer(before):
        pass
    if last is not None and not _PAY_GOVERNOR.search(before, last.end()):
        return True
    after = near.after
    if (m := _CLAUSE_MARKS.search(after)) is not None:
        after = after[:m.start()]
    # a derived figure's word stands right after it ("$39,100 after tax"); further on it is the next figure's
    return bool(NOT_PAY_CUE.search(after) or DERIVED_PAY.search(before) or _DERIVED_RIGHT_AFTER.match(after))


def is_difference(near: Near) -> bool:
    """A figure that is a difference between two others: "$15,000 more per year than ...",
    "$18,000 above the national average", "an extra $4,000", "a raise of $2,500"."""
    before = near.before[-40:]
    return bool(_DIFFERENCE_AFTER.match(near.after)
                or (any(word in before for word in _DIFFERENCE_WORDS) and _DIFFERENCE_BEFORE.search(before)))


def names_benefit_money(text: str) -> bool:
    """Whether a heading or label names only a benefit's money: "Additional Cash Compensation", "Bonus"."""
    return _BENEFIT_MONEY_HEADING.match(text) is not None


def names_benefit(text: str) -> bool:
    """Whether `text` names a benefit and no pay besides it: "Signing bonus", "Additional Cash
    Compensation" (its pay word is the benefit's own); not "Base salary and bonus"."""
    if not BENEFIT.search(text):
        return False
    return not PAY_CUE.search(BENEFIT.sub(" ", text))


def is_benefit(label: str, near: Near) -> bool:
    """Money a benefit names: "$2,000 yearly learning stipend", "$750 signing bonus",
    "Referral program: ... earn $350", "reimbursed up to $180"; not "$62,500 before bonuses"."""
    if names_benefit(label):
        return True
    # The words the figure modifies, up to a stop or a glued field boundary ("per yearBenefits:", "DOEGenerous").
    after = _GLUED.split(near.after, maxsplit=1)[0]
    head = _BEFORE_STOP.split(after, maxsplit=1)[0]
    if BENEFIT.search(" ".join(head.split()[:4])) and not _EXCLUDES.match(head):
        return True
    last_benefit = None
    low = near.before.lower()
    if any(stem in low for stem in _BENEFIT_STEMS):  # cheap check first: most words before a figure name none
        for last_benefit in BENEFIT.finditer(near.before):
            pass
    if last_benefit is None or _BENEFIT_AS_MODIFIER.match(near.before, last_benefit.end()):
        return False  # ("insurance carriers, at $64,900": the word names an employer, not a benefit)
    return not any(p.start() >= last_benefit.end() for p in _PAY_NOUN.finditer(near.before))
