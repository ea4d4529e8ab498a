"""The one path of every edit command (commands/edit.py): read with spans, change,
validate, write atomically under the edit lock, then commit if asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from plantrack.commands.common import Lang, language, plans_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.edit.apply import Original
    from plantrack.edit.ops import Change
    from plantrack.history.commit import Prepared


@dataclass(frozen=True)
class Save:
    """How the edit is saved: the command (named in the lock), --commit, --force, --include-pending."""

    command: str
    commit: bool = False
    force: bool = False
    include_pending: bool = False


def run(file: Path | None, lang_opt: Lang | None, save: Save, make: Callable[[Original], Change]) -> int:
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


def day(value: str | None, option: str) -> date:
    from plantrack.dates import DateFormatError, parse_ref_date
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if value is None:
        return date.today()
    try:
        return parse_ref_date(value)
    except DateFormatError as e:
        raise PlantrackError(Msg(f"{option}: {e}", f"{option}\uff1a{e.zh}"), 2) from None
