"""A run that would empty or collapse the dataset publishes nothing (issue: an
unmounted folder must not wipe the warehouse)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RAW
from tests.integration.helpers import ROLEDATA, roledata, run

TEN = 10


def ten_pages(folder: Path) -> Path:
    """Ten distinct documents: the five samples, and each again with a line added."""
    folder.mkdir()
    for page in sorted(RAW.glob("*.txt")):
        shutil.copy(page, folder / page.name)
        (folder / f"copy-{page.name}").write_bytes(page.read_bytes() + b"\nUpdated this week.\n")
    assert len(list(folder.iterdir())) == TEN
    return folder


def published(warehouse: Path) -> dict[str, str]:
    """sha256 of every published file: the database and the snapshots folder."""
    files = [warehouse / "roledata.duckdb", *sorted((warehouse / "snapshots").rglob("*"))]
    return {str(f.relative_to(warehouse)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files if f.is_file()}


@pytest.fixture
def warehouse_of_ten(tmp_path) -> tuple[Path, Path]:
    raw, warehouse = ten_pages(tmp_path / "raw"), tmp_path / "warehouse"
    first = run(raw, warehouse)
    assert first.returncode == 0, first.stderr
    assert "documents: 10 seen, 10 parsed" in first.stdout
    return raw, warehouse


def assert_refused(done, raw: Path, kept: int) -> None:
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: refusing to publish: {raw} yields {kept} documents, the current dataset has {TEN} "
        f"({'the folder is empty' if kept == 0 else 'under 50% of the current dataset'}); "
        "warehouse and snapshots left as they were (--allow-shrink publishes anyway)"]


def test_an_empty_folder_publishes_nothing(warehouse_of_ten, tmp_path):
    _, warehouse = warehouse_of_ten
    before = published(warehouse)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_refused(run(empty, warehouse), empty, 0)
    assert published(warehouse) == before
    history = roledata("runs", "--warehouse", str(warehouse))
    refused = history.stdout.splitlines()[2]
    assert " failed " in refused and "CollapseRefused: refusing to publish" in refused


def test_a_folder_shrunk_by_ninety_percent_publishes_nothing(warehouse_of_ten):
    raw, warehouse = warehouse_of_ten
    before = published(warehouse)
    for page in sorted(raw.iterdir())[1:]:
        page.unlink()
    assert_refused(run(raw, warehouse), raw, 1)
    assert published(warehouse) == before


def test_allow_shrink_publishes_the_smaller_dataset(warehouse_of_ten):
    raw, warehouse = warehouse_of_ten
    for page in sorted(raw.iterdir())[1:]:
        page.unlink()
    done = run(raw, warehouse, "--allow-shrink")
    assert done.returncode == 0, done.stderr
    assert "documents: 1 seen, 0 parsed, 1 unchanged, 0 rejected" in done.stdout
    rows = roledata("query", "select count(*) as n from documents", "--warehouse", str(warehouse), "--format", "csv")
    assert rows.stdout == "n\n1\n"


def test_a_shrink_inside_the_limit_publishes(warehouse_of_ten):
    raw, warehouse = warehouse_of_ten
    for page in sorted(raw.iterdir())[:5]:
        page.unlink()
    done = run(raw, warehouse)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 0 parsed, 5 unchanged, 0 rejected" in done.stdout


@pytest.mark.parametrize("prefect", [False, True], ids=["direct", "prefect"])
def test_the_shrink_limit_comes_from_the_environment_on_both_paths(warehouse_of_ten, prefect):
    raw, warehouse = warehouse_of_ten
    before = published(warehouse)
    for page in sorted(raw.iterdir())[:2]:
        page.unlink()  # 8 of 10 kept: inside the default limit, outside a limit of 0.9
    env = dict(os.environ, ROLEDATA_SHRINK_LIMIT="0.9")
    args = ["run", "--raw", str(raw), "--warehouse", str(warehouse), *([] if prefect else ["--no-prefect"])]
    done = subprocess.run([ROLEDATA, *args], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: refusing to publish: {raw} yields 8 documents, the current dataset has {TEN} "
        "(under 90% of the current dataset); warehouse and snapshots left as they were "
        "(--allow-shrink publishes anyway)"]
    assert published(warehouse) == before
