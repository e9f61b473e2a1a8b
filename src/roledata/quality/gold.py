"""Gold answers: reading and checking a gold file, and the normalisation both sides are compared after.

Gold file: ``{"about" | "_about": "...", "docs": {file_name: {...}}}``. Per
document, every key is optional; a document is scored for a field only when
its gold has that field's key (`roledata.quality.scoring` says how each
field's facts are matched).

A gold of a CSV export (`postings_csv.json` and its siblings) is keyed by
the record's id, and each record that became a file of the folder names it
in `visible_file`: such a gold is read keyed by those files, and records
without a file are left out (they are not in the folder). Several gold files
can be read as one (`load_golds`): their documents are merged, a later file's
keys adding to an earlier one's for the same document.

Salaries are *recall only* for a gold file in which any document has a
`salaries_unverified` key (job postings: the gold lists one salary of the
several a posting may state), or when the caller says so (`--recall-only`).
Precision is still computed and reported, marked, as a lower bound.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("title", "salaries", "growth", "education", "experience", "certifications", "tools", "related_roles",
          "employer", "location", "work_arrangement", "employment_type")
# Fields whose precision can be declared a lower bound.
RECALL_ONLY_FIELDS = frozenset(FIELDS) - {"title", "employer", "location", "work_arrangement", "employment_type"}


class GoldError(ValueError):
    """The gold file cannot be read or is not a gold file."""


@dataclass(frozen=True)
class Gold:
    path: str
    about: str
    docs: dict[str, dict]
    recall_only: frozenset[str]


def load_gold(path: str | Path, recall_only: set[str] | frozenset[str] = frozenset(), by_record: bool = False) -> Gold:
    """Read and check a gold file; GoldError with one clear message when it is not one. A posting
    export's gold is keyed by record; its documents are named by the text file each record is behind
    (`visible_file`), or with `by_record` by the record's key (to score the export's own rows)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"gold file not found: {path}") from None
    except IsADirectoryError:
        raise GoldError(f"gold path is a folder, not a file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read the gold file {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"gold file is not valid JSON: {path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        raise GoldError(f"not a gold file (no \"docs\" object): {path}")
    for name, doc in data["docs"].items():
        if not isinstance(doc, dict):
            raise GoldError(f"gold file {path}: the answers for {name!r} are not an object")
    if not by_record and any("visible_file" in doc for doc in data["docs"].values()):
        data["docs"] = {doc["visible_file"]: doc for doc in data["docs"].values() if doc.get("visible_file")}
    unknown = set(recall_only) - RECALL_ONLY_FIELDS
    if unknown:
        raise GoldError(f"unknown field(s) for recall only: {', '.join(sorted(unknown))} "
                        f"(choose from {', '.join(sorted(RECALL_ONLY_FIELDS))})")
    declared = set(recall_only)
    if any("salaries_unverified" in doc for doc in data["docs"].values()):
        declared.add("salaries")
    about = data.get("about") or data.get("_about") or ""
    return Gold(str(path), str(about), data["docs"], frozenset(declared))


def load_golds(paths: list[str | Path], recall_only: set[str] | frozenset[str] = frozenset()) -> Gold:
    """Several gold files read as one: documents merged by name, in the order given."""
    golds = [load_gold(path, recall_only) for path in paths]
    if len(golds) == 1:
        return golds[0]
    docs: dict[str, dict] = {}
    for gold in golds:
        for name, doc in gold.docs.items():
            docs[name] = {**docs.get(name, {}), **doc}
    return Gold(" + ".join(g.path for g in golds), " | ".join(g.about for g in golds if g.about), docs,
                frozenset().union(*(g.recall_only for g in golds)))


# ------------------------------------------------------------------ normalisation

def norm_title(text: str | None) -> str:
    """Case folded, white space collapsed, no spaces around "/", "&" read as "and"."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s*&\s*", " and ", text)
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s+", " ", text).strip()


def norm_name(text: str | None) -> str:
    """For skill and certification names: case folded, "&" read as "and", punctuation
    other than + and # turned into spaces ("Weights & Biases" = "weights and biases")."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w+#]+", " ", text).split())

