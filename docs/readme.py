"""The README's generated parts: the code layout and the command synopsis, from the code itself.

    python docs/readme.py          rewrite the generated blocks of README.md in place (`make docs`)
    python docs/readme.py --check  exit 1 and name the blocks that differ (tests/unit/test_readme.py)

A generated block sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`;
everything else in the README is written by hand (its example outputs are run and
compared by tests/integration/test_readme_examples.py).
"""
from __future__ import annotations

import ast
import re
import sys
from enum import Enum
from pathlib import Path

import typer

from roledata.cli import app

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "roledata"
README = ROOT / "README.md"
# The package's rooms in the order a page travels through them.
ORDER = ("contract", "formats", "parse", "extract", "occupations", "run", "publish", "catalog", "quality", "cli",
         "reference", "data")
_BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- end: (?P=name) -->)", re.S)


def _summary(path: Path) -> str:
    """The first sentence of a module's docstring (a package's: of its __init__.py)."""
    source = path / "__init__.py" if path.is_dir() else path
    if not source.exists():
        return ""
    doc = ast.get_docstring(ast.parse(source.read_text(encoding="utf-8"))) or ""
    paragraph = " ".join(doc.strip().split("\n\n")[0].split())
    return re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]


def layout() -> str:
    """Every module of the package with the first sentence of its docstring, package by package."""
    rows = [(f"`{m.name}`", _summary(m)) for m in sorted(PACKAGE.glob("*.py"))]
    for name in ORDER:
        folder = PACKAGE / name
        rows.append((f"**`{name}/`**", _summary(folder) or _data_summary(folder)))
        modules = sorted(m for m in folder.rglob("*.py") if m.name != "__init__.py" or m.parent != folder)
        for module in modules:
            shown = module.parent if module.name == "__init__.py" else module
            rows.append((f"`{name}/{shown.relative_to(folder).as_posix()}{'/' if shown.is_dir() else ''}`",
                         _summary(shown)))
    lines = ["| `src/roledata/` | what it holds |", "|---|---|"]
    lines += [f"| {where} | {what.replace('|', chr(92) + '|')} |" for where, what in rows]
    return "\n".join(lines) + "\n"


def _data_summary(folder: Path) -> str:
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".csv", ".json"))
    files += sorted(f"{p.name}/" for p in folder.iterdir() if p.is_dir() and not p.name.startswith("__"))
    return "data the package ships: " + ", ".join(f"`{f}`" for f in files)


def synopsis() -> str:
    """One usage line per command, from the command line's own declarations."""
    root = typer.main.get_command(app)
    lines = ["```text"]
    for path, command in _commands(root, ["roledata"]):
        lines.append(" ".join([*path, *(u for p in command.params if (u := _usage(command, p)))]))
    lines.append("roledata --version")
    return "\n".join(lines) + "\n```\n"


def _commands(command, path: list[str]):
    """(words, command) for every command under `command`; a group that runs alone counts as one."""
    if not hasattr(command, "list_commands"):
        yield path, command
        return
    if len(path) > 1 and command.invoke_without_command:
        yield path, command
    context = command.context_class(command)
    for name in command.list_commands(context):
        yield from _commands(command.get_command(context, name), [*path, name])


def _usage(command, param) -> str:
    """`[--flag METAVAR]` for an option, `[NAME]` for an optional argument; nothing for help and version."""
    if param.param_type_name == "argument":
        return f"[{param.metavar or param.name.upper()}]"
    if param.hidden or param.name in ("help", "show_version"):
        return ""
    flag = max(param.opts, key=len)
    if param.is_flag:
        text = flag
    elif choices := _choices(param):
        text = f"{flag} {'|'.join(choices)}"
    else:
        text = f"{flag} {param.metavar or param.name.upper()}"
    return text if param.required else f"[{text}]"


def _choices(param) -> list[str]:
    """The values of an option typed by an Enum (`--format table|csv|json`)."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return [e.value for e in annotation] if isinstance(annotation, type) and issubclass(annotation, Enum) else []


GENERATORS = {"layout": layout, "synopsis": synopsis}


def regenerate(text: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + GENERATORS[m.group("name")]() + m.group(4), text)


def stale_blocks(text: str) -> list[str]:
    """The names of the generated blocks whose text is not what the code gives now."""
    return [m.group("name") for m in _BLOCK.finditer(text) if m.group("body") != GENERATORS[m.group("name")]()]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if "--check" in argv:
        stale = stale_blocks(text)
        for name in stale:
            print(f"README.md: the generated block '{name}' is stale: run `make docs`")
        return 1 if stale else 0
    README.write_text(regenerate(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
