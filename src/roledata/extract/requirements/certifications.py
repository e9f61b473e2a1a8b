"""The `certifications` table: certifications a page names, with how strongly it asks for them.

The names come from `data/certifications.csv` (`load_certifications`) in the
page's requirement pieces, and from the shape of a certification's or
licence's name anywhere on the page (`cert_phrases`: "the ISO 9606-1
certification", "Certified Welding Inspector", "a licensed practical nurse",
a list opened by "certifications such as:"), the list's names winning where
both read the same words. One row per certification, at its first mention;
a later mention may strengthen the requirement, never weaken it. A name read
by its shape is kept as written, with its issuer when the name opens with
one ("ASME Section IX"), else `unspecified`.
"""
from __future__ import annotations

import re

from roledata.contract.codes import REQUIREMENT
from roledata.extract.context import PageContext, iter_sentences, provenance
from roledata.extract.requirements import load_certifications, mentions_certification, requirement_pieces
from roledata.extract.requirements.cert_phrases import list_item_name, opens_list, phrase_names
from roledata.parse.outline import Outline
from roledata.text import LazyPattern, fold

_SOFT = LazyPattern(r"\b(?:sometimes|supporting|optional|beneficial|less formal|not always required|can be|relevant|"
                    r"valued|valuable|a plus|nice[- ]to[- ]have|preferred|prefer|prefers|welcome|welcomed|advantage|"
                    r"helpful|help you stand out|stand out|bonus|desirable|recommended)(?![a-z])", re.I)
_CERT_REQUIRED = LazyPattern(r"\b(?:required|mandatory|must)\b", re.I)
_CERT_NOT_REQUIRED = LazyPattern(r"\b(?:not|never|rarely|none|no)\b(?:\s+[\w-]+){0,2}\s+required\b|\bnot always required\b", re.I)


def _cert_requirement(context: str) -> str:
    """"required", "preferred" or "mentioned", from the words around a mention (its heading,
    label and sentence)."""
    if _CERT_REQUIRED.search(context) and not _CERT_NOT_REQUIRED.search(context):
        return "required"
    return "preferred" if _SOFT.search(context) else "mentioned"


# A title-like name (`Certification.title_like`: "AWS Data Engineer", "Azure AI Engineer", "CISA")
# is a certification only with one of these words in the name, around it, or in its label or heading.
_CERT_WORD = LazyPattern(r"certif|credential|\bexam\b|(?-i:\bAssociate\b)|\b[A-Z]{2}-\d{3}\b", re.I)


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
    """One row per certification the page's requirement pieces name from the list, or the page names
    by a certification's shape, at its first mention, with the strongest requirement any mention states."""
    document_id, role_id = context.document_id, context.role_id
    rows: dict[str, dict] = {}
    listed: list[tuple[int, int]] = []  # where the list's names were read: a shape there adds nothing

    def add(name: str, issuer: str, requirement: str, section, span) -> None:
        key = fold(" ".join(name.split()))
        if key in rows:  # later mentions can only strengthen the requirement (rank 0 is the strongest)
            if REQUIREMENT.rank(requirement) < REQUIREMENT.rank(rows[key]["requirement"]):
                rows[key]["requirement"] = requirement
            return
        row = {"certification_id": None, "role_id": role_id, "name": name, "issuer": issuer, "requirement": requirement}
        row.update(provenance(document_id, section, span))
        rows[key] = row

    for piece in requirement_pieces(outline):
        span = piece.extra or piece.span  # the whole "label: value" line when the line has a label
        if not mentions_certification(span.text.lower() if piece.extra else piece.low):
            continue
        section = piece.section
        requirement = _cert_requirement(f"{section.heading_text or ''} {piece.label} {piece.span.text}")
        for m, name, issuer in _cert_names(span.text, f"{section.heading_text or ''} {piece.label}"):
            named = span.sub(m.start(), m.end())
            listed.append((named.start, named.end))
            add(name, issuer, requirement, section, named)
    for span, name, section, context_text in _shaped_names(outline):
        if any(a < span.end and span.start < b for a, b in listed):
            continue
        add(name, _issuer(name), _cert_requirement(context_text), section, span)
    return list(rows.values())


# Parts of the words a certification's shape needs ("certification", "licence", "credential", "the bar"),
# found with plain string search: a page holds few of them.
_SHAPE_HINTS = ("ertif", "icen", "redential", " bar", " Bar")


def _hint_positions(text: str) -> list[int]:
    found = []
    for needle in _SHAPE_HINTS:
        pos = text.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = text.find(needle, pos + 1)
    return sorted(found)


_SKIP_KINDS = frozenset({"cover_letter", "related_roles"})


def _shaped_names(outline: Outline):
    """(span, name, section, context words) of each name read by its shape: in sentences that hold a
    hint of one, then in the items of a list that a line about certifications opens."""
    hints = _hint_positions(outline.text)
    if not hints:
        return  # most pages name no certification at all
    k = 0
    lists = False
    for s in iter_sentences(outline, _SKIP_KINDS):  # in page order, as the hints are
        while k < len(hints) and hints[k] < s.span.start:
            k += 1
        if k == len(hints):
            break
        if hints[k] < s.span.end:
            text = s.span.text
            for span, name in phrase_names(s.span):
                yield span, name, s.section, f"{s.section.heading_text or ''} {s.label.text if s.label else ''} {text}"
            lists = lists or (text.endswith(":") and opens_list(s.line.content.text))
    if lists:
        yield from _listed_names(outline)


def _listed_names(outline: Outline):
    """The items of each list a line about certifications opens ("... such as:" / "ASME Section IX:")."""
    opened = False
    for section in outline.sections:  # lines and headings in page order: an item may stand as a heading
        if section.kind in _SKIP_KINDS:
            opened = False
            continue
        for span in ([section.heading] if section.heading is not None else []) + [ln.content for ln in section.lines]:
            if opened and (item := list_item_name(span)) is not None:
                yield item[0], item[1], section, f"{section.heading_text or ''} {span.text}"
                continue
            opened = span.text.endswith(":") and opens_list(span.text)


_ISSUER_FIRST = LazyPattern(r"^(?:[A-Z]{3,6}|CompTIA|Cisco|Microsoft|Google|Oracle|Salesforce|Amazon)\b(?=\s+\S)")


def _issuer(name: str) -> str:
    """The issuer a name read by its shape opens with ("ASME Section IX", "ISO 9606-1"), else "unspecified"."""
    m = _ISSUER_FIRST.match(name)
    return m.group() if m else "unspecified"
