"""posting_facts: shapes of pasted postings and of an employer's boilerplate.

- A list of perks pasted into one line ("... holidaysFlexible/Remote work environmentHome office stipend"):
  an item that is only the arrangement states it, as on its own line.
- The openings' terms listed before the noun ("Full-time, part-time and seasonal positions available"), and a
  type that labels the job's hours ("Part-time: 20 hours a week").
- The employer named by its benefits ("The City of Marlow offers a comprehensive benefits package"), by where
  its jobs are ("All positions at Keel Harbor Health require ..."), by its privacy notice ("how Fenwick Labs
  collects and uses ..."), by an "About" heading glued to the sentence before it.
- A title whose subject is contracts ("Contract Administrator") is no contract job, in the title or in a
  sentence ("is hiring a Contract Administrator"); a "Contract Lawyer" is.

Pages written for these tests; each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_employer_more import employer, posting
from tests.unit.extract.test_posting_facts import facts


def of(fact: str, page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == fact]


def perks(line: str) -> str:
    return f"""Support Engineer

Requirements
- Two years answering customer tickets

Perks
{line}
"""


def test_an_arrangement_item_of_a_glued_perks_line_states_it():
    page = perks("Dental and vision coverage11 paid holidaysFlexible/Remote work environmentHome office stipend")
    assert of("work_arrangement", page) == [("work_arrangement", "remote", None, None, None, None, "Remote")]
    page = perks("A 401(k) match of 4%.Hybrid work model.Free parking at the depot")
    assert of("work_arrangement", page) == [("work_arrangement", "hybrid", None, None, None, None, "Hybrid")]


def test_a_glued_perk_that_limits_the_arrangement_states_none():
    page = perks("Dental and vision coverageRemote Fridays in AugustHome office stipend for remote days")
    assert of("work_arrangement", page) == []


def opening(sentence: str) -> str:
    return f"""Delivery Driver

{sentence}

What you will do
- Load the van each morning and deliver to shops across the valley
"""


def test_the_terms_listed_before_the_openings_are_each_a_type():
    page = opening("Now hiring for the spring: Full-time, part-time and seasonal positions available at both depots.")
    assert of("employment_type", page) == [
        ("employment_type", "full_time", None, None, None, None, "Full-time"),
        ("employment_type", "part_time", None, None, None, None, "part-time"),
        ("employment_type", "temporary", None, None, None, None, "seasonal")]
    # glued to the next field, as pasted postings are
    page = opening("We are growing.Full-time and part-time roles openDriving licence required.")
    assert [row[1] for row in of("employment_type", page)] == ["full_time", "part_time"]


def test_a_type_that_labels_the_hours_states_it():
    page = opening("Your schedule:Part-time: 20 hours a week, mornings only.")
    assert of("employment_type", page) == [("employment_type", "part_time", None, None, None, None, "Part-time")]
    page = opening("Schedule includes:Full Time: Monday - Friday 8am - 4pm.")
    assert of("employment_type", page) == [("employment_type", "full_time", None, None, None, None, "Full Time")]


def test_a_type_before_pay_is_no_label_of_hours():
    assert of("employment_type", opening("Rates differ by hours. Full-time: $52,000 a year.")) == []


def test_the_company_that_offers_the_benefits_is_the_employer():
    page = posting("Deputy Treasurer", "Salary Range: $98,000 - $121,500 Annual The City of Marlow offers a "
                                       "comprehensive benefits package to every employee.")
    assert employer(page) == [("employer", "The City of Marlow", None, None, None, None, "The City of Marlow")]
    page = posting("Sign Installer", "Pay is weekly.Dunmore Signs also provides excellent benefitsMedical cover")
    assert employer(page) == [("employer", "Dunmore Signs", None, None, None, None, "Dunmore Signs")]


def test_where_the_jobs_are_names_the_employer():
    page = posting("Help Desk Analyst", "All positions at Keel Harbor Health require a background check.")
    assert employer(page) == [("employer", "Keel Harbor Health", None, None, None, None, "Keel Harbor Health")]


def test_a_privacy_notice_names_the_employer():
    page = posting("Lab Technician", "To learn how Fenwick Labs collects and uses your personal information, read "
                                     "the notice on our careers page.")
    assert employer(page) == [("employer", "Fenwick Labs", None, None, None, None, "Fenwick Labs")]


def test_an_about_heading_glued_to_the_sentence_before_names_the_employer():
    page = posting("Sanitation Lead", "Duties may change with or without notice.About Larchmont Foods, Inc.Founded "
                                      "in 1998, Larchmont Foods, Inc. bakes bread for grocers.")
    assert employer(page) == [("employer", "Larchmont Foods, Inc", None, None, None, None, "Larchmont Foods, Inc")]


def test_a_name_that_is_no_company_is_not_the_employer():
    page = posting("Help Desk Analyst", "Most positions at Our Office require standing. This is how We handles it.")
    assert employer(page) == []


def test_a_title_whose_subject_is_contracts_is_no_contract_job():
    def page_types(title: str) -> list[str]:
        page = f"{title}\n\nWe are hiring for our legal team.\n\nWhat you will do\n- Review supplier agreements\n"
        return [row[1] for row in of("employment_type", page)]
    assert page_types("Contract Administrator") == []
    assert page_types("Contracts Manager") == []
    assert page_types("Contract Lawyer") == ["contract"]  # a lawyer who works on contract
    # the same title in a sentence: its subject, not its terms; a contract analyst in lower case works on contract
    def sentence_types(words: str) -> list[str]:
        page = posting("Vendor Relations Lead", f"Pinegrove Mills is hiring a {words} to manage supplier agreements.")
        return [row[1] for row in of("employment_type", page)]
    assert sentence_types("Contract Administrator") == []
    assert sentence_types("contract analyst") == ["contract"]


def test_boilerplate_that_names_another_company_is_no_employer():
    # an insurer that provides benefits, praising none; a candidate's past employer; the tracking system
    page = posting("Claims Clerk", "Blue Cross Blue Shield provides medical benefits to your family.\n\n"
                                   "Candidates who held roles at McKinsey are strongly preferred.\n\n"
                                   "Read how Workday processes your application data.\n\n© 2025 Acme Analytics")
    assert employer(page) == [("employer", "Acme Analytics", None, None, None, None, "Acme Analytics")]
    page = posting("Claims Clerk", "We pay weekly and train you on the job.Why Choose Us? Great pay.")
    assert employer(page) == []


def test_working_at_is_no_part_of_the_name():
    page = posting("Claims Clerk", "Working at Acme Robotics offers great benefits and a short commute.")
    assert employer(page) == [("employer", "Acme Robotics", None, None, None, None, "Acme Robotics")]


def test_a_later_contract_word_of_the_title_still_counts():
    page = "Contract Manager (6-month contract)\n\nWe are hiring.\n\nWhat you will do\n- Track supplier terms\n"
    assert [row[1] for row in of("employment_type", page)] == ["contract"]
