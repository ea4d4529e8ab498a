"""Shared by the report tests: the fixture district's JSON, and reports written to tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DISTRICT

AS_OF = "2020-09-15"


@pytest.fixture
def status_json(cli) -> dict[str, Any]:
    code, out, _ = cli("status", "--as-of", AS_OF, "--file", str(DISTRICT), "--format", "json")
    assert code == 0
    return json.loads(out)


@pytest.fixture
def overdue_json(cli) -> dict[str, Any]:
    code, out, _ = cli("overdue", "--as-of", AS_OF, "--file", str(DISTRICT), "--format", "json")
    assert code == 0
    return json.loads(out)


@pytest.fixture
def report(cli, tmp_path: Path):
    """report(fmt, *extra) -> the path written (or the HTML text for html without -o)."""

    def run(fmt: str, *extra: str, file: Path = DISTRICT) -> Path:
        out = tmp_path / f"report.{fmt}"
        code, _, err = cli("report", "--format", fmt, "-o", str(out), "--as-of", AS_OF, "--file", str(file), *extra)
        assert code == 0, err
        return out

    return run


def stage_counts(doc: dict[str, Any], kind: str, milestone: str) -> tuple[int, int]:
    """(done, total) of a kind's milestone, counted from `status --format json`."""
    states = [m["state"] for p in doc["plans"] if p["kind"] == kind for m in p["milestones"] if m["id"] == milestone]
    return sum(s in ("done", "late") for s in states), len(states)


from tests.edit.conftest import git_env  # noqa: E402, F401  (the --since tests need a clean git)
