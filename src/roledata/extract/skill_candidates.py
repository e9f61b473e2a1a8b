"""Technology-like names found in skill lists but missing from the vocabulary (`skill_candidates`),
so the vocabulary can grow: a capitalized name in a list of skills, beside known ones, that is
not a word of the page's own kind (a degree, a visa, a company)."""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, provenance
from roledata.extract.skills import TECH_CATEGORIES, SkillMatch, matchers, page_matches
from roledata.parse.outline import Outline
from roledata.parse.structure import split_label
from roledata.parse.role_nouns import role_headed
from roledata.text import LazyPattern, Span, split_span

# Lists of tools: "(e.g., TensorFlow, PyTorch)", "such as Kedro, MindsDB and Mage.ai".
_LIST = LazyPattern(
    r"\((?:e\.g\.,?|i\.e\.,?|such as|like|including)?\s*(?P<paren>[^()]+)\)"
    r"|\b(?:such as|like|including|e\.g\.,?)\s+(?P<tail>[^.;:()]+)"
)
_ITEM_SPLIT = LazyPattern(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*")
_CAPITALIZED = LazyPattern(r"[A-Z][\w.+#-]*(?:\s[A-Z0-9][\w.+#-]*){0,2}")
_TECH_SHAPE = LazyPattern(r"[a-z][A-Z]|\d|[.+#]\w|^[A-Z]{2,}[a-z]?$")
_NOT_TECH = {"AI", "ML", "AI/ML", "API", "APIs", "UI", "UX", "IT", "US", "U.S", "EU", "CEO", "CTO", "CFO", "KPIs", "OKRs",
             "PhD", "Ph.D.", "Ph.D", "MS", "MSc", "M.S.", "BS", "BSc", "B.S.", "MBA", "ROI", "KPI", "QA", "CI", "CD", "CT",
             "USD", "EUR", "GBP", "CHF", "INR", "CAD", "AUD", "COO", "CIO", "CISO", "HR", "R&D", "SaaS", "B2B", "B2C",
             "Computer Science", "Statistics", "Mathematics", "Physics", "Engineering", "Economics", "Linguistics",
             "Google", "Meta", "Microsoft", "Amazon", "Apple", "Netflix", "Uber", "Tesla", "IBM", "Oracle", "Salesforce",
             "Anthropic", "OpenAI", "NVIDIA", "Nvidia", "Intel", "AMD", "DeepMind", "BLS", "DOL", "WEF"}


def extract_skill_candidates(outline: Outline, context: PageContext) -> list[dict]:
    """Capitalized, technology-shaped names in lists that the vocabulary lacks: one row per term,
    at its first mention, with its count.

    A list is a parenthesis or a "such as"/"including" tail anywhere on the page, or a
    comma list in a skill section or a bullet ("PyTorch, NeMo, Kaldi and ESPnet"). A term
    qualifies by its shape (CamelCase, digits, "Mage.ai", all caps) or by standing in a
    list beside known skills ("Kedro" in "PyTorch, Kedro").
    """
    document_id, role_id = context.document_id, context.role_id
    rows: dict[str, dict] = {}
    for span, section, known in page_matches(outline):
        if section is None or section.kind in _NO_CANDIDATE_KINDS:
            continue
        known = [m for m in known if not m.skill.is_onet]  # candidates are read against the hand-made vocabulary
        text = span.text
        lists: list[Span] = []
        if "(" in text or " as " in text or "includ" in text or "like " in text or "e.g" in text:
            for m in _LIST.finditer(text):
                if _not_tool_label(text[max(0, m.start() - 40):m.start()]):
                    continue  # "certifications (CKA, CKS)", "employers such as Google"
                if m.group("paren") and m.group(0)[1:].lstrip()[:1].isupper() and "," not in m.group("paren"):
                    continue  # "(BLS)": an abbreviation in brackets, not a list
                lists.append(span.sub(*m.span("paren" if m.group("paren") else "tail")))
        plain = None
        if not lists and "," in text and sum(m.skill.category in TECH_CATEGORIES for m in known) >= 2:
            # A plain comma list of tools: "PyTorch, NVIDIA NeMo, Kaldi and ESPnet"
            label, value = split_label(span)
            if not (label is not None and _not_tool_label(label.text)):
                plain = value
        for listed in lists + ([plain] if plain is not None else []):
            items = [item for item in _list_items(listed) if item.text]
            beside_known = any(_overlaps(item, known) for item in items)
            if listed is plain and not _names_list(items, known):
                continue
            for item in items:
                if _overlaps(item, known):
                    continue
                item = _trim_item(item)  # "Kaldi for decoding" -> "Kaldi"
                if (not item.text or not _is_candidate(item.text, beside_known) or _is_known_name(item.text)
                        or (listed is plain and item.start == span.start and not _TECH_SHAPE.search(item.text))
                        or role_headed(item.text)):
                    continue
                row = rows.get(item.text)
                if row is None:
                    row = {"role_id": role_id, "term": item.text, "mention_count": 0}
                    row.update(provenance(document_id, section, item))
                    rows[item.text] = row
                row["mention_count"] += 1
    return list(rows.values())


_NO_CANDIDATE_KINDS = frozenset({"related_roles", "salary", "faq", "cover_letter"})
# Lists of things that are not tools: "Key certifications: CKA, CKS", "Top employer types: Google, Meta".
_NOT_TOOL_LABEL = LazyPattern(r"certif|employer|compan|industr|degree|education|licen|location|sector|organi[sz]ation|"
                              r"institut|universit|hyperscaler|vendor|provider|client|customer|partner|labs?\b|firms?\b|visa|sponsor|"
                              r"authori[sz]|benefit|insurance|holiday", re.I)
_NOT_TOOL_LABEL_LOWER = LazyPattern(_NOT_TOOL_LABEL.pattern)  # for lower-cased text: no IGNORECASE, far faster


def _not_tool_label(text: str) -> bool:
    """`_NOT_TOOL_LABEL.search(text)`, on the lower-cased text when that gives the same answer
    (offsets kept, and no "ı" or "ſ", which IGNORECASE reads as "i" and "s")."""
    low = text.lower()
    if len(low) == len(text) and "ı" not in low and "ſ" not in low:
        return _NOT_TOOL_LABEL_LOWER.search(low) is not None
    return _NOT_TOOL_LABEL.search(text) is not None


# Work-visa and status codes ("H-1B", "F-1 OPT", "TN") that travel in comma lists beside tools.
_VISA = LazyPattern(r"^(?:[A-Z]-?\d[A-Z]?\b.*|TN|OPT|CPT|EAD|GC|PTO|EAP)$")


def _names_list(items: list[Span], known: list[SkillMatch]) -> bool:
    """A list of names, not of words: most items are known tools or capitalized
    ("Design, develop, and deploy" is a list of verbs)."""
    named = sum(1 for item in items if _overlaps(item, known) or item.text[:1].isupper())
    tools = sum(1 for item in items if _overlaps(item, known))
    return len(items) >= 2 and named * 4 >= len(items) * 3 and tools * 2 >= len(items)


def _trim_item(item: Span) -> Span:
    """"NVIDIA Triton for model serving" -> "NVIDIA Triton"; "plus Kedro." -> "Kedro"."""
    text = item.text
    start, end = 0, len(text)
    if m := re.match(r"^(?:and|or|plus|with|using|via)\s+", text):
        start = m.end()
    if m := re.search(r"\s+(?:for|in|on|to|with|as|at)\s.*$|[.;:!]+$", text[start:]):
        end = start + m.start()
    m = re.match(r"[A-Z][\w.+#-]*(?:\s[A-Z0-9][\w.+#-]*){0,2}(?=\s+[a-z])", text[start:end])
    if m and _TECH_SHAPE.search(m.group(0)) and not m.group(0).isupper():
        end = start + m.end()  # "Flarn8 every week" -> "Flarn8"
    return item.sub(start, end) if (start, end) != (0, len(text)) else item


def _list_items(span: Span) -> list[Span]:
    return [piece for piece, _ in split_span(span, _ITEM_SPLIT)]


def _overlaps(item: Span, known: list[SkillMatch]) -> bool:
    return any(k.span.start < item.end and item.start < k.span.end for k in known)


def _is_known_name(term: str) -> bool:
    by_alias = matchers()[3]
    return term in by_alias or term.lower() in by_alias


def _is_candidate(term: str, beside_known: bool) -> bool:
    if len(term) < 2 or term in _NOT_TECH or not _CAPITALIZED.fullmatch(term) or _VISA.match(term):
        return False
    return bool(_TECH_SHAPE.search(term)) or (beside_known and len(term.split()) <= 2)
