"""Role titles named in running text: "The role of a <Title> is ...", "A <Title> designs ...",
"<Title>s lead ...", with the aliases a sentence gives ("also known as ..."), and the lists and
abbreviations titles are written in ("Director of AI or Chief AI Officer", "Vice President (VP)")."""
from __future__ import annotations

import re

from roledata.parse.role_nouns import role_headed
from roledata.text import LazyPattern, Span, split_span

_WORD = r"(?:[A-Z][\w&+./'’-]*|\([A-Z][\w/&.+' -]{0,60}\))"
_JOIN = r"(?:of|and|&|for|in|the|to|on)"
TITLE_PATTERN = rf"{_WORD}(?:(?:\s+{_JOIN})*\s+{_WORD})*"
_ALIAS_LEAD = (r"(?:(?:also|sometimes|often|commonly)\s+(?:known as|called|referred to as|listed as|titled)"
               r"|a\.?k\.?a\.?)")
_VERB = (r"(?:is|are|has|have|plays|play|combines|involves|requires|encompasses|sits|serves|acts|leads|oversees|"
         r"bridges|represents|stands|specializes|specialises)")

_ROLE_OF = LazyPattern(
    rf"\b[Tt]he (?:role|position|job) of (?:an? |the )?(?P<title>{TITLE_PATTERN})"
    rf"(?:,\s*{_ALIAS_LEAD}\s+(?P<aliases>[^,]+),|\s+or\s+(?:an? |the )?(?P<alt>{TITLE_PATTERN}))?\s+{_VERB}\b"
)
# Sentences that name the role with a verb that says so ("The AI Tech Lead is ...",
# "AI Engineering Managers lead ..."), tried on every opening line before the weak ones.
STRONG_PROSE = (
    _ROLE_OF,
    LazyPattern(
        rf"^(?:The|An?)\s+(?P<title>{TITLE_PATTERN})"
        rf"(?:,\s*{_ALIAS_LEAD}\s+(?P<aliases>[^,]+),)?\s+{_VERB}\b"
    ),
    # Plural lead-ins on JobDescription.org-style summaries: "AI Engineering Managers lead ..."
    LazyPattern(rf"^(?P<title>{TITLE_PATTERN})s\s+(?:are|lead|design|build|oversee|sit|own|develop|manage)\b"),
)
# Any verb after a role-headed title: "A Speech Recognition Engineer teaches ...", and an occupation
# plural as written: "Survey Technicians usually measure ...".
WEAK_PROSE = (
    LazyPattern(
        rf"^(?:The|An?)\s+(?P<title>{TITLE_PATTERN})"
        rf"(?:,\s*{_ALIAS_LEAD}\s+(?:an?\s+)?(?P<aliases>[^,]+),)?\s+(?:[a-z]+ly\s+)?[a-z]{{3,}}s\b"
    ),
    LazyPattern(rf"^(?P<title>{TITLE_PATTERN})\s+(?:[a-z]+ly\s+)?[a-z]{{3,}}\b"),
    # in sentence case: "Crane operators lift ...", "Data engineers typically build ..."
    LazyPattern(r"^(?P<title>[A-Z][a-z]+(?:\s+[a-z][\w/-]*){1,3})\s+(?:[a-z]+ly\s+)?[a-z]{3,}\b"),
)

# Words that start a sentence but never a title.
_NOT_TITLES = {"This", "These", "That", "It", "Here", "In", "As", "For", "With", "Our", "We", "Most", "Many", "Some",
               "All", "Few", "Other", "Every", "Each", "Both", "Such", "Those", "Their", "Your", "Any", "No", "If",
               "When", "While", "Once"}


def title_from_prose(span: Span, patterns: tuple[re.Pattern[str], ...] = STRONG_PROSE
                     ) -> tuple[Span, list[Span]] | None:
    """The role title (and "also known as" aliases) named by a sentence."""
    for pattern in patterns:
        m = pattern.search(span.text)
        if not m:
            continue
        title = span.sub(*m.span("title"))
        if title.text.split()[0] in _NOT_TITLES or len(title.text.split()) > 10:
            continue
        if pattern is not _ROLE_OF and not role_headed(title.text):
            continue  # only "the role of a <Title>" says by itself that a role follows
        groups = m.groupdict()
        aliases = split_title_list(span.sub(*m.span("aliases"))) if groups.get("aliases") else []
        if groups.get("alt"):
            aliases.append(span.sub(*m.span("alt")))
        return title, aliases
    return None


_LIST_SPLIT = LazyPattern(r"\s*(?:,\s*(?:or|and)\s+|,\s*|\s+or\s+|\s+and\s+(?=[A-Z]))")


def split_title_list(span: Span) -> list[Span]:
    """`Director of AI or Chief AI Officer` -> two spans."""
    return [piece for piece, _ in split_span(span, _LIST_SPLIT)]


_ABBREVIATED = LazyPattern(r"(?P<words>(?:[A-Z][a-z]+\s+){1,4})\((?P<abbr>[A-Z]{2,6})\)\s*")


def abbreviated_title(title: str) -> str | None:
    """`Vice President (VP) of AI/ML Engineering` -> `VP of AI/ML Engineering`."""
    m = _ABBREVIATED.search(title)
    if not m:
        return None
    initials = "".join(w[0] for w in m.group("words").split())
    if initials.upper() != m.group("abbr"):
        return None
    return (title[: m.start()] + m.group("abbr") + " " + title[m.end():]).strip()
