"""What an extractor reads besides the outline: the page's context, and its sentences with theirs.

Every extractor gets a `PageContext`: whose rows it writes (the page's
document and primary role) and what else the page says about roles.

Extractors read sentences, not lines: a salary bullet's label ("Entry-Level
(5-8 years experience)") and the short bullet grouping it ("Geographic
Location") travel with it, as do the (sub-)section it sits in.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from roledata.parse.outline import ListedRole, Outline
from roledata.parse.structure import Line, Section, split_label
from roledata.text import Span, has_digit, sentence_spans


@dataclass(frozen=True, slots=True)
class PageContext:
    """Whose rows an extractor writes, and the roles the page names.

    In: the page's `document_id`, its primary role's `role_id` and names (title first, then
    aliases), each role another list on the page names with that role's `roles` row, and
    the page's path (row ids hash it). Tests give the first two and leave the rest empty.
    """

    document_id: str
    role_id: str
    role_names: tuple[str, ...] = ()
    listed_roles: tuple[tuple[ListedRole, dict], ...] = ()
    source_path: str = ""


class Sentence(NamedTuple):
    """One sentence with its context; a named tuple, as a page has hundreds (see `Span`)."""

    span: Span
    line: Line
    section: Section
    label: Span | None
    group: Span | None


def iter_sentences(outline: Outline, skip_kinds: frozenset[str] = frozenset()) -> Iterator[Sentence]:
    """Every sentence outside sections of `skip_kinds`, in page order.

    Several extractors walk the same page; the split is done once per outline.
    """
    if outline.sentences is None:
        outline.sentences = _split_sentences(outline)
    if not skip_kinds:
        return iter(outline.sentences)
    return (s for s in outline.sentences if s.section.kind not in skip_kinds)


def _split_sentences(outline: Outline) -> list[Sentence]:
    out: list[Sentence] = []
    append = out.append
    for section in outline.sections:
        group: Span | None = None
        for line in section.lines:
            content = line.content
            label, value = split_label(content)
            spans = sentence_spans(value)
            if spans:
                append(Sentence(spans[0], line, section, label, group))
                for sentence in spans[1:]:
                    append(Sentence(sentence, line, section, None, group))
            if line.is_bullet:
                if is_group_label(content.text):
                    # "- Geographic Location" groups the bullets after it; it is still read
                    # itself, since a Title Case bullet can be content ("- AWS Certified ...").
                    group = content
            else:
                group = None
    return out


_SMALL_WORDS = {"and", "or", "of", "in", "the", "for", "to", "a", "an", "with", "on", "at", "&"}


def is_group_label(text: str) -> bool:
    """A short Title Case bullet that names the bullets after it: "- Geographic Location".

    "PhD in relevant fields (highly preferred)" is content, not a label.
    """
    if len(text.split(None, 7)) > 6 or text[-1] in ".,;:!?" or ":" in text:  # (at most 8 pieces: enough to count to 6)
        return False
    if has_digit(text):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)


def provenance(document_id: str, section: Section | None, span: Span) -> dict[str, object]:
    """The contract's provenance columns for a row read from `span`."""
    return {
        "document_id": document_id,
        "section_heading": section.heading_text if section else None,
        "char_start": span.start,
        "char_end": span.end,
        "text": span.text,
    }


def row_span(sentence: Sentence) -> Span:
    """The span a row quotes: the label and its value when the line has a label
    ("Bonus: 15-20% of base"), else the sentence."""
    if sentence.label is not None:
        line = sentence.line.content
        return line.sub(sentence.label.start - line.start, sentence.span.end - line.start)
    return sentence.span
