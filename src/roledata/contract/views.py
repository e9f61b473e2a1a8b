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

# ------------------------------------------------------------------ a document's stated pay
# Which of a document's salary figures say what it pays a role, for the market views and the catalog:
# figures in annual USD with both amounts known (a single figure has both; "up to X" and "X+" have one),
# of a central statistic, overall when the document states its pay overall, else of every segment.
BASE_COMPONENTS = ("base", "unspecified")
TOTAL_COMPONENTS = ("total", "total_cash")
CENTRAL_STATISTICS = ("median", "average", "range", "point")
MIDPOINT_RULE = ("the document's figures for the role in annual USD (annual_min_usd and annual_max_usd both "
                 "known: single figures and closed ranges, never \"up to X\" or \"X+\"; other currencies have no "
                 "USD amount), of a central statistic (median, else average, else range or single figure: the "
                 "first of these the document states), overall when the document states overall figures, else "
                 "of every segment; the midpoint is (lowest annual_min_usd + highest annual_max_usd) / 2 of "
                 "those figures")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(sql_string(v) for v in values)})"


def document_pay_sql(salaries: str = "salaries", components: tuple[str, ...] = BASE_COMPONENTS) -> str:
    """SQL of one row per (role_id, document_id) with stated pay of `components` (MIDPOINT_RULE):
    `figures` (how many count), `low_usd`, `high_usd`, `midpoint_usd`, and the `periods` they were
    written in. `salaries` is the table to read (a name, or a Parquet read for the catalog)."""
    return f"""SELECT role_id, document_id, count(*) AS figures, min(annual_min_usd) AS low_usd,
       max(annual_max_usd) AS high_usd, (min(annual_min_usd) + max(annual_max_usd)) / 2 AS midpoint_usd,
       list_sort(list(DISTINCT period)) AS periods
FROM (SELECT role_id, document_id, period, annual_min_usd, annual_max_usd,
             rank() OVER (PARTITION BY role_id, document_id ORDER BY segment_type <> 'overall',
                          CASE statistic WHEN 'median' THEN 0 WHEN 'average' THEN 1 ELSE 2 END) AS preference
      FROM {salaries}
      WHERE {_in("pay_component", components)} AND {_in("statistic", CENTRAL_STATISTICS)}
        AND annual_min_usd IS NOT NULL AND annual_max_usd IS NOT NULL)
WHERE preference = 1
GROUP BY role_id, document_id"""

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
    View("role_pay_summary", "The market for each role across its documents: how many documents describe or list it, "
         "how many state pay, and the spread of their stated base pay (each document's midpoint, in annual USD), "
         "one row per role.",
         f"""WITH paid AS (SELECT role_id, count(DISTINCT document_id) AS documents FROM salaries GROUP BY role_id),
     midpoints AS ({document_pay_sql()}),
     spread AS (SELECT role_id, count(*) AS documents, min(midpoint_usd) AS lo,
                       quantile_cont(midpoint_usd, 0.25) AS p25, quantile_cont(midpoint_usd, 0.5) AS p50,
                       quantile_cont(midpoint_usd, 0.75) AS p75, max(midpoint_usd) AS hi,
                       list_sort(list_distinct(flatten(list(periods)))) AS periods
                FROM midpoints GROUP BY role_id),
     facts AS (SELECT role_id, count(DISTINCT lower(value)) FILTER (WHERE fact = 'employer') AS employers,
                      max(TRY_CAST(value AS DATE)) FILTER (WHERE fact = 'date_posted') AS latest_date_posted
               FROM posting_facts GROUP BY role_id)
SELECT r.role_id, r.title, r.document_count AS documents, coalesce(paid.documents, 0) AS documents_with_pay,
       coalesce(facts.employers, 0) AS employers, coalesce(spread.documents, 0) AS documents_with_midpoint,
       spread.lo AS midpoint_usd_min, spread.p25 AS midpoint_usd_p25, spread.p50 AS midpoint_usd_median,
       spread.p75 AS midpoint_usd_p75, spread.hi AS midpoint_usd_max, spread.periods,
       facts.latest_date_posted
FROM roles AS r
LEFT JOIN paid ON paid.role_id = r.role_id
LEFT JOIN spread ON spread.role_id = r.role_id
LEFT JOIN facts ON facts.role_id = r.role_id""",
         (_described("roles", "role_id"), _described("roles", "title"),
          ("documents", "documents that describe or list the role (roles.document_count)."),
          ("documents_with_pay", "of those, documents with at least one salaries row for the role (any component, "
                                 "statistic, segment or currency)."),
          ("employers", "distinct employers (case ignored) the role's postings name: posting_facts rows with fact "
                        "employer, whose role_id is the posting's own role."),
          ("documents_with_midpoint", "documents that state a base pay midpoint for the role, the documents the "
                                      f"five midpoint_usd columns summarize. A document's midpoint: {MIDPOINT_RULE}; "
                                      "pay components base or unspecified (total pay is left out)."),
          ("midpoint_usd_min", "lowest of the documents' base pay midpoints, annual USD."),
          ("midpoint_usd_p25", "25th percentile of the documents' base pay midpoints, annual USD (DuckDB "
                               "quantile_cont: linear interpolation between documents)."),
          ("midpoint_usd_median", "median of the documents' base pay midpoints, annual USD (quantile_cont 0.5: "
                                  "the mean of the middle two for an even count)."),
          ("midpoint_usd_p75", "75th percentile of the documents' base pay midpoints, annual USD (quantile_cont)."),
          ("midpoint_usd_max", "highest of the documents' base pay midpoints, annual USD."),
          ("periods", "pay periods the counted figures were written in (year, month, biweekly, week, day, hour), sorted; "
                      "their amounts are converted to a year in annual_*_usd."),
          ("latest_date_posted", "newest date a posting of the role states it was listed (posting_facts "
                                 "date_posted); NULL when none states one."))),
    View("role_sources", "Every document behind a role: one row per role_documents row, with the document's page, "
         "the title as that document writes it, and its pay figures for the role summarized.",
         f"""WITH pay AS (SELECT role_id, document_id, count(*) AS figures, list_sort(list(DISTINCT currency)) AS currencies,
                    list_sort(list(DISTINCT period)) AS periods
             FROM salaries GROUP BY role_id, document_id),
     midpoints AS ({document_pay_sql()}),
     employer AS (SELECT document_id, arg_min(value, char_start) AS name FROM posting_facts
                  WHERE fact = 'employer' GROUP BY document_id)
SELECT rd.role_id, rd.document_id, d.source_path, e.name AS employer, rd.title, rd.is_primary, rd.title_source,
       coalesce(pay.figures, 0) AS pay_figures, pay.currencies AS pay_currencies, pay.periods AS pay_periods,
       m.figures AS midpoint_figures, m.low_usd AS pay_low_usd, m.midpoint_usd AS pay_midpoint_usd,
       m.high_usd AS pay_high_usd
FROM role_documents AS rd
LEFT JOIN documents AS d ON d.document_id = rd.document_id
LEFT JOIN pay ON pay.role_id = rd.role_id AND pay.document_id = rd.document_id
LEFT JOIN midpoints AS m ON m.role_id = rd.role_id AND m.document_id = rd.document_id
LEFT JOIN employer AS e ON e.document_id = rd.document_id""",
         (_described("role_documents", "role_id"), _described("role_documents", "document_id"),
          ("source_path", "the document's page, relative to the raw folder."),
          ("employer", "the employer the document names first (posting_facts), NULL for a page that names none."),
          _described("role_documents", "title"), _described("role_documents", "is_primary"),
          _described("role_documents", "title_source"),
          ("pay_figures", "salaries rows of the document for the role (every component, statistic and segment)."),
          ("pay_currencies", "currencies of those figures, sorted (NULL when it has none)."),
          ("pay_periods", "pay periods of those figures, sorted (NULL when it has none)."),
          ("midpoint_figures", f"figures that give the document's base pay midpoint: {MIDPOINT_RULE}; pay "
                               "components base or unspecified. NULL when none qualifies."),
          ("pay_low_usd", "lowest annual_min_usd of those figures."),
          ("pay_midpoint_usd", "the document's base pay midpoint, annual USD: (pay_low_usd + pay_high_usd) / 2."),
          ("pay_high_usd", "highest annual_max_usd of those figures."))),
)


def _first(fact: str, column: str = "value") -> str:
    """SQL: the posting's first `fact` row's `column` (its cell, else page order), from `ranked` of the postings view."""
    return f"max(f.{column}) FILTER (WHERE f.fact = '{fact}' AND f.n = 1)"


_POSTING_FACTS = ("employer", "work_arrangement", "employment_type", "date_posted", "valid_through",
                  "experience_level")
POSTINGS = View(
    "postings", "One row per posting (a document with posting_facts rows): what it states about its job, the "
    "first of each fact: an export's own cell where it has one, else the first in page order (every location "
    "and employment type it states is in posting_facts).",
    f"""WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY document_id, fact
                                 ORDER BY origin = 'field' DESC, char_start, char_end) AS n
    FROM posting_facts)
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


# A salary row's one annual figure in USD: the middle of its range, or the one end it states.
_ANNUAL_USD = ("CASE WHEN s.annual_min_usd IS NOT NULL AND s.annual_max_usd IS NOT NULL "
               "THEN (s.annual_min_usd + s.annual_max_usd) / 2 ELSE coalesce(s.annual_min_usd, s.annual_max_usd) END")
_OEWS_NOTE = ("OEWS measures the wages of employees (straight-time gross pay, commissions and production bonuses "
              "included; overtime, other bonuses, stock, benefits and the self-employed left out): set a page's total "
              "compensation figure (pay_component `total`) beside it with care.")


def _interpolated(x: str, w: str = "w") -> str:
    """SQL: the percentile of `x` in an OEWS distribution, straight lines between the published points
    (10, 25, 50, 75, 90); NULL outside p10..p90 or where a point it needs is not published."""
    points = [("10", "annual_p10"), ("25", "annual_p25"), ("50", "annual_median"), ("75", "annual_p75"),
              ("90", "annual_p90")]
    whens = []
    for (lo_pct, lo), (hi_pct, hi) in zip(points, points[1:]):
        span = int(hi_pct) - int(lo_pct)
        whens.append(f"WHEN {x} <= {w}.{hi} THEN {lo_pct} + {span} * coalesce(({x} - {w}.{lo}) / "
                     f"nullif({w}.{hi} - {w}.{lo}, 0), 0)")
    return (f"CASE WHEN {x} < {w}.annual_p10 OR {x} > {w}.annual_p90 THEN NULL "
            + " ".join(whens) + " END")


def _position(x: str, w: str = "w") -> str:
    return (f"CASE WHEN {w}.annual_median IS NULL THEN 'not published' WHEN {x} < {w}.annual_p10 THEN 'below p10' "
            f"WHEN {x} <= {w}.annual_p25 THEN 'p10 to p25' WHEN {x} <= {w}.annual_median THEN 'p25 to median' "
            f"WHEN {x} <= {w}.annual_p75 THEN 'median to p75' WHEN {x} <= {w}.annual_p90 THEN 'p75 to p90' "
            f"WHEN {x} > {w}.annual_p90 THEN 'above p90' END")


_TOP_OCCUPATION = "SELECT role_id, soc_code, confidence, method FROM role_occupations WHERE rank = 1 AND soc_code IS NOT NULL"

MARKET_VIEWS: tuple[View, ...] = (
    View("role_pay_vs_market", "Each pay figure stated in USD with an annual amount, beside the BLS OEWS May 2025 "
         "national wage distribution of its role's top occupation (role_occupations rank 1): where the figure sits "
         "in it and its ratio to the OEWS median. " + _OEWS_NOTE,
         f"""WITH top AS ({_TOP_OCCUPATION}),
     pay AS (SELECT s.*, {_ANNUAL_USD} AS annual_usd FROM salaries AS s
             WHERE s.currency = 'USD' AND coalesce(s.annual_min_usd, s.annual_max_usd) IS NOT NULL)
SELECT p.salary_id, p.role_id, r.title, p.pay_component, p.statistic, p.segment_type, p.segment, p.period,
       p.amount_min, p.amount_max, p.annual_usd, t.soc_code, o.title AS occupation_title,
       t.confidence AS match_confidence, t.method AS match_method,
       w.annual_p10, w.annual_p25, w.annual_median, w.annual_p75, w.annual_p90, w.is_aggregate,
       round({_interpolated("p.annual_usd")}, 1) AS market_percentile,
       {_position("p.annual_usd")} AS market_position,
       round(p.annual_usd / w.annual_median, 3) AS ratio_to_median,
       p.document_id
FROM pay AS p
JOIN top AS t ON t.role_id = p.role_id
LEFT JOIN roles AS r ON r.role_id = p.role_id
LEFT JOIN occupations AS o ON o.soc_code = t.soc_code
LEFT JOIN occupation_wages AS w ON w.soc_code = t.soc_code""",
         (_described("salaries", "salary_id"), _described("salaries", "role_id"), _described("roles", "title"),
          *(_described("salaries", c) for c in ("pay_component", "statistic", "segment_type", "segment", "period",
                                                 "amount_min", "amount_max")),
          ("annual_usd", "the figure per year in USD: the middle of annual_min_usd and annual_max_usd, or the one "
                         "stated."),
          ("soc_code", "SOC 2018 code of the role's top occupation (role_occupations rank 1)."),
          ("occupation_title", "SOC 2018 title of that occupation."),
          ("match_confidence", "role_occupations.confidence of that occupation, 0..1: how sure the coding is."),
          ("match_method", "role_occupations.method: how the occupation was found."),
          *((f"annual_{p}", f"OEWS annual wage, {label} (USD; NULL when not published).") for p, label in (
              ("p10", "10th percentile"), ("p25", "25th percentile"), ("median", "median"),
              ("p75", "75th percentile"), ("p90", "90th percentile"))),
          _described("occupation_wages", "is_aggregate"),
          ("market_percentile", "the OEWS percentile annual_usd sits at, on straight lines between the published "
                                "points (10, 25, 50, 75, 90); NULL below p10, above p90 or where not published."),
          ("market_position", "where annual_usd sits: below p10, p10 to p25, p25 to median, median to p75, p75 to "
                              "p90, above p90, or not published."),
          ("ratio_to_median", "annual_usd / the OEWS annual median."),
          _described("salaries", "document_id"))),
    View("occupation_pay_summary", "Per SOC 2018 occupation that some role is coded to (role_occupations rank 1): "
         "the roles and documents coded to it, the median of their stated annual pay in USD, and the BLS OEWS May "
         "2025 national median beside it. " + _OEWS_NOTE,
         f"""WITH top AS ({_TOP_OCCUPATION}),
     pay AS (SELECT s.role_id, {_ANNUAL_USD} AS annual_usd FROM salaries AS s
             WHERE s.currency = 'USD' AND coalesce(s.annual_min_usd, s.annual_max_usd) IS NOT NULL),
     coded AS (SELECT t.soc_code, count(*) AS roles, count(DISTINCT r.document_id) AS documents
               FROM top AS t JOIN roles AS r ON r.role_id = t.role_id GROUP BY t.soc_code),
     stated AS (SELECT t.soc_code, count(*) AS pay_figures, median(p.annual_usd) AS median_stated_usd
                FROM top AS t JOIN pay AS p ON p.role_id = t.role_id GROUP BY t.soc_code)
SELECT c.soc_code, o.title, o.major_title, c.roles, c.documents, coalesce(st.pay_figures, 0) AS pay_figures,
       st.median_stated_usd, w.annual_median AS oews_median_usd, w.employment AS oews_employment,
       round(st.median_stated_usd / w.annual_median, 3) AS ratio_to_oews_median
FROM coded AS c
LEFT JOIN occupations AS o ON o.soc_code = c.soc_code
LEFT JOIN stated AS st ON st.soc_code = c.soc_code
LEFT JOIN occupation_wages AS w ON w.soc_code = c.soc_code""",
         (_described("occupations", "soc_code"), _described("occupations", "title"),
          _described("occupations", "major_title"),
          ("roles", "roles whose top occupation (role_occupations rank 1) is this one."),
          ("documents", "documents those roles were read from (roles.document_id), distinct."),
          ("pay_figures", "their salaries rows stated in USD with an annual amount."),
          ("median_stated_usd", "median of those figures per year in USD (each row: the middle of its range)."),
          ("oews_median_usd", "OEWS May 2025 national annual median wage (NULL when not published)."),
          ("oews_employment", "OEWS employment of the occupation."),
          ("ratio_to_oews_median", "median_stated_usd / oews_median_usd."))),
)
VIEWS = VIEWS + MARKET_VIEWS


def view_sql(view: View, schema: str | None = None) -> list[str]:
    """`CREATE VIEW` and its comments. The view's own name may be qualified; its query never is."""
    name = qualified(view.name, schema)
    return ([f"CREATE VIEW {name} AS\n{view.select}", f"COMMENT ON VIEW {name} IS {sql_string(view.description)}"]
            + [f"COMMENT ON COLUMN {name}.{col} IS {sql_string(text)}" for col, text in view.columns])
