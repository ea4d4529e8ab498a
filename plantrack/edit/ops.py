"""What each edit command changes, as text: ids checked, values written, the rest kept.

Each operation takes the loaded district (for the schedule) and the file's
text, and returns the new text with a summary and a commit message. Several
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
from plantrack.edit.surgery import Doc, Noted, Value
from plantrack.models import UNIT_TYPES
from plantrack.problems import Msg, PlantrackError
from plantrack.project import Project
from plantrack.suggest import did_you_mean


@dataclass(frozen=True)
class Change:
    text: str  # the whole new text; equal to the old one when nothing changes
    summary: Msg
    message: str  # the commit message


def _unknown(what_en: str, what_zh: str, name: str, known: Iterable[str], where: str) -> PlantrackError:
    hint = did_you_mean(name, known)
    return PlantrackError(
        Msg(f"{where}: no {what_en} {name!r}{hint.en}", f"{where}:没有{what_zh} {name!r}{hint.zh}"), 2
    )


def _section(doc: Doc, name: str) -> dict[str, Any]:
    section = doc.data.get(name)
    return section if isinstance(section, dict) else {}


def _milestone_ids(project: Project, doc: Doc, pid: str) -> list[str]:
    where = project.plans_src.display
    plans = _section(doc, "plans")
    if pid not in plans:
        raise _unknown("plan", "规划", pid, plans, where)
    plan = plans[pid]
    kind = plan.get("kind") if isinstance(plan, dict) else None
    spec = project.schedule.kinds.get(kind)  # type: ignore[call-overload]
    if spec is None:
        raise PlantrackError(
            Msg(f"{where}: plan {pid!r} has no kind the schedule knows", f"{where}:规划 {pid!r} 的类别不在工作方案中"), 2
        )
    return list(spec.milestones)


def _check_milestone(project: Project, doc: Doc, pid: str, mid: str) -> list[str]:
    order = _milestone_ids(project, doc, pid)
    if mid not in order:
        raise _unknown(f"milestone of {pid!r} named", f"{pid!r} 的节点", mid, order, project.plans_src.display)
    return order


def _set_field(text: str, pid: str, mid: str, order: list[str], field: str, value: str | None) -> str:
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
        return surgery.apply(text, surgery.remove_key(doc, plan_path + ("milestones", mid), field))
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
    return surgery.apply(text, edits)


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
    return Change(new, Msg(f"{pid}/{mid} reopened (was done {was})", f"{pid}/{mid} 已改为未完成(原完成于 {was})"), f"reopen: {pid}/{mid}")


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
    what = Msg(f"{pid}/{mid} note set", f"{pid}/{mid} 备注已更新") if value else Msg(f"{pid}/{mid} note removed", f"{pid}/{mid} 备注已删除")
    return Change(new, what, f"note: {pid}/{mid}")


def _new_id(doc: Doc, section: str, new_id: str, where: str) -> None:
    if not new_id.strip() or new_id != new_id.strip() or "/" in new_id or new_id.startswith("-"):
        raise PlantrackError(
            Msg(f"{new_id!r} is not a usable id: no spaces at the ends, no '/', no leading '-'", f"{new_id!r} 不能用作 id:首尾不能有空格,不能含 '/',不能以 '-' 开头"), 2
        )
    if new_id in _section(doc, section):
        raise PlantrackError(Msg(f"{where}: {section} already has {new_id!r}", f"{where}:{section} 中已有 {new_id!r}"), 2)


def _last_like(entries: dict[str, Any], **want: Any) -> str | None:
    """The last entry whose fields match `want`: new entries join their own group."""
    found = None
    for key, value in entries.items():
        if isinstance(value, dict) and all(value.get(k) == v for k, v in want.items()):
            found = key
    return found


def add_plan(project: Project, text: str, pid: str, kind: str, owner: str, name: str, tier: str | None, lang: str) -> Change:
    doc = Doc.parse(text)
    where = project.plans_src.display
    _new_id(doc, "plans", pid, where)
    spec = project.schedule.kinds.get(kind)  # type: ignore[call-overload]
    if spec is None:
        raise _unknown("plan kind", "规划类别", kind, project.schedule.kinds, "schedule")
    units = _section(doc, "units")
    if owner not in units:
        raise _unknown("unit", "单位", owner, units, where)
    milestones: dict[str, Value] = {}
    for mid, m in spec.milestones.items():
        deadline = project.schedule.deadline(kind, mid)
        ref = f" ({m.ref})" if m.ref and lang != "zh" else f"({m.ref})" if m.ref else ""
        milestones[mid] = Noted({}, f"# {'期限' if lang == 'zh' else 'due'} {deadline}{ref}" if deadline else f"# {m.name}")
    plan: dict[str, Value] = {"name": name, "kind": kind}
    if tier:
        plan["tier"] = tier
    plan |= {"owner": owner, "milestones": milestones}
    plans = _section(doc, "plans")
    after = _last_like(plans, kind=kind, tier=tier) or _last_like(plans, kind=kind)
    if "plans" not in doc.data:
        edits = surgery.set_key(doc, (), "plans", {pid: plan})
    else:
        edits = surgery.set_key(doc, ("plans",), pid, plan, after=after)
    return Change(
        surgery.apply(text, edits),
        Msg(f"plan {pid} added ({kind}, {owner})", f"已新增规划 {pid}({kind},{owner})"),
        f"add: plan {pid} ({kind}, {owner})",
    )


def add_unit(project: Project, text: str, uid: str, name: str, utype: str) -> Change:
    doc = Doc.parse(text)
    where = project.plans_src.display
    _new_id(doc, "units", uid, where)
    if utype not in UNIT_TYPES:
        raise _unknown("unit type", "单位类型", utype, UNIT_TYPES, "--type")
    units = _section(doc, "units")
    entry: dict[str, Value] = {"name": name, "type": utype}
    if "units" not in doc.data:
        edits = surgery.set_key(doc, (), "units", {uid: entry})
    else:
        edits = surgery.set_key(doc, ("units",), uid, entry, after=_last_like(units, type=utype))
    return Change(
        surgery.apply(text, edits),
        Msg(f"unit {uid} added ({utype})", f"已新增单位 {uid}({utype})"),
        f"add-unit: {uid} ({utype})",
    )
