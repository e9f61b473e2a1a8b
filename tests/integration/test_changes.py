"""`changes.json` follows rows by what they describe: one edited figure is one changed row."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.integration.helpers import run

ROOT = Path(__file__).resolve().parents[2]
PAGE = "002_6556d4ddef99196b.txt"


def _latest_changes(warehouse: Path) -> dict:
    snapshots = warehouse / "snapshots"
    latest = (snapshots / "LATEST").read_text(encoding="utf-8").strip()
    text = (snapshots / latest / "changes.json").read_text(encoding="utf-8")
    changes = json.loads(text)
    assert text == json.dumps(changes, indent=2) + "\n"  # written a table at a time, laid out as one dump
    return changes


def test_one_edited_pay_figure_is_one_changed_salary_row(tmp_path: Path) -> None:
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(ROOT / "raw", raw)
    assert run(raw, warehouse).returncode == 0
    page = raw / PAGE
    text = page.read_text(encoding="utf-8")
    assert text.count("$187,550") == 1
    page.write_text(text.replace("$187,550", "$191,250"), encoding="utf-8")  # the same length: no offset moves

    done = run(raw, warehouse)

    assert done.returncode == 0, done.stderr
    tables = _latest_changes(warehouse)["tables"]
    salaries = tables["salaries"]
    assert (salaries["added"], salaries["removed"], salaries["changed"]) == (0, 0, 1)
    [row] = salaries["changed_rows"]
    assert row["source_path"] == PAGE
    assert row["before"] == {"amount_min": 187550.0, "amount_max": 187550.0, "annual_min_usd": 187550.0,
                             "annual_max_usd": 187550.0, "amount_text": "$187,550",
                             "text": "Median salary for Executive-level / Director AI Engineer: $187,550"}
    assert row["after"]["amount_min"] == 191250.0
    assert row["after"]["text"] == "Median salary for Executive-level / Director AI Engineer: $191,250"
    # The page is one changed document (new bytes, same path); nothing else about it changed.
    assert (tables["documents"]["added"], tables["documents"]["removed"], tables["documents"]["changed"]) == (0, 0, 1)
    for name in ("duties", "role_skills", "growth_stats", "education_requirements", "roles"):
        assert (tables[name]["added"], tables[name]["removed"], tables[name]["changed"]) == (0, 0, 0), name


def test_an_edit_elsewhere_leaves_the_other_rows_unchanged(tmp_path: Path) -> None:
    """A line added at the top moves every offset and gives the page new bytes: its duties,
    salaries and skills keep their ids and count as unchanged."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(ROOT / "raw", raw)
    assert run(raw, warehouse).returncode == 0
    page = raw / PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "Page reviewed by the editors this week.")
    page.write_text("\n".join(lines), encoding="utf-8")

    assert run(raw, warehouse).returncode == 0

    tables = _latest_changes(warehouse)["tables"]
    for name in ("duties", "salaries", "role_skills", "growth_stats", "experience_requirements", "related_roles"):
        assert (tables[name]["added"], tables[name]["removed"], tables[name]["changed"]) == (0, 0, 0), name
    assert tables["documents"]["changed"] == 1


def test_the_final_tables_let_go_of_their_memory_before_changes_are_computed(tmp_path: Path, monkeypatch) -> None:
    """Two capped DuckDB connections at once were twice the cap: the final tables' one is closed once
    every table is written, and changes.json's own spills to a folder removed after it."""
    from roledata.publish import snapshot
    from roledata.run import stage
    from roledata.run.pipeline import run_pipeline
    from roledata.settings import Settings

    events: list[str] = []
    close, changes = stage.FinalTables.close, snapshot.write_changes

    def closing(self) -> None:
        events.append("close" if self.con is not None else "closed already")
        close(self)

    def computing(folder: Path, previous: Path | None, spill: Path | None = None) -> None:
        events.append(f"changes, spilling to {spill.name}")
        changes(folder, previous, spill)

    monkeypatch.setattr(stage.FinalTables, "close", closing)
    monkeypatch.setattr(snapshot, "write_changes", computing)
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(ROOT / "raw", raw)
    report = run_pipeline(Settings(raw, warehouse))
    assert report.status == "succeeded"
    assert events[:2] == ["close", f"changes, spilling to .tmp-{report.snapshot_id}-changes"]
    assert not list((warehouse / "snapshots").glob(".tmp-*"))
    assert _latest_changes(warehouse)["tables"]["salaries"]["added"] == report.row_counts["salaries"]
