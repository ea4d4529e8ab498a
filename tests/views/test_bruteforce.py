"""Every milestone's state, recomputed by brute force from FORMAT.md, against `status --format json`.

Independent of plantrack's code: plans.yaml and the schedule are read as plain
YAML, the scheme's date forms and the `after` bound are re-derived here, and
each state is decided by walking the calendar day by day. It follows
state.py's documented choice: a step done after the reference date was not
done yet at that date.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import FIXTURE

DATES = ["2019-10-01", "2020-06-01", "2020-09-15", "2021-01-15"]
WORST_FIRST = ["overdue", "due-soon", "open", "late", "done"]  # FORMAT.md's order
WINDOW = 14


def load_yaml(path: str) -> Any:
    return YAML(typ="safe", pure=True).load((FIXTURE / path).read_text(encoding="utf-8"))


def last_day(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def parse_due(value: Any, phases: dict[str, Any]) -> date:
    """The scheme's date forms (FORMAT.md), re-implemented for the forms the data uses."""
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if s.startswith("end of phase "):
        return parse_due(phases[s.removeprefix("end of phase ")]["end"], phases)
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", s):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d\d?)", s):
        return last_day(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})年底", s):
        return date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})年(\d\d?)月(底|上旬|中旬|下旬)?", s):
        year, month, part = int(m[1]), int(m[2]), m[3]
        return {"上旬": date(year, month, 10), "中旬": date(year, month, 20)}.get(part or "", last_day(year, month))
    raise AssertionError(f"date form not covered by the brute force: {s!r}")


def scheme_deadlines(kind: dict[str, Any], phases: dict[str, Any], plan: dict[str, Any]) -> dict[str, date]:
    """Each step's own date (an extension's `until`, else the plan's `due`, else the
    schedule's), then no later than any step that follows it (the schedule's
    `after`); a date the plan set itself is never moved."""
    due = {mid: parse_due(spec["due"], phases) for mid, spec in kind["milestones"].items()}
    fixed = set()
    for mid, rec in (plan.get("milestones") or {}).items():
        rec = rec or {}
        own = (rec.get("extended") or {}).get("until", rec.get("due"))
        if own is not None and mid in due:
            due[mid] = parse_due(own, phases)
            fixed.add(mid)
    changed = True
    while changed:
        changed = False
        for mid, spec in kind["milestones"].items():
            for before in spec.get("after", []):
                if due[mid] < due[before] and before not in fixed:
                    due[before], changed = due[mid], True
    return due


def days_between(a: date, b: date) -> int:
    """Count the days from a to b by stepping through the calendar."""
    n, d = 0, a
    while d < b:
        d, n = d + timedelta(days=1), n + 1
    return n


def brute_state(due: date, done: date | None, as_of: date) -> tuple[str, int | None]:
    if done is not None and done <= as_of:  # done by the reference date
        return ("late", days_between(due, done)) if done > due else ("done", None)
    if due < as_of:
        return "overdue", days_between(due, as_of)
    window = {as_of + timedelta(days=k) for k in range(WINDOW + 1)}  # today and the next 14 days
    return ("due-soon", None) if due in window else ("open", None)


def expected(as_of: date) -> dict[str, dict[str, Any]]:
    plans, schedule = load_yaml("plans.yaml"), load_yaml("schedules/fyp14.yaml")
    out = {}
    for pid, plan in plans["plans"].items():
        kind = schedule["kinds"][plan["kind"]]
        deadlines = scheme_deadlines(kind, schedule["phases"], plan)
        milestones = []
        for mid in kind["milestones"]:
            rec = (plan.get("milestones") or {}).get(mid) or {}
            due = deadlines[mid]
            done = rec.get("done")
            state, days = brute_state(due, done, as_of)
            shown = done.isoformat() if done is not None and done <= as_of else None
            milestones.append({"id": mid, "due": due.isoformat(), "done": shown, "state": state, "days_late": days})
        worst = min((m["state"] for m in milestones), key=WORST_FIRST.index)
        out[pid] = {"state": worst, "milestones": milestones}
    return out


@pytest.mark.parametrize("as_of", DATES)
def test_status_json_matches_brute_force(cli, as_of: str) -> None:
    code, out, err = cli("status", "--file", str(FIXTURE / "plans.yaml"), "--as-of", as_of, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["version"], doc["as_of"]) == (1, as_of)
    want = expected(date.fromisoformat(as_of))
    got = {p["id"]: p for p in doc["plans"]}
    assert set(got) == set(want)
    for pid, plan in want.items():
        keys = ("id", "due", "done", "state", "days_late")
        assert [{k: m[k] for k in keys} for m in got[pid]["milestones"]] == plan["milestones"], pid
        assert got[pid]["state"] == plan["state"], pid
    # Worst first: the plans' states never get better down the list.
    ranks = [WORST_FIRST.index(p["state"]) for p in doc["plans"]]
    assert ranks == sorted(ranks)


def test_the_dates_cover_every_state() -> None:
    """The four dates exercise every state, so the comparison above is not vacuous."""
    seen = {m["state"] for d in DATES for p in expected(date.fromisoformat(d)).values() for m in p["milestones"]}
    assert seen == set(WORST_FIRST)
