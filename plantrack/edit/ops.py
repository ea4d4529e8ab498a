"""What the milestone commands change (done, reopen, due, note), as text.

Each operation checks the ids (with a "did you mean"), takes the loaded
district (for the schedule) and the file's text, and returns the new text
with a summary and a commit message; add.py does the same for new plans and
units. Several
fields are set one after the other, re-reading in between, so each edit
lands at spans that are true for the text it edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from plantrack import dates
from plantrack.edit import surgery
from plantrack.edit.surgery import Doc
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError
from plantrack.project import Project
from plantrack.suggest import did_you_mean


@dataclass(frozen=True)
class Change:
    text: str  # the whole new text; equal to the old one when nothing changes
    summary: Msg
    message: str  # the commit message


def unknown_id(what_en: str, what_zh: str, name: str, known: Iterable[str], where: str) -> PlantrackError:
    hint = did_you_mean(name, known)
    return PlantrackError(
        Msg(f"{where}: no {what_en} {name!r}{hint.en}", f"{where}:没有{what_zh} {name!r}{hint.zh}"), 2
    )


def section(doc: Doc, name: str) -> dict[str, Any]:
    """`units` or `plans` as read, or {} if missing or malformed."""
    found = doc.data.get(name)
    return found if isinstance(found, dict) else {}


def _milestone_ids(project: Project, doc: Doc, pid: str) -> list[str]:
    where = project.plans_src.display
    plans = section(doc, "plans")
    if pid not in plans:
        raise unknown_id("plan", "规划", pid, plans, where)
    plan = plans[pid]
    kind = plan.get("kind") if isinstance(plan, dict) else None
    spec = project.schedule.kinds.get(kind)  # type: ignore[arg-type]
    if spec is None:
        raise PlantrackError(
            Msg(f"{where}: plan {pid!r} has no kind the schedule knows", f"{where}:规划 {pid!r} 的类别不在工作方案中"),
            2,
        )
    return list(spec.milestones)


def _check_milestone(project: Project, doc: Doc, pid: str, mid: str) -> list[str]:
    order = _milestone_ids(project, doc, pid)
    if mid not in order:
        raise unknown_id(f"milestone of {pid!r} named", f"{pid!r} 的节点", mid, order, project.plans_src.display)
    return order


def _set_field(
    text: str, pid: str, mid: str, order: list[str], field: str, value: surgery.Value | None
) -> str:
    """Set (or, with None, remove) one fact of a milestone, adding the milestone if needed."""
    doc = Doc.parse(text)
    plan_path = ("plans", pid)
    plan = doc.value(plan_path)
    listed = plan.get("milestones")
    record = listed.get(mid) if isinstance(listed, dict) else None
    if (listed is not None and not isinstance(listed, dict)) or (record is not None and not isinstance(record, dict)):
        # A shape the validator reports (PT102); writing into it would guess.
        raise PlantrackError(
            Msg(
                f"plans.{pid}.milestones{'.' + mid if isinstance(listed, dict) else ''} is not a mapping: fix it first (plantrack check)",
                f"plans.{pid}.milestones{'.' + mid if isinstance(listed, dict) else ''} 不是映射:请先修正(plantrack check)",
            ),
            2,
        )
    if value is None:
        if not isinstance(record, dict) or field not in record:
            return text
        new = surgery.apply(text, surgery.remove_key(doc, plan_path + ("milestones", mid), field))
        landed(new, ("plans", pid, "milestones", mid, field), None)
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
    else:
        edits = surgery.set_key(doc, plan_path + ("milestones", mid), field, value)
    new = surgery.apply(text, edits)
    landed(new, ("plans", pid, "milestones", mid, field), value)
    return new


def landed(text: str, path: tuple[str, ...], value: object) -> None:
    """Read the edit back: the value is there, as given. Failing this is a plantrack bug."""
    node = Doc.parse(text).data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    if node != value:
        raise RuntimeError(f"the edit of {'.'.join(path)} read back as {node!r}, not {value!r}")


def _current(doc: Doc, pid: str, mid: str, field: str) -> Any:
    listed = doc.value(("plans", pid)).get("milestones")
    record = listed.get(mid) if isinstance(listed, dict) else None
    return record.get(field) if isinstance(record, dict) else None


def done(project: Project, text: str, pid: str, mid: str, when: date, note: str | None) -> Change:
    doc = Doc.parse(text)
    order = _check_milestone(project, doc, pid, mid)
    was = _current(doc, pid, mid, "done")
    new = _set_field(text, pid, mid, order, "done", when.isoformat())
    if note is not None:
        new = _set_field(new, pid, mid, order, "note", note) if note else _set_field(new, pid, mid, order, "note", None)
    again_en = f" (was {was})" if was is not None and str(was) != when.isoformat() else ""
    again_zh = f"(原为 {was})" if again_en else ""
    return Change(
        new,
        Msg(f"{pid}/{mid} done {when}{again_en}", f"{pid}/{mid} 完成于 {when}{again_zh}"),
        f"done: {pid}/{mid} {when}",
    )


def reopen(project: Project, text: str, pid: str, mid: str) -> Change:
    doc = Doc.parse(text)
    order = _check_milestone(project, doc, pid, mid)
    was = _current(doc, pid, mid, "done")
    new = _set_field(text, pid, mid, order, "done", None)
    if was is None:
        return Change(new, Msg(f"{pid}/{mid} is not done: nothing to change", f"{pid}/{mid} 尚未完成:无需修改"), "")
    return Change(
        new,
        Msg(f"{pid}/{mid} reopened (was done {was})", f"{pid}/{mid} 已改为未完成(原完成于 {was})"),
        f"reopen: {pid}/{mid}",
    )


def due(project: Project, text: str, pid: str, mid: str, when: str) -> Change:
    doc = Doc.parse(text)
    order = _check_milestone(project, doc, pid, mid)
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
    doc = Doc.parse(text)
    order = _check_milestone(project, doc, pid, mid)
    new = _set_field(text, pid, mid, order, "note", value or None)
    what = (
        Msg(f"{pid}/{mid} note set", f"{pid}/{mid} 备注已更新")
        if value
        else Msg(f"{pid}/{mid} note removed", f"{pid}/{mid} 备注已删除")
    )
    return Change(new, what, f"note: {pid}/{mid}")


def extend(project: Project, text: str, pid: str, mid: str, until: str, by: str, ref: str | None) -> Change:
    """Record an authorised extension (R23): `extended: {until, by, ref}`."""
    doc = Doc.parse(text)
    order = _check_milestone(project, doc, pid, mid)
    until = until.strip()
    try:
        day = dates.parse_due(until)
    except dates.DateFormatError as e:
        raise PlantrackError(Msg(f"DATE: {e}", f"DATE\uff1a{e.zh}"), 2) from None
    units = section(doc, "units")
    if by not in units:
        raise unknown_id("unit", "单位", by, units, "--by")
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
