"""posting_facts: what a posting states about the job, one row per fact, read from its text.

Facts (`codes.POSTING_FACT`): the title as the page writes it, the employer,
each location, the work arrangement (with its remote scope), the employment
type, the posting and closing dates and the experience level. Each row quotes
the characters it was read from; `value` is the code or the text as written.

Where a fact is read, strongest first (`posting_cues` has the words):

3. a label and its value ("Location: Austin, TX", "Job Type: Contract"), the
   title's own words ("Data Engineer (Remote)"), the short lines under the
   title ("Harborlight Analytics" / "Seattle, WA · Remote (US)"), a "#LI-Hybrid" tag;
2. a sentence in the employer's voice ("This role is based in Austin, TX",
   "Acme Robotics is hiring a ...", "Acme Robotics is an equal opportunity
   employer", "This is a full-time position");
1. a place in the title written as an address pair ("- Austin, TX").

A fact keeps the strongest cue's reading (the first in page order among
equals); locations and employment types keep every distinct one at that
strength. What is not a fact of the job is left out: a company's headquarters
("headquartered in Boston", "Acme is based in Boston": the sentence's subject
is the company, not the role), a perk ("a work-from-anywhere week each
year", anything in a benefits section), a recruiter named as a contact, a
client's agency ("on behalf of our client"), a relative date ("Posted 3 days
ago": no fixed day).

Career guides state these rarely and in passing: on a page not recognised
as a posting only labels are read ("Location: Remote").
"""
from __future__ import annotations

import re

from roledata.extract import posting_cues as cues
from roledata.extract.context import PageContext, provenance
from roledata.extract.gazetteer import gazetteer
from roledata.extract.places import FoundPlace, read_places
from roledata.extract.posting_page import (LABELLED, SENTENCE, TITLE_PLACE, Candidate, PostingPage, choose,
                                           employer_candidate, employment_words, opens_company_section, page_span,
                                           pieces, read_terms, remote_scope, section_of)
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.text import Span, sentence_spans

_HEADER_LINES = 4
_HEADER_MAX = 100
# Sections whose sentences speak of perks and policies, not of the job's own terms.
# Benefits sections proper: a full-time statement there speaks of who gets the benefits.
_PERKS = re.compile(r"\b(?:benefits?|perks?|what we offer|total rewards)\b", re.I)
# The end of a title that may be a place: "- London", "(Palo Alto)", "| Austin, TX".
_TITLE_TAIL = re.compile(r"(?:\s[-–—|]\s*|\(|,\s)(?P<place>[A-Z][^()\-–—|,]*(?:,\s*[A-Z][^()\-–—|]*)?)\)?\s*$")
_BENEFITS = re.compile(r"\b(?:benefits?|perks?|what we offer|why (?:join|work)|total rewards|rewards|"
                       r"compensation|pay|salary|equal|eeo|accommodation|disclaimer)\b", re.I)
# Under the title, a spaced dash parts the pieces too ("Copperline AI — New York, NY").
_HEADER_PIECES = re.compile(r"\s*(?:[|·•;]|\s/\s|\s+or\s+|\s[–—]\s)\s*")
# A sentence that places the job (its subject is the role, the position or "you"): the place follows.
_JOB_PLACE = re.compile(
    r"\b(?:(?:this|the)\s+(?:[\w-]+\s+){0,5}?(?:role|position|job|opportunity|team)\s+(?:is|will\s+be)\s+"
    r"(?:primarily\s+|currently\s+)?(?:based|located|situated)\s+(?:in|at|out\s+of)|"
    r"(?:role|position|job|opportunity)\s+(?:based|located)\s+(?:in|at|out\s+of)|"
    r"you\s+will\s+(?:be\s+)?(?:based|located|work(?:ing)?)\s+(?:in|at|out\s+of|from)\s+(?:our\s+)?(?:\w+\s+)?(?:office\s+in)?|"
    r"(?:work\s+is\s+performed|on[- ]?site|in[- ]office|in\s+person|hybrid)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+"
    r"(?:our\s+)?(?:[\w-]+\s+)?(?:office\s+in\s+)?|"
    r"(?:position|role|job)\s+at\s+our\s+(?:[\w-]+\s+)?office\s+in|"
    r"join\s+(?:our\s+|one\s+of\s+our\s+)?(?:client'?s\s+|[\w-]+\s+)?team\s+in(?:\s+our)?|"
    r"(?-i:Located)\s+(?:at|in)|"
    r"(?:role|position|job|opportunity)\s+(?:for|as)\s+an?\s+[^.]{2,80}?\s+(?:located|based)\s+in|"
    r"in\s+our\s+(?:[\w-]+\s+)?office\s+(?:located\s+)?in|"
    r"our\s+(?:clinic|facility|office|hospital|store|site|campus|branch|plant|warehouse)\s+is\s+located\s+in|"
    r"(?:must\s+be\s+|candidates?\s+)?local\s+to(?:\s+the)?)\s+", re.I)
# A line that opens with a field: "Job Title: ...", "Location: ...".
_FIELD_START = re.compile(r"[*_#> \t]*[A-Z][A-Za-z]*(?:[ \t][A-Za-z]+){0,2}[ \t]*:\s")


def _is_field_line(text: str) -> bool:
    """A line of fields: it opens with "Label:" or holds two of the fields job boards print."""
    return _FIELD_START.match(text) is not None or len(cues.FIELD_NAMES.findall(text, 0, 2000)) >= 2


# "Duration: 6 months": a fixed term is a contract.
_TERM = re.compile(r"\b\d+\s*(?:-\s*\d+\s*)?(?:months?|weeks?|mos?)\b", re.I)
# A pay line that opens with a place: "McLean, VA: $197,300 - $225,100", "Cleveland $59,100 to $188,100".
_PAY_PLACE = re.compile(r"^(?P<place>[A-Z][\w .'’-]{1,40}?(?:,\s*[A-Z][\w .'’-]{1,30}?)?)\s*(?::|[-–])?\s*(?:USD\s*)?\$\s?\d")
# Pay or terms for the roles of one place: "For New York, NY-based roles: ...".
_PLACE_BASED = re.compile(r"^For\s+(?P<place>[A-Z][^:]{2,60}?)[- ]based\s+(?:roles?|positions?|candidates?|employees?)\b")
_COMPANY_PLACE = re.compile(r"\b(?:headquarter\w*|HQ|head\s+office|offices\s+in|founded)\b", re.I)


def extract_posting_facts(outline: Outline, context: PageContext) -> list[dict]:
    """The facts the page states about its job (rules in the module's docstring), in page order."""
    page = PostingPage(outline)
    _read_labels(page)
    if page.is_posting:
        _read_title(page)
        _read_header(page)
        _read_sentences(page)
    chosen = choose(page.found)
    if not chosen and not page.is_posting:
        return []
    title = outline.title
    if title is not None:
        chosen.append(Candidate("title", title.text, title, section_of(page, title), LABELLED))
    chosen.sort(key=lambda c: (c.span.start, c.span.end))
    return [_row(context, c) for c in chosen]


def _row(context: PageContext, c: Candidate) -> dict:
    place = c.place.place if c.place is not None else None
    row = {"fact_id": None, "role_id": context.role_id, "fact": c.fact, "value": c.value,
           "city": place.city if place else None, "region": place.region if place else None,
           "country": place.country if place else None, "remote_scope": c.remote_scope, "origin": "text"}
    row.update(provenance(context.document_id, c.section, c.span))
    return row


# ------------------------------------------------------------------ labels

def _read_labels(page: PostingPage) -> None:
    text = page.outline.text
    for line, section, _ in page.lines:
        for m in _label_matches(line):
            fact = cues.label_fact(m)
            value = _label_value(page, line, m)
            if value is None:
                continue
            _read_value(page, fact, value, section)


# What ends every label but one alone on its line: a colon, or a dash before a capital letter.
_LABEL_END = re.compile(r"[:：]|[-–—][ \t]*[A-Z]")


def _label_matches(line: Span) -> list[re.Match[str]]:
    """Labels that open a field: at the line's start (after bullets, stars), after a separator, glued,
    or after a space on a line that opens with a field ("Job Title: ... Location: ...")."""
    found = []
    text = line.text
    field_line = _is_field_line(text)
    if (alone := cues.LABEL_LINE.match(text)) is not None:
        return [alone]
    if _LABEL_END.search(text) is None:  # no colon, no dash before a capital: no label (most lines; cheap)
        return []
    for m in cues.LABEL.finditer(text):
        before = text[:m.start()].rstrip(" \t*_#>")
        if not before or before[-1] in "|•·;)" or text[max(0, m.start() - 2):m.start()] == "  " or (
                field_line and text[m.start() - 1] in " \t" and text[m.start()].isupper()
                and (":" in before or len(cues.FIELD_NAMES.findall(text, 0, 2000)) >= 2)):
            found.append(m)
    found += [m for m in cues.GLUED_LABEL.finditer(text) if text[m.start()].isupper()]
    found.sort(key=lambda m: m.start())
    return found


def _label_value(page: PostingPage, line: Span, m: re.Match[str]) -> Span | None:
    """The value after a label: to the next field, the line's end or MAX_VALUE characters; a label
    alone on its line takes the next line when that is short."""
    text = line.text
    end = min(len(text), m.end() + cues.MAX_VALUE)
    for rx in ((cues.NEXT_FIELD, cues.FIELD_NAMES, cues.NEXT_FIELD_ON_FIELD_LINE) if _is_field_line(text)
               else (cues.NEXT_FIELD, cues.FIELD_NAMES)):
        nxt = rx.search(text, m.end() + 1, end)
        if nxt is not None:
            end = nxt.start()
    value = line.sub(m.end(), end)
    if value.text:
        return value
    if m.end() < len(text.rstrip()):
        return None
    i = next((k for k, (span, _, _) in enumerate(page.lines) if span.start == line.start), None)
    if i is None or i + 1 >= len(page.lines):
        return None
    following = page.lines[i + 1][0]
    return following.sub(0, cues.MAX_VALUE) if len(following.text) <= 2 * cues.MAX_VALUE else None


def _read_value(page: PostingPage, fact: str, value: Span, section: Section) -> None:
    if fact == "location":
        read_terms(page, value, section, LABELLED, places=True)
    elif fact == "work_arrangement":
        read_terms(page, value, section, LABELLED, places=False)
    elif fact == "employment_type":
        read_terms(page, value, section, LABELLED, places=False)  # "Type: Full-time, Hybrid"
        words = employment_words(value)
        if not words and re.search(r"contract", page.outline.text[max(0, value.start - 30):value.start], re.I):
            words = [("contract", page_span(page, value.start - 30, value.start, "contract"))]
        for code, span in words:
            page.add(Candidate("employment_type", code, span, section, LABELLED))
        if not words and (term := _TERM.search(value.text)) is not None and term.start() <= 3 \
                and value.start >= 9 and page.outline.text[value.start - 9:value.start].lower().startswith("duration"):
            page.add(Candidate("employment_type", "contract", value.sub(term.start(), term.end()), section, LABELLED))
    elif fact == "employer":
        name = re.match(cues.EMPLOYER_NAME, value.text)
        if name is not None and not cues.ON_BEHALF.search(value.text):
            page.add(employer_candidate(page, value.sub(0, name.end()), section, LABELLED))
    elif fact in ("date_posted", "valid_through"):
        m = cues.DATE.search(value.text)
        if m is not None and m.start() <= 12 and (day := cues.read_date(m)):
            page.add(Candidate(fact, day, value.sub(m.start(), m.end()), section, LABELLED))
    elif fact == "experience_level":
        level = cues.experience_level(value.text)
        if level is not None and len(value.text.split()) <= 4:
            page.add(Candidate(fact, level, value, section, LABELLED))


# ------------------------------------------------------------------ the title and the lines under it

def _read_title(page: PostingPage) -> None:
    title = page.outline.title
    if title is None:
        return
    section = section_of(page, title)
    for m in cues.ARRANGEMENT_WORD.finditer(title.text):
        code = cues.arrangement(m)
        scope_span, scope = remote_scope(title, m.end()) if code == "remote" else (None, None)
        end = scope_span.end - title.start if scope_span is not None else m.end()
        page.add(Candidate("work_arrangement", code, title.sub(m.start(), end), section, LABELLED,
                           remote_scope=scope))
        break
    for code, span in employment_words(title):
        if code != "full_time" or re.search(r"\bfull[- ]?time\b", span.text, re.I):
            page.add(Candidate("employment_type", code, span, section, LABELLED))
    for found in read_places(title, False, page.hint()):
        if found.place.city is not None:  # an address pair, never a lone word of the title
            page.add(Candidate("location", found.span.text, found.span, section, TITLE_PLACE, place=found))
    tail = _TITLE_TAIL.search(title.text)
    if tail is not None and not any(c.fact == "location" for c in page.found):
        piece = title.sub(tail.start("place"), tail.end("place"))
        found = read_places(piece, True, page.hint())
        if len(found) == 1 and found[0].span == piece and _title_place(found[0]):
            page.add(Candidate("location", piece.text, piece, section, TITLE_PLACE, place=found[0]))


def _title_place(found: FoundPlace) -> bool:
    """A place the title ends with: any pair ("Austin, TX"), a country, a city of two words or more
    ("Palo Alto"), a one-word city of half a million people or more ("London"): a smaller one-word
    city may be a word of the role ("Mobile")."""
    place, text = found.place, found.span.text
    if place.city is None or "," in text or len(text.split()) > 1:
        return True
    return any(c.population >= 500_000 and c.country == place.country for c in gazetteer().city(text))


def _read_header(page: PostingPage) -> None:
    """The short lines right under the title: employer, places, arrangement, type."""
    title = page.outline.title
    start = title.end if title is not None else 0
    header = [(span, section, is_heading) for span, section, is_heading in page.lines if span.start >= start]
    name: Candidate | None = None
    terms = len(page.found)
    for n, (span, section, _) in enumerate(header[:_HEADER_LINES]):
        if len(span.text) > _HEADER_MAX or span.text.endswith((".", "!", "?")) or cues.LABEL.match(span.text):
            break
        if section.kind != "other" and section.heading is not None and span.start == section.heading.start:
            break  # a posting's own section heading ("About the role") ends the header
        for k, piece in enumerate(pieces(span, _HEADER_PIECES)):
            before = len(page.found)
            read_terms(page, piece, section, LABELLED, places=True)
            for code, word in employment_words(piece):
                page.add(Candidate("employment_type", code, word, section, LABELLED))
            if n == 0 and k == 0 and len(page.found) == before and re.fullmatch(cues.EMPLOYER_NAME, piece.text):
                name = employer_candidate(page, piece, section, SENTENCE)
    # A name under the title is the employer's when places or terms stand beside it ("Harborlight
    # Analytics" / "Seattle, WA · Remote (US)"); alone, it may be any heading ("General Information").
    if name is not None and len(page.found) > terms:
        page.add(name)
    page.opening = next((s for s, _, is_heading in header if not is_heading and len(s.text) > _HEADER_MAX), None)


# ------------------------------------------------------------------ sentences

def _read_sentences(page: PostingPage) -> None:
    for line, section, is_heading in page.lines:
        perks = bool(_BENEFITS.search(section.top.heading_text or "")) or bool(
            section.heading_text and _BENEFITS.search(section.heading_text))
        heading = cues.EMPLOYER_HEADING.match(line.text) if is_heading or len(line.text) <= 60 else None
        if (m := heading or cues.EMPLOYER_HEADING_GLUED.match(line.text)) is not None:
            page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, SENTENCE))
        _read_line(page, line, section)
        if not is_heading and len(line.text) <= 40 and cues.TERMS_LINE.match(line.text):
            read_terms(page, line, section, SENTENCE, places=False)
            for code, word in employment_words(line):
                page.add(Candidate("employment_type", code, word, section, SENTENCE))
        for sentence in sentence_spans(line):
            _read_sentence(page, sentence, section, perks)


def _read_line(page: PostingPage, line: Span, section: Section) -> None:
    """Cues read on the whole line: a name with dots ("Acme Bros. Inc.") would part two sentences."""
    text = line.text
    if (m := cues.TEMPLATE_ROLE.search(text)) is not None:
        page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, LABELLED))
        if m.group("place"):
            for found in read_places(line.sub(m.start("place"), m.end("place")), True, page.hint())[:1]:
                page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    opening = page.opening is not None and page.opening.start == line.start
    if opening or opens_company_section(page, line, section):
        glued = cues.GLUED_HEADING.match(text) or cues.COMPANY_HEADING.match(text)
        body = line.sub(glued.end(), len(text)) if glued else line
        if (m := cues.EMPLOYER_OPENING.match(body.text)) is not None and not cues.ON_BEHALF.search(text[:300]):
            page.add(employer_candidate(page, body.sub(m.start("name"), m.end("name")), section, SENTENCE))


def _read_sentence(page: PostingPage, sentence: Span, section: Section, perks: bool) -> None:
    text = sentence.text
    for rx, strength in ((cues.EMPLOYER_EEO, LABELLED), (cues.EMPLOYER_HIRING, SENTENCE), (cues.EMPLOYER_AT, SENTENCE)):
        m = rx.match(text)
        if m is not None and not cues.ON_BEHALF.search(text):
            group = "name" if m.group("name") else "joined"
            page.add(employer_candidate(page, sentence.sub(m.start(group), m.end(group)), section, strength))
            break
    if (m := _PAY_PLACE.match(text)) is not None:  # "Seattle, WA: $148,000 - $186,000": pay for a place
        found = read_places(sentence.sub(0, m.end("place")), False, page.hint())
        if len(found) == 1 and found[0].place.city:
            page.add(Candidate("location", found[0].span.text, found[0].span, section, SENTENCE, place=found[0]))
    if (m := _PLACE_BASED.match(text)) is not None:
        for found in read_places(sentence.sub(m.start("place"), m.end("place")), True, page.hint())[:1]:
            page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    if not _COMPANY_PLACE.search(text):
        for m in _JOB_PLACE.finditer(text):
            rest = sentence.sub(m.end(), len(text))
            for found in read_places(rest, True, page.hint()):
                if found.span.start - rest.start > 2 and not text[found.span.start - sentence.start - 4:
                                                                  found.span.start - sentence.start].strip(" ,") in ("or", "and"):
                    break
                page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    for m in cues.ARRANGEMENT_TAG.finditer(text):
        page.add(Candidate("work_arrangement", cues.arrangement(m), sentence.sub(m.start(), m.end()), section,
                           LABELLED))
    if not perks and not cues.NOT_ARRANGEMENT.search(text):
        if (m := cues.NOT_REMOTE.search(text)) is not None:
            page.add(Candidate("work_arrangement", "onsite", sentence.sub(m.start(), m.end()), section, SENTENCE))
        elif (m := cues.ARRANGEMENT_SENTENCE.search(text)) is not None:
            code = cues.arrangement_of(m.group("word"))
            scope_span, scope = remote_scope(sentence, m.end("word")) if code == "remote" else (None, None)
            end = scope_span.end - sentence.start if scope_span is not None else m.end("word")
            page.add(Candidate("work_arrangement", code, sentence.sub(m.start("word"), end), section, SENTENCE,
                               remote_scope=scope))
    if (m := cues.TERMS_SENTENCE.search(text)) is not None:
        terms = sentence.sub(m.start("terms"), m.end("terms"))
        for code, word in employment_words(terms):
            page.add(Candidate("employment_type", code, word, section, SENTENCE))
        if (w := cues.ARRANGEMENT_WORD.search(terms.text)) is not None and not cues.NOT_ARRANGEMENT.search(text):
            page.add(Candidate("work_arrangement", cues.arrangement(w), terms.sub(w.start(), w.end()), section,
                               SENTENCE))
    if not (perks and _PERKS.search(section.heading_text or section.top.heading_text or "")) \
            and not cues.NOT_EMPLOYMENT.search(text):
        for m in cues.EMPLOYMENT_SENTENCE.finditer(text):
            group = next(g for g in ("word", "word2", "word3") if m.group(g))
            code = cues.employment_code(m.group(group))
            if code is None and group == "word" and m.group("noun").lower() == "internship":
                code = "internship"
            if code is not None:
                page.add(Candidate("employment_type", code, sentence.sub(m.start(group), m.end(group)), section,
                                   SENTENCE))
    if (m := cues.LEVEL_SENTENCE.search(text)) is not None:
        level = cues.experience_level(m.group("word"))
        page.add(Candidate("experience_level", level, sentence.sub(m.start("word"), m.end("word")), section, SENTENCE)
                 if level else None)
    for rx, fact in ((cues.POSTED_SENTENCE, "date_posted"), (cues.CLOSING_SENTENCE, "valid_through")):
        for m in rx.finditer(text):
            d = cues.DATE.match(text, m.end())
            if d is not None and (day := cues.read_date(d)):
                page.add(Candidate(fact, day, sentence.sub(d.start(), d.end()), section, SENTENCE))


