"""Bad input never stops a run: every kind of bad file beside the samples is rejected with its reason
or read as well as it can be, and the samples' rows are those of a run on the samples alone; a file
where the snapshots folder belongs is one error line."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb

from roledata.contract.tables import TABLES_BY_NAME
from tests.conftest import RAW, SAMPLES
from tests.integration.helpers import clean_full_tables, current_tables, kill_group, run, start

MOJIBAKE_PAGE = "Data Platform Lead\nThe Data Platform Lead\u00e2\u20ac\u2122s job is to run the platform team.\n"


def make_bad_corpus(raw: Path) -> dict[str, str]:
    """Every kind of bad input beside the five samples; returns file -> the reason the run must give."""
    shutil.copytree(RAW, raw)
    page = (RAW / SAMPLES["ai_tech_lead"]).read_text(encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    # HTML is read now (formats/html.py): a page that is all script is what stays a reject.
    (raw / "page.html").write_text("<!DOCTYPE html>\n<html><head><title>AI Lead</title><script>" + "track();\n" * 50
                                   + "</script></head><body></body></html>\n", encoding="utf-8")
    with open(raw / "huge.txt", "wb") as fh:  # 50 MB, made here, never committed
        line = b"- Build and deploy machine learning models at scale\n"
        fh.write(b"Huge Role\n" + line * (50 * 1024 * 1024 // len(line)))
    (raw / "title only.txt").write_text("Quantum AI Strategist\n", encoding="utf-8")
    (raw / "copy of tech lead.txt").write_bytes((RAW / SAMPLES["ai_tech_lead"]).read_bytes())
    (raw / "Ingénieur IA — données.txt").write_text(page.replace("AI Tech Lead", "AI Data Lead"), encoding="utf-8")
    (raw / "cp1252 page.txt").write_bytes("Café Data Lead\nThe Café Data Lead earns $90,000 – $120,000.\n".encode("cp1252"))
    (raw / "latin1 page.txt").write_bytes("Responsable Données IA\nSalaire : 95 000 EUR ; ¿preguntas?\n".encode("latin-1"))
    (raw / "mojibake.txt").write_text(MOJIBAKE_PAGE, encoding="utf-8")
    (raw / os.fsdecode(b"r\xe9sum\xe9 lead.txt")).write_text("Resume Screening Lead\n", encoding="utf-8")
    (raw / "vanishing.txt").write_text("Vanishing Role\n", encoding="utf-8")
    os.symlink("loop-b.txt", raw / "loop-a.txt")
    os.symlink("loop-a.txt", raw / "loop-b.txt")
    (raw / "sub").mkdir()
    os.symlink("..", raw / "sub" / "up")  # a folder loop
    return {
        "empty.txt": "empty document: 0 bytes",
        "image.png": "binary file: NUL bytes in the first 8 KiB",
        "page.html": "HTML page without readable text: 545 characters, 466 of them scripts, styles and comments",
        "huge.txt": f"cannot read file: too large: {(raw / 'huge.txt').stat().st_size} bytes (limit 10485760)",
        "copy of tech lead.txt": f"duplicate: same bytes as {SAMPLES['ai_tech_lead']}",
        "vanishing.txt": "cannot read file: file disappeared before it was read",
        "loop-a.txt": "cannot read file: symbolic link loop",
        "loop-b.txt": "cannot read file: symbolic link loop",
        "sub/up": "cannot read file: symbolic link to a folder: not followed",
    }


def test_bad_input_is_rejected_or_read_and_never_stops_the_run(tmp_path):
    raw = tmp_path / "raw"
    expected = make_bad_corpus(raw)
    warehouse = tmp_path / "warehouse"
    proc = start(raw, warehouse, "--verbose", fault="after-discover:sleep=4")
    try:
        time.sleep(2)  # the run has listed the folder and waits: the file goes away now
        (raw / "vanishing.txt").unlink()
        out, err = proc.communicate(timeout=240)
    finally:
        kill_group(proc)
    assert proc.returncode == 0, err
    assert "documents: 20 seen, 11 parsed, 0 unchanged, 9 rejected" in out
    for name, reason in expected.items():
        assert f"    {name}: {reason}" in out.splitlines()
    assert "warning mojibake.txt: mojibake: UTF-8 text decoded twice ('â€™'); rows keep the text as written" in out

    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        rejects = dict(con.execute("SELECT source_path, reason FROM rejects").fetchall())
        assert rejects == expected
        docs = {r[0]: r[1:] for r in con.execute("SELECT source_path, status, encoding, warning FROM documents").fetchall()}
        roles = dict(con.execute("SELECT d.source_path, r.title FROM roles r JOIN documents d USING (document_id) "
                                 "WHERE r.is_primary").fetchall())
    assert docs["cp1252 page.txt"] == ("parsed", "cp1252", None)
    assert docs["latin1 page.txt"] == ("parsed", "cp1252", None)  # every latin-1 byte here is also cp1252
    assert docs["mojibake.txt"][:2] == ("parsed", "utf-8")
    assert roles["title only.txt"] == "Quantum AI Strategist"
    assert roles["Ingénieur IA — données.txt"] == "AI Data Lead"
    assert roles["r\\xe9sum\\xe9 lead.txt"] == "Resume Screening Lead"
    assert roles["cp1252 page.txt"] == "Café Data Lead"
    assert roles["latin1 page.txt"] == "Responsable Données IA"

    # The samples' rows are exactly those of a run on the samples alone (roles merge across
    # pages, and the page copied from a sample lists the same other roles, so roles are left out).
    samples_only = tmp_path / "samples-only"
    assert run(RAW, samples_only).returncode == 0
    alone, mixed = current_tables(samples_only), current_tables(warehouse)
    sample_ids = {r[0] for r in alone["documents"]}
    compared = 0
    for name, rows in alone.items():
        columns = TABLES_BY_NAME[name].column_names
        if name == "roles" or "document_id" not in columns:
            continue
        at = columns.index("document_id")
        assert [r for r in mixed[name] if r[at] in sample_ids] == rows, name
        compared += len(rows)
    assert compared > 700
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)


def test_a_file_where_the_snapshots_folder_belongs_is_one_line(tmp_path):
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    (warehouse / "snapshots").write_text("not a folder\n")
    done = run(RAW, warehouse)
    assert (done.returncode, done.stderr.strip()) == (
        1, f"error: not a folder: {warehouse / 'snapshots'} (the warehouse needs a folder there)")
