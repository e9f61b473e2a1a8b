"""JobDescription.org role pages.

Shape: an optional brand line, the job family ("Artificial Intelligence"),
the title, "Last updated", a summary paragraph, then template sections
("Role at a glance", "Duties and responsibilities", "Overview",
"Qualifications", "Career outlook", "Sample cover letter", "Frequently asked
questions", "More in <family>"). Lines may be bullets ("- ", "• ") or plain,
with or without blank lines between them: both exist in the wild.
"""
from __future__ import annotations

import re

from roledata.parse.headings import heading_kind
from roledata.parse.outline import (
    ListedRole,
    Outline,
    build_sections,
    question_answer_pairs,
)
from roledata.parse.structure import Line, Section, is_heading_like, is_label_line
from roledata.parse.title_prose import title_from_prose
from roledata.parse.titles import TitleChoice
from roledata.text import LazyPattern, Span, fold

BRAND = LazyPattern(r"^jobdescription\.org$", re.IGNORECASE)
LAST_UPDATED = LazyPattern(r"^last updated\b", re.IGNORECASE)
MORE_IN = LazyPattern(r"^More in (?P<family>.+)$")
SEE_ALL = LazyPattern(r"^See all\b[^→]*→\s*(?:[-•]\s*)?")
LISTED_ROLE = LazyPattern(
    r"^(?P<title>[^$£€]+?)\s*(?P<pay>(?:US)?[$£€]\s?[\d.,]+\s*[KkMm]?"
    r"(?:\s*(?:[–—-]|to)\s*(?:US)?[$£€]?\s?[\d.,]+\s*[KkMm]?)?\+?)?\s*$"
)

# The template's section headings. Inside "Role at a glance" the labels
# ("Typical education") look like headings too, so only these end it.
TEMPLATE_HEADINGS = {
    "role at a glance", "duties and responsibilities", "overview", "qualifications",
    "career outlook", "sample cover letter", "frequently asked questions",
    "salary", "salary and compensation", "work environment", "skills",
    "education and training", "how to become", "job outlook", "responsibilities",
}

_STRUCTURED_KINDS = {"at_a_glance", "faq", "cover_letter", "related_roles"}


def looks_like(text: str) -> int:
    """Score how strongly `text` matches this family (0 = not at all)."""
    head = text[:400]
    low = fold(text)  # the whole-page patterns run only where their words are
    score = 3 if re.search(r"^\s*jobdescription\.org\s*$", head, re.I | re.M) else 0
    score += 2 if re.search(r"^\s*last updated\b", text[:2000], re.I | re.M) else 0
    if "role at a glance" in low:
        score += 2 if re.search(r"^\s*(?:[-•]\s*)?role at a glance\s*$", text, re.I | re.M) else 0
    if "duties and responsibilities" in low:
        score += 1 if re.search(r"^\s*duties and responsibilities\s*$", text, re.I | re.M) else 0
    return score


def _classify(_: int, line: Line, top: Section | None) -> int:
    text = line.text
    if MORE_IN.match(text):
        return 1
    if BRAND.match(text) or LAST_UPDATED.match(text):
        return 0
    low = text.lower()
    in_structured = top is not None and top.kind in _STRUCTURED_KINDS
    if is_heading_like(line):
        if low in TEMPLATE_HEADINGS:
            return 1
        if not in_structured and heading_kind(text) != "other":
            return 1
        return 0
    if is_label_line(line) and not in_structured:
        return 2
    return 0


def parse(text: str, lines: list[Line]) -> Outline:
    outline = Outline(text=text, source_format="jobdescription_org")
    first_heading = next((i for i, ln in enumerate(lines) if _classify(i, ln, None) == 1), len(lines))
    _read_preamble(outline, lines[:first_heading])
    body = [ln for ln in lines[first_heading:] if not _is_navigation(ln)]
    outline.sections = build_sections(body, _classify)
    for section in outline.sections:
        if section.kind == "faq" and section.level == 1:
            outline.faqs = question_answer_pairs(text, section)
        elif section.kind == "related_roles" and section.level == 1:
            outline.listed_roles = _listed_roles(text, section)
    return outline


def _is_navigation(line: Line) -> bool:
    m = SEE_ALL.match(line.text)
    return bool(m) and m.end() == len(line.text)


def _read_preamble(outline: Outline, lines: list[Line]) -> None:
    lines = [ln for ln in lines if not BRAND.match(ln.text)]
    updated = next((i for i, ln in enumerate(lines) if LAST_UPDATED.match(ln.text)), None)
    if updated is not None:
        head, rest = lines[:updated], lines[updated + 1:]
    else:
        cut = next((i for i, ln in enumerate(lines) if not is_heading_like(ln)), len(lines))
        head, rest = lines[:cut], lines[cut:]
    if head:
        # The template's own title line, right above "Last updated": nothing says more.
        outline.title_choice = TitleChoice(head[-1].content, "title_line", 12)
        outline.family = head[-2].content if len(head) >= 2 else None
    if rest:
        outline.summary = Span.of(outline.text, rest[0].content.start, rest[-1].content.end)
    if outline.title_choice is None and outline.summary is not None:
        found = title_from_prose(outline.summary)
        if found:
            outline.title_choice = TitleChoice(found[0], "prose", 7, found[1])


def _listed_roles(text: str, section: Section) -> list[ListedRole]:
    out: list[ListedRole] = []
    for line in section.lines:
        content = line.content
        m = SEE_ALL.match(content.text)
        if m:
            content = content.sub(m.end(), len(content.text))
            is_item = True
        else:
            is_item = line.is_bullet
        if not content.text:
            continue
        parsed = LISTED_ROLE.match(content.text) if is_item else None
        if parsed and parsed.group("title"):
            title = content.sub(*parsed.span("title"))
            pay = content.sub(*parsed.span("pay")) if parsed.group("pay") else None
            out.append(ListedRole(title=title, pay=pay, description=None, heading=section.heading))
        elif out and out[-1].description is None:
            out[-1].description = content
    return out
