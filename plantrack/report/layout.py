"""Fitting a grid to a width: the table when it fits, else one block per row.

The rule every table view follows, driven by the column specs (grid.Column):
a column that does not `wrap` (an id, a number, a date, a state) is never cut;
a wrapping column (a name, a note) gives way first, down to its `min_width`;
when even that does not fit, the grid is stacked: a heading line per row (its
`key` columns), then one `label: value` line per other column. Nothing is ever
dropped or cropped, so a new column or row inherits this by its spec alone.

Pure text, no rich: the plain tables (history, changes) use it as it is, and
report/tables.py styles the same lines for a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from plantrack.i18n import COLON
from plantrack.report.grid import char_width, width
from plantrack.report.safe import clean

if TYPE_CHECKING:
    from plantrack.report.grid import Cell, Column, Grid

GAP = 2  # cells between columns
BAR = 4  # cells of a progress bar
FLOOR = 4  # the narrowest a wrapping column without a min_width may get
INDENT = 2  # of a stacked row's `label: value` lines
PUNCTUATION = "（）【】《》，。；：、"  # full-width marks that may stick to an ASCII word

Segment = tuple[str, str]  # (text, style key: a state's value, "dim", "bold", or "")
Line = list[Segment]


def wrap(text: str, limit: int) -> list[str]:
    """`text` in lines of at most `limit` columns: broken at spaces; Chinese (which has no
    spaces, and breaks between any two characters) and a word longer than a line fold where they stand.
    """
    limit = max(1, limit)
    lines: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0
        for word in _words(para):
            bare = word.rstrip()
            if used + width(bare) <= limit:
                line, used = line + word, used + width(word)
                continue
            # a word (a date, an id: ASCII but for full-width brackets around it) moves whole to the next line
            if line and width(bare) <= limit and bare.strip(PUNCTUATION).isascii():
                lines.append(line.rstrip())
                line, used = "", 0
            while used + width(bare) > limit:  # fold (a CJK run): fill this line, then the next
                cut, size = 0, used
                while cut < len(bare) and size + char_width(bare[cut]) <= limit:
                    size += char_width(bare[cut])
                    cut += 1
                if cut == 0 and used == 0:
                    cut = 1  # a character wider than the line: it goes on a line alone
                lines.append((line + bare[:cut]).rstrip())
                line, used = "", 0
                bare, word = bare[cut:], word[cut:]
            line, used = line + word, used + width(word)
        lines.append(line.rstrip())
    return lines


def _words(text: str) -> list[str]:
    """Each word with the blanks after it (and the leading blanks with the first word)."""
    out: list[str] = []
    for part in text.split(" "):
        if out and not part:
            out[-1] += " "
        elif out:
            out[-1] += " "
            out.append(part)
        else:
            out.append(part)
    return [w for w in out if w] or [""]


def bar(done: int, total: int) -> Line:
    full = round(BAR * done / total) if total else 0
    return [(" ", ""), ("━" * full, "done"), ("─" * (BAR - full), "dim")]


def least(column: Column) -> int:
    """A wrapping column's minimum: its min_width, and never narrower than a word of
    an English header (`responsible` does not break into `responsibl` / `e`)."""
    words = column.header.split() if column.header.isascii() else []
    return max([column.min_width or FLOOR, *(width(w) for w in words)])


def floor(column: Column, natural: int) -> int:
    """The narrowest a column may get: its text for one that never wraps."""
    return min(natural, least(column)) if column.wrap else natural


def fits(columns: Sequence[Column], natural: Sequence[int], total: int) -> bool:
    """Whether the table fits `total` columns with every wrapping column at its floor."""
    need = sum(floor(c, n) for c, n in zip(columns, natural, strict=True)) + GAP * (len(natural) - 1)
    return need <= total


def widths(columns: Sequence[Column], natural: Sequence[int], total: int) -> list[int]:
    """Column widths that fit `total`: one-line columns as they are, wrapping ones water-filled.

    The widest wrapping column gives way first, down to the next widest, and
    so on (never below its minimum), so the space goes where the text is long.
    """
    wraps = [i for i, col in enumerate(columns) if col.wrap]
    budget = total - GAP * (len(natural) - 1) - sum(w for i, w in enumerate(natural) if i not in wraps)
    floors = {i: min(natural[i], least(columns[i])) for i in wraps}

    def used(cap: int) -> int:
        return sum(min(natural[i], max(cap, floors[i])) for i in wraps)

    cap = max((natural[i] for i in wraps), default=0)
    while cap > 1 and used(cap) > budget:
        cap -= 1
    return [min(w, max(cap, floors[i])) if i in wraps else w for i, w in enumerate(natural)]


def label(header: str) -> str:
    """`header: ` in its language: a Chinese header takes the full-width colon."""
    return header + (": " if header.isascii() else COLON)


def _value(cell: Cell) -> tuple[str, Line]:
    text = clean(cell.text)
    return text, bar(*cell.bar) if cell.bar is not None else []


def stacked(grid: Grid, total: int) -> list[Line]:
    """One block per row: a bold heading of its key columns, then `label: value` lines.

    A grouped column (the owner in `overdue`) heads its run of rows once. Empty
    values are left out; a long value wraps under itself, never cut.
    """
    cols = grid.columns
    groups = [i for i, c in enumerate(cols) if c.group]
    keys = [i for i, c in enumerate(cols) if c.key] or [next(i for i in range(len(cols)) if i not in groups)]
    fields = [i for i in range(len(cols)) if i not in keys and i not in groups]
    labels = {i: label(clean(cols[i].header)) for i in fields}
    label_w = max((width(s) for s in labels.values()), default=0)
    if INDENT + label_w > total // 2:  # a narrow terminal: the value goes under its label
        label_w = 0
    room = total - INDENT - label_w
    out: list[Line] = []
    group: tuple[str, ...] | None = None
    for n, row in enumerate(grid.rows):
        if out:
            out.append([])
        if groups and (n in grid.sections or tuple(row[i].text for i in groups) != group):
            group = tuple(row[i].text for i in groups)
            out += [[(line, "bold")] for line in wrap("  ".join(clean(t) for t in group if t), total)]
        heading = "  ".join(clean(row[i].text) for i in keys if row[i].text)
        out += [[(line, "bold")] for line in wrap(heading, total)]
        for i in fields:
            text, after = _value(row[i])
            if not text:
                continue
            style = row[i].style or ""
            tag = labels[i] + " " * max(0, label_w - width(labels[i]))
            if label_w == 0:
                out.append([(" " * INDENT + tag, "dim")])
                lines, pad = wrap(text, total - 2 * INDENT), " " * 2 * INDENT
                out += [[(pad + line, style)] for line in lines[:-1]]
                out.append([(pad + lines[-1], style), *after])
                continue
            lines = wrap(text, room - sum(width(s) for s, _ in after)) if after else wrap(text, room)
            first: Line = [(" " * INDENT + tag, "dim"), (lines[0], style)]
            out.append(first + (after if len(lines) == 1 else []))
            rest = [[(" " * (INDENT + label_w) + line, style)] for line in lines[1:]]
            if rest and after:
                rest[-1] += after
            out += rest
    return out


def terminal_width(width: int | None) -> int:
    """The width asked for (--width), else the terminal's, else 100 (as the rich console's)."""
    import shutil

    return width or shutil.get_terminal_size((100, 24)).columns


def plain(grid: Grid, total: int | None) -> list[str]:
    """The grid as aligned plain columns fitted to `total`, or stacked below the width it fits in.

    For the long tables (history, changes): no rich, which costs about 0.6 ms a
    row. Without a width, the table as wide as its text.
    """
    cols = grid.columns
    header = [clean(c.header) for c in cols]
    # Each cell measured once: a history runs to thousands of rows.
    sized = [
        [(text, width(text)) for text in cells]
        for cells in [header, *([clean(c.text) for c in row] for row in grid.rows)]
    ]
    nat = [max(cells[i][1] for cells in sized) for i in range(len(cols))]
    if total is not None and not fits(cols, nat, total):
        return ["".join(s for s, _ in line).rstrip() for line in stacked(grid, total)]
    sizes = nat if total is None else widths(cols, nat, total)
    left = [col.justify == "left" for col in cols]
    wraps = [i for i, col in enumerate(cols) if col.wrap]
    out = []
    for cells in sized:
        if all(cells[i][1] <= sizes[i] for i in wraps):  # one line: the measured widths pad it
            out.append("  ".join(_pad(c, sizes[i] - n, left[i]) for i, (c, n) in enumerate(cells)).rstrip())
            continue
        parts = [wrap(c, sizes[i]) if i in wraps and n > sizes[i] else [c] for i, (c, n) in enumerate(cells)]
        for k in range(max(len(p) for p in parts)):
            line = [(p[k] if k < len(p) else "") for p in parts]
            out.append("  ".join(_pad(c, sizes[i] - width(c), left[i]) for i, c in enumerate(line)).rstrip())
    return out


def _pad(text: str, room: int, left: bool) -> str:
    return text + " " * room if left else " " * room + text
