"""schedules/fyp14.yaml, read through the models, carries the scheme's deadlines D1–D19."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack import yamlread
from plantrack.models import Schedule
from tests.conftest import REPO

# docs/scheme.md's table: D# -> the date, or the phase a step "within phase N" is due in.
SCHEME_DEADLINES: dict[str, date | str] = {
    "D1": date(2019, 11, 30),
    "D2": date(2019, 10, 31),
    "D3": date(2019, 11, 30),
    "D4": date(2019, 10, 10),
    "D5": "compilation",
    "D6": "compilation",
    "D7": date(2020, 10, 31),
    "D8": date(2020, 8, 31),
    "D9": date(2020, 10, 31),
    "D10": date(2020, 5, 31),
    "D11": date(2020, 9, 30),
    "D12": "review",
    "D13": date(2020, 12, 31),
    "D14": date(2020, 12, 31),
    "D15": date(2020, 12, 31),
    "D16": "compilation",
    "D17": "review",
    "D18": "review",
    "D19": "review",
}


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    data, _ = yamlread.read((REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8"))
    return Schedule.model_validate(data)


def test_phases_match_the_scheme(schedule: Schedule) -> None:
    phases = {k: (p.start, p.end) for k, p in schedule.phases.items()}
    assert phases["research"][1] == date(2019, 11, 30)
    assert phases["compilation"] == (date(2019, 11, 1), date(2020, 11, 30))
    assert phases["review"] == (date(2020, 12, 1), date(2020, 12, 31))


@pytest.mark.parametrize("ref", sorted(SCHEME_DEADLINES, key=lambda r: int(r[1:])))
def test_every_deadline_is_at_the_schemes_date(schedule: Schedule, ref: str) -> None:
    carrying = [
        (kind, mid, m) for kind, spec in schedule.kinds.items() for mid, m in spec.milestones.items() if m.ref == ref
    ]
    assert carrying, f"no milestone carries {ref}"
    want = SCHEME_DEADLINES[ref]
    for kind, mid, m in carrying:
        own = schedule.resolve(m.due)  # the date as the scheme writes it
        derived = schedule.deadline(kind, mid)  # no later than the steps that follow
        if isinstance(want, date):
            assert own == want, (kind, mid)
        else:
            phase = schedule.phases[want]
            assert m.due == f"end of phase {want}", (kind, mid)
            assert derived is not None and phase.start <= derived <= phase.end, (kind, mid)


def test_derived_deadline_never_later_than_a_follower(schedule: Schedule) -> None:
    for kind, spec in schedule.kinds.items():
        deadlines = schedule.deadlines(kind)
        for mid, m in spec.milestones.items():
            for before in m.after:
                if mid in deadlines:  # a township's own special plans carry no dates (R20)
                    assert deadlines[before] <= deadlines[mid], (kind, before, mid)


def test_special_steps_without_a_date_are_due_with_finished(schedule: Schedule) -> None:
    # "coordination" has no date of its own; it precedes "finished" (D11).
    assert schedule.deadline("special", "coordination") == date(2020, 9, 30)
    assert schedule.kinds["special"].milestones["finished"].loose  # "原则上"


def test_only_d11_is_loose_and_undated_steps_carry_no_d_number(schedule: Schedule) -> None:
    loose = [(k, m) for k, spec in schedule.kinds.items() for m, s in spec.milestones.items() if s.loose]
    assert loose == [("special", "finished"), ("regional", "finished")]  # "原则上" (D11)
    assert schedule.stated("special", "finished") is None  # a later own date only warns
    assert schedule.stated("special", "first-draft") == date(2020, 5, 31)  # D10 binds
    assert schedule.stated("special", "start-approval") is None  # a planning date
    assert schedule.stated("master", "passed") == date(2020, 12, 31)  # D19, its phase's end


def test_a_townships_own_special_plans_owe_no_date(schedule: Schedule) -> None:
    assert schedule.deadlines("township-special") == {}
