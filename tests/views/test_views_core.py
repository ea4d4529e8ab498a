"""The pure views on small districts built in memory: parties, next steps, grouping, layout."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.models import PlansFile
from plantrack.problems import PlantrackError
from plantrack.state import State
from plantrack.views import common, overdue, status, timeline, units
from tests.views.support import schedule

UNITS = {
    "drc": {"name": "区发改委", "type": "drc"},
    "gov": {"name": "区政府", "type": "government"},
    "edu": {"name": "区教育局", "type": "department"},
    "a": {"name": "甲镇", "type": "township"},
    "b": {"name": "乙镇", "type": "township"},
    "a-npc": {"name": "甲镇人大", "type": "township-congress", "host": "a"},
    "b-npc": {"name": "乙镇人大", "type": "township-congress"},
    "c-npc": {"name": "丙镇人大", "type": "township-congress"},
}


def district(plans: dict) -> PlansFile:
    return PlansFile.model_validate({"schedule": "fyp14", "units": UNITS, "plans": plans})


def town(owner: str, **milestones) -> dict:
    return {"name": f"{owner}规划", "kind": "township", "owner": owner, "milestones": milestones}


def parties(plans: PlansFile, pid: str, mid: str, as_of: date = date(2020, 9, 15)):
    d = status.detail(plans, schedule(), pid, as_of)
    row = next(s for s in d.steps if s.step.id == mid)
    return [(p.unit, p.type) for p in row.by], [(p.unit, p.type) for p in row.to]


def test_parties_resolve_types_hosts_and_records() -> None:
    plans = district({"pa": town("a"), "pb": town("b"), "pc": town("b", submitted={"to": "c-npc"})})
    # One unit of the type: that unit. The owner's own congress (host) narrows six to one.
    assert parties(plans, "pa", "submitted") == ([], [("a-npc", "township-congress")])
    assert parties(plans, "pa", "filed") == ([], [("drc", "drc")])
    # Several congresses and none hosted by the owner: left as the type, not guessed.
    assert parties(plans, "pb", "submitted") == ([], [(None, "township-congress")])
    # A recorded unit wins over the schedule's types.
    assert parties(plans, "pc", "submitted") == ([], [("c-npc", None)])


def test_owner_party_is_the_plans_owner() -> None:
    plans = district({"e": {"name": "教育", "kind": "special", "tier": "key", "owner": "edu"}})
    by, _ = parties(plans, "e", "issued")
    assert by == [("gov", "government"), ("drc", "drc"), ("edu", None)]


def test_pick_accepts_ids_and_names_and_suggests() -> None:
    plans = district({})
    assert common.pick_unit(plans, "甲镇") == "a"
    with pytest.raises(PlantrackError) as e:
        common.pick_unit(plans, "edv")
    assert e.value.exit_code == 2 and "did you mean 'edu'" in e.value.msg.en


def test_next_step_is_the_earliest_due_not_done() -> None:
    plans = district({"pa": town("a", **{"first-draft": {"done": "2020-08-01"}, "submitted": {"due": "2020-09-01"}})})
    [row] = status.status(plans, schedule(), date(2020, 9, 15)).rows
    assert row.next is not None and row.next.id == "submitted" and row.days_left == -14
    assert (row.state, row.done, row.total) == (State.OVERDUE, 1, 4)


def test_status_orders_worst_first_then_by_next_due_then_file_order() -> None:
    plans = district(
        {
            "p1": town("a", **{"first-draft": {"done": "2020-08-01"}}),  # next due 2020-10-31: open
            "p2": town("b"),  # first-draft due 2020-08-31: overdue
            "p3": town("a", **{"first-draft": {"done": "2020-08-01"}, "submitted": {"due": "2020-10-01"}}),
            "p4": town("b", **{"first-draft": {"done": "2020-08-01"}}),
        }
    )
    view = status.status(plans, schedule(), date(2020, 9, 15))
    assert [r.id for r in view.rows] == ["p2", "p3", "p1", "p4"]
    assert view.counts == {State.OVERDUE: 1, State.DUE_SOON: 0, State.OPEN: 3, State.LATE: 0, State.DONE: 0}


def test_overdue_groups_by_owner_most_late_first() -> None:
    plans = district(
        {
            "p1": town("a", **{"first-draft": {"due": "2020-09-10"}}),
            "p2": town("b", **{"first-draft": {"due": "2020-08-01"}}),
            "p3": town("a", **{"first-draft": {"due": "2020-09-20"}}),
        }
    )
    view = overdue.overdue(plans, schedule(), date(2020, 9, 15))
    assert [(g.unit, [(i.plan_id, i.days_overdue) for i in g.items]) for g in view.groups] == [
        ("b", [("p2", 45)]),
        ("a", [("p1", 5), ("p3", None)]),
    ]
    only_a = overdue.overdue(plans, schedule(), date(2020, 9, 15), unit="a")
    assert [g.unit for g in only_a.groups] == ["a"]


def test_units_next_deadline_skips_what_is_already_overdue() -> None:
    plans = district({"p1": town("a", **{"first-draft": {"due": "2020-09-10"}})})
    row = units.unit(plans, schedule(), "a", date(2020, 9, 15))
    assert row.count(State.OVERDUE) == 1 and len(row.pending) == 4
    assert row.next is not None and row.next.step.id == "submitted"
    assert units.unit(plans, schedule(), "gov", date(2020, 9, 15)).plans == ()


def test_timeline_places_dates_in_columns() -> None:
    plans = district({"p1": town("a", **{"first-draft": {"done": "2020-08-12"}})})
    data = timeline.timeline(plans, schedule(), date(2020, 9, 15))
    assert (data.start, data.end) == (date(2019, 9, 1), date(2020, 12, 31))
    narrow, wide = timeline.place(data, 60), timeline.place(data, 200)
    for lay, cols in ((narrow, 60), (wide, 200)):
        assert lay.as_of_col is not None and 0 <= lay.as_of_col < cols
        [lane] = lay.lanes
        assert lane.marks[0].state is State.DONE and lane.span == (lane.marks[0].col, lane.marks[-1].col)
        assert all(b - a >= 8 for (a, _), (b, _) in zip(lay.ticks, lay.ticks[1:], strict=False))
    assert len(wide.ticks) > len(narrow.ticks)  # more room, finer ticks
    # The same day in the same fraction of the axis at any width.
    assert abs(narrow.as_of_col / 60 - wide.as_of_col / 200) < 0.02  # type: ignore[operator]
