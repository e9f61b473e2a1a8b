"""posting_facts' labels: "Location: Austin, TX", "Job Type: Full-time", glued to the text before them as
pasted postings run their fields together ("...ElectricianCompany: Brightwire ElectricLocation: Fresno"), or
alone on a line with the value on the next. `posting_cues` has the label words.

Labels are looked for only where one can end: right after one of the words a label ends with, before a
colon or a dash (`_label_windows`). A pasted posting may be one line of thousands of characters, and the
label patterns (an alternation under re.I with a look-behind) would otherwise be tried at every position.
"""
from __future__ import annotations

import re

from roledata.extract import posting_cues as cues
from roledata.extract.places import PROSE
from roledata.extract.posting_page import (LABELLED, Candidate, PostingPage, employer_candidate, employment_words,
                                           page_span, read_terms)
from roledata.parse.structure import Section
from roledata.text import LazyPattern, Span

# A line that opens with a field: "Job Title: ...", "Location: ...".
_FIELD_START = LazyPattern(r"[*_#> \t]*[A-Z][A-Za-z]*(?:[ \t][A-Za-z]+){0,2}[ \t]*:\s")


def _is_field_line(text: str) -> bool:
    """A line of fields: it opens with "Label:" or holds two of the fields job boards print."""
    return ":" in text and (_FIELD_START.match(text) is not None or len(cues.FIELD_NAMES.findall(text, 0, 2000)) >= 2)


# "Duration: 6 months": a fixed term is a contract.
_TERM = LazyPattern(r"\b\d+\s*(?:-\s*\d+\s*)?(?:months?|weeks?|mos?)\b", re.I)


def read_labels(page: PostingPage) -> None:
    for line, section, _ in [*_title_line(page), *page.lines]:
        found = False
        for m in _label_matches(line):
            found = True
            fact = cues.label_fact(m)
            value = _label_value(page, line, m)
            if value is None:
                continue
            _read_value(page, fact, value, section)
        if not found and len(line.text) <= _BARE_LINE and line.text.lstrip("*_#> \t")[:1] in "LlJjWwOoPp" \
                and (m := _BARE_LOCATION.match(line.text)) is not None:
            # "Location Beavercreek, OH": a short line, the label without its colon, a place after it.
            read_terms(page, line.sub(m.end(), len(line.text)), section, LABELLED, places=True)


def _title_line(page: PostingPage) -> list[tuple[Span, Section | None, bool]]:
    """The line the title was read from, when it is no line of the page's sections: a pasted posting may open with
    its fields run together ("Support TechnicianLocation: Golden, CO 80401Duration: 6 Months")."""
    title = page.outline.title
    if title is None or any(span.start <= title.start < span.end for span, _, _ in page.lines):
        return []
    text = page.outline.text
    start = text.rfind("\n", 0, title.start) + 1
    end = text.find("\n", title.end)
    end = len(text) if end < 0 else end
    if ":" not in text[start:end]:
        return []
    return [(Span(start, end, text[start:end]), None, False)]


# A lower-case letter glued to a capital and a lower-case one: where two fields or words run together.
_CAMEL_GLUE = LazyPattern(r"(?<=[a-z])(?=[A-Z][a-z])")
# Four or more short items, each closed by a comma: a list (an item opens with no space, so the match is one).
_LISTED = LazyPattern(r"(?:[^,\n \t][^,\n]{0,39},[ \t]*){4,}")
# A location label without its colon, opening a short line, a capital after it: "Location Beavercreek, OH".
_BARE_LOCATION = LazyPattern(r"[*_#> \t]*(?i:(?:(?:job|work|office|primary)[ \t]+)?locations?)[ \t]+(?=[A-Z])")
_BARE_LINE = 80
# The longest line a label alone stands on: the longest label ("contract duration of the contract") with its
# bullets, stars and colon.
_LABEL_LINE_MAX = 64




def _label_matches(line: Span) -> list[re.Match[str]]:
    """Labels that open a field: at the line's start (after bullets, stars), after a separator, glued,
    or after a space on a line that opens with a field ("Job Title: ... Location: ...")."""
    text = line.text
    # A label alone on its line is short, letters and spaces: a line with a full stop or a comma holds none.
    if len(text) <= _LABEL_LINE_MAX and "." not in text and "," not in text \
            and (alone := cues.LABEL_LINE.match(text)) is not None:
        return [alone]
    if not _may_hold_label(text):  # no colon, no dash before a capital: no label (most lines; cheap)
        return []
    found = []
    field_line = None  # read only when needed: it scans the line for field names
    windows = _label_windows(text)
    for m in _labels_in(text, windows, cues.LABEL):
        before = text[:m.start()].rstrip(" \t*_#>")
        if not before or before[-1] in "|•·;)" or text[max(0, m.start() - 2):m.start()] == "  " \
                or (before[-1] == "," and ":" in before and text[m.start()].isupper()):  # "Keywords: ..., Location: Reno"
            found.append(m)
        elif text[m.start() - 1] in " \t" and text[m.start()].isupper():
            if field_line is None:
                field_line = _is_field_line(text)
            if field_line and (":" in before or len(cues.FIELD_NAMES.findall(text, 0, 2000)) >= 2):
                found.append(m)
    found += [m for m in _labels_in(text, windows, cues.GLUED_LABEL) if text[m.start()].isupper()]
    found.sort(key=lambda m: m.start())
    return found


_DASH_CAPITAL = LazyPattern(r"[-–—][ \t]*[A-Z]")


def _may_hold_label(text: str) -> bool:
    """What ends every label but one alone on its line is there: a colon, or a dash before a capital."""
    return ":" in text or "：" in text or (("-" in text or "–" in text or "—" in text)
                                           and _DASH_CAPITAL.search(text) is not None)


# A separator after a word a label may end with ("Job Location:", "Type -"), read on the line written
# backwards: the pattern then opens with the separator, which the engine skips to, so only separators
# cost anything; the label patterns run only before these (a pasted posting may be one long line).
_LABEL_TAIL_BACKWARDS = LazyPattern(r"[:：\-–—][ \t]*(?:" + "|".join(
    [word[::-1] for word in sorted(cues.LABEL_LAST_WORDS, key=len, reverse=True)]
    + [word[::-1] + r"(?=\s)" for word in sorted(cues.LABEL_AFTER_SPACE, key=len, reverse=True)])
    + r")(?:[^\W\d_]|\s)*", re.I)
# Where a glued label may start in a window: a capital right after a letter, ")", "]" or "." (the look-behind
# of GLUED_LABEL under re.I); a window without one holds no glued label that counts (one opening lower case
# is dropped, `_label_matches`).
_GLUED_START = LazyPattern(r"(?:[^\W\d_]|[)\].])[A-Z]")
# How far before its separator a label may start: the longest label with its spaces, and room to spare.
_LABEL_REACH = 80


def _label_windows(text: str) -> list[tuple[int, int, int]]:
    """(start, separator, end) of every stretch a label may stand in: the letters and spaces (at most
    `_LABEL_REACH`) before a separator that follows a label's last word, to the separator's spaces and one
    character more."""
    windows = []
    for m in reversed(list(_LABEL_TAIL_BACKWARDS.finditer(text[::-1]))):
        at = len(text) - 1 - m.start()
        end = at + 1
        while end < len(text) and text[end] in " \t":
            end += 1
        windows.append((max(len(text) - m.end(), at - _LABEL_REACH), at, end + 1))
    return windows


def _labels_in(text: str, windows: list[tuple[int, int, int]], label: re.Pattern[str]) -> list[re.Match[str]]:
    """`label.finditer(text)`, read only in the windows: a label's letters and spaces stand right
    before its separator, and the match ends after the separator's spaces or looks one character on."""
    found: list[re.Match[str]] = []
    done = 0  # where the last match ended: matches do not overlap
    glued = label is cues.GLUED_LABEL
    for start, at, end in windows:
        if at < done or (glued and _GLUED_START.search(text, max(start - 1, 0), at) is None):
            continue
        m = next((m for m in label.finditer(text, max(start, done), end) if m.start() < at < m.end()), None)
        if m is not None:
            found.append(m)
            done = m.end()
    return found


def _label_value(page: PostingPage, line: Span, m: re.Match[str]) -> Span | None:
    """The value after a label: to the next field, the line's end or MAX_VALUE characters; a label
    alone on its line takes the next line when that is short."""
    text = line.text
    # a location's value that lists places runs on longer ("Remote - Alaska, Arizona, California, ...")
    listed = cues.label_fact(m) == "location" and _LISTED.match(text, m.end()) is not None
    end = min(len(text), m.end() + cues.MAX_VALUE * (2 if listed else 1))
    for rx in ((cues.NEXT_FIELD, cues.FIELD_NAMES, cues.NEXT_FIELD_ON_FIELD_LINE) if _is_field_line(text)
               else (cues.NEXT_FIELD, cues.FIELD_NAMES)):
        nxt = rx.search(text, m.end() + 1, end)
        if nxt is not None:
            end = nxt.start()
    if listed and (prose := PROSE.search(text, m.end(), end)) is not None:
        end = prose.start()  # a listed value has ended where prose begins ("..., El Paso, TX, and we also consider")
    value = line.sub(m.end(), end)
    if value.text:
        return value
    if m.end() < len(text.rstrip()):
        return None
    i = next((k for k, (span, _, _) in enumerate(page.lines) if span.start == line.start), None)
    if i is None or i + 1 >= len(page.lines):
        return None
    following = page.lines[i + 1][0]
    return following.sub(0, cues.MAX_VALUE) if len(following.text) <= 2 * cues.MAX_VALUE else None


def _read_value(page: PostingPage, fact: str, value: Span, section: Section) -> None:
    if fact == "location":
        before = len(page.found)
        read_terms(page, value, section, LABELLED, places=True)
        if len(page.found) == before and (glued := _CAMEL_GLUE.search(value.text)) is not None:
            # no place in the value as cut: it may run on into the next field glued to it ("Portland OregonContract
            # begins"); a name written in camel case ("McAllen, TX") is read whole first
            read_terms(page, value.sub(0, glued.start()), section, LABELLED, places=True)
    elif fact == "work_arrangement":
        read_terms(page, value, section, LABELLED, places=False)
        for code, span in employment_words(value):  # "Mode: Full Time", "Work Mode: Remote, Contract"
            page.add(Candidate("employment_type", code, span, section, LABELLED))
    elif fact == "employment_type":
        read_terms(page, value, section, LABELLED, places=False)  # "Type: Full-time, Hybrid"
        words = employment_words(value)
        if not words and re.search(r"contract", page.outline.text[max(0, value.start - 30):value.start], re.I):
            words = [("contract", page_span(page, value.start - 30, value.start, "contract"))]
        for code, span in words:
            page.add(Candidate("employment_type", code, span, section, LABELLED))
        if not words and (term := _TERM.search(value.text)) is not None and term.start() <= 3 \
                and value.start >= 9 and page.outline.text[value.start - 9:value.start].lower().startswith("duration"):
            page.add(Candidate("employment_type", "contract", value.sub(term.start(), term.end()), section, LABELLED))
    elif fact == "employer":
        name = re.match(cues.EMPLOYER_NAME, value.text)
        if name is not None and not cues.ON_BEHALF.search(value.text):
            if (found := employer_candidate(page, value.sub(0, name.end()), section, LABELLED)) is not None:
                found.is_label = True
                page.add(found)
    elif fact in ("date_posted", "valid_through"):
        m = cues.DATE.search(value.text)
        if m is not None and m.start() <= 12 and (day := cues.read_date(m)):
            page.add(Candidate(fact, day, value.sub(m.start(), m.end()), section, LABELLED))
    elif fact == "experience_level":
        level = cues.experience_level(value.text)
        if level is not None and len(value.text.split()) <= 4:
            page.add(Candidate(fact, level, value, section, LABELLED))


