"""posting_facts on the shapes job boards and employers state their facts in, each on a page written for
these tests: company headings glued to their text, a company named in a role sentence ("As a ... at Acme"),
a heading over a line that is only a name, short forms, a title naming its employer, a page the parser files
as a generic page though the employer speaks to an applicant, and an agency's page (no employer).
Each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from roledata.extract.document import process_document
from roledata.extract.places import read_places
from roledata.text import Span
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


def test_an_agency_that_does_not_name_its_client_names_itself():
    assert employer(AGENCY_VOICE) == [
        ("employer", "Keystone Talent Partners", None, None, None, None, "Keystone Talent Partners")]


def types(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "employment_type"]


PASTED_ONE_SENTENCE = (
    "Data Engineer III\n\n"
    "About the role\n"
    "A Data Engineer here:Builds batch pipelinesKeeps the warehouse tidyBrings 5 years of experience with Spark "
    "and SQLWorks with analysts every dayOffices in Seattle and Denver give every team a home base with quiet rooms "
    "and good coffee for long design sessions.Position is full time (40 hours per week) Monday through Friday.\n\n"
    "Benefits\n- Medical cover\n")


def test_a_type_in_a_pasted_run_on_sentence_is_read_far_from_other_words():
    # "experience" stands hundreds of characters away: it says nothing of "full time".
    assert types(PASTED_ONE_SENTENCE) == [
        ("employment_type", "full_time", None, None, None, None, "full time")]


STATUS_LABELS = """API Developer

About the role
You will build partner APIs.

Employee Status : Full Time Employee
Shift : Day Job
"""

SCHEDULE_ENUM = """Front End Engineer

About the role
You will build our course player.

Job: ENGINEERING
Schedule: FULL\\_TIME
"""

JOB_SCHEDULE = """Operating Room Nurse

About the role
You will care for patients before and after surgery.

Job Schedule: Full time
Job Shift: Day
"""


def test_status_and_schedule_labels_give_the_type():
    assert types(STATUS_LABELS) == [
        ("employment_type", "full_time", None, None, None, None, "Full Time")]
    assert types(SCHEDULE_ENUM) == [
        ("employment_type", "full_time", None, None, None, None, "FULL\\_TIME")]
    assert types(JOB_SCHEDULE) == [
        ("employment_type", "full_time", None, None, None, None, "Full time")]


CONTRACT_1099 = """Cash Flow Analyst

About the role
Forecasting and earned value are required. This is a contract (1099) position paid by the hour.

Benefits
- Flexible hours
"""

TEMP_TO_PERM = """Securities Specialist

About the role
This position will be a temp-to-perm role supporting the transfer desk.

Benefits
- Paid training
"""

DASHED_TERMS = """Automation Engineer

About the role
You will automate network tests.

#LI-Hybrid – Full-time office role

Benefits
- Tuition help
"""


def test_terms_with_a_bracket_a_temp_to_perm_role_and_terms_after_a_dash():
    assert types(CONTRACT_1099) == [("employment_type", "contract", None, None, None, None, "contract")]
    assert types(TEMP_TO_PERM) == [("employment_type", "temporary", None, None, None, None, "temp-to-perm")]
    assert types(DASHED_TERMS) == [("employment_type", "full_time", None, None, None, None, "Full-time")]


GLUED_TEMPLATE = """Bookkeeper

Company DescriptionWe keep the books for small clinics.
Role DescriptionThis is a part-time remote role for a Bookkeeper at Ledgerly Partners. You will close the books.
"""


def test_the_template_sentence_glued_to_its_heading():
    assert facts(GLUED_TEMPLATE) == [
        ("title", "Bookkeeper", None, None, None, None, "Bookkeeper"),
        ("employment_type", "part_time", None, None, None, None, "part-time"),
        ("work_arrangement", "remote", None, None, None, None, "remote"),
        ("employer", "Ledgerly Partners", None, None, None, None, "Ledgerly Partners"),
    ]


OTHERS_TYPE = """Support Analyst

About the role
You will answer tickets from clinic staff.

Benefits
All full-time employees are eligible for our 401(k) plan and for paid leave.
"""


def test_the_type_of_other_employees_is_not_this_jobs_type():
    assert types(OTHERS_TYPE) == []


def places(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "location"]


def arrangements(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "work_arrangement"]


LONG_PLACE_LINE = """Principal Data Engineer

Remote, US; Reno, NV; Boise, ID; Provo, UT; Fargo, ND; Tulsa, OK; Omaha, NE; Butte, MT; Casper, WY

About the role
You will run the ingestion platform.
"""


def test_a_header_line_of_places_longer_than_a_short_line():
    assert [row[1] for row in places(LONG_PLACE_LINE)] == [
        "Remote, US", "Reno, NV", "Boise, ID", "Provo, UT", "Fargo, ND", "Tulsa, OK", "Omaha, NE", "Butte, MT",
        "Casper, WY"]
    assert arrangements(LONG_PLACE_LINE) == [
        ("work_arrangement", "remote", None, None, None, "US", "Remote, US")]


BARE_LABEL = """Research Scientist

Directorate of Applied Research
Location Kettering, OH

About the role
You will study attacks on sensor networks.
"""

COMMUTE_LABEL = """Speech Therapist

About the role
You will see school-age clients.

Ability to Commute: Folsom, CA 95630 (Required)
"""

PATH_LABEL = """Client Service Associate

About the role
You will support a team of advisors.

Primary Location

Americas-United States of America-Texas-Austin
"""


def test_labels_without_a_colon_commute_labels_and_a_path_of_names():
    assert places(BARE_LABEL) == [
        ("location", "Kettering, OH", "Kettering", "US-OH", "US", None, "Kettering, OH")]
    assert places(COMMUTE_LABEL) == [("location", "Folsom, CA", "Folsom", "US-CA", "US", None, "Folsom, CA")]
    assert places(PATH_LABEL) == [
        ("location", "United States of America-Texas-Austin", "Austin", "US-TX", "US", None,
         "United States of America-Texas-Austin")]


PLACE_LIST = """AI Engineer

About the role
You may be based out of any of the following locations: Denver, Seattle, Chicago.

Benefits
- Transit pass
"""

HYBRID_IN = """Content Developer

About the role
We are looking for a Content Developer for a hybrid opportunity in Trenton, NJ! You will write course modules.

Benefits
- Dental cover
"""

PAY_BY_CITY = """Software Engineer

About the role
You will build the claims portal.

Pay range
Pittsburgh $61,000 to $150,000
New Jersey $70,000 to $170,000
"""


def test_a_list_of_the_jobs_places_a_hybrid_opportunity_in_a_place_and_pay_lines_by_city():
    assert [row[1:5] for row in places(PLACE_LIST)] == [
        ("Denver", "Denver", "US-CO", "US"), ("Seattle", "Seattle", "US-WA", "US"),
        ("Chicago", "Chicago", "US-IL", "US")]
    assert places(HYBRID_IN) == [("location", "Trenton, NJ", "Trenton", "US-NJ", "US", None, "Trenton, NJ")]
    # A state's pay line names no city: "New Jersey" is no town "New" in Jersey.
    assert places(PAY_BY_CITY) == [
        ("location", "Pittsburgh", "Pittsburgh", "US-PA", "US", None, "Pittsburgh")]


COMPANY_SITE = """Assistant Landscape Architect

Kiln Grove Design is a small landscape planning firm located in Franklin, Tennessee, twenty minutes from Nashville.

About the role
You will draft planting plans.
"""

OUR_SITE = """Occupational Therapist

About the role
We are looking for an Occupational Therapist in our new Greer, SC facility to treat outpatients.

Benefits
- Continuing education
"""

SITE_AND_JOB = """Payments Analyst

Northwind Freight is a logistics company based in Boston, MA.

About the role
This role is based in Raleigh, NC. You will reconcile carrier invoices.
"""


def test_a_companys_site_places_the_job_only_when_nothing_else_does():
    assert places(COMPANY_SITE) == [
        ("location", "Franklin, Tennessee", "Franklin", "US-TN", "US", None, "Franklin, Tennessee")]
    assert places(OUR_SITE) == [("location", "Greer, SC", "Greer", "US-SC", "US", None, "Greer, SC")]
    assert places(SITE_AND_JOB) == [("location", "Raleigh, NC", "Raleigh", "US-NC", "US", None, "Raleigh, NC")]


REMOTE_SENTENCES = {
    "We want to talk to you about the remote opportunity in the Wichita area.": ("remote", None, "remote"),
    "Open to remote candidates if the fit is right.": ("remote", None, "remote"),
    "Remote work from home is acceptable within a reasonable commuting distance of the plant.":
        ("remote", None, "Remote work"),
    "Hybrid 2 days per week in the office, the rest from home.": ("hybrid", None, "Hybrid"),
    "This role can be done from anywhere in the United States.": ("remote", "US", "from anywhere in the United States"),
}


def test_more_sentences_that_say_how_the_job_is_worked():
    for sentence, (code, scope, text) in REMOTE_SENTENCES.items():
        page = f"Project Controls Analyst\n\nAbout the role\nYou will track project costs.\n{sentence}\n\nBenefits\n- Dental\n"
        assert arrangements(page) == [("work_arrangement", code, None, None, None, scope, text)], sentence


MORE_EMPLOYER_SHAPES = {
    # A heading glued to the hiring sentence by its colon.
    "Summary:Quigley Farms seeks a Senior Analyst to report on our media buying.": "Quigley Farms",
    # "At X we ..." without a comma, "We at X believe ...".
    "At Harbor Sound we want every home to hear music the way the artist meant it.": "Harbor Sound",
    "We at Pinecrest Analytics understand the gap between what schools teach and what firms need.":
        "Pinecrest Analytics",
    # Joining "our team at X".
    "Join our dynamic team at Busy Bee Pediatric Therapy, a small clinic for children.":
        "Busy Bee Pediatric Therapy",
    # A company that hires.
    "Ocean Bath and Tile hires associates who love design and showroom work.": "Ocean Bath and Tile",
    # An acronym that reads like a pronoun ("IT").
    "IT Conduits is an Affirmative Action/Equal Opportunity employer.": "IT Conduits",
}


def test_more_shapes_of_the_employers_own_sentences():
    for sentence, name in MORE_EMPLOYER_SHAPES.items():
        page = f"Senior Analyst\n\nAbout the role\n{sentence}\n\nBenefits\n- Dental cover\n"
        assert employer(page) == [("employer", name, None, None, None, None, name)], sentence


HIRING_DEPARTMENT = """Geospatial Developer

Job Posting Title:
Geospatial Developer

Hiring Department:
Applied Acoustics Laboratories

About the role
You will build mapping tools.
"""

LEGAL_LP = """Compensation Analyst (Remote)

Medford Supply Industries, LP is the leading supplier of surgical and pharmaceutical products to clinics in the US.

About the role
You will model salary ranges.

Benefits
- Dental cover
"""

ONE_WORD_OPENING = """Securities Specialist

Quillfin is a leading provider of shareholder services to listed companies across three continents and ten countries.

About the role
You will process transfers of shares.
"""

CLIENT_PORTFOLIO = """Client Finance Analyst

About the role
You will manage the finances of our client portfolio and report on every study's budget.

Benefits
- Dental cover

Meridian Trials Group is an Equal Opportunity Employer.
"""


def test_a_hiring_department_label_names_describing_themselves_and_clients_that_are_no_agency():
    assert employer(HIRING_DEPARTMENT) == [
        ("employer", "Applied Acoustics Laboratories", None, None, None, None, "Applied Acoustics Laboratories")]
    assert employer(ONE_WORD_OPENING) == [("employer", "Quillfin", None, None, None, None, "Quillfin")]
    assert employer(LEGAL_LP) == [
        ("employer", "Medford Supply Industries, LP", None, None, None, None, "Medford Supply Industries, LP")]
    # "our client portfolio" is this company's own clients, not an agency's client.
    assert employer(CLIENT_PORTFOLIO) == [
        ("employer", "Meridian Trials Group", None, None, None, None, "Meridian Trials Group")]


STAFFING_DATA = """Data Scientist

Quarry Ledger Services, LLC is seeking a Data Scientist who will analyze payroll and staffing data for our customer.

About the role
You will build forecasts.
"""


def test_staffing_as_a_word_of_the_work_is_no_agency():
    assert employer(STAFFING_DATA) == [
        ("employer", "Quarry Ledger Services, LLC", None, None, None, None, "Quarry Ledger Services, LLC")]


STREET_ADDRESS = """Mover / Crew Member

About the role
Walk-in interviews every Tuesday!!!Located at 2210 West Hollow Road, St. Louis, MO 63132 and hiring now.

Benefits
- Weekly pay
"""

FIELDS_ONLY = """Lead .Net Developer

Position - .Net Developer - Lead
Location - Alpharetta, GA
Employment: Contract
Exp: 10+ years with .NET, C# and SQL Server
"""


def test_a_street_address_before_the_place_and_a_page_of_fields_only():
    assert places(STREET_ADDRESS) == [
        ("location", "St. Louis, MO", "St. Louis", "US-MO", "US", None, "St. Louis, MO")]
    # Filed as generic by the parser, the page is its fields: read as a posting.
    assert process_document("page.txt", FIELDS_ONLY.encode()).document["source_format"] == "generic"
    assert [row[:2] for row in facts(FIELDS_ONLY)] == [
        ("title", "Lead .Net Developer"), ("location", "Alpharetta, GA"), ("employment_type", "contract")]


def test_names_with_a_direction_or_a_country_inside_are_one_name():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.city, f.place.region, f.place.country)
                for f in read_places(Span(0, len(text), text), True, ())]

    assert read("Nevada, North Carolina, Ohio") == [
        ("Nevada", None, "US-NV", "US"), ("North Carolina", None, "US-NC", "US"), ("Ohio", None, "US-OH", "US")]
    assert read("West Chester, PA") == [("West Chester, PA", "West Chester", "US-PA", "US")]
    assert read("New Jersey") == [("New Jersey", None, "US-NJ", "US")]  # no town "New" in Jersey
    assert read("Florida, Georgia") == [("Florida", None, "US-FL", "US"), ("Georgia", None, "US-GA", "US")]


HEADING_UNDER_TITLE = """Shipping Associate - Glendale, AZ

General Information

Country: USA
City: Glendale

About the role
Pack and ship orders.
"""


def test_a_heading_under_the_title_is_no_employer():
    assert employer(HEADING_UNDER_TITLE) == []


MODE_LABEL = """Software Design Engineer

Role : Software Design EngineerLocation : Bellevue, WA (Onsite)Mode : Full Time
Minimum 10 years of experience with web services.
"""

GROUP_HAS_AN_OPENING = """Postdoctoral Appointee

About the role
The Separation Science group in the Chemistry Division at Cedar Ridge National Laboratory has an opening for a
Postdoctoral Appointee to study liquid extraction.

Benefits
- Relocation help
"""

CONTRACT_POSITION_GENERIC = """Cash Flow Analyst

Earned value and cash flow forecasting are required. This is a contract (1099) position paid by the hour.
"""


def test_a_mode_label_an_opening_at_a_named_lab_and_a_page_that_says_this_is_a_position():
    assert [row[:2] for row in facts(MODE_LABEL)] == [
        ("title", "Software Design Engineer"), ("location", "Bellevue, WA"), ("work_arrangement", "onsite"),
        ("employment_type", "full_time")]
    assert employer(GROUP_HAS_AN_OPENING) == [
        ("employer", "Cedar Ridge National Laboratory", None, None, None, None, "Cedar Ridge National Laboratory")]
    assert process_document("page.txt", CONTRACT_POSITION_GENERIC.encode()).document["source_format"] == "generic"
    assert types(CONTRACT_POSITION_GENERIC) == [("employment_type", "contract", None, None, None, None, "contract")]


def test_places_glued_to_the_next_field_listed_without_separators_and_towns_named_like_a_country():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.city, f.place.region, f.place.country)
                for f in read_places(Span(0, len(text), text), True, ())]

    # A pasted posting glues the next field to the region code by its full stop.
    assert read("Marietta, GA.Duration-6 Months") == [("Marietta, GA", "Marietta", "US-GA", "US")]
    assert read("USA.CO.Boulder") == [("USA.CO.Boulder", "Boulder", "US-CO", "US")]  # a dotted path stays one
    # City-state pairs one after the other, no comma or bar between them.
    assert read("Tulsa, OK Hattiesburg, MS Dothan, AL") == [
        ("Tulsa, OK", "Tulsa", "US-OK", "US"), ("Hattiesburg, MS", "Hattiesburg", "US-MS", "US"),
        ("Dothan, AL", "Dothan", "US-AL", "US")]
    # A town whose name ends with a country's is the town, not a place in that country.
    assert read("West Jordan, Utah") == [("West Jordan, Utah", "West Jordan", "US-UT", "US")]
    # "of" is a linking word of a name only as a word ("CT offices" is no "CT of ...").
    assert read("Trenton, NJ or Hartford, CT offices") == [
        ("Trenton, NJ", "Trenton", "US-NJ", "US"), ("Hartford, CT", "Hartford", "US-CT", "US")]


OFFICE_IS_IN = """Loan Operations Analyst

About the role
Support the lending team with reports and reconciliations.

About Us
Ridgeline Bank is a business bank serving two states. Our main office is in Boise, Idaho, and our branches are
spread across the valley.
"""

OFFICE_IS_IN_AND_JOB = OFFICE_IS_IN + "\nThis position is based in Nampa, ID.\n"


def test_where_our_office_is_places_the_job_only_when_nothing_else_does():
    assert places(OFFICE_IS_IN) == [("location", "Boise, Idaho", "Boise", "US-ID", "US", None, "Boise, Idaho")]
    assert places(OFFICE_IS_IN_AND_JOB) == [("location", "Nampa, ID", "Nampa", "US-ID", "US", None, "Nampa, ID")]


THE_NAME_EEO = """Claims Data Analyst

About the role
Build the monthly claims reports.

EEO statement
Candidates are considered without regard to any protected status.

Furthermore, The Larkspur Mutual Group is committed to providing an equal opportunity workplace.
"""

THE_TEAM_EEO = THE_NAME_EEO.replace("The Larkspur Mutual Group", "The Analytics Team")

OPENING_PHRASE = """Customer Care Lead

Company Overview

As the state's oldest seed cooperative, Prairieway Seeds is a member-owned business serving four hundred farms.

About the role
- Lead the customer care desk
- Join our team of twelve advisers

Benefits
- Seed for your own garden
"""

COLON_IN_RUN_ON = """Test Engineer

Must Haves:five years of hardware testing, a degree in engineering or a related field Day to Day:Bellweather \
Systems is looking to hire a test engineer for a satellite maker near the coast. This person will write test plans.
"""

PRODUCT_BEFORE_COMPANY = """Senior Product Manager

About The Job

Trailmix Sync offers travel agents one screen for bookings from many suppliers.

As the product manager for Trailmix Sync you will own its roadmap.

More About Quillfeather

At Quillfeather, we build booking tools for independent agencies. Quillfeather has offices in three countries,
and Quillfeather staff travel often.
"""

NAMED_IN_CAPITALS = """Junior Support Analyst

BRAMBLECO = training and placement for new analysts.

We at Brambleco understand what employers look for in a new analyst, and we are hiring for our help desk.
"""


def test_more_names_the_employer_goes_by_and_where_it_names_itself():
    # A company whose name opens with "The"; a team is no company.
    assert employer(THE_NAME_EEO) == [
        ("employer", "The Larkspur Mutual Group", None, None, None, None, "The Larkspur Mutual Group")]
    assert employer(THE_TEAM_EEO) == []
    # A company section opening with a phrase before the name.
    assert employer(OPENING_PHRASE) == [
        ("employer", "Prairieway Seeds", None, None, None, None, "Prairieway Seeds")]
    # A heading glued by its colon inside a run-on sentence.
    assert employer(COLON_IN_RUN_ON) == [
        ("employer", "Bellweather Systems", None, None, None, None, "Bellweather Systems")]
    # Two names of equal weight: the page writes the company's more often than the product's.
    assert employer(PRODUCT_BEFORE_COMPANY) == [("employer", "Quillfeather", None, None, None, None, "Quillfeather")]
    # One word named twice, once in capitals.
    assert employer(NAMED_IN_CAPITALS) == [("employer", "Brambleco", None, None, None, None, "Brambleco")]


TITLE_BEFORE_THE_NOUN = """Payroll Analyst

About the role
You may be right for this short-term contract / temp-to-hire Senior Payroll Analyst opportunity if you like audits.

Benefits
- Weekly pay
"""

ABLE_TO_WORK = """Teller

About the role
- Count and balance the drawer
- Ability to work on-site full time.

Benefits
- Paid holidays
"""

NOW_AND_THEN = ABLE_TO_WORK.replace("Ability to work on-site full time.", "Must be able to work full-time when needed.")


def test_a_title_between_the_terms_and_the_noun_and_the_hours_one_must_be_able_to_work():
    assert types(TITLE_BEFORE_THE_NOUN) == [("employment_type", "contract", None, None, None, None, "contract")]
    assert types(ABLE_TO_WORK) == [("employment_type", "full_time", None, None, None, None, "full time")]
    assert types(NOW_AND_THEN) == []  # hours worked now and then are not the job's type


FIELDS_ON_THE_TITLE_LINE = """Help Desk AnalystLocation: Golden, CO 80401, USADuration: 6 Months with a possible extension
Job Description: Must be able to take calls from the office on Mondays.
Answer tickets from staff, reset passwords and keep laptops patched. We are hiring for our support desk.
"""


def test_fields_run_together_on_the_line_the_title_is_read_from():
    assert places(FIELDS_ON_THE_TITLE_LINE) == [
        ("location", "Golden, CO 80401, USA", "Golden", "US-CO", "US", None, "Golden, CO 80401, USA")]
