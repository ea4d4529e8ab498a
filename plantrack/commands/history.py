"""`plantrack history`: every recorded change of plans.yaml, from git."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import File, LangOpt, language, plans_path
from plantrack.commands.options import Format, FormatOpt, Output, Since, Width
from plantrack.i18n import t

if TYPE_CHECKING:
    from pathlib import Path

    from plantrack.history.facts import Trail
    from plantrack.i18n import Msg


def print_notes(notes: Sequence[Msg], lang: str) -> None:
    """What the user should know about the history read (shallow clone, detached HEAD)."""
    for note in notes:
        print(f"plantrack: {t('note', '提示', lang)}: {note(lang)}", file=sys.stderr)


def history(
    target: Annotated[
        str | None,
        typer.Argument(metavar="PLAN[/MILESTONE]", help=t("Only this plan or milestone.", "只看此规划或节点。")),
    ] = None,
    since: Since = None,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
    output: Output = None,
) -> int:
    """Show each change of a milestone's due, done or note, and each plan added or removed."""
    from plantrack.commands.common import write_file
    from plantrack.discover import display_name
    from plantrack.history import facts, trail
    from plantrack.report import history as report
    from plantrack.report.formats import write

    code = language(lang)
    path = plans_path(file)
    found = trail.read(path, display_name(path), trail.Since.parse(since))
    plan, _, milestone = (target or "").partition("/")
    if plan:
        check_target(path, found, plan, milestone or None)
    print_notes(found.notes, code)
    events = facts.select(found.events, plan or None, milestone or None)
    if output is None:
        write(report.report(events, code), format.value, sys.stdout, width)
    else:
        write_file(report.report(events, code), format.value, output, width)
    return 0


def check_target(path: Path, found: Trail, plan: str, milestone: str | None) -> None:
    """Refuse a plan or milestone id that neither the history nor the file knows."""
    from plantrack import load
    from plantrack.exitcodes import Exit
    from plantrack.history.facts import FactReader
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.suggest import did_you_mean

    loaded, _ = load.load(path)
    now = FactReader().facts(loaded.plans_src.text) if loaded else None
    plans = {e.plan for e in found.events} | set(found.start) | set(now or {})
    if plan not in plans:
        hint = did_you_mean(plan, plans)
        raise PlantrackError(
            Msg(f"no plan {plan!r} in the history{hint.en}", f"历史中没有规划 {plan!r}{hint.zh}"), Exit.USAGE
        )
    if milestone is None:
        return
    known = {e.milestone for e in found.events if e.plan == plan and e.milestone}
    for facts in (found.start, now or {}):
        if plan in facts:
            known |= set(facts[plan].milestones)
    kind = (now or {}).get(plan, found.start.get(plan))
    if loaded and kind and kind.kind in loaded.schedule.kinds:
        known |= set(loaded.schedule.kinds[kind.kind].milestones)  # type: ignore[index]
    if milestone not in known:
        hint = did_you_mean(milestone, known)
        raise PlantrackError(
            Msg(f"{plan!r} has no milestone {milestone!r}{hint.en}", f"{plan!r} 没有节点 {milestone!r}{hint.zh}"),
            Exit.USAGE,
        )
