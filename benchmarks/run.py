"""Benchmark: how far one machine goes, end to end, with and without Prefect.

    python benchmarks/run.py [--pages 1000 10000] [--huge] [--workers N] [--json benchmarks/results.json]

For each corpus size N (a seeded corpus from `make_corpus.py`, kept under
--work between invocations) it times real `roledata run` processes:

- prefect cold:      through the Prefect flow, empty warehouse (documents per second)
- prefect unchanged: the same again, nothing changed
- prefect 1% changed: N/100 pages edited (then restored)
- direct cold / unchanged: the same work with `--no-prefect`, so Prefect's
  share is visible (overhead = prefect cold / direct cold - 1)

Prefect's API server is started once before the timings (a run reports to
it through PREFECT_API_URL), so its start-up is not in any figure; the
Python start-up of each run is. Peak memory is the largest sum of the RSS of
the run's process tree (flow process plus parse workers), sampled every 20 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROLEDATA = str(Path(sys.executable).parent / "roledata")
SEED = 7
TARGETS = {  # issue 6, on a 2-core machine
    "cold_docs_per_s": 500,  # at 10,000 pages
    "unchanged_s": 3.0,  # at 10,000 pages, beyond the one-time server start
    "changed_1pct_share_of_cold": 0.10,
    "peak_rss_mb": 1024,  # at 100,000 pages
    "prefect_overhead": 0.15,
}


def corpus(work: Path, pages: int) -> Path:
    """The seeded corpus of `pages` pages, generated once and reused."""
    folder = work / f"corpus-{pages}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        from benchmarks.make_corpus import make_corpus

        started = time.perf_counter()
        make_corpus(folder, pages, SEED, ROOT / "raw")
        marker.write_text(f"{pages} pages, seed {SEED}\n")
        print(f"  corpus of {pages} pages made in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def tree_rss(pid: int) -> int:
    """RSS in bytes of `pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry.name)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def timed_run(raw: Path, warehouse: Path, *extra: str) -> dict:
    """One `roledata run`: wall seconds, peak RSS of its process tree, and its report line."""
    args = [ROLEDATA, "run", "--raw", str(raw), "--warehouse", str(warehouse), *extra]
    log = warehouse.with_name(warehouse.name + ".log")
    # Output to a file, not a pipe: a big corpus reports thousands of rejects, which
    # would fill a pipe nobody reads until the end and stall the run.
    with open(log, "w+", encoding="utf-8") as output:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        output.seek(0)
        out = output.read()
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed ({' '.join(args)}):\n{out.strip()[-2000:]}")
    documents = next((line for line in out.splitlines() if line.startswith("documents:")), "")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak / 2**20), "report": documents}


def edit_one_percent(raw: Path) -> dict[Path, bytes]:
    """Append a line to every 100th page; returns the original bytes to restore."""
    pages = sorted(p for p in raw.iterdir() if p.suffix in (".txt", ".md"))
    originals = {}
    for page in pages[::100]:
        originals[page] = page.read_bytes()
        page.write_bytes(originals[page] + b"\nUpdated for the benchmark.\n")
    return originals


def bench_size(work: Path, pages: int, workers: int) -> dict:
    raw = corpus(work, pages)
    flags = ["--workers", str(workers)]
    result: dict = {"pages": pages}

    def step(name: str, warehouse: Path, *extra: str) -> None:
        result[name] = timed_run(raw, warehouse, *flags, *extra)
        print(f"  {pages:>7} pages  {name:<18} {result[name]['seconds']:>8.2f} s  "
              f"{result[name]['peak_rss_mb']:>6} MB  {result[name]['report']}", flush=True)

    warehouse = work / f"warehouse-{pages}"
    shutil.rmtree(warehouse, ignore_errors=True)
    step("prefect_cold", warehouse)
    step("prefect_unchanged", warehouse)
    originals = edit_one_percent(raw)
    try:
        step("prefect_changed_1pct", warehouse)
    finally:
        for page, data in originals.items():
            page.write_bytes(data)
    direct = work / f"warehouse-{pages}-direct"
    shutil.rmtree(direct, ignore_errors=True)
    step("direct_cold", direct, "--no-prefect")
    step("direct_unchanged", direct, "--no-prefect")
    shutil.rmtree(warehouse, ignore_errors=True)
    shutil.rmtree(direct, ignore_errors=True)
    cold = result["prefect_cold"]["seconds"]
    result["cold_docs_per_s"] = round(pages / cold, 1)
    result["direct_docs_per_s"] = round(pages / result["direct_cold"]["seconds"], 1)
    result["changed_1pct_share_of_cold"] = round(result["prefect_changed_1pct"]["seconds"] / cold, 3)
    result["prefect_overhead"] = round(cold / result["direct_cold"]["seconds"] - 1, 3)
    result["peak_rss_mb"] = max(result[k]["peak_rss_mb"] for k in result if isinstance(result[k], dict))
    return result


def table(results: list[dict]) -> str:
    head = ["pages", "cold docs/s", "cold s", "unchanged s", "1% changed s", "1% / cold",
            "direct docs/s", "Prefect overhead", "peak RSS MB"]
    rows = [[f"{r['pages']:,}", f"{r['cold_docs_per_s']:.0f}", f"{r['prefect_cold']['seconds']:.1f}",
             f"{r['prefect_unchanged']['seconds']:.1f}", f"{r['prefect_changed_1pct']['seconds']:.1f}",
             f"{r['changed_1pct_share_of_cold']:.0%}", f"{r['direct_docs_per_s']:.0f}",
             f"{r['prefect_overhead']:+.0%}", f"{r['peak_rss_mb']}"] for r in results]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.rjust(w) for c, w in zip(row, widths)) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_kb / 2**20), "python": platform.python_version(),
            "system": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--huge", action="store_true", help="also 100,000 pages (about an hour)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work",
                        help="corpora and warehouses (not committed)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args(argv)
    sizes = args.pages + ([100_000] if args.huge else [])
    args.work.mkdir(parents=True, exist_ok=True)
    for key, value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                       "PREFECT_LOGGING_LEVEL": "CRITICAL", "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
                       "PREFECT_INTERNAL_LOGGING_LEVEL": "CRITICAL"}.items():
        os.environ.setdefault(key, value)
    from roledata.serve import prefect_api

    info = machine()
    print(f"roledata benchmark on {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; "
          f"{args.workers} parse workers", flush=True)
    with prefect_api() as api:
        print(f"  Prefect API: {api} (started before the timings)", flush=True)
        results = [bench_size(args.work, pages, args.workers) for pages in sizes]
    print()
    print(table(results))
    report = {"measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
              "workers": args.workers, "targets": TARGETS, "results": results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
