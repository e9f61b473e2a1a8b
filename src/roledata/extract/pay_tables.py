"""Pay tables written as cells: "State | Hourly Wage | Average Salary | Number of Jobs |".

A table is a run of lines with cells parted by "|" (markdown pipe tables, and
tables pasted as text with or without the outer pipes). What a figure in a
cell is comes from its column: the header cell over it names the statistic,
the period ("Hourly Wage", "Monthly Gross") and the currency ("Salary
(INR)"), or says the column is no pay at all ("Number of Jobs"). A table
with no header row takes its meaning from the line that leads into it ("The
median annual wages in the largest industries were as follows:").

Pages drop the currency sign after the first row ("| $47,350 |" then
"| 47,340 |") or print a pay column without one: a bare number in a pay
column is money in the column's currency (the first sign printed in it), else
the currency the page writes its pay in.
"""
from __future__ import annotations

import re

from roledata.extract.money import Money, find_money
from roledata.extract.pay_columns import Near
from roledata.extract.pay_cues import has_pay_cue, not_pay_word
from roledata.text import LazyPattern, Span

_SEPARATOR = LazyPattern(r"^[\s|:—–-]+$")  # "---|---|", "| :-- | --: |"
_STATISTIC = LazyPattern(r"\b(?:median|average|mean|percentile|range|minimum|maximum|min|max|low|high|entry|starting)\b",
                         re.I)
# The two ends of a range in neighbouring columns: "| Min | Max |", "| Low | High |", "| From | To |".
_LOW_END = LazyPattern(r"^\s*(?:min(?:imum)?|low(?:est)?|from|starting|bottom)\b", re.I)
_HIGH_END = LazyPattern(r"^\s*(?:max(?:imum)?|high(?:est)?|to|top)\b", re.I)
_HEADER_CURRENCY = LazyPattern(r"\((?P<cur>[A-Z]{3}|[$£€₹¥])\)")
_SIGNS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "¥": "JPY"}
# A bare number in a cell: grouped thousands, a decimal figure, or a plain figure of four to seven digits.
_YEAR = LazyPattern(r"(?:19|20)\d\d")
_BARE = LazyPattern(r"(?<![\w.,$£€₹¥])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,4}\.\d{2}|\d{4,7})(?![\w.,%])")
_MAX_ROWS = 60


# Cells part at "|", and at the tags of an HTML table left in the text ("123,110</td></tr> <tr><td>...");
# a row tag starts the row again.
_CELL_MARK = LazyPattern(r"\||</?t[dh]\b[^>]*>")
_ROW_MARK = LazyPattern(r"</?tr\b[^>]*>")


def cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a row, relative to `text`: the outer pipes open and close no cell,
    and an empty piece between two marks is no cell. A row tag inside the text ends one row and
    starts the next: the cells are those of the row the text ends in."""
    base = 0
    for m in _ROW_MARK.finditer(text):
        if text[m.end():].strip():
            base = m.end()
    out, pos = [], base
    for m in _CELL_MARK.finditer(text, base):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        elif out or pos > base:
            pass  # an empty piece between two marks
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def column_of(text: str, offset: int) -> int:
    """The index of the cell holding `offset` (relative to `text`), counted in the row it sits in."""
    start = max((m.end() for m in _ROW_MARK.finditer(text, 0, offset)), default=0)
    m = _ROW_MARK.search(text, offset)
    row = text[start:m.start() if m else len(text)]
    for i, (a, b) in enumerate(cells(row)):
        if a <= offset - start <= b:
            return i
    return -1


def cell_bounds(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the cell holding `offset`, relative to `text` (the whole text when none)."""
    start = max((m.end() for m in _CELL_MARK.finditer(text, 0, offset)), default=0)
    m = _CELL_MARK.search(text, offset)
    return start, (m.start() if m else len(text))


def within_cell(row: Span, money: Money, near: Near) -> Near:
    """The words around a figure in a table row, kept inside its cell: the row's other cells (a
    label "Investment banking", another column's figure) are not what the figure is."""
    start, end = cell_bounds(row.text, money.span.start - row.start)
    before = max(0, money.span.start - row.start - start)
    after = max(0, end - (money.span.end - row.start))
    return Near(near.before[len(near.before) - min(before, len(near.before)):], near.after[:after], near.prefix_emoji)


class CellTable:
    """One table: its rows (spans, in page order), its header row or the line leading into it."""

    def __init__(self, rows: list[Span], header: Span | None, lead_in: Span | None) -> None:
        self.rows = rows
        self.header = header
        self.lead_in = lead_in
        self._currencies: dict[int, str] | None = None

    def label(self, row: Span, offset: int) -> Span | None:
        """The header cell over the figure at document `offset` in `row`, else the table's lead-in
        line when it speaks of pay; None when neither says anything about pay."""
        if self.header is not None:
            column = column_of(row.text, offset - row.start)
            spans = cells(self.header.text)
            if 0 <= column < len(spans):
                cell = self.header.sub(*spans[column])
                if cell.text and (has_pay_cue(self.header.text) or _STATISTIC.search(self.header.text)
                                  or not_pay_word(cell.text)):
                    return cell
            return None
        if self.lead_in is not None:
            return self.lead_in
        return None

    def join_ends(self, row: Span, amounts: list[Money]) -> list[Money]:
        """Two figures under a low-end and a high-end column ("| Min | Max |") as one range."""
        if self.header is None or len(amounts) < 2:
            return amounts
        heads = [self.header.text[a:b] for a, b in cells(self.header.text)]
        out: list[Money] = []
        i = 0
        while i < len(amounts):
            a = amounts[i]
            if i + 1 < len(amounts):
                b = amounts[i + 1]
                col = column_of(row.text, a.span.start - row.start)
                if (0 <= col < len(heads) - 1 and column_of(row.text, b.span.start - row.start) == col + 1
                        and _LOW_END.match(heads[col]) and _HIGH_END.match(heads[col + 1]) and a.currency == b.currency
                        and not a.is_range and not b.is_range):
                    out.append(Money(row.sub(a.span.start - row.start, b.span.end - row.start), a.amount_min,
                                     b.amount_max, False, a.currency, a.period or b.period, a.scale, None))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def column_currency(self, column: int) -> str | None:
        """The currency printed in a column (its header's "(INR)", else its first figure's sign)."""
        if self._currencies is None:
            self._currencies = {}
            if self.header is not None:
                for i, (start, end) in enumerate(cells(self.header.text)):
                    if m := _HEADER_CURRENCY.search(self.header.text, start, end):
                        self._currencies[i] = _SIGNS.get(m.group("cur"), m.group("cur"))
            for row in self.rows:
                for money in find_money(row):
                    self._currencies.setdefault(column_of(row.text, money.span.start - row.start), money.currency)
        return self._currencies.get(column)

    def bare_figures(self, row: Span, within: Span, found: list[Money], page_currency: str | None) -> list[Money]:
        """Numbers printed without a currency sign in the pay columns of `row` ("| 47,340 |" below
        "| $47,350 |"; "| 123,110 |" under "Median Annual Salary"), as money; only those inside
        `within` (the sentence read), apart from the amounts `found` there."""
        taken = [(m.span.start, m.span.end) for m in found]
        out: list[Money] = []
        for m in _BARE.finditer(row.text):
            start = row.start + m.start()
            if not within.start <= start < within.end or any(a <= start < b for a, b in taken):
                continue
            if _YEAR.fullmatch(m.group("n")):
                continue  # "Updated for 2025 | 7 min read": a year in a row of cells is no pay
            label = self.label(row, start)
            if label is None or not_pay_word(label.text):
                continue
            printed = self.column_currency(column_of(row.text, m.start()))  # a sign printed in the column
            says_pay = has_pay_cue(label.text) or _STATISTIC.search(label.text)
            currency = printed or (page_currency if says_pay else None)
            if currency is None:
                continue
            value = float(m.group("n").replace(",", ""))
            out.append(Money(row.sub(m.start(), m.end()), value, value, False, currency, None, None, None))
        return out


def table_of(spans: list[Span], i: int, text: str) -> CellTable | None:
    """The table whose row is `spans[i]` (a line with a "|" in it; `text` is the page), or None. A
    table is the run of "|" lines around it, up to a blank line or a new header row."""
    if "|" not in spans[i].text:
        return None

    def joined(a: int, b: int) -> bool:  # spans a and b = a + 1 are rows of one table
        return ("|" in spans[a].text and "|" in spans[b].text and "\n\n" not in text[spans[a].end:spans[b].start]
                and (_has_digit(spans[b].text) or _SEPARATOR.match(spans[b].text) is not None))

    first = i
    while first > 0 and i - first < _MAX_ROWS and joined(first - 1, first):
        first -= 1
    last = i
    while last + 1 < len(spans) and last - i < _MAX_ROWS and joined(last, last + 1):
        last += 1
    block = [s for s in spans[first:last + 1] if not _SEPARATOR.match(s.text)]
    top = block[0]
    header = top if not _has_digit(top.text) else None
    rows = block[1:] if header is not None else block
    lead_in = None
    if header is None and first > 0:
        before = spans[first - 1]
        if has_pay_cue(before.text) and not not_pay_word(before.text) and len(before.text.split()) <= 40:
            lead_in = before
    return CellTable(rows, header, lead_in)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
