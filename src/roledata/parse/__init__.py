"""Page-family detection and parsing into an `Outline`."""
from __future__ import annotations

import re

from roledata.parse import aipathly, generic, jobdescription_org, posting
from roledata.parse.outline import Outline
from roledata.parse.role_nouns import ROLE_FORMS
from roledata.parse.structure import Line, split_lines
from roledata.parse.titles import TitleChoice, choose_title, repeated_phrase, role_name, title_line
from roledata.text import LazyPattern

_FAMILIES = {"jobdescription_org": jobdescription_org, "aipathly": aipathly, "job_posting": posting}
_MIN_SCORE = 3


def detect_format(text: str) -> str:
    """`jobdescription_org`, `aipathly`, `job_posting`, or `generic` when none fits well."""
    best_score, best = max((module.looks_like(text), name) for name, module in _FAMILIES.items())
    return best if best_score >= _MIN_SCORE else "generic"


def parse_outline(text: str, lines: list[Line] | None = None) -> Outline:
    """The page's outline, its family detected from its content and its title chosen from every cue."""
    lines = split_lines(text) if lines is None else lines
    module = _FAMILIES.get(detect_format(text), generic)
    outline = module.parse(text, lines)
    outline.title_choice = choose_title(text, lines, outline.title_choice) or fallback_title(outline, lines)
    if outline.title_choice is not None:
        outline.title = outline.title_choice.span
        if outline.title_choice.aliases:
            outline.aliases = outline.title_choice.aliases
    return outline


# A figure stated as pay: the page is about what some role earns.
_PAY = LazyPattern(r"\b(?:salary|salaries|pay|paid|earn|earns|wages?|compensation|remuneration|salaire|rémunération|salario|sueldo|"
                   r"gehalt|vergütung)\b[^\n]{0,80}?\n?[^\n\d]{0,40}\d", re.I)  # the figure may sit on the next line
# Section kinds that only a page about a role has.
_ROLE_KINDS = frozenset({"duties", "requirements", "qualifications", "skills", "salary", "at_a_glance", "career_path"})


def fallback_title(outline: Outline, lines: list[Line]) -> TitleChoice | None:
    """A page with role content (duties, requirements, pay, a hiring voice) but no title cue is
    titled by the role phrase it names most, even once (not a posting: its first line is its
    title as written), else by its first short line (`first_line`), else its first line; a page
    without is not."""
    has_content = (outline.source_format == "job_posting" or posting.looks_like(outline.text) >= 2
                   or _PAY.search(outline.text) is not None
                   # Role sections count on a page that names roles: a site's menu ("Salary tools")
                   # above a cookie notice makes a "salary" section of a page about no role.
                   or (any(s.kind in _ROLE_KINDS and s.lines for s in outline.sections)
                       and _role_mentions(outline.text) >= 3))
    if not has_content or not lines:
        return None
    if outline.source_format != "job_posting" and (named := repeated_phrase(outline.text, min_count=1)) is not None:
        # the role the page names, even once ("the median annual wage for computer network architects")
        return TitleChoice(role_name(named), "repeated_phrase", 0)
    first = next((span for ln in lines if not ln.is_bullet and (span := title_line(ln)) is not None), lines[0].content)
    choice = TitleChoice(first, "first_line", 0)
    choice.span = role_name(choice)  # "Crane Operation Careers" -> "Crane Operation"
    return choice


def _role_mentions(text: str) -> int:
    return sum(word in ROLE_FORMS for word in re.findall(r"[a-z]+", text[:20_000].lower()))


__all__ = ["detect_format", "parse_outline", "Outline"]
