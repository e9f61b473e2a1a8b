"""Occupation coding: titles folded, matched first; what the page says fills the gaps."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from roledata.extract.document import process_document
from roledata.occupations import coding
from roledata.occupations.coding import document_role_inputs, role_occupation_rows
from roledata.occupations.matcher import code_role
from roledata.occupations.text import normalize_title
from roledata.occupations.titles import title_variants
from tests.conftest import ROOT

SEEN = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _coded(path: Path) -> list[dict]:
    result = process_document(path.name, path.read_bytes(), SEEN)
    return role_occupation_rows([document_role_inputs(result.tables)])


@pytest.mark.parametrize("title, folded", [
    ("Sr. Data Scientists", "senior data scientist"),
    ("VP of AI/ML Engineering", "vice president of artificial intelligence machine learning engineering"),
    ("Nurses' Aide", "nurse aide"),
    ("R&D Lead", "research and development lead"),
    (".NET Developer", "dotnet developer"),
    ("Gen AI Engineer", "generative artificial intelligence engineer"),
])
def test_titles_fold_abbreviations_plurals_and_seniority_words(title, folded):
    assert normalize_title(title) == folded


def test_seniority_pay_and_ids_come_off_before_the_second_lookup():
    keys = [v.key for v in title_variants("Data Scientist II - $49.52 per hour (Remote) #4411")]
    assert keys[:3] == ["data scientist ii", "data scientist", "remote"]  # the words in brackets are a piece too
    assert [v.key for v in title_variants("Hiring for the role of Azure Cloud Engineer")][:2] == [
        "azure cloud engineer", "cloud engineer"]


@pytest.mark.parametrize("sample, role_id, codes, method", [
    ("000_0239b97c24f9bce3.txt", "vp-of-ai", ["11-3021", "15-1299", "15-2051"], "management_title"),
    ("001_e09fb979c4e569fa.txt", "vice-president-vp-of-ai-ml-engineering", ["11-3021", "15-1221", "15-2051"],
     "management_title"),
    ("002_6556d4ddef99196b.txt", "head-of-ai-engineering", ["11-3021", "15-1221", "19-4061"], "management_title"),
    ("003_d215e5b89abca971.txt", "ai-tech-lead", ["15-1252", "11-3021", "15-1221"], "curated_title"),
    ("004_149db44849bfa1dd.txt", "ai-engineering-manager", ["11-3021", "15-1221", "15-1299"], "management_title"),
])
def test_the_five_samples_are_coded(sample, role_id, codes, method):
    rows = _coded(ROOT / "raw" / sample)
    assert [r["role_id"] for r in rows] == [role_id] * 3
    assert [r["soc_code"] for r in rows] == codes
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["method"] == method


def test_the_ai_engineering_manager_is_a_computer_and_information_systems_manager():
    top = _coded(ROOT / "raw" / "004_149db44849bfa1dd.txt")[0]
    assert top == {
        "role_id": "ai-engineering-manager", "rank": 1, "soc_code": "11-3021", "onet_soc_code": "11-3021.00",
        "isco_code": "1330", "esco_occupation_uri": None, "method": "management_title", "confidence": 0.939,
        "matched_title": "Computer and Information Systems Managers",
        "reason": "manager of 'artificial intelligence engineering', the field of Computer and Information Research "
                  "Scientists (15-1221)"}


def test_a_nurse_page_is_a_registered_nurse_by_its_exact_title():
    top = _coded(ROOT / "tests" / "pages" / "registered_nurse.md")[0]
    assert (top["soc_code"], top["onet_soc_code"], top["isco_code"], top["method"], top["confidence"],
            top["matched_title"]) == ("29-1141", "29-1141.00", "2221", "alternate_title_exact", 1.0, "Registered Nurses")


@pytest.mark.parametrize("title, soc, method", [
    ("Senior Data Engineer II (Remote)", "15-1243", "normalized_title"),
    ("Software Engineer, Machine Learning", "15-1252", "normalized_title"),
    ("Forward Deployed Machine Learning Engineer", "15-1221", "normalized_title"),
    ("MLOps Engineer", "15-1252", "curated_title"),
    ("ServiceNow Developer", "15-1252", "technology_title"),
    ("HR Manager Distribution Centers", "11-3121", "normalized_title"),
    ("Journeyman Electrician", "47-2111", "alternate_title_exact"),
])
def test_titles_from_many_professions_reach_their_occupation(title, soc, method):
    candidates, reason = code_role(title)
    assert (candidates[0].soc_code, candidates[0].method, reason) == (soc, method, None)


def test_the_page_names_the_job_when_the_title_does_not():
    """A broken title line: the summary and page still name the occupation, again and again."""
    text = ("Graphic designers plan layouts for print and screens. Most graphic designers work for agencies, "
            "and a graphic designer often freelances.")
    candidates, _ = code_role("Why It Matters", (), (text,), text)
    assert (candidates[0].soc_code, candidates[0].method, candidates[0].matched_title) == (
        "27-1024", "text_title", "Graphic Designers")


def test_a_role_no_occupation_fits_gets_none_and_the_reason():
    rows = role_occupation_rows([("flux-wrangler", "Flux Capacitor Wrangler", [], [], "")])
    assert rows == [{"role_id": "flux-wrangler", "rank": 1, "soc_code": None, "onet_soc_code": None,
                     "isco_code": None, "esco_occupation_uri": None, "method": "none", "confidence": 0.0,
                     "matched_title": None, "reason": "no O*NET title matches the title, and no duties are stated"}]


def test_an_esco_occupation_is_linked_where_its_label_is_the_o_net_title_matched():
    [row] = [r for r in role_occupation_rows([("welder", "Welder", [], [], "")]) if r["rank"] == 1]
    assert (row["soc_code"], row["matched_title"], row["esco_occupation_uri"]) == (
        "51-4121", "Welder", "http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b")  # ESCO's "welder"


def test_a_role_the_matcher_cannot_read_gets_no_occupation_and_the_error(monkeypatch):
    def broken(*args):
        raise ValueError("unreadable title")

    monkeypatch.setattr(coding, "code_role", broken)
    [row] = role_occupation_rows([("odd", "Odd", [], [], "")])
    assert (row["soc_code"], row["method"], row["reason"]) == (
        None, "none", "internal error while coding: ValueError: unreadable title")
