"""The checks across pages, over the row store's parts: keys unique across batches (the first page
wins), a listed role folded into the page about it, child rows need a known role, rows the row
checks refused (`check_batch`, where a batch is parsed) travel with their document, and a page
kept in two parts counts once."""
from __future__ import annotations

from datetime import datetime, timezone

from roledata.contract.checks import RejectLog
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.extract.document import DocumentResult, process_document
from roledata.extract.skills import skills_table
from roledata.run.parallel import check_batch
from roledata.run.plan import KEPT, Entry
from roledata.run.report import start_run
from roledata.run.stage import Stage
from roledata.run.store import RowStore, document_key
from tests.helpers import SALARY_PAGE, salary_row

SEEN = datetime(2026, 1, 1, tzinfo=timezone.utc)


def page(doc_id: str, path: str, roles: list[dict], salaries: list[dict]) -> DocumentResult:
    text = SALARY_PAGE
    doc = {"document_id": doc_id, "source_path": path, "source_format": "generic", "encoding": "utf-8",
           "byte_count": len(text), "char_count": len(text), "status": "parsed", "first_seen_at": SEEN,
           "parser_version": "t"}
    return DocumentResult(doc, text, {"role_documents": roles, "salaries": salaries})


def role(doc_id: str, role_id: str = "widget-lead", primary: bool = True) -> dict:
    return {"role_id": role_id, "title": "Widget Lead", "aliases": [], "is_primary": primary, "document_id": doc_id, "section_heading": None,
            "char_start": 0, "char_end": 3, "text": SALARY_PAGE[0:3]}


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
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [role("d1")], [salary_row()])],
                            [page("d2", "b.txt", [role("d2")], [salary_row(document_id="d2")])])
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
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [], [salary_row()])])
    assert final.count("salaries") == 0
    assert [(r["table_name"], r["reason"]) for r in rejects] == [("salaries", "role_id not in roles")]
    assert '"salary_id": "s1"' in rejects[0]["payload"]


def test_row_check_rejects_travel_with_the_document(tmp_path):
    bad = salary_row(salary_id="s2", text="Pay: $999")
    final, rejects = staged(tmp_path, [page("d1", "a.txt", [role("d1")], [salary_row(), bad])])
    assert final.sql("SELECT salary_id FROM final_salaries") == [("s1",)]
    assert [(r["table_name"], r["source_path"], r["reason"]) for r in rejects] == [
        ("salaries", "a.txt", "provenance: text != document_text[char_start:char_end]")]


def test_a_page_kept_in_two_parts_counts_once(tmp_path):
    """A run killed while merging parts leaves a page in two parts: its rows still come in once."""
    pages = {"a.txt": b"Prompt Engineer\nDuties\n- Write prompts\n- Test prompts\n",
             "b.txt": b"Data Steward\nDuties\n- Keep data tidy\n"}
    results = {path: process_document(path, data) for path, data in pages.items()}
    keys = {r.document["document_id"]: document_key(r.document["document_id"], path) for path, r in results.items()}
    store = RowStore(tmp_path / "state")
    store.put(check_batch([results["a.txt"]], keys))
    store.put(check_batch([results["a.txt"], results["b.txt"]], keys))
    assert len(store.parts()) == 2
    stage = Stage(tmp_path / "stage", store, RejectLog("r", {}), {}, start_run())
    entries = [Entry(path, [0, 0], r.document["document_id"], keys[r.document["document_id"]], KEPT)
               for path, r in results.items()]
    with stage.finish(entries, to_frame(TABLES_BY_NAME["skills"], skills_table())) as final:
        assert final.sql("SELECT role_id, text FROM final_duties ORDER BY _row") == [
            ("prompt-engineer", "Write prompts"), ("prompt-engineer", "Test prompts"), ("data-steward", "Keep data tidy")]
        assert final.count("roles") == 2 and final.count("documents") == 2
    assert stage.log.rows == []
