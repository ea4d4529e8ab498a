"""The timeline drawn on a terminal: phases and milestones on one axis, the reference date marked.

Layout (which column each date falls in) is views.timeline.place(); this
module only draws. rich measures the labels, so Chinese names line up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, TextIO

from plantrack.report import labels as L
from plantrack.report.formats import Report, day, head
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.grid import width as display_width
from plantrack.report.safe import clean
from plantrack.report.status import invalid_doc, plan_doc, skipped
from plantrack.report.terminal import STYLES, print_lines
from plantrack.state import WORST_FIRST, State
from plantrack.views.common import Parties
from plantrack.views.timeline import Layout, TimelineData, place, when

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from plantrack.models import PlansFile

GLYPHS = {State.DONE: "●", State.LATE: "◆", State.OVERDUE: "▲", State.DUE_SOON: "◎", State.OPEN: "○"}
MARKER = "bold blue"
Blank = Callable[[], list[tuple[str, str]]]  # an empty axis row: (character, style) per column
MIN_AXIS = 20  # the narrowest axis: labels give way (…) before it does
NAME_FROM = 140  # from this width on, plan names join the ids in the label column
AXIS_FLOOR = 100  # what the axis keeps before names get any room


def _labels(data: TimelineData, width: int) -> tuple[int, int]:
    """(label width, name width): ids always; names when the terminal is wide."""
    ids = max(
        [len(r.id) for r in data.rows]
        + [len(r.id) for r in data.invalid]
        + [display_width(clean(p.name)) for p in data.phases]
        + [8]
    )
    names = max((display_width(clean(r.plan.name)) for r in data.rows), default=0)
    spare = width - ids - 2 - AXIS_FLOOR
    name_w = min(names, spare) if width >= NAME_FROM and spare >= 10 else 0
    return ids, name_w


def _label(text: str, width: int) -> str:
    from rich.cells import cell_len, set_cell_size

    text = clean(text)
    if cell_len(text) > width:
        # Cut to fit the ellipsis; a wide character that would straddle the edge goes too.
        return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)
    return set_cell_size(text, width)


def _line(label: str, axis: list[tuple[str, str]]) -> Text:
    from rich.text import Text

    text = Text(label)
    while axis and axis[-1][0] == " ":
        axis.pop()  # no trailing blanks
    # One append per run of a style, not per character: a large district has many lines.
    run, current = "", ""
    for ch, style in axis:
        if style != current and run:
            text.append(run, current)
            run = ""
        run, current = run + ch, style
    if run:
        text.append(run, current)
    return text


def render(data: TimelineData, console: Console, lang: str) -> None:
    ids, name_w = _labels(data, console.width)
    ids = min(ids, max(4, console.width - MIN_AXIS - 1))  # every plan keeps a line, its id shortened at worst
    label_w = ids + (name_w + 1 if name_w else 0)
    cols = max(MIN_AXIS, console.width - label_w - 1)
    lay = place(data, cols)
    pad = " " * (label_w + 1)

    def blank() -> list[tuple[str, str]]:
        axis = [(" ", "")] * cols
        if lay.as_of_col is not None:
            axis[lay.as_of_col] = ("│", MARKER)
        return axis

    # The reference date, pointed at (or from the edge when it is off the axis).
    tag = f"{L.word('as_of', lang)} {data.as_of.isoformat()}"
    if display_width(tag) + 2 > cols:  # a narrow axis: the date alone
        tag = data.as_of.isoformat()
    size = display_width(tag) + 2
    if lay.as_of_col is None:
        head = f"◀ {tag}" if lay.as_of_side < 0 else " " * (cols - size) + f"{tag} ▶"
    elif lay.as_of_col + size <= cols:
        head = " " * lay.as_of_col + f"▼ {tag}"
    else:
        head = " " * max(0, lay.as_of_col - size + 1) + f"{tag} ▼"
    ticks = [" "] * cols
    axis = blank()
    for col, month in lay.ticks:
        label = month.strftime("%Y-%m")
        if col + len(label) <= cols:  # a label cut short would misread as another month
            ticks[col : col + len(label)] = label
        axis[col] = ("┬", "dim")
    axis = [(ch, st) if ch != " " else ("─", "dim") for ch, st in axis]
    if lay.as_of_col is not None:
        axis[lay.as_of_col] = ("┼", MARKER)
    keys = [f"{GLYPHS[s]} {L.state(s, lang)}" for s in WORST_FIRST] + [f"│ {L.word('as_of', lang)}"]
    lines = [
        _line(pad, [(c, MARKER) for c in head]),
        _line(pad, [(c, "dim") for c in "".join(ticks)]),
        _line(pad, axis),
        *_phases(lay, label_w, blank),
        *_lanes(lay, ids, name_w, blank, lang),
        *_invalid(data, ids, name_w, lang),
        *(_line("", [(c, "dim") for c in legend]) for legend in _pack(keys, console.width)),
    ]
    print_lines(console, lines)


def _pack(items: list[str], width: int) -> list[str]:
    """The legend's keys, two spaces apart, in as many lines as the width needs."""
    lines = [""]
    for item in items:
        if lines[-1] and display_width(lines[-1]) + 2 + display_width(item) > width:
            lines.append("")
        lines[-1] += ("  " if lines[-1] else "") + item
    return lines


def _phases(lay: Layout, label_w: int, blank: Blank) -> list[Text]:
    out = []
    for phase, c0, c1 in lay.phases:
        axis = blank()
        for c in range(c0, c1 + 1):
            axis[c] = ("━", "cyan")
        out.append(_line(_label(phase.name, label_w) + " ", axis))
    return out


def _lanes(lay: Layout, ids: int, name_w: int, blank: Blank, lang: str) -> list[Text]:
    """A line per plan; plans.yaml groups plans by kind, and a heading says where each group starts."""
    out, kind = [], None
    for lane in lay.lanes:
        plan = lane.row.plan
        if plan.kind != kind:
            kind = plan.kind
            out.append(_line(_label(L.kind(kind, lang), ids + (name_w + 1 if name_w else 0)) + " ", blank()))
        axis = blank()
        if lane.span:
            for c in range(lane.span[0], lane.span[1] + 1):
                if axis[c][0] == " ":
                    axis[c] = ("─", "dim")
        for m in lane.marks:
            axis[m.col] = (GLYPHS[m.state], STYLES[m.state.value])
        label = _label(lane.row.id, ids) + (" " + _label(plan.name, name_w) if name_w else "")
        out.append(_line(label + " ", axis))
    return out


def _invalid(data: TimelineData, ids: int, name_w: int, lang: str) -> list[Text]:
    """A heading and a line per plan that did not load: nothing to place, its problems in words."""
    if not data.invalid:
        return []
    out = [_line(clean(L.INVALID(lang)), [])]
    for r in data.invalid:
        u = r.plan
        label = clean(u.id).ljust(ids) + (" " + _label(u.name or "", name_w) if name_w else "")
        words = f"{L.INVALID(lang)}  {L.problems_text(u.codes, u.line, lang)}"
        out.append(_line(label + " ", [(c, "bold") for c in clean(words)]))
    return out


def timeline_doc(data: TimelineData, window: int, plans: PlansFile, everything: Any = None) -> dict[str, Any]:
    parties = Parties(plans.units)
    docs = []
    for r in data.rows:
        doc = plan_doc(r, parties)
        for m, s in zip(doc["milestones"], r.steps, strict=True):
            m["at"] = day(when(s))
        docs.append(doc)
    return {
        **head(data.as_of, within=window),
        "skipped": skipped(data.invalid if everything is None else everything),
        "start": day(data.start),
        "end": day(data.end),
        "phases": [{"id": p.id, "name": p.name, "start": day(p.start), "end": day(p.end)} for p in data.phases],
        "plans": [invalid_doc(r) for r in data.invalid] + docs,
    }


def _phase(data: TimelineData, d: date | None) -> str:
    """The name of the scheme's phase a date falls in."""
    return next((p.name for p in data.phases if d and p.start <= d <= p.end), "")


def grids(data: TimelineData, lang: str) -> list[Grid]:
    """For csv and markdown: the phases, then every milestone where it sits on the axis, with its phase.

    csv writes the milestones alone (one table a file); their phase column says where they sit.
    """
    w = partial(L.word, lang=lang)
    phases = Grid(
        (Column(w("phase")), Column(w("name")), Column(w("start")), Column(w("end"))),
        tuple((Cell(p.id), Cell(p.name), Cell(day(p.start) or ""), Cell(day(p.end) or "")) for p in data.phases),
    )
    columns = (
        Column(w("plan")),
        Column(w("milestone")),
        Column(w("name")),
        Column(w("at")),
        Column(w("state")),
        Column(w("phase")),
    )
    bad = tuple(
        (
            Cell(r.id),
            Cell(""),
            Cell(L.problems_text(r.plan.codes, r.plan.line, lang)),
            Cell(""),
            Cell(L.INVALID(lang)),
            Cell(""),
        )
        for r in data.invalid
    )
    rows = bad + tuple(
        (
            Cell(r.id),
            Cell(s.id),
            Cell(s.spec.name),
            Cell(day(when(s)) or ""),
            Cell(L.step_state(s, lang)),
            Cell(_phase(data, when(s))),
        )
        for r in data.rows
        for s in r.steps
    )
    return [phases, Grid(columns, rows)]


def report(data: TimelineData, window: int, plans: PlansFile, lang: str, everything: Any = None) -> Report:
    def table(_: Report, out: TextIO, width: int | None) -> None:
        from plantrack.report.terminal import console

        render(data, console(width, out), lang)

    # csv: the milestones (the phases are the schedule's; markdown shows both)
    doc = partial(timeline_doc, data, window, plans, everything)
    return Report(lambda: grids(data, lang), doc, data, {"table": table}, -1)
