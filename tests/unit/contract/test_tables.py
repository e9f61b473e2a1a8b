"""The single table declaration: every table and column of the contract declared, with its codes,
provenance, and the columns the extractors fill."""
from __future__ import annotations

from roledata.contract.tables import TABLES_BY_NAME

# Table -> columns named by the published data contract (v1). Users query these names.
CONTRACT = {
    "documents": ["document_id", "source_path", "source_format", "encoding", "byte_count", "char_count", "status",
                  "status_reason", "first_seen_at", "parser_version"],
    "sections": ["document_id", "ordinal", "heading", "kind", "char_start", "char_end"],
    "roles": ["role_id", "title", "aliases", "family", "seniority", "summary", "document_id", "is_primary"],
    "duties": ["duty_id", "role_id", "ordinal", "category", "text"],
    "skills": ["skill_id", "name", "category", "aliases"],
    "role_skills": ["role_id", "skill_id", "mention_count", "requirement"],
    "salaries": ["salary_id", "role_id", "pay_component", "statistic", "amount_min", "amount_max", "open_ended",
                 "currency", "period", "annual_min_usd", "annual_max_usd", "segment_type", "segment",
                 "experience_years_min", "experience_years_max", "reference_year"],
    "bonuses": ["role_id", "pct_min", "pct_max", "basis"],
    "growth_stats": ["stat_id", "role_id", "metric", "subject", "value", "value_max", "unit", "is_lower_bound",
                     "period_start", "period_end", "period_label", "source_name"],
    "education_requirements": ["role_id", "level", "onet_rl", "requirement", "fields"],
    "experience_requirements": ["role_id", "years_min", "years_max", "scope"],
    "certifications": ["role_id", "name", "issuer", "requirement"],
    "related_roles": ["role_id", "related_role_id", "related_title", "relation"],
    "faqs": ["role_id", "ordinal", "question", "answer"],
    "rejects": ["run_id", "document_id", "source_path", "table_name", "reason", "payload"],
    "pipeline_runs": ["run_id", "started_at", "finished_at", "status", "documents_seen", "documents_parsed",
                      "documents_unchanged", "documents_rejected", "row_counts", "snapshot_id", "parser_version"],
}
PROVENANCE = ["document_id", "section_heading", "char_start", "char_end", "text"]


def test_every_contract_table_and_column_is_declared():
    assert set(CONTRACT) <= set(TABLES_BY_NAME)
    for name, columns in CONTRACT.items():
        declared = TABLES_BY_NAME[name].column_names
        missing = [c for c in columns if c not in declared]
        assert not missing, f"{name} lacks {missing}"


def test_extracted_tables_carry_provenance():
    for name in ["duties", "role_skills", "salaries", "bonuses", "growth_stats", "education_requirements",
                 "experience_requirements", "certifications", "related_roles", "faqs"]:
        table = TABLES_BY_NAME[name]
        assert table.has_provenance and all(c in table.column_names for c in PROVENANCE), name


def test_contract_codes():
    assert TABLES_BY_NAME["salaries"].column("statistic").codes == (
        "range", "average", "median", "p10", "p25", "p75", "p90", "minimum", "maximum", "point")
    assert TABLES_BY_NAME["roles"].column("seniority").codes == (
        "executive", "director", "manager", "lead", "senior", "mid", "entry")
    assert TABLES_BY_NAME["documents"].column("source_format").codes == (
        "jobdescription_org", "aipathly", "job_posting", "generic")
    assert TABLES_BY_NAME["roles"].column("title_source").codes == (
        "title_line", "heading_pattern", "question", "prose", "repeated_phrase", "first_line", "listed", "field")


def test_extractors_fill_exactly_the_declared_columns(processed):
    for result in processed.values():
        for name, rows in result.tables.items():
            declared = set(TABLES_BY_NAME[name].column_names)
            for row in rows:
                assert set(row) == declared, (name, set(row) ^ declared)
