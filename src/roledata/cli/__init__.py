"""`roledata` command line: run, query, snapshots, tables.

Every command ends in one clear line and a non-zero exit on a user error
(wrong path, bad SQL, locked warehouse); set ROLEDATA_DEBUG=1 to see the
traceback of an unexpected failure.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from contextlib import ExitStack
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from roledata.publish.snapshot import latest_snapshot, list_snapshots
from roledata.contract.dictionary import data_dictionary
from roledata.settings import load_settings
from roledata.run.sources import SourceError
from roledata.run.journal import RunLockedError, RunState
from roledata.run.prefect_runtime import PrefectStartError
from roledata.publish.warehouse import WarehouseError, query as run_query

# pipeline_runs.started_at: when the command began, so a run's seconds include Prefect's start.
COMMAND_STARTED = datetime.now(timezone.utc)

ENVIRONMENT = """\b
Environment (a flag wins over its variable, a variable over the default):
  ROLEDATA_RAW, ROLEDATA_WAREHOUSE        --raw, --warehouse
  ROLEDATA_BATCH_SIZE, ROLEDATA_WORKERS   --batch-size, --workers
  ROLEDATA_EXECUTOR, ROLEDATA_DASK_ADDRESS  --executor, --dask-address
  ROLEDATA_SHRINK_LIMIT, ROLEDATA_ALLOW_SHRINK  --shrink-limit, --allow-shrink
  ROLEDATA_KEEP                   --keep
  ROLEDATA_MAX_DOCUMENT_BYTES     larger files are rejected unread [default: 10485760]
  ROLEDATA_PREFECT_START_TIMEOUT  seconds Prefect's temporary server may take to start [default: 120]
  ROLEDATA_NO_PROGRESS=1          no progress bar
  ROLEDATA_DEBUG=1                a traceback instead of one error line"""

# Rich markup is off: it ate "[default: ...]" and printed <bool> labels; click's plain help shows both right.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
                  help="Turn role-description pages into a validated dataset (DuckDB + Parquet).", epilog=ENVIRONMENT)

RawOption = typer.Option(None, "--raw", metavar="DIR", envvar="ROLEDATA_RAW", show_envvar=True,
                         help="folder of raw pages [default: raw/ of the project]")
WarehouseOption = typer.Option(None, "--warehouse", metavar="DIR", envvar="ROLEDATA_WAREHOUSE", show_envvar=True,
                               help="warehouse folder [default: warehouse/ of the project]")
BatchSizeOption = typer.Option(None, "--batch-size", min=1, metavar="N", envvar="ROLEDATA_BATCH_SIZE",
                               show_envvar=True, help="documents per parse task [default: 200]")
WorkersOption = typer.Option(None, "--workers", min=1, metavar="N", envvar="ROLEDATA_WORKERS", show_envvar=True,
                             help="processes parsing side by side [default: one per core]")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        from roledata import CONTRACT_VERSION, PARSER_VERSION

        typer.echo(f"roledata {version('roledata')} (parser {PARSER_VERSION}, data contract {CONTRACT_VERSION})")
        raise typer.Exit()


@app.callback()
def main(show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="print the version and exit")) -> None:
    """Turn role-description pages into a validated dataset (DuckDB + Parquet)."""


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _quiet_prefect() -> None:
    """Telemetry off, and Prefect's own chatter down to warnings, unless the user chose otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # Our report and one-line errors are the user interface; Prefect's own log
    # lines (and task tracebacks) stay off unless PREFECT_LOGGING_LEVEL is set.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_INTERNAL_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")


@app.command()
def run(raw: Optional[Path] = RawOption, warehouse: Optional[Path] = WarehouseOption,
        batch_size: Optional[int] = BatchSizeOption,
        full: bool = typer.Option(False, "--full", help="parse every document again, even unchanged ones"),
        wait: float = typer.Option(0, "--wait", min=0, metavar="SECONDS",
                                   help="if another run holds the warehouse, wait up to this long for it"),
        workers: Optional[int] = WorkersOption,
        executor: Optional[Executor] = typer.Option(None, "--executor", envvar="ROLEDATA_EXECUTOR", show_envvar=True,
                                                    help="local: worker processes here; dask: a Dask cluster "
                                                         "[default: local]"),
        dask_address: Optional[str] = typer.Option(None, "--dask-address", metavar="tcp://HOST:8786",
                                                   envvar="ROLEDATA_DASK_ADDRESS", show_envvar=True,
                                                   help="scheduler of a running Dask cluster "
                                                        "[default: start a local one]"),
        no_prefect: bool = typer.Option(False, "--no-prefect", help="run the steps directly, without Prefect"),
        allow_shrink: bool = typer.Option(False, "--allow-shrink", envvar="ROLEDATA_ALLOW_SHRINK", show_envvar=True,
                                          help="publish even when the folder is empty or yields fewer documents "
                                               "than the shrink limit allows"),
        shrink_limit: Optional[float] = typer.Option(None, "--shrink-limit", min=0, max=1, metavar="FRACTION",
                                                     envvar="ROLEDATA_SHRINK_LIMIT", show_envvar=True,
                                                     help="refuse to publish a run keeping fewer documents than "
                                                          "this share of the current dataset [default: 0.5]"),
        keep: Optional[int] = typer.Option(None, "--keep", min=1, metavar="N", envvar="ROLEDATA_KEEP",
                                           show_envvar=True,
                                           help="after publishing, keep only the N newest snapshots "
                                                "[default: keep all]"),
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

    Exit codes: 0 published; 1 an error (nothing published); 3 published, but with --strict more
    documents were rejected than --max-rejects allows.
    """
    if max_rejects is not None and not strict:
        _fail("--max-rejects needs --strict")
    executor_name = executor.value if executor is not None else None
    if dask_address and executor is not Executor.dask:
        _fail("--dask-address needs --executor dask")
    if executor is Executor.dask and no_prefect:
        _fail("--executor dask runs through Prefect; drop --no-prefect")
    settings = _settings(raw, warehouse, batch_size, full, wait, workers, executor_name, dask_address,
                         allow_shrink or None, shrink_limit, keep)
    try:
        if no_prefect:
            from roledata.run.pipeline import run_pipeline
            report = run_pipeline(settings, COMMAND_STARTED)
        else:
            _quiet_prefect()
            from roledata.run.prefect_runtime import prefect_api

            with prefect_api(settings.prefect_start_timeout):
                from roledata.run.flow import build_dataset
                # The settings travel whole: resolved once here (flags > ROLEDATA_* > defaults).
                report = build_dataset(str(settings.raw_dir), str(settings.warehouse_dir),
                                       started_at=COMMAND_STARTED.isoformat(), settings=settings.as_parameters())
    except (SourceError, WarehouseError, RunLockedError) as exc:
        _fail(str(exc))
    except PrefectStartError as exc:
        from roledata.run.pipeline import record_failed_start

        run_id = record_failed_start(settings, COMMAND_STARTED, f"{type(exc).__name__}: {exc}")
        _fail(f"{exc} (run {run_id} recorded as failed)")
    except Exception as exc:
        if os.environ.get("ROLEDATA_DEBUG"):
            raise
        _fail(f"run failed: {type(exc).__name__}: {exc}")
    _print_report(report, settings, output.value, verbose)
    tolerated = max_rejects or 0
    if strict and report.documents_rejected > tolerated:
        typer.echo(f"error: {report.documents_rejected} documents rejected, more than the {tolerated} "
                   "--max-rejects allows (the run was published)", err=True)
        raise typer.Exit(3)


def _settings(raw, warehouse, batch_size, full=False, wait=0.0, workers=None, executor=None, dask_address=None,
              allow_shrink=None, shrink_limit=None, keep=None):
    """Settings for a run, with the raw folder checked up front."""
    try:
        settings = load_settings(raw, warehouse, batch_size, full, wait, workers, executor, dask_address,
                                 allow_shrink, shrink_limit, keep)
    except ValueError as exc:
        _fail(f"bad setting in the environment: {exc}")
    if not settings.raw_dir.exists():
        _fail(f"raw folder not found: {settings.raw_dir}")
    if not settings.raw_dir.is_dir():
        _fail(f"raw path is not a folder: {settings.raw_dir}")
    for folder in (settings.warehouse_dir, settings.snapshots_dir, settings.state_dir):
        if folder.exists() and not folder.is_dir():
            _fail(f"not a folder: {folder} (the warehouse needs a folder there)")
    return settings


def _print_report(report, settings, output: str = "text", verbose: bool = False) -> None:
    from roledata.run.report import report_dict, report_lines

    if output == "json":
        typer.echo(json.dumps({**report_dict(report), "warehouse": str(settings.database_path),
                               "snapshot": str(settings.snapshots_dir / report.snapshot_id)},
                              indent=2, default=str, ensure_ascii=False))
        return
    for line in report_lines(report, verbose):
        typer.echo(line)
    typer.echo(f"warehouse: {settings.database_path}")
    typer.echo(f"snapshot: {settings.snapshots_dir / report.snapshot_id}")


@app.command()
def serve(raw: Optional[Path] = RawOption, warehouse: Optional[Path] = WarehouseOption,
          cron: Optional[str] = typer.Option(None, "--cron", help='cron schedule, e.g. "0 6 * * *" (06:00 daily)'),
          interval: Optional[float] = typer.Option(None, "--interval", metavar="SECONDS", help="run every SECONDS"),
          batch_size: Optional[int] = BatchSizeOption,
          port: int = typer.Option(4200, help="port of the local Prefect server (without PREFECT_API_URL)"),
          workers: Optional[int] = WorkersOption,
          keep: Optional[int] = typer.Option(None, "--keep", min=1, metavar="N", envvar="ROLEDATA_KEEP",
                                             show_envvar=True,
                                             help="after each publishing run, keep only the N newest snapshots "
                                                  "[default: keep all]"),
          wait: float = typer.Option(3600, "--wait", min=0, metavar="SECONDS",
                                     help="how long a scheduled run waits for another run holding the warehouse")) -> None:
    """Run the flow on a schedule through Prefect until Ctrl-C or SIGTERM.

    Exactly one of --cron or --interval is required.

    Without PREFECT_API_URL a local Prefect server is started (SQLite under the
    warehouse's .roledata/prefect folder, on 127.0.0.1) and stopped on exit.
    """
    from roledata.run import prefect_runtime as serving

    settings = _settings(raw, warehouse, batch_size, workers=workers, keep=keep)
    _quiet_prefect()
    serving.raise_on_sigterm()
    try:
        schedule = serving.schedule_kwargs(cron, interval)
        with ExitStack() as stack:
            if os.environ.get("PREFECT_API_URL"):
                typer.echo(f"using the Prefect server at {os.environ['PREFECT_API_URL']}")
            else:
                typer.echo(f"starting a local Prefect server on 127.0.0.1:{port} ...")
                home = settings.state_dir / "prefect"
                os.environ["PREFECT_HOME"] = str(home)
                api = stack.enter_context(serving.local_prefect_server(home, port))
                os.environ["PREFECT_API_URL"] = api
                typer.echo(f"Prefect UI: {api.removesuffix('/api')}  (data in {home})")
            when = f"cron {cron!r}" if cron else f"every {interval:g} s"
            typer.echo(f"serving {serving.DEPLOYMENT_NAME}: {settings.raw_dir} -> {settings.warehouse_dir}, {when}; "
                       "Ctrl-C to stop")
            with serving.RunWatcher(settings.warehouse_dir, lambda line: typer.echo(line)):
                serving.serve_flow(settings.raw_dir, settings.warehouse_dir, settings.batch_size, schedule, wait,
                                   settings.workers, settings.keep)
    except serving.ServeError as exc:
        _fail(str(exc))
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM (Prefect's runner exits on it)
        pass
    typer.echo("stopped")


@app.command()
def query(sql: Optional[str] = typer.Argument(None, metavar="SQL",
                                              help="the SQL, or - to read it from standard input"),
          sql_file: Optional[Path] = typer.Option(None, "-f", "--file", metavar="FILE", help="read the SQL from FILE"),
          warehouse: Optional[Path] = WarehouseOption,
          output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json")) -> None:
    """Run read-only SQL against the warehouse: from the argument, a file (-f) or standard input (-).

    Several statements separated by ";" all run, and each result is shown in turn
    (with --format json: one JSON array per statement, in a list).
    """
    text = _read_sql(sql, sql_file)
    settings = load_settings(None, warehouse)
    if settings.database_path.parent.exists() and not settings.warehouse_dir.is_dir():
        _fail(f"not a folder: {settings.warehouse_dir} (--warehouse names the warehouse folder, "
              "the one that holds roledata.duckdb)")
    try:
        statements = _statements(text)
        results = [run_query(settings.database_path, statement) for statement in statements]
    except WarehouseError as exc:
        _fail(str(exc))
    if output is OutputFormat.json and len(results) > 1:
        blocks = [[dict(zip(columns, r)) for r in rows] for columns, rows in results]
        typer.echo(json.dumps(blocks, default=str, ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(format_rows(columns, rows, output.value) for columns, rows in results), nl=False)


def _read_sql(sql: str | None, sql_file: Path | None) -> str:
    if sql is not None and sql_file is not None:
        _fail("give the SQL as an argument or with -f FILE, not both")
    if sql_file is not None:
        try:
            return sql_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read SQL from {sql_file}: {getattr(exc, 'strerror', None) or exc}")
    if sql == "-":
        return sys.stdin.read()
    if sql is None:
        _fail("no SQL given: pass it as an argument, with -f FILE, or - to read standard input")
    return sql


def _statements(text: str) -> list[str]:
    """The statements of `text` (comments and blank ones dropped); one error line when there is none
    or DuckDB cannot parse it."""
    import duckdb

    try:
        found = [statement.query for statement in duckdb.extract_statements(text)]
    except duckdb.Error as exc:
        raise WarehouseError(str(exc).strip().splitlines()[0]) from None
    if not found:
        raise WarehouseError("no SQL statement given (the input is empty or only comments)")
    return found


def format_rows(columns: list[str], rows: list[tuple], output: str) -> str:
    if output == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False, indent=2) + "\n"
    if output == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
        return buf.getvalue()
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


snapshots_app = typer.Typer(invoke_without_command=True,
                            help="List published snapshots, newest first; `prune` removes old ones.")
app.add_typer(snapshots_app, name="snapshots")


@snapshots_app.callback()
def snapshots(ctx: typer.Context, warehouse: Optional[Path] = WarehouseOption,
              output: ReportFormat = typer.Option(ReportFormat.text, "--format", help="text or json")) -> None:
    """List published snapshots, newest first; `roledata snapshots prune --keep N` removes old ones."""
    if ctx.invoked_subcommand is not None:
        return
    settings = load_settings(None, warehouse)
    found = list_snapshots(settings.snapshots_dir)
    if not found:
        _fail(f"no snapshots in {settings.snapshots_dir}: run `roledata run` first")
    latest = latest_snapshot(settings.snapshots_dir)
    if output is ReportFormat.json:
        typer.echo(json.dumps([{"snapshot_id": m["snapshot_id"], "created_at": m["created_at"],
                                "parser_version": m["parser_version"], "latest": m["snapshot_id"] == latest,
                                "rows": {t: v["rows"] for t, v in m["tables"].items()},
                                "folder": str(settings.snapshots_dir / m["snapshot_id"])} for m in found], indent=2))
        return
    for m in found:
        rows = sum(t["rows"] for t in m["tables"].values())
        mark = "  (LATEST)" if m["snapshot_id"] == latest else ""
        typer.echo(f"{m['snapshot_id']}  {m['created_at']}  parser {m['parser_version']}  {rows} rows{mark}")
    typer.echo(f"folder: {settings.snapshots_dir}")


@snapshots_app.command("prune")
def snapshots_prune(keep: int = typer.Option(..., "--keep", min=1, metavar="N",
                                             help="how many of the newest snapshots to keep (LATEST always stays)"),
                    warehouse: Optional[Path] = WarehouseOption,
                    wait: float = typer.Option(0, "--wait", min=0, metavar="SECONDS",
                                               help="if a run holds the warehouse, wait up to this long for it")) -> None:
    """Remove all but the N newest snapshots (folders and zips); the catalog lists what was pruned."""
    from roledata.catalog.build import build_catalog
    from roledata.publish.snapshot import prune_snapshots

    settings = load_settings(None, warehouse)
    if not list_snapshots(settings.snapshots_dir):
        _fail(f"no snapshots in {settings.snapshots_dir}: run `roledata run` first")
    try:
        with RunState(settings.warehouse_dir).lock(f"prune-{COMMAND_STARTED:%Y%m%dT%H%M%S%fZ}", wait):
            removed = prune_snapshots(settings.snapshots_dir, keep)
            build_catalog(settings.snapshots_dir)
    except RunLockedError as exc:
        _fail(str(exc))
    kept = len(list_snapshots(settings.snapshots_dir))
    names = ", ".join(r["snapshot_id"] for r in removed) or "none"
    typer.echo(f"pruned {len(removed)} snapshot{'s' if len(removed) != 1 else ''} ({names}); {kept} kept")


@app.command()
def runs(warehouse: Optional[Path] = WarehouseOption,
         limit: int = typer.Option(20, min=1, metavar="N", help="how many runs to show"),
         output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json")) -> None:
    """List recent runs, newest first: status, documents and rows, and why a failed run failed."""
    from roledata.run.pipeline import recent_runs

    settings = load_settings(None, warehouse)
    try:
        found = recent_runs(settings)[:limit]
    except WarehouseError as exc:
        _fail(str(exc))
    if not found:
        _fail(f"no runs recorded in {settings.warehouse_dir}: run `roledata run` first")
    columns = ["run_id", "status", "started_at", "seconds", "seen", "parsed", "unchanged", "rejected", "message"]
    rows = []
    for r in found:
        started, finished = r.get("started_at"), r.get("finished_at")
        seconds = _seconds(started, finished)
        rows.append((r["run_id"], r["status"], str(started)[:19] if started else None, seconds,
                     r.get("documents_seen"), r.get("documents_parsed"), r.get("documents_unchanged"),
                     r.get("documents_rejected"), r.get("message")))
    typer.echo(format_rows(columns, rows, output.value), nl=False)


def _seconds(started, finished) -> float | None:
    import pandas as pd

    if started is None or finished is None:
        return None
    return round((pd.Timestamp(finished) - pd.Timestamp(started)).total_seconds(), 1)


@app.command()
def tables() -> None:
    """Print the data dictionary (every table and column)."""
    typer.echo(data_dictionary())


@app.command("eval")
def eval_(raw: Path = typer.Option(..., "--raw", help="folder of the pages the gold describes"),
          gold: Path = typer.Option(..., "--gold", help="gold answers (JSON: {\"docs\": {file_name: {...}}})"),
          json_out: Optional[Path] = typer.Option(None, "--json", metavar="OUT", help="also write the full result as JSON"),
          worst: int = typer.Option(10, "--worst", min=0, metavar="N", help="documents listed under worst misses"),
          recall_only: str = typer.Option("", "--recall-only", metavar="FIELD,...",
                                          help="fields whose gold lists only some facts: precision marked as "
                                               "a lower bound (salaries is automatic with salaries_unverified)")) -> None:
    """Measure extraction accuracy: recall and precision per field against gold answers."""
    from roledata.quality import evaluate

    if not raw.exists():
        _fail(f"raw folder not found: {raw}")
    if not raw.is_dir():
        _fail(f"raw path is not a folder: {raw}")
    try:
        answers = evaluate.load_gold(gold, {f.strip() for f in recall_only.split(",") if f.strip()})
    except evaluate.GoldError as exc:
        _fail(str(exc))
    result = evaluate.evaluate_documents(raw, answers)
    typer.echo(evaluate.format_table(result, worst))
    if json_out is not None:
        try:
            evaluate.write_json(result, json_out)
        except OSError as exc:
            _fail(f"cannot write {json_out}: {exc.strerror or exc}")
        typer.echo(f"json: {json_out}")


catalog_app = typer.Typer(no_args_is_help=True, help="The snapshot catalog (snapshots/index.html).")
app.add_typer(catalog_app, name="catalog")


@catalog_app.command("serve")
def catalog_serve(warehouse: Optional[Path] = WarehouseOption,
                  port: int = typer.Option(8000, min=0, max=65535, help="port to listen on"),
                  host: str = typer.Option("127.0.0.1", help="address to listen on (0.0.0.0: the whole network)"),
                  quiet: bool = typer.Option(False, "--quiet", help="no line per request")) -> None:
    """Serve the snapshots folder (catalog pages and downloads) over HTTP, read-only, until Ctrl-C or SIGTERM."""
    from roledata.catalog import server as catalog_server
    from roledata.run.prefect_runtime import raise_on_sigterm

    settings = load_settings(None, warehouse)
    log = (lambda line: None) if quiet else (lambda line: typer.echo(line, err=True))
    try:
        server = catalog_server.make_server(settings.snapshots_dir, host, port, log)
    except catalog_server.CatalogServeError as exc:
        _fail(str(exc))
    bound_host, bound_port = server.server_address[:2]
    typer.echo(f"serving {settings.snapshots_dir} at http://{bound_host}:{bound_port}/ (read-only); Ctrl-C to stop")
    if not catalog_server.is_loopback(bound_host):
        typer.echo(f"note: {host} is reachable from other machines; anyone who can reach it can download the snapshots")
    raise_on_sigterm()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    typer.echo("stopped")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
