"""Where raw documents come from. A folder today; anything with the same
two methods (an object store, a crawl) later."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol


class DocumentSource(Protocol):
    def list_paths(self) -> list[str]: ...
    def read(self, source_path: str) -> bytes: ...


class SourceError(Exception):
    """The source itself cannot be read (missing folder, not a folder)."""


class UnreadableDocument(Exception):
    """One listed document cannot be read; the run records why and goes on."""


class FolderSource:
    """Every file under a folder, in sorted order; hidden files and folders skipped.

    Symbolic links to files are followed; links to folders are listed but not
    followed (so a link loop cannot trap the walk) and are rejected when read,
    like anything else that is not a readable regular file.
    """

    def __init__(self, root: Path, max_bytes: int | None = None):
        self.root = Path(root)
        self.max_bytes = max_bytes
        if not self.root.exists():
            raise SourceError(f"raw folder not found: {self.root}")
        if not self.root.is_dir():
            raise SourceError(f"raw path is not a folder: {self.root}")

    def list_paths(self) -> list[str]:
        paths: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            visible = sorted(d for d in dirnames if not d.startswith("."))
            dirnames[:] = [d for d in visible if not os.path.islink(os.path.join(dirpath, d))]
            linked_dirs = [d for d in visible if d not in dirnames]
            for name in sorted(filenames + linked_dirs):
                if name.startswith("."):
                    continue
                full = Path(dirpath) / name
                paths.append(full.relative_to(self.root).as_posix())
        return paths

    def read(self, source_path: str) -> bytes:
        path = self.root / source_path
        try:
            info = path.stat()
            if stat.S_ISDIR(info.st_mode):
                raise UnreadableDocument("symbolic link to a folder: not followed")
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableDocument("not a regular file")
            if self.max_bytes is not None and info.st_size > self.max_bytes:
                raise UnreadableDocument(f"too large: {info.st_size} bytes (limit {self.max_bytes})")
            return path.read_bytes()
        except OSError as exc:
            raise UnreadableDocument(_os_reason(exc, path)) from None


def iter_documents(source: DocumentSource, paths: list[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(path, bytes, error) for each path; a file that cannot be read gives its error instead."""
    for path in paths:
        try:
            yield path, source.read(path), None
        except UnreadableDocument as exc:
            yield path, None, f"cannot read file: {exc}"
        except OSError as exc:
            yield path, None, f"cannot read file: {exc.strerror or exc}"


def _os_reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "file disappeared before it was read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
