"""Ids people will regret are refused with a reason; names must say something."""

from __future__ import annotations

from pathlib import Path

import pytest

from plantrack import ids
from plantrack.i18n import Msg
from tests.adopt.base import TEXT, write

PLAN = Msg("plan", "规划")


@pytest.mark.parametrize("good", ["edu", "edu-plan", "town-3", "r2020", "a"])
def test_good_ids(good: str) -> None:
    assert ids.id_problem(good, PLAN) is None


@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ("bad id", "try 'bad-id'"),
        ("a:b", "try 'a-b'"),
        ("Edu", "try 'edu'"),
        ("-x", "try 'x'"),
        ("x-", "try 'x'"),
        ("a/b", "try 'a-b'"),
        ("教育", ""),
        ("edu_plan", "try 'edu-plan'"),
    ],
)
def test_bad_ids(bad: str, hint: str) -> None:
    problem = ids.id_problem(bad, PLAN)
    assert problem is not None
    assert problem.en.startswith(f"{bad!r} is not a usable plan id: lowercase letters a-z, digits and '-'")
    assert problem.en.endswith(f"; {hint}" if hint else "e.g. 'edu-plan'")
    assert "中文写在 name 中" in problem.zh


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "bad id", "--kind", "special", "--tier", "key", "--owner", "edu", "--name", "n"],
            "'bad id' is not a usable plan id",
        ),
        (
            ["add", "p1", "--kind", "special", "--tier", "key", "--owner", "edu", "--name", ""],
            "the plan's name is empty",
        ),
        (
            ["add", "p1", "--kind", "special", "--tier", "key", "--owner", "edu", "--name", "  "],
            "the plan's name is empty",
        ),
        (["add-unit", "a:b", "--name", "n", "--type", "department"], "'a:b' is not a usable unit id"),
        (["add-unit", "教育局", "--name", "n", "--type", "department"], "'教育局' is not a usable unit id"),
        (["add-unit", "u1", "--name", "", "--type", "department"], "the unit's name is empty"),
    ],
)
def test_edits_refuse_bad_ids_and_empty_names(cli, tmp_path: Path, args: list[str], message: str) -> None:
    path = write(tmp_path)
    code, out, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, out) == (2, "") and message in err, err
    assert path.read_text(encoding="utf-8") == TEXT
    code, _, err = cli(*args, "--file", str(path), "--lang", "zh")
    assert code == 2 and ("不能用作" in err or "名称为空" in err)
