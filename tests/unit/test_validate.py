"""Validation sends bad rows to rejects with the failing check, and keeps the rest:
row checks a batch at a time, key and reference checks across batches."""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import pytest

from roledata.extract.document import DocumentResult
from roledata.extract.skills import skills_table
from roledata.run.report import start_run
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.run.plan import KEPT, Entry
from roledata.run.stage import Stage
from roledata.run.store import RowStore, document_key
from roledata.contract.checks import RejectLog, check_rows
from roledata.run.parallel import check_batch

DOC = "Pay: $120,000 - $180,000 and more"


def salary(**over) -> dict:
    row = {"salary_id": "s1", "role_id": "widget-lead", "pay_component": "unspecified", "statistic": "range",
           "amount_min": 120_000.0, "amount_max": 180_000.0, "open_ended": False, "currency": "USD", "period": "year",
           "annual_min_usd": 120_000.0, "annual_max_usd": 180_000.0, "segment_type": "overall", "segment": None,
           "experience_years_min": None, "experience_years_max": None, "reference_year": 2024,
           "amount_text": "$120,000 - $180,000", "document_id": "d1", "section_heading": None,
           "char_start": 0, "char_end": 24, "text": DOC[0:24]}
    row.update(over)
    return row


def run(rows):
    log = RejectLog("run1", {"d1": "page.txt"})
    table = TABLES_BY_NAME["salaries"]
    kept = check_rows(table, to_frame(table, rows), {"d1": DOC}, log)
    return kept, log.rows


@pytest.mark.parametrize(("bad", "reason"), [
    pytest.param({"amount_min": 200_000.0, "annual_min_usd": 200_000.0}, "amount_min <= amount_max", id="max below min"),
    pytest.param({"amount_min": 5_000.0, "amount_max": 8_000.0, "annual_min_usd": 5_000.0, "annual_max_usd": 8_000.0},
                 "annual salary between $10,000 and $10,000,000", id="implausibly low"),
    pytest.param({"amount_min": 175_000.0, "amount_max": 2_100_000.0, "annual_min_usd": 175_000.0, "annual_max_usd": 2_100_000.0},
                 "amount_max at most 10 times amount_min", id="typo ten times"),
    pytest.param({"statistic": "mode"}, "statistic: isin(['range', 'average'", id="unknown code"),
    pytest.param({"text": "Pay: $999"}, "provenance: text != document_text[char_start:char_end]", id="provenance mismatch"),
])
def test_bad_row_is_rejected_with_reason(bad, reason):
    kept, rejects = run([salary(), salary(salary_id="s2", **bad)])
    assert list(kept["salary_id"]) == ["s1"]
    assert len(rejects) == 1
    assert rejects[0]["reason"].startswith(reason)
    assert (rejects[0]["table_name"], rejects[0]["source_path"], rejects[0]["run_id"]) == ("salaries", "page.txt", "run1")
    assert '"salary_id": "s2"' in rejects[0]["payload"]




def test_whole_column_failure_rejects_every_row():
    # A column of the wrong kind fails as a whole (pandera reports a null index).
    table = TABLES_BY_NAME["salaries"]
    frame = to_frame(table, [salary(), salary(salary_id="s2")])
    frame["open_ended"] = pd.Series(["yes", "no"], dtype="string")
    log = RejectLog("run1", {})
    kept = check_rows(table, frame, {"d1": DOC}, log)
    assert len(kept) == 0 and len(log.rows) == 2


# ------------------------------------------------------------ across batches
SEEN = datetime(2026, 1, 1, tzinfo=timezone.utc)


def page(doc_id: str, path: str, roles: list[dict], salaries: list[dict]) -> DocumentResult:
    text = DOC
    doc = {"document_id": doc_id, "source_path": path, "source_format": "generic", "encoding": "utf-8",
           "byte_count": len(text), "char_count": len(text), "status": "parsed", "first_seen_at": SEEN,
           "parser_version": "t"}
    return DocumentResult(doc, text, {"role_documents": roles, "salaries": salaries})


def role(doc_id: str, role_id: str = "widget-lead", primary: bool = True) -> dict:
    return {"role_id": role_id, "title": "Widget Lead", "aliases": [], "is_primary": primary, "document_id": doc_id, "section_heading": None,
            "char_start": 0, "char_end": 3, "text": DOC[0:3]}


def staged(tmp_path, *batches: list[DocumentResult]):
    """Batches row-checked as a worker does, kept in a row store, then checked across pages."""
    log = RejectLog("run1", {})
    stage = Stage(tmp_path / "stage", RowStore(tmp_path / "state"), log, {}, start_run())
    entries = []
    for batch in batches:
        keys = {r.document["document_id"]: document_key(r.document["document_id"], r.document["source_path"])
                for r in batch}
        stage.add(check_batch(batch, keys))
        entries += [Entry(r.document["source_path"], [0, 0], r.document["document_id"], keys[r.document["document_id"]],
                          KEPT) for r in batch]
    final = stage.finish(entries, to_frame(TABLES_BY_NAME["skills"], skills_table()))
    return final, log.rows


def test_keys_are_unique_across_batches_first_page_wins(tmp_path):
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [role("d1")], [salary()])],
                            [page("d2", "b.txt", [role("d2")], [salary(document_id="d2")])])
    # Two pages about one role: one role (the first page's), a role_documents row per page, no reject.
    assert final.sql("SELECT role_id, document_id, document_count FROM final_roles") == [("widget-lead", "d1", 2)]
    assert final.sql("SELECT document_id, role_id, is_primary FROM final_role_documents") == [
        ("d1", "widget-lead", True), ("d2", "widget-lead", True)]
    assert final.sql("SELECT salary_id, document_id FROM final_salaries") == [("s1", "d1")]
    assert sorted((r["table_name"], r["reason"], r["source_path"]) for r in rejects) == [
        ("salaries", "duplicate primary key (salary_id)", "b.txt")]


def test_a_listed_role_folds_into_the_page_about_it(tmp_path):
    # Page a lists "widget-lead" among related roles; page b (a later batch) is about it.
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [role("d1", "gadget-lead"), role("d1", primary=False)], [])],
                            [page("d2", "b.txt", [role("d2")], [])])
    assert final.sql("SELECT role_id, document_id, is_primary FROM final_roles ORDER BY role_id") == [
        ("gadget-lead", "d1", True), ("widget-lead", "d2", True)]
    assert rejects == []


def test_child_rows_need_a_known_role(tmp_path):
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [], [salary()])])
    assert final.count("salaries") == 0
    assert [(r["table_name"], r["reason"]) for r in rejects] == [("salaries", "role_id not in roles")]
    assert '"salary_id": "s1"' in rejects[0]["payload"]


def test_row_check_rejects_travel_with_the_document(tmp_path):
    bad = salary(salary_id="s2", text="Pay: $999")
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [role("d1")], [salary(), bad])])
    assert final.sql("SELECT salary_id FROM final_salaries") == [("s1",)]
    assert [(r["table_name"], r["source_path"], r["reason"]) for r in rejects] == [
        ("salaries", "a.txt", "provenance: text != document_text[char_start:char_end]")]
