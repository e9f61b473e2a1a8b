"""posting_facts: places a posting gives in passing, and the reading of long or glued location values.

- Offices named by the distance from them: "remote only if living more than 40 miles from Wichita, KS, or
  Tulsa, OK" (both sites), "This position will be in Greeley, CO".
- A remote job open to one area: "hiring regionally in the Boise, ID area", "Only candidates in ... will be
  considered"; a move to the job's place: "willing to relocate to Boise, ID", "move to the state of Utah".
- A town's own government as the employer ("The City of Greeley"), a street address with its ZIP code, and
  the pay for the role in a place: a company's site, the job's place only when nothing else says.
- A location label listing many places runs past the usual length of a value; "Remote - Idaho, Utah, ..."
  is a list of places, each a row, not a remote scope of one state.
- A glued field's label has no glue inside it: "MidTown Tulsa WarehousePosition Type:" is cut before "Position".
- Prose between names parts them: "US, Texas, Austin Business unit: Acme makes ... You" names no town "You".
- What these must not read (found in review): a country's remote scope with exceptions after it, the rest of the
  team's place, "hiring locally for the Holiday rush", a head office's or a mailing address, a listed value
  running on into prose, a town alone after a loose cue ("This role is in Normal operations mode"), places
  named as exceptions, a company's site for a job worked remotely.

Pages written for these tests; each test checks the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from roledata.extract import place_cues
from roledata.extract import posting_sentences
from roledata.extract.places import read_places
from roledata.text import Span, sentence_spans
from tests.unit.extract.test_posting_facts import facts
from tests.unit.extract.test_posting_places_shapes import page_with, places


def test_offices_named_by_the_distance_from_them_are_the_jobs_places():
    page = page_with("We offer in-office, hybrid and remote work (remote only if living more than 40 miles from "
                     "Wichita, KS, or Tulsa, OK). Talk it over with your manager.")
    assert places(page) == [("location", "Wichita, KS", "Wichita", "US-KS", "US", None, "Wichita, KS"),
                            ("location", "Tulsa, OK", "Tulsa", "US-OK", "US", None, "Tulsa, OK")]
    assert places(page_with("You must live within 25 miles of Ames, IA.")) == [
        ("location", "Ames, IA", "Ames", "US-IA", "US", None, "Ames, IA")]


def test_the_position_will_be_in_a_place():
    assert places(page_with("This position will be in Greeley, CO. Travel is rare.")) == [
        ("location", "Greeley, CO", "Greeley", "US-CO", "US", None, "Greeley, CO")]
    # words after "is in" that name no place give no row
    assert places(page_with("This role is in high demand across the Sales team.")) == []


def test_a_remote_job_open_to_one_area_names_the_area():
    page = page_with("This role is remote, but we are hiring regionally in the Boise, ID area. Only candidates in "
                     "the Boise area will be considered.")
    # the second names the same place: one row
    assert places(page) == [("location", "Boise, ID", "Boise", "US-ID", "US", None, "Boise, ID")]
    assert places(page_with("This role is remote. Only applicants who live in Provo, UT will be considered.")) == [
        ("location", "Provo, UT", "Provo", "US-UT", "US", None, "Provo, UT")]


TOWN = """Deputy Finance Director

The City of Greeley pays into a pension for every employee and gives thirteen paid holidays.

Essential functions
- Lead the budget office and present the annual budget to the council

The City of Greeley is an equal opportunity employer.
"""


def test_a_towns_government_places_its_jobs_in_the_town():
    assert places(TOWN) == [("location", "Greeley", "Greeley", "US-CO", "US", None, "Greeley")]
    # a sentence about the role outranks it
    assert places(TOWN.replace("- Lead", "This position is based in Loveland, CO.\n- Lead")) == [
        ("location", "Loveland, CO", "Loveland", "US-CO", "US", None, "Loveland, CO")]
    # a town's name the gazetteer gives several cities: no guess
    assert places(TOWN.replace("Greeley", "Springfield")) == []


def test_a_street_address_with_its_zip_code_is_a_site():
    page = page_with("Questions? Write to us at 215 Pine Street, Suite 4, Bozeman, MT 59715 any time.")
    assert places(page) == [("location", "Bozeman, MT", "Bozeman", "US-MT", "US", None, "Bozeman, MT")]
    # without a ZIP code it is no address read
    assert places(page_with("Questions? Write to us at 215 Pine Street, Bozeman any time.")) == []


def test_pay_for_the_role_in_places_names_each():
    page = page_with("The pay for this position in Colorado, Utah, and Nevada is posted on our site.")
    assert places(page) == [("location", "Colorado", None, "US-CO", "US", None, "Colorado"),
                            ("location", "Utah", None, "US-UT", "US", None, "Utah"),
                            ("location", "Nevada", None, "US-NV", "US", None, "Nevada")]
    assert places(page_with("The wage for this job in the U.S. is set by level.")) == [
        ("location", "U.S.", None, None, "US", None, "U.S.")]
    assert places(page_with("The wage for this job in the listed location is set by level.")) == []


LISTED = """Data Engineer

Job Type: Full-TimeLocation: Remote - Idaho, Utah, Nevada, Oregon, Montana, Wyoming, Colorado, Arizona, New Mexico, Texas, Kansas, Nebraska, Washington, California, Oklahoma, and Iowa.(Boise Area Preferred)

What you will do
- Build the pipelines that feed our planning models
"""


def test_a_location_label_listing_places_names_each_and_the_one_preferred():
    value = LISTED.splitlines()[2]
    assert len(value[value.index("Remote"):]) > 160  # longer than a value is read otherwise
    rows = facts(LISTED)
    assert [r for r in rows if r[0] == "work_arrangement"] == [("work_arrangement", "remote", None, None, None, None,
                                                                 "Remote")]
    states = ["Idaho", "Utah", "Nevada", "Oregon", "Montana", "Wyoming", "Colorado", "Arizona", "New Mexico", "Texas",
              "Kansas", "Nebraska", "Washington", "California", "Oklahoma", "Iowa"]
    codes = ["ID", "UT", "NV", "OR", "MT", "WY", "CO", "AZ", "NM", "TX", "KS", "NE", "WA", "CA", "OK", "IA"]
    assert places(LISTED) == [("location", s, None, f"US-{c}", "US", None, s) for s, c in zip(states, codes)] + [
        ("location", "Boise Area", "Boise", "US-ID", "US", None, "Boise Area")]


def test_a_remote_scope_of_one_place_stays_a_scope():
    rows = facts(page_with("Location: Remote - Texas\n\nWe meet in Austin twice a year."))
    assert [r for r in rows if r[0] in ("work_arrangement", "location")] == [
        ("work_arrangement", "remote", None, None, None, "Texas", "Remote - Texas"),
        ("location", "Remote - Texas", None, None, None, None, "Remote - Texas")]


def test_a_glued_fields_label_holds_no_glue():
    page = page_with("Team: OperationsLocation: MidTown Tulsa WarehousePosition Type: Full-time")
    assert places(page) == [("location", "Tulsa", "Tulsa", "US-OK", "US", None, "Tulsa")]
    assert [r[1] for r in facts(page) if r[0] == "employment_type"] == ["full_time"]


def test_prose_between_names_parts_them():
    text = "US, Texas, Austin Business unit: Acme makes chips for the whole world. You may know us"
    assert [(f.span.text, f.place.city, f.place.region, f.place.country)
            for f in read_places(Span(0, len(text), text), True, ())] == [
        ("US", None, None, "US"), ("Texas", None, "US-TX", "US")]
    assert [f.span.text for f in read_places(Span(0, 22, "Irving, TX 75061, USA"), True, ())] == \
        ["Irving, TX 75061, USA"]


def test_the_site_cues_are_marked_by_their_triggers():
    for text, cue in (("Write to 215 Pine Street, Bozeman, MT 59715 today.", place_cues.ADDRESS),
                      ("Compensation for this job in Utah is posted.", place_cues.PAY_FOR_PLACE)):
        assert cue.search(text), text
        marks = posting_sentences._cues_of(text, sentence_spans(Span(0, len(text), text)))
        assert marks[0] & posting_sentences.SITE, text


def located(line: str) -> list[tuple]:
    return [(r[0], r[1], r[3], r[4], r[5]) for r in facts(page_with(line)) if r[0] in ("location", "work_arrangement")]


def test_a_remote_scope_of_a_country_or_a_time_zone_stays_a_scope():
    # the places after a country are exceptions or others, not a list of the job's states
    assert located("Location: Remote - US, except Ohio, Utah") == [
        ("work_arrangement", "remote", None, None, "US"), ("location", "Remote - US", None, "US", None)]
    assert located("Location: Remote - Canada, Alberta, Manitoba") == [
        ("work_arrangement", "remote", None, None, "CA"), ("location", "Remote - Canada", None, "CA", None)]
    assert located("Location: Remote - EST") == [  # not Estonia's code
        ("work_arrangement", "remote", None, None, "EST"), ("location", "Remote - EST", None, None, None)]
    assert located("Location: Remote - Ohio, Utah, and Idaho") == [
        ("work_arrangement", "remote", None, None, None), ("location", "Ohio", "US-OH", "US", None),
        ("location", "Utah", "US-UT", "US", None), ("location", "Idaho", "US-ID", "US", None)]


def test_the_teams_place_a_season_a_head_office_and_a_mailing_address_are_not_the_jobs():
    assert located("This is a remote role; the rest of the team is in Provo, UT.") == [
        ("work_arrangement", "remote", None, None, None)]
    assert located("We are hiring locally for the Holiday rush.") == []
    assert located("Head office: 40 Elm St, Boise, ID 83702. This is a remote role.") == [
        ("work_arrangement", "remote", None, None, None)]
    assert located("Mail the form to Rivet Co, 9 Canal Street, Suite 2, Dayton, OH 45402.") == []
    assert located("Since 1998 Hartwell Labs, Dayton, OH 45402 has made valves.") == []  # no street


def test_pay_for_the_role_in_a_state_named_as_a_state():
    assert located("The wage for this job in the State of New York is set by law.") == [
        ("location", "New York", "US-NY", "US", None)]


def test_a_listed_location_value_ends_where_prose_begins():
    line = ("Location: Mesa, AZ, Tempe, AZ, Chandler, AZ, Gilbert, AZ, Peoria, AZ, and we may consider Yuma "
            "when the work needs it, with travel to Tucson.")
    assert [r[1] for r in located(line)] == ["Mesa, AZ", "Tempe, AZ", "Chandler, AZ", "Gilbert, AZ", "Peoria, AZ"]


def test_words_that_are_no_place_part_names_only_as_a_clause():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.city, f.place.region, f.place.country)
                for f in read_places(Span(0, len(text), text), True, ())]

    assert read("Columbus, onsite, GA") == [("Columbus, onsite, GA", "Columbus", "US-GA", "US")]
    assert read("Boston, but this role is remote anywhere in the US") == [
        ("Boston", "Boston", "US-MA", "US"), ("US", None, None, "US")]


def test_a_town_alone_after_a_loose_cue_is_no_place():
    assert located("This role is in Normal operations mode this quarter.") == []
    assert located("Only candidates in Mobile development will be considered.") == []
    assert located("This position is in Aurora, our driverless division.") == []
    # with its state, or after a firm cue, it is
    assert located("This position is in Aurora, CO.") == [("location", "Aurora, CO", "US-CO", "US", None)]


def test_a_place_after_or_goes_on_a_list_and_exceptions_are_no_places():
    assert [r[1] for r in located("This role is based in Ames, IA (preferred) or Provo, UT.")] == ["Ames, IA", "Provo, UT"]
    assert located("Location: Remote - Utah, Idaho, Nevada (excluding Reno)") == [
        ("work_arrangement", "remote", None, None, None), ("location", "Utah", "US-UT", "US", None),
        ("location", "Idaho", "US-ID", "US", None), ("location", "Nevada", "US-NV", "US", None)]


def test_a_companys_site_is_no_place_of_a_remote_job():
    page = page_with("Questions? Write to us at 215 Pine Street, Suite 4, Bozeman, MT 59715 any time.")
    assert places(page.replace("Questions?", "This is a fully remote role. Questions?")) == []
    assert places(TOWN.replace("- Lead", "This position is fully remote.\n- Lead")) == []


def test_a_name_with_a_short_capitalised_prefix_is_not_cut_as_a_field():
    assert located("Location: DeKalb IL Shift: nights") == [("location", "DeKalb IL", "US-IL", "US", None)]


def test_a_bracket_after_other_words_names_no_town_with_its_region():
    text = "our Tier 1 markets (Boston, Denver) pay more"
    assert [(f.span.text, f.place.city) for f in read_places(Span(0, len(text), text), True, ())] == [
        ("Boston", "Boston"), ("Denver", "Denver")]
    assert [f.span.text for f in read_places(Span(0, 20, "Arlington (Virginia)"), True, ())] == ["Arlington (Virginia)"]


def test_a_trade_hiring_is_no_employers_voice():
    # a guide: "Hospitals are hiring ..." is the market, not an employer speaking to applicants
    guide = ("Registered Nurse\n\nRegistered nurses care for patients.\n\nHospitals are hiring regionally in the "
             "Denver, CO area, and clinics are looking for nurses too.\n")
    assert facts(guide) == []
    # the employer's own voice, glued to a heading as pasted postings are
    posting = ("Fleet Analyst\n\nFleet Analyst - Operations OfficerWe are looking for an analyst to plan our "
               "routes.\n\nThis position will be in Greeley, CO.\n")
    assert [r[:2] for r in facts(posting)] == [("title", "Fleet Analyst"), ("location", "Greeley, CO")]


def test_a_name_of_a_country_and_a_state_listed_among_states_is_the_state():
    def read(text: str) -> list[tuple]:
        return [(f.span.text, f.place.region, f.place.country) for f in read_places(Span(0, len(text), text), True, ())]

    assert read("Georgia, Alabama and Tennessee") == [("Georgia", "US-GA", "US"), ("Alabama", "US-AL", "US"),
                                                      ("Tennessee", "US-TN", "US")]
    assert read("Georgia and Armenia") == [("Georgia", None, "GE"), ("Armenia", None, "AM")]
    assert located("Location: Remote - Georgia, Alabama, Tennessee") == [
        ("work_arrangement", "remote", None, None, None), ("location", "Georgia", "US-GA", "US", None),
        ("location", "Alabama", "US-AL", "US", None), ("location", "Tennessee", "US-TN", "US", None)]


def test_a_move_to_a_place_names_the_jobs_place():
    assert located("Candidates must be willing to relocate to Boise, ID before the start date.") == [
        ("location", "Boise, ID", "US-ID", "US", None)]
    # "state of" names the state, not the city named like it
    assert located("If you are ready to move to the lovely state of New York, read on.") == [
        ("location", "New York", "US-NY", "US", None)]
    assert located("Relocation to the city of Tulsa is paid for.") == [("location", "Tulsa", "US-OK", "US", None)]
    # a move denied, offered for later or told of others, a team moving to the cloud, and a town alone after a
    # relocation, name no place
    assert located("This is a remote role. Relocation to Seattle, WA is never required.") == [
        ("work_arrangement", "remote", None, None, None)]
    assert located("Relocation to St. Louis, MO is not required.") == []  # read on past "St."
    assert located("There's no need to relocate to Austin, TX for this role.") == []
    assert located("We cannot offer relocation to Reno, NV.") == []
    assert located("After a year you will have the opportunity to relocate to Dublin, Ireland.") == []
    assert located("Many nurses relocate to Texas for its pay.") == []
    assert located("Employees who relocate to Alaska need approval.") == []
    # a denial in the next sentence is another's
    assert located("Must relocate to Boise, ID. A degree is not required.") == [
        ("location", "Boise, ID", "US-ID", "US", None)]
    # a move not paid for is still to the job's place
    assert located("Relocation to Fresno, CA is not paid for.") == [("location", "Fresno, CA", "US-CA", "US", None)]
    assert located("You will help our team move to Azure in the first year.") == []
    assert located("You may relocate to Mobile teams after a year.") == []


def test_a_move_cue_is_marked_by_its_trigger():
    for text in ("Be willing to relocate to Ames, IA.", "Be ready to move to the state of Utah."):
        assert place_cues.JOB_PLACE.search(text), text
        marks = posting_sentences._cues_of(text, sentence_spans(Span(0, len(text), text)))
        assert marks[0] & posting_sentences.JOB_PLACE, text


def test_a_comma_inside_a_number_parts_no_names_and_a_pay_line_opens_with_its_place():
    # "$15,000" had parted "DC with pay up to $15" from its place: Washington read as the state
    assert located("Relocation to Washington, DC is covered up to $15,000.") == [
        ("location", "Washington, DC", "US-DC", "US", None)]
    assert located("Reston, VA: $181,000 - $214,500") == [("location", "Reston, VA", "US-VA", "US", None)]
    # a sentence that names a place before its pay is no pay line by place
    assert located("Candidates who relocate to Anchorage, AK receive a $10,000 bonus.") == []

