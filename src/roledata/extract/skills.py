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

The page is scanned once: `role_skills` and `skill_candidates`
(`roledata.extract.skill_candidates`) share the matches of each line
(`page_matches`).

O*NET's technology examples join the vocabulary (`roledata.extract.technology`:
category `technology`). They are matched in a second pass of their own, one
case-sensitive trie regex over the page, and a name of theirs counts only
where no hand-made skill was found: what the hand-made vocabulary matches is
exactly what it matched before they came.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import ahocorasick

from roledata.contract.codes import REQUIREMENT
from roledata.extract.context import PageContext, provenance
from roledata.extract.technology import CATEGORY as ONET_CATEGORY, OnetExample, shipped_vocabulary
from roledata.reference import ESCO_SKILL, load
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.text import LazyPattern, Span


@dataclass(frozen=True, slots=True)
class Skill:
    skill_id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    match_case: bool
    language_context: bool                      # every name counts only inside a list
    context_names: frozenset[str] = frozenset()  # these names (words) count only inside a list
    onet: OnetExample | None = None              # O*NET's commodity and flags, where an example names it
    is_onet: bool = False                        # a skill that came from O*NET's examples (second pass)

    def needs_context(self, written: str) -> bool:
        return self.language_context or written in self.context_names


class SkillMatch(NamedTuple):  # a named tuple, as a page has about a hundred (see `Span`)
    skill: Skill
    span: Span


@lru_cache(maxsize=1)
def load_vocabulary() -> tuple[Skill, ...]:
    """The skills of `data/skills.csv`, in its order (columns in the module's docstring), then the
    O*NET technology examples that name none of them (`roledata.extract.technology`)."""
    new, linked = shipped_vocabulary()
    return tuple(
        Skill(skill_id=row["skill_id"], name=row["name"], category=row["category"],
              aliases=tuple(a for a in row["aliases"].split("|") if a),
              match_case=row["match_case"] == "1", language_context=row["language_context"] == "1",
              context_names=frozenset(n for n in row["language_context"].split("|") if n not in ("", "0", "1")),
              onet=linked.get(row["skill_id"]))
        for row in own_vocabulary()
    ) + tuple(Skill(n.skill_id, n.name, ONET_CATEGORY, n.names[1:], True, False, n.context_names, n.info, True)
              for n in new)


def own_vocabulary() -> list[dict[str, str]]:
    """The hand-made vocabulary's rows (`data/skills.csv`)."""
    with resources.files("roledata.data").joinpath("skills.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# No letter, digit or joiner around a match: "R" not in "R&D", "Go" not in "Go-to";
# a slash separates names ("SHAP/LIME", "TensorFlow/Keras").
_LEFT = r"(?<![\w&+#.-])"
# ... and "SQL-based", "GPT-4-grade", "PyTorch-native": a name before a hyphenated modifier is still the name.
_MODIFIER = r"(?:based|class|style|like|powered|driven|native|compatible|level|grade|backed|centric|first|heavy|only|specific|savvy|friendly|ready)\b"
_RIGHT = rf"(?![\w&+#]|-(?!{_MODIFIER})\w|\.\w)"
_RIGHT_RE = LazyPattern(_RIGHT)


@lru_cache(maxsize=1)
def matchers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, Skill]]:
    by_alias: dict[str, Skill] = {}
    sensitive: list[str] = []
    insensitive: list[str] = []
    for skill in load_vocabulary():
        if skill.is_onet:
            continue  # matched in their own pass (`_onet_matcher`)
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


@lru_cache(maxsize=1)
def _onet_matcher() -> ahocorasick.Automaton:
    """Every spelling of the O*NET skills in one Aho-Corasick automaton (value: (length, skill)).
    Measured on 700 pages: 0.08 ms a page, against 0.29 for the same names as one trie regex."""
    automaton = ahocorasick.Automaton()
    for skill in load_vocabulary():
        if skill.is_onet:
            for name in (skill.name, *skill.aliases):
                if not automaton.exists(name):
                    automaton.add_word(name, (len(name), skill))
    automaton.make_automaton()
    return automaton


def _onet_found(text: str, offset: int = 0) -> Iterator[tuple[int, int, Skill]]:
    """(start, end, skill) of every O*NET spelling in `text` that stands alone (the hand-made
    vocabulary's boundaries: `_LEFT`, `_RIGHT`), offsets plus `offset`."""
    for last, (length, skill) in _onet_matcher().iter(text):
        start, end = last - length + 1, last + 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_&+#.-"):
            continue
        if _RIGHT_RE.match(text, end):
            yield start + offset, end + offset, skill


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
    sensitive, insensitive, folded, by_alias = matchers()
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
    found = _resolve(candidates, span)
    extra = [SkillMatch(skill, span.sub(start, end)) for start, end, skill in _onet_found(text)]
    return _with_onet(found, extra, span) if extra else found


def _with_onet(found: list[SkillMatch], extra: list[SkillMatch], span: Span) -> list[SkillMatch]:
    """The hand-made matches, plus the O*NET names that overlap none of them (the longest wins an
    overlap among these; a name that needs a list needs one beside another technology)."""
    extra = [m for m in extra if all(m.span.end <= f.span.start or f.span.end <= m.span.start for f in found)]
    if not extra:
        return found
    extra.sort(key=lambda c: (-(c.span.end - c.span.start), c.span.start))
    kept: list[SkillMatch] = []
    for cand in extra:
        if all(cand.span.end <= k.span.start or k.span.end <= cand.span.start for k in kept):
            kept.append(cand)
    both = sorted(found + kept, key=lambda m: m.span.start)
    kept = [m for m in kept if not m.skill.needs_context(m.span.text) or _beside_technology(m, both, span)]
    return sorted(found + kept, key=lambda m: m.span.start)


def _beside_technology(match: SkillMatch, found: list[SkillMatch], span: Span) -> bool:
    """An O*NET name that is a plain word ("Slack"), next to another technology in a list."""
    for other in found:
        if other is match or (other.skill.category not in TECH_CATEGORIES and other.skill.category != ONET_CATEGORY) \
                or other.skill.needs_context(other.span.text):
            continue
        left, right = sorted((match, other), key=lambda m: m.span.start)
        if _LIST_GAP.fullmatch(span.text[left.span.end - span.start:right.span.start - span.start]):
            return True
    return False


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
    sensitive, _, folded, by_alias = matchers()
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
                # Names have no white space at their ends (`matchers`): the span needs no trimming.
                per_unit[order[k]].append(SkillMatch(skill, Span(start, end, text[start:end])))
    resolved = [_resolve(found, unit) for found, unit in zip(per_unit, units)]
    return _units_with_onet(text, units, order, resolved)


def _units_with_onet(text: str, units: list[Span], order: list[int],
                     resolved: list[list[SkillMatch]]) -> list[list[SkillMatch]]:
    """`resolved` (the hand-made matches per unit) with the O*NET names of each unit added
    (`_with_onet`), the page scanned once; a name across a unit's edge counts for no unit."""
    extra: list[list[SkillMatch]] = [[] for _ in units]
    starts = [units[i].start for i in order]
    for start, end, skill in _onet_found(text):
        k = bisect_right(starts, start) - 1  # the unit starting at or before the name
        if k >= 0 and end <= units[order[k]].end:
            extra[order[k]].append(SkillMatch(skill, Span(start, end, text[start:end])))
    return [_with_onet(found, more, unit) if more else found for found, more, unit in zip(resolved, extra, units)]


# A skill named by a verb form in an employer's voice is the sentence's verb: "We are hiring", "now recruiting".
_AUXILIARY = LazyPattern(r"\b(?:we(?:'re|’re| are)(?: now| currently| actively)?|now|(?:is|are) (?:now|currently|actively))\s+$",
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
                              else other.skill.category not in TECH_CATEGORIES or other.skill.needs_context(other.span.text)):
            continue
        left, right = sorted((match, other), key=lambda m: m.span.start)
        between = span.text[left.span.end - span.start:right.span.start - span.start]
        if _LIST_GAP.fullmatch(between):
            return True
    return False


TECH_CATEGORIES = frozenset({"programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform",
                   "vector_database", "llm_tooling", "responsible_ai", "developer_tool"})
_LIST_GAP = LazyPattern(r"\s*(?:,\s*(?:and|or)?|and|or|/|&)\s*")


_PREFERRED = LazyPattern(r"\b(?:preferred|nice to have|a plus|bonus|desirable)\b", re.I)
_REQUIRED = LazyPattern(r"\b(?:required|requirements?|must|mandatory|minimum)\b", re.I)


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
    for span, section, matches in page_matches(outline):
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


# Sections whose heading may itself be a list of skills ("Python, SQL and Spark").
SKILL_KINDS = {"skills", "requirements", "qualifications"}


def page_matches(outline: Outline) -> list[tuple[Span, Section | None, list[SkillMatch]]]:
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
        if section.heading is not None and section.kind in SKILL_KINDS and "," in section.heading.text:
            units.append((section.heading, section))
        units.extend((line.content, section) for line in section.lines if line.content is not outline.summary)
    matches = match_units(outline.text, [span for span, _ in units])
    outline.skill_matches = [(span, section, found) for (span, section), found in zip(units, matches)]
    return outline.skill_matches


def skills_table() -> list[dict]:
    """The `skills` table: one row per skill of the vocabulary."""
    esco = {r["skill_id"]: ESCO_SKILL + r["esco_id"] for r in load("esco_skill_links")}
    return [
        {"skill_id": s.skill_id, "name": s.name, "category": s.category, "aliases": list(s.aliases),
         "esco_uri": esco.get(s.skill_id), "onet_commodity_code": s.onet.commodity_code if s.onet else None,
         "onet_commodity_title": s.onet.commodity_title if s.onet else None,
         "onet_example": s.onet.example if s.onet else None,
         "is_hot_technology": s.onet.is_hot_technology if s.onet else None,
         "is_in_demand": s.onet.is_in_demand if s.onet else None,
         "source": "onet" if s.is_onet else "roledata"}
        for s in load_vocabulary()
    ]
