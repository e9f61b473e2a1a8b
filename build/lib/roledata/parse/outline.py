"""The format-independent result of parsing one page.

Format parsers (jobdescription_org, aipathly, generic) only find structure:
title, family, summary, sections, label/value pairs, FAQ pairs and roles
listed for other pages. Extractors then read rows from this outline, so a
new page family needs a parser and nothing else.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from roledata.parse.headings import heading_kind
from roledata.parse.structure import Line, Section
from roledata.parse.titles import TitleChoice
from roledata.text import Span


@dataclass(slots=True)
class ListedRole:
    """A role named on another role's page (e.g. the "More in ..." list)."""

    title: Span
    pay: Span | None
    description: Span | None
    heading: Span | None


@dataclass(slots=True)
class Outline:
    text: str
    source_format: str
    title: Span | None = None
    aliases: list[Span] = field(default_factory=list)
    # The family parser's own proposal, then the chosen title and how it was found (roles.title_source).
    title_choice: TitleChoice | None = None
    family: Span | None = None
    summary: Span | None = None
    sections: list[Section] = field(default_factory=list)
    faqs: list[tuple[Span, Span, Section]] = field(default_factory=list)
    listed_roles: list[ListedRole] = field(default_factory=list)
    # Filled once by extractors that walk the page sentence by sentence (extract.context).
    sentences: list | None = None
    # Per-page work shared by several tables, filled by the first extractor that needs it:
    # the skill matches of every line (extract.skills, for role_skills and skill_candidates) and
    # the requirement pieces (extract.requirements, for education, experience and certifications).
    skill_matches: list | None = None
    requirement_pieces: list | None = None

    def lines(self, kinds: set[str] | None = None) -> Iterator[tuple[Line, Section]]:
        """Every content line with the (sub-)section it sits in, in page order."""
        for section in self.sections:
            if kinds is not None and section.kind not in kinds:
                continue
            for line in section.lines:
                yield line, section


_BROAD_KINDS = {"overview", "requirements", "qualifications", "other", "at_a_glance"}

# classify(index, line, current_top_section) -> 1 (page heading), 2 (sub-heading), 0 (content)
Classifier = Callable[[int, Line, "Section | None"], int]


def build_sections(lines: list[Line], classify: Classifier) -> list[Section]:
    """Group lines under headings.

    A sub-section inherits its parent's kind, except under broad sections
    (overview, requirements, ...) where its own heading says more:
    "Technical Skills" under "Requirements" is `skills`, while "Innovation
    and Best Practices" under "Core Responsibilities" stays `duties`.
    """
    sections: list[Section] = []
    top: Section | None = None
    current: Section | None = None
    for i, line in enumerate(lines):
        level = classify(i, line, top)
        if level == 1:
            top = Section(len(sections), line.content, heading_kind(line.text), 1)
            sections.append(top)
            current = top
        elif level == 2:
            own = heading_kind(line.text.rstrip(":"))
            parent_kind = top.kind if top else "other"
            kind = own if own != "other" and parent_kind in _BROAD_KINDS else parent_kind
            current = Section(len(sections), line.content, kind, 2, parent=top)
            sections.append(current)
        else:
            if current is None:
                current = Section(len(sections), None, "other", 1)
                sections.append(current)
                top = current
            current.lines.append(line)
    return sections


def section_ranges(sections: list[Section], doc_len: int) -> dict[int, tuple[int, int]]:
    """Character range of each section, a page section covering its sub-sections."""
    ranges = {s.ordinal: s.char_range(doc_len) for s in sections}
    for s in sections:
        if s.parent is not None:
            p_start, p_end = ranges[s.parent.ordinal]
            start, end = ranges[s.ordinal]
            ranges[s.parent.ordinal] = (min(p_start, start), max(p_end, end))
    return ranges


def question_answer_pairs(text: str, section: Section) -> list[tuple[Span, Span, Section]]:
    """A question is a line ending in "?"; its answer runs to the next question."""
    out: list[tuple[Span, Span, Section]] = []
    question: Line | None = None
    answer: list[Line] = []
    for line in [*section.lines, None]:
        if line is None or line.text.endswith("?"):
            if question is not None and answer:
                body = Span.of(text, answer[0].content.start, answer[-1].content.end)
                out.append((question.content, body, section))
            question, answer = line, []
        elif question is not None:
            answer.append(line)
    return out
