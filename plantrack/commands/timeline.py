"""`plantrack timeline`: the scheme's phases and every plan's milestones on one time axis."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language
from plantrack.commands.viewkit import KindOpt, UnitOpt, Width, Within
from plantrack.i18n import t


class TimelineFormat(str, Enum):
    table = "table"
    json = "json"


def timeline(
    as_of: AsOf = None,
    kind: KindOpt = None,
    unit: UnitOpt = None,
    within: Within = 14,
    format: Annotated[
        TimelineFormat, typer.Option("--format", help=t("Output format.", "输出格式。"))
    ] = TimelineFormat.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
) -> int:
    """Phases and milestones on one axis, with a marker at the reference date."""
    import sys

    from plantrack.commands import viewkit
    from plantrack.views import timeline as views

    when, lng = as_of_date(as_of), language(lang)
    p = viewkit.load(file, lng)
    data = views.timeline(p.plans, p.schedule, when, within, kind=kind, unit=unit)
    if format is TimelineFormat.json:
        from plantrack.report import json_views

        json_views.write(json_views.timeline_doc(data, within, p.plans), sys.stdout)
    else:
        from plantrack.report import timeline_text

        timeline_text.render(data, viewkit.console(width), lng)
    return 0
