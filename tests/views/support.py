"""Shared by the view tests: the bundled schedule, validated once."""

from __future__ import annotations

from functools import cache

from plantrack.models import Schedule
from tests.conftest import FIXTURE


@cache
def schedule() -> Schedule:
    from plantrack.load import validate
    from plantrack.source import read_source

    src, problems = read_source(FIXTURE / "schedules" / "fyp14.yaml")
    sched, more = validate(Schedule, src)
    assert not problems and not more and sched is not None
    return sched
