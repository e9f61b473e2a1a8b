"""The accuracy the package ships (`roledata/data/reference_accuracy.json`) is what the code measures now.

Every snapshot's manifest carries that file's figures (`roledata.run.commit.shipped_accuracy`),
and publishing never reads tests/: so the file is only as good as its last `make accuracy`. These
tests fail when it is stale (the parser, the scoring rules, the own pages or their gold changed).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

from roledata.quality import reference
from roledata.quality.reference import SHIPPED, reference_accuracy, write_reference_accuracy
from roledata.run import commit
from roledata.run.fingerprint import parser_fingerprint
from tests.conftest import ROOT

STALE = (f"{SHIPPED.relative_to(ROOT)} is stale: it is not what the code measures now on the reference "
         "pages. Run `make accuracy` and commit the file it writes.")


@pytest.fixture(scope="module")
def measured() -> dict:
    return reference_accuracy(ROOT)


def test_the_shipped_file_is_the_one_publishing_reads():
    assert SHIPPED == Path(str(resources.files("roledata.data").joinpath(commit.ACCURACY))).resolve()


def test_the_shipped_figures_are_what_the_code_measures_now(measured):
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert shipped["parser"] == parser_fingerprint(), STALE
    assert shipped == measured, STALE


def test_the_shipped_file_is_written_as_write_reference_accuracy_writes_it(measured, tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "reference_accuracy", lambda root: measured if root == ROOT else None)
    out = tmp_path / "reference_accuracy.json"
    assert write_reference_accuracy(ROOT, out) is measured
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8"), STALE


def test_the_reference_set_is_the_samples_and_the_own_pages(measured):
    assert list(measured["corpora"]) == ["samples", "guides", "postings", "unseen"]
    samples = measured["corpora"]["samples"]
    assert samples["documents"] == {"total": 5, "parsed": 5, "lost": 0, "rejected": 0, "crashed": 0}
    assert samples["fields"]["title"] == {"gold": 5, "recall": 1.0, "precision": 1.0}
    assert samples["fields"]["salaries"] == {"gold": 36, "recall": 1.0, "precision": 1.0}
    for label in ("guides", "postings", "unseen"):  # every own page is scored, none lost
        pages = len(list((ROOT / "tests" / "pages" / label).iterdir()))
        assert (measured["corpora"][label]["documents"]["total"], measured["corpora"][label]["documents"]["lost"]) == (pages, 0)


def test_without_the_reference_pages_there_is_no_figure_and_no_file(tmp_path):
    out = tmp_path / "reference_accuracy.json"
    assert reference_accuracy(tmp_path / "installed-copy") is None
    assert write_reference_accuracy(tmp_path / "installed-copy", out) is None
    assert not out.exists()


def _shipping(monkeypatch, folder: Path) -> list[str]:
    """Make `shipped_accuracy` read the package data from `folder`; returns the packages asked for."""
    asked: list[str] = []
    monkeypatch.setattr(commit, "resources", SimpleNamespace(files=lambda package: asked.append(package) or folder))
    return asked


def test_figures_measured_with_another_parser_are_not_current(tmp_path, monkeypatch):
    figures = json.loads(SHIPPED.read_text(encoding="utf-8"))
    other = "0123456789abcdef"
    assert other != parser_fingerprint()
    (tmp_path / commit.ACCURACY).write_text(json.dumps({**figures, "parser": other}), encoding="utf-8")
    asked = _shipping(monkeypatch, tmp_path)
    expected = {key: value for key, value in figures.items() if key != "parser"}
    assert commit.shipped_accuracy() == {**expected, "parser_fingerprint": other, "current": False}
    assert asked == ["roledata.data"]


def test_the_shipped_figures_are_current_for_this_parser():
    figures = json.loads(SHIPPED.read_text(encoding="utf-8"))
    expected = {key: value for key, value in figures.items() if key != "parser"}
    assert commit.shipped_accuracy() == {**expected, "parser_fingerprint": parser_fingerprint(), "current": True}, STALE


def test_no_shipped_file_means_no_figures(tmp_path, monkeypatch):
    _shipping(monkeypatch, tmp_path)
    assert commit.shipped_accuracy() is None
