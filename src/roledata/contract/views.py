"""The warehouse's views for the common joins, declared like the tables: a query and a description
per column (stored as DuckDB comments and listed in the data dictionary)."""
from __future__ import annotations

from roledata.contract import codes
from roledata.contract.columns import View, column_comment
from roledata.contract.export import qualified
from roledata.contract.tables import TABLES_BY_NAME
from roledata.sql import sql_string


def _described(table: str, column: str, name: str | None = None) -> tuple[str, str]:
    """A view column that is a table column as is: its declared description (and allowed values)."""
    return (name or column, column_comment(TABLES_BY_NAME[table].column(column)))


_ROLE_COLUMNS = (_described("roles", "title"), _described("roles", "family"), _described("roles", "seniority"),
                 _described("roles", "is_primary"))
_STRENGTH = codes.REQUIREMENT.sql_rank("requirement")  # 0 = required: the strongest is the least

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
       {codes.REQUIREMENT.sql_code(f'min({_STRENGTH})')} AS requirement,
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


def _first(fact: str, column: str = "value") -> str:
    """SQL: the posting's first `fact` row's `column` (page order), from `ranked` of the postings view."""
    return f"max(f.{column}) FILTER (WHERE f.fact = '{fact}' AND f.n = 1)"


_POSTING_FACTS = ("employer", "work_arrangement", "employment_type", "date_posted", "valid_through",
                  "experience_level")
POSTINGS = View(
    "postings", "One row per posting (a document with posting_facts rows): what it states about its job, the "
    "first of each fact in page order (every location and employment type it states is in posting_facts).",
    f"""WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY document_id, fact ORDER BY char_start, char_end) AS n
    FROM posting_facts WHERE origin = 'text')
SELECT f.document_id, d.source_path, min(f.role_id) AS role_id, {_first('title')} AS title,
       {_first('employer')} AS employer, {_first('location')} AS location, {_first('location', 'city')} AS city,
       {_first('location', 'region')} AS region, {_first('location', 'country')} AS country,
       {_first('work_arrangement')} AS work_arrangement, {_first('work_arrangement', 'remote_scope')} AS remote_scope,
       {', '.join(f"{_first(fact)} AS {fact}" for fact in _POSTING_FACTS[2:])}
FROM ranked AS f
LEFT JOIN documents AS d ON d.document_id = f.document_id
GROUP BY f.document_id, d.source_path""",
    (("document_id", "sha256 of the posting's raw document."),
     ("source_path", "the posting's file, relative to the raw folder."),
     ("role_id", "the posting's primary role (roles.role_id): the role its title names."),
     ("title", "the posting's title as the page writes it (posting_facts fact `title`)."),
     ("employer", "the employer the posting names, as written (NULL when it names none)."),
     ("location", "the first location the posting states, as written (e.g. `Austin, TX`, `Remote (US)`); the "
                  "others are posting_facts rows."),
     ("city", "city of that location (GeoNames name when the gazetteer knows it, else as written)."),
     ("region", "ISO 3166-2 subdivision of that location, e.g. `US-TX` (NULL when neither the text nor the "
                "gazetteer gives one)."),
     ("country", "ISO 3166-1 alpha-2 country of that location, e.g. `US`."),
     ("work_arrangement", "how the job is worked. Allowed values: onsite, hybrid, remote."),
     ("remote_scope", "where remote work may be done from, when stated: a country code (`US`) or a time zone or "
                      "region as written."),
     ("employment_type", "the first employment type stated. Allowed values: full_time, part_time, contract, "
                         "temporary, internship, per_diem."),
     ("date_posted", "the day the posting says it was posted, ISO YYYY-MM-DD (NULL for a relative age such as "
                     "\"3 days ago\")."),
     ("valid_through", "the day applications close, ISO YYYY-MM-DD."),
     ("experience_level", "the level the posting states. Allowed values: internship, entry, associate, mid_senior, "
                          "director, executive.")))
VIEWS = (*VIEWS, POSTINGS)


def view_sql(view: View, schema: str | None = None) -> list[str]:
    """`CREATE VIEW` and its comments. The view's own name may be qualified; its query never is."""
    name = qualified(view.name, schema)
    return ([f"CREATE VIEW {name} AS\n{view.select}", f"COMMENT ON VIEW {name} IS {sql_string(view.description)}"]
            + [f"COMMENT ON COLUMN {name}.{col} IS {sql_string(text)}" for col, text in view.columns])
