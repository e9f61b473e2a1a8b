"""O*NET's technology skill examples as skills of the vocabulary, for every profession.

O*NET 30.2 lists some 8,800 products by occupation ("Epic Systems", "Autodesk
Revit", "Intuit QuickBooks"), each with its UNSPSC commodity and whether it is
a hot technology or in demand. Each becomes a skill (category `technology`)
with the spellings pages use: O*NET's name without a trailing "software"
("Salesforce software" -> "Salesforce"), a trailing abbreviation that spells
the words before it ("Structured query language SQL" -> "SQL"), and the
product without its maker ("Autodesk Revit" -> "Revit"). They match with case,
as product names are written; a name of one word ("Slack", "LinkedIn",
"ECS") counts only inside a list beside another technology, as "Excel" does
in the hand-made vocabulary.

An example that names a skill the hand-made vocabulary already has (by any
spelling) adds no skill: that skill gets O*NET's commodity and flags, and
matches as before. Examples that name a kind of software, not a product
("Payroll software", "Email software"), are left out.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from roledata.occupations.text import stem
from roledata.reference import load
from roledata.text import LazyPattern

CATEGORY = "technology"


@dataclass(frozen=True, slots=True)
class OnetExample:
    example: str
    commodity_code: str
    commodity_title: str
    is_hot_technology: bool
    is_in_demand: bool


@dataclass(frozen=True, slots=True)
class OnetSkill:
    skill_id: str
    name: str
    names: tuple[str, ...]          # every spelling matched (name first)
    context_names: frozenset[str]   # spellings that count only inside a list
    info: OnetExample


@lru_cache(maxsize=1)
def examples() -> tuple[OnetExample, ...]:
    """Every distinct O*NET example: its most listed commodity, hot / in demand for any occupation."""
    titles = {r["commodity_code"]: r["commodity_title"] for r in load("commodities")}
    codes: dict[str, Counter] = defaultdict(Counter)
    hot: dict[str, bool] = defaultdict(bool)
    demand: dict[str, bool] = defaultdict(bool)
    for r in load("technology_skills"):
        codes[r["example"]][r["commodity_code"]] += 1
        hot[r["example"]] |= r["hot_technology"] == "1"
        demand[r["example"]] |= r["in_demand"] == "1"
    out = []
    for example, counted in codes.items():
        code = min(counted, key=lambda c: (-counted[c], c))
        out.append(OnetExample(example, code, titles.get(code, ""), hot[example], demand[example]))
    return tuple(sorted(out, key=lambda e: e.example))


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Stems of O*NET's task statements and the words of twenty titles or more: a one-word name among
    them ("Slack", "Box") is also an ordinary word; a product's name ("Salesforce") is not."""
    counts = Counter(w for r in load("titles") for w in set(r["key"].split()))
    return frozenset({w for w, n in counts.items() if n >= 20} | {r["term"] for r in load("duty_terms")})


def is_ordinary(word: str) -> bool:
    low = word.lower()
    return low in ordinary_words() or stem(low) in ordinary_words()


_ACRONYM = LazyPattern(r"^[A-Z][A-Z0-9&/.+-]{1,9}$")
_TECH_SHAPE = LazyPattern(r"[a-z][A-Z]|\d|[.+#]|^[A-Z]{3,}$")


def _makers() -> frozenset[str]:
    """First words of several examples that are no ordinary word, and whose examples fall in five
    UNSPSC commodities or more: makers of many kinds of software ("Microsoft", "Google"), whose
    name alone names no product (unlike "MEDITECH" or "Salesforce")."""
    first = Counter(e.example.split()[0] for e in examples() if len(e.example.split()) > 1)
    kinds: dict[str, set[str]] = defaultdict(set)
    for e in examples():
        kinds[e.example.split()[0]].add(e.commodity_code)
    return frozenset(w for w, n in first.items()
                     if n >= 3 and w[:1].isupper() and not is_ordinary(w) and len(kinds[w]) >= 5)


def spellings(example: str, makers: frozenset[str]) -> tuple[str, list[str], set[str]]:
    """(name, every spelling, the spellings that count only inside a list) of one example;
    no spelling at all for a kind of software ("Payroll software")."""
    base = example[: -len(" software")] if example.endswith(" software") else example
    words = base.split()
    if not words or (example != base and all(is_ordinary(w) for w in words)):
        return base, [], set()
    if len(words) == 1 and words[0] in makers:
        return base, [], set()  # "Oracle software", "Google software": a maker of many kinds of software
    if len(words) > 1 and all(w[:1].islower() for w in words[1:]) and is_ordinary(words[0]) \
            and not any(_TECH_SHAPE.search(w) for w in words):
        return base, [], set()  # "Materials inventory software", "Crime mapping"
    names = [base]
    context: set[str] = set()
    last = words[-1]
    if len(words) > 2 and _ACRONYM.match(last) and len(last) >= 3:
        spelled = [w for w in words[:-1] if w.lower() not in ("for", "of", "and", "the", "&")]
        initials = "".join(w[0] for w in spelled[-len(last):]).upper()
        if initials == last:  # "Structured query language SQL" (two letters, such as "AI", are too common)
            names += [" ".join(words[:-1]), last]
    if len(words) > 1 and words[0] in makers and words[1][:1].isupper() and not all(is_ordinary(w) for w in words[1:]):
        rest = " ".join(words[1:])  # "Autodesk Revit" -> "Revit" (not "MediRegs Risk Assessment Manager" -> a job)
        names.append(rest)
        if len(words) == 2:
            context.add(rest)
    for name in names:
        if " " not in name:
            context.add(name)  # one word ("Slack", "LinkedIn", "ECS"): only beside another technology
    seen, unique = set(), []
    for name in names:
        if name and name not in seen and len(name) > 1:
            seen.add(name)
            unique.append(name)
    return base, unique, context & seen


def onet_skills(known: dict[str, str], taken_ids: set[str]) -> tuple[list[OnetSkill], dict[str, OnetExample]]:
    """The new skills, and O*NET's facts for the hand-made skills an example names.
    `known`: every spelling of the hand-made vocabulary, lower-cased -> its skill_id."""
    makers = _makers()
    new: list[OnetSkill] = []
    linked: dict[str, OnetExample] = {}
    spelled: dict[str, str] = {}  # a spelling already given to a new skill
    for example in examples():
        name, names, context = spellings(example.example, makers)
        if not names:
            continue
        hit = next((known[n.lower()] for n in [example.example, *names] if n.lower() in known), None)
        if hit is not None:
            linked.setdefault(hit, example)
            continue
        names = [n for n in names if n not in spelled]
        if not names or name not in names:
            continue
        skill_id = _slug(name)
        while skill_id in taken_ids:
            skill_id += "-onet"
        taken_ids.add(skill_id)
        for n in names:
            spelled[n] = skill_id
        new.append(OnetSkill(skill_id, name, tuple(names), frozenset(context), example))
    return new, linked


def vocabulary_rows(own_skills: list[tuple[str, list[str]]]) -> list[dict]:
    """The shipped `technology_vocabulary` table (made by `roledata.reference.build`): one row per new
    skill, and one per hand-made skill an example names (`linked_skill_id`, no spellings).
    `own_skills`: the hand-made vocabulary as (skill_id, every spelling)."""
    known: dict[str, str] = {}
    for skill_id, names in own_skills:
        for name in names:
            known.setdefault(name.lower(), skill_id)
    new, linked = onet_skills(known, {skill_id for skill_id, _ in own_skills})

    def facts(e: OnetExample) -> dict:
        return {"example": e.example, "commodity_code": e.commodity_code, "commodity_title": e.commodity_title,
                "hot_technology": int(e.is_hot_technology), "in_demand": int(e.is_in_demand)}

    rows = [{"skill_id": skill_id, "linked": 1, "name": "", "aliases": "", "context_names": "", **facts(e)}
            for skill_id, e in sorted(linked.items())]
    rows += [{"skill_id": n.skill_id, "linked": 0, "name": n.name, "aliases": "|".join(n.names[1:]),
              "context_names": "|".join(sorted(n.context_names)), **facts(n.info)} for n in new]
    return rows


def shipped_vocabulary() -> tuple[list[OnetSkill], dict[str, OnetExample]]:
    """The O*NET skills and the hand-made skills' O*NET facts, as shipped (`technology_vocabulary`)."""
    new, linked = [], {}
    for r in load("technology_vocabulary"):
        example = OnetExample(r["example"], r["commodity_code"], r["commodity_title"], r["hot_technology"] == "1",
                              r["in_demand"] == "1")
        if r["linked"] == "1":
            linked[r["skill_id"]] = example
        else:
            names = (r["name"], *(a for a in r["aliases"].split("|") if a))
            new.append(OnetSkill(r["skill_id"], r["name"], names,
                                 frozenset(c for c in r["context_names"].split("|") if c), example))
    return new, linked


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9+#]+", "-", name.lower()).strip("-")
    return slug.replace("+", "plus").replace("#", "sharp") or "skill"
