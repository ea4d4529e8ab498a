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
    "A milestone not done by its deadline (D1–D19, the plan's own, or an extension)",
    "节点逾期未完成（D1–D19、规划自定期限或批准延期）",
    severity=Severity.WARNING,
)
def overdue(ctx: Context) -> Iterator[Finding]:
    """
    What it does: reports each milestone whose state is overdue at the reference
    date: not done, and its due date (the plan's own, else the scheme's) has
    passed. It points at the milestone if the plan lists it, else at the plan.
    A warning: `check` still exits 0, unless `--fail-on-overdue` is given.
    An authorised extension (`extended:`) moves the date; a step before one the
    plan dated itself is due no later than that date.
    Why: the scheme's deadlines D1–D19; "要强化督促检查" (R12).
    Example (warns at 2020-09-15): a special plan with `first-draft` not done
    (due 2020-05-31, D10).
    """
    for pid, plan in ctx.plans():
        for step in ctx.steps[pid]:
            if step.state is not State.OVERDUE:
                continue
            where = ctx.cite(pid, step.id)
            if step.extended:
                ext = step.extended
                ref_en, ref_zh = f", extended by {ext.by} (R23)", f"\uff0c经 {ext.by} 批准延期\uff08R23\uff09"
            elif step.own_due:
                ref_en, ref_zh = ", the plan's own date", "\uff0c规划自定期限"
            elif step.spec.ref:
                ref_en, ref_zh = f", {step.spec.ref}", f"\uff0c{step.spec.ref}"
            else:
                ref_en, ref_zh = ", a planning date", "\uff0c计划日期"
            path = milestone_path(pid, step.id) if step.id in plan.milestones else ("plans", pid)
            yield Finding(
                path,
                Msg(
                    f"{where.en} is overdue: due {step.due}{ref_en}, {step.days_late} days late",
                    f"{where.zh}逾期未完成\uff1a期限 {step.due}{ref_zh}\uff0c已逾期 {step.days_late} 天",
                ),
                key=True,
            )


TIMING_RULES = (overdue,)
