"""A district without schedules/ finds the shipped schedule by name; its own file overrides it."""

from __future__ import annotations

import shutil
from pathlib import Path

from plantrack import discover
from tests.adopt.base import TEXT
from tests.conftest import REPO


def test_no_local_schedules_uses_the_shipped_one(cli, tmp_path: Path) -> None:
    (tmp_path / "plans.yaml").write_text(TEXT, encoding="utf-8")
    assert discover.find_schedule(tmp_path / "plans.yaml", "fyp14") == discover.bundled_dir() / "fyp14.yaml"
    code, out, _ = cli("check", "--file", str(tmp_path / "plans.yaml"), "--as-of", "2019-10-30", "--lang", "en")
    assert code == 0, out


def test_a_local_schedule_overrides(cli, tmp_path: Path) -> None:
    (tmp_path / "schedules").mkdir()
    local = (REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")
    local = local.replace("due: 2019年10月底          #", "due: 2019年9月底           #", 1)
    (tmp_path / "schedules" / "fyp14.yaml").write_text(local, encoding="utf-8")
    (tmp_path / "plans.yaml").write_text(TEXT, encoding="utf-8")
    assert discover.find_schedule(tmp_path / "plans.yaml", "fyp14") == tmp_path / "schedules" / "fyp14.yaml"
    code, out, _ = cli(
        "status", "outline", "--file", str(tmp_path / "plans.yaml"), "--as-of", "2019-10-30", "--format", "json"
    )
    assert code == 0 and '"due": "2019-09-30"' in out


def test_missing_schedule_says_where_it_looked(cli, tmp_path: Path) -> None:
    (tmp_path / "plans.yaml").write_text(TEXT.replace("fyp14", "fyp13"), encoding="utf-8")
    code, out, _ = cli("check", "--file", str(tmp_path / "plans.yaml"), "--lang", "en")
    assert code == 2
    assert (
        "PT006 [error] schedule 'fyp13' not found: looked for schedules/fyp13.yaml beside" in out
        and "in its parent folders and among the schedules shipped with plantrack (fyp14" in out
        and "did you mean 'fyp14'?" in out
    )
    code, out, _ = cli("check", "--file", str(tmp_path / "plans.yaml"), "--lang", "zh")
    assert "plantrack 自带的工作方案（fyp14" in out


def test_bundled_dir_is_the_source_trees_schedules_here() -> None:
    # In the source tree (PYTHONPATH, editable install) the package has no schedules/ folder of its own.
    assert discover.bundled_dir() == REPO / "schedules"
    assert shutil.which  # the installed case is tests/adopt/test_wheel.py
