"""Job postings.

Shape: the posting's title on the first line, then company and location
lines, and sections in the employer's voice ("About the role",
"Responsibilities" / "What you'll do", "Qualifications" / "What you bring",
"Pay range" / "Compensation", "Benefits", an equal-opportunity note), or all
of it in one paragraph. Sections are read like any generic page; what makes
a posting a family of its own is where its title is: the first line, as
written ("Senior Data Engineer (Remote) - Payments").
"""
from __future__ import annotations

import re

from roledata.parse import generic
from roledata.parse.outline import Outline
from roledata.parse.structure import Line
from roledata.parse.titles import first_line_candidate, line_candidates
from roledata.text import LazyPattern

# Section headings only postings use (lower case, without a closing colon).
_HEADINGS = frozenset("""about the role|about the job|about the position|about the opportunity|about us|about the team|
about the company|company description|role description|position summary|job summary|job description|the opportunity|
the role|what you'll do|what you will do|what you’ll do|what you'll bring|what you bring|what you’ll bring|who you are|
what we offer|what we're looking for|what we’re looking for|why join us|nice to have|nice to haves|bonus points|
preferred qualifications|basic qualifications|minimum qualifications|required qualifications|must have|must haves|
benefits|perks|perks and benefits|pay range|salary range|compensation|compensation and benefits|
equal opportunity employer|eeo statement|how to apply|your impact|who we are|key job responsibilities""".replace("\n", "").split("|"))
# Hiring words: the employer speaking to an applicant, and the terms of the job.
_VOICE_WORDS = (
    r"(?:(?:we are|we're|we’re|is) (?:seeking|looking for|hiring)|seeks|join (?:our|the|its) \w*\s?team|you will|"
    r"you'll|you’ll|your (?:role|responsibilities)|equal (?:employment )?opportunity|apply|applicants?|candidates?|"
    r"job type|employment type|full[- ]time|part[- ]time|contract(?:-to-hire| to hire| role| position)|w-?2|"
    r"remote|hybrid|on-?site|location:|sign[- ]on bonus|401\(?k\)?|paid time off|pto|health insurance|dental|"
    r"reports? (?:directly )?to|this (?:role|position)|pay range|salary range|per hour|hourly)\b")
_VOICE = LazyPattern(rf"\b{_VOICE_WORDS}", re.I)
# Career guides talk about an occupation, not to an applicant.
_GUIDE_WORDS = (
    r"(?:career path|job outlook|how to become|median (?:annual )?(?:pay|wage|salary)|average salary"
    r"|what does an? [\w ]{1,40} do|job description template|sample job descriptions?|projected to grow"
    r"|career guide|salary ranges)\b")
_GUIDE = LazyPattern(rf"\b{_GUIDE_WORDS}", re.I)
_HEADING_PREFIXES = tuple(sorted(_HEADINGS, key=len, reverse=True))
# A capital right after a small letter ("welcomeJob"), found by its capital: a pattern that opens
# with a character class lets the engine skip to the next capital instead of trying every position.
_GLUED = LazyPattern(r"[A-Z](?<=[a-z][A-Z])")
# The same patterns for lower-cased text (without IGNORECASE they run about three times faster),
# opening on the non-word character before the phrase instead of on `\b`: every phrase opens with a
# word character, so that character is what `\b` checks, and the engine skips to the next one (see
# `_phrases`).
_VOICE_LOWER = LazyPattern(rf"\W({_VOICE_WORDS})")
_GUIDE_LOWER = LazyPattern(rf"\W({_GUIDE_WORDS})")


def _phrases(regex: re.Pattern[str], low: str) -> set[str]:
    """The distinct phrases `\b<words>` finds in `low`, with `regex` = `\W(<words>)`. A phrase may
    open right where the one before it ends, on that one's last character: the next search starts there."""
    subject = " " + low  # the page's start counts as a non-word character, as it does for `\b`
    found: set[str] = set()
    pos = 0
    while (m := regex.search(subject, pos)) is not None:
        found.add(m.group(1))
        pos = m.end() - 1
    return found


def _headings(head: str) -> set[str]:
    """Posting headings that open a line, alone or glued to their text ("Company DescriptionAcme is ...")."""
    found = set()
    for line in head.splitlines():
        body = line.lstrip(" \t*#")
        low = body[:40].lower()
        if low.startswith(_HEADING_PREFIXES):
            heading = next(h for h in _HEADING_PREFIXES if low.startswith(h))
            rest = body[len(heading):]
            if not rest.strip() or rest.lstrip()[:1] == ":" or rest[:1].isupper():
                found.add(heading)
    return found


def looks_like(text: str) -> int:
    """Score how strongly `text` reads as a job posting (0 = not at all)."""
    head = text[:8000]
    score = 2 * len(_headings(head))
    # Pasted postings glue words ("welcomeJob Type:", "ContractPay:"): part them at a lower-to-upper
    # case step before looking for hiring words (only counted here, so offsets may move).
    head = _GLUED.sub(r" \g<0>", head)
    low = head.lower()
    if len(low) == len(head) and "ı" not in low and "ſ" not in low:
        # Same matches as IGNORECASE on `head`: lower-casing kept every offset, and "ı" and "ſ",
        # which IGNORECASE reads as "i" and "s", are absent.
        voice = _phrases(_VOICE_LOWER, low)
        guide = _phrases(_GUIDE_LOWER, low)
    else:
        voice = {m.group().lower() for m in _VOICE.finditer(head)}
        guide = {m.group().lower() for m in _GUIDE.finditer(head)}
    score += min(6, len(voice))
    score -= 2 * len(guide)
    return max(score, 0)


def parse(text: str, lines: list[Line]) -> Outline:
    outline = generic.parse(text, lines)
    outline.source_format = "job_posting"
    # The first line, when it reads as a title, is the posting's title as written, whatever it
    # carries besides the role ("Senior Data Engineer (Remote) - Payments").
    if (first := first_line_candidate(lines, text, bullet=True)) is not None \
            and not any(c.source == "heading_pattern" for c in line_candidates(lines[:1])):
        first.span, first.score = lines[0].content, 12  # as written, emoji and numbers included
        outline.title_choice = first
    return outline
