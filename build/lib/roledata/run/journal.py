"""One run at a time, and a record of every run that started.

Everything a run keeps for itself lives in `<warehouse>/.roledata/`:

    run.lock            held (flock) by the running process; holds its pid and run id
    runs/<run_id>.json  journal entry: written when a run starts, removed once
                        the run has committed and its predecessors are recorded

The lock is an advisory `flock` on an open file, so the kernel releases it
when its holder dies, even by SIGKILL: a stale lock file from a dead
process is simply taken over. Any journal entry found by a run that holds
the lock belongs to a run that did not finish; the run records it in
`pipeline_runs` as `failed`.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from roledata.files import write_atomic

LOCK_POLL_SECONDS = 0.5


class RunLockedError(Exception):
    """Another run holds the warehouse."""


class RunState:
    def __init__(self, warehouse_dir: Path):
        self.root = Path(warehouse_dir) / ".roledata"
        self.lock_path = self.root / "run.lock"
        self.runs_dir = self.root / "runs"

    @contextmanager
    def lock(self, run_id: str, wait_seconds: float = 0) -> Iterator[None]:
        """Hold the run lock; wait up to `wait_seconds` for another run to finish."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + wait_seconds
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise RunLockedError(self._held_message(wait_seconds)) from None
                    time.sleep(LOCK_POLL_SECONDS)
            holder = json.dumps({"pid": os.getpid(), "run_id": run_id, "since": _now().isoformat()})
            os.ftruncate(fd, 0)
            os.pwrite(fd, holder.encode() + b"\n", 0)
            try:
                yield
            finally:
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def holder(self) -> dict | None:
        """Who holds the lock right now (None when nobody does)."""
        if not self.lock_path.exists():
            return None
        with open(self.lock_path, "rb") as fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return _read_json(self.lock_path) or {}
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return None

    def _held_message(self, waited: float) -> str:
        info = self.holder() or {}
        who = f"run {info.get('run_id', '?')} (pid {info.get('pid', '?')}, since {info.get('since', '?')})"
        if waited:
            return f"another run still holds the warehouse after {waited:g} s: {who}"
        return f"another run holds the warehouse: {who}; wait for it or pass --wait SECONDS"

    # -- the journal -------------------------------------------------------

    def begin(self, run_id: str, started_at: datetime, parser_version: str) -> None:
        self._write(run_id, {"run_id": run_id, "pid": os.getpid(), "started_at": started_at.isoformat(),
                             "parser_version": parser_version, "status": "running"})

    def fail(self, run_id: str, message: str) -> None:
        """A run that stops on an error says why; the next run records it."""
        entry = _read_json(self._entry(run_id)) or {"run_id": run_id}
        entry.update(status="failed", finished_at=_now().isoformat(), message=message)
        self._write(run_id, entry)

    def succeed(self, run_id: str, row: dict) -> None:
        """A run that ends without publishing (nothing changed) keeps its whole pipeline_runs row
        here until a run that publishes records it."""
        entry = _read_json(self._entry(run_id)) or {"run_id": run_id}
        entry.update(status="succeeded", finished_at=_now().isoformat(),
                     row={k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()})
        self._write(run_id, entry)

    def unfinished(self, exclude: str | None = None) -> list[dict]:
        """Journal entries of runs that started and never committed, oldest first."""
        if not self.runs_dir.exists():
            return []
        entries = [_read_json(p) for p in sorted(self.runs_dir.glob("*.json"))]
        return [e for e in entries if e and e.get("run_id") != exclude]

    def forget(self, run_ids: list[str]) -> None:
        for run_id in run_ids:
            self._entry(run_id).unlink(missing_ok=True)

    def _entry(self, run_id: str) -> Path:
        return self.runs_dir / f"{run_id}.json"

    def _write(self, run_id: str, entry: dict) -> None:
        write_atomic(self._entry(run_id), json.dumps(entry, sort_keys=True) + "\n")


def _read_json(path: Path) -> dict | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _now() -> datetime:
    return datetime.now(timezone.utc)
