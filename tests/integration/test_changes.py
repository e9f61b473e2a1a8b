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
    return json.loads((snapshots / latest / "changes.json").read_text(encoding="utf-8"))


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
