"""Every published table, declared once.

Each `Table` lists its columns (name, type, nullability, allowed codes,
range, description) and its row checks. From this one declaration come the
pandera schemas (`pandera_schema`), the DuckDB DDL (`duckdb_ddl`), the Arrow
schema for Parquet (`arrow_schema`), the Frictionless field list and the data
dictionary (`data_dictionary`), so none of them can drift from the others.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa_arrow

from roledata.parse.headings import SECTION_KINDS


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # string | int | float | bool | timestamp | list | json
    description: str
    nullable: bool = True
    codes: tuple[str, ...] | None = None
    min_value: float | None = None
    max_value: float | None = None


@dataclass(frozen=True)
class RowCheck:
    """A named condition every row must meet; failing rows go to `rejects` with the name."""

    name: str
    test: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    checks: tuple[RowCheck, ...] = field(default_factory=tuple)
    has_provenance: bool = False
    is_extracted: bool = True  # rows read from documents (vs run records and vocabularies)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean",
                 "timestamp": "datetime64[us, UTC]", "list": "object", "json": "string"}
DUCKDB_TYPES = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
                "timestamp": "TIMESTAMPTZ", "list": "VARCHAR[]", "json": "VARCHAR"}
ARROW_TYPES = {"string": pa_arrow.string(), "int": pa_arrow.int64(), "float": pa_arrow.float64(),
               "bool": pa_arrow.bool_(), "timestamp": pa_arrow.timestamp("us", tz="UTC"),
               "list": pa_arrow.list_(pa_arrow.string()), "json": pa_arrow.string()}


def _c(name: str, dtype: str, description: str, **kw) -> Column:
    return Column(name, dtype, description, **kw)


def _key(name: str, description: str) -> Column:
    return Column(name, "string", description, nullable=False)


PROVENANCE = (
    _key("document_id", "sha256 of the raw document bytes the row was read from"),
    _c("section_heading", "string", "the heading the text sat under (NULL before the first heading)"),
    _c("char_start", "int", "start offset of `text` in the decoded document (Python string index)", nullable=False, min_value=0),
    _c("char_end", "int", "end offset (exclusive); document_text[char_start:char_end] == text", nullable=False, min_value=0),
    _c("text", "string", "the exact source text of the row", nullable=False),
)
ROLE_ID = _key("role_id", "slug of the role's canonical title, e.g. `vp-of-ai`")
REQUIREMENT = ("required", "preferred", "mentioned")
CURRENCY = _c("currency", "string", "ISO 4217 code of the amounts", nullable=False)
PERIOD_CODES = ("year", "month", "week", "day", "hour")


def _not_null_or(df: pd.DataFrame, a: str, b: str, cond: pd.Series) -> pd.Series:
    return (df[a].isna() | df[b].isna() | cond).fillna(True).astype(bool)


def _span_ok(df: pd.DataFrame) -> pd.Series:
    return (df["char_start"] <= df["char_end"]).fillna(False).astype(bool)


SPAN_CHECK = RowCheck("char_start <= char_end", _span_ok)


def _provenanced(name: str, description: str, columns: tuple[Column, ...], key: tuple[str, ...],
                 checks: tuple[RowCheck, ...] = ()) -> Table:
    return Table(name, description, columns + PROVENANCE, key, checks + (SPAN_CHECK,), has_provenance=True)


TABLES: tuple[Table, ...] = (
    Table("documents", "One row per raw document version.", (
        _key("document_id", "sha256 hex of the raw bytes"),
        _c("source_path", "string", "path relative to the raw folder", nullable=False),
        _c("source_format", "string", "page family the parser recognised", nullable=False,
           codes=("jobdescription_org", "aipathly", "job_posting", "generic")),
        _c("encoding", "string", "encoding used to decode the bytes into document_text"),
        _c("byte_count", "int", "size of the raw file in bytes", nullable=False, min_value=0),
        _c("char_count", "int", "length of the decoded text in characters", min_value=0),
        _c("status", "string", "whether rows were read from it", nullable=False, codes=("parsed", "rejected")),
        _c("status_reason", "string", "why a document was rejected"),
        _c("first_seen_at", "timestamp", "when a run first saw these exact bytes", nullable=False),
        _c("parser_version", "string", "roledata parser version that read it", nullable=False),
        _c("warning", "string", "a problem that did not stop parsing (e.g. mojibake), NULL when none"),
    ), ("document_id",), is_extracted=False),
    _provenanced("sections", "The document's structure: page sections (level 1) and sub-sections (level 2).", (
        _c("ordinal", "int", "position of the section in the document, from 0", nullable=False, min_value=0),
        _c("heading", "string", "heading text as written (NULL for text before any heading)"),
        _c("kind", "string", "normalized section kind", nullable=False, codes=SECTION_KINDS),
        _c("level", "int", "1 = page section, 2 = sub-section", nullable=False, min_value=1, max_value=2),
        _c("parent_ordinal", "int", "ordinal of the enclosing page section, for sub-sections"),
    ), ("document_id", "ordinal")),
    _provenanced("roles", "One row per role; provenance points at the title as written.", (
        ROLE_ID,
        _c("title", "string", "canonical title as the page writes it", nullable=False),
        _c("aliases", "list", "other names for the role (\"also known as\", abbreviations)"),
        _c("family", "string", "job family, e.g. `Artificial Intelligence`"),
        _c("seniority", "string", "level read from the title", codes=("executive", "director", "manager", "lead", "senior", "mid", "entry")),
        _c("summary", "string", "the page's opening description of the role"),
        _c("is_primary", "bool", "true when the document is about this role", nullable=False),
        _c("title_source", "string", "how the title was found: a title line near the top, a heading such as "
           "\"<Title> Job Description\", a question (\"What does a <Title> do?\"), an opening sentence, the "
           "role phrase the page repeats, its first short line, or listed on another role's page", codes=(
               "title_line", "heading_pattern", "question", "prose", "repeated_phrase", "first_line", "listed")),
    ), ("role_id",)),
    _provenanced("duties", "One row per responsibility.", (
        _key("duty_id", "stable id from the page's path, role, category and text (extract/identity.py)"),
        ROLE_ID,
        _c("ordinal", "int", "order of the duty on the page, from 0", nullable=False, min_value=0),
        _c("category", "string", "group heading or bold label, e.g. `Strategic Leadership`"),
    ), ("duty_id",)),
    Table("skills", "The skill vocabulary (dimension), shipped with roledata.", (
        _key("skill_id", "slug id of the skill"),
        _c("name", "string", "canonical name, e.g. `PyTorch`", nullable=False),
        _c("category", "string", "skill category", nullable=False, codes=(
            "programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform", "vector_database",
            "llm_tooling", "responsible_ai", "developer_tool", "ml_technique", "domain_knowledge", "soft_skill")),
        _c("aliases", "list", "other spellings matched in text"),
        _c("esco_uri", "string", "ESCO skill URI where known"),
        _c("onet_commodity_code", "string", "O*NET commodity code where known"),
    ), ("skill_id",), is_extracted=False),
    _provenanced("role_skills", "Which role asks for which skill; provenance is the first mention.", (
        ROLE_ID,
        _key("skill_id", "skill from the `skills` vocabulary"),
        _c("mention_count", "int", "times the page names the skill", nullable=False, min_value=1),
        _c("requirement", "string", "strongest requirement among the mentions", nullable=False, codes=REQUIREMENT),
    ), ("role_id", "skill_id", "document_id")),
    _provenanced("skill_candidates", "Technology-like names found in skill lists but missing from the vocabulary, "
                 "so the vocabulary can grow; provenance is the first mention.", (
        ROLE_ID,
        _key("term", "the name as written"),
        _c("mention_count", "int", "times the page lists it", nullable=False, min_value=1),
    ), ("role_id", "term", "document_id")),
    _provenanced("salaries", "Money paid to a role. Never revenue, market sizes, budgets, investments or credits.", (
        _key("salary_id", "stable id from the page's path, role, pay component, statistic, segment and period: not the amount"),
        ROLE_ID,
        _c("pay_component", "string", "which pay the figure is", nullable=False, codes=("base", "total", "total_cash", "unspecified")),
        _c("statistic", "string", "what the figure summarizes", nullable=False,
           codes=("range", "average", "median", "p10", "p25", "p75", "p90", "minimum", "maximum", "point")),
        _c("amount_min", "float", "lower amount as written (NULL for \"up to X\")", min_value=0),
        _c("amount_max", "float", "upper amount as written (NULL when open-ended with no upper number)", min_value=0),
        _c("open_ended", "bool", "true for \"over X\", \"X+\", \"exceeds X\"", nullable=False),
        CURRENCY,
        _c("period", "string", "pay period of the amounts (year when the page states none)", nullable=False, codes=PERIOD_CODES),
        _c("annual_min_usd", "float", "amount_min per year in USD (NULL for other currencies)"),
        _c("annual_max_usd", "float", "amount_max per year in USD (NULL for other currencies)"),
        _c("segment_type", "string", "what the figure is broken down by", nullable=False,
           codes=("overall", "experience_level", "location", "industry", "title_variant", "company_type", "era")),
        _c("segment", "string", "the segment as written, e.g. `San Francisco Bay Area and New York City`"),
        _c("experience_years_min", "int", "years of experience of an experience-level segment", min_value=0, max_value=60),
        _c("experience_years_max", "int", "upper years of an experience-level segment", min_value=0, max_value=60),
        _c("reference_year", "int", "year the figures refer to, from the section heading", min_value=1990, max_value=2100),
        _c("amount_text", "string", "the money expression exactly as written", nullable=False),
    ), ("salary_id",), (
        RowCheck("amount_min <= amount_max", lambda df: _not_null_or(df, "amount_min", "amount_max", df["amount_min"] <= df["amount_max"])),
        RowCheck("annual salary between $10,000 and $10,000,000", lambda df: (
            (df["annual_min_usd"].isna() | ((df["annual_min_usd"] >= 10_000) & (df["annual_min_usd"] <= 10_000_000)))
            & (df["annual_max_usd"].isna() | ((df["annual_max_usd"] >= 10_000) & (df["annual_max_usd"] <= 10_000_000)))
        ).fillna(True).astype(bool)),
        RowCheck("amount_max at most 10 times amount_min", lambda df: _not_null_or(df, "amount_min", "amount_max", df["amount_max"] <= 10 * df["amount_min"])),
        RowCheck("at least one amount", lambda df: (df["amount_min"].notna() | df["amount_max"].notna()).astype(bool)),
    )),
    _provenanced("bonuses", "Pay expressed as a percentage.", (
        _key("bonus_id", "stable id from the page's path, role and basis: not the percentage"),
        ROLE_ID,
        _c("pct_min", "float", "lower percentage", nullable=False, min_value=0, max_value=100),
        _c("pct_max", "float", "upper percentage (= pct_min for a single figure)", nullable=False, min_value=0, max_value=100),
        _c("basis", "string", "what the percentage is of", nullable=False, codes=("total_compensation", "base_salary", "unspecified")),
    ), ("bonus_id",), (
        RowCheck("pct_min <= pct_max", lambda df: (df["pct_min"] <= df["pct_max"]).fillna(False).astype(bool)),
    )),
    _provenanced("growth_stats", "Demand and market numbers. A fact repeated on one page is one row at its first mention "
                 "(its source_name filled from a later mention when the first names none).", (
        _key("stat_id", "stable id from the page's path, role, metric, subject, unit, period and source: not the value"),
        ROLE_ID,
        _c("metric", "string", "what is measured", nullable=False, codes=(
            "job_growth", "postings_growth", "title_growth", "jobs_created", "market_size", "market_cagr",
            "adoption_rate", "investment", "other")),
        _c("subject", "string", "the thing measured, e.g. `AI and ML specialist jobs`"),
        _c("value", "float", "the figure (percent points, count, multiple or money)", nullable=False),
        _c("value_max", "float", "upper figure of a range"),
        _c("unit", "string", "`percent`, `count`, `multiple` or an ISO 4217 currency code", nullable=False),
        _c("is_lower_bound", "bool", "true for \"40%+\", \"over\", \"more than\"", nullable=False),
        _c("period_start", "int", "first year of the period", min_value=1900, max_value=2100),
        _c("period_end", "int", "last year of the period (\"through 2032\", \"by 2030\")", min_value=1900, max_value=2100),
        _c("period_label", "string", "period as words, e.g. `year-over-year`, `since Q2 2022`"),
        _c("source_name", "string", "who the page credits, e.g. `LinkedIn`"),
    ), ("stat_id",), (
        RowCheck("value <= value_max", lambda df: _not_null_or(df, "value", "value_max", df["value"] <= df["value_max"])),
        RowCheck("period_start <= period_end", lambda df: _not_null_or(df, "period_start", "period_end", df["period_start"] <= df["period_end"])),
        RowCheck("percentage between -100 and 100000", lambda df: (
            (df["unit"] != "percent") | ((df["value"] >= -100) & (df["value"] <= 100_000))).fillna(True).astype(bool)),
    )),
    _provenanced("education_requirements", "Degrees asked for, on a fixed scale.", (
        _key("education_id", "stable id from the page's path, role and level"),
        ROLE_ID,
        _c("level", "string", "degree level", nullable=False, codes=("high_school", "associate", "bachelor", "master", "mba", "doctorate", "bootcamp")),
        _c("onet_rl", "int", "O*NET Required Level of Education category (bachelor 6, master 8, doctorate 11)", nullable=False, min_value=1, max_value=12),
        _c("requirement", "string", "how strongly the page asks for it", nullable=False, codes=("required", "preferred", "common")),
        _c("fields", "list", "fields of study named with the degree"),
    ), ("education_id",)),
    _provenanced("experience_requirements", "Years of experience asked for.", (
        _key("experience_id", "stable id from the page's path, role and scope: not the years"),
        ROLE_ID,
        _c("years_min", "int", "minimum years", nullable=False, min_value=0, max_value=60),
        _c("years_max", "int", "maximum years (NULL when open, \"8+\")", min_value=0, max_value=60),
        _c("scope", "string", "what the years are of", nullable=False, codes=("total", "leadership", "domain", "hands_on")),
    ), ("experience_id",), (
        RowCheck("years_min <= years_max", lambda df: _not_null_or(df, "years_min", "years_max", df["years_min"] <= df["years_max"])),
    )),
    _provenanced("certifications", "Certifications named for a role, by canonical name.", (
        _key("certification_id", "stable id from the page's path, role and name"),
        ROLE_ID,
        _c("name", "string", "canonical certification name", nullable=False),
        _c("issuer", "string", "issuing organization", nullable=False),
        _c("requirement", "string", "how strongly the page asks for it", nullable=False, codes=REQUIREMENT),
    ), ("certification_id",)),
    _provenanced("related_roles", "Roles linked to a role: career steps, see-also lists, aliases.", (
        _key("relation_id", "stable id from the page's path, role, related role and relation"),
        ROLE_ID,
        _key("related_role_id", "slug of the related role's title"),
        _c("related_title", "string", "related title as written", nullable=False),
        _c("relation", "string", "how the roles relate", nullable=False, codes=("career_from", "career_to", "see_also", "alias")),
    ), ("relation_id",)),
    _provenanced("faqs", "Question and answer blocks; provenance spans question to answer.", (
        _key("faq_id", "stable id from the page's path, role and question"),
        ROLE_ID,
        _c("ordinal", "int", "order on the page, from 0", nullable=False, min_value=0),
        _c("question", "string", "the question", nullable=False),
        _c("answer", "string", "the answer", nullable=False),
    ), ("faq_id",)),
    Table("rejects", "Nothing is dropped silently: every rejected document or row, with the reason.", (
        _key("reject_id", "stable id of the reject"),
        _key("run_id", "run that rejected it"),
        _c("document_id", "string", "document concerned (NULL when it could not be read)"),
        _c("source_path", "string", "file concerned, relative to the raw folder"),
        _c("table_name", "string", "table the row was meant for (NULL for a whole document)"),
        _c("reason", "string", "the failing check or error", nullable=False),
        _c("payload", "json", "the rejected row as JSON, or a description"),
        _c("first_run_id", "string", "the first run that saw this reject (it has been seen by every run since)"),
        _c("last_run_id", "string", "the last run that saw it: rejects hold what the current input gives, "
           "so a reject the input no longer gives leaves the table"),
    ), ("reject_id",), is_extracted=False),
    Table("pipeline_runs", "One row per run of the flow.", (
        _key("run_id", "run id"),
        _c("started_at", "timestamp", "start time (UTC)", nullable=False),
        _c("finished_at", "timestamp", "end time (UTC)"),
        _c("status", "string", "run state", nullable=False, codes=("running", "succeeded", "failed")),
        _c("documents_seen", "int", "files found", min_value=0),
        _c("documents_parsed", "int", "documents parsed in this run", min_value=0),
        _c("documents_unchanged", "int", "documents skipped because their bytes were already parsed", min_value=0),
        _c("documents_rejected", "int", "documents rejected whole", min_value=0),
        _c("row_counts", "json", "rows per table, as JSON"),
        _c("snapshot_id", "string", "snapshot published by the run"),
        _c("parser_version", "string", "parser version of the run", nullable=False),
        _c("message", "string", "why a failed run failed (NULL for other runs)"),
    ), ("run_id",), is_extracted=False),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
EXTRACTED_TABLES = tuple(t for t in TABLES if t.is_extracted)
# The run's own records (run log, reject log) beside the tables of what the pages say.
RUN_TABLES = ("pipeline_runs", "rejects")
DATA_TABLES = tuple(t for t in TABLES if t.name not in RUN_TABLES)


def pandera_schema(table: Table):
    import pandera.pandas as pa

    columns = {}
    for col in table.columns:
        checks = []
        if col.codes:
            checks.append(pa.Check.isin(list(col.codes), name=f"{col.name} in allowed codes"))
        if col.min_value is not None:
            checks.append(pa.Check.ge(col.min_value, name=f"{col.name} >= {col.min_value:g}"))
        if col.max_value is not None:
            checks.append(pa.Check.le(col.max_value, name=f"{col.name} <= {col.max_value:g}"))
        if col.dtype == "list":
            checks.append(pa.Check(lambda s: s.map(lambda v: v is None or isinstance(v, list)), name=f"{col.name} is a list"))
        columns[col.name] = pa.Column(PANDAS_DTYPES[col.dtype], nullable=col.nullable, checks=checks, coerce=True)
    wide = [pa.Check(check.test, name=check.name) for check in table.checks]
    return pa.DataFrameSchema(columns, checks=wide, strict=True, ordered=True, name=table.name)


def duckdb_ddl(table: Table, schema: str | None = None) -> str:
    name = f"{schema}.{table.name}" if schema else table.name
    cols = ",\n  ".join(
        f"{c.name} {DUCKDB_TYPES[c.dtype]}{'' if c.nullable else ' NOT NULL'}" for c in table.columns
    )
    return f"CREATE TABLE {name} (\n  {cols},\n  PRIMARY KEY ({', '.join(table.primary_key)})\n)"


def arrow_schema(table: Table) -> pa_arrow.Schema:
    return pa_arrow.schema([pa_arrow.field(c.name, ARROW_TYPES[c.dtype], nullable=c.nullable) for c in table.columns])


def empty_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame({c.name: pd.Series(dtype=PANDAS_DTYPES[c.dtype]) for c in table.columns})


def to_frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts) -> a DataFrame with exactly the table's columns and dtypes."""
    if not rows:
        return empty_frame(table)
    df = pd.DataFrame.from_records(rows, columns=table.column_names)
    for c in table.columns:
        if c.dtype == "list":
            df[c.name] = df[c.name].map(lambda v: list(v) if isinstance(v, (list, tuple)) else None).astype(object)
        elif c.dtype == "timestamp":
            df[c.name] = pd.to_datetime(df[c.name], utc=True).astype(PANDAS_DTYPES["timestamp"])
        else:
            df[c.name] = df[c.name].astype(PANDAS_DTYPES[c.dtype])
    return df


def data_dictionary() -> str:
    """Markdown data dictionary: every table and column, from the declarations."""
    out = ["# roledata data dictionary", "",
           "Generated from `src/roledata/schema.py` by `roledata tables`; do not edit by hand.", ""]
    for table in TABLES:
        out += [f"## {table.name}", "", table.description, "",
                f"Primary key: `{', '.join(table.primary_key)}`" + ("; every row carries provenance." if table.has_provenance else ""), "",
                "| column | type | null | allowed values | description |", "|---|---|---|---|---|"]
        for c in table.columns:
            allowed = ", ".join(f"`{x}`" for x in c.codes) if c.codes else _range_text(c)
            out.append(f"| `{c.name}` | {DUCKDB_TYPES[c.dtype]} | {'yes' if c.nullable else 'no'} | {allowed} | {c.description} |")
        for check in table.checks:
            out.append(f"\nRow check: {check.name}.")
        out.append("")
    return "\n".join(out) + "\n" + views_dictionary()


def _range_text(c: Column) -> str:
    if c.min_value is None and c.max_value is None:
        return ""
    lo = "" if c.min_value is None else f"{c.min_value:g}"
    hi = "" if c.max_value is None else f"{c.max_value:g}"
    return f"{lo}..{hi}"


# ------------------------------------------------------------ open data helpers
# Below: what the warehouse comments, its views and the published datapackage.json
# are generated from. Everything is derived from the declarations above.

def column_comment(c: Column) -> str:
    """A column's description, with its allowed values or range (DuckDB `COMMENT ON COLUMN`)."""
    allowed = f" Allowed values: {', '.join(c.codes)}." if c.codes else ""
    bounds = _range_text(c)
    ranged = f" Range: {bounds}." if bounds and not c.codes else ""
    return f"{c.description}{'' if c.description.endswith('.') else '.'}{allowed}{ranged}"


def table_comment(table: Table) -> str:
    key = f" Primary key: {', '.join(table.primary_key)}."
    provenance = (" Every row carries provenance: document_id, section_heading, char_start, char_end and the exact"
                  " source text.") if table.has_provenance else ""
    return f"{table.description}{key}{provenance}"


def sql_string(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _qualified(name: str, schema: str | None) -> str:
    return f"{schema}.{name}" if schema else name


def comment_sql(table: Table, schema: str | None = None) -> list[str]:
    """`COMMENT ON TABLE` and one `COMMENT ON COLUMN` per column, from the declaration."""
    name = _qualified(table.name, schema)
    return [f"COMMENT ON TABLE {name} IS {sql_string(table_comment(table))}"] + [
        f"COMMENT ON COLUMN {name}.{c.name} IS {sql_string(column_comment(c))}" for c in table.columns]


@dataclass(frozen=True)
class View:
    """A view over the tables for a common join. `columns` are (name, description) in output order."""

    name: str
    description: str
    select: str  # table names unqualified: a view binds in its own database, whatever name it is attached as
    columns: tuple[tuple[str, str], ...]

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


def _described(table: str, column: str, name: str | None = None) -> tuple[str, str]:
    """A view column that is a table column as is: its declared description (and allowed values)."""
    return (name or column, column_comment(TABLES_BY_NAME[table].column(column)))


_ROLE_COLUMNS = (_described("roles", "title"), _described("roles", "family"), _described("roles", "seniority"),
                 _described("roles", "is_primary"))
_STRENGTH = "CASE requirement WHEN 'required' THEN 1 WHEN 'preferred' THEN 2 ELSE 3 END"

VIEWS: tuple[View, ...] = (
    View("role_pay", "Pay per role: every salary figure with the role's title, its segment, statistic, period, "
         "currency and amounts (as written and per year in USD), and the page it comes from. One row per salaries row.",
         """SELECT s.salary_id, s.role_id, r.title, r.family, r.seniority, r.is_primary,
       s.pay_component, s.statistic, s.segment_type, s.segment, s.experience_years_min, s.experience_years_max,
       s.reference_year, s.currency, s.period, s.amount_min, s.amount_max, s.open_ended,
       s.annual_min_usd, s.annual_max_usd, s.amount_text, s.document_id, d.source_path
FROM salaries AS s
LEFT JOIN roles AS r ON r.role_id = s.role_id
LEFT JOIN documents AS d ON d.document_id = s.document_id""",
         (_described("salaries", "salary_id"), _described("salaries", "role_id"), *_ROLE_COLUMNS,
          *(_described("salaries", c) for c in (
              "pay_component", "statistic", "segment_type", "segment", "experience_years_min",
              "experience_years_max", "reference_year", "currency", "period", "amount_min", "amount_max",
              "open_ended", "annual_min_usd", "annual_max_usd", "amount_text", "document_id")),
          ("source_path", "page the figure was read from, relative to the raw folder."))),
    View("role_skill_matrix", "Role x skill: one row per role and skill it asks for, with the skill's name and "
         "category; mentions are summed over the role's pages and the strongest requirement is kept.",
         f"""SELECT rs.role_id, r.title, rs.skill_id, k.name AS skill_name, k.category AS skill_category,
       CASE min({_STRENGTH}) WHEN 1 THEN 'required' WHEN 2 THEN 'preferred' ELSE 'mentioned' END AS requirement,
       CAST(sum(rs.mention_count) AS BIGINT) AS mention_count, count(*) AS documents
FROM role_skills AS rs
LEFT JOIN roles AS r ON r.role_id = rs.role_id
LEFT JOIN skills AS k ON k.skill_id = rs.skill_id
GROUP BY rs.role_id, r.title, rs.skill_id, k.name, k.category""",
         (_described("role_skills", "role_id"), _described("roles", "title"), _described("role_skills", "skill_id"),
          _described("skills", "name", "skill_name"), _described("skills", "category", "skill_category"),
          ("requirement", "strongest requirement among the role's pages. Allowed values: required, preferred, "
                          "mentioned."),
          ("mention_count", "times the role's pages name the skill, summed."),
          ("documents", "pages the role-skill pair was read from."))),
    View("role_requirements", "What a role asks for, one row per requirement: degrees (education_requirements), "
         "years of experience (experience_requirements) and certifications, with the role's title and the source "
         "text.",
         """SELECT e.education_id AS requirement_id, e.role_id, r.title, 'education' AS requirement_type,
       e.level AS item, e.requirement, e.onet_rl, e.fields,
       CAST(NULL AS BIGINT) AS years_min, CAST(NULL AS BIGINT) AS years_max, CAST(NULL AS VARCHAR) AS issuer,
       e.text, e.document_id
FROM education_requirements AS e LEFT JOIN roles AS r ON r.role_id = e.role_id
UNION ALL
SELECT x.experience_id, x.role_id, r.title, 'experience', x.scope, CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT),
       CAST(NULL AS VARCHAR[]), x.years_min, x.years_max, CAST(NULL AS VARCHAR), x.text, x.document_id
FROM experience_requirements AS x LEFT JOIN roles AS r ON r.role_id = x.role_id
UNION ALL
SELECT c.certification_id, c.role_id, r.title, 'certification', c.name, c.requirement, CAST(NULL AS BIGINT),
       CAST(NULL AS VARCHAR[]), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), c.issuer, c.text, c.document_id
FROM certifications AS c LEFT JOIN roles AS r ON r.role_id = c.role_id""",
         (("requirement_id", "education_id, experience_id or certification_id of the source row."),
          _described("education_requirements", "role_id"), _described("roles", "title"),
          ("requirement_type", "which table the row comes from. Allowed values: education, experience, "
                               "certification."),
          ("item", "degree level (education), what the years are of (experience: total, leadership, domain, "
                   "hands_on) or the certification's canonical name."),
          ("requirement", "how strongly the page asks for it (required, preferred, common or mentioned); NULL for "
                          "experience, which records none."),
          _described("education_requirements", "onet_rl"), _described("education_requirements", "fields"),
          _described("experience_requirements", "years_min"), _described("experience_requirements", "years_max"),
          _described("certifications", "issuer"),
          ("text", "the exact source text of the requirement."),
          ("document_id", "sha256 of the raw document the requirement was read from."))),
    View("role_summary", "One row per role: title, family, seniority, its page, and how much each table says about "
         "it (duties, skills, pay figures and their span per year in USD, lowest degree, fewest years asked).",
         """WITH pay AS (SELECT role_id, count(*) AS n, min(annual_min_usd) AS lo,
                    max(coalesce(annual_max_usd, annual_min_usd)) AS hi FROM salaries GROUP BY role_id),
     sk AS (SELECT role_id, count(DISTINCT skill_id) AS n,
                   count(DISTINCT skill_id) FILTER (WHERE requirement = 'required') AS req
            FROM role_skills GROUP BY role_id),
     du AS (SELECT role_id, count(*) AS n FROM duties GROUP BY role_id),
     ed AS (SELECT role_id, arg_min(level, onet_rl) AS lowest FROM education_requirements GROUP BY role_id),
     ex AS (SELECT role_id, min(years_min) AS years FROM experience_requirements GROUP BY role_id)
SELECT r.role_id, r.title, r.family, r.seniority, r.is_primary, d.source_path,
       coalesce(du.n, 0) AS duty_count, coalesce(sk.n, 0) AS skill_count, coalesce(sk.req, 0) AS required_skill_count,
       coalesce(pay.n, 0) AS salary_count, pay.lo AS annual_usd_min, pay.hi AS annual_usd_max,
       ed.lowest AS lowest_education_level, ex.years AS min_years_experience
FROM roles AS r
LEFT JOIN documents AS d ON d.document_id = r.document_id
LEFT JOIN du ON du.role_id = r.role_id
LEFT JOIN sk ON sk.role_id = r.role_id
LEFT JOIN pay ON pay.role_id = r.role_id
LEFT JOIN ed ON ed.role_id = r.role_id
LEFT JOIN ex ON ex.role_id = r.role_id""",
         (_described("roles", "role_id"), *_ROLE_COLUMNS,
          ("source_path", "page the role's title was read from, relative to the raw folder."),
          ("duty_count", "rows in duties for the role."),
          ("skill_count", "distinct skills the role asks for (role_skills)."),
          ("required_skill_count", "distinct skills the role requires (requirement = required)."),
          ("salary_count", "pay figures for the role (salaries rows, every segment and statistic)."),
          ("annual_usd_min", "lowest annual_min_usd among the role's pay figures (NULL when none is in USD)."),
          ("annual_usd_max", "highest annual_max_usd (or annual_min_usd when open-ended) among the role's pay "
                             "figures."),
          ("lowest_education_level", "lowest degree level the role's pages name (by O*NET RL)."),
          ("min_years_experience", "fewest years of experience the role's pages ask for (years_min)."))),
)


def view_sql(view: View, schema: str | None = None) -> list[str]:
    """`CREATE VIEW` and its comments. The view's own name may be qualified; its query never is."""
    name = _qualified(view.name, schema)
    return ([f"CREATE VIEW {name} AS\n{view.select}", f"COMMENT ON VIEW {name} IS {sql_string(view.description)}"]
            + [f"COMMENT ON COLUMN {name}.{col} IS {sql_string(text)}" for col, text in view.columns])


# Frictionless field types of the CSV resources: lists are JSON arrays in their cells (Table Schema `array`);
# the `json` columns hold JSON text or, for a reject, a plain description, so they are strings.
DATAPACKAGE_TYPES = {"string": "string", "int": "integer", "float": "number", "bool": "boolean",
                     "timestamp": "datetime", "list": "array", "json": "string"}
# References the run enforces (stage.FinalTables drops rows that break them), so they hold in every snapshot.
FOREIGN_KEYS = (("role_id", "roles", "role_id"), ("skill_id", "skills", "skill_id"))


def datapackage_schema(table: Table) -> dict:
    """Table Schema of a table's CSV resource: types, required, allowed values, ranges, keys."""
    fields = []
    for c in table.columns:
        f: dict = {"name": c.name, "type": DATAPACKAGE_TYPES[c.dtype], "description": c.description}
        if c.dtype == "timestamp":
            f["format"] = "default"  # ISO 8601 in UTC, e.g. 2026-01-31T12:00:00.000000Z
        constraints: dict = {}
        if not c.nullable:
            constraints["required"] = True
        if c.codes:
            constraints["enum"] = list(c.codes)
        for key, value in (("minimum", c.min_value), ("maximum", c.max_value)):
            if value is not None:
                constraints[key] = int(value) if c.dtype == "int" else float(value)
        if constraints:
            f["constraints"] = constraints
        fields.append(f)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    keys = [{"fields": column, "reference": {"resource": parent, "fields": parent_column}}
            for column, parent, parent_column in FOREIGN_KEYS
            if column in table.column_names and table.name != parent and table.name in {t.name for t in DATA_TABLES}]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def views_dictionary() -> str:
    """Markdown for the warehouse's views (the end of `data_dictionary()`): what each joins, its columns."""
    out = ["# Views in roledata.duckdb", ""]
    for view in VIEWS:
        out += [f"## {view.name}", "", view.description, "", "| column | description |", "|---|---|"]
        out += [f"| `{name}` | {text} |" for name, text in view.columns]
        out.append("")
    return "\n".join(out)
