"""Files written whole or not at all (a temporary file beside the target, then a rename, which a
reader never sees half done and a killed process never leaves half written), and a digest of a set
of files (what fingerprints of our own code are made of)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def temporary_beside(path: Path) -> Path:
    """A hidden temporary name beside `path`, unique to this process."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(path)
    try:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def digest_files(root: Path, files: list[Path], seed: str = "") -> str:
    """sha256 (hex) of `seed`, then each file's path relative to `root` and its bytes, in the given order."""
    digest = hashlib.sha256(seed.encode())
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def sha256_file(path: Path) -> str:
    """sha256 (hex) of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
