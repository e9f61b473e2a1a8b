"""Scoring what a posting states (`posting_facts`) against gold taken from an export's structured fields.

The gold of the CSV exports (`gold/postings_csv.json` and its siblings) comes
from each record's fields, not from reading its text, so a field may name a
fact the text never states (LinkedIn files many postings under "United
States"; a blank remote flag means "not flagged", not on-site). So, per
document and field (one gold fact each):

- **recall** counts only documents whose text states the gold fact, as a
  plain check over the decoded text finds it (`stated`): the employer's name
  (legal endings such as "Inc." dropped), the location's city (or its region
  or country for a location without a city) where the mention is not a
  company's head office or a right to work ("headquartered in Boston",
  "eligible to work in the U.S.") nor a part of a longer town's name
  ("West Des Moines, IA" does not name Des Moines), an employment type's words
  ("full-time", "contract"...) where they are not about other people's jobs,
  pay or experience ("all full-time employees are eligible", "full-time
  salaries", "salaries for part-time roles", "3 years of full-time
  experience") nor about a contract as a document ("negotiate contract terms"), the word "remote" (or "work
  from home", "telecommute");
- **precision** counts the same documents (the gold fact stated in the text)
  for which something was extracted: right when some extracted row matches.
  Where the text does not state the gold's fact, the field describes the
  listing, not the text: the job board or agency that posted it ("Jobs via
  Dice", "The Job Network") while the text names the employer, the company's
  head office while the text says "Remote (US)". A row read from such a text
  can be neither confirmed nor refuted by that gold.

Matching: employer names after `company_key` ("R&D" read as "Research and Development"; equal, or every word of one
among the other's, or a short form in capitals that is the other's initials:
"UMBC" for "University of Maryland Baltimore County"); a location when a row's city equals the gold's city
(and region, when both have one), or, for a gold without a city, its region or
country; employment type by code ("Full-time" = full_time, "Contract" and
"Contractor" = contract; "Volunteer" and "Other" have no code and are not
scored); remote only where the gold says true (a row with work_arrangement
`remote`). "Anywhere" is not a place and is not scored, nor is a location
row that names no place ("Remote", without a country).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from roledata.extract.places import Place, read_places
from roledata.text import Span

POSTING_FIELDS = ("employer", "location", "work_arrangement", "employment_type")
_LEGAL = re.compile(r"\b(?:inc|incorporated|llc|l l c|ltd|limited|corp|corporation|co|company|plc|llp|gmbh|ag|"
                    r"s a|n a|lp)\b")
_TYPES = {"full-time": ("full_time",), "part-time": ("part_time",), "contract": ("contract",),
          "contractor": ("contract",), "temporary": ("temporary",), "internship": ("internship",),
          "per diem": ("per_diem",), "full-time and part-time": ("full_time", "part_time")}
_TYPE_WORDS = {
    "full_time": re.compile(r"\bfull[- ]?time\b", re.I), "part_time": re.compile(r"\bpart[- ]?time\b", re.I),
    "contract": re.compile(r"\bcontract(?:or|[- ]to[- ]hire)?\b|\bC2C\b|\b1099\b", re.I),
    "temporary": re.compile(r"\btemp(?:orary)?\b", re.I), "internship": re.compile(r"\bintern(?:ship)?s?\b", re.I),
    "per_diem": re.compile(r"\bper[- ]diem\b|\bPRN\b", re.I),
}
# Where a type's words speak of other people's jobs, of pay or of experience, not of this job's terms: "All
# full-time employees are eligible", "full-time salaries", "3 years of full-time experience", "currently
# enrolled full time" (what the extractor must not read either).
_ABOUT_OTHERS_AFTER = re.compile(  # in running prose (lower case, on the same line): not a label's value
    r"[ \t]*(?:(?:and|or|&|/)[ \t]*part[- ]?time[ \t]+)?(?:regular[ \t]+)?(?:employees?|staff|associates|team[ \t]+members|"
    r"workers|candidates|students?|professionals|salar\w*|annual[ \t]+salar\w*|(?i:benefits?)|equivalent|employment|status|"
    r"(?:[\w/&.-]+[ \t]+){0,4}experience)\b(?![ \t]*:)")
_ABOUT_OTHERS_BEFORE = re.compile(r"(?:\byears?\s+of|\benrolled|\beligible\s+to\s+work|\bbased\s+on|\bconversion\s+to"
                                  r"|\bsalar(?:y|ies)\s+(?:for|of)"
                                  r"|\ball(?:\s+(?:regular|salaried),?)?)\s*$", re.I)


# "contract" as a document, not a job's terms: "negotiate contract terms", "contract management".
_CONTRACT_DOCUMENT = re.compile(r"[ \t]+(?:terms|negotiations?|management|law|language|reviews?|renewals?|administration)\b",
                                re.I)


def _type_stated(words: re.Pattern[str], text: str) -> bool:
    """The text states the type: its words stand somewhere not about other people's jobs (nor, for a contract,
    about a contract as a document)."""
    return any(not _ABOUT_OTHERS_AFTER.match(text, m.end()) and not _ABOUT_OTHERS_BEFORE.search(text, 0, m.start())
               and not (words is _TYPE_WORDS["contract"] and _CONTRACT_DOCUMENT.match(text, m.end()))
               for m in words.finditer(text))


_REMOTE_WORDS = re.compile(r"\bremote(?:ly)?\b|\bwork(?:ing)? from home\b|\btelecommut\w*", re.I)
_OTHERS = re.compile(r"\s*\(\+\d+ others?\)\s*$")
_RND = re.compile(r"(?<!\w)r\s*&\s*d(?!\w)")  # "Subaru R&D" is "Subaru Research and Development"


def company_key(name: str | None) -> str:
    """A company's name for comparison: case, accents, punctuation, "&"/"and" and legal endings folded."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _RND.sub(" research and development ", text).replace("&", " and ")
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return " ".join(_LEGAL.sub(" ", text).split())


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "and", "the", "for", "at", "by", "de"))


def _words_in(needle: str, haystack: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


@dataclass
class PostingFact:
    """One gold fact of a document: how to tell the text states it, and which rows match it."""

    label: str
    stated: bool
    matches: object  # (row) -> bool


def gold_place(location: str | None) -> Place | None:
    """The gold's location read like a page's ("Seattle, WA (+3 others)" -> Seattle, US-WA, US)."""
    if not location or location.strip().casefold() == "anywhere":
        return None
    text = _OTHERS.sub("", location)
    found = read_places(Span(0, len(text), text), True, ())
    return found[0].place if found else None


def posting_facts(gold: dict, text: str) -> dict[str, PostingFact]:
    """The gold facts of one document that the posting fields score, keyed by field."""
    facts: dict[str, PostingFact] = {}
    folded = company_key(text)
    if gold.get("employer"):
        wanted = company_key(gold["employer"])

        def employer(row: dict, wanted=wanted) -> bool:
            value = str(row.get("value") or "")
            got = company_key(value)
            return bool(got) and (got == wanted or set(got.split()) <= set(wanted.split())
                                  or set(wanted.split()) <= set(got.split())
                                  or (value.isupper() and " " not in got and got == _initials(wanted)))
        facts["employer"] = PostingFact(gold["employer"], _words_in(wanted, folded), employer)
    place = gold_place(gold.get("location"))
    if place is not None:
        facts["location"] = PostingFact(gold["location"], _place_stated(place, gold["location"], text),
                                        lambda row, place=place: _same_place(place, row))
    codes = _TYPES.get(str(gold.get("employment_type") or "").strip().casefold())
    if codes:
        facts["employment_type"] = PostingFact(
            gold["employment_type"], any(_type_stated(_TYPE_WORDS[c], text) for c in codes),
            lambda row, codes=codes: row.get("value") in codes)
    if gold.get("remote") is True:
        facts["work_arrangement"] = PostingFact("remote", _REMOTE_WORDS.search(text) is not None,
                                                lambda row: row.get("value") == "remote")
    return facts


def _place_stated(place: Place, location: str, text: str) -> bool:
    """The text names the gold's place as the job's: a mention that only says where the company's head office
    is ("headquartered in Boston") or who may work ("eligible to work in the U.S.", "U.S. citizenship") does
    not state the job's location."""
    written = _OTHERS.sub("", location).split(",")[0].strip()
    if place.city:
        return _named(written, text, place.city) or _named(place.city, text, place.city)
    if place.region:
        return _named(written, text) or _stated_at(re.finditer(rf"\b{place.region[3:]}\b", text), text)
    return _named(location.strip(), text) or _stated_at(re.finditer(r"\bU\.?S\.?A?\b", text), text)


# The words right before a mention that make it a head office ("headquartered in", "our headquarters in") or a
# right to work ("authorized to work in the", "eligible to work in"), and right after it ("U.S. citizenship").
_NOT_THE_JOBS_BEFORE = re.compile(r"(?:headquarter\w*|head\s+office|\bhq\b|(?:authori[sz]ed|eligible|permitted)\s+to\s+work\b)"
                                  r"[^.;:\n]{0,25}$", re.I)
_NOT_THE_JOBS_AFTER = re.compile(r"[\s.]*(?:citizen\w*|work\s+authori[sz]ation|persons?\b|nationals?\b)", re.I)


def _named(name: str, text: str, city: str | None = None) -> bool:
    """`name` is mentioned as the job's place; for a `city`, where the words around the mention do not make it
    part of another town's name ("West Des Moines, IA" does not name Des Moines)."""
    mentions = re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)
    if city is not None:
        mentions = (m for m in mentions if not _other_town(m, city, text))
    return bool(name) and _stated_at(mentions, text)


def _other_town(mention: re.Match[str], city: str, text: str) -> bool:
    """The mention is a part of a longer town's name read around it."""
    start, end = max(0, mention.start() - 30), min(len(text), mention.end() + 30)
    part = re.compile(rf"(?<!\w){re.escape(mention.group())}(?!\w)", re.I)
    return any(f.span.start <= mention.start() and mention.end() <= f.span.end and f.place.city
               and f.place.city.casefold() not in (city.casefold(), mention.group().casefold())
               and part.search(f.place.city)
               for f in read_places(Span(start, end, text[start:end]), True, ()))


# How far before a mention `_NOT_THE_JOBS_BEFORE` looks: its cue and the 25 characters it allows after it.
_BEFORE_REACH = 60


def _stated_at(mentions, text: str) -> bool:
    """Some mention is not a head office's or a right to work's."""
    return any(not _NOT_THE_JOBS_BEFORE.search(text, max(0, m.start() - _BEFORE_REACH), m.start())
               and not _NOT_THE_JOBS_AFTER.match(text, m.end()) for m in mentions)


def _same_place(gold: Place, row: dict) -> bool:
    if gold.city:
        city = (row.get("city") or "").casefold()
        if city != gold.city.casefold():
            return False
        return not (gold.region and row.get("region")) or gold.region == row.get("region")
    if gold.region:
        return row.get("region") == gold.region
    return row.get("country") == gold.country
