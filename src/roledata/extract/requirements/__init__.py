"""Education, experience and certification requirements.

Read from requirement-like places only, so "12-18 months" in a cover letter
or "5+ years" in a salary label never become requirements:

- sentences in sections or sub-sections about requirements, qualifications,
  education or experience, and "Role at a glance" values;
- sentences framed by a requirement label wherever they sit: an inline label
  ("Education: ..."), a bullet group ("- Education Required"), a label line
  just above ("Typical education" / "Bachelor's degree ...") or a label
  leading the line itself ("Experience 2-5 years");
- headings that carry a label and its value ("Typical Entry-Level Education:
  Bachelor's degree"), or a label heading followed by a value heading;
- prose that asks for a degree or for years of experience in so many words
  ("analysts usually need a bachelor's degree", "typically 4-6 years of
  experience").

The requirement level comes from the words around a mention ("preferred",
"a plus", "valued", "common", "not required"), never from where it sits alone.

This package: where requirements are stated (`requirement_pieces`, found once
per page) and the mentions each topic reads (degree levels, years, certification
names from `data/certifications.csv`), shared by `education`, `experience` and
`certifications`, one module per table.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from roledata.extract.context import iter_sentences
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.text import APOSTROPHE, DASH, LazyPattern, Span, split_span

_SKIP = frozenset({"cover_letter", "faq", "related_roles"})
_REQUIREMENT_KINDS = {"requirements", "qualifications", "at_a_glance", "overview", "skills"}
_REQUIREMENT_HEADING = LazyPattern(r"\b(?:requirement|qualification|education|experience|certification)", re.I)
# A (sub-)heading that announces requirements in so many words, whatever kind its page section has:
# "What You Bring", "Who you are", "Your profile", "What we're looking for", "Eligibility", "How to Become One".
_REQUIREMENT_PLACE = LazyPattern(
    r"\b(?:requirement|qualification|education|experience|certification|eligib|how to become|who you are|"
    r"your (?:profile|background)|about you|ideal candidate|must[- ]haves?|nice[- ]to[- ]haves?|"
    r"what (?:you|we)(?:'ll|’ll| will)? (?:bring|need|have|want|look for)|"
    r"what (?:we|you)(?:'re|’re| are) looking for|you (?:might be a fit|should have|will have|have|bring))", re.I)
_PAY_HEADING = LazyPattern(r"salar|\bpay\b|compensation|\bearn|wage", re.I)

# A requirement label: "Education", "Typical Entry-Level Education", "Work Experience in a Related
# Occupation", "Key certifications", "Licenses/Certifications", "Requirements".
_LABEL_WORDS = ("educat", "degree", "experience", "certif", "licen", "credential", "qualif", "requirement")
_LABEL_HINT = LazyPattern("|".join(_LABEL_WORDS))  # any of them, in one scan
_REQ_LABEL = LazyPattern(
    r"(?:(?:typical|typically|required|minimum|min\.?|preferred|key|common|most|usual|entry|entry-level|"
    r"professional|relevant|work|academic|educational|desired|recommended)\s+){0,4}"
    r"(?:education(?:al)?|degrees?|experience|certifications?|licen[cs]es?|credentials?|qualifications?|requirements?)\b"
    r"(?:\s*(?:&|and|/)\s*(?:education|experience|certifications?|licen[cs]es?|requirements?|training)\b)?"
    r"(?:\s+(?:required|requirements?|level|needed|in a related occupation))?",
    re.I)
# The letters a label can open with (its first word, in any case): most sentences open otherwise.
_LABEL_INITIALS = frozenset("trmpkcuewadlq")
_LABEL_ONLY_TAIL = LazyPattern(r"\s*:?\s*$")
_TOPICS = (("education", LazyPattern(r"educat|degree", re.I)), ("experience", LazyPattern(r"experience", re.I)),
           ("certification", LazyPattern(r"certif|licen|credential", re.I)))


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text that states requirements, with the label that frames it."""

    span: Span
    section: Section
    label: str            # inline label, bullet group, label line or label heading ("" when placed by section)
    topic: str | None     # what the label names when it names one thing: education, experience, certification
    extra: Span | None    # the whole "label: value" line, whose label may name a certification
    prose: bool = False   # found by its own words, outside requirement places
    low: str = ""         # span.text in lower case, for cheap checks

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.span.text.lower())


def _label_match(text: str) -> re.Match[str] | None:
    """The requirement label leading `text`, if any (cheap substring check first)."""
    if len(text) > 400:
        return None
    stripped = text.lstrip(" -–•*#\t")
    if stripped[:1].lower() not in _LABEL_INITIALS or not _LABEL_HINT.search(text[:80].lower()):
        return None
    return _REQ_LABEL.match(stripped)


def _is_label_only(text: str) -> bool:
    stripped = text.strip().rstrip(":").strip()
    if not stripped or len(stripped.split()) > 8:
        return False
    m = _label_match(stripped)
    return bool(m) and _LABEL_ONLY_TAIL.fullmatch(stripped.lstrip(" -–•*#\t")[m.end():]) is not None


def _topic(label: str) -> str | None:
    topics = [name for name, rx in _TOPICS if rx.search(label)]
    return topics[0] if len(topics) == 1 else None


def requirement_pieces(outline: Outline) -> list[Piece]:
    """The page's requirement pieces, found once and kept on the outline: education, experience
    and certifications all read them."""
    if outline.requirement_pieces is None:
        outline.requirement_pieces = _find_pieces(outline)
    return outline.requirement_pieces


def _label_lines(outline: Outline) -> dict[int, str]:
    """Line number -> the label-only line just above it ("Typical education", "- Education:")."""
    out: dict[int, str] = {}
    for section in outline.sections:
        if section.kind in _SKIP:
            continue
        lines = section.lines
        for i in range(len(lines) - 1):
            text = lines[i].text
            if len(text) <= 60 and _is_label_only(text):
                out[lines[i + 1].number] = text.strip().rstrip(":")
    return out


def _find_pieces(outline: Outline) -> list[Piece]:
    after_label = _label_lines(outline)
    placed: dict[int, bool] = {}
    label_only: dict[str, bool] = {}  # a bullet group's label frames many sentences: read it once
    out: list[Piece] = []
    for s in iter_sentences(outline, _SKIP):
        section = s.section
        label = ""
        for candidate in (s.label, s.group):
            if candidate is None:
                continue
            text = candidate.text
            is_label = label_only.get(text)
            if is_label is None:
                is_label = label_only[text] = _is_label_only(text)
            if is_label:
                label = text.strip().rstrip(":")
                break
        if not label:
            label = after_label.get(s.line.number, "")
        if not label:  # a table row without a colon: "Experience 2-5 years", "Typical Entry-Level Education\tBachelor's"
            m = _label_match(s.span.text)
            rest = s.span.text.lstrip(" -–•*#\t")[m.end():] if m else ""
            if m and rest.strip() and (len(rest.split()) <= 10 or rest.lstrip().startswith(":")):
                label = m.group(0)
        prose = False
        if not label and section.ordinal not in placed:
            placed[section.ordinal] = _placed(section)
        if not label and not placed[section.ordinal]:
            if section.kind == "salary" or not _is_prose_requirement(s.span.text):
                continue
            prose = True
        topic = _topic(label) if label else None
        if section.kind == "salary" and topic == "experience":
            continue  # "Experience: 5-8 years" beside pay figures is a pay band
        # The whole "label: value" line, for a certification name cut by its own colon
        # ("NVIDIA-Certified Professional: InfiniBand") or standing as the label.
        whole = Span.of(outline.text, s.label.start, s.span.end) if s.label is not None else None
        out.append(Piece(s.span, section, label, topic, whole, prose))
    out.extend(_heading_pieces(outline))
    return out


def _placed(section: Section) -> bool:
    """A section whose place says it states requirements."""
    own = section.heading_text or ""
    if own and _REQUIREMENT_PLACE.search(own) and not _PAY_HEADING.search(own):
        return True
    if section.kind == "salary":
        return False
    return section.kind in _REQUIREMENT_KINDS or bool(_REQUIREMENT_HEADING.search(f"{own} {section.top.heading_text or ''}"))


def _holds(topic: str | None, text: str) -> bool:
    """Whether a value heading holds what its label heading names."""
    if topic == "education":
        return bool(degree_levels(text))
    if topic == "experience":
        return bool(year_matches(text))
    if topic == "certification":
        return mentions_certification(text.lower())
    return True


def _heading_pieces(outline: Outline) -> list[Piece]:
    """Short "label: value" lines a page set as headings, and label headings over a value heading."""
    out: list[Piece] = []
    sections = outline.sections
    for i, section in enumerate(sections):
        heading = section.heading
        if heading is None or section.kind in _SKIP:
            continue
        text = heading.text
        m = _label_match(text)
        if not m:
            continue
        if _is_label_only(text):
            # "Education:" over "Bachelor's degree"; on stat cards the value comes first ("2-4 yrs" / "Experience").
            label = text.strip().rstrip(":")
            topic = _topic(label)
            nxt = sections[i + 1] if i + 1 < len(sections) else None
            prev = sections[i - 1] if i > 0 else None
            if (not section.lines and nxt is not None and nxt.heading is not None
                    and not _label_match(nxt.heading.text) and _holds(topic, nxt.heading.text)):
                out.append(Piece(nxt.heading, nxt, label, topic, None))
            elif (topic is not None and prev is not None and prev.heading is not None and not prev.lines
                  and not _label_match(prev.heading.text) and _holds(topic, prev.heading.text)):
                out.append(Piece(prev.heading, prev, label, topic, None))
            continue
        colon = text.find(":")
        if 0 < colon <= 80:
            label_span, value = heading.sub(0, colon), heading.sub(colon + 1, len(text))
        else:
            label_span, value = None, heading
        label = label_span.text if label_span is not None else m.group(0)
        topic = _topic(label)
        if section.kind == "salary" and topic == "experience":
            continue
        out.append(Piece(value, section, label, topic, heading if label_span is not None else None))
    return out


# Prose that asks for something: a degree or years of experience beside a verb of need.
_PROSE_HINT = ("degree", "bachelor", "master", "phd", "ph.d", "doctor", "year", "diploma", "mba")
_PROSE_HINT_RE = LazyPattern("|".join(map(re.escape, _PROSE_HINT)))
_PROSE_CUE = LazyPattern(
    r"\b(?:need|needs|needed|require|requires|required|requirement|must|hold|holds|want|wants|ask(?:s|ed)? for|"
    r"look(?:s|ing)? for|expect|expects|expected|prefer|prefers|preferred|minimum|at least|typically|typical|"
    r"usually|usual|generally|standard|most)\b", re.I)


def _is_prose_requirement(text: str) -> bool:
    low = text.lower()
    if not _PROSE_HINT_RE.search(low) or not _PROSE_CUE.search(text):
        return False
    if degree_levels(text):
        return True
    return "experience" in low and any(True for _ in year_matches(text))


# ---------------------------------------------------------------- clauses
def clauses(span: Span) -> list[Span]:
    """A piece cut at clause breaks: each clause carries its own degree or years and its own level."""
    return [piece for piece, _ in split_span(span, _CLAUSE_BREAK)]


# Also where list items were glued together when a page lost its line breaks
# ("...or a related field2-4 years of experience...", "...financial servicesComfortable with Excel").
_CLAUSE_BREAK = LazyPattern(r";\s*|,\s+with\s+|\s*\t\s*|(?<=[a-z]{4})(?=[A-Z][a-z]|\d)|(?<=[a-z]{3}[.!?])(?=[A-Z])")


# ---------------------------------------------------------------- degree levels
_APOS = f"{APOSTROPHE}?"  # every apostrophe look-alike, double-decoded ones included
# Degree abbreviations count only where they read as degrees: "BS/MS in", "an MS or PhD", not "MS Office".
_ABBR_AFTER = r"(?=\s*(?:/|,|\bor\b|\band\b|\bin\b|\bdegree|\(|$))"
_LEVELS = (
    ("doctorate", LazyPattern(r"\bPh\.?\s?D\.?(?![a-z])|\bdoctora(?:te|l)\b", re.I)),
    ("mba", LazyPattern(r"\bMBA\b")),
    ("master", LazyPattern(
        rf"\b(?i:master){_APOS}s\b|\b(?i:master)(?=\s+(?i:degree|of\s+(?:science|arts|engineering|business)))"
        rf"|(?:(?<=\b[oO]r )|(?<=/))(?i:master)\b|\b(?:M\.S\.|MS|MSc|M\.Sc\.?|M\.Tech|MTech|MEng){_ABBR_AFTER}")),
    ("bachelor", LazyPattern(
        rf"\b(?i:bachelor){_APOS}s?\b|\b(?i:undergraduate degree)\b|\b(?i:(?:four|4)[- ]year (?:college |university )?degree)\b"
        rf"|\b(?:B\.S\.|BS|BSc|B\.Sc\.?|B\.Tech|BTech|B\.E\.|BEng){_ABBR_AFTER}")),
    ("associate", LazyPattern(rf"\bassociate{_APOS}s? degree\b", re.I)),
    ("high_school", LazyPattern(r"\bhigh school\b|\bGED\b", re.I)),
    ("bootcamp", LazyPattern(r"\bbootcamps?\b", re.I)),
)
# Cheap checks before any degree regex: lower-case words, then case-sensitive abbreviations.
_DEGREE_WORDS = ("degree", "bachelor", "master", "phd", "ph.d", "ph. d", "doctora", "high school", "bootcamp", "associate")
_DEGREE_ABBREVIATIONS = ("BS", "MS", "B.S", "M.S", "BSc", "MSc", "B.Sc", "M.Sc", "Tech", "B.E.", "BEng", "MEng", "MBA", "GED")
_DEGREE_WORDS_RE = LazyPattern("|".join(map(re.escape, _DEGREE_WORDS)))
_DEGREE_ABBREVIATIONS_RE = LazyPattern("|".join(map(re.escape, _DEGREE_ABBREVIATIONS)))


def mentions_degree(text: str, low: str | None = None) -> bool:
    """Whether `text` (`low`: the same in lower case, when at hand) may name a degree: a cheap check."""
    low = text.lower() if low is None else low
    return _DEGREE_WORDS_RE.search(low) is not None or _DEGREE_ABBREVIATIONS_RE.search(text) is not None


# "2-6 years (counting graduate school)", "during or after your doctorate": the degree counts time, it is not asked for.
_COUNTED_IN = LazyPattern(r"\b(?:including|incl\.|during|after)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def degree_levels(text: str) -> list[str]:
    """Degree levels a clause asks for, in the fixed order of `_LEVELS`."""
    if not mentions_degree(text):
        return []
    found = []
    for level, rx in _LEVELS:
        if any(not _COUNTED_IN.search(text, 0, m.start()) for m in rx.finditer(text)):
            found.append(level)
    if len(found) > 1 and "bootcamp" in found:
        found.remove("bootcamp")  # "a bachelor's degree or a bootcamp with a portfolio": an alternative path
    return found


# ---------------------------------------------------------------- years
_N = r"(?:\d{1,2}(?![\d,.]\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b)"
_DASH = rf"(?:\s*{DASH}\s*|\s+to\s+)"
_YEARS = LazyPattern(
    r"(?:(?P<atleast>\b(?:over|more than|at least|minimum(?:\s+of)?|min\.?|upwards of)\s+)"
    r"|(?P<under>\b(?:less than|under|fewer than|up to|no more than|maximum(?:\s+of)?)\s+))?"
    rf"(?<![\d$.,/-])(?P<a>{_N})(?:(?P<plus>\s*\+|\s+or\s+more)|{_DASH}(?P<b>{_N})(?P<plus2>\s*\+)?)?"
    # Not an age ("18 years or older", "21 years of age") and not tenure ("5+ years of service").
    r"\s*(?:years?|yrs?)(?![A-Za-z])(?!\s+(?:ago|old|later|earlier|prior|from now|or older|of age|"
    r"of (?:continuous |company |completed )?(?:service|tenure)))",
    re.I)
# "the past two years", "over the coming 3-4 years": a time frame, not experience.
_TIME_FRAME = LazyPattern(r"\b(?:past|last|next|coming|within|first|recent|every|each|per)\s+$", re.I)


def year_matches(text: str) -> list[re.Match[str]]:
    """Every figure of years in `text` ("3+ years", "five to seven yrs", "less than 2 years"),
    leaving out ages, tenure and time frames ("the past two years")."""
    return [m for m in _YEARS.finditer(text) if not _TIME_FRAME.search(text, 0, m.start())]


# ---------------------------------------------------------------- certification names
@dataclass(frozen=True, slots=True)
class Certification:
    """One row of `data/certifications.csv`.

    `name` is the canonical name, or a template whose fields the pattern's named groups fill
    ("IAPP CIPP/{track}"): such a certification carries a track, and every match counts
    ("CIPP/US or CIPP/E" is two). `needles`: words (lower case) every match of `pattern`
    contains, one per alternative; a text with none of them is not searched (most pieces name
    one certification or none, and the substring checks cost a fraction of the searches).
    `keys`: coarser words (lower case) that may mean a mention, for the page-wide cheap check
    (`mentions_certification`). `title_like`: the name is also a job title ("AWS Data
    Engineer", "Azure AI Engineer") or an agency ("CISA"), so it counts only beside a
    certification word.
    """

    name: str
    issuer: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    keys: tuple[str, ...]
    title_like: bool
    tracked: bool


@lru_cache(maxsize=1)
def load_certifications() -> tuple[Certification, ...]:
    """The certifications of `data/certifications.csv`, in its order (rows keep that order).

    Columns: name, issuer, pattern (a regex), match_case (1: the pattern's case matters, else
    it ignores case), needles and keys ("|"-separated), title_like (1 or 0)."""
    with resources.files("roledata.data").joinpath("certifications.csv").open(encoding="utf-8") as fh:
        return tuple(
            Certification(
                name=row["name"],
                issuer=row["issuer"],
                pattern=re.compile(row["pattern"], 0 if row["match_case"] == "1" else re.I),
                needles=tuple(n for n in row["needles"].split("|") if n),
                keys=tuple(k for k in row["keys"].split("|") if k),
                title_like=row["title_like"] == "1",
                tracked="{" in row["name"],
            )
            for row in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def _certification_keys() -> re.Pattern[str]:
    # "certif" besides every certification's keys: a label or heading saying "Certifications"
    # may hold a name the vocabulary lacks, and a value heading under it is read all the same.
    keys = dict.fromkeys(("certif", *(key for c in load_certifications() for key in c.keys)))
    return re.compile("|".join(map(re.escape, keys)))


def mentions_certification(low: str) -> bool:
    """Whether lower-case `low` may name a certification: a cheap check before the patterns."""
    return _certification_keys().search(low) is not None
