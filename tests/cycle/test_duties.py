"""Per-unit and recurring duties: occurrences by rrule, records, states, and what the views show."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plantrack import duties
from plantrack.load import load
from plantrack.state import State
from tests.conftest import REPO

CYCLE = REPO / "tests" / "fixtures" / "cycle" / "plans.yaml"
AS_OF = "2020-09-15"


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        # The last day of every month: 29 February in a leap year, 28 in another.
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            date(2020, 1, 1),
            date(2020, 4, 30),
            ["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"],
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2021, 1, 1), date(2021, 3, 31), ["2021-01-31", "2021-02-28", "2021-03-31"]),
        # RFC 5545: a day a month lacks is skipped; "31" is only the months that have a 31st.
        (
            "FREQ=MONTHLY;BYMONTHDAY=31",
            date(2020, 1, 1),
            date(2020, 8, 31),
            ["2020-01-31", "2020-03-31", "2020-05-31", "2020-07-31", "2020-08-31"],
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=30", date(2020, 1, 1), date(2020, 3, 31), ["2020-01-30", "2020-03-30"]),
        # Across the year's end, both bounds included.
        (
            "FREQ=MONTHLY;BYMONTHDAY=25",
            date(2019, 11, 25),
            date(2020, 1, 25),
            ["2019-11-25", "2019-12-25", "2020-01-25"],
        ),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2019, 1, 1), date(2024, 12, 31), ["2020-02-29", "2024-02-29"]),
        ("FREQ=WEEKLY;BYDAY=FR", date(2020, 2, 24), date(2020, 3, 8), ["2020-02-28", "2020-03-06"]),
    ],
)
def test_occurrences_match_hand_computed_dates(rule: str, start: date, end: date, expected: list[str]) -> None:
    assert [d.isoformat() for d in duties.rule_dates(rule, start, end)] == expected


def test_keys_are_months_unless_a_month_has_two() -> None:
    monthly = duties.rule_dates("FREQ=MONTHLY;BYMONTHDAY=25", date(2020, 1, 1), date(2020, 3, 31))
    assert duties.keys(monthly) == ["2020-01", "2020-02", "2020-03"]
    twice = duties.rule_dates("FREQ=MONTHLY;BYMONTHDAY=1,15", date(2020, 1, 1), date(2020, 1, 31))
    assert duties.keys(twice) == ["2020-01-01", "2020-01-15"]


def _project():  # type: ignore[no-untyped-def]
    project, problems = load(CYCLE)
    assert project is not None and not problems
    return project


def test_states_of_a_units_occurrences() -> None:
    p = _project()
    found = {(o.duty, o.key): o for o in duties.occurrences(p.plans, p.schedule, date(2020, 9, 15), unit="edu")}
    # The district's cadence starts in June 2020; the schedule's rule (the 25th) stays.
    assert [k for d, k in found if d == "work-summary"][:4] == ["2020-06", "2020-07", "2020-08", "2020-09"]
    assert found[("work-summary", "2020-06")].state is State.DONE
    late = found[("work-summary", "2020-07")]
    assert (late.state, late.days_late) == (State.LATE, 2)  # done 07-27, due 07-25
    missed = found[("work-summary", "2020-08")]
    assert (missed.state, missed.days_late) == (State.OVERDUE, 21)
    assert found[("work-summary", "2020-09")].state is State.DUE_SOON
    assert found[("plan-list", None)].state is State.DONE
    assert found[("work-team", None)].state is State.OPEN  # R22 gives no date: never overdue


def test_a_duty_binds_only_its_unit_types() -> None:
    p = _project()
    assert not list(duties.occurrences(p.plans, p.schedule, date(2020, 9, 15), unit="drc"))
    assert not list(duties.occurrences(p.plans, p.schedule, date(2020, 9, 15), unit="town-npc"))


def test_district_cadence_overrides_the_schedule(tmp_path: Path) -> None:
    text = CYCLE.read_text(encoding="utf-8").replace(
        "work-summary: {start: 2020-06-01}", 'work-summary: {rrule: "FREQ=MONTHLY;BYMONTHDAY=-1", start: 2020-01-01}'
    )
    (tmp_path / "schedules").mkdir()
    (tmp_path / "schedules" / "fyp14.yaml").write_bytes((CYCLE.parent / "schedules" / "fyp14.yaml").read_bytes())
    (tmp_path / "plans.yaml").write_text(text, encoding="utf-8")
    project, _ = load(tmp_path / "plans.yaml")
    assert project is not None
    dues = [d for k, d in duties.scheduled(project.plans, project.schedule, "work-summary")][:3]
    assert dues == [date(2020, 1, 31), date(2020, 2, 29), date(2020, 3, 31)]


def test_units_shows_a_unit_with_duties_and_no_plans(cli) -> None:
    code, out, err = cli("units", "civil", "--file", str(CYCLE), "--as-of", AS_OF, "--lang", "en", "--width", "100")
    assert code == 0, err
    assert "owns no plans" in out
    assert "Duties" in out and "定期工作总结" in out and "2020-09" in out and "due soon" in out
    code, out, _ = cli("units", "civil", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "json")
    doc = json.loads(out)
    assert doc["plans"] == []
    assert [(d["duty"], d["occurrence"], d["state"]) for d in doc["duties"]] == [
        ("work-summary", "2020-09", "due-soon"),
        ("work-summary", "2020-10", "open"),
    ]


def test_overdue_lists_missed_occurrences_under_a_key_of_their_own(cli) -> None:
    code, out, err = cli("overdue", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert all("plan" in i and "milestone" in i for i in doc["items"])  # milestone items keep their shape
    overdue = [
        (d["unit"], d["duty"], d["occurrence"], d["days_overdue"]) for d in doc["duties"] if d["state"] == "overdue"
    ]
    assert overdue == [("town", "plan-list", None, 341), ("edu", "work-summary", "2020-08", 21)]
    assert {d["responsible"] for d in doc["duties"]} == {d["unit"] for d in doc["duties"]}
    code, out, _ = cli("overdue", "--file", str(CYCLE), "--as-of", AS_OF, "--lang", "zh", "--width", "100")
    assert "单位职责" in out and "报送需编制的专项规划和区域规划清单" in out and "逾期341天" in out
    code, _, _ = cli("overdue", "--file", str(CYCLE), "--as-of", AS_OF, "--fail")
    assert code == 1


def test_status_json_carries_duties_and_kind_filters_them_out(cli) -> None:
    code, out, _ = cli("status", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "json")
    assert code == 0
    assert {d["unit"] for d in json.loads(out)["duties"]} == {"edu", "civil", "town"}
    code, out, _ = cli("status", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "json", "--kind", "special")
    assert json.loads(out)["duties"] == []


def test_a_schedule_without_duties_adds_no_key(cli) -> None:
    from tests.conftest import DISTRICT

    code, out, _ = cli("overdue", "--file", str(DISTRICT), "--as-of", AS_OF, "--format", "json")
    assert code == 0 and "duties" not in json.loads(out)


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ("work-team: {dnoe: 2019-11-01}", "did you mean 'done'"),
        ("work-team: {done: 2020-13-01}", "invalid date"),
        ("work-team: {2020-08: {don: 2020-08-24}}", "unknown key 'don'"),
    ],
)
def test_bad_records_are_located_errors(cli, tmp_path: Path, records: str, message: str) -> None:
    (tmp_path / "schedules").mkdir()
    (tmp_path / "schedules" / "fyp14.yaml").write_bytes((CYCLE.parent / "schedules" / "fyp14.yaml").read_bytes())
    text = CYCLE.read_text(encoding="utf-8").replace("      work-team: {done: 2019-11-01}\n", f"      {records}\n")
    (tmp_path / "plans.yaml").write_text(text, encoding="utf-8")
    code, out, _ = cli("check", "--file", str(tmp_path / "plans.yaml"), "--as-of", AS_OF, "--lang", "en")
    assert code == 1
    line = next(x for x in out.splitlines() if message in x)
    assert line.startswith(f"{tmp_path / 'plans.yaml'}:30:") or "plans.yaml:30:" in line


def test_the_bundled_district_records_duties_and_stays_clean(cli) -> None:
    code, out, err = cli("check", "--file", str(REPO / "plans.yaml"), "--as-of", AS_OF)
    assert code == 0, out + err
    code, out, _ = cli("overdue", "--file", str(REPO / "plans.yaml"), "--as-of", AS_OF, "--format", "json")
    missed = [(d["unit"], d["occurrence"]) for d in json.loads(out)["duties"] if d["state"] == "overdue"]
    assert missed == [("transport", "2020-08")]
