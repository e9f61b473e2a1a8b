"""A posting export shaped like JobSpy's CSV output (its column names and order), with rows written
here in our own words: what the export tests and the mixed-folder run read."""
from __future__ import annotations

import csv
import io

JOBSPY_COLUMNS = ["id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted",
                  "job_type", "salary_source", "interval", "min_amount", "max_amount", "currency", "is_remote",
                  "job_level", "job_function", "listing_type", "emails", "description", "company_industry",
                  "company_url", "company_num_employees"]

ROWS = [
    {"id": "in-7f31c2", "site": "indeed", "job_url": "https://jobs.example.org/view/7f31c2",
     "title": "Route Optimization Engineer", "company": "Harbor Freightways", "location": "Savannah, GA, US",
     "date_posted": "2026-03-04", "job_type": "fulltime", "salary_source": "direct_data", "interval": "yearly",
     "min_amount": "104000", "max_amount": "126000", "currency": "USD", "is_remote": "False",
     "description": "Harbor Freightways plans routes for 900 trucks a day.\r\n\r\n**Responsibilities**\r\n\r\n"
                    "* Build solvers that assign loads to trucks.\r\n* Measure empty miles every week.\r\n\r\n"
                    "**Pay**\r\n\r\nThe base salary for this role is $104,000 - $126,000 per year."},
    {"id": "li-5520918", "site": "linkedin", "job_url": "https://jobs.example.org/view/5520918",
     "title": "Clinical Data Annotator", "company": "Northbay Health", "location": "Remote",
     "date_posted": "2026-03-06", "job_type": "contract", "interval": "hourly", "min_amount": "31",
     "max_amount": "38", "currency": "USD", "is_remote": "True",
     "description": "Label discharge notes so our models can find follow-up needs.\n\nWhat you will do\n"
                    "- Tag medications and doses in clinical notes.\n- Review a colleague's labels each Friday.\n\n"
                    "Pay: $29 - $36 an hour, by experience."},
    {"id": "gl-88410", "site": "glassdoor", "job_url": "https://jobs.example.org/view/88410",
     "title": "Retail Pricing Analyst", "company": "Cobalt Grocers", "location": "Columbus, OH, US",
     "date_posted": "2026-02-27", "job_type": "fulltime", "is_remote": "False",
     "description": "Cobalt Grocers sets shelf prices for 140 stores.\n\nResponsibilities\n"
                    "- Test markdown schedules on perishables.\n- Report margin by aisle to store managers."},
]


def jobspy_csv(rows: list[dict] = ROWS) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=JOBSPY_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in JOBSPY_COLUMNS})
    return out.getvalue().encode("utf-8")
