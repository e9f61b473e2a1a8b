"""A run's session: the lock, the journal, what it carries over from the last snapshot, and
the two ways a run ends without building anything (nothing changed; a collapse refused)."""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd

from roledata import PARSER_VERSION
from roledata.publish.snapshot import latest_snapshot, read_snapshot_table, remove_unpublished
from roledata.run.report import RunReport, start_run
from roledata.run.journal import RunState, fault_point
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.settings import Settings
from roledata.run.stage import CHECKED
from roledata.text import display_path
from roledata.publish.warehouse import WarehouseError, remove_temporary

LISTING = "listing.json"  # under the state folder: the files and parser behind the LATEST snapshot
STAGING = "staging"  # under the state folder: DuckDB's spill space while a run checks its rows


def record_failed_start(settings: Settings, started_at: datetime, message: str) -> str:
    """Journal a run that failed before it could start (Prefect's server did not come up):
    `roledata runs` lists it and the next run records it in `pipeline_runs`."""
    report = start_run(started_at)
    state = RunState(settings.warehouse_dir)
    state.begin(report.run_id, report.started_at, PARSER_VERSION)
    state.fail(report.run_id, message)
    return report.run_id


@dataclass
class History:
    """What a run carries over from the last published snapshot."""
    runs: pd.DataFrame
    rejects: pd.DataFrame
    first_seen: dict[str, pd.Timestamp]
    failed_runs: list[str] = field(default_factory=list)  # journal entries this run records
    documents: int = 0  # documents parsed into the current dataset (rejected ones not counted)


class CollapseRefused(WarehouseError):
    """A run that would publish an empty or much smaller dataset than the current one."""


@dataclass
class RunSession:
    """A run that holds the warehouse: its settings, report and journal."""
    settings: Settings
    report: RunReport
    state: RunState


@contextmanager
def run_session(settings: Settings, started_at: datetime | None = None) -> Iterator[RunSession]:
    """Take the run lock, clear what killed runs left behind, journal this run.

    A run that raises is journaled as failed with the error; a run that is
    killed stays journaled as started. Either way the next run records it.
    """
    report = start_run(started_at)
    state = RunState(settings.warehouse_dir)
    with state.lock(report.run_id, settings.wait_seconds):
        state.begin(report.run_id, report.started_at, PARSER_VERSION)
        try:
            _clear_leftovers(settings, state, report.run_id)
            fault_point("after-start")
            yield RunSession(settings, report, state)
        except BaseException as exc:
            state.fail(report.run_id, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
            raise


def _clear_leftovers(settings: Settings, state: RunState, run_id: str) -> None:
    """Under the lock nothing else is writing: anything half-built belongs to a dead run."""
    remove_temporary(settings.warehouse_dir)
    shutil.rmtree(settings.state_dir / STAGING, ignore_errors=True)
    remove_unpublished(settings.snapshots_dir)
    latest = latest_snapshot(settings.snapshots_dir)
    for entry in state.unfinished(exclude=run_id):
        if entry["run_id"] != latest:  # stopped before its commit: a snapshot it renamed into place is void
            shutil.rmtree(settings.snapshots_dir / entry["run_id"], ignore_errors=True)


def read_history(session: RunSession) -> History:
    """Run log, rejects and first-seen times from the LATEST snapshot, plus runs that never finished."""
    settings = session.settings
    latest = latest_snapshot(settings.snapshots_dir)
    runs = _latest_table(settings, latest, "pipeline_runs")
    rejects = _latest_table(settings, latest, "rejects")
    docs = _latest_table(settings, latest, "documents", ["document_id", "first_seen_at", "status"])
    first_seen = {d["document_id"]: pd.Timestamp(d["first_seen_at"]) for d in docs}
    parsed = sum(d["status"] == "parsed" for d in docs)
    recorded = {r["run_id"] for r in runs}
    unfinished = session.state.unfinished(exclude=session.report.run_id)
    # Killed after its commit point (or after recording others): the snapshot already tells.
    session.state.forget([e["run_id"] for e in unfinished if e["run_id"] in recorded])
    failed = [e for e in unfinished if e["run_id"] not in recorded]
    runs += [_journaled_run_row(e) for e in failed]
    return History(to_frame(TABLES_BY_NAME["pipeline_runs"], runs), to_frame(TABLES_BY_NAME["rejects"], rejects),
                   first_seen, [e["run_id"] for e in failed], parsed)


def recent_runs(settings: Settings) -> list[dict]:
    """Runs newest first: those the LATEST snapshot records, then any it cannot know yet
    (the one running now, and runs that stopped since and are not recorded)."""
    runs = _latest_table(settings, latest_snapshot(settings.snapshots_dir), "pipeline_runs")
    recorded = {r["run_id"] for r in runs}
    state = RunState(settings.warehouse_dir)
    holder = (state.holder() or {}).get("run_id")
    for entry in state.unfinished():
        if entry["run_id"] in recorded:
            continue
        row = _journaled_run_row(entry)
        if entry["run_id"] == holder:
            row.update(status="running", message=None)
        runs.append(row)
    return sorted(runs, key=lambda r: r["run_id"], reverse=True)


def _latest_table(settings: Settings, latest: str | None, name: str, columns: list[str] | None = None) -> list[dict]:
    """Rows of one table of the LATEST snapshot; none before the first run."""
    if latest is None:
        return []
    try:
        return read_snapshot_table(settings.snapshots_dir, latest, name, columns)
    except (OSError, ValueError) as exc:
        raise WarehouseError(f"cannot read the latest snapshot {latest}: {exc}") from None


def _journaled_run_row(entry: dict) -> dict:
    """A run the LATEST snapshot does not record yet: as the journal says (a run that found
    nothing changed journals its whole row), else failed."""
    if entry.get("status") == "succeeded" and entry.get("row"):
        row = dict(entry["row"])
        for key in ("started_at", "finished_at"):
            if row.get(key):
                row[key] = pd.Timestamp(row[key])
        return row
    return _failed_run_row(entry)


def _failed_run_row(entry: dict) -> dict:
    message = entry.get("message") or f"process {entry.get('pid', '?')} stopped before the run finished (killed?)"
    return {"run_id": entry["run_id"], "started_at": entry.get("started_at"), "finished_at": entry.get("finished_at"),
            "status": "failed", "parser_version": entry.get("parser_version") or PARSER_VERSION, "message": message}


def saved_listing(settings: Settings) -> dict:
    """What the last published run recorded: {"snapshot", "parser", "files": path -> [size, mtime_ns, sha256]}."""
    try:
        saved = json.loads((settings.state_dir / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) and isinstance(saved.get("files"), dict) else {}


def record_listing(settings: Settings, files: dict, snapshot_id: str) -> None:
    """The files and parser behind `snapshot_id`, for the next run's no-change check and plan."""
    from roledata.run.fingerprint import parser_fingerprint, publisher_fingerprint

    tmp = settings.state_dir / f".{LISTING}.tmp"
    tmp.write_text(json.dumps({"snapshot": snapshot_id, "parser": parser_fingerprint(),
                               "publisher": publisher_fingerprint(), "files": files}), encoding="utf-8")
    tmp.replace(settings.state_dir / LISTING)


def skip_if_unchanged(session: RunSession, history: History, paths: list[str]) -> RunReport | None:
    """When the files (path, size, mtime) and the parser are those behind the LATEST snapshot,
    there is nothing to rebuild or publish: the run is journaled as succeeded, naming that
    snapshot, and ends. A directory listing's cost: no file is opened."""
    from roledata.run.plan import file_stat

    settings = session.settings
    latest = latest_snapshot(settings.snapshots_dir)
    if settings.full_rebuild or latest is None or not built_with(settings, latest):
        return None
    saved = saved_listing(settings)
    files = saved["files"]
    if set(files) != set(paths) or any(file_stat(settings, p) != files[p][:2] for p in paths):
        return None
    return nothing_published(session, history, latest, len(paths),
                             f"nothing changed since snapshot {latest}: nothing rebuilt or published")


def built_with(settings: Settings, latest: str) -> bool:
    """Whether the warehouse was built from `latest` by this parser and publisher: the listing
    is recorded after the database is swapped in (a run killed between its commit and that swap
    left an older database), and names the code that made them."""
    from roledata.run.fingerprint import parser_fingerprint, publisher_fingerprint

    saved = saved_listing(settings)
    return (saved.get("snapshot"), saved.get("parser"), saved.get("publisher")) == \
        (latest, parser_fingerprint(), publisher_fingerprint()) and settings.database_path.exists()


def nothing_published(session: RunSession, history: History, latest: str, seen: int, message: str,
                      counted: bool = False) -> RunReport:
    """End a run that leaves the dataset as it is: journaled as succeeded, naming the current
    snapshot (the next publishing run records it in `pipeline_runs`). `counted`: the run
    counted its documents itself (it planned and parsed before finding the same rows)."""
    report = session.report
    manifest = json.loads((session.settings.snapshots_dir / latest / "manifest.json").read_text(encoding="utf-8"))
    report.status, report.snapshot_id = "succeeded", latest
    if not counted:
        report.documents_seen, report.documents_unchanged = seen, history.documents
        report.documents_rejected = seen - history.documents
    report.rejects = history.rejects.to_dict("records")  # the current rejects, unchanged too
    report.row_counts = {t.name: manifest["tables"][t.name]["rows"] for t in sorted(CHECKED, key=lambda t: t.name)}
    report.finished_at = datetime.now(timezone.utc)
    report.message = message
    session.state.succeed(report.run_id, report.as_row())
    return report


def refuse_collapse(settings: Settings, report: RunReport, history: History, documents: int) -> None:
    """Publish nothing from an empty folder, or from one that yields far fewer documents
    than the current dataset (a folder briefly unmounted, a sync gone wrong)."""
    if settings.allow_shrink:
        return
    current = history.documents
    if report.documents_seen == 0:
        why = "the folder is empty"
    elif documents < settings.shrink_limit * current:
        why = f"under {settings.shrink_limit:.0%} of the current dataset"
    else:
        return
    raise CollapseRefused(
        f"refusing to publish: {display_path(str(settings.raw_dir))} yields {documents} documents, the current "
        f"dataset has {current} ({why}); warehouse and snapshots left as they were (--allow-shrink publishes anyway)")


