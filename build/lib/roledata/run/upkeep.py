"""Work after the commit point: the warehouse file swapped in, the listing recorded, the row store
and old snapshots pruned, the catalog built. The snapshot is published by then, so none of it may
turn a published run into a failed one: each step that fails is a warning in the run's report
("published, catalog not updated: ..."), and each is redone by the next run, which finds it
undone (a warehouse built from another snapshot, a catalog behind LATEST).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from roledata.catalog.build import build_catalog
from roledata.files import write_atomic
from roledata.publish.snapshot import latest_snapshot, prune_snapshots
from roledata.run.faults import fault_point
from roledata.run.report import RunReport
from roledata.run.store import RowStore
from roledata.settings import Settings

CATALOG_BUILT = ".catalog-built"  # under the snapshots folder: the snapshot the catalog was last built for


def after_commit(report: RunReport, what: str, step: Callable[[], object]) -> bool:
    """Run one step after the commit point; a failure is a warning saying what was left undone."""
    try:
        step()
    except Exception as exc:  # the run is published: say what is left, never fail it
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        report.warnings.append({"source_path": "snapshots", "warning": f"published, {what}: {detail}"})
        return False
    return True


def tidy(settings: Settings, report: RunReport, store: RowStore, live: set[str]) -> None:
    """Prune the row store and, with `keep`, old snapshots."""
    after_commit(report, "row store not tidied (next run tidies it)", lambda: store.prune(live))
    if settings.keep is not None:
        after_commit(report, "old snapshots not pruned (next run prunes them)",
                     lambda: prune_snapshots(settings.snapshots_dir, settings.keep))


def update_catalog(settings: Settings, report: RunReport) -> None:
    """Build the catalog (zips, pages, `latest/`, index) and note which snapshot it was built for."""
    def build() -> None:
        fault_point("before-catalog")
        build_catalog(settings.snapshots_dir)
        if (latest := latest_snapshot(settings.snapshots_dir)) is not None:
            write_atomic(settings.snapshots_dir / CATALOG_BUILT, latest + "\n")

    after_commit(report, "catalog not updated (the next run updates it)", build)


def catalog_behind(snapshots_dir: Path) -> bool:
    """Whether the catalog was not built for the LATEST snapshot (a run that failed after its commit)."""
    latest = latest_snapshot(snapshots_dir)
    try:
        built = (snapshots_dir / CATALOG_BUILT).read_text(encoding="utf-8").strip()
    except OSError:
        built = None
    return latest is not None and built != latest
