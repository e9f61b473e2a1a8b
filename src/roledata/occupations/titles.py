"""A page's title as the variants worth looking up, cleanest first.

Job titles carry more than the job: seniority ("Senior", "II", "Staff"),
work terms ("Remote", "Full time", "(Hybrid)"), ids and pay ("#13635",
"- $49.52 per hour"), places ("- Chicago, IL") and teams ("Software Engineer,
Machine Learning"). `title_variants` gives the folded forms to look up, each
with how much was taken away to reach it, so a match on the whole title
outranks one on a piece of it.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from roledata.occupations.text import fold, title_tokens
from roledata.text import LazyPattern

# Words about the level or the terms of a job, not the job: dropped before a second lookup.
SENIORITY = frozenset({
    "senior", "junior", "lead", "principal", "staff", "entry", "level", "mid", "intern", "internship", "trainee",
    "graduate", "experienced", "founding", "i", "ii", "iii", "iv", "v", "vi", "remote", "hybrid", "onsite",
    "contract", "contractor", "temporary", "temp", "freelance", "prn", "interim", "acting", "deputy", "sme", "job",
    "jobs", "position", "opening", "urgent", "immediate", "new", "local", "all", "expert", "seasoned", "ft", "pt",
})
# The nouns a job title ends in: a title cut after one of them may still name the job
# ("HR Manager Distribution Centers" -> "hr manager").
JOB_NOUNS = frozenset({
    "engineer", "manager", "analyst", "specialist", "developer", "consultant", "scientist", "technician", "assistant",
    "director", "officer", "coordinator", "administrator", "representative", "agent", "worker", "operator",
    "supervisor", "executive", "advisor", "architect", "designer", "programmer", "tester", "writer", "nurse",
    "accountant", "attorney", "lawyer", "teacher", "driver", "clerk", "therapist", "pharmacist", "electrician",
    "mechanic", "chef", "cook", "welder", "paralegal", "auditor", "recruiter", "editor", "producer", "planner",
    "buyer", "controller", "economist", "statistician", "researcher", "physician", "surgeon", "dentist", "hygienist",
})
_WORK_TERMS = LazyPattern(r"\b(?:part|full)[\s-]*time\b|\bper\s+(?:hour|year|month|week)\b|\bwork\s+from\s+home\b", re.I)
_PAY_OR_ID = LazyPattern(r"[$£€₹]\s?\d[\d,.]*\s*[kK]?|#\s?\d+|\b[A-Za-z]*\d{3,}[A-Za-z\d]*\b|\b\d+\+?(?=\s|$)")
_LEADING = LazyPattern(r"^\s*(?:we(?:'re|\s+are)\s+hiring|now\s+hiring|hiring(?:\s+for\s+the\s+role\s+of)?(?:\s+an?\b)?|"
                       r"join\s+our\s+team\s+as\s+an?|job\s+title|position|role)\b\s*[:\-–—]?\s*", re.I)
_BRACKETS = LazyPattern(r"\(([^()]*)\)|\[([^\[\]]*)\]")
# Where a title splits into its job and the rest: dashes and bars with spaces, commas, colons,
# "for"/"with"/"at"/"in" clauses, and slashes between whole titles.
_SEGMENTS = LazyPattern(r"\s+[-–—|]+\s+|\s*[|:;,·]\s*|\s[–—]|[–—]\s|\s+(?:for|with|at|in|on|to|from|within)\s+|\s*/\s*", re.I)


class Variant(NamedTuple):
    key: str          # the folded words to look up
    dropped: int      # words taken away from the segment to reach it
    segment: int      # 0 for the whole title, else the piece's place (1 = first piece)
    is_head: bool = False  # the last words of a longer variant


def clean(title: str) -> str:
    """The title without what is never the job: leading "Hiring for", pay, ids, work terms, emoji."""
    text = _PAY_OR_ID.sub(" ", _WORK_TERMS.sub(" ", title))
    text = "".join(ch if ch.isalnum() or ch in " -–—|/,:;()[]&.'+#·" else " " for ch in text)
    text = _LEADING.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip(" -–—|,:;")


def title_variants(title: str, job_nouns: frozenset[str] = frozenset()) -> list[Variant]:
    """The folded forms of a title to look up, best first: the whole title, without the brackets,
    without seniority words; then each piece (split at dashes, commas, "for"/"with"...) likewise;
    then, for each of those, its last words (the head of a title: "Forward Deployed Machine Learning
    Engineer" -> "machine learning engineer") and any run of words ending in a job noun ("HR Manager
    Distribution Centers" -> "hr manager"), fewest words taken away first. `job_nouns` adds to
    `JOB_NOUNS` (the matcher gives the last words of O*NET's occupation titles)."""
    nouns = JOB_NOUNS | job_nouns
    cleaned = clean(title)
    unbracketed = re.sub(r"\s+", " ", _BRACKETS.sub(" ", cleaned)).strip()
    inner = [m.group(1) or m.group(2) or "" for m in _BRACKETS.finditer(cleaned)]
    pieces = [p for p in _SEGMENTS.split(unbracketed) if p and p.strip()]
    # Then at hyphens between words ("Data Scientist-FI Solutions"), after every other cut.
    pieces += [h for p in pieces if "-" in p for h in p.split("-") if h.strip() and len(p.split("-")) > 1]
    sources: list[tuple[str, int]] = [(unbracketed, 0)]
    if len(pieces) > 1:
        sources += [(p, i + 1) for i, p in enumerate(pieces)]
    sources += [(p, len(pieces) + i + 1) for i, p in enumerate(inner) if p.strip()]
    out: list[Variant] = []
    seen: set[str] = set()

    def add(tokens: list[str], dropped: int, segment: int) -> None:
        key = " ".join(tokens)
        if key and key not in seen:
            seen.add(key)
            out.append(Variant(key, dropped, segment))

    for text, segment in sources:
        tokens = title_tokens(text)
        add(tokens, 0, segment)
        core = [t for t in tokens if t not in SENIORITY]
        while core and core[0] in ("of", "and", "the", "a", "an"):
            core = core[1:]
        add(core, len(tokens) - len(core), segment)
    shorter = []
    for variant in list(out):
        words = variant.key.split()
        for start in range(len(words)):
            if start and words[start] in ("of", "and", "or", "the"):
                continue
            if start:  # the last words: the head of a title
                shorter.append(Variant(" ".join(words[start:]), variant.dropped + start, variant.segment, True))
            for end in range(len(words) - 1, start, -1):  # a run ending in a job noun
                if words[end - 1] in nouns:
                    dropped = variant.dropped + start + len(words) - end
                    shorter.append(Variant(" ".join(words[start:end]), dropped, variant.segment, True))
    for variant in sorted(shorter, key=lambda v: v.dropped):
        if variant.key not in seen:
            seen.add(variant.key)
            out.append(variant)
    return out


def folded_exact(title: str) -> str:
    """Case and white space folded, nothing else: the key of an exact title match."""
    return re.sub(r"\s+", " ", fold(title)).strip()
