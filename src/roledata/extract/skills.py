"""Skill vocabulary and single-pass matching.

The vocabulary ships as `roledata/data/skills.csv` (id, canonical name,
category, aliases, whether case matters, and which names count only inside a list:
`language_context` is 1 for all of the skill's names, 0 for none, or the names that are
ordinary English words, "|"-separated: "Excel" of Microsoft Excel, "React" but not "React.js"). All aliases compile into two regexes (one
case-sensitive, one not), longest alias first, so the text is scanned once
per regex however large the vocabulary grows.

"R" and "Go" are ordinary letters and words; they count only next to
another programming language ("Python, R, and SQL"), and never inside
"R&D" or "Go-to-market"; a tool whose name is a word ("Ray", "Excel", "Temporal")
counts next to another technology ("Kubeflow, Ray, Terraform"), so "Excel at ..." or
"Temporal changes ..." opening a sentence is no skill. A name before a hyphenated
modifier is still the name: "SQL-based", "GPT-4-grade".

The page is scanned once: `role_skills` and `skill_candidates` share the
matches of each line (`_page_matches`).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from roledata.contract.codes import REQUIREMENT
from roledata.extract.context import PageContext, provenance
from roledata.parse.outline import Outline
from roledata.parse.structure import Section, split_label
from roledata.parse.titles import role_headed
from roledata.text import Span, split_span


@dataclass(frozen=True, slots=True)
class Skill:
    skill_id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    match_case: bool
    language_context: bool                      # every name counts only inside a list
    context_names: frozenset[str] = frozenset()  # these names (words) count only inside a list

    def needs_context(self, written: str) -> bool:
        return self.language_context or written in self.context_names


class SkillMatch(NamedTuple):  # a named tuple, as a page has about a hundred (see `Span`)
    skill: Skill
    span: Span


@lru_cache(maxsize=1)
def load_vocabulary() -> tuple[Skill, ...]:
    """The skills of `data/skills.csv`, in its order (columns in the module's docstring)."""
    with resources.files("roledata.data").joinpath("skills.csv").open(encoding="utf-8") as fh:
        return tuple(
            Skill(
                skill_id=row["skill_id"],
                name=row["name"],
                category=row["category"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                match_case=row["match_case"] == "1",
                language_context=row["language_context"] == "1",
                context_names=frozenset(
                    n for n in row["language_context"].split("|") if n not in ("", "0", "1")),
            )
            for row in csv.DictReader(fh)
        )


# No letter, digit or joiner around a match: "R" not in "R&D", "Go" not in "Go-to";
# a slash separates names ("SHAP/LIME", "TensorFlow/Keras").
_LEFT = r"(?<![\w&+#.-])"
# ... and "SQL-based", "GPT-4-grade", "PyTorch-native": a name before a hyphenated modifier is still the name.
_MODIFIER = r"(?:based|class|style|like|powered|driven|native|compatible|level|grade|backed|centric|first|heavy|only|specific|savvy|friendly|ready)\b"
_RIGHT = rf"(?![\w&+#]|-(?!{_MODIFIER})\w|\.\w)"


@lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, Skill]]:
    by_alias: dict[str, Skill] = {}
    sensitive: list[str] = []
    insensitive: list[str] = []
    for skill in load_vocabulary():
        for alias in (skill.name, *skill.aliases):
            key = alias if skill.match_case else alias.lower()
            by_alias.setdefault(key, skill)
            (sensitive if skill.match_case else insensitive).append(alias)

    def compile_(aliases: list[str], flags: int) -> re.Pattern[str]:
        return re.compile(f"{_LEFT}(?:{_trie_pattern(aliases)}){_RIGHT}", flags)

    if any(alias != alias.strip() for alias in by_alias):
        raise ValueError("skills.csv: a name with white space around it")  # `match_units` relies on it
    lowered = [a.lower() for a in insensitive]
    # The case-sensitive names mostly open with a capital: checking the first character before
    # the left boundary lets the engine skip straight to the few places a name can start
    # (same matches as `compile_(sensitive, 0)`, in about 60% of the time).
    first_checked = re.compile(f"(?:{_trie_pattern(sensitive, after_first=_LEFT_OF_FIRST)}){_RIGHT}", re.S)
    return first_checked, compile_(lowered, re.IGNORECASE), compile_(lowered, 0), by_alias


# `_LEFT` said from just after a name's first character: the character before that one is no joiner.
_LEFT_OF_FIRST = r"(?<![\w&+#.-].)"


def _trie_pattern(words: list[str], after_first: str = "") -> str:
    """One regex for many words, shaped as a trie: `AWS|AWS SageMaker|Azure` ->
    `A(?:WS(?: SageMaker)?|zure)`; `after_first` goes right after each word's first character.

    Same matches as the plain alternation sorted longest first (the optional
    tails are greedy, so the longest name is tried first and a shorter one
    only when it fails the boundary check), but the engine no longer tries
    every name at every position: on a 380-name vocabulary that is most of
    the matching time.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict], after: str = "") -> str:
        branches = [re.escape(ch) + after + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie, after_first)


def match_skills(span: Span) -> list[SkillMatch]:
    """Every vocabulary skill named in `span`, in text order; the longest name wins
    an overlap ("AWS SageMaker" over "AWS")."""
    sensitive, insensitive, folded, by_alias = _matchers()
    text = span.text
    lowered = text.lower()
    if len(lowered) == len(text):
        # Lower-cased aliases against lower-cased text: same matches as IGNORECASE, about twice as fast.
        passes = ((sensitive, text), (folded, lowered))
    else:  # a character whose lower case is longer ("İ"): offsets would shift
        passes = ((sensitive, text), (insensitive, text))
    candidates: list[SkillMatch] = []
    for regex, subject in passes:
        for m in regex.finditer(subject):
            skill = by_alias.get(m.group(0).lower() if regex is not sensitive else m.group(0))
            if skill is not None:
                candidates.append(SkillMatch(skill, span.sub(m.start(), m.end())))
    return _resolve(candidates, span)


def _resolve(candidates: list[SkillMatch], span: Span) -> list[SkillMatch]:
    """The names `span` states among its candidate matches (case-sensitive pass first, each pass
    in text order): the longest wins an overlap, and a name that needs a list needs one."""
    if len(candidates) <= 1:  # most lines name one skill or none: nothing overlaps
        found = candidates
        if found and found[0].skill.needs_context(found[0].span.text) and not _beside_language(found[0], found, span):
            return []
        if found and _as_verb(found[0], span):
            return []
        return found
    candidates.sort(key=lambda c: (-(c.span.end - c.span.start), c.span.start))
    found: list[SkillMatch] = []
    for cand in candidates:
        if all(cand.span.end <= f.span.start or f.span.end <= cand.span.start for f in found):
            found.append(cand)
    found.sort(key=lambda x: x.span.start)
    return [m for m in found if (not m.skill.needs_context(m.span.text) or _beside_language(m, found, span))
            and not _as_verb(m, span)]


def match_units(text: str, units: list[Span]) -> list[list[SkillMatch]]:
    """`[match_skills(u) for u in units]` for spans of the page `text`, with the page scanned
    once per pattern instead of once per unit (a page has some 150 lines).

    The answers are the same when every unit stands between white space (or the page's ends)
    and no page-wide match runs across a unit's edge: the boundary look-arounds then see white
    space where a unit alone ends, which they treat alike, and the scan enters and leaves each
    unit in the same state. Where that does not hold, each unit is matched alone.
    """
    low = text.lower()
    order = sorted(range(len(units)), key=lambda i: units[i].start)
    if len(low) != len(text) or "Σ" in text or not _separated(text, [units[i] for i in order]):
        return [match_skills(u) for u in units]  # offsets or lower case could differ: unit by unit
    sensitive, _, folded, by_alias = _matchers()
    per_unit: list[list[SkillMatch]] = [[] for _ in units]
    for regex, subject in ((sensitive, text), (folded, low)):
        k = 0  # units (in `order`) ending before the current match
        for m in regex.finditer(subject):
            start, end = m.span()
            while k < len(order) and units[order[k]].end <= start:
                k += 1
            if k == len(order):
                break
            unit = units[order[k]]
            if end <= unit.start:
                continue  # between units (a heading, a related-roles list): not read
            if start < unit.start or end > unit.end:
                return [match_skills(u) for u in units]  # across a unit's edge
            written = m.group(0)
            skill = by_alias.get(written if regex is sensitive else written.lower())
            if skill is not None:
                # Names have no white space at their ends (`_matchers`): the span needs no trimming.
                per_unit[order[k]].append(SkillMatch(skill, Span(start, end, text[start:end])))
    return [_resolve(found, unit) for found, unit in zip(per_unit, units)]


# A skill named by a verb form in an employer's voice is the sentence's verb: "We are hiring", "now recruiting".
_AUXILIARY = re.compile(r"\b(?:we(?:'re|’re| are)(?: now| currently| actively)?|now|(?:is|are) (?:now|currently|actively))\s+$",
                        re.I)


def _as_verb(match: SkillMatch, span: Span) -> bool:
    written = match.span.text
    if written[-3:].lower() != "ing":
        return False
    at = match.span.start - span.start
    return _AUXILIARY.search(span.text, max(0, at - 40), at) is not None


def _separated(text: str, units: list[Span]) -> bool:
    """Units in page order that do not overlap, each with white space (or a page end) on both sides."""
    last_end = 0
    for u in units:
        if u.start < last_end or (u.start > 0 and not text[u.start - 1].isspace()) \
                or (u.end < len(text) and not text[u.end].isspace()):
            return False
        last_end = u.end
    return True


def _beside_language(match: SkillMatch, found: list[SkillMatch], span: Span) -> bool:
    """True when a neighbouring list item is a language: "Python, R, Julia", "Go or Rust"; for a
    tool whose name is a word ("Ray"), any neighbouring technology: "Kubeflow, Ray, Terraform"."""
    language = match.skill.category == "programming_language"
    for other in found:
        if other is match or (other.skill.category != "programming_language" if language
                              else other.skill.category not in _TECH or other.skill.needs_context(other.span.text)):
            continue
        left, right = sorted((match, other), key=lambda m: m.span.start)
        between = span.text[left.span.end - span.start:right.span.start - span.start]
        if _LIST_GAP.fullmatch(between):
            return True
    return False


_TECH = frozenset({"programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform",
                   "vector_database", "llm_tooling", "responsible_ai", "developer_tool"})
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|/|&)\s*")


_PREFERRED = re.compile(r"\b(?:preferred|nice to have|a plus|bonus|desirable)\b", re.I)
_REQUIRED = re.compile(r"\b(?:required|requirements?|must|mandatory|minimum)\b", re.I)


def _requirement(section: Section | None) -> str:
    if section is None:
        return "mentioned"
    heading = " ".join(filter(None, (section.top.heading_text, section.heading_text)))
    if _PREFERRED.search(heading):
        return "preferred"
    if _REQUIRED.search(heading) or section.kind in {"requirements", "qualifications", "skills"}:
        return "required"
    return "mentioned"


def extract_role_skills(outline: Outline, context: PageContext) -> list[dict]:
    """One row per skill the page names: count, strongest requirement, first mention."""
    document_id, role_id = context.document_id, context.role_id
    rows: dict[str, dict] = {}
    requirements: dict[int, str] = {}  # per section: its heading words are read once
    for span, section, matches in _page_matches(outline):
        if not matches:
            continue
        key = -1 if section is None else section.ordinal
        requirement = requirements.get(key)
        if requirement is None:
            requirement = requirements[key] = _requirement(section)
        for match in matches:
            row = rows.get(match.skill.skill_id)
            if row is None:
                row = {"role_id": role_id, "skill_id": match.skill.skill_id,
                       "mention_count": 0, "requirement": requirement}
                row.update(provenance(document_id, section, match.span))
                rows[match.skill.skill_id] = row
            row["mention_count"] += 1
            # A later mention may raise the requirement, never lower it (rank 0 is the strongest).
            if (requirement != row["requirement"]
                    and REQUIREMENT.rank(requirement) < REQUIREMENT.rank(row["requirement"])):
                row["requirement"] = requirement
    return list(rows.values())


def _page_matches(outline: Outline) -> list[tuple[Span, Section | None, list[SkillMatch]]]:
    """Every unit of text that may name skills, with its matches, scanned once per page
    (kept on the outline: role_skills and skill_candidates share it): the summary, each line
    outside related-role lists, and a skill section's heading when it is itself a list
    ("Python, PyTorch, SDV" set as a heading)."""
    if outline.skill_matches is not None:
        return outline.skill_matches
    units: list[tuple[Span, Section | None]] = []
    if outline.summary is not None:
        units.append((outline.summary, None))
    for section in outline.sections:
        if section.kind == "related_roles":
            continue
        if section.heading is not None and section.kind in _SKILL_KINDS and "," in section.heading.text:
            units.append((section.heading, section))
        units.extend((line.content, section) for line in section.lines if line.content is not outline.summary)
    matches = match_units(outline.text, [span for span, _ in units])
    outline.skill_matches = [(span, section, found) for (span, section), found in zip(units, matches)]
    return outline.skill_matches


def skills_table() -> list[dict]:
    """The `skills` table: one row per skill of the vocabulary."""
    return [
        {"skill_id": s.skill_id, "name": s.name, "category": s.category, "aliases": list(s.aliases),
         "esco_uri": None, "onet_commodity_code": None}
        for s in load_vocabulary()
    ]


# ------------------------------------------------------------ skill candidates
# Lists of tools: "(e.g., TensorFlow, PyTorch)", "such as Kedro, MindsDB and Mage.ai".
_LIST = re.compile(
    r"\((?:e\.g\.,?|i\.e\.,?|such as|like|including)?\s*(?P<paren>[^()]+)\)"
    r"|\b(?:such as|like|including|e\.g\.,?)\s+(?P<tail>[^.;:()]+)"
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*")
_CAPITALIZED = re.compile(r"[A-Z][\w.+#-]*(?:\s[A-Z0-9][\w.+#-]*){0,2}")
_TECH_SHAPE = re.compile(r"[a-z][A-Z]|\d|[.+#]\w|^[A-Z]{2,}[a-z]?$")
_NOT_TECH = {"AI", "ML", "AI/ML", "API", "APIs", "UI", "UX", "IT", "US", "U.S", "EU", "CEO", "CTO", "CFO", "KPIs", "OKRs",
             "PhD", "Ph.D.", "Ph.D", "MS", "MSc", "M.S.", "BS", "BSc", "B.S.", "MBA", "ROI", "KPI", "QA", "CI", "CD", "CT",
             "USD", "EUR", "GBP", "CHF", "INR", "CAD", "AUD", "COO", "CIO", "CISO", "HR", "R&D", "SaaS", "B2B", "B2C",
             "Computer Science", "Statistics", "Mathematics", "Physics", "Engineering", "Economics", "Linguistics",
             "Google", "Meta", "Microsoft", "Amazon", "Apple", "Netflix", "Uber", "Tesla", "IBM", "Oracle", "Salesforce",
             "Anthropic", "OpenAI", "NVIDIA", "Nvidia", "Intel", "AMD", "DeepMind", "BLS", "DOL", "WEF"}
_SKILL_KINDS = {"skills", "requirements", "qualifications"}


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
    for span, section, known in _page_matches(outline):
        if section is None or section.kind in _NO_CANDIDATE_KINDS:
            continue
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
        if not lists and "," in text and sum(m.skill.category in _TECH for m in known) >= 2:
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
_NOT_TOOL_LABEL = re.compile(r"certif|employer|compan|industr|degree|education|licen|location|sector|organi[sz]ation|"
                             r"institut|universit|hyperscaler|vendor|provider|client|customer|partner|labs?\b|firms?\b|visa|sponsor|"
                             r"authori[sz]|benefit|insurance|holiday", re.I)
_NOT_TOOL_LABEL_LOWER = re.compile(_NOT_TOOL_LABEL.pattern)  # for lower-cased text: no IGNORECASE, far faster


def _not_tool_label(text: str) -> bool:
    """`_NOT_TOOL_LABEL.search(text)`, on the lower-cased text when that gives the same answer
    (offsets kept, and no "ı" or "ſ", which IGNORECASE reads as "i" and "s")."""
    low = text.lower()
    if len(low) == len(text) and "ı" not in low and "ſ" not in low:
        return _NOT_TOOL_LABEL_LOWER.search(low) is not None
    return _NOT_TOOL_LABEL.search(text) is not None


# Work-visa and status codes ("H-1B", "F-1 OPT", "TN") that travel in comma lists beside tools.
_VISA = re.compile(r"^(?:[A-Z]-?\d[A-Z]?\b.*|TN|OPT|CPT|EAD|GC|PTO|EAP)$")


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
    by_alias = _matchers()[3]
    return term in by_alias or term.lower() in by_alias


def _is_candidate(term: str, beside_known: bool) -> bool:
    if len(term) < 2 or term in _NOT_TECH or not _CAPITALIZED.fullmatch(term) or _VISA.match(term):
        return False
    return bool(_TECH_SHAPE.search(term)) or (beside_known and len(term.split()) <= 2)
