"""posting_facts: more of the ways a posting places its job: "based at our Tucson, AZ office", "a position in our
Omaha, NE office", "join our Boise, Idaho based team", "live within 30 miles of Reno, NV", a site "located in
downtown Fresno", a list of the job's places on the line after its cue, a location field after a comma in a line of
fields, a remote scope written with dots ("U.S. only"); a head office stays no place of the job. And more
sentences that state the job's type ("searching for a Full-Time ...", "a remote contract role", "the role is for
part-time hours only"). Pages written for these tests; each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_facts import facts


def places(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "location"]


def posting(sentence: str) -> str:
    return f"Payroll Analyst\n\nAbout the role\nYou will run the payroll for three hundred staff.\n{sentence}\n\n" \
           "Requirements\n- Three years of payroll work\n"


OUR_OFFICE = {
    "You are to be based at our Tucson, AZ office.": ("Tucson, AZ", "Tucson", "US-AZ"),
    "You will hold a position in our Omaha, NE office.": ("Omaha, NE", "Omaha", "US-NE"),
    "The job is based in our Boise, ID office.": ("Boise, ID", "Boise", "US-ID"),
    "We would love you to join our Boise, Idaho based team.": ("Boise, Idaho", "Boise", "US-ID"),
    "Candidates must live within 30 miles of Reno, NV.": ("Reno, NV", "Reno", "US-NV"),
    "You must reside in or near Tucson, AZ.": ("Tucson, AZ", "Tucson", "US-AZ"),
}


def test_the_job_placed_in_our_office_or_team_of_a_place():
    for sentence, (text, city, region) in OUR_OFFICE.items():
        assert places(posting(sentence)) == [("location", text, city, region, "US", None, text)], sentence
    # Living far from a place says the job may be worked away from it.
    assert places(posting("Remote work is possible for staff who live over 50 miles away from Boise, ID.")) == []


def test_a_site_in_downtown_places_the_job_and_a_head_office_does_not():
    assert places(posting("We are a small accounting firm located in downtown Fresno, California.")) == [
        ("location", "Fresno, California", "Fresno", "US-CA", "US", None, "Fresno, California")]
    assert places(posting("Our headquarters is located in downtown Fresno, California.")) == []


LIST_ON_NEXT_LINE = """Payroll Analyst

About the role
You will run the payroll for three hundred staff.
We run plants at the following locations:
Reno, NV Boise, ID Provo, UT

Requirements
- Three years of payroll work
"""

FIELD_AFTER_COMMA = """Payroll Analyst

About the role
You will run the payroll for three hundred staff.

Posted by a job board. Keywords: Payroll Analyst, Location: Fresno, CA - 93721
"""

DOTTED_SCOPE = """Payroll Analyst

Location: Remote (U.S. only)

About the role
You will run the payroll for three hundred staff.
"""


def test_a_list_on_the_next_line_a_field_after_a_comma_and_a_dotted_scope():
    assert [row[1] for row in places(LIST_ON_NEXT_LINE)] == ["Reno, NV", "Boise, ID", "Provo, UT"]
    assert places(FIELD_AFTER_COMMA) == [("location", "Fresno, CA", "Fresno", "US-CA", "US", None, "Fresno, CA")]
    assert places(DOTTED_SCOPE) == [
        ("location", "Remote (U.S. only)", None, None, "US", None, "Remote (U.S. only)")]
    assert [row for row in facts(DOTTED_SCOPE) if row[0] == "work_arrangement"] == [
        ("work_arrangement", "remote", None, None, None, "US", "Remote (U.S. only)")]


TYPE_SENTENCES = {
    "Harbor Print is searching for a Full-Time Press Operator for our second shift.": ("full_time", "Full-Time"),
    "Our studio is seeking to hire a new part-time bookkeeper for the spring.": ("part_time", "part-time"),
    "This is a remote contract role for an accounts analyst.": ("contract", "contract"),
    "Note that the role is for part-time hours only.": ("part_time", "part-time"),
}


def test_more_sentences_that_state_the_jobs_type():
    for sentence, (code, text) in TYPE_SENTENCES.items():
        rows = [row for row in facts(posting(sentence)) if row[0] == "employment_type"]
        assert rows[0] == ("employment_type", code, None, None, None, None, text), sentence
    # A contract that is a thing, not the job's terms, stays unread.
    page = posting("You will support a remote contract signing tool used by our landlords.")
    assert [row for row in facts(page) if row[0] == "employment_type"] == []
