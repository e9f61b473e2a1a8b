"""The project's own test pages against their exact expected answers.

tests/pages/guides and tests/pages/postings are pages written here in the
shapes real pages use (header cruft, stat cards, pay tables, postings with
pay lines, related-role lists, broken encodings); tests/gold/<name>.json
holds, per page, every fact a reader finds on it: the title, every salary
(amounts as written and period), growth, education, experience,
certifications, tools and related roles, and the figures that are not pay.
Each page and field is one test: every fact must be found, and (tools
aside) no row may be extracted that the gold does not list.

Gaps known today are listed in KNOWN_GAPS with the reason. They run as
strict xfails: a gap that closes fails the test until it is taken off the
list, so the list never hides a page that now passes.
"""
from __future__ import annotations

import pytest

from roledata.quality.evaluate import evaluate_documents
from roledata.quality.gold import load_gold
from roledata.quality.reference import reference_corpora
from roledata.quality.scoring import DocumentScore
from tests.conftest import ROOT

CORPORA = {label: (folder, gold) for label, folder, gold in reference_corpora(ROOT)}
# Tools are scored for recall only: the gold names the tools a page lists, while the vocabulary
# also tags concepts ("Large language models") in technology categories.
EXACT = ("title", "salaries", "growth", "education", "experience", "certifications", "related_roles")
FIELDS = (*EXACT, "tools")

KNOWN_GAPS: dict[tuple[str, str, str], str] = {
    ("samples", "004_149db44849bfa1dd.txt", "certifications"):
        "a DeepLearning.AI course specialization is stored as a certification",
    ("guides", "g01_lattice-rag-engineer.txt", "growth"):
        "a market segment's 23% a year is kept as market_cagr; the gold says it is not role growth",
    ("guides", "g01_lattice-rag-engineer.txt", "education"):
        "a master's mentioned as common for senior hires is kept as a 'common' row; the gold lists typical levels",
    ("guides", "g02_overview-speech-recognition-engineer.txt", "growth"):
        "a market size is kept in growth_stats (the contract's place for it); the gold lists role growth only",
    ("guides", "g02_overview-speech-recognition-engineer.txt", "related_roles"):
        "an alias given in the opening sentence ('sometimes listed as ...') is also stored as a related role",
    ("guides", "g04_jdorg-ai-red-team-specialist.txt", "growth"):
        "'hiring doubled' is kept as a 2x multiple",
    ("guides", "g09_statcards-ai-product-analyst.txt", "tools"):
        "'Mode' (a BI tool) is not in the vocabulary: as a common word it would match everywhere",
    ("guides", "g13_markdown-ai-agent-engineer.md", "education"):
        "a preferred master's is kept as a 'preferred' row; the gold lists the required level",
    ("guides", "g19_cp874-mojibake-ai-platform-pm.txt", "education"):
        "an MBA named as a plus is kept as a 'preferred' row; the gold lists the required level",
    ("guides", "g20_template-conversational-ai-developer.txt", "tools"):
        "Twilio is not in the vocabulary and is not in a list, so it is no skill candidate",
    **{("guides", "g22_levels-applied-scientist.txt", f): "degree, years and level names sit in a pay table"
       for f in ("education", "experience", "related_roles")},
    ("guides", "g23_levelcard-computer-vision-engineering.txt", "related_roles"):
        "adjacent levels and families in a level card's header are not read as related roles",
}

_results: dict[str, dict[str, DocumentScore]] = {}


def scored(label: str) -> dict[str, DocumentScore]:
    if label not in _results:
        folder, gold = CORPORA[label]
        _results[label] = {d.file: d for d in evaluate_documents(folder, load_gold(gold)).docs}
    return _results[label]


def cases() -> list:
    out = []
    for label, (_, gold_path) in CORPORA.items():
        for name, gold in load_gold(gold_path).docs.items():
            for field in FIELDS:
                has = field in gold or (field == "tools" and "technologies" in gold) \
                    or (field == "title" and gold.get("not_a_role"))
                if not has:
                    continue
                gap = KNOWN_GAPS.get((label, name, field))
                marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
                out.append(pytest.param(label, name, field, marks=marks, id=f"{label}/{name}/{field}"))
    return out


def test_every_known_gap_names_a_scored_case():
    names = {(p.values[0], p.values[1], p.values[2]) for p in cases()}
    assert set(KNOWN_GAPS) <= names


@pytest.mark.parametrize(("label", "name", "field"), cases())
def test_page_gives_exactly_its_expected_rows(label, name, field):
    doc = scored(label)[name]
    assert doc.missed.get(field, []) == [], f"expected but not extracted; extracted {doc.extracted.get(field)}"
    assert doc.forbidden.get(field, []) == [], "figures the gold says are not pay or growth"
    if field in EXACT:
        assert doc.wrong.get(field, []) == [], "extracted but not in the gold"
