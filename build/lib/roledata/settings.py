"""Paths and settings in one place: flags > ROLEDATA_* variables > defaults, resolved once.

Every setting is declared once below (`SETTINGS`: its variable, how to read it,
its check); `resolve_settings` is the one resolver the command line, the flow
(a deployment's scheduled run too) and `serve` use, and what it returns travels
whole (`Settings.as_parameters`). Commands that only read the warehouse resolve
its path alone (`resolve_paths`), so a bad run setting cannot stop a query.

Defaults are anchored to the project root (the folder holding
pyproject.toml), not to wherever the command happens to run; an installed
copy, which has no project root, uses the current folder.
"""
from __future__ import annotations

import os
from collections.abc import Callable
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
    batch_size: int = 200  # pages per parse task
    full_rebuild: bool = False  # parse every document again, ignoring kept rows
    wait_seconds: float = 0  # how long to wait for another run holding the warehouse
    max_document_bytes: int = 10 * 1024 * 1024  # larger files are rejected unread
    workers: int = 1  # processes parsing batches side by side (resolved: one per core)
    executor: str = "local"  # "local": processes on this machine; "dask": a Dask cluster
    dask_address: str | None = None  # scheduler of an existing Dask cluster; None starts a local one
    # A run keeping fewer documents than this share of the current dataset publishes nothing.
    shrink_limit: float = 0.5
    allow_shrink: bool = False  # publish even a run that shrinks the dataset past shrink_limit (or empties it)
    # How long Prefect's temporary server may take to answer (a loaded machine needs more than Prefect's 20 s).
    prefect_start_timeout: float = 120.0
    keep: int | None = None  # after publishing, keep only this many snapshots (None: keep all)
    allow_links_outside: bool = False  # read symbolic links that lead out of the raw folder (never to /proc, /sys, /dev)

    def as_parameters(self) -> dict:
        """Every setting as JSON-friendly values: how a run's settings travel whole to the flow."""
        return {f.name: (str(v) if isinstance(v, Path) else v)
                for f in fields(self) for v in [getattr(self, f.name)]}

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / "roledata.duckdb"

    @property
    def snapshots_dir(self) -> Path:
        return self.warehouse_dir / "snapshots"

    @property
    def state_dir(self) -> Path:
        """The run's own bookkeeping: lock, run journal, row store, Prefect's home."""
        return self.warehouse_dir / ".roledata"


class SettingError(ValueError):
    """A setting (a flag or a ROLEDATA_* variable) with a value it cannot take."""


EXECUTORS = ("local", "dask")


def _flag(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes")


def _at_least(minimum: float) -> Callable[[float], str | None]:
    return lambda v: None if v >= minimum else f"must be {minimum:g} or more"


@dataclass(frozen=True)
class Setting:
    """How one setting is read from its variable and checked, whatever gave it."""
    env: str | None  # its ROLEDATA_* variable (None: a flag only)
    read: Callable[[str], object] = str
    check: Callable[[object], str | None] = lambda v: None  # a complaint, or None


SETTINGS: dict[str, Setting] = {
    "raw_dir": Setting("ROLEDATA_RAW"),
    "warehouse_dir": Setting("ROLEDATA_WAREHOUSE"),
    "batch_size": Setting("ROLEDATA_BATCH_SIZE", int, _at_least(1)),
    "full_rebuild": Setting(None, _flag),
    "wait_seconds": Setting(None, float, _at_least(0)),
    "max_document_bytes": Setting("ROLEDATA_MAX_DOCUMENT_BYTES", int, _at_least(1)),
    "workers": Setting("ROLEDATA_WORKERS", int, _at_least(1)),
    "executor": Setting("ROLEDATA_EXECUTOR", str,
                        lambda v: None if v in EXECUTORS else f"must be one of {', '.join(EXECUTORS)}"),
    "dask_address": Setting("ROLEDATA_DASK_ADDRESS"),
    "shrink_limit": Setting("ROLEDATA_SHRINK_LIMIT", float, lambda v: None if 0 <= v <= 1 else "must be between 0 and 1"),
    "allow_shrink": Setting("ROLEDATA_ALLOW_SHRINK", _flag),
    "prefect_start_timeout": Setting("ROLEDATA_PREFECT_START_TIMEOUT", float,
                                     lambda v: None if v > 0 else "must be a positive number of seconds"),
    "keep": Setting("ROLEDATA_KEEP", int, _at_least(1)),
    "allow_links_outside": Setting("ROLEDATA_ALLOW_LINKS_OUTSIDE", _flag),
}
_DEFAULT_FOLDERS = {"raw_dir": "raw", "warehouse_dir": "warehouse"}


def resolve_settings(**given: object) -> Settings:
    """Every setting: the value given (a flag, a flow parameter; None = not given), else its
    ROLEDATA_* variable, else the default. Raises `SettingError` naming the flag or variable."""
    unknown = set(given) - set(SETTINGS)
    if unknown:
        raise SettingError(f"unknown settings: {', '.join(sorted(unknown))}")
    values: dict[str, object] = {}
    for name, setting in SETTINGS.items():
        value, source = given.get(name), f"--{name.replace('_', '-')}"
        if value is None and setting.env and os.environ.get(setting.env, "").strip():
            text, source = os.environ[setting.env].strip(), setting.env
            try:
                value = setting.read(text)
            except ValueError:
                raise SettingError(f"{setting.env}={text!r} is not a valid value") from None
        if value is None:
            continue
        if name in _DEFAULT_FOLDERS:
            value = Path(str(value)).expanduser().resolve()
        elif complaint := setting.check(value):
            raise SettingError(f"{source} {complaint}, not {value!r}")
        values[name] = value
    for name, folder in _DEFAULT_FOLDERS.items():
        values.setdefault(name, project_root() / folder)
    values.setdefault("workers", os.cpu_count() or 1)
    return Settings(**values)


def resolve_paths(raw: str | Path | None = None, warehouse: str | Path | None = None) -> Settings:
    """The raw and warehouse folders alone (flag > variable > default), for commands that only
    read: no other setting is read or checked."""
    def folder(value, name: str) -> Path:
        value = value if value is not None else os.environ.get(SETTINGS[name].env or "", "").strip() or None
        return Path(value).expanduser().resolve() if value is not None else project_root() / _DEFAULT_FOLDERS[name]

    return Settings(folder(raw, "raw_dir"), folder(warehouse, "warehouse_dir"))
