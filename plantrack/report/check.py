"""Reporters for `plantrack check`, chosen by --format: text, json, github.

Problems, not a view, so not the views' format registry; the JSON document
starts with the same head (`formats.head`) and data is escaped the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import TextIO

from plantrack import color
from plantrack.i18n import Msg
from plantrack.problems import Problem, Severity
from plantrack.report.formats import head
from plantrack.report.safe import clean, json_escape

Reporter = Callable[[list[Problem], date, str, TextIO], None]


def _counts(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return errors, len(problems) - errors


def text(problems: list[Problem], as_of: date, lang: str, out: TextIO) -> None:
    """`file:line:col: CODE [severity] message`, grouped per file, then a summary."""
    on = color.enabled(out)
    last_file = None
    for p in sorted(problems):
        if last_file is not None and p.file != last_file:
            out.write("\n")
        last_file = p.file
        sev = color.paint(p.severity.label(lang), "red" if p.severity is Severity.ERROR else "yellow", on)
        where = color.paint(clean(f"{p.file}:{p.line}:{p.column}:"), "bold", on)
        out.write(f"{where} {p.code} [{sev}] {clean(p.msg(lang))}\n")
    errors, warnings = _counts(problems)
    if problems:
        summary = Msg(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} (as of {as_of})",
            f"{errors} 个错误，{warnings} 个警告（基准日期 {as_of}）",
        )(lang)
    else:
        summary = Msg(f"no problems (as of {as_of})", f"未发现问题（基准日期 {as_of}）")(lang)
    if problems:
        out.write("\n")
    out.write(color.paint(summary, "red" if errors else "yellow" if warnings else "green", on) + "\n")


def as_json(problems: list[Problem], as_of: date, lang: str, out: TextIO) -> None:
    errors, _ = _counts(problems)
    doc = {
        **head(as_of),
        "ok": errors == 0,
        "problems": [p.to_json(lang) for p in sorted(problems)],
    }
    out.write(json_escape(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")


def _escape(value: str, *, prop: bool = False) -> str:
    # GitHub's workflow-command escaping: data and, for properties, also : and ,
    value = clean(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(problems: list[Problem], as_of: date, lang: str, out: TextIO) -> None:
    """GitHub workflow annotations, one per problem."""
    for p in sorted(problems):
        level = "error" if p.severity is Severity.ERROR else "warning"
        out.write(
            f"::{level} file={_escape(p.file, prop=True)},line={p.line},col={p.column},"
            f"title={p.code}::{_escape(p.msg(lang))}\n"
        )


def junit(problems: list[Problem], as_of: date, lang: str, out: TextIO) -> None:
    from plantrack.report.junit import junit as write

    write(problems, as_of, lang, out)


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github, "junit": junit}
