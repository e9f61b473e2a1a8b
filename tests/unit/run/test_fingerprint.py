"""The fingerprints hash whole packages: an edit to any module that shapes rows or the warehouse
makes the next run publish (an edit to the role merging once left a run saying "nothing changed")."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roledata.run.fingerprint import PACKAGE, parser_fingerprint, publisher_fingerprint

# Packages that shape neither the rows nor the warehouse: the command line, the catalog's pages
# (which carry a marker of their own code) and the accuracy scoring.
NOT_SHAPING = ("cli", "catalog", "quality")
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if "__pycache__" not in p.parts and p.relative_to(PACKAGE).parts[0] not in NOT_SHAPING)
ROW_MODULES = [m for m in MODULES if "/" not in m or m.split("/")[0] in ("contract", "parse", "extract", "data")]


@pytest.fixture
def package(tmp_path) -> Path:
    copy = tmp_path / "roledata"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def test_the_modules_that_shape_rows_include_the_checks_across_pages():
    assert {"run/stage.py", "run/commit.py", "publish/warehouse.py", "contract/tables.py", "text.py"} <= set(MODULES)
    assert "extract/document.py" in ROW_MODULES and "run/stage.py" not in ROW_MODULES


@pytest.mark.parametrize("module", MODULES)
def test_an_edit_to_a_module_that_shapes_the_warehouse_changes_the_publisher_fingerprint(module, package):
    before = publisher_fingerprint(package)
    _edit(package / module)
    assert publisher_fingerprint(package) != before


@pytest.mark.parametrize("module", ROW_MODULES)
def test_an_edit_to_a_module_that_shapes_a_pages_rows_voids_the_row_store(module, package):
    before = parser_fingerprint(package)
    _edit(package / module)
    assert parser_fingerprint(package) != before


def test_a_new_module_counts_without_a_list_edit(package):
    before = (parser_fingerprint(package), publisher_fingerprint(package))
    (package / "run" / "merging.py").write_text("ROLES = 1\n", encoding="utf-8")
    assert parser_fingerprint(package) == before[0] and publisher_fingerprint(package) != before[1]
    (package / "extract" / "pay_tables.py").write_text("CELLS = 1\n", encoding="utf-8")
    assert parser_fingerprint(package) != before[0]


@pytest.mark.parametrize("module", ["cli/__init__.py", "quality/evaluate.py", "quality/scoring.py"])
def test_the_command_line_and_scoring_publish_nothing_new(module, package):
    before = (parser_fingerprint(package), publisher_fingerprint(package))
    _edit(package / module)
    assert (parser_fingerprint(package), publisher_fingerprint(package)) == before


def test_every_hashed_data_file_is_shipped_in_the_wheel():
    # An installed copy must hash to what the checkout hashes (its shipped accuracy figures are keyed by
    # the parser fingerprint): a data file the fingerprint reads but the wheel leaves out makes every
    # installed run report its figures as not current.
    import fnmatch
    import tomllib

    from roledata.run.fingerprint import PUBLISH_PACKAGES, ROW_PACKAGES, code_files

    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["roledata"]
    hashed = code_files(PACKAGE, ROW_PACKAGES + PUBLISH_PACKAGES, with_root_modules=True)
    data = [p.relative_to(PACKAGE).as_posix() for p in hashed if p.suffix != ".py"]
    assert data  # the certifications list, the reference tables, the hand reviews
    assert [name for name in data if not any(fnmatch.fnmatchcase(name, glob) for glob in shipped)] == []
