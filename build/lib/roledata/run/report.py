"""What a run tells people: the end-of-run report, Prefect artifacts, a progress bar."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

from roledata import PARSER_VERSION


@dataclass
class RunReport:
    """What one run did: its counts, rows per table, snapshot, rejects and warnings."""

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
    warnings: list[dict] = field(default_factory=list)
    message: str | None = None

    def as_row(self) -> dict:
        return {"run_id": self.run_id, "started_at": self.started_at, "finished_at": self.finished_at,
                "status": self.status, "documents_seen": self.documents_seen,
                "documents_parsed": self.documents_parsed, "documents_unchanged": self.documents_unchanged,
                "documents_rejected": self.documents_rejected,
                "row_counts": json.dumps(self.row_counts, sort_keys=True),
                "snapshot_id": self.snapshot_id, "parser_version": PARSER_VERSION, "message": self.message}


def start_run(started_at: datetime | None = None) -> RunReport:
    """A new run; `started_at` is when the command began (Prefect's start included), default now."""
    now = started_at or datetime.now(timezone.utc)
    return RunReport(run_id=now.strftime("%Y%m%dT%H%M%S%fZ"), started_at=now)


PROGRESS_MIN_DOCUMENTS = 100  # shorter runs finish before a bar would tell anyone anything


EXAMPLES_PER_REASON = 2  # reject lines shown per reason without --verbose


def report_lines(report: RunReport, verbose: bool = False) -> list[str]:
    """The short plain-text report `roledata run` prints: rejects counted per reason with a few
    examples (every one with `verbose`), so a run with thousands of rejects stays readable."""
    lines = [f"run {report.run_id}: {report.status}",
             f"documents: {report.documents_seen} seen, {report.documents_parsed} parsed, "
             f"{report.documents_unchanged} unchanged, {report.documents_rejected} rejected",
             "rows: " + ", ".join(f"{name} {count}" for name, count in report.row_counts.items())]
    if report.message:
        lines.append(report.message)
    by_reason: dict[str, list[dict]] = {}
    for reject in report.rejects:
        by_reason.setdefault(_reason_kind(reject), []).append(reject)
    if by_reason:
        lines.append(f"rejects: {len(report.rejects)} (documents and rows)")
    for kind, rejects in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"  {len(rejects)} x {kind}")
        shown = rejects if verbose else rejects[:EXAMPLES_PER_REASON]
        for reject in shown:
            where = reject["source_path"] or reject["document_id"] or "?"
            table = f" [{reject['table_name']}]" if reject["table_name"] else ""
            lines.append(f"    {where}{table}: {reject['reason']}")
        if len(shown) < len(rejects):
            lines.append(f"    ... {len(rejects) - len(shown)} more (--verbose lists all)")
    warnings = report.warnings if verbose else report.warnings[:EXAMPLES_PER_REASON]
    for warning in warnings:
        lines.append(f"warning {warning['source_path']}: {warning['warning']}")
    if len(warnings) < len(report.warnings):
        lines.append(f"... {len(report.warnings) - len(warnings)} more warnings (--verbose lists all)")
    return lines


def _reason_kind(reject: dict) -> str:
    """A reject's reason without its particulars: "duplicate: same bytes as a.txt" -> "duplicate"."""
    reason = str(reject["reason"])
    table = f"{reject['table_name']}: " if reject.get("table_name") else ""
    return table + reason.split(":", 1)[0] if ":" in reason else table + reason


def report_dict(report: RunReport) -> dict:
    """The run report as JSON-ready data (`roledata run --format json`)."""
    return {"run_id": report.run_id, "status": report.status, "started_at": report.started_at,
            "finished_at": report.finished_at, "snapshot_id": report.snapshot_id,
            "documents": {"seen": report.documents_seen, "parsed": report.documents_parsed,
                          "unchanged": report.documents_unchanged, "rejected": report.documents_rejected},
            "rows": report.row_counts, "message": report.message,
            "rejects": [{k: r.get(k) for k in ("source_path", "document_id", "table_name", "reason")}
                        for r in report.rejects],
            "warnings": report.warnings}


def report_markdown(report: RunReport) -> str:
    lines = [f"# roledata run {report.run_id}: {report.status}", "",
             "| documents | count |", "|---|---:|",
             f"| seen | {report.documents_seen} |", f"| parsed | {report.documents_parsed} |",
             f"| unchanged | {report.documents_unchanged} |", f"| rejected | {report.documents_rejected} |", "",
             f"Snapshot `{report.snapshot_id}`.", ""]
    if report.rejects:
        lines += ["## Rejects", "", "| file | table | reason |", "|---|---|---|"]
        lines += [f"| {_md(r['source_path'] or r['document_id'] or '?')} | {r['table_name'] or ''} | {_md(r['reason'])} |"
                  for r in report.rejects]
    if report.warnings:
        lines += ["", "## Warnings", "", "| file | warning |", "|---|---|"]
        lines += [f"| {_md(w['source_path'])} | {_md(w['warning'])} |" for w in report.warnings]
    return "\n".join(lines) + "\n"


def publish_artifacts(report: RunReport) -> None:
    """The report as a Prefect markdown artifact, row counts and rejects as table artifacts."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(report_markdown(report), key="roledata-run-report",
                             description=f"roledata run {report.run_id}")
    create_table_artifact([{"table": name, "rows": count} for name, count in report.row_counts.items()],
                          key="roledata-row-counts", description="rows per table after the run")
    create_table_artifact([{"file": r["source_path"], "table": r["table_name"], "reason": r["reason"]}
                           for r in report.rejects] or [{"file": None, "table": None, "reason": "no rejects"}],
                          key="roledata-rejects", description="rows and documents rejected by the run")


@dataclass
class Progress:
    """What moves a progress bar: `page()` after each page parsed in the run's own process,
    `reached(n)` when batches bring the count of pages done to n (it never moves back)."""
    page: Callable[[], None]
    reached: Callable[[int], None]


QUIET = Progress(lambda: None, lambda n: None)


@contextmanager
def progress_bar(total: int) -> Iterator[Progress]:
    """A bar of pages on stderr for long runs in a terminal, with pages per second and time left.

    Yields the `Progress` to pass along: pages parsed in this process move the bar one by one,
    batches from worker processes when they come back. Not a terminal, a short run or
    ROLEDATA_NO_PROGRESS: a bar that shows nothing.
    """
    if total < PROGRESS_MIN_DOCUMENTS or not sys.stderr.isatty() or os.environ.get("ROLEDATA_NO_PROGRESS"):
        yield QUIET
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class PagesPerSecond(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:,.0f} pages/s" if task.speed else "… pages/s")

    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("pages,"), PagesPerSecond(),
               TextColumn("time left"), TimeRemainingColumn())
    with Bar(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("parse", total=total)
        done = 0

        def show(n: int) -> None:
            nonlocal done
            if n > done:
                done = min(n, total)
                bar.update(task, completed=done)

        yield Progress(lambda: show(done + 1), show)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
