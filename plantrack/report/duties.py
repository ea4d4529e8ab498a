"""Duty occurrences as a Grid and as JSON: the `duties` key of overdue, status and units (docs/format.md).

A duty item carries `duty` and `occurrence` where a milestone item carries
`plan` and `milestone`, under a key of its own, so readers of the milestone
lists see nothing new.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from plantrack.report import labels as L
from plantrack.report.formats import day
from plantrack.report.grid import Cell, Column, Grid
from plantrack.views.common import unit_name

if TYPE_CHECKING:
    from plantrack.duties import Occurrence
    from plantrack.models import Unit

TITLE = ("Duties", "单位职责")
ONE_OFF = ("once", "一次性")


def occurrence_label(o: Occurrence, lang: str) -> str:
    return o.key or L.pair(ONE_OFF, lang)


def duties_grid(items: Sequence[Occurrence], units: Mapping[str, Unit], lang: str, *, unit_column: bool = True) -> Grid:
    w = partial(L.word, lang=lang)
    columns = (
        *((Column(w("unit"), wrap=True, min_width=8, group=True),) if unit_column else ()),
        Column(L.pair(("duty", "职责"), lang), wrap=True, min_width=10),
        Column(L.pair(("occurrence", "期次"), lang)),
        Column(w("due")),
        Column(w("state")),
        Column(w("days"), justify="right"),
    )
    rows = tuple(
        (
            *((Cell(unit_name(units, o.unit), "bold"),) if unit_column else ()),
            Cell(o.spec.name),
            Cell(occurrence_label(o, lang)),
            Cell(o.due.isoformat() if o.due else ""),
            Cell(L.state(o.state, lang), o.state.value),
            Cell(L.days_left(o.days_left, lang), o.state.value),
        )
        for o in items
    )
    return Grid(columns, rows, L.pair(TITLE, lang), empty=w("none"))


def duty_doc(o: Occurrence, units: Mapping[str, Unit]) -> dict[str, Any]:
    return {
        "duty": o.duty,
        "occurrence": o.key,
        "unit": o.unit,
        "unit_name": unit_name(units, o.unit),
        "due": day(o.due),
        "done": day(o.done),
        "state": o.state.value,
        "days_overdue": o.days_overdue,
        "days_left": o.days_left,
        "duty_name": o.spec.name,
        "ref": o.spec.ref,
        "responsible": o.unit,
        "to": list(o.spec.to),
    }


def duties_doc(items: Sequence[Occurrence], units: Mapping[str, Unit]) -> list[dict[str, Any]]:
    return [duty_doc(o, units) for o in items]
