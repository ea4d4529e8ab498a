"""The edit commands: done, reopen, due, extend, note, add, add-unit.

Each one: read the file with spans → change the few characters the fact
needs (plantrack.edit.ops) → validate and write atomically (edit.apply) →
with --commit, commit only that file. Exit 0 done (or nothing to change),
1 refused by a rule, 2 misuse or an unknown id, 4 the file changed on disk or
could not be written, 5–9 the edit is saved but git declined the commit
(plantrack.history.repo's codes: not a repository, no git, detached HEAD, dubious
ownership, git failed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import File, Lang, LangOpt, language, plans_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.edit.apply import Original
    from plantrack.edit.ops import Change
    from plantrack.history.commit import Prepared

Plan = Annotated[str, typer.Argument(metavar="PLAN", help=t("The plan's id.", "规划 id。"))]
Milestone = Annotated[
    str, typer.Argument(metavar="MILESTONE", help=t("The milestone's id in the schedule.", "工作方案中的节点 id。"))
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help=t(
            "Edit a read-only plans.yaml anyway (it stays read-only).",
            "即使 plans.yaml 为只读也编辑（编辑后仍为只读）。",
        ),
    ),
]
PendingOpt = Annotated[
    bool,
    typer.Option(
        "--include-pending",
        help=t(
            "With --commit: also commit changes to plans.yaml made before this edit (the message says so).",
            "与 --commit 同用：一并提交本次编辑前 plans.yaml 中尚未提交的修改（提交说明中注明）。",
        ),
    ),
]
CommitOpt = Annotated[
    bool,
    typer.Option(
        "--commit",
        help=t(
            "Commit the file (only it) with the repository's configured author.",
            "以仓库配置的作者身份提交该文件（仅此文件）。",
        ),
    ),
]


@dataclass(frozen=True)
class Save:
    """How the edit is saved: the command (named in the lock), --commit, --force, --include-pending."""

    command: str
    commit: bool = False
    force: bool = False
    include_pending: bool = False


def _run(file: Path | None, lang_opt: Lang | None, save: Save, make: Callable[[Original], Change]) -> int:
    """Read, change, validate and write, then commit if asked; the one path of every edit.

    All of it under the edit lock (edit.guard), so two edits at once are one after the other.
    """
    import os

    from plantrack import discover
    from plantrack.edit import apply, guard, scalars, surgery

    lang = language(lang_opt)
    path = plans_path(file)
    today = date.today()
    target = Path(os.path.realpath(path))
    if not target.is_file():
        apply.read(path, today)  # says what is wrong with it
    display = discover.display_name(path)
    _warm_up()
    with guard.locked(target, display, f"plantrack {save.command}"):
        guard.remove_stale_temps(target)
        original = apply.read(path, today)
        surgery.refuse_odd_breaks(original.text, original.display)
        try:
            change = make(original)
        except scalars.ScalarError as e:
            raise _not_text(e) from None
        if change.text == original.text:
            same = t(" (already so: nothing written)", "（已是如此：未写入）", lang) if change.message else ""
            print(f"{original.display}: {change.summary(lang)}{same}")
            return 0
        guard.refuse_read_only(original.target, original.display, save.force)
        prepared = _prepare_commit(path, original.display, save) if save.commit else None
        apply.write(original, change.text, today)
        print(f"{original.display}: {change.summary(lang)}")
        for number, line in _changed_lines(original.text, change.text):
            print(f"  {number:>5} | {line}")
        if prepared is not None:
            _commit(prepared, original.display, change.message, lang)
    return 0


def _warm_up() -> None:
    """Import what an edit uses before taking the lock: the other edits wait only for the edit itself."""
    from plantrack import load, resolve, rules  # noqa: F401
    from plantrack.edit import add, ops, surgery  # noqa: F401


def _not_text(e: Exception) -> Exception:
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    return PlantrackError(
        Msg(
            f"{e}: an argument holds bytes that are not text in your locale's encoding (UTF-8 expected); nothing written",
            f"{e}：参数中含有非文本字节（应为 UTF-8）；未写入",
        )
    )


def _changed_lines(old: str, new: str, limit: int = 12) -> list[tuple[int, str]]:
    """The new file's lines between the common head and tail: what the edit wrote."""
    a, b = old.splitlines(), new.splitlines()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return [(head + 1 + i, line) for i, line in enumerate(b[head : len(b) - tail][:limit])]


def _prepare_commit(path: Path, display: str, save: Save) -> Prepared:
    """Everything --commit needs checked before the file is written; a refusal writes nothing."""
    from plantrack.history import commit as gitcommit

    return gitcommit.prepare(path, display, save.include_pending)


def _commit(prepared: Prepared, display: str, message: str, lang: str) -> None:
    from plantrack.history import commit as gitcommit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    try:
        short, subject = gitcommit.commit(prepared, message)
    except PlantrackError as e:
        # One line: the edit stands, only the commit was declined.
        raise PlantrackError(
            Msg(f"{display} saved, not committed: {e.msg.en}", f"{display} 已保存，未提交：{e.msg.zh}"), e.exit_code
        ) from None
    print(t(f"committed {short}: {subject}", f"已提交 {short}：{subject}", lang))


def _day(value: str | None, option: str) -> date:
    from plantrack.dates import DateFormatError, parse_ref_date
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if value is None:
        return date.today()
    try:
        return parse_ref_date(value)
    except DateFormatError as e:
        raise PlantrackError(Msg(f"{option}: {e}", f"{option}\uff1a{e.zh}"), 2) from None


def done(
    plan: Plan,
    milestone: Milestone,
    when: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="YYYY-MM-DD", help=t("The day it was done (default: today).", "完成日期（默认今天）。")
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help=t("A note to record with it.", "同时记录的备注。"))
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="UNIT",
            help=t("The unit that approved or issued it (repeatable).", "审批或印发单位（可重复）。"),
        ),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", metavar="UNIT", help=t("The unit it went to (repeatable).", "报送或接收单位（可重复）。")),
    ] = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record a milestone as done."""
    from plantrack.edit import ops

    day = _day(when, "--date")
    return _run(
        file,
        lang,
        Save("done", commit, force, include_pending),
        lambda o: ops.done(o.project, o.text, plan, milestone, day, note, by or (), to or ()),
    )


def reopen(
    plan: Plan,
    milestone: Milestone,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Remove a milestone's done date."""
    from plantrack.edit import ops

    return _run(
        file,
        lang,
        Save("reopen", commit, force, include_pending),
        lambda o: ops.reopen(o.project, o.text, plan, milestone),
    )


def due(
    plan: Plan,
    milestone: Milestone,
    when: Annotated[
        str | None,
        typer.Argument(
            metavar="[DATE]",
            help=t(
                "2020-09-25, 2020-09, 2020年9月底, end of 2020-09, …",
                "如 2020-09-25、2020-09、2020年9月底、2020年10月上旬",
            ),
        ),
    ] = None,
    clear: Annotated[
        bool,
        typer.Option(
            "--clear",
            help=t("Remove the plan's own due date: the scheme's applies.", "删除自定期限，恢复工作方案期限。"),
        ),
    ] = False,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Set a milestone's own due date, written as given (or --clear it)."""
    from plantrack.edit import ops
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if (when is None) != clear:
        raise PlantrackError(
            Msg("due: give a DATE or --clear (one of them)", "due：请给出 DATE 或 --clear（二者取一）"), 2
        )
    return _run(
        file,
        lang,
        Save("due", commit, force, include_pending),
        lambda o: ops.due(o.project, o.text, plan, milestone, when),
    )


def extend(
    plan: Plan,
    milestone: Milestone,
    when: Annotated[
        str,
        typer.Argument(
            metavar="DATE",
            help=t("The new deadline: 2020-10-31, 2020年10月底, …", "延期后的期限，如 2020-10-31、2020年10月底"),
        ),
    ],
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="UNIT", help=t("The unit that granted it (required).", "批准延期的单位 id（必填）。")
        ),
    ],
    ref: Annotated[
        str | None,
        typer.Option("--ref", metavar="文号", help=t("The document that granted it.", "批准文件文号。")),
    ] = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record an authorised extension of a milestone's deadline (R23)."""
    from plantrack.edit import ops

    return _run(
        file,
        lang,
        Save("extend", commit, force, include_pending),
        lambda o: ops.extend(o.project, o.text, plan, milestone, when, by, ref),
    )


def note(
    plan: Plan,
    milestone: Milestone,
    text: Annotated[
        str | None,
        typer.Argument(metavar="[TEXT]", help=t("The note; empty removes it.", "备注内容；为空则删除备注。")),
    ] = None,
    log: Annotated[
        str | None,
        typer.Option(
            "--log",
            metavar="TEXT",
            help=t("Append a dated entry to the milestone's supervision log.", "在节点督办记录（log）末尾追加一条。"),
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help=t("The log entry's date (default: today).", "督办记录日期（默认今天）。"),
        ),
    ] = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Set a milestone's note, or append to its supervision log (--log)."""
    from plantrack.edit import ops
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if (text is None) == (log is None) or (when is not None and log is None):
        raise PlantrackError(
            Msg(
                "note: give TEXT, or --log TEXT [--date D] (one of them)",
                "note：请给出 TEXT 或 --log TEXT [--date D]（二者取一）",
            ),
            2,
        )
    if log is not None:
        day = _day(when, "--date")
        return _run(
            file,
            lang,
            Save("note", commit, force, include_pending),
            lambda o: ops.log(o.project, o.text, plan, milestone, day, log),
        )
    return _run(
        file,
        lang,
        Save("note", commit, force, include_pending),
        lambda o: ops.note(o.project, o.text, plan, milestone, text or ""),
    )


def add(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help=t("The new plan's id.", "新规划的 id。"))],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help=t(
                "master, special, regional, township, township-special, research or evaluation (or 专项, 课题, …).",
                "规划类别：id 或表格中的中文，如 专项、乡镇、课题。",
            ),
        ),
    ],
    owner: Annotated[
        str,
        typer.Option(
            "--owner", metavar="UNIT", help=t("The unit that compiles it: id or name.", "编制单位：id 或名称。")
        ),
    ],
    name: Annotated[str, typer.Option("--name", help=t("The plan's full name.", "规划全称。"))],
    tier: Annotated[
        str | None,
        typer.Option("--tier", metavar="TIER", help=t("Special plans: key or general.", "专项规划：重点或一般。")),
    ] = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Add a plan, listing the schedule's milestones for its kind."""
    from plantrack.edit import add as add_entry

    code = language(lang)
    return _run(
        file,
        lang,
        Save("add", commit, force, include_pending),
        lambda o: add_entry.add_plan(o.project, o.text, plan, kind, owner, name, tier, code),
    )


def add_unit(
    unit: Annotated[str, typer.Argument(metavar="ID", help=t("The new unit's id.", "新单位的 id。"))],
    name: Annotated[str, typer.Option("--name", help=t("The unit's name.", "单位名称。"))],
    utype: Annotated[
        str,
        typer.Option(
            "--type",
            metavar="TYPE",
            help=t(
                "drc, government, department, township, … (or 部门, 乡镇, …)", "单位类型：id 或中文，如 部门、乡镇。"
            ),
        ),
    ],
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            metavar="UNIT",
            help=t("The unit it sits in (an office: the DRC).", "所在单位（如办公室设在发改委）。"),
        ),
    ] = None,
    person: Annotated[
        str | None, typer.Option("--contact-person", metavar="NAME", help=t("Contact person.", "联系人。"))
    ] = None,
    phone: Annotated[
        str | None, typer.Option("--contact-phone", metavar="PHONE", help=t("Contact phone.", "联系电话。"))
    ] = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Add a unit; a township comes with its congress and its township plan."""
    from plantrack.edit import add as add_entry

    contact = {k: v for k, v in (("person", person), ("phone", phone)) if v}
    code = language(lang)
    return _run(
        file,
        lang,
        Save("add-unit", commit, force, include_pending),
        lambda o: add_entry.add_unit(o.project, o.text, unit, name, utype, host, contact or None, code),
    )
