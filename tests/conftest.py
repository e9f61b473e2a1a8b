"""Shared fixtures: the sample pages, parsed once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from roledata.extract.document import process_document

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
PAGES = Path(__file__).resolve().parent / "pages"

SAMPLES = {
    "vp_of_ai": "000_0239b97c24f9bce3.txt",
    "vp_ai_ml_engineering": "001_e09fb979c4e569fa.txt",
    "head_of_ai_engineering": "002_6556d4ddef99196b.txt",
    "ai_tech_lead": "003_d215e5b89abca971.txt",
    "ai_engineering_manager": "004_149db44849bfa1dd.txt",
}


def sample_text(key: str) -> str:
    return (RAW / SAMPLES[key]).read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def shared_prefect_home(tmp_path_factory):
    """One Prefect home for the session's runs (its database is migrated once), unless one is set;
    `roledata run` alone keeps it beside the warehouse (tests/integration/test_cli_flow.py)."""
    if "PREFECT_HOME" not in os.environ:
        os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    yield


@pytest.fixture(scope="session")
def processed():
    """Every sample page through `process_document`, keyed like SAMPLES."""
    return {key: process_document(name, (RAW / name).read_bytes()) for key, name in SAMPLES.items()}


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW
