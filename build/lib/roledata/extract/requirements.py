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
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from roledata.extract.context import REQUIREMENT_RANK, iter_sentences, provenance
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.text import APOSTROPHE, DASH, Span, fold, split_span

_SKIP = frozenset({"cover_letter", "faq", "related_roles"})
_REQUIREMENT_KINDS = {"requirements", "qualifications", "at_a_glance", "overview", "skills"}
_REQUIREMENT_HEADING = re.compile(r"\b(?:requirement|qualification|education|experience|certification)", re.I)
# A (sub-)heading that announces requirements in so many words, whatever kind its page section has:
# "What You Bring", "Who you are", "Your profile", "What we're looking for", "Eligibility", "How to Become One".
_REQUIREMENT_PLACE = re.compile(
    r"\b(?:requirement|qualification|education|experience|certification|eligib|how to become|who you are|"
    r"your (?:profile|background)|about you|ideal candidate|must[- ]haves?|nice[- ]to[- ]haves?|"
    r"what (?:you|we)(?:'ll|’ll| will)? (?:bring|need|have|want|look for)|"
    r"what (?:we|you)(?:'re|’re| are) looking for|you (?:might be a fit|should have|will have|have|bring))", re.I)
_PAY_HEADING = re.compile(r"salar|\bpay\b|compensation|\bearn|wage", re.I)

# A requirement label: "Education", "Typical Entry-Level Education", "Work Experience in a Related
# Occupation", "Key certifications", "Licenses/Certifications", "Requirements".
_LABEL_WORDS = ("educat", "degree", "experience", "certif", "licen", "credential", "qualif", "requirement")
_LABEL_HINT = re.compile("|".join(_LABEL_WORDS))  # any of them, in one scan
_REQ_LABEL = re.compile(
    r"(?:(?:typical|typically|required|minimum|min\.?|preferred|key|common|most|usual|entry|entry-level|"
    r"professional|relevant|work|academic|educational|desired|recommended)\s+){0,4}"
    r"(?:education(?:al)?|degrees?|experience|certifications?|licen[cs]es?|credentials?|qualifications?|requirements?)\b"
    r"(?:\s*(?:&|and|/)\s*(?:education|experience|certifications?|licen[cs]es?|requirements?|training)\b)?"
    r"(?:\s+(?:required|requirements?|level|needed|in a related occupation))?",
    re.I)
# The letters a label can open with (its first word, in any case): most sentences open otherwise.
_LABEL_INITIALS = frozenset("trmpkcuewadlq")
_LABEL_ONLY_TAIL = re.compile(r"\s*:?\s*$")
_TOPICS = (("education", re.compile(r"educat|degree", re.I)), ("experience", re.compile(r"experience", re.I)),
           ("certification", re.compile(r"certif|licen|credential", re.I)))


@dataclass(frozen=True, slots=True)
class _Piece:
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


def _requirement_pieces(outline: Outline) -> list[_Piece]:
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


def _find_pieces(outline: Outline) -> list[_Piece]:
    after_label = _label_lines(outline)
    placed: dict[int, bool] = {}
    label_only: dict[str, bool] = {}  # a bullet group's label frames many sentences: read it once
    out: list[_Piece] = []
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
        out.append(_Piece(s.span, section, label, topic, whole, prose))
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
        return bool(_levels(text))
    if topic == "experience":
        return bool(_year_matches(text))
    if topic == "certification":
        return _mentions_certification(text.lower())
    return True


def _heading_pieces(outline: Outline) -> list[_Piece]:
    """Short "label: value" lines a page set as headings, and label headings over a value heading."""
    out: list[_Piece] = []
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
                out.append(_Piece(nxt.heading, nxt, label, topic, None))
            elif (topic is not None and prev is not None and prev.heading is not None and not prev.lines
                  and not _label_match(prev.heading.text) and _holds(topic, prev.heading.text)):
                out.append(_Piece(prev.heading, prev, label, topic, None))
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
        out.append(_Piece(value, section, label, topic, heading if label_span is not None else None))
    return out


# Prose that asks for something: a degree or years of experience beside a verb of need.
_PROSE_HINT = ("degree", "bachelor", "master", "phd", "ph.d", "doctor", "year", "diploma", "mba")
_PROSE_HINT_RE = re.compile("|".join(map(re.escape, _PROSE_HINT)))
_PROSE_CUE = re.compile(
    r"\b(?:need|needs|needed|require|requires|required|requirement|must|hold|holds|want|wants|ask(?:s|ed)? for|"
    r"look(?:s|ing)? for|expect|expects|expected|prefer|prefers|preferred|minimum|at least|typically|typical|"
    r"usually|usual|generally|standard|most)\b", re.I)


def _is_prose_requirement(text: str) -> bool:
    low = text.lower()
    if not _PROSE_HINT_RE.search(low) or not _PROSE_CUE.search(text):
        return False
    if _levels(text):
        return True
    return "experience" in low and any(True for _ in _year_matches(text))


# ---------------------------------------------------------------- education
# O*NET "Required Level of Education" categories.
ONET_RL = {"high_school": 2, "bootcamp": 3, "associate": 5, "bachelor": 6, "master": 8, "mba": 8, "doctorate": 11}
_APOS = f"{APOSTROPHE}?"  # every apostrophe look-alike, double-decoded ones included
# Degree abbreviations count only where they read as degrees: "BS/MS in", "an MS or PhD", not "MS Office".
_ABBR_AFTER = r"(?=\s*(?:/|,|\bor\b|\band\b|\bin\b|\bdegree|\(|$))"
_LEVELS = (
    ("doctorate", re.compile(r"\bPh\.?\s?D\.?(?![a-z])|\bdoctora(?:te|l)\b", re.I)),
    ("mba", re.compile(r"\bMBA\b")),
    ("master", re.compile(
        rf"\b(?i:master){_APOS}s\b|\b(?i:master)(?=\s+(?i:degree|of\s+(?:science|arts|engineering|business)))"
        rf"|(?:(?<=\b[oO]r )|(?<=/))(?i:master)\b|\b(?:M\.S\.|MS|MSc|M\.Sc\.?|M\.Tech|MTech|MEng){_ABBR_AFTER}")),
    ("bachelor", re.compile(
        rf"\b(?i:bachelor){_APOS}s?\b|\b(?i:undergraduate degree)\b|\b(?i:(?:four|4)[- ]year (?:college |university )?degree)\b"
        rf"|\b(?:B\.S\.|BS|BSc|B\.Sc\.?|B\.Tech|BTech|B\.E\.|BEng){_ABBR_AFTER}")),
    ("associate", re.compile(rf"\bassociate{_APOS}s? degree\b", re.I)),
    ("high_school", re.compile(r"\bhigh school\b|\bGED\b", re.I)),
    ("bootcamp", re.compile(r"\bbootcamps?\b", re.I)),
)
# Cheap checks before any degree regex: lower-case words, then case-sensitive abbreviations.
_DEGREE_WORDS = ("degree", "bachelor", "master", "phd", "ph.d", "ph. d", "doctora", "high school", "bootcamp", "associate")
_DEGREE_ABBREVIATIONS = ("BS", "MS", "B.S", "M.S", "BSc", "MSc", "B.Sc", "M.Sc", "Tech", "B.E.", "BEng", "MEng", "MBA", "GED")
_DEGREE_WORDS_RE = re.compile("|".join(map(re.escape, _DEGREE_WORDS)))
_DEGREE_ABBREVIATIONS_RE = re.compile("|".join(map(re.escape, _DEGREE_ABBREVIATIONS)))


def _mentions_degree(text: str, low: str | None = None) -> bool:
    low = text.lower() if low is None else low
    return _DEGREE_WORDS_RE.search(low) is not None or _DEGREE_ABBREVIATIONS_RE.search(text) is not None


# "2-6 years (counting graduate school)", "during or after your doctorate": the degree counts time, it is not asked for.
_COUNTED_IN = re.compile(r"\b(?:including|incl\.|during|after)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_FIELDS = re.compile(r"\b(?:in|of)\s+(?P<fields>[^;()]+?)(?=\s*\(|\s*;|\s+(?:with|combined|is|are|common|preferred|often)\b|[.]?$)")
_FIELD_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+(?=[a-z])")
_NOT_FIELD = re.compile(r"\b(?:related|relevant|similar|quantitative field|discipline|field|area)\b", re.I)

_PREFERRED = re.compile(
    r"\b(?:preferred|preferably|prefer|prefers|highly preferred|nice[- ]to[- ]have|a plus|bonus|consider|considered|"
    r"optional|valued|valuable|welcome|welcomed|advantage|advantageous|desirable|desired|ideally|helpful|"
    r"beneficial|(?:an|competitive) edge|stand out|adds value)(?![a-z])", re.I)
_COMMON = re.compile(r"\b(?:common|commonly)\b", re.I)
_REQUIRED = re.compile(r"\b(?:mandatory|minimum|required|must)\b", re.I)
_NOT_REQUIRED = re.compile(r"\b(?:not|never|no|none|n't|rarely)\b(?:\s+[\w-]+){0,2}\s+(?:required|necessary|needed)\b"
                           r"|\bnone\b|\bnot a (?:gate|requirement)\b", re.I)
# "a bachelor's is needed, ideally in applied physics": the preference is about the field.
_FIELD_PREFERENCE = re.compile(r"\b(?:preferably|ideally)\s+(?:in|with)\b", re.I)


def _requirement_level(text: str, default: str) -> str:
    text = _FIELD_PREFERENCE.sub(" ", text)
    if _PREFERRED.search(text) or _NOT_REQUIRED.search(text):  # "a plus but rarely required"
        return "preferred"
    if _COMMON.search(text):
        return "common"
    if _REQUIRED.search(text):
        return "required"
    return default


def _levels(text: str) -> list[str]:
    """Degree levels a clause asks for, in the fixed order of `_LEVELS`."""
    if not _mentions_degree(text):
        return []
    found = []
    for level, rx in _LEVELS:
        if any(not _COUNTED_IN.search(text, 0, m.start()) for m in rx.finditer(text)):
            found.append(level)
    if len(found) > 1 and "bootcamp" in found:
        found.remove("bootcamp")  # "a bachelor's degree or a bootcamp with a portfolio": an alternative path
    return found


def _fields(text: str) -> list[str]:
    m = _FIELDS.search(text)
    if not m or m.group("fields").startswith("addition"):
        return []
    out = []
    for part in _FIELD_SPLIT.split(m.group("fields")):
        part = part.strip(" .")
        if part and not _NOT_FIELD.search(part) and len(part.split()) <= 5:
            out.append(part)
    return out


def extract_education(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: list[dict] = []
    for piece in _requirement_pieces(outline):
        if piece.topic in ("experience", "certification") or not _mentions_degree(piece.span.text, piece.low):
            continue
        context = f"{piece.section.heading_text or ''} {piece.label}".lower()
        default = "preferred" if "preferred" in context else "required"
        for clause in _clauses(piece.span):
            levels = _levels(clause.text)
            if not levels:
                continue
            if _NOT_REQUIRED.search(clause.text) and not _PREFERRED.search(clause.text):
                continue  # "a PhD is not required"
            requirement = _requirement_level(clause.text, default)
            fields = _fields(clause.text)
            for level in levels:
                row = {"education_id": None,
                       "role_id": role_id, "level": level, "onet_rl": ONET_RL[level],
                       "requirement": requirement, "fields": fields}
                row.update(provenance(document_id, piece.section, clause))
                rows.append(row)
    return rows


def _clauses(span: Span) -> list[Span]:
    return [piece for piece, _ in split_span(span, _CLAUSE_BREAK)]


# Also where list items were glued together when a page lost its line breaks
# ("...or a related field2-4 years of experience...", "...financial servicesComfortable with Excel").
_CLAUSE_BREAK = re.compile(r";\s*|,\s+with\s+|\s*\t\s*|(?<=[a-z]{4})(?=[A-Z][a-z]|\d)|(?<=[a-z]{3}[.!?])(?=[A-Z])")


# --------------------------------------------------------------- experience
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_N = r"(?:\d{1,2}(?![\d,.]\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b)"
_DASH = rf"(?:\s*{DASH}\s*|\s+to\s+)"
_YEARS = re.compile(
    r"(?:(?P<atleast>\b(?:over|more than|at least|minimum(?:\s+of)?|min\.?|upwards of)\s+)"
    r"|(?P<under>\b(?:less than|under|fewer than|up to|no more than|maximum(?:\s+of)?)\s+))?"
    rf"(?<![\d$.,/-])(?P<a>{_N})(?:(?P<plus>\s*\+|\s+or\s+more)|{_DASH}(?P<b>{_N})(?P<plus2>\s*\+)?)?"
    # Not an age ("18 years or older", "21 years of age") and not tenure ("5+ years of service").
    r"\s*(?:years?|yrs?)(?![A-Za-z])(?!\s+(?:ago|old|later|earlier|prior|from now|or older|of age|"
    r"of (?:continuous |company |completed )?(?:service|tenure)))",
    re.I)
# "the past two years", "over the coming 3-4 years": a time frame, not experience.
_TIME_FRAME = re.compile(r"\b(?:past|last|next|coming|within|first|recent|every|each|per)\s+$", re.I)
# "Junior (1 year) through Lead (6+ years)": one span of levels.
_LEVEL_JOIN = re.compile(r"\s*\)?\s*(?:to|through|–|—|-)\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?\s*\(\s*", re.I)
_LEVEL_OPEN = re.compile(r"[A-Za-z][\w-]*\s*\(\s*$")
_SCOPES = (
    ("leadership", re.compile(r"\b(?:leadership|leading|lead|management|managing|manager|executive)\b", re.I)),
    ("hands_on", re.compile(r"\bhands-on\b", re.I)),
    ("total", re.compile(r"\btotal\b", re.I)),
    ("domain", re.compile(r"\b(?:in|of)\s+(?:[\w/-]+\s+){0,3}(?:development|engineering|AI|ML|software|data|architecture|design|research)", re.I)),
)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _year_matches(text: str) -> list[re.Match[str]]:
    return [m for m in _YEARS.finditer(text) if not _TIME_FRAME.search(text, 0, m.start())]


def _years(m: re.Match[str]) -> tuple[int, int | None] | None:
    a = _number(m.group("a"))
    b = _number(m.group("b")) if m.group("b") else None
    if m.group("under"):
        return 0, b if b is not None else a                     # "less than 5 years": up to 5
    if b is not None:
        if b < a:
            return None
        return a, None if m.group("plus2") else b                 # "1-6+ years": from 1, open above
    return a, None


def extract_experience(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: list[dict] = []
    for piece in _requirement_pieces(outline):
        if piece.topic in ("education", "certification"):
            continue
        low = piece.low
        if "year" not in low and "yr" not in low:
            continue
        for clause in _clauses(piece.span):
            text = clause.text
            matches = _year_matches(text)
            if piece.prose and "experience" not in text.lower():
                continue
            i = 0
            while i < len(matches):
                m = matches[i]
                years = _years(m)
                start, last = m.start(), m
                # "Junior (1 year) through Lead (6+ years)"
                if (years is not None and i + 1 < len(matches) and not matches[i + 1].group("under")
                        and _LEVEL_JOIN.fullmatch(text, m.end(), matches[i + 1].start())):
                    nxt = _years(matches[i + 1])
                    if nxt is not None:
                        upper = nxt[1] if matches[i + 1].group("b") else (None if matches[i + 1].group("plus") else nxt[0])
                        years = (years[0], upper)
                        last = matches[i + 1]
                        i += 1
                        if opener := _LEVEL_OPEN.search(text, 0, start):
                            start = opener.start()
                i += 1
                if years is None:
                    continue
                end = matches[i].start() if i < len(matches) else len(text)
                after = text[last.end():end]
                scope = next((name for name, rx in _SCOPES if rx.search(after[:90])), "total")
                span = clause.sub(start, end)
                row = {"experience_id": None,
                       "role_id": role_id, "years_min": years[0], "years_max": years[1], "scope": scope}
                row.update(provenance(document_id, piece.section, span))
                rows.append(row)
    return rows


# ------------------------------------------------------------ certifications
_CERTIFICATIONS = (
    (re.compile(r"\bAWS Certified (?:ML|Machine Learning)(?:\s*(?:[–—-]\s*)?Specialty)?\b(?!\s+Engineer)"
                r"|\bAWS (?:ML|Machine Learning)\s*(?:[–—-]\s*)?Specialty\b", re.I),
     "AWS Certified Machine Learning – Specialty", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?(?:ML|Machine Learning) Engineer\b", re.I), "AWS Certified Machine Learning Engineer – Associate", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?AI Practitioner\b", re.I), "AWS Certified AI Practitioner", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?Solutions Architect\b", re.I), "AWS Certified Solutions Architect", "AWS"),
    (re.compile(r"\bAWS (?:Certified )?Data Engineer\b", re.I), "AWS Certified Data Engineer – Associate", "AWS"),
    (re.compile(r"\bGoogle (?:Cloud )?Professional (?:ML|Machine Learning) Engineer\b", re.I),
     "Google Cloud Professional Machine Learning Engineer", "Google Cloud"),
    (re.compile(r"\bGoogle (?:Cloud )?Professional Cloud Architect\b", re.I), "Google Cloud Professional Cloud Architect", "Google Cloud"),
    (re.compile(r"\bGoogle (?:Cloud )?Professional Data Engineer\b", re.I), "Google Cloud Professional Data Engineer", "Google Cloud"),
    (re.compile(r"\bGoogle Data Analytics (?:Professional )?Certificate\b", re.I), "Google Data Analytics Certificate", "Google"),
    (re.compile(r"\bAzure AI Engineer(?: Associate)?\b|\bAI-102\b", re.I), "Microsoft Certified: Azure AI Engineer Associate", "Microsoft"),
    (re.compile(r"\bAzure Data Scientist(?: Associate)?\b|\bDP-100\b", re.I), "Microsoft Certified: Azure Data Scientist Associate", "Microsoft"),
    (re.compile(r"\bAzure AI Fundamentals\b|\bAI-900\b", re.I), "Microsoft Certified: Azure AI Fundamentals", "Microsoft"),
    (re.compile(r"\bTensorFlow Developer Certificate\b", re.I), "TensorFlow Developer Certificate", "Google"),
    (re.compile(r"\bDeepLearning\.AI\b(?: (?:specializations?|certificates?))?", re.I), "DeepLearning.AI Specialization", "DeepLearning.AI"),
    (re.compile(r"\bCertified Kubernetes Administrator\b|\bCKA\b"), "Certified Kubernetes Administrator", "CNCF"),
    (re.compile(r"\bCertified Kubernetes Security Specialist\b|\bCKS\b"), "Certified Kubernetes Security Specialist", "CNCF"),
    (re.compile(r"\bCertified Kubernetes Application Developer\b|\bCKAD\b"), "Certified Kubernetes Application Developer", "CNCF"),
    (re.compile(r"\b(?:HashiCorp (?:Certified: )?)?Terraform Associate\b", re.I), "HashiCorp Certified: Terraform Associate", "HashiCorp"),
    (re.compile(r"\bDatabricks Certified (?:ML|Machine Learning)[\w ]*", re.I), "Databricks Certified Machine Learning Professional", "Databricks"),
    (re.compile(r"\bPMP\b"), "Project Management Professional", "PMI"),
    (re.compile(r"\bCompTIA Security\+|\bSecurity\+"), "CompTIA Security+", "CompTIA"),
    (re.compile(r"\bCompTIA Network\+|\bNetwork\+"), "CompTIA Network+", "CompTIA"),
    (re.compile(r"\bCompTIA CySA\+|\bCySA\+"), "CompTIA CySA+", "CompTIA"),
    (re.compile(r"\bCertified Ethical Hacker\b|\bCEH\b"), "Certified Ethical Hacker (CEH)", "EC-Council"),
    (re.compile(r"\bCertified Information Systems Security Professional\b|\bCISSP\b"),
     "Certified Information Systems Security Professional (CISSP)", "ISC2"),
    (re.compile(r"\bCertified Information Security Manager\b|\bCISM\b"), "Certified Information Security Manager (CISM)", "ISACA"),
    (re.compile(r"\bCertified Information Systems Auditor\b|\bCISA\b"), "Certified Information Systems Auditor (CISA)", "ISACA"),
    (re.compile(r"\bOffensive Security Certified Professional\b|\bOSCP\b"), "Offensive Security Certified Professional (OSCP)", "OffSec"),
    (re.compile(r"\bGIAC Penetration Tester\b|\bGPEN\b"), "GIAC Penetration Tester (GPEN)", "GIAC"),
    (re.compile(r"\bArtificial Intelligence Governance Professional\b|\bAIGP\b"),
     "IAPP Artificial Intelligence Governance Professional (AIGP)", "IAPP"),
    (re.compile(r"\bElastic Certified Engineer\b", re.I), "Elastic Certified Engineer", "Elastic"),
)
# Certifications whose name carries a track: "CIPP/E", "Cisco CCNP Data Center", "NVIDIA-Certified Professional: InfiniBand".
_TRACKED = (
    (re.compile(r"\bCIPP/(?P<track>US|E|C|A)\b"), "IAPP CIPP/{track}", "IAPP"),
    (re.compile(r"\bCCNP(?:\s+(?P<track>Enterprise|Security|Data Cent(?:er|re)|Service Provider|Collaboration))?\b"),
     "Cisco CCNP {track}", "Cisco"),
    (re.compile(r"\bNVIDIA[- ]Certified (?P<level>Professional|Associate)(?::\s*|\s+)(?P<track>InfiniBand|AI Infrastructure|"
                r"AI Operations|AI Networking|Generative AI LLMs|Generative AI Multimodal|Accelerated Data Science)?"),
     "NVIDIA-Certified {level}: {track}", "NVIDIA"),
)
# Cheap check before the certification regexes: one of these (lower-case) must occur.
_CERT_KEYS = ("aws", "google", "azure", "ai-102", "ai-900", "dp-100", "certif", "tensorflow", "deeplearning", "cka", "cks",
              "terraform", "databricks", "pmp", "comptia", "security+", "network+", "cysa+", "ceh", "cissp", "cism",
              "cisa", "oscp", "gpen", "giac", "aigp", "governance professional", "cipp/", "ccnp", "nvidia", "elastic")


_CERT_KEYS_RE = re.compile("|".join(map(re.escape, _CERT_KEYS)))


def _mentions_certification(low: str) -> bool:
    return _CERT_KEYS_RE.search(low) is not None
_SOFT = re.compile(r"\b(?:sometimes|supporting|optional|beneficial|less formal|not always required|can be|relevant|"
                   r"valued|valuable|a plus|nice[- ]to[- ]have|preferred|prefer|prefers|welcome|welcomed|advantage|"
                   r"helpful|help you stand out|stand out|bonus|desirable|recommended)(?![a-z])", re.I)
_CERT_REQUIRED = re.compile(r"\b(?:required|mandatory|must)\b", re.I)
_CERT_NOT_REQUIRED = re.compile(r"\b(?:not|never|rarely|none|no)\b(?:\s+[\w-]+){0,2}\s+required\b|\bnot always required\b", re.I)


def _cert_requirement(context: str) -> str:
    if _CERT_REQUIRED.search(context) and not _CERT_NOT_REQUIRED.search(context):
        return "required"
    return "preferred" if _SOFT.search(context) else "mentioned"


# Names that are also job titles ("AWS Data Engineer", "Azure AI Engineer") or an agency ("CISA"):
# a certification only with a certification word in the name, around it, or in its label or heading.
_TITLE_LIKE = frozenset({
    "AWS Certified Machine Learning Engineer – Associate", "AWS Certified Solutions Architect",
    "AWS Certified Data Engineer – Associate", "Microsoft Certified: Azure AI Engineer Associate",
    "Microsoft Certified: Azure Data Scientist Associate", "Certified Information Systems Auditor (CISA)"})
_CERT_WORD = re.compile(r"certif|credential|\bexam\b|(?-i:\bAssociate\b)|\b[A-Z]{2}-\d{3}\b", re.I)


def _is_certification(text: str, m: re.Match[str], frame: str) -> bool:
    """A title-like name counts when a certification word is in it, within a few words of it
    ("AWS Data Engineer certification", "Certified: ..."), or in the label or heading over it."""
    near = text[max(0, m.start() - 40):m.end() + 40]
    return bool(_CERT_WORD.search(near) or _CERT_WORD.search(frame))


# Words (lower case) every match of a certification's pattern contains, one per alternative: a
# piece that has none of them is not searched with that pattern (most pieces name one certification
# or none, and the substring checks cost a fraction of the 34 searches).
_CERT_NEEDLES = {
    "AWS Certified Machine Learning – Specialty": ("aws",),
    "AWS Certified Machine Learning Engineer – Associate": ("aws",),
    "AWS Certified AI Practitioner": ("aws",),
    "AWS Certified Solutions Architect": ("aws",),
    "AWS Certified Data Engineer – Associate": ("aws",),
    "Google Cloud Professional Machine Learning Engineer": ("google",),
    "Google Cloud Professional Cloud Architect": ("google",),
    "Google Cloud Professional Data Engineer": ("google",),
    "Google Data Analytics Certificate": ("google",),
    "Microsoft Certified: Azure AI Engineer Associate": ("azure ai engineer", "ai-102"),
    "Microsoft Certified: Azure Data Scientist Associate": ("azure data scientist", "dp-100"),
    "Microsoft Certified: Azure AI Fundamentals": ("azure ai fundamentals", "ai-900"),
    "TensorFlow Developer Certificate": ("tensorflow developer certificate",),
    "DeepLearning.AI Specialization": ("deeplearning.ai",),
    "Certified Kubernetes Administrator": ("certified kubernetes administrator", "cka"),
    "Certified Kubernetes Security Specialist": ("certified kubernetes security specialist", "cks"),
    "Certified Kubernetes Application Developer": ("certified kubernetes application developer", "ckad"),
    "HashiCorp Certified: Terraform Associate": ("terraform associate",),
    "Databricks Certified Machine Learning Professional": ("databricks certified",),
    "Project Management Professional": ("pmp",),
    "CompTIA Security+": ("security+",),
    "CompTIA Network+": ("network+",),
    "CompTIA CySA+": ("cysa+",),
    "Certified Ethical Hacker (CEH)": ("certified ethical hacker", "ceh"),
    "Certified Information Systems Security Professional (CISSP)":
        ("certified information systems security professional", "cissp"),
    "Certified Information Security Manager (CISM)": ("certified information security manager", "cism"),
    "Certified Information Systems Auditor (CISA)": ("certified information systems auditor", "cisa"),
    "Offensive Security Certified Professional (OSCP)": ("offensive security certified professional", "oscp"),
    "GIAC Penetration Tester (GPEN)": ("giac penetration tester", "gpen"),
    "IAPP Artificial Intelligence Governance Professional (AIGP)":
        ("artificial intelligence governance professional", "aigp"),
    "Elastic Certified Engineer": ("elastic certified engineer",),
    "IAPP CIPP/{track}": ("cipp/",),
    "Cisco CCNP {track}": ("ccnp",),
    "NVIDIA-Certified {level}: {track}": ("nvidia-certified", "nvidia certified"),
}


def _cert_names(text: str, frame: str = "") -> list[tuple[re.Match[str], str, str]]:
    found = []
    low = fold(text)  # holds every needle the patterns can match, IGNORECASE's "ſ" and "ı" included

    def named(needles: tuple[str, ...]) -> bool:
        return any(needle in low for needle in needles)

    for regex, name, issuer in _CERTIFICATIONS:
        if not named(_CERT_NEEDLES[name]):
            continue
        if name in _TITLE_LIKE:
            m = next((m for m in regex.finditer(text) if _is_certification(text, m, frame)), None)
        else:
            m = regex.search(text)
        if m:
            found.append((m, name, issuer))
    for regex, template, issuer in _TRACKED:
        if not named(_CERT_NEEDLES[template]):
            continue
        for m in regex.finditer(text):  # "CIPP/US or CIPP/E": two certifications
            parts = {k: v or "" for k, v in m.groupdict().items()}
            found.append((m, template.format(**parts).rstrip(": ").strip(), issuer))
    return found


def extract_certifications(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: dict[str, dict] = {}
    for piece in _requirement_pieces(outline):
        span = piece.extra or piece.span  # the whole "label: value" line when the line has a label
        if not _mentions_certification(span.text.lower() if piece.extra else piece.low):
            continue
        section = piece.section
        requirement = _cert_requirement(f"{section.heading_text or ''} {piece.label} {piece.span.text}")
        for m, name, issuer in _cert_names(span.text, f"{section.heading_text or ''} {piece.label}"):
            if name in rows:  # later mentions can only strengthen the requirement
                if REQUIREMENT_RANK[requirement] > REQUIREMENT_RANK[rows[name]["requirement"]]:
                    rows[name]["requirement"] = requirement
                continue
            row = {"certification_id": None, "role_id": role_id,
                   "name": name, "issuer": issuer, "requirement": requirement}
            row.update(provenance(document_id, section, span.sub(m.start(), m.end())))
            rows[name] = row
    return list(rows.values())
