"""`roledata catalog serve`: the snapshots folder over HTTP, read-only.

A small server from the standard library, for a team sharing downloads on
its own network. It answers GET and HEAD for files inside the snapshots
folder and nothing else:

- a path that leaves the folder (`..`, a symlink pointing out) or names a
  hidden or temporary entry (anything starting with "."; runs build
  snapshots under such names before renaming them into place) is 404;
- a folder answers with its `index.html` (never a listing);
- `/latest/...` is the snapshot `LATEST` names (the commit point), whether
  the catalog's `latest` symlink is there yet or a fallback folder stands in
  its place; a LATEST naming anything but a snapshot folder inside is 404;
- Parquet, zip, JSON and HTML files carry their own content types, and
  Parquet and zip files are sent as attachments;
- a single byte range (`Range: bytes=a-b`) is honoured, so an interrupted
  download can resume and a client can read a Parquet footer on its own;
- a client that goes away mid-download ends that request and nothing else.

Runs replace files by renaming, so a download that has started reads the
file it opened to the end even if a run publishes meanwhile.
"""
from __future__ import annotations

import errno
import email.utils
import ipaddress
import os
import re
import sys
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHUNK = 64 * 1024
CONTENT_TYPES = {
    ".parquet": "application/vnd.apache.parquet",
    ".zip": "application/zip",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
}
DEFAULT_TYPE = "text/plain; charset=utf-8"  # LATEST and other plain files of ours
ATTACHMENTS = {".parquet", ".zip"}
LATEST_PATH = "latest"  # /latest/... serves the snapshot LATEST names
# A client gone mid-response: its socket says so in one of these ways.
CLIENT_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class CatalogServeError(Exception):
    """The server could not start (folder missing, address taken)."""


def resolve_request(root: Path, raw_path: str) -> Path | None:
    """The file or folder a request path names inside `root`, or None when it names nothing there.

    `root` must already be resolved. The path is percent-decoded once; the
    query string and fragment are ignored.
    """
    path = urllib.parse.unquote(urllib.parse.urlsplit(raw_path).path, errors="strict")
    parts = [p for p in path.split("/") if p]
    if any(p.startswith(".") or "\0" in p for p in parts):
        return None
    if parts and parts[0] == LATEST_PATH:
        latest = _latest_snapshot(root)
        if latest is None:
            return None
        parts[0] = latest
    target = root.joinpath(*parts)
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    return real if real == root or real.is_relative_to(root) else None


def _latest_snapshot(root: Path) -> str | None:
    """The snapshot id LATEST names, when it is a plain folder name."""
    try:
        name = (root / "LATEST").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name or name == LATEST_PATH:
        return None
    return name


def parse_range(header: str | None, size: int) -> tuple[int, int] | None | str:
    """(first, last) byte of a single `bytes=` range; None = whole file; "unsatisfiable" when it lies past the end.

    Anything we do not handle (several ranges, other units, garbage) means
    the whole file, which is what a server without range support would send.
    """
    match = _RANGE.fullmatch(header.strip()) if header else None
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        return "unsatisfiable"
    if end < start:
        return None
    return start, end


class CatalogHandler(BaseHTTPRequestHandler):
    server_version = "roledata-catalog"
    protocol_version = "HTTP/1.1"
    timeout = 120  # seconds a kept-alive connection may sit idle (or a client stall) before it is closed
    root: Path  # set on the subclass made by make_server
    log: Callable[[str], None]

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _read_only(self) -> None:
        self._plain(HTTPStatus.METHOD_NOT_ALLOWED, "read-only: GET and HEAD only\n", {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _read_only

    def _serve(self, send_body: bool) -> None:
        try:
            target = resolve_request(self.root, self.path)
        except UnicodeDecodeError:
            target = None
        if target is not None and target.is_dir():
            split = urllib.parse.urlsplit(self.path)
            if not split.path.endswith("/"):
                # Relative links in the folder's index.html need the trailing slash.
                location = urllib.parse.urlunsplit(("", "", split.path + "/", split.query, ""))
                self._plain(HTTPStatus.MOVED_PERMANENTLY, f"see {location}\n", {"Location": location})
                return
            index = target / "index.html"
            target = index if index.is_file() else None
        if target is None or not target.is_file():
            self._plain(HTTPStatus.NOT_FOUND, "not found\n")
            return
        try:
            handle = open(target, "rb")
        except OSError:
            self._plain(HTTPStatus.NOT_FOUND, "not found\n")
            return
        with handle:
            self._send_file(handle, target, send_body)

    def _send_file(self, handle, target: Path, send_body: bool) -> None:
        stat = os.fstat(handle.fileno())
        size = stat.st_size
        wanted = parse_range(self.headers.get("Range"), size)
        if wanted == "unsatisfiable":
            self._plain(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range not satisfiable\n",
                        {"Content-Range": f"bytes */{size}"})
            return
        first, last = wanted if wanted else (0, size - 1)
        length = max(0, last - first + 1)
        self.send_response(HTTPStatus.PARTIAL_CONTENT if wanted else HTTPStatus.OK)
        suffix = target.suffix.lower()
        self.send_header("Content-Type", CONTENT_TYPES.get(suffix, DEFAULT_TYPE))
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("X-Content-Type-Options", "nosniff")
        if wanted:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        if suffix in ATTACHMENTS:
            quoted = urllib.parse.quote(target.name)
            self.send_header("Content-Disposition", f"attachment; filename*=UTF-8''{quoted}")
        self.end_headers()
        if not send_body:
            return
        handle.seek(first)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:  # the file shrank under us; the client sees a short body
                self.close_connection = True
                return
            self.wfile.write(chunk)
            remaining -= len(chunk)

    def _plain(self, status: HTTPStatus, text: str, headers: dict[str, str] | None = None) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", DEFAULT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except CLIENT_GONE:
            self.close_connection = True
            request = getattr(self, "requestline", "")  # unset when it went before its request line
            self.log(f"{self.address_string()} went away during {request!r}")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        self.log(f"{self.address_string()} {format % args}")

    def log_request(self, code="-", size="-") -> None:
        code = getattr(code, "value", code)
        self.log(f'{self.address_string()} "{self.requestline}" {code}')

    def log_error(self, format: str, *args) -> None:  # noqa: A002
        pass  # the request line and status are logged by log_request


class CatalogServer(ThreadingHTTPServer):
    daemon_threads = True  # a stalled download does not hold up Ctrl-C

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, CLIENT_GONE):
            return
        self.RequestHandlerClass.log(f"{client_address[0]} request failed: {type(exc).__name__}: {exc}")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name
        return host == "localhost"


def make_server(root: Path, host: str, port: int, log: Callable[[str], None]) -> CatalogServer:
    """A server for `root` bound to host:port (not yet serving)."""
    if not root.is_dir():
        raise CatalogServeError(f"no snapshots folder at {root}; run `roledata run` first")
    handler = type("BoundCatalogHandler", (CatalogHandler,), {"root": root.resolve(), "log": staticmethod(log)})
    try:
        return CatalogServer((host, port), handler)
    except OSError as exc:  # address taken, no such interface, unknown host name, port below 1024
        if exc.errno == errno.EADDRINUSE:
            raise CatalogServeError(f"port {port} on {host} is already in use; pass --port with a free one") from None
        raise CatalogServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
