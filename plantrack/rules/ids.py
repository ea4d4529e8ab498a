"""Ids that will hurt later (docs/format.md "Ids and names"): a warning, so old files still load."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import ids
from plantrack.i18n import Msg
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, rule


@rule(
    "PT120",
    "id-grammar",
    "A unit or plan id outside lowercase letters, digits and '-'",
    "单位或规划编号不只由小写字母、数字和 - 组成",
    Severity.WARNING,
)
def id_grammar(ctx: Context) -> Iterator[Finding]:
    """
    What it does: warns at each unit or plan id that is not lowercase ASCII
    letters, digits and `-` (starting and ending with a letter or digit), with
    the nearest id that is. `add`, `add-unit` and `init` refuse such ids.
    Why: ids are typed on the command line, written into commit messages, file
    names and JSON, and compared byte for byte; `Edu`, `edu_plan`, `教育局` or
    `bad id` invite a second, slightly different spelling. The Chinese belongs
    in `name`.
    Example (warns): `Edu-Plan: {…}`. Passes: `edu-plan: {name: 区教育事业发展规划, …}`.
    """
    sections = (
        ("units", ctx.project.plans.units, Msg("unit", "单位")),
        ("plans", ctx.project.plans.plans, Msg("plan", "规划")),
    )
    for section, entries, what in sections:
        for key in entries:
            problem = ids.id_problem(str(key), what)
            if problem is not None:
                yield Finding((section, key), problem, key=True)


ID_RULES = (id_grammar,)
