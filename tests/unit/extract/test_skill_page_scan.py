"""Skills matched once per page (`match_units`) are the skills matched unit by unit, and the
pre-checks before the certification patterns never hide a certification."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from roledata.extract.requirements import certifications, load_certifications
from roledata.extract.skills import _LEFT, _LEFT_OF_FIRST, _RIGHT, _matchers, _trie_pattern, load_vocabulary, match_skills, match_units
from roledata.text import Span

_PIECES = ["Python", "R", "Go", "SQL", "AWS", "AWS SageMaker", "SageMaker", "pytorch", "C++", "C#", ".NET",
           "machine learning", "Ray", "Kubeflow", "R&D", "Go-to", "SQL-based", "İ", "ſ", "Σ", ", ", " and ", " or ",
           "/", "-", ".", " ", "\n", "\t", "- ", "x"]


def _units(text: str, cuts: list[int]) -> list[Span]:
    """Stripped, non-empty pieces of `text` between the cut points (as a page's lines are)."""
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    units = [Span.of(text, a, b) for a, b in zip(bounds, bounds[1:])]
    return [u for u in units if u.text]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.lists(st.integers(0, 400), max_size=8))
@settings(max_examples=400, deadline=None)
def test_page_scan_matches_unit_by_unit(text: str, cuts: list[int]) -> None:
    units = _units(text, cuts)
    assert match_units(text, units) == [match_skills(u) for u in units]


def test_page_scan_on_lines_of_a_page() -> None:
    text = ("Skills\n- Python, R, and SQL\n- AWS SageMaker or SageMaker \n  * Go or Rust\t\n"
            "Kubeflow, Ray and Argo CD\n- heavy R&D investment; Go-to-market\nSQL-based reports\n")
    units = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    units = [u for u in units if u.text]
    found = match_units(text, units)
    assert found == [match_skills(u) for u in units]
    assert [m.skill.skill_id for m in found[1]] == ["python", "r", "sql"]


def test_unit_glued_to_a_joiner_is_matched_alone() -> None:
    text = "R&D Python"  # "D Python" as a unit: the page-wide look-behind would see "&"
    units = [Span(2, len(text), text[2:])]
    assert match_units(text, units) == [match_skills(units[0])]


@given(st.lists(st.sampled_from(["A", "AWS", "AWS SageMaker", "Azure", "R", ".NET", "C++"]), min_size=1, max_size=6),
       st.text(alphabet="AWSRzure .-+&NETC", max_size=40))
@settings(max_examples=300, deadline=None)
def test_first_character_checked_trie_matches_the_plain_one(words: list[str], text: str) -> None:
    plain = re.compile(f"{_LEFT}(?:{_trie_pattern(words)}){_RIGHT}")
    checked = re.compile(f"(?:{_trie_pattern(words, after_first=_LEFT_OF_FIRST)}){_RIGHT}", re.S)
    assert [m.span() for m in checked.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_case_sensitive_vocabulary_pattern_matches_the_plain_one() -> None:
    # The hand-made vocabulary's names (O*NET's examples are matched in a pass of their own).
    sensitive = [a for s in load_vocabulary() if s.match_case and not s.is_onet for a in (s.name, *s.aliases)]
    plain = re.compile(f"{_LEFT}(?:{_trie_pattern(sensitive)}){_RIGHT}")
    text = " ".join(sensitive) + " R&D .NET-based C++/C# xPython GPT-4o, " + ",".join(sensitive)
    assert [m.span() for m in _matchers()[0].finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_certification_has_needles() -> None:
    certs = load_certifications()
    assert len(certs) == 34 and all(c.needles and c.keys for c in certs)


def test_the_cheap_check_lets_every_needle_through() -> None:
    # A text holding a certification's needle holds one of its keys (or "certif"), so
    # `mentions_certification` never hides what the needles would let the patterns find.
    for cert in load_certifications():
        for needle in cert.needles:
            assert any(key in needle for key in (*cert.keys, "certif")), (cert.name, needle)


@pytest.mark.parametrize("text", [
    "AWS Certified ML Specialty, AWS Machine Learning – Specialty and AWS ML Engineer certification",
    "aws certified ai practitioner; AWS Solutions Architect cert; AWS Data Engineer exam",
    "Google Cloud Professional ML Engineer, Google Professional Data Engineer, Google Data Analytics Certificate",
    "AI-102, DP-100 or AI-900; Azure AI Fundamentals; Azure Data Scientist Associate certification",
    "TensorFlow Developer Certificate, DeepLearning.AI specializations, CKA, CKS, CKAD",
    "Certified Kubernetes Application Developer and HashiCorp Certified: Terraform Associate",
    "Databricks Certified Machine Learning Professional, PMP, CompTIA Security+, Network+ and CySA+",
    "CEH, CISSP, CISM, CISA certification, OSCP, GPEN, AIGP, Elastic Certified Engineer",
    "CIPP/US or CIPP/E, CCNP Data Center, NVIDIA-Certified Professional: InfiniBand, NVIDIA Certified Associate",
    "AWſ Certified Machine Learning Engineer (long s), azure ai engıneer associate",
    "no certification named here at all",
])
def test_certification_needles_hide_no_match(text: str, monkeypatch) -> None:
    with_needles = [(m.span(), name) for m, name, _ in certifications._cert_names(text, "certifications")]
    every = tuple(replace(c, needles=("",)) for c in load_certifications())
    monkeypatch.setattr(certifications, "load_certifications", lambda: every)
    assert with_needles == [(m.span(), name) for m, name, _ in certifications._cert_names(text, "certifications")]
