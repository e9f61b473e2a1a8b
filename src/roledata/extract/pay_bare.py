"""Pay figures printed without a currency sign.

`find_money` reads only figures with a currency written beside them. Pages
also print pay bare, where the words make it money: a word of pay governing
the figure ("a median annual salary of 123,110", "salaries of 90k to 100k"),
and a line that is only a salary range ("90000 - 105000 plus bonus"). Both
read as money in the currency the page writes its pay in; a page that writes
none at all is read as US dollars, as a bare "$" is. (Pay tables print bare
figures too: `pay_tables`.)
"""
from __future__ import annotations

import re

from roledata.extract.money import Money
from roledata.text import LazyPattern, Span

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?!,?\d)|\d{1,3}(?:\.\d)?\s?[kK]\b|\d{5,7}(?![\d,.]\d)"
# A word of pay, up to four words, a verb or preposition, then the figure (and perhaps the high end).
_GOVERNED = LazyPattern(
    r"(?:\b(?:salar(?:y|ies)|wages?|pay|earnings|income|compensation)|工资|薪资|薪酬|年薪|月薪)"
    rf"(?:\s+[a-z][\w'’-]*){{0,4}}?\s*(?:\s(?:of|is|was|were|are|at|averag(?:e|es|ed|ing)|reach(?:es|ed)?|"
    rf"(?:ranges?|ranging|runs?|running) (?:from|between)|between|from)\b|约为|为|是|:)\s*"
    rf"(?:(?:about|around|approximately|roughly|nearly|close to|over|more than|up to)\s+)?"
    rf"(?P<n1>{_NUMBER})(?:\s*(?:-|–|—|to|and)\s*(?P<n2>{_NUMBER}))?",
    re.I,
)
# A line that is only a salary range, perhaps with its period or what comes on top of it.
_RANGE_LINE = LazyPattern(
    rf"\s*(?P<n1>{_NUMBER})\s*(?:-|–|—|to)\s*(?P<n2>{_NUMBER})\s*"
    r"(?:(?:per|a|/)\s*(?:year|yr|annum)|annually|yearly|\+?\s*(?:plus|\+)\s+[\w &]{2,30}|doe|"
    r"depending on experience)?\s*\.?",
    re.I,
)
# Cheap checks before the pattern: a word of pay in some case (the pattern ignores case), and a figure
# that could be bare pay: grouped thousands, a "k", five digits or more.
_PAY_WORDS = ("alar", "ALAR", "age", "AGE", "ay", "AY", "arning", "ARNING", "ncome", "NCOME", "ompensation",
              "OMPENSATION", "工资", "薪资", "薪酬", "年薪", "月薪")
# (a figure with a currency sign before it is read by `find_money`, and is no candidate)
_CANDIDATE = LazyPattern(r"\d(?<![$£€₹¥\d.,]\d)(?<![$£€₹¥] \d)(?:\d{0,2},\d{3}|\d{0,2}(?:\.\d)?\s?[kK]\b|\d{4})")
_YEAR = LazyPattern(r"(?:19|20)\d\d")
_LOWEST_PAY = 1_000  # a bare figure below this is no yearly pay and is not read (a count, a year's part)


def _value(text: str) -> float:
    text = text.replace(",", "").replace(" ", "")
    if text[-1] in "kK":
        return float(text[:-1]) * 1_000
    return float(text)


def _money(span: Span, m: re.Match[str], currency: str) -> Money | None:
    low = _value(m.group("n1"))
    high = _value(m.group("n2")) if m.group("n2") else low
    if any(_YEAR.fullmatch(m.group(g) or "") for g in ("n1", "n2")) or low < _LOWEST_PAY or high < low:
        return None  # "2024", a count of hundreds, "90 to 60"
    start = m.start("n1")
    end = m.end("n2") if m.group("n2") else m.end("n1")
    return Money(span.sub(start, end), low, high, False, currency, None, None, None)


def governed_figures(span: Span, found: list[Money], currency: str | None) -> list[Money]:
    """Bare figures a word of pay governs in `span` ("a median annual salary of 123,110"), apart from
    the amounts already `found` there."""
    text = span.text
    if _CANDIDATE.search(text) is None or not any(word in text for word in _PAY_WORDS):
        return []  # most sentences: no figure without a currency sign before it, or no word of pay
    out: list[Money] = []
    for c in _CANDIDATE.finditer(text):
        at = c.start()
        if any(f.span.start <= span.start + at < f.span.end for f in found):
            continue
        if out and at < out[-1].span.end - span.start:
            continue  # the high end of a range read already
        if not _LINK_BEFORE.search(text, max(0, at - 30), at):
            continue  # cheap check first: a figure a word of pay governs follows "of", "is", ":" ...
        m = _GOVERNED.search(text, max(0, at - _REACH), min(len(text), at + 40))
        while m is not None and m.start("n1") < at:
            m = _GOVERNED.search(text, m.start() + 1, min(len(text), at + 40))
        if m is None or m.start("n1") != at:
            continue
        if (money := _money(span, m, currency or "USD")) is not None:
            out.append(money)
    return out


# The word that links a word of pay to its figure, right before the figure (the pattern's own list).
_LINK_BEFORE = LazyPattern(
    r"(?:\s(?:of|is|was|were|are|at|averag(?:e|es|ed|ing)|reach(?:es|ed)?|between|from)|约为|为|是|:)\s*"
    r"(?:(?:about|around|approximately|roughly|nearly|close to|over|more than|up to)\s+)?$", re.I)
_REACH = 90  # characters before a figure in which its word of pay is looked for


# A value after a label of pay ("Salary: 42k to 50k"): the label governs the figure that opens it.
_OPENING_FIGURE = LazyPattern(
    rf"\s*(?:(?:about|around|approximately|roughly|up to|over)\s+)?(?P<n1>{_NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<n2>{_NUMBER}))?")
_PAY_LABEL = LazyPattern(r"\b(?:salar(?:y|ies)|wages?|pay|earnings|income|compensation|base)\b", re.I)
# A figure line under a statistic's label ("50th percentile" / "23.40"): a number alone on its line.
_FIGURE_ALONE = LazyPattern(r"\s*(?P<n1>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}\.\d{2})\s*")


def labelled_figure(span: Span, label: str, currency: str | None) -> Money | None:
    """The bare figure that opens the value of a pay label: "Salary: 42k to 50k, depending on shifts"."""
    if not _PAY_LABEL.search(label) or (m := _OPENING_FIGURE.match(span.text)) is None:
        return None
    return _money(span, m, currency or "USD")


def figure_alone(span: Span, currency: str | None) -> Money | None:
    """A line that is only a bare figure ("48,200", "23.40"): money only under a statistic's label,
    which the caller finds (`PageLines.card_label`)."""
    m = _FIGURE_ALONE.fullmatch(span.text)
    if m is None:
        return None
    value = float(m.group("n1").replace(",", ""))
    # pay in cents below 200 is a rate by the hour: no year's, month's or week's pay is that small
    period = "hour" if value < 200 else None
    return Money(span.sub(m.start("n1"), m.end("n1")), value, value, False, currency or "USD", period, None, None)


def range_line(span: Span, currency: str | None) -> Money | None:
    """A line that is only a salary range ("90000 - 105000 plus bonus", "85k-95k a year"), as money;
    both ends of at least 10,000 (smaller bare ranges are counts, days, years)."""
    m = _RANGE_LINE.fullmatch(span.text)
    if m is None:
        return None
    money = _money(span, m, currency or "USD")
    return money if money is not None and money.amount_min >= 10_000 else None
