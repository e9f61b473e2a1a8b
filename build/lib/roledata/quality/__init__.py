"""Measuring extraction: gold answers, scoring per document and field, and the reference
accuracy that every snapshot's manifest carries. Never imported by a run.

- `gold`: reading and checking a gold file; the title and name normalisation.
- `scoring`: one document's rows against its gold (`score_document`).
- `evaluate`: a folder of documents scored against a gold file, the table and the JSON.
- `reference`: the project's own pages with gold, and the figures shipped in
  `roledata/data/reference_accuracy.json` (`make accuracy` writes them).
"""
