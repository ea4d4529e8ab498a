"""`plantrack check`: every problem in plans.yaml and its schedule, for CI and people."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.i18n import t


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
                "Also check done dates against the git history (back-dating).", "同时对照 git 历史检查完成日期(补记)。"
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
                "与 --history 合用:完成日期晚于 N 天记录时警告。",
            ),
        ),
    ] = 7,
    lang: LangOpt = None,
) -> int:
    """Check plans.yaml against the scheme's rules. Exit 0 ok, 1 errors, 2 unreadable."""
    from plantrack import warm
    from plantrack.exitcodes import Exit
    from plantrack.problems import Severity
    from plantrack.report.check import REPORTERS

    when = as_of_date(as_of)
    path = plans_path(file)
    # The file stage's findings, cached by everything they depend on (warm.py):
    # a second check of an unchanged district imports neither the models nor the rules.
    options = (backdate_days, fail_on_overdue)
    stored = None if history else warm.findings(path, when, *options)
    loaded = None
    if stored is not None:
        problems = stored
    else:
        from plantrack import load, rules

        loaded, problems = load.load(path)
    if loaded is not None:
        ctx = rules.Context(loaded, when, backdate_days=backdate_days)
        problems += rules.run(ctx, rules.RULES, "file", fail_on_overdue=fail_on_overdue)
        ps, ss = loaded.plans_src, loaded.schedule_src
        warm.keep(ps.raw, ps.display, loaded.plans.schedule, ss.path, ss.display, ss.raw, when, problems, *options)
        if history:
            from plantrack.commands.history import print_notes
            from plantrack.history import trail

            # One walk of git; the history stage's rules read only the trail.
            ctx.trail = trail.read(path, loaded.plans_src.display)
            print_notes(ctx.trail.notes, language(lang))
            problems += rules.run(ctx, rules.RULES, "history")
    REPORTERS[format.value](problems, when, language(lang), sys.stdout)
    if any(p.code.startswith("PT0") for p in problems):
        return Exit.USAGE
    return Exit.RULE_ERRORS if any(p.severity is Severity.ERROR for p in problems) else Exit.OK
