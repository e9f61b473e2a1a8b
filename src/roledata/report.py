"""What a run tells people: the end-of-run report, Prefect artifacts, a progress bar."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roledata.pipeline import RunReport

PROGRESS_MIN_DOCUMENTS = 100  # shorter runs finish before a bar would tell anyone anything


def report_lines(report: RunReport) -> list[str]:
    """The short plain-text report `roledata run` prints."""
    lines = [f"run {report.run_id}: {report.status}",
             f"documents: {report.documents_seen} seen, {report.documents_parsed} parsed, "
             f"{report.documents_unchanged} unchanged, {report.documents_rejected} rejected",
             "rows: " + ", ".join(f"{name} {count}" for name, count in report.row_counts.items())]
    for reject in report.rejects:
        where = reject["source_path"] or reject["document_id"] or "?"
        table = f" [{reject['table_name']}]" if reject["table_name"] else ""
        lines.append(f"rejected {where}{table}: {reject['reason']}")
    for warning in report.warnings:
        lines.append(f"warning {warning['source_path']}: {warning['warning']}")
    return lines


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


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], None]]:
    """A bar on stderr for long runs in a terminal; otherwise a no-op callback."""
    if total < PROGRESS_MIN_DOCUMENTS or not sys.stderr.isatty() or os.environ.get("ROLEDATA_NO_PROGRESS"):
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("parse", total=total)
        yield lambda n: bar.advance(task, n)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
