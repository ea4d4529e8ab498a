"""Order rules (PT108-PT110): the schedule's `after` lists form no loop, and done
dates follow them and today."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import facts
from plantrack.i18n import Msg
from plantrack.rules.base import Context, Finding, milestone_path, rule


def covered(ctx: Context, kind: str, mid: str, before: str) -> bool:
    """An order edge a scheme rule reports in its own words: the start approval
    (R1), the party committee's proposal before the draft (R11)."""
    spec = ctx.project.schedule.kinds[kind]  # type: ignore[index]
    if before == spec.start:
        return True
    m, b = spec.milestones.get(mid), spec.milestones.get(before)
    return bool(m and b and m.role == facts.DRAFT and b.role == facts.PARTY_PROPOSAL)


@rule("PT108", "after-cycle", "The schedule's `after` lists form a cycle", "工作方案的 after 形成循环")
def after_cycle(ctx: Context) -> Iterator[Finding]:
    """
    What it does: follows `after` within each kind and reports a cycle once, at the
    `after` of the first milestone on it, naming the whole loop.
    Why: steps that wait on each other can never be done in order (R8).
    Example (fails): `a: {after: [b]}`, `b: {after: [a]}`.
    """
    for kind, spec in ctx.project.schedule.kinds.items():
        graph = {m: [b for b in s.after if b in spec.milestones] for m, s in spec.milestones.items()}
        done: set[str] = set()
        reported: set[frozenset[str]] = set()
        for start in graph:
            cycle = _find_cycle(graph, start, done)
            if cycle and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                index = spec.milestones[cycle[0]].after.index(cycle[1] if len(cycle) > 1 else cycle[0])
                loop = " -> ".join(cycle + [cycle[0]])
                yield Finding(
                    ("kinds", kind, "milestones", cycle[0], "after", index),
                    Msg(
                        f"milestones wait on each other: {loop} (R8)",
                        f"节点相互等待，形成循环\uff1a{loop}（R8）",
                    ),
                    where="schedule",
                )


def _find_cycle(graph: dict[str, list[str]], start: str, done: set[str]) -> list[str] | None:
    """Depth-first from start; marks finished nodes in `done` so each cycle is found once."""
    path: list[str] = []
    on_path: set[str] = set()
    stack: list[tuple[str, int]] = [(start, 0)]
    while stack:
        node, i = stack.pop()
        if i == 0:
            if node in done:
                continue
            path.append(node)
            on_path.add(node)
        if i < len(graph[node]):
            stack.append((node, i + 1))
            nxt = graph[node][i]
            if nxt in on_path:
                return path[path.index(nxt) :]
            if nxt not in done:
                stack.append((nxt, 0))
        else:
            path.pop()
            on_path.discard(node)
            done.add(node)
    return None


@rule("PT109", "done-in-future", "A done date after today", "完成日期晚于今天")
def done_in_future(ctx: Context) -> Iterator[Finding]:
    """
    What it does: reports a `done` date later than today. `check --as-of` a past
    date does not move it: looking back, a later done date is simply not done
    yet, as `status --as-of` shows it (`check` runs this rule with today's date).
    Why: a record says what has been done; a future date is a typo or a promise.
    Example (fails): `done: 2999-06-01`.
    """
    for pid, _, mid, record, _ in ctx.records():
        if record.done and record.done > ctx.as_of:
            yield Finding(
                milestone_path(pid, mid, "done"),
                Msg(
                    f"{ctx.cite(pid, mid).en} done on {record.done}, after today ({ctx.as_of})",
                    f"{ctx.cite(pid, mid).zh}的完成日期 {record.done} 晚于今天\uff08{ctx.as_of}\uff09",
                ),
            )


@rule("PT110", "done-out-of-order", "A step done before a step it follows (R8)", "节点完成日期早于其前序节点（R8）")
def done_out_of_order(ctx: Context) -> Iterator[Finding]:
    """
    What it does: where a milestone and a milestone it follows (`after`) are both
    done, the follower's date must not be earlier.
    Why: R8, "严格前期研究、文本起草、衔接协调、征求意见、规划论证、审批等基本程序".
    Example (fails): `first-draft: {done: 2020-06-03}`, `coordination: {done: 2020-05-01}`.
    """
    for pid, plan, mid, record, spec in ctx.records():
        done = record.done
        for before in spec.after if done else ():
            prior = plan.record(before)
            if done and prior and prior.done and prior.done > done and not covered(ctx, plan.kind, mid, before):
                yield Finding(
                    milestone_path(pid, mid, "done"),
                    Msg(
                        f"{ctx.cite(pid, mid).en} done on {record.done}, before {ctx.cite(pid, before).en} "
                        f"(done {prior.done}) that the scheme puts first (R8)",
                        f"{ctx.cite(pid, mid).zh}完成于 {record.done}\uff0c早于工作方案规定在先的"
                        f"{ctx.cite(pid, before).zh}\uff08完成于 {prior.done}\uff09\uff08R8\uff09",
                    ),
                )


ORDER_RULES = (
    after_cycle,
    done_in_future,
    done_out_of_order,
)
