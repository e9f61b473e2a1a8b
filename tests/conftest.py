"""Shared fixtures: the sample pages, parsed once per session."""
from __future__ import annotations

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


@pytest.fixture(scope="session")
def processed():
    """Every sample page through `process_document`, keyed like SAMPLES."""
    return {key: process_document(name, (RAW / name).read_bytes()) for key, name in SAMPLES.items()}


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW
