"""The text primitives of `roledata.text`: spans, the digit and case-folding checks, sentences,
look-alike characters and mojibake. The cheap forms give the answers of the slow forms they stand
for: a pre-check may let a line through for nothing, never stop a match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roledata.text import (
    APOSTROPHE, ARROW, DASH, Span, fold, has_digit, misdecoded_forms, mojibake_samples, sentence_spans,
)
from tests.helpers import TRICKY_TEXT


def _slow_sub(span: Span, rel_start: int, rel_end: int) -> Span:
    piece = span.text[rel_start:rel_end]
    lead = len(piece) - len(piece.lstrip())
    return Span(span.start + rel_start + lead, span.start + rel_start + len(piece.rstrip()), piece.strip())


@given(TRICKY_TEXT, st.integers(-5, 70), st.integers(-5, 70))
def test_span_sub_fast_path_matches_trimming(text: str, a: int, b: int) -> None:
    span = Span(3, 3 + len(text), text)
    assert span.sub(a, b) == _slow_sub(span, a, b)


@given(TRICKY_TEXT)
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert has_digit(text) == any(ch.isdigit() for ch in text)


@given(TRICKY_TEXT, st.sampled_from(["bonus", "led", "similar", "title", "kit", "is seeking"]))
def test_fold_never_hides_a_case_insensitive_match(text: str, word: str) -> None:
    if re.search(re.escape(word), text, re.I):
        assert word in fold(text)


@given(TRICKY_TEXT)
@settings(max_examples=300)
def test_sentence_spans_of_one_sentence(text: str) -> None:
    span = Span.of(text, 0, len(text))
    sentences = sentence_spans(span)
    if not any(ch in span.text for ch in ".!?"):
        assert sentences == ([_slow_sub(span, 0, len(span.text))] if span.text else [])


_SENTENCE_TEXT = st.text(st.sampled_from(list("ab AB.!?(\"'[\n\t\u00a0e.g.Dr.x")), max_size=60)


def _slow_sentence_spans(span: Span) -> list[Span]:
    """Sentence breaks found by looking behind for the end mark, as they were first written."""
    out, pos = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(\"'\[])", span.text):
        if span.text.endswith(("e.g.", "i.e.", "vs.", "Dr.", "Mr.", "Ms.", "U.S.", "Inc.", "approx."), 0, m.start()):
            continue
        out.append(_slow_sub(span, pos, m.start()))
        pos = m.end()
    out.append(_slow_sub(span, pos, len(span.text)))
    return [s for s in out if s.text]


@given(_SENTENCE_TEXT)
@settings(max_examples=400)
def test_sentence_spans_match_the_look_behind_split(text: str) -> None:
    span = Span(5, 5 + len(text), text)
    assert sentence_spans(span) == _slow_sentence_spans(span)


# ---------------------------------------------------------------- look-alikes and mojibake
@pytest.mark.parametrize(("text", "found"), [
    ("Café à la carte, 30°C", []),
    ("Ã  la mode", []),  # "Ã" then a space: not a UTF-8 sequence
    ("Salary: Â£90,000", ["Â£"]),  # "£" in UTF-8, read as cp1252
    ("naÃ¯ve cafÃ© cafÃ©", ["Ã¯", "Ã©"]),
])
def test_mojibake_samples(text, found):
    assert mojibake_samples(text) == found


def test_lookalike_patterns_cover_double_decoded_forms():
    assert misdecoded_forms("–") == ["\u00e2\u20ac\u201c", "\u0e42\u20ac\u201c"]  # cp1252, cp874
    for text in ("8\u20139", "8\u00e2\u20ac\u201c9", "8\u0e42\u20ac\u201d9", "8-9", "8\u22129"):
        assert re.fullmatch(rf"8{DASH}9", text), text
    assert re.fullmatch(rf"a{APOSTROPHE}s", "a\u0e42\u20ac\u2122s")
    assert re.fullmatch(rf"a\s*{ARROW}\s*b", "a \u00e2\u2020\u2019 b")


def test_mojibake_under_cp874_is_flagged():
    assert mojibake_samples("Growth 2024 \u0e42\u20ac\u201d 2034, the team\u0e42\u20ac\u2122s work") == [
        "\u0e42\u20ac\u201d", "\u0e42\u20ac\u2122"]
    assert mojibake_samples("ภาษาไทย ข้อความภาษาไทย") == []  # real Thai text
    assert mojibake_samples("plain ASCII text") == []
