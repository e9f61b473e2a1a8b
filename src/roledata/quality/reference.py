"""The reference set and the accuracy the package ships for it.

The reference set is the project's own pages with hand-written gold: the
samples in raw/ and tests/pages/<name>/ with tests/gold/<name>.json.
`make accuracy` measures it and writes `roledata/data/reference_accuracy.json`,
keyed by the parser fingerprint; publishing a snapshot reads that file
(`roledata.run.commit.shipped_accuracy`) and never the tests.
"""
from __future__ import annotations

import json
from pathlib import Path

from roledata.files import write_atomic
from roledata.quality.evaluate import evaluate_documents
from roledata.quality.gold import load_gold
from roledata.quality.occupations import load_occupation_gold
from roledata.run.fingerprint import parser_fingerprint

def reference_corpora(root: Path) -> list[tuple[str, Path, Path]]:
    """The project's own pages with gold, as (label, folder, gold file): the samples in raw/
    (tests/gold/seeds.json) and every tests/pages/<name>/ described by tests/gold/<name>.json."""
    gold_dir = root / "tests" / "gold"
    found = []
    if (gold_dir / "seeds.json").is_file() and (root / "raw").is_dir():
        found.append(("samples", root / "raw", gold_dir / "seeds.json"))
    for gold in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
        pages = root / "tests" / "pages" / gold.stem
        if gold.stem not in ("seeds", OCCUPATION_GOLD.removesuffix(".json")) and pages.is_dir():
            found.append((gold.stem, pages, gold))
    return found


SHIPPED = Path(__file__).resolve().parents[1] / "data" / "reference_accuracy.json"


def reference_accuracy(root: Path) -> dict | None:
    """Recall and precision per field on the reference set (the project's own test pages and the
    samples), with the parser fingerprint they were measured with; None without the test pages."""
    corpora = reference_corpora(root)
    if not corpora:
        return None
    summary = {"parser": parser_fingerprint(),
               "reference_set": "the project's own test pages with hand-written gold answers (tests/pages, tests/gold)",
               "corpora": {}}
    for label, folder, gold in corpora:
        result = evaluate_documents(folder, load_gold(gold), own_occupation_gold(root, label))
        summary["corpora"][label] = {
            "documents": result.documents,
            "fields": {name: {"gold": s.gold, "recall": _rounded(s.recall), "precision": _rounded(s.precision)}
                       for name, s in result.fields.items() if s.documents},
            "forbidden_hits": {"salaries": result.fields["salaries"].forbidden,
                               "growth": result.fields["growth"].forbidden},
        }
        if result.occupations is not None:
            o = result.occupations
            summary["corpora"][label]["occupations"] = {
                "documents": o.documents, "top1": _rounded(o.top1_accuracy), "top3": _rounded(o.top3_accuracy)}
    return summary


OCCUPATION_GOLD = "occupations.json"  # in tests/gold: keyed "<corpus label>/<file>"


def own_occupation_gold(root: Path, label: str) -> dict[str, list[str]] | None:
    """The occupation gold of one of the project's own corpora (None when there is none)."""
    path = root / "tests" / "gold" / OCCUPATION_GOLD
    gold = load_occupation_gold(path, label) if path.is_file() else {}
    return gold or None


def write_reference_accuracy(root: Path, path: Path = SHIPPED) -> dict | None:
    """Measure the reference set and write what the package ships (`make accuracy` does this): the
    figures every snapshot's manifest carries, keyed by the parser that was measured."""
    summary = reference_accuracy(root)
    if summary is not None:
        write_atomic(path, json.dumps(summary, indent=2) + "\n")
    return summary


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
