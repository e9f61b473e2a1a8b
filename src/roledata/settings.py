"""Paths and settings in one place: CLI flags > ROLEDATA_* env vars > defaults.

Defaults are anchored to the project root (the folder holding
pyproject.toml), not to wherever the command happens to run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
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

    @property
    def database_path(self) -> Path:
        return self.warehouse_dir / "roledata.duckdb"

    @property
    def snapshots_dir(self) -> Path:
        return self.warehouse_dir / "snapshots"


def load_settings(raw: str | Path | None = None, warehouse: str | Path | None = None,
                  batch_size: int | None = None) -> Settings:
    root = project_root()

    def pick(flag: str | Path | None, env: str, default: str) -> Path:
        value = flag if flag is not None else os.environ.get(env)
        return Path(value).expanduser().resolve() if value else (root / default)

    size = batch_size or int(os.environ.get("ROLEDATA_BATCH_SIZE", "200"))
    return Settings(pick(raw, "ROLEDATA_RAW", "raw"), pick(warehouse, "ROLEDATA_WAREHOUSE", "warehouse"), size)
