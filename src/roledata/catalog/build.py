"""The static catalog of published snapshots, rebuilt after every run.

    snapshots/index.html                   every snapshot: id, date, what changed, rows per table, size, downloads
    snapshots/latest                       the LATEST snapshot's folder (a relative symlink, replaced atomically;
                                           a folder with a redirecting index.html where symlinks are unsupported)
    snapshots/<id>.zip                     the whole snapshot in one file (written to a temporary name, then renamed)
    snapshots/<id>/index.html              contents, downloads, roles, charts, what changed, data dictionary, first rows
    snapshots/<id>/roles/index.html        every role of the snapshot
    snapshots/<id>/roles/<role_id>.html    one role: pay, skills, duties, growth, education, experience,
                                           certifications, each figure with its source text and page
    snapshots/<id>/changes.json            rows added, removed and changed per table since the previous snapshot

Everything is derived from the snapshot folders, so a page or zip that is
missing (a run killed after its commit, or pages made by an older catalog) is
simply made next time. This module decides what to make and writes it; the
pages are drawn by `pages` (templates), `charts` (SVG) and `labels` (words and
values) from what `queries` reads, and `reuse` says which role pages of the
previous snapshot can be kept.
"""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from roledata.catalog.pages import (
    LATEST_LINK, MARKER, index_page, load_changes, previous_snapshot, redirect_page, role_list_page, role_page,
    role_page_name, snapshot_page,
)
from roledata.catalog.queries import connect, role_list, role_sections
from roledata.catalog.reuse import inputs_marker, reused_page, role_inputs
from roledata.files import temporary_beside, write_atomic
from roledata.publish.snapshot import latest_snapshot, list_snapshots, pruned_snapshots


def build_catalog(snapshots_dir: Path) -> Path:
    """Make whatever is missing (zip, pages) for every snapshot, then `latest` and the index; returns the index."""

    # `latest` is a link to a snapshot folder: not a snapshot of its own.
    seen: set[str] = set()
    snapshots = []
    for manifest in list_snapshots(snapshots_dir):
        if manifest["snapshot_id"] not in seen and (snapshots_dir / manifest["snapshot_id"]).is_dir():
            seen.add(manifest["snapshot_id"])
            snapshots.append(manifest)
    for leftover in [*snapshots_dir.glob(".*.tmp"), *snapshots_dir.glob("*.zip")]:
        if leftover.suffix == ".tmp" or not (snapshots_dir / leftover.stem).is_dir():
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)  # a killed catalog build, or the zip of a removed snapshot
    for manifest in snapshots:
        folder = snapshots_dir / manifest["snapshot_id"]
        for leftover in [*folder.glob(".roles.*.tmp"), *folder.glob(".roles.*.old")]:
            shutil.rmtree(leftover, ignore_errors=True)
        if not (snapshots_dir / f"{manifest['snapshot_id']}.zip").exists():
            write_zip(snapshots_dir, manifest["snapshot_id"])
        if not _is_current(folder / "index.html"):
            build_snapshot_pages(folder, manifest)
    latest = latest_snapshot(snapshots_dir)
    if latest and latest in seen:
        link_latest(snapshots_dir, latest)
    index = snapshots_dir / "index.html"
    changes = {m["snapshot_id"]: load_changes(snapshots_dir / m["snapshot_id"]) for m in snapshots}
    write_atomic(index, index_page(snapshots, latest, changes, pruned_snapshots(snapshots_dir)))
    return index


def build_snapshot_pages(folder: Path, manifest: dict) -> None:
    """The snapshot's role pages, then its page (last: an index.html of this version means all are there)."""
    with connect(folder) as con:
        roles = role_list(con, folder)
    pages = {r["role_id"]: role_page_name(r["role_id"]) for r in roles}
    previous = previous_snapshot(folder)
    earlier = folder.parent / previous if previous else None
    write_role_pages(folder, manifest, roles, pages, earlier if earlier is not None and earlier.is_dir() else None)
    write_atomic(folder / "index.html", snapshot_page(folder, manifest, roles, pages))


def write_role_pages(folder: Path, manifest: dict, roles: list[dict], pages: dict[str, str],
                     previous: Path | None = None) -> Path:
    """`roles/` of a snapshot: written whole in a hidden folder, then renamed into place.

    A role whose page would show exactly what it showed in the `previous` snapshot (same rows,
    same links, same catalog code) gets that page again with the snapshot id updated, instead
    of being rendered: a run that changed 1% of the pages renders about 1% of the role pages."""
    target = folder / "roles"
    tmp = temporary_beside(target)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    sid = manifest["snapshot_id"]
    try:
        by_id = {role["role_id"]: role for role in roles}
        with connect(folder) as con:
            for role_id, found, counts in role_sections(con, folder, sorted(by_id)):
                role, name = by_id[role_id], pages[role_id]
                inputs = role_inputs(role, found, counts, pages)
                page = reused_page(previous, name, inputs, sid) if previous is not None else None
                if page is None:
                    page = role_page(role, found, counts, pages, manifest) + inputs_marker(inputs)
                (tmp / name).write_text(page, encoding="utf-8")
        (tmp / "index.html").write_text(role_list_page(roles, pages, manifest), encoding="utf-8")
        old = folder / f".roles.{os.getpid()}.old"
        if target.exists():
            os.rename(target, old)
        os.rename(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _is_current(page: Path) -> bool:
    """A page made by this catalog version (older pages lack the role pages, formatting and contents)."""
    try:
        with open(page, encoding="utf-8") as fh:
            return MARKER in fh.read(600)
    except OSError:
        return False


def link_latest(snapshots_dir: Path, snapshot_id: str) -> Path:
    """`snapshots/latest`: a relative symlink to the snapshot's folder, swapped in atomically (a temporary
    link renamed over the old one). Where symlinks are not supported, a folder whose index.html
    redirects to the snapshot's page."""
    target = snapshots_dir / LATEST_LINK
    tmp = temporary_beside(target)
    tmp.unlink(missing_ok=True)
    try:
        os.symlink(snapshot_id, tmp, target_is_directory=True)
    except OSError:  # a file system (or a Windows account) without symlinks
        return _latest_folder(target, snapshot_id)
    try:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # the fallback folder of an earlier build
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _latest_folder(target: Path, snapshot_id: str) -> Path:
    """`target` as a folder whose index.html redirects to the snapshot's page (replacing a link or file)."""
    if target.is_symlink() or target.is_file():
        target.unlink()
    target.mkdir(exist_ok=True)
    write_atomic(target / "index.html", redirect_page(snapshot_id))
    return target


def write_zip(snapshots_dir: Path, snapshot_id: str) -> Path:
    """`<id>.zip`: the snapshot folder's files (hidden ones left out), written to a temporary name, then renamed."""
    target = snapshots_dir / f"{snapshot_id}.zip"
    tmp = temporary_beside(target)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:  # Parquet is compressed already
        for path in sorted((snapshots_dir / snapshot_id).iterdir()):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, f"{snapshot_id}/{path.name}")
    os.replace(tmp, target)
    return target
