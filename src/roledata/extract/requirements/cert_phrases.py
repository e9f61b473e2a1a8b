"""Certifications and licences by the shape of their names, beyond the fixed list.

`data/certifications.csv` names the certifications the project knows; pages
in every profession name others, in a few shapes:

- a name before "certification", "certificate", "credential", "license" or
  "licensure": "the ISO 9606-1 certification", "an emergency medical
  technician (EMT) certification", "EMT-Basic, Advanced EMT, or Paramedic
  certification" (three), "a journeyman electrician license";
- "certified <Name>" and an issuer before "Certified": "Certified Welding
  Inspector", "board certified in oncology nursing", "Salesforce Certified
  Administrator";
- an issuer's name ending in a level: "Oracle Cloud Infrastructure
  Architect Professional", "Cisco DevNet Associate";
- "licensed <role>": "a licensed practical nurse";
- admission to the bar;
- the items of a list opened by a line about certifications ("Welders may
  need certifications such as:" / "ASME Section IX:").

A name must look like one: a capital, a figure, or a role noun in it, never a
word that only qualifies ("relevant certification", "state licensure"), a
driver's licence or a software licence. Each result is (span, name as written).
"""
from __future__ import annotations

import re

from roledata.parse.role_nouns import role_noun
from roledata.text import LazyPattern, Span

_KEYWORD = LazyPattern(r"\b(?:certifications?|certificates?|credentials?|licen[cs]es?|licensure)\b", re.I)
_NAME_TOKEN = LazyPattern(r"\([A-Z][\w/+-]{1,10}\)|[\w+#./'’-]+|[,;:!?()–—]")
# Words that end a name on its left: articles, verbs and prepositions of the sentence around it.
_LEFT_STOP = frozenset("""a an the hold holds holding obtain obtaining earn earning get getting have has having need
    needs require requires required requiring with without and/or such as for to of in on by from pass passing
    complete completing acquire any your their his her its our this that these those may must should can will
    be is are was were also typically usually often including include includes like valid current no not none
    consider considering considered pursue pursuing seek seeking plus optional preferred least course courses
    training program programs class classes degree degrees ; : ! ? ( ) – —""".split())
# Words that only qualify a certification: a name of them alone is no name.
_QUALIFIERS = frozenset("""relevant professional industry state national federal local additional required optional
    specialized specialised key recognized recognised necessary appropriate proper formal official
    current valid such other further higher various several many some most all each one two three welding
    technical medical nursing teaching trade vendor cloud security entry-level entry level beginner foundational
    standard standards popular common useful valuable good top best certain
    certification certifications certificate certificates credential credentials license licenses licence licences
    licensure""".split())
_DEGREE = LazyPattern(r"\b(?:Ph\.?\s?D|MBA|Master'?s|Bachelor'?s|degrees?|diplomas?|M\.?Sc|B\.?Sc)\b", re.I)
_QUALIFYING_SUFFIX = LazyPattern(r"-(?:specific|related|based|focused|level|oriented|centric|grade)$", re.I)
_NOT_LICENCES = LazyPattern(r"\b(?:driver'?s?|driving|business|software|open[- ]source|MIT|Apache|GPL|BSD|commercial|"
                            r"enterprise|perpetual|user|seat|creative commons|marriage|liquor|fishing|hunting)\b", re.I)
_SPLIT = LazyPattern(r"\s*(?:,\s*(?:or|and)\s+|,\s*|\s+or\s+|\s+and\s+|\s*/\s*)", re.I)
# Issuers whose names open a certification's ("Salesforce Certified Administrator", "Cisco DevNet Associate").
_ISSUERS = (r"AWS|Amazon|Microsoft|Azure|Google(?: Cloud)?|Cisco|CompTIA|Oracle|Salesforce|Tableau|Snowflake|"
            r"Databricks|Red Hat|VMware|IBM|SAS|NVIDIA|HashiCorp|Linux Foundation|CNCF|ISACA|ISC2|\(ISC\)²|PMI|"
            r"Scrum Alliance|Scrum\.org|ITIL|Adobe|Autodesk|Juniper|Fortinet|Palo Alto|Elastic|MongoDB|Kubernetes")
_LEVELS = r"Professional|Associate|Expert|Specialty|Practitioner|Fundamentals|Foundation|Master|Architect|Administrator"
_LEVEL_NEEDLES = tuple(_LEVELS.split("|"))
_ISSUER_CERTIFIED = LazyPattern(rf"\b(?:{_ISSUERS})[- ]Certified(?:\s+[A-Z][\w+/.-]*){{1,5}}")
_ISSUER_LEVEL = LazyPattern(rf"\b(?:{_ISSUERS})(?:\s+[A-Z][\w+/.-]*){{0,5}}\s+(?:{_LEVELS})\b")
_CERTIFIED = LazyPattern(r"\b(?:[Bb]oard[- ])?[Cc]ertified\s+(?:in\s+)?(?:[A-Z][\w+/&-]*\s*){1,5}(?:\([A-Z]{2,6}\))?")
_LICENSED = LazyPattern(r"\b(?:an?|be|as)\s+(?P<name>[Ll]icensed\s+(?P<role>(?:[a-z]+\s+){0,2}[a-z]+)"
                        r"(?:\s+\((?P<abbr>[A-Z]{2,5})\))?)")
_BAR = LazyPattern(r"\b(?:admitted to (?:the|a) (?:state )?bar|admission to (?:the|a) (?:state )?bar|pass(?:ed|ing)? "
                   r"the bar(?: exam(?:ination)?)?|bar admission)\b", re.I)


def phrase_names(span: Span) -> list[tuple[Span, str]]:
    """Every certification or licence named in `span` by its shape (module docstring), left to right."""
    text = span.text
    out: list[tuple[Span, str]] = []
    for m in _KEYWORD.finditer(text):
        out.extend(_names_before(span, m))
    certified = "ertified" in text
    leveled = any(level in text for level in _LEVEL_NEEDLES)
    for rx in (_ISSUER_CERTIFIED, _ISSUER_LEVEL, _CERTIFIED):
        if not (leveled if rx is _ISSUER_LEVEL else certified):
            continue  # cheap checks first: each pattern needs its word
        for m in rx.finditer(text):
            piece = span.sub(m.start(), m.end())
            if (glued := _GLUED.search(piece.text)) is not None:  # "Certified Quality AuditorASQ ..."
                piece = piece.sub(0, glued.end() - 1)
            words = piece.text.split()
            if rx is _CERTIFIED and not _certified_name(words):
                continue  # "Certified Great Place To Work" is an award, not a certification
            out.append((piece, piece.text))
    for m in _LICENSED.finditer(text) if "icensed" in text else ():  # "be a licensed practical nurse"
        last = m.group("role").split()[-1]
        if role_noun(last) == last.lower():
            piece = span.sub(*m.span("name"))
            out.append((piece, piece.text))
    for m in _BAR.finditer(text) if "bar" in text or "Bar" in text else ():
        out.append((span.sub(m.start(), m.end()), "Bar admission"))
    return _without_overlaps(out)


def _certified_name(words: list[str]) -> bool:
    """"Certified ..." names a certification when it ends in a role, a level or an abbreviation."""
    last = words[-1].strip("()")
    if (noun := role_noun(last)) is not None:
        return noun == last.lower()  # "Certified Welding Inspector"; "certified welders" are people
    return last in _LEVEL_WORDS or bool(_ABBREVIATION.fullmatch(last))


def list_item_name(span: Span) -> tuple[Span, str] | None:
    """A short line naming one certification in a list ("ASME Section IX:", "- CWI"), or None."""
    text = span.text.rstrip(":").strip()
    words = text.split()
    if not 1 <= len(words) <= 6 or text.endswith((".", "?")) or not _looks_like_name(words):
        return None
    piece = span.sub(0, len(text))
    return piece, piece.text


# A line opening a list of certifications: "... may need certifications such as:", "Key licences include:".
# The certification word is the last noun before "such as": "... regulated by organizations such as:" opens
# a list of organizations.
_LIST_LEAD = LazyPattern(r"\b(?:certifications?|licen[cs]es|credentials)(?:\s+[a-z]+){0,2}?\s*(?:such as|include|"
                         r"including|like|are)?\s*:\s*$", re.I)


def opens_list(text: str) -> bool:
    return bool(text.endswith(":") and _LIST_LEAD.search(text[-120:]))


def _names_before(span: Span, keyword: re.Match[str]) -> list[tuple[Span, str]]:
    """The names right before a "certification" word: "EMT-Basic, Advanced EMT, or Paramedic certification"."""
    text = span.text
    tokens = list(_NAME_TOKEN.finditer(text, max(0, keyword.start() - 120), keyword.start()))
    first = len(tokens)
    while first > 0 and len(tokens) - first < 10:
        word = tokens[first - 1].group()
        if (word.lower() in _LEFT_STOP and word.lower() not in ("and", "or")) or _KEYWORD.fullmatch(word):
            break  # (another certification word ends the name before: "X Certificate OR Y Certificate")
        if word[-1:] in ".;:!?" and len(word) > 1 and not word[:-1].isupper():
            break  # the end of the sentence before
        if _GLUED.search(word):
            break  # two list items run together: the name starts after them
        first -= 1
    if first == len(tokens):
        return []
    start, end = tokens[first].start(), tokens[-1].end()
    phrase = text[start:end].strip(" ,")
    plural = keyword.group().lower().endswith("s") and not keyword.group().lower().endswith("ss")
    licence = keyword.group().lower().startswith("licen")
    out = []
    pos = start
    for piece in _SPLIT.split(phrase):
        offset = text.find(piece, pos, end) if piece else -1
        if offset < 0:
            continue
        pos = offset + len(piece)
        words = piece.split()
        while words and (words[0].lower() in _QUALIFIERS or words[0].lower() in ("or", "and")):  # "key AWS"
            words = words[1:]
        if words and words[0] != piece.split()[0]:
            offset = text.find(words[0], offset)
            piece = text[offset:pos]
        if not words or not _looks_like_name(words) or _DEGREE.search(piece):
            continue  # (a degree is no certification: "a PhD or research credentials")
        if plural and len(words) == 1 and words[0].isupper():
            continue  # "AWS certifications": an issuer's family, not one certification
        if licence and (_NOT_LICENCES.search(piece) or not _names_trade(words)):
            continue  # a driver's licence, a software licence
        named = span.sub(offset, offset + len(piece))
        out.append((named, named.text))
    return out


def _looks_like_name(words: list[str]) -> bool:
    """A name with what only a certification's name has: an abbreviation, a figure, a role noun or a
    level ("ISO 9606-1", "Advanced EMT", "emergency medical technician (EMT)", "Solutions Architect
    Expert"); not a qualifier ("relevant", "AI-specific") or a field of study ("Data Science", "Finance")."""
    if all(w.lower().strip("(),") in _QUALIFIERS or _QUALIFYING_SUFFIX.search(w) for w in words):
        return False
    return any(_ABBREVIATION.search(w) or any(ch.isdigit() for ch in w) or role_noun(w.strip("(),")) is not None
               or w.strip("(),") in _LEVEL_WORDS for w in words)


_ABBREVIATION = LazyPattern(r"[A-Z][A-Z0-9+]+|^[A-Z][a-z]?[A-Z]")  # "EMT", "CCNA-Security", "PgMP"
_LEVEL_WORDS = frozenset("Professional Associate Expert Specialty Specialist Practitioner Fundamentals Foundation "
                         "Master Certified".split())
# Words run together where a page lost its line breaks ("relevantRelevant", "required.Additional").
# (a brand's own capital, "DevNet", "PowerShell", follows a short run of small letters)
_GLUED = LazyPattern(r"[a-z]{5}[.]?[A-Z]|[a-z][.][A-Z]")


def _names_trade(words: list[str]) -> bool:
    """A licence names a trade or profession: a role noun, or an abbreviation ("RN", "CPA")."""
    return any(role_noun(w.strip("()")) is not None or (w.strip("()").isupper() and 2 <= len(w.strip("()")) <= 5)
               or w.lower() in ("journeyman", "journeyperson", "nursing", "teaching", "electrical", "plumbing")
               for w in words)


def _without_overlaps(found: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The longest of overlapping names, in page order."""
    kept: list[tuple[Span, str]] = []
    for span, name in sorted(found, key=lambda f: (f[0].start, -(f[0].end - f[0].start))):
        if kept and span.start < kept[-1][0].end:
            continue
        kept.append((span, name))
    return kept
