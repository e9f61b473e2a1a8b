"""The run, as plain functions: discover -> parse -> validate -> load -> publish.

`roledata.flow` (deployed from `flows/build_dataset.py`) wraps these steps in Prefect tasks; `run_pipeline`
calls them directly (tests, benchmarks, embedding). Both produce the same
warehouse.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from typing import TypeVar

import pandas as pd

from roledata import PARSER_VERSION
from roledata.cache import ParseCache
from roledata.catalog import build_catalog
from roledata.document import DocumentResult, process_document
from roledata.evaluate import reference_accuracy
from roledata.extract.identity import assign_row_ids
from roledata.extract.skills import skills_table
from roledata.publish import (latest_snapshot, mark_latest, prune_snapshots, publish_snapshot, read_snapshot_table,
                              remove_unpublished)
from roledata.report import RunReport, page_parsed, start_run
from roledata.runstate import RunState, fault_point
from roledata.schema import TABLES_BY_NAME, to_frame
from roledata.settings import Settings, project_root
from roledata.stage import CHECKED, FinalTables, Stage
from roledata.sources import DocumentSource, FolderSource, iter_documents
from roledata.text import display_path, sha256_hex
from roledata.validate import RejectLog, check_documents
from roledata.warehouse import WarehouseError, build_database, remove_temporary, swap_in

STAGING = "staging"  # under the state folder: a run's checked rows, batch by batch
# A batch with fewer pages to parse is parsed in the flow's own process: starting a
# worker process (~2-3 s) costs more than parsing them (~15 ms a page).
INLINE_BELOW = 25
T = TypeVar("T")


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
    listing: dict[str, list[int] | None] | None = None  # path -> [size, mtime_ns] at discovery


LISTING = "listing.json"  # under the state folder: the files and parser behind the LATEST snapshot


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


def discover(settings: Settings) -> list[str]:
    return FolderSource(settings.raw_dir).list_paths()


def file_listing(settings: Settings, paths: list[str]) -> dict[str, list[int] | None]:
    """path -> [size, mtime in ns] (None when it cannot be read): a directory listing's cost."""
    listing: dict[str, list[int] | None] = {}
    for path in paths:
        try:
            info = (settings.raw_dir / path).stat()
            listing[path] = [info.st_size, info.st_mtime_ns]
        except OSError:
            listing[path] = None
    return listing


def skip_if_unchanged(session: RunSession, history: History, paths: list[str]) -> RunReport | None:
    """When the files (path, size, mtime) and the parser are those behind the LATEST snapshot,
    there is nothing to rebuild or publish: the run is journaled as succeeded, naming that
    snapshot, and ends. Otherwise the listing is kept for `finish` to record."""
    from roledata.cache import parser_fingerprint

    settings, report = session.settings, session.report
    session.listing = file_listing(settings, paths)
    latest = latest_snapshot(settings.snapshots_dir)
    if settings.full_rebuild or latest is None:
        return None
    try:
        saved = json.loads((settings.state_dir / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (saved.get("snapshot"), saved.get("parser"), saved.get("files")) != \
            (latest, parser_fingerprint(), session.listing):
        return None
    manifest = json.loads((settings.snapshots_dir / latest / "manifest.json").read_text(encoding="utf-8"))
    report.status, report.snapshot_id = "succeeded", latest
    report.documents_seen, report.documents_unchanged = len(paths), history.documents
    report.documents_rejected = len(paths) - history.documents
    report.rejects = history.rejects.to_dict("records")  # the current rejects, unchanged too
    report.row_counts = {t.name: manifest["tables"][t.name]["rows"] for t in sorted(CHECKED, key=lambda t: t.name)}
    report.finished_at = datetime.now(timezone.utc)
    report.message = f"nothing changed since snapshot {latest}: nothing rebuilt or published"
    session.state.succeed(report.run_id, report.as_row())
    return report


def batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i:i + size] for i in range(0, len(paths), size)] or [[]]


@dataclass
class ReadBatch:
    """One batch after reading: results known without parsing, and pages to parse."""
    ready: list[DocumentResult]  # unreadable files, and unchanged bytes from the parse cache
    to_parse: list[tuple[str, bytes, str]]  # (path, bytes, document_id)


def read_files(settings: Settings, paths: list[str], seen_at: datetime) -> ReadBatch:
    """Read one batch of the raw folder (in the flow's process); bytes the parse cache
    knows under this parser are taken from it (unless this is a full rebuild)."""
    source = FolderSource(settings.raw_dir, settings.max_document_bytes)
    cache = ParseCache(settings.cache_dir) if not settings.full_rebuild else None
    return read_batch(source, paths, seen_at, cache)


def read_batch(source: DocumentSource, paths: list[str], seen_at: datetime,
               cache: ParseCache | None = None) -> ReadBatch:
    batch = ReadBatch([], [])
    for path, data, error in iter_documents(source, paths):
        if data is None:
            batch.ready.append(DocumentResult(
                {"document_id": None, "source_path": display_path(path), "reason": error}, None, {}, error))
            continue
        document_id = sha256_hex(data)
        cached = cache.get(document_id) if cache is not None else None
        if cached is not None:
            if cached.document["source_path"] != display_path(path):  # the same bytes under another name
                assign_row_ids(cached.tables, display_path(path))
            cached.document.update(source_path=display_path(path), first_seen_at=seen_at)
            cached.from_cache = True
            batch.ready.append(cached)
        else:
            batch.to_parse.append((path, data, document_id))
    return batch


def parse_pages(pages: list[tuple[str, bytes, str]], seen_at: datetime) -> list[DocumentResult]:
    """Parse and row-check pages: pure computation, no file access, so it runs
    wherever the executor puts it (a worker process, a Dask worker)."""
    results = []
    for path, data, document_id in pages:
        results.append(process_document(path, data, seen_at, document_id))
        page_parsed()
    check_documents(results)
    for result in results:
        result.text = None  # checked: the rows carry their own text; no need to ship the page back
    return results


def parse_batch(source: DocumentSource, paths: list[str], seen_at: datetime,
                cache: ParseCache | None = None) -> list[DocumentResult]:
    """Read and parse one batch in this process."""
    batch = read_batch(source, paths, seen_at, cache)
    return batch.ready + parse_pages(batch.to_parse, seen_at)


def remember(settings: Settings, results: list[DocumentResult]) -> None:
    """Keep newly parsed results for the next run (in the flow's process: the one writer)."""
    cache = ParseCache(settings.cache_dir)
    for result in results:
        document_id = result.document.get("document_id")
        if document_id is not None and not result.from_cache:
            cache.put(document_id, result)


@dataclass
class PendingBatch:
    """A read batch whose pages, if any, are being parsed somewhere."""
    ready: list[DocumentResult]
    parsing: Future | None  # anything with .result(): a concurrent or a Prefect future

    def result(self) -> list[DocumentResult]:
        return self.ready + (self.parsing.result() if self.parsing is not None else [])


def in_order(submit: Callable[[T], PendingBatch], items: list[T], ahead: int) -> Iterator[tuple[T, object]]:
    """`(item, submit(item).result())` in item order, with at most `ahead` submitted
    items whose result is not yet taken: the next item is submitted before the
    caller gets a result, so workers stay busy while it stages a batch, and
    finished batches never pile up in memory."""
    upcoming = iter(items)
    pending = deque((item, submit(item)) for item in islice(upcoming, max(1, ahead)))
    while pending:
        item, future = pending.popleft()
        result = future.result()
        pending.extend((nxt, submit(nxt)) for nxt in islice(upcoming, 1))
        yield item, result


def parse_here(settings: Settings, batch: ReadBatch, batch_count: int) -> bool:
    """Whether to parse a read batch in the flow's own process rather than send it to a worker."""
    if settings.executor != "local":
        return False  # the user asked for the cluster
    return settings.workers <= 1 or batch_count <= 1 or len(batch.to_parse) < INLINE_BELOW


def dispatch(settings: Settings, batch: ReadBatch, batch_count: int,
             parse: Callable[[list], list[DocumentResult]], send: Callable[[list], Future]) -> PendingBatch:
    """A read batch's pages: none to parse, parsed here with `parse`, or sent to a worker with `send`."""
    if not batch.to_parse:
        return PendingBatch(batch.ready, None)
    if parse_here(settings, batch, batch_count):
        return PendingBatch(batch.ready + parse(batch.to_parse), None)
    return PendingBatch(batch.ready, send(batch.to_parse))


def parse_all(settings: Settings, batches: list[list[str]], seen_at: datetime) -> Iterator[list[DocumentResult]]:
    """Batches in order, pages parsed by `settings.workers` processes side by side (without Prefect).

    Unchanged pages never leave this process; worker processes start only
    when there is something to parse.
    """
    with ProcessPoolExecutor(settings.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        def submit(paths: list[str]) -> PendingBatch:
            return dispatch(settings, read_files(settings, paths, seen_at), len(batches),
                            lambda pages: parse_pages(pages, seen_at),
                            lambda pages: pool.submit(parse_pages, pages, seen_at))

        for _, results in in_order(submit, batches, 2 * settings.workers):
            yield results


@contextmanager
def open_stage(session: RunSession, history: History) -> Iterator[Stage]:
    """Where this run's checked rows wait for the checks across batches."""
    stage = Stage(session.settings.state_dir / STAGING / session.report.run_id,
                  RejectLog(session.report.run_id, {}), history.first_seen, session.report)
    try:
        yield stage
    finally:
        stage.close()


def check(stage: Stage) -> FinalTables:
    """Checks across batches: roles merged, keys unique, references known."""
    return stage.finish(to_frame(TABLES_BY_NAME["skills"], skills_table()))


def finish(session: RunSession, final: FinalTables, stage: Stage, history: History) -> RunReport:
    """Add the run's own records, then publish and commit.

    Order matters for crash safety: the new database file and the snapshot
    folder are complete on disk before `LATEST` names the snapshot (the
    commit point), and the database is swapped in right after. A run killed
    before the commit leaves the previous warehouse and snapshots as they
    were; the next run removes its leftovers and records it as failed.
    """
    settings, report = session.settings, session.report
    refuse_collapse(settings, report, history, final.count("documents", "status = 'parsed'"))
    report.rejects = stage.log.rows
    report.row_counts = {t.name: final.count(t.name) for t in sorted(CHECKED, key=lambda t: t.name)}
    report.finished_at = datetime.now(timezone.utc)
    report.status = "succeeded"
    report.snapshot_id = report.run_id
    final.put("rejects", to_frame(TABLES_BY_NAME["rejects"], current_rejects(history.rejects, stage.log.rows)))
    final.put("pipeline_runs", _append(history.runs, "pipeline_runs", [report.as_row()]))
    fault_point("before-database")
    database_tmp = build_database(settings.database_path, final, report.run_id)
    fault_point("before-snapshot")
    accuracy = reference_accuracy(project_root(), settings.state_dir)
    publish_snapshot(settings.snapshots_dir, final, report.snapshot_id, report.finished_at, accuracy,
                     raw_dir=settings.raw_dir)
    fault_point("before-commit")
    mark_latest(settings.snapshots_dir, report.snapshot_id)
    fault_point("before-swap")
    swap_in(database_tmp, settings.database_path)
    fault_point("after-swap")
    session.state.forget([*history.failed_runs, report.run_id])
    _record_listing(settings, session.listing, report.snapshot_id)
    ParseCache(settings.cache_dir).prune(set(final.column("documents", "document_id")))
    if settings.keep is not None:
        prune_snapshots(settings.snapshots_dir, settings.keep)
    build_catalog(settings.snapshots_dir)
    return report


def _record_listing(settings: Settings, listing: dict | None, snapshot_id: str) -> None:
    """The files and parser behind the snapshot just published, for the next run's no-change check."""
    from roledata.cache import parser_fingerprint

    if listing is None:
        return
    tmp = settings.state_dir / f".{LISTING}.tmp"
    tmp.write_text(json.dumps({"snapshot": snapshot_id, "parser": parser_fingerprint(), "files": listing}),
                   encoding="utf-8")
    os.replace(tmp, settings.state_dir / LISTING)


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


def current_rejects(previous: pd.DataFrame, rows: list[dict]) -> list[dict]:
    """This run's rejects, one row per document, table, reason and row: a reject the previous
    snapshot held too keeps its id and its first run; one the input no longer gives is gone."""
    first: dict[str, str] = {}
    if len(previous) and "reject_id" in previous:
        firsts = previous["first_run_id"] if "first_run_id" in previous else previous["run_id"]
        first = {rid: fr if isinstance(fr, str) else run for rid, fr, run
                 in zip(previous["reject_id"], firsts, previous["run_id"])}
    return [dict(row, first_run_id=first.get(row["reject_id"], row["first_run_id"])) for row in rows]


def _append(old: pd.DataFrame, name: str, new_rows: list[dict]) -> pd.DataFrame:
    new = to_frame(TABLES_BY_NAME[name], new_rows)
    if not len(old):
        return new
    if not len(new):
        return old.reset_index(drop=True)
    return pd.concat([old, new], ignore_index=True)


def run_pipeline(settings: Settings, started_at: datetime | None = None) -> RunReport:
    """The whole run without Prefect."""
    from roledata.report import progress_bar

    with run_session(settings, started_at) as session:
        history = read_history(session)
        paths = discover(settings)
        fault_point("after-discover")
        if (unchanged := skip_if_unchanged(session, history, paths)) is not None:
            return unchanged
        parts = batches(paths, settings.batch_size)
        with open_stage(session, history) as stage:
            with progress_bar(len(paths)) as reached:
                staged = 0
                for batch, parsed in zip(parts, parse_all(settings, parts, session.report.started_at)):
                    remember(settings, parsed)
                    stage.add(parsed)
                    staged += len(batch)
                    reached(staged)
            fault_point("after-parse")
            with check(stage) as final:
                return finish(session, final, stage, history)
