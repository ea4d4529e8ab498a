"""The code stays lint-clean and typed: ruff and mypy run with the tests, as in CI."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_ruff() -> None:
    run = _run("ruff", "check", "--no-cache", "plantrack", "tests", "benchmarks")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy() -> None:
    run = _run("mypy", "plantrack")
    assert run.returncode == 0, run.stdout + run.stderr
