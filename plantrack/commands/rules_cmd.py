"""`plantrack rules [CODE]`: the rules, or one rule's documentation."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from plantrack.commands.common import LangOpt, language
from plantrack.i18n import t


def rules(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="CODE",
            help=t(
                "A rule code (PT201), or the scheme's rule or deadline (R9, D11).",
                "规则代码（PT201），或工作方案的规则、期限（R9、D11）。",
            ),
        ),
    ] = None,
    lang: LangOpt = None,
) -> int:
    """List every rule (code, severity, summary), or print one rule's doc."""
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.rules import BY_CODE, RULES
    from plantrack.suggest import did_you_mean

    lng = language(lang)
    out = sys.stdout
    if code is None:
        width = max(len(r.name) for r in RULES)
        sev = 7 if lng == "en" else 4  # two Chinese characters are four columns wide
        for r in RULES:
            out.write(f"{r.code}  {r.severity.label(lng):<{sev}}  {r.name:<{width}}  {r.summary(lng)}\n")
        return 0
    rule = BY_CODE.get(code.upper())
    if rule is None:
        from plantrack.commands.scheme_ref import show
        from plantrack.rules.scheme_text import DEADLINES
        from plantrack.rules.scheme_text import RULES as SCHEME_RULES

        if code.upper() in SCHEME_RULES or code.upper() in DEADLINES:  # the scheme's R# and D#
            return show(code.upper(), lng)
        hint = did_you_mean(code.upper(), [*BY_CODE, *SCHEME_RULES, *DEADLINES])
        raise PlantrackError(Msg(f"no rule {code!r}{hint.en}", f"没有规则 {code!r}{hint.zh}"))
    out.write(f"{rule.code} {rule.name} [{rule.severity.label(lng)}]\n{rule.summary(lng)}\n\n{rule.explain(lng)}\n")
    return 0
