"""`plantrack check`: every problem in plans.yaml and its schedule, for CI and people."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.exitcodes import Exit
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.load import Project
    from plantrack.problems import Problem


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def check(
    as_of: AsOf = None,
    file: File = None,
    format: Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))] = Format.text,
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help=t("Treat overdue milestones as errors.", "将逾期节点视为错误。"))
    ] = False,
    history: Annotated[
        bool,
        typer.Option(
            "--history",
            help=t(
                "Also check done dates against the git history (back-dating).",
                "同时对照 git 历史检查完成日期（补记）。",
            ),
        ),
    ] = False,
    backdate_days: Annotated[
        int,
        typer.Option(
            "--backdate-days",
            min=0,
            metavar="N",
            help=t(
                "With --history: warn when done is recorded more than N days late.",
                "与 --history 合用：完成日期晚于 N 天记录时警告。",
            ),
        ),
    ] = 7,
    lang: LangOpt = None,
) -> int:
    """Check plans.yaml against the scheme's rules. Exit 0 ok, 1 errors, 2 unreadable."""
    from plantrack import warm
    from plantrack.problems import Severity
    from plantrack.report.check import REPORTERS

    when = as_of_date(as_of)
    path = plans_path(file)
    # The findings of each stage, cached by everything they depend on (warm.py):
    # a second check of an unchanged district imports neither the models nor the rules.
    options = (backdate_days, fail_on_overdue)
    stored = warm.findings(path, when, *options)
    loaded = None
    if stored is not None:
        problems, broken = list(stored.problems), stored.broken
    else:
        from plantrack import load

        loaded, problems = load.load(path)
        broken = loaded is not None and bool(loaded.broken_plans)
        if loaded is not None:
            problems += _file_rules(loaded, when, backdate_days, fail_on_overdue)
    later: list[Problem] = []
    if history and (stored is not None or loaded is not None):  # a district that loads
        later = _history(path, loaded, when, backdate_days, language(lang))
    if loaded is not None:
        keep = _kept(loaded)
        # The district is not needed any more: let it go before the findings are
        # written out, which is when a big district's check peaked in memory.
        loaded = None
        warm.keep(*keep, when, problems, *options, broken=broken)
    problems += later
    REPORTERS[format.value](problems, when, language(lang), sys.stdout)
    if any(p.code.startswith("PT0") for p in problems):
        return Exit.USAGE
    if fail_on_overdue and broken:
        return Exit.USAGE  # a gate never passes on data it could not read (docs/format.md)
    return Exit.RULE_ERRORS if any(p.severity is Severity.ERROR for p in problems) else Exit.OK


# A done date after today is a typo or a promise, whatever date the check looks from.
_FUTURE = "PT109"


def _file_rules(loaded: Project, when: date, backdate_days: int, fail_on_overdue: bool) -> list[Problem]:
    """The file's rules as the record stood at `when` (a later done date is not done yet, as
    `status --as-of` reads it), and PT109 against today."""
    import dataclasses

    from plantrack import rules
    from plantrack.tracking import as_it_stood

    then = dataclasses.replace(loaded, plans=as_it_stood(loaded.plans, when))
    ctx = rules.Context(then, when, backdate_days=backdate_days)
    others = [r for r in rules.RULES if r.code != _FUTURE]
    found = rules.run(ctx, others, "file", fail_on_overdue=fail_on_overdue)
    future = [r for r in rules.RULES if r.code == _FUTURE]
    found += rules.run(rules.Context(loaded, date.today()), future, "file")
    return sorted(found)


def _kept(loaded: Project) -> tuple[Any, ...]:
    """What warm.keep stores of the district beside the findings: the bytes and names they came from."""
    ps, ss = loaded.plans_src, loaded.schedule_src
    return ps.raw, ps.display, loaded.plans.schedule, ss.path, ss.display, ss.raw


def _history(path: Path, loaded: Project | None, when: date, backdate_days: int, lang: str) -> list[Problem]:
    """The history stage's rules; outside a git repository, one note that they were skipped.

    Cached by the trail's commits beside what the file stage's findings depend
    on; the district is read only when they are not (None: not read yet).
    """
    from plantrack import discover, warm
    from plantrack.commands.history import print_notes
    from plantrack.history import trail
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.report.safe import clean

    try:
        # One walk of git; the history stage's rules read only the trail.
        found = trail.read(path, discover.display_name(path))
    except PlantrackError as e:
        if e.exit_code != Exit.NOT_A_REPO:
            raise
        note = Msg(
            f"--history skipped: {e.msg.en}; the file was checked as it is",
            f"已跳过 --history\uff1a{e.msg.zh}\uff1b已按文件当前内容检查",
        )
        print(f"plantrack: {clean(note(lang))}", file=sys.stderr)  # the path is data
        return []
    print_notes(found.notes, lang)
    identity = found.identity()
    stored = warm.findings(path, when, backdate_days, identity, kind=warm.HISTORY) if identity else None
    if stored is not None:
        return stored.problems
    from plantrack import load, rules  # the models and the rules: only now

    if loaded is None:
        loaded, _ = load.load(path)
        if loaded is None:  # changed since the file stage read it
            return []
    ctx = rules.Context(loaded, when, trail=found, backdate_days=backdate_days)
    problems = rules.run(ctx, rules.RULES, "history")
    if identity:
        warm.keep(*_kept(loaded), when, problems, backdate_days, identity, kind=warm.HISTORY)
    return problems
