"""posting_facts: what a posting states about the job, one row per fact, read from its text.

Facts (`codes.POSTING_FACT`): the title as the page writes it, the employer,
each location, the work arrangement (with its remote scope), the employment
type, the posting and closing dates and the experience level. Each row quotes
the characters it was read from; `value` is the code or the text as written.

Where a fact is read, strongest first (`posting_cues` has the words):

3. a label and its value ("Location: Austin, TX", "Job Type: Contract", read up to
   the next field glued to it: "Location: Portland OregonStart date"), the
   title's own words ("Data Engineer (Remote)"), the short lines under the
   title ("Harborlight Analytics" / "Seattle, WA · Remote (US)"), a "#LI-Hybrid" tag;
2. a sentence in the employer's voice ("This role is based in Austin, TX",
   "based in the Midwest, preferably Omaha-NE or Wichita-KS", "remote only if
   living more than 40 miles from Wichita, KS, or Tulsa, OK", "hiring
   regionally in the Boise, ID area", a line of
   terms then places "Part-time - Kalamazoo and Okemos Michigan", pay by
   place "USA, OR, Bend - 131,500.00 - 176,400.00 USD", "Acme Robotics is hiring a ...", "Acme Robotics is an equal opportunity
   employer", "This is a full-time position", "Full-time and part-time
   positions available", "Part-time: 20 hours a week", a copyright line "© 2025
   Acme Robotics", an agency's "This position is available through Brightpath
   Staffing", the company that offers the benefits ("Acme Robotics offers a
   comprehensive benefits package"), "All positions at Acme Robotics require",
   a privacy notice's "how Acme Robotics collects your personal information");
1. a place in the title written as an address pair ("- Austin, TX");
0. where the company's site is ("a design firm located in Franklin, Tennessee",
   "a weekly newspaper in Duluth, Minnesota", "our new Greer, SC facility", a
   street address with its ZIP code, a town's own government as the employer:
   "The City of Greeley"), the pay for the role in a place ("Pay for this job in
   Colorado starts at ..."): the job's place only when nothing else says,
   and never for a job worked remotely.

A fact keeps the strongest cue's reading (the first in page order among
equals; an arrangement with remote offered beside it, "Hybrid/Remote",
"on-site preferred · remote eligible", is remote: the job may be worked
remotely); locations and employment types keep every distinct one at that
strength. What is not a fact of the job is left out: a company's headquarters
("headquartered in Boston": a head office is not where a job of a company with
several sites is, and a company's site yields to any statement about the role),
a perk ("a work-from-anywhere week each year", anything in a benefits section
but a line that is only the arrangement, "Remote/hybrid environment", or one
such item of a list pasted into one line),
the type of other people's jobs ("all full-time employees are eligible"), a
recruiter named as a contact, a relative date ("Posted 3 days ago": no fixed
day). An agency that posts for a client it does not name ("Brightpath Staffing
seeks a Java developer for a regional bank") is the posting's employer
of record, as job boards file such postings (SEEK's API: the party that owns
an opening is "typically a hirer, but may be a recruitment agency"; Google's
job API marks such a company as a hiring agency).

Career guides state these rarely and in passing: on a page not recognised
as a posting only labels ("Location: Remote") and the title's own words
("Technical Writer Local to Boise, Idaho") are read; a page the parser
files as generic is read as a posting when the employer speaks to applicants
("is seeking", "join our team", "an equal opportunity employer").
"""
from __future__ import annotations

import re

from roledata.extract import posting_cues as cues
from roledata.extract.context import PageContext, provenance
from roledata.extract.gazetteer import gazetteer
from roledata.extract.places import FoundPlace, read_places
from roledata.extract.posting_labels import read_labels
from roledata.extract.posting_page import (LABELLED, SENTENCE, SITE_PLACE, TITLE_PLACE, Candidate, PostingPage, choose,
                                           employer_candidate, employment_words, pieces, read_terms, remote_scope,
                                           section_of)
from roledata.extract.posting_sentences import read_sentences
from roledata.parse.outline import Outline
from roledata.text import LazyPattern, Span

_HEADER_LINES = 4
_HEADER_MAX = 100
# The end of a title that may be a place: "- London", "(Palo Alto)", "| Austin, TX".
_TITLE_TAIL = LazyPattern(r"(?:\s[-–—|]\s*|\(|,\s)(?P<place>[A-Z][^()\-–—|,]*(?:,\s*[A-Z][^()\-–—|]*)?)\)?\s*$")
# A title naming its employer after "at": "Data Engineer at Acme Robotics", "... (Internship) at Acme Michigan".
_TITLE_EMPLOYER = LazyPattern(rf"\sat\s+{cues.EMPLOYER_NAME}\s*(?:[-–—|(,].*)?$")
# Where a title's qualifier opens after the role's name: "- Contract to Hire", "(Remote)", "| Austin, TX", "Local to".
_QUALIFIER = LazyPattern(r"\s[-–—|]\s|\(|\s(?:Local\s+to|Remote\s+in|Based\s+in)\s")
# A town's own government: "The City of Tempe", "Town of Castle Rock" (the town's name is in `town`).
_TOWN_EMPLOYER = LazyPattern(r"(?:The\s+)?(?:City|Town|Village|Borough)\s+of\s+(?P<town>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$")
# Under the title, a spaced dash parts the pieces too ("Copperline AI — New York, NY").
_HEADER_PIECES = LazyPattern(r"\s*(?:[|·•;]|\s/\s|\s+or\s+|\s[–—]\s)\s*")


def extract_posting_facts(outline: Outline, context: PageContext) -> list[dict]:
    """The facts the page states about its job (rules in the module's docstring), in page order."""
    page = PostingPage(outline)
    read_labels(page)
    if not page.is_posting and outline.source_format == "generic" and len({c.fact for c in page.found}) >= 2:
        page.is_posting = True  # a page of the posting's fields ("Location: Edison, NJ", "Job Type: Fulltime")
    if page.is_posting:
        _read_title(page)
        _read_header(page)
        read_sentences(page)
        _read_town_employer(page)
    elif outline.source_format == "generic":
        _read_title(page, qualifier_only=True)  # "Technical Writer Local to Boise, Idaho"
    chosen = choose(page.found, outline.text)
    if not chosen and not page.is_posting:
        return []
    title = outline.title
    if title is not None:
        chosen.append(Candidate("title", title.text, title, section_of(page, title), LABELLED))
    chosen.sort(key=lambda c: (c.span.start, c.span.end))
    return [_row(context, c) for c in chosen]


def _read_town_employer(page: PostingPage) -> None:
    """A town's government as the employer places its jobs in the town, at the strength of a company's site (the
    job's place only when nothing else says): "The City of Tempe offers ..." -> Tempe, US-AZ. Only a town whose
    name the gazetteer gives one city ("City of Springfield" could be any of several)."""
    for c in [c for c in page.found if c.fact == "employer"]:
        if (m := _TOWN_EMPLOYER.match(c.span.text)) is None:
            continue
        town = c.span.sub(m.start("town"), m.end("town"))
        found = read_places(town, True, page.hint())
        if len(found) == 1 and found[0].span == town and found[0].place.city and len(gazetteer().city(town.text)) == 1:
            page.add(Candidate("location", town.text, town, c.section, SITE_PLACE, place=found[0]))


def _row(context: PageContext, c: Candidate) -> dict:
    place = c.place.place if c.place is not None else None
    row = {"fact_id": None, "role_id": context.role_id, "fact": c.fact, "value": c.value,
           "city": place.city if place else None, "region": place.region if place else None,
           "country": place.country if place else None, "remote_scope": c.remote_scope, "origin": "text"}
    row.update(provenance(context.document_id, c.section, c.span))
    return row


# ------------------------------------------------------------------ the title and the lines under it

def _read_title(page: PostingPage, qualifier_only: bool = False) -> None:
    """The title's own words. `qualifier_only` (a page not read as a posting): only what follows the role's name
    after a separator ("Technical Writer Local to Boise, Idaho", "... - Contract to Hire"); a guide's title
    ("How to Find Part-Time Remote Jobs in Denver, CO") has none."""
    title = page.outline.title
    if title is None:
        return
    section = section_of(page, title)
    if qualifier_only:
        if (cut := _QUALIFIER.search(title.text)) is None:
            return
        title = title.sub(cut.end(), len(title.text))
    end = None  # the first word, and the others of a choice it opens ("(Hybrid/Remote)"): `choose` weighs them
    for m in cues.ARRANGEMENT_WORD.finditer(title.text):
        if end is not None and not cues.CHOICE_GAP.fullmatch(title.text, end, m.start()):
            break
        code = cues.arrangement(m)
        scope_span, scope = remote_scope(title, m.end()) if code == "remote" else (None, None)
        end = scope_span.end - title.start if scope_span is not None else m.end()
        page.add(Candidate("work_arrangement", code, title.sub(m.start(), end), section, LABELLED,
                           remote_scope=scope))
    for code, span in employment_words(title, cues.CONTRACT_SUBJECT):  # "Contract Administrator" is no contract job
        if code != "full_time" or re.search(r"\bfull[- ]?time\b", span.text, re.I):
            page.add(Candidate("employment_type", code, span, section, LABELLED))
    for found in read_places(title, False, page.hint()):
        if found.place.city is not None:  # an address pair, never a lone word of the title
            page.add(Candidate("location", found.span.text, found.span, section, TITLE_PLACE, place=found))
    if not qualifier_only and (at := _TITLE_EMPLOYER.search(title.text)) is not None:  # "... at Acme Robotics"
        page.add(employer_candidate(page, _without_place(title.sub(at.start("name"), at.end("name"))), section,
                                    SENTENCE))
    tail = _TITLE_TAIL.search(title.text)
    if tail is not None and not any(c.fact == "location" for c in page.found):
        piece = title.sub(tail.start("place"), tail.end("place"))
        found = read_places(piece, True, page.hint())
        if len(found) == 1 and found[0].span == piece and _title_place(found[0]):
            page.add(Candidate("location", piece.text, piece, section, TITLE_PLACE, place=found[0]))


def _without_place(name: Span) -> Span:
    """A name without the state or country written after it: "Acme Robotics Michigan" -> "Acme Robotics"."""
    g = gazetteer()
    words = list(re.finditer(r"\S+", name.text))
    for size in (2, 1):
        if len(words) > size:
            tail = name.text[words[-size].start():]
            if g.country(tail) or (not tail.isupper() and g.subdivisions(tail)):
                return name.sub(0, words[-size].start())
    return name


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
        # A header line is short; a list of places may run longer ("Remote, US; McLean, VA; Boston, MA; ..."),
        # but holds no sentence.
        if (len(span.text) > _HEADER_MAX and (len(span.text) > 2 * _HEADER_MAX or ". " in span.text)) \
                or span.text.endswith((".", "!", "?")) or cues.LABEL.match(span.text):
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
    page.openings = [s for s, _, is_heading in header if not is_heading and len(s.text) > _HEADER_MAX][:1]
    own = next((s for s, _, is_heading in page.lines if s.start <= title.start < s.end and not is_heading), None) \
        if title is not None else None
    if own is not None and len(own.text) > _HEADER_MAX:
        # No title line: the parser took the first paragraph, or words in it, for the title; it opens the description.
        page.openings.append(own)
