"""Fixtures the run-in-real-life tests share: a copy of the samples to edit, and a warehouse after one
good run of them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import RAW
from tests.integration.helpers import run


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


@pytest.fixture(scope="session")
def baseline(tmp_path_factory):
    """A warehouse after one good run of the samples (copied by each test that changes it), made once
    for every file that uses it."""
    root = tmp_path_factory.mktemp("baseline")
    done = run(RAW, root / "warehouse")
    assert done.returncode == 0, done.stderr
    return root / "warehouse"
