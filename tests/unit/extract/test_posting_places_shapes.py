"""posting_facts: more ways a posting writes where the job is.

- A wide area narrowed to the job's places: "based in the Midwest, preferably Omaha-NE or Wichita-KS".
- A short line of terms, then places: "PART-TIME/FULL-TIME - Kalamazoo and Okemos Michigan".
- A location label whose value runs into the next field glued to it: "Location: Dock 4, Portland OregonStart
  date: May" (a camel-case name, "McAllen, TX", is read whole first).
- Pay by place with the currency's code: "USA, OR, Bend - 131,500.00 - 176,400.00 USD annually".
- Oregon's code after a comma ("Salem, OR 97301") is the state, not the word "or".
- A part of the town before the place ("our North Tulsa area office", "Downtown Denver campus").
- The title of a page not read as a posting ("Technical Writer Local to Boise, Idaho").
- Bare towns listed before a town with its region share it ("Jackson and Okemos Michigan").
- A company's site named by more kinds of company ("an independent newspaper in Duluth, Minnesota"), read as
  a firm's is: the job's place only when nothing else says.

Pages written for these tests; each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from roledata.extract.places import read_places
from roledata.text import Span
from tests.unit.extract.test_posting_facts import facts


def places(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "location"]


def page_with(line: str) -> str:
    return f"""Client Success Manager

{line}

What you will do
- Meet every new client in their first month and plan their rollout with them
"""


def test_a_wide_area_narrowed_to_places_names_them():
    page = page_with("The job is based in the Midwest, preferably Omaha-NE or Wichita-KS. We talk weekly.")
    assert places(page) == [("location", "Omaha-NE", "Omaha", "US-NE", "US", None, "Omaha-NE"),
                            ("location", "Wichita-KS", "Wichita", "US-KS", "US", None, "Wichita-KS")]


def test_a_wide_area_alone_names_no_place():
    assert places(page_with("The job is based in the Midwest and visits clients in Omaha, NE.")) == []


def below(line: str) -> str:
    """The line in the description, below the lines under the title (which are read as a header)."""
    return page_with(f"We are a family-run therapy practice.\n\nAbout the job\nYou will support our clients.\n{line}")


def test_a_line_of_terms_then_places_names_them():
    page = below("PART-TIME/FULL-TIME - Kalamazoo and Okemos Michigan")
    assert places(page) == [("location", "Kalamazoo", "Kalamazoo", "US-MI", "US", None, "Kalamazoo"),
                            ("location", "Okemos Michigan", "Okemos", "US-MI", "US", None, "Okemos Michigan")]
    assert [row[1] for row in facts(page) if row[0] == "employment_type"] == ["part_time", "full_time"]


def test_a_line_of_terms_then_other_words_names_no_place():
    assert places(below("Full-time - Monday to Friday in Lansing, MI and nearby towns")) == []


def test_a_location_value_glued_to_the_next_field_is_read_to_the_glue():
    page = page_with("Location: Dock 4, Portland OregonStart date is in May")
    assert places(page) == [("location", "Portland Oregon", "Portland", "US-OR", "US", None, "Portland Oregon")]
    page = page_with("Location: McAllen, TX")
    assert places(page) == [("location", "McAllen, TX", "McAllen", "US-TX", "US", None, "McAllen, TX")]


def test_pay_by_place_in_a_currency_code_names_the_places():
    page = below("Pay differs by place:\n\nUSA, OR, Bend - 131,500.00 - 176,400.00 USD annually\n\n"
                     "CAN, ON, Toronto - 150,100.00 - 201,000.00 CAD annually")
    assert places(page) == [
        ("location", "USA, OR, Bend", "Bend", "US-OR", "US", None, "USA, OR, Bend"),
        ("location", "CAN, ON, Toronto", "Toronto", "CA-ON", "CA", None, "CAN, ON, Toronto")]


def test_oregons_code_after_a_comma_is_no_or():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.city, f.place.region, f.place.country)
                for f in read_places(Span(0, len(text), text), True, ())]

    assert read("Salem, OR 97301") == [("Salem, OR", "Salem", "US-OR", "US")]  # was Salem in India
    assert read("Seaside, OR") == [("Seaside, OR", "Seaside", "US-OR", "US")]  # was Seaside, California
    assert read("Remote OR Hybrid") == []  # a conjunction in capitals
    assert read("Austin, TX, OR Dallas, TX") == [("Austin, TX", "Austin", "US-TX", "US"),
                                                 ("Dallas, TX", "Dallas", "US-TX", "US")]


def test_a_part_of_the_town_before_the_place_is_no_gap():
    page = page_with("You will be based out of our North Tulsa area office four days a week.")
    assert places(page) == [("location", "Tulsa", "Tulsa", "US-OK", "US", None, "Tulsa")]
    page = page_with("Location: Downtown Denver campus")
    assert places(page) == [("location", "Denver", "Denver", "US-CO", "US", None, "Denver")]


GENERIC = """Technical Writer Local to Boise, Idaho

Write install guides and release notes for our field software. Three years of writing for engineers.
Experience with docs-as-code tools and plain English.
"""


def test_the_title_of_a_page_not_read_as_a_posting_is_read():
    # The page has no posting headings and no employer's voice: only its labels and its title are read.
    assert facts(GENERIC) == [
        ("title", "Technical Writer Local to Boise, Idaho", None, None, None, None,
         "Technical Writer Local to Boise, Idaho"),
        ("location", "Boise, Idaho", "Boise", "US-ID", "US", None, "Boise, Idaho")]


def test_bare_towns_listed_before_a_town_with_its_region_share_it():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.city, f.place.region, f.place.country)
                for f in read_places(Span(0, len(text), text), True, ())]

    assert read("Jackson and Okemos Michigan") == [("Jackson", "Jackson", "US-MI", "US"),  # not Mississippi's
                                                   ("Okemos Michigan", "Okemos", "US-MI", "US")]
    assert read("Jackson, Okemos and Lansing, MI") == [("Jackson", "Jackson", "US-MI", "US"),
                                                       ("Okemos", "Okemos", "US-MI", "US"),
                                                       ("Lansing, MI", "Lansing", "US-MI", "US")]
    # a city of half a million people or more keeps its own reading
    assert read("Paris and Austin, TX") == [("Paris", "Paris", None, "FR"), ("Austin, TX", "Austin", "US-TX", "US")]
    assert read("Jackson; Okemos, MI") == [("Jackson", "Jackson", "US-MS", "US"), ("Okemos, MI", "Okemos", "US-MI", "US")]


SITE_NOUNS = """Features Editor

Company Description
Harbor Lights Weekly is an independent newspaper in Duluth, Minnesota, covering the arts and local politics.

Role Description
You will plan each issue's features and edit the work of our freelance writers.
"""


def test_a_companys_site_read_by_more_kinds_of_company():
    # a newspaper, a practice, an agency ...: the job's place only when nothing else says (as for a firm)
    assert places(SITE_NOUNS) == [("location", "Duluth, Minnesota", "Duluth", "US-MN", "US", None, "Duluth, Minnesota")]
    with_job = SITE_NOUNS.replace("You will plan", "This role is based in Superior, WI. You will plan")
    assert places(with_job) == [("location", "Superior, WI", "Superior", "US-WI", "US", None, "Superior, WI")]


def test_a_guides_title_without_a_qualifier_gives_no_rows():
    guide = GENERIC.replace("Technical Writer Local to Boise, Idaho", "How to Find Part-Time Remote Jobs in Denver, CO")
    assert facts(guide) == []
