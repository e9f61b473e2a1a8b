"""Reading a role title out of prose.

AiPathly pages have no title line, so the title is read from the opening
sentences: "The role of a Head of AI Engineering, also known as Director of
AI or Chief AI Officer, is ..." or "The AI Tech Lead is a pivotal role ...".
A title is a run of capitalized words (with "of", "and", "&", "/" and
parenthesized abbreviations between them), so it ends where prose begins.
"""
from __future__ import annotations

import re

from roledata.text import Span, split_span

_WORD = r"(?:[A-Z][\w&+./'’-]*|\([A-Z][\w/&.+-]*\))"
_JOIN = r"(?:of|and|&|for|in|the|to|on)"
TITLE_PATTERN = rf"{_WORD}(?:(?:\s+{_JOIN})*\s+{_WORD})*"
_ALIAS_LEAD = r"(?:also known as|also called|sometimes called|often called|also referred to as|sometimes referred to as)"
_VERB = r"(?:is|are|has|plays|combines|involves|requires|encompasses|sits|serves|acts|leads|oversees|bridges|represents|stands)"

_SENTENCE_PATTERNS = (
    re.compile(
        rf"\b[Tt]he (?:role|position|job) of (?:an? |the )?(?P<title>{TITLE_PATTERN})"
        rf"(?:,\s*{_ALIAS_LEAD}\s+(?P<aliases>[^,]+),)?\s+{_VERB}\b"
    ),
    re.compile(
        rf"^(?:The|An?)\s+(?P<title>{TITLE_PATTERN})"
        rf"(?:,\s*{_ALIAS_LEAD}\s+(?P<aliases>[^,]+),)?\s+{_VERB}\b"
    ),
    # Plural lead-ins on JobDescription.org-style summaries: "AI Engineering Managers lead ..."
    re.compile(rf"^(?P<title>{TITLE_PATTERN})s\s+(?:are|lead|design|build|oversee|sit|own|develop|manage)\b"),
)

# Words that start a sentence but never a title.
_NOT_TITLES = {"This", "These", "That", "It", "Here", "In", "As", "For", "With", "Our", "We"}


def title_from_prose(span: Span) -> tuple[Span, list[Span]] | None:
    """The role title (and "also known as" aliases) named by a sentence."""
    for pattern in _SENTENCE_PATTERNS:
        m = pattern.search(span.text)
        if not m:
            continue
        title = span.sub(*m.span("title"))
        if title.text.split()[0] in _NOT_TITLES or len(title.text.split()) > 10:
            continue
        aliases = split_title_list(span.sub(*m.span("aliases"))) if m.group("aliases") else []
        return title, aliases
    return None


_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:or|and)\s+|,\s*|\s+or\s+|\s+and\s+(?=[A-Z]))")


def split_title_list(span: Span) -> list[Span]:
    """`Director of AI or Chief AI Officer` -> two spans."""
    return [piece for piece, _ in split_span(span, _LIST_SPLIT)]


_ABBREVIATED = re.compile(r"(?P<words>(?:[A-Z][a-z]+\s+){1,4})\((?P<abbr>[A-Z]{2,6})\)\s*")


def abbreviated_title(title: str) -> str | None:
    """`Vice President (VP) of AI/ML Engineering` -> `VP of AI/ML Engineering`."""
    m = _ABBREVIATED.search(title)
    if not m:
        return None
    initials = "".join(w[0] for w in m.group("words").split())
    if initials.upper() != m.group("abbr"):
        return None
    return (title[: m.start()] + m.group("abbr") + " " + title[m.end():]).strip()
