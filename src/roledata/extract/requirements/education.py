"""The `education_requirements` table: degree levels a page asks for, with their fields.

One row per level a clause names ("a bachelor's or master's degree in statistics"
gives two), with how strongly it is asked for: "required", "preferred" or
"common", from the words of the clause, else from the label or heading over it.
"""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, provenance
from roledata.extract.requirements import clauses, degree_levels, mentions_degree, requirement_pieces
from roledata.parse.outline import Outline
from roledata.text import LazyPattern

# O*NET "Required Level of Education" categories.
ONET_RL = {"high_school": 2, "bootcamp": 3, "associate": 5, "bachelor": 6, "master": 8, "mba": 8, "doctorate": 11}
_FIELDS = LazyPattern(r"\b(?:in|of)\s+(?P<fields>[^;()]+?)(?=\s*\(|\s*;|\s+(?:with|combined|is|are|common|preferred|often)\b|[.]?$)")
_FIELD_SPLIT = LazyPattern(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+(?=[a-z])")
_NOT_FIELD = LazyPattern(r"\b(?:related|relevant|similar|quantitative field|discipline|field|area)\b", re.I)

_PREFERRED = LazyPattern(
    r"\b(?:preferred|preferably|prefer|prefers|highly preferred|nice[- ]to[- ]have|a plus|bonus|consider|considered|"
    r"optional|valued|valuable|welcome|welcomed|advantage|advantageous|desirable|desired|ideally|helpful|"
    r"beneficial|(?:an|competitive) edge|stand out|adds value)(?![a-z])", re.I)
_COMMON = LazyPattern(r"\b(?:common|commonly)\b", re.I)
_REQUIRED = LazyPattern(r"\b(?:mandatory|minimum|required|must)\b", re.I)
_NOT_REQUIRED = LazyPattern(r"\b(?:not|never|no|none|n't|rarely)\b(?:\s+[\w-]+){0,2}\s+(?:required|necessary|needed)\b"
                            r"|\bnone\b|\bnot a (?:gate|requirement)\b", re.I)
# "a bachelor's is needed, ideally in applied physics": the preference is about the field.
_FIELD_PREFERENCE = LazyPattern(r"\b(?:preferably|ideally)\s+(?:in|with)\b", re.I)


def _requirement_level(text: str, default: str) -> str:
    """How strongly a clause asks for its degree, from its own words; `default` when they say nothing."""
    text = _FIELD_PREFERENCE.sub(" ", text)
    if _PREFERRED.search(text) or _NOT_REQUIRED.search(text):  # "a plus but rarely required"
        return "preferred"
    if _COMMON.search(text):
        return "common"
    if _REQUIRED.search(text):
        return "required"
    return default


def _fields(text: str) -> list[str]:
    """The fields a degree is in: "in Computer Science, Statistics or a related field" -> the first two."""
    m = _FIELDS.search(text)
    if not m or m.group("fields").startswith("addition"):
        return []
    out = []
    for part in _FIELD_SPLIT.split(m.group("fields")):
        part = part.strip(" .")
        if part and not _NOT_FIELD.search(part) and len(part.split()) <= 5:
            out.append(part)
    return out


def extract_education(outline: Outline, context: PageContext) -> list[dict]:
    """One row per degree level each clause of the page's requirement pieces asks for, in page order."""
    document_id, role_id = context.document_id, context.role_id
    rows: list[dict] = []
    for piece in requirement_pieces(outline):
        if piece.topic in ("experience", "certification") or not mentions_degree(piece.span.text, piece.low):
            continue
        frame = f"{piece.section.heading_text or ''} {piece.label}".lower()
        default = "preferred" if "preferred" in frame else "required"
        for clause in clauses(piece.span):
            levels = degree_levels(clause.text)
            if not levels:
                continue
            if _NOT_REQUIRED.search(clause.text) and not _PREFERRED.search(clause.text):
                continue  # "a PhD is not required"
            requirement = _requirement_level(clause.text, default)
            fields = _fields(clause.text)
            for level in levels:
                row = {"education_id": None,
                       "role_id": role_id, "level": level, "onet_rl": ONET_RL[level],
                       "requirement": requirement, "fields": fields}
                row.update(provenance(document_id, piece.section, clause))
                rows.append(row)
    return rows

