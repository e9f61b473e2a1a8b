"""A run over a folder that mixes every format people keep: text and Markdown pages, a saved web
page, a Word document, a PDF, a JobSpy-shaped CSV written here, the real LinkedIn export when
../shared/realworld is there, and a bad file of each kind. Every good file is parsed, each bad
one is one reject with its reason, every row of every table and format points into
`document_texts` (checked in SQL), and an export is planned row by row."""
from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from roledata.contract.tables import TABLES
from roledata.run import plan as plan_module
from roledata.run.pipeline import run_pipeline
from roledata.settings import Settings
from tests.conftest import RAW, ROOT
from tests.exports_fixture import ROWS, jobspy_csv
from tests.formats_render import to_docx, to_html, to_pdf

REALWORLD_EXPORT = Path(os.environ.get("ROLEDATA_REALWORLD", ROOT.parent / "shared" / "realworld")) / "postings.csv"
PAGES = Path(__file__).resolve().parents[1] / "pages"
SAMPLES = sorted(p.name for p in RAW.glob("*.txt"))


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    return out.getvalue()


def _parquet_without_description() -> bytes:
    out = io.BytesIO()
    pq.write_table(pa.table({"job_title": ["Dock Planner"], "salary": [52000]}), out)
    return out.getvalue()


BAD = {
    "bad/cut-short.pdf": (lambda: to_pdf((RAW / SAMPLES[0]).read_text(encoding="utf-8"))[:700], "broken PDF:"),
    "bad/bomb.docx": (_bomb, "zip bomb: the .docx expands to 125,829,120 bytes (limit 104,857,600); not expanded"),
    "bad/scripts.html": (lambda: ("<html><head><script>" + "x = 1;\n" * 200_000 + "</script></head><body></body></html>"
                                  ).encode("utf-8"), "HTML page without readable text:"),
    "bad/open-quote.csv": (lambda: b'title,description\r\nDock Planner,"Plans dock doors\r\n',
                           "cannot read export: broken CSV: a quoted cell opened after line 2 never closes (a quote missing)"),
    "bad/latin1.csv": (lambda: "title,description\r\nPlanificateur,Gère les quais.\r\n".encode("cp1252"),
                       "cannot read export: export not in UTF-8: byte 0xe8 on line 2 cannot be decoded; save it as UTF-8"),
    "bad/no-description.parquet": (_parquet_without_description,
                                   "cannot read export: export without a description column: its columns are "
                                   "'job_title', 'salary'; name yours with --columns description=COLUMN,title=COLUMN"),
}


def make_folder(raw: Path) -> None:
    raw.mkdir()
    shutil.copy(RAW / SAMPLES[0], raw / SAMPLES[0])
    shutil.copy(PAGES / "generic_markdown.md", raw / "generic_markdown.md")
    renders = {".html": lambda t: to_html(t, "Role"), ".docx": to_docx, ".pdf": to_pdf}
    for sample, (ext, render) in zip(SAMPLES[1:], renders.items()):
        (raw / sample.replace(".txt", ext)).write_bytes(render((RAW / sample).read_text(encoding="utf-8")))
    (raw / "exports").mkdir()
    (raw / "exports" / "jobspy.csv").write_bytes(jobspy_csv())
    (raw / "bad").mkdir()
    for name, (make, _) in BAD.items():
        (raw / name).write_bytes(make())


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("formats")
    make_folder(root / "raw")
    report = run_pipeline(Settings(root / "raw", root / "wh", batch_size=50, workers=1))
    return root, report


def fetch(root: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(root / "wh" / "roledata.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_format_is_parsed(mixed):
    root, report = mixed
    assert report.status == "succeeded"
    assert fetch(root, "SELECT source_path, text_origin, status FROM documents WHERE source_path NOT LIKE 'bad/%' "
                       "ORDER BY source_path") == [
        (SAMPLES[0], "text", "parsed"), (SAMPLES[1].replace(".txt", ".html"), "html", "parsed"),
        (SAMPLES[2].replace(".txt", ".docx"), "docx", "parsed"), (SAMPLES[3].replace(".txt", ".pdf"), "pdf", "parsed"),
        ("exports/jobspy.csv#id=gl-88410", "export", "parsed"), ("exports/jobspy.csv#id=in-7f31c2", "export", "parsed"),
        ("exports/jobspy.csv#id=li-5520918", "export", "parsed"), ("generic_markdown.md", "markdown", "parsed")]
    assert fetch(root, "SELECT count(*) FROM document_texts") == [(8,)]
    # The bad files a reader refused are documents too (their bytes were read), rejected; the bad exports
    # were refused whole by the plan: a reject each, no document.
    assert fetch(root, "SELECT source_path, text_origin, status FROM documents WHERE source_path LIKE 'bad/%' "
                       "ORDER BY source_path") == [
        ("bad/bomb.docx", "docx", "rejected"), ("bad/cut-short.pdf", "pdf", "rejected"),
        ("bad/scripts.html", "html", "rejected")]


def test_each_bad_file_is_one_reject_with_its_reason_and_the_rest_is_published(mixed):
    root, report = mixed
    rejects = {r["source_path"]: r["reason"] for r in report.rejects if r["table_name"] is None}
    assert sorted(rejects) == sorted(BAD)
    for name, (_, reason) in BAD.items():
        assert rejects[name].startswith(reason), (name, rejects[name])
    assert (report.documents_seen, report.documents_parsed, report.documents_rejected) == (14, 8, 6)


@pytest.mark.parametrize("table", [t.name for t in TABLES if t.has_provenance])
def test_every_row_of_every_format_points_into_document_texts_in_sql(mixed, table):
    root, _ = mixed
    rows = fetch(root, f"""
        SELECT d.text_origin, count(*), count(*) FILTER (WHERE substr(x.text, r.char_start + 1, r.char_end - r.char_start) = r.text)
        FROM {table} r JOIN document_texts x USING (document_id) JOIN documents d USING (document_id)
        GROUP BY d.text_origin ORDER BY d.text_origin""")
    assert all(total == matching for _, total, matching in rows), rows
    assert fetch(root, f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT document_id FROM document_texts)") == [(0,)]
    if table in ("roles", "sections"):  # rows every format gives
        assert [origin for origin, _, _ in rows] == ["docx", "export", "html", "markdown", "pdf", "text"]


def test_field_and_text_pay_are_both_there_with_their_origins(mixed):
    root, _ = mixed
    assert fetch(root, """
        SELECT d.source_path, s.origin, s.amount_min, s.amount_max, s.period FROM salaries s JOIN documents d USING (document_id)
        WHERE d.text_origin = 'export' ORDER BY 1, 2""") == [
        ("exports/jobspy.csv#id=in-7f31c2", "field", 104000, 126000, "year"),
        ("exports/jobspy.csv#id=in-7f31c2", "text", 104000, 126000, "year"),
        ("exports/jobspy.csv#id=li-5520918", "field", 31, 38, "hour"),
        ("exports/jobspy.csv#id=li-5520918", "text", 29, 36, "hour")]
    assert fetch(root, """
        SELECT r.title, r.origin, r.title_source, json_extract_string(d.fields, '$.company.value')
        FROM roles r JOIN documents d USING (document_id) WHERE d.text_origin = 'export' ORDER BY 1""") == [
        ("Clinical Data Annotator", "field", "field", "Northbay Health"),
        ("Retail Pricing Analyst", "field", "field", "Cobalt Grocers"),
        ("Route Optimization Engineer", "field", "field", "Harbor Freightways")]


def test_an_export_is_planned_row_by_row(tmp_path, monkeypatch):
    """An edited row is the only one parsed again; an export whose size and mtime are unchanged is
    not opened when another file changes; nothing changed answers at once."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / SAMPLES[0], raw / SAMPLES[0])
    export = raw / "jobs.csv"
    export.write_bytes(jobspy_csv())
    settings = Settings(raw, tmp_path / "wh", batch_size=50, workers=1)
    first = run_pipeline(settings)
    assert (first.documents_seen, first.documents_parsed) == (4, 4)
    edited = [dict(r) for r in ROWS]
    edited[2]["description"] += "\n- Explain price changes to the regional buyers."
    export.write_bytes(jobspy_csv(edited))
    second = run_pipeline(settings)
    assert (second.documents_parsed, second.documents_unchanged) == (1, 3)
    duties = fetch(tmp_path, "SELECT text FROM duties d JOIN documents USING (document_id) WHERE source_path LIKE '%gl-88410'")
    assert duties[-1] == ("Explain price changes to the regional buyers.",)
    opened = []
    real = plan_module.read_export
    monkeypatch.setattr(plan_module, "read_export", lambda *a: opened.append(a[1]) or real(*a))
    page = raw / SAMPLES[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    third = run_pipeline(settings)
    assert (third.documents_parsed, third.documents_unchanged, opened) == (1, 3, [])
    fourth = run_pipeline(settings)
    assert fourth.documents_parsed == 0 and "nothing changed" in (fourth.message or "")
    assert not (settings.state_dir / plan_module.SPOOL).exists()


def test_columns_given_by_the_user_map_an_unknown_export(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "yard.csv").write_bytes(b"posting_ref,job_name,details\r\n"
                                   b'A-1,Freight Yard Scheduler,"Schedules yard moves for inbound trailers at $58,000 a year."\r\n')
    refused = run_pipeline(Settings(raw, tmp_path / "wh1", workers=1, allow_shrink=True))
    assert [r["reason"][:60] for r in refused.rejects] == ["cannot read export: export without a description column: its"]
    mapped = run_pipeline(Settings(raw, tmp_path / "wh2", workers=1,
                                   columns="title=job_name,description=details,id=posting_ref"))
    assert (mapped.documents_parsed, mapped.documents_rejected) == (1, 0)
    with duckdb.connect(str(tmp_path / "wh2" / "roledata.duckdb"), read_only=True) as con:
        assert con.execute("SELECT source_path, title FROM documents JOIN roles USING (document_id)").fetchall() == [
            ("yard.csv#posting_ref=A-1", "Freight Yard Scheduler")]


@pytest.mark.skipif(not REALWORLD_EXPORT.exists(), reason=f"{REALWORLD_EXPORT} is not on this machine")
def test_the_real_linkedin_export_is_read_row_by_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REALWORLD_EXPORT, raw / "postings.csv")
    report = run_pipeline(Settings(raw, tmp_path / "wh", workers=1))
    assert (report.documents_seen, report.documents_parsed, report.documents_rejected) == (532, 532, 0)
    with duckdb.connect(str(tmp_path / "wh" / "roledata.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT text_origin) FROM documents").fetchall() == [(532, 1)]
        assert con.execute("SELECT count(*) FROM documents WHERE source_path NOT LIKE 'postings.csv#job_id=%'").fetchall() == [(0,)]
        # Every row with pay cells gives a field salary, unless the row checks refuse its figures.
        field = con.execute("SELECT count(DISTINCT document_id) FROM salaries WHERE origin = 'field'").fetchall()[0][0]
        assert field > 250
        for table in ("roles", "salaries", "duties", "sections"):
            assert con.execute(f"""SELECT count(*) FROM {table} r JOIN document_texts x USING (document_id)
                WHERE substr(x.text, r.char_start + 1, r.char_end - r.char_start) <> r.text""").fetchall() == [(0,)]
