"""Every row the document step produces for some folders, as one digest per table:
the check that a speed-up changed no row.

    python benchmarks/rows_digest.py DIR [DIR ...] --save before.json
    python benchmarks/rows_digest.py DIR [DIR ...] --compare before.json

`--compare` prints the tables whose rows differ (and the first differing
document of each) and exits 1 when any does. Pages are processed with a fixed
`seen_at`, so two runs of the same code give the same digests.
`benchmarks/run.py --digests` does the same for every corpus it knows.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from roledata.extract.document import process_document

SEEN_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)
# Per-page tables renamed since digests were saved: old name -> the name the same rows go by now.
# A page's roles were its `roles` rows; they are its `role_documents` rows now (the `roles`
# dimension is built across pages by the run), row for row. Digests saved under the old name are
# compared with the new table's until they are saved again.
RENAMED = {"roles": "role_documents"}


def current_name(table: str, after: dict) -> str:
    """The table digests saved as `table` are compared with: itself, or what it was renamed to."""
    return RENAMED[table] if table in RENAMED and table not in after and RENAMED[table] in after else table


def document_rows(folders: list[Path], hide_names: bool = False) -> dict[str, dict[str, str]]:
    """table -> document path -> sha256 of that document's rows (and its documents row);
    the pseudo-table `bytes` holds the sha256 of each file.

    With `hide_names` a document is keyed by a digest of its path, not the path itself
    (for folders whose file names must not be copied anywhere)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for folder in folders:
        # Hidden files and folders are no pages to a run either (a corpus's `.complete` marker).
        for path in sorted(p for p in folder.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(folder).parts)):
            result = process_document(str(path.relative_to(folder)), path.read_bytes(), SEEN_AT)
            name = str(path.relative_to(folder))
            if hide_names:
                name = "#" + hashlib.sha256(name.encode()).hexdigest()[:16]
            key = f"{folder.name}/{name}"
            tables = {"documents": [result.document], "rejects": [list(r) for r in result.row_rejects],
                      **result.tables}
            out["bytes"][key] = hashlib.sha256(path.read_bytes()).hexdigest()  # the page itself
            for table, rows in tables.items():
                blob = json.dumps(rows, sort_keys=True, default=str, ensure_ascii=False)
                out[table][key] = hashlib.sha256(blob.encode()).hexdigest()
    return out


def save(path: Path, digests: dict[str, dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def differences(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    """One line per table whose rows differ, with the first document that differs;
    empty when every table's rows are identical."""
    lines = []
    old_docs, new_docs = set(before.get("documents", {})), set(after.get("documents", {}))
    if old_docs != new_docs:
        lines.append(f"documents: {len(old_docs - new_docs)} missing, {len(new_docs - old_docs)} new "
                     "(not the same files: another corpus?)")
    old_bytes, new_bytes = before.get("bytes", {}), after.get("bytes", {})
    edited = sorted(k for k in old_docs & new_docs if k in old_bytes and old_bytes[k] != new_bytes.get(k))
    if edited:
        lines.append(f"pages: {len(edited)} files hold other bytes than when saved, first {edited[0]} "
                     "(the corpus changed: its rows cannot be compared)")
    renamed = {current_name(t, after) for t in before} - set(before)
    for table in sorted((set(before) | set(after)) - {"bytes"} - renamed):
        old, new = before.get(table, {}), after.get(current_name(table, after), {})
        changed = sorted(k for k in (set(old) | set(new)) & (old_docs & new_docs) if old.get(k) != new.get(k))
        if changed:
            lines.append(f"{table}: rows differ in {len(changed)} documents, first {changed[0]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--save", type=Path, help="write the digests here")
    parser.add_argument("--compare", type=Path, help="compare with digests saved before")
    args = parser.parse_args(argv)
    digests = document_rows(args.folders)
    if args.save:
        save(args.save, digests)
    documents = len(digests.get("documents", {}))
    if not args.compare:
        print(f"{documents} documents, {len(digests)} tables digested")
        return 0
    lines = differences(json.loads(args.compare.read_text(encoding="utf-8")), digests)
    for line in lines:
        print(line)
    print(f"{documents} documents: " + ("rows identical in every table" if not lines else f"{len(lines)} differences"))
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
