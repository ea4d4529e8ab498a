"""The registry of rules and the one runner: every code plantrack reports, in one explicit list.

Codes are grouped by hundreds and never reused: PT0xx the file cannot be read,
PT1xx its structure, PT2xx the scheme's rules (R#), PT3xx time.

Rules run in stages (beancount's staged validations): `run(ctx, rules, stage)`
runs the given rules of one stage on one context. The "file" stage needs only
the district; the "history" stage also needs `ctx.trail`, which the caller
reads from git first, so no rule does I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from plantrack.problems import Problem, Severity
from plantrack.rules.base import Context, Rule, Stage
from plantrack.rules.deadlines import DEADLINE_RULES
from plantrack.rules.docs_zh import DOCS_ZH
from plantrack.rules.duties import DUTY_RULES
from plantrack.rules.history import HISTORY_RULES
from plantrack.rules.ids import ID_RULES
from plantrack.rules.loading import LOADER_RULES
from plantrack.rules.order import ORDER_RULES
from plantrack.rules.organisation import ORGANISATION_RULES
from plantrack.rules.procedure import PROCEDURE_RULES
from plantrack.rules.scheme import SCHEME_RULES
from plantrack.rules.structure import STRUCTURE_RULES
from plantrack.rules.timing import TIMING_RULES

RULES: tuple[Rule, ...] = tuple(
    sorted(
        LOADER_RULES
        + STRUCTURE_RULES
        + ORDER_RULES
        + SCHEME_RULES
        + PROCEDURE_RULES
        + DEADLINE_RULES
        + ORGANISATION_RULES
        + TIMING_RULES
        + HISTORY_RULES
        + ID_RULES
        + DUTY_RULES,
        key=lambda r: r.code,
    )
)
RULES = tuple(replace(r, doc_zh=DOCS_ZH[r.code].strip()) if r.code in DOCS_ZH else r for r in RULES)
BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
# The rules that can find an error (`run` makes a finding an error only for an
# error rule, or PT301 under --fail-on-overdue): what an edit compares.
ERROR_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.severity is Severity.ERROR)

__all__ = ["BY_CODE", "ERROR_RULES", "RULES", "Context", "Rule", "Stage", "run"]


def run(
    ctx: Context, rules: Sequence[Rule] = RULES, stage: Stage = "file", *, fail_on_overdue: bool = False
) -> list[Problem]:
    """The findings of the rules of one stage on a loaded district, located."""
    project = ctx.project
    sources = {"plans": project.plans_src, "schedule": project.schedule_src}
    problems = []
    for r in rules:
        if r.check is None or r.stage != stage:
            continue
        severity = Severity.ERROR if fail_on_overdue and r.code == "PT301" else r.severity
        for f in r.check(ctx):
            # A finding may lower its rule's severity, never raise it (ERROR_RULES relies on that).
            lowered = f.severity is Severity.WARNING and severity is r.severity
            sev = Severity.WARNING if lowered else severity
            problems.append(sources[f.where].problem(r.code, f.path, f.msg, key=f.key, severity=sev))
    return problems
