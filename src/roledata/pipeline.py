"""The run, as plain functions: discover -> parse -> validate -> load -> publish.

`flows/build_dataset.py` wraps these steps in Prefect tasks; `run_pipeline`
calls them directly (tests, benchmarks, embedding). Both produce the same
warehouse.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd

from roledata import PARSER_VERSION
from roledata.document import DocumentResult, process_document
from roledata.extract.skills import skills_table
from roledata.publish import mark_latest, publish_snapshot
from roledata.schema import EXTRACTED_TABLES, TABLES_BY_NAME, to_frame
from roledata.settings import Settings
from roledata.sources import DocumentSource, FolderSource, iter_documents
from roledata.validate import RejectLog, validate_tables
from roledata.warehouse import History, read_history, write_warehouse


@dataclass
class RunReport:
    run_id: str
    started_at: datetime
    status: str = "running"
    finished_at: datetime | None = None
    documents_seen: int = 0
    documents_parsed: int = 0
    documents_unchanged: int = 0
    documents_rejected: int = 0
    row_counts: dict[str, int] = field(default_factory=dict)
    snapshot_id: str | None = None
    rejects: list[dict] = field(default_factory=list)

    def as_row(self) -> dict:
        return {"run_id": self.run_id, "started_at": self.started_at, "finished_at": self.finished_at,
                "status": self.status, "documents_seen": self.documents_seen,
                "documents_parsed": self.documents_parsed, "documents_unchanged": self.documents_unchanged,
                "documents_rejected": self.documents_rejected,
                "row_counts": json.dumps(self.row_counts, sort_keys=True),
                "snapshot_id": self.snapshot_id, "parser_version": PARSER_VERSION}


def start_run() -> RunReport:
    now = datetime.now(timezone.utc)
    return RunReport(run_id=now.strftime("%Y%m%dT%H%M%S%fZ"), started_at=now)


def discover(settings: Settings) -> list[str]:
    return FolderSource(settings.raw_dir).list_paths()


def batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i:i + size] for i in range(0, len(paths), size)] or [[]]


def parse_batch(source: DocumentSource, paths: list[str], seen_at: datetime) -> list[DocumentResult]:
    """Read and parse one batch of documents; unreadable files become rejected results."""
    results = []
    for path, data, error in iter_documents(source, paths):
        if data is None:
            results.append(DocumentResult(
                {"document_id": None, "source_path": path, "reason": error}, None, {}, error))
            continue
        results.append(process_document(path, data, seen_at))
    return results


@dataclass
class Collected:
    rows: dict[str, list[dict]]
    texts: dict[str, str]
    log: RejectLog


def collect(results: list[DocumentResult], report: RunReport, history: History) -> Collected:
    """Merge batch results into table rows; record document-level rejects."""
    rows: dict[str, list[dict]] = {t.name: [] for t in EXTRACTED_TABLES}
    rows["documents"] = []
    texts: dict[str, str] = {}
    log = RejectLog(report.run_id, {})
    seen_ids: dict[str, str] = {}
    for result in sorted(results, key=lambda r: r.document["source_path"]):
        doc = result.document
        report.documents_seen += 1
        doc_id = doc.get("document_id")
        if doc_id is None:  # the file could not be read at all
            report.documents_rejected += 1
            log.add(None, None, result.reject_reason or "unreadable", None, source_path=doc["source_path"])
            continue
        log.paths[doc_id] = doc["source_path"]
        if doc_id in seen_ids:
            report.documents_rejected += 1
            log.add(doc_id, None, f"duplicate: same bytes as {seen_ids[doc_id]}", None, source_path=doc["source_path"])
            continue
        seen_ids[doc_id] = doc["source_path"]
        if doc_id in history.first_seen:
            doc["first_seen_at"] = history.first_seen[doc_id]
        rows["documents"].append(doc)
        if result.reject_reason:
            report.documents_rejected += 1
            log.add(doc_id, None, result.reject_reason, None)
            continue
        report.documents_parsed += 1
        texts[doc_id] = result.text or ""
        for name, table_rows in result.tables.items():
            rows[name].extend(table_rows)
    rows["roles"] = _merge_roles(rows["roles"])
    rows["skills"] = skills_table()
    return Collected(rows, texts, log)


def _merge_roles(roles: list[dict]) -> list[dict]:
    """A role listed on several pages is one role; the page about it wins.

    Two pages that both describe the same role keep both rows here, so the
    second is rejected as a duplicate key with its reason, not dropped.
    """
    primary_ids = {r["role_id"] for r in roles if r["is_primary"]}
    merged: list[dict] = []
    listed_seen: set[str] = set()
    for row in roles:
        if row["is_primary"]:
            merged.append(row)
        elif row["role_id"] not in primary_ids and row["role_id"] not in listed_seen:
            listed_seen.add(row["role_id"])
            merged.append(row)
    return merged


def validate(collected: Collected) -> dict[str, pd.DataFrame]:
    return validate_tables(collected.rows, collected.texts, collected.log)


def finish(settings: Settings, frames: dict[str, pd.DataFrame], collected: Collected,
           report: RunReport, history: History) -> RunReport:
    """Add the run's own records, publish the snapshot, swap in the new warehouse."""
    report.rejects = collected.log.rows
    report.row_counts = {name: int(len(frame)) for name, frame in sorted(frames.items())}
    report.finished_at = datetime.now(timezone.utc)
    report.status = "succeeded"
    report.snapshot_id = report.run_id
    frames = dict(frames)
    frames["rejects"] = _append(history.rejects, "rejects", collected.log.rows)
    frames["pipeline_runs"] = _append(history.runs, "pipeline_runs", [report.as_row()])
    publish_snapshot(settings.snapshots_dir, frames, report.snapshot_id, report.finished_at)
    write_warehouse(settings.database_path, frames, report.run_id)
    mark_latest(settings.snapshots_dir, report.snapshot_id)
    return report


def _append(old: pd.DataFrame, name: str, new_rows: list[dict]) -> pd.DataFrame:
    new = to_frame(TABLES_BY_NAME[name], new_rows)
    if not len(old):
        return new
    if not len(new):
        return old.reset_index(drop=True)
    return pd.concat([old, new], ignore_index=True)


def run_pipeline(settings: Settings) -> RunReport:
    """The whole run without Prefect."""
    report = start_run()
    history = read_history(settings.database_path)
    source = FolderSource(settings.raw_dir)
    paths = source.list_paths()
    results: list[DocumentResult] = []
    for batch in batches(paths, settings.batch_size):
        results.extend(parse_batch(source, batch, report.started_at))
    collected = collect(results, report, history)
    frames = validate(collected)
    return finish(settings, frames, collected, report, history)
