"""The document step never raises, whatever it is given, and one extractor's failure
costs only that extractor's rows."""
from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings, strategies as st

from roledata.extract import EXTRACTORS, document
from roledata.extract.document import process_document
from roledata.run.pipeline import run_pipeline
from roledata.settings import Settings
from tests.conftest import PAGES, RAW, SAMPLES

# Real-shaped pages: the samples and every test page written for this project.
SHAPED = sorted([*RAW.glob("*.txt"), *(p for p in PAGES.rglob("*") if p.is_file())])


def assert_sound(result: document.DocumentResult, text: str | None) -> None:
    """No crash hidden in a reason, and every row points at exactly the text it quotes."""
    assert result.document["status"] in ("parsed", "rejected")
    assert not (result.reject_reason or "").startswith("parser error"), result.reject_reason
    assert not any(reason.startswith("extractor error") for _, reason, _ in result.row_rejects), result.row_rejects
    for name, rows in result.tables.items():
        for row in rows:
            if "char_start" in row:
                assert text[row["char_start"]:row["char_end"]] == row["text"], (name, row)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_arbitrary_text_never_raises(text):
    result = process_document("page.txt", text.encode("utf-8"))
    assert_sound(result, result.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    result = process_document("page.bin", data)
    assert_sound(result, result.text)


_PIECES = st.sampled_from([
    "", "\n", "\n\n", "- ", "• ", "# ", "Salary", "$", "$120,000 - $", "per hour", "Responsibilities:", "Overview\n",
    "Entry Point From:", "5+ years", "%", "1-6+ years", "Bachelor's", "(", ")", ":", "\t", "What does a ", " do?",
    "\u00e2\u20ac\u2122", "Ã©", "₹12 LPA", "between $90,000 and", "€65.000,00", "Job Description", "|", "**",
])


@st.composite
def edited_page(draw) -> str:
    """A real-shaped page with a few random cuts, repeats, swaps and insertions."""
    lines = draw(st.sampled_from(SHAPED)).read_bytes().decode("utf-8", "replace").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(i, min(len(lines), i + 8)))
        kind = draw(st.sampled_from(["cut", "repeat", "swap", "insert", "truncate"]))
        if kind == "cut":
            del lines[i:j]
        elif kind == "repeat":
            lines[i:i] = lines[i:j]
        elif kind == "swap" and j < len(lines):
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(_PIECES) + draw(st.text(max_size=20)) + lines[i][at:]
        else:
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
    return "".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_page())
def test_real_shaped_pages_with_random_edits_never_raise(text):
    data = text.encode("utf-8", "surrogatepass")
    result = process_document("page.txt", data)
    assert_sound(result, result.text)


def _boom(*args, **kwargs):
    raise RuntimeError("growth extractor broke")


def test_one_failing_extractor_costs_only_its_own_rows(monkeypatch):
    name = SAMPLES["head_of_ai_engineering"]
    data = (RAW / name).read_bytes()
    whole = process_document(name, data)
    monkeypatch.setitem(EXTRACTORS, "growth_stats", _boom)
    broken = process_document(name, data)
    assert broken.document["status"] == "parsed"
    assert whole.tables["growth_stats"] and broken.tables["growth_stats"] == []
    assert broken.row_rejects == [("growth_stats", "extractor error: RuntimeError: growth extractor broke",
                                   whole.document["document_id"])]
    assert {k: v for k, v in broken.tables.items() if k != "growth_stats"} == \
        {k: v for k, v in whole.tables.items() if k != "growth_stats"}


def test_a_failing_extractor_is_a_reject_row_and_the_page_still_loads(monkeypatch, tmp_path):
    monkeypatch.setitem(EXTRACTORS, "growth_stats", _boom)
    report = run_pipeline(Settings(RAW, tmp_path, workers=1))
    assert report.documents_parsed == 5 and report.documents_rejected == 0
    assert report.row_counts["growth_stats"] == 0 and report.row_counts["salaries"] == 36
    snapshot = tmp_path / "snapshots" / report.snapshot_id
    rejects = pd.read_parquet(snapshot / "rejects.parquet")
    assert sorted(zip(rejects["table_name"], rejects["reason"])) == \
        [("growth_stats", "extractor error: RuntimeError: growth extractor broke")] * 5
    assert len(pd.read_parquet(snapshot / "salaries.parquet")) == 36
