"""posting_facts on the shapes job boards and employers state their facts in, each on a page written for
these tests: company headings glued to their text, a company named in a role sentence ("As a ... at Acme"),
a heading over a line that is only a name, short forms, a title naming its employer, a page the parser files
as a generic page though the employer speaks to an applicant, and an agency's page (no employer).
Each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from roledata.extract.document import process_document
from tests.unit.extract.test_posting_facts import facts


def employer(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "employer"]


GLUED_ABOUT = """Marketing Coordinator

About Fernhill Homes:Fernhill Homes builds small apartment blocks in mid-sized towns and manages them itself.

About the role
- Plan the quarterly newsletter and the leasing-season campaigns

Benefits
- Medical and dental cover
"""


def test_a_company_heading_glued_to_its_first_sentence():
    assert employer(GLUED_ABOUT) == [("employer", "Fernhill Homes", None, None, None, None, "Fernhill Homes")]


WHY_JOIN = """Principal Systems Engineer

Why Join Lanternfish Health?We build scheduling tools for rural clinics, and our engineers visit them.

About the role
- Own the system requirements for the booking platform

Benefits
- A clinic visit every quarter
"""


def test_a_why_join_heading_glued_to_the_text_after_its_question_mark():
    assert employer(WHY_JOIN) == [
        ("employer", "Lanternfish Health", None, None, None, None, "Lanternfish Health")]


NAMED_AGAIN = """Game Engineer

About Quarry Hill StudioQuarry Hill Studio makes cooperative puzzle games for phones and consoles.

What you'll do
- Build gameplay systems in C++
"""


def test_about_heading_glued_to_a_sentence_that_names_the_company_again():
    assert employer(NAMED_AGAIN) == [
        ("employer", "Quarry Hill Studio", None, None, None, None, "Quarry Hill Studio")]


PLURAL_ROLE = """Project Architect

Company Description
Quarry Hill Architects, P.A. designs schools and libraries across the Southwest.

Role Description
You will lead design development on two school projects.
"""


def test_a_company_named_after_its_people_in_the_plural_is_a_company():
    # "Architects" ends the name: a company of architects, not the role of an architect.
    assert employer(PLURAL_ROLE) == [
        ("employer", "Quarry Hill Architects, P.A", None, None, None, None, "Quarry Hill Architects, P.A")]


AS_AT = """Route Planner

About the role
As a Route Planner at Tidewell Freight, you will plan next-day delivery routes for forty trucks.
As an employee of Tidewell Freight, you will also join the safety committee.

What we offer
- A company pension
"""


def test_a_role_sentence_names_the_employer_after_at():
    assert employer(AS_AT) == [("employer", "Tidewell Freight", None, None, None, None, "Tidewell Freight")]


JOIN_POSSESSIVE = """Risk Analyst

About the role
We want a Risk Analyst to join Penny Lark's credit risk team in a fast-growing lending business.

What we offer
- A learning budget
"""


def test_joining_a_companys_team_names_the_company():
    assert employer(JOIN_POSSESSIVE) == [("employer", "Penny Lark", None, None, None, None, "Penny Lark")]


WORKING_FOR = """Data Engineer

Working for Osprey Mutual (OM), a member-owned insurer, means building tools our members rely on.

About the role
- Keep the claims pipelines healthy

Benefits
- A member discount
"""


def test_working_for_a_company_names_it():
    assert employer(WORKING_FOR) == [("employer", "Osprey Mutual", None, None, None, None, "Osprey Mutual")]


NAME_UNDER_HEADING = """AI Engineer

About the role
- Fine-tune language models for document review

Benefits
- Remote Fridays

About the Company:
Birchgate Labs

Company Size:
100 to 499 employees
"""


def test_a_company_heading_over_a_line_that_is_only_a_name():
    assert employer(NAME_UNDER_HEADING) == [("employer", "Birchgate Labs", None, None, None, None, "Birchgate Labs")]


URL_AFTER_NAME = """Principal MLOps Engineer

Who we are:

Kestrel (kestrel-systems.example) is a defense software company that builds data platforms.

About the role:
You will run the model deployment pipeline Kestrel ships to its customers.
"""


def test_a_company_section_opening_with_a_bracket_after_the_name():
    assert employer(URL_AFTER_NAME) == [("employer", "Kestrel", None, None, None, None, "Kestrel")]


SHORT_FORM = """Associate Attorney

Riverbend Legal Advocates, PLLC (RLA) is a family-law firm in Spokane that has represented parents for thirty years.

RLA is hiring an associate attorney. RLA is an equal opportunity employer.
"""


def test_a_short_form_counts_for_the_full_name_it_stands_for():
    # "RLA" is named three times, the full name once: the full name is kept, with the short form's weight.
    assert employer(SHORT_FORM) == [
        ("employer", "Riverbend Legal Advocates, PLLC", None, None, None, None, "Riverbend Legal Advocates, PLLC")]


TITLE_AT = """Software Engineer Intern at Maple Circuit Ohio

About the role
You will build test tooling for our battery controllers during a twelve-week summer internship.

Benefits
- Housing stipend
"""


def test_a_title_naming_its_employer_after_at_without_the_place_after_it():
    assert employer(TITLE_AT) == [("employer", "Maple Circuit", None, None, None, None, "Maple Circuit")]


GENERIC_VOICE = """Staff Accountant

Harrow & Finch Supply is seeking a Staff Accountant to close the books each month and prepare reconciliations.
The role is based in Twinsburg, OH.
"""


def test_a_page_filed_as_generic_is_read_as_a_posting_when_the_employer_speaks_to_applicants():
    assert process_document("page.txt", GENERIC_VOICE.encode()).document["source_format"] == "generic"
    assert facts(GENERIC_VOICE) == [
        ("title", "Staff Accountant", None, None, None, None, "Staff Accountant"),
        ("employer", "Harrow & Finch Supply", None, None, None, None, "Harrow & Finch Supply"),
        ("location", "Twinsburg, OH", "Twinsburg", "US-OH", "US", None, "Twinsburg, OH"),
    ]


AGENCY_VOICE = """Data Scientist (Contract)

Our client, a hospital network, is looking for a Data Scientist for a six-month engagement.
Keystone Talent Partners is an equal opportunity employer and places contractors nationwide.
"""


def test_an_agencys_own_voice_does_not_name_the_clients_employer():
    assert employer(AGENCY_VOICE) == []
