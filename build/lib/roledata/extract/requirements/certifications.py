"""The `certifications` table: certifications a page names, with how strongly it asks for them.

The names come from `data/certifications.csv` (`load_certifications`); one row
per certification, at its first mention; a later mention may strengthen the
requirement, never weaken it.
"""
from __future__ import annotations

import re

from roledata.contract.codes import REQUIREMENT
from roledata.extract.context import PageContext, provenance
from roledata.extract.requirements import load_certifications, mentions_certification, requirement_pieces
from roledata.parse.outline import Outline
from roledata.text import fold

_SOFT = re.compile(r"\b(?:sometimes|supporting|optional|beneficial|less formal|not always required|can be|relevant|"
                   r"valued|valuable|a plus|nice[- ]to[- ]have|preferred|prefer|prefers|welcome|welcomed|advantage|"
                   r"helpful|help you stand out|stand out|bonus|desirable|recommended)(?![a-z])", re.I)
_CERT_REQUIRED = re.compile(r"\b(?:required|mandatory|must)\b", re.I)
_CERT_NOT_REQUIRED = re.compile(r"\b(?:not|never|rarely|none|no)\b(?:\s+[\w-]+){0,2}\s+required\b|\bnot always required\b", re.I)


def _cert_requirement(context: str) -> str:
    """"required", "preferred" or "mentioned", from the words around a mention (its heading,
    label and sentence)."""
    if _CERT_REQUIRED.search(context) and not _CERT_NOT_REQUIRED.search(context):
        return "required"
    return "preferred" if _SOFT.search(context) else "mentioned"


# A title-like name (`Certification.title_like`: "AWS Data Engineer", "Azure AI Engineer", "CISA")
# is a certification only with one of these words in the name, around it, or in its label or heading.
_CERT_WORD = re.compile(r"certif|credential|\bexam\b|(?-i:\bAssociate\b)|\b[A-Z]{2}-\d{3}\b", re.I)


def _is_certification(text: str, m: re.Match[str], frame: str) -> bool:
    """A title-like name counts when a certification word is in it, within a few words of it
    ("AWS Data Engineer certification", "Certified: ..."), or in the label or heading over it."""
    near = text[max(0, m.start() - 40):m.end() + 40]
    return bool(_CERT_WORD.search(near) or _CERT_WORD.search(frame))


def _cert_names(text: str, frame: str = "") -> list[tuple[re.Match[str], str, str]]:
    """(match, name, issuer) of each certification `text` names, in the order of
    `data/certifications.csv`; `frame` is the heading and label over the text."""
    found = []
    low = fold(text)  # holds every needle the patterns can match, IGNORECASE's "ſ" and "ı" included
    for cert in load_certifications():
        if not any(needle in low for needle in cert.needles):
            continue
        if cert.tracked:
            for m in cert.pattern.finditer(text):  # "CIPP/US or CIPP/E": two certifications
                parts = {k: v or "" for k, v in m.groupdict().items()}
                found.append((m, cert.name.format(**parts).rstrip(": ").strip(), cert.issuer))
            continue
        if cert.title_like:
            m = next((m for m in cert.pattern.finditer(text) if _is_certification(text, m, frame)), None)
        else:
            m = cert.pattern.search(text)
        if m:
            found.append((m, cert.name, cert.issuer))
    return found


def extract_certifications(outline: Outline, context: PageContext) -> list[dict]:
    """One row per certification the page's requirement pieces name, at its first mention,
    with the strongest requirement any mention states."""
    document_id, role_id = context.document_id, context.role_id
    rows: dict[str, dict] = {}
    for piece in requirement_pieces(outline):
        span = piece.extra or piece.span  # the whole "label: value" line when the line has a label
        if not mentions_certification(span.text.lower() if piece.extra else piece.low):
            continue
        section = piece.section
        requirement = _cert_requirement(f"{section.heading_text or ''} {piece.label} {piece.span.text}")
        for m, name, issuer in _cert_names(span.text, f"{section.heading_text or ''} {piece.label}"):
            if name in rows:  # later mentions can only strengthen the requirement (rank 0 is the strongest)
                if REQUIREMENT.rank(requirement) < REQUIREMENT.rank(rows[name]["requirement"]):
                    rows[name]["requirement"] = requirement
                continue
            row = {"certification_id": None, "role_id": role_id,
                   "name": name, "issuer": issuer, "requirement": requirement}
            row.update(provenance(document_id, section, span.sub(m.start(), m.end())))
            rows[name] = row
    return list(rows.values())
