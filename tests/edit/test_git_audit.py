"""history, changes --since and check --history on a real repository: two authors,
edits committed with --commit, one back-dated entry and one recorded before it happened."""

from __future__ import annotations

import json
from pathlib import Path

from tests.edit.gitrepo_helpers import git, init_repo


def test_history_rows(cli, audited) -> None:
    _, c = audited
    code, out, err = cli("history", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "DATE        AUTHOR     COMMIT   PLAN/MILESTONE           CHANGE",
        f'2020-06-01  李伟       {c[0]}  outline                  plan added: 区"十四五"规划纲要',
        f'2020-06-01  李伟       {c[0]}  eval                     plan added: 区"十三五"规划终期评估',
        f'2020-06-01  李伟       {c[0]}  town-plan                plan added: 甲镇"十四五"规划',
        f'2020-06-01  李伟       {c[0]}  edu-plan                 plan added: 区教育事业发展"十四五"规划',
        f"2020-06-01  李伟       {c[0]}  edu-plan/proposal        done: 2019-10-08",
        f"2020-06-01  李伟       {c[0]}  edu-plan/start-approval  done: 2019-10-25",
        f"2020-06-05  Wang Fang  {c[1]}  edu-plan/first-draft     done: 2020-06-03",
        f"2020-08-10  李伟       {c[2]}  edu-plan/finished        due: 2020-09-25",
        f"2020-08-30  Wang Fang  {c[3]}  edu-plan/coordination    done: 2020-07-10",
        f"2020-09-02  李伟       {c[4]}  health-plan              plan added: 区卫生健康规划",
        f"2020-09-10  Wang Fang  {c[5]}  edu-plan/coordination    note: 与市教育规划衔接: 已完成",
        f"2020-09-12  李伟       {c[6]}  town-plan/first-draft    done: 2020-09-14",
    ]


def test_history_of_one_milestone_since_a_revision_as_json(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("history", "edu-plan/coordination", "--since", c[3], "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["version"] == 1 and "as_of" in doc
    assert doc["items"] == [
        {
            "date": "2020-09-10",
            "author": "Wang Fang",
            "email": "wangfang@qingshan.gov.cn",
            "commit": c[5],
            "plan": "edu-plan",
            "milestone": "coordination",
            "change": "note",
            "old": None,
            "new": "与市教育规划衔接: 已完成",
        }
    ]


def test_history_since_a_date_and_a_did_you_mean(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("history", "edu-plan", "--since", "2020-08-30", "--lang", "en")
    assert code == 0
    assert [ln[23:30] for ln in out.splitlines()[1:]] == [c[3], c[5]]
    code, out, err = cli("history", "edu-pan/finished", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "plantrack: no plan 'edu-pan' in the history; did you mean 'edu-plan'?\n"
    code, _, err = cli("history", "edu-plan/finshed", "--lang", "en")
    assert code == 2 and "did you mean 'finished'?" in err


def test_changes_since_as_markdown(cli, audited) -> None:
    # Issue 14: a summary a leader can be handed: period and totals first, then by unit, with names.
    _, c = audited
    code, out, err = cli(
        "changes", "--since", "2020-08-01", "--as-of", "2020-09-15", "--format", "markdown", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert (
        out
        == f"""\
## Changes after 2020-08-01 up to 2020-09-15

Plans: 5 · done this period: 2 · newly late: 3 · extensions granted: 0 · deadlines moved: 1 · plans added: 1

### 区教育局

| plan | change | milestone | details | recorded |
| --- | --- | --- | --- | --- |
| 区教育事业发展"十四五"规划 | done | 衔接协调 | 2020-07-10 | 2020-08-30 Wang Fang {c[3]} |
| 区教育事业发展"十四五"规划 | deadline moved | 完成规划 | 2020-09-30 → 2020-09-25 | 2020-08-10 李伟 {c[2]} |
| 区教育事业发展"十四五"规划 | note | 衔接协调 | 与市教育规划衔接: 已完成 | 2020-09-10 Wang Fang {c[5]} |

### 区卫生健康委

| plan | change | milestone | details | recorded |
| --- | --- | --- | --- | --- |
| 区卫生健康规划 | newly late | 提出需编制的规划报区政府审批 | 2019-10-10 (341d late) |  |
| 区卫生健康规划 | newly late | 区政府批准启动编制 | 2019-11-30 (290d late) |  |
| 区卫生健康规划 | newly late | 完成初稿 | 2020-05-31 (107d late) |  |
| 区卫生健康规划 | plan added |  | special | 2020-09-02 李伟 {c[4]} |

### 甲镇

| plan | change | milestone | details | recorded |
| --- | --- | --- | --- | --- |
| 甲镇"十四五"规划 | done | 完成初稿 | 2020-09-14 | 2020-09-12 李伟 {c[6]} |
"""
    )


def test_changes_in_chinese_name_units_and_plans_and_say_late(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("changes", "--since", "2020-08-01", "--as-of", "2020-09-15", "--lang", "zh", "--width", "200")
    assert code == 0 and "agri" not in out and "edu-plan" not in out and "(10 天)" not in out
    lines = out.splitlines()
    assert lines[:2] == [
        "规划编制进展（2020-08-01 之后至 2020-09-15）",
        "规划 5 项 · 本期完成节点 2 个 · 新增逾期 3 个 · 批准延期 0 个 · 调整期限 1 个 · 新增规划 1 项",
    ]
    assert (
        "区卫生健康委" in lines
        and "  区卫生健康规划  新增逾期  完成初稿                      2020-05-31（逾期107天）" in lines
    )
    code, out, _ = cli("changes", "--since", "2020-08-01", "--as-of", "2020-09-15", "--format", "csv", "--lang", "zh")
    assert out.splitlines()[0] == "单位,规划,变化,节点,内容,记录"
    assert f'甲镇,"甲镇""十四五""规划",完成,完成初稿,2020-09-14,2020-09-12 李伟 {c[6]}' in out.splitlines()


def test_changes_since_a_day_leaves_that_day_out(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("changes", "--since", "2020-09-10", "--as-of", "2020-09-15", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["since"] == "2020-09-10" and doc["notes"] == []  # the note was committed on 09-10
    assert [i["milestone"] for i in doc["completed"]] == ["first-draft"]
    code, out, _ = cli("changes", "--since", "2020-09-09", "--as-of", "2020-09-15", "--format", "json")
    assert [(i["milestone"], i["recorded"]["commit"]) for i in json.loads(out)["notes"]] == [("coordination", c[5])]


def test_changes_refuses_an_inverted_period(cli, audited) -> None:
    code, out, err = cli("changes", "--since", "2020-09-16", "--as-of", "2020-09-15", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "plantrack: --since 2020-09-16 is after --as-of 2020-09-15: the period would end before it starts\n"
    code, out, _ = cli("changes", "--since", "2020-09-15", "--as-of", "2020-09-15", "--format", "json")
    assert code == 0 and json.loads(out)["totals"]["completed"] == 0


def test_changes_since_a_revision_as_json_and_table(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("changes", "--since", c[4], "--as-of", "2020-09-15", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and (doc["version"], doc["as_of"], doc["since"]) == (1, "2020-09-15", "2020-09-02")
    assert [(i["plan"], i["milestone"], i["done"], i["recorded"]["commit"]) for i in doc["completed"]] == [
        ("town-plan", "first-draft", "2020-09-14", c[6])
    ]
    assert doc["deadlines_moved"] == [] and doc["plans_added"] == [] and doc["newly_overdue"] == []
    code, out, _ = cli("changes", "--since", c[4], "--as-of", "2020-09-15", "--lang", "zh")
    assert out.splitlines()[3:] == [
        "区教育局",
        "  规划                        变化  节点      内容                      记录",
        f'  区教育事业发展"十四五"规划  备注  衔接协调  与市教育规划衔接: 已完成  2020-09-10 Wang Fang {c[5]}',
        "",
        "甲镇",
        "  规划              变化  节点      内容        记录",
        f'  甲镇"十四五"规划  完成  完成初稿  2020-09-14  2020-09-12 李伟 {c[6]}',
    ]


def test_check_history_warns_about_back_dated_and_early_entries(cli, audited) -> None:
    path, c = audited
    code, out, err = cli("check", "--history", "--as-of", "2020-09-15", "--lang", "en")
    assert (code, err) == (0, "")
    found = [ln for ln in out.splitlines() if " PT302 " in ln or " PT303 " in ln]
    assert found == [
        f"plans.yaml:16:94: PT303 [warning] town-plan/first-draft done 2020-09-14 was recorded on 2020-09-12 ({c[6]}, 李伟), before it happened",
        f"plans.yaml:26:30: PT302 [warning] edu-plan/coordination done 2020-07-10 was first recorded on 2020-08-30 ({c[3]}, Wang Fang), 51 days later (more than 7): back-dated?",
    ]
    lines = path.read_text(encoding="utf-8").splitlines()  # the locations point at the done dates
    assert lines[15][93:103] == "2020-09-14" and lines[25][29:39] == "2020-07-10"
    code, out, _ = cli("check", "--history", "--backdate-days", "60", "--as-of", "2020-09-15", "--format", "json")
    assert [p["code"] for p in json.loads(out)["problems"] if p["code"] in ("PT302", "PT303")] == ["PT303"]


def test_commit_takes_only_the_file_with_the_configured_author(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var)
    git(tmp_path, "config", "user.name", "区发改委规划科")
    git(tmp_path, "config", "user.email", "ghk@qingshan.gov.cn")
    (tmp_path / "notes.txt").write_text("a colleague's work in progress\n")
    git(tmp_path, "add", "notes.txt")
    code, out, err = cli("done", "edu-plan", "first-draft", "--date", "2020-06-03", "--commit", "--lang", "en")
    assert code == 0, err
    assert (
        out.splitlines()[-1]
        == f"committed {git(tmp_path, 'rev-parse', '--short', 'HEAD')}: done: edu-plan/first-draft 2020-06-03"
    )
    assert git(tmp_path, "show", "--name-only", "--format=%an <%ae>|%s", "HEAD").splitlines() == [
        "区发改委规划科 <ghk@qingshan.gov.cn>|done: edu-plan/first-draft 2020-06-03",
        "",
        "plans.yaml",
    ]
    assert git(tmp_path, "diff", "--cached", "--name-only") == "notes.txt"
    assert git(tmp_path, "status", "--porcelain") == "A  notes.txt"


def test_changes_looking_back_ends_at_as_of_and_uncommitted_edits_count_now(cli, audited) -> None:
    _, c = audited
    code, out, _ = cli("changes", "--since", "2020-08-01", "--as-of", "2020-08-31", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert [(i["milestone"], i["recorded"]["commit"]) for i in doc["completed"]] == [("coordination", c[3])]
    assert [(i["milestone"], i["from"], i["to"]) for i in doc["deadlines_moved"]] == [
        ("finished", "2020-09-30", "2020-09-25")
    ]
    assert doc["plans_added"] == [] and doc["newly_overdue"] == []
    assert cli("done", "edu-plan", "opinions", "--date", "2020-09-14")[0] == 0  # not committed
    code, out, _ = cli("changes", "--since", c[6], "--as-of", "2020-09-15", "--lang", "en", "--width", "200")
    assert out.splitlines()[3:] == [
        "区教育局",
        "  plan                        change  milestone  details     recorded",
        '  区教育事业发展"十四五"规划  done    征求意见   2020-09-14  (not committed)',
    ]


def test_changes_include_extensions_granted_and_log_entries(cli, audited, monkeypatch) -> None:
    from tests.edit.gitrepo_helpers import LI, as_author

    as_author(monkeypatch, LI, "2020-09-14T10:00:00+08:00")
    code, _, err = cli(
        "extend", "edu-plan", "finished", "2020-10-31", "--by", "gov", "--ref", "青政办函〔2020〕15号", "--commit"
    )
    assert code == 0, err
    code, _, err = cli("note", "edu-plan", "finished", "--log", "电话督办", "--date", "2020-09-14", "--commit")
    assert code == 0, err
    code, out, _ = cli("changes", "--since", "2020-09-13", "--as-of", "2020-09-15", "--format", "json")
    doc = json.loads(out)
    assert doc["totals"]["extensions"] == 1
    assert [(i["milestone"], i["until"]) for i in doc["extensions"]] == [("finished", "2020-10-31")]
    assert [(i["milestone"], i["date"], i["text"]) for i in doc["log"]] == [("finished", "2020-09-14", "电话督办")]
    code, out, _ = cli("changes", "--since", "2020-09-13", "--as-of", "2020-09-15", "--lang", "zh")
    assert "批准延期 1 个" in out.splitlines()[1]
    assert any("批准延期  完成规划  延至 2020-10-31" in ln for ln in out.splitlines())
    assert any("督办记录  完成规划  2020-09-14 电话督办" in ln for ln in out.splitlines())
