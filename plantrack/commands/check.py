"""`plantrack check`: every problem in plans.yaml and its schedule, for CI and people."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.lang import t


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def check(
    as_of: AsOf = None,
    file: File = None,
    format: Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))] = Format.text,
    fail_on_overdue: Annotated[
        bool, typer.Option("--fail-on-overdue", help=t("Treat overdue milestones as errors.", "将逾期节点视为错误。"))
    ] = False,
    lang: LangOpt = None,
) -> int:
    """Check plans.yaml against the scheme's rules. Exit 0 ok, 1 errors, 2 unreadable."""
    from plantrack import project, rules
    from plantrack.problems import Severity
    from plantrack.report.check import REPORTERS

    when = as_of_date(as_of)
    loaded, problems = project.load(plans_path(file))
    if loaded is not None:
        problems += rules.run(loaded, when, fail_on_overdue=fail_on_overdue)
    REPORTERS[format.value](problems, when, language(lang), sys.stdout)
    if any(p.code.startswith("PT0") for p in problems):
        return 2
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0
