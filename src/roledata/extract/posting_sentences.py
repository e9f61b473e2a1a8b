"""posting_facts' sentences: what a posting says in the employer's voice ("This role is based in Austin,
TX", "Acme Robotics is hiring a ...", "Acme Robotics is an equal opportunity employer", "This is a
full-time position", "Applications close March 31, 2026"), and the cues read on a whole line (the
LinkedIn template "... role for a Data Analyst at Acme located in Austin, TX", a company section's first
sentence).

Most sentences of a posting state none of these facts, so each cue's pattern runs only on sentences that
hold its trigger (`_TRIGGERS`, `posting_cues.*_TRIGGER`): every match of the pattern holds one. A trigger's
first word is found once on the page's folded text (`roledata.text.fold`: what a case-insensitive pattern
can match is in it), each hit marking the sentence it falls in (`_cues_of`); its other words and patterns
are looked for in those sentences only. Long pasted sentences made some cues costly: those run their twin
(the same pattern without re.I, on the folded text) first and are tried only where it matches (`_matches`).
Nothing of this changes what is read: the triggers and twins match wherever their cues do
(`tests/unit/extract/test_posting_speed.py`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from roledata.extract import place_cues
from roledata.extract import posting_cues as cues
from roledata.extract.context import iter_sentences
from roledata.extract.gazetteer import gazetteer
from roledata.extract.places import LIST_GAP, FoundPlace, Place, read_places
from roledata.extract.posting_page import (LABELLED, SENTENCE, SITE_PLACE, Candidate, PostingPage, employer_candidate,
                                           employment_words, opens_company_section, read_line_cues, read_terms,
                                           remote_scope)
from roledata.parse.outline import Outline
from roledata.parse.structure import Section
from roledata.text import LazyPattern, Span, fold, sentence_spans

# Benefits sections proper: a full-time statement there speaks of who gets the benefits.
_PERKS = LazyPattern(r"\b(?:benefits?|perks?|what we offer|total rewards)\b", re.I)
# Sections whose sentences speak of perks and policies, not of the job's own terms.
_BENEFITS = LazyPattern(r"\b(?:benefits?|perks?|what we offer|why (?:join|work)|total rewards|rewards|"
                        r"compensation|pay|salary|equal|eeo|accommodation|disclaimer)\b", re.I)

# A section's own heading that names where or how the job is worked: its sentences state the job's terms, even
# where the outline files it under a pay or benefits heading ("Pay" / "Work Environment").
_WORK_HEADING = LazyPattern(r"\W*(?:work(?:place)?\s+(?:environments?|locations?|arrangements?|model|setting)|workplace|"
                            r"locations?|where\s+you(?:'|’)?ll\s+work)\W*$", re.I)

# Twins of cues: the pattern without re.I, for the folded text (`_matches`).
_JOB_PLACE_FOLDED = LazyPattern(place_cues.JOB_PLACE.pattern.replace("(?-i:Located)", "located"))
_POSTED_FOLDED = LazyPattern(cues.POSTED_SENTENCE.pattern)
_EMPLOYMENT_FOLDED = LazyPattern(cues.EMPLOYMENT_SENTENCE.pattern.replace("(?-i:[A-Z][\\w/&.-]*)", "[^\\W_][\\w/&.-]*").replace(
    "(?-i:(?![a-z]))", ""))
_ARRANGEMENT_FOLDED = LazyPattern(cues.ARRANGEMENT_SENTENCE.pattern)
_NOT_REMOTE_FOLDED = LazyPattern(cues.NOT_REMOTE.pattern)
_TERMS_FOLDED = LazyPattern(cues.TERMS_SENTENCE.pattern.replace("(?-i:This)", "this"))
_CLOSING_FOLDED = LazyPattern(cues.CLOSING_SENTENCE.pattern)
# Each trigger group opens with its rarest word: it marks the sentences the others are looked for in.
# The cues a sentence is read for, one bit each, and what every match of the cue holds (its trigger).
EEO, HIRING, JOB_PLACE, TAG, ARRANGEMENT, TERMS, EMPLOYMENT, LEVEL, PAY, AS, LIST, SITE, DATES = (1 << n for n in range(13))
_TRIGGERS: tuple[tuple[int, tuple[tuple[str | re.Pattern[str], ...], ...]], ...] = (
    (EEO, cues.EEO_TRIGGER), (HIRING, cues.HIRING_TRIGGER), (JOB_PLACE, place_cues.JOB_PLACE_TRIGGER), (TAG, (("#li-",),)),
    (ARRANGEMENT, cues.ARRANGEMENT_TRIGGER), (TERMS, cues.TERMS_TRIGGER), (EMPLOYMENT, cues.EMPLOYMENT_TRIGGER),
    (LEVEL, (("level",),)), (PAY, (("$",), ("usd",), ("cad",), ("gbp",), ("eur",), ("aud",))),
    (AS, cues.EMPLOYER_AS_TRIGGER), (LIST, place_cues.PLACE_LIST_TRIGGER),
    (SITE, place_cues.SITE_TRIGGER),
    (DATES, ((LazyPattern(r"(?:19|20)\d\d"),),)))  # every date holds a year


_NAME_LINE = LazyPattern(cues.EMPLOYER_NAME + r"[.:]?")
# A company described as one: "Tidewell is a freight software company", "Tidewell, a freight software company,".
_DESCRIBES = LazyPattern(r"(?:\s+is|,)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:company|firm|provider|leader|"
                         r"manufacturer|developer|publisher|agency|organi[sz]ation|institution|group|business|startup|"
                         r"platform|network|bank|insurer|university|school|hospital|clinic|practice|studio|lab|laboratory)\b")
# How the sentences that `EMPLOYER_AT` and `PLACE_BASED` read open.
_OPENERS = ("At", "Join", "Working", "We at", "We At", "For")
# A colon glued to the capital after it ("Day to Day:Acme Robotics is hiring"): where a pasted heading ends.
_COLON_NAME = LazyPattern(r"(?<=[a-z]):[ \t]*(?=[A-Z])")
# A short heading glued to the sentence after it by its colon: "Summary:Acme seeks", "Overview: Acme is".
_GLUED_HEAD = LazyPattern(r"[A-Z][A-Za-z]+(?: [A-Za-z]+)?:\s*(?=[A-Z0-9])")


def read_sentences(page: PostingPage) -> None:
    """Every line's cues, then its sentences' cues, in page order (what is found first counts first)."""
    perks_of: dict[int, tuple[bool, bool]] = {}  # section -> (a benefits-like section, a perks heading)
    shared = _shared_sentences(page.outline)
    by_line = [sentence_spans(line) if is_heading else shared.get(line.start) or sentence_spans(line)
               for line, _, is_heading in page.lines]
    cues_of = _cues_of(page.outline.text, [s for spans in by_line for s in spans])
    after_company_heading = False  # the line before is a company heading alone ("About the Company:")
    for (line, section, is_heading), sentences in zip(page.lines, by_line):
        if (perks := perks_of.get(id(section))) is None:
            perks = perks_of[id(section)] = (False, False) if _WORK_HEADING.match(section.heading_text or "") else (
                bool(_BENEFITS.search(section.top.heading_text or "")) or bool(
                    section.heading_text and _BENEFITS.search(section.heading_text)),
                bool(_PERKS.search(section.heading_text or section.top.heading_text or "")))
        text = line.text
        if text.startswith(cues.EMPLOYER_HEADING_OPENERS):
            heading = cues.EMPLOYER_HEADING.match(text) if is_heading or len(text) <= 60 else None
            if (m := heading or cues.EMPLOYER_HEADING_GLUED.match(text) or cues.EMPLOYER_ABOUT_AGAIN.match(text)) is not None:
                page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, SENTENCE))
        if after_company_heading and len(text) <= 60 and (m := _NAME_LINE.fullmatch(text)) is not None:
            # A company heading over a line that is only a name: "About the Company:" / "Tidewell Freight".
            page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, SENTENCE))
        after_company_heading = len(text) <= 40 and cues.COMPANY_HEADING.fullmatch(text) is not None
        _read_line(page, line, section)
        if not is_heading and len(text) <= 40 and cues.TERMS_LINE.match(text):
            read_terms(page, line, section, SENTENCE, places=False)
            for code, word in employment_words(line):
                page.add(Candidate("employment_type", code, word, section, SENTENCE))
        for sentence in sentences:
            which = cues_of.get(sentence.start, 0)
            if which or sentence.text.startswith(_OPENERS) or _GLUED_HEAD.match(sentence.text):
                _read_sentence(page, sentence, which, section, perks, line)


def _cues_of(text: str, sentences: list[Span]) -> dict[int, int]:
    """Sentence start -> the cues (bits) whose trigger the sentence holds. Each word is looked for once on the
    page (`str.find`, from one sentence it marks to the next), each pattern only in the sentences holding the
    words of its group: a page holds few of the words, in few sentences."""
    low = fold(text)
    if not sentences:
        return {}
    if len(low) != len(text):  # folding changed the length (a dotted capital I): each sentence on its own
        return _cues_by_sentence(sentences)
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    where: dict[str | re.Pattern[str], set[int]] = {}

    def holding(word: str | re.Pattern[str]) -> set[int]:
        """Indexes of the sentences that hold `word` (a pattern: that it matches in)."""
        if (found := where.get(word)) is None:
            found, pos = set(), 0
            while True:
                if type(word) is str:
                    if (at := low.find(word, pos)) < 0:
                        break
                    end = at + len(word)
                else:
                    if (m := word.search(low, pos)) is None:
                        break
                    at, end = m.span()
                i = bisect_right(starts, at) - 1
                if i >= 0 and end <= ends[i] and (type(word) is str or word.search(low, at, ends[i])):
                    found.add(i)
                    pos = ends[i]  # one hit marks the sentence: on to the next one
                else:
                    pos = at + 1
            where[word] = found
        return found

    out: dict[int, int] = {}
    for bit, trigger in _TRIGGERS:
        for group in trigger:
            first = group[0]
            # The group's first word (its rarest) marks the sentences; its other words and patterns are looked
            # for in those sentences only.
            chosen, rest = holding(first), group[1:]
            for i in chosen:
                if all((low.find(w, starts[i], ends[i]) >= 0) if type(w) is str
                       else (w.search(low, starts[i], ends[i]) is not None) for w in rest):
                    out[starts[i]] = out.get(starts[i], 0) | bit
    return out


def _cues_by_sentence(sentences: list[Span]) -> dict[int, int]:
    out: dict[int, int] = {}
    for s in sentences:
        folded = fold(s.text)
        which = 0
        for bit, trigger in _TRIGGERS:
            if any(all(w in folded if type(w) is str else w.search(folded) is not None for w in group)
                   for group in trigger):
                which |= bit
        if which:
            out[s.start] = which
    return out


# How far from a word the words that void it are looked for: a pasted posting may run its sections into
# one sentence of thousands of characters, and "experience" far away says nothing of "full-time" here.
_NEAR = 80
_NEAR_TYPE = 40  # "All full-time employees are eligible": the other people are named right by the type
# What opens a statement about this very job: "this full-time position", "the role is part-time".
_THIS_JOB = ("this", "the", "position", "role", "job")


def _near(rx: re.Pattern[str], text: str, start: int, end: int, reach: int = _NEAR) -> bool:
    return rx.search(text, max(0, start - reach), min(len(text), end + reach)) is not None


# How much text after a cue is read for its places: a place or a short list of them follows the cue, and a
# pasted posting's run-on sentence may go on for thousands of characters.
_PLACES_REACH, _LIST_REACH = 160, 400


def _places_opening(page: PostingPage, line: Span, rest: Span) -> Iterator[FoundPlace]:
    """The places `rest` opens with: the first, and those listed after it ("Wichita, KS, or Tulsa, OK"),
    past a wide area narrowed to them or a part of the town (`place_cues.PLACE_LEAD`)."""
    end = None
    for found in read_places(rest, True, page.hint()):
        at = found.span.start - line.start
        if end is None:  # the first: right after the cue, or past a lead
            if found.span.start - rest.start > 2 and not place_cues.PLACE_LEAD.fullmatch(line.text, rest.start - line.start, at):
                return
        # the next: listed ("Ames, IA, Provo, UT"), right after the last ("Tulsa/Greater Tulsa"), or after "or"/"and"
        # ("Austin, TX (preferred) or Dallas, TX"); other words between end the list
        elif LIST_GAP.fullmatch(line.text, end - line.start, at) is None and at > end - line.start \
                and line.text[at - 4:at].strip(" ,") not in ("or", "and"):
            return
        end = found.span.end
        yield found


def _after(line: Span, sentence: Span, start: int, reach: int) -> Span:
    """The sentence from `start` (relative to the sentence), at most `reach` characters, cut at a space (no name
    cut in two). A sentence that ends on "St." or "Mt." goes on in its line: "Located at 12 Elm Road, St. Louis"
    parts there as two sentences."""
    span = line if sentence.text.endswith(_PLACE_ABBREVIATIONS) else sentence
    start += sentence.start - span.start
    text = span.text
    if len(text) - start <= reach:
        return span.sub(start, len(text))
    cut = text.rfind(" ", start, start + reach)
    return span.sub(start, cut if cut > start else start + reach)


_PLACE_ABBREVIATIONS = (" St.", " Ft.", " Mt.", " Ste.", " Pt.")


def _move_denied(line: Span, sentence: Span, m: re.Match[str]) -> bool:
    """A move to a place denied or offered for later (`place_cues.MOVE_DENIED_*`), in its sentence (read on past
    "St.": "Relocation to St. Louis, MO is not required"; not into the next: "... Boise, ID. No degree is required")."""
    return (place_cues.MOVE_DENIED_BEFORE.search(sentence.text, max(0, m.start("move") - 50), m.start("move")) is not None
            or place_cues.MOVE_DENIED_AFTER.search(_after(line, sentence, m.end(), _PLACES_REACH).text) is not None)


def _the_state(m: re.Match[str], found: FoundPlace) -> FoundPlace:
    """The place a cue that ends "the state of" names: the state, not the city named like it ("New York")."""
    if m.group("state") and found.place.region:
        return FoundPlace(found.span, Place(None, found.place.region, found.place.country))
    return found


def _large_city(found: FoundPlace) -> bool:
    """A city written alone that is one of the gazetteer's cities of 100,000 people or more."""
    return any(c.population >= 100_000 and c.name == found.place.city for c in gazetteer().city(found.span.text))


def _matches(rx: re.Pattern[str], twin: re.Pattern[str], text: str, low: str) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)`, tried only where `twin` (`rx` without re.I, on the folded text `low`; it matches
    wherever `rx` does) matches: the twin runs twice as fast, and long pasted sentences made these cues
    the costliest."""
    if len(low) != len(text):
        yield from rx.finditer(text)
        return
    pos = 0
    while (found := twin.search(low, pos)) is not None:
        if (m := rx.match(text, found.start())) is None:
            pos = found.start() + 1
        else:
            yield m
            pos = m.end()


def _shared_sentences(outline: Outline) -> dict[int, list[Span]]:
    """The sentences of each line, split once for every extractor (`iter_sentences`), by the line's
    start: only lines read whole (a line split at a label, "Location: ...", is split here again)."""
    by_line: dict[int, list[Span]] = {}
    labelled: set[int] = set()
    for s in iter_sentences(outline):
        if s.label is not None:
            labelled.add(s.line.content.start)
        else:
            by_line.setdefault(s.line.content.start, []).append(s.span)
    for start in labelled:
        by_line.pop(start, None)
    return by_line


def _read_line(page: PostingPage, line: Span, section: Section) -> None:
    """Cues read on the whole line: a name with dots ("Acme Bros. Inc.") would part two sentences."""
    text = line.text
    if "role" in text and "for" in text and (m := cues.TEMPLATE_ROLE.search(text)) is not None:
        page.add(employer_candidate(page, line.sub(m.start("name"), m.end("name")), section, LABELLED))
        if m.group("place"):
            for found in read_places(line.sub(m.start("place"), m.end("place")), True, page.hint())[:1]:
                page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    read_line_cues(page, line, section)  # a copyright line, an agency's sign-off, a line that is the arrangement
    opening = any(s.start == line.start for s in page.openings)
    if opening or opens_company_section(page, line, section):
        glued = cues.GLUED_HEADING.match(text) or cues.COMPANY_HEADING.match(text)
        _read_opening(page, line.sub(glued.end(), len(text)) if glued else line, section)


def _read_opening(page: PostingPage, body: Span, section: Section) -> None:
    """A company's opening sentence ("Tidewell is a freight software company"): its name, a candidate."""
    if (m := cues.EMPLOYER_OPENING.match(body.text)) is not None:
        page.add(employer_candidate(page, body.sub(m.start("name"), m.end("name")), section, SENTENCE,
                                    describes=_DESCRIBES.match(body.text, m.end("name")) is not None))


def _read_sentence(page: PostingPage, sentence: Span, which: int, section: Section,
                   perks: tuple[bool, bool], line: Span) -> None:
    text = sentence.text
    low = fold(text)
    # A heading glued to the sentence opens it: "Summary:Quigley Farms seeks ...".
    opens = head.end() if (head := _GLUED_HEAD.match(text)) else 0
    for rx, read, strength in ((cues.EMPLOYER_EEO, which & EEO, LABELLED), (cues.EMPLOYER_HIRING, which & HIRING, SENTENCE),
                               (cues.EMPLOYER_AT, text.startswith(_OPENERS, opens), SENTENCE)):
        if not read:
            continue
        m = rx.match(text, opens)
        if m is None and rx is cues.EMPLOYER_HIRING:
            # A short heading glued by its colon inside a run-on sentence: "...a related field Day to Day:Acme
            # Robotics is looking to hire ...".
            m = next((found for colon in _COLON_NAME.finditer(text, opens) if (found := rx.match(text, colon.end()))),
                     None)
        if m is not None:
            group = next(g for g in ("name", "joined", "working", "policy") if g in rx.groupindex and m.group(g))
            page.add(employer_candidate(page, sentence.sub(m.start(group), m.end(group)), section, strength))
            break
    if head is not None and cues.COMPANY_HEADING.fullmatch(head.group()):
        # A company heading glued into a run-on line, then the company's opening sentence: "... each day. About
        # us: Acme Steel is a partnership between ...".
        _read_opening(page, sentence.sub(opens, len(text)), section)
    if which & AS:
        for m in cues.EMPLOYER_AS.finditer(text):
            group = next(g for g in ("name", "of", "joined", "team", "opening") if m.group(g))
            page.add(employer_candidate(page, sentence.sub(m.start(group), m.end(group)), section, SENTENCE))
    if which & PAY and (m := place_cues.PAY_PLACE.match(text)) is not None:  # "Seattle, WA: $148,000 - $186,000"
        found = read_places(sentence.sub(0, m.end("place")), True, page.hint())
        # A pay line by place names a city alone too ("Cleveland $59,100 to $188,100"), one the size of a city.
        # The line opens with the place: "Candidates who relocate to Anchorage, AK get $9,000" is no pay by place.
        if len(found) == 1 and found[0].place.city and found[0].span.start == sentence.start \
                and (", " in found[0].span.text or _large_city(found[0])):
            page.add(Candidate("location", found[0].span.text, found[0].span, section, SENTENCE, place=found[0]))
    if text.startswith("For") and (m := place_cues.PLACE_BASED.match(text)) is not None:
        for found in read_places(sentence.sub(m.start("place"), m.end("place")), True, page.hint())[:1]:
            page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    # a head office named in the sentence ("headquartered in"): no place the sentence names is the job's
    head_office = bool(which & (JOB_PLACE | SITE)) and place_cues.COMPANY_PLACE.search(text) is not None
    if which & JOB_PLACE and not head_office:
        for m in _matches(place_cues.JOB_PLACE, _JOB_PLACE_FOLDED, text, low):
            if m.group("move") and _move_denied(line, sentence, m):
                continue
            begin = m.end() + (street.end() - street.start() if (street := place_cues.STREET.match(text, m.end())) else 0)
            for found in _places_opening(page, line, _after(line, sentence, begin, _PLACES_REACH)):
                if m.group("loose") and not m.group("named") and found.place.city and " " not in found.span.text.strip():
                    continue  # a town alone after a loose cue: "This role is in Normal operations mode"
                page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=_the_state(m, found)))
    if which & LIST and (m := place_cues.PLACE_LIST.search(text)) is not None:
        places = _after(line, sentence, m.end(), _LIST_REACH)
        if not places.text.strip():  # "... in the following locations:" ends its line: the list is on the next
            places = next((s.sub(0, min(len(s.text), _LIST_REACH)) for s, _, _ in page.lines if s.start > line.start),
                          places)
        for found in read_places(places, True, page.hint()):
            page.add(Candidate("location", found.span.text, found.span, section, SENTENCE, place=found))
    if which & SITE and not head_office:
        for m in place_cues.SITE_PLACE.finditer(text):
            start = m.end() + (street.end() - street.start() if (street := place_cues.STREET.match(text, m.end())) else 0)
            found = read_places(_after(line, sentence, start, _PLACES_REACH), True, page.hint())[:1]
            if found and found[0].span.start - sentence.start - start <= 1 and found[0].place.city:
                page.add(Candidate("location", found[0].span.text, found[0].span, section, SITE_PLACE, place=found[0]))
        for m in place_cues.PAY_FOR_PLACE.finditer(text):  # "Pay for this job in Utah is ..."
            for found in _places_opening(page, line, _after(line, sentence, m.end(), _PLACES_REACH)):
                page.add(Candidate("location", found.span.text, found.span, section, SITE_PLACE, place=_the_state(m, found)))
        for m in () if place_cues.MAILING.search(text) else place_cues.ADDRESS.finditer(text):
            if not place_cues.STREET_WORD.search(text, m.start(), m.start("place")):
                continue
            found = read_places(sentence.sub(m.start("place"), m.end("place")), True, page.hint())
            if len(found) == 1 and found[0].place.city and found[0].place.region:
                page.add(Candidate("location", found[0].span.text, found[0].span, section, SITE_PLACE, place=found[0]))
        for m in place_cues.OUR_SITE.finditer(text):
            piece = sentence.sub(m.start("place"), m.end("place"))
            found = read_places(piece, True, page.hint())
            if len(found) == 1 and found[0].span == piece:
                page.add(Candidate("location", piece.text, piece, section, SITE_PLACE, place=found[0]))
    if which & TAG:
        for m in cues.ARRANGEMENT_TAG.finditer(text):
            page.add(Candidate("work_arrangement", cues.arrangement(m), sentence.sub(m.start(), m.end()), section,
                               LABELLED))
    # A perk's words ("a work-from-home stipend") void the sentence: read only after a match, as most have none.
    if not perks[0] and which & ARRANGEMENT:
        _read_arrangement(page, sentence, low, section)
    if which & TERMS and (m := next(_matches(cues.TERMS_SENTENCE, _TERMS_FOLDED, text, low), None)) is not None:
        terms = sentence.sub(m.start("terms"), m.end("terms"))
        for code, word in employment_words(terms):
            page.add(Candidate("employment_type", code, word, section, SENTENCE))
        if (w := cues.ARRANGEMENT_WORD.search(terms.text)) is not None \
                and not _near(cues.NOT_ARRANGEMENT, text, terms.start - sentence.start + w.start(),
                              terms.start - sentence.start + w.end()):
            page.add(Candidate("work_arrangement", cues.arrangement(w), terms.sub(w.start(), w.end()), section,
                               SENTENCE))
    if not (perks[0] and perks[1]) and which & EMPLOYMENT:
        for m in _matches(cues.EMPLOYMENT_SENTENCE, _EMPLOYMENT_FOLDED, text, low):
            group = next(g for g in cues.EMPLOYMENT_GROUPS if m.group(g))
            # "All full-time employees are eligible ...": the type of other people's jobs, right by the words. A
            # statement about this job ("this full-time position", "the role is part-time") stands whatever follows.
            if not m.group().lstrip(" -–—").lower().startswith(_THIS_JOB) \
                    and _near(cues.NOT_EMPLOYMENT, text, m.start(), m.end(), _NEAR_TYPE):
                continue
            if text[m.start(group)].isupper() and cues.CONTRACT_SUBJECT.match(text, m.start(group)):
                continue  # "hiring a Contract Administrator", a title: the role's subject, not its terms
            words = sentence.sub(m.start(group), m.end(group))  # "a paid internship": the noun names the type
            code = cues.employment_code(words.text) or ("internship" if (m.group("noun") or "").lower() == "internship" else None)
            # a list ("Full-time, part-time and seasonal positions available"): each of its types
            for code, word in employment_words(words) if group == "list" else [(code, words)] if code else []:
                page.add(Candidate("employment_type", code, word, section, SENTENCE))
    if which & LEVEL and (m := cues.LEVEL_SENTENCE.search(text)) is not None:
        level = cues.experience_level(m.group("word"))
        page.add(Candidate("experience_level", level, sentence.sub(m.start("word"), m.end("word")), section, SENTENCE)
                 if level else None)
    if not which & DATES:
        return  # a date's cue is in the sentence with a digit (a year)
    for rx, twin, words, fact in ((cues.POSTED_SENTENCE, _POSTED_FOLDED, cues.POSTED_WORDS, "date_posted"),
                                  (cues.CLOSING_SENTENCE, _CLOSING_FOLDED, cues.CLOSING_WORDS, "valid_through")):
        if not any(word in low for word in words):
            continue
        for m in _matches(rx, twin, text, low):
            d = cues.DATE.match(text, m.end())
            if d is not None and (day := cues.read_date(d)):
                page.add(Candidate(fact, day, sentence.sub(d.start(), d.end()), section, SENTENCE))

def _read_arrangement(page: PostingPage, sentence: Span, low: str, section: Section) -> None:
    """How the sentence says the job is worked: "This is a remote position", "not a remote role", "Hybrid 2 days
    a week"; with the other words of a choice it opens ("on-site, hybrid or remote") and remote offered beside
    it ("hybrid preferred; remote work is also possible"), for `choose` to weigh."""
    text = sentence.text
    before = len(page.found)
    if (m := next(_matches(cues.NOT_REMOTE, _NOT_REMOTE_FOLDED, text, low), None)) is not None:
        if not _near(cues.NOT_ARRANGEMENT, text, m.start(), m.end()):
            page.add(Candidate("work_arrangement", "onsite", sentence.sub(m.start(), m.end()), section, SENTENCE))
        return
    if (m := next(_matches(cues.ARRANGEMENT_SENTENCE, _ARRANGEMENT_FOLDED, text, low), None)) is not None \
            and not _near(cues.NOT_ARRANGEMENT, text, m.start("word"), m.end("word")):
        code = cues.arrangement_of(m.group("word"))
        scope_span, scope = remote_scope(sentence, m.end("word")) if code == "remote" else (None, None)
        end = scope_span.end - sentence.start if scope_span is not None else m.end("word")
        page.add(Candidate("work_arrangement", code, sentence.sub(m.start("word"), end), section, SENTENCE,
                           remote_scope=scope))
    elif (m := cues.ARRANGEMENT_EXTRA.search(text)) is not None:
        group = next(g for g in ("word", "word2", "word3", "word4") if m.group(g))
        if not _near(cues.NOT_ARRANGEMENT, text, m.start(group), m.end(group)):
            page.add(Candidate("work_arrangement", cues.arrangement_of(m.group(group)),
                               sentence.sub(m.start(group), m.end(group)), section, SENTENCE))
    if len(page.found) == before or page.found[-1].value == "remote":
        return
    after = page.found[-1].span.end - sentence.start
    for w in cues.ARRANGEMENT_WORD.finditer(text, after):
        if not cues.CHOICE_GAP.fullmatch(text, after, w.start()):
            break
        page.add(Candidate("work_arrangement", cues.arrangement(w), sentence.sub(w.start(), w.end()), section, SENTENCE))
        after = w.end()
    if (option := cues.REMOTE_OPTION.search(text)) is not None:
        page.add(Candidate("work_arrangement", "remote", sentence.sub(option.start("word"), option.end("word")),
                           section, SENTENCE))
