"""Where raw documents come from. A folder today; anything with the same
two methods (an object store, a crawl) later."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RawDocument:
    source_path: str  # relative to the source root, with forward slashes
    data: bytes


class DocumentSource(Protocol):
    def list_paths(self) -> list[str]: ...
    def read(self, source_path: str) -> bytes: ...


class SourceError(Exception):
    """The source itself cannot be read (missing folder, not a folder)."""


class FolderSource:
    """Every regular file under a folder, in sorted order; hidden files skipped."""

    def __init__(self, root: Path):
        self.root = Path(root)
        if not self.root.exists():
            raise SourceError(f"raw folder not found: {self.root}")
        if not self.root.is_dir():
            raise SourceError(f"raw path is not a folder: {self.root}")

    def list_paths(self) -> list[str]:
        paths: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                full = Path(dirpath) / name
                paths.append(full.relative_to(self.root).as_posix())
        return paths

    def read(self, source_path: str) -> bytes:
        return (self.root / source_path).read_bytes()


class MemorySource:
    """Documents held in memory: for tests and for callers that fetch pages themselves."""

    def __init__(self, documents: dict[str, bytes]):
        self.documents = dict(documents)

    def list_paths(self) -> list[str]:
        return sorted(self.documents)

    def read(self, source_path: str) -> bytes:
        return self.documents[source_path]


def iter_documents(source: DocumentSource, paths: list[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(path, bytes, error) for each path; a file that cannot be read gives its error instead."""
    for path in paths:
        try:
            yield path, source.read(path), None
        except OSError as exc:
            yield path, None, f"cannot read file: {exc.strerror or exc}"
