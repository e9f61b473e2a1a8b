"""What posting_facts is made of: a fact read from a page (`Candidate`), the page being read
(`PostingPage`: its lines, what was found so far), the readers several cues share (a line of places
and terms, a remote scope, employment words), and the choice among candidates: the strongest cue,
for an employer the name the page gives most weight (`extract.posting_facts` reads the cues).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from roledata.extract import posting_cues as cues
from roledata.extract.gazetteer import gazetteer, key
from roledata.extract.places import LIST_GAP, FoundPlace, Place, read_places
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.parse.role_nouns import ROLE_FORMS
from roledata.text import LazyPattern, Span

# How strong a cue is: a label, the title or the lines under it; a sentence; a place at the title's end; where
# the company's site is ("a firm located in Franklin, Tennessee": the job's place when nothing else says).
LABELLED, SENTENCE, TITLE_PLACE, SITE_PLACE = 3, 2, 1, 0

# Where a list of places or terms parts on one line ("Seattle, WA · Austin, TX | Remote").
PIECES = LazyPattern(r"\s*(?:[|·•;]|\s/\s|\s+or\s+)\s*")
# A word glued to the next sentence's first word ("DescriptionWe are ...").
_GLUED_WORD = LazyPattern(r"[a-z]{3,}(?:We|Our|The|This|You|Are|Is|In|At|As|For)\b")
# Where list items pasted without their line breaks meet: "9 paid holidaysFlexible/Remote work environmentGym stipend
# ...", "(with a raise after 90 days).Remote work".
_GLUED_ITEM = LazyPattern(r"(?<=[a-z)])(?=[A-Z][a-z])|(?<=[a-z)%][.!])(?=[A-Z])")
# What stands before a name in a run of capitalised words: a word of the sentence before, then "The" ("Annual The
# City of Tempe"), or "Working at", "Joining" ("Working at Acme Robotics offers great benefits").
_NAME_LEAD = LazyPattern(r"^(?:(?:[A-Z0-9][\w&'’.+-]*\s+)+(?=The\s)|(?:Working|Joining|Being)\s+(?:(?:at|with|for)\s+)?)")
_CONTRACTED = LazyPattern(r"['’](?:ll|re|ve|d|s)$")  # "you'll", "we're", "we’ve"
_VOICE_REACH = 20_000  # characters of a page looked at for the employer's voice
_ROLE_WORDS = ROLE_FORMS


@dataclass
class Candidate:
    fact: str
    value: str
    span: Span
    section: Section | None
    strength: int
    place: FoundPlace | None = None
    remote_scope: str | None = None
    is_label: bool = False  # read from a label ("Company: Acme"), not from the text's own voice


class PostingPage:
    """Every line of the page in order (headings too), with its section, and what was found so far."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.lines: list[tuple[Span, Section, bool]] = []  # (line, its section, is a heading)
        for section in outline.sections:
            if section.heading is not None:
                self.lines.append((section.heading, section, True))
            for line in section.lines:
                self.lines.append((line.content, section, False))
        self.lines.sort(key=lambda item: item[0].start)
        self.found: list[Candidate] = []
        # A page the parser did not file as a posting (few posting headings) is read as one when the
        # employer speaks to an applicant ("is seeking", "join our team", "an equal opportunity employer"):
        # a career guide talks about an occupation and says none of these.
        self.is_posting = outline.source_format == "job_posting" or (
            outline.source_format == "generic" and cues.HIRING_VOICE.search(outline.text[:_VOICE_REACH]) is not None)
        self.openings: list[Span] = []  # the lines that open the description (`_read_header` sets them)
        self.company_sections: set[int] = set()  # sections whose first sentence was read as the company's
        self.company_heading: dict[int, bool] = {}  # section -> its heading is a company heading ("About Us")

    def add(self, candidate: Candidate | None) -> None:
        if candidate is not None and candidate.value:
            self.found.append(candidate)

    def hint(self) -> tuple[str, ...]:
        """Countries the page has named so far (a bare "Cambridge" on a US page is in the US)."""
        return tuple(dict.fromkeys(c.place.place.country for c in self.found
                                   if c.place is not None and c.place.place.country))


def page_span(page: PostingPage, start: int, end: int, word: str) -> Span:
    """The span of `word` (case-insensitive) in the page between `start` and `end`."""
    text = page.outline.text
    start = max(0, start)
    at = text.lower().index(word, start, end)
    return Span(at, at + len(word), text[at:at + len(word)])


def employment_words(span: Span, not_terms: re.Pattern[str] | None = None) -> list[tuple[str, Span]]:
    """Each type `span` names, its first words; `not_terms` marks words that name no type where they stand
    ("Contract Administrator": the role's subject), so a later mention reads on."""
    out = []
    for m in cues.EMPLOYMENT_WORD.finditer(span.text):
        code = cues.employment_code(m.group())
        if code is not None and code not in (c for c, _ in out) \
                and (not_terms is None or not_terms.match(span.text, m.start()) is None):
            out.append((code, span.sub(m.start(), m.end())))
    return out


def read_terms(page: PostingPage, value: Span, section: Section | None, strength: int, places: bool) -> None:
    """A location value or a header line: places, and the work arrangement words among them.
    A piece that is only an arrangement ("Remote (US)") is a location row too when places are read."""
    for piece in pieces(value):
        word = cues.ARRANGEMENT_WORD.search(piece.text)
        listed = False
        if word is not None:
            code = cues.arrangement(word)
            scope_span, scope = remote_scope(piece, word.end()) if code == "remote" else (None, None)
            if scope_span is not None and _opens_state_list(piece, scope_span):
                scope_span, scope, listed = None, None, True  # "Remote - Alaska, Arizona, Ohio": places, each a row
            end = scope_span.end - piece.start if scope_span is not None else word.end()
            stated = piece.sub(word.start(), end)
            page.add(Candidate("work_arrangement", code, stated, section, strength, remote_scope=scope))
            if places and word.start() == 0 and code == "remote" and not listed:
                country = scope if scope and len(scope) == 2 and scope.isupper() else None
                rest = read_places(piece.sub(end, len(piece.text)), True, page.hint()) if scope is None else []
                if not any(f.place.city for f in rest):
                    place = FoundPlace(stated, Place(None, None, country))
                    page.add(Candidate("location", stated.text, stated, section, strength, place=place))
        if places:
            for found in read_places(piece, True, page.hint()):
                if _EXCLUDED.search(piece.text, 0, found.span.start - piece.start):
                    continue  # "Remote - Texas, Ohio (excluding Houston)": no place of the job
                if word is not None and code == "remote" and found.place.city is None and not listed \
                        and found.span.start >= piece.start + word.end():
                    continue  # the remote scope ("Remote (US)"), read above
                page.add(Candidate("location", found.span.text, found.span, section, strength, place=found))


# Places named as exceptions: what follows "excluding", "except", "not in" to the end of its bracket or clause.
_EXCLUDED = LazyPattern(r"\b(?:exclud\w*|except|not\s+(?:in|available\s+in)|other\s+than)\b[^();|]*$", re.I)


def _opens_state_list(piece: Span, scope: Span) -> bool:
    """The remote scope opens a plain list of three or more states or provinces ("Remote - Alaska, Arizona, and
    Ohio"): the job's places, each a row. A country keeps its scope ("Remote - US, except Ohio, Utah")."""
    count, end = 0, None
    for found in read_places(piece.sub(scope.start - piece.start, len(piece.text)), True, ()):
        if found.place.city or not found.place.region \
                or end is not None and LIST_GAP.fullmatch(piece.text, end - piece.start, found.span.start - piece.start) is None:
            break
        count, end = count + 1, found.span.end
    return count >= 3


def pieces(value: Span, separator: re.Pattern[str] = PIECES) -> list[Span]:
    pieces, pos = [], 0
    for m in separator.finditer(value.text):
        pieces.append(value.sub(pos, m.start()))
        pos = m.end()
    pieces.append(value.sub(pos, len(value.text)))
    return [p for p in pieces if p.text]


def remote_scope(span: Span, after: int) -> tuple[Span | None, str | None]:
    """The scope written after "remote": "(US only)" -> US, " - EMEA" -> EMEA, "within Canada" -> CA."""
    m = cues.REMOTE_SCOPE.match(span.text, after)
    if m is None:
        return None, None
    group = next(g for g in ("paren", "dash", "within") if m.group(g))
    raw = m.group(group)
    words = cues._SCOPE_WORDS.sub("", raw).strip(" .,-")
    if not words:
        return None, None
    g = gazetteer()
    zone = cues.TIME_ZONE.match(words) is not None
    # a zone of three letters or more before a country ("EST" is no Estonia); a two-letter one after ("MT": Malta)
    country = None if zone and len(words) >= 3 else (
        g.country(words) or g.country(words.replace(" only", "")) or g.country(words.replace(".", "")))  # "U.S"
    if country is not None:
        return span.sub(m.start(), m.end()), country
    if zone or g.subdivisions(words, ("US", "CA")):
        return span.sub(m.start(), m.end()), words
    return None, None


# ------------------------------------------------------------------ employer names

def opens_company_section(page: PostingPage, line: Span, section: Section) -> bool:
    """The first line under a company heading ("Company Description", "About Us", "Who we are"),
    or a line that opens with such a heading ("Company DescriptionAcme is ...", "Company Overview Acme is")."""
    is_heading = section.heading is not None and line.start == section.heading.start
    if section.ordinal not in page.company_sections and not is_heading:  # the heading's own line is not under it
        if (heads := page.company_heading.get(section.ordinal)) is None:
            heads = page.company_heading[section.ordinal] = bool(cues.COMPANY_HEADING.fullmatch(section.heading_text or ""))
        if heads:
            page.company_sections.add(section.ordinal)
            return True
    if line.text[:1] not in "AaCcWwOo":
        return False  # the headings open with "About", "Company", "Who", "Our" or "Overview"
    m = cues.COMPANY_HEADING.match(line.text)
    return m is not None and m.end() > 0 and m.group().strip().lower() not in ("overview", "company")


def read_line_cues(page: PostingPage, line: Span, section: Section | None) -> None:
    """Cues a whole line holds (`posting_sentences` reads the rest): a copyright line ("© 2025 Acme Robotics. All
    rights reserved."), an agency's sign-off ("This position is available through Brightpath Staffing."), the
    employer's boilerplate ("Acme Robotics offers a comprehensive benefits package", "All positions at Acme
    Robotics require", "how Acme Robotics collects your personal information", "...notice.About Acme Robotics, Inc.Founded
    in"), a short line of terms then places ("Part-time - Kalamazoo and Okemos Michigan"), a line that is only
    the arrangement ("Remote/hybrid environment", in a perks list too, or one item of a list pasted into one line:
    "Paid parental leaveFlexible/Remote work environmentHome office stipend")."""
    text = line.text
    if "©" in text:
        for m in cues.EMPLOYER_COPYRIGHT.finditer(text):
            end = text.find(". ", m.start("name"), m.end("name"))  # a name's word may hold a dot, a sentence's end not
            page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name") if end < 0 else end), section,
                                        SENTENCE))
    if "available through" in text and (m := cues.EMPLOYER_THROUGH.search(text)) is not None:
        page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, SENTENCE))
    if "benefit" in text and (offer := cues.BENEFITS_OFFER.search(text)) is not None \
            and (m := cues.NAME_BEFORE.search(text, max(0, offer.start() - 80), offer.start())) is not None:
        start = m.start("name") + (lead.end() if (lead := _NAME_LEAD.search(m.group("name"))) else 0)
        page.add(employer_candidate(page, line.sub(start, m.end("name")), section, SENTENCE))
    for found, rx in (("at ", cues.EMPLOYER_POSITIONS), ("how ", cues.EMPLOYER_PRIVACY)):
        if found in text and (m := rx.search(text)) is not None:
            page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, SENTENCE))
    for glued in cues.HEADING_AFTER_SENTENCE.finditer(text):
        if (m := cues.EMPLOYER_HEADING_GLUED.match(text[glued.start():])) is not None:
            page.add(employer_candidate(page, line.sub(glued.start() + m.start("name"), glued.start() + m.end("name")),
                                        section, SENTENCE))
    if len(text) <= 80 and (m := cues.TERMS_PLACES_LINE.match(text)) is not None and m.end() < len(text):
        _read_terms_and_places(page, line, m.end(), section)
    if len(text) <= 40:
        _read_arrangement_line(page, line, section)
    elif cues.ARRANGEMENT_WORD.search(text) is not None:  # list items glued into one line: each item on its own
        cuts = [0, *(m.start() for m in _GLUED_ITEM.finditer(text)), len(text)]
        for start, end in zip(cuts, cuts[1:]):
            if end - start <= 40:
                _read_arrangement_line(page, line.sub(start, end), section)


def _read_terms_and_places(page: PostingPage, line: Span, start: int, section: Section | None) -> None:
    """The line's types and places, when the rest of the line after its terms is places and nothing else."""
    found, at = read_places(line.sub(start, len(line.text)), True, page.hint()), start
    for place in found:
        at = cues.TERMS_PLACES_REST.match(line.text, at).end()
        if place.span.start - line.start != at:
            return
        at = place.span.end - line.start
    if not found or cues.TERMS_PLACES_REST.match(line.text, at).end() != len(line.text):
        return
    for code, word in employment_words(line.sub(0, start)):
        page.add(Candidate("employment_type", code, word, section, SENTENCE))
    for place in found:
        page.add(Candidate("location", place.span.text, place.span, section, SENTENCE, place=place))


def _read_arrangement_line(page: PostingPage, line: Span, section: Section | None) -> None:
    if cues.ARRANGEMENT_LINE.fullmatch(line.text):
        for w in cues.ARRANGEMENT_WORD.finditer(line.text):
            page.add(Candidate("work_arrangement", cues.arrangement(w), line.sub(w.start(), w.end()), section, SENTENCE))


def employer_candidate(page: PostingPage, span: Span, section: Section | None, strength: int,
                       describes: bool = False) -> Candidate | None:
    """An employer candidate, unless the name is no company's: a pronoun or generic word, the role's own
    title, a place. A single plain word must be named twice, unless the sentence `describes` it as a company
    opening a posting does ("Tidewell is a freight software company")."""
    if (glued := cues.GLUED_HEADING.match(span.text)) is not None:
        span = span.sub(glued.end(), len(span.text))
    name = re.sub(r"(?:'s|’s)$", "", span.text).rstrip(" ,.®™")
    span = Span(span.start, span.start + len(name), name)
    words = name.split()
    if not words or len(name) > 60 or _GLUED_WORD.search(name) or (
            _CONTRACTED.sub("", words[0].lower()) in cues.NOT_EMPLOYERS  # "You'll Love Working Here"
            and not (words[0].isupper() and len(words) > 1)  # "IT Concepts"
            and not _the_name(words)):
        return None
    if len(words) == 1 and strength < LABELLED and not describes and not _has_capital_inside(name) \
            and sum(m.group()[0].isupper() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])",
                                                                 page.outline.text, re.I)) < 2:
        return None  # one plain word read once ("Autonomously ..."): a company names itself again (in capitals too)
    if _names_a_role(words) or words[-1].lower().strip(".,:") in _HEADING_WORDS:
        return None  # a role ("Senior Data Engineer"), a heading ("General Information")
    title = page.outline.title
    if title is not None and reads_as_title(title.text) and key(name) in key(_TITLE_AT.split(title.text, 1)[0]):
        return None  # the role's own title ("Data Engineer ... at Acme": what stands after "at" may be the employer)
    g = gazetteer()
    if g.country(name) or g.subdivisions(name) or (len(words) <= 2 and g.city(name) and strength < LABELLED):
        return None
    return Candidate("employer", name, span, section, strength)


def reads_as_title(text: str) -> bool:
    """A title is a short line; a text without one may open with a paragraph that the parser takes for its title
    ("Company DescriptionAcme Robotics is ...", "Acme is seeking a ..."), and it names more than the role."""
    return len(text) <= _TITLE_MAX and _SENTENCE_END.search(text) is None


_TITLE_MAX = 150
_SENTENCE_END = LazyPattern(r"[a-z][.!?]\s+[A-Z]")


def _the_name(words: list[str]) -> bool:
    """A name that opens with "The", as some companies' do ("The Hanover Insurance Group", "The Medicare Coach"): two
    capitalised words or more after it ("of" may part them: "The University of Northfield"), the first and the last no
    generic word ("The Data Team", "The Our Company"): a company's own last word may be ("The Hanover Insurance Group")."""
    rest = [w.lower().strip(".,:") for w in words[1:]]
    return words[0] == "The" and len(rest) >= 2 and words[1][:1].isupper() and (words[2][:1].isupper() or (
        words[2] == "of" and len(words) > 3 and words[3][:1].isupper())) \
        and rest[0] not in cues.NOT_EMPLOYERS and (rest[-1] not in cues.NOT_EMPLOYERS or rest[-1] in _COMPANY_NOUNS)


_COMPANY_NOUNS = frozenset({"group", "agency", "firm", "company"})


def _names_a_role(words: list[str]) -> bool:
    """A name that reads as a role, not a company: it ends with a role's noun ("Senior Data Engineer",
    "Engineer II") or holds a job word ("Jobs", "Hiring"). A company may end with a role in the plural
    ("Quarry Hill Architects", "Lakeside Advocates") or hold one inside ("Stiles CFO Services")."""
    low = [w.lower().strip(".,") for w in words]
    if any(w in _JOB_WORDS for w in low):
        return True
    while len(low) > 1 and low[-1] in _LEVELS:
        low.pop()
    last = low[-1]
    if last not in _ROLE_WORDS:
        return False
    return len(low) == 1 or not (last.endswith("s") and last[:-1] in _ROLE_WORDS)


_HEADING_WORDS = frozenset({"information", "details", "description", "overview", "summary", "requirements",
                            "responsibilities", "qualifications", "benefits", "duties", "skills"})
_JOB_WORDS = frozenset({"intern", "internship", "job", "jobs", "careers", "hiring", "remote"})
_LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3", "sr", "jr"})
# Where a title's role ends and what follows it begins: "Data Engineer at Acme", "Data Engineer - Austin".
_TITLE_AT = LazyPattern(r"\s(?:at|@)\s")


# ------------------------------------------------------------------ choosing

def _has_capital_inside(name: str) -> bool:
    return any(ch.isupper() for ch in name[1:]) or any(ch.isdigit() for ch in name)


def choose(found: list[Candidate], text: str = "") -> list[Candidate]:
    """One reading per fact (locations and employment types: every distinct one at the strongest cue; a company's
    site is no place of a remote job); `text`, the page's, breaks a tie between employers."""
    chosen: list[Candidate] = []
    by_fact: dict[str, list[Candidate]] = {}
    for c in found:
        by_fact.setdefault(c.fact, []).append(c)
    for fact, candidates in by_fact.items():
        if fact == "employer":
            chosen.append(_chooseemployer_candidate(candidates, text))
            continue
        best = max(c.strength for c in candidates)
        strongest = sorted((c for c in candidates if c.strength == best), key=lambda c: c.span.start)
        if fact == "location":
            seen: set[tuple] = set()
            for c in strongest:
                place = c.place.place if c.place else None
                what = (place.city, place.region, place.country) if place and place.country else (key(c.value),)
                if what not in seen:
                    seen.add(what)
                    chosen.append(c)
        elif fact == "employment_type":
            codes = {c.value for c in strongest}
            chosen += [next(c for c in strongest if c.value == code) for code in sorted(
                codes, key=lambda code: min(c.span.start for c in strongest if c.value == code))]
        else:
            first = _remote_offered(strongest, text) if fact == "work_arrangement" else strongest[0]
            if fact == "work_arrangement" and first.remote_scope is None and first.value == "remote":
                scoped = next((c for c in candidates if c.value == "remote" and c.remote_scope), None)
                first.remote_scope = scoped.remote_scope if scoped else None
            chosen.append(first)
    if any(c.fact == "work_arrangement" and c.value == "remote" for c in chosen):
        # a company's site (the weakest cue) is no place of a job worked remotely
        chosen = [c for c in chosen if not (c.fact == "location" and c.strength == SITE_PLACE)]
    return chosen


def _remote_offered(strongest: list[Candidate], text: str) -> Candidate:
    """The arrangement a posting states first, unless remote is offered beside it: in a choice of arrangements
    ("Hybrid/Remote", "on-site, hybrid or remote") or as an option on its line ("on-site preferred · remote
    eligible", "hybrid preferred; remote work is also possible"). The job may then be worked remotely."""
    first = strongest[0]
    if first.value == "remote" or not text:
        return first
    end = first.span.end  # where the run of the choice's words ends so far
    for c in strongest[1:]:
        if c.span.start < end:
            continue
        chosen = bool(cues.CHOICE_GAP.fullmatch(text, end, c.span.start))
        end = c.span.end if chosen else len(text)
        if c.value == "remote" and (chosen or ("\n" not in text[first.span.end:c.span.start]
                                               and cues.REMOTE_OPTION.match(text, c.span.start))):
            return c
    return first


def _chooseemployer_candidate(candidates: list[Candidate], text: str = "") -> Candidate:
    """The name the page gives most weight: the sum of its cues' strengths, a short form's cues counting for
    the full name they begin ("Marlowe" for "Marlowe Systems Ltd"), then the name the page writes most often (a
    product's or a team's name opens a posting once or twice, the company's recurs), then the longer name, then
    the first."""
    score: dict[str, int] = {}
    for c in candidates:
        folded = _company_key(c.value)
        score[folded] = score.get(folded, 0) + c.strength
    # A short form in capitals counts for the full name it stands for: "Lakeside Advocates, PLLC (LA)", or the
    # name whose initials it is ("LA" for "Lakeside Advocates").
    for short in [k for k in score if " " not in k and any(c.value.isupper() and _company_key(c.value) == k
                                                            for c in candidates)]:
        full = next((k for k in score if k != short and (re.findall(r"\w+", k)[-1:] == [short]
                                                        or _initials(k) == short)), None)
        if full is not None:
            score[full] += score.pop(short)
    total = {k: sum(v for other, v in score.items() if k.split()[:len(other.split())] == other.split())
             for k in score}
    top = max(total.values())
    tied = [k for k in total if total[k] == top]
    written = {k: _times_written(next(c.value for c in candidates if _company_key(c.value) == k), text)
               for k in tied} if len(tied) > 1 and text else {}
    best = max(tied, key=lambda k: (written.get(k, 0), len(k)))
    same = [c for c in candidates if _company_key(c.value) == best]
    return max(same, key=lambda c: (c.strength, -c.span.start))


def _times_written(name: str, text: str) -> int:
    """How often the page writes a name (the case of its letters aside), its legal ending left out."""
    words = re.sub(r"[, ]+(?:Inc|LLC|Ltd|Co|Corp|Corporation|GmbH|PLC|LLP|LP)\.?$", "", name)
    return len(re.findall(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text, re.I))


def _initials(folded: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", folded) if w not in ("of", "and", "the", "for", "de", "at", "by"))


def _company_key(name: str) -> str:
    folded = key(name)
    return re.sub(r"[, ]+(?:inc|llc|pllc|ltd|co|corp|corporation|gmbh|plc|llp|lp|l p|l l c|s a|ag|n a|p a)$", "",
                  folded).strip()


def section_of(page: PostingPage, span: Span) -> Section | None:
    section = None
    for line, sec, _ in page.lines:
        if line.start > span.start:
            break
        section = sec
    return section
