"""The one registry of output formats: a view's grids and JSON document, written as any of them.

A view produces data (plantrack.views); its report module (report/status.py,
…) turns that into a `Report`: grids in one language, and a JSON document in
none. `write` picks the writer by format name. A new format (xlsx, html,
docx, ics) is one member of `Format` and one writer in `WRITERS`; a view that
lays out a format its own way (the timeline's axis) names it in `Report.own`.
Only the table writer imports rich.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, TextIO

from plantrack.report.safe import clean, json_escape

if TYPE_CHECKING:
    from plantrack.report.grid import Grid

VERSION = 1  # of the JSON documents (docs/format.md)


class Format(str, Enum):
    """The --format vocabulary of every command but `check` (whose formats are reporters of problems)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@dataclass(frozen=True)
class Report:
    """A view ready to write. Grids and document are made only when their format is asked for."""

    grids: Callable[[], Sequence[Grid]]
    doc: Callable[[], dict[str, Any]]
    view: Any = None  # the data the report was made from, for the command's exit code
    own: Mapping[str, Writer] = field(default_factory=dict)  # formats this view lays out itself
    main: int | None = None  # the grid csv writes when there are several (one table a file); -1 the last


Writer = Callable[[Report, TextIO, "int | None"], None]


def head(as_of: date, **more: Any) -> dict[str, Any]:
    """The keys every JSON document starts with."""
    return {"version": VERSION, "as_of": as_of.isoformat(), **more}


def day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def write(report: Report, fmt: str, out: TextIO, width: int | None = None) -> None:
    """Write `report` as `fmt` (a Format value) to `out`; `width` is the table's, else the terminal's."""
    (report.own.get(fmt) or WRITERS[fmt])(report, out, width)


def write_json(doc: dict[str, Any], out: TextIO) -> None:
    """One top-level key a line, and one plan or item a line in the lists.

    Readable and diffable per plan, and fast: json's indented output is pure
    Python and took most of a second on a thousand plans; this uses the C
    encoder. json escapes C0 controls; DEL, C1 and bidi controls are escaped too.
    """
    import json

    def dumps(value: Any) -> str:
        return json_escape(json.dumps(value, ensure_ascii=False))

    lines = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {dumps(v)}" for v in value)
            lines.append(f"  {dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}")
    out.write("{\n" + ",\n".join(lines) + "\n}\n")


def write_csv(grids: Sequence[Grid], out: TextIO, main: int | None = None) -> None:
    """One table a file, as a spreadsheet reads it: a header row, then one row per line of the view.

    A view with several grids writes its `main` one; without one (the sections
    of `changes`) they become one table, a first column naming each row's grid.
    A progress bar becomes two numbers (done, total) and a cell with a plain
    `value` (days) writes that: `4/10` or `逾期107天` would not sort or sum,
    and Excel reads `4/10` as a date. Preamble and footer are for people and
    would break the import. A UTF-8 BOM goes first when the output is a file,
    so that Excel reads the Chinese; a pipe to a script gets none.
    """
    import csv

    if main is not None:
        grids = [grids[main]]
    elif len(grids) > 1:
        grids = [_one_table(grids)]
    if is_file(out):
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    for g in grids[:1]:
        bars = [any(r[i].bar is not None for r in g.rows) for i in range(len(g.columns))]
        header: list[str] = []
        for c, split in zip(g.columns, bars, strict=True):
            header += list(c.parts or (f"{c.header} (done)", f"{c.header} (total)")) if split else [c.header]
        writer.writerow([clean(h) for h in header])
        for row in g.rows:
            line: list[str] = []
            for cell, split in zip(row, bars, strict=True):
                if split:
                    line += [str(n) for n in cell.bar] if cell.bar else ["", ""]
                else:
                    line.append(cell.text if cell.value is None else cell.value)
            writer.writerow([clean(c) for c in line])


def _one_table(grids: Sequence[Grid]) -> Grid:
    """Several grids as one: a first column with each row's grid title, the union of their columns."""
    from plantrack.report.grid import Cell, Column, Grid

    headers: list[str] = []
    for g in grids:
        headers += [c.header for c in g.columns if c.header not in headers]
    rows = []
    for g in grids:
        index = {c.header: i for i, c in enumerate(g.columns)}
        title = g.title.rsplit(" (", 1)[0]  # without the count
        rows += [(Cell(title), *(r[index[h]] if h in index else Cell("") for h in headers)) for r in g.rows]
    return Grid((Column(""), *(Column(h) for h in headers)), tuple(rows))


def is_file(out: TextIO) -> bool:
    """Whether `out` is a regular file (`-o FILE`, or stdout sent to one), not a terminal or a pipe."""
    import os
    import stat

    try:
        return stat.S_ISREG(os.fstat(out.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # a StringIO, a test's capture
        return False


def md(text: str) -> str:
    """One markdown cell or line: a pipe would end the cell and a newline the row; markdown has escapes for both."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
    return clean(text)


def write_markdown(grids: Sequence[Grid], out: TextIO) -> None:
    """GitHub-flavoured markdown: particulars as lines, the table, the footer as a paragraph."""
    for i, g in enumerate(grids):
        if i:
            out.write("\n")
        if g.preamble:
            out.write("  \n".join(md(line) for line in g.preamble) + "\n\n")
        if g.title:
            out.write(f"### {md(g.title)}\n\n")
        if not g.rows and g.empty:
            out.write(f"_{md(g.empty)}_\n")
        else:
            out.write("| " + " | ".join(md(c.header) for c in g.columns) + " |\n")
            out.write("| " + " | ".join("---:" if c.justify == "right" else "---" for c in g.columns) + " |\n")
            for row in g.rows:
                out.write("| " + " | ".join(md(cell.text) for cell in row) + " |\n")
        if g.footer:
            out.write(f"\n{md(g.footer)}\n")


def _table(report: Report, out: TextIO, width: int | None) -> None:
    from plantrack.report.tables import render
    from plantrack.report.terminal import console

    render(report.grids(), console(width, out))


WRITERS: dict[str, Writer] = {
    Format.table.value: _table,
    Format.csv.value: lambda r, out, _w: write_csv(r.grids(), out, r.main),
    Format.markdown.value: lambda r, out, _w: write_markdown(r.grids(), out),
    Format.json.value: lambda r, out, _w: write_json(r.doc(), out),
}
