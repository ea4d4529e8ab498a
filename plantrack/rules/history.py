"""Rules on the git history (PT30x): is a done date what the record says it was?

They run only with `plantrack check --history`, since they need the file's
git history, not just the file; so their `check` is None in the registry's
sense and `history_problems` below runs them.
"""

from __future__ import annotations

import inspect
from datetime import date
from pathlib import Path

from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.problems import Problem, Severity
from plantrack.rules.base import Rule, milestone_path

BACKDATED = Rule(
    "PT302",
    "backdated",
    Severity.WARNING,
    Msg(
        "A done date recorded long after it (R12: progress is reported as it happens)",
        "完成日期在很久之后才记录(R12:进度应及时报送)",
    ),
    inspect.cleandoc(
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
    ),
)
DONE_IN_FUTURE = Rule(
    "PT303",
    "done-before-it-happened",
    Severity.WARNING,
    Msg("A done date later than the commit that recorded it", "完成日期晚于记录它的提交日期"),
    inspect.cleandoc(
        """
        What it does: warns when the first commit that wrote a milestone's current
        done date is dated before that date: the step was recorded as done before
        it happened.
        Why: a recorded fact must have happened; an expected date belongs in `due`.
        Example (warns): `finished: {done: 2020-09-30}` first committed on 2020-09-20.
        """
    ),
)
HISTORY_RULES = (BACKDATED, DONE_IN_FUTURE)


def _done_dates(project: Project) -> list[tuple[str, str, date]]:
    out = []
    for pid, plan in project.plans.plans.items():
        for mid, rec in plan.milestones.items():
            if rec is not None and rec.done is not None:
                out.append((pid, mid, rec.done))
    return out


def history_problems(project: Project, path: Path, backdate_days: int = 7) -> tuple[list[Problem], list[Msg]]:
    """Warnings for back-dated and early done dates, and notes on the history read."""
    from plantrack import audit, history

    trail = audit.read(path, project.plans_src.display)
    first = history.first_recorded(trail.events)
    problems = []
    for pid, mid, done in _done_dates(project):
        event = first.get((pid, mid, done))
        # Not committed yet, from before a shallow clone's horizon, or in the commit
        # that created the file: that one imports what was known, it records nothing new.
        if event is None or event.commit.old is None:
            continue
        c = event.commit
        who = f"{c.short}, {c.author}"
        if (c.day - done).days > backdate_days:
            rule, msg = (
                BACKDATED,
                Msg(
                    f"{pid}/{mid} done {done} was first recorded on {c.day} ({who}), "
                    f"{(c.day - done).days} days later (more than {backdate_days}): back-dated?",
                    f"{pid}/{mid} 完成于 {done},但首次记录于 {c.day}({who}),"
                    f"晚了 {(c.day - done).days} 天(超过 {backdate_days} 天):是否补记?",
                ),
            )
        elif done > c.day:
            rule, msg = (
                DONE_IN_FUTURE,
                Msg(
                    f"{pid}/{mid} done {done} was recorded on {c.day} ({who}), before it happened",
                    f"{pid}/{mid} 完成于 {done},却在 {c.day} 就已记录({who}),早于完成日期",
                ),
            )
        else:
            continue
        problems.append(
            project.plans_src.problem(rule.code, milestone_path(pid, mid, "done"), msg, severity=Severity.WARNING)
        )
    return problems, trail.notes
