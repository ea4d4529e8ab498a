"""Who acts on each step: the scheme's party facts (plantrack.facts) checked.

One engine for every rule that says who approves, issues or receives a step
(R2–R5, R10, R11, D13, D18, D19), and the schedule's `by`/`to` for the rest
(PT115). Each finding names the plan and the step and cites its rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import facts
from plantrack.facts import PartyFact
from plantrack.i18n import Msg
from plantrack.models import MilestoneSpec, Plan
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, milestone_path
from plantrack.vocab import all_types_text, type_name, types_text

_FIELD = {"by": ("approved, reviewed or issued by", "办理单位"), "to": ("submitted to", "报送单位")}


def _unit_fits(ctx: Context, plan: Plan, uid: str, allowed: frozenset[str] | list[str]) -> bool:
    return ctx.unit_type(uid) in allowed or (uid == plan.owner and "owner" in allowed)


def _is_full_congress(ctx: Context, uid: str) -> bool:
    """A congress unit named as the full people's congress, not its standing committee."""
    unit = ctx.units.get(uid)
    return unit is not None and unit.type == "congress" and "常委" not in unit.name


def check_fact(ctx: Context, pid: str, plan: Plan, mid: str, fact: PartyFact) -> Iterator[Finding]:
    record = plan.record(mid)
    recorded = getattr(record, fact.field) if record else []
    uids = [u for u in recorded if ctx.unit_type(u) is not None]  # an unknown id is PT104's
    if not uids:
        return
    where = ctx.cite(pid, mid)
    field_en, field_zh = _FIELD[fact.field]
    want_en, want_zh = types_text(sorted(fact.allowed), "en"), types_text(sorted(fact.allowed), "zh")
    if fact.all_of:
        want_en, want_zh = all_types_text(fact.allowed, "en"), all_types_text(fact.allowed, "zh")
    fits = [u for u in uids if _unit_fits(ctx, plan, u, fact.allowed)]
    path = milestone_path(pid, mid, fact.field)
    for uid in uids:
        utype = ctx.unit_type(uid)
        if uid in fits or (fact.joint and fits and utype in fact.joint):
            continue
        got_en, got_zh = f"{uid!r} ({type_name(utype, 'en')})", f"{uid}\uff08{type_name(utype, 'zh')}\uff09"
        warn = utype in fact.warn
        yield Finding(
            path,
            Msg(
                f"{where.en} is {field_en} {got_en}; the scheme says {want_en} ({fact.cite})"
                + (": the scheme contradicts itself here, so only a warning" if warn else ""),
                f"{where.zh}的{field_zh}为{got_zh}\uff0c工作方案规定为{want_zh}\uff08{fact.cite}\uff09"
                + ("\uff1b工作方案此处前后不一，仅作提醒" if warn else ""),
            ),
            severity=Severity.WARNING if warn else None,
        )
    if fact.all_of and fits:
        missing = sorted(t for t in fact.allowed if not any(ctx.unit_type(u) == t for u in fits))
        if missing and len(fits) == len(uids) == len(recorded):
            yield Finding(
                path,
                Msg(
                    f"{where.en} needs {want_en}; {types_text(missing, 'en')} is not recorded ({fact.cite})",
                    f"{where.zh}须经{want_zh}\uff0c未记录{types_text(missing, 'zh')}\uff08{fact.cite}\uff09",
                ),
            )
    if fact.own_township:
        for uid in fits:
            host = ctx.units[uid].host
            if host is not None and host != plan.owner:
                yield Finding(
                    path,
                    Msg(
                        f"{where.en}: {uid!r} is the congress of {host!r}, not of the plan's own township "
                        f"{plan.owner!r} (同级, {fact.cite})",
                        f"{where.zh}\uff1a{uid} 是 {host} 的人代会，不是本乡镇 {plan.owner} 的同级人代会\uff08{fact.cite}\uff09",
                    ),
                )
    if "congress" in fact.allowed:
        for uid in fits:
            if _is_full_congress(ctx, uid):
                yield Finding(
                    path,
                    Msg(
                        f"{where.en}: the scheme names the congress standing committee (区人大常委会); "
                        f"{ctx.units[uid].name} is the full congress, which the law also allows ({fact.cite})",
                        f"{where.zh}\uff1a工作方案规定为区人大常委会\uff1b"
                        f"{ctx.units[uid].name}为全体代表大会，依地方组织法亦可\uff08{fact.cite}\uff09",
                    ),
                    severity=Severity.WARNING,
                )


def party_findings(ctx: Context, code: str) -> Iterator[Finding]:
    """Every finding of one rule's party facts (all rules' found in one pass, kept on ctx)."""
    memo = ctx.memo.get("parties")
    if memo is None:
        memo = ctx.memo["parties"] = {}
        for pid, plan, mid, record, spec in ctx.records():
            for field in ("by", "to") if record.by or record.to else ():
                for fact in facts.party_facts(plan, spec, field):
                    memo.setdefault(fact.code, []).extend(check_fact(ctx, pid, plan, mid, fact))
    yield from memo.get(code, ())


def schedule_parties(ctx: Context, pid: str, plan: Plan, mid: str, spec: MilestoneSpec) -> Iterator[Finding]:
    """`by`/`to` against the schedule's unit types, where no scheme rule governs it."""
    record = plan.record(mid)
    if record is None or not (record.by or record.to):
        return
    where = ctx.cite(pid, mid)
    for field in ("by", "to"):
        if facts.governed(plan.kind, spec.role, field):
            continue
        allowed = getattr(spec, field)
        field_en, field_zh = _FIELD[field]
        for uid in getattr(record, field):
            utype = ctx.unit_type(uid)
            if utype is None or _unit_fits(ctx, plan, uid, allowed):
                continue
            ref = "R1" if mid == ctx.project.schedule.kinds[plan.kind].start else spec.ref  # type: ignore[index]
            cite = f" ({ref})" if ref else ""
            cite_zh = f"\uff08{ref}\uff09" if ref else ""
            got_en, got_zh = f"{uid!r} ({type_name(utype, 'en')})", f"{uid}\uff08{type_name(utype, 'zh')}\uff09"
            if not allowed:
                continue  # the scheme names no one for this step: any record is allowed
            yield Finding(
                milestone_path(pid, mid, field),
                Msg(
                    f"{where.en} is {field_en} {got_en}; the scheme says {types_text(allowed, 'en')}{cite}",
                    f"{where.zh}的{field_zh}为{got_zh}\uff0c工作方案规定为{types_text(allowed, 'zh')}{cite_zh}",
                ),
            )
