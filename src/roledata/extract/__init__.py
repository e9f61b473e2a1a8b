"""Extractors: each reads one table's rows out of a parsed `Outline`.

Every extractor has one shape, `(outline, context) -> rows`, and `EXTRACTORS`
maps each table to its extractor, as `parse` maps page families to parsers.
`extract_tables` runs them all on one page: the page's roles come first, since
its primary role (its id and names) and the roles it lists make the
`PageContext` every extractor reads; then each table, in the order below. The
page's roles are its `role_documents` rows (one per role it describes or
lists); the `roles` dimension is built from them across pages by the run.
An extractor that raises costs only its own table's rows for that page.

One page's work is bounded: a page whose rows pass `MAX_ROWS`, or whose
extractors take longer than `MAX_SECONDS`, raises `PageTooCostly` (the
document step rejects it with the reason) instead of holding up a run.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from roledata.extract.bonuses import extract_bonuses
from roledata.extract.context import PageContext
from roledata.extract.growth import extract_growth
from roledata.extract.identity import assign_row_ids
from roledata.extract.posting_facts import extract_posting_facts
from roledata.extract.requirements.certifications import extract_certifications
from roledata.extract.requirements.education import extract_education
from roledata.extract.requirements.experience import extract_experience
from roledata.extract.roles import (
    extract_duties, extract_faqs, extract_related_roles, listed_roles, primary_role, role_document_rows,
)
from roledata.extract.salaries import extract_salaries
from roledata.extract.sections import extract_sections
from roledata.extract.skill_candidates import extract_skill_candidates
from roledata.extract.skills import extract_role_skills
from roledata.parse.outline import Outline

Extractor = Callable[[Outline, PageContext], list[dict]]
# A page's budget. Real pages give a few hundred rows in well under a second; a page beyond either
# figure is text no reader would call one page (a dump, a generated file).
MAX_ROWS = 5_000
MAX_SECONDS = 30.0


class PageTooCostly(Exception):
    """One page would cost more rows or time than a page may: it is rejected with this reason."""

# Table -> extractor, in the order they run: several share work kept on the outline (the
# sentences, the skill matches, the requirement pieces), done by the first that needs it.
EXTRACTORS: dict[str, Extractor] = {
    "sections": extract_sections,
    "duties": extract_duties,
    "role_skills": extract_role_skills,
    "skill_candidates": extract_skill_candidates,
    "salaries": extract_salaries,
    "bonuses": extract_bonuses,
    "growth_stats": extract_growth,
    "education_requirements": extract_education,
    "experience_requirements": extract_experience,
    "certifications": extract_certifications,
    "related_roles": extract_related_roles,
    "faqs": extract_faqs,
    "posting_facts": extract_posting_facts,
}


def extract_tables(outline: Outline, document_id: str, failures: list[tuple[str, str, str]] | None = None,
                   source_path: str = "") -> dict[str, list[dict]]:
    """Every table's rows for one outlined page (`outline.title` set), row ids assigned.

    An extractor that raises costs only its own table's rows for this page:
    `(table, "extractor error: ...", document_id)` goes to `failures`. So do the listed
    roles' (the primary role alone is then the page's `role_documents` row)."""
    failures = [] if failures is None else failures
    role = primary_role(outline, document_id)
    others = _guarded(failures, "role_documents", document_id, listed_roles, outline, document_id)
    context = PageContext(document_id, role["role_id"], (role["title"], *role["aliases"]),
                          tuple(zip(outline.listed_roles, others)), source_path)
    started, rows = time.monotonic(), len(others) + 1
    tables: dict[str, list[dict]] = {}
    for name, extract in EXTRACTORS.items():
        tables[name] = _guarded(failures, name, document_id, extract, outline, context)
        rows += len(tables[name])
        if rows > MAX_ROWS:
            raise PageTooCostly(f"page too costly to read: over {MAX_ROWS:,} rows")
        if (spent := time.monotonic() - started) > MAX_SECONDS:
            raise PageTooCostly(f"page too costly to read: {spent:.0f} s, over {MAX_SECONDS:.0f} s")
    tables["role_documents"] = role_document_rows(role, others)
    for name in ("role_documents", "salaries"):  # read from the text; a structured field's rows say `field`
        for row in tables[name]:
            row.setdefault("origin", "text")
    assign_row_ids(tables, context.source_path)
    return tables


def _guarded(failures: list[tuple[str, str, str]], table: str, document_id: str,
             extract: Callable[..., list[dict]], *args: object) -> list[dict]:
    """`extract(*args)`, or no rows and a failure for `table` when it raises."""
    try:
        return extract(*args)
    except Exception as exc:  # one extractor's bug must not cost the page's other rows
        failures.append((table, f"extractor error: {type(exc).__name__}: {exc}", document_id))
        return []


__all__ = ["EXTRACTORS", "MAX_ROWS", "MAX_SECONDS", "Extractor", "PageContext", "PageTooCostly", "extract_tables"]
