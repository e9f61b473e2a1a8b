"""Parse results kept between runs, so unchanged bytes are never parsed twice.

An entry is keyed by the document's sha256 and lives under a folder named
after the parser fingerprint: a hash of the parser version and of every
source and data file that decides what a page parses into. Changing any of
them (or bumping PARSER_VERSION) starts a new, empty folder, so every
document is parsed again; a stale result is never reused.

Entries are pickles written by this program into the warehouse's own
`.roledata/` folder (write to a temporary name, then rename), so a killed
run leaves either a whole entry or none.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from functools import lru_cache
from pathlib import Path

from roledata import PARSER_VERSION
from roledata.document import DocumentResult

_PACKAGE = Path(__file__).resolve().parent
# What decides the rows a page gives (and which pass the row checks): change any of these and cached results are void.
_PARSER_FILES = ("document.py", "text.py", "schema.py", "validate.py", "parse", "extract", "data")


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


class ParseCache:
    def __init__(self, root: Path):
        self.base = Path(root)
        self.root = self.base / f"parse-{parser_fingerprint()}"

    def get(self, document_id: str) -> DocumentResult | None:
        try:
            with open(self._path(document_id), "rb") as fh:
                result = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # missing or unreadable: parse the page again
        return result if isinstance(result, DocumentResult) else None

    def put(self, document_id: str, result: DocumentResult) -> None:
        path = self._path(document_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> int:
        """Drop entries of documents no longer present and folders of older parsers."""
        removed = 0
        if self.base.exists():
            for folder in self.base.iterdir():
                if folder != self.root:
                    shutil.rmtree(folder, ignore_errors=True)
        if self.root.exists():
            for path in self.root.rglob("*"):
                if path.is_file() and path.stem not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def _path(self, document_id: str) -> Path:
        return self.root / document_id[:2] / f"{document_id}.pickle"
