"""The registry of rules: every code plantrack reports, in one explicit list.

Codes are grouped by hundreds and never reused: PT0xx the file cannot be read,
PT1xx its structure, PT2xx the scheme's rules (R#), PT3xx time.
"""

from __future__ import annotations

from datetime import date

from plantrack.problems import Problem, Severity
from plantrack.project import Project
from plantrack.rules.base import Context, Rule
from plantrack.rules.deadlines import DEADLINE_RULES
from plantrack.rules.history import HISTORY_RULES
from plantrack.rules.loading import LOADER_RULES
from plantrack.rules.organisation import ORGANISATION_RULES
from plantrack.rules.scheme import SCHEME_RULES
from plantrack.rules.structure import STRUCTURE_RULES
from plantrack.rules.timing import TIMING_RULES

RULES: tuple[Rule, ...] = tuple(
    sorted(LOADER_RULES
        + STRUCTURE_RULES
        + SCHEME_RULES
        + DEADLINE_RULES
        + ORGANISATION_RULES
        + TIMING_RULES
        + HISTORY_RULES, key=lambda r: r.code)
)
BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}


def run(project: Project, as_of: date, *, fail_on_overdue: bool = False) -> list[Problem]:
    """Every rule's findings on a loaded district, located and sorted."""
    ctx = Context(project, as_of)
    sources = {"plans": project.plans_src, "schedule": project.schedule_src}
    problems = []
    for r in RULES:
        if r.check is None:
            continue
        severity = Severity.ERROR if fail_on_overdue and r.code == "PT301" else r.severity
        for f in r.check(ctx):
            sev = f.severity if f.severity is not None and severity is r.severity else severity
            problems.append(sources[f.where].problem(r.code, f.path, f.msg, key=f.key, severity=sev))
    return problems
