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
    _, c = audited
    code, out, err = cli(
        "changes", "--since", "2020-08-01", "--as-of", "2020-09-15", "--format", "markdown", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert (
        out
        == f"""\
## Changes from 2020-08-01 to 2020-09-15

### Milestones completed (2)

| Plan/milestone | Name | Done | Recorded |
| --- | --- | --- | --- |
| edu-plan/coordination | 衔接协调 | 2020-07-10 | 2020-08-30 Wang Fang {c[3]} |
| town-plan/first-draft | 完成初稿 | 2020-09-14 | 2020-09-12 李伟 {c[6]} |

### Deadlines moved (1)

| Plan/milestone | Name | Due | Recorded |
| --- | --- | --- | --- |
| edu-plan/finished | 完成规划 | 2020-09-30 → 2020-09-25 | 2020-08-10 李伟 {c[2]} |

### Plans added (1)

| Plan/milestone | Name | Kind | Recorded |
| --- | --- | --- | --- |
| health-plan | 区卫生健康规划 | special | 2020-09-02 李伟 {c[4]} |

### Newly overdue (3)

| Plan/milestone | Name | Due | Owner |
| --- | --- | --- | --- |
| health-plan/proposal | 提出需编制的规划报区政府审批 | 2019-10-10 (341 days) | health |
| health-plan/start-approval | 区政府批准启动编制 | 2019-11-30 (290 days) | health |
| health-plan/first-draft | 完成初稿 | 2020-05-31 (107 days) | health |
"""
    )


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
    assert out.splitlines()[:5] == [
        "规划编制进展（2020-09-02 至 2020-09-15）",
        "",
        "已完成节点（1）",
        "  规划/节点              名称      完成日期    记录",
        f"  town-plan/first-draft  完成初稿  2020-09-14  2020-09-12 李伟 {c[6]}",
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
    code, out, _ = cli("changes", "--since", c[6], "--as-of", "2020-09-15", "--lang", "en")
    assert out.splitlines()[2:5] == [
        "Milestones completed (1)",
        "  PLAN/MILESTONE     NAME      DONE        RECORDED",
        "  edu-plan/opinions  征求意见  2020-09-14  (not committed)",
    ]
