"""The five sample pages saved as a web page (with a site's header, navigation, cookie banner,
related links and footer), as a Word document and as a PDF, all made by libraries from the
`.txt` originals, give the rows the originals give: the same titles, duties, pay, skills and
sections, only at other offsets (and ids, which hash the file's path)."""
from __future__ import annotations

from pathlib import Path

import pytest

from roledata.extract.document import check_documents, process_document
from tests.formats_render import comparable, to_docx, to_html, to_pdf

RAW = Path(__file__).resolve().parents[3] / "raw"
SAMPLES = sorted(RAW.glob("*.txt"))
RENDER = {"html": lambda text: to_html(text, "Role page"), "docx": to_docx, "pdf": to_pdf}


@pytest.fixture(scope="module")
def originals():
    results = {p.name: process_document(p.name, p.read_bytes()) for p in SAMPLES}
    check_documents(list(results.values()))
    return results


@pytest.mark.parametrize("form", sorted(RENDER))
@pytest.mark.parametrize("sample", [p.name for p in SAMPLES])
def test_a_sample_in_another_format_gives_the_same_rows(originals, sample, form):
    original = originals[sample]
    data = RENDER[form]((RAW / sample).read_text(encoding="utf-8"))
    result = process_document(sample.replace(".txt", f".{form}"), data)
    check_documents([result])
    assert result.reject_reason is None and result.document["text_origin"] == form
    assert sorted(result.tables) == sorted(original.tables)
    for table, rows in original.tables.items():
        assert comparable(result.tables[table]) == comparable(rows), table
    # Every row of the rendered file points into the text read from it.
    for table, rows in result.tables.items():
        for row in rows:
            if "char_start" in row:
                assert result.text[row["char_start"]:row["char_end"]] == row["text"], table
    assert result.row_rejects == original.row_rejects


def test_the_saved_page_loses_its_cruft_and_keeps_its_article():
    text = (RAW / SAMPLES[0].name).read_text(encoding="utf-8")
    read = process_document("page.html", to_html(text, "VP of AI")).text
    for cruft in ("Browse roles", "Salary tools", "We use cookies", "You may also like", "Data Steward",
                  "Copyright 2026", "Terms of use", "analytics"):
        assert cruft not in read
    assert read.splitlines()[:3] == ["Artificial Intelligence", "VP of AI", "Last updated"]
    assert "- Define and own the company-wide AI strategy, aligning roadmap priorities with business objectives " \
           "and board-level goals" in read.splitlines()
