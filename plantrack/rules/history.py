"""Rules on the git history (PT30x): is a done date what the record says it was?

They form the "history" stage: `plantrack check --history` reads the file's
git history once (plantrack.history.trail) and hands the trail to
`rules.run(ctx, RULES, "history")`; the rules themselves do no git I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from plantrack.history.facts import Commit, first_recorded
from plantrack.i18n import Msg
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, milestone_path, rule


def _recorded(ctx: Context) -> Iterator[tuple[str, str, date, Commit]]:
    """Each current done date with the commit that first wrote it.

    Left out: dates not committed yet, from before a shallow clone's horizon, or
    in the commit that created the file: that one imports what was known, it
    records nothing new.
    """
    if ctx.trail is None:
        return
    first = first_recorded(ctx.trail.events)
    for pid, plan in ctx.project.plans.plans.items():
        for mid, rec in plan.milestones.items():
            if rec is None or rec.done is None:
                continue
            event = first.get((pid, mid, rec.done))
            if event is not None and event.commit.old is not None:
                yield pid, mid, rec.done, event.commit


@rule(
    "PT302",
    "backdated",
    "A done date recorded long after it (R12: progress is reported as it happens)",
    "完成日期在很久之后才记录（R12：进度应及时报送）",
    Severity.WARNING,
    stage="history",
)
def backdated(ctx: Context) -> Iterator[Finding]:
    """
    What it does: finds the first commit that wrote a milestone's current done
    date, and warns when the date is more than N days (7 unless
    --backdate-days says otherwise) before that commit's date. The commit
    that creates plans.yaml is a baseline (an import of what was known then)
    and is not judged. Runs with `plantrack check --history`.
    Why: a completion recorded weeks later is a report written after the fact:
    "要强化督促检查" (R12) relies on progress being recorded as it happens.
    Example (warns): `first-draft: {done: 2020-05-20}` first committed on 2020-06-20.
    """
    n = ctx.backdate_days
    for pid, mid, done, c in _recorded(ctx):
        late = (c.day - done).days
        if late > n:
            who = f"{c.short}, {c.author}"
            yield Finding(
                milestone_path(pid, mid, "done"),
                Msg(
                    f"{pid}/{mid} done {done} was first recorded on {c.day} ({who}), "
                    f"{late} days later (more than {n}): back-dated?",
                    f"{pid}/{mid} 完成于 {done}，但首次记录于 {c.day}（{who}），晚了 {late} 天（超过 {n} 天）：是否补记？",
                ),
            )


@rule(
    "PT303",
    "done-before-it-happened",
    "A done date later than the commit that recorded it",
    "完成日期晚于记录它的提交日期",
    Severity.WARNING,
    stage="history",
)
def done_in_future(ctx: Context) -> Iterator[Finding]:
    """
    What it does: warns when the first commit that wrote a milestone's current
    done date is dated before that date: the step was recorded as done before
    it happened.
    Why: a recorded fact must have happened; an expected date belongs in `due`.
    Example (warns): `finished: {done: 2020-09-30}` first committed on 2020-09-20.
    """
    for pid, mid, done, c in _recorded(ctx):
        if done > c.day:  # (a back-dated entry is never also early)
            who = f"{c.short}, {c.author}"
            yield Finding(
                milestone_path(pid, mid, "done"),
                Msg(
                    f"{pid}/{mid} done {done} was recorded on {c.day} ({who}), before it happened",
                    f"{pid}/{mid} 完成于 {done}，却在 {c.day} 就已记录（{who}），早于完成日期",
                ),
            )


BACKDATED, DONE_IN_FUTURE = backdated, done_in_future
HISTORY_RULES = (BACKDATED, DONE_IN_FUTURE)
