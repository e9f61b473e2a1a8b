"""Fallback for pages that match no known family.

Reads markdown or plain-text headings, bullets and "Label: value" lines.
Never raises on odd input: the worst case is one untitled section.
"""
from __future__ import annotations

from roledata.parse.headings import heading_kind
from roledata.parse.outline import Outline, build_sections, question_answer_pairs
from roledata.parse.structure import Line, Section, is_heading_like, is_label_line


def parse(text: str, lines: list[Line]) -> Outline:
    """Sections and FAQs; the title is left to the cues of `titles.choose_title`."""
    outline = Outline(text=text, source_format="generic")
    body = lines
    # A first short line that is not a section name ("Overview") heads the page, not a section.
    if lines and is_heading_like(lines[0]) and heading_kind(lines[0].text) == "other":
        body = lines[1:]

    def classify(_: int, line: Line, top: Section | None) -> int:
        if line.is_markdown_heading or (is_heading_like(line) and heading_kind(line.text) != "other"):
            return 1
        if is_heading_like(line, max_words=8) or is_label_line(line, max_words=8):
            return 2
        return 0

    outline.sections = build_sections(body, classify)
    prose = [ln for ln, _ in outline.lines() if not ln.is_bullet and not is_heading_like(ln)]
    if prose:
        outline.summary = prose[0].content
    for section in outline.sections:
        if section.kind == "faq" and section.level == 1:
            outline.faqs.extend(question_answer_pairs(text, section))
    return outline
