"""Rules about time (PT3xx): what the reference date makes late."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack.i18n import Msg
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.state import State


@rule(
    "PT301",
    "overdue",
    "A milestone not done by its deadline (D1–D15, or the plan's own)",
    "节点逾期未完成(D1–D15 或规划自定期限)",
    severity=Severity.WARNING,
)
def overdue(ctx: Context) -> Iterator[Finding]:
    """
    What it does: reports each milestone whose state is overdue at the reference
    date: not done, and its due date (the plan's own, else the scheme's) has
    passed. It points at the milestone if the plan lists it, else at the plan.
    A warning: `check` still exits 0, unless `--fail-on-overdue` is given.
    Why: the scheme's deadlines D1–D15; "要强化督促检查" (R12).
    Example (warns at 2020-09-15): a special plan with `first-draft` not done
    (due 2020-05-31, D10).
    """
    for pid, plan in ctx.plans():
        for step in ctx.steps[pid]:
            if step.state is not State.OVERDUE:
                continue
            own = step.record is not None and step.record.due is not None
            ref_en = ", the plan's own date" if own else f", {step.spec.ref}" if step.spec.ref else ""
            ref_zh = ",规划自定期限" if own else f",{step.spec.ref}" if step.spec.ref else ""
            path = milestone_path(pid, step.id) if step.id in plan.milestones else ("plans", pid)
            yield Finding(
                path,
                Msg(
                    f"{pid}/{step.id} ({step.spec.name}) is overdue: due {step.due}{ref_en}, {step.days_late} days late",
                    f"{pid}/{step.id}({step.spec.name})逾期未完成:期限 {step.due}{ref_zh},已逾期 {step.days_late} 天",
                ),
                key=True,
            )


TIMING_RULES = (overdue,)
