"""`roledata catalog serve` end to end: a flow run, the server, and real headless Chromium.

Chromium is Debian's `chromium` package (`make test` installs it when
missing), driven through Playwright with no browser download. Screenshots
go to test-artifacts/catalog/ (ROLEDATA_TEST_ARTIFACTS to put them elsewhere).
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from roledata.catalog.labels import format_usd_range
from roledata.contract.tables import TABLES
from roledata.contract.views import TOTAL_COMPONENTS, document_pay_sql
from roledata.run.prefect_runtime import port_in_use
from tests.helpers import free_port
from tests.conftest import RAW, ROOT
from tests.integration.helpers import ROLEDATA

CHROMIUM = os.environ.get("ROLEDATA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                  "--no-first-run", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("ROLEDATA_TEST_ARTIFACTS") or ROOT / "test-artifacts") / "catalog"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    """A warehouse made by the Prefect flow (`roledata run`) on the sample pages."""
    folder = tmp_path_factory.mktemp("catalog") / "warehouse"
    done = subprocess.run([ROLEDATA, "run", "--raw", str(RAW), "--warehouse", str(folder)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


class Server:
    def __init__(self, warehouse: Path, log: Path):
        self.port = free_port()
        self.log = log
        with open(log, "w") as err:
            self.proc = subprocess.Popen([ROLEDATA, "catalog", "serve", "--warehouse", str(warehouse),
                                          "--port", str(self.port)],
                                         stdout=subprocess.PIPE, stderr=err, text=True)
        deadline = time.monotonic() + 30
        while not port_in_use(self.port):
            assert self.proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        self.url = f"http://127.0.0.1:{self.port}"

    def get(self, path: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
        """One request with the path sent exactly as given (no client-side clean-up of `..`)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=30)
        return out


@pytest.fixture(scope="module")
def server(warehouse, tmp_path_factory):
    served = Server(warehouse, tmp_path_factory.mktemp("serve") / "stderr.log")
    yield served
    if served.proc.poll() is None:
        served.proc.kill()
        served.proc.wait()


def latest(warehouse: Path) -> str:
    return (warehouse / "snapshots" / "LATEST").read_text().strip()


def test_a_browser_follows_the_catalog_sees_charts_and_dictionary_and_downloads_parquet(warehouse, server, tmp_path):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: `make browser` installs Debian's chromium"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    snapshot = latest(warehouse)
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        paid_roles = dict(con.execute("""
            SELECT r.title, max(coalesce(s.annual_max_usd, s.annual_min_usd))
            FROM salaries s JOIN roles r USING (role_id)
            WHERE s.annual_min_usd IS NOT NULL OR s.annual_max_usd IS NOT NULL GROUP BY r.title""").fetchall())
        roles = sorted(con.execute("SELECT * FROM roles").fetchall(), key=repr)
        base_medians = dict(con.execute("SELECT title, midpoint_usd_median FROM role_pay_summary "
                                        "WHERE documents_with_midpoint > 0").fetchall())
        total_medians = dict(con.execute(f"SELECT r.title, median(m.midpoint_usd) FROM "
                                         f"({document_pay_sql(components=TOTAL_COMPONENTS)}) m JOIN roles r USING (role_id) "
                                         "GROUP BY r.title").fetchall())
    assert len(paid_roles) >= 5  # the samples state pay for most roles

    requested = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("request", lambda request: requested.append(request.url))

            page.goto(f"{server.url}/")
            assert page.title() == "roledata snapshots"
            page.screenshot(path=ARTIFACTS / "index.png", full_page=True)

            page.get_by_role("link", name=snapshot, exact=True).click()
            page.wait_for_load_state()
            assert page.url == f"{server.url}/{snapshot}/index.html"
            assert page.title() == f"roledata snapshot {snapshot}"
            page.screenshot(path=ARTIFACTS / "snapshot.png", full_page=True)

            # The pay chart: drawn (it has a size on screen), base and total pay of a role on bars of their own,
            # each across the role's documents with the median of their midpoints marked.
            chart = page.locator("#pay-chart svg")
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100
            bars = chart.locator("rect.range")
            assert bars.count() == len(base_medians) + len(total_medians)
            labels = {t.split(": figures")[0] for t in bars.locator("title").all_text_contents()}
            assert labels == ({f"{t} · base pay" for t in base_medians} | {f"{t} · total pay" for t in total_medians})
            assert chart.locator("rect.median").count() == bars.count()
            top = max(base_medians.values())
            texts = chart.locator("text").all_text_contents()
            assert any(t.startswith(f"median {format_usd_range(top, top)} · ") for t in texts)
            assert len([t for t in chart.locator("text.tick").all_text_contents() if t.startswith("$")]) >= 8
            assert chart.locator("line.grid").count() >= 4
            # The legend, visible: what the bar, the band and the mark are.
            assert {"median of the documents' midpoints",
                    "middle half of the documents' midpoints (25th to 75th percentile)"} <= set(texts)
            chart.screenshot(path=ARTIFACTS / "pay-chart.png")
            skills = page.locator("#skills-chart")
            assert skills.locator("svg rect.range").count() > 0
            assert "ML frameworks" in skills.inner_text() and "ml_framework" not in skills.inner_text()
            growth = page.locator("#growth-chart")
            assert growth.locator("svg rect.range").count() > 0
            assert "Job growth" in growth.inner_text()
            # the table of contents leads to the sections
            page.locator("nav.toc").get_by_role("link", name="Data dictionary and first rows").click()
            assert page.url.endswith("#data-dictionary")

            # The data dictionary: every table, every column, with the schema's descriptions.
            dictionary = page.locator("#data-dictionary")
            dictionary.scroll_into_view_if_needed()
            assert dictionary.is_visible()
            page.screenshot(path=ARTIFACTS / "data-dictionary.png")
            for table in TABLES:
                assert page.locator(f"#table-{table.name}").is_visible()
                rows = page.locator(f"#table-{table.name} + p + table.dictionary tr")
                assert rows.count() == len(table.columns) + 1, table.name
                first = rows.nth(1).locator("td")
                assert first.nth(0).inner_text() == table.columns[0].name
                assert first.nth(3).inner_text() == table.columns[0].description

            # One click downloads roles.parquet; DuckDB reads back exactly the warehouse's rows.
            with page.expect_download() as download_info:
                page.get_by_role("link", name="roles.parquet", exact=True).click()
            download = download_info.value
            assert download.suggested_filename == "roles.parquet"
            saved = tmp_path / "roles.parquet"
            download.save_as(saved)
            with duckdb.connect() as con:
                rows = con.execute("SELECT * FROM read_parquet(?)", [str(saved)]).fetchall()
            assert sorted(rows, key=repr) == roles

            # A page per role: title, pay figures formatted, the chart's legend, each figure's source text.
            page.goto(f"{server.url}/{snapshot}/index.html")
            page.locator("#roles").scroll_into_view_if_needed()
            page.get_by_role("link", name="AI Tech Lead", exact=True).first.click()
            page.wait_for_load_state()
            assert page.url == f"{server.url}/{snapshot}/roles/ai-tech-lead.html"
            assert page.locator("h1").inner_text() == "AI Tech Lead"
            pay = page.locator("table.pay")
            assert "$150,000 – $280,000 a year" in pay.inner_text()
            assert "Location: San Francisco Bay Area and New York City" in pay.inner_text()
            assert "Location-Specific Salaries" in pay.inner_text()  # the section the figure was read from
            role_chart = page.locator("#role-pay-chart svg")
            assert "one figure: lowest to highest amount, per year in USD (+: no upper amount)" in \
                role_chart.locator("text").all_text_contents()
            assert role_chart.bounding_box()["height"] > 100
            assert page.locator("#skills + h3").count() == 1 and "180000.0" not in page.content()
            page.screenshot(path=ARTIFACTS / "role.png", full_page=True)

            # latest/: the newest snapshot at a stable address, its role pages too.
            page.goto(f"{server.url}/latest/")
            assert page.title() == f"roledata snapshot {snapshot}"
            page.get_by_role("link", name="AI Tech Lead", exact=True).first.click()
            page.wait_for_load_state()
            assert page.url == f"{server.url}/latest/roles/ai-tech-lead.html"
            assert page.locator("h1").inner_text() == "AI Tech Lead"
            page.goto(f"{server.url}/")
            page.get_by_role("link", name="latest/", exact=True).click()
            page.wait_for_load_state()
            assert page.title() == f"roledata snapshot {snapshot}"

            # The catalog also works opened straight from disk.
            page.goto((warehouse / "snapshots" / "index.html").as_uri())
            assert page.get_by_role("link", name=snapshot, exact=True).is_visible()
            page.goto((warehouse / "snapshots" / "latest" / "roles" / "ai-tech-lead.html").as_uri())
            assert page.locator("h1").inner_text() == "AI Tech Lead"
        finally:
            browser.close()
    assert requested and all(u.startswith(server.url) or u.startswith("file://") for u in requested), requested


def test_only_files_inside_the_snapshots_folder_are_served(warehouse, server, tmp_path):
    snapshot = latest(warehouse)
    (tmp_path / "secret.txt").write_text("not for download")
    link = warehouse / "snapshots" / "outside.txt"
    link.symlink_to(tmp_path / "secret.txt")
    try:
        for path in ["/../roledata.duckdb", "/%2e%2e/roledata.duckdb", f"/{snapshot}/../../roledata.duckdb",
                     f"/{snapshot}/..%2f..%2froledata.duckdb", "/..%5c..%5croledata.duckdb", "/outside.txt",
                     "/.roledata/run.lock", "/%00", "/%ff", "/no-such-file.parquet"]:
            status, _, body = server.get(path)
            assert (status, body) == (404, b"not found\n"), path
    finally:
        link.unlink()

    status, headers, body = server.get(f"/{snapshot}/roles.parquet")
    assert status == 200 and body == (warehouse / "snapshots" / snapshot / "roles.parquet").read_bytes()
    assert headers["Content-Type"] == "application/vnd.apache.parquet"
    assert headers["Content-Disposition"] == "attachment; filename*=UTF-8''roles.parquet"
    expected_types = {f"/{snapshot}.zip": "application/zip", f"/{snapshot}/manifest.json": "application/json",
                      f"/{snapshot}/changes.json": "application/json", "/": "text/html; charset=utf-8"}
    for path, content_type in expected_types.items():
        status, headers, _ = server.get(path, method="HEAD")
        assert (status, headers["Content-Type"]) == (200, content_type), path

    status, headers, _ = server.get(f"/{snapshot}")
    assert (status, headers["Location"]) == (301, f"/{snapshot}/")  # so the page's relative links work
    # Byte ranges: a Parquet file starts and ends with its magic number.
    size = (warehouse / "snapshots" / snapshot / "roles.parquet").stat().st_size
    status, headers, body = server.get(f"/{snapshot}/roles.parquet", {"Range": "bytes=0-3"})
    assert (status, headers["Content-Range"], body) == (206, f"bytes 0-3/{size}", b"PAR1")
    status, headers, body = server.get(f"/{snapshot}/roles.parquet", {"Range": "bytes=-4"})
    assert (status, headers["Content-Range"], body) == (206, f"bytes {size - 4}-{size - 1}/{size}", b"PAR1")
    status, headers, _ = server.get(f"/{snapshot}/roles.parquet", {"Range": f"bytes={size}-"})
    assert (status, headers["Content-Range"]) == (416, f"bytes */{size}")
    status, headers, _ = server.get("/", method="DELETE")
    assert (status, headers["Allow"]) == (405, "GET, HEAD")
    assert json.loads(server.get(f"/{snapshot}/manifest.json")[2])["snapshot_id"] == snapshot


def test_a_client_that_disconnects_mid_download_does_not_disturb_the_server(warehouse, server):
    big = warehouse / "snapshots" / "big-test.zip"
    with open(big, "wb") as fh:
        fh.truncate(256 * 1024 * 1024)  # sparse: more than any socket buffer holds
    try:
        for _ in range(3):
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            sock.sendall(b"GET /big-test.zip HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 200 OK")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()  # reset mid-download
        deadline = time.monotonic() + 30
        while server.log.read_text().count("went away during 'GET /big-test.zip HTTP/1.1'") < 3:
            assert time.monotonic() < deadline, server.log.read_text()
            time.sleep(0.2)
    finally:
        big.unlink()
    assert server.get("/")[0] == 200
    assert server.proc.poll() is None
    assert "Traceback" not in server.log.read_text()


def test_the_server_stops_cleanly_on_sigterm(warehouse, tmp_path):
    served = Server(warehouse, tmp_path / "stderr.log")
    out = served.stop()
    assert served.proc.returncode == 0
    assert out.splitlines() == [
        f"serving {warehouse / 'snapshots'} at {served.url}/ (read-only); Ctrl-C to stop", "stopped"]
    assert "Traceback" not in (tmp_path / "stderr.log").read_text()
    assert not port_in_use(served.port)


def test_serve_errors_are_one_line(warehouse, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([ROLEDATA, "catalog", "serve", "--warehouse", str(warehouse), "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (1, f"error: port {port} on 127.0.0.1 is already in use; "
                                                 "pass --port with a free one\n")
    missing = tmp_path / "nowhere"
    done = subprocess.run([ROLEDATA, "catalog", "serve", "--warehouse", str(missing)],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (1, f"error: no snapshots folder at {missing / 'snapshots'}; "
                                                 "run `roledata run` first\n")
