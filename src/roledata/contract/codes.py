"""The contract's code lists, each once: its codes in rank order, with the words people read.

A `CodeList` is the one place a code's order and label live: the table
declarations take their allowed values from it, the extractors their ranks
(a later mention may raise a requirement, never lower it), the warehouse's
views a SQL `CASE` from the same order, and the catalog its labels.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeList:
    """Codes in rank order (the first is the strongest or the first to show), each with a label."""

    labels: dict[str, str]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def label(self, code: str | None) -> str:
        """The words for `code`; an unknown code as words (`ml_framework` -> `ml framework`)."""
        if code is None:
            return ""
        return self.labels.get(code) or code.replace("_", " ")

    def rank(self, code: str) -> int:
        """0 for the first code, 1 for the next..."""
        return self.codes.index(code)

    def sql_rank(self, column: str) -> str:
        """SQL: the rank of `column`'s code (codes outside the list rank last)."""
        whens = " ".join(f"WHEN '{code}' THEN {rank}" for rank, code in enumerate(self.codes))
        return f"CASE {column} {whens} ELSE {len(self.codes)} END"

    def sql_code(self, rank_sql: str) -> str:
        """SQL: the code of a rank computed by `sql_rank` (the inverse)."""
        whens = " ".join(f"WHEN {rank} THEN '{code}'" for rank, code in enumerate(self.codes))
        return f"CASE {rank_sql} {whens} END"


def _same(*codes: str) -> CodeList:
    """Codes whose label is the code itself."""
    return CodeList({code: code for code in codes})


SOURCE_FORMAT = _same("jobdescription_org", "aipathly", "job_posting", "generic")
DOCUMENT_STATUS = _same("parsed", "rejected")
RUN_STATUS = _same("running", "succeeded", "failed")
SECTION_KIND = _same(
    "overview", "at_a_glance", "duties", "requirements", "qualifications",
    "skills", "salary", "market_demand", "career_outlook", "career_path",
    "trends", "soft_skills", "best_practices", "challenges", "faq",
    "cover_letter", "related_roles", "other",
)
SENIORITY = _same("executive", "director", "manager", "lead", "senior", "mid", "entry")
TITLE_SOURCE = _same("title_line", "heading_pattern", "question", "prose", "repeated_phrase", "first_line", "listed",
                     "field")
# What a document's text was read from (formats/): a text or Markdown file as it is, the main text of an
# HTML page, a PDF's text layer, a Word document's paragraphs, or one row of a posting export.
TEXT_ORIGIN = _same("text", "markdown", "html", "pdf", "docx", "export")
# Where a row's values come from: read from the document's text, or taken from a structured field
# (an export's column) whose cell the row's provenance points at.
ORIGIN = _same("text", "field")
# How strongly a page asks for a skill or certification, strongest first.
REQUIREMENT = _same("required", "preferred", "mentioned")
EDUCATION_REQUIREMENT = _same("required", "preferred", "common")
SKILL_CATEGORY = CodeList({
    "programming_language": "Programming languages", "ml_framework": "ML frameworks",
    "cloud_platform": "Cloud platforms", "mlops": "MLOps", "data_platform": "Data platforms",
    "vector_database": "Vector databases", "llm_tooling": "LLM tooling", "responsible_ai": "Responsible AI",
    "developer_tool": "Developer tools", "ml_technique": "ML techniques", "domain_knowledge": "Domain knowledge",
    "soft_skill": "Soft skills", "technology": "Technology (O*NET examples)",
})
PAY_COMPONENT = CodeList({"base": "base pay", "total": "total pay", "total_cash": "total cash",
                          "unspecified": "pay"})
STATISTIC = CodeList({
    "range": "range", "average": "average", "median": "median", "p10": "10th percentile",
    "p25": "25th percentile", "p75": "75th percentile", "p90": "90th percentile", "minimum": "minimum",
    "maximum": "maximum", "point": "single figure",
})
# `biweekly` (v1.1): pay stated per fortnight ("$3,100 per fortnight", "paid fortnightly"), 26 a year.
PERIOD = CodeList({"year": "a year", "month": "a month", "biweekly": "a fortnight", "week": "a week", "day": "a day",
                   "hour": "an hour"})
SEGMENT_TYPE = CodeList({
    "overall": "Overall", "experience_level": "Experience level", "location": "Location", "industry": "Industry",
    "title_variant": "Title variant", "company_type": "Company type", "era": "Era",
})
BONUS_BASIS = CodeList({"total_compensation": "of total compensation", "base_salary": "of base salary",
                        "unspecified": ""})
GROWTH_METRIC = CodeList({
    "job_growth": "Job growth", "postings_growth": "Job postings growth", "title_growth": "Job title growth",
    "jobs_created": "Jobs created", "market_size": "Market size", "market_cagr": "Market growth per year (CAGR)",
    "adoption_rate": "Adoption rate", "investment": "Investment", "other": "Other figures",
})
EDUCATION_LEVEL = CodeList({
    "high_school": "High school", "associate": "Associate degree", "bachelor": "Bachelor's degree",
    "master": "Master's degree", "mba": "MBA", "doctorate": "Doctorate (PhD)", "bootcamp": "Bootcamp",
})
EXPERIENCE_SCOPE = CodeList({"total": "in total", "leadership": "leading people", "domain": "in the field",
                             "hands_on": "hands-on"})
RELATION = CodeList({"career_from": "comes from", "career_to": "leads to", "see_also": "see also",
                     "alias": "same role as"})
# What a posting states about its job (posting_facts.fact), in the order a posting usually states them.
POSTING_FACT = CodeList({
    "title": "Title", "employer": "Employer", "location": "Location", "work_arrangement": "Work arrangement",
    "employment_type": "Employment type", "experience_level": "Experience level", "date_posted": "Date posted",
    "valid_through": "Applications close",
})
WORK_ARRANGEMENT = CodeList({"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"})
EMPLOYMENT_TYPE = CodeList({
    "full_time": "Full-time", "part_time": "Part-time", "contract": "Contract", "temporary": "Temporary",
    "internship": "Internship", "per_diem": "Per diem",
})
# LinkedIn's seniority scale, which other job boards share, most junior first.
EXPERIENCE_LEVEL = CodeList({
    "internship": "Internship", "entry": "Entry level", "associate": "Associate", "mid_senior": "Mid-Senior level",
    "director": "Director", "executive": "Executive",
})
# Where a posting fact comes from: read in the page's text (structured export fields will be `field`).
FACT_ORIGIN = CodeList({"text": "read in the page's text", "field": "a structured field of the export"})
# How a role's occupation was found (roledata.occupations.matcher), from the title first to the duties.
OCCUPATION_METHOD = CodeList({
    "alternate_title_exact": "the title is an O*NET title", "normalized_title": "the title, folded, is an O*NET title",
    "curated_title": "a title roledata placed (reviewed list)", "management_title": "a manager of a field",
    "technology_title": "a developer of a named technology", "similarity": "the title is like an O*NET title",
    "text_title": "the page names an O*NET title", "duties": "the duties are like an occupation's tasks",
    "none": "no occupation fits",
})
