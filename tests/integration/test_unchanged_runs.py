"""A run with nothing changed costs a directory listing: it is recorded and publishes nothing."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

from tests.conftest import RAW
from tests.integration.helpers import ROLEDATA, roledata, run, table_contents

NOTHING = "nothing changed since snapshot {}: nothing rebuilt or published"


def published(warehouse):
    """Every snapshot file's bytes and every data table of the warehouse (a run that publishes
    nothing still adds its own row to the warehouse's pipeline_runs)."""
    files = sorted((warehouse / "snapshots").rglob("*"))
    found = {str(f.relative_to(warehouse)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files if f.is_file()}
    return found, table_contents(warehouse / "roledata.duckdb")


def logged_runs(warehouse) -> list[str]:
    """The warehouse's pipeline_runs as a SQL user sees it: status and message, oldest first."""
    return roledata("query", "select status, message from pipeline_runs order by run_id", "--warehouse",
                    str(warehouse), "--format", "csv").stdout.splitlines()[1:]


def snapshot_ids(warehouse) -> list[str]:
    return sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and p.name[0].isdigit())


def test_a_run_with_nothing_changed_publishes_nothing_and_is_recorded(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    [first] = snapshot_ids(warehouse)
    before = published(warehouse)

    again = run(raw, warehouse)
    assert again.returncode == 0
    assert NOTHING.format(first) in again.stdout.splitlines()
    assert f"snapshot: {warehouse / 'snapshots' / first}" in again.stdout
    assert published(warehouse) == before and snapshot_ids(warehouse) == [first]
    # The run is in the warehouse's run log at once, not only after the next publishing run.
    assert logged_runs(warehouse) == ["succeeded,", f"succeeded,{NOTHING.format(first)}"]

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    through_prefect = subprocess.run([ROLEDATA, "run", "--raw", str(raw), "--warehouse", str(warehouse)],
                                     capture_output=True, text=True, timeout=300,
                                     env=dict(env, PREFECT_HOME=str(tmp_path / "prefect")))
    assert through_prefect.returncode == 0, through_prefect.stderr
    assert NOTHING.format(first) in through_prefect.stdout.splitlines()
    assert published(warehouse) == before

    runs = roledata("runs", "--warehouse", str(warehouse), "--format", "csv").stdout.splitlines()
    assert [line.split(",")[1] for line in runs[1:]] == ["succeeded"] * 3
    assert sum(NOTHING.format(first) in line for line in runs) == 2

    # A changed page is rebuilt and published; the runs that changed nothing join the run log,
    # each naming the snapshot that was current.
    page = raw / "003_d215e5b89abca971.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")
    changed = run(raw, warehouse)
    assert changed.returncode == 0 and "documents: 5 seen, 1 parsed, 4 unchanged, 0 rejected" in changed.stdout
    assert len(snapshot_ids(warehouse)) == 2
    logged = roledata("query", "select snapshot_id, message from pipeline_runs order by run_id",
                      "--warehouse", str(warehouse), "--format", "csv").stdout.splitlines()
    assert logged[1:4] == [f"{first},", f"{first},{NOTHING.format(first)}", f"{first},{NOTHING.format(first)}"]


def test_full_rebuilds_and_a_touched_file_publishes_nothing(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    full = run(raw, warehouse, "--full")
    assert "nothing changed" not in full.stdout and "5 parsed" in full.stdout
    [_, current] = snapshot_ids(warehouse)
    before = published(warehouse)

    os.utime(raw / "000_0239b97c24f9bce3.txt")  # same bytes, new time: read again, same rows
    touched = run(raw, warehouse)
    assert touched.returncode == 0
    assert "documents: 5 seen, 0 parsed, 5 unchanged, 0 rejected" in touched.stdout
    assert f"pages changed but their rows did not: snapshot {current} stays" in touched.stdout.splitlines()
    assert published(warehouse) == before and len(snapshot_ids(warehouse)) == 2

    # The touched file's new time is recorded: the next run is a no-change run again.
    assert NOTHING.format(current) in run(raw, warehouse).stdout.splitlines()


def test_a_renamed_page_is_parsed_again_under_its_new_name(tmp_path):
    """Row ids hash the page's path: the same bytes under a new name are a new source."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    (raw / "004_149db44849bfa1dd.txt").rename(raw / "004_renamed.txt")
    renamed = run(raw, warehouse)
    assert renamed.returncode == 0
    assert "documents: 5 seen, 1 parsed, 4 unchanged, 0 rejected" in renamed.stdout
    assert len(snapshot_ids(warehouse)) == 2


def test_a_run_after_an_edit_to_the_code_that_merges_roles_publishes(tmp_path, monkeypatch):
    """The no-change check compares the code behind LATEST with the code now, whole packages: an
    edit to run/stage.py (role merging, keys, references) must reach an unchanged corpus."""
    from roledata.run import fingerprint
    from roledata.run.fingerprint import PACKAGE, publisher_fingerprint
    from roledata.run.pipeline import run_pipeline
    from roledata.settings import Settings

    settings = Settings(RAW, tmp_path / "warehouse")
    first = run_pipeline(settings)
    assert run_pipeline(settings).message == NOTHING.format(first.snapshot_id)

    edited = tmp_path / "roledata"
    shutil.copytree(PACKAGE, edited, ignore=shutil.ignore_patterns("__pycache__"))
    stage = edited / "run" / "stage.py"
    stage.write_text(stage.read_text(encoding="utf-8") + "\n# a change to the checks across pages\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "_installed_publisher", lambda: publisher_fingerprint(edited))
    republished = run_pipeline(settings)
    assert republished.snapshot_id == republished.run_id != first.snapshot_id
    assert (republished.documents_parsed, republished.documents_unchanged) == (0, 5)  # rows kept: same parser
