"""What the catalog reads from a snapshot: DuckDB SQL over the snapshot folder's Parquet files.

Pages read only what they show: first rows, per-role rows capped at ROLE_ROWS
per section, the role list, and the aggregates the charts draw. Every query
takes an open connection from `connect` and the snapshot's folder.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from roledata.catalog.labels import PAY_GROUPS, STATISTIC_ORDER
from roledata.contract import codes
from roledata.contract.views import BASE_COMPONENTS, TOTAL_COMPONENTS, document_pay_sql
from roledata.sql import duckdb_config, read_parquet

FIRST_ROWS = 5
CHART_ROLES = 40  # the pay chart shows the best-paid roles beyond this many
ROLE_ROWS = 25  # rows per section of a role page; the rest are counted, and named in the Parquet files
PAY_ROWS = 100  # pay figures on a role page (a role with many postings has many)
DOCUMENT_ROWS = 1_000  # documents listed on a role page: every one, short of a dump
PROVENANCE_COLUMNS = ("document_id", "section_heading", "char_start", "char_end", "text")
# A role page's pay: by component, then statistic (labels.PAY_GROUPS, labels.STATISTIC_ORDER), overall first.
# Within a statistic and segment type: experience levels by their years, then lowest pay first.
_PAY_ORDER = (f"{PAY_GROUPS.sql_rank('t.pay_component')}, {STATISTIC_ORDER.sql_rank('t.statistic')}, "
              "t.segment_type = 'overall' DESC, t.segment_type, t.experience_years_min NULLS LAST, "
              "coalesce(t.annual_min_usd, t.annual_max_usd) NULLS LAST, t.segment, t.salary_id")
_ROLE_SECTIONS = {  # table -> (columns, order within a role)
    "salaries": (("salary_id", "pay_component", "statistic", "amount_min", "amount_max", "open_ended", "currency",
                  "period", "annual_min_usd", "annual_max_usd", "segment_type", "segment", "reference_year"),
                 _PAY_ORDER),
    "bonuses": (("bonus_id", "pct_min", "pct_max", "basis"), "t.document_id, t.char_start"),
    "duties": (("duty_id", "ordinal", "category"), "t.document_id, t.ordinal"),
    "growth_stats": (("stat_id", "metric", "subject", "value", "value_max", "unit", "is_lower_bound", "period_start",
                      "period_end", "period_label", "source_name"), "t.metric, t.document_id, t.char_start"),
    "education_requirements": (("education_id", "level", "onet_rl", "requirement", "fields"),
                               "t.onet_rl DESC, t.requirement, t.document_id, t.char_start"),
    "experience_requirements": (("experience_id", "years_min", "years_max", "scope"), "t.document_id, t.char_start"),
    "certifications": (("certification_id", "name", "issuer", "requirement"), "t.name, t.document_id"),
    "related_roles": (("relation_id", "related_role_id", "related_title", "relation"), "t.relation, t.related_title"),
}


@contextlib.contextmanager
def connect(folder: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB for the catalog's queries over snapshot `folder`: capped, spilling beside the snapshots
    (removed after; a killed build's is removed by the next), so 100,000 roles fit in bounded memory."""
    spill = folder.parent / f".catalog-{os.getpid()}.tmp"
    try:
        with duckdb.connect(config=duckdb_config(spill, ordered=True)) as con:
            yield con
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def _parquet(folder: Path, name: str) -> str:
    """SQL reading table `name` of the snapshot in `folder`."""
    return read_parquet(folder / f"{name}.parquet")


def _roles(folder: Path) -> str:
    """SQL reading the snapshot's `roles`. A snapshot published before roles were built across documents
    (contract v1: no `document_count`) read one document per role, the page its row was read from."""
    if "document_count" in pq.read_schema(folder / "roles.parquet").names:
        return _parquet(folder, "roles")
    return f"(SELECT *, 1::BIGINT AS document_count FROM {_parquet(folder, 'roles')})"


def _role_documents(folder: Path) -> str:
    """SQL reading the snapshot's `role_documents`; before that table (contract v1), each role's one
    document is its `roles` row (same title, primary flag and provenance columns)."""
    if (folder / "role_documents.parquet").exists():
        return _parquet(folder, "role_documents")
    return _parquet(folder, "roles")


def _arrow_rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """The query's rows as dicts, through Arrow (much faster than fetchall for many rows)."""
    relation = con.sql(sql)
    table = relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()
    data = table.to_pydict()
    names = list(data)
    return [dict(zip(names, values)) for values in zip(*data.values())]


# ------------------------------------------------------------------ snapshot page
def first_rows(con: duckdb.DuckDBPyConnection, folder: Path, name: str) -> tuple[list[str], list[dict]] | None:
    """Table `name`'s column names and its first FIRST_ROWS rows (as dicts, values raw); None when the
    snapshot has no such table (published before the table was added to the contract)."""
    if not (folder / f"{name}.parquet").exists():
        return None
    cursor = con.execute(f"SELECT * FROM {_parquet(folder, name)} LIMIT {FIRST_ROWS}")
    columns = [d[0] for d in cursor.description]
    return columns, [dict(zip(columns, row)) for row in cursor.fetchall()]


def _midpoints(folder: Path, components: tuple[str, ...]) -> str:
    """SQL: each (role, document)'s stated pay of `components` (`contract.views.MIDPOINT_RULE`)."""
    return document_pay_sql(_parquet(folder, "salaries"), components)


def _spread(folder: Path, components: tuple[str, ...]) -> str:
    """SQL: per role, its documents' midpoints of `components` summarized: documents, lowest and highest
    figure, 25th percentile, median and 75th percentile of the midpoints (as `role_pay_summary`)."""
    return f"""SELECT role_id, count(*) AS documents, min(low_usd) AS lo, quantile_cont(midpoint_usd, 0.25) AS p25,
                  quantile_cont(midpoint_usd, 0.5) AS median, quantile_cont(midpoint_usd, 0.75) AS p75,
                  max(high_usd) AS hi
           FROM ({_midpoints(folder, components)}) GROUP BY role_id"""


SPREAD_COLUMNS = ("documents", "lo", "p25", "median", "p75", "hi")  # a `_spread` row's figures


def role_list(con: duckdb.DuckDBPyConnection, folder: Path) -> list[dict]:
    """Every role with what its line in a list shows: its documents, its pay across them (`base_*` and
    `total_*`: `_spread`, annual USD; NULL documents when none states it), its pay figures' span,
    skills, first source page."""
    return _arrow_rows(con, f"""
        WITH pay AS (SELECT role_id, min(coalesce(annual_min_usd, annual_max_usd)) AS pay_lo,
                            max(coalesce(annual_max_usd, annual_min_usd)) AS pay_hi, count(*) AS pay_figures
                     FROM {_parquet(folder, 'salaries')} GROUP BY role_id),
             base AS ({_spread(folder, BASE_COMPONENTS)}),
             total AS ({_spread(folder, TOTAL_COMPONENTS)}),
             sk AS (SELECT role_id, count(DISTINCT skill_id) AS skills FROM {_parquet(folder, 'role_skills')} GROUP BY role_id)
        SELECT r.role_id, r.title, r.aliases, r.family, r.seniority, r.summary, r.is_primary, r.title_source,
               r.document_count, r.document_id, r.section_heading, r.char_start, r.char_end, r.text, d.source_path,
               pay.pay_lo, pay.pay_hi, coalesce(pay.pay_figures, 0) AS pay_figures,
               {", ".join(f"{kind}.{c} AS {kind}_{c}" for kind in ("base", "total") for c in SPREAD_COLUMNS)},
               coalesce(sk.skills, 0) AS skills
        FROM {_roles(folder)} r LEFT JOIN {_parquet(folder, 'documents')} d USING (document_id)
        LEFT JOIN pay USING (role_id) LEFT JOIN base USING (role_id) LEFT JOIN total USING (role_id)
        LEFT JOIN sk USING (role_id)
        ORDER BY r.is_primary DESC, lower(r.title), r.role_id""")


def market_pay(con: duckdb.DuckDBPyConnection, folder: Path) -> list[dict]:
    """For the snapshot's pay chart: the CHART_ROLES roles with the highest median pay, base and total pay
    apart, each summarized across its documents (`_spread`); best-paid role first, base before total."""
    return _arrow_rows(con, f"""
        WITH spread AS (SELECT 'base' AS pay, * FROM ({_spread(folder, BASE_COMPONENTS)})
                        UNION ALL SELECT 'total', * FROM ({_spread(folder, TOTAL_COMPONENTS)})),
             top AS (SELECT role_id, max(median) AS best FROM spread GROUP BY role_id
                     ORDER BY best DESC, role_id LIMIT {CHART_ROLES})
        SELECT s.role_id, r.title, s.pay, s.documents, s.lo, s.p25, s.median, s.p75, s.hi
        FROM spread s JOIN top t USING (role_id) JOIN {_parquet(folder, 'roles')} r USING (role_id)
        ORDER BY t.best DESC, s.role_id, s.pay""")


def reject_summary(con: duckdb.DuckDBPyConnection, folder: Path, examples: int = 3) -> list[dict]:
    """The snapshot's rejects by table and reason, most first: how many, from how many pages, the first pages."""
    return _arrow_rows(con, f"""
        SELECT table_name, reason, count(*) AS rejects, count(DISTINCT source_path) AS pages,
               list(DISTINCT source_path ORDER BY source_path)[1:{examples}] AS examples
        FROM {_parquet(folder, 'rejects')} GROUP BY table_name, reason
        ORDER BY table_name IS NOT NULL, rejects DESC, table_name, reason""")


def top_skills(con: duckdb.DuckDBPyConnection, folder: Path, per_category: int = 5) -> list[tuple]:
    """Per skill category, the `per_category` skills the most roles ask for: (category, name, roles)."""
    return con.execute(f"""
        SELECT category, name, roles FROM (
            SELECT k.category, k.name, count(DISTINCT rs.role_id) AS roles,
                   row_number() OVER (PARTITION BY k.category ORDER BY count(DISTINCT rs.role_id) DESC, k.name) AS rank
            FROM {_parquet(folder, 'role_skills')} rs JOIN {_parquet(folder, 'skills')} k USING (skill_id)
            GROUP BY k.category, k.name)
        WHERE rank <= {per_category} ORDER BY category, roles DESC, name""").fetchall()


def top_growth_figures(con: duckdb.DuckDBPyConnection, folder: Path, limit: int = 25) -> list[tuple]:
    """Per metric, the `limit` highest percentage growth figures: (metric, role_id, title, subject, value,
    upper value, is_lower_bound, period_start, period_end, period_label, source_name)."""
    return con.execute(f"""
        SELECT metric, role_id, title, subject, value, coalesce(value_max, value) AS hi, is_lower_bound,
               period_start, period_end, period_label, source_name FROM (
            SELECT g.*, r.title,
                   row_number() OVER (PARTITION BY g.metric ORDER BY coalesce(g.value_max, g.value) DESC, g.stat_id) AS rank
            FROM {_parquet(folder, 'growth_stats')} g JOIN {_parquet(folder, 'roles')} r USING (role_id)
            WHERE g.unit = 'percent')
        WHERE rank <= {limit} ORDER BY metric, rank""").fetchall()  # rank breaks ties: the same page every build


# ------------------------------------------------------------------ per-role data
def _role_section_queries(folder: Path) -> dict[str, str]:
    """Per section of a role page, the query of every role's rows (at most ROLE_ROWS, with provenance and
    the document's source_path, and `total`, how many the role has in all), ordered by role_id."""
    documents = _parquet(folder, "documents")
    queries = {}
    for name, (columns, order) in _ROLE_SECTIONS.items():
        wanted = ", ".join(f"t.{c}" for c in ("role_id", *columns, *PROVENANCE_COLUMNS))
        queries[name] = f"""
            SELECT * EXCLUDE (n) FROM (
                SELECT {wanted}, d.source_path,
                       row_number() OVER (PARTITION BY t.role_id ORDER BY {order}) AS n,
                       count(*) OVER (PARTITION BY t.role_id) AS total
                FROM {_parquet(folder, name)} t LEFT JOIN {documents} d USING (document_id))
            WHERE n <= {PAY_ROWS if name == "salaries" else ROLE_ROWS} ORDER BY role_id, n"""
    # Documents: every document that describes or lists the role, its title as written and its pay.
    queries["documents"] = f"""
        SELECT * EXCLUDE (n) FROM (
            SELECT t.role_id, t.title, t.is_primary, t.title_source, {", ".join(f"t.{c}" for c in PROVENANCE_COLUMNS)},
                   d.source_path, coalesce(pay.figures, 0) AS pay_figures, pay.currencies,
                   base.low_usd AS base_low, base.midpoint_usd AS base_midpoint, base.high_usd AS base_high,
                   total.low_usd AS total_low, total.midpoint_usd AS total_midpoint, total.high_usd AS total_high,
                   row_number() OVER (PARTITION BY t.role_id ORDER BY t.is_primary DESC, d.source_path, t.document_id) AS n,
                   count(*) OVER (PARTITION BY t.role_id) AS total
            FROM {_role_documents(folder)} t LEFT JOIN {documents} d USING (document_id)
            LEFT JOIN (SELECT role_id, document_id, count(*) AS figures, list_sort(list(DISTINCT currency)) AS currencies
                       FROM {_parquet(folder, 'salaries')} GROUP BY role_id, document_id) pay USING (role_id, document_id)
            LEFT JOIN ({_midpoints(folder, BASE_COMPONENTS)}) base USING (role_id, document_id)
            LEFT JOIN ({_midpoints(folder, TOTAL_COMPONENTS)}) total USING (role_id, document_id))
        WHERE n <= {DOCUMENT_ROWS} ORDER BY role_id, n"""
    # Skills: one row per skill (a role's rows from several documents summed), strongest requirement first.
    queries["skills"] = f"""
        SELECT * EXCLUDE (n) FROM (
            SELECT *, row_number() OVER (PARTITION BY role_id ORDER BY strength, mentions DESC, name) AS n,
                   count(*) OVER (PARTITION BY role_id) AS total FROM (
                SELECT rs.role_id, k.name, k.category, sum(rs.mention_count) AS mentions,
                       min({codes.REQUIREMENT.sql_rank('rs.requirement')}) AS strength,
                       count(DISTINCT rs.document_id) AS documents
                FROM {_parquet(folder, 'role_skills')} rs JOIN {_parquet(folder, 'skills')} k USING (skill_id)
                GROUP BY rs.role_id, k.skill_id, k.name, k.category))
        WHERE n <= {ROLE_ROWS * 3} ORDER BY role_id, n"""
    if (folder / "role_occupations.parquet").is_file():  # snapshots made before occupation coding have none
        # The role's candidate occupations, best first, each with its SOC title and OEWS national wages.
        queries["occupations"] = f"""
            SELECT ro.role_id, ro.rank, ro.soc_code, o.title AS occupation_title, o.major_title, ro.onet_soc_code,
                   ro.isco_code, ro.esco_occupation_uri, ro.method, ro.confidence, ro.matched_title, ro.reason,
                   w.oews_code, w.oews_title, w.is_aggregate, w.employment, w.annual_p10, w.annual_p25,
                   w.annual_median, w.annual_p75, w.annual_p90, w.hourly_median, w.is_annual_only, w.is_hourly_only,
                   count(*) OVER (PARTITION BY ro.role_id) AS total
            FROM {_parquet(folder, 'role_occupations')} ro
            LEFT JOIN {_parquet(folder, 'occupations')} o ON o.soc_code = ro.soc_code
            LEFT JOIN {_parquet(folder, 'occupation_wages')} w ON w.soc_code = ro.soc_code
            ORDER BY ro.role_id, ro.rank"""
    return queries


def _grouped(reader) -> Iterator[tuple[str, list[dict]]]:
    """(role_id, its rows) from an Arrow batch reader of rows ordered by role_id."""
    role_id, rows = None, []
    for batch in reader:
        data = batch.to_pydict()
        names = list(data)
        for values in zip(*data.values()):
            row = dict(zip(names, values))
            if row["role_id"] != role_id and rows:
                yield role_id, rows
                rows = []
            role_id = row["role_id"]
            rows.append(row)
    if rows:
        yield role_id, rows


def role_sections(con: duckdb.DuckDBPyConnection, folder: Path,
                  role_ids: list[str]) -> Iterator[tuple[str, dict[str, list[dict]], dict[str, int]]]:
    """For each of `role_ids` (sorted), its rows per section and how many it has in all per section.
    Streamed: one cursor per section reads its rows in role_id order, so memory holds a role, not the
    dataset (a catalog of 100,000 roles drew in 3 GB when every role's rows were gathered first)."""
    # Each section's rows are stored first (a table DuckDB can spill), then read by one cursor each:
    # ten sorted query results held open at once would all have to stay in memory.
    queries = _role_section_queries(folder)
    for name, sql in queries.items():
        con.execute(f"CREATE OR REPLACE TABLE role_section_{name} AS {sql}")
    streams = {name: _grouped(con.cursor().sql(f"SELECT * FROM role_section_{name}").to_arrow_reader(20_000))
               for name in queries}
    heads: dict[str, tuple[str, list[dict]] | None] = {name: next(stream, None) for name, stream in streams.items()}
    for role_id in role_ids:
        found: dict[str, list[dict]] = {}
        totals: dict[str, int] = {}
        for name, stream in streams.items():
            while heads[name] is not None and heads[name][0] < role_id:  # rows of a role not in the list
                heads[name] = next(stream, None)
            if heads[name] is not None and heads[name][0] == role_id:
                rows = heads[name][1]
                if name == "skills":
                    for row in rows:
                        row["requirement"] = codes.REQUIREMENT.codes[row["strength"]]
                found[name], totals[name] = rows, rows[0]["total"]
                heads[name] = next(stream, None)
            else:
                found[name], totals[name] = [], 0
        yield role_id, found, totals
