"""Every `console` block of the README is a real session, run here as written: its commands
(`$ ...` lines) in one shell, in a folder holding raw/, tests/ and .venv/ of this project, and
their output compared line by line. A `…` in an expected line stands for what differs between
runs (a run id, an absolute path); `$ cat FILE` shows a file the README asks the reader to
write, so it is written from the lines shown. Blocks that only illustrate (a server, a
schedule, output of an earlier day) are `text` blocks and are not run."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)
# The machine's own folders, as a session shows them: what a `…` may stand for.
_WILD = "…"


def sessions(readme: str) -> list[list[tuple[str, list[str]]]]:
    """The console blocks: each a list of (command, expected output lines)."""
    blocks = []
    for body in _BLOCK.findall(readme):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        if steps:
            blocks.append(steps)
    return blocks


def matches(expected: str, actual: str) -> bool:
    if _WILD not in expected:
        return expected == actual
    return re.fullmatch(".*".join(map(re.escape, expected.split(_WILD))), actual) is not None


def run_session(steps: list[tuple[str, list[str]]], cwd: Path, env: dict) -> list[tuple[str, list[str], list[str]]]:
    """Run the commands in one bash (so `echo $?` sees the previous command), output per command."""
    script = ["set +e"]
    for command, expected in steps:
        if command.startswith("cat ") and len(command.split()) == 2:  # a file the reader writes
            (cwd / command.split()[1]).write_text("\n".join(expected) + "\n", encoding="utf-8")
        if command.startswith("make "):  # the test set-up installed everything: make must not redo it
            command = command.replace("make ", "make -o .venv/.installed ", 1)
        script += [f"{command} 2>&1", "__rc=$?", "printf '\\036\\n'", "(exit $__rc)"]
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    outputs = done.stdout.split("\x1e\n")
    return [(command, expected, outputs[i].splitlines()) for i, (command, expected) in enumerate(steps)]


def test_the_readme_sessions_give_what_the_readme_shows(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = sessions(readme)
    for name in ("raw", "tests", ".venv", "Makefile", "pyproject.toml", "constraints.txt", "src"):
        (tmp_path / name).symlink_to(ROOT / name)
    # Under `make test` the outer make's variables would make the README's `make run` a sub-make,
    # which prints "Entering directory" lines a reader at a shell never sees.
    outer_make = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ROLEDATA_", "PREFECT_API_URL")) and k not in outer_make}
    env.update(ROLEDATA_WAREHOUSE=str(tmp_path / "warehouse"), ROLEDATA_NO_PROGRESS="1")
    checked = 0
    for steps in blocks:
        for command, expected, actual in run_session(steps, tmp_path, env):
            assert len(actual) == len(expected) and all(map(matches, expected, actual)), (
                f"README: `{command}` printed:\n" + "\n".join(actual) + "\n\nthe README shows:\n" + "\n".join(expected))
            checked += 1
    assert checked >= 12  # the quick start, the queries, the strict exit codes, the evaluation
