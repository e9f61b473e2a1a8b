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


def _part_file(warehouse: Path, table: str) -> Path:
    [fingerprint] = (warehouse / ".roledata" / "rows").iterdir()
    return sorted((fingerprint / table).glob("*.parquet"))[0]


def test_a_row_store_part_changed_on_disk_is_set_aside_and_its_pages_parsed_again(tmp_path):
    """One pay figure's digit changed inside a kept part was published as it was ($980K for $180K),
    with changes.json blaming a page that did not change."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    part = _part_file(warehouse, "salaries")
    data = part.read_bytes()
    where = data.find(b"180")
    assert where > 0  # a figure as the page writes it, kept in the part's text column
    part.write_bytes(data[:where] + b"980" + data[where + 3:])
    page = raw / SAMPLES["ai_tech_lead"]
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")

    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    [warning] = [line for line in done.stdout.splitlines() if line.startswith("warning")]
    assert warning == (f"warning .roledata/rows: row store part {part.stem}: the salaries file changed on disk "
                       f"since it was written (checksum mismatch); set aside in rows-set-aside/, its pages parsed again")
    assert "documents: 5 seen, 5 parsed, 0 unchanged, 0 rejected" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    aside = warehouse / ".roledata" / "rows-set-aside" / part.stem
    assert (aside / f"salaries-{part.name}").read_bytes() == data[:where] + b"980" + data[where + 3:]


def test_a_truncated_part_never_stops_a_run(tmp_path):
    """A part cut short stopped every publishing run (`No magic bytes found`) until --full."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    assert run(raw, warehouse).returncode == 0
    part = _part_file(warehouse, "documents")
    part.write_bytes(part.read_bytes()[:100])
    (raw / "notes.md").write_text("# Data Steward\n\nA data steward keeps the catalog tidy.\n", encoding="utf-8")
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert f"row store part {part.stem}: the documents file changed on disk" in done.stdout
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
