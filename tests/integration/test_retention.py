"""Retention: `roledata snapshots prune --keep N` and `run --keep N`."""
from __future__ import annotations

import json
import shutil

from tests.conftest import RAW
from tests.integration.helpers import roledata, run


def snapshot_ids(warehouse) -> list[str]:
    return sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and p.name[0].isdigit())


def test_prune_keeps_the_newest_and_the_catalog_says_what_went(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    for _ in range(3):
        assert run(raw, warehouse, "--full").returncode == 0
    oldest, middle, newest = snapshot_ids(warehouse)
    done = roledata("snapshots", "prune", "--keep", "2", "--warehouse", str(warehouse))
    assert (done.returncode, done.stdout) == (0, f"pruned 1 snapshot ({oldest}); 2 kept\n")
    assert snapshot_ids(warehouse) == [middle, newest]
    assert not (warehouse / "snapshots" / f"{oldest}.zip").exists()
    assert (warehouse / "snapshots" / "LATEST").read_text().strip() == newest
    pruned = json.loads((warehouse / "snapshots" / "pruned.json").read_text())
    assert [p["snapshot_id"] for p in pruned] == [oldest]
    index = (warehouse / "snapshots" / "index.html").read_text(encoding="utf-8")
    assert "Pruned snapshots" in index and oldest in index
    again = roledata("snapshots", "prune", "--keep", "2", "--warehouse", str(warehouse))
    assert again.stdout == "pruned 0 snapshots (none); 2 kept\n"


def test_run_keep_prunes_after_publishing(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    for _ in range(2):
        assert run(raw, warehouse, "--full").returncode == 0
    assert run(raw, warehouse, "--full", "--keep", "1").returncode == 0
    [kept] = snapshot_ids(warehouse)
    assert (warehouse / "snapshots" / "LATEST").read_text().strip() == kept
    assert len(json.loads((warehouse / "snapshots" / "pruned.json").read_text())) == 2


def test_prune_needs_a_count_of_at_least_one(tmp_path):
    done = roledata("snapshots", "prune", "--keep", "0", "--warehouse", str(tmp_path))
    assert done.returncode == 2 and "--keep" in done.stderr
