"""The shortcuts that keep posting_facts cheap hold to the patterns they stand in for.

Labels are looked for only after a word a label ends with (`posting_cues.LABEL_LAST_WORDS`); sentence cues
run only on sentences holding their trigger (`posting_cues.*_TRIGGER`); `place_cues.JOB_PLACE` is tried where its
folded twin matches. Each shortcut must never hide a match, so these tests derive what the patterns can
match and check the shortcut lets it through.
"""
from __future__ import annotations

import itertools
import re
from re import _parser as sre_parse  # the pattern parser: the label patterns are finite languages

import pytest

from roledata.extract import place_cues
from roledata.extract import posting_cues as cues
from roledata.extract import posting_sentences
from roledata.extract.posting_labels import _label_matches, _labels_in, _label_windows
from roledata.text import Span, fold, sentence_spans


def _language(parsed) -> list[str]:
    """Every string a pattern of literals, classes of white space, groups, alternatives and optional parts
    matches, white space written as one space (the label patterns are such)."""
    out = [""]
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            options = [chr(av)]
        elif name == "IN":
            options = [" "] if any(str(o) == "CATEGORY" for o, _ in av) else [chr(av[0][1])]
        elif name == "SUBPATTERN":
            options = _language(av[3])
        elif name == "BRANCH":
            options = [s for alternative in av[1] for s in _language(alternative)]
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, item = av
            inner = _language(item)
            options = ([""] if low == 0 else []) + (inner if high >= 1 else [])
        else:
            raise AssertionError(f"unexpected {name} in a label pattern")
        out = [a + b for a, b in itertools.product(out, options)]
    return out


@pytest.mark.parametrize("fact,pattern", cues.LABELS)
def test_every_label_ends_with_a_listed_last_word(fact: str, pattern: str) -> None:
    labels = _language(sre_parse.parse(pattern))
    assert labels
    for label in labels:
        words = label.split()
        assert words[-1].endswith(cues.LABEL_LAST_WORDS) or (len(words) > 1 and words[-1] in cues.LABEL_AFTER_SPACE), \
            (fact, label)


def test_labels_found_in_windows_are_the_labels_a_full_scan_finds() -> None:
    lines = ["Job Location: Austin, TX  Employment Type - Full-time",
             "Senior ElectricianCompany: Brightwire ElectricLocation: San DiegoJob Type: Contract",
             "Location    :   Remote (US)", "We are hiring - Seattle, WA. Status: open until filled",
             "Responsibilities: design pipelines; full-time on-site role", "Type of employment:Part-time"]
    for line in lines:
        windows = _label_windows(line)
        for label in (cues.LABEL, cues.GLUED_LABEL):
            assert [m.span() for m in _labels_in(line, windows, label)] == [m.span() for m in label.finditer(line)]
    # Glued labels, and "Type:" after a space on a line of fields (the value readers take the first).
    found = [(m.group().strip(), m.start()) for m in _label_matches(Span(0, len(lines[1]), lines[1]))]
    assert found == [("Company:", 18), ("Location:", 46), ("Job Type:", 65), ("Type:", 69)]


def test_each_trigger_lets_through_what_its_cue_matches() -> None:
    sentences = {
        posting_sentences.JOB_PLACE: ["This role is based in Denver, CO.", "You will be working from our office in Reno.",
                                      "Candidates local to Tulsa are preferred.", "Join our data team in Boise.",
                                      "You are to be based at our Reno office.", "A position in our Omaha, NE office.",
                                      "Join our Boise, Idaho based team.", "You must live within 30 miles of Reno.",
                                      "Candidates reside in or near Provo.",
                                      "Remote only if living more than 40 miles from Provo, UT.",
                                      "The job is to be in Ogden.", "This opportunity will be in Logan, UT.",
                                      "We are hiring regionally in the Boise area.", "We are hiring locally in Mesa.",
                                      "Only applicants who live in Ogden will be considered."],
        posting_sentences.ARRANGEMENT: ["This is a fully remote position.", "Work is hybrid, three days on-site.",
                                        "The role is not remote."],
        posting_sentences.TERMS: ["This is a contract-to-hire role.", "It will be a part-time, remote job."],
        posting_sentences.EMPLOYMENT: ["This is a full time position.", "It is a paid internship.",
                                       "A 6-month assignment."],
        posting_sentences.HIRING: ["Quillstone Labs has an immediate opening for a tester.",
                                   "Quillstone Labs is looking for an analyst.",
                                   "Quillstone Labs is in search of a tester.", "Quillstone Labs is on the hunt for a tester.",
                                   "Quillstone Labs has a direct-hire opening for a tester."],
    }
    cue = {posting_sentences.JOB_PLACE: place_cues.JOB_PLACE, posting_sentences.ARRANGEMENT: cues.ARRANGEMENT_SENTENCE,
           posting_sentences.TERMS: cues.TERMS_SENTENCE, posting_sentences.EMPLOYMENT: cues.EMPLOYMENT_SENTENCE,
           posting_sentences.HIRING: cues.EMPLOYER_HIRING}
    for bit, texts in sentences.items():
        for text in texts:
            assert cue[bit].search(text) or bit == posting_sentences.ARRANGEMENT and cues.NOT_REMOTE.search(text), text
            marks = posting_sentences._cues_of(text, [Span(0, len(text), text)])
            assert marks.get(0, 0) & bit, text


def test_job_place_folded_finds_what_job_place_finds() -> None:
    text = ("The position will be based in Omaha, NE; you will work at our Lincoln office in Lincoln. "
            "LOCATED IN Provo. Located at 12 Elm St. This role for a Welder located in Mesa, AZ. "
            "To be based at our Ogden, UT office; a position in our Provo office; join our Logan, UT based team.")
    assert [m.span() for m in posting_sentences._matches(
        place_cues.JOB_PLACE, posting_sentences._JOB_PLACE_FOLDED, text, fold(text))] == \
        [m.span() for m in place_cues.JOB_PLACE.finditer(text)]
    assert re.search("located", fold(text))


def test_twins_of_cues_match_wherever_their_cue_does():
    """A twin runs without re.I on the folded text: it must hold no capital of its own (a capital would match
    nothing there), so it matches wherever its cue matches the text."""
    twins = {name: getattr(posting_sentences, name) for name in dir(posting_sentences) if name.endswith("_FOLDED")}
    assert set(twins) == {"_JOB_PLACE_FOLDED", "_POSTED_FOLDED", "_CLOSING_FOLDED", "_EMPLOYMENT_FOLDED",
                          "_ARRANGEMENT_FOLDED", "_NOT_REMOTE_FOLDED", "_TERMS_FOLDED"}
    for name, twin in twins.items():
        literal = re.sub(r"\\[A-Za-z]|\(\?P<\w+>|\(\?[-a-zA-Z]*:|\[\^?[^\]]*\]", "", twin.pattern)
        assert not re.search("[A-Z]", literal), name
        assert not twin.flags & re.I, name
    sentences = ["This is a full-time, remote position based in Boise, ID.",
                 "Role DescriptionThis is a contract 1099 on-site role for a Welder.",
                 "The role is not remote; applications close on May 1, 2026 and it was posted on 2026-04-01.",
                 "Full-time and part-time positions availableDriving licence needed. Part-time: 20 hours a week."]
    pairs = [(place_cues.JOB_PLACE, "_JOB_PLACE_FOLDED"), (cues.EMPLOYMENT_SENTENCE, "_EMPLOYMENT_FOLDED"),
             (cues.ARRANGEMENT_SENTENCE, "_ARRANGEMENT_FOLDED"), (cues.NOT_REMOTE, "_NOT_REMOTE_FOLDED"),
             (cues.TERMS_SENTENCE, "_TERMS_FOLDED"), (cues.POSTED_SENTENCE, "_POSTED_FOLDED"),
             (cues.CLOSING_SENTENCE, "_CLOSING_FOLDED")]
    for text in sentences:
        for cue, twin in pairs:
            assert [m.span() for m in posting_sentences._matches(cue, twins[twin], text, fold(text))] == \
                [m.span() for m in cue.finditer(text)], (twin, text)


def test_sentence_marks_from_the_whole_page_are_those_of_each_sentence():
    text = ("Acme Tools is seeking a welder. The role is based in Reno, NV. This is a full-time position.\n"
            "Our new Sparks, NV facility opens; applications close May 1, 2026. "
            "As a Welder at Acme Tools, you will join our team.\n"
            "Acme Tools is an equal opportunity employer; remote work is not offered.")
    sentences, pos = [], 0
    for line in text.split("\n"):
        sentences += sentence_spans(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    assert posting_sentences._cues_of(text, sentences) == posting_sentences._cues_by_sentence(sentences)
    marks = posting_sentences._cues_of(text, sentences)
    assert marks[sentences[0].start] & posting_sentences.HIRING
    assert marks[sentences[1].start] & posting_sentences.JOB_PLACE
    assert marks[sentences[3].start] & posting_sentences.SITE and marks[sentences[3].start] & posting_sentences.DATES
    assert marks[sentences[4].start] & posting_sentences.AS
