"""The scheme's rules (PT2xx), each from the words of the work scheme (R#, D#);
the procedure's (R8, R10, R11) are in rules/procedure.py.

Rules find steps by their role in the schedule (plantrack.facts), never by a
milestone id, and take the plan cycle's names from the schedule.
"""

from __future__ import annotations

from collections.abc import Iterator

from plantrack.i18n import Msg
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.rules.parties import party_findings
from plantrack.vocab import type_name


@rule(
    "PT201",
    "start-approval-first",
    "No step of a special or regional plan before its start approval (R1)",
    "专项、区域规划须经区政府批准后启动编制（R1）",
)
def start_approval_first(ctx: Context) -> Iterator[Finding]:
    """
    What it does: in plans whose kind has a `start` milestone (special and regional
    plans: the start approval), a later step may be done only once the start
    approval is done, and not before its date. Reported once per plan, at the
    first step that breaks it.
    Why: R1, "报区政府批准后启动编制"; "经区政府同意后启动编制工作".
    Example (fails): `first-draft: {done: 2020-05-20}` with no `start-approval` done.
    Passes: `start-approval: {done: 2019-10-08}` then `first-draft: {done: 2020-05-20}`.
    """
    for pid, plan in ctx.plans():
        spec = ctx.project.schedule.kinds[plan.kind]  # type: ignore[index]
        if spec.start is None or spec.start not in spec.milestones:
            continue
        order = list(spec.milestones)
        start = plan.record(spec.start)
        started = start.done if start else None
        for mid in order[order.index(spec.start) + 1 :]:
            record = plan.record(mid)
            if not (record and record.done):
                continue
            if started is None or record.done < started:
                when_en = "is not done" if started is None else f"is done only on {started}"
                when_zh = "尚未完成" if started is None else f"至 {started} 才完成"
                yield Finding(
                    milestone_path(pid, mid, "done"),
                    Msg(
                        f"{ctx.cite(pid, mid).en} done on {record.done}, but the start approval "
                        f"{ctx.cite(pid, spec.start).en} {when_en} (R1)",
                        f"{ctx.cite(pid, mid).zh}完成于 {record.done}\uff0c但启动批准"
                        f"{ctx.cite(pid, spec.start).zh}{when_zh}\uff08R1\uff09",
                    ),
                )
                break


@rule(
    "PT202",
    "key-special-by-government",
    "A key special plan is reviewed and issued by the district government (R2)",
    "重点专项规划由区政府审定、印发（R2）",
)
def key_special_by_government(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on key special plans, a recorded `by` on the government's
    review and on the issue must be a unit of type government.
    Why: R2, "重点专项规划报经区政府审定后由区政府印发".
    Example (fails): `issued: {done: 2020-12-20, by: drc}` on a `tier: key` plan.
    Passes: `issued: {done: 2020-12-20, by: gov}`.
    """
    yield from party_findings(ctx, "PT202")


@rule(
    "PT203",
    "general-special-issuer",
    "A general special plan: compiled by a department, consented to by the government, issued by the DRC or itself (R3)",
    "一般专项规划由区直部门编制，经区政府同意，由区发展改革委会同或自行印发（R3）",
)
def general_special_issuer(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a general special plan's owner must be a district department;
    the government's review (its consent) is by the government; a recorded `by`
    on the issue must be the DRC (jointly with departments) or the owner itself.
    Issue by the government is only a warning: 三(三)3 says every reviewed
    district-level plan is "以区政府名义实施", which contradicts R3.
    Why: R3, "由区直有关部门提出并负责编制,经区政府同意后……由区发展改革委会同有关部门
    联合印发或规划编制部门自行印发".
    Example (fails): a `tier: general` plan owned by a township, or its review `by: drc`.
    Passes: owned by `edu` (a department), `issued: {by: edu}` or `issued: {by: [drc, edu]}`.
    """
    for pid, plan in ctx.plans("special"):
        if plan.tier != "general":
            continue
        utype = ctx.unit_type(plan.owner)
        if utype is not None and utype != "department":
            yield Finding(
                ("plans", pid, "owner"),
                Msg(
                    f"{pid}: a general special plan is proposed and compiled by a district department; "
                    f"{plan.owner!r} is {type_name(utype, 'en')} (R3)",
                    f"{pid}\uff1a一般专项规划由区直有关部门提出并负责编制\uff1b{plan.owner} 为{type_name(utype, 'zh')}\uff08R3\uff09",
                ),
            )
    yield from party_findings(ctx, "PT203")


@rule(
    "PT204",
    "filed-with-drc",
    "Plans that departments compile or approve on their own are filed with the DRC (R4)",
    "部门自行编制或批准的规划报区发展改革委备案（R4）",
)
def filed_with_drc(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on special and regional plans, a recorded `to` on the filing
    must be a unit of type drc. Plans the government itself issues (key special
    plans, regional plans implemented in its name) are not chased for filing.
    Why: R4, "各部门自行编制或批准的各类规划,需报区发展改革委备案".
    Example (fails): `filed: {done: 2020-12-28, to: gov}`. Passes: `to: drc`.
    """
    yield from party_findings(ctx, "PT204")


@rule(
    "PT205",
    "township-chain",
    "A township plan goes to its own township's congress and is filed with the DRC (R5)",
    "乡镇规划报同级人代会审议批准，报区发展改革委备案（R5）",
)
def township_chain(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on township plans, a recorded `to` on the submission and `by`
    on the approval must be a township congress, and that of the plan's own
    township (同级: its `host` is the owner); `to` on the filing the DRC.
    Why: R5, "由本级人民政府组织编制,报同级人代会审议批准,报送区发展改革委备案".
    Example (fails): `approved: {by: gov}`, or `by: yi-npc` hosted by another township.
    Passes: `by: town-npc` (host: town).
    """
    yield from party_findings(ctx, "PT205")


@rule(
    "PT206",
    "township-plan-each",
    "Every township compiles one township plan; a subdistrict none (R6)",
    "每个乡镇编制一个乡镇规划，街道不编制（R6）",
)
def township_plan_each(ctx: Context) -> Iterator[Finding]:
    """
    What it does: each unit of type township owns exactly one township plan; a
    missing one is reported at the unit, a second one at its owner. A plan that
    failed to load still counts. (A subdistrict owning one is PT111.)
    Why: R6, "各乡镇开展乡镇规划的编制工作".
    Example (fails): a township unit `xinqiao` with no plan of kind township.
    """
    seen: dict[str, str] = {}
    for pid, owner in ctx.existing("township"):
        if owner is None:
            continue
        if owner in seen and pid in ctx.project.plans.plans:
            yield Finding(
                ("plans", pid, "owner"),
                Msg(
                    f"{pid}: {owner!r} already has a township plan, {seen[owner]!r} (R6)",
                    f"{pid}\uff1a{owner} 已有乡镇规划 {seen[owner]}\uff08R6\uff09",
                ),
            )
        seen.setdefault(owner, pid)
    for uid, unit in ctx.units.items():
        if unit.type == "township" and uid not in seen:
            yield Finding(
                ("units", uid),
                Msg(
                    f"township {uid!r} ({unit.name}) has no township plan (R6)",
                    f"乡镇 {uid}\uff08{unit.name}\uff09没有乡镇规划\uff08R6\uff09",
                ),
                key=True,
            )


@rule(
    "PT207",
    "one-master-plan",
    "Exactly one master plan, for the scheme's five-year period (R7)",
    "有且仅有一个总体规划，规划期为五年（R7）",
)
def one_master_plan(ctx: Context) -> Iterator[Finding]:
    """
    What it does: there is exactly one plan of kind master (one that failed to
    load still counts), and its `period`, if recorded, is the schedule's.
    Why: R7, "'十四五'总体规划的规划期为五年".
    Example (fails): no master plan, or `period: {start: 2021, end: 2026}`.
    """
    masters = ctx.existing("master")
    if not masters and "master" in ctx.project.schedule.kinds:
        yield Finding(("plans",), Msg("there is no master plan (R7)", "没有总体规划\uff08R7\uff09"), key=True)
    for pid, _ in masters[1:]:
        if pid in ctx.project.plans.plans:
            yield Finding(
                ("plans", pid, "kind"),
                Msg(
                    f"{pid}: a second master plan; the first is {masters[0][0]!r} (R7)",
                    f"{pid}\uff1a出现第二个总体规划\uff1b已有 {masters[0][0]}\uff08R7\uff09",
                ),
            )
    want = ctx.project.schedule.period
    for pid, plan in ctx.plans("master"):
        if plan.period and (plan.period.start, plan.period.end) != (want.start, want.end):
            yield Finding(
                ("plans", pid, "period"),
                Msg(
                    f"{pid}: the period is {plan.period.start}–{plan.period.end}; the scheme's is {want.start}–{want.end} (R7)",
                    f"{pid}\uff1a规划期为 {plan.period.start}–{plan.period.end}\uff1b工作方案规定为 {want.start}–{want.end}\uff08R7\uff09",
                ),
            )


SCHEME_RULES = (
    start_approval_first,
    key_special_by_government,
    general_special_issuer,
    filed_with_drc,
    township_chain,
    township_plan_each,
    one_master_plan,
)
