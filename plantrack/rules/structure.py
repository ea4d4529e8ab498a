"""Structural rules (PT1xx): references resolve, parties and tiers fit the scheme
(the order of steps: rules/order.py)."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack.i18n import Msg
from plantrack.models import PHASE_END
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.rules.parties import schedule_parties
from plantrack.suggest import did_you_mean
from plantrack.vocab import type_name, types_text


def kind_name(ctx: Context, kind: str) -> Msg:
    spec = ctx.project.schedule.kinds.get(kind)  # type: ignore[call-overload]
    return Msg(f"{kind} plans", spec.name if spec else kind)


@rule("PT104", "unknown-unit", "A unit id that no unit in `units:` has", "引用了 units 中不存在的单位")
def unknown_unit(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks every reference to a unit (a plan's owner, a milestone's
    `by` and `to`, an extension's `by`, a commission's `to`, a budget's `source`,
    a unit's `host`) against `units:`, with a
    "did you mean".
    Why: "who owes what" is answered through these ids.
    Example (fails): `owner: eud` when the unit is `edu`. Passes: `owner: edu`.
    """

    def check(uid: str | None, path: tuple[str | int, ...]) -> Iterator[Finding]:
        if uid is not None and not ctx.is_known_unit(uid):
            hint = did_you_mean(uid, ctx.units)
            yield Finding(path, Msg(f"unknown unit {uid!r}{hint.en}", f"未知的单位 {uid!r}{hint.zh}"))

    for uid, unit in ctx.units.items():
        yield from check(unit.host, ("units", uid, "host"))
    for pid, plan in ctx.plans():
        yield from check(plan.owner, ("plans", pid, "owner"))
        if plan.commissioned:
            yield from check(plan.commissioned.to, ("plans", pid, "commissioned", "to"))
        for mid, record in plan.milestones.items():
            if record:
                for field in ("by", "to"):
                    uids = getattr(record, field)
                    for i, uid in enumerate(uids):
                        path: tuple[str | int, ...] = milestone_path(pid, mid, field)
                        yield from check(uid, (*path, i) if len(uids) > 1 else path)
                if record.extended:
                    yield from check(record.extended.by, milestone_path(pid, mid, "extended") + ("by",))
        if plan.budget and plan.budget.source:
            yield from check(plan.budget.source, ("plans", pid, "budget", "source"))


@rule(
    "PT106",
    "unknown-milestone",
    "A milestone id the schedule does not have for the plan's kind",
    "工作方案中该类规划没有此节点",
)
def unknown_milestone(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks each milestone a plan lists against the schedule's
    milestones for the plan's kind, with a "did you mean".
    Why: milestones are keyed by the schedule's ids (docs/format.md); an unknown id is
    a fact that no view would ever show.
    Example (fails): `frist-draft: {done: 2020-06-03}`. Passes: `first-draft: …`.
    """
    for pid, plan in ctx.plans():
        known = ctx.project.schedule.kinds[plan.kind].milestones  # type: ignore[index]
        for mid in plan.milestones:
            if mid not in known:
                hint = did_you_mean(mid, known)
                kn = kind_name(ctx, plan.kind)
                yield Finding(
                    milestone_path(pid, mid),
                    Msg(
                        f"{pid}: {kn.en} have no milestone {mid!r} in the schedule{hint.en}",
                        f"{pid}\uff1a工作方案中{kn.zh}没有节点 {mid!r}{hint.zh}",
                    ),
                    key=True,
                )


@rule(
    "PT107",
    "unknown-after",
    "The schedule's `after` names a milestone that does not exist",
    "工作方案的 after 引用了不存在的节点",
)
def unknown_after(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks that every id in a schedule milestone's `after` list is a
    milestone of the same kind.
    Why: `after` is the basic procedure (R8); a dangling step breaks the order.
    Example (fails): `after: [frist-draft]`. Passes: `after: [first-draft]`.
    """
    for kind, spec in ctx.project.schedule.kinds.items():
        for mid, m in spec.milestones.items():
            for i, before in enumerate(m.after):
                if before not in spec.milestones:
                    hint = did_you_mean(before, spec.milestones)
                    yield Finding(
                        ("kinds", kind, "milestones", mid, "after", i),
                        Msg(
                            f"{mid!r} follows unknown milestone {before!r}{hint.en}",
                            f"{kind} 类的节点 {mid!r} 的前序节点 {before!r} 不存在{hint.zh}",
                        ),
                        where="schedule",
                    )


@rule(
    "PT111",
    "owner-type",
    "A plan owned by a unit the scheme does not let compile it",
    "规划的编制单位类型不符合工作方案",
)
def owner_type(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks the owner's unit type against the schedule's `owner_types`
    for the plan's kind (the master plan: the DRC; township plans: a township; …).
    Why: the scheme's table of who compiles what (docs/scheme.md).
    Example (fails): a township plan owned by `edu` (a department).
    """
    for pid, plan in ctx.plans():
        allowed = ctx.project.schedule.kinds[plan.kind].owner_types  # type: ignore[index]
        utype = ctx.unit_type(plan.owner)
        if utype is not None and utype not in allowed:
            yield Finding(
                ("plans", pid, "owner"),
                Msg(
                    f"{pid}: {kind_name(ctx, plan.kind).en} are compiled by {types_text(allowed, 'en')}; "
                    f"{plan.owner!r} is {type_name(utype, 'en')}",
                    f"{pid}\uff1a{kind_name(ctx, plan.kind).zh}应由{types_text(allowed, 'zh')}编制\uff1b"
                    f"{plan.owner} 为{type_name(utype, 'zh')}",
                ),
            )


@rule(
    "PT112",
    "tier",
    "Special plans need a tier (key or general); other kinds have none",
    "专项规划须注明重点或一般；其他规划不设层级",
)
def tier(ctx: Context) -> Iterator[Finding]:
    """
    What it does: requires `tier: key|general` on plans whose kind has tiers, and
    refuses it on the others.
    Why: key and general special plans are approved and issued differently (R2, R3).
    Example (fails): a special plan without `tier:`. Passes: `tier: key`.
    """
    for pid, plan in ctx.plans():
        tiers = ctx.project.schedule.kinds[plan.kind].tiers  # type: ignore[index]
        if tiers and plan.tier is None:
            yield Finding(
                ("plans", pid),
                Msg(
                    f"{pid}: {kind_name(ctx, plan.kind).en} need `tier: {'|'.join(tiers)}` (R2, R3)",
                    f"{pid}\uff1a{kind_name(ctx, plan.kind).zh}须注明重点或一般\uff08`tier: {'|'.join(tiers)}`\uff0cR2、R3\uff09",
                ),
                key=True,
            )
        elif not tiers and plan.tier is not None:
            yield Finding(
                ("plans", pid, "tier"),
                Msg(
                    f"{pid}: {kind_name(ctx, plan.kind).en} have no tier",
                    f"{pid}\uff1a{kind_name(ctx, plan.kind).zh}不设重点、一般之分",
                ),
                key=True,
            )


@rule(
    "PT113",
    "schedule-reference",
    "The schedule names a phase or start milestone it does not define",
    "工作方案引用了未定义的阶段或启动节点",
)
def schedule_reference(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks that every `end of phase X` names a phase, and that a
    kind's `start` names one of its milestones.
    Why: a deadline at the end of a phase that does not exist is no deadline.
    Example (fails): `due: end of phase drafting` when the phases are research,
    compilation and review.
    """
    schedule = ctx.project.schedule
    for kind, spec in schedule.kinds.items():
        if spec.start is not None and spec.start not in spec.milestones:
            yield Finding(
                ("kinds", kind, "start"),
                Msg(
                    f"start milestone {spec.start!r} is not a {kind} milestone (R1)",
                    f"启动节点 {spec.start!r} 不是 {kind} 类的节点（R1）",
                ),
                where="schedule",
            )
        for mid, m in spec.milestones.items():
            if m.due is not None and m.due.startswith(PHASE_END):
                phase = m.due[len(PHASE_END) :].strip()
                if phase not in schedule.phases:
                    hint = did_you_mean(phase, schedule.phases)
                    yield Finding(
                        ("kinds", kind, "milestones", mid, "due"),
                        Msg(
                            f"no phase {phase!r}{hint.en}",
                            f"没有阶段 {phase!r}{hint.zh}",
                        ),
                        where="schedule",
                    )


@rule("PT114", "kind-not-scheduled", "A plan of a kind the schedule does not cover", "工作方案未涵盖该类规划")
def kind_not_scheduled(ctx: Context) -> Iterator[Finding]:
    """
    What it does: reports a plan whose kind has no entry under the schedule's `kinds:`.
    Why: without the schedule's milestones the plan cannot be tracked.
    Example (fails): a research topic in a district whose schedule lists no `research` kind.
    """
    kinds = ctx.project.schedule.kinds
    for pid, plan in ctx.project.plans.plans.items():
        if plan.kind not in kinds:
            yield Finding(
                ("plans", pid, "kind"),
                Msg(
                    f"{pid}: the schedule has no {plan.kind!r} plans",
                    f"{pid}\uff1a工作方案中没有 {plan.kind!r} 类规划",
                ),
            )


@rule(
    "PT115",
    "party-type",
    "A milestone's `by` or `to` unit is not of a type the schedule names",
    "节点的办理或报送单位类型与工作方案不符",
)
def party_type(ctx: Context) -> Iterator[Finding]:
    """
    What it does: where a milestone records who approved or issued it (`by`) or
    whom it went to (`to`), each unit's type must be one the schedule lists for
    the step (`owner` meaning the plan's own unit). Steps whose parties a scheme
    rule states in its own words (R2–R5, R10, R11, D13, D18, D19) are left to
    that rule. A unit recorded on a step the schedule names no one for is a
    warning: the scheme does not forbid it.
    Why: "who approves, issues or receives it" is part of the scheme.
    Example (fails): `start-approval: {done: 2019-10-25, by: edu}` (the schedule
    says the government approves). Passes: `by: gov`.
    """
    for pid, plan, mid, _, spec in ctx.records():
        yield from schedule_parties(ctx, pid, plan, mid, spec)


STRUCTURE_RULES = (
    party_type,
    kind_not_scheduled,
    unknown_unit,
    unknown_milestone,
    unknown_after,
    owner_type,
    tier,
    schedule_reference,
)
