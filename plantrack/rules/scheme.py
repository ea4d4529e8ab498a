"""The scheme's rules (PT2xx), each from the words of the work scheme (SCHEME.md R#)."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack.i18n import Msg
from plantrack.models import Plan, parties
from plantrack.rules.base import Context, Finding, milestone_path, rule

_TYPE_ZH = {
    "government": "区政府",
    "drc": "区发展改革委",
    "congress": "区人大常委会",
    "city-drc": "市发展改革委",
    "township-congress": "乡镇人大",
    "party-committee": "区委",
    "department": "区直部门",
}


def _party(
    ctx: Context, pid: str, plan: Plan, mid: str, field: str, allowed: set[str], who_en: str, rid: str
) -> Iterator[Finding]:
    """A recorded `by`/`to` on a milestone must be a unit of an allowed type."""
    record = plan.record(mid)
    for uid in parties(getattr(record, field) if record else None):
        yield from _one_party(pid, plan, mid, field, uid, ctx.unit_type(uid), allowed, who_en, rid)


def _one_party(
    pid: str, plan: Plan, mid: str, field: str, uid: str, utype: str | None, allowed: set[str], who_en: str, rid: str
) -> Iterator[Finding]:
    if utype is None or utype in allowed or (uid == plan.owner and "owner" in allowed):
        return
    who_zh = "或".join(_TYPE_ZH.get(t, t) for t in sorted(allowed) if t != "owner") or who_en
    yield Finding(
        milestone_path(pid, mid, field),
        Msg(
            f"{mid!r} {'by' if field == 'by' else 'to'} {uid!r} ({utype}): the scheme says {who_en} ({rid})",
            f"{mid!r} 的{'办理' if field == 'by' else '报送'}单位 {uid!r}({utype})不符:工作方案规定为{who_zh}({rid})",
        ),
    )


@rule(
    "PT201",
    "start-approval-first",
    "No step of a special or regional plan before its start approval (R1)",
    "专项、区域规划须经区政府批准后启动编制(R1)",
)
def start_approval_first(ctx: Context) -> Iterator[Finding]:
    """
    What it does: in plans whose kind has a `start` milestone (special and regional
    plans: `start-approval`), a later step may be done only once the start approval
    is done, and not before its date. Reported once per plan, at the first step
    that breaks it.
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
                        f"{mid!r} done on {record.done}, but the start approval {spec.start!r} {when_en} (R1)",
                        f"{mid!r} 完成于 {record.done},但启动批准 {spec.start!r} {when_zh}(R1)",
                    ),
                )
                break


@rule(
    "PT202",
    "key-special-by-government",
    "A key special plan is reviewed and issued by the district government (R2)",
    "重点专项规划由区政府审定、印发(R2)",
)
def key_special_by_government(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on key special plans, a recorded `by` on `gov-review` and `issued`
    must be a unit of type government.
    Why: R2, "重点专项规划报经区政府审定后由区政府印发".
    Example (fails): `issued: {done: 2020-12-20, by: drc}` on a `tier: key` plan.
    Passes: `issued: {done: 2020-12-20, by: gov}`.
    """
    for pid, plan in ctx.plans("special"):
        if plan.tier == "key":
            for mid in ("gov-review", "issued"):
                yield from _party(ctx, pid, plan, mid, "by", {"government"}, "the district government", "R2")


@rule(
    "PT203",
    "general-special-issuer",
    "A general special plan is compiled by a department and issued by the DRC or itself (R3)",
    "一般专项规划由区直部门编制,由区发展改革委会同或自行印发(R3)",
)
def general_special_issuer(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a general special plan's owner must be a department, and a recorded
    `by` on `issued` must be the DRC or the owner itself.
    Why: R3, "由区直有关部门提出并负责编制……由区发展改革委会同有关部门联合印发或规划编制部门自行印发".
    Example (fails): a `tier: general` plan owned by a township, or issued `by: gov`.
    Passes: owned by `edu` (a department), `issued: {by: edu}`.
    """
    for pid, plan in ctx.plans("special"):
        if plan.tier != "general":
            continue
        utype = ctx.unit_type(plan.owner)
        if utype is not None and utype != "department":
            yield Finding(
                ("plans", pid, "owner"),
                Msg(
                    f"a general special plan is compiled by a district department; {plan.owner!r} is a {utype} (R3)",
                    f"一般专项规划应由区直部门编制;{plan.owner!r} 为 {utype}(R3)",
                ),
            )
        yield from _party(ctx, pid, plan, "issued", "by", {"drc", "owner"}, "the DRC or the compiling department", "R3")


@rule(
    "PT204",
    "filed-with-drc",
    "Plans that departments compile are filed with the DRC (R4)",
    "部门自行编制的规划报区发展改革委备案(R4)",
)
def filed_with_drc(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on special and regional plans, a recorded `to` on `filed` must be a
    unit of type drc.
    Why: R4, "各部门自行编制或批准的各类规划,需报区发展改革委备案".
    Example (fails): `filed: {done: 2020-12-28, to: gov}`. Passes: `to: drc`.
    """
    for pid, plan in ctx.plans("special", "regional"):
        yield from _party(ctx, pid, plan, "filed", "to", {"drc"}, "the district DRC", "R4")


@rule(
    "PT205",
    "township-chain",
    "A township plan is approved by the township congress and filed with the DRC (R5)",
    "乡镇规划报同级人代会审议批准,报区发展改革委备案(R5)",
)
def township_chain(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on township plans, a recorded `to` on `submitted` and `by` on
    `approved` must be a township congress, and `to` on `filed` the DRC.
    Why: R5, "由本级人民政府组织编制,报同级人代会审议批准,报送区发展改革委备案".
    Example (fails): `approved: {done: 2020-11-20, by: gov}`. Passes: `by: chengguan-congress`.
    """
    for pid, plan in ctx.plans("township"):
        yield from _party(ctx, pid, plan, "submitted", "to", {"township-congress"}, "the township congress", "R5")
        yield from _party(ctx, pid, plan, "approved", "by", {"township-congress"}, "the township congress", "R5")
        yield from _party(ctx, pid, plan, "filed", "to", {"drc"}, "the district DRC", "R5")


@rule(
    "PT206",
    "township-plan-each",
    "Every township compiles exactly one township plan (R6)",
    "每个乡镇编制一个乡镇规划(R6)",
)
def township_plan_each(ctx: Context) -> Iterator[Finding]:
    """
    What it does: each unit of type township owns exactly one township plan; a
    missing one is reported at the unit, a second one at its owner.
    Why: R6, "各乡镇开展乡镇规划的编制工作".
    Example (fails): a township unit `xinqiao` with no plan of kind township.
    """
    seen: dict[str, str] = {}
    for pid, plan in ctx.plans("township"):
        if plan.owner in seen:
            yield Finding(
                ("plans", pid, "owner"),
                Msg(
                    f"{plan.owner!r} already has a township plan, {seen[plan.owner]!r} (R6)",
                    f"{plan.owner!r} 已有乡镇规划 {seen[plan.owner]!r}(R6)",
                ),
            )
        seen.setdefault(plan.owner, pid)
    for uid, unit in ctx.units.items():
        if unit.type == "township" and uid not in seen:
            yield Finding(
                ("units", uid),
                Msg(
                    f"township {uid!r} ({unit.name}) has no township plan (R6)",
                    f"乡镇 {uid!r}({unit.name})没有乡镇规划(R6)",
                ),
                key=True,
            )


@rule(
    "PT207",
    "one-master-plan",
    "Exactly one master plan, for the scheme's five-year period (R7)",
    "有且仅有一个总体规划,规划期为五年(R7)",
)
def one_master_plan(ctx: Context) -> Iterator[Finding]:
    """
    What it does: there is exactly one plan of kind master, and its `period`, if
    recorded, is the schedule's (2021–2025).
    Why: R7, "'十四五'总体规划的规划期为五年".
    Example (fails): no master plan, or `period: {start: 2021, end: 2026}`.
    """
    masters = list(ctx.plans("master"))
    if not masters and "master" in ctx.project.schedule.kinds:
        yield Finding(("plans",), Msg("there is no master plan (R7)", "没有总体规划(R7)"), key=True)
    for pid, _ in masters[1:]:
        yield Finding(
            ("plans", pid, "kind"),
            Msg(
                f"a second master plan; the first is {masters[0][0]!r} (R7)",
                f"出现第二个总体规划;已有 {masters[0][0]!r}(R7)",
            ),
        )
    want = ctx.project.schedule.period
    for pid, plan in masters:
        if plan.period and (plan.period.start, plan.period.end) != (want.start, want.end):
            yield Finding(
                ("plans", pid, "period"),
                Msg(
                    f"the period is {plan.period.start}–{plan.period.end}; the scheme's is {want.start}–{want.end} (R7)",
                    f"规划期为 {plan.period.start}–{plan.period.end};工作方案规定为 {want.start}–{want.end}(R7)",
                ),
            )


@rule("PT208", "procedure-order", "A step done while a step it follows is not (R8)", "前序节点未完成即完成后续节点(R8)")
def procedure_order(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a milestone may be done only when every milestone in its `after`
    list is done (the start approval is R1's, the party proposal R11's).
    Why: R8, "严格前期研究、文本起草、衔接协调、征求意见、规划论证、审批等基本程序".
    Example (fails): `finished: {done: 2020-09-20}` with `argumentation` not done.
    """
    from plantrack.rules.structure import covered

    for pid, plan, mid, record, spec in ctx.records():
        if record.done:
            missing = [
                b for b in spec.after if not ((r := plan.record(b)) and r.done) and not covered(ctx, plan.kind, mid, b)
            ]
            if missing:
                names = ", ".join(repr(m) for m in missing)
                yield Finding(
                    milestone_path(pid, mid, "done"),
                    Msg(
                        f"{mid!r} is done but {names}, which it follows, is not (R8)",
                        f"{mid!r} 已完成,但其前序节点 {names} 尚未完成(R8)",
                    ),
                )


@rule(
    "PT209",
    "deadline-not-later",
    "No plan's deadline later than the scheme's (R9)",
    "规划自定期限不得晚于工作方案期限(R9)",
)
def deadline_not_later(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a plan's own `due` must not be later than the schedule's deadline
    for that milestone (a unit may set an earlier one).
    Why: R9, the deadlines D1–D15.
    Example (fails): `finished: {due: 2020-10-31}` (D11 is 2020-09-30).
    Passes: `finished: {due: 2020-09-15}`.
    """
    for pid, plan, mid, record, spec in ctx.records():
        scheme = ctx.project.schedule.deadline(plan.kind, mid)
        if record.due and scheme and record.due > scheme:
            src = f" ({spec.ref})" if spec.ref else ""
            yield Finding(
                milestone_path(pid, mid, "due"),
                Msg(
                    f"due {record.due} is later than the scheme's {scheme}{src} (R9)",
                    f"期限 {record.due} 晚于工作方案规定的 {scheme}{src}(R9)",
                ),
            )


@rule(
    "PT210",
    "final-evaluation",
    "The 13th-plan final evaluation exists and goes government -> congress, city DRC informed (R10)",
    '"十三五"规划终期评估须存在,经区政府审核后提交区人大常委会并报市发展改革委(R10)',
)
def final_evaluation(ctx: Context) -> Iterator[Finding]:
    """
    What it does: there is exactly one plan of kind evaluation; on it, a recorded
    `by` on `gov-review` is the government, `to` on `congress-review` the congress
    standing committee, and `to` on `city-report` the city DRC.
    Why: R10 and D15, "于2020年底前将终期评估报告经区政府审核后,提交区人大常委会审议,并报市发展改革委".
    Example (fails): no evaluation plan, or `congress-review: {to: gov}`.
    """
    evaluations = list(ctx.plans("evaluation"))
    if not evaluations and "evaluation" in ctx.project.schedule.kinds:
        yield Finding(
            ("plans",), Msg("there is no 13th-plan final evaluation (R10)", '缺少"十三五"规划终期评估(R10)'), key=True
        )
    for pid, _ in evaluations[1:]:
        yield Finding(
            ("plans", pid, "kind"),
            Msg(
                f"a second final evaluation; the first is {evaluations[0][0]!r} (R10)",
                f"出现第二个终期评估;已有 {evaluations[0][0]!r}(R10)",
            ),
        )
    for pid, plan in evaluations:
        yield from _party(ctx, pid, plan, "gov-review", "by", {"government"}, "the district government", "R10")
        yield from _party(
            ctx, pid, plan, "congress-review", "to", {"congress"}, "the congress standing committee", "R10"
        )
        yield from _party(ctx, pid, plan, "city-report", "to", {"city-drc"}, "the city DRC", "R10")


@rule(
    "PT211",
    "draft-after-proposal",
    "The outline draft for comments comes after the party committee's proposal (R11)",
    "规划纲要征求意见稿须在区委建议出台后形成(R11)",
)
def draft_after_proposal(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on the master plan, `draft-for-comments` may be done only once
    `party-proposal` is done, and not before its date.
    Why: R11, "区委关于编制'十四五'建议出台后,开展规划纲要草案的起草工作".
    Example (fails): `draft-for-comments: {done: 2020-10-20}` with the proposal done 2020-10-25.
    """
    for pid, plan in ctx.plans("master"):
        draft, proposal = plan.record("draft-for-comments"), plan.record("party-proposal")
        if not (draft and draft.done):
            continue
        if not (proposal and proposal.done) or proposal.done > draft.done:
            when_en = (
                "is not recorded as issued" if not (proposal and proposal.done) else f"was issued on {proposal.done}"
            )
            when_zh = "尚未出台" if not (proposal and proposal.done) else f"于 {proposal.done} 才出台"
            yield Finding(
                milestone_path(pid, "draft-for-comments", "done"),
                Msg(
                    f"the draft for comments is done on {draft.done}, but the party committee's proposal {when_en} (R11)",
                    f"征求意见稿形成于 {draft.done},但区委建议{when_zh}(R11)",
                ),
            )


@rule(
    "PT213",
    "leading-group",
    "The leading group and its office exist; the office sits at the DRC (R13)",
    "设立区发展规划工作领导小组及其办公室,办公室设在区发展改革委(R13)",
)
def leading_group(ctx: Context) -> Iterator[Finding]:
    """
    What it does: `units:` has a unit of type leading-group and one of type office
    whose `host` is a unit of type drc.
    Why: R13, "领导小组下设办公室……办公室设在区发展改革委".
    Example (fails): an office unit with `host: gov`, or no leading group at all.
    """
    types = [u.type for u in ctx.units.values()]
    groups = [uid for uid, u in ctx.units.items() if u.type == "leading-group"]
    for uid in groups[1:]:
        yield Finding(
            ("units", uid, "type"),
            Msg(
                f"a second leading group; the district has one, {groups[0]!r} (R13)",
                f"出现第二个领导小组;本区已有 {groups[0]!r}(R13)",
            ),
        )
    if "leading-group" not in types:
        yield Finding(
            ("units",),
            Msg("there is no unit of type leading-group (R13)", "缺少领导小组单位(type: leading-group)(R13)"),
            key=True,
        )
    offices = [(uid, u) for uid, u in ctx.units.items() if u.type == "office"]
    if not offices:
        yield Finding(
            ("units",),
            Msg(
                "there is no unit of type office for the leading group's office (R13)",
                "缺少领导小组办公室单位(type: office)(R13)",
            ),
            key=True,
        )
    for uid, office in offices:
        if ctx.unit_type(office.host) != "drc" and (office.host is None or office.host in ctx.units):
            yield Finding(
                ("units", uid, "host") if office.host else ("units", uid),
                Msg(
                    "the leading group's office sits at the DRC: set `host:` to the DRC's id (R13)",
                    "领导小组办公室设在区发展改革委:`host:` 应为区发展改革委的 id(R13)",
                ),
                key=office.host is None,
            )


@rule(
    "PT214",
    "commission-budget",
    "Commissioned research names a think tank and a budget line (R14)",
    "委托研究须注明受托机构和预算科目(R14)",
)
def commission_budget(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a plan with `commissioned:` must commission a unit of type
    institution and record `budget:` with its line.
    Why: R14, "所需经费由区财政予以保障,及时纳入年度预算"; think tanks are chosen
    "定向委托或公开招标" through government purchase of services.
    Example (fails): `commissioned: {to: think-tank, via: directed}` with no `budget:`.
    Passes: the same with `budget: {line: 2019年规划编制专项经费, amount: 30}`.
    """
    for pid, plan in ctx.plans():
        if plan.commissioned is None:
            continue
        utype = ctx.unit_type(plan.commissioned.to)
        if utype is not None and utype != "institution":
            yield Finding(
                ("plans", pid, "commissioned", "to"),
                Msg(
                    f"research is commissioned to an institution or think tank; {plan.commissioned.to!r} is a {utype} (R14)",
                    f"研究应委托专业机构或智库;{plan.commissioned.to!r} 为 {utype}(R14)",
                ),
            )
        if plan.budget is None:
            yield Finding(
                ("plans", pid, "commissioned"),
                Msg(
                    "commissioned work is paid from the district budget: record `budget: {line: …}` (R14)",
                    "委托工作经费由区财政保障:请填写 `budget: {line: …}`(R14)",
                ),
                key=True,
            )


SCHEME_RULES = (
    start_approval_first,
    key_special_by_government,
    general_special_issuer,
    filed_with_drc,
    township_chain,
    township_plan_each,
    one_master_plan,
    procedure_order,
    deadline_not_later,
    final_evaluation,
    draft_after_proposal,
    leading_group,
    commission_budget,
)
