"""`roledata run` and `roledata serve`: build the dataset now, or on a schedule through Prefect."""
from __future__ import annotations

import json
import os
from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from roledata.cli.common import (COMMAND_STARTED, BatchSizeOption, RawOption, ReportFormat, WarehouseOption,
                                 WorkersOption, fail, quiet_prefect, raise_on_sigterm, run_settings)
from roledata.publish.warehouse import WarehouseError
from roledata.run import prefect_runtime
from roledata.run.journal import RunLockedError
from roledata.run.pipeline import run_pipeline
from roledata.run.report import RunReport, report_dict, report_lines
from roledata.run.session import answer_if_unchanged, record_failed_start
from roledata.run.sources import SourceError
from roledata.settings import Settings


class Executor(str, Enum):
    local = "local"
    dask = "dask"


def run(raw: Optional[Path] = RawOption, warehouse: Optional[Path] = WarehouseOption,
        batch_size: Optional[int] = BatchSizeOption,
        full: bool = typer.Option(False, "--full", help="parse every document again, even unchanged ones"),
        wait: float = typer.Option(0, "--wait", min=0, metavar="SECONDS",
                                   help="if another run holds the warehouse, wait up to this long for it"),
        workers: Optional[int] = WorkersOption,
        executor: Optional[Executor] = typer.Option(None, "--executor",
                                                    help="local: worker processes here; dask: a Dask cluster "
                                                         "(ROLEDATA_EXECUTOR) [default: local]"),
        dask_address: Optional[str] = typer.Option(None, "--dask-address", metavar="tcp://HOST:8786",
                                                   help="scheduler of a running Dask cluster "
                                                        "(ROLEDATA_DASK_ADDRESS) [default: start a local one]"),
        no_prefect: bool = typer.Option(False, "--no-prefect", help="run the steps directly, without Prefect"),
        allow_shrink: bool = typer.Option(False, "--allow-shrink",
                                          help="publish even when the folder is empty or yields fewer documents "
                                               "than the shrink limit allows (ROLEDATA_ALLOW_SHRINK)"),
        shrink_limit: Optional[float] = typer.Option(None, "--shrink-limit", min=0, max=1, metavar="FRACTION",
                                                     help="refuse to publish a run keeping fewer documents than "
                                                          "this share of the current dataset "
                                                          "(ROLEDATA_SHRINK_LIMIT) [default: 0.5]"),
        keep: Optional[int] = typer.Option(None, "--keep", min=1, metavar="N",
                                           help="after publishing, keep only the N newest snapshots "
                                                "(ROLEDATA_KEEP) [default: keep all]"),
        allow_links_outside: bool = typer.Option(False, "--allow-links-outside",
                                                 help="read symbolic links that lead out of the raw folder "
                                                      "(ROLEDATA_ALLOW_LINKS_OUTSIDE); never to /proc, /sys or /dev"),
        columns: Optional[str] = typer.Option(None, "--columns", metavar="FIELD=COLUMN,...",
                                              help="columns of posting exports (.csv, .jsonl, .parquet) by name, "
                                                   "e.g. title=job_title,description=body; the others are "
                                                   "recognised (ROLEDATA_COLUMNS)"),
        strict: bool = typer.Option(False, "--strict",
                                    help="exit with code 3 when documents were rejected (the run still publishes)"),
        max_rejects: Optional[int] = typer.Option(None, "--max-rejects", min=0, metavar="N",
                                                  help="with --strict: documents that may be rejected before the "
                                                       "exit code is 3 [default: 0]"),
        output: ReportFormat = typer.Option(ReportFormat.text, "--format",
                                            help="the run report as text or json"),
        verbose: bool = typer.Option(False, "--verbose", "-v",
                                     help="list every reject and warning, not counts and a few examples")) -> None:
    """Parse the pages under --raw (only new and changed ones) and publish the warehouse and a snapshot.

    Exit codes: 0 published (or nothing changed); 1 an error (nothing published); 3 published, but
    with --strict more documents were rejected than --max-rejects allows.
    """
    if max_rejects is not None and not strict:
        fail("--max-rejects needs --strict")
    settings = run_settings(raw_dir=raw, warehouse_dir=warehouse, batch_size=batch_size, full_rebuild=full or None,
                            wait_seconds=wait, workers=workers, executor=executor.value if executor else None,
                            dask_address=dask_address, allow_shrink=allow_shrink or None,
                            shrink_limit=shrink_limit, keep=keep, allow_links_outside=allow_links_outside or None,
                            columns=columns)
    if settings.dask_address and settings.executor != "dask":
        fail("--dask-address needs --executor dask")
    if settings.executor == "dask" and no_prefect:
        fail("--executor dask runs through Prefect; drop --no-prefect")
    try:
        # Nothing changed: answered from a directory listing before Prefect starts.
        report = answer_if_unchanged(settings, COMMAND_STARTED)
        if report is None:
            report = _run_direct(settings) if no_prefect else _run_flow(settings)
    except (SourceError, WarehouseError, RunLockedError) as exc:
        fail(str(exc))
    except prefect_runtime.PrefectStartError as exc:
        run_id = record_failed_start(settings, COMMAND_STARTED, f"{type(exc).__name__}: {exc}")
        fail(f"{exc} (run {run_id} recorded as failed)")
    except Exception as exc:
        if os.environ.get("ROLEDATA_DEBUG"):
            raise
        fail(f"run failed: {type(exc).__name__}: {exc}")
    _print_report(report, settings, output.value, verbose)
    tolerated = max_rejects or 0
    if strict and report.documents_rejected > tolerated:
        typer.echo(f"error: {report.documents_rejected} documents rejected, more than the {tolerated} "
                   "--max-rejects allows (the run was published)", err=True)
        raise typer.Exit(3)


def _run_direct(settings: Settings) -> RunReport:
    """The run's steps without Prefect."""
    return run_pipeline(settings, COMMAND_STARTED)


def _run_flow(settings: Settings) -> RunReport:
    """The run as a Prefect flow, on Prefect's temporary server unless PREFECT_API_URL names one;
    Prefect keeps its state beside the warehouse unless PREFECT_HOME says otherwise."""
    quiet_prefect()
    home = Path(os.environ.setdefault("PREFECT_HOME", str(settings.state_dir / "prefect-run")))
    home.mkdir(parents=True, exist_ok=True)
    with prefect_runtime.prefect_api(settings.prefect_start_timeout):
        from roledata.run.flow import build_dataset  # imports Prefect: kept out of the command line's start-up

        # The settings travel whole: resolved once here (flags > ROLEDATA_* > defaults).
        return build_dataset(**settings.as_parameters(), started_at=COMMAND_STARTED.isoformat())


def _print_report(report: RunReport, settings: Settings, output: str = "text", verbose: bool = False) -> None:
    if output == "json":
        typer.echo(json.dumps({**report_dict(report), "warehouse": str(settings.database_path),
                               "snapshot": str(settings.snapshots_dir / report.snapshot_id)},
                              indent=2, default=str, ensure_ascii=False))
        return
    for line in report_lines(report, verbose):
        typer.echo(line)
    typer.echo(f"warehouse: {settings.database_path}")
    typer.echo(f"snapshot: {settings.snapshots_dir / report.snapshot_id}")


def serve(raw: Optional[Path] = RawOption, warehouse: Optional[Path] = WarehouseOption,
          cron: Optional[str] = typer.Option(None, "--cron", help='cron schedule, e.g. "0 6 * * *" (06:00 daily)'),
          interval: Optional[float] = typer.Option(None, "--interval", metavar="SECONDS", help="run every SECONDS"),
          batch_size: Optional[int] = BatchSizeOption,
          port: int = typer.Option(4200, help="port of the local Prefect server (without PREFECT_API_URL)"),
          workers: Optional[int] = WorkersOption,
          keep: Optional[int] = typer.Option(None, "--keep", min=1, metavar="N",
                                             help="after each publishing run, keep only the N newest snapshots "
                                                  "(ROLEDATA_KEEP) [default: keep all]"),
          wait: float = typer.Option(3600, "--wait", min=0, metavar="SECONDS",
                                     help="how long a scheduled run waits for another run holding the warehouse")) -> None:
    """Run the flow on a schedule through Prefect until Ctrl-C or SIGTERM.

    Exactly one of --cron or --interval is required.

    Without PREFECT_API_URL a local Prefect server is started (SQLite under the
    warehouse's .roledata/prefect folder, on 127.0.0.1) and stopped on exit.
    """
    settings = run_settings(raw_dir=raw, warehouse_dir=warehouse, batch_size=batch_size, workers=workers,
                            keep=keep, wait_seconds=wait)
    quiet_prefect()
    raise_on_sigterm()
    try:
        schedule = prefect_runtime.schedule_kwargs(cron, interval)
        with ExitStack() as stack:
            if os.environ.get("PREFECT_API_URL"):
                typer.echo(f"using the Prefect server at {os.environ['PREFECT_API_URL']}")
            else:
                typer.echo(f"starting a local Prefect server on 127.0.0.1:{port} ...")
                home = settings.state_dir / "prefect"
                os.environ["PREFECT_HOME"] = str(home)
                api = stack.enter_context(prefect_runtime.local_prefect_server(home, port))
                os.environ["PREFECT_API_URL"] = api
                typer.echo(f"Prefect UI: {api.removesuffix('/api')}  (data in {home})")
            when = f"cron {cron!r}" if cron else f"every {interval:g} s"
            typer.echo(f"serving {prefect_runtime.DEPLOYMENT_NAME}: {settings.raw_dir} -> {settings.warehouse_dir}, "
                       f"{when}; Ctrl-C to stop")
            with prefect_runtime.RunWatcher(settings.warehouse_dir, lambda line: typer.echo(line)):
                prefect_runtime.serve_flow(settings, schedule)
    except prefect_runtime.ServeError as exc:
        fail(str(exc))
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM (Prefect's runner exits on it)
        pass
    typer.echo("stopped")
