"""Where raw documents come from. A folder today; anything with the same
two methods (an object store, a crawl) later.

Only regular files under the raw folder are read: a symbolic link that leads
outside it is a reject unless the user allows such links, and nothing under
/proc, /sys or /dev is ever read (a link to /proc/self/environ would publish
the process's environment). A folder that cannot be listed is itself listed,
as `name/`, so the run rejects it by name instead of losing its pages.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from roledata.settings import Settings


class DocumentSource(Protocol):
    def list_paths(self) -> list[str]: ...
    def read(self, source_path: str) -> bytes: ...


class SourceError(Exception):
    """The source itself cannot be read (missing folder, not a folder)."""


class UnreadableDocument(Exception):
    """One listed document cannot be read; the run records why and goes on."""


SPECIAL_PLACES = (Path("/proc"), Path("/sys"), Path("/dev"))  # files there are the system's, never pages
UNREADABLE_FOLDER = "/"  # a listed path ending so is a folder that could not be listed


class FolderSource:
    """Every file under a folder, in sorted order; hidden files and folders skipped.

    Symbolic links to files inside the folder are followed (outside it only with
    `allow_links_outside`); links to folders are listed but not followed (so a
    link loop cannot trap the walk) and are rejected when read, like anything
    else that is not a readable regular file.
    """

    def __init__(self, root: Path, max_bytes: int | None = None, allow_links_outside: bool = False):
        self.root = Path(root)
        self.max_bytes = max_bytes
        self.allow_links_outside = allow_links_outside
        if not self.root.exists():
            raise SourceError(f"raw folder not found: {self.root}")
        if not self.root.is_dir():
            raise SourceError(f"raw path is not a folder: {self.root}")
        self._resolved_root = self.root.resolve()

    @classmethod
    def of(cls, settings: Settings) -> FolderSource:
        """The run's raw folder, read as its settings say."""
        return cls(settings.raw_dir, settings.max_document_bytes, settings.allow_links_outside)

    def list_paths(self) -> list[str]:
        paths: list[str] = []

        def cannot_list(error: OSError) -> None:
            if error.filename and Path(error.filename) != self.root:
                paths.append(Path(error.filename).relative_to(self.root).as_posix() + UNREADABLE_FOLDER)
            elif error.filename:
                raise SourceError(f"cannot read the raw folder {self.root}: {error.strerror or error}") from None

        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False, onerror=cannot_list):
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
        if source_path.endswith(UNREADABLE_FOLDER):
            raise UnreadableDocument(_os_reason(self._list_error(source_path), self.root))
        path = self.root / source_path
        try:
            self._check_place(path)
            # Not blocking: a FIFO swapped in after the listing must not hang the run.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as fh:
                info = os.fstat(fh.fileno())
                if stat.S_ISDIR(info.st_mode):
                    raise UnreadableDocument("symbolic link to a folder: not followed")
                if not stat.S_ISREG(info.st_mode):
                    raise UnreadableDocument("not a regular file")
                if self.max_bytes is not None and info.st_size > self.max_bytes:
                    raise UnreadableDocument(f"too large: {info.st_size} bytes (limit {self.max_bytes})")
                data = fh.read() if self.max_bytes is None else fh.read(self.max_bytes + 1)
            if self.max_bytes is not None and len(data) > self.max_bytes:  # grew since it was looked at
                raise UnreadableDocument(f"too large: over {self.max_bytes} bytes (limit {self.max_bytes})")
            return data
        except OSError as exc:
            raise UnreadableDocument(_os_reason(exc, path)) from None

    def _check_place(self, path: Path) -> None:
        """Refuse what is not a page of this folder: the system's special files, wherever a link
        points, and (unless allowed) links that lead out of the raw folder."""
        target = path.resolve()
        for place in SPECIAL_PLACES:
            if target.is_relative_to(place):
                raise UnreadableDocument(f"a system file under {place}: never read")
        if not self.allow_links_outside and not target.is_relative_to(self._resolved_root):
            raise UnreadableDocument("symbolic link leading outside the raw folder: not followed "
                                     "(--allow-links-outside reads such links)")

    def _list_error(self, source_path: str) -> OSError:
        try:
            os.listdir(self.root / source_path.rstrip(UNREADABLE_FOLDER))
        except OSError as exc:
            return exc
        return OSError("it could not be listed when the run began")


def iter_documents(source: DocumentSource, paths: list[str]) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(path, bytes, error) for each path; a file that cannot be read gives its error instead."""
    for path in paths:
        try:
            yield path, source.read(path), None
        except UnreadableDocument as exc:
            yield path, None, f"cannot read {_what(path)}: {exc}"
        except OSError as exc:
            yield path, None, f"cannot read {_what(path)}: {exc.strerror or exc}"


def _what(path: str) -> str:
    return "folder" if path.endswith(UNREADABLE_FOLDER) else "file"


def _os_reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "file disappeared before it was read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
