"""Bonuses as a share of pay: "Bonuses: Typically 15-25% of total compensation"."""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, iter_sentences, provenance, row_span
from roledata.extract.money import find_percents
from roledata.parse.outline import Outline
from roledata.text import LazyPattern, fold

# As for salaries: a cover letter's figures, and other roles' lists, are never this role's pay.
_SKIP = frozenset({"cover_letter", "related_roles"})
_BONUS = LazyPattern(r"\bbonus(?:es)?\b", re.I)


def extract_bonuses(outline: Outline, context: PageContext) -> list[dict]:
    """`Bonuses: Typically 15-25% of total compensation` -> pct 15..25, basis total_compensation:
    one row per percentage in a sentence (or its label) that says "bonus"."""
    document_id, role_id = context.document_id, context.role_id
    rows: list[dict] = []
    if "bonus" not in fold(outline.text):
        return rows  # every sentence and label is page text: one check for the page
    for sentence in iter_sentences(outline, _SKIP):
        if "bonus" not in fold(sentence.span.text) and not (sentence.label and "bonus" in fold(sentence.label.text)):
            continue  # cheap check first: most sentences never say "bonus"
        said = f"{sentence.label.text if sentence.label else ''} {sentence.span.text}"
        if not _BONUS.search(said):
            continue
        for pct in find_percents(sentence.span):
            after = sentence.span.text[pct.span.end - sentence.span.start:][:60].lower()
            if "total comp" in after or "total pay" in after:
                basis = "total_compensation"
            elif "salary" in after or "base" in after:
                basis = "base_salary"
            else:
                basis = "unspecified"
            row = {
                "bonus_id": None,
                "role_id": role_id,
                "pct_min": pct.value,
                "pct_max": pct.value_max if pct.value_max is not None else pct.value,
                "basis": basis,
            }
            row.update(provenance(document_id, sentence.section, row_span(sentence)))
            rows.append(row)
    return rows
