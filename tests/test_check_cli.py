"""`plantrack check` and `plantrack rules` as a user and CI see them: exit codes, text, JSON, annotations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DISTRICT, REPO, make_district
from tests.rules.cases import BASE

BUNDLED = str(DISTRICT)


def test_bundled_data_passes_mid_compilation(cli) -> None:
    code, out, err = cli("check", "--file", BUNDLED, "--as-of", "2020-09-15")
    assert code == 0, out + err
    # 8: transport-plan finishes by its own 2020-08-31, so the steps before it are due then too.
    assert out.rstrip().endswith("0 errors, 8 warnings (as of 2020-09-15)")
    assert all(" PT301 [warning] " in line for line in out.splitlines()[:-2])


def test_json_has_formats_shape(cli) -> None:
    code, out, _ = cli("check", "--file", BUNDLED, "--as-of", "2020-09-15", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert list(doc) == ["version", "as_of", "ok", "problems"]
    assert (doc["version"], doc["as_of"], doc["ok"]) == (1, "2020-09-15", True)
    first = doc["problems"][0]
    assert list(first) == ["code", "severity", "file", "line", "column", "message"]
    assert first["code"] == "PT301" and first["severity"] == "warning"
    assert isinstance(first["line"], int) and first["line"] >= 1 and first["column"] >= 1


def test_fail_on_overdue_turns_warnings_into_errors(cli) -> None:
    code, out, _ = cli("check", "--file", BUNDLED, "--as-of", "2020-09-15", "--fail-on-overdue", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False
    assert {p["severity"] for p in doc["problems"]} == {"error"}


def test_rule_errors_exit_1_with_located_text(cli, tmp_path: Path) -> None:
    path = make_district(tmp_path, BASE + "  r1: {name: 课题, kind: research, owner: dcr}\n")
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01", "--lang", "en")
    assert code == 1
    assert f"{path}:19:41: PT104 [error] unknown unit 'dcr'; did you mean 'drc'?" in out
    assert out.rstrip().endswith("1 error, 0 warnings (as of 2019-09-01)")


def test_messages_in_chinese(cli, tmp_path: Path, monkeypatch) -> None:
    path = make_district(tmp_path, BASE + "  r1: {name: 课题, kind: research, owner: dcr}\n")
    monkeypatch.setenv("PLANTRACK_LANG", "zh")
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01")
    assert code == 1
    assert "PT104 [错误] 未知的单位 'dcr'\uff1b是否想写 'drc'\uff1f" in out
    assert out.rstrip().endswith("1 个错误，0 个警告（基准日期 2019-09-01）")


def test_locale_picks_the_language(cli, tmp_path: Path, monkeypatch) -> None:
    path = make_district(tmp_path, BASE)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    _, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01")
    assert out.strip() == "未发现问题（基准日期 2019-09-01）"
    _, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01", "--lang", "en")
    assert out.strip() == "no problems (as of 2019-09-01)"


def test_github_annotations(cli, tmp_path: Path) -> None:
    path = make_district(tmp_path, BASE + "  r1: {name: 课题, kind: research, owner: dcr}\n")
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01", "--format", "github", "--lang", "en")
    assert code == 1
    assert out == f"::error file={path},line=19,col=41,title=PT104::unknown unit 'dcr'; did you mean 'drc'?\n"


def test_unreadable_file_exits_2(cli, tmp_path: Path) -> None:
    path = make_district(tmp_path, "plans: [\n")
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2019-09-01")
    assert code == 2
    assert f"{path}:2:1: PT001 [error] YAML syntax" in out


def test_finds_plans_yaml_in_a_parent_folder(cli, tmp_path: Path, monkeypatch) -> None:
    make_district(tmp_path, BASE)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    code, out, _ = cli("check", "--as-of", "2019-09-01")
    assert (code, out.strip()) == (0, "no problems (as of 2019-09-01)")


def test_misuse_exits_2_with_one_line(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args, message in [
        (("check", "--bogus"), "plantrack: No such option: --bogus"),
        (("check", "--as-of", "2020-02-30"), "plantrack: --as-of: 2020-02 has no day 30"),
        (("check", "--format", "xml"), "plantrack: Invalid value for '--format'"),
        (("check", "--file", "nowhere.yaml"), "plantrack: nowhere.yaml: no such file"),
        (("check",), "plantrack: no plans.yaml in"),
        (("rules", "PT999"), "plantrack: no rule 'PT999'"),
    ]:
        code, out, err = cli(*args)
        assert code == 2, args
        assert err.startswith(message) and err.count("\n") == 1, (args, err)
        assert out == ""


def test_rules_lists_every_rule_and_prints_one(cli) -> None:
    from plantrack.rules import RULES

    code, out, _ = cli("rules", "--lang", "en")
    assert code == 0 and len(out.splitlines()) == len(RULES)
    assert out.splitlines()[0].split()[:3] == ["PT001", "error", "yaml-syntax"]
    code, out, _ = cli("rules", "pt201", "--lang", "zh")
    assert code == 0
    assert out.startswith("PT201 start-approval-first [错误]\n专项、区域规划须经区政府批准后启动编制\uff08R1\uff09\n")
    assert "作用\uff1a" in out and "报区政府批准后启动编制" in out


def test_as_a_real_process_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    for args, want in [
        (["check", "--file", BUNDLED, "--as-of", "2020-09-15"], 0),
        (["--version"], 0),
        (["check", "-x"], 2),
    ]:
        run = subprocess.run(
            [sys.executable, "-m", "plantrack", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        assert run.returncode == want, run.stderr
        assert "Traceback" not in run.stdout + run.stderr


def test_rules_explains_the_schemes_rules_and_deadlines(cli) -> None:
    code, out, _ = cli("rules", "R9", "--lang", "en")
    assert code == 0 and out.startswith("R9: no plan's own date later than the scheme's D#")
    code, out, _ = cli("rules", "d11", "--lang", "en")
    assert code == 0 and "原则上在2020年9月底前完成" in out and "deadline: 2020-09-30 (date, 原则上" in out
    code, out, _ = cli("rules", "D11", "--lang", "zh")
    assert code == 0 and out.startswith("D11：工作方案三(二)4“原则上在2020年9月底前完成”")
    code, out, err = cli("rules", "R99", "--lang", "en")
    assert (code, out) == (2, "") and "did you mean 'R9'?" in err
