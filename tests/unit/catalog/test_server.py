"""The catalog server's two decisions: which file a path names, and which bytes a Range asks for."""
from __future__ import annotations

import pytest

from roledata.catalog.server import is_loopback, parse_range, resolve_request


@pytest.fixture
def root(tmp_path):
    folder = tmp_path / "snapshots"
    (folder / "20260101T000000000000Z").mkdir(parents=True)
    (folder / "20260101T000000000000Z" / "roles.parquet").write_bytes(b"PAR1")
    (folder / ".20260102T000000000000Z.tmp").mkdir()
    (folder / "LATEST").write_text("20260101T000000000000Z\n")
    (tmp_path / "roledata.duckdb").write_bytes(b"db")
    (folder / "escape").symlink_to(tmp_path)
    (folder / "inside").symlink_to(folder / "LATEST")
    return folder.resolve()


@pytest.mark.parametrize(("path", "expected"), [
    ("/", ""),
    ("/LATEST", "LATEST"),
    ("/20260101T000000000000Z/roles.parquet", "20260101T000000000000Z/roles.parquet"),
    ("/20260101T000000000000Z//roles.parquet?download=1#top", "20260101T000000000000Z/roles.parquet"),
    ("/%32%30260101T000000000000Z/roles.parquet", "20260101T000000000000Z/roles.parquet"),
    ("/inside", "LATEST"),  # a symlink that stays inside is followed
])
def test_paths_inside_the_folder_name_their_file(root, path, expected):
    assert resolve_request(root, path) == (root / expected if expected else root)


@pytest.mark.parametrize("path", [
    "/../roledata.duckdb", "/%2E%2E/roledata.duckdb", "/20260101T000000000000Z/../../roledata.duckdb",
    "/escape/roledata.duckdb", "/escape", "/.20260102T000000000000Z.tmp", "/a%00b", "/missing.parquet",
    "/20260101T000000000000Z/roles.parquet/x",
])
def test_paths_that_leave_the_folder_or_name_nothing_are_refused(root, path):
    assert resolve_request(root, path) is None


@pytest.mark.parametrize(("header", "expected"), [
    (None, None),
    ("bytes=0-3", (0, 3)),
    ("bytes=4-", (4, 9)),
    ("bytes=-4", (6, 9)),
    ("bytes=-40", (0, 9)),  # more than the file: the whole file as a range
    ("bytes=5-400", (5, 9)),
    ("bytes=9-9", (9, 9)),
    ("bytes=10-", "unsatisfiable"),
    ("bytes=-0", "unsatisfiable"),
    ("bytes=5-2", None),  # malformed: ignored, the whole file is sent
    ("bytes=0-1,4-5", None),  # several ranges are not supported: the whole file
    ("items=0-3", None),
    ("bytes=-", None),
])
def test_a_single_byte_range_is_read_from_the_header(header, expected):
    assert parse_range(header, size=10) == expected


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False),
    ("example.org", False),
])
def test_loopback_hosts_are_told_apart_from_exposed_ones(host, expected):
    assert is_loopback(host) is expected


def test_latest_names_the_snapshot_LATEST_names(root):
    snapshot = "20260101T000000000000Z"
    assert resolve_request(root, "/latest") == root / snapshot
    assert resolve_request(root, "/latest/roles.parquet") == root / snapshot / "roles.parquet"
    (root / "latest").symlink_to(snapshot)  # the catalog's link changes nothing
    assert resolve_request(root, "/latest/roles.parquet") == root / snapshot / "roles.parquet"


@pytest.mark.parametrize("named", ["../", ".20260102T000000000000Z.tmp", "latest", "", "a/b", "missing"])
def test_latest_refuses_a_LATEST_that_names_no_snapshot_inside(root, named):
    (root / "LATEST").write_text(named + "\n")
    assert resolve_request(root, "/latest/roles.parquet") is None
