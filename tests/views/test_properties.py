"""Property tests: the state function, a plan's state and overdue's selection follow FORMAT.md.

Each property restates FORMAT.md's definition in its own words and checks
plantrack against it over random due, done and reference dates.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.models import PlansFile
from plantrack.state import State, milestone_state, worst
from plantrack.views.overdue import overdue
from plantrack.views.status import status
from tests.views.support import schedule

ORDER = ["overdue", "due-soon", "open", "late", "done"]  # FORMAT.md: worst first
DAYS = st.dates(min_value=date(2019, 8, 1), max_value=date(2021, 3, 31))
WINDOWS = st.integers(min_value=0, max_value=60)


def spec(due: date | None, done: date | None, as_of: date, window: int) -> tuple[str, int | None]:
    """FORMAT.md's table, with state.py's reading that a step done after as_of is not done yet."""
    finished = done is not None and done <= as_of
    if finished and due is not None and done > due:  # type: ignore[operator]
        return "late", (done - due).days  # type: ignore[operator]
    if finished:
        return "done", None
    if due is None:
        return "open", None
    if as_of > due:
        return "overdue", (as_of - due).days
    return ("due-soon", None) if as_of <= due <= as_of + timedelta(days=window) else ("open", None)


@given(st.none() | DAYS, st.none() | DAYS, DAYS, WINDOWS)
def test_milestone_state_follows_format(due, done, as_of, window) -> None:
    state, days = milestone_state(due, done, as_of, window)
    assert (state.value, days) == spec(due, done, as_of, window)
    assert (days is not None) == (state in (State.LATE, State.OVERDUE))


@given(st.lists(st.sampled_from(list(State))))
def test_plan_state_is_the_worst_in_formats_order(states) -> None:
    want = min((s.value for s in states), key=ORDER.index) if states else "done"
    assert worst(states).value == want


# A random record: maybe done, maybe an own due date, or not listed at all.
RECORDS = st.none() | st.fixed_dictionaries({}, optional={"done": DAYS, "due": DAYS})
KINDS = st.sampled_from(["master", "special", "township", "research", "evaluation"])


@st.composite
def districts(draw):  # type: ignore[no-untyped-def]
    units = {"drc": {"name": "区发改委", "type": "drc"}, "edu": {"name": "区教育局", "type": "department"}}
    units |= {"town": {"name": "甲镇", "type": "township"}}
    owners = {"master": "drc", "special": "edu", "township": "town", "research": "edu", "evaluation": "drc"}
    plans = {}
    for i in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(KINDS)
        mids = list(schedule().kinds[kind].milestones)  # type: ignore[index]
        records = {m: r for m in mids if (r := draw(RECORDS)) is not None}
        plans[f"p{i}"] = {"name": f"规划{i}", "kind": kind, "owner": owners[kind], "milestones": records}
        if kind == "special":
            plans[f"p{i}"]["tier"] = "key"
    return PlansFile.model_validate({"schedule": "fyp14", "units": units, "plans": plans})


def brute(plans: PlansFile, as_of: date, window: int) -> dict[str, list[tuple[str, str, int | None, date | None]]]:
    """(milestone, state, days late, due) for every tracked milestone, from `spec` alone."""
    out = {}
    for pid, plan in plans.plans.items():
        specs = schedule().kinds[plan.kind].milestones  # type: ignore[index]
        # Each step's own date (the plan's, else the schedule's), then no later
        # than a following step, except where the plan set the date itself.
        deadlines = {m: schedule().resolve(s.due) for m, s in specs.items() if s.due is not None}
        fixed = {m for m, r in plan.milestones.items() if r is not None and r.due is not None}
        deadlines |= {m: plan.milestones[m].due for m in fixed}  # type: ignore[union-attr]
        for _ in specs:
            for m, s in specs.items():
                for b in s.after:
                    if b not in fixed and deadlines[m] < deadlines[b]:  # type: ignore[operator]
                        deadlines[b] = deadlines[m]
        rows = []
        for mid in specs:
            rec = plan.milestones.get(mid)
            if mid not in plan.milestones and specs[mid].role == "filing" and plan.tier == "key":
                continue  # R4: the government issues key plans itself; their filing is not owed
            due = deadlines.get(mid)
            rows.append((mid, *spec(due, rec.done if rec else None, as_of, window), due))
        out[pid] = rows
    return out


@settings(max_examples=150, deadline=None)
@given(districts(), DAYS, WINDOWS)
def test_status_rows_follow_format(plans, as_of, window) -> None:
    want = brute(plans, as_of, window)
    view = status(plans, schedule(), as_of, window)
    assert {r.id for r in view.rows} == set(want)
    for row in view.rows:
        states = [s for _, s, _, _ in want[row.id]]
        assert [s.state.value for s in row.steps] == states
        assert row.state.value == min(states, key=ORDER.index)
        assert row.done == sum(s in ("done", "late") for s in states)
        pending = [(due or date.max, i) for i, (_, s, _, due) in enumerate(want[row.id]) if s in ORDER[:3]]
        assert (row.next.id if row.next else None) == (want[row.id][min(pending)[1]][0] if pending else None)
    ranks = [ORDER.index(r.state.value) for r in view.rows]
    assert ranks == sorted(ranks)
    assert sum(view.counts.values()) == len(view.rows)


@settings(max_examples=150, deadline=None)
@given(districts(), DAYS, WINDOWS)
def test_overdue_selects_exactly_the_overdue_and_due_soon(plans, as_of, window) -> None:
    want = brute(plans, as_of, window)
    view = overdue(plans, schedule(), as_of, window)
    chosen = {(pid, mid): (s, d) for pid, rows in want.items() for mid, s, d, _ in rows if s in ("overdue", "due-soon")}
    got = {(i.plan_id, i.step.id): (i.step.state.value, i.days_overdue) for i in view.items}
    assert got == chosen
    assert view.any_overdue == any(s == "overdue" for s, _ in chosen.values())
    for g in view.groups:
        assert g.items and {i.plan.owner for i in g.items} == {g.unit}
        keys = [(ORDER.index(i.step.state.value), -(i.days_overdue or 0)) for i in g.items]
        assert keys == sorted(keys)  # overdue first, the most late first
    firsts = [(ORDER.index(g.items[0].step.state.value), -(g.items[0].days_overdue or 0)) for g in view.groups]
    assert firsts == sorted(firsts)  # the unit with the latest item first
