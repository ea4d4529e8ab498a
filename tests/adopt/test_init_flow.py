"""A new district starts from nothing: init, a department's plan, a township, two steps, a clean check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from plantrack.init_template import SCHEMA_FILE


def test_init_add_township_two_steps_check_clean(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "qingshan"  # does not exist yet: init makes it
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(
        "init",
        str(folder),
        "--district",
        "青山区",
        "--schedule",
        "fyp14",
        "--townships",
        "chengguan=城关镇",
        "--departments",
        "edu=区教育局",
        "--lang",
        "en",
    )
    assert (code, err) == (0, ""), err
    assert f"wrote {folder / 'plans.yaml'} (青山区, schedule fyp14, 1 departments, 1 townships)" in out
    assert not (folder / "schedules").exists()  # the shipped schedule is found by name
    text = (folder / "plans.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=./{SCHEMA_FILE}\n")
    assert "  lg-office: {name: 青山区发展规划工作领导小组办公室, type: office, host: drc}\n" in text
    assert "  chengguan-npc: {name: 城关镇人民代表大会, type: township-congress, host: chengguan}\n" in text
    assert "{" not in text.split("plans:")[1].replace("{}", "").replace("{start", "")  # block style
    monkeypatch.chdir(folder)
    steps = [
        (
            "add",
            "edu-plan",
            "--kind",
            "专项",
            "--tier",
            "重点",
            "--owner",
            "区教育局",
            "--name",
            "青山区教育事业发展规划",
        ),
        ("add-unit", "baita", "--name", "白塔乡", "--type", "乡镇"),
        ("done", "edu-plan", "proposal", "--date", "2019-10-08", "--to", "gov"),
        ("done", "baita-plan", "完成初稿", "--date", "2020-08-20"),
    ]
    for step in steps:
        code, out, err = cli(*step, "--lang", "en")
        assert (code, err) == (0, ""), (step, err)
    code, out, err = cli("check", "--as-of", "2020-08-25", "--lang", "en")
    assert (code, err) == (0, "") and "[error]" not in out
    # What remains is genuinely to be recorded: overdue steps, nothing else.
    warned = [line for line in out.splitlines() if "[warning]" in line]
    assert warned and all(" PT301 [warning] " in line for line in warned)
    assert out.endswith(f"0 errors, {len(warned)} warnings (as of 2020-08-25)\n")
    text = (folder / "plans.yaml").read_text(encoding="utf-8")
    assert "      proposal:       {done: 2019-10-08, to: gov}  # due 2019-10-10 (D4)\n" in text
    # Each joins its own group, aligned like its neighbours.
    assert "  chengguan: {name: 城关镇, type: township}\n  baita:     {name: 白塔乡, type: township}\n" in text
    assert "  baita-npc:     {name: 白塔乡人民代表大会, type: township-congress, host: baita}\n" in text
    assert "      first-draft:  {done: 2020-08-20}  # due 2020-08-31 (D8)\n" in text
    assert (
        "  baita-plan:\n    name: 白塔乡国民经济和社会发展第十四个五年规划\n    kind: township\n    owner: baita\n"
        in text
    )


def test_init_refuses_to_overwrite(cli, tmp_path: Path) -> None:
    (tmp_path / "plans.yaml").write_text("schedule: fyp14\n", encoding="utf-8")
    code, out, err = cli("init", str(tmp_path), "--district", "青山区", "--lang", "en")
    assert (code, out) == (2, "")
    assert "plans.yaml already exists: init never overwrites" in err
    assert (tmp_path / "plans.yaml").read_text(encoding="utf-8") == "schedule: fyp14\n"
    code, _, err = cli("init", str(tmp_path), "--district", "青山区", "--lang", "zh")
    assert code == 2 and "已存在：init 不会覆盖已有台账" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--district", " "], "--district: the district's name is empty"),
        (["--district", "青山区", "--townships", "Bad_Id=甲镇"], "'Bad_Id' is not a usable unit id"),
        (
            ["--district", "青山区", "--departments", "edu=区教育局", "--townships", "edu=甲镇"],
            "unit id 'edu' is used twice",
        ),
        (["--district", "青山区", "--departments", "drc=区发改委"], "unit id 'drc' is used twice"),
        (["--district", "青山区", "--schedule", "fyp41"], "--schedule: no schedule 'fyp41' (known: fyp14"),
    ],
)
def test_init_refuses_bad_input(cli, tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = cli("init", str(tmp_path), *args, "--lang", "en")
    assert (code, out) == (2, "") and message in err, err
    assert not (tmp_path / "plans.yaml").exists()


def test_chinese_names_get_ids_and_chinese_commas_separate(cli, tmp_path: Path) -> None:
    code, _, err = cli(
        "init", str(tmp_path), "--district", "青山区", "--townships", "城关镇，新桥镇、石门镇", "--lang", "en"
    )
    assert code == 0, err
    text = (tmp_path / "plans.yaml").read_text(encoding="utf-8")
    for n, name in enumerate(["城关镇", "新桥镇", "石门镇"], start=1):
        assert f"  town-{n}: {{name: {name}, type: township}}\n" in text
        assert f"  town-{n}-plan:\n" in text


def test_init_git_makes_a_first_commit(cli, tmp_path: Path, git_env: None) -> None:
    subprocess.run(["git", "config", "--global", "user.name", "规划科"], check=True)
    subprocess.run(["git", "config", "--global", "user.email", "ghk@example.org"], check=True)
    code, out, err = cli("init", str(tmp_path / "d"), "--district", "青山区", "--git", "--lang", "en")
    assert (code, err) == (0, ""), err
    assert "git repository made, first commit done" in out
    log = subprocess.run(
        ["git", "log", "--format=%s", "--name-only"], cwd=tmp_path / "d", capture_output=True, text=True, check=True
    )
    lines = [line for line in log.stdout.splitlines() if line]
    assert lines[0] == "init: 青山区 plans.yaml"
    assert sorted(lines[1:]) == [SCHEMA_FILE, "plans.yaml"]
    code, _, err = cli("init", str(tmp_path / "d"), "--district", "青山区", "--git", "--lang", "en")
    assert code == 2 and "already exists" in err


def test_init_into_a_file_or_beside_an_old_schema(cli, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("", encoding="utf-8")
    code, out, err = cli("init", str(tmp_path / "f"), "--district", "青山区", "--lang", "en")
    assert (code, out) == (
        2,
        "",
    ) and err == f"plantrack: {tmp_path / 'f'} is a file, not a folder: name a folder for plans.yaml\n"
    (tmp_path / SCHEMA_FILE).write_text("{}", encoding="utf-8")  # left from an earlier district: refreshed
    code, _, err = cli("init", str(tmp_path), "--district", "青山区", "--lang", "en")
    assert (code, err) == (0, "")
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8").startswith('{\n  "$defs"')
