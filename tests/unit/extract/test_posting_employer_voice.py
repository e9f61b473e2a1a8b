"""posting_facts: more places a posting names its employer. A copyright line ("© 2025 Fernwood Kitchens. All
rights reserved."), an agency's sign-off ("This position, like our others, is available through Quarry Lane
Staffing."), a company heading glued into a run-on line before the company's opening sentence ("... About us:
Tallgrass Logistics is a ..."), an opening sentence with more verbs ("Tallgrass Logistics connects ..."),
"About X, Inc." glued to the next sentence, and "If so, X is ready to hire you". Pages written for these tests;
each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_employer_more import employer, posting


def one(name: str, text: str | None = None) -> list[tuple]:
    return [("employer", name, None, None, None, None, text or name)]


COPYRIGHT = """Line Cook

About the role
You will prepare the lunch menu and keep the cold room in order.

Requirements
- Two years in a busy kitchen

© 2025 Fernwood Kitchens. All rights reserved.
"""

COPYRIGHT_RANGE = """Line Cook

About the role
You will prepare the lunch menu and keep the cold room in order.

Requirements
- Two years in a busy kitchen

Copyright © 2019-2025 Fernwood Kitchens, Inc. All rights reserved.
"""


def test_a_copyright_line_names_the_employer():
    assert employer(COPYRIGHT) == one("Fernwood Kitchens")
    assert employer(COPYRIGHT_RANGE) == one("Fernwood Kitchens, Inc")


SIGN_OFF = """Payroll Specialist

Job Type: Temporary
Location: Dayton, OH

Responsibilities
- Process the weekly payroll for three hundred hourly staff
- Answer their questions about pay slips

Requirements
- Two years of payroll work

This position, like our others, is available through Quarry Lane Staffing. Visit our site to see the others.
"""


def test_an_agencys_sign_off_names_the_agency():
    assert employer(SIGN_OFF) == one("Quarry Lane Staffing")


RUN_ON = """Dispatch Coordinator

Requirements
- Three years of dispatch work

About the role
You will plan the routes of twelve trucks and answer drivers' calls. Safety comes first here. About us: \
Tallgrass Logistics is a freight company that moves grain across four states.
"""


def test_a_company_heading_inside_a_run_on_line_opens_the_company_sentence():
    assert employer(RUN_ON) == one("Tallgrass Logistics")


OPENINGS = {  # (title, opening paragraph) -> the employer's row text
    ("Dispatch Coordinator", "Company OverviewTallgrass Logistics connects grain farmers with buyers across four "
                             "states."): "Tallgrass Logistics",  # more verbs open a company section
    ("Dispatch Coordinator", "About Tallgrass Logistics, Inc.Founded in 1998, we move grain across four "
                             "states."): "Tallgrass Logistics, Inc",  # an About heading glued after a legal ending
    ("Dental Receptionist", "Do you enjoy a busy front desk? If so, Harbor Lane Dental is ready to hire "
                            "you."): "Harbor Lane Dental",  # ready to hire, after a linking phrase
}


def test_more_openings_name_the_employer():
    for (title, opening), name in OPENINGS.items():
        assert employer(posting(title, opening)) == one(name), opening


def test_a_copyright_sign_without_a_name_after_it_names_nobody():
    page = posting("Line Cook", "Menu photos © 2025, used with permission.")
    assert employer(page) == []
