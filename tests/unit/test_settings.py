"""Settings travel whole from the command to the flow, as JSON-friendly parameters."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledata.settings import Settings, load_settings


def test_settings_survive_the_trip_to_the_flow(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEDATA_MAX_DOCUMENT_BYTES", "12345")
    monkeypatch.setenv("ROLEDATA_PREFECT_START_TIMEOUT", "45")
    settings = load_settings(tmp_path / "raw", tmp_path / "warehouse", 50, True, 3, 2, "local", None, True, 0.8, 4)
    parameters = json.loads(json.dumps(settings.as_parameters()))  # what Prefect stores for a flow run
    assert Settings.from_parameters(parameters) == settings
    assert parameters["max_document_bytes"] == 12345 and parameters["prefect_start_timeout"] == 45.0
    assert parameters["raw_dir"] == str(tmp_path / "raw")


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="unknown settings: colour"):
        Settings.from_parameters({"raw_dir": "raw", "warehouse_dir": "warehouse", "colour": "blue"})
    assert Settings.from_parameters({"raw_dir": "r", "warehouse_dir": "w"}).raw_dir == Path("r")
