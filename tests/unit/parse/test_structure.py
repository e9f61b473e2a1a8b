"""Lines and labels (`roledata.parse.structure`): the fast forms read a page as the plain regexes do."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from roledata.parse.structure import Line, split_label, split_lines
from roledata.text import Span
from tests.helpers import TRICKY_CHARACTERS, TRICKY_TEXT


@given(TRICKY_TEXT)
def test_split_label_without_capital_or_colon_has_no_label(text: str) -> None:
    span = Span(0, len(text), text)
    label, value = split_label(span)
    m = re.match(r"^(?P<label>[A-Z][^:!?]{0,80}?)\s*:\s+(?=\S)", text)
    if m is None:
        assert (label, value) == (None, span)


def _slow_split_lines(doc: str) -> list[Line]:
    bullet = re.compile(r"^[ \t\u00a0]*(?:[-*•·▪◦‣–—]|\d{1,2}[.)])[ \t\u00a0]+")
    heading = re.compile(r"^[ \t]*#{1,6}[ \t]+")
    lines, pos = [], 0
    for number, raw in enumerate(doc.splitlines(keepends=True)):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        body = doc[start:end]
        if not body.strip():
            continue
        marker = bullet.match(body) or heading.match(body)
        content = Span.of(doc, start + (marker.end() if marker else 0), end)
        if content.text:
            lines.append(Line(number, content, bool(marker) and marker.re is bullet,
                              len(body) - len(body.lstrip(" \t\u00a0")), bool(marker) and marker.re is heading))
    return lines


@given(st.text(TRICKY_CHARACTERS, max_size=120))
@settings(max_examples=300)
def test_split_lines_matches_the_plain_reading(doc: str) -> None:
    assert split_lines(doc) == _slow_split_lines(doc)
