"""Skill vocabulary and matching: hard names, true and false cases (English words that are also tool
names); a page matched at once gives what matching it unit by unit gives."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from roledata.extract.context import PageContext
from roledata.extract.skills import (
    _LEFT, _LEFT_OF_FIRST, _RIGHT, matchers, _trie_pattern, extract_role_skills, load_vocabulary, match_skills,
    match_units,
)
from roledata.parse import parse_outline
from roledata.contract.tables import TABLES_BY_NAME
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
    rows = extract_role_skills(parse_outline(sample_text("ai_engineering_manager")),
                               PageContext("doc", "ai-engineering-manager"))
    named = {r["skill_id"] for r in rows}
    for tech in ["langchain", "llamaindex", "autogen", "pytorch", "jax", "tensorflow", "mlflow", "weights-and-biases",
                 "torchserve", "triton", "vllm", "sagemaker", "vertex-ai", "azure-ml", "kubernetes", "cuda", "spark",
                 "dbt", "tecton", "feast", "pinecone", "weaviate", "pgvector", "github-copilot", "cursor"]:
        assert tech in named, tech
    first = next(r for r in rows if r["skill_id"] == "pytorch")
    assert (first["mention_count"], first["requirement"], first["text"]) == (1, "required", "PyTorch")


TECH_CATEGORIES = {"programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform",
                   "vector_database", "llm_tooling", "responsible_ai", "developer_tool"}

NAMED_TECHNOLOGIES = {
    "vp_of_ai": {
        "ai-fairness-360", "aws", "azure-ml", "bias-auditing", "databricks", "dbt", "drift-detection", "explainable-ai",
        "fairlearn", "fairness-testing", "feature-stores", "foundation-models", "gpu-computing", "large-language-models",
        "lime", "llama", "mlflow", "model-registry", "model-serving", "openai-api", "pgvector", "pinecone",
        "responsible-ai", "sagemaker", "shap", "snowflake", "torchserve", "triton", "vector-databases", "vertex-ai",
        "vllm", "weaviate", "weights-and-biases"},
    "vp_ai_ml_engineering": {
        "api-development", "aws", "aws-ai-service-cards", "azure", "bias-auditing", "ci-cd", "containerization",
        "data-pipelines", "docker", "explainable-ai", "foundation-models", "gcp", "gemini", "gpt-4", "gpu-computing",
        "kubernetes", "large-language-models", "llama", "mlops", "python", "pytorch", "responsible-ai", "scikit-learn",
        "small-language-models", "tensorflow"},
    "head_of_ai_engineering": {
        "bash", "cpp", "data-pipelines", "java", "keras", "linux", "python", "pytorch", "r", "responsible-ai", "sql",
        "tensorflow"},
    "ai_tech_lead": {
        "aws", "azure", "ci-cd", "containerization", "docker", "explainable-ai", "gcp", "hadoop", "julia", "keras",
        "kubernetes", "matplotlib", "numpy", "pandas", "python", "pytorch", "r", "responsible-ai", "scikit-learn",
        "spark", "tensorflow"},
    "ai_engineering_manager": {
        "agent-frameworks", "autogen", "aws", "azure-ml", "bias-auditing", "ci-cd", "cuda", "cursor", "data-pipelines",
        "dbt", "drift-detection", "experiment-tracking", "fairness-testing", "feast", "feature-stores", "github-copilot",
        "gpt-4", "gpu-computing", "jax", "kubernetes", "langchain", "large-language-models", "llamaindex", "mlflow",
        "mlops", "model-cards", "model-registry", "pgvector", "pinecone", "pytorch", "responsible-ai", "sagemaker",
        "spark", "tecton", "tensorflow", "torchserve", "triton", "vector-databases", "vertex-ai", "vllm", "weaviate",
        "weights-and-biases"},
}


@pytest.mark.parametrize("key", sorted(NAMED_TECHNOLOGIES))
def test_exact_technologies_named_on_each_sample(key):
    category = {s.skill_id: s.category for s in load_vocabulary()}
    rows = extract_role_skills(parse_outline(sample_text(key)), PageContext("doc", "role"))
    assert {r["skill_id"] for r in rows if category[r["skill_id"]] in TECH_CATEGORIES} == NAMED_TECHNOLOGIES[key]


def test_vocabulary_size_and_sample_technologies():
    ids = {s.skill_id for s in load_vocabulary()}
    assert len(ids) >= 300
    assert {"sagemaker", "vertex-ai", "vllm", "triton", "torchserve", "pgvector", "weights-and-biases",
            "ai-fairness-360", "llamaindex", "autogen", "tecton", "feast", "jax", "julia"} <= ids


def test_skill_candidates_from_unknown_tools():
    from roledata.extract.skill_candidates import extract_skill_candidates

    text = ("Overview\nThe Widget Lead is a role.\nRequirements\nWhat the role needs:\nTechnical Skills\n"
            "- Pipeline tools (e.g., PyTorch, Kedro, MindsDB, Mage.ai)\n"
            "- Advanced degree (Master's or Ph.D.) in CS\n- Also MindsDB dashboards (like MindsDB, Superset)\n")
    rows = extract_skill_candidates(parse_outline(text), PageContext("doc", "widget-lead"))
    assert [(r["term"], r["mention_count"]) for r in rows] == [("Kedro", 1), ("MindsDB", 2), ("Mage.ai", 1)]
    assert all(text[r["char_start"]:r["char_end"]] == r["term"] for r in rows)
    for key in NAMED_TECHNOLOGIES:
        assert extract_skill_candidates(parse_outline(sample_text(key)), PageContext("doc", "role")) == [], key


def test_trie_pattern_is_shaped_like_a_trie():
    assert _trie_pattern(["AWS", "AWS SageMaker", "Azure"]) == r"A(?:WS(?:\ SageMaker)?|zure)"

_WORDS = st.lists(st.text(alphabet="ab-. ", min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="ab-. x", max_size=40))
def test_trie_pattern_matches_like_the_longest_first_alternation(words, text):
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    expected = [m.span() for m in re.finditer(f"{_LEFT}(?:{plain}){_RIGHT}", text)]
    assert [m.span() for m in re.finditer(f"{_LEFT}(?:{_trie_pattern(words)}){_RIGHT}", text)] == expected


@pytest.mark.parametrize("prefix", ["", "İzmir office: ", "Straße team: "])
def test_case_insensitive_names_keep_exact_offsets(prefix):
    # "İ" lower-cases to two characters; the matcher must not shift offsets after it.
    text = prefix + "We use pytorch, KUBERNETES and K8s with Python."
    found = match_skills(Span(0, len(text), text))
    assert [m.skill.skill_id for m in found] == ["pytorch", "kubernetes", "kubernetes", "python"]
    assert [text[m.span.start:m.span.end] for m in found] == ["pytorch", "KUBERNETES", "K8s", "Python"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Write SQL-based cohort reports", ["sql"], id="SQL-based"),
    pytest.param("routes prompts to GPT-4-class endpoints", ["gpt-4"], id="GPT-4-class"),
    pytest.param("a PyTorch-native trainer", ["pytorch"], id="PyTorch-native"),
    pytest.param("SQL-injection testing", [], id="a hyphenated word that is not a modifier"),
    pytest.param("Tune NCCL over InfiniBand and RoCE on H100 and Trainium nodes",
                 ["nccl", "infiniband", "roce", "nvidia-h100", "aws-trainium"], id="GPU networking and accelerators"),
    pytest.param("Intel Gaudi or Google TPUs", ["intel-gaudi", "google-tpu"], id="accelerators"),
    pytest.param("Terraform, Pulumi or OpenTofu modules", ["terraform", "pulumi", "opentofu"], id="infrastructure as code"),
    pytest.param("bots on Rasa, Dialogflow CX and Amazon Lex", ["rasa", "dialogflow", "amazon-lex"], id="conversational AI"),
    pytest.param("Kubeflow, Ray and Argo CD", ["kubeflow", "ray", "argo-cd"], id="Ray beside other tools"),
    pytest.param("a ray of light", [], id="ray as a word"),
])
def test_new_vocabulary_and_modifiers(text, expected):
    assert ids(text) == expected


def candidates(body: str):
    from roledata.extract.skill_candidates import extract_skill_candidates

    text = f"Widget Engineer\n\nA Widget Engineer builds widgets.\n\n{body}\n"
    rows = extract_skill_candidates(parse_outline(text), PageContext("doc", "widget-engineer"))
    assert all(text[r["char_start"]:r["char_end"]] == r["term"] for r in rows)
    return [r["term"] for r in rows]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Tools of the Trade\n- PyTorch, Kubernetes, Zorblax and QuillDB for serving\n", ["Zorblax", "QuillDB"],
                 id="plain comma list in a skills section"),
    pytest.param("Responsibilities\n- Ship models with Docker, Kubernetes and Flarn8 every week\n", ["Flarn8"],
                 id="list in a duty bullet"),
    pytest.param("Responsibilities\n- Design, develop, and deploy Python and PyTorch services\n", [],
                 id="a list of verbs"),
    pytest.param("Requirements\n- Certifications such as CKA, Zorbcert or AWS are a plus\n", [],
                 id="certifications are not tools"),
    pytest.param("Requirements\n- Python, AWS and SQL; visa sponsorship: H-1B, TN, F-1 OPT\n", [],
                 id="visa codes"),
    pytest.param("About\nWe partner with organizations like Quux.AI on safety.\n", [], id="organizations"),
])
def test_skill_candidates_in_any_list(body, expected):
    assert candidates(body) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Excel in a fast-paced studio.", [], id="Excel as a verb"),
    pytest.param("React quickly when a firing goes wrong.", [], id="React as a verb"),
    pytest.param("Temporal changes in glaze colour matter.", [], id="Temporal as an adjective"),
    pytest.param("Amplitude of the kiln's temperature swing", [], id="Amplitude as a noun"),
    pytest.param("Superset of the basic safety rules", [], id="Superset as a noun"),
    pytest.param("Dashboards in Excel, Tableau and SQL", ["microsoft-excel", "tableau", "sql"], id="Excel in a tool list"),
    pytest.param("Front ends in TypeScript and React", ["typescript", "react"], id="React in a tool list"),
    pytest.param("Workflows on Temporal, Kafka or Airflow", ["temporal", "kafka", "airflow"], id="Temporal in a tool list"),
    pytest.param("Advanced Microsoft Excel and React.js", ["microsoft-excel", "react"], id="unambiguous names need no list"),
])
def test_english_words_in_the_vocabulary(text, expected):
    assert ids(text) == expected


@given(st.text(st.sampled_from(list("certifCERTIF labsLABS visa\u0130\u0131\u017f\u212a -:")), max_size=40))
def test_not_tool_label_matches_ignorecase(text: str) -> None:
    from roledata.extract.skill_candidates import _NOT_TOOL_LABEL, _not_tool_label

    assert _not_tool_label(text) == (_NOT_TOOL_LABEL.search(text) is not None)


# ---------------------------------------------------------------- a page matched at once, as unit by unit
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
    assert [m.span() for m in matchers()[0].finditer(text)] == [m.span() for m in plain.finditer(text)]
