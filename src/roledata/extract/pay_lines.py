"""Pay stated in structures rather than sentences: the lines around a figure.

A figure line with its label on the line before or after (stat cards:
"Median Pay" / "$41.20 hourly"), a lead-in line ("Our estimate of the range"
/ "$88,000 — $121,000 USD"), a bullet list or pipe table opened by a pay
line, a short pay question left among the paragraphs, and a pay line a
parser took for a heading (`heading_sentences`).
"""
from __future__ import annotations

import re

from roledata.extract.context import Sentence
from roledata.extract.money import Money, find_money
from roledata.extract.pay_tables import CellTable, table_of
from roledata.extract.pay_cues import NOT_PAY_KINDS, PAY_CUE, SALARY_HEADING, has_pay_cue, names_benefit, not_pay_word
from roledata.parse.outline import Outline
from roledata.parse.structure import Line, split_label
from roledata.text import LazyPattern, Span, has_digit

# A line opening a block of other roles, each with its pay: "Related job titles", "Similar careers".
_OTHER_ROLES_LEAD = LazyPattern(r"\b(?:related|similar|other)\s+(?:job\s+)?(?:titles|jobs|roles|careers|occupations|"
                                r"positions|professions)\b", re.I)
# Words a stat-card label or a lead-in line uses for pay: "Median Pay", "Reasonable estimate of the range".
_LABEL_CUE = LazyPattern(
    r"\b(?:median|average|mean|range|rate|estimated?|OTE|on[- ]target|targeted cash|total cash|percentile)\b", re.I)


def heading_sentences(outline: Outline) -> list[Sentence]:
    """Pay lines a parser took for headings: "Salary: USD 64500 - 91500 per year",
    "83,250.00 - 97,750.00 USD per year" under a heading such as "Expected Pay For The Role"."""
    out: list[Sentence] = []
    for section in outline.sections:
        heading = section.heading
        if heading is None or section.kind in NOT_PAY_KINDS or not has_digit(heading.text):
            continue
        line = Line(number=-1, content=heading, is_bullet=False, indent=0)
        label, value = split_label(heading)
        out.append(Sentence(value, line, section, label, None))
    return out


def is_figure_line(sentence: Sentence, first: Money) -> bool:
    """A line that is a figure and little else: "$117K-$236K", "$61,400 — $79,800 USD",
    "💰 $135,000 - $210,000+", "$39.60 hourly"."""
    line = sentence.line.content
    if sentence.span.start != line.start or len(line.text.split()) > 16:
        return False
    return not any(ch.isalnum() for ch in line.text[:first.span.start - line.start])


class PageLines:
    """Every line of the page in order, headings included: a stat card's label may be a heading."""

    def __init__(self, outline: Outline) -> None:
        self.text = outline.text
        self.spans: list[Span] = []
        self.bullet: list[bool] = []
        self.index: dict[int, int] = {}
        self.at: dict[int, int] = {}  # every span's position, headings included (a table row may be one)
        self._tables: dict[int, CellTable | None] = {}
        self._leads: dict[int, bool] | None = None  # line -> True: a question, False: opens other roles' cards
        for section in outline.sections:
            if section.heading is not None:
                self.at[section.heading.start] = len(self.spans)
                self.spans.append(section.heading)
                self.bullet.append(False)
            for line in section.lines:
                self.index[line.content.start] = self.at[line.content.start] = len(self.spans)
                self.spans.append(line.content)
                self.bullet.append(line.is_bullet)

    def card_label(self, line: Line, headings: bool = False) -> Span | None:
        """The label of a figure line: the line before ("Median Pay" / "$39.60 hourly" / "$82,370
        annual", "Pay for this opening will be" / "$72,000 - $143,000"), else the
        line after ("$96K" / "Median Salary"). `headings`: the figure line may itself be one a
        parser took for a heading ("50th percentile" / "23.40", both short lines)."""
        i = (self.at if headings else self.index).get(line.content.start)
        if i is None:
            return None
        j = i - 1
        while j >= 0 and i - j <= 3 and _starts_with_money(self.spans[j]):
            j -= 1
        if j >= 0 and i - j <= 3 and _label_before(self.spans[j]):
            return self.spans[j]
        if i + 1 < len(self.spans) and _label_after(self.spans[i + 1].text):
            return self.spans[i + 1]
        # Column labels stacked above a row of figures ("Median Annual Salary" / "Entry-Level" /
        # "(0-12 months)" / ... / "$38,890$42,870..."): the pay label over the short lines.
        j = i - 1
        while j >= 0 and i - j <= _STACK and _short_label(self.spans[j].text):
            j -= 1
        if j >= 0 and 3 < i - j <= _STACK + 1 and _label_before(self.spans[j]):
            return self.spans[j]
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
        if text.endswith(":") and len(text.split()) <= 15 and has_pay_cue(text) and not not_pay_word(text):
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
            if SALARY_HEADING.search(text) and not not_pay_word(text) and not find_money(self.spans[j]):
                return self.spans[j]
            return None
        return None

    def before(self, line: Line) -> Span | None:
        """The line (or heading) right before `line`, headings included."""
        i = self.at.get(line.content.start)
        return self.spans[i - 1] if i else None

    def under_other_roles(self, line: Line) -> bool:
        """Whether a figure line sits in a block of other roles' cards, under a line that opens one
        ("What are some related job titles for a ...?", "Similar careers") with no question between."""
        i = self.index.get(line.content.start)
        if i is None:
            return False
        if self._leads is None:  # the lines that open such a block, and the questions that close one
            self._leads = {}
            for j, span in enumerate(self.spans):
                text = span.text
                if text.endswith("?"):
                    self._leads[j] = True
                if (("elated" in text or "imilar" in text or "ther " in text) and _OTHER_ROLES_LEAD.search(text)
                        and 3 <= len(text.split()) <= 14 and not self.bullet[j]
                        and not any(mark in text for mark in "|·›»")):
                    self._leads[j] = False  # (a site's menu, "• Similar Occupations", "... | Related Jobs", opens none)
        for j in range(i - 1, max(-1, i - 24), -1):
            if j in self._leads:
                return not self._leads[j]
        return False

    def table(self, line: Line) -> CellTable | None:
        """The table of cells a "|" row belongs to (`pay_tables`), or None for any other line."""
        i = self.at.get(line.content.start)
        if i is None or "|" not in line.content.text:
            return None
        if i not in self._tables:
            self._tables[i] = table_of(self.spans, i, self.text)
        return self._tables[i]


_STACK = 12  # short label lines stacked over a row of figures


def _short_label(text: str) -> bool:
    """A short label line over a figure: "Entry-Level", "(1-4 Years)"; no sentence, no money."""
    return len(text.split()) <= 4 and text[-1] not in ".!?:" and not any(ch in "$€£₹¥" for ch in text)


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
    if not_pay_word(text) or names_benefit(text):
        return False
    if len(text.split()) <= 12:
        return bool(has_pay_cue(text) or _LABEL_CUE.search(text))
    tail = text[-250:]
    return has_pay_cue(tail)


def _label_after(text: str) -> bool:
    words = text.split()
    if len(words) > 6 or text[-1] in ".!?:" or any(ch.isdigit() for ch in text):
        return False
    if not_pay_word(text) or names_benefit(text):
        return False
    return bool(PAY_CUE.search(text) or re.search(r"\b(?:median|average|mean)\b", text, re.I))
