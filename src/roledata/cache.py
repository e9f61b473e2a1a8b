"""The parser's fingerprint: what a kept row depends on.

A hash of the parser version and of every source and data file that decides
what a page parses into (and which rows pass the row checks). The row store
(`roledata.store`) keeps rows under a folder named after it, so changing any
of these files, or bumping PARSER_VERSION, starts a new, empty folder: every
document is parsed again and a stale row is never reused.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from roledata import CONTRACT_VERSION, PARSER_VERSION

_PACKAGE = Path(__file__).resolve().parent
# What decides the rows a page gives (and which pass the row checks): change any of these and kept rows are void.
_PARSER_FILES = ("document.py", "text.py", "schema.py", "validate.py", "store.py", "parse", "extract", "data")


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for name in _PARSER_FILES:
        path = _PACKAGE / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".csv", ".json", ".txt"):
                digest.update(file.relative_to(_PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


# What decides the published files beyond the rows (DDL, views, comments, datapackage, changes.json).
_PUBLISHER_FILES = ("schema.py", "warehouse.py", "publish.py", "changes.py")


@lru_cache(maxsize=1)
def publisher_fingerprint() -> str:
    """Change the code that writes the warehouse and snapshots, and a run publishes even with the same rows."""
    digest = hashlib.sha256(CONTRACT_VERSION.encode())
    for name in _PUBLISHER_FILES:
        digest.update(name.encode())
        digest.update((_PACKAGE / name).read_bytes())
    return digest.hexdigest()[:16]
