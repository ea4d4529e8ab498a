"""The plans.yaml that `plantrack init` writes: a district's starting record, as text. Pure.

What the scheme gives every district is there from the start, so the file
checks clean except for what genuinely remains to be recorded: the leading
group and its office at the DRC (R13), the district bodies that approve,
receive and fund (区政府, 区委, 区人大常委会, 市发展改革委, 区财政), the
departments, each township with its own people's congress (R5) and its
township plan (R6), the master plan (R7) and the last plan's final
evaluation (R10). Each plan lists its kind's milestones with the scheme's
deadline in a comment, block style, ready to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from plantrack.edit.add import five_year_number
from plantrack.edit.scalars import scalar
from plantrack.models import Schedule


@dataclass(frozen=True)
class Member:
    """A department or township to create: its id and its name."""

    id: str
    name: str


SCHEMA_FILE = "plans.schema.json"


def render(
    district: str, schedule_name: str, schedule: Schedule, departments: list[Member], townships: list[Member]
) -> str:
    """The whole plans.yaml."""
    nth = five_year_number(schedule.period.start)
    prev = five_year_number(schedule.period.start - 5)
    d = district
    lines = [
        f"# yaml-language-server: $schema=./{SCHEMA_FILE}",
        f"# {d}“{nth}五”规划编制台账（plantrack init 生成）",
        "# 只记事实：完成日期（done）、自定期限（due）、备注（note）、督办记录（log）；状态由 plantrack 推算。",
        f"# 各节点未填写的，按工作方案（schedule: {schedule_name}）规定的期限跟踪；注释中是方案期限。",
        "# 常用命令：plantrack status · plantrack check · plantrack done 规划 节点 --date 2020-06-03",
        "# 格式说明见 plantrack 的 docs/format.md；编号（id）只用小写字母、数字和 -，中文写在 name 中。",
        "",
        f"schedule: {schedule_name}",
        f"name: {scalar(d)}",
        "",
        "units:",
        "  # —— 领导小组及其办公室（R13、R15）——",
    ]
    units = [
        ("lg", f"{d}发展规划工作领导小组", "leading-group", None),
        ("lg-office", f"{d}发展规划工作领导小组办公室", "office", "drc"),
    ]
    lines += _units(units)
    lines += ["", "  # —— 区级机关 ——"]
    lines += _units(
        [
            ("drc", f"{d}发展和改革委员会", "drc", None),
            ("gov", f"{d}人民政府", "government", None),
            ("party", f"中共{d}委员会", "party-committee", None),
            ("congress", f"{d}人民代表大会常务委员会", "congress", None),
            ("city-drc", "市发展和改革委员会", "city-drc", None),
            ("finance", f"{d}财政局", "department", None),
        ]
    )
    if departments:
        lines += ["", "  # —— 区直部门 ——"]
        lines += _units([(m.id, m.name, "department", None) for m in departments])
    if townships:
        lines += ["", "  # —— 乡镇及乡镇人大（乡镇规划报同级人代会审议批准，R5）——"]
        lines += _units([(m.id, m.name, "township", None) for m in townships])
        lines += _units([(f"{m.id}-npc", f"{m.name}人民代表大会", "township-congress", m.id) for m in townships])
    lines += ["", "plans:", "  # ================= 总体规划 ================="]
    lines += _plan(
        "outline",
        f"{d}国民经济和社会发展第{nth}个五年规划纲要",
        "master",
        "drc",
        schedule,
        [f"    period: {{start: {schedule.period.start}, end: {schedule.period.end}}}"],
    )
    lines += ["", f"  # ================= “{prev}五”规划终期评估 ================="]
    lines += _plan("evaluation", f"{d}“{prev}五”规划纲要实施情况终期评估", "evaluation", "drc", schedule)
    if townships:
        lines += ["", "  # ================= 乡镇规划（每个乡镇一项，R6）================="]
        for i, m in enumerate(townships):
            if i:
                lines.append("")
            lines += _plan(f"{m.id}-plan", f"{m.name}国民经济和社会发展第{nth}个五年规划", "township", m.id, schedule)
    lines += [
        "",
        "  # 新增专项规划：plantrack add edu-plan --kind 专项 --tier 重点 --owner edu --name 区教育事业发展规划",
    ]
    return "\n".join(lines) + "\n"


def _units(rows: list[tuple[str, str, str, str | None]]) -> list[str]:
    width = max(len(uid) for uid, *_ in rows) + 1
    out = []
    for uid, name, utype, host in rows:
        extra = f", host: {host}" if host else ""
        out.append(f"  {(uid + ':').ljust(width)} {{name: {scalar(name)}, type: {utype}{extra}}}")
    return out


def _plan(pid: str, name: str, kind: str, owner: str, schedule: Schedule, extra: list[str] | None = None) -> list[str]:
    spec = schedule.kinds.get(kind)  # type: ignore[call-overload]
    lines = [f"  {pid}:", f"    name: {scalar(name)}", f"    kind: {kind}", f"    owner: {owner}", *(extra or [])]
    if spec is None:  # a schedule without this kind: the plan is still listed, check will say so
        return lines
    lines.append("    milestones:")
    width = max(len(mid) for mid in spec.milestones) + 1
    for mid, m in spec.milestones.items():
        deadline = schedule.deadline(kind, mid)
        ref = f"（{m.ref}）" if m.ref else ""
        when = f"期限 {deadline}{ref}" if deadline else "无期限"
        lines.append(f"      {(mid + ':').ljust(width)} {{}}  # {m.name}，{when}")
    return lines
