"""`plantrack digest`: what falls due soon and what became overdue since the last digest, by unit.

Quiet when there is nothing (no output, exit 0), so cron or a CI schedule can
mail whatever it prints. "The last digest" is the date kept in
`.plantrack/digest-state.json` beside plans.yaml (git-ignored), written after
each run; `--since DATE` names the date instead and neither reads nor writes
that file. Without either, the digest looks back `--within` days.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, as_of_date, language, plans_path
from plantrack.commands.report import DocLang, document_language
from plantrack.i18n import Msg, t

STATE = Path(".plantrack") / "digest-state.json"


class DigestFormat(str, Enum):
    text = "text"
    markdown = "markdown"


def digest(
    within: Annotated[
        int, typer.Option("--within", min=0, metavar="DAYS", help=t("Look ahead this many days.", "提前提醒的天数。"))
    ] = 7,
    format: Annotated[
        DigestFormat, typer.Option("--format", help=t("Output format.", "输出格式。"))
    ] = DigestFormat.text,
    as_of: AsOf = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="YYYY-MM-DD",
            help=t(
                "Newly overdue since this date (default: the last digest's, kept in .plantrack/digest-state.json).",
                "自此日期以来新逾期的事项（默认取上次摘要的日期，记录在 .plantrack/digest-state.json）。",
            ),
        ),
    ] = None,
    file: File = None,
    lang: DocLang = None,
) -> int:
    """A digest for mail: due within N days and newly overdue, by unit; nothing at all when nothing is due."""
    from plantrack.commands.common import load
    from plantrack.report import digest as render
    from plantrack.views.digest import digest as build

    when = as_of_date(as_of)
    path = plans_path(file)
    term = language(None)
    p = load(file, term)
    code = document_language(lang.value if lang else None, p.plans)
    state = path.parent / STATE
    start = _since(since, state, when, within)
    d = build(p.plans, p.schedule, when, start, within)
    names = {uid: u.name for uid, u in p.plans.units.items()}
    sys.stdout.write(render.text(d, names, code) if format is DigestFormat.text else render.markdown(d, names, code))
    if since is None:
        _save(state, when, term)
    return 0


def _since(since: str | None, state: Path, when: date, within: int) -> date:
    if since is not None:
        from plantrack.dates import DateFormatError, parse_ref_date
        from plantrack.problems import PlantrackError

        try:
            return parse_ref_date(since)
        except DateFormatError as e:
            raise PlantrackError(Msg(f"--since: {e}", f"--since\uff1a{e.zh}")) from None
    try:
        last = date.fromisoformat(json.loads(state.read_text(encoding="utf-8"))["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return when - timedelta(days=within)  # no digest yet, or a state file that is not ours: one window back
    return min(last, when)


def _save(state: Path, when: date, lang: str) -> None:
    """Remember this digest's date; a failure only means the next digest repeats some items."""
    try:
        state.parent.mkdir(exist_ok=True)
        state.write_text(json.dumps({"last": when.isoformat()}) + "\n", encoding="utf-8")
    except OSError as e:
        msg = Msg(f"cannot save {state}: {e.strerror or e}", f"无法保存 {state}\uff1a{e.strerror or e}")
        print(f"plantrack: {msg(lang)}", file=sys.stderr)
