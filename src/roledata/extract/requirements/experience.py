"""The `experience_requirements` table: years of experience a page asks for, and of what.

One row per figure ("3+ years", "5-8 years", "less than two years"); a span of
levels ("Junior (1 year) through Lead (6+ years)") is one row. The scope is what
the years are of: leadership, hands-on work, a domain, else the total.
"""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, provenance
from roledata.extract.requirements import clauses, requirement_pieces, year_matches
from roledata.parse.outline import Outline
from roledata.text import LazyPattern

# The number words the shared year pattern (`requirements._N`) reads.
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
# "Junior (1 year) through Lead (6+ years)": one span of levels.
_LEVEL_JOIN = LazyPattern(r"\s*\)?\s*(?:to|through|–|—|-)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s*\(\s*", re.I)
_LEVEL_OPEN = LazyPattern(r"[A-Za-z][\w-]*\s*\(\s*$")
_SCOPES = (
    ("leadership", LazyPattern(r"\b(?:leadership|leading|lead|management|managing|manager|executive)\b", re.I)),
    ("hands_on", LazyPattern(r"\bhands-on\b", re.I)),
    ("total", LazyPattern(r"\btotal\b", re.I)),
    # Years spent doing the role's own work: "2+ years running ML systems in production".
    ("domain", LazyPattern(r"^\W*(?:of\s+)?(?:experience\s+)?(?:running|building|deploying|developing|designing|shipping|"
                           r"operating|training|maintaining|scaling|working (?:on|with)|applying)\b", re.I)),
    # Years in any of several fields are a career's length: "5+ years in software or data engineering".
    ("total", LazyPattern(r"^\W*in\s+(?:[\w/-]+\s+){1,2}or\s+[\w/-]+", re.I)),
    ("domain", LazyPattern(r"\b(?:in|of)\s+(?:[\w/-]+\s+){0,3}(?:development|engineering|AI|ML|software|data|architecture|design|research)", re.I)),
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _years(m: re.Match[str]) -> tuple[int, int | None] | None:
    """(min, max) years of a `year_matches` match, max None when open above; None when the
    figures run backwards ("5-3 years")."""
    a = _number(m.group("a"))
    b = _number(m.group("b")) if m.group("b") else None
    if m.group("under"):
        return 0, b if b is not None else a                     # "less than 5 years": up to 5
    if b is not None:
        if b < a:
            return None
        return a, None if m.group("plus2") else b                 # "1-6+ years": from 1, open above
    return a, None


def extract_experience(outline: Outline, context: PageContext) -> list[dict]:
    """One row per figure of years in each clause of the page's requirement pieces, in page order."""
    document_id, role_id = context.document_id, context.role_id
    rows: list[dict] = []
    for piece in requirement_pieces(outline):
        if piece.topic in ("education", "certification"):
            continue
        low = piece.low
        if "year" not in low and "yr" not in low:
            continue
        for clause in clauses(piece.span):
            text = clause.text
            matches = year_matches(text)
            if piece.prose and "experience" not in text.lower():
                continue
            i = 0
            while i < len(matches):
                m = matches[i]
                years = _years(m)
                start, last = m.start(), m
                # "Junior (1 year) through Lead (6+ years)"
                if (years is not None and i + 1 < len(matches) and not matches[i + 1].group("under")
                        and _LEVEL_JOIN.fullmatch(text, m.end(), matches[i + 1].start())):
                    nxt = _years(matches[i + 1])
                    if nxt is not None:
                        upper = nxt[1] if matches[i + 1].group("b") else (None if matches[i + 1].group("plus") else nxt[0])
                        years = (years[0], upper)
                        last = matches[i + 1]
                        i += 1
                        if opener := _LEVEL_OPEN.search(text, 0, start):
                            start = opener.start()
                i += 1
                if years is None:
                    continue
                end = matches[i].start() if i < len(matches) else len(text)
                after = text[last.end():end]
                scope = next((name for name, rx in _SCOPES if rx.search(after[:90])), "total")
                span = clause.sub(start, end)
                row = {"experience_id": None,
                       "role_id": role_id, "years_min": years[0], "years_max": years[1], "scope": scope}
                row.update(provenance(document_id, piece.section, span))
                rows.append(row)
    return rows
