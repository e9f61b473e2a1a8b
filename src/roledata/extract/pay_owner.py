"""Whose pay a figure is: the page's role, or another role the page names beside it.

Career pages compare: "game producers averaged $84,127, animators $75,009";
"the median earnings of personal financial advisers were $56,680"; a
"related job titles" block of cards, each a role and its pay; a sub-section
headed by another role ("Web Designer" on a page about graphic designers).
Those figures are pay, but not of this page's role.

A role owns a figure when the sentence ties them: the role, then a word of
pay before the figure ("animators averaged $X", "testers, who reported a
salary of $X"), or a word of pay, then the role ("earnings of ... advisers
were $X"). A role is another one when its head noun (the role noun it ends
in) is none of the page's role's head nouns. Words for people in general
("workers", "professionals") and for levels of the same trade ("apprentice",
"trainee", "lead") name no other role. A sentence that ties no role to its
figure keeps the owner an earlier sentence of its paragraph tied ("The
middle 50 percent earned ..." after the advisers' median).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from roledata.parse.role_nouns import ROLE_FORMS, role_headed, role_noun
from roledata.text import LazyPattern, Span

# Role nouns that never name another role: people in general, and levels or stages of any trade.
_ANYONE = frozenset("""worker employee professional staff people person individual member practitioner expert
    apprentice trainee intern graduate fresher newcomer beginner hire lead head associate journeyman journeyperson
    owner partner founder operator agent assistant executive specialist""".split())
# Head nouns that name one trade: software is built by engineers, developers and programmers alike.
_SAME_TRADE = (frozenset({"engineer", "developer", "programmer", "coder"}),)
# A role noun right before one of these is a modifier, not a role: "physician offices", "nurse practices".
_MODIFIED = frozenset("""office offices practice practices clinic clinics firm firms school schools industry industries
    sector agency agencies hospital hospitals position positions job jobs role roles program programs level levels
    training licence license licenses licences certification certifications degree degrees magazine association
    union unions board boards shortage shortages market markets""".split())
# Level words a heading may add to the page's role without naming another ("Senior Data Scientist").
_LEVEL_WORDS = frozenset("""senior junior lead principal staff chief head entry entry-level mid mid-level
    experienced new newly qualified graduate trainee apprentice associate assistant i ii iii iv level""".split())
_WORD = LazyPattern(r"[A-Za-z][A-Za-z'’-]*")
_LETTERS = LazyPattern(r"[a-z]+")
_PAY_WORD = LazyPattern(
    r"\b(?:salar(?:y|ies)|pay|paid|wages?|earn\w*|income|compensation|make|makes|made|receiv(?:e|es|ed)|got|gets|"
    r"averag(?:e|es|ed)|reported|(?:brings?|brought|takes?|took) home|command(?:s|ed)?)\b", re.I)
# A paragraph's earlier sentence ties its role to pay only in words that mean pay and nothing else
# ("account managers received ... emails" ties nothing).
_STRONG_PAY_WORD = LazyPattern(r"\b(?:salar(?:y|ies)|wages?|earn\w*|paid|averag(?:e|es|ed))\b", re.I)
# "earnings of individuals who worked as personal financial advisers": pay, then its owner.
_PAY_OF = LazyPattern(r"\b(?:salar(?:y|ies)|pay|wages?|earnings|income|compensation)\s+(?:of|for)\b", re.I)
_DETERMINERS = frozenset("a an the each every one any this that per his her their".split())
_OWNER_REACH = 12  # words between "pay of" and its owner
_OWNER_REACH_AFTER = 8  # words between the owner and its word of pay
_SENTENCE_MARK = LazyPattern(r"[.!?;:]\s|[a-z][A-Z]")  # a sentence's end, or list items glued together
_PARAGRAPH_REACH = 400  # characters of the paragraph before the sentence


class PayOwners:
    """Decides, figure by figure, whether the pay belongs to another role than the page's."""

    def __init__(self, role_names: Sequence[str], is_posting: bool = False) -> None:
        self.is_posting = is_posting  # a posting's sub-headings name its own job ("Business Service Officer")
        self._paragraph: dict[int, str | None] = {}  # sentence start -> the owner its paragraph ties
        self._headings: dict[str, bool] = {}
        heads = {h for name in role_names if name for h in _heads(name)}
        for trade in _SAME_TRADE:
            if heads & trade:
                heads |= trade
        self.heads = frozenset(heads)
        self.names = tuple(_words(name) for name in role_names if name)

    def other_role(self, line: Span, sentence: Span, clause_start: int, figure_start: int, labelled: bool) -> bool:
        """Whether the figure at `figure_start` (document offsets) is another role's pay: the role its
        clause (from `clause_start`, the end of the figure before it) ties to it, else the one the
        sentence's earlier words tie, else (for a sentence with no label: a label naming a title is a
        segment of the page's pay, "Median salary for Director AI Engineer: $X") the one the
        paragraph's earlier sentences tie."""
        if not self.heads:
            return False  # a page titled by no role noun: nothing to tell its role from others
        doc_text = line.text
        base = line.start
        owner = (_owner(doc_text[clause_start - base:figure_start - base])
                 or _owner(doc_text[sentence.start - base:clause_start - base]))
        if owner is None and not labelled and sentence.start > base:
            if sentence.start not in self._paragraph:  # the figures of one sentence share their paragraph
                self._paragraph[sentence.start] = _owner(
                    doc_text[max(0, sentence.start - base - _PARAGRAPH_REACH):sentence.start - base], _STRONG_PAY_WORD)
            owner = self._paragraph[sentence.start]
        return owner is not None and owner not in self.heads and owner not in _ANYONE

    def other_role_heading(self, heading: str | None) -> bool:
        """Whether a sub-section's heading is only another role's title ("Web Designer" under a page
        about graphic designers); a level of the page's own role ("Senior Graphic Designer") is not."""
        if heading not in self._headings:
            self._headings[heading] = self._other_role_heading(heading)
        return self._headings[heading]

    def _other_role_heading(self, heading: str | None) -> bool:
        if (self.is_posting or not heading or not self.names or len(heading.split()) > 4 or not role_headed(heading)
                or any(ch in heading for ch in ":|–—(")):
            return False  # only a bare title: "Quick Facts: Information Security Analysts" is a card's heading
        words = _words(heading) - _LEVEL_WORDS
        return not any(words <= name | _LEVEL_WORDS for name in self.names)


def _heads(name: str) -> set[str]:
    """The role nouns a title is headed by: "Chefs and Head Cooks" -> chef, cook; "Head of AI" -> head."""
    found = {noun for w in _WORD.findall(name) if (noun := role_noun(w))}
    return found - _ANYONE or found


def _words(text: str) -> frozenset[str]:
    return frozenset((role_noun(w) or w.lower()) for w in _WORD.findall(text))


def _owner(text: str, pay_word: re.Pattern[str] = _PAY_WORD) -> str | None:
    """The head noun of the role `text` ties to the figure after it (by `pay_word` after the role,
    or a word of pay and "of" before it), or None."""
    if ROLE_FORMS.isdisjoint(_LETTERS.findall(text.lower())):
        return None  # most clauses name no role at all: one pass in C before the word by word one
    words = list(_WORD.finditer(text))
    for i in range(len(words) - 1, -1, -1):
        noun = role_noun(words[i].group())
        if noun is None:
            continue
        nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
        if nxt == "of" and noun not in ("head", "director", "vp", "president", "manager", "officer", "lead"):
            continue  # "the biggest driver of pay": a noun of something else
        if nxt in _MODIFIED:
            continue  # "those employed in physician offices": a place, not a role
        written = words[i].group().lower()
        if (written == noun and not _PAY_WORD.fullmatch(nxt)
                and not any(w.group().lower() in _DETERMINERS for w in words[max(0, i - 4):i])):
            continue  # a singular noun with no article before it modifies the next: "specialist domains"
        reach = words[min(len(words) - 1, i + _OWNER_REACH_AFTER)].end()
        if (m := pay_word.search(text, words[i].end(), reach)) and not _SENTENCE_MARK.search(text, words[i].end(), m.start()):
            return noun  # the role, then a word of pay: "animators averaged", "testers, who reported a salary of"
        start = words[max(0, i - _OWNER_REACH)].start()
        if _PAY_OF.search(text, start, words[i].start()):
            return noun  # a word of pay, then the role: "earnings of ... advisers were"
        return None  # the last role named is not tied to the figure
    return None
