"""`roledata` command line: run, serve, query, snapshots, runs, tables, eval, catalog.

Every command ends in one clear line and a non-zero exit on a user error
(wrong path, bad SQL, locked warehouse); set ROLEDATA_DEBUG=1 to see the
traceback of an unexpected failure. One module per command group; this one
puts them together.
"""
from __future__ import annotations

import sys
from importlib.metadata import version

import typer

from roledata import CONTRACT_VERSION, PARSER_VERSION
from roledata.cli import catalog, evaluate, query, run, snapshots
from roledata.settings import SETTINGS, Settings

_HELP = "Turn role-description pages into a validated dataset (DuckDB + Parquet)."
_FLAG_ONLY = {"wait_seconds": "--wait", "full_rebuild": "--full"}
_NOT_A_FLAG = {"max_document_bytes": "larger files are rejected unread",
               "prefect_start_timeout": "seconds Prefect's temporary server may take to start"}


def environment_help() -> str:
    """The epilog of `roledata --help`: every ROLEDATA_* variable, from the settings' declarations."""
    lines = ["\b", "Environment (a flag wins over its variable, a variable over the default):"]
    for name, setting in SETTINGS.items():
        if setting.env is None:
            continue
        what = _NOT_A_FLAG.get(name)
        default = getattr(Settings, name, None)
        default = f"{default:g}" if isinstance(default, float) else default
        said = f"{what} [default: {default}]" if what else f"--{name.removesuffix('_dir').replace('_', '-')}"
        lines.append(f"  {setting.env:<31} {said}")
    lines += [f"  {'ROLEDATA_NO_PROGRESS=1':<31} no progress bar",
              f"  {'ROLEDATA_DEBUG=1':<31} a traceback instead of one error line"]
    return "\n".join(lines)


# Rich markup is off: it ate "[default: ...]" and printed <bool> labels; click's plain help shows both right.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
                  help=_HELP, epilog=environment_help())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"roledata {version('roledata')} (parser {PARSER_VERSION}, data contract {CONTRACT_VERSION})")
        raise typer.Exit()


@app.callback()
def main(show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="print the version and exit")) -> None:
    """Turn role-description pages into a validated dataset (DuckDB + Parquet)."""


app.command()(run.run)
app.command()(run.serve)
app.command()(query.query)
app.add_typer(snapshots.snapshots_app, name="snapshots")
app.command()(snapshots.runs)
app.command()(query.tables)
app.command("eval")(evaluate.eval_)
app.add_typer(catalog.catalog_app, name="catalog")

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
