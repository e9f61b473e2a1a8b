"""AiPathly career pages.

Shape: "Overview" first, then page sections ("Core Responsibilities",
"Requirements", "Market Demand", "Salary Ranges (US Market, 2024)", ...),
each opened by a prose paragraph, with short sub-headings ("Technical
Skills") over bullet lists. There is no title line: the title is read from
the opening sentences of the overview.
"""
from __future__ import annotations

from roledata.parse.outline import Outline, build_sections, question_answer_pairs
from roledata.parse.structure import Line, Section, is_heading_like
from roledata.parse.titles import prose_title

_SIGNATURE_HEADINGS = {
    "overview", "core responsibilities", "requirements", "career development",
    "market demand", "industry trends", "essential soft skills", "best practices",
    "common challenges",
}


def looks_like(text: str) -> int:
    """Score how strongly `text` matches this family (0 = not at all)."""
    # Lower-casing the page once splits into the same lines as lower-casing each line.
    raw = text.lower().splitlines()[:2000]
    lines = {ln.strip() for ln in raw} - {""}
    score = len(lines & _SIGNATURE_HEADINGS)
    if any(ln.startswith("salary ranges") for ln in lines):
        score += 1
    # "Overview" opens the page, below at most a logo line, the title and an image caption.
    top = [ln.strip() for ln in raw[:12] if ln.strip()][:5]
    if "overview" in top:
        score += 2
    return score


def parse(text: str, lines: list[Line]) -> Outline:
    outline = Outline(text=text, source_format="aipathly")

    def classify(i: int, line: Line, top: Section | None) -> int:
        if not is_heading_like(line):
            return 0
        if i == 0:
            return 1
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # A page section opens with a prose paragraph; a sub-section with bullets.
        opens_prose = nxt is not None and not nxt.is_bullet and not is_heading_like(nxt)
        return 1 if opens_prose else 2

    outline.sections = build_sections(lines, classify)
    _read_title(outline, lines)
    for section in outline.sections:
        if section.kind == "faq":
            outline.faqs.extend(question_answer_pairs(text, section))
    return outline


def _read_title(outline: Outline, lines: list[Line]) -> None:
    """The title named by one of the first prose lines (a proposal: a title line above
    "Overview" says more); that line is the summary."""
    if found := prose_title([ln for ln, _ in outline.lines()]):
        outline.title_choice, line = found
        outline.summary = line.content
    elif prose := [ln for ln, _ in outline.lines() if not ln.is_bullet]:
        outline.summary = prose[0].content
