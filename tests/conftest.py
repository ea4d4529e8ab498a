"""Shared test helpers: the repository root, districts in tmp_path, the CLI in-process, hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: `ci` (loaded when CI is set, as CI services and .ci/run do)
# runs the full count; `dev`, the default at a desk, a fifth of it. A test that
# names its own max_examples keeps it under both. HYPOTHESIS_PROFILE picks one.
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The cache is on in tests, as for users, but in a folder of the test run, not ~/.cache."""
    if "PLANTRACK_CACHE_DIR" not in os.environ:
        os.environ["PLANTRACK_CACHE_DIR"] = str(tmp_path_factory.mktemp("plantrack-cache"))
    yield


# The district the goldens, format and oracle tests read: a frozen copy, so that
# improving the demo plans.yaml or the schedule does not rewrite every golden.
FIXTURE = REPO / "tests" / "fixtures" / "district"
DISTRICT = FIXTURE / "plans.yaml"


def make_district(folder: Path, text: str | bytes, schedule: str | None = None) -> Path:
    """Write plans.yaml and a copy of the schedules into folder; return the plans path."""
    sched_dir = folder / "schedules"
    if schedule is None:
        shutil.copytree(REPO / "schedules", sched_dir, dirs_exist_ok=True)
    else:
        sched_dir.mkdir(exist_ok=True)
        (sched_dir / "fyp14.yaml").write_text(schedule, encoding="utf-8")
    path = folder / "plans.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def check_problems(path: Path, as_of: date):
    """Load and run every rule, as `plantrack check` does; returns the problems."""
    from plantrack import load, rules

    loaded, problems = load.load(path)
    if loaded is not None:
        problems += rules.run(rules.Context(loaded, as_of))
    return sorted(problems)


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run the CLI in-process: cli(*args) -> (exit code, stdout, stderr)."""
    from plantrack.cli import main

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("PLANTRACK_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
