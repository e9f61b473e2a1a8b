"""An operator's bad day (issue: never publish wrong data, never drop a page in silence): odd paths,
a corrupted row store, a hostile page, special files, unreadable folders, a broken commit point,
a full disk, a killed run's workers. Each case publishes exactly what a clean `--full` run on the
same input gives, or nothing, and says so in one line; no page leaves without a reject."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from benchmarks.make_corpus import make_corpus
from tests.conftest import RAW, SAMPLES
from tests.integration.helpers import ROLEDATA, clean_full_tables, current_tables, run, start

SETPRIV = shutil.which("setpriv")


def unprivileged(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`roledata` as a user file permissions apply to: root without its override (setpriv drops the
    capabilities), or the user the tests run as."""
    command = [ROLEDATA, *args]
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root and setpriv is missing: no way to drop root's override of permissions")
        caps = "-dac_override,-dac_read_search"
        command = [SETPRIV, f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, ROLEDATA_FAULT=""))


def snapshot_ids(warehouse: Path) -> list[str]:
    return sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and p.name[0].isdigit())


def latest(warehouse: Path) -> str:
    return (warehouse / "snapshots" / "LATEST").read_text().strip()


def warnings(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stdout.splitlines() if line.startswith("warning")]


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()

ODD = "wh*[1]? 'q' \"d\" s"


def _rejects(warehouse: Path) -> list[tuple]:
    return query(warehouse, "SELECT source_path, table_name, reason FROM rejects ORDER BY ALL")


def test_glob_characters_quotes_and_spaces_in_the_paths_are_data(tmp_path):
    """A part path with `*`, `?` or `[` was a glob pattern: a backup of the warehouse beside it
    (`wh-backup...`, matched by `wh*`) was read too, giving duplicate-key rejects and lost rows."""
    raw, warehouse = tmp_path / "raw [1]* ?'q'", tmp_path / ODD
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    shutil.copytree(warehouse, tmp_path / ODD.replace("*", "-backup"))  # matched by the `*` as a pattern
    shutil.copytree(warehouse, tmp_path / ODD.replace("[1]", "1"))  # matched by `[1]` as a pattern
    page = raw / SAMPLES["ai_tech_lead"]
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 1 parsed, 4 unchanged, 0 rejected" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    assert _rejects(warehouse) == []


def _part_file(warehouse: Path, table: str) -> Path:
    [fingerprint] = (warehouse / ".roledata" / "rows").iterdir()
    return sorted((fingerprint / table).glob("*.parquet"))[0]


def test_a_row_store_part_changed_on_disk_is_set_aside_and_its_pages_parsed_again(tmp_path):
    """One pay figure's digit changed inside a kept part was published as it was ($980K for $180K),
    with changes.json blaming a page that did not change."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    part = _part_file(warehouse, "salaries")
    data = part.read_bytes()
    where = data.find(b"180")
    assert where > 0  # a figure as the page writes it, kept in the part's text column
    part.write_bytes(data[:where] + b"980" + data[where + 3:])
    page = raw / SAMPLES["ai_tech_lead"]
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")

    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    [warning] = [line for line in done.stdout.splitlines() if line.startswith("warning")]
    assert warning == (f"warning .roledata/rows: row store part {part.stem}: the salaries file changed on disk "
                       f"since it was written (checksum mismatch); set aside in rows-set-aside/, its pages parsed again")
    assert "documents: 5 seen, 5 parsed, 0 unchanged, 0 rejected" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    aside = warehouse / ".roledata" / "rows-set-aside" / part.stem
    assert (aside / f"salaries-{part.name}").read_bytes() == data[:where] + b"980" + data[where + 3:]


def test_a_truncated_part_never_stops_a_run(tmp_path):
    """A part cut short stopped every publishing run (`No magic bytes found`) until --full."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    part = _part_file(warehouse, "documents")
    part.write_bytes(part.read_bytes()[:100])
    (raw / "notes.md").write_text("# Data Steward\n\nA data steward keeps the catalog tidy.\n", encoding="utf-8")
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert f"row store part {part.stem}: the documents file changed on disk" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)


def test_one_page_of_a_single_huge_line_cannot_take_the_run_down(tmp_path):
    """Pay figures in one line with no sentence break: 636 salary rows each holding the whole 50 KB
    line; at 1 MB, 5 minutes and 16 GB before the run failed."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    clause = "the data engineer earns between $120,000 and $150,000 a year while a lead makes $180K to $220K "
    (raw / "flat.txt").write_text("Data Engineer Salary\n" + clause * 600 + "\n", encoding="utf-8")  # 57 KB
    (raw / "dump.txt").write_text("Data Engineer Salary\n" + clause * 11_000 + "\n", encoding="utf-8")  # 1 MB
    started = time.monotonic()
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 120
    [(reason,)] = query(warehouse, "SELECT reason FROM rejects WHERE source_path = 'dump.txt'")
    assert reason == "page too long to read as text: 1,045,000 characters in one line (limit 200,000)"
    rows = query(warehouse, "SELECT s.amount_min, s.amount_max, count(*), max(length(s.text)) FROM salaries s "
                            "JOIN documents d USING (document_id) WHERE d.source_path = 'flat.txt' GROUP BY ALL ORDER BY ALL")
    # A row's text is at most a 4,000-character piece of the line, not the line; where a piece ends
    # inside a range, its two ends are read as two figures.
    assert rows == [(120_000, 120_000, 2, 3_998), (120_000, 150_000, 598, 3_999), (150_000, 150_000, 2, 3_998),
                    (180_000, 180_000, 1, 3_998), (180_000, 220_000, 599, 3_999), (220_000, 220_000, 1, 3_999)]


def test_links_outside_the_raw_folder_and_system_files_are_rejects(tmp_path):
    """A link to /proc/self/environ published the process's environment (every variable, secrets too)."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Data Steward\n\nA data steward keeps the catalog tidy and earns $90,000 a year.\n",
                       encoding="utf-8")
    (raw / "environment.txt").symlink_to("/proc/self/environ")
    (raw / "devices.txt").symlink_to("/dev/zero")
    (raw / "elsewhere.md").symlink_to(outside)
    env = dict(os.environ, ROLEDATA_CANARY="a-secret-" + "x" * 9000)  # long: the first variable over 8 KiB
    done = subprocess.run([ROLEDATA, "run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert _rejects(warehouse) == [
        ("devices.txt", None, "cannot read file: a system file under /dev: never read"),
        ("elsewhere.md", None, "cannot read file: symbolic link leading outside the raw folder: not followed "
                               "(--allow-links-outside reads such links)"),
        ("environment.txt", None, "cannot read file: a system file under /proc: never read")]
    published = b"".join(p.read_bytes() for p in (warehouse / "snapshots").rglob("*") if p.is_file())
    assert b"a-secret-" not in published and b"a-secret-" not in (warehouse / "roledata.duckdb").read_bytes()
    allowed = run(raw, warehouse, "--allow-links-outside")
    assert allowed.returncode == 0, allowed.stderr
    assert query(warehouse, "SELECT title FROM roles WHERE role_id = 'data-steward'") == [("Data Steward",)]
    assert [r[0] for r in _rejects(warehouse)] == ["devices.txt", "environment.txt"]


def test_an_unreadable_folder_is_a_reject_and_its_pages_leave_with_theirs(tmp_path):
    """An unreadable subfolder's pages left the published dataset with no reject, exit 0."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    (raw / "team").mkdir()
    for name in ("ai_tech_lead", "vp_of_ai"):  # two pages move into the folder
        (raw / SAMPLES[name]).rename(raw / "team" / SAMPLES[name])
    assert unprivileged("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect").returncode == 0
    (raw / "team").chmod(0)
    try:
        done = unprivileged("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect")
    finally:
        (raw / "team").chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "documents: 6 seen, 0 parsed, 3 unchanged, 3 rejected" in done.stdout
    assert _rejects(warehouse) == [
        ("team/", None, "cannot read folder: permission denied"),
        (f"team/{SAMPLES['vp_of_ai']}", None, "cannot read file: permission denied"),
        (f"team/{SAMPLES['ai_tech_lead']}", None, "cannot read file: permission denied")]
    # Readable again, untouched: read and published again (an unread file is never "unchanged").
    again = unprivileged("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect")
    assert again.returncode == 0, again.stderr
    assert "documents: 5 seen, 0 parsed, 5 unchanged, 0 rejected" in again.stdout
    assert _rejects(warehouse) == [] and current_tables(warehouse) == clean_full_tables(raw, tmp_path)


def test_a_file_unreadable_then_readable_again_is_read_again_untouched(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    page = raw / SAMPLES["ai_tech_lead"]
    page.chmod(0)
    try:
        first = unprivileged("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect")
    finally:
        page.chmod(0o644)
    assert first.returncode == 0, first.stderr
    assert _rejects(warehouse) == [(SAMPLES["ai_tech_lead"], None, "cannot read file: permission denied")]
    second = unprivileged("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect")
    assert "documents: 5 seen, 1 parsed, 4 unchanged, 0 rejected" in second.stdout, second.stdout
    assert _rejects(warehouse) == [] and current_tables(warehouse) == clean_full_tables(raw, tmp_path)


@pytest.fixture
def two_snapshots(tmp_path) -> tuple[Path, Path, list[str]]:
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    assert run(raw, warehouse, "--full").returncode == 0
    return raw, warehouse, snapshot_ids(warehouse)


@pytest.mark.parametrize("damage", ["deleted", "empty", "missing snapshot"])
def test_a_lost_commit_point_heals_from_the_snapshots(two_snapshots, damage):
    """LATEST deleted: the next run published as if first (pipeline_runs and first_seen_at reset, no
    shrink guard); LATEST empty or naming a missing snapshot: every run failed, --full too."""
    raw, warehouse, [_, newest] = two_snapshots
    before = query(warehouse, "SELECT document_id, first_seen_at FROM documents ORDER BY 1")
    marker = warehouse / "snapshots" / "LATEST"
    {"deleted": marker.unlink, "empty": lambda: marker.write_text(""),
     "missing snapshot": lambda: marker.write_text("20990101T000000000000Z\n")}[damage]()
    for page in sorted(raw.iterdir())[1:]:  # a folder with 1 of the 5 pages: the shrink guard must hold
        page.unlink()
    refused = run(raw, warehouse)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: refusing to publish: ") and "the current dataset has 5" in refused.stderr
    assert latest(warehouse) == newest  # healed under the lock, before anything else
    shutil.rmtree(raw)
    shutil.copytree(RAW, raw)
    marker.unlink()
    done = run(raw, warehouse, "--full")
    assert done.returncode == 0, done.stderr
    assert warnings(done) == [f"warning snapshots/LATEST: snapshots/LATEST is missing: the newest complete "
                              f"snapshot, {newest}, is the current one again"]
    assert query(warehouse, "SELECT document_id, first_seen_at FROM documents ORDER BY 1") == before
    assert [s for (s,) in query(warehouse, "SELECT status FROM pipeline_runs ORDER BY run_id")] == \
        ["succeeded", "succeeded", "failed", "succeeded"]


def test_a_broken_warehouse_file_is_built_again_when_nothing_changed(tmp_path):
    """roledata.duckdb cut short: a run with nothing changed said so, exit 0, the warehouse unreadable."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    database = warehouse / "roledata.duckdb"
    database.write_bytes(database.read_bytes()[:4096])
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert "nothing changed" not in done.stdout and "documents: 5 seen, 0 parsed, 5 unchanged" in done.stdout
    [warning] = warnings(done)
    assert warning.startswith("warning roledata.duckdb: roledata.duckdb cannot be opened (")
    assert warning.endswith("): built again from the row store")
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)


def test_a_failure_after_the_commit_is_a_warning_and_the_next_run_finishes_the_work(tmp_path):
    """A full disk while the catalog was written: exit 1 "run failed" though LATEST and the database
    held the new run, and `latest/` and index.html stayed behind, even after a no-change run."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    [old] = snapshot_ids(warehouse)
    page = raw / SAMPLES["ai_tech_lead"]
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")
    done = run(raw, warehouse, fault="before-catalog:disk-full")
    assert done.returncode == 0, done.stderr
    new = latest(warehouse)
    assert new != old and warnings(done) == [
        "warning snapshots: published, catalog not updated (the next run updates it): OSError: [Errno 28] "
        "No space left on device: '<injected at before-catalog>'"]
    index = warehouse / "snapshots" / "index.html"
    assert new not in index.read_text() and (warehouse / "snapshots" / "latest").resolve().name == old
    repaired = run(raw, warehouse)
    assert f"nothing changed since snapshot {new}: nothing rebuilt or published" in repaired.stdout
    assert new in index.read_text() and (warehouse / "snapshots" / "latest").resolve().name == new
    assert (warehouse / "snapshots" / f"{new}.zip").exists()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] if Path(f"/proc/{pid}").exists() else "X"
    return state not in ("Z", "X")


@pytest.mark.parametrize("prefect", [False, True], ids=["direct", "prefect"])
def test_workers_die_with_their_run(tmp_path, prefect):
    """kill -9 of a run while it parsed left its two workers and the resource tracker alive under
    PID 1, deadlocked, 550-760 MB."""
    make_corpus(tmp_path / "raw", 1_500, raw=RAW, templates=RAW.parent / "tests" / "pages")
    proc = start(tmp_path / "raw", tmp_path / "warehouse", "--workers", "2", "--batch-size", "100",
                 prefect=prefect, env={"ROLEDATA_NO_PROGRESS": "1"})
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        descendants = _children(proc.pid)
        workers = [c for c in descendants if "multiprocessing" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")
                   or "spawn_main" in Path(f"/proc/{c}/cmdline").read_text(errors="replace")]
        if len(workers) >= 2:
            break
        time.sleep(0.2)
    assert len(workers) >= 2, "the run never started its worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


def test_prune_on_a_read_only_warehouse_is_one_line(two_snapshots):
    _, warehouse, _ = two_snapshots
    folders = [warehouse, *[p for p in warehouse.rglob("*") if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o555)
    try:
        done = unprivileged("snapshots", "prune", "--keep", "1", "--warehouse", str(warehouse))
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"error: cannot prune the snapshots in {warehouse / 'snapshots'}: Permission denied\n"
    assert len(snapshot_ids(warehouse)) == 2


def test_utf16_pages_are_read_and_reused_pages_are_not_counted_as_parsed(tmp_path):
    """A UTF-16 file with a byte order mark was "binary"; documents_parsed counted pages reused
    from the row store."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    page = raw / SAMPLES["ai_tech_lead"]
    text = page.read_text(encoding="utf-8")
    page.write_bytes(text.encode("utf-16"))  # a byte order mark, then little-endian UTF-16
    done = run(raw, warehouse)
    assert done.returncode == 0 and "documents: 5 seen, 5 parsed, 0 unchanged, 0 rejected" in done.stdout
    assert query(warehouse, f"SELECT encoding FROM documents WHERE source_path = '{page.name}'") == [("utf-16",)]
    as_utf8 = tmp_path / "utf8"
    assert run(RAW, as_utf8).returncode == 0
    same = "SELECT * EXCLUDE (document_id) FROM salaries ORDER BY salary_id"  # only the bytes' hash differs
    assert query(warehouse, same) == query(as_utf8, same) and len(query(warehouse, same)) == 36
    moved = raw / "later" / page.name
    moved.parent.mkdir()
    kept = tmp_path / page.name
    page.rename(kept)
    assert run(raw, warehouse, "--allow-shrink").returncode == 0  # 4 pages: its rows leave the dataset
    kept.rename(page)  # back: same bytes and path, rows still kept in the row store
    back = run(raw, warehouse)
    assert "documents: 5 seen, 0 parsed, 5 unchanged, 0 rejected" in back.stdout, back.stdout
