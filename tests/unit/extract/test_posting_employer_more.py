"""posting_facts: more of the sentences an employer names itself in ("X is in search of", "X has a direct-hire
opening", "X’s mission is", "It is the policy of X to provide equal employment opportunity", names such as
"The University of X"), a text whose title the parser found inside its opening paragraph, and headings
that name no employer ("Why You'll Enjoy Working Here") or are glued to the name ("The OrganizationX is").
Pages written for these tests; each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_facts import facts


def employer(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "employer"]


def posting(title: str, opening: str) -> str:
    return f"{title}\n\n{opening}\n\nAbout the role\nYou will install and service signs for shops and offices across " \
           "the county.\n\nRequirements\n- A driving licence\n"


HIRING = {
    "Marlow Signworks is in search of a Sign Installer who enjoys working at height.": "Marlow Signworks",
    "Marlow Signworks is on the hunt for sign installers who enjoy working at height.": "Marlow Signworks",
    "Teal Ridge Dental has a direct-hire opening for a Payroll Lead in our main office.": "Teal Ridge Dental",
    "Brightwater Clinics has a 26-week contract opportunity for a travel nurse.": "Brightwater Clinics",
}


def test_more_ways_an_employer_says_it_is_hiring():
    for sentence, name in HIRING.items():
        assert employer(posting("Sign Installer", sentence)) == [
            ("employer", name, None, None, None, None, name)], sentence


POSSESSIVE = """Payroll Clerk

About the Company
Brindle Harbor’s mission is to feed every school in the county with food grown nearby.

About the role
You will run the weekly payroll.
"""


def test_a_company_section_that_opens_with_the_companys_aim():
    assert employer(POSSESSIVE) == [("employer", "Brindle Harbor", None, None, None, None, "Brindle Harbor")]


TITLE_IN_PARAGRAPH = """Harrow Lane Cycles is a bicycle shop in a mountain town, and we have served its riders for twenty years. We are looking for a skilled bicycle mechanic to run our service bench and train two apprentices.

Requirements
- Three years as a bicycle mechanic
"""


def test_the_paragraph_the_title_was_found_in_opens_the_description():
    # No title line: the parser finds the role inside the first paragraph, which is still the company's opening.
    assert employer(TITLE_IN_PARAGRAPH) == [
        ("employer", "Harrow Lane Cycles", None, None, None, None, "Harrow Lane Cycles")]


YOU_LL = """Leasing Specialist

Ferncastle Homes is seeking a Leasing Specialist for its leasing office.

About the role
You will show homes and sign leases.

Why You'll Enjoy Working Here
- Paid holidays
"""

GLUED_ORGANIZATION = """Volunteer Coordinator

The OrganizationHalden Trust is a charity that restores old mills and opens them to the public. We are seeking a Volunteer Coordinator to run our weekend programme.

About the role
You will install and service signs for shops and offices across the county.
"""


def test_headings_that_name_no_employer_or_are_glued_to_its_name():
    assert employer(YOU_LL) == [("employer", "Ferncastle Homes", None, None, None, None, "Ferncastle Homes")]
    assert employer(GLUED_ORGANIZATION) == [("employer", "Halden Trust", None, None, None, None, "Halden Trust")]


POLICY = """Research Data Engineer

About the role
You will build the pipelines that carry trial data to our analysts.

Equal Opportunity
It is the policy of The Northfield Institute of Marine Health Sciences to afford equal employment opportunity to every applicant.
"""

OF_NAME = """Research Data Engineer

Company Description
The University of Northfield is a public research university on the coast.

About the role
You will build the pipelines that carry trial data to our analysts.
"""


def test_an_equal_opportunity_policy_and_a_the_name_with_of_inside():
    name = "The Northfield Institute of Marine Health Sciences"
    assert employer(POLICY) == [("employer", name, None, None, None, None, name)]
    assert employer(OF_NAME) == [
        ("employer", "The University of Northfield", None, None, None, None, "The University of Northfield")]
    # "The" and a generic word stay no name.
    assert employer(OF_NAME.replace("The University of Northfield is", "The Team of Northfield is")) == []
