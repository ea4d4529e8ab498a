"""R9 and R23: a plan's own dates against the scheme's, and who may extend them."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack.i18n import Msg
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.tracking import plan_deadlines
from plantrack.vocab import type_name, types_text

# R23: "根据国家、省、市和区委、区政府对规划编制的最新要求": bodies that may move a deadline.
AUTHORITIES = ("government", "party-committee", "city-drc")


@rule(
    "PT209",
    "deadline-not-later",
    "No plan's own date later than the scheme's deadline, unless an extension is recorded (R9)",
    "规划自定期限不得晚于工作方案期限，经批准延期的除外（R9）",
)
def deadline_not_later(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a plan's own `due` must not be later than the deadline the
    scheme states for that step (a D#; a unit may set an earlier one). Later
    than a planning date the scheme does not state (a phase's end given to an
    undated step, "no later than a following step", counting the plan's own
    dates and extensions for the following steps) or than D11, which is only
    "原则上" (in principle), it is a warning. A step with an authorised
    extension (`extended:`) is judged against the extension's `until` instead.
    Why: R9, the deadlines D1–D19; R23, extensions by higher authorities.
    Example (fails): `first-draft: {due: 2020-06-30}` (D10 is 2020-05-31).
    Warns: `finished: {due: 2020-10-31}` (D11 原则上). Passes: the same with
    `extended: {until: 2020-10-31, by: gov}`.
    """
    schedule = ctx.project.schedule
    for pid, plan, mid, record, spec in ctx.records():
        if record.due is None:
            continue
        where = ctx.cite(pid, mid)
        if record.extended is not None:
            if record.due > record.extended.until:
                yield Finding(
                    milestone_path(pid, mid, "due"),
                    Msg(
                        f"{where.en}: due {record.due} is later than the extension's {record.extended.until} (R9, R23)",
                        f"{where.zh}\uff1a期限 {record.due} 晚于批准延期至 {record.extended.until}\uff08R9、R23\uff09",
                    ),
                )
            continue
        stated = schedule.stated(plan.kind, mid)
        if stated is not None and record.due > stated:
            yield Finding(
                milestone_path(pid, mid, "due"),
                Msg(
                    f"{where.en}: due {record.due} is later than the scheme's {stated} ({spec.ref}, R9); "
                    "record an authorised extension (`extended:`) if one was granted",
                    f"{where.zh}\uff1a期限 {record.due} 晚于工作方案规定的 {stated}\uff08{spec.ref}，R9\uff09\uff1b"
                    "如经批准延期，请记录 `extended:`",
                ),
            )
            continue
        planned = plan_deadlines(plan, schedule, without=mid).get(mid)
        if planned is not None and record.due > planned:
            if spec.loose:
                why_en, why_zh = f"{spec.ref} says only 原则上 (in principle)", f"{spec.ref}为\u201c原则上\u201d"
            else:
                why_en, why_zh = "a planning date the scheme does not state", "工作方案未明定的计划日期"
            yield Finding(
                milestone_path(pid, mid, "due"),
                Msg(
                    f"{where.en}: due {record.due} is later than {planned}, {why_en} (R9): a warning",
                    f"{where.zh}\uff1a期限 {record.due} 晚于 {planned}\uff08{why_zh}，R9\uff09\uff0c仅作提醒",
                ),
                severity=Severity.WARNING,
            )


@rule(
    "PT217",
    "extension-authority",
    "An extension is granted by the district government, the party committee or a higher body (R23)",
    "延期须经区政府、区委或上级批准（R23）",
)
def extension_authority(ctx: Context) -> Iterator[Finding]:
    """
    What it does: an `extended:` record's `by` must be a unit that may change the
    scheme's deadlines: the district government, the district party committee,
    or a higher body (the city DRC). A unit granting its own plan more time is
    not an extension.
    Why: R23, "根据国家、省、市和区委、区政府对规划编制的最新要求进行深化完善".
    Example (fails): `extended: {until: 2020-10-31, by: edu}`. Passes: `by: gov`.
    """
    for pid, _, mid, record, _ in ctx.records():
        ext = record.extended
        utype = ctx.unit_type(ext.by) if ext else None
        if ext is None or utype is None or utype in AUTHORITIES:
            continue
        where = ctx.cite(pid, mid)
        yield Finding(
            milestone_path(pid, mid, "extended") + ("by",),
            Msg(
                f"{where.en}: extended by {ext.by!r} ({type_name(utype, 'en')}); only "
                f"{types_text(AUTHORITIES, 'en')} may change the scheme's deadlines (R23)",
                f"{where.zh}\uff1a延期由 {ext.by}\uff08{type_name(utype, 'zh')}\uff09批准\uff1b只有"
                f"{types_text(AUTHORITIES, 'zh')}可调整工作方案期限\uff08R23\uff09",
            ),
        )


DEADLINE_RULES = (deadline_not_later, extension_authority)
