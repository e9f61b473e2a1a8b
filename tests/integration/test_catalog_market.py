"""The catalog read by a compensation analyst: a role page lists every document behind the role with
its title as written and its pay; pay is grouped by kind and statistic; the snapshot's pay chart shows
base and total pay apart across documents; rejects are named near the top of the snapshot page."""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from roledata.catalog import build
from roledata.run.pipeline import run_pipeline
from roledata.settings import Settings
from tests.conftest import PAGES, RAW

MARKET = PAGES / "market"


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """The samples, the twenty postings, a saved page about no role and a copy of one posting: one run."""
    root = tmp_path_factory.mktemp("catalog-market")
    raw = root / "raw"
    shutil.copytree(RAW, raw)
    for page in MARKET.iterdir():
        shutil.copy(page, raw / page.name)
    shutil.copy(MARKET / "m01_quarry-lane-logistics.txt", raw / "z_same-posting-again.txt")
    (raw / "z_saved-as-html.html").write_text(
        "<!doctype html><html><head><title>Widget Lead</title></head><body><p>A saved page</p></body></html>\n",
        encoding="utf-8")
    report = run_pipeline(Settings(raw, root / "warehouse", workers=1))
    assert report.status == "succeeded"
    return root / "warehouse" / "snapshots" / report.snapshot_id


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_rejects_are_named_before_the_contents(snapshot):
    page = (snapshot / "index.html").read_text(encoding="utf-8")
    summary = page[page.index('<p class="rejects-summary">'):page.index('<nav class="toc"')]
    assert _text(summary).strip() == (
        "Rejects: 2 left out (1 whole document: duplicate: same bytes as m01_quarry-lane-logistics.txt; 1 whole "
        "document: not about a role: no role title, duties, skills or pay found); every reason.")
    table = page[page.index('<table class="rejects">'):page.index('<h2 id="download">')]
    assert "z_same-posting-again.txt" in table and "z_saved-as-html.html" in table


def test_the_pay_chart_shows_base_and_total_apart_across_documents(snapshot):
    page = (snapshot / "index.html").read_text(encoding="utf-8")
    chart = page[page.index('id="pay-chart"'):page.index('<h2 id="skills">')]
    titles = [_text(t) for t in re.findall(r'<rect class="range[^"]*"[^>]*><title>(.*?)</title>', chart)]
    assert ("Machine Learning Engineer · base pay: figures $105K–$210K across 17 documents; median midpoint $141K, "
            "middle half $126K–$158K") in titles
    assert ("Machine Learning Engineer · total pay: figures $195K–$250K across 1 document; median midpoint $222K"
            in titles)
    assert chart.count('class="median"') == len(titles) and "median $141K · 17 documents" in chart


def test_a_role_page_lists_every_document_with_its_title_and_pay(snapshot):
    page = (snapshot / "roles" / "machine-learning-engineer.html").read_text(encoding="utf-8")
    facts = _text(page[page.index('<dl class="facts">'):page.index("</dl>")])
    assert "documents20 documents describe or list the role" in facts
    assert "base paymedian $141,440 a year across 17 documents (their midpoints; figures $105K–$210K)" in facts
    table = page[page.index('<table class="documents">'):page.index('<h2 id="pay">')]
    rows = [_text(r) for r in re.findall(r"<tr><td>.*?</tr>", table, re.S)]
    assert len(rows) == 20
    by_page = {name: next(r for r in rows if name in r) for name in (
        "m02_fernhill-health.txt", "m08_saltmarsh-energy.txt", "m12_pinecrest-bank.txt", "m14_redwood-civic-labs.txt")}
    # $62-$74 an hour: $128,960-$153,920 a year, midpoint $141,440.
    assert "$141,440" in by_page["m02_fernhill-health.txt"] and "$129K–$154K" in by_page["m02_fernhill-health.txt"]
    assert "GBP" in by_page["m08_saltmarsh-energy.txt"] and "$" not in by_page["m08_saltmarsh-energy.txt"]
    assert "$190,000" in by_page["m12_pinecrest-bank.txt"] and "$222,500" in by_page["m12_pinecrest-bank.txt"]
    assert by_page["m14_redwood-civic-labs.txt"].startswith("Machine-Learning Engineer")
    assert 'id="role-market-chart"' in page


def test_a_role_page_orders_pay_by_kind_then_statistic(snapshot):
    page = (snapshot / "roles" / "head-of-ai-engineering.html").read_text(encoding="utf-8")
    part = page[page.index("<h3>Every figure</h3>"):page.index('<h2 id="skills">')]
    order = []
    for group, what in re.findall(r"<h4>(.*?)</h4>|<td>([a-z0-9 ]+), [a-z ]+</td>", part):
        order.append(html.unescape(group) if group else what)
    assert order == ["Base pay", "minimum", "maximum",
                     "Pay (base or total not stated)", "10th percentile", "median", "90th percentile",
                     "average", "average", "average", "range", "range", "range",
                     "Total cash", "range"]


def test_the_role_list_shows_documents_and_the_median_of_their_base_pay(snapshot):
    page = (snapshot / "roles" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr>.*?</tr>", page, re.S) if "machine-learning-engineer.html" in r)
    cells = [" ".join(_text(c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells == ["Machine Learning Engineer", "", "", "20", "$141K (17 documents; figures $105K–$210K)", "36",
                     "m01_quarry-lane-logistics.txt"]


def test_a_snapshot_published_before_role_documents_still_gets_its_pages(snapshot, tmp_path):
    """A contract v1 snapshot (no role_documents.parquet, roles without document_count) is drawn by this
    catalog too: each role with the one document its row was read from."""
    old = tmp_path / snapshot.name
    shutil.copytree(snapshot, old, ignore=shutil.ignore_patterns("roles", "index.html"))
    (old / "role_documents.parquet").unlink()
    roles = pq.read_table(old / "roles.parquet")
    pq.write_table(roles.drop(["document_count"]), old / "roles.parquet")
    build.build_snapshot_pages(old, json.loads((old / "manifest.json").read_text(encoding="utf-8")))
    page = (old / "roles" / "machine-learning-engineer.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="documents">'):page.index('<h2 id="pay">')]
    assert len(re.findall(r"<tr><td>", table)) == 1 and "m01_quarry-lane-logistics.txt" in table
    index = (old / "index.html").read_text(encoding="utf-8")
    dictionary = index[index.index('<h3 id="table-role_documents">'):index.index('<h3 id="table-duties">')]
    assert "Not in this snapshot: it was published before the table was added." in dictionary
