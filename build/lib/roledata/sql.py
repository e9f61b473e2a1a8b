"""SQL primitives every part shares: literals for strings and file paths, and how a DuckDB
connection of ours is configured (one memory cap; beyond it DuckDB spills to disk)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

# DuckDB's share of a run's memory, for every connection that works on a whole corpus.
DUCKDB_MEMORY_LIMIT = "512MB"


def sql_string(text: str | Path) -> str:
    """A SQL string literal: `it's` -> `'it''s'`."""
    return "'" + str(text).replace("'", "''") + "'"


def sql_files(files: Iterable[Path]) -> str:
    """A list of file paths for `read_parquet`: `['a.parquet', 'b.parquet']` (a path is data, never a
    pattern: pass `glob_off()` beside it)."""
    return "[" + ", ".join(sql_string(f) for f in files) + "]"


def duckdb_config(temp_directory: Path | None = None, ordered: bool = False) -> dict:
    """The settings of a DuckDB connection that reads a corpus: memory capped, spilling to `temp_directory`."""
    config: dict = {"memory_limit": DUCKDB_MEMORY_LIMIT}
    if temp_directory is not None:
        config["temp_directory"] = str(temp_directory)
    if ordered:
        config["preserve_insertion_order"] = True
    return config
