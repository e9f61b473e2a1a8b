"""Measuring extraction: gold answers, scoring per document and field, and the reference
accuracy that every snapshot's manifest carries. Never imported by a run."""
