"""One resolver for every route (flags > ROLEDATA_* > defaults): the command line, a deployment's
scheduled flow run, `serve`; settings travel whole as JSON-friendly parameters."""
from __future__ import annotations

import inspect
import json
from dataclasses import fields
from pathlib import Path

import pytest

from roledata.run import flow
from roledata.settings import SETTINGS, SettingError, Settings, resolve_paths, resolve_settings

# A value for every variable, none of them its default.
ENVIRONMENT = {"ROLEDATA_BATCH_SIZE": ("batch_size", "50", 50), "ROLEDATA_WORKERS": ("workers", "4", 4),
               "ROLEDATA_EXECUTOR": ("executor", "dask", "dask"),
               "ROLEDATA_DASK_ADDRESS": ("dask_address", "tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
               "ROLEDATA_MAX_DOCUMENT_BYTES": ("max_document_bytes", "12345", 12345),
               "ROLEDATA_SHRINK_LIMIT": ("shrink_limit", "0.8", 0.8),
               "ROLEDATA_ALLOW_SHRINK": ("allow_shrink", "yes", True),
               "ROLEDATA_PREFECT_START_TIMEOUT": ("prefect_start_timeout", "45", 45.0),
               "ROLEDATA_KEEP": ("keep", "3", 3),
               "ROLEDATA_ALLOW_LINKS_OUTSIDE": ("allow_links_outside", "1", True),
               "ROLEDATA_COLUMNS": ("columns", "title=job_title,description=body", "title=job_title,description=body")}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for setting in SETTINGS.values():
        if setting.env:
            monkeypatch.delenv(setting.env, raising=False)


def test_every_variable_is_declared_once_and_tested_here():
    declared = {s.env for s in SETTINGS.values() if s.env} - {"ROLEDATA_RAW", "ROLEDATA_WAREHOUSE"}
    assert declared == set(ENVIRONMENT)
    assert set(SETTINGS) == {f.name for f in fields(Settings)}


@pytest.mark.parametrize("variable", sorted(ENVIRONMENT))
def test_each_variable_takes_effect_in_a_deployment_style_flow_run(variable, tmp_path, monkeypatch):
    """A deployment gives the flow only some parameters (prefect.yaml: the folders); what it leaves
    open comes from the worker's ROLEDATA_* variables, as on the command line."""
    name, text, value = ENVIRONMENT[variable]
    monkeypatch.setenv(variable, text)
    seen: list[Settings] = []
    monkeypatch.setattr(flow, "_build", lambda settings, started_at: seen.append(settings))
    monkeypatch.setattr(flow, "publish_artifacts", lambda report: None)
    flow.build_dataset.fn(raw_dir=str(tmp_path / "raw"), warehouse_dir=str(tmp_path / "wh"))
    assert getattr(seen[0], name) == value
    assert seen[0].raw_dir == tmp_path / "raw" and seen[0].warehouse_dir == tmp_path / "wh"


def test_a_parameter_wins_over_its_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEDATA_BATCH_SIZE", "50")
    monkeypatch.setenv("ROLEDATA_WAREHOUSE", str(tmp_path / "from-env"))
    settings = resolve_settings(batch_size=7, warehouse_dir=str(tmp_path / "given"))
    assert (settings.batch_size, settings.warehouse_dir) == (7, tmp_path / "given")


def test_the_flow_takes_every_setting_as_a_parameter():
    parameters = list(inspect.signature(flow.build_dataset.fn).parameters)
    assert parameters == [f.name for f in fields(Settings)] + ["started_at"]


def test_settings_survive_the_trip_to_the_flow(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEDATA_MAX_DOCUMENT_BYTES", "12345")
    settings = resolve_settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse", batch_size=50,
                                full_rebuild=True, wait_seconds=3, workers=2, executor="local", allow_shrink=True,
                                shrink_limit=0.8, keep=4)
    parameters = json.loads(json.dumps(settings.as_parameters()))  # what Prefect stores for a flow run
    monkeypatch.setenv("ROLEDATA_MAX_DOCUMENT_BYTES", "999")  # a later change of the worker's environment
    assert resolve_settings(**parameters) == settings
    assert parameters["max_document_bytes"] == 12345 and parameters["raw_dir"] == str(tmp_path / "raw")


@pytest.mark.parametrize(("given", "message"), [
    pytest.param({"colour": "blue"}, "unknown settings: colour", id="unknown"),
    pytest.param({"batch_size": 0}, "--batch-size must be 1 or more, not 0", id="flag"),
    pytest.param({"executor": "spark"}, "--executor must be one of local, dask, not 'spark'", id="executor"),
])
def test_a_bad_setting_is_one_message(given, message):
    with pytest.raises(SettingError) as caught:
        resolve_settings(**given)
    assert str(caught.value) == message


def test_reading_the_warehouse_needs_no_run_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEDATA_SHRINK_LIMIT", "2")
    monkeypatch.setenv("ROLEDATA_WAREHOUSE", str(tmp_path / "wh"))
    with pytest.raises(SettingError):
        resolve_settings()
    assert resolve_paths().warehouse_dir == tmp_path / "wh"
    assert resolve_paths(warehouse=Path("elsewhere")).warehouse_dir == Path("elsewhere").resolve()
