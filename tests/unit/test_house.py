"""The package's shape: a small root, modules of a readable size, no import cycle, and every
roledata import at the top of its module (save the Prefect flow, kept out of the CLI's start-up)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "roledata"
# The package's face: what every room uses (settings, text primitives, file and SQL helpers).
ROOT_MODULES = {"__init__", "files", "settings", "sql", "text"}
MAX_LINES = 460  # "about 450"
# Imported where used, to keep Prefect (seconds to import) out of the command line's start-up.
PREFECT_MODULES = {"roledata.run.flow"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imported(node: ast.Import | ast.ImportFrom, module: str, path: Path) -> list[str]:
    """The roledata modules an import statement loads (a name imported from a package may be a module)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "roledata"]
    base = node.module or ""
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
    if base.split(".")[0] != "roledata":
        return []
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _top_level_imports(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if _type_checking(node):
            continue
        for inner in ast.walk(node) if isinstance(node, (ast.If, ast.Try)) else [node]:
            if isinstance(inner, (ast.Import, ast.ImportFrom)):
                found.update(_imported(inner, module, path))
    return found & set(MODULES)


def test_the_root_holds_only_the_package_face():
    assert {p.stem for p in PACKAGE.glob("*.py")} == ROOT_MODULES


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_reads_in_one_sitting(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def test_no_import_cycle():
    graph = {m: _top_level_imports(m, p) - {m} for m, p in MODULES.items()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(module):] + [module]))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, trail + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_every_roledata_import_is_at_the_top_of_its_module_but_the_prefect_flow():
    local: list[str] = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    local += [f"{module}:{node.lineno} {target}" for target in _imported(node, module, path)
                              if target not in PREFECT_MODULES]
    assert local == []


def test_the_checks_here_see_what_they_check():
    """The walk finds the modules, their imports and the Prefect flow's function-local import."""
    assert {"roledata.cli.run", "roledata.run.pipeline", "roledata.extract.document"} <= set(MODULES)
    assert "roledata.run.pipeline" in _top_level_imports("roledata.cli.run", MODULES["roledata.cli.run"])
    flow_imports = [node for node in ast.walk(ast.parse(MODULES["roledata.cli.run"].read_text(encoding="utf-8")))
                    if isinstance(node, ast.ImportFrom) and node.module == "roledata.run.flow"]
    assert flow_imports and flow_imports[0].col_offset > 0
