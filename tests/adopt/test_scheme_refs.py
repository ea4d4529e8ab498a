"""`plantrack rules R9` / `rules D10`, and `--lang` before the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.adopt.base import write


def test_rules_r9_names_the_checks_that_cite_it(cli) -> None:
    code, out, err = cli("rules", "R9", "--lang", "en")
    assert (code, err) == (0, "")
    assert "  checked by: PT209\n" in out
    assert out.endswith("  more: docs/scheme.md\n")
    code, out, _ = cli("rules", "r1", "--lang", "zh")
    assert code == 0 and out.startswith("R1：工作方案") and "检查规则：PT201" in out


def test_rules_d10_lists_the_steps_and_their_deadline(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no plans.yaml here or above: the shipped schedule
    code, out, err = cli("rules", "D10", "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    at = lines.index("  steps in schedule fyp14:")
    assert lines[at + 1 : at + 3] == [
        "    special/first-draft  完成初稿  2020-05-31",
        "    regional/first-draft  完成初稿  2020-05-31",
    ]
    code, out, _ = cli("rules", "D11", "--lang", "zh")
    assert "    special/finished  完成规划  2020-09-30（原则上）" in out
    code, out, err = cli("rules", "D99", "--lang", "en")
    assert (code, out) == (2, "") and "no rule 'D99'; did you mean 'D9'?" in err


def test_rules_d_reads_the_districts_own_schedule(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path)
    sched = tmp_path / "schedules" / "fyp14.yaml"
    sched.write_text(
        sched.read_text(encoding="utf-8").replace("due: 2020年5月底", "due: 2020年4月底", 1), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("rules", "D10", "--lang", "en")
    assert code == 0 and "  special/first-draft  完成初稿  2020-04-30" in out


def test_lang_before_the_command(cli, tmp_path: Path) -> None:
    path = write(tmp_path)
    code, out, _ = cli("--lang", "zh", "check", "--file", str(path), "--as-of", "2019-10-30")
    assert (code, out) == (0, "未发现问题（基准日期 2019-10-30）\n")
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2019-10-30")  # and it does not stick
    assert out == "no problems (as of 2019-10-30)\n"
    code, _, err = cli("--lang", "zh", "done", "edu-pln", "finished", "--file", str(path))
    assert code == 2 and "没有规划 'edu-pln'" in err
