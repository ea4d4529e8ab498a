"""The periodic report read back with python-docx: prose, tables, fonts (East Asian too), margins."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.reports.conftest import stage_counts


def east_asian(element) -> str | None:
    fonts = (
        element.find(qn("w:rPr") + "/" + qn("w:rFonts")) if element.tag != qn("w:rPr") else element.find(qn("w:rFonts"))
    )
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_prose_summary_from_the_data(report, status_json) -> None:
    d = docx.Document(str(report("docx")))
    texts = [p.text for p in d.paragraphs]
    counts = status_json["counts"]
    drafts = sum(
        m["state"] in ("done", "late")
        for p in status_json["plans"]
        for m in p["milestones"]
        if m["id"] == "first-draft"
    )
    assert texts[0] == '江州市青山区"十四五"规划编制工作进展情况'
    assert texts[1] == "（截至2020年9月15日）"
    assert texts[2] == "一、总体情况"
    assert texts[3].startswith(
        f"截至2020年9月15日，全区32项规划中，已完成初稿{drafts}项，"
        f"全部节点已完成{counts['done'] + counts['late']}项，逾期{counts['overdue']}项，临期{counts['due-soon']}项。"
    )
    done, total = stage_counts(status_json, "special", "first-draft")
    assert f"专项规划14项，完成初稿{done}项" in texts[4] and total == 14
    assert texts[5].startswith("逾期节点涉及6个责任单位，分别为")


def test_tables_and_late_items_with_reason_and_unit(report, status_json, overdue_json) -> None:
    d = docx.Document(str(report("docx")))
    stages, plans = d.tables
    assert [c.text for c in stages.rows[0].cells] == ["类型", "节点", "进度"]
    assert ["专项规划", "完成初稿", "12/14"] in [[c.text for c in r.cells] for r in stages.rows]
    assert len(plans.rows) == 1 + len(status_json["plans"])
    first = status_json["plans"][0]
    assert plans.rows[1].cells[0].text == first["name"]
    assert plans.rows[1].cells[5].text == "逾期" and first["state"] == "overdue"
    late = [p.text for p in d.paragraphs if p.text[:1].isdigit()]
    overdue = [i for i in overdue_json["items"] if i["state"] == "overdue"]
    assert (
        len(late) == len(overdue) == 8
    )  # 6 plans; transport-plan owes three steps (own date pulls in the steps before it)
    assert late[0].startswith(f"1.{overdue[0]['owner_name']}：") and "原因：等待市级生态环境保护规划" in late[0]
    assert f"已逾期{overdue[0]['days_overdue']}天" in late[0]


def test_fonts_and_margins_follow_gbt_9704(report) -> None:
    d = docx.Document(str(report("docx")))
    normal = d.styles["Normal"]
    assert normal.font.size == Pt(16)  # 三号
    assert east_asian(normal.element.rPr) == "仿宋"
    title = d.paragraphs[0].runs[0]
    assert east_asian(title._element) == "方正小标宋简体" and title.font.size == Pt(22)
    cells = d.styles["Table Text"]
    assert east_asian(cells.element.rPr) == "仿宋" and cells.font.size == Pt(10.5)  # 五号
    assert d.tables[1].rows[1].cells[0].paragraphs[0].style.name == "Table Text"
    heading = d.paragraphs[2].runs[0]
    assert east_asian(heading._element) == "黑体"
    s = d.sections[0]
    # Word stores twips: compare in whole millimetres.
    margins = (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    foot = s.footer.paragraphs[0]
    assert foot.text == "— " + " —" and foot._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE"
    fonts = parse_xml(next(p for p in d.part.package.iter_parts() if p.partname == "/word/fontTable.xml").blob)
    entry = [f for f in fonts.findall(qn("w:font")) if f.get(qn("w:name")) == "方正小标宋简体"]
    assert entry and entry[0].find(qn("w:altName")).get(qn("w:val")) == "黑体"


def test_docx_needs_an_output_file(cli) -> None:
    from tests.conftest import DISTRICT

    code, _, err = cli("report", "--format", "docx", "--file", str(DISTRICT))
    assert code == 2 and "needs -o FILE" in err


def test_english_report(report) -> None:
    d = docx.Document(str(report("docx", "--lang", "en")))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "Progress of the 14th Five-Year Plan's compilation"
    assert texts[3].startswith("As of 2020-09-15, of the district's 32 plans, ")
    assert any(t.startswith("1. ") and "days overdue. Reason: " in t for t in texts)
