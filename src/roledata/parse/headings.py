"""Heading text -> normalized section kind (the contract's `sections.kind`: `codes.SECTION_KIND`).

A data table rather than a chain of ifs: the first rule whose keyword occurs
in the lower-cased heading wins, so specific phrases come before general
ones ("soft skills" before "skill", "qualification" before "skill").
"""
from __future__ import annotations

from roledata.text import LazyPattern

HEADING_RULES: tuple[tuple[str, str], ...] = (
    ("at a glance", "at_a_glance"),
    ("frequently asked", "faq"),
    ("faq", "faq"),
    ("cover letter", "cover_letter"),
    ("more in ", "related_roles"),
    ("related roles", "related_roles"),
    ("similar roles", "related_roles"),
    ("related jobs", "related_roles"),
    ("soft skill", "soft_skills"),
    ("salar", "salary"),
    ("compensation", "salary"),
    ("pay range", "salary"),
    ("qualification", "qualifications"),
    ("duties", "duties"),
    ("responsibilit", "duties"),
    ("what they do", "duties"),
    ("requirement", "requirements"),
    ("education", "requirements"),
    ("experience", "requirements"),
    ("certification", "requirements"),
    ("skill", "skills"),
    ("technical knowledge", "skills"),
    ("technical depth", "skills"),
    ("tools", "skills"),
    ("market demand", "market_demand"),
    ("job market", "market_demand"),
    ("demand", "market_demand"),
    ("outlook", "career_outlook"),
    ("career path", "career_path"),
    ("career development", "career_path"),
    ("career progression", "career_path"),
    ("trajectory", "career_path"),
    ("how to become", "career_path"),
    ("trend", "trends"),
    ("best practice", "best_practices"),
    ("challenge", "challenges"),
    ("overview", "overview"),
    ("summary", "overview"),
    ("description", "overview"),
    ("introduction", "overview"),
    ("about the role", "overview"),
)


# A heading that asks what the role does names its duties: "What Does a Data Engineer Do?".
_DOES_WHAT = LazyPattern(r"^what (?:does|do) .{2,60} do\??$")


def asks_duties(text: str) -> bool:
    """Whether a line is the question that opens a role's duties: "What does a data engineer do?"."""
    low = " ".join(text.lower().split())
    return low.startswith("what d") and _DOES_WHAT.match(low) is not None


def heading_kind(heading: str) -> str:
    """`Salary Ranges (US Market, 2024)` -> `salary`; unknown -> `other`."""
    low = " ".join(heading.lower().split())
    if low.startswith("what d") and _DOES_WHAT.match(low):
        return "duties"
    for keyword, kind in HEADING_RULES:
        if keyword in low:
            return kind
    return "other"
