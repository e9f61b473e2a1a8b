"""ESCO skill URIs for the skill vocabulary: only where an ESCO skill's label is the same concept.

A candidate is an ESCO skill whose preferred or alternative label equals (case
folded) a name or spelling of a vocabulary skill. Labels alone mislead (ESCO
files "SPARK", the Ada-based language, under a label a page writes for Apache
Spark, and lists "Git" as a label of "tools for software configuration
management"), so every candidate is decided by hand in `esco_review.csv`
(accept or reject, with the reason); a wrong link is worse than none. The build
stops on a candidate nobody has decided, so a new candidate is never linked
unseen.
"""
from __future__ import annotations

import csv
from pathlib import Path

REVIEW = Path(__file__).resolve().parent / "esco_review.csv"


class UnreviewedLinks(RuntimeError):
    """ESCO candidates that `esco_review.csv` does not decide."""


def esco_candidates(esco_skills: Path, vocabulary: list[tuple[str, list[str]]]) -> list[dict]:
    """(skill_id, esco_id, esco_label, the spelling that met) for every label equal to a spelling."""
    labels: dict[str, list[tuple[str, str]]] = {}
    with esco_skills.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            esco_id = row["conceptUri"].rsplit("/", 1)[-1]
            for label in [row["preferredLabel"], *row["altLabels"].split("\n")]:
                if label.strip():
                    labels.setdefault(label.strip().casefold(), []).append((esco_id, row["preferredLabel"]))
    out, seen = [], set()
    for skill_id, names in vocabulary:
        for name in names:
            for esco_id, preferred in labels.get(name.casefold(), []):
                if (skill_id, esco_id) not in seen:
                    seen.add((skill_id, esco_id))
                    out.append({"skill_id": skill_id, "esco_id": esco_id, "esco_label": preferred, "spelling": name})
    return sorted(out, key=lambda r: (r["skill_id"], r["esco_id"]))


def reviewed() -> dict[tuple[str, str], str]:
    with REVIEW.open(encoding="utf-8", newline="") as fh:
        return {(r["skill_id"], r["esco_id"]): r["decision"] for r in csv.DictReader(fh)}


def esco_skill_links(esco_skills: Path, vocabulary: list[tuple[str, list[str]]]) -> list[dict]:
    """The accepted links; UnreviewedLinks when a candidate has no decision."""
    decisions = reviewed()
    candidates = esco_candidates(esco_skills, vocabulary)
    missing = [c for c in candidates if (c["skill_id"], c["esco_id"]) not in decisions]
    if missing:
        listed = "; ".join(f"{c['skill_id']} -> {c['esco_id']} ({c['esco_label']})" for c in missing[:20])
        raise UnreviewedLinks(f"{len(missing)} ESCO candidate(s) not decided in {REVIEW.name}: {listed}")
    return [{"skill_id": c["skill_id"], "esco_id": c["esco_id"], "esco_label": c["esco_label"]}
            for c in candidates if decisions[(c["skill_id"], c["esco_id"])] == "accept"]
