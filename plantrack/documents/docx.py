"""The periodic report (定期总结 / 督办通报) as a Word document, laid out after GB/T 9704.

Title in 方正小标宋 (黑体 where it is not installed), body in 仿宋 三号 (16 pt),
margins 37/35/28/26 mm (top/bottom/left/right). Chinese fonts are set as the
East Asian font (w:eastAsia), which is the one Word and WPS use for CJK text.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from plantrack.documents import prose, words
from plantrack.documents.data import ReportData, log_entries
from plantrack.documents.words import w

TITLE_FONT, TITLE_FALLBACK = "方正小标宋简体", "黑体"
BODY_FONT, HEADING_FONT, SUB_FONT = "仿宋", "黑体", "楷体"
LATIN = "Times New Roman"
SIZE_TITLE, SIZE_BODY, SIZE_TABLE = Pt(22), Pt(16), Pt(10.5)  # 二号, 三号, 五号
NUMERALS = "一二三四五六七八九十"
TABLE_TEXT, TABLE_HEAD = "Table Text", "Table Heading"  # paragraph styles of table cells
TABLE_TEXT_ID, TABLE_HEAD_ID = "TableText", "TableHeading"  # python-docx drops the space


def write(data: ReportData, path: Path) -> None:
    doc = Document()
    _page(doc)
    _styles(doc)
    _fallback(doc, TITLE_FONT, TITLE_FALLBACK)
    lang = data.lang
    title = f"{data.district or ''}{w('title', lang)}" if lang == "zh" else w("title", lang)
    _title(doc, title)
    sub = doc.add_paragraph(
        f"\uff08截至{words.day(data.as_of, lang)}\uff09" if lang == "zh" else f"(as of {words.day(data.as_of, lang)})"
    )
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(sub.runs[0], SUB_FONT)
    if data.skipped:
        warn = _para(doc, words.skipped(data.skipped, lang))
        warn.runs[0].font.color.rgb = RGBColor.from_string(words.COLOURS["overdue"][1])
    sections = [
        (w("totals", lang) if lang != "zh" else "总体情况", lambda: _prose(doc, data)),
        (w("stages", lang), lambda: _stages(doc, data)),
        (w("status", lang), lambda: _status(doc, data)),
        (w("late_items", lang), lambda: _late(doc, data)),
    ]
    if data.changes is not None:
        sections.append((w("period", lang), lambda: _changes(doc, data)))
    for n, (heading, body) in enumerate(sections):
        _heading(doc, f"{NUMERALS[n]}、{heading}" if lang == "zh" else f"{n + 1}. {heading}")
        body()
    doc.save(str(path))


def _page(doc: DocumentObject) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    # The page number, "— 1 —" in 四号 宋体, centred at the foot of the page.
    foot = s.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(foot.add_run("\u2014 "), "宋体", Pt(14))
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    foot._p.append(field)
    run = foot.add_run(" \u2014")
    _fonts(run, "宋体", Pt(14))
    field.append(copy.deepcopy(run._r))
    field[0].find(qn("w:t")).text = "1"  # type: ignore[union-attr]


def _east_asian(rpr_owner: object, font: str) -> None:
    """Set the East Asian font of a style or run: python-docx's font.name sets only the Latin ones."""
    rpr = rpr_owner.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = LATIN  # type: ignore[attr-defined]
    normal.font.size = SIZE_BODY  # type: ignore[attr-defined]
    _east_asian(normal.element, BODY_FONT)
    fmt = normal.paragraph_format  # type: ignore[attr-defined]
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)  # 22 lines to a page
    fmt.space_after = Pt(0)
    for name, font, bold in ((TABLE_TEXT, BODY_FONT, False), (TABLE_HEAD, HEADING_FONT, True)):
        table = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        table.base_style = normal
        table.font.size, table.font.bold = SIZE_TABLE, bold  # type: ignore[attr-defined]
        _east_asian(table.element, font)
        tf = table.paragraph_format  # type: ignore[attr-defined]
        tf.first_line_indent, tf.line_spacing_rule = Pt(0), WD_LINE_SPACING.SINGLE


def _fallback(doc: DocumentObject, font: str, alt: str) -> None:
    """Name `alt` as the font to use where `font` is missing (fontTable's w:altName)."""
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if part is None:
        return
    table = parse_xml(part.blob)
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), font)
    for tag, value in (("w:altName", alt), ("w:charset", "86")):  # 86: GB2312
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        entry.append(child)
    table.append(entry)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)  # type: ignore[attr-defined]


def _fonts(run: object, east_asian: str, size: Pt | None = None, bold: bool = False) -> None:
    run.font.name = LATIN  # type: ignore[attr-defined]
    if size is not None:
        run.font.size = size  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    _east_asian(run._element, east_asian)  # type: ignore[attr-defined]


def _title(doc: DocumentObject, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.line_spacing = Pt(35)
    p.paragraph_format.space_after = Pt(14)
    run = p.add_run(text)
    _fonts(run, TITLE_FONT, SIZE_TITLE)
    # Tell Word the run is East Asian text, so it takes the eastAsia font (and its fallback).
    run._element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:hint"), "eastAsia")  # type: ignore[union-attr]


def _heading(doc: DocumentObject, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.keep_with_next = True
    _fonts(p.add_run(text), HEADING_FONT)


def _para(doc: DocumentObject, text: str) -> Paragraph:
    p = doc.add_paragraph(text)
    p.paragraph_format.first_line_indent = Pt(32)  # two characters
    return p


def _prose(doc: DocumentObject, data: ReportData) -> None:
    for text in prose.paragraphs(data):
        _para(doc, text)


def _table(
    doc: DocumentObject, head: Sequence[str], rows: Sequence[Sequence[str]], fills: Sequence[str | None] = ()
) -> None:
    """A plain grid in 五号; `fills` colours each row's last cell by state (its key)."""
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        _cell(cell, text, bold=True)
    for n, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            _cell(cell, text)
        key = fills[n] if n < len(fills) else None
        if key:
            _shade(cells[-1], words.COLOURS[key][0])
            cells[-1].paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(words.COLOURS[key][1])
    doc.add_paragraph()


def _cell(cell: object, text: str, bold: bool = False) -> None:
    p = cell.paragraphs[0]  # type: ignore[attr-defined]
    # A style, not fonts on each run, and set by its id: python-docx's lookup by
    # name scans every style, for each of 6,000 cells at 1,000 plans.
    p._p.style = TABLE_HEAD_ID if bold else TABLE_TEXT_ID
    p.add_run(text)


def _shade(cell: object, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)  # type: ignore[attr-defined]


def _stages(doc: DocumentObject, data: ReportData) -> None:
    lang, s = data.lang, data.summary
    rows = [[words.kind(st.kind, lang), st.name, f"{st.done}/{st.total}"] for st in s.stages]
    _table(doc, [w("kind", lang), w("step", lang), w("progress", lang)], rows)


def _status(doc: DocumentObject, data: ReportData) -> None:
    lang = data.lang
    head = [w("plan", lang), w("owner", lang), w("progress", lang), w("next", lang), w("due", lang), w("state", lang)]
    rows, fills = [], []
    for r in data.status.rows:
        nxt = r.next
        rows.append(
            [
                r.plan.name,
                r.owner_name,
                f"{r.done}/{r.total}",
                nxt.spec.name if nxt else "",
                nxt.due.isoformat() if nxt and nxt.due else "",
                words.state(r.state.value, lang),
            ]
        )
        fills.append(r.state.value)
    _table(doc, head, rows, fills)


def _late(doc: DocumentObject, data: ReportData) -> None:
    """Each overdue item with its reason (note, log), by responsible unit."""
    lang = data.lang
    n = 0
    for g in data.overdue.groups:
        for i in g.items:
            if i.days_overdue is None:
                continue
            n += 1
            due = words.day(i.step.due, lang)
            reason = i.step.note or w("no_reason", lang)
            if lang == "zh":
                text = f"{n}.{g.name}\uff1a{i.plan.name}\u201c{i.step.spec.name}\u201d\uff0c期限{due}\uff0c已逾期{i.days_overdue}天。原因\uff1a{reason}。"
            else:
                text = f"{n}. {g.name}: {i.plan.name}, '{i.step.spec.name}', due {due}, {i.days_overdue} days overdue. Reason: {reason}."
            _para(doc, text.replace("。。", "。"))
            for when, entry in log_entries(i.step):
                _para(
                    doc,
                    f"{w('log', lang)}\uff1a{words.day(when, lang)} {entry}"
                    if lang == "zh"
                    else f"{w('log', lang)}: {words.day(when, lang)} {entry}",
                )
    if n == 0:
        _para(doc, "目前没有逾期未完成的节点。" if lang == "zh" else "No milestone is overdue.")


def _changes(doc: DocumentObject, data: ReportData) -> None:
    lang, c = data.lang, data.changes
    assert c is not None
    _para(doc, prose.period(data))
    rows = []
    for key, label in words.CHANGE_KINDS.items():
        for item in getattr(c, key):
            plan = data.plans.plans.get(item.plan)
            rows.append(
                [
                    words.pair(label, lang),
                    plan.name if plan else item.plan,
                    item.name if item.milestone else "",
                    f"{item.old} → {item.new}" if item.old else (item.new or ""),
                ]
            )
    if rows:
        _table(doc, [w("what", lang), w("plan", lang), w("step", lang), w("new", lang)], rows)
