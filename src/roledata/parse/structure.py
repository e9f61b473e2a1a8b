"""Line-level structure: every line with its offsets, bullet marker and shape.

Both page families, and the generic fallback, are read as a sequence of
lines. A bullet's marker ("- ", "• ", "1. ") is not part of its text, so the
`content` span starts after it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from roledata.text import LazyPattern, Span

_BULLET = LazyPattern(r"^[ \t\u00a0]*(?:[-*•·▪◦‣–—]|\d{1,2}[.)])[ \t\u00a0]+")
_MARKDOWN_HEADING = LazyPattern(r"^[ \t]*#{1,6}[ \t]+")
_TERMINAL = ".,;:!?"


@dataclass(slots=True)
class Line:
    number: int
    content: Span
    is_bullet: bool
    indent: int
    is_markdown_heading: bool = False

    @property
    def text(self) -> str:
        return self.content.text


# What a line's first character after its indent must be for either marker pattern to match.
_MARKER_FIRST = frozenset("-*•·▪◦‣–—#")


def split_lines(doc: str) -> list[Line]:
    """All non-blank lines of `doc`, in order, with trimmed content spans."""
    lines: list[Line] = []
    append = lines.append
    pos = 0
    for number, raw in enumerate(doc.splitlines(keepends=True)):
        # `raw` keeps its line break: every break splitlines knows is white space, so stripping
        # `raw` gives what stripping the line without it would, one copy fewer per line.
        start = pos
        pos += len(raw)
        stripped = raw.strip()
        if not stripped:
            continue
        unindented = raw.lstrip(" \t\u00a0")
        indent = len(raw) - len(unindented)
        first = unindented[0]
        marker = None
        if first in _MARKER_FIRST or first.isdecimal():  # `\d` is a decimal digit (category Nd)
            marker = _BULLET.match(raw) or _MARKDOWN_HEADING.match(raw)
        if marker is None:  # the content is the line, trimmed
            lead = indent if not first.isspace() else len(raw) - len(raw.lstrip())
            append(Line(number, Span(start + lead, start + lead + len(stripped), stripped), False, indent))
            continue
        # the content follows the marker, trimmed
        rest = raw[marker.end():]
        text = rest.strip()
        if not text:
            continue
        lead = start + marker.end() + len(rest) - len(rest.lstrip())
        bullet = marker.re is _BULLET.compiled()
        append(Line(number, Span(lead, lead + len(text), text), bullet, indent, not bullet))
    return lines


def is_heading_like(line: Line, max_words: int = 12) -> bool:
    """A short line standing alone: no bullet, no closing punctuation.

    "Salary Ranges (US Market, 2024)" qualifies; "Here are the key
    requirements:" and "Dear Hiring Manager," do not.
    """
    if line.is_markdown_heading:
        return True
    text = line.text
    if line.is_bullet or len(text) > 100 or text[-1] in _TERMINAL:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return len(text.split()) <= max_words and "$" not in text


def is_label_line(line: Line, max_words: int = 12) -> bool:
    """A short line that ends in a colon and introduces what follows ("Education:")."""
    text = line.text
    return (
        not line.is_bullet
        and text.endswith(":")
        and len(text.split()) <= max_words
        and text[0].isupper()
    )


_LABEL = LazyPattern(r"^(?P<label>[A-Z][^:!?]{0,80}?)\s*:\s+(?=\S)")
_SENTENCE_BREAK = LazyPattern(r"[a-z0-9)]\. [A-Z]")


def split_label(span: Span) -> tuple[Span | None, Span]:
    """`Technical Leadership: Guide the team` -> (label, value) spans.

    A label is a short phrase before the first colon; a colon late in a
    sentence ("the key requirements: ...") is not a label.
    """
    text = span.text
    if not ("A" <= text[:1] <= "Z") or ":" not in text:
        return None, span  # a label opens with a capital and ends at a colon: the regex need not run
    m = _LABEL.match(span.text)
    if not m or len(m.group("label").split()) > 10 or _SENTENCE_BREAK.search(m.group("label")):
        return None, span
    label = span.sub(0, m.end("label"))
    value = span.sub(m.end(), len(span.text))
    return label, value


@dataclass(slots=True)
class Section:
    """A heading and the lines under it; level 1 = page section, 2 = sub-section."""

    ordinal: int
    heading: Span | None
    kind: str
    level: int
    parent: "Section | None" = None
    lines: list[Line] = field(default_factory=list)

    @property
    def heading_text(self) -> str | None:
        return self.heading.text if self.heading else None

    @property
    def top(self) -> "Section":
        return self.parent if self.parent is not None else self

    def char_range(self, doc_len: int) -> tuple[int, int]:
        start = self.heading.start if self.heading else (self.lines[0].content.start if self.lines else 0)
        end = self.lines[-1].content.end if self.lines else (self.heading.end if self.heading else doc_len)
        return start, end
