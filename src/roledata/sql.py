"""SQL primitives every part shares: string literals, Parquet files read as data (never as patterns),
and how a DuckDB connection of ours is configured (one memory cap; beyond it DuckDB spills to disk)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from roledata.text import LazyPattern

# DuckDB's share of a run's memory, for every connection that works on a whole corpus.
DUCKDB_MEMORY_LIMIT = "384MB"


def sql_string(text: str | Path) -> str:
    """A SQL string literal: `it's` -> `'it''s'`."""
    return "'" + str(text).replace("'", "''") + "'"


_GLOB = LazyPattern(r"([*?\[])")


def read_parquet(files: Path | Iterable[Path], filename: bool = False) -> str:
    """SQL: `read_parquet([...])` over exactly these files. DuckDB reads each path as a glob pattern,
    so `*`, `?` and `[` in a folder's name are escaped (`[*]`, `[?]`, `[[]`): a warehouse at `wh*`
    never reads the parts of a `wh-backup` beside it. `filename`: add the column of each row's file."""
    paths = [files] if isinstance(files, Path) else list(files)
    listed = ", ".join(sql_string(_GLOB.sub(r"[\1]", str(path))) for path in paths)
    return f"read_parquet([{listed}]{', filename = true' if filename else ''})"


def duckdb_config(temp_directory: Path | None = None, ordered: bool = False) -> dict:
    """The settings of a DuckDB connection that reads a corpus: memory capped, spilling to `temp_directory`."""
    config: dict = {"memory_limit": DUCKDB_MEMORY_LIMIT}
    if temp_directory is not None:
        config["temp_directory"] = str(temp_directory)
    if ordered:
        config["preserve_insertion_order"] = True
    return config
