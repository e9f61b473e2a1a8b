"""The end of a run: its own records added, the dataset published and committed, upkeep.

Publishing happens only when a data table changed; a run whose pages were
touched but give the same rows records itself and leaves the snapshot as it is.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources
from typing import TYPE_CHECKING

from roledata.publish.snapshot import latest_snapshot, mark_latest, publish_snapshot, table_digests
from roledata.run.report import RunReport
from roledata.run.faults import fault_point
from roledata.contract.frames import to_frame
from roledata.contract.tables import DATA_TABLES, TABLES_BY_NAME
from roledata.run.fingerprint import parser_fingerprint
from roledata.run.history import History, refuse_collapse
from roledata.run.plan import built_with, listed_keys, record_listing
from roledata.run.session import RunSession, nothing_published
from roledata.run.stage import PUBLISH_MEMORY_LIMIT, FinalTables, Stage
from roledata.run.upkeep import after_commit, tidy, update_catalog
from roledata.publish.warehouse import build_database, database_problem, swap_in

if TYPE_CHECKING:
    import pandas as pd


def finish(session: RunSession, final: FinalTables, stage: Stage, history: History, files: dict) -> RunReport:
    """Add the run's own records, then publish and commit; `files` is the run's listing
    (path -> [size, mtime_ns, sha256]) for the next run.

    Nothing is published when no data table and no current reject changed (pages touched
    but giving the same rows): the run is recorded against the current snapshot.

    Order matters for crash safety: the new database file and the snapshot
    folder are complete on disk before `LATEST` names the snapshot (the
    commit point), and the database is swapped in right after. A run killed
    before the commit leaves the previous warehouse and snapshots as they
    were; the next run removes its leftovers and records it as failed.
    """
    settings, report = session.settings, session.report
    refuse_collapse(settings, report, history, final.count("documents", "status = 'parsed'"))
    rejects = current_rejects(history.rejects, stage.log.rows)
    digests = table_digests(final)
    latest = latest_snapshot(settings.snapshots_dir)
    if latest is not None and not settings.full_rebuild and _same_dataset(settings, latest, digests, history, rejects):
        record_listing(settings, files, latest)
        tidy(settings, report, stage.store, _live_keys(files))
        return nothing_published(session, latest, report.documents_seen,
                                 f"pages changed but their rows did not: snapshot {latest} stays", counted=True,
                                 rejects=history.rejects.to_dict("records"))
    if latest is not None and (problem := database_problem(settings.database_path)) is not None:
        report.warnings.append({"source_path": "roledata.duckdb", "warning": f"{problem}: built again from the row store"})
    report.rejects = stage.log.rows
    report.row_counts = {t.name: final.count(t.name) for t in sorted(DATA_TABLES, key=lambda t: t.name)}
    report.finished_at = datetime.now(timezone.utc)
    report.status = "succeeded"
    report.snapshot_id = report.run_id
    final.put("rejects", to_frame(TABLES_BY_NAME["rejects"], rejects))
    final.put("pipeline_runs", _append(history.runs, "pipeline_runs", [report.as_row()]))
    fault_point("before-database")
    database_tmp = build_database(settings.database_path, final, report.run_id)
    fault_point("before-snapshot")
    accuracy = shipped_accuracy()
    # The final tables' DuckDB memory is let go once they are written, before changes.json's own.
    with final.memory_cap(PUBLISH_MEMORY_LIMIT):  # the database is built: the files are written a batch at a time
        publish_snapshot(settings.snapshots_dir, final, report.snapshot_id, report.finished_at, accuracy,
                         raw_dir=settings.raw_dir, digests=digests, tables_written=final.close)
    fault_point("before-commit")
    mark_latest(settings.snapshots_dir, report.snapshot_id)
    # The snapshot is published: nothing below turns the run into a failed one (run/upkeep.py).
    def swap() -> None:
        fault_point("before-swap")
        swap_in(database_tmp, settings.database_path)
        fault_point("after-swap")
        # Recorded after the swap: a run that finds no listing for LATEST builds the warehouse again.
        record_listing(settings, files, report.snapshot_id)

    after_commit(report, "warehouse file not replaced (the next run builds it)", swap)
    session.state.forget([*history.failed_runs, report.run_id])
    tidy(settings, report, stage.store, _live_keys(files))
    update_catalog(settings, report)
    return report


ACCURACY = "reference_accuracy.json"  # in roledata/data: written by `make accuracy`, shipped with the package


def shipped_accuracy() -> dict | None:
    """The parser's recall and precision on the project's reference pages, for the manifest, as
    `make accuracy` measured them (roledata.quality writes the file, keyed by the parser
    fingerprint; nothing is measured at publish time). `current` says whether they were measured
    with the parser that made this snapshot. None when the package ships no figures."""
    try:
        figures = json.loads(resources.files("roledata.data").joinpath(ACCURACY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    measured_with = figures.pop("parser", None)
    return {**figures, "parser_fingerprint": measured_with, "current": measured_with == parser_fingerprint()}


def _live_keys(files: dict) -> set[str]:
    """The row store keys of the files listed now (an export's rows each)."""
    return listed_keys(files)


def _same_dataset(settings, latest: str, digests: dict[str, str], history: History, rejects: list[dict]) -> bool:
    """Whether the data tables (by content digest) and the current rejects are those of `latest`,
    and the warehouse is the one built with it by this code (`session.built_with`)."""
    if not built_with(settings, latest):
        return False
    manifest = json.loads((settings.snapshots_dir / latest / "manifest.json").read_text(encoding="utf-8"))
    previous = set(history.rejects["reject_id"]) if len(history.rejects) else set()
    return manifest.get("digests") == digests and previous == {r["reject_id"] for r in rejects}


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
    import pandas as pd  # where frames are built (see roledata.contract.frames)

    new = to_frame(TABLES_BY_NAME[name], new_rows)
    if not len(old):
        return new
    if not len(new):
        return old.reset_index(drop=True)
    return pd.concat([old, new], ignore_index=True)


