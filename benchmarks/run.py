"""Benchmark: how far one machine goes, end to end, with and without Prefect, against the targets.

    python benchmarks/run.py [--pages 1000 10000] [--huge] [--workers N] [--work DIR] [--json FILE]
                             [--steps timings cpu digests] [--digests [DIR]] [--save-digests]

For each corpus size N (a seeded corpus from `make_corpus.py`: distinct roles,
career guides and job postings; kept under --work between invocations) it
times real `roledata run --format json` processes, each figure printed beside
its target (TARGETS) with met / not met:

- cold: through the Prefect flow, and direct (`--no-prefect`), each into an
  empty warehouse: pages per second; Prefect overhead = prefect cold / direct
  cold - 1.
- no change: the same run again with nothing changed. "wall" is the whole
  process; "work" is wall minus the cost of starting: for the direct path the
  wall time of `roledata --version` (Python, the CLI and the libraries it
  imports); for Prefect the wall time of a process that imports the same CLI
  and `roledata.run.flow` (so Prefect) and runs an empty Prefect flow against the
  same server (flow-run creation, state reports, shutdown). That is an
  approximation: what a real flow run adds beyond it (its tasks' own calls to
  the server, the task runner) counts as work. Each baseline is the median of
  3 runs, measured once.
- 1% changed: one figure edited (the first number on the page, +1) in every
  100th page, run, then the pages restored: seconds, and the share of the
  same path's cold run.
- peak RSS: the largest sum of the resident memory of a run's process tree
  (the run and its parse workers), sampled every 50 ms; for a Prefect run the
  Prefect server's tree at the same moment is added, since a plain
  `roledata run` starts that server as its own child. The server is started
  once, before the timings (its start is measured and printed on its own
  line, and is in no other figure).
- rejects: documents rejected and rejected rows as each run's JSON report
  lists them (a no-change run reports the dataset's current rejects).
- parse + extract CPU: in this process, `time.process_time()` over a sample
  of the corpus (500 pages evenly spread, or all when fewer; one page first
  as warm-up): `roledata.document.process_document`, then
  `roledata.validate.check_documents` (the row checks) in batches of 200 pages,
  printed separately, in ms of one core per page.

Export (`--steps export`, in the default steps): a JobSpy-shaped CSV of `--export-rows` postings
(default 100,000; the generated pages as rows) run cold and direct, beside the 1,000 text pages its
rows are made from: seconds and peak memory, per posting and per page (target: no worse per posting
than text pages, peak memory under 1 GB).

Digests (`--digests [DIR]`, default benchmarks/digests/, adds the step; `--steps digests` runs it alone):
the rows `process_document` gives for every corpus found (raw/ samples,
tests/pages/guides, tests/pages/postings, the realworld pages and postings
when --realworld exists, the generated 1,000-page corpus) are digested per
table (benchmarks/rows_digest.py) and compared with DIR/<corpus>.json:
"identical", or the tables that differ. `--save-digests` (re)writes the files
(and alone runs no timings).
Realworld documents are keyed by a digest of their file name, never the name.

Figures go to --json (benchmarks/results.json by default).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from roledata.run.fingerprint import parser_fingerprint
from roledata.text import sha256_hex

ROOT = Path(__file__).resolve().parents[1]
ROLEDATA = str(Path(sys.executable).parent / "roledata")
SEED = 7
CPU_SAMPLE = 500
CHECK_BATCH = 200  # pages per row-check call, the run's default batch size
SAMPLE_EVERY = 0.05  # seconds between RSS samples
DIGEST_CORPUS_PAGES = 1000

# The issues' targets, on this 2-core machine. "pages": the corpus size the target is stated
# for (verdicts at other sizes are indicative); None: every size.
TARGETS = {
    "prefect_cold_pages_per_s": {"op": ">=", "value": 500, "unit": "pages/s", "pages": 10_000},
    "direct_cold_pages_per_s": {"op": ">=", "value": 600, "unit": "pages/s", "pages": 10_000},
    "prefect_overhead": {"op": "<=", "value": 0.10, "unit": "%", "pages": 10_000},
    "peak_rss_mb": {"op": "<=", "value": 700, "unit": "MB", "pages": 10_000},
    "peak_rss_mb_huge": {"op": "<=", "value": 1024, "unit": "MB", "pages": 100_000},
    "parse_extract_ms_per_page": {"op": "<=", "value": 3.0, "unit": "ms", "pages": None},
    "unchanged_work_s": {"op": "<=", "value": 1.0, "unit": "s", "pages": 10_000},  # both paths
    "direct_unchanged_wall_s": {"op": "<=", "value": 2.0, "unit": "s", "pages": 10_000},
    # The default path (through Prefect) answers a run with nothing to do before Prefect starts.
    "prefect_unchanged_wall_s": {"op": "<=", "value": 1.0, "unit": "s", "pages": 10_000},
    "changed_1pct_share_of_cold": {"op": "<=", "value": 0.10, "unit": "%", "pages": 10_000},  # both paths
}

# A process that starts like `roledata run` through Prefect and runs an empty flow.
PREFECT_BASELINE = """
import roledata.cli, roledata.run.flow
from prefect import flow

@flow(name="roledata-benchmark-baseline")
def baseline():
    return None

baseline()
"""


# ---------------------------------------------------------------- corpora

def corpus(work: Path, pages: int) -> Path:
    """The seeded corpus of `pages` pages, generated once and reused while its recipe holds: the
    generator reads the samples with the parser, so a corpus made by other code is made again."""
    folder = work / f"corpus-{pages}"
    marker = folder / ".complete"  # hidden files are not pages to roledata
    recipe = (f"{pages} pages, seed {SEED}, parser {parser_fingerprint()}, "
              f"generator {sha256_hex((ROOT / 'benchmarks' / 'make_corpus.py').read_bytes())[:16]}\n")
    if not marker.exists() or marker.read_text(encoding="utf-8") != recipe:
        shutil.rmtree(folder, ignore_errors=True)
        from benchmarks.make_corpus import make_corpus

        started = time.perf_counter()
        make_corpus(folder, pages, SEED, ROOT / "raw")
        marker.write_text(recipe, encoding="utf-8")
        print(f"  corpus of {pages:,} pages made in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def pages_of(raw: Path) -> list[Path]:
    return sorted(p for p in raw.iterdir() if p.is_file() and not p.name.startswith("."))


_NUMBER = re.compile(rb"\d+")


def edit_one_percent(raw: Path) -> dict[Path, bytes]:
    """Edit one figure (the first number, +1) in every 100th page; returns the bytes to restore."""
    originals = {}
    for page in pages_of(raw)[::100]:
        data = originals[page] = page.read_bytes()
        m = _NUMBER.search(data)
        edited = (data[:m.start()] + str(int(m.group()) + 1).encode() + data[m.end():] if m
                  else data + b"\nUpdated for the benchmark.\n")
        page.write_bytes(edited)
    return originals


# ---------------------------------------------------------------- processes

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _process_table() -> tuple[dict[int, list[int]], dict[int, int]]:
    """(parent -> children, pid -> RSS bytes) of every process."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * _PAGE_SIZE
    return children, rss


def tree_rss(roots: list[int], table: tuple[dict[int, list[int]], dict[int, int]] | None = None) -> int:
    """RSS in bytes of the processes `roots` and all their descendants."""
    children, rss = table or _process_table()
    total, todo, seen = 0, list(roots), set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def own_children() -> list[int]:
    children, _ = _process_table()
    return children.get(os.getpid(), [])


def parse_report(stdout: str) -> dict | None:
    """The JSON report `roledata run --format json` prints (None when there is none)."""
    start = stdout.find("{")
    while start != -1:
        try:
            return json.JSONDecoder().raw_decode(stdout[start:])[0]
        except ValueError:
            start = stdout.find("{", start + 1)
    return None


def timed_run(raw: Path, warehouse: Path, *extra: str, server: list[int] | None = None) -> dict:
    """One `roledata run`: wall and CPU seconds, peak RSS of its tree (plus the server's), its report."""
    args = [ROLEDATA, "run", "--raw", str(raw), "--warehouse", str(warehouse), "--format", "json", *extra]
    out_path = warehouse.with_name(warehouse.name + ".out")
    err_path = warehouse.with_name(warehouse.name + ".err")
    # Files, not pipes: a big corpus may report thousands of rejects, which would fill a pipe
    # nobody reads until the end and stall the run.
    with open(out_path, "w", encoding="utf-8") as out, open(err_path, "w", encoding="utf-8") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err)
        peak = (0, 0)  # (run tree, server) at the sample where their sum was largest
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            table = _process_table()
            sample = (tree_rss([proc.pid], table), tree_rss(server, table) if server else 0)
            peak = max(peak, sample, key=sum)
            time.sleep(SAMPLE_EVERY)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        raise SystemExit(f"benchmark run failed ({' '.join(args)}), exit {proc.returncode}:\n"
                         f"{(stderr or stdout).strip()[-2000:]}")
    report = parse_report(stdout) or {}
    documents = report.get("documents", {})
    rejects = report.get("rejects", [])
    return {"seconds": round(seconds, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(sum(peak) / 2**20), "run_tree_mb": round(peak[0] / 2**20),
            "server_mb": round(peak[1] / 2**20),
            "documents": {k: documents.get(k) for k in ("seen", "parsed", "unchanged", "rejected")},
            "rejected_documents": documents.get("rejected"),
            "rejected_rows": sum(1 for r in rejects if r.get("table_name")),
            "status": report.get("status"), "message": report.get("message")}


def wall(args: list[str], repeat: int = 3) -> float:
    """Median wall seconds of a command (it must succeed)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 2)


# ---------------------------------------------------------------- steps

def parse_cpu(raw: Path, sample: int = CPU_SAMPLE) -> dict:
    """CPU ms of one core per page for parse + extract, and for the row checks, in this process."""
    from roledata.extract.document import process_document
    from roledata.extract.document import check_documents
    from roledata.extract.gazetteer import gazetteer

    paths = pages_of(raw)
    chosen = paths[::max(1, len(paths) // sample)][:sample]
    pages = [(str(p.relative_to(raw)), p.read_bytes()) for p in chosen]
    seen_at = datetime.now(timezone.utc)
    # Not timed: the regexes compiled (each on first use) and the vocabularies loaded, by 50 pages
    # outside the sample, of every family; the gazetteer (0.3 s, once per process) too.
    timed = set(chosen)
    others = [p for p in paths if p not in timed]
    warm = [process_document(str(p.relative_to(raw)), p.read_bytes(), seen_at)
            for p in others[::max(1, len(others) // 50)][:50]]
    gazetteer()
    check_documents(warm[:1] or [process_document(*pages[0], seen_at)])
    started = time.process_time()
    results = [process_document(name, data, seen_at) for name, data in pages]
    parsed = time.process_time()
    for i in range(0, len(results), CHECK_BATCH):
        check_documents(results[i:i + CHECK_BATCH])
    checked = time.process_time()
    return {"sample_pages": len(pages),
            "parse_extract_ms_per_page": round(1000 * (parsed - started) / len(pages), 2),
            "row_checks_ms_per_page": round(1000 * (checked - parsed) / len(pages), 2),
            "rejected_documents": sum(1 for r in results if r.reject_reason),
            "rejected_rows": sum(len(r.row_rejects) for r in results)}


def bench_size(work: Path, pages: int, workers: int, baselines: dict, server: list[int], steps: set[str]) -> dict:
    raw = corpus(work, pages)
    result: dict = {"pages": pages, "runs": {}}
    if "cpu" in steps:
        result["cpu"] = parse_cpu(raw)
        print(f"  {pages:>7,} pages  parse + extract {result['cpu']['parse_extract_ms_per_page']:.2f} ms/page, "
              f"row checks {result['cpu']['row_checks_ms_per_page']:.2f} ms/page "
              f"(CPU, {result['cpu']['sample_pages']} pages)", flush=True)
    if "timings" not in steps:
        return result
    flags = ["--workers", str(workers)]

    def step(name: str, warehouse: Path, *extra: str) -> None:
        run = result["runs"][name] = timed_run(raw, warehouse, *flags, *extra,
                                              server=None if "--no-prefect" in extra else server)
        docs = run["documents"]
        print(f"  {pages:>7,} pages  {name:<20} {run['seconds']:>8.2f} s  cpu {run['cpu_s']:>7.1f} s  "
              f"{run['peak_rss_mb']:>5} MB  documents {docs['seen']} seen, {docs['parsed']} parsed, "
              f"{docs['unchanged']} unchanged, {docs['rejected']} rejected; {run['rejected_rows']} rows rejected",
              flush=True)

    for path, extra in (("prefect", ()), ("direct", ("--no-prefect",))):
        warehouse = work / f"warehouse-{pages}-{path}"
        shutil.rmtree(warehouse, ignore_errors=True)
        step(f"{path}_cold", warehouse, *extra)
        step(f"{path}_unchanged", warehouse, *extra)
        originals = edit_one_percent(raw)
        try:
            step(f"{path}_changed_1pct", warehouse, *extra)
        finally:
            for page, data in originals.items():
                page.write_bytes(data)
        shutil.rmtree(warehouse, ignore_errors=True)
    runs = result["runs"]
    figures = result["figures"] = {
        "prefect_cold_s": runs["prefect_cold"]["seconds"],
        "direct_cold_s": runs["direct_cold"]["seconds"],
        "prefect_cold_pages_per_s": round(pages / runs["prefect_cold"]["seconds"], 1),
        "direct_cold_pages_per_s": round(pages / runs["direct_cold"]["seconds"], 1),
        "prefect_overhead": round(runs["prefect_cold"]["seconds"] / runs["direct_cold"]["seconds"] - 1, 3),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs.values()),
        "prefect_unchanged_wall_s": runs["prefect_unchanged"]["seconds"],
        "prefect_unchanged_work_s": round(runs["prefect_unchanged"]["seconds"] - baselines["prefect_start_s"], 2),
        "direct_unchanged_wall_s": runs["direct_unchanged"]["seconds"],
        "direct_unchanged_work_s": round(runs["direct_unchanged"]["seconds"] - baselines["direct_start_s"], 2),
    }
    for path in ("prefect", "direct"):
        figures[f"{path}_changed_1pct_s"] = runs[f"{path}_changed_1pct"]["seconds"]
        figures[f"{path}_changed_1pct_share_of_cold"] = round(
            runs[f"{path}_changed_1pct"]["seconds"] / runs[f"{path}_cold"]["seconds"], 3)
    for path in ("prefect", "direct"):
        peak = max((r for name, r in runs.items() if name.startswith(path)), key=lambda r: r["peak_rss_mb"])
        figures[f"{path}_peak_rss_mb"] = peak["peak_rss_mb"]
        figures[f"{path}_peak_rss_parts_mb"] = {"run_tree": peak["run_tree_mb"], "server": peak["server_mb"]}
    return result


# ---------------------------------------------------------------- the table

def target_for(key: str, pages: int) -> tuple[str, dict]:
    """The target a figure is held to at this corpus size (peak RSS: 700 MB up to 10,000 pages, 1 GB above)."""
    if key == "peak_rss_mb" and pages > TARGETS["peak_rss_mb"]["pages"]:
        key = "peak_rss_mb_huge"
    return key, TARGETS[key]


def met(value: float, target: dict) -> bool:
    return value >= target["value"] if target["op"] == ">=" else value <= target["value"]


def describe(target: dict) -> str:
    value = f"{target['value']:.0%}" if target["unit"] == "%" else f"{target['value']:,g} {target['unit']}"
    where = f" at {target['pages']:,}" if target["pages"] else ""
    return f"{'≥' if target['op'] == '>=' else '≤'} {value}{where}"


def _pct(value: float) -> str:
    return f"{value:+.0%}"


def rows_for(results: list[dict], baselines: dict) -> list[list[str]]:
    """[figure, target, one cell per corpus size] for the table; "-" where a step did not run."""
    rows: list[list[str]] = []

    def row(label: str, key: str | None, text, value=None) -> None:
        target_text = "-"
        if key == "peak_rss_mb":
            target_text = f"{describe(TARGETS[key])}; {describe(TARGETS['peak_rss_mb_huge'])}"
        elif key:
            target_text = describe(TARGETS[key])
        cells = []
        for r in results:
            try:
                cell = text(r)
                if key:
                    cell += "  met" if met(value(r), target_for(key, r["pages"])[1]) else "  NOT MET"
            except KeyError:  # that step did not run
                cell = "-"
            cells.append(cell)
        rows.append([label, target_text, *cells])

    def fig(name: str):
        return lambda r: r["figures"][name]

    row("Prefect cold: pages/s (seconds)", "prefect_cold_pages_per_s",
        lambda r: f"{r['figures']['prefect_cold_pages_per_s']:,.0f} ({r['figures']['prefect_cold_s']:.1f} s)",
        fig("prefect_cold_pages_per_s"))
    row("direct cold: pages/s (seconds)", "direct_cold_pages_per_s",
        lambda r: f"{r['figures']['direct_cold_pages_per_s']:,.0f} ({r['figures']['direct_cold_s']:.1f} s)",
        fig("direct_cold_pages_per_s"))
    row("Prefect overhead: prefect cold / direct cold - 1", "prefect_overhead",
        lambda r: _pct(r["figures"]["prefect_overhead"]), fig("prefect_overhead"))
    row("Prefect peak RSS MB: run tree + server", "peak_rss_mb",
        lambda r: f"{r['figures']['prefect_peak_rss_mb']} ({r['figures']['prefect_peak_rss_parts_mb']['run_tree']} + "
                  f"{r['figures']['prefect_peak_rss_parts_mb']['server']})", fig("prefect_peak_rss_mb"))
    row("direct peak RSS MB: run tree", "peak_rss_mb",
        lambda r: f"{r['figures']['direct_peak_rss_mb']}", fig("direct_peak_rss_mb"))
    row("parse + extract: CPU ms/page", "parse_extract_ms_per_page",
        lambda r: f"{r['cpu']['parse_extract_ms_per_page']:.2f}", lambda r: r["cpu"]["parse_extract_ms_per_page"])
    row("row checks: CPU ms/page", None, lambda r: f"{r['cpu']['row_checks_ms_per_page']:.2f}")
    for path, name in (("prefect", "Prefect"), ("direct", "direct")):
        start = baselines.get(f"{path}_start_s")
        row(f"{name} no change: wall s", f"{path}_unchanged_wall_s",
            lambda r, p=path: f"{r['figures'][f'{p}_unchanged_wall_s']:.2f}", fig(f"{path}_unchanged_wall_s"))
        row(f"{name} no change: work s = wall - {start:.2f} s start" if start is not None
            else f"{name} no change: work s", "unchanged_work_s",
            lambda r, p=path: f"{r['figures'][f'{p}_unchanged_work_s']:.2f}", fig(f"{path}_unchanged_work_s"))
    for path, name in (("prefect", "Prefect"), ("direct", "direct")):
        row(f"{name} 1% changed: s (share of cold)", "changed_1pct_share_of_cold",
            lambda r, p=path: f"{r['figures'][f'{p}_changed_1pct_s']:.1f} "
                              f"({r['figures'][f'{p}_changed_1pct_share_of_cold']:.0%})",
            fig(f"{path}_changed_1pct_share_of_cold"))
    for path, name in (("prefect", "Prefect"), ("direct", "direct")):
        row(f"{name} rejects, documents/rows: cold · no change · 1%", None,
            lambda r, p=path: " · ".join(f"{r['runs'][f'{p}_{k}']['rejected_documents']}/"
                                         f"{r['runs'][f'{p}_{k}']['rejected_rows']}"
                                         for k in ("cold", "unchanged", "changed_1pct")))
    return rows


def table(results: list[dict], baselines: dict) -> str:
    head = ["figure", "target", *(f"{r['pages']:,} pages" for r in results)]
    rows = rows_for(results, baselines)
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
              + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- digests

def digest_corpora(work: Path, realworld: Path | None) -> list[tuple[str, Path, bool]]:
    """(name, folder, hide file names) of every corpus found, as benchmarks/accuracy.py finds them."""
    found = [("samples", ROOT / "raw", False), ("guides", ROOT / "tests" / "pages" / "guides", False),
             ("postings", ROOT / "tests" / "pages" / "postings", False),
             ("unseen", ROOT / "tests" / "pages" / "unseen", False)]
    if realworld is not None and realworld.is_dir():
        found += [(f"realworld-{name}", realworld / name, True) for name in ("pages", "postings")]
    found = [(name, folder, hide) for name, folder, hide in found if folder.is_dir()]
    found.append((f"generated-{DIGEST_CORPUS_PAGES}", corpus(work, DIGEST_CORPUS_PAGES), False))
    return found


def compare_digests(work: Path, folder: Path, realworld: Path | None, save: bool) -> dict[str, str]:
    """Each corpus's rows against folder/<corpus>.json: "identical", the tables that differ, or saved."""
    from benchmarks.rows_digest import differences, document_rows, save as save_digests

    outcome = {}
    for name, pages, hide in digest_corpora(work, realworld):
        started = time.perf_counter()
        digests = document_rows([pages], hide_names=hide)
        count = len(digests.get("documents", {}))
        path = folder / f"{name}.json"
        if save:
            save_digests(path, digests)
            outcome[name] = f"saved ({count} documents)"
        elif not path.is_file():
            outcome[name] = f"no saved digests ({path}; --save-digests writes them)"
        else:
            lines = differences(json.loads(path.read_text(encoding="utf-8")), digests)
            outcome[name] = "identical" if not lines else f"{len(lines)} differences: " + "; ".join(lines)
        print(f"  rows of {name} ({count} documents, {time.perf_counter() - started:.1f} s): "
              + (outcome[name] if outcome[name] == "identical" or not path.is_file() or save
                 else "\n    ".join([f"{len(lines)} differences:", *lines])), flush=True)
    return outcome


# ---------------------------------------------------------------- main

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 2**20), "python": platform.python_version(),
            "system": platform.platform()}


STEPS = ("timings", "cpu", "digests", "export")


def export_of(work: Path, rows: int) -> Path:
    """A JobSpy-shaped CSV of `rows` postings (made once and reused): the generated corpus's pages as
    rows, title cell from the first line, description from the rest, each row made distinct by its id
    and a reference line, pay cells on every other row."""
    import csv

    folder = work / f"export-{rows}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        pages = [p.read_text(encoding="utf-8", errors="replace") for p in pages_of(corpus(work, 1000))]
        with open(folder / "postings.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(["id", "site", "job_url", "title", "company", "location", "date_posted", "job_type",
                             "interval", "min_amount", "max_amount", "currency", "is_remote", "description"])
            for i in range(rows):
                title, _, body = pages[i % len(pages)].partition("\n")
                pay = ["yearly", 80000 + i % 50 * 1000, 120000 + i % 50 * 1000, "USD"] if i % 2 else ["", "", "", ""]
                writer.writerow([f"bench-{i}", "indeed", f"https://jobs.example.org/{i}", title.strip(),
                                 f"Company {i % 997}", "Austin, TX", "2026-01-02", "fulltime", *pay, str(i % 3 == 0),
                                 f"{body.strip()}\n\nReference: posting {i}."])
        marker.write_text(f"{rows} rows\n")
    return folder


def bench_export(work: Path, rows: int, workers: int) -> dict:
    """A cold direct run over one export of `rows` postings beside a cold direct run over the 1,000
    text pages its rows are made from: time and peak memory per document."""
    text = timed_run(corpus(work, 1000), work / "wh-export-text", "--no-prefect", "--full", "--workers", str(workers))
    export = timed_run(export_of(work, rows), work / f"wh-export-{rows}", "--no-prefect", "--full",
                       "--workers", str(workers))
    out = {"rows": rows, "export": export, "text_1000": text,
           "export_ms_per_posting": round(1000 * export["seconds"] / rows, 2),
           "text_ms_per_page": round(text["seconds"], 2)}
    out["text_ms_per_page"] = round(1000 * text["seconds"] / 1000, 2)
    print(f"  export of {rows:,} rows: {export['seconds']:.1f} s ({out['export_ms_per_posting']} ms a posting), "
          f"peak {export['peak_rss_mb']} MB (target under 1,024 MB); 1,000 text pages: {text['seconds']:.1f} s "
          f"({out['text_ms_per_page']} ms a page), peak {text['peak_rss_mb']} MB; documents {export['documents']}",
          flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--huge", action="store_true", help="also 100,000 pages (about an hour)")
    parser.add_argument("--export-rows", type=int, default=100_000,
                        help="rows of the posting export the `export` step runs on [default: 100,000]")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work",
                        help="corpora and warehouses (not committed)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--steps", nargs="+", choices=STEPS, metavar="STEP",
                        help=f"what to do, of {', '.join(STEPS)} [default: timings cpu, plus digests with "
                             "--digests; only digests with --save-digests]")
    parser.add_argument("--digests", type=Path, nargs="?", const=ROOT / "benchmarks" / "digests", metavar="DIR",
                        help="also compare every corpus's rows with DIR/<corpus>.json [DIR: benchmarks/digests]")
    parser.add_argument("--save-digests", action="store_true",
                        help="(re)write the digest files (in --digests DIR or benchmarks/digests) instead")
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared" / "realworld",
                        help="folder with pages/ and postings/ for the digests (skipped when missing)")
    args = parser.parse_args(argv)
    if args.steps:
        steps = set(args.steps) | ({"digests"} if args.digests or args.save_digests else set())
    elif args.save_digests:  # saving digests is a chore of its own: no timings unless asked for
        steps = {"digests"}
    else:
        steps = {"timings", "cpu", "export", *(["digests"] if args.digests else [])}
    digest_dir = args.digests or ROOT / "benchmarks" / "digests"
    sizes = args.pages + ([100_000] if args.huge else [])
    args.work.mkdir(parents=True, exist_ok=True)
    for key, value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                       "PREFECT_LOGGING_LEVEL": "CRITICAL", "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
                       "PREFECT_INTERNAL_LOGGING_LEVEL": "CRITICAL"}.items():
        os.environ.setdefault(key, value)
    info = machine()
    report: dict = {"measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
                    "workers": args.workers, "targets": TARGETS, "steps": sorted(steps)}
    print(f"roledata benchmark on {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; "
          f"{args.workers} parse workers; steps: {', '.join(s for s in STEPS if s in steps)}", flush=True)
    results: list[dict] = []
    baselines: dict = {}
    if steps & {"timings", "cpu"}:
        if "timings" in steps:
            from roledata.run.prefect_runtime import prefect_api

            given = os.environ.get("PREFECT_API_URL")
            started = time.perf_counter()
            with prefect_api() as api:
                baselines["prefect_server_start_s"] = None if given else round(time.perf_counter() - started, 2)
                server = [] if given else own_children()
                print(f"  Prefect server: {api}, " + (f"started in {baselines['prefect_server_start_s']:.1f} s "
                      "(once, before the timings; in no other figure)" if not given
                      else "given by PREFECT_API_URL (not started here)"), flush=True)
                baselines["direct_start_s"] = wall([ROLEDATA, "--version"])
                baselines["prefect_start_s"] = wall([sys.executable, "-c", PREFECT_BASELINE])
                print(f"  process start: {baselines['direct_start_s']:.2f} s (`roledata --version`); "
                      f"with Prefect: {baselines['prefect_start_s']:.2f} s (an empty flow run); "
                      "median of 3, subtracted from the no-change runs", flush=True)
                results = [bench_size(args.work, pages, args.workers, baselines, server, steps) for pages in sizes]
        else:
            results = [bench_size(args.work, pages, args.workers, baselines, [], steps) for pages in sizes]
        report["baselines"] = baselines
        report["results"] = results
        print()
        print(table(results, baselines))
        print("Targets are stated at the corpus size shown; at other sizes the verdict is indicative "
              "(process and Prefect start weigh more on a small corpus).")
    if "export" in steps:
        print("\na posting export, row by row:", flush=True)
        report["export"] = bench_export(args.work, args.export_rows, args.workers)
        results = results or [report["export"]]
    if "digests" in steps:
        print(f"\nrows per corpus against {digest_dir}:", flush=True)
        report["digests"] = compare_digests(args.work, digest_dir, args.realworld, args.save_digests)
    if not results:  # digests only: the figures of the last benchmark stay
        return 0
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
