"""One role's occupations: up to three SOC 2018 detailed codes, ranked, each with how it was found.

The title decides first, the way O*NET's own search weighs a title over a
description; what the page says the role does breaks ties and fills gaps
(`method` of each candidate):

- `alternate_title_exact`: the title, case and spaces folded, is a title O*NET
  gives the occupation (its own, an alternate or a reported title).
- `normalized_title`: equal once folded (abbreviations written out, plurals
  singular), or a variant: seniority and work terms dropped ("Senior", "II",
  "Remote"), one piece ("Software Engineer, Machine Learning"), its head words
  ("Forward Deployed Machine Learning Engineer" -> "machine learning engineer").
- `curated_title`: a title O*NET 30.2 lacks, placed by roledata's reviewed list
  (`supplement.csv`: "MLOps Engineer", "LLM Engineer"...).
- `management_title`: a manager, director, head, vice president or chief officer
  of a field, coded to the SOC management occupation of that field's occupations
  ("AI Engineering Manager": AI engineering is computer work -> 11-3021).
- `technology_title`: a developer, engineer, architect... of a named technology
  ("ServiceNow Developer" -> software developers).
- `similarity`: the closest O*NET title by token similarity (rapidfuzz), when
  nothing above matched and the closeness is high.
- `text_title`: an O*NET title the role's summary or page names, when the title
  itself matches none.
- `duties`: the occupation whose O*NET task statements share most weighted words
  with the role's duties and summary.

Several occupations under one title (O*NET files "Data Engineer" under four)
are ordered by how many O*NET sources give the title, then by the duties.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from roledata.occupations.index import Reference, reference
from roledata.occupations.text import stem, terms, title_tokens
from roledata.occupations.titles import JOB_NOUNS, Variant, folded_exact, title_variants

MAX_CANDIDATES = 3
DUTY_WEIGHT = 0.35  # the duties' share of a candidate's score, beside the title's (up to 1.0)
SIMILARITY_CUTOFF = 88  # rapidfuzz token_sort_ratio needed for a `similarity` match
DUTIES_ALONE = 0.15  # the least duty similarity that codes a role with no title match
TEXT_CHARS = 6000  # how much of a role's page is read for titles it names
# Words that name a job but not which one: a title cut down to one of them matches nothing.
GENERIC = frozenset({
    "engineer", "manager", "analyst", "specialist", "developer", "consultant", "scientist", "technician", "assistant",
    "associate", "director", "officer", "coordinator", "administrator", "representative", "agent", "worker",
    "operator", "supervisor", "lead", "head", "executive", "advisor", "partner", "member", "staff", "professional",
    "expert", "architect", "designer", "owner", "president", "intelligence", "learning", "team", "crew", "clerk",
    "generalist", "contractor", "employee", "helper", "aide", "trainee", "apprentice", "leader", "principal",
    "programmer", "tester", "writer", "researcher", "strategist", "planner", "educator", "instructor", "teacher",
    "inspector", "investigator", "attendant", "handler", "fellow", "intern", "student", "volunteer", "champion",
})
# Management occupations by the SOC group of the work they manage (SOC 2018's own structure).
MANAGERS = {
    "15-": "11-3021", "17-": "11-9041", "13-2": "11-3031", "13-1071": "11-3121", "13-1075": "11-3121",
    "13-1141": "11-3111", "13-1151": "11-3131", "13-1161": "11-2021", "13-1081": "11-3071", "41-": "11-2022",
    "29-": "11-9111", "31-": "11-9111", "19-": "11-9121", "25-": "11-9039", "27-3": "11-2032", "43-": "11-3012",
    "51-": "11-3051", "53-": "11-3071", "47-": "11-9021", "35-": "11-9051", "21-": "11-9151",
}
_MANAGEMENT_WORDS = frozenset({"manager", "director", "head", "vice", "president", "chief", "officer", "of", "and",
                               "the", "executive", "assistant", "senior", "general", "managing"})
_FIELD_NOUNS = {"engineering": "engineer", "science": "scientist", "analytics": "analyst", "analysis": "analyst",
                "development": "developer", "design": "designer", "accounting": "accountant", "nursing": "nurse",
                "research": "researcher", "programming": "programmer", "architecture": "architect"}
# A developer, engineer... of a technology: the occupation of that work on software.
_TECHNOLOGY_HEADS = {"developer": "software developer", "programmer": "software developer",
                     "engineer": "software developer", "architect": "solution architect",
                     "administrator": "system administrator", "tester": "software tester",
                     "analyst": "computer system analyst", "consultant": "computer system analyst"}


@dataclass(frozen=True)
class Candidate:
    soc_code: str
    onet_soc_code: str
    method: str
    confidence: float
    matched_title: str | None
    reason: str


@dataclass(frozen=True)
class _Hit:
    onet: str
    score: float          # title evidence, 0..1
    method: str
    title: str | None
    reason: str

    def scaled(self, factor: float, reason: str | None = None) -> _Hit:
        return _Hit(self.onet, self.score * factor, self.method, self.title, reason or self.reason)


# ------------------------------------------------------------------ title evidence
def _lookup(ref: Reference, variant: Variant, exact: bool = False) -> list[_Hit]:
    entries = ref.by_key.get(variant.key)
    if not entries or (variant.key in GENERIC and (variant.dropped > 0 or variant.segment > 0)):
        return []
    if variant.is_head and " " not in variant.key and not _names_one_job(ref, variant.key):
        return []  # "do" left of "What Firefighters Do" is no Doctor of Osteopathy
    if (variant.segment > 0 or variant.dropped > 0) and len(variant.key) <= 3:
        return []  # a short piece ("PA" of "Chicago, PA") is no short title ("PA", physician assistant)
    # A match on the whole title beats one on a piece of it or on its last words; a title O*NET files
    # under many occupations says less about which one.
    score = (1.0 if exact else 0.95) - 0.04 * variant.dropped - 0.03 * min(variant.segment, 3)
    score -= 0.04 * max(0, len(ref.socs(variant.key)) - 3)
    top = entries[0][2]
    out = []
    words = set(variant.key.split()) - GENERIC
    for onet, title, weight, curated in entries:
        method = "curated_title" if curated else "alternate_title_exact" if exact else "normalized_title"
        how = "is" if exact else "folds to"
        reason = f"title {how} {title!r}, " + ("placed by roledata's reviewed list" if curated else "an O*NET title")
        # An occupation whose own title shares the title's telling words ("Project Manager" and "Project
        # Management Specialists") goes before one that only lists it among its alternate titles.
        shared = len(words & ref.occupation_words[onet])
        out.append(_Hit(onet, max(0.05, score) * (0.85 + 0.15 * weight / top) + 0.03 * min(shared, 2), method, title,
                        reason))
    return out


def title_hits(ref: Reference, title: str) -> list[_Hit]:
    """What the title alone says, best first (empty when it matches nothing)."""
    exact_key = ref.exact.get(folded_exact(title))
    if exact_key is not None:
        return _lookup(ref, Variant(exact_key, 0, 0), exact=True)
    variants = title_variants(title, ref.job_nouns)
    management = _management_hits(ref, variants)
    technology = _technology_hits(ref, variants)
    field = _study_field_hits(ref, variants)
    for i, variant in enumerate(variants):
        hits = _lookup(ref, variant)
        if hits:
            # Other readings of the title (another piece, other last words) come after, as runners-up;
            # a field a piece names ("Research Scientist, Medicinal Chemistry") beside them.
            hits += _runners_up(ref, variants[i + 1:], {h.onet for h in hits}) + field
            # A rule on the whole title beats a lookup of its last words, unless those words are a
            # manager's title themselves ("Associate Product Manager" -> "product manager").
            if variant.is_head and (management or technology) and not (
                    variant.dropped <= 1 and variant.key.split()[-1] in _MANAGEMENT_WORDS):
                return management + technology + [h.scaled(0.8) for h in hits]
            return hits + [h.scaled(0.9) for h in management]
    return (management + technology or field or _similar_hits(ref, variants)
            or _developer_hits(ref, variants))


# A field of study as the person who works in it: "chemistry" -> "chemist", "immunology" -> "immunologist".
_FIELD_ENDINGS = (("ology", "ologist"), ("istry", "ist"), ("ics", "icist"), ("omy", "omist"))


def _study_field_hits(ref: Reference, variants: list[Variant]) -> list[_Hit]:
    """A piece of the title that names a field of study ("Scientist, Biology"): its practitioner's
    occupation ("biologist"), when O*NET has that title."""
    out: list[_Hit] = []
    for variant in variants:
        words = variant.key.split()
        if variant.segment == 0 or variant.is_head or not words or len(words) > 3:
            continue
        for ending, person in _FIELD_ENDINGS:
            if words[-1].endswith(ending) and len(words[-1]) > len(ending) + 2:
                noun = words[-1][: -len(ending)] + person
                for key in (" ".join([*words[:-1], noun]), noun):
                    hits = _lookup(ref, Variant(key, 0, 0))
                    if hits:
                        out += [h.scaled(0.85, f"a piece of the title names the field of {h.title!r}: {h.reason}")
                                for h in hits]
                        break
                break
    return out


def _runners_up(ref: Reference, variants: list[Variant], taken: set[str], limit: int = 4) -> list[_Hit]:
    """The occupations of the next variants that match, scored below the first match's."""
    out: list[_Hit] = []
    for variant in variants:
        for hit in _lookup(ref, variant):
            if hit.onet not in taken:
                taken.add(hit.onet)
                out.append(hit.scaled(0.6))
        if len(out) >= limit:
            break
    return out


def _management_hits(ref: Reference, variants: list[Variant]) -> list[_Hit]:
    """A manager (director, head, vice president, chief officer) of a field: the management occupation
    of the field's occupations, then the field's own occupation."""
    for variant in variants:
        if variant.is_head or variant.dropped > 2:
            continue
        words = variant.key.split()
        head = next((h for h in ("chief", "head", "vice president", "director", "manager")
                     if f" {h} " in f" {variant.key} "), None)
        field = [w for w in words if w not in _MANAGEMENT_WORDS]
        if head is None or not field:
            continue
        found = _field_hits(ref, field)
        if not found:
            continue
        best = found[0]
        manager = _manager_of(ref.soc(best.onet))
        if not manager:
            continue
        onet = f"{manager}.00"
        out = [_Hit(onet, 0.9, "management_title", ref.onet[onet]["title"],
                    f"{head} of {' '.join(field)!r}, the field of {ref.onet[best.onet]['title']} ({ref.soc(best.onet)})")]
        if head == "chief":
            out.append(_Hit("11-1011.00", 0.8, "management_title", "Chief Executives", "a chief officer: an executive"))
        out.append(best.scaled(0.75, f"the field managed: {best.reason}"))
        return out
    return []


def _field_hits(ref: Reference, field: list[str]) -> list[_Hit]:
    """The occupations of a field named by its words ("artificial intelligence engineering")."""
    tries = []
    if field[-1] in _FIELD_NOUNS:
        tries.append(field[:-1] + _FIELD_NOUNS[field[-1]].split())
    tries += [field + ["specialist"], field + ["engineer"], field]
    for words in tries:
        for start in range(len(words)):
            key = " ".join(words[start:])
            if key in ref.by_key and key not in GENERIC and len(words) - start >= 2:
                return _lookup(ref, Variant(key, start, 0))
    return []


def _manager_of(soc: str) -> str:
    return next((MANAGERS[p] for p in sorted(MANAGERS, key=len, reverse=True) if soc.startswith(p)), "")


def _technology_hits(ref: Reference, variants: list[Variant]) -> list[_Hit]:
    """A developer (engineer, architect...) of a named technology: "ServiceNow Developer", "PHP Engineer"."""
    for variant in variants:
        words = variant.key.split()
        if variant.is_head or len(words) < 2 or words[-1] not in _TECHNOLOGY_HEADS:
            continue
        named = [w for w in words[:-1] if w in ref.technology_words]
        if named:
            key = _TECHNOLOGY_HEADS[words[-1]]
            return [_Hit(h.onet, h.score * 0.85, "technology_title", h.title,
                         f"a {words[-1]} of {' '.join(named)!r}, a technology O*NET lists: {h.reason}")
                    for h in _lookup(ref, Variant(key, 0, 0))]
    return []


def _developer_hits(ref: Reference, variants: list[Variant]) -> list[_Hit]:
    """A developer or programmer of something O*NET does not name ("RightAngle CRTM Developer"):
    a software developer, with less confidence."""
    words = variants[0].key.split() if variants else []
    if len(words) >= 2 and words[-1] in ("developer", "programmer"):
        return [_Hit(h.onet, h.score * 0.65, "technology_title", h.title,
                     f"a {words[-1]} of {' '.join(words[:-1])!r}: software, most likely")
                for h in _lookup(ref, Variant("software developer", 0, 0))]
    return []


def _similar_hits(ref: Reference, variants: list[Variant]) -> list[_Hit]:
    """The O*NET title most like the title (rapidfuzz token_sort_ratio), among those with the same last
    word (a title's head: "engineer" is only ever like another engineer's title)."""
    for variant in variants[:2]:
        words = variant.key.split()
        if len(words) < 2:
            continue
        choices = ref.keys_by_last.get(words[-1][:5], [])
        found = process.extractOne(variant.key, choices, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=SIMILARITY_CUTOFF) if choices else None
        if found:
            key, ratio, _ = found
            top = ref.by_key[key][0][2]
            return [_Hit(onet, 0.75 * ratio / 100 * (0.85 + 0.15 * w / top), "similarity", title,
                         f"title is {ratio:.0f}% like {title!r}, an O*NET title") for onet, title, w, _ in ref.by_key[key]]
    return []


# ------------------------------------------------------------------ what the page says
def text_title_hits(ref: Reference, text: str) -> list[_Hit]:
    """O*NET titles (two words or more, or one specific word such as "electrician") the text names,
    the most named first."""
    tokens = title_tokens(text[:TEXT_CHARS])
    found: Counter = Counter()
    first: dict[str, int] = {}
    for i, token in enumerate(tokens):
        for n in ref.lengths_by_first.get(token, ()):
            if n > len(tokens) - i:
                continue
            key = " ".join(tokens[i:i + n])
            if key in ref.by_key and key not in GENERIC and (n > 1 or _names_one_job(ref, key)):
                found[key] += 1
                first.setdefault(key, i)
                break
    out: list[_Hit] = []
    for key, count in sorted(found.items(), key=lambda kv: (-kv[1], first[kv[0]])):
        if count < 2 and len(found) > 1:
            continue
        weight = min(0.75, 0.45 + 0.1 * math.log2(count)) - 0.03 * max(0, len(ref.socs(key)) - 2)
        out += [h.scaled(weight / 0.95, f"the page names {h.title!r} {count} times")
                for h in _lookup(ref, Variant(key, 0, 0))]
        if len(out) >= 6:
            break
    return [_Hit(h.onet, h.score, "text_title" if h.method != "curated_title" else h.method, h.title, h.reason)
            for h in out]


def _names_one_job(ref: Reference, word: str) -> bool:
    """A one-word title that names a job on its own ("electrician", "paralegal"): one occupation's,
    a job noun, not a short form."""
    return (len(word) >= 6 and len(ref.socs(word)) == 1
            and (word in ref.job_nouns or word in JOB_NOUNS or word.endswith(("ist", "ian", "er", "or")))
            and any(not e[3] and e[1].casefold().rstrip("s") == word for e in ref.by_key[word]))


def duty_scores(ref: Reference, texts: list[str]) -> DutyScores:
    """Cosine of the role's duty words (duties, summary) with each O*NET occupation's task words."""
    counts = Counter(t for text in texts for t in terms(text))
    if not counts:
        return DutyScores(ref, ref.zero_scores)
    norm = math.sqrt(sum(n * n for n in counts.values()))
    scores = ref.zero_scores.copy()
    for term, n in counts.items():
        posting = ref.postings_arrays.get(term)
        if posting is not None:
            scores[posting[0]] += posting[1] * (n / norm)
    return DutyScores(ref, scores)


class DutyScores:
    """Each O*NET occupation's duty similarity (an array in `Reference.onet_codes` order)."""

    def __init__(self, ref: Reference, scores: np.ndarray):
        self.ref, self.scores = ref, scores

    def get(self, onet: str, default: float = 0.0) -> float:
        return float(self.scores[self.ref.position[onet]])

    def best(self) -> float:
        return float(self.scores.max())

    def top(self, n: int) -> list[tuple[str, float]]:
        """The `n` most similar occupations, best first (ties by code)."""
        order = np.lexsort((np.arange(len(self.scores)), -self.scores))[:n]
        return [(self.ref.onet_codes[i], float(self.scores[i])) for i in order]

    def __bool__(self) -> bool:
        return bool(self.scores.any())


# ------------------------------------------------------------------ one role
@lru_cache(maxsize=8192)
def _title_hits_cached(title: str) -> tuple[_Hit, ...]:
    return tuple(title_hits(reference(), title))


def forget_reference() -> None:
    """Drop the reference and what was computed from it (`coding.release_reference`)."""
    for cached in (reference, _title_hits_cached, stem):
        cached.cache_clear()


def code_role(title: str, aliases: tuple[str, ...] = (), duties: tuple[str, ...] = (),
              page_text: str = "") -> tuple[list[Candidate], str | None]:
    """Up to `MAX_CANDIDATES` occupations for a role, best first; or none and the reason.
    `duties`: the role's duties and summary; `page_text`: the page about the role (searched for
    titles it names when the title itself matches none)."""
    ref = reference()
    hits = list(_title_hits_cached(title))
    if not hits:
        for alias in aliases:
            hits = [h.scaled(0.9, f"alias {alias!r}: {h.reason}") for h in _title_hits_cached(alias)]
            if hits:
                break
    if not hits and page_text:
        hits = text_title_hits(ref, page_text)
    duties_by_onet = duty_scores(ref, [*duties, page_text[:TEXT_CHARS]] if page_text else list(duties))
    best: dict[str, tuple[float, _Hit]] = {}
    for hit in hits:
        soc = ref.soc(hit.onet)
        score = hit.score + DUTY_WEIGHT * duties_by_onet.get(hit.onet, 0.0)
        if soc not in best or score > best[soc][0]:
            best[soc] = (score, hit)
    if len(best) < MAX_CANDIDATES and page_text and hits:
        # Too few readings of the title: the occupations the page names fill the list, below them.
        for hit in text_title_hits(ref, page_text):
            soc = ref.soc(hit.onet)
            if soc not in best:
                best[soc] = (0.5 * hit.score + DUTY_WEIGHT * duties_by_onet.get(hit.onet, 0.0), hit)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    candidates = [Candidate(soc, hit.onet, hit.method, round(min(1.0, score), 3), hit.title, hit.reason)
                  for soc, (score, hit) in ranked[:MAX_CANDIDATES]]
    if len(candidates) < MAX_CANDIDATES and duties_by_onet:
        top = duties_by_onet.best()
        for onet, score in duties_by_onet.top(3 * MAX_CANDIDATES):
            if len(candidates) >= MAX_CANDIDATES or score < max(DUTIES_ALONE, 0.6 * top):
                break
            soc = ref.soc(onet)
            if all(c.soc_code != soc for c in candidates):
                candidates.append(Candidate(soc, onet, "duties", round(min(0.6, score), 3), None,
                                            f"duties share words with the O*NET tasks of "
                                            f"{ref.onet[onet]['title']!r} ({score:.2f})"))
    if candidates:
        return candidates, None
    if not duties_by_onet:
        return [], "no O*NET title matches the title, and no duties are stated"
    return [], (f"no O*NET title matches the title, and no occupation's tasks are near the duties "
                f"(best similarity {duties_by_onet.best():.3f}, {DUTIES_ALONE} needed)")

