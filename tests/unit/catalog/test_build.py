"""The catalog's `latest`: a relative symlink replaced atomically, or a folder that redirects where
symlinks are refused."""
from __future__ import annotations

import os

from roledata.catalog.build import link_latest


def test_latest_is_a_relative_symlink_replaced_atomically(tmp_path):
    for sid in ("20260101T000000000000Z", "20260102T000000000000Z"):
        (tmp_path / sid).mkdir()
        (tmp_path / sid / "index.html").write_text(sid)
    link = link_latest(tmp_path, "20260101T000000000000Z")
    assert link.is_symlink() and os.readlink(link) == "20260101T000000000000Z"
    link_latest(tmp_path, "20260102T000000000000Z")
    assert os.readlink(link) == "20260102T000000000000Z"
    assert (link / "index.html").read_text() == "20260102T000000000000Z"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20260101T000000000000Z", "20260102T000000000000Z", "latest"]


def test_without_symlinks_latest_is_a_folder_that_redirects(tmp_path, monkeypatch):
    (tmp_path / "20260101T000000000000Z").mkdir()

    def refuse(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", refuse)
    link = link_latest(tmp_path, "20260101T000000000000Z")
    page = (link / "index.html").read_text()
    assert not link.is_symlink() and link.is_dir()
    assert '<meta http-equiv="refresh" content="0; url=../20260101T000000000000Z/index.html">' in page
    monkeypatch.undo()
    link_latest(tmp_path, "20260101T000000000000Z")  # symlinks work again: the folder gives way to the link
    assert link.is_symlink()
