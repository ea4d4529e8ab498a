"""A unit's notice (督办单) as a Word document, in the house style of documents/docx.py (GB/T 9704)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from plantrack.documents.docx import (
    HEADING_FONT,
    TITLE_FALLBACK,
    TITLE_FONT,
    _fallback,
    _fonts,
    _page,
    _para,
    _styles,
    _title,
)
from plantrack.report.notice import Block


def write(blocks: Sequence[Block], path: Path) -> None:
    doc = Document()
    _page(doc)
    _styles(doc)
    _fallback(doc, TITLE_FONT, TITLE_FALLBACK)
    k = 0
    for b in blocks:
        k = k + 1 if b.kind == "item" else 0
        if b.kind == "title":
            _title(doc, b.text)
        elif b.kind == "to":
            doc.add_paragraph(b.text)  # the addressee: flush left, no indent (GB/T 9704 主送机关)
        elif b.kind == "heading":
            p = _para(doc, "")
            _fonts(p.add_run(b.text), HEADING_FONT)
        elif b.kind == "item":
            _para(doc, f"{k}.{b.text}")
        elif b.kind == "sign":
            p = doc.add_paragraph(b.text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            _para(doc, b.text)
    doc.save(str(path))
