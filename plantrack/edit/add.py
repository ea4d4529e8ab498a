"""Adding a plan or a unit: a new entry beside the last of its kind, the rest of the file kept."""

from __future__ import annotations

from typing import Any

from plantrack.edit import surgery
from plantrack.edit.ops import Change, landed, section, unknown_id
from plantrack.edit.surgery import Doc, Edit, Noted, Value
from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.models import UNIT_TYPES
from plantrack.problems import PlantrackError


def _new_id(doc: Doc, name: str, new_id: str, where: str) -> None:
    if not new_id.strip() or new_id != new_id.strip() or "/" in new_id or new_id.startswith("-"):
        raise PlantrackError(
            Msg(
                f"{new_id!r} is not a usable id: no spaces at the ends, no '/', no leading '-'",
                f"{new_id!r} 不能用作 id:首尾不能有空格,不能含 '/',不能以 '-' 开头",
            ),
            2,
        )
    if new_id in section(doc, name):
        raise PlantrackError(Msg(f"{where}: {name} already has {new_id!r}", f"{where}:{name} 中已有 {new_id!r}"), Exit.USAGE)


def _last_like(entries: dict[str, Any], **want: Any) -> str | None:
    """The last entry whose fields match `want`: new entries join their own group."""
    found = None
    for key, value in entries.items():
        if isinstance(value, dict) and all(value.get(k) == v for k, v in want.items()):
            found = key
    return found


def add_plan(
    project: Project, text: str, pid: str, kind: str, owner: str, name: str, tier: str | None, lang: str
) -> Change:
    doc = Doc.parse(text)
    where = project.plans_src.display
    _new_id(doc, "plans", pid, where)
    spec = project.schedule.kinds.get(kind)  # type: ignore[call-overload]
    if spec is None:
        raise unknown_id("plan kind", "规划类别", kind, project.schedule.kinds, "schedule")
    units = section(doc, "units")
    if owner not in units:
        raise unknown_id("unit", "单位", owner, units, where)
    milestones: dict[str, Value] = {}
    for mid, m in spec.milestones.items():
        deadline = project.schedule.deadline(kind, mid)
        ref = f" ({m.ref})" if m.ref and lang != "zh" else f"({m.ref})" if m.ref else ""
        milestones[mid] = Noted(
            {}, f"# {'期限' if lang == 'zh' else 'due'} {deadline}{ref}" if deadline else f"# {m.name}"
        )
    plan: dict[str, Value] = {"name": name, "kind": kind}
    if tier:
        plan["tier"] = tier
    plan |= {"owner": owner, "milestones": milestones}
    plans = section(doc, "plans")
    after = _last_like(plans, kind=kind, tier=tier) or _last_like(plans, kind=kind)
    new = surgery.apply(text, _add_entry(doc, "plans", pid, plan, after))
    landed(new, ("plans", pid, "name"), name)
    return Change(
        new,
        Msg(f"plan {pid} added ({kind}, {owner})", f"已新增规划 {pid}({kind},{owner})"),
        f"add: plan {pid} ({kind}, {owner})",
    )


def add_unit(project: Project, text: str, uid: str, name: str, utype: str) -> Change:
    doc = Doc.parse(text)
    where = project.plans_src.display
    _new_id(doc, "units", uid, where)
    if utype not in UNIT_TYPES:
        raise unknown_id("unit type", "单位类型", utype, UNIT_TYPES, "--type")
    units = section(doc, "units")
    entry: dict[str, Value] = {"name": name, "type": utype}
    new = surgery.apply(text, _add_entry(doc, "units", uid, entry, _last_like(units, type=utype)))
    landed(new, ("units", uid, "name"), name)
    return Change(
        new,
        Msg(f"unit {uid} added ({utype})", f"已新增单位 {uid}({utype})"),
        f"add-unit: {uid} ({utype})",
    )


def _add_entry(doc: Doc, section_key: str, key: str, entry: dict[str, Value], after: str | None) -> list[Edit]:
    """The edits that add `key: entry` to a top-level section, creating the section if the file has none."""
    if section_key not in doc.data:
        return surgery.set_key(doc, (), section_key, {key: entry})
    return surgery.set_key(doc, (section_key,), key, entry, after=after)
