"""The run lock and journal, and the row store, in one process."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import pyarrow.parquet as pq
import pytest

from roledata.extract.document import process_document
from roledata.run.journal import RunLockedError, RunState
from roledata.run.store import RowStore, document_key
from roledata.run.parallel import check_batch

STARTED = datetime(2026, 11, 21, 6, 0, tzinfo=timezone.utc)


def test_lock_names_its_holder_and_is_released_after_an_error(tmp_path):
    state = RunState(tmp_path)
    assert state.holder() is None
    with pytest.raises(ValueError):
        with state.lock("run-1"):
            holder = state.holder()
            assert (holder["pid"], holder["run_id"]) == (__import__("os").getpid(), "run-1")
            raise ValueError("boom")
    assert state.holder() is None
    with state.lock("run-2"):
        assert state.holder()["run_id"] == "run-2"


def test_a_held_lock_refuses_then_times_out_waiting(tmp_path):
    script = ("import sys, time; from roledata.run.journal import RunState\n"
              f"with RunState({str(tmp_path)!r}).lock('other-run'):\n"
              "    print('held', flush=True); sys.stdin.readline()\n")
    other = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "held"
        state = RunState(tmp_path)
        with pytest.raises(RunLockedError, match=rf"^another run holds the warehouse: run other-run \(pid {other.pid}, since "):
            with state.lock("mine"):
                pass
        with pytest.raises(RunLockedError, match=r"^another run still holds the warehouse after 0.6 s: run other-run"):
            with state.lock("mine", wait_seconds=0.6):
                pass
    finally:
        other.stdin.close()
        other.wait(timeout=30)
    with RunState(tmp_path).lock("mine"):
        pass


def test_journal_keeps_unfinished_runs_until_forgotten(tmp_path):
    state = RunState(tmp_path)
    state.begin("run-a", STARTED, "1.0.0")
    state.begin("run-b", STARTED, "1.0.0")
    state.fail("run-b", "ValueError: bad")
    entries = {e["run_id"]: e for e in state.unfinished()}
    assert entries["run-a"]["status"] == "running" and "message" not in entries["run-a"]
    assert (entries["run-b"]["status"], entries["run-b"]["message"]) == ("failed", "ValueError: bad")
    assert [e["run_id"] for e in state.unfinished(exclude="run-a")] == ["run-b"]
    state.forget(["run-a", "run-b"])
    assert state.unfinished() == []


def test_a_torn_journal_entry_is_ignored(tmp_path):
    state = RunState(tmp_path)
    state.runs_dir.mkdir(parents=True)
    (state.runs_dir / "broken.json").write_text('{"run_id": ')
    (state.runs_dir / "list.json").write_text(json.dumps([1, 2]))
    assert state.unfinished() == []


def _kept(store: RowStore, path: str, data: bytes) -> str:
    result = process_document(path, data)
    doc_id = result.document["document_id"]
    key = document_key(doc_id, path)
    store.put(check_batch([result], {doc_id: key}))
    return key


def test_row_store_round_trip_and_prune(tmp_path):
    store = RowStore(tmp_path)
    key = _kept(store, "a.txt", b"Prompt Engineer\nThe Prompt Engineer writes prompts.\n")
    other = _kept(store, "b.txt", b"Data Steward\nThe Data Steward keeps data tidy.\n")
    index = store.index()
    assert set(index) == {key, other} and len(store.parts()) == 2
    [roles] = store.files("role_documents", [index[key]])
    assert pq.read_table(roles).column("title").to_pylist() == ["Prompt Engineer"]
    (tmp_path / "rows" / "an-older-parser").mkdir()
    assert store.prune(live={other}) == 1  # a.txt left the folder: its part goes
    assert set(store.index()) == {other} and not (tmp_path / "rows" / "an-older-parser").exists()


def test_parts_pile_up_then_merge(tmp_path, monkeypatch):
    from roledata.run import store as store_module

    monkeypatch.setattr(store_module, "MERGE_ABOVE", 2)
    store = RowStore(tmp_path)
    keys = [_kept(store, f"p{i}.txt", f"Widget Lead {i}\nThe Widget Lead {i} runs widgets.\n".encode()) for i in range(4)]
    assert len(store.parts()) == 4
    store.prune(live=set(keys[1:]))
    [part] = store.parts()
    assert sorted(store.index()) == sorted(keys[1:])
    titles = pq.read_table(store.files("role_documents", [part])[0]).column("title").to_pylist()
    assert sorted(titles) == ["Widget Lead 1", "Widget Lead 2", "Widget Lead 3"]


def test_a_half_written_part_is_not_a_part(tmp_path):
    store = RowStore(tmp_path)
    (store.root / "role_documents").mkdir(parents=True)
    (store.root / "role_documents" / ".abc.parquet.123.tmp").write_bytes(b"torn")
    (store.root / "role_documents" / "abc.parquet").write_bytes(b"no documents file beside it")
    assert store.parts() == [] and store.index() == {}


def test_a_page_kept_in_two_parts_counts_once(tmp_path):
    """A run killed while merging parts leaves a page in two parts: its rows still come in once."""
    from roledata.run.plan import KEPT, Entry
    from roledata.extract.skills import skills_table
    from roledata.run.report import start_run
    from roledata.contract.frames import to_frame
    from roledata.contract.tables import TABLES_BY_NAME
    from roledata.run.stage import Stage
    from roledata.contract.checks import RejectLog

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
