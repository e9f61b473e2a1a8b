"""An installed roledata publishes what the manifest promises, with no project folder around it:
a wheel built from this checkout, installed into a fresh virtual environment outside the repo,
run from an empty folder. Its snapshot's manifest carries the accuracy figures the package ships
(publishing never reads tests/)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from roledata.run.fingerprint import parser_fingerprint
from tests.conftest import RAW

ROOT = Path(__file__).resolve().parents[2]


def test_a_wheel_installed_outside_the_repo_publishes_with_accuracy(tmp_path):
    # Built from a copy of what a clean checkout holds: an in-tree build/ folder left by an earlier
    # build would slip stale modules into the wheel.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(source)], check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("roledata-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies come from the test environment (a .pth line adds its site-packages as a plain
    # path, so its editable roledata is not loaded); roledata itself only from the wheel.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)

    empty = tmp_path / "somewhere"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "PREFECT_", "ROLEDATA_"))}
    where = subprocess.run([str(python), "-c", "import roledata; print(roledata.__file__)"], cwd=empty, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(site)
    done = subprocess.run([str(venv / "bin" / "roledata"), "run", "--raw", str(RAW), "--warehouse", "wh"],
                          cwd=empty, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 5 parsed, 0 unchanged, 0 rejected" in done.stdout
    snapshots = empty / "wh" / "snapshots"
    manifest = json.loads((snapshots / (snapshots / "LATEST").read_text().strip() / "manifest.json").read_text())
    accuracy = manifest["accuracy"]
    assert accuracy["current"] is True and accuracy["parser_fingerprint"] == parser_fingerprint()
    assert set(accuracy["corpora"]) == {"samples", "guides", "postings", "unseen"}
    assert accuracy["corpora"]["samples"]["fields"]["title"] == {"gold": 5, "recall": 1.0, "precision": 1.0}
    assert not (empty / "tests").exists() and (empty / "wh" / ".roledata" / "prefect-run").is_dir()
