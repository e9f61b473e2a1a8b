"""Certifications and licences named by their shape, beyond the fixed list: a name before
"certification" or "licence", "Certified <Name>", an issuer's name with a level, "a licensed <role>",
the bar, and the items of a list a line about certifications opens. Every page here is written for
these tests; each asserts the exact rows (name, issuer, requirement)."""
from __future__ import annotations

from roledata.extract.context import PageContext
from roledata.extract.requirements.certifications import extract_certifications
from roledata.parse import parse_outline


def certs(text: str) -> list[tuple[str, str, str]]:
    rows = extract_certifications(parse_outline(text), PageContext("doc", "role"))
    return [(r["name"], r["issuer"], r["requirement"]) for r in rows]


def test_names_before_a_certification_word_one_per_conjunct():
    text = ("Rigger\n\nHow to Become a Rigger\n\n"
            "Most riggers hold an emergency medical responder (EMR) certification before their first site.\n"
            "Crews ask for EMR-Basic, Advanced EMR, or Paramedic certification, then the ISO 12480-3 "
            "certification for crane work.\n")
    assert certs(text) == [
        ("emergency medical responder (EMR)", "unspecified", "mentioned"),
        ("EMR-Basic", "unspecified", "mentioned"), ("Advanced EMR", "unspecified", "mentioned"),
        ("Paramedic", "unspecified", "mentioned"), ("ISO 12480-3", "ISO", "mentioned")]


def test_words_that_only_qualify_a_certification_name_none():
    text = ("Rigger\n\nRequirements\n\n"
            "- No standard certifications; relevant certifications are a plus.\n"
            "- A valid driver's license and an open-source license audit are not certifications.\n"
            "- A degree in Construction Management or equivalent certification.\n"
            "- Some of the key AWS certifications include the usual ones.\n")
    assert certs(text) == []


def test_certified_names_issuers_with_a_level_and_licensed_roles():
    text = ("Rigger\n\nQualifications\n\n"
            "- Certified Rigging Inspector preferred; our certified riggers mentor new hires.\n"
            "- Salesforce Certified Administrator or Cisco DevNet Associate is a plus.\n"
            "- You must be a licensed electrician (LE) in the state.\n"
            "- Company counsel must be admitted to the bar.\n"
            "- The firm is a Certified Great Place To Work.\n")
    assert certs(text) == [
        ("Certified Rigging Inspector", "unspecified", "preferred"),
        ("Salesforce Certified Administrator", "Salesforce", "preferred"),
        ("Cisco DevNet Associate", "Cisco", "preferred"),
        ("licensed electrician (LE)", "unspecified", "required"),
        ("Bar admission", "unspecified", "required")]


def test_the_items_of_a_list_opened_by_a_line_about_certifications():
    text = ("Rigger\n\n"
            "Lifting boards set the standards for heavy rigging. Riggers in this field may need certifications such as:\n"
            "LEEA Foundation:\n"
            "Offshore riggers often need more. Some key certifications include:\n"
            "OPITO 5001:\n"
            "Inspections are overseen by bodies such as:\n"
            "Health and Safety Executive (HSE):\n")
    assert certs(text) == [("LEEA Foundation", "LEEA", "mentioned"), ("OPITO 5001", "OPITO", "mentioned")]


def test_a_listed_certification_keeps_its_canonical_name_and_the_shape_adds_nothing_there():
    text = ("Cloud Rigger\n\nCertifications\n\n"
            "- AWS Certified Solutions Architect certification preferred\n")
    assert certs(text) == [("AWS Certified Solutions Architect", "AWS", "preferred")]
