"""An operator's bad day (issue: never publish wrong data, never drop a page in silence): odd paths,
a corrupted row store, a hostile page, special files, unreadable folders, a broken commit point,
a full disk, a killed run's workers. Each case publishes exactly what a clean `--full` run on the
same input gives, or nothing, and says so in one line; no page leaves without a reject."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import RAW, SAMPLES
from tests.integration.helpers import clean_full_tables, current_tables, run

ODD = "wh*[1]? 'q' \"d\" s"


def _rejects(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        return con.execute("SELECT source_path, table_name, reason FROM rejects ORDER BY ALL").fetchall()


def test_glob_characters_quotes_and_spaces_in_the_paths_are_data(tmp_path):
    """A part path with `*`, `?` or `[` was a glob pattern: a backup of the warehouse beside it
    (`wh-backup...`, matched by `wh*`) was read too, giving duplicate-key rejects and lost rows."""
    raw, warehouse = tmp_path / "raw [1]* ?'q'", tmp_path / ODD
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    shutil.copytree(warehouse, tmp_path / ODD.replace("*", "-backup"))  # matched by the `*` as a pattern
    shutil.copytree(warehouse, tmp_path / ODD.replace("[1]", "1"))  # matched by `[1]` as a pattern
    page = raw / SAMPLES["ai_tech_lead"]
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 1 parsed, 4 unchanged, 0 rejected" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    assert _rejects(warehouse) == []
