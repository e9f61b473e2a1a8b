"""Each reader on files written here in our own words: what it keeps, what it drops, the fields it
reads, and the one clear reject each kind of bad file gets (no other cost)."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from roledata.extract.document import process_document
from roledata.formats import html as html_reader
from tests.formats_render import to_pdf

POSTING_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Demand Forecaster | Lakeside Power Careers</title>
<meta property="og:title" content="Demand Forecaster at Lakeside Power">
<script>var tracker = {send: function () { return true; }};</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},
 {"@type": "JobPosting", "title": "Demand Forecaster", "hiringOrganization": {"@type": "Organization", "name": "Lakeside Power"},
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Duluth", "addressRegion": "MN",
  "addressCountry": "US"}}, "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": "QuantitativeValue",
  "minValue": 81000, "maxValue": 97000, "unitText": "YEAR"}}, "employmentType": "FULL_TIME", "datePosted": "2026-02-11"}]}</script>
</head><body>
<header><a href="/">Lakeside Power</a><nav><ul><li><a href="/careers">Careers</a></li><li><a href="/outages">Report an outage</a></li></ul></nav></header>
<div class="cookie-notice" id="gdpr-banner"><p>This site stores cookies on your device to measure traffic.</p><button>OK</button></div>
<main><article>
<h1>Demand Forecaster</h1>
<p>Lakeside Power is looking for a Demand Forecaster to predict how much power the region draws each hour.</p>
<h2>Responsibilities</h2>
<ul><li>Run the daily load forecast and publish it before 7 a.m.</li><li>Review forecast misses with the control room.</li></ul>
<h2>Compensation</h2>
<table><tr><th>Band</th><th>Annual pay</th></tr><tr><td>Forecaster II</td><td>$81,000 - $97,000</td></tr></table>
</article></main>
<footer><p>Lakeside Power is an equal opportunity employer. Copyright 2026.</p></footer>
</body></html>"""


def test_a_saved_posting_page_keeps_its_article_as_lines_bullets_and_rows():
    result = process_document("jobs/forecaster.html", POSTING_PAGE.encode("utf-8"))
    assert result.text == (
        "Demand Forecaster\n"
        "Lakeside Power is looking for a Demand Forecaster to predict how much power the region draws each hour.\n"
        "Responsibilities\n"
        "- Run the daily load forecast and publish it before 7 a.m.\n"
        "- Review forecast misses with the control room.\n"
        "Compensation\n"
        "| Band | Annual pay |\n"
        "| Forecaster II | $81,000 - $97,000 |\n")
    assert result.document["text_origin"] == "html" and result.reject_reason is None
    assert result.tables["role_documents"][0]["title"] == "Demand Forecaster"
    assert [(s["amount_min"], s["amount_max"], s["period"]) for s in result.tables["salaries"]] == [(81000, 97000, "year")]


def test_a_saved_posting_page_gives_its_title_og_title_and_job_posting_as_fields():
    fields = json.loads(process_document("jobs/forecaster.html", POSTING_PAGE.encode("utf-8")).document["fields"])
    assert fields == {
        "title": "Demand Forecaster | Lakeside Power Careers",
        "og_title": "Demand Forecaster at Lakeside Power",
        "job_posting": {"title": "Demand Forecaster", "hiring_organization": "Lakeside Power",
                        "job_location": "Duluth, MN, US",
                        "base_salary": {"currency": "USD", "min": 81000, "max": 97000, "unit": "YEAR"},
                        "employment_type": "FULL_TIME", "date_posted": "2026-02-11"}}


def test_an_html_fragment_in_a_text_file_is_read_block_by_block():
    fragment = ("Lab Data Curator\nWhat a Lab Data Curator does, and what the job pays.\n"
                "<h2 id=\"duties\">Duties</h2>\n<p>A Lab Data Curator keeps experiment records <b>clean</b>.</p>\n"
                "<ul><li>Check each upload against the lab's naming rules.</li><li>Archive finished studies.</li></ul>\n"
                "<h2>Pay</h2><p>Lab Data Curators earn $52,000 to $64,000 a year.</p>\n<nav><a href=\"/\">Home</a> <a href=\"/jobs\">Jobs</a></nav>")
    result = process_document("curator.txt", fragment.encode("utf-8"))
    assert result.document["text_origin"] == "html"
    assert result.text.splitlines() == [
        "Lab Data Curator", "What a Lab Data Curator does, and what the job pays.", "Duties",
        "A Lab Data Curator keeps experiment records clean.", "- Check each upload against the lab's naming rules.",
        "- Archive finished studies.", "Pay", "Lab Data Curators earn $52,000 to $64,000 a year."]
    assert [(s["amount_min"], s["amount_max"]) for s in result.tables["salaries"]] == [(52000, 64000)]


def test_a_page_of_script_is_a_reject_that_costs_no_parse():
    script = "<script>" + "var a = 1;\n" * 600_000 + "</script>"  # 6.6 MB
    page = f"<html><head>{script}</head><body></body></html>"
    result = process_document("heavy.html", page.encode("utf-8"))
    # The script is cut out (a space left in its place) before any parse: nothing is left to read.
    assert result.reject_reason == (f"HTML page without readable text: {len(page):,} characters, "
                                    f"{len(script) - 1:,} of them scripts, styles and comments")
    assert result.tables == {}


def test_markup_beyond_the_limit_is_a_reject(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_MARKUP", 1_000)
    page = "<html><body>" + "<p>Too much markup for one page.</p>" * 100 + "</body></html>"
    result = process_document("long.html", page.encode("utf-8"))
    assert result.reject_reason == (f"HTML page too large to read: {len(page):,} characters of markup outside "
                                    "scripts and styles (limit 1,000)")


WORD_PAGE = ("Fleet Telemetry Analyst\n"
             "A Fleet Telemetry Analyst studies sensor data from delivery vans to cut fuel use.\n"
             "Responsibilities\n- Build weekly fuel reports from van sensor feeds.\n- Flag vans whose idle time keeps rising.\n"
             "Salary\nFleet Telemetry Analysts earn $61,000 to $74,000 per year.\n")


def test_a_word_document_gives_headings_bullets_and_table_rows():
    import docx

    document = docx.Document()
    document.add_heading("Fleet Telemetry Analyst", level=1)
    document.add_paragraph("A Fleet Telemetry Analyst studies sensor data from delivery vans to cut fuel use.")
    document.add_heading("Responsibilities", level=2)
    document.add_paragraph("Build weekly fuel reports from van sensor feeds.", style="List Bullet")
    document.add_paragraph("Flag vans whose idle time keeps rising.", style="List Number")
    document.add_heading("Salary", level=2)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["Level", "Range", "Analyst", "$61,000 - $74,000"]):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    result = process_document("analyst.docx", out.getvalue())
    assert result.text == ("Fleet Telemetry Analyst\n"
                           "A Fleet Telemetry Analyst studies sensor data from delivery vans to cut fuel use.\n"
                           "Responsibilities\n- Build weekly fuel reports from van sensor feeds.\n"
                           "- Flag vans whose idle time keeps rising.\nSalary\n| Level | Range |\n"
                           "| Analyst | $61,000 - $74,000 |\n")
    assert result.tables["role_documents"][0]["title"] == "Fleet Telemetry Analyst"
    assert [d["text"] for d in result.tables["duties"]] == [
        "Build weekly fuel reports from van sensor feeds.", "Flag vans whose idle time keeps rising."]


def test_a_pdf_gives_its_paragraphs_as_lines_even_when_they_wrap():
    result = process_document("analyst.pdf", to_pdf(WORD_PAGE))
    assert result.document["text_origin"] == "pdf" and result.reject_reason is None
    assert result.text == ("Fleet Telemetry Analyst\n"
                           "A Fleet Telemetry Analyst studies sensor data from delivery vans to cut fuel use.\n"
                           "Responsibilities\n- Build weekly fuel reports from van sensor feeds.\n"
                           "- Flag vans whose idle time keeps rising.\nSalary\n"
                           "Fleet Telemetry Analysts earn $61,000 to $74,000 per year.\n")
    assert [(s["amount_min"], s["amount_max"]) for s in result.tables["salaries"]] == [(61000, 74000)]


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 400, 600, fill=1)  # a page of drawing, no text: what a scan without OCR holds
    page.showPage()
    page.save()
    return out.getvalue()


def _locked_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(to_pdf(WORD_PAGE))))
    writer.encrypt(user_password="open sesame", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))  # 120 MB of zeros, ~120 KB zipped
    return out.getvalue()


@pytest.mark.parametrize(("name", "make", "reason"), [
    pytest.param("broken.pdf", lambda: to_pdf(WORD_PAGE)[:600], "broken PDF:", id="pdf cut short"),
    pytest.param("renamed.pdf", lambda: b"Fleet Telemetry Analyst\n", "not a PDF: the file does not start with %PDF-",
                 id="not a pdf"),
    pytest.param("locked.pdf", _locked_pdf, "password-protected PDF: its text cannot be read", id="password"),
    pytest.param("scan.pdf", _scanned_pdf,
                 "PDF without a text layer (1 page of images, a scan?): roledata reads text layers and does not run OCR",
                 id="scan"),
    pytest.param("old.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
                 "not a .docx file: an OLE compound file (a password-protected Word document, or an old .doc): "
                 "save it as an unprotected .docx", id="docx locked"),
    pytest.param("text.docx", lambda: b"Fleet Telemetry Analyst\n", "not a .docx file: not a zip archive", id="docx not zip"),
    pytest.param("bomb.docx", _bomb, "zip bomb: the .docx expands to 125,829,128 bytes (limit 104,857,600); not expanded",
                 id="zip bomb"),
])
def test_a_bad_file_is_one_reject_with_its_reason(name, make, reason):
    result = process_document(name, make())
    assert result.reject_reason is not None and result.reject_reason.startswith(reason), result.reject_reason
    assert result.document["status"] == "rejected" and result.tables == {}
    assert result.document["text_origin"] == name.rsplit(".", 1)[1]
