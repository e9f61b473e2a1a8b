"""The shipped reference tables: what the build makes from the official files, and what they say."""
from __future__ import annotations

import csv
import shutil

import pytest

from roledata.occupations.coding import occupations_table, wages_table
from roledata.reference import REFERENCE_DIR, attribution, load
from roledata.reference.build import DEFAULT_SOURCE, ReferenceError, build_tables, checked_inputs, differences

SOURCE = DEFAULT_SOURCE
needs_source = pytest.mark.skipif(not (SOURCE / "SHA256SUMS").is_file(),
                                  reason=f"the official reference files are not at {SOURCE} (shared/reference)")


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return build_tables(SOURCE)


@needs_source
def test_every_shipped_table_is_what_the_build_makes(built):
    assert differences(built, REFERENCE_DIR) == [], "run `make reference` and commit src/roledata/data/reference/"
    assert sorted(built) == sorted(p.name for p in REFERENCE_DIR.iterdir())


@needs_source
def test_an_input_that_is_not_the_published_file_stops_the_build(tmp_path):
    copy = tmp_path / "reference"
    shutil.copytree(SOURCE, copy)
    wages = copy / "oews" / "national_M2025_dl.csv"
    wages.chmod(0o644)
    wages.write_text(wages.read_text(encoding="utf-8").replace("Data Scientists", "Data Artists"), encoding="utf-8")
    with pytest.raises(ReferenceError, match=r"oews/national_M2025_dl.csv: sha256 .* differs from SHA256SUMS"):
        checked_inputs(copy)


@needs_source
def test_the_wages_of_data_scientists_are_those_oews_publishes():
    with (SOURCE / "oews" / "national_M2025_dl.csv").open(encoding="utf-8", newline="") as fh:
        source = next(r for r in csv.DictReader(fh) if r["OCC_CODE"] == "15-2051" and r["O_GROUP"] == "detailed")
    wages = next(r for r in wages_table() if r["soc_code"] == "15-2051")
    assert (source["TOT_EMP"], source["A_PCT10"], source["A_MEDIAN"], source["A_PCT90"], source["H_MEDIAN"]) == (
        "262440", "67240", "120230", "199130", "57.8")
    assert wages == {
        "soc_code": "15-2051", "oews_code": "15-2051", "oews_title": "Data Scientists", "is_aggregate": False,
        "employment": 262440, "hourly_mean": 60.96, "annual_mean": 126800.0, "hourly_p10": 32.33, "hourly_p25": 41.18,
        "hourly_median": 57.8, "hourly_p75": 76.39, "hourly_p90": 95.74, "annual_p10": 67240.0, "annual_p25": 85660.0,
        "annual_median": 120230.0, "annual_p75": 158880.0, "annual_p90": 199130.0, "is_annual_only": False,
        "is_hourly_only": False, "has_unpublished_wages": False, "is_top_coded": False}


def test_a_code_oews_publishes_inside_a_broader_row_gets_that_row():
    buyers = next(r for r in wages_table() if r["soc_code"] == "13-1021")
    assert (buyers["oews_code"], buyers["oews_title"], buyers["is_aggregate"], buyers["annual_median"]) == (
        "13-1020", "Buyers and Purchasing Agents", True, 77710.0)


def test_footnotes_hourly_only_and_annual_only_leave_the_other_figures_null():
    by_code = {r["soc_code"]: r for r in wages_table()}
    actors, teachers = by_code["27-2011"], by_code["25-2021"]
    assert (actors["is_hourly_only"], actors["annual_median"], actors["hourly_median"]) == (True, None, 29.05)
    assert (teachers["is_annual_only"], teachers["hourly_median"], teachers["annual_median"]) == (True, None, 63970.0)
    assert "55-1011" not in by_code and "11-1031" not in by_code  # military and legislators: OEWS publishes none
    assert len(by_code) == 846


def test_occupations_carry_their_major_group_job_zone_and_isco_codes():
    by_code = {r["soc_code"]: r for r in occupations_table()}
    assert len(by_code) == 867
    assert by_code["15-2051"] == {"soc_code": "15-2051", "title": "Data Scientists", "major_code": "15-0000",
                                  "major_title": "Computer and Mathematical Occupations", "job_zone": 4,
                                  "isco_code": "3314", "isco_codes": ["3314"]}
    chiefs = by_code["11-1011"]
    assert (chiefs["isco_code"], chiefs["isco_codes"]) == ("1120", ["1112", "1113", "1120"])


def test_the_attribution_names_each_publisher_with_its_credit_line():
    sources = {s["name"]: s for s in attribution()["sources"]}
    assert sorted(sources) == ["bls", "esco", "onet"]
    assert sources["onet"]["credit"].endswith("roledata has modified all or some of this information. USDOL/ETA has "
                                              "not approved, endorsed, or tested these modifications.")
    assert sources["onet"]["license"]["name"] == "CC-BY-4.0"
    assert sources["esco"]["credit"] == "This service uses the ESCO classification of the European Commission."
    assert sources["bls"]["credit"].startswith("Source: U.S. Bureau of Labor Statistics, Occupational Employment and "
                                               "Wage Statistics, May 2025")
    assert attribution()["inputs"]["oews/national_M2025_dl.csv"] == (
        "9f143db079ebf854fd074dc9415cd0bff971b5fc2841072a759942305084374e")


def test_o_net_short_forms_that_mean_something_else_are_not_titles():
    """O*NET's "AI Technician" is an artificial insemination technician: a page's "AI" must not meet it."""
    keys = {(r["onet_soc_code"], r["key"]) for r in load("titles")}
    assert ("45-2021.00", "artificial insemination technician") in keys
    assert ("45-2021.00", "artificial intelligence technician") not in keys
