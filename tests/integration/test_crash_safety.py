"""Scheduled operation in real life: incremental runs, two runs at once, SIGKILL at every
stage, bad files. Real `roledata` processes on real files; after each, the warehouse
must hold exactly what a clean `--full` run on the same input gives."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from roledata.run.journal import RunState
from roledata.contract.tables import TABLES_BY_NAME
from tests.conftest import RAW, SAMPLES
from tests.integration.helpers import clean_full_tables, current_tables, kill_group, roledata, run, start

def runs_table(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        return con.execute("SELECT run_id, status, message FROM pipeline_runs ORDER BY run_id").fetchall()


def assert_snapshots_whole(warehouse: Path) -> None:
    """LATEST names a snapshot, and every snapshot folder opens, table by table."""
    snapshots = warehouse / "snapshots"
    latest = (snapshots / "LATEST").read_text().strip()
    assert (snapshots / latest / "manifest.json").exists()
    for folder in snapshots.iterdir():
        if folder.is_dir():
            assert not folder.name.startswith("."), f"half-written snapshot left: {folder.name}"
            manifest = json.loads((folder / "manifest.json").read_text())
            for name, table in manifest["tables"].items():
                assert pq.read_table(folder / table["path"]).num_rows == table["rows"], (folder.name, name)


def edit_inputs(raw: Path) -> None:
    """A changed page (new salary figure), a deleted page and a new page."""
    page = raw / SAMPLES["vp_of_ai"]
    text = page.read_text(encoding="utf-8")
    assert "$240K–$300K" in text
    page.write_text(text.replace("$240K–$300K", "$250K–$320K"), encoding="utf-8")
    (raw / SAMPLES["ai_engineering_manager"]).unlink()
    shutil.copy(Path(__file__).parents[1] / "pages" / "generic_markdown.md", raw / "new page.md")


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """A warehouse after one good run of the samples (copied by each test that changes it)."""
    root = tmp_path_factory.mktemp("baseline")
    done = run(RAW, root / "warehouse")
    assert done.returncode == 0, done.stderr
    return root / "warehouse"


# -- 2. incremental runs ------------------------------------------------------

def test_unchanged_documents_are_not_parsed_again(raw_copy, tmp_path, monkeypatch):
    from roledata.run import parallel
    from roledata.run import pipeline
    from roledata.settings import Settings

    calls: list[str] = []
    real = parallel.process_document
    monkeypatch.setattr(parallel, "process_document", lambda path, *a: calls.append(path) or real(path, *a))
    warehouse = tmp_path / "warehouse"
    first = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2))
    assert (first.documents_parsed, first.documents_unchanged, len(calls)) == (5, 0, 5)
    tables = current_tables(warehouse)

    calls.clear()
    second = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2))
    assert (second.documents_seen, second.documents_parsed, second.documents_unchanged, calls) == (5, 0, 5, [])
    assert current_tables(warehouse) == tables

    full = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2, full_rebuild=True))
    assert (full.documents_parsed, full.documents_unchanged, len(calls)) == (5, 0, 5)
    assert current_tables(warehouse) == tables


def test_changed_deleted_and_new_documents(baseline, raw_copy, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    old_snapshot = (warehouse / "snapshots" / "LATEST").read_text().strip()
    edit_inputs(raw_copy)

    done = run(raw_copy, warehouse)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 2 parsed, 3 unchanged, 0 rejected" in done.stdout
    after = current_tables(warehouse)
    assert after == clean_full_tables(raw_copy, tmp_path)
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        pay = con.execute("SELECT amount_min, amount_max FROM salaries WHERE role_id = 'vp-of-ai'").fetchall()
        assert sorted(pay, key=repr) == [(180_000, 220_000), (250_000, 320_000), (500_000, None)]
        assert con.execute("SELECT count(*) FROM roles WHERE role_id = 'ai-engineering-manager'").fetchone() == (0,)
    # The previous snapshot keeps the deleted page's rows.
    old_roles = pq.read_table(warehouse / "snapshots" / old_snapshot / "roles.parquet").to_pylist()
    assert any(r["role_id"] == "ai-engineering-manager" and r["is_primary"] for r in old_roles)
    assert len(after["documents"]) == len(before["documents"])


def test_a_new_parser_reparses_everything(raw_copy, tmp_path, monkeypatch):
    from roledata.run import parallel
    from roledata.run import fingerprint
    from roledata.run import pipeline
    from roledata.settings import Settings

    warehouse = tmp_path / "warehouse"
    pipeline.run_pipeline(Settings(raw_copy, warehouse))
    old_folders = sorted(p.name for p in (warehouse / ".roledata" / "rows").iterdir())
    monkeypatch.setattr(fingerprint, "parser_fingerprint", lambda: "another-parser")
    calls: list[str] = []
    real = parallel.process_document
    monkeypatch.setattr(parallel, "process_document", lambda path, *a: calls.append(path) or real(path, *a))
    report = pipeline.run_pipeline(Settings(raw_copy, warehouse))
    assert len(calls) == 5 and (report.documents_parsed, report.documents_unchanged) == (5, 0)
    assert sorted(p.name for p in (warehouse / ".roledata" / "rows").iterdir()) == ["another-parser"]
    assert old_folders != ["another-parser"]


# -- 4. one run at a time -----------------------------------------------------

def test_two_runs_at_once(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    first = start(RAW, warehouse, fault="after-discover:sleep=6")
    try:
        state = RunState(warehouse)
        deadline = time.monotonic() + 60
        while not (state.holder() or {}).get("pid") and time.monotonic() < deadline:
            time.sleep(0.1)
        holder = state.holder()
        assert holder["pid"] == first.pid

        second = run(RAW, warehouse)
        assert second.returncode == 1
        assert second.stderr.strip() == (f"error: another run holds the warehouse: run {holder['run_id']} "
                                         f"(pid {first.pid}, since {holder['since']}); wait for it or pass --wait SECONDS")
        listed = roledata("runs", "--warehouse", str(warehouse)).stdout
        assert f"{holder['run_id']} | running" in listed

        waiting = run(RAW, warehouse, "--wait", "120")
        assert waiting.returncode == 0, waiting.stderr
        assert first.wait(timeout=60) == 0
    finally:
        kill_group(first)
    # Nothing changed since the baseline: both runs are recorded (in the journal, until a run
    # publishes) and published nothing.
    from roledata.run.pipeline import recent_runs
    from roledata.settings import Settings

    statuses = [r["status"] for r in recent_runs(Settings(RAW, warehouse))]
    assert statuses == ["succeeded"] * 3
    assert current_tables(warehouse) == clean_full_tables(RAW, tmp_path)


def test_a_stale_lock_file_is_taken_over(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock = warehouse / ".roledata" / "run.lock"
    lock.write_text(json.dumps({"pid": int(dead.stdout), "run_id": "20200101T000000000000Z", "since": "then"}))
    done = run(RAW, warehouse)
    assert done.returncode == 0, done.stderr
    assert lock.read_text() == ""  # released again


# -- 5. crash safety ----------------------------------------------------------

STAGES = ["after-start", "after-discover", "after-parse", "before-database", "before-snapshot",
          "before-commit", "before-swap", "after-swap"]
COMMITTED = {"before-swap", "after-swap"}  # LATEST already names the new snapshot


@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_at_each_stage_then_a_good_run(stage, baseline, raw_copy, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    snapshots_before = sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and not p.is_symlink())
    edit_inputs(raw_copy)

    killed = run(raw_copy, warehouse, fault=f"{stage}:kill")
    assert killed.returncode == -signal.SIGKILL
    assert_snapshots_whole(warehouse)
    if stage == "after-swap":
        assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    else:  # the previous warehouse, whole and readable
        assert current_tables(warehouse) == before
    if stage not in COMMITTED:
        assert (warehouse / "snapshots" / "LATEST").read_text().strip() == max(s for s in snapshots_before if s[0].isdigit())

    good = run(raw_copy, warehouse)
    assert good.returncode == 0, good.stderr
    assert_snapshots_whole(warehouse)
    assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    runs = runs_table(warehouse)
    assert len(runs) == 3 and runs[0][1] == runs[2][1] == "succeeded"
    killed_status, message = runs[1][1], runs[1][2]
    if stage in COMMITTED:
        assert (killed_status, message) == ("succeeded", None)
    else:
        assert killed_status == "failed" and message.endswith("stopped before the run finished (killed?)")
    leftovers = [p.name for p in warehouse.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [] and not list((warehouse / ".roledata" / "runs").iterdir())


def test_sigkill_from_outside_at_random_moments(tmp_path):
    """Kills that land wherever the run happens to be, on a corpus big enough to be mid-work."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(12):
        for name in SAMPLES.values():
            (raw / f"{i:02d}_{name}").write_bytes((RAW / name).read_bytes() + f"\nEdition {i}\n".encode())
    warehouse = tmp_path / "warehouse"
    rng = random.Random(20261121)
    for delay in sorted(rng.uniform(0.5, 6.0) for _ in range(3)):
        proc = start(raw, warehouse)
        time.sleep(delay)
        kill_group(proc)
        if (warehouse / "snapshots" / "LATEST").exists():
            assert_snapshots_whole(warehouse)
    good = run(raw, warehouse)
    assert good.returncode == 0, good.stderr
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    statuses = [status for _, status, _ in runs_table(warehouse)]
    assert statuses[-1] == "succeeded" and len(statuses) >= 2


def test_sigkill_during_a_prefect_run(baseline, raw_copy, tmp_path):
    home = tmp_path / "prefect-home"
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    edit_inputs(raw_copy)
    proc = start(raw_copy, warehouse, fault="before-commit:kill", prefect=True, env={"PREFECT_HOME": str(home)})
    try:
        assert proc.wait(timeout=240) == -signal.SIGKILL
    finally:
        kill_group(proc)  # the temporary Prefect server would outlive the run otherwise
    good = run(raw_copy, warehouse)
    assert good.returncode == 0, good.stderr
    assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    assert [status for _, status, _ in runs_table(warehouse)] == ["succeeded", "failed", "succeeded"]


# -- 6. bad input ---------------------------------------------------------------

MOJIBAKE_PAGE = "Data Platform Lead\nThe Data Platform Lead\u00e2\u20ac\u2122s job is to run the platform team.\n"


def make_bad_corpus(raw: Path) -> dict[str, str]:
    """Every kind of bad input beside the five samples; returns file -> the reason the run must give."""
    shutil.copytree(RAW, raw)
    page = (RAW / SAMPLES["ai_tech_lead"]).read_text(encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (raw / "page.html").write_text("<!DOCTYPE html>\n<html><head><title>AI Lead</title></head>"
                                   "<body><h1>AI Lead</h1><p>Leads AI.</p></body></html>\n", encoding="utf-8")
    with open(raw / "huge.txt", "wb") as fh:  # 50 MB, made here, never committed
        line = b"- Build and deploy machine learning models at scale\n"
        fh.write(b"Huge Role\n" + line * (50 * 1024 * 1024 // len(line)))
    (raw / "title only.txt").write_text("Quantum AI Strategist\n", encoding="utf-8")
    (raw / "copy of tech lead.txt").write_bytes((RAW / SAMPLES["ai_tech_lead"]).read_bytes())
    (raw / "Ingénieur IA — données.txt").write_text(page.replace("AI Tech Lead", "AI Data Lead"), encoding="utf-8")
    (raw / "cp1252 page.txt").write_bytes("Café Data Lead\nThe Café Data Lead earns $90,000 – $120,000.\n".encode("cp1252"))
    (raw / "latin1 page.txt").write_bytes("Responsable Données IA\nSalaire : 95 000 EUR ; ¿preguntas?\n".encode("latin-1"))
    (raw / "mojibake.txt").write_text(MOJIBAKE_PAGE, encoding="utf-8")
    (raw / os.fsdecode(b"r\xe9sum\xe9 lead.txt")).write_text("Resume Screening Lead\n", encoding="utf-8")
    (raw / "vanishing.txt").write_text("Vanishing Role\n", encoding="utf-8")
    os.symlink("loop-b.txt", raw / "loop-a.txt")
    os.symlink("loop-a.txt", raw / "loop-b.txt")
    (raw / "sub").mkdir()
    os.symlink("..", raw / "sub" / "up")  # a folder loop
    return {
        "empty.txt": "empty document: 0 bytes",
        "image.png": "binary file: NUL bytes in the first 8 KiB",
        "page.html": "HTML page: roledata reads text and Markdown pages; save the page as text",
        "huge.txt": f"cannot read file: too large: {(raw / 'huge.txt').stat().st_size} bytes (limit 10485760)",
        "copy of tech lead.txt": f"duplicate: same bytes as {SAMPLES['ai_tech_lead']}",
        "vanishing.txt": "cannot read file: file disappeared before it was read",
        "loop-a.txt": "cannot read file: symbolic link loop",
        "loop-b.txt": "cannot read file: symbolic link loop",
        "sub/up": "cannot read file: symbolic link to a folder: not followed",
    }


def test_bad_input_is_rejected_or_read_and_never_stops_the_run(tmp_path):
    raw = tmp_path / "raw"
    expected = make_bad_corpus(raw)
    warehouse = tmp_path / "warehouse"
    proc = start(raw, warehouse, "--verbose", fault="after-discover:sleep=4")
    try:
        time.sleep(2)  # the run has listed the folder and waits: the file goes away now
        (raw / "vanishing.txt").unlink()
        out, err = proc.communicate(timeout=240)
    finally:
        kill_group(proc)
    assert proc.returncode == 0, err
    assert "documents: 20 seen, 11 parsed, 0 unchanged, 9 rejected" in out
    for name, reason in expected.items():
        assert f"    {name}: {reason}" in out.splitlines()
    assert "warning mojibake.txt: mojibake: UTF-8 text decoded twice ('â€™'); rows keep the text as written" in out

    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        rejects = dict(con.execute("SELECT source_path, reason FROM rejects").fetchall())
        assert rejects == expected
        docs = {r[0]: r[1:] for r in con.execute("SELECT source_path, status, encoding, warning FROM documents").fetchall()}
        roles = dict(con.execute("SELECT d.source_path, r.title FROM roles r JOIN documents d USING (document_id) "
                                 "WHERE r.is_primary").fetchall())
    assert docs["cp1252 page.txt"] == ("parsed", "cp1252", None)
    assert docs["latin1 page.txt"] == ("parsed", "cp1252", None)  # every latin-1 byte here is also cp1252
    assert docs["mojibake.txt"][:2] == ("parsed", "utf-8")
    assert roles["title only.txt"] == "Quantum AI Strategist"
    assert roles["Ingénieur IA — données.txt"] == "AI Data Lead"
    assert roles["r\\xe9sum\\xe9 lead.txt"] == "Resume Screening Lead"
    assert roles["cp1252 page.txt"] == "Café Data Lead"
    assert roles["latin1 page.txt"] == "Responsable Données IA"

    # The samples' rows are exactly those of a run on the samples alone (roles merge across
    # pages, and the page copied from a sample lists the same other roles, so roles are left out).
    samples_only = tmp_path / "samples-only"
    assert run(RAW, samples_only).returncode == 0
    alone, mixed = current_tables(samples_only), current_tables(warehouse)
    sample_ids = {r[0] for r in alone["documents"]}
    compared = 0
    for name, rows in alone.items():
        columns = TABLES_BY_NAME[name].column_names
        if name == "roles" or "document_id" not in columns:
            continue
        at = columns.index("document_id")
        assert [r for r in mixed[name] if r[at] in sample_ids] == rows, name
        compared += len(rows)
    assert compared > 700
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)


def test_a_run_that_fails_is_recorded_with_its_error(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    failed = run(RAW, warehouse, "--full", fault="before-commit:raise")
    assert failed.returncode == 1
    assert failed.stderr.strip() == "error: run failed: RuntimeError: injected fault at before-commit"
    assert current_tables(warehouse) == before

    good = run(RAW, warehouse, "--full")  # a run that publishes (nothing changed, so only --full does)
    assert good.returncode == 0, good.stderr
    runs = runs_table(warehouse)
    assert [(status, message) for _, status, message in runs] == [
        ("succeeded", None), ("failed", "RuntimeError: injected fault at before-commit"), ("succeeded", None)]
    assert sorted(p.name for p in (warehouse / "snapshots").iterdir()
                  if p.is_dir() and not p.is_symlink()) == [runs[0][0], runs[2][0]]


def test_a_file_where_the_snapshots_folder_belongs_is_one_line(tmp_path):
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    (warehouse / "snapshots").write_text("not a folder\n")
    done = run(RAW, warehouse)
    assert (done.returncode, done.stderr.strip()) == (
        1, f"error: not a folder: {warehouse / 'snapshots'} (the warehouse needs a folder there)")
