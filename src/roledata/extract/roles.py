"""Roles, duties, related roles and FAQs."""
from __future__ import annotations

import re

from roledata.extract.context import is_group_label, provenance
from roledata.parse.outline import Outline
from roledata.parse.structure import Section, split_label
from roledata.parse.titles import TITLE_PATTERN, abbreviated_title, split_title_list
from roledata.text import Span, sentence_spans, slugify, stable_id

# Title words -> seniority, first match wins ("VP of AI Engineering" is executive, not lead).
_SENIORITY = (
    ("executive", re.compile(r"\b(?:chief|vp|vice president|president|cto|caio|cio|cdo|evp|svp)\b", re.I)),
    ("director", re.compile(r"\b(?:head|director)\b", re.I)),
    ("manager", re.compile(r"\bmanager\b", re.I)),
    ("lead", re.compile(r"\blead\b", re.I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?|staff|principal)\b", re.I)),
    ("entry", re.compile(r"\b(?:junior|jr\.?|entry[- ]level|associate|intern|graduate)\b", re.I)),
)


def seniority_of(title: str) -> str | None:
    return next((level for level, rx in _SENIORITY if rx.search(title)), None)


def primary_role(outline: Outline, document_id: str) -> dict:
    title = outline.title
    assert title is not None
    aliases = [a.text for a in outline.aliases]
    short = abbreviated_title(title.text)
    if short and short not in aliases:
        aliases.insert(0, short)
    row = {
        "role_id": slugify(title.text),
        "title": title.text,
        "aliases": aliases,
        "family": outline.family.text if outline.family else None,
        "seniority": seniority_of(title.text),
        "summary": outline.summary.text if outline.summary else None,
        "is_primary": True,
        "title_source": outline.title_choice.source if outline.title_choice else None,
    }
    row.update(provenance(document_id, None, title))
    return row


def listed_roles(outline: Outline, document_id: str) -> list[dict]:
    rows = []
    for listed in outline.listed_roles:
        family = None
        if listed.heading is not None and (m := re.match(r"More in (.+)$", listed.heading.text)):
            family = m.group(1)
        row = {
            "role_id": slugify(listed.title.text),
            "title": listed.title.text,
            "aliases": [],
            "family": family,
            "seniority": seniority_of(listed.title.text),
            "summary": listed.description.text if listed.description else None,
            "is_primary": False,
            "title_source": "listed",
        }
        row.update(provenance(document_id, None, listed.title))
        row["section_heading"] = listed.heading.text if listed.heading else None
        rows.append(row)
    return rows


def extract_duties(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows = []
    for line, section in outline.lines({"duties"}):
        if not line.is_bullet or is_group_label(line.content.text):
            continue
        label, value = split_label(line.content)
        category = label.text if label else (section.heading_text if section.level == 2 else None)
        row = {"duty_id": stable_id(document_id, role_id, value.start), "role_id": role_id,
               "ordinal": len(rows), "category": category}
        row.update(provenance(document_id, section, value))
        rows.append(row)
    return rows


def extract_faqs(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows = []
    for ordinal, (question, answer, section) in enumerate(outline.faqs):
        span = Span(question.start, answer.end, outline.text[question.start:answer.end])
        row = {"faq_id": stable_id(document_id, role_id, question.start), "role_id": role_id,
               "ordinal": ordinal, "question": question.text, "answer": answer.text}
        row.update(provenance(document_id, section, span))
        rows.append(row)
    return rows


# ------------------------------------------------------------ related roles
_ROLE_NOUN = re.compile(
    r"\b(?:Engineer|Scientist|Lead|Manager|Director|Officer|Head|VP|President|Architect|Analyst|"
    r"Researcher|Fellow|Principal|Founder|Consultant|Specialist|Developer|CTO|CAIO)s?\b"
)
_TITLE_LIST = rf"(?P<list>{TITLE_PATTERN}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?:the\s+)?{TITLE_PATTERN})*)"
_TO = re.compile(
    rf"(?i:leading to|leads? to|lead(?:ing)? into|career paths? from [^.,]*? include|can (?:move|advance|progress) (?:up )?(?:in)?to)"
    rf"\s+(?:(?:executive|senior|leadership)\s+)?(?i:roles?|positions?)?\s*(?i:like|such as|as)?\s*{_TITLE_LIST}"
)
_FROM = re.compile(
    rf"(?i:progress(?:es)? from|transition(?:s|ing)? from|moves? up from|comes? from|start(?:s|ing)? (?:in|as)|"
    rf"(?:advance|progress|move|transition) (?:to|into|through))"
    rf"\s+(?:(?:entry-level|senior|leadership|executive)\s+)?(?i:roles?|positions?)?\s*(?i:like|such as)?\s*(?i:an?\s+)?{_TITLE_LIST}"
)


def extract_related_roles(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: dict[tuple[str, str], dict] = {}

    def add(span: Span, relation: str, section: Section | None) -> None:
        related_id = slugify(span.text)
        if related_id == role_id or (related_id, relation) in rows:
            return
        row = {"relation_id": stable_id(document_id, role_id, related_id, relation), "role_id": role_id,
               "related_role_id": related_id, "related_title": span.text, "relation": relation}
        row.update(provenance(document_id, section, span))
        rows[(related_id, relation)] = row

    for alias in outline.aliases:
        add(alias, "alias", outline.sections[0] if outline.sections else None)
    for listed in outline.listed_roles:
        section = next((s for s in outline.sections if s.heading is listed.heading), None)
        add(listed.title, "see_also", section)
    for line, section in outline.lines({"career_path", "career_outlook", "overview"}):
        for sentence in sentence_spans(line.content):
            for regex, relation in ((_TO, "career_to"), (_FROM, "career_from")):
                for m in regex.finditer(sentence.text):
                    for item in split_title_list(sentence.sub(*m.span("list"))):
                        item = _strip_article(item)
                        if _ROLE_NOUN.search(item.text):
                            add(item, relation, section)
    return list(rows.values())


def _strip_article(span: Span) -> Span:
    m = re.match(r"^(?:an?|the)\s+", span.text)
    span = span.sub(m.end(), len(span.text)) if m else span
    return span.sub(0, len(span.text.rstrip(".")))
