"""The cheap checks the document step runs before its regexes give the same answers as the
slow forms they stand for: a pre-check may let a line through for nothing, never stop a match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from roledata.extract.context import is_group_label
from roledata.parse import jobdescription_org, posting
from roledata.parse.structure import Line, split_label, split_lines
from roledata.text import Span, fold, has_digit, sentence_spans

# Letters IGNORECASE pairs with ASCII ("İ", "ı", "ſ", Kelvin sign), digits of other scripts,
# superscripts (isdigit but not \d), line breaks of every kind, markers, colons and sentence ends.
_ALPHABET = st.sampled_from(list("abcAB sS iIkK\u0130\u0131\u017f\u212a0\u0660\u00b2\n\r\x0c\u2028\t\u00a0"
                                 "-*•#1.:;!?()ΣσLEDled"))
_TEXT = st.text(_ALPHABET, max_size=60)


def _slow_sub(span: Span, rel_start: int, rel_end: int) -> Span:
    piece = span.text[rel_start:rel_end]
    lead = len(piece) - len(piece.lstrip())
    return Span(span.start + rel_start + lead, span.start + rel_start + len(piece.rstrip()), piece.strip())


@given(_TEXT, st.integers(-5, 70), st.integers(-5, 70))
def test_span_sub_fast_path_matches_trimming(text: str, a: int, b: int) -> None:
    span = Span(3, 3 + len(text), text)
    assert span.sub(a, b) == _slow_sub(span, a, b)


@given(_TEXT)
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert has_digit(text) == any(ch.isdigit() for ch in text)


@given(_TEXT, st.sampled_from(["bonus", "led", "similar", "title", "kit", "is seeking"]))
def test_fold_never_hides_a_case_insensitive_match(text: str, word: str) -> None:
    if re.search(re.escape(word), text, re.I):
        assert word in fold(text)


@given(_TEXT)
@settings(max_examples=300)
def test_sentence_spans_of_one_sentence(text: str) -> None:
    span = Span.of(text, 0, len(text))
    sentences = sentence_spans(span)
    if not any(ch in span.text for ch in ".!?"):
        assert sentences == ([_slow_sub(span, 0, len(span.text))] if span.text else [])


@given(_TEXT)
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


@given(st.text(_ALPHABET, max_size=120))
@settings(max_examples=300)
def test_split_lines_matches_the_plain_reading(doc: str) -> None:
    assert split_lines(doc) == _slow_split_lines(doc)


@given(_TEXT)
def test_group_label_digit_check(text: str) -> None:
    if text and any(ch.isdigit() for ch in text):
        assert not is_group_label(text)


def test_posting_voice_on_lower_case_text_matches_ignorecase() -> None:
    for text in ("We are SEEKING a Data Engineer. Apply now! Remote, Full-Time, 401(k), PTO.",
                 "What does a Data Scientist do? Career Path and Job Outlook; Median Pay $120,000",
                 "ſeeks applicants: hybrid · on-site · dental",  # "ſ": the IGNORECASE path
                 "İs hiring candidates"):
        head = text[:8000]
        voice = {m.group().lower() for m in posting._VOICE.finditer(head)}
        guide = {m.group().lower() for m in posting._GUIDE.finditer(head)}
        expected = max(2 * len(posting._headings(head)) + min(6, len(voice)) - 2 * len(guide), 0)
        assert posting.looks_like(text) == expected


def test_jobdescription_org_score_unchanged_by_word_checks() -> None:
    page = "JobDescription.org\n\nData Engineer\n\nLast updated\n\n- Role at a glance\n\nDuties and Responsibilities\n"
    assert jobdescription_org.looks_like(page) == 8
    assert jobdescription_org.looks_like(page.replace("Role at a glance", "Role at a glanc")) == 6


@given(st.text(st.sampled_from(list("certifCERTIF labsLABS visa\u0130\u0131\u017f\u212a -:")), max_size=40))
def test_not_tool_label_matches_ignorecase(text: str) -> None:
    from roledata.extract.skills import _NOT_TOOL_LABEL, _not_tool_label

    assert _not_tool_label(text) == (_NOT_TOOL_LABEL.search(text) is not None)


@given(st.text(st.sampled_from(list("TtKkEeDd\u212a\u0130 -–•*#\typrical education:degree")), max_size=40))
def test_requirement_label_initials(text: str) -> None:
    from roledata.extract.requirements import _LABEL_HINT, _REQ_LABEL, _label_match

    full = _REQ_LABEL.match(text.lstrip(" -–•*#\t")) if _LABEL_HINT.search(text[:80].lower()) else None
    got = _label_match(text)
    assert (got and got.group(0)) == (full and full.group(0))


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


_POSTING_TEXT = st.lists(st.sampled_from(["we are", " seeking", "apply", "remote", "location:", "401(k)", "w2", "w-2",
                                         "career path", "job outlook", "what does a", " x ", " do", "pto", "-", " ",
                                         ":", "a", "\n", "é", "_", "hourly"]), max_size=25).map("".join)


@given(_POSTING_TEXT)
@settings(max_examples=300)
def test_posting_phrases_match_word_boundary_search(low: str) -> None:
    for words, regex in ((posting._VOICE_WORDS, posting._VOICE_LOWER), (posting._GUIDE_WORDS, posting._GUIDE_LOWER)):
        assert posting._phrases(regex, low) == {m.group() for m in re.finditer(rf"\b{words}", low)}


@given(st.text(st.sampled_from(list("aZbY Ü ü\u0130\u0131x")), max_size=40))
def test_posting_glued_capitals_match_the_look_around_split(text: str) -> None:
    assert posting._GLUED.sub(r" \g<0>", text) == re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
