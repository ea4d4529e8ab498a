"""The timeline view laid out in pixels for an SVG Gantt chart: the view places, this only scales.

`views.timeline.place` maps dates to columns; here a column is a pixel, and
rows, phases, ticks and the reference date get their coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantrack.documents import words
from plantrack.documents.data import ReportData
from plantrack.views.timeline import place

LABEL = 300  # px for the plan names on the left
AXIS = 760  # px of time axis
ROW = 20  # px a plan
TOP = 46  # px above the first plan: phase bands' names and month ticks
TICK_GAP = 44  # px between month labels at least
LANES = 24  # plans a chart: one chart fits an A4 landscape page under its heading


@dataclass(frozen=True)
class Dot:
    x: int
    key: str  # colour key (state)
    title: str  # hover text: what and when


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    plan_id: str
    key: str  # the plan's state
    x0: int | None
    x1: int | None
    dots: tuple[Dot, ...]


@dataclass(frozen=True)
class Band:
    x0: int
    x1: int
    name: str
    shade: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label: int
    top: int
    bands: tuple[Band, ...]
    ticks: tuple[tuple[int, str], ...]
    bars: tuple[Bar, ...]
    today: int | None  # x of the reference date, None when off the axis
    today_label: str


def charts(data: ReportData) -> tuple[Chart, ...]:
    """The Gantt in charts of LANES plans, each with the phases, ticks and reference date.

    One tall SVG cannot break across printed pages; a run of page-sized ones can.
    """
    layout = place(data.timeline, AXIS, TICK_GAP)
    lang = data.lang
    bars = []
    for n, lane in enumerate(layout.lanes):
        by_id = {s.id: s for s in lane.row.steps}
        dots = []
        for m in lane.marks:
            names = "、".join(by_id[i].spec.name for i in m.steps) if lang == "zh" else ", ".join(m.steps)
            step = by_id[m.steps[0]]
            when = step.done if step.done is not None and step.done <= data.as_of else step.due
            dots.append(
                Dot(LABEL + m.col, m.state.value, f"{names} {words.day(when, lang)} {words.state(m.state.value, lang)}")
            )
        x0, x1 = (LABEL + lane.span[0], LABEL + lane.span[1]) if lane.span else (None, None)
        y = TOP + (n % LANES) * ROW
        bars.append(Bar(y, lane.row.plan.name, lane.row.id, lane.row.state.value, x0, x1, tuple(dots)))
    bands = tuple(Band(LABEL + a, LABEL + b, p.name, i % 2 == 0) for i, (p, a, b) in enumerate(layout.phases))
    ticks = tuple((LABEL + c, f"{d.year}.{d.month}" if d.month != 1 else str(d.year)) for c, d in layout.ticks)
    today = LABEL + layout.as_of_col if layout.as_of_col is not None else None
    label = f"{words.w('today', lang)} {words.day(data.as_of, lang)}"
    runs = [bars[i : i + LANES] for i in range(0, len(bars), LANES)] or [[]]
    return tuple(
        Chart(LABEL + AXIS + 10, TOP + len(run) * ROW + 10, LABEL, TOP, bands, ticks, tuple(run), today, label)
        for run in runs
    )
