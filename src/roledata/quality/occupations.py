"""Occupation coding against gold: top-1 and top-3 accuracy of each document's primary role.

Gold (`tests/gold/occupations.json`, the realworld `gold/occupations.json`):
``{"docs": {"<corpus>/<file>": {"soc": ["15-2051", ...]}}}``, the acceptable SOC
2018 detailed codes, best first (an empty list: no single occupation, not scored).
A document is right at top-1 when the first candidate is in its list, at top-3
when one of the first three is. A document that gives no primary role, or whose
role gets no occupation, is wrong at both.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from roledata.occupations.coding import document_role_inputs, role_occupation_rows


@dataclass
class OccupationScore:
    documents: int = 0  # documents scored (gold lists acceptable codes)
    top1: int = 0
    top3: int = 0
    uncoded: int = 0  # no primary role, or no occupation fits it
    missed: list[dict] = field(default_factory=list)  # file, gold, predicted (top-3 misses)

    @property
    def top1_accuracy(self) -> float | None:
        return self.top1 / self.documents if self.documents else None

    @property
    def top3_accuracy(self) -> float | None:
        return self.top3 / self.documents if self.documents else None

    def to_dict(self, details: bool = True) -> dict:
        out = {**asdict(self), "top1_accuracy": self.top1_accuracy, "top3_accuracy": self.top3_accuracy}
        if not details:
            out["missed"] = len(self.missed)
        return out


def load_occupation_gold(path: str | Path, corpus: str | None = None) -> dict[str, list[str]]:
    """file -> acceptable SOC codes; with `corpus`, only the entries keyed `<corpus>/<file>` (the
    prefix taken off). Entries with no acceptable code are left out."""
    docs = json.loads(Path(path).read_text(encoding="utf-8")).get("docs", {})
    out = {}
    for key, entry in docs.items():
        if corpus is not None:
            if not key.startswith(f"{corpus}/"):
                continue
            key = key[len(corpus) + 1:]
        codes = [c for c in (entry.get("soc") or []) if isinstance(c, str)]
        if codes:
            out[key] = codes
    return out


def folder_occupation_gold(path: str | Path, folder: Path) -> dict[str, list[str]]:
    """The entries of an occupation gold file for the pages of `folder`: keyed `<folder name>/<file>`, or,
    when none is, under the one corpus prefix whose files are in the folder (`samples/` for raw/)."""
    gold = load_occupation_gold(path, folder.name)
    if gold:
        return gold
    prefixes = {key.split("/", 1)[0] for key in load_occupation_gold(path) if "/" in key}
    for prefix in sorted(prefixes):
        found = load_occupation_gold(path, prefix)
        if found and all((folder / name).is_file() for name in found):
            return found
    return load_occupation_gold(path)


def score_occupations(read: dict[str, tuple], gold: dict[str, list[str]]) -> OccupationScore:
    """`read`: file -> (status, reason, tables) as `roledata.quality.evaluate.read_documents` gives."""
    score = OccupationScore()
    for name in sorted(gold):
        acceptable = gold[name]
        score.documents += 1
        status, _, tables = read.get(name, ("lost", None, {}))
        inputs = document_role_inputs(tables) if status == "parsed" else None
        rows = role_occupation_rows([inputs]) if inputs is not None else []
        predicted = [r["soc_code"] for r in rows if r["soc_code"] is not None]
        if not predicted:
            score.uncoded += 1
        if predicted[:1] and predicted[0] in acceptable:
            score.top1 += 1
        if any(code in acceptable for code in predicted[:3]):
            score.top3 += 1
        else:
            score.missed.append({"file": name, "gold": acceptable, "predicted": predicted})
    return score
