"""Finding a page's role title from several cues, and reading titles out of prose.

Real pages put their title in many places: a short line near the top below a
site's logo, links and banners; a heading such as "<Title> Job Description:
Duties and Skills" or "Career Profile: <Title>"; a question, "What does a
<Title> do?"; an opening sentence, "The role of a <Title> is ..."; or only
the role's noun phrase, repeated through the page. A job posting's first line
is its title. Each cue proposes candidates with a score; the best one wins
and `roles.title_source` records which cue found it.

What makes a phrase a role title is its head noun: "Machine Learning
Engineer", "Data Scientists", "Head of AI" are roles; "Back to Home",
"Special Offer" or "AI Specialization" are not, so header cruft never needs
to be listed site by site.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from roledata.parse.headings import heading_kind
from roledata.parse.role_nouns import ROLE_FORMS, ROLE_NOUNS, role_headed, role_noun, singular_noun
from roledata.parse.structure import Line, is_heading_like
from roledata.parse.title_phrase import BEFORE_NAME, NOT_NAME, OPENING, role_phrase, singular, without_place
from roledata.parse.title_prose import STRONG_PROSE, WEAK_PROSE, title_from_prose
from roledata.text import LazyPattern, Span


def prose_title(lines: list[Line]) -> tuple[TitleChoice, Line] | None:
    """The title named by one of the first prose lines (strong sentence shapes first), and that line."""
    prose = [ln for ln in lines[:40] if not ln.is_bullet and not is_heading_like(ln)][:6]
    for patterns, score in ((STRONG_PROSE, 7), (WEAK_PROSE, 6)):
        for line in prose:
            if found := title_from_prose(line.content, patterns):
                return TitleChoice(found[0], "prose", score, found[1]), line
    return None


# ---------------------------------------------------------------- candidates

@dataclass
class TitleChoice:
    span: Span
    source: str  # roles.title_source
    score: float
    aliases: list[Span] = field(default_factory=list)


_TOP_LINES = 15  # how far down the page a title line or heading is looked for
# A line of an article's byline: "By", "Written by ...", "7 min read".
_BYLINE = LazyPattern(r"^(?:by|written by|reviewed by|edited by|fact[- ]checked by|posted by|author)\b"
                      r"|\b\d+\s+min(?:ute)?s?\s+read\b", re.I)
_MAX_TITLE_WORDS = 10

_T = r"(?:an?\s+|the\s+)?(?P<t>[^\s:|].*?)"
# "<Title> Job Description: Duties ...", "Career Profile: <Title>", "Skills for <Title>", "<Title>: Salary, outlook ...".
_HEADING_PATTERNS = tuple(LazyPattern(p, re.I) for p in (
    rf"^{_T}\s*[-–—:|]?\s+(?:job descriptions?|sample job descriptions?|job description template|job profile|"
    r"job duties|career guide|career information|career overview|career profile|careers? (?:path|outlook)|"
    r"occupation(?:al)? (?:information|profile|overview)|job information|fact sheet|"
    r"salary|salaries|pay|interview questions|duties|(?:core |key )?responsibilities|role overview|"
    r"skills)\b",
    # A short label before the title: "Career Profile: <Title>", "Job Title: <Title>", "Quick Facts: <Title>".
    rf"^(?:\w+\s+){{0,2}}\w+\s*:\s*{_T}$",
    rf"^(?:key |core )?(?:responsibilities|duties|skills|salary|requirements|job description|overview|"
    rf"introduction|profile)\b[\w ,&]{{0,40}}?\s(?:for|of)\s+{_T}$",
    rf"^(?:[\w ]{{0,30}}\b)?(?:become|becoming|be)\s+{_T}(?:\s+in\s+\d{{4}})?$",
    # "<Title>: Salary, Career Path and Skills": a subtitle of guide topics (a posting's
    # "ML Engineer: Search Ranking" names a specialty, and the whole line is its title).
    rf"^{_T}\s*:\s+(?=[^\n]*\b(?:salary|salaries|pay|skills|duties|responsibilities|requirements|career|outlook|"
    r"guide|description|overview|education|what|how)\b)",
))
# A cheap test per heading pattern (the lower-cased line must hold one of these) before the pattern,
# whose open title part makes it try every split of a line that has none of its words.
_HEADING_NEEDS = tuple(LazyPattern(p) for p in (
    "job|career|occupation|fact sheet|salar|pay|interview|duties|responsibilit|role overview|skills",
    ":",
    "for|of",
    "be",
    ":",
))
_QUESTION_NEEDS = ("wh",)  # every question pattern opens with "what" or "who"
_QUESTION_PATTERNS = tuple(LazyPattern(p, re.I) for p in (
    rf"^what (?:does|do)\s+{_T}\s+do\b",
    rf"^what (?:is|are)\s+{_T}\s*\?",
    rf"^who (?:is|are)\s+{_T}\s*\?",
    rf"^what\s+{_T}\s+do\s*\??$",  # "What Firefighters Do"
))
# Questions and headlines about what a role earns name it in running text, often in the plural:
# "How Much Do Software Developers Make in India?", "That's how much money elementary school teachers make".
_EARN_PATTERN = LazyPattern(
    r"\bhow much (?:money\s+)?(?:(?:do|does|can|will|did|should)\s+)?(?:an?\s+|the\s+)?(?P<t>[^\s?].*?)\s+"
    r"(?:make|makes|earn|earns|get paid|are paid|is paid)\b", re.I)
_CRUMB = LazyPattern(r"\s+[›»>/·|]\s+")
_EDGE_JUNK = " \t*_#>|·•-–—:,;!?\"'“”‘’"


def _trim(span: Span) -> Span:
    """A title span without markdown emphasis, trailing emoji or punctuation around it."""
    text = span.text
    start, end = 0, len(text)
    while start < end and (text[start] in _EDGE_JUNK or not (text[start].isalnum() or text[start] in "(.[")):
        start += 1
    while end > start and (text[end - 1] in _EDGE_JUNK or not (text[end - 1].isalnum() or text[end - 1] in ").+#")):
        end -= 1
    return span.sub(start, end)


def _title_phrase(line: Span, m: re.Match) -> Span | None:
    span = _trim(line.sub(*m.span("t")))
    words = span.text.split()
    if not words or len(words) > _MAX_TITLE_WORDS or not role_headed(without_place(span, role_noun).text):
        return None
    return span


def _is_byline(text: str) -> bool:
    """A line of an article's byline (`_BYLINE`)."""
    return _BYLINE.search(text) is not None and len(text.split()) <= 16


_BYLINE_OPENINGS = frozenset({"by", "wr", "re", "ed", "fa", "po", "au"})
_NUMBER_MARK = LazyPattern(r"\s*\d{1,2}[.)]\s")


def _numbered_heading(lines: list[Line], i: int, page: str) -> bool:
    """A numbered line that heads what follows ("1. Crane Operator" over a paragraph), not an item
    of a numbered list (the line after it is no list item)."""
    line = lines[i]
    if not page or len(line.text.split()) > _MAX_TITLE_WORDS or line.text[-1:] in ".,;:":
        return False
    start = page.rfind("\n", 0, line.content.start) + 1
    if (m := _NUMBER_MARK.match(page, start)) is None or m.end() > line.content.start:
        return False  # a "-" or "•" bullet
    return i + 1 >= len(lines) or not lines[i + 1].is_bullet


def title_line(line: Line) -> Span | None:
    """A line that could be a title as it stands: short, no sentence, no figure
    (emphasis, emoji and punctuation around it left out)."""
    span = _trim(line.content)
    text = span.text
    if (not text or len(text.split()) > _MAX_TITLE_WORDS or "$" in text or "%" in line.text
            or line.text.rstrip()[-1] in ".,;:" or not (text[0].isupper() or text[0].isdigit() or text[0] in "(.")):
        return None  # ("Executive 1%" is a share in a table, not a title)
    return _undoubled(span)


def _undoubled(span: Span) -> Span:
    """"Machine Learning Engineer Machine Learning Engineer" (a title printed twice) -> once."""
    text = span.text
    half = len(text) // 2
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:]:
        return span.sub(0, half)
    return span


def line_candidates(lines: list[Line], page: str = "") -> list[TitleChoice]:
    """Titles proposed by the lines near the top: headings and questions that name a role,
    and short title lines whose head noun is a role (a numbered heading, "1. Crane Operator",
    among them when `page`, the page's text, is given)."""
    out: list[TitleChoice] = []
    top = lines[:_TOP_LINES]
    byline = {j for j, line in enumerate(top)
              if (line.text[:2].lower() in _BYLINE_OPENINGS or "min" in line.text) and _is_byline(line.text)}
    for i, line in enumerate(top):
        content, text = line.content, line.text
        if (line.is_bullet and not _numbered_heading(top, i, page)) or len(text) > 160:
            continue
        by_author = bool(byline & {i - 2, i - 1, i + 1, i + 2})
        found = len(out)
        if ("uch" in text or "UCH" in text) and (m := _EARN_PATTERN.search(text)) and (span := _title_phrase(content, m)):
            out.append(TitleChoice(span, "question", 9 - 0.1 * i))
            continue
        low = text.lower()
        for pattern, needs in zip(_HEADING_PATTERNS, _HEADING_NEEDS):
            if needs.search(low) and (m := pattern.match(text)) and (span := _title_phrase(content, m)):
                out.append(TitleChoice(span, "heading_pattern", 10 - 0.1 * i))
                break
        if low.startswith(_QUESTION_NEEDS):
            for pattern in _QUESTION_PATTERNS:
                if (m := pattern.match(text)) and (span := _title_phrase(content, m)):
                    out.append(TitleChoice(span, "question", 9 - 0.1 * i))
                    break
        if len(out) > found:
            continue  # the line is a heading about the title, not the title
        crumbs = _CRUMB.split(content.text)
        if (i < _DISCIPLINE_LINES and any(mark in text for mark in "|·›»")
                and len(fields := _FIELD_CRUMB.split(content.text)) >= 2  # ("AI / ML Engineering" is one field)
                and (field := _discipline(content, fields)) is not None):
            out.append(TitleChoice(field, "title_line", 8.6))  # "Data Science · AI / Machine Learning Engineering"
        if len(crumbs) > 2:  # "Home › Careers › Data › <Title>": the last crumb
            last = _trim(content.sub(len(content.text) - len(crumbs[-1]), len(content.text)))
            if last.text and len(last.text.split()) <= _MAX_TITLE_WORDS and role_headed(last.text):
                out.append(TitleChoice(last, "title_line", 10 - 0.3 * i))
        elif (span := title_line(line)) is not None and role_headed(span.text) and not by_author:
            # (a name beside "By" or "7 min read" is an author's: "Staff Writers", "Workforce Consultant")
            out.append(TitleChoice(span, "title_line", 10 - 0.3 * i))
    return out


# A level card or job-family page is titled by the discipline its header names among other fields
# ("Engineering family | Computer Vision Engineering | level 3 of 6"), when no role title is near.
_DISCIPLINE = LazyPattern(r"^[A-Z][\w&/.+ -]{2,60}\s(?:Engineering|Science|Analytics|Research|Operations)$")
_DISCIPLINE_LINES = 4
_FIELD_CRUMB = LazyPattern(r"\s+[›»·|]\s+")


def _discipline(content: Span, crumbs: list[str]) -> Span | None:
    """The last crumb of a header line that names a discipline (not a "... family"), as a span."""
    for crumb in reversed(crumbs):
        text = crumb.strip()
        if _DISCIPLINE.match(text):
            start = content.text.rfind(text)
            return content.sub(start, start + len(text))
    return None


_SENTENCE = LazyPattern(r"\b[a-z]{3,}[.!?]\s+[A-Z]")  # a word ending a sentence ("Sr. Applied" is no sentence)
_CORE_END = LazyPattern(r"\s+[-–—|]\s+|\s*[(,:|]")
_FIRST_LINE_WORDS = 25
def _lower_words(words: list[str]) -> int:
    """Words in lower case other than small joining words: a sentence has them ("Paralegals help tip the
    scales of justice."), a title does not ("Software Engineer with Vue JS.")."""
    return sum(1 for w in words if w[:1].islower() and w.lower() not in _SMALL_JOINS)


_SMALL_JOINS = frozenset("a an the of and or for in on at to with by from de".split())
_ASKS = LazyPattern(r"(?:why|how|is|are|can|should|do|does|will|which|when|where)\b", re.I)
_TOPIC_WORDS = frozenset("""income benefits benefit salary salaries pay wages overview outlook summary introduction skills
    duties education training requirements career careers job jobs description and of the""".split())


def first_line_candidate(lines: list[Line], text: str, bullet: bool = False) -> TitleChoice | None:
    """The page's first line as a whole, when it reads as a name rather than a sentence and
    either names a role or is named again below it ("Producer" ... "Producers who ...").
    Site banners ("Back to Home", "Special Offer") do neither. `bullet`: a first line with a
    bullet marker counts too (a posting's title field pasted as "•<tab>Data Analyst")."""
    if not lines or (lines[0].is_bullet and not bullet):
        return None
    span = _trim(lines[0].content)
    words = span.text.split()
    if not words or len(words) > _FIRST_LINE_WORDS or _SENTENCE.search(span.text) \
            or (lines[0].text.endswith(".") and (len(words) > 8 or _lower_words(words) >= 2)) or _ASKS.match(span.text) \
            or all(w.lower() in _TOPIC_WORDS for w in re.findall(r"[A-Za-z]+", span.text)):
        return None  # a sentence, a question ("Why Is Design So Important"), a topic ("Income and benefits")
    core = _CORE_END.split(span.text, maxsplit=1)[0].strip().lower()
    repeated = len(core) >= 3 and text.lower().count(core) >= 2
    named = any(singular_noun(piece) in ROLE_NOUNS for piece in re.findall(r"[A-Za-z]+", span.text))
    if not (named or (repeated and len(words) <= 8 and heading_kind(span.text) == "other" and "$" not in span.text)):
        return None
    return TitleChoice(span, "title_line", 8 + 0.5 * repeated)


def prose_candidates(lines: list[Line]) -> list[TitleChoice]:
    found = prose_title(lines)
    return [found[0]] if found else []


_PHRASE_STOP = frozenset("""a an the our your their its this that these those as of for and or to with is are be by
    in on at from new top best senior junior every each all most many more what who how why""".split())
# Words that never sit inside a role's name: articles, verbs of being, the ends of contractions.
_INNER_STOP = frozenset("a an the is are was were be re s t ll ve d m to as".split())
_ROLE_WORD = LazyPattern(r"[A-Za-z][\w/&+.-]*")


_REPEAT_MAX = 6.0  # the best a repeated phrase can score: 3 + 0.3 per mention, at most 6


# Role nouns that make a title by themselves, in the trades ("Nurse", "Electrician", "Paralegal"); these name
# no role alone: a page about an "engineer" or an "analyst" says which one.
_TOO_BROAD = frozenset("""engineer manager analyst developer scientist specialist consultant officer director lead head
    architect designer technician operator assistant associate worker administrator coordinator representative
    agent executive president intern expert practitioner professional owner partner member advisor adviser
    strategist researcher programmer ops devops mlops sre dba""".split())


def repeated_phrase(text: str, min_count: int = 3) -> TitleChoice | None:
    """The role noun phrase the page repeats most ("network reliability engineers", 7 times), its
    singular and plural counted together; a one-word trade ("nurses") only when no longer phrase is
    repeated enough."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    words = list(_ROLE_WORD.finditer(text[:20_000]))
    if not words:
        return None
    # One lower() for all words: they hold no space, so joining and splitting keeps them apart.
    lowered = " ".join([w.group() for w in words]).lower().split(" ")
    # Where a role noun ends a phrase; "engineer/scientist" counts by its last part.
    heads = [j for j, low in enumerate(lowered)
             if (low if "/" not in low else low.rsplit("/", 1)[-1]) in ROLE_FORMS]
    for j in heads:
        noun = role_noun(lowered[j]) or lowered[j]
        for size in range(1, 5):
            if j - size + 1 < 0:
                break
            if size == 1 and noun in _TOO_BROAD:
                continue
            parts = words[j - size + 1: j + 1]
            if lowered[j - size + 1] in _PHRASE_STOP or any(
                    text[a.end():b.start()].strip() for a, b in zip(parts, parts[1:])) or any(
                    low in _INNER_STOP for low in lowered[j - size + 2: j]) or any(
                    low[-1] in ".,;:" for low in lowered[j - size + 1: j]):
                continue  # ("you're a student nurse" holds no role's name "re a student nurse")
            key = " ".join([*lowered[j - size + 1: j], noun])  # "data scientists" and "data scientist" are one
            counts[key] += 1
            first.setdefault(key, (parts[0].start(), parts[-1].end()))
    pool: list[str] = []
    for least in dict.fromkeys((3, min_count)):  # a phrase repeated three times, before one named less often
        pool = [k for k in counts if " " in k and counts[k] >= least] or [k for k in counts if counts[k] >= least]
        if pool:
            break
    if not pool:
        return None
    best = max(pool, key=lambda k: (counts[k] + 0.5 * len(k.split()) * (counts[k] >= 2), counts[k], len(k.split())))
    start, end = first[best]
    return TitleChoice(Span.of(text, start, end), "repeated_phrase", min(_REPEAT_MAX, 3 + 0.3 * counts[best]))


def choose_title(text: str, lines: list[Line], proposed: TitleChoice | None) -> TitleChoice | None:
    """The best-scoring title among the page family's own proposal and every generic cue.

    A candidate the page repeats gains a little: the role a page is about is
    named again and again, a site's banner is not.
    """
    candidates = [*line_candidates(lines, text), *prose_candidates(lines)]
    if first := first_line_candidate(lines, text):
        candidates.append(first)
    if proposed is not None and proposed.source == "prose":
        candidates.append(proposed)
    for c in candidates:
        c.span = role_name(c)
    if proposed is not None and proposed.source != "prose":
        candidates.insert(0, proposed)  # a family's title line and a posting's first line stay as written
    low = text.lower()
    for c in candidates:
        c.score += _repeat_bonus(low, c)
    # The page-wide phrase count is the costliest cue: only when it could still win.
    if max((c.score for c in candidates), default=0) < _REPEAT_MAX + _BONUS_MAX \
            and (found := repeated_phrase(text)):
        found.span = role_name(found)
        found.score += _repeat_bonus(low, found)
        candidates.append(found)
    return max(candidates, key=lambda c: c.score) if candidates else None


# Cues that read a role from running text, where it is often plural ("data scientists earn ..."): their
# title is the singular, as is a name a headline wraps in other words. A title line or heading that is
# only the name keeps its number as the page prints it.
_FROM_TEXT = frozenset({"prose", "repeated_phrase", "question"})


def role_name(choice: TitleChoice) -> Span:
    """The candidate's role name (`title_phrase.role_phrase`), singular when read from running text."""
    if not role_headed(without_place(choice.span, role_noun).text):
        return _field_name(choice.span)
    if not _wrapped(choice.span.text):  # most titles: nothing around the name
        return singular(choice.span, role_noun) if choice.source in _FROM_TEXT else choice.span
    span = role_phrase(choice.span, role_noun)
    # a name read from words around it ("Top-paying states for data scientists") is as running text is
    embedded = span.text != choice.span.text
    return singular(span, role_noun) if choice.source in _FROM_TEXT or embedded else span


# What may wrap a role's name (`title_phrase`): a small word, a statistic or a nationality, a colon or a
# bar, a possessive, a place ("in Norway").
_WRAP_WORDS = BEFORE_NAME | NOT_NAME | OPENING


def _wrapped(text: str) -> bool:
    if any(mark in text for mark in (":", "|", " - ", " – ", " — ", "'s", "’s", ",")):
        return True
    return any(word.lower() in _WRAP_WORDS for word in text.split())


_FIELD_SUFFIX = LazyPattern(r"\s+(?:careers?|jobs|career guide|salary|salaries)$", re.I)


def _field_name(span: Span) -> Span:
    """A title naming a field rather than a role, without the page's topic after it: "Graphic Design Careers"
    -> "Graphic Design"."""
    m = _FIELD_SUFFIX.search(span.text)
    return span.sub(0, m.start()) if m and m.start() > 0 else span


_BONUS_MAX = 1.5


def _repeat_bonus(low_text: str, candidate: TitleChoice) -> float:
    return min(_BONUS_MAX, 0.25 * (low_text.count(candidate.span.text.lower()) - 1))
