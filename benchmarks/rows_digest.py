"""Every row the document step produces for some folders, as one digest per table:
the check that a speed-up changed no row.

    python benchmarks/rows_digest.py DIR [DIR ...] --save before.json
    python benchmarks/rows_digest.py DIR [DIR ...] --compare before.json

`--compare` prints the tables whose rows differ (and the first differing
document of each) and exits 1 when any does. Pages are processed with a fixed
`seen_at`, so two runs of the same code give the same digests.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from roledata.document import process_document

SEEN_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)


def document_rows(folders: list[Path]) -> dict[str, dict[str, str]]:
    """table -> document path -> sha256 of that document's rows (and its documents row)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            result = process_document(str(path.relative_to(folder)), path.read_bytes(), SEEN_AT)
            key = f"{folder.name}/{path.relative_to(folder)}"
            tables = {"documents": [result.document], "rejects": [list(r) for r in result.row_rejects],
                      **result.tables}
            for table, rows in tables.items():
                blob = json.dumps(rows, sort_keys=True, default=str, ensure_ascii=False)
                out[table][key] = hashlib.sha256(blob.encode()).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--save", type=Path, help="write the digests here")
    parser.add_argument("--compare", type=Path, help="compare with digests saved before")
    args = parser.parse_args(argv)
    digests = document_rows(args.folders)
    if args.save:
        args.save.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    documents = len(digests.get("documents", {}))
    if not args.compare:
        print(f"{documents} documents, {len(digests)} tables digested")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = 0
    for table in sorted(set(before) | set(digests)):
        old, new = before.get(table, {}), digests.get(table, {})
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        if changed:
            differ += 1
            print(f"{table}: rows differ in {len(changed)} documents, first {changed[0]}")
    print(f"{documents} documents: " + ("rows identical in every table" if not differ else f"{differ} tables differ"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
