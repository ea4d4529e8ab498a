"""The ledger read back with openpyxl: sheets, values and their types, fills, panes, print set-up."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import openpyxl

from plantrack.documents.words import COLOURS
from tests.conftest import DISTRICT
from tests.reports.conftest import AS_OF, stage_counts


def rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def test_sheets_in_chinese_by_default_and_english_on_request(report) -> None:
    assert openpyxl.load_workbook(report("xlsx")).sheetnames == ["总表", "台账", "逾期"]
    assert openpyxl.load_workbook(report("xlsx", "--lang", "en")).sheetnames == ["Summary", "Ledger", "Overdue"]


def test_plantrack_lang_env_picks_english(report, monkeypatch) -> None:
    monkeypatch.setenv("PLANTRACK_LANG", "en")
    assert openpyxl.load_workbook(report("xlsx")).sheetnames[0] == "Summary"


def blocks(ws) -> list[list[tuple]]:
    """The sheet's tables: runs of rows between blank rows, header first."""
    out: list[list[tuple]] = [[]]
    for r in rows(ws):
        if all(v is None for v in r):
            out.append([])
        else:
            out[-1].append(r)
    return [b for b in out if b]


def test_totals_equal_status_json(report, status_json) -> None:
    ws = openpyxl.load_workbook(report("xlsx"))["总表"]
    assert ws["B2"].value == datetime(2020, 9, 15)
    _, kinds_t, plans_t, steps_t, stages_t = blocks(ws)
    kinds = Counter(p["kind"] for p in status_json["plans"])
    by_kind = {r[0]: r[1] for r in kinds_t[1:]}
    assert by_kind["专项规划"] == kinds["special"] == 14
    assert by_kind["乡镇规划"] == kinds["township"] and by_kind["总数"] == len(status_json["plans"]) == 32
    assert plans_t[0][:2] == ("规划状态", "规划数")
    by_state = {r[0]: r[1] for r in plans_t[1:]}
    assert by_state["逾期"] == status_json["counts"]["overdue"] == 6
    assert by_state["临期"] == status_json["counts"]["due-soon"] and isinstance(by_state["逾期"], int)
    milestones = Counter(m["state"] for p in status_json["plans"] for m in p["milestones"])
    by_step = {r[0]: r[1] for r in steps_t[1:]}
    assert by_step["逾期"] == milestones["overdue"] and by_step["按期完成"] == milestones["done"]
    assert by_step["批准延期"] == 0 and by_step["总数"] == sum(milestones.values())
    # Stage statistics: kind, step, done, total, share (a number formatted as a percentage).
    stages = {(r[0], r[1]): r[2:5] for r in stages_t[1:]}
    done, total = stage_counts(status_json, "special", "first-draft")
    assert stages[("专项规划", "完成初稿")] == (done, total, done / total)
    assert (done, total) == (12, 14)
    assert ws.cell(len(rows(ws)), 5).number_format == "0%"


def test_ledger_matrix_dates_fills_and_panes(report, status_json) -> None:
    wb = openpyxl.load_workbook(report("xlsx"))
    ws = wb["台账"]
    head = [c.value for c in ws[1]]
    assert head[:8] == ["编号", "规划", "类型", "级别", "牵头单位", "状态", "已完成", "总数"]
    assert head.index("完成初稿") < head.index("完成规划") < head.index("区政府审议")  # the schedule's order
    plans = {p["id"]: p for p in status_json["plans"]}
    ids = [r[0] for r in rows(ws)[1 : len(plans) + 1]]
    assert sorted(ids) == sorted(plans)
    row = ids.index("edu-plan") + 2
    edu = {m["id"]: m for m in plans["edu-plan"]["milestones"]}
    assert ws.cell(row, 7).value == plans["edu-plan"]["progress"]["done"]
    assert isinstance(ws.cell(row, 7).value, int)
    draft = ws.cell(row, head.index("完成初稿") + 1)
    assert draft.value == datetime.fromisoformat(edu["first-draft"]["done"])
    assert draft.is_date and draft.fill.fgColor.rgb.endswith(COLOURS[edu["first-draft"]["state"]][0])
    finished = ws.cell(row, head.index("完成规划") + 1)
    assert finished.value == datetime.fromisoformat(edu["finished"]["due"])  # not done: the due date
    assert finished.fill.fgColor.rgb.endswith(COLOURS["due-soon"][0])
    eco = ids.index("eco-plan") + 2
    assert ws.cell(eco, head.index("完成初稿") + 1).fill.fgColor.rgb.endswith(COLOURS["overdue"][0])
    assert ws.cell(eco, 6).value == "逾期"
    assert ws.freeze_panes == "C2"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 8  # A3
    assert ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["B"].width >= 40  # the longest plan name, two columns a character
    legend = [r[0] for r in rows(ws)[len(plans) + 2 :] if r[0]]
    assert legend[:7] == ["图例", "逾期", "临期", "未到期", "批准延期", "延期完成", "按期完成"]


def test_overdue_sheet_lists_the_overdue_view_with_notes(report, overdue_json) -> None:
    ws = openpyxl.load_workbook(report("xlsx"))["逾期"]
    body = rows(ws)[1:]
    assert len(body) == len(overdue_json["items"]) == 9
    first = overdue_json["items"][0]
    assert body[0][2] == first["milestone_name"] and body[0][4] == datetime.fromisoformat(first["due"])
    assert body[0][5] == first["days_overdue"] and isinstance(body[0][5], int)
    assert "三线一单" in body[0][7]  # the note
    assert [r[3] for r in body].count("临期") == 1


def test_xlsx_needs_an_output_file(cli) -> None:
    code, out, err = cli("report", "--format", "xlsx", "--as-of", AS_OF, "--file", str(DISTRICT))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["plantrack: --format xlsx needs -o FILE (it is not text)"]


def test_unit_limits_the_ledger(report) -> None:
    ws = openpyxl.load_workbook(report("xlsx", "--unit", "区教育局"))["台账"]
    assert [r[0] for r in rows(ws)[1:4]] == ["edu-plan", "r-edu-layout", None]


def test_unknown_unit_is_a_usage_error(cli, tmp_path) -> None:
    code, _, err = cli(
        "report", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--file", str(DISTRICT), "--unit", "edux"
    )
    assert code == 2 and "edu" in err and not (tmp_path / "x.xlsx").exists()


def test_a_file_that_cannot_be_written_is_exit_4(cli, tmp_path) -> None:
    target = tmp_path / "missing" / "x.xlsx"
    code, _, err = cli("report", "--format", "xlsx", "-o", str(target), "--file", str(DISTRICT), "--lang", "en")
    assert code == 4 and err.startswith(f"plantrack: cannot write {target}: ") and len(err.splitlines()) == 1


def test_an_unknown_format_is_exit_2(cli) -> None:
    code, _, err = cli("report", "--format", "pdf", "--file", str(DISTRICT))
    assert code == 2 and "'pdf' is not one of 'xlsx', 'html', 'docx'" in err
