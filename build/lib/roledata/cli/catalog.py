"""`roledata catalog serve`: the snapshots folder over HTTP, read-only."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from roledata.catalog import server as catalog_server
from roledata.cli.common import WarehouseOption, fail, raise_on_sigterm, warehouse_paths

catalog_app = typer.Typer(no_args_is_help=True, help="The snapshot catalog (snapshots/index.html).")


@catalog_app.command("serve")
def catalog_serve(warehouse: Optional[Path] = WarehouseOption,
                  port: int = typer.Option(8000, min=0, max=65535, help="port to listen on"),
                  host: str = typer.Option("127.0.0.1", help="address to listen on (0.0.0.0: the whole network)"),
                  quiet: bool = typer.Option(False, "--quiet", help="no line per request")) -> None:
    """Serve the snapshots folder (catalog pages and downloads) over HTTP, read-only, until Ctrl-C or SIGTERM."""
    settings = warehouse_paths(warehouse)
    log = (lambda line: None) if quiet else (lambda line: typer.echo(line, err=True))
    try:
        server = catalog_server.make_server(settings.snapshots_dir, host, port, log)
    except catalog_server.CatalogServeError as exc:
        fail(str(exc))
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
