"""Education, experience and certification requirements.

Read from requirement-like places only: "Role at a glance" values, and
sections or sub-sections about requirements, qualifications, education or
experience, so "12-18 months" in a cover letter or "5+ years" in a salary
label never become requirements.
"""
from __future__ import annotations

import re

from roledata.extract.context import REQUIREMENT_RANK, Sentence, iter_sentences, provenance
from roledata.parse.outline import Outline
from roledata.text import Span, split_span, stable_id

_REQUIREMENT_KINDS = {"requirements", "qualifications", "at_a_glance", "overview", "skills"}
_REQUIREMENT_HEADING = re.compile(r"\b(?:requirement|qualification|education|experience|certification)", re.I)


def _requirement_sentences(outline: Outline) -> list[Sentence]:
    out = []
    for sentence in iter_sentences(outline, frozenset({"cover_letter", "faq", "related_roles", "salary"})):
        headings = f"{sentence.section.heading_text or ''} {sentence.section.top.heading_text or ''}"
        if sentence.section.kind in _REQUIREMENT_KINDS or _REQUIREMENT_HEADING.search(headings):
            out.append(sentence)
    return out


# ---------------------------------------------------------------- education
# O*NET "Required Level of Education" categories.
ONET_RL = {"high_school": 2, "bootcamp": 3, "associate": 5, "bachelor": 6, "master": 8, "mba": 8, "doctorate": 11}
_LEVELS = (
    ("doctorate", re.compile(r"\bPh\.?\s?D\.?(?![a-z])|\bdoctora(?:te|l)\b", re.I)),
    ("mba", re.compile(r"\bMBA\b")),
    ("master", re.compile(r"\bmaster'?s\b|\bM\.?S\.?(?=[\s/,)])|\bMSc\b|\bM\.S\.", re.I)),
    ("bachelor", re.compile(r"\bbachelor'?s\b|\bB\.?S\.?(?=[\s/,)])|\bBSc\b|\bundergraduate degree\b", re.I)),
    ("associate", re.compile(r"\bassociate'?s degree\b", re.I)),
    ("high_school", re.compile(r"\bhigh school\b|\bGED\b", re.I)),
    ("bootcamp", re.compile(r"\bbootcamps?\b", re.I)),
)
_FIELDS = re.compile(r"\b(?:in|of)\s+(?P<fields>[^;()]+?)(?=\s*\(|\s*;|\s+(?:with|combined|is|are|common|preferred|often)\b|[.]?$)")
_FIELD_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+(?=[a-z])")
_NOT_FIELD = re.compile(r"\b(?:related|relevant|similar|quantitative field|discipline|field|area)\b", re.I)


def _requirement_level(text: str, default: str) -> str:
    low = text.lower()
    if re.search(r"\b(?:preferred|highly preferred|nice to have|a plus|consider|optional)\b", low):
        return "preferred"
    if re.search(r"\bcommon\b|\bincreasingly common\b", low):
        return "common"
    if re.search(r"\b(?:mandatory|minimum|required|must)\b", low):
        return "required"
    return default


def _fields(text: str) -> list[str]:
    m = _FIELDS.search(text)
    if not m or m.group("fields").startswith("addition"):
        return []
    out = []
    for part in _FIELD_SPLIT.split(m.group("fields")):
        part = part.strip(" .")
        if part and not _NOT_FIELD.search(part) and len(part.split()) <= 5:
            out.append(part)
    return out


def extract_education(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: list[dict] = []
    for sentence in _requirement_sentences(outline):
        for clause in _clauses(sentence.span):
            levels = [lvl for lvl, rx in _LEVELS if rx.search(clause.text)]
            if not levels or not re.search(r"degree|Ph\.?D|MBA|master|bachelor|MS/|doctora|bootcamp|high school", clause.text, re.I):
                continue
            default = "preferred" if "preferred" in (sentence.section.heading_text or "").lower() else "required"
            requirement = _requirement_level(clause.text, default)
            fields = _fields(clause.text)
            for level in levels:
                row = {"education_id": stable_id(document_id, role_id, level, clause.start),
                       "role_id": role_id, "level": level, "onet_rl": ONET_RL[level],
                       "requirement": requirement, "fields": fields}
                row.update(provenance(document_id, sentence.section, clause))
                rows.append(row)
    return rows


def _clauses(span: Span) -> list[Span]:
    return [piece for piece, _ in split_span(span, _CLAUSE_BREAK)]


_CLAUSE_BREAK = re.compile(r";\s*|,\s+with\s+")


# --------------------------------------------------------------- experience
_YEARS = re.compile(
    r"(?P<qual>\b(?i:over|more than|at least|minimum(?: of)?|min\.?)\s+)?"
    r"(?P<a>\d{1,2})\s*(?:(?P<plus>\+)|\s*(?:–|—|-|to)\s*(?P<b>\d{1,2}))?\s*(?:years?|yrs?)\b(?!\s+(?:ago|old))"
)
_SCOPES = (
    ("leadership", re.compile(r"\b(?:leadership|leading|lead|management|managing|manager|executive)\b", re.I)),
    ("hands_on", re.compile(r"\bhands-on\b", re.I)),
    ("total", re.compile(r"\btotal\b", re.I)),
    ("domain", re.compile(r"\b(?:in|of)\s+(?:[\w/-]+\s+){0,3}(?:development|engineering|AI|ML|software|data|architecture|design|research)", re.I)),
)


def extract_experience(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: list[dict] = []
    for sentence in _requirement_sentences(outline):
        for clause in _clauses(sentence.span):
            matches = list(_YEARS.finditer(clause.text))
            for i, m in enumerate(matches):
                end = matches[i + 1].start() if i + 1 < len(matches) else len(clause.text)
                after = clause.text[m.end():end]
                low = int(m.group("a"))
                high = int(m.group("b")) if m.group("b") else None
                scope = next((name for name, rx in _SCOPES if rx.search(after[:90])), "total")
                span = clause.sub(m.start(), end)
                row = {"experience_id": stable_id(document_id, role_id, span.start),
                       "role_id": role_id, "years_min": low, "years_max": high, "scope": scope}
                row.update(provenance(document_id, sentence.section, span))
                rows.append(row)
    return rows


# ------------------------------------------------------------ certifications
_CERTIFICATIONS = (
    (re.compile(r"\bAWS (?:Certified )?(?:ML|Machine Learning)\s*(?:[–—-]\s*)?Specialty\b", re.I),
     "AWS Certified Machine Learning – Specialty", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?(?:ML|Machine Learning) Engineer\b", re.I), "AWS Certified Machine Learning Engineer – Associate", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?Solutions Architect\b", re.I), "AWS Certified Solutions Architect", "AWS"),
    (re.compile(r"\bGoogle (?:Cloud )?Professional (?:ML|Machine Learning) Engineer\b", re.I),
     "Google Cloud Professional Machine Learning Engineer", "Google Cloud"),
    (re.compile(r"\bAzure AI Engineer(?: Associate)?\b|\bAI-102\b", re.I), "Microsoft Certified: Azure AI Engineer Associate", "Microsoft"),
    (re.compile(r"\bAzure Data Scientist(?: Associate)?\b|\bDP-100\b", re.I), "Microsoft Certified: Azure Data Scientist Associate", "Microsoft"),
    (re.compile(r"\bTensorFlow Developer Certificate\b", re.I), "TensorFlow Developer Certificate", "Google"),
    (re.compile(r"\bDeepLearning\.AI\b(?: (?:specializations?|certificates?))?", re.I), "DeepLearning.AI Specialization", "DeepLearning.AI"),
    (re.compile(r"\bCertified Kubernetes Administrator\b|\bCKA\b"), "Certified Kubernetes Administrator", "CNCF"),
    (re.compile(r"\bDatabricks Certified (?:ML|Machine Learning)[\w ]*", re.I), "Databricks Certified Machine Learning Professional", "Databricks"),
    (re.compile(r"\bPMP\b"), "Project Management Professional", "PMI"),
)
_SOFT = re.compile(r"\b(?:sometimes|supporting|optional|beneficial|less formal|not always required|can be|relevant)\b", re.I)


def extract_certifications(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: dict[str, dict] = {}
    for sentence in _requirement_sentences(outline):
        span, section = sentence.span, sentence.section
        context = f"{section.heading_text or ''} {span.text}"
        for regex, name, issuer in _CERTIFICATIONS:
            m = regex.search(span.text)
            if not m:
                continue
            requirement = "preferred" if _SOFT.search(context) else "mentioned"
            if re.search(r"\b(?:required|mandatory)\b", context, re.I) and not re.search(r"not always required", context, re.I):
                requirement = "required"
            if name in rows:  # later mentions can only strengthen the requirement
                if REQUIREMENT_RANK[requirement] > REQUIREMENT_RANK[rows[name]["requirement"]]:
                    rows[name]["requirement"] = requirement
                continue
            row = {"certification_id": stable_id(document_id, role_id, name), "role_id": role_id,
                   "name": name, "issuer": issuer, "requirement": requirement}
            row.update(provenance(document_id, section, span.sub(m.start(), m.end())))
            rows[name] = row
    return list(rows.values())
