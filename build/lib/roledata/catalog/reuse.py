"""Role pages reused from the previous snapshot instead of rendered again.

Each role page ends with a marker of its inputs: a digest of the catalog's
code and of everything the page shows except the snapshot id. When the
previous snapshot's page for a role ends with the same marker, it is the page
this build would draw, up to the snapshot id: a run that changed 1% of the
pages renders about 1% of the role pages.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from roledata.files import digest_files

PACKAGE = Path(__file__).resolve().parent  # the catalog package: its modules and templates draw the pages


def code_files(package: Path = PACKAGE) -> list[Path]:
    """Every module (any depth) and every template of the catalog `package`, sorted."""
    templates = [p for p in (package / "templates").rglob("*") if p.is_file()]
    return sorted([*package.rglob("*.py"), *templates])


@functools.lru_cache(maxsize=1)
def catalog_code() -> str:
    """A digest of the code that draws a role page, the whole catalog package (a module added to it
    counts without an edit here): change any of it and no page is reused."""
    return digest_files(PACKAGE, code_files())


def role_inputs(role: dict, found: dict[str, list[dict]], counts: dict[str, int], pages: dict[str, str]) -> str:
    """A digest of everything a role's page shows, except the snapshot id: the catalog's code, the role,
    its rows and totals per section, and the pages its related roles link to."""
    related = {r["related_role_id"]: pages.get(r["related_role_id"]) for r in found.get("related_roles", [])}
    text = json.dumps([catalog_code(), role, found, counts, related], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inputs_marker(inputs: str) -> str:
    """The comment that ends a role page drawn from `inputs` (a `role_inputs` digest)."""
    return f"\n<!-- roledata role page inputs {inputs} -->\n"


def reused_page(previous: Path, name: str, inputs: str, sid: str) -> str | None:
    """The previous snapshot's page for this role when it was drawn from the same inputs, with the
    snapshot id (title and breadcrumbs: the only place a role page names it) updated."""
    try:
        page = (previous / "roles" / name).read_text(encoding="utf-8")
    except OSError:
        return None
    if not page.endswith(inputs_marker(inputs)):
        return None
    return page.replace(previous.name, sid, 2)  # the title and the breadcrumbs, at the top
