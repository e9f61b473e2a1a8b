"""The README's code layout and command synopsis are generated from the code (`make docs`): a module,
a command or a flag the README misses fails here."""
from __future__ import annotations

from docs import readme


def test_the_generated_blocks_are_what_the_code_gives_now():
    text = readme.README.read_text(encoding="utf-8")
    assert {"layout", "synopsis"} <= {m.group("name") for m in readme._BLOCK.finditer(text)}
    assert readme.stale_blocks(text) == [], "run `make docs` and commit README.md"


def test_the_layout_names_every_module_and_the_synopsis_every_command():
    layout, synopsis = readme.layout(), readme.synopsis()
    modules = [p for p in readme.PACKAGE.rglob("*.py") if "__pycache__" not in p.parts]
    for module in modules:
        where = module.parent if module.name == "__init__.py" else module
        assert where.relative_to(readme.PACKAGE).as_posix() in layout, where
    for command in ("roledata run [--raw DIR]", "roledata query [SQL]", "roledata snapshots prune --keep N",
                    "roledata catalog serve", "roledata eval --raw DIR --gold FILE", "roledata runs", "roledata tables"):
        assert command in synopsis
    assert "[--executor local|dask]" in synopsis and "[--format table|csv|json]" in synopsis


def test_a_stale_block_is_named():
    text = readme.README.read_text(encoding="utf-8").replace("| `settings.py` |", "| `setting.py` |")
    assert readme.stale_blocks(text) == ["layout"]
