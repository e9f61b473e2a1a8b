"""Every published table, declared once: its columns (type, nullability, allowed codes, range,
description), primary key, row checks, identity columns and the references between tables.

From these declarations come the pandera schemas (`frames`), the DuckDB DDL, the
Arrow schema and the Frictionless schema (`export`), and the data dictionary
(`dictionary`), so none of them can drift from the others.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from roledata.contract import codes
from roledata.contract.columns import Column, RowCheck, Table

if TYPE_CHECKING:
    import pandas as pd


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
CURRENCY = _c("currency", "string", "ISO 4217 code of the amounts", nullable=False)


def _not_null_or(df: pd.DataFrame, a: str, b: str, cond: pd.Series) -> pd.Series:
    return (df[a].isna() | df[b].isna() | cond).fillna(True).astype(bool)


def _span_ok(df: pd.DataFrame) -> pd.Series:
    return (df["char_start"] <= df["char_end"]).fillna(False).astype(bool)


SPAN_CHECK = RowCheck("char_start <= char_end", _span_ok)


def _provenanced(name: str, description: str, columns: tuple[Column, ...], key: tuple[str, ...],
                 checks: tuple[RowCheck, ...] = (), added: tuple[Column, ...] = (), is_extracted: bool = True) -> Table:
    """`added`: columns of the v1.1 additions, after the provenance columns (v1's columns keep their places)."""
    return Table(name, description, columns + PROVENANCE + added, key, checks + (SPAN_CHECK,), has_provenance=True,
                 is_extracted=is_extracted, identity=IDENTITY.get(name))


# v1.1: where a row's values come from. Rows read from text leave it unset (default `text`).
ORIGIN = _c("origin", "string", "where the row's values come from: `text` (read from the document's text) or "
            "`field` (a structured field of the document, e.g. an export's column, whose cell the provenance "
            "points at)", codes=codes.ORIGIN.codes, default="text")


# Per extracted table: its id column and the columns that say what a row describes. The figures
# themselves are left out, so an edited amount keeps its row's id (extract/identity.py).
IDENTITY: dict[str, tuple[str, tuple[str, ...]]] = {
    "duties": ("duty_id", ("category", "text")),
    "faqs": ("faq_id", ("question",)),
    "related_roles": ("relation_id", ("related_role_id", "relation")),
    "salaries": ("salary_id", ("pay_component", "statistic", "segment_type", "segment", "period", "currency",
                               "experience_years_min", "experience_years_max", "reference_year")),
    "bonuses": ("bonus_id", ("basis",)),
    "growth_stats": ("stat_id", ("metric", "subject", "unit", "period_start", "period_end", "source_name")),
    "education_requirements": ("education_id", ("level",)),
    "experience_requirements": ("experience_id", ("scope",)),
    "certifications": ("certification_id", ("name",)),
    # A fact's value is its figure: an edited location keeps its row's id (the nth location of the page).
    "posting_facts": ("fact_id", ("fact", "origin")),
}


TABLES: tuple[Table, ...] = (
    Table("documents", "One row per raw document version.", (
        _key("document_id", "sha256 hex of the raw bytes"),
        _c("source_path", "string", "path relative to the raw folder", nullable=False),
        _c("source_format", "string", "page family the parser recognised", nullable=False,
           codes=codes.SOURCE_FORMAT.codes),
        _c("encoding", "string", "encoding used to decode the bytes into document_text"),
        _c("byte_count", "int", "size of the raw file in bytes", nullable=False, min_value=0),
        _c("char_count", "int", "length of the decoded text in characters", min_value=0),
        _c("status", "string", "whether rows were read from it", nullable=False, codes=codes.DOCUMENT_STATUS.codes),
        _c("status_reason", "string", "why a document was rejected"),
        _c("first_seen_at", "timestamp", "when a run first saw these exact bytes", nullable=False),
        _c("parser_version", "string", "roledata parser version that read it", nullable=False),
        _c("warning", "string", "a problem that did not stop parsing (e.g. mojibake), NULL when none"),
        _c("text_origin", "string", "what the document's text (`document_texts.text`) was read from: a text or "
           "Markdown file as it is, an HTML page's main text, a PDF's text layer, a Word document's paragraphs, "
           "or one row of a posting export", codes=codes.TEXT_ORIGIN.codes, default="text"),
        _c("fields", "json", "the document's structured fields as a JSON object (an export row's mapped columns; "
           "an HTML page's title, og:title and JSON-LD JobPosting), NULL when it has none"),
    ), ("document_id",), is_extracted=False),
    Table("document_texts", "The text roledata read from each parsed document, once: every provenanced row "
          "points into it, so `substr(text, char_start + 1, char_end - char_start) = row.text` holds in SQL.", (
        _key("document_id", "the document (`documents.document_id`)"),
        _c("text", "string", "the decoded text of a text or Markdown file; the extracted text of an HTML page, "
           "PDF or Word document; an export row's title and description cells, then its structured cells as "
           "`column: value` lines", nullable=False),
    ), ("document_id",), is_extracted=False),
    _provenanced("sections", "The document's structure: page sections (level 1) and sub-sections (level 2).", (
        _c("ordinal", "int", "position of the section in the document, from 0", nullable=False, min_value=0),
        _c("heading", "string", "heading text as written (NULL for text before any heading)"),
        _c("kind", "string", "normalized section kind", nullable=False, codes=codes.SECTION_KIND.codes),
        _c("level", "int", "1 = page section, 2 = sub-section", nullable=False, min_value=1, max_value=2),
        _c("parent_ordinal", "int", "ordinal of the enclosing page section, for sub-sections"),
    ), ("document_id", "ordinal")),
    _provenanced("roles", "One row per role (the role dimension), built by the run across documents from "
                 "`role_documents`: the role's first document in path order that describes it (else the first that "
                 "lists it) gives its title, family, seniority, summary and provenance.", (
        ROLE_ID,
        _c("title", "string", "canonical title as the role's first document writes it", nullable=False),
        _c("aliases", "list", "other names for the role: the first document's aliases (\"also known as\", "
           "abbreviations), then every other title and alias the role's other documents use (case ignored)"),
        _c("family", "string", "job family, e.g. `Artificial Intelligence`"),
        _c("seniority", "string", "level read from the title", codes=codes.SENIORITY.codes),
        _c("summary", "string", "the first document's opening description of the role"),
        _c("is_primary", "bool", "true when some document is about this role (false: only listed on other "
           "roles' pages)", nullable=False),
        _c("title_source", "string", "how the title was found: a title line near the top, a heading such as "
           "\"<Title> Job Description\", a question (\"What does a <Title> do?\"), an opening sentence, the "
           "role phrase the page repeats, its first short line, listed on another role's page, or an export's "
           "title field", codes=codes.TITLE_SOURCE.codes),
    ), ("role_id",), added=(ORIGIN, _c("document_count", "int", "documents that describe or list the role (its "
                                       "`role_documents` rows)", nullable=False, min_value=1)), is_extracted=False),
    _provenanced("role_documents", "One row per document and role it describes or lists: a document about a "
                 "role has exactly one primary row; a role described by 40 documents has 40 rows. Provenance "
                 "points at the title as that document writes it.", (
        ROLE_ID,
        _c("title", "string", "the role's title as this document writes it", nullable=False),
        _c("aliases", "list", "other names this document gives the role (\"also known as\", abbreviations)"),
        _c("family", "string", "job family this document states, e.g. `Artificial Intelligence`"),
        _c("seniority", "string", "level read from this document's title", codes=codes.SENIORITY.codes),
        _c("summary", "string", "this document's description of the role (its opening, or a listed role's blurb)"),
        _c("is_primary", "bool", "true when the document is about this role (one row per document); false when "
           "it only lists it", nullable=False),
        _c("title_source", "string", "how this document's title was found (see `roles.title_source`)",
           codes=codes.TITLE_SOURCE.codes),
    ), ("document_id", "role_id"), added=(ORIGIN,)),
    _provenanced("duties", "One row per responsibility.", (
        _key("duty_id", "stable id from the page's path, role, category and text (extract/identity.py)"),
        ROLE_ID,
        _c("ordinal", "int", "order of the duty on the page, from 0", nullable=False, min_value=0),
        _c("category", "string", "group heading or bold label, e.g. `Strategic Leadership`"),
    ), ("duty_id",)),
    Table("skills", "The skill vocabulary (dimension), shipped with roledata.", (
        _key("skill_id", "slug id of the skill"),
        _c("name", "string", "canonical name, e.g. `PyTorch`", nullable=False),
        _c("category", "string", "skill category", nullable=False, codes=codes.SKILL_CATEGORY.codes),
        _c("aliases", "list", "other spellings matched in text"),
        _c("esco_uri", "string", "ESCO skill URI where an ESCO skill label is the same concept (a reviewed list; "
           "NULL where none is, or where the label is the same but the concept is not)"),
        _c("onet_commodity_code", "string", "UNSPSC commodity code O*NET files the skill's technology example under"),
        _c("onet_commodity_title", "string", "title of that UNSPSC commodity, e.g. `Data base management system software`"),
        _c("onet_example", "string", "the O*NET 30.2 technology example the skill is, as O*NET writes it"),
        _c("is_hot_technology", "bool", "O*NET marks the example a hot technology (for any occupation)"),
        _c("is_in_demand", "bool", "O*NET marks the example in demand (for any occupation)"),
        _c("source", "string", "where the skill comes from: roledata's hand-made vocabulary, or an O*NET technology "
           "example it did not have", codes=("roledata", "onet")),
    ), ("skill_id",), is_extracted=False),
    _provenanced("role_skills", "Which role asks for which skill; provenance is the first mention.", (
        ROLE_ID,
        _key("skill_id", "skill from the `skills` vocabulary"),
        _c("mention_count", "int", "times the page names the skill", nullable=False, min_value=1),
        _c("requirement", "string", "strongest requirement among the mentions", nullable=False, codes=codes.REQUIREMENT.codes),
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
        _c("pay_component", "string", "which pay the figure is", nullable=False, codes=codes.PAY_COMPONENT.codes),
        _c("statistic", "string", "what the figure summarizes", nullable=False,
           codes=codes.STATISTIC.codes),
        _c("amount_min", "float", "lower amount as written (NULL for \"up to X\")", min_value=0),
        _c("amount_max", "float", "upper amount as written (NULL when open-ended with no upper number)", min_value=0),
        _c("open_ended", "bool", "true for \"over X\", \"X+\", \"exceeds X\"", nullable=False),
        CURRENCY,
        _c("period", "string", "pay period of the amounts (year when the page states none)", nullable=False, codes=codes.PERIOD.codes),
        _c("annual_min_usd", "float", "amount_min per year in USD (NULL for other currencies)"),
        _c("annual_max_usd", "float", "amount_max per year in USD (NULL for other currencies)"),
        _c("segment_type", "string", "what the figure is broken down by", nullable=False,
           codes=codes.SEGMENT_TYPE.codes),
        _c("segment", "string", "the segment as written, e.g. `San Francisco Bay Area and New York City`"),
        _c("experience_years_min", "int", "years of experience of an experience-level segment", min_value=0, max_value=60),
        _c("experience_years_max", "int", "upper years of an experience-level segment", min_value=0, max_value=60),
        _c("reference_year", "int", "year the figures refer to, from the section heading", min_value=1990, max_value=2100),
        _c("amount_text", "string", "the money expression exactly as written", nullable=False),
        _c("segment_city", "string", "city a location segment names (GeoNames name), e.g. `Austin`"),
        _c("segment_region", "string", "ISO 3166-2 subdivision a location segment names or lies in, e.g. `US-TX`"),
        _c("segment_country", "string", "ISO 3166-1 alpha-2 country a location segment names or lies in, e.g. `US`"),
    ), ("salary_id",), (
        RowCheck("amount_min <= amount_max", lambda df: _not_null_or(df, "amount_min", "amount_max", df["amount_min"] <= df["amount_max"])),
        RowCheck("annual salary between $10,000 and $10,000,000", lambda df: (
            (df["annual_min_usd"].isna() | ((df["annual_min_usd"] >= 10_000) & (df["annual_min_usd"] <= 10_000_000)))
            & (df["annual_max_usd"].isna() | ((df["annual_max_usd"] >= 10_000) & (df["annual_max_usd"] <= 10_000_000)))
        ).fillna(True).astype(bool)),
        RowCheck("amount_max at most 10 times amount_min", lambda df: _not_null_or(df, "amount_min", "amount_max", df["amount_max"] <= 10 * df["amount_min"])),
        RowCheck("at least one amount", lambda df: (df["amount_min"].notna() | df["amount_max"].notna()).astype(bool)),
    ), added=(ORIGIN,)),
    _provenanced("bonuses", "Pay expressed as a percentage.", (
        _key("bonus_id", "stable id from the page's path, role and basis: not the percentage"),
        ROLE_ID,
        _c("pct_min", "float", "lower percentage", nullable=False, min_value=0, max_value=100),
        _c("pct_max", "float", "upper percentage (= pct_min for a single figure)", nullable=False, min_value=0, max_value=100),
        _c("basis", "string", "what the percentage is of", nullable=False, codes=codes.BONUS_BASIS.codes),
    ), ("bonus_id",), (
        RowCheck("pct_min <= pct_max", lambda df: (df["pct_min"] <= df["pct_max"]).fillna(False).astype(bool)),
    )),
    _provenanced("growth_stats", "Demand and market numbers. A fact repeated on one page is one row at its first mention "
                 "(its source_name filled from a later mention when the first names none).", (
        _key("stat_id", "stable id from the page's path, role, metric, subject, unit, period and source: not the value"),
        ROLE_ID,
        _c("metric", "string", "what is measured", nullable=False, codes=codes.GROWTH_METRIC.codes),
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
        _c("level", "string", "degree level", nullable=False, codes=codes.EDUCATION_LEVEL.codes),
        _c("onet_rl", "int", "O*NET Required Level of Education category (bachelor 6, master 8, doctorate 11)", nullable=False, min_value=1, max_value=12),
        _c("requirement", "string", "how strongly the page asks for it", nullable=False, codes=codes.EDUCATION_REQUIREMENT.codes),
        _c("fields", "list", "fields of study named with the degree"),
    ), ("education_id",)),
    _provenanced("experience_requirements", "Years of experience asked for.", (
        _key("experience_id", "stable id from the page's path, role and scope: not the years"),
        ROLE_ID,
        _c("years_min", "int", "minimum years", nullable=False, min_value=0, max_value=60),
        _c("years_max", "int", "maximum years (NULL when open, \"8+\")", min_value=0, max_value=60),
        _c("scope", "string", "what the years are of", nullable=False, codes=codes.EXPERIENCE_SCOPE.codes),
    ), ("experience_id",), (
        RowCheck("years_min <= years_max", lambda df: _not_null_or(df, "years_min", "years_max", df["years_min"] <= df["years_max"])),
    )),
    _provenanced("certifications", "Certifications named for a role, by canonical name.", (
        _key("certification_id", "stable id from the page's path, role and name"),
        ROLE_ID,
        _c("name", "string", "canonical certification name", nullable=False),
        _c("issuer", "string", "issuing organization", nullable=False),
        _c("requirement", "string", "how strongly the page asks for it", nullable=False, codes=codes.REQUIREMENT.codes),
    ), ("certification_id",)),
    _provenanced("posting_facts", "What a posting states about its job, one row per fact: its title as written, "
                 "employer, each location, work arrangement, employment type, experience level, posting and closing "
                 "dates. Read from the page's text; provenance quotes the words each fact was read from.", (
        _key("fact_id", "stable id from the page's path, role, fact, origin and the fact's rank among the page's "
             "facts of that kind: not the value"),
        ROLE_ID,
        _c("fact", "string", "which fact the row states", nullable=False, codes=codes.POSTING_FACT.codes),
        _c("value", "string", "the fact: a code for work_arrangement (onsite, hybrid, remote), employment_type "
           "(full_time, part_time, contract, temporary, internship, per_diem) and experience_level (internship, "
           "entry, associate, mid_senior, director, executive); an ISO date YYYY-MM-DD for date_posted and "
           "valid_through; the text as written for title, employer and location", nullable=False),
        _c("city", "string", "for a location: the city (GeoNames name when the gazetteer knows it, else as written)"),
        _c("region", "string", "for a location: ISO 3166-2 subdivision, stated or the city's (e.g. `US-TX`, `CA-ON`, "
           "`GB-ENG`); NULL when neither the text nor the gazetteer gives one"),
        _c("country", "string", "for a location: ISO 3166-1 alpha-2 country, e.g. `US`"),
        _c("remote_scope", "string", "for a remote work arrangement: where the work may be done from, when stated: "
           "an ISO 3166-1 alpha-2 country (`Remote (US only)` -> `US`) or a time zone or region as written (`EMEA`)"),
        _c("origin", "string", "where the fact was read", nullable=False, codes=codes.FACT_ORIGIN.codes),
    ), ("fact_id",), (
        RowCheck("date facts are ISO dates", lambda df: (
            ~df["fact"].isin(["date_posted", "valid_through"])
            | df["value"].str.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d")).fillna(False).astype(bool)),
        RowCheck("coded facts use their code list", lambda df: (
            ((df["fact"] != "work_arrangement") | df["value"].isin(codes.WORK_ARRANGEMENT.codes))
            & ((df["fact"] != "employment_type") | df["value"].isin(codes.EMPLOYMENT_TYPE.codes))
            & ((df["fact"] != "experience_level") | df["value"].isin(codes.EXPERIENCE_LEVEL.codes))
        ).fillna(False).astype(bool)),
    )),
    _provenanced("related_roles", "Roles linked to a role: career steps, see-also lists, aliases.", (
        _key("relation_id", "stable id from the page's path, role, related role and relation"),
        ROLE_ID,
        _key("related_role_id", "slug of the related role's title"),
        _c("related_title", "string", "related title as written", nullable=False),
        _c("relation", "string", "how the roles relate", nullable=False, codes=codes.RELATION.codes),
    ), ("relation_id",)),
    _provenanced("faqs", "Question and answer blocks; provenance spans question to answer.", (
        _key("faq_id", "stable id from the page's path, role and question"),
        ROLE_ID,
        _c("ordinal", "int", "order on the page, from 0", nullable=False, min_value=0),
        _c("question", "string", "the question", nullable=False),
        _c("answer", "string", "the answer", nullable=False),
    ), ("faq_id",)),
    Table("occupations", "The SOC 2018 detailed occupations (dimension), shipped with roledata from the BLS and O*NET "
          "reference files (roledata.reference).", (
        _key("soc_code", "SOC 2018 detailed code, e.g. `15-2051`"),
        _c("title", "string", "SOC 2018 title", nullable=False),
        _c("major_code", "string", "SOC 2018 major group code, e.g. `15-0000`", nullable=False),
        _c("major_title", "string", "SOC 2018 major group title", nullable=False),
        _c("job_zone", "int", "O*NET job zone (2 = little or some preparation ... 5 = extensive) of the code's own "
           "O*NET occupation (`.00`), else of its first one that has a zone", min_value=1, max_value=5),
        _c("isco_code", "string", "primary ISCO-08 unit group: a two-hop mapping (BLS ISCO-08 -> SOC 2010, then SOC "
           "2010 -> SOC 2018), derived, not an official crosswalk; the only group linked, else the only full match, "
           "else the one whose title shares most words with the SOC title"),
        _c("isco_codes", "list", "every ISCO-08 unit group the two BLS crosswalks link to the code"),
    ), ("soc_code",), is_extracted=False),
    Table("occupation_wages", "BLS OEWS May 2025 national cross-industry wage estimates per SOC 2018 detailed code "
          "(shipped with roledata). OEWS measures the wages of employees (straight-time gross pay: base rate, "
          "cost-of-living allowances, guaranteed pay, hazard pay, incentive pay such as commissions and production "
          "bonuses, tips); it leaves out overtime, other bonuses, stock, benefits and the self-employed, so it is no "
          "total-compensation figure.", (
        _key("soc_code", "SOC 2018 detailed code"),
        _c("oews_code", "string", "the OEWS row the figures come from: the code itself, or the broader row OEWS "
           "publishes it in (a SOC broad group such as `13-1020` or an OEWS combination such as `21-1018`)", nullable=False),
        _c("oews_title", "string", "title of the OEWS row", nullable=False),
        _c("is_aggregate", "bool", "true when the figures are of the broader OEWS row, not of the code alone", nullable=False),
        _c("employment", "int", "employees in the occupation (TOT_EMP), rounded to the nearest 10", min_value=0),
        _c("hourly_mean", "float", "hourly wage, mean (USD)", min_value=0),
        _c("annual_mean", "float", "annual wage, mean (USD)", min_value=0),
        *(_c(f"hourly_{s}", "float", f"hourly wage, {label} (USD; NULL when not published)", min_value=0)
          for s, label in (("p10", "10th percentile"), ("p25", "25th percentile"), ("median", "median"),
                           ("p75", "75th percentile"), ("p90", "90th percentile"))),
        *(_c(f"annual_{s}", "float", f"annual wage, {label} (USD; NULL when not published)", min_value=0)
          for s, label in (("p10", "10th percentile"), ("p25", "25th percentile"), ("median", "median"),
                           ("p75", "75th percentile"), ("p90", "90th percentile"))),
        _c("is_annual_only", "bool", "OEWS publishes only annual wages (jobs not paid by the hour, such as teachers)",
           nullable=False),
        _c("is_hourly_only", "bool", "OEWS publishes only hourly wages (jobs not worked all year, such as actors)",
           nullable=False),
        _c("has_unpublished_wages", "bool", "some wage figure is not published (`*` in OEWS: NULL here)", nullable=False),
        _c("is_top_coded", "bool", "a figure is OEWS's top code (`#`: at least $115.00 an hour or $239,200 a year)",
           nullable=False),
    ), ("soc_code",), is_extracted=False),
    Table("role_occupations", "Which occupation each role is: up to three candidates per role, ranked, computed once "
          "per role after the checks across pages from its title, its duties and its page (roledata.occupations). "
          "A role no occupation fits has one row with rank 1, soc_code NULL, method `none` and the reason.", (
        ROLE_ID,
        _c("rank", "int", "1 = best candidate", nullable=False, min_value=1, max_value=3),
        _c("soc_code", "string", "SOC 2018 detailed code (NULL when no occupation fits)"),
        _c("onet_soc_code", "string", "O*NET-SOC 30.2 occupation, e.g. `15-1299.08`"),
        _c("isco_code", "string", "ISCO-08 unit group: the occupation's primary ISCO-08 code through two BLS "
           "crosswalks (ISCO-08 -> SOC 2010 -> SOC 2018), a two-hop derived mapping, not an official one"),
        _c("esco_occupation_uri", "string", "ESCO occupation whose label is the O*NET title matched (NULL when none)"),
        _c("method", "string", "how the occupation was found", nullable=False, codes=codes.OCCUPATION_METHOD.codes),
        _c("confidence", "float", "how sure the match is, 0..1 (title matches score high, duties alone low)",
           nullable=False, min_value=0, max_value=1),
        _c("matched_title", "string", "the O*NET (or reviewed) title the role matched, as written"),
        _c("reason", "string", "why this occupation, or why none", nullable=False),
    ), ("role_id", "rank"), is_extracted=False),
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
        _c("status", "string", "run state", nullable=False, codes=codes.RUN_STATUS.codes),
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


# References the run enforces (run/stage.py drops rows that break them, as rejects), so they hold in
# every snapshot and the datapackage declares them: (column, parent table, parent column).
FOREIGN_KEYS = (("role_id", "roles", "role_id"), ("skill_id", "skills", "skill_id"),
                ("soc_code", "occupations", "soc_code"))
# Tables a run computes from the other final tables after the checks across pages (run/stage.py).
DERIVED_TABLES = ("role_occupations",)
# Tables shipped with roledata, registered whole by every run (like the skill vocabulary).
SHIPPED_TABLES = ("skills", "occupations", "occupation_wages")
