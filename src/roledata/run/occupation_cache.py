"""Occupation codings kept between runs: a role whose title, aliases, duties and page are the same
as in an earlier run keeps that run's `role_occupations` rows instead of being coded again.

The file is `<state>/occupations/<publisher fingerprint>.json` (the fingerprint covers the matcher,
its reference tables and the parser), so codings made by other code are never reused; it holds the
codings of the last run's roles only, keyed by a sha256 of what the matcher reads.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from roledata.files import write_atomic
from roledata.run.fingerprint import publisher_fingerprint

Coder = Callable[[Iterable[tuple]], list[dict]]


class OccupationCache:
    def __init__(self, state_dir: Path):
        self.folder = Path(state_dir) / "occupations"
        self.path = self.folder / f"{publisher_fingerprint()}.json"

    def rows(self, slices: Iterable[list[tuple]], code: Coder) -> list[dict]:
        """The `role_occupations` rows of (role_id, title, aliases, duties, page text) tuples, given a
        slice at a time (a slice's inputs are let go before the next is read): kept ones where the
        inputs are the same, the rest from `code`; the file is rewritten when it changed."""
        known = self._load()
        kept: dict[str, list[dict]] = {}
        out: list[dict] = []
        for roles in slices:
            keys = [_key(role) for role in roles]
            todo = [(role, key) for role, key in zip(roles, keys) if key not in known and key not in kept]
            fresh: dict[str, list[dict]] = {}
            for row in code([role for role, _ in todo]):
                fresh.setdefault(row["role_id"], []).append({k: v for k, v in row.items() if k != "role_id"})
            for role, key in todo:
                if role[0] in fresh:
                    kept.setdefault(key, fresh[role[0]])
            for key in keys:
                if key in known:
                    kept.setdefault(key, known[key])
            out += [{"role_id": role[0], **row} for role, key in zip(roles, keys) for row in kept.get(key, [])]
        if set(kept) != set(known):
            self._save(kept)
        return out

    def _load(self) -> dict[str, list[dict]]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: everything is coded again

    def _save(self, codings: dict[str, list[dict]]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.glob("*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
            write_atomic(self.path, json.dumps(codings, separators=(",", ":")))
        except OSError:
            pass  # a cache: the next run codes these roles again


def _key(role: tuple) -> str:
    _, title, aliases, duties, page_text = role
    blob = json.dumps([title, list(aliases or ()), list(duties or ()), page_text], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
