"""Installed as users install it: a real (non-editable) wheel in a fresh venv, run outside the source tree.

Offline: the wheel is built without build isolation and installed with
--no-index --no-deps into a venv that sees this interpreter's packages
(typer, pydantic, …). The district folder has no schedules/: the schedule
must come from inside the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow  # about 15 s: a build, a venv and an install; still in the default run
def test_wheel_in_a_fresh_venv_runs_init_and_status(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_INDEX_URL", "PIP_FIND_LINKS")}
    env |= {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    # Build from a copy: building writes build/ and *.egg-info into the tree it builds.
    source = tmp_path / "src"
    _copy_tracked(REPO, source)
    wheels = tmp_path / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), "."], source, env
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("plantrack-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "plantrack/schedules/fyp14.yaml" in names
    assert not any(n.startswith(("tests/", "schedules/")) for n in names)

    venv = tmp_path / "venv"
    # No pip of its own (ensurepip took ~2.5 s): it runs this interpreter's pip, which installs into the venv.
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], tmp_path, env)
    assert made.returncode == 0, made.stderr
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    installed = _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], tmp_path, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    district = tmp_path / "district"
    district.mkdir()
    plantrack = str(bin_dir / "plantrack")
    where = _run([str(python), "-c", "import plantrack; print(plantrack.__file__)"], district, env)
    assert str(venv) in where.stdout, where.stdout  # not the source tree, not an editable install
    init = _run(
        [plantrack, "init", "--district", "青山区", "--townships", "chengguan=城关镇", "--lang", "en"], district, env
    )
    assert init.returncode == 0, init.stdout + init.stderr
    assert not (district / "schedules").exists()
    status = _run([plantrack, "status", "--as-of", "2019-09-15", "--format", "json"], district, env)
    assert status.returncode == 0, status.stderr
    assert '"id": "chengguan-plan"' in status.stdout and '"state": "open"' in status.stdout
    check = _run([plantrack, "check", "--as-of", "2019-09-15", "--lang", "en"], district, env)
    assert (check.returncode, check.stdout) == (0, "no problems (as of 2019-09-15)\n"), check.stdout + check.stderr


def _copy_tracked(repo: Path, dest: Path) -> None:
    """The files git tracks, plus this worktree's uncommitted ones: what a clone would build."""
    import shutil

    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        rel = raw.decode()
        src = repo / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
