"""The catalog's role pages: safe file names, and the code marker that decides whether the previous
snapshot's role pages can be reused."""
from __future__ import annotations

from pathlib import Path

from roledata.catalog import reuse
from roledata.catalog.pages import role_page_name


def test_role_page_names_are_safe_file_names():
    assert role_page_name("vp-of-ai") == "vp-of-ai.html"
    for odd in ["../x", ".hidden", "index", "a/b", "x" * 300, "Ünïcode"]:
        name = role_page_name(odd)
        assert name.startswith("role-") and name.endswith(".html") and "/" not in name


def test_the_code_marker_of_role_pages_covers_every_module_and_template_of_the_catalog():
    """A change in any of them must stop the previous snapshot's role pages from being reused."""
    package = Path(reuse.__file__).resolve().parent
    modules = {p.name for p in package.glob("*.py")}
    assert {"build.py", "charts.py", "labels.py", "pages.py", "queries.py", "reuse.py"} <= modules
    hashed = set(reuse.code_files())
    assert {*package.glob("*.py"), *(package / "templates").glob("*.html")} <= hashed
