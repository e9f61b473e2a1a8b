"""Paths and settings in one place: CLI flags > ROLEDATA_* env vars > defaults.

Defaults are anchored to the project root (the folder holding
pyproject.toml), not to wherever the command happens to run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path


def project_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src" / "roledata").is_dir():
            return parent
    return Path.cwd()


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_dir: Path
    batch_size: int = 200
    full_rebuild: bool = False  # parse every document again, ignoring cached results
    wait_seconds: float = 0  # how long to wait for another run holding the warehouse
    max_document_bytes: int = 10 * 1024 * 1024  # larger files are rejected unread
    workers: int = 1  # processes parsing batches side by side (the CLI defaults to one per core)
    executor: str = "local"  # "local": processes on this machine; "dask": a Dask cluster
    dask_address: str | None = None  # scheduler of an existing Dask cluster; None starts a local one
    # A run keeping fewer documents than this share of the current dataset's publishes nothing.
    shrink_limit: float = 0.5
    allow_shrink: bool = False  # publish even a run that shrinks the dataset past shrink_limit (or empties it)
    # How long Prefect's temporary server may take to answer (a loaded machine needs more than Prefect's 20 s).
    prefect_start_timeout: float = 120.0
    keep: int | None = None  # after publishing, keep only this many snapshots (None: keep all)

    def as_parameters(self) -> dict:
        """Every setting as JSON-friendly values: how a run's settings travel whole to the flow."""
        return {f.name: (str(v) if isinstance(v, Path) else v)
                for f in fields(self) for v in [getattr(self, f.name)]}

    @classmethod
    def from_parameters(cls, values: dict) -> Settings:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**{k: (Path(v) if k in ("raw_dir", "warehouse_dir") else v) for k, v in values.items()})

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / "roledata.duckdb"

    @property
    def snapshots_dir(self) -> Path:
        return self.warehouse_dir / "snapshots"

    @property
    def state_dir(self) -> Path:
        """The run's own bookkeeping: lock, run journal, row store, Prefect server home."""
        return self.warehouse_dir / ".roledata"


EXECUTORS = ("local", "dask")


def load_settings(raw: str | Path | None = None, warehouse: str | Path | None = None,
                  batch_size: int | None = None, full_rebuild: bool = False, wait_seconds: float = 0,
                  workers: int | None = None, executor: str | None = None,
                  dask_address: str | None = None, allow_shrink: bool | None = None,
                  shrink_limit: float | None = None, keep: int | None = None) -> Settings:
    root = project_root()

    def pick(flag: str | Path | None, env: str, default: str) -> Path:
        value = flag if flag is not None else os.environ.get(env)
        return Path(value).expanduser().resolve() if value else (root / default)

    size = batch_size or int(os.environ.get("ROLEDATA_BATCH_SIZE", "200"))
    max_bytes = int(os.environ.get("ROLEDATA_MAX_DOCUMENT_BYTES", str(Settings.max_document_bytes)))
    workers = workers or int(os.environ.get("ROLEDATA_WORKERS", "0")) or os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"ROLEDATA_WORKERS must be 1 or more, not {workers}")
    executor = executor or os.environ.get("ROLEDATA_EXECUTOR", "local")
    if executor not in EXECUTORS:
        raise ValueError(f"executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    dask_address = dask_address or os.environ.get("ROLEDATA_DASK_ADDRESS") or None
    if shrink_limit is None:
        shrink_limit = float(os.environ.get("ROLEDATA_SHRINK_LIMIT", str(Settings.shrink_limit)))
    if not 0 <= shrink_limit <= 1:
        raise ValueError(f"the shrink limit (ROLEDATA_SHRINK_LIMIT) must be between 0 and 1, not {shrink_limit}")
    if allow_shrink is None:
        allow_shrink = os.environ.get("ROLEDATA_ALLOW_SHRINK", "").strip().lower() in ("1", "true", "yes")
    start_timeout = float(os.environ.get("ROLEDATA_PREFECT_START_TIMEOUT", str(Settings.prefect_start_timeout)))
    if start_timeout <= 0:
        raise ValueError(f"ROLEDATA_PREFECT_START_TIMEOUT must be a positive number of seconds, not {start_timeout}")
    if keep is None and os.environ.get("ROLEDATA_KEEP"):
        keep = int(os.environ["ROLEDATA_KEEP"])
    if keep is not None and keep < 1:
        raise ValueError(f"keep (ROLEDATA_KEEP) must be 1 or more snapshots, not {keep}")
    return Settings(pick(raw, "ROLEDATA_RAW", "raw"), pick(warehouse, "ROLEDATA_WAREHOUSE", "warehouse"), size,
                    full_rebuild, wait_seconds, max_bytes, workers, executor, dask_address, shrink_limit,
                    allow_shrink, start_timeout, keep)
