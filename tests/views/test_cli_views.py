"""The view commands as a user meets them: filters, errors, broken files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DISTRICT, REPO, make_district

BUNDLED = str(DISTRICT)
AT = ("--file", BUNDLED, "--as-of", "2020-09-15")

SMALL = """schedule: fyp14
units:
  drc:  {name: 区发改委, type: drc}
  gov:  {name: 区政府, type: government}
  edu:  {name: 区教育局, type: department}
  town: {name: 甲镇, type: township}
plans:
  edu-plan:
    name: 教育规划
    kind: special
    tier: key
    owner: edu
    milestones:
      proposal: {done: 2019-10-08, to: gov}
      start-approval: {done: 2019-10-25, by: gov}
  town-plan:
    name: 甲镇规划
    kind: township
    owner: town
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "plantrack", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def test_overdue_fail_exits_1_for_ci() -> None:
    proc = run("overdue", *AT, "--fail", "--lang", "en")
    assert proc.returncode == 1, proc.stderr
    assert "eco-plan" in proc.stdout and proc.stderr == ""


def test_unknown_plan_is_exit_2_with_a_suggestion() -> None:
    proc = run("status", "edu-plna", *AT, "--lang", "en")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == "plantrack: no plan 'edu-plna'; did you mean 'edu-plan'? (see: plantrack status)"


def test_unreadable_plans_file_is_exit_2_in_one_line(tmp_path) -> None:
    path = make_district(tmp_path, "schedule: fyp14\nunits: [\n")
    proc = run("status", "--file", str(path), "--lang", "en")
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "PT001" in proc.stderr and "plantrack check" in proc.stderr


def test_fail_passes_when_nothing_is_overdue(cli) -> None:
    code, out, _ = cli("overdue", *AT[:2], "--as-of", "2019-09-15", "--fail", "--lang", "en")
    assert code == 0 and out.startswith("nothing overdue or due soon")


def test_unknown_unit_kind_and_phase_suggest(cli) -> None:
    for args, words in [
        (("units", "edo"), "no unit 'edo'; did you mean 'edu'?"),
        (("status", "--unit", "natrse"), "no unit 'natrse'; did you mean 'natres'?"),
        (("status", "--kind", "specail"), "no plan kind 'specail'; did you mean 'special'?"),
        (("overdue", "--kind", "masterr"), "no plan kind 'masterr'; did you mean 'master'?"),
        (("status", "--phase", "reveiw"), "no phase 'reveiw'; did you mean 'review'?"),
    ]:
        code, out, err = cli(*args, *AT, "--lang", "en")
        assert (code, out) == (2, ""), args
        assert words in err and "Traceback" not in err


def test_chinese_errors_with_lang_zh(cli) -> None:
    code, _, err = cli("units", "edo", *AT, "--lang", "zh")
    assert code == 2 and "没有单位 'edo'" in err and "是否想写 'edu'" in err


def test_partly_broken_file_shows_what_loaded(cli, tmp_path) -> None:
    path = make_district(tmp_path, SMALL + "  bad:\n    name: 坏\n    kind: specal\n    owner: edu\n")
    code, out, err = cli("status", "--file", str(path), "--as-of", "2020-09-15", "--lang", "en", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    # The plan that did not load is listed first, as invalid, with its problem's code (issue 14).
    assert [p["id"] for p in doc["plans"]] == ["bad", "edu-plan", "town-plan"]
    assert doc["skipped"] == ["bad"] and doc["plans"][0]["state"] == "invalid"
    assert doc["plans"][0]["problems"] == ["PT105"]
    assert "1 problem(s)" in err and "skipped: bad" in err and "plantrack check" in err


def test_filters(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, SMALL))
    ids = lambda *a: [p["id"] for p in json.loads(cli("status", "--file", path, *a, "--format", "json")[1])["plans"]]  # noqa: E731
    assert ids("--as-of", "2020-09-15", "--kind", "township") == ["town-plan"]
    assert ids("--as-of", "2020-09-15", "--unit", "区教育局") == ["edu-plan"]  # a unit by its name
    assert ids("--as-of", "2020-09-15", "--unit", "gov") == []
    # --phase: only the milestones due in the phase's window; a plan with none drops out.
    _, out, _ = cli("status", "--file", path, "--as-of", "2019-10-01", "--phase", "research", "--format", "json")
    [plan] = json.loads(out)["plans"]
    assert [m["id"] for m in plan["milestones"]] == ["proposal", "start-approval"]
    assert plan["progress"] == {"done": 0, "total": 2} and plan["next"]["id"] == "proposal"


def test_within_widens_due_soon(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, SMALL))

    def state(within: str) -> str:
        argv = ["status", "town-plan", "--file", path, "--as-of", "2020-08-01", "--within", within, "--format", "json"]
        return json.loads(cli(*argv)[1])["plans"][0]["state"]

    assert (state("14"), state("29"), state("30")) == ("open", "open", "due-soon")  # due 2020-08-31: 30 days on


def test_status_plan_shows_parties_and_basis(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, SMALL))
    code, out, _ = cli("status", "edu-plan", "--file", path, "--as-of", "2020-09-15", "--lang", "zh", "--width", "120")
    assert code == 0
    assert "教育规划" in out and "状态：逾期" in out
    issued = next(line for line in out.splitlines() if line.startswith("印发实施"))
    assert "区政府、区发改委、区教育局" in issued  # government, drc and the owner, by name
    assert "→区政府" in out  # proposal goes to the government (recorded)


def test_units_for_a_unit_without_plans(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, SMALL))
    code, out, _ = cli("units", "gov", "--file", path, "--as-of", "2020-09-15", "--lang", "en")
    assert code == 0 and out.splitlines() == ["gov  区政府", "type: government", "owns no plans"]


def test_units_lists_owners_most_overdue_first(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, SMALL))
    _, out, _ = cli("units", "--file", path, "--as-of", "2020-09-15", "--format", "json")
    doc = json.loads(out)
    assert [u["id"] for u in doc["units"]] == ["edu", "town"]
    edu = doc["units"][0]
    # A key special plan is issued by the government: R4 does not chase its filing.
    assert edu["milestones"] == {"total": 9, "done": 2, "pending": 7, "overdue": 1, "due_soon": 0}
    assert edu["next"] == {"plan": "edu-plan", "milestone": "coordination", "due": "2020-09-30", "days_left": 15}


def test_timeline_points_at_a_far_reference_date(cli) -> None:
    _, out, _ = cli("timeline", *AT[:2], "--as-of", "2030-01-01", "--lang", "en", "--width", "100")
    assert out.splitlines()[0].rstrip().endswith("as of 2030-01-01 ▶")
    assert "│" not in "".join(out.splitlines()[3:-1])  # no marker inside the axis
    code, out, _ = cli("timeline", *AT, "--kind", "township", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and {p["kind"] for p in doc["plans"]} == {"township"} and doc["start"] <= "2019-09-01"


def test_language_from_environment(cli, monkeypatch) -> None:
    monkeypatch.setenv("PLANTRACK_LANG", "zh")
    assert cli("overdue", *AT)[1].startswith("牵头单位")
    monkeypatch.setenv("PLANTRACK_LANG", "en")
    assert cli("overdue", *AT)[1].startswith("owner")


@pytest.mark.parametrize("argv", [["status"], ["overdue"], ["units"], ["timeline"]])
def test_width_follows_columns_when_not_given(cli, monkeypatch, argv: list[str]) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    _, out, _ = cli(*argv, *AT, "--lang", "en")
    assert max(len(line) for line in out.splitlines()) > 100


def test_one_units_json_lists_its_pending_milestones(cli) -> None:
    code, out, _ = cli("units", "civil", *AT, "--format", "json")
    doc = json.loads(out)
    [unit] = doc["units"]
    assert code == 0 and unit["plans"] == ["elderly-plan", "civil-plan"]
    assert len(unit["pending"]) == unit["milestones"]["pending"] == 10
    assert [p["id"] for p in doc["plans"]] == unit["plans"]
    dues = [i["due"] for i in unit["pending"]]
    assert dues == sorted(dues)


def test_a_long_note_wraps_instead_of_being_cut(cli, tmp_path) -> None:
    note = "这是一条很长的备注" * 12
    path = make_district(tmp_path, SMALL.replace("    name: 教育规划\n", f"    name: 教育规划\n    note: {note}\n"))
    _, out, _ = cli("status", "edu-plan", "--file", str(path), "--as-of", "2020-09-15", "--width", "60")
    assert note in "".join(line.strip() for line in out.splitlines())
