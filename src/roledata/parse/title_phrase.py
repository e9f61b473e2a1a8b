"""A title as a role's name: the role phrase inside a heading, a question or a sentence.

Pages wrap their role in words about it: "Career Definition of a Paralegal",
"Why consider a career as a Machine Learning Engineer", "The Average Video
Game Programmer's Salary", "Top-paying states for data scientists",
"The Big Picture: German Software Engineer", "Machine Learning Engineer in
Australia". The role's name is the phrase that ends in the role noun and
starts after the last word that cannot belong to a name (a preposition,
an article, a verb, a colon), without the statistic ("Average"), the
nationality ("German") or the place ("in Australia") around it.

A role named in running text is often plural ("data scientists earn ...");
its title is singular ("Data Scientist"). Every result is a sub-span of the
text it was read from, so provenance holds: a plural whose singular is not a
prefix of it ("secretaries") stays as written.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from roledata.text import LazyPattern, Span

NounOf = Callable[[str], "str | None"]  # a written word -> the singular role noun it is, or None

# Words that end what comes before a role's name: the name starts after the last of them.
BEFORE_NAME = frozenset("""a an the for as of to become becoming is are was be what who how why when where do does
    did can could should would will in on at about into with by from than consider considering choose choosing
    hire hiring hired definition guide most many some all few other every each both such these those our their
    your""".split())
# Words that wrap a name only as a phrase's first word ("Understanding Software Developer Salaries"; not
# "Natural Language Understanding Engineer").
OPENING = frozenset("understanding exploring inside meet introducing".split())
# Words that start a phrase but name no part of a role: a statistic, a ranking, a nationality or an organisation.
NOT_NAME = frozenset("""average median typical mean top best highest lowest highest-paid top-paying best-paying
    highest-paying salary salaries pay wage wages german british english scottish welsh irish french dutch spanish
    italian swiss austrian swedish norwegian danish finnish polish australian canadian american indian chinese
    japanese korean singaporean emirati saudi mexican brazilian nigerian kenyan south african new zealand us u.s.
    usa uk eu nhs newly recently qualified""".split())
# Heads that take their field after "of": "Head of AI", "Director of Engineering".
_HEADS_BEFORE_OF = frozenset({"head", "director", "vp", "president", "manager", "chief", "lead", "officer"})
_TOKEN = LazyPattern(r"\([^)]*\)|[^\s()]+")
_PLACE = LazyPattern(r"\s+in\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
_POSSESSIVE = LazyPattern(r"['’]s?$")


def role_phrase(span: Span, noun_of: NounOf) -> Span:
    """The role's name inside `span`, whose last word (levels aside) is a role noun (`noun_of`);
    `span` itself when nothing wraps the name."""
    text = span.text
    end = len(text)
    if (place := _PLACE.search(text)) and noun_of(_last_word(text[:place.start()])):
        end = place.start()  # "Machine Learning Engineer in Australia"
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, 0, end)]
    if not tokens:
        return span
    last = len(tokens) - 1
    while last > 0 and (tokens[last][2].startswith("(") or re.fullmatch(r"[IVX]{1,4}|[1-9]", tokens[last][2])):
        last -= 1  # a level or an abbreviation after the head: "Engineer II", "Engineer (NLP)"
    if not noun_of(_POSSESSIVE.sub("", tokens[last][2])):
        return span
    first = last
    while first > 0:
        word = tokens[first - 1][2]
        low = word.lower().strip(",.;!?\"“”")
        if word.endswith((":", "|", ",")) or word in ("-", "–", "—", "|", "·") or low in BEFORE_NAME:
            if low == "of" and first >= 2 and tokens[first - 2][2].lower() in _HEADS_BEFORE_OF:
                first -= 2  # "Head of Data Engineer" keeps its head
                continue
            break
        first -= 1
    if first == 0 and first < last and tokens[0][2].lower() in OPENING:
        first = 1
    while first < last and tokens[first][2].lower().strip(",.:") in NOT_NAME:
        first += 1
    start, stop = tokens[first][0], tokens[-1][1]
    name = text[start:stop]
    stop -= len(name) - len(_POSSESSIVE.sub("", name))  # "Programmer's" -> "Programmer"
    return span.sub(start, stop)


def without_place(span: Span, noun_of: NounOf) -> Span:
    """`span` without a place after its role noun: "Crane Operator in Norway" -> "Crane Operator"."""
    if " in " in span.text and (place := _PLACE.search(span.text)) and noun_of(_last_word(span.text[:place.start()])):
        return span.sub(0, place.start())
    return span


def _last_word(text: str) -> str:
    words = text.split()
    return _POSSESSIVE.sub("", words[-1]) if words else ""


def singular(span: Span, noun_of: NounOf) -> Span:
    """"Data Scientists" -> "Data Scientist" (a sub-span: the singular must be a prefix of the plural,
    so "Secretaries" stays as written); a phrase of two roles ("Chefs and Head Cooks") is left whole."""
    text = span.text
    words = text.split()
    if not words or re.search(r"\s(?:and|&|or)\s", text):
        return span
    last = words[-1]
    noun = noun_of(last)
    if noun is None or noun == last.lower():
        return span  # no role noun, or already singular
    for cut in (1, 2):  # "Analysts" -> "Analyst", "Coaches" -> "Coach"
        if last[:-cut].lower() == noun:
            return span.sub(0, len(text) - cut)
    return span
