"""What the milestone commands change (done, reopen, due, note), as text.

Each operation checks the ids (with a "did you mean"), takes the loaded
district (for the schedule) and the file's text, and returns the new text
with a summary and a commit message; add.py does the same for new plans and
units. Several
fields are set one after the other, re-reading in between, so each edit
lands at spans that are true for the text it edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from plantrack import dates, yamlread, yamlscope
from plantrack.edit import surgery
from plantrack.edit.surgery import Doc
from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.problems import PlantrackError
from plantrack.suggest import did_you_mean


@dataclass(frozen=True)
class Change:
    text: str  # the whole new text; equal to the old one when nothing changes
    summary: Msg
    message: str  # the commit message


def unknown_id(what_en: str, what_zh: str, name: str, known: Iterable[str], where: str) -> PlantrackError:
    hint = did_you_mean(name, known)
    return PlantrackError(
        Msg(f"{where}: no {what_en} {name!r}{hint.en}", f"{where}：没有{what_zh} {name!r}{hint.zh}"), 2
    )


def section(doc: Doc | dict[str, Any], name: str) -> dict[str, Any]:
    """`units` or `plans` as read (in a Doc or the data itself), or {} if missing or malformed."""
    found = (doc.data if isinstance(doc, Doc) else doc).get(name)
    return found if isinstance(found, dict) else {}


def _target(project: Project, text: str, plan_word: str, milestone_word: str) -> tuple[str, str, list[str], Doc]:
    """The plan and milestone the user's words name (id, name or part of one), the kind's
    milestone order, and the text read for editing that plan."""
    from plantrack import resolve

    where = project.plans_src.display
    plans = section(yamlread.read(text)[0], "plans")
    pid = resolve.resolve(plan_word, resolve.named_choices(plans), resolve.PLAN, where)
    plan = plans[pid]
    kind = plan.get("kind") if isinstance(plan, dict) else None
    spec = project.schedule.kinds.get(kind) if isinstance(kind, str) else None  # type: ignore[call-overload]
    if spec is None:
        raise PlantrackError(
            Msg(f"{where}: plan {pid!r} has no kind the schedule knows", f"{where}：规划 {pid!r} 的类别不在工作方案中"),
            2,
        )
    what = Msg(f"milestone of {pid!r} named", f"{pid!r} 的节点")
    mid = resolve.resolve(milestone_word, resolve.named_choices(spec.milestones), what, where)
    doc = Doc.parse(text, ("plans", pid))
    for field in ("done", "log", "by", "to", "extended"):  # an alias on the way to any field an edit writes
        written_out(doc, ("plans", pid, "milestones", mid, field), where)
    return pid, mid, list(spec.milestones), doc


def _units(doc: Doc, words: Sequence[str], option: str) -> list[str]:
    """Unit ids for the words given to a repeatable option, in order, each once."""
    from plantrack import resolve

    choices = resolve.unit_choices(section(doc, "units"))
    out: list[str] = []
    for w in words:
        uid = resolve.resolve(w, choices, resolve.UNIT, option)
        if uid not in out:
            out.append(uid)
    return out


def written_out(doc: Doc, path: tuple[str, ...], where: str = "plans.yaml") -> None:
    """Refuse to edit at `path` when a YAML alias (`*name`) stands on the way there.

    The characters of an alias's content are at its anchor, maybe in another
    plan: an edit there would change both, an edit here has no place to go.
    """
    node: Any = doc.data
    for i in range(len(path) + 1):
        here = path[:i]
        aliased = here and not doc.written(here)
        if not aliased and isinstance(node, dict) and node:
            aliased = not doc.written(here + (next(iter(node)),), key=True)
        if aliased:
            shown = ".".join(str(p) for p in here)
            line, col = doc.pos.locate(here) if here else (1, 1)
            raise PlantrackError(
                Msg(
                    f"{where}:{line}:{col}: {shown} is written with a YAML alias (*name): plantrack does not edit through aliases; "
                    "write the values out in place, then edit",
                    f"{where}:{line}:{col}：{shown} 使用了 YAML 别名（*name）：plantrack 不通过别名编辑；请先直接写出其内容再编辑",
                ),
                2,
            )
        if i == len(path) or not isinstance(node, dict) or path[i] not in node:
            return
        node = node[path[i]]


def _set_field(text: str, pid: str, mid: str, order: list[str], field: str, value: surgery.Value | None) -> str:
    """Set (or, with None, remove) one fact of a milestone, adding the milestone if needed."""
    plan_path = ("plans", pid)
    doc = Doc.parse(text, plan_path)
    plan = doc.value(plan_path)
    listed = plan.get("milestones")
    record = listed.get(mid) if isinstance(listed, dict) else None
    if (listed is not None and not isinstance(listed, dict)) or (record is not None and not isinstance(record, dict)):
        # A shape the validator reports (PT102); writing into it would guess.
        raise PlantrackError(
            Msg(
                f"plans.{pid}.milestones{'.' + mid if isinstance(listed, dict) else ''} is not a mapping: fix it first (plantrack check)",
                f"plans.{pid}.milestones{'.' + mid if isinstance(listed, dict) else ''} 不是映射：请先修正（plantrack check）",
            ),
            2,
        )
    if value is None:
        if not isinstance(record, dict) or field not in record:
            return text
        new = surgery.apply(text, surgery.remove_key(doc, plan_path + ("milestones", mid), field))
        landed(text, new, ("plans", pid, "milestones", mid, field), None)
        return new
    if "milestones" not in plan:
        edits = surgery.set_key(doc, plan_path, "milestones", {mid: {field: value}})
    elif not isinstance(listed, dict) or mid not in listed:
        # In the schedule's order: after the nearest listed step before it.
        present = [m for m in order if isinstance(listed, dict) and m in listed]
        before_it = [m for m in present if order.index(m) < order.index(mid)]
        after = before_it[-1] if before_it else None
        first = present[0] if present else None
        edits = surgery.set_key(doc, plan_path + ("milestones",), mid, {field: value}, after=after, before=first)
    elif (
        isinstance(value, list)
        and isinstance(record, dict)
        and isinstance(record.get(field), list)
        and not doc.is_flow(plan_path + ("milestones", mid, field))
    ):
        # A block list (`by:` then `- party` lines) becomes one flow line: remove it, then set it.
        text = surgery.apply(text, surgery.remove_key(doc, plan_path + ("milestones", mid), field))
        return _set_field(text, pid, mid, order, field, value)
    else:
        edits = surgery.set_key(doc, plan_path + ("milestones", mid), field, value)
    new = surgery.apply(text, edits)
    landed(text, new, ("plans", pid, "milestones", mid, field), value)
    return new


def landed(old: str, text: str, path: tuple[str, ...], value: object, scope: tuple[str, ...] | None = None) -> None:
    """Read the edit back: the value is there, as given. Failing this is a plantrack bug.

    An edit inside one plan reads that plan's lines again, not the whole text
    (yamlscope.follow; `scope`: the entry whose lines changed, by default the
    plan or unit `path` is in); the text read stays known for validating it.
    """
    node = read_back(old, text, path[:2] if scope is None else scope)
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    if node != value:
        raise RuntimeError(f"the edit of {'.'.join(path)} read back as {node!r}, not {value!r}")


def read_back(old: str, new: str, scope: tuple[str, ...]) -> Any:
    """The data of `new`, an edit of `old` inside the entry at `scope` (() for anywhere): that
    entry's lines read again where yamlscope can, else the whole text."""
    if scope:
        yamlscope.follow(old, new, scope)
    return yamlread.read(new)[0]


def _current(data: Any, pid: str, mid: str, field: str) -> Any:
    """A milestone's field in the data read (None when absent)."""
    listed = data["plans"][pid].get("milestones")
    record = listed.get(mid) if isinstance(listed, dict) else None
    return record.get(field) if isinstance(record, dict) else None


def done(
    project: Project,
    text: str,
    pid: str,
    mid: str,
    when: date,
    note: str | None,
    by: Sequence[str] = (),
    to: Sequence[str] = (),
) -> Change:
    """Record a step done; `by`/`to` (words for units) say who approved or issued it and who received it."""
    pid, mid, order, doc = _target(project, text, pid, mid)
    was = _current(doc.data, pid, mid, "done")
    parties = {field: _units(doc, words, f"--{field}") for field, words in (("by", by), ("to", to))}
    new = _set_field(text, pid, mid, order, "done", when.isoformat())
    if note is not None:
        new = _set_field(new, pid, mid, order, "note", note) if note else _set_field(new, pid, mid, order, "note", None)
    for field, ids in parties.items():
        if ids:
            value: surgery.Value = ids[0] if len(ids) == 1 else list[surgery.Value](ids)
            new = _set_field(new, pid, mid, order, field, value)
    again_en = f" (was {was})" if was is not None and str(was) != when.isoformat() else ""
    again_zh = f"（原为 {was}）" if again_en else ""
    return Change(
        new,
        Msg(f"{pid}/{mid} done {when}{again_en}", f"{pid}/{mid} 完成于 {when}{again_zh}"),
        f"done: {pid}/{mid} {when}",
    )


def reopen(project: Project, text: str, pid: str, mid: str) -> Change:
    pid, mid, order, doc = _target(project, text, pid, mid)
    was = _current(doc.data, pid, mid, "done")
    new = _set_field(text, pid, mid, order, "done", None)
    if was is None:
        return Change(new, Msg(f"{pid}/{mid} is not done: nothing to change", f"{pid}/{mid} 尚未完成：无需修改"), "")
    return Change(
        new,
        Msg(f"{pid}/{mid} reopened (was done {was})", f"{pid}/{mid} 已改为未完成（原完成于 {was}）"),
        f"reopen: {pid}/{mid}",
    )


def due(project: Project, text: str, pid: str, mid: str, when: str | None) -> Change:
    """Set the plan's own due date; None removes it, so the scheme's date applies again."""
    pid, mid, order, doc = _target(project, text, pid, mid)
    if when is None:
        was = _current(doc.data, pid, mid, "due")
        new = _set_field(text, pid, mid, order, "due", None)
        if was is None:
            return Change(
                new,
                Msg(f"{pid}/{mid} has no own due date: nothing to change", f"{pid}/{mid} 没有自定期限：无需修改"),
                "",
            )
        scheme = project.schedule.deadline(str(doc.value(("plans", pid)).get("kind")), mid)
        return Change(
            new,
            Msg(
                f"{pid}/{mid} own due date {was} removed: due {scheme} (the scheme)",
                f"{pid}/{mid} 已删除自定期限 {was}：按工作方案 {scheme} 到期",
            ),
            f"due: {pid}/{mid} cleared",
        )
    when = when.strip()
    try:
        day = dates.parse_due(when)
    except dates.DateFormatError as e:
        raise PlantrackError(Msg(f"DATE: {e}", f"DATE:{e.zh}"), 2) from None
    new = _set_field(text, pid, mid, order, "due", when)
    shown = when if when == day.isoformat() else f"{when} ({day})"
    return Change(new, Msg(f"{pid}/{mid} due {shown}", f"{pid}/{mid} 期限改为 {shown}"), f"due: {pid}/{mid} {when}")


def note(project: Project, text: str, pid: str, mid: str, value: str) -> Change:
    """Set a milestone's note; an empty note removes it."""
    pid, mid, order, _ = _target(project, text, pid, mid)
    new = _set_field(text, pid, mid, order, "note", value or None)
    what = (
        Msg(f"{pid}/{mid} note set", f"{pid}/{mid} 备注已更新")
        if value
        else Msg(f"{pid}/{mid} note removed", f"{pid}/{mid} 备注已删除")
    )
    return Change(new, what, f"note: {pid}/{mid}")


def log(project: Project, text: str, pid: str, mid: str, day: date, entry: str) -> Change:
    """Append a dated line to the milestone's supervision log (`log:`), creating the list if absent."""
    if not entry.strip():
        raise PlantrackError(Msg("--log: the entry is empty", "--log：记录内容为空"), 2)
    pid, mid, order, doc = _target(project, text, pid, mid)
    item: dict[str, surgery.Value] = {"date": day.isoformat(), "text": entry}
    current = _current(doc.data, pid, mid, "log")
    if current is None:
        new = _set_field(text, pid, mid, order, "log", [item])
    elif isinstance(current, list):
        new = surgery.apply(text, surgery.append_item(doc, ("plans", pid, "milestones", mid, "log"), item))
    else:
        raise PlantrackError(
            Msg(
                f"plans.{pid}.milestones.{mid}.log is not a list: fix it first (plantrack check)",
                f"plans.{pid}.milestones.{mid}.log 不是列表：请先修正（plantrack check）",
            ),
            2,
        )
    written = _current(read_back(text, new, ("plans", pid)), pid, mid, "log")
    if not isinstance(written, list) or written[-1] != item:
        raise RuntimeError(f"the log entry of {pid}/{mid} read back as {written!r}")
    return Change(
        new, Msg(f"{pid}/{mid} log: {day} {entry}", f"{pid}/{mid} 督办记录：{day} {entry}"), f"log: {pid}/{mid} {day}"
    )


def extend(project: Project, text: str, pid: str, mid: str, until: str, by: str, ref: str | None) -> Change:
    """Record an authorised extension (R23): `extended: {until, by, ref}`."""
    pid, mid, order, doc = _target(project, text, pid, mid)
    until = until.strip()
    try:
        day = dates.parse_due(until)
    except dates.DateFormatError as e:
        raise PlantrackError(Msg(f"DATE: {e}", f"DATE\uff1a{e.zh}"), 2) from None
    by = _units(doc, [by], "--by")[0]
    value: dict[str, surgery.Value] = {"until": until, "by": by}
    if ref:
        value["ref"] = ref
    new = _set_field(text, pid, mid, order, "extended", value)
    shown = until if until == day.isoformat() else f"{until} ({day})"
    doc_en = f", {ref}" if ref else ""
    doc_zh = f"\uff0c{ref}" if ref else ""
    return Change(
        new,
        Msg(f"{pid}/{mid} extended to {shown} by {by}{doc_en}", f"{pid}/{mid} 经 {by} 批准延期至 {shown}{doc_zh}"),
        f"extend: {pid}/{mid} {until} by {by}" + (f" ({ref})" if ref else ""),
    )
