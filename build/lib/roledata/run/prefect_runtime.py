"""`roledata serve`: run the flow on a schedule through Prefect.

Prefect's temporary server (the one a plain `roledata run` starts) cannot
schedule anything, so without PREFECT_API_URL we start a real local Prefect
server ourselves: SQLite under `<warehouse>/.roledata/prefect`, bound to
127.0.0.1, stopped with us. With PREFECT_API_URL set we use that server.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from roledata.run.history import recent_runs
from roledata.run.processes import die_with_parent
from roledata.settings import Settings

SERVER_START_TIMEOUT = 180  # a first start migrates a new SQLite database
SERVER_STOP_TIMEOUT = 20
FLOW_RUN_STOP_TIMEOUT = 30  # a run stopped mid-way reports its end to the server first
DEPLOYMENT_NAME = "roledata-schedule"


class ServeError(Exception):
    """The schedule or the Prefect server could not be set up."""


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def local_prefect_server(home: Path, port: int) -> Iterator[str]:
    """Start `prefect server start` on 127.0.0.1:port with its data in `home`; yield the API URL."""
    if port_in_use(port):
        raise ServeError(f"port {port} on 127.0.0.1 is already in use; pass --port with a free one")
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "server.log"
    url = f"http://127.0.0.1:{port}/api"
    # The UI calls the API at PREFECT_UI_API_URL, which is 127.0.0.1:4200 unless told: tell it its own port.
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_API_URL=url)
    env.pop("PREFECT_API_URL", None)
    with open(log_path, "ab") as log:
        # Its own process group: a Ctrl-C in the terminal reaches us, and we stop it in order.
        server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                   "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent)
    try:
        _wait_healthy(server, url, log_path)
        yield url
    finally:
        _stop(server)


def _wait_healthy(server: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServeError(f"the Prefect server stopped at start (exit {server.returncode}); see {log_path}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise ServeError(f"the Prefect server did not answer within {SERVER_START_TIMEOUT} s; see {log_path}")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=SERVER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    except ProcessLookupError:
        pass


def schedule_kwargs(cron: str | None, interval: float | None) -> dict:
    """Exactly one of cron / interval, checked before anything starts."""
    if (cron is None) == (interval is None):
        raise ServeError("give exactly one of --cron \"0 6 * * *\" or --interval SECONDS")
    if interval is not None:
        if interval <= 0:
            raise ServeError("--interval must be a positive number of seconds")
        return {"interval": interval}
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError:
        raise ServeError(f"not a valid cron expression: {cron!r} (e.g. \"0 6 * * *\" = every day at 06:00)") from None
    return {"cron": cron}


def serve_flow(settings: Settings, schedule: dict) -> None:
    """Register the deployment with the server in PREFECT_API_URL and run its scheduled runs until stopped.
    The settings, resolved once by the command, are the deployment's parameters."""
    import warnings

    from prefect.deployments.runner import EntrypointType

    from roledata.run.flow import build_dataset  # imports Prefect: kept out of the command line's start-up

    # On SIGTERM Prefect 3.8's runner calls its async stop() without awaiting it and
    # exits from inside the event loop, which asyncio logs as an error with a
    # traceback. The shutdown still completes (we stop the server after it), so
    # both are noise unless the user asked for Prefect's logs.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited")
    if os.environ.get("PREFECT_LOGGING_LEVEL", "").upper() == "CRITICAL":
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        # The flow-run processes the runner starts log the same noise when stopped.
        os.environ.setdefault("PREFECT_LOGGING_ROOT_LEVEL", "CRITICAL")
    try:
        build_dataset.serve(
            name=DEPLOYMENT_NAME, **schedule,
            parameters=settings.as_parameters(),
            description="Parse new and changed role pages and publish the warehouse and a snapshot.",
            limit=1,  # one run at a time from this process; the run lock covers everyone else
            print_starting_message=False, entrypoint_type=EntrypointType.MODULE_PATH)
    finally:
        stop_flow_run_processes()
        drain_prefect_clients()


class RunWatcher:
    """Prints one line per scheduled run on `serve`'s terminal: started, then finished with its
    counts or failed with its error. It reads the warehouse's own records (the run lock's holder,
    the run journal and LATEST's pipeline_runs), so it needs nothing from Prefect's log plumbing."""

    def __init__(self, warehouse_dir: Path, echo, interval: float = 2.0):
        import threading

        self.warehouse_dir, self.echo, self.interval = warehouse_dir, echo, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="roledata-run-watcher", daemon=True)
        self._seen: set[str] = set()
        self._started: set[str] = set()

    def __enter__(self) -> "RunWatcher":
        self._seen = {r["run_id"] for r in self._runs()}  # runs before this serve are not news
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _runs(self) -> list[dict]:
        try:
            return recent_runs(self.warehouse_dir)
        except Exception:  # a snapshot being replaced right now: look again next time
            return []

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self.check()

    def check(self) -> None:
        for run in reversed(self._runs()):  # oldest first
            run_id, status = run["run_id"], run["status"]
            if status == "running" and run_id not in self._started:
                self._started.add(run_id)
                self.echo(f"run {run_id} started")
            elif status != "running" and run_id not in self._seen:
                self._seen.add(run_id)
                if status == "succeeded":
                    self.echo(f"run {run_id} succeeded: {run.get('documents_seen')} documents seen, "
                              f"{run.get('documents_parsed')} parsed, {run.get('documents_rejected')} rejected")
                else:
                    self.echo(f"run {run_id} {status}: {run.get('message') or 'no message'}")


def stop_flow_run_processes(timeout: float = FLOW_RUN_STOP_TIMEOUT) -> None:
    """Stop the flow runs still going when the runner stops, while the server is still up.

    Prefect 3.8's runner exits on SIGTERM without stopping the flow-run
    processes it started. Left alone, such a run goes on against a server we
    are about to stop, retrying its API calls, and Python waits for it at
    exit: the stop hangs. A run stopped here leaves the warehouse as it was
    (a run replaces it only when it finishes) and the next run records it.
    """
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + timeout
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join()


class PrefectStartError(Exception):
    """Prefect's temporary server did not come up."""


@contextmanager
def prefect_api(start_timeout: float = 120.0) -> Iterator[str]:
    """The API a `roledata run` reports to: PREFECT_API_URL when set, else Prefect's
    temporary server, started here rather than by the flow so that worker
    processes and Dask workers inherit its address (otherwise each starts its own).
    The server gets `start_timeout` seconds to answer, and dies with this process."""
    if url := os.environ.get("PREFECT_API_URL"):
        yield url
        return
    server = _temporary_server()
    try:
        server.start(timeout=start_timeout)
    except Exception as exc:  # Prefect raises RuntimeError, or httpx errors from its health check
        server.stop()
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PrefectStartError(f"Prefect's temporary server did not start within {start_timeout:g} s "
                                f"({detail}); set ROLEDATA_PREFECT_START_TIMEOUT to wait longer") from None
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server.api_url
    finally:
        drain_prefect_clients()
        server.stop()
        os.environ.pop("PREFECT_API_URL", None)


def _temporary_server():
    """Prefect's SubprocessASGIServer whose process is killed when ours dies, even by SIGKILL
    (Linux's parent-death signal), so a killed run leaves no server behind."""
    from prefect.server.api import server as prefect_server

    class TiedSubprocess:  # the `subprocess` module as Prefect's server module sees it while starting
        def __getattr__(self, name):
            return getattr(subprocess, name)

        @staticmethod
        def Popen(*args, **kwargs):
            return subprocess.Popen(*args, preexec_fn=die_with_parent, **kwargs)

    class TiedServer(prefect_server.SubprocessASGIServer):
        def _run_uvicorn_command(self):
            prefect_server.subprocess = TiedSubprocess()
            try:
                return super()._run_uvicorn_command()
            finally:
                prefect_server.subprocess = subprocess

    return TiedServer()


def drain_prefect_clients(timeout: float = 10) -> None:
    """Send the events and logs Prefect still holds while the server is up.

    Otherwise they are retried at interpreter exit against a server that is
    gone, which prints errors and holds the process open.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except RuntimeError:  # never started
            pass
