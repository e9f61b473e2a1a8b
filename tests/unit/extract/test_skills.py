"""Skill vocabulary and matching: hard names, true and false cases."""
from __future__ import annotations

import pytest

from roledata.extract.skills import extract_role_skills, load_vocabulary, match_skills
from roledata.parse import parse_outline
from roledata.schema import TABLES_BY_NAME
from roledata.text import Span
from tests.conftest import sample_text


def ids(text: str) -> list[str]:
    return [m.skill.skill_id for m in match_skills(Span(0, len(text), text))]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Proficiency in Python, R, and SQL", ["python", "r", "sql"], id="R in a language list"),
    pytest.param("heavy R&D investment", [], id="R&D"),
    pytest.param("Go-to-market plans", [], id="Go-to-market"),
    pytest.param("Go to the R team", [], id="Go and R as words"),
    pytest.param("services in Go or Rust", ["go", "rust"], id="Go in a list"),
    pytest.param("languages such as Python, R, or Julia", ["python", "r", "julia"], id="Julia"),
    pytest.param("C++, C#, .NET", ["cpp", "csharp", "dotnet"], id="symbols"),
    pytest.param("C-suite AI roles", [], id="C-suite"),
    pytest.param("Weights & Biases or W&B", ["weights-and-biases", "weights-and-biases"], id="W&B"),
    pytest.param("scikit-learn, Scikit-Learn, sklearn", ["scikit-learn"] * 3, id="sklearn spellings"),
    pytest.param("GCP and Google Cloud", ["gcp", "gcp"], id="GCP"),
    pytest.param("AWS SageMaker or SageMaker", ["sagemaker", "sagemaker"], id="SageMaker longest wins"),
    pytest.param("Spark, dbt, Triton, Cursor", ["spark", "dbt", "triton", "cursor"], id="capitalized tools"),
    pytest.param("a spark of insight; use the cursor", [], id="lower-case words"),
])
def test_hard_names(text, expected):
    assert ids(text) == expected


def test_vocabulary_entries_are_consistent():
    vocab = load_vocabulary()
    categories = set(TABLES_BY_NAME["skills"].column("category").codes)
    assert len({s.skill_id for s in vocab}) == len(vocab)
    assert all(s.category in categories for s in vocab)
    claimed: dict[str, str] = {}
    for s in vocab:
        for alias in {s.name, *s.aliases}:
            key = alias if s.match_case else alias.lower()
            assert claimed.setdefault(key, s.skill_id) == s.skill_id, f"{alias} claimed twice"


def test_technologies_named_on_the_ai_engineering_manager_page():
    rows = extract_role_skills(parse_outline(sample_text("ai_engineering_manager")), "doc", "ai-engineering-manager")
    named = {r["skill_id"] for r in rows}
    for tech in ["langchain", "llamaindex", "autogen", "pytorch", "jax", "tensorflow", "mlflow", "weights-and-biases",
                 "torchserve", "triton", "vllm", "sagemaker", "vertex-ai", "azure-ml", "kubernetes", "cuda", "spark",
                 "dbt", "tecton", "feast", "pinecone", "weaviate", "pgvector", "github-copilot", "cursor"]:
        assert tech in named, tech
    first = next(r for r in rows if r["skill_id"] == "pytorch")
    assert (first["mention_count"], first["requirement"], first["text"]) == (1, "required", "PyTorch")
