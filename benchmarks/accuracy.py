"""Extraction accuracy on every corpus that has gold answers, in one table (`make accuracy`).

    python benchmarks/accuracy.py [--realworld ../shared/realworld] [--json benchmarks/accuracy.json]

Corpora, each scored by `roledata.quality.evaluate` (the same code as `roledata eval`):

- samples: the five sample pages in raw/, gold tests/gold/seeds.json;
- the project's own test pages: tests/gold/<name>.json describes the folder
  tests/pages/<name>/ (a gold file without its folder is skipped);
- when the realworld folder exists: its pages/ (gold/pages.json) and
  postings/ (gold/postings.json), postings/ again against the gold of the
  CSV exports behind its files (gold/postings_*csv.json, merged and keyed by
  each record's `visible_file`): employer, location, work arrangement and
  employment type from the exports' structured fields ("realworld
  postings-csv"), and the posting exports themselves (postings.csv and its
  siblings), each scored twice (`roledata.quality.exports`): from the row's
  own columns (`fields`) and from its description alone (`text`). Their JSON
  keeps only counts per document, never text read from those pages or their
  gold.

Cells: recall % / precision % (gold facts). `*` after the precision: recall
only (the gold lists only some facts, so precision is a lower bound). `-`:
the corpus's gold does not score the field.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from roledata.quality.evaluate import EvalResult, evaluate_documents  # noqa: E402
from roledata.quality.exports import evaluate_export  # noqa: E402
from roledata.quality.gold import FIELDS, load_gold, load_golds  # noqa: E402
from roledata.quality.occupations import load_occupation_gold  # noqa: E402
from roledata.quality.reference import SHIPPED, own_occupation_gold, reference_corpora, write_reference_accuracy  # noqa: E402


def corpora(root: Path, realworld: Path | None) -> list[tuple[str, Path, list[Path], bool, dict | None]]:
    """(label, raw folder, gold files, details in the JSON, occupation gold) for every corpus available."""
    world = {"pages", "postings"} if realworld is not None and realworld.is_dir() else set()
    found = [(f"{label}-own" if label in world else label, folder, [gold], True, own_occupation_gold(root, label))
             for label, folder, gold in reference_corpora(root)]
    occupations = realworld / "gold" / "occupations.json" if world else None
    for name in sorted(world):
        gold = realworld / "gold" / f"{name}.json"
        if (realworld / name).is_dir() and gold.is_file():
            coded = load_occupation_gold(occupations, name) if occupations and occupations.is_file() else None
            found.append((f"realworld {name}", realworld / name, [gold], False, coded or None))
    exports = sorted((realworld / "gold").glob("postings_*csv.json")) if "postings" in world else []
    if exports and (realworld / "postings").is_dir():
        found.append(("realworld postings-csv", realworld / "postings", exports, False, None))
    return found


# The real exports scored (file, gold): the LinkedIn export and its siblings whose columns map by name.
EXPORTS = (("postings.csv", "postings_csv.json"), ("postings_linkedin_b.csv", "postings_linkedin_b_csv.json"),
           ("postings_googlejobs.csv", "postings_googlejobs_csv.json"))


def exports(realworld: Path | None) -> list[tuple[str, Path, Path]]:
    """(label, export, gold) for every real export present with its gold."""
    if realworld is None or not realworld.is_dir():
        return []
    return [(f"realworld {name}", realworld / name, realworld / "gold" / gold) for name, gold in EXPORTS
            if (realworld / name).is_file() and (realworld / "gold" / gold).is_file()]


def cell(result: EvalResult, field: str) -> str:
    s = result.fields[field]
    if not s.documents:
        return "-"
    recall = "-" if s.recall is None else f"{100 * s.recall:.1f}"
    precision = "-" if s.precision is None else f"{100 * s.precision:.1f}" + ("*" if s.recall_only else "")
    return f"{recall} / {precision} ({s.gold})"


def combined_table(results: dict[str, EvalResult]) -> str:
    header = ["field", *results]
    rows = [[f, *(cell(r, f) for r in results.values())] for f in FIELDS
            if any(r.fields[f].documents for r in results.values())]
    for key, label in (("top1_accuracy", "occupation top-1"), ("top3_accuracy", "occupation top-3")):
        if any(r.occupations is not None for r in results.values()):
            rows.append([label, *("-" if r.occupations is None else
                                  f"{100 * getattr(r.occupations, key):.1f} ({r.occupations.documents})"
                                  for r in results.values())])
    rows.append(["forbidden hits", *(f"{r.fields['salaries'].forbidden} pay, {r.fields['growth'].forbidden} growth"
                                     for r in results.values())])
    rows.append(["documents", *(f"{r.documents['total']}" for r in results.values())])
    for key in ("lost", "rejected", "crashed"):
        rows.append([f"  {key}", *(str(r.documents[key]) for r in results.values())])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("cells: recall % / precision % (gold facts; title: documents, recall = accuracy); "
                 "* recall only: precision is a lower bound; - not scored; occupation: % of documents whose "
                 "first (top-1) or first three (top-3) candidate SOC codes hold an acceptable one")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder [default: this project]")
    parser.add_argument("--realworld", type=Path, default=ROOT.parent / "shared" / "realworld",
                        help="folder of real documents with gold/ (skipped when missing)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "accuracy.json", help="where to write the results")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results: dict[str, EvalResult] = {}
    details: dict[str, bool] = {}
    for label, raw, gold, keep, occupations in corpora(args.root, args.realworld):
        results[label] = evaluate_documents(raw, load_golds(gold), occupations)
        details[label] = keep
    for label, export, gold in exports(args.realworld):
        for mode, result in evaluate_export(export, load_gold(gold, by_record=True)).items():
            results[f"{label} ({mode})"] = result
            details[f"{label} ({mode})"] = False
    if not results:
        print("no corpus with gold answers found", file=sys.stderr)
        return 1
    print(combined_table(results))
    out = {"created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "seconds": round(time.perf_counter() - started, 2),
           "corpora": {label: r.to_dict(details=details[label]) for label, r in results.items()}}
    for r in out["corpora"].values():  # paths relative to the project, so the file does not depend on the machine
        r["raw_dir"] = _relative(r["raw_dir"], args.root)
        r["gold"] = " + ".join(_relative(path, args.root) for path in r["gold"].split(" + "))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"json: {_relative(str(args.json), args.root)}  ({out['seconds']} s)")
    if write_reference_accuracy(args.root) is not None:  # what every snapshot's manifest carries
        print(f"shipped with the package: {_relative(str(SHIPPED), args.root)}")
    return 0


def _relative(path: str, root: Path) -> str:
    p = Path(path).resolve()
    try:
        return str(p.relative_to(root.resolve()))
    except ValueError:
        return os.path.relpath(p, root.resolve())


if __name__ == "__main__":
    sys.exit(main())
