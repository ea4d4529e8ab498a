"""The scheme's procedure rules (PT208, PT210, PT211, PT216): steps done in the
scheme's order (R8), the previous plan's final evaluation (R10), the outline's
draft after the party committee's proposal (R11) and its formal text (D13, D18, D19).

Like rules/scheme.py, they find steps by their role (plantrack.facts).
"""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import facts
from plantrack.i18n import Msg
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.rules.order import covered
from plantrack.rules.parties import party_findings


@rule(
    "PT208", "procedure-order", "A step done while a step it follows is not (R8)", "前序节点未完成即完成后续节点（R8）"
)
def procedure_order(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a milestone may be done only when every milestone the scheme
    puts before it (the schedule's `after`) is done. Only the orders the scheme
    states are enforced: consulting the public before coordinating is allowed.
    (The start approval is R1's, the party committee's proposal R11's.)
    Why: R8, "严格前期研究、文本起草、衔接协调、征求意见、规划论证、审批等基本程序".
    Example (fails): `finished: {done: 2020-09-20}` with `argumentation` not done.
    """
    for pid, plan, mid, record, spec in ctx.records():
        if record.done:
            missing = [
                b for b in spec.after if not ((r := plan.record(b)) and r.done) and not covered(ctx, plan.kind, mid, b)
            ]
            if missing:
                yield Finding(
                    milestone_path(pid, mid, "done"),
                    Msg(
                        f"{ctx.cite(pid, mid).en} is done but "
                        f"{', '.join(ctx.cite(pid, m).en for m in missing)}, which the scheme puts first, is not (R8)",
                        f"{ctx.cite(pid, mid).zh}已完成\uff0c但工作方案规定在先的"
                        f"{'、'.join(ctx.cite(pid, m).zh for m in missing)}尚未完成\uff08R8\uff09",
                    ),
                )


@rule(
    "PT210",
    "final-evaluation",
    "The previous plan's final evaluation exists and goes government -> congress, city DRC informed (R10)",
    "上一个五年规划终期评估须存在，经区政府审核后提交区人大常委会并报市发展改革委（R10）",
)
def final_evaluation(ctx: Context) -> Iterator[Finding]:
    """
    What it does: there is exactly one plan of kind evaluation (one that failed
    to load still counts); on it, a recorded `by` on the government's review is
    the government, `to` on the submission the congress standing committee, and
    `to` on the report the city DRC.
    Why: R10 and D15, "于2020年底前将终期评估报告经区政府审核后,提交区人大常委会审议,并报市发展改革委".
    Example (fails): no evaluation plan, or `congress-review: {to: gov}`.
    """
    cycle = ctx.project.schedule.cycle
    evaluations = ctx.existing("evaluation")
    if not evaluations and "evaluation" in ctx.project.schedule.kinds:
        yield Finding(
            ("plans",),
            Msg(
                f"there is no final evaluation of the {cycle.previous_en} five-year plan (R10)",
                f"缺少\u201c{cycle.previous}\u201d规划终期评估\uff08R10\uff09",
            ),
            key=True,
        )
    for pid, _ in evaluations[1:]:
        if pid in ctx.project.plans.plans:
            yield Finding(
                ("plans", pid, "kind"),
                Msg(
                    f"{pid}: a second final evaluation; the first is {evaluations[0][0]!r} (R10)",
                    f"{pid}\uff1a出现第二个终期评估\uff1b已有 {evaluations[0][0]}\uff08R10\uff09",
                ),
            )
    yield from party_findings(ctx, "PT210")


@rule(
    "PT211",
    "draft-after-proposal",
    "The outline draft for comments comes after the party committee's proposal (R11)",
    "规划纲要征求意见稿须在区委建议出台后形成（R11）",
)
def draft_after_proposal(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on the master plan, the draft for comments may be done only
    once the party committee's proposal is done, and not before its date; the
    proposal, if its `by` is recorded, is the party committee's.
    Why: R11, "区委关于编制'十四五'建议出台后,开展规划纲要草案的起草工作".
    Example (fails): `draft-for-comments: {done: 2020-10-20}` with the proposal done 2020-10-25.
    """
    draft_id, proposal_id = ctx.step_of("master", facts.DRAFT), ctx.step_of("master", facts.PARTY_PROPOSAL)
    for pid, plan in ctx.plans("master"):
        if draft_id is None or proposal_id is None:
            break
        draft, proposal = plan.record(draft_id), plan.record(proposal_id)
        if not (draft and draft.done):
            continue
        if not (proposal and proposal.done) or proposal.done > draft.done:
            issued = proposal is not None and proposal.done is not None
            when_en = f"was issued on {proposal.done}" if issued else "is not recorded as issued"  # type: ignore[union-attr]
            when_zh = f"于 {proposal.done} 才出台" if issued else "尚未出台"  # type: ignore[union-attr]
            yield Finding(
                milestone_path(pid, draft_id, "done"),
                Msg(
                    f"{ctx.cite(pid, draft_id).en} is done on {draft.done}, but the party committee's proposal "
                    f"{ctx.cite(pid, proposal_id).en} {when_en} (R11)",
                    f"{ctx.cite(pid, draft_id).zh}形成于 {draft.done}\uff0c但区委建议"
                    f"{ctx.cite(pid, proposal_id).zh}{when_zh}\uff08R11\uff09",
                ),
            )
    yield from party_findings(ctx, "PT211")


@rule(
    "PT216",
    "outline-text-and-congress",
    "The outline's formal text: reviewed by the party committee and the government, passed by the congress standing committee (R8, D13, D18, D19)",
    "规划纲要正式文本经区委、区政府研究审核，由区人大常委会审议通过（R8、D13、D18、D19）",
)
def outline_text(ctx: Context) -> Iterator[Finding]:
    """
    What it does: on the master plan, the text review's `by` names both the
    party committee and the government; the submission goes `to` the district
    congress standing committee and is passed `by` it. A unit of type congress
    named as the full people's congress (no 常委会 in its name) is a warning:
    the scheme names the standing committee, the Local Organic Law the full
    congress.
    Why: D18 "报请区委、区政府研究审核并修改完善后,形成'十四五'规划纲要正式文本";
    D13 "于2020年12月正式提交区人大常委会"; D19 "由区人大常委会会议审议通过".
    Example (fails): `text-review: {done: 2020-12-10, by: gov}`.
    Passes: `text-review: {done: 2020-12-10, by: [party, gov]}`.
    """
    yield from party_findings(ctx, "PT216")


PROCEDURE_RULES = (
    procedure_order,
    final_evaluation,
    draft_after_proposal,
    outline_text,
)
