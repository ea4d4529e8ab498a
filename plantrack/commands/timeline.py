"""`plantrack timeline`: the scheme's phases and every plan's milestones on one time axis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantrack.commands.common import AsOf, File, LangOpt, show
from plantrack.commands.options import Format, FormatOpt, KindOpt, Output, UnitOpt, Width, Within

if TYPE_CHECKING:
    from plantrack.commands.common import Seen
    from plantrack.report.formats import Report


def timeline(
    as_of: AsOf = None,
    kind: KindOpt = None,
    unit: UnitOpt = None,
    within: Within = 14,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
    output: Output = None,
) -> int:
    """Phases and milestones on one axis, with a marker at the reference date."""

    def build(s: Seen) -> Report:
        from plantrack.report import timeline as report
        from plantrack.views import timeline as views

        p = s.project
        data = views.timeline(p.plans, p.schedule, s.as_of, within, kind=kind, unit=unit, unloaded=p.unloaded)
        return report.report(data, within, p.plans, s.lang, p.unloaded.values())

    show(build, as_of=as_of, file=file, lang=lang, format=format, width=width, output=output)
    return 0
