"""The static catalog: index, per-snapshot pages with charts and dictionary, zips, changes.json."""
from __future__ import annotations

import json
import re
import os
import shutil
import zipfile

import pyarrow.parquet as pq

from roledata.catalog import build, pages
from roledata.run.pipeline import run_pipeline
from roledata.contract.tables import TABLES
from roledata.settings import Settings
from tests.conftest import RAW


def test_every_run_rebuilds_the_catalog_and_records_what_changed(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    warehouse = tmp_path / "warehouse"
    first = run_pipeline(Settings(raw, warehouse)).snapshot_id
    gone = sorted(raw.iterdir())[-1]
    gone.unlink()
    second = run_pipeline(Settings(raw, warehouse)).snapshot_id
    snapshots = warehouse / "snapshots"

    index = (snapshots / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{second}/index.html">{second}</a> (latest)' in index
    assert f'<a href="{first}/index.html">{first}</a><' in index
    assert f'href="{first}.zip"' in index and f'href="{second}.zip"' in index

    with zipfile.ZipFile(snapshots / f"{second}.zip") as archive:
        names = set(archive.namelist())
    assert {f"{second}/{t.name}.parquet" for t in TABLES} | {f"{second}/manifest.json", f"{second}/changes.json"} <= names

    page = (snapshots / second / "index.html").read_text(encoding="utf-8")
    for table in TABLES:
        assert f'<h3 id="table-{table.name}">{table.name}</h3>' in page
    assert page.count('class="range"') >= 1 and 'id="pay-chart" class="chart"><svg' in page
    assert 'id="skills-chart" class="chart">' in page and 'data-metric="job_growth"><svg' in page
    assert '<nav class="toc"' in page and 'href="#data-dictionary"' in page
    assert "ML frameworks" in page and "ml_framework:" not in page

    # A page per role, linked from the snapshot page, and `latest` pointing at the newest snapshot.
    roles = pq.read_table(snapshots / second / "roles.parquet").to_pylist()
    for role in roles:
        assert f'href="roles/{role["role_id"]}.html"' in page
        role_page = (snapshots / second / "roles" / f"{role['role_id']}.html").read_text(encoding="utf-8")
        assert f"<h1>{role['title']}</h1>" in role_page.replace("&#39;", "'")
    lead = (snapshots / second / "roles" / "ai-tech-lead.html").read_text(encoding="utf-8")
    assert "$150,000 – $280,000 a year" in lead and "Location-Specific Salaries" in lead and "Non-Tech Hubs" in lead
    assert (snapshots / "latest").is_symlink() and os.readlink(snapshots / "latest") == second
    assert f'href="{second}.zip"' in index and "latest/" in index
    assert "<th>changed since the previous snapshot</th>" in index and 'class="counts"' in index
    assert f"{first}.zip" not in {n for n in names}
    # Nothing fetched: no script, no address but the SVG namespace and ESCO's concept URIs, which are
    # identifiers shown as data (skills.esco_uri), never loaded.
    shown = re.sub(r"http://data\.europa\.eu/esco/(?:skill|occupation)/[0-9a-f-]+", "", page)
    assert "<script" not in page and "http://" not in shown.replace('xmlns="http://www.w3.org/2000/svg"', "")

    changes = json.loads((snapshots / second / "changes.json").read_text(encoding="utf-8"))
    assert changes["previous_snapshot"] == first
    old_docs = pq.read_table(snapshots / first / "documents.parquet").to_pylist()
    gone_id = next(d["document_id"] for d in old_docs if d["source_path"] == gone.name)
    for name, change in changes["tables"].items():
        old_rows = pq.read_table(snapshots / first / f"{name}.parquet").to_pylist()
        expected = sum(1 for r in old_rows if r.get("document_id") == gone_id)
        if name in ("roles", "role_occupations"):
            continue  # a role listed on another page may stay behind as a listed role; codings go with roles
        assert (change["added"], change["changed"]) == (0, 0), name
        assert change["removed"] == expected, name
        assert change["documents"] == ([{"document_id": gone_id, "source_path": gone.name}] if expected else []), name
    first_changes = json.loads((snapshots / first / "changes.json").read_text(encoding="utf-8"))
    assert first_changes["previous_snapshot"] is None
    assert first_changes["tables"]["documents"]["added"] == len(old_docs)


def test_unchanged_role_pages_are_reused_exactly_as_they_would_be_drawn(tmp_path, monkeypatch):
    """A run that changed one page draws only that page's role again and reuses the other roles'
    pages from the previous snapshot, each byte for byte the page a fresh drawing gives."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    shutil.copytree(RAW, raw)
    run_pipeline(Settings(raw, warehouse, workers=1))
    page = raw / "003_d215e5b89abca971.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("pivotal role", "central role"), encoding="utf-8")
    drawn_roles: list[str] = []
    real = pages.role_page
    # Patched where write_role_pages looks it up: the build module imports it from pages.
    monkeypatch.setattr(build, "role_page", lambda role, *a: drawn_roles.append(role["role_id"]) or real(role, *a))
    second = run_pipeline(Settings(raw, warehouse, workers=1)).snapshot_id
    assert drawn_roles == ["ai-tech-lead"]
    monkeypatch.undo()
    folder = warehouse / "snapshots" / second
    reused = {p.name: p.read_bytes() for p in (folder / "roles").iterdir()}

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "changes.json").rename(tmp_path / "changes.json")  # no previous snapshot: every page drawn afresh
    build.build_snapshot_pages(folder, manifest)
    drawn = {p.name: p.read_bytes() for p in (folder / "roles").iterdir()}
    assert reused == drawn and len(drawn) == 12  # 11 roles and the list
