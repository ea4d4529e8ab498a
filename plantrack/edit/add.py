"""Adding a plan or a unit: a new entry beside the last of its kind, the rest of the file kept.

The user's words for a kind, owner, tier, unit type or host are resolved
(plantrack.resolve): `--kind 课题`, `--owner 区教育局`, `--type 部门` work.
A township comes with what the scheme gives every township: its congress
(乡镇人代会, hosted by the township) and its township plan (R5, R6).
"""

from __future__ import annotations

from typing import Any

from plantrack import ids, resolve, yamlread
from plantrack.edit import surgery
from plantrack.edit.ops import Change, landed, section, written_out
from plantrack.edit.surgery import Doc, Edit, Noted, Value
from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.problems import PlantrackError

PLAN = Msg("plan", "规划")
UNIT = Msg("unit", "单位")


def _new_id(data: dict[str, Any], section_name: str, new_id: str, name: str, where: str) -> None:
    what = PLAN if section_name == "plans" else UNIT
    problem = ids.id_problem(new_id, what) or ids.name_problem(name, what)
    if problem:
        raise PlantrackError(problem, Exit.USAGE)
    if new_id in section(data, section_name):
        raise PlantrackError(
            Msg(f"{where}: {section_name} already has {new_id!r}", f"{where}：{section_name} 中已有 {new_id!r}"),
            Exit.USAGE,
        )


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
    new, kind, owner = _plan_text(project, text, pid, kind, owner, name, tier, lang)
    return Change(
        new,
        Msg(f"plan {pid} added ({kind}, {owner})", f"已新增规划 {pid}（{kind}，{owner}）"),
        f"add: plan {pid} ({kind}, {owner})",
    )


def _beside(text: str, section_key: str, entries: dict[str, Any], after: str | None) -> tuple[Doc, tuple[str, ...]]:
    """The text read for adding an entry to a section (its `entries`) after `after` (else its last
    entry, as surgery.set_key places it): that neighbour's lines with spans (yamlscope), and its path."""
    neighbour = after if after in entries else next(reversed(entries), None)
    scope = (section_key, neighbour) if neighbour is not None else ()
    return Doc.parse(text, scope), scope


def _plan_text(
    project: Project, text: str, pid: str, kind: str, owner: str, name: str, tier: str | None, lang: str
) -> tuple[str, str, str]:
    """The text with the plan added, and the kind and owner ids the words named."""
    data = yamlread.read(text)[0]
    where = project.plans_src.display
    _new_id(data, "plans", pid, name, where)
    kind = resolve.resolve(kind, resolve.kind_choices(project.schedule.kinds), resolve.KIND, "--kind")
    spec = project.schedule.kinds.get(kind)  # type: ignore[call-overload]
    if spec is None:
        raise PlantrackError(
            Msg(f"--kind: the schedule has no {kind!r} plans", f"--kind：工作方案中没有 {kind!r} 类规划"), Exit.USAGE
        )
    units = section(data, "units")
    owner = resolve.resolve(owner, resolve.unit_choices(units), resolve.UNIT, "--owner")
    if tier is not None:
        tier = resolve.resolve(tier, resolve.tier_choices(), resolve.TIER, "--tier")
    milestones: dict[str, Value] = {}
    for mid, m in spec.milestones.items():
        deadline = project.schedule.deadline(kind, mid)
        ref = f" ({m.ref})" if m.ref and lang != "zh" else f"（{m.ref}）" if m.ref else ""
        milestones[mid] = Noted(
            {}, f"# {'期限' if lang == 'zh' else 'due'} {deadline}{ref}" if deadline else f"# {m.name}"
        )
    plan: dict[str, Value] = {"name": name, "kind": kind}
    if tier:
        plan["tier"] = tier
    plan |= {"owner": owner, "milestones": milestones}
    plans = section(data, "plans")
    after = _last_like(plans, kind=kind, tier=tier) or _last_like(plans, kind=kind)
    doc, scope = _beside(text, "plans", plans, after)
    new = surgery.apply(text, _add_entry(doc, "plans", pid, plan, after))
    landed(text, new, ("plans", pid, "name"), name, scope)
    return new, kind, owner


def add_unit(
    project: Project,
    text: str,
    uid: str,
    name: str,
    utype: str,
    host: str | None = None,
    contact: dict[str, str] | None = None,
    lang: str = "en",
) -> Change:
    data = yamlread.read(text)[0]
    where = project.plans_src.display
    _new_id(data, "units", uid, name, where)
    utype = resolve.resolve(utype, resolve.unit_type_choices(), resolve.UNIT_TYPE, "--type")
    units = section(data, "units")
    entry: dict[str, Value] = {"name": name, "type": utype}
    if host is not None:
        entry["host"] = resolve.resolve(host, resolve.unit_choices(units), resolve.UNIT, "--host")
    if contact:
        entry["contact"] = dict(contact)
    after = _last_like(units, type=utype)
    doc, scope = _beside(text, "units", units, after)
    new = surgery.apply(text, _add_entry(doc, "units", uid, entry, after))
    landed(text, new, ("units", uid, "name"), name, scope)
    if utype != "township":
        return Change(
            new, Msg(f"unit {uid} added ({utype})", f"已新增单位 {uid}（{utype}）"), f"add-unit: {uid} ({utype})"
        )
    return _township_extras(project, new, uid, name, lang)


def township_congress(uid: str, name: str) -> tuple[str, dict[str, Value]]:
    """The id and entry of a township's own people's congress (R5: 同级人代会)."""
    return f"{uid}-npc", {"name": f"{name}人民代表大会", "type": "township-congress", "host": uid}


def township_plan_name(project: Project, township: str) -> str:
    """`甲镇国民经济和社会发展第十四个五年规划`, numbered from the schedule's period."""
    return f"{township}国民经济和社会发展第{five_year_number(project.schedule.period.start)}个五年规划"


def five_year_number(start_year: int) -> str:
    """十四 for a plan period starting 2021: the first five-year plan began in 1953."""
    n = (start_year - 1953) // 5 + 1
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else digits[tens] + "十") + (digits[ones] if ones else "")


def _township_extras(project: Project, text: str, uid: str, name: str, lang: str) -> Change:
    """A new township's congress and township plan, added in the same edit."""
    npc, entry = township_congress(uid, name)
    units = section(yamlread.read(text)[0], "units")
    if npc not in units:
        after = _last_like(units, type="township-congress") or uid
        doc, scope = _beside(text, "units", units, after)
        new = surgery.apply(text, _add_entry(doc, "units", npc, entry, after))
        landed(text, new, ("units", npc, "name"), entry["name"], scope)
        text = new
    pid = f"{uid}-plan"
    text, _, _ = _plan_text(project, text, pid, "township", uid, township_plan_name(project, name), None, lang)
    return Change(
        text,
        Msg(
            f"unit {uid} added (township), with its congress {npc} and its plan {pid}",
            f"已新增单位 {uid}（乡镇），及其人代会 {npc} 和乡镇规划 {pid}",
        ),
        f"add-unit: {uid} (township), {npc}, {pid}",
    )


def _add_entry(doc: Doc, section_key: str, key: str, entry: dict[str, Value], after: str | None) -> list[Edit]:
    """The edits that add `key: entry` to a top-level section, creating the section if the file has none."""
    if section_key not in doc.data:
        return surgery.set_key(doc, (), section_key, {key: entry})
    written_out(doc, (section_key,))
    return surgery.set_key(doc, (section_key,), key, entry, after=after)
