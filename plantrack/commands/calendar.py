"""`plantrack calendar -o FILE.ics`: open steps and duty occurrences as calendar events with reminders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, as_of_date, language
from plantrack.commands.options import UnitOne, output
from plantrack.commands.report import DocLang, document_language
from plantrack.i18n import t


def calendar(
    output: Annotated[Path, output("FILE.ics", "The .ics file to write.", "要写入的 .ics 文件。")],
    unit: UnitOne = None,
    remind: Annotated[
        int,
        typer.Option(
            "--remind",
            min=0,
            metavar="DAYS",
            help=t("Remind this many days before (0: no reminder).", "提前几天提醒（0 为不提醒）。"),
        ),
    ] = 7,
    as_of: AsOf = None,
    file: File = None,
    lang: DocLang = None,
) -> int:
    """An iCalendar file: one all-day event per open step and duty occurrence, stable UIDs, a reminder N days before."""
    from plantrack.commands.common import load
    from plantrack.documents import ics
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.views.common import pick_unit

    when = as_of_date(as_of)
    p = load(file, language(None))
    code = document_language(lang.value if lang else None, p.plans)
    only = pick_unit(p.plans, unit) if unit is not None else None
    found = ics.entries(p.plans, p.schedule, when, only, code)
    title = Msg(f"{p.plans.name or ''} plan compilation".strip(), f"{p.plans.name or ''}规划编制节点")(code)
    try:
        output.write_bytes(ics.render(found, title, when, remind))
    except OSError as e:
        raise PlantrackError(
            Msg(f"cannot write {output}: {e.strerror or e}", f"无法写入 {output}\uff1a{e.strerror or e}"), Exit.CONFLICT
        ) from None
    return 0
