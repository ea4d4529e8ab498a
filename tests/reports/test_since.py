"""--since adds the period's changes: what `changes --since` reports, in each format."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import DISTRICT
from tests.edit.gitrepo_helpers import LI, as_author, init_repo
from tests.reports.test_html import Page


@pytest.fixture
def repo(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, git_env) -> Path:
    """The fixture district committed on 2020-06-01, then one milestone done and one deadline moved in September."""
    folder = tmp_path / "r"
    folder.mkdir()
    path = init_repo(folder, monkeypatch, DISTRICT.read_text(encoding="utf-8"))
    monkeypatch.chdir(folder)
    for when, args in (
        ("2020-09-10T10:00:00+08:00", ["done", "edu-plan", "finished", "--date", "2020-09-10"]),
        ("2020-09-11T10:00:00+08:00", ["due", "transport-plan", "gov-review", "2020-11-30"]),
    ):
        as_author(monkeypatch, LI, when)
        code, _, err = cli(*args, "--commit", "--lang", "en")
        assert code == 0, err
    return path


def test_changes_sheet_equals_changes_json(cli, repo: Path, tmp_path: Path) -> None:
    code, out, _ = cli("changes", "--since", "2020-09-01", "--as-of", "2020-09-15", "--format", "json")
    assert code == 0
    expected = json.loads(out)
    assert len(expected["completed"]) == 1 and len(expected["deadlines_moved"]) == 1
    xlsx = tmp_path / "r.xlsx"
    code, _, err = cli("report", "--format", "xlsx", "-o", str(xlsx), "--since", "2020-09-01", "--as-of", "2020-09-15")
    assert code == 0, err
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["总表", "台账", "逾期", "变更"]
    body = list(wb["变更"].iter_rows(min_row=2, values_only=True))
    assert body[0][:3] == ("已完成节点", '青山区教育事业发展"十四五"规划', "完成规划")
    assert body[0][5] == datetime.fromisoformat(expected["completed"][0]["done"])
    moved = expected["deadlines_moved"][0]
    assert body[1][0] == "期限调整" and body[1][4:6] == (
        datetime.fromisoformat(moved["from"]),
        datetime.fromisoformat(moved["to"]),
    )
    assert len(body) == sum(len(expected[k]) for k in ("completed", "deadlines_moved", "plans_added", "newly_overdue"))


def test_since_in_word_and_html(cli, repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code, _, err = cli("report", "--format", "docx", "-o", str(out), "--since", "2020-09-01", "--as-of", "2020-09-15")
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "五、本期变化情况" in texts
    assert "2020年9月1日至2020年9月15日，完成节点1个，调整期限1个，新增规划0项，新增逾期节点0个。" in texts
    code, html, _ = cli("report", "--since", "2020-09-01", "--as-of", "2020-09-15")
    page = Page(html)
    assert page.texts[("data-changes", "completed")] == "1" and page.texts[("data-changes", "moved")] == "1"


def test_without_since_no_changes(report) -> None:
    assert "变更" not in openpyxl.load_workbook(report("xlsx")).sheetnames


def test_a_plan_that_cannot_be_read_is_named_in_every_format(cli, tmp_path: Path) -> None:
    import shutil

    from tests.conftest import FIXTURE
    from tests.reports.conftest import AS_OF

    shutil.copytree(FIXTURE, tmp_path / "d")
    plans = tmp_path / "d" / "plans.yaml"
    plans.write_text(
        plans.read_text(encoding="utf-8").replace("{done: 2020-05-27}", "{done: 2020-13-27}"), encoding="utf-8"
    )
    base = ("report", "--as-of", AS_OF, "--file", str(plans))
    code, html, err = cli(*base)
    assert code == 0 and "skipped: edu-plan" in err
    page = Page(html)
    assert (
        page.texts[("data-skipped", "edu-plan")]
        == "以下规划数据有误未能读取，未计入本报告（请运行 plantrack check）：edu-plan"
    )
    assert page.texts[("data-count", "plans")] == "31"
    code, _, _ = cli(*base, "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    assert code == 0 and openpyxl.load_workbook(tmp_path / "r.xlsx")["总表"]["A3"].value.endswith("：edu-plan")
    code, _, _ = cli(*base, "--format", "docx", "-o", str(tmp_path / "r.docx"), "--lang", "en")
    texts = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert texts[2] == "Plans that could not be read, not counted here (run plantrack check): edu-plan"
