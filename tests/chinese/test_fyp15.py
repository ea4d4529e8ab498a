"""fyp15 is fyp14 moved five years on: every deadline, phase and cycle name, and nothing else."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO

CYCLES = {"十三五": "十四五", "十四五": "十五五", "13th": "14th", "14th": "15th"}


def shift(text: str) -> str:
    """fyp14's text as fyp15 should read below its header: years +5, cycle names one on."""
    text = re.sub(r"(?<!\d)(20[12]\d)(?!\d)", lambda m: str(int(m.group(1)) + 5), text)
    return re.sub("|".join(CYCLES), lambda m: CYCLES[m.group(0)], text)


def five_on(day: date) -> date:
    """The same day five years on; a month's last day stays its month's last day (29 Feb → 28 Feb)."""
    import calendar

    year = day.year + 5
    last = calendar.monthrange(day.year, day.month)[1]
    if day.day == last:
        return date(year, day.month, calendar.monthrange(year, day.month)[1])
    return date(year, day.month, day.day)


def schedule(name: str):  # type: ignore[no-untyped-def]
    from plantrack.commands.init import load_schedule

    return load_schedule(REPO / "schedules" / f"{name}.yaml")


def test_fyp15_is_fyp14_shifted_line_by_line() -> None:
    old = (REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")
    new = (REPO / "schedules" / "fyp15.yaml").read_text(encoding="utf-8")
    body = lambda s: s[s.index("\nname: ") :]  # noqa: E731  (the headers differ, on purpose)
    assert body(new) == shift(body(old))


def test_every_deadline_is_five_years_on() -> None:
    old, new = schedule("fyp14"), schedule("fyp15")
    assert (new.period.start, new.period.end) == (old.period.start + 5, old.period.end + 5)
    assert list(new.kinds) == list(old.kinds)
    compared = 0
    for kind in old.kinds:
        assert list(new.kinds[kind].milestones) == list(old.kinds[kind].milestones)
        before, after = old.deadlines(kind), new.deadlines(kind)
        assert set(before) == set(after), kind
        for mid, day in before.items():
            assert after[mid] == five_on(day), (kind, mid)
            compared += 1
        for mid, spec in old.kinds[kind].milestones.items():
            assert new.kinds[kind].milestones[mid].ref == spec.ref
    assert compared > 40
    for pid, phase in old.phases.items():
        assert new.phases[pid].name == phase.name


def test_five_on_keeps_month_ends() -> None:
    assert five_on(date(2020, 2, 29)) == date(2025, 2, 28)
    assert five_on(date(2019, 2, 28)) == date(2024, 2, 29)  # a month's end stays one
    assert five_on(date(2020, 9, 30)) == date(2025, 9, 30)
    assert five_on(date(2019, 10, 10)) == date(2024, 10, 10)


def test_header_says_what_it_is() -> None:
    head = (REPO / "schedules" / "fyp15.yaml").read_text(encoding="utf-8").split("\nname: ")[0]
    assert "moved five years on" in head and "2026–2030" in head
    assert "schedules/fyp15.yaml" in head and "your scheme's words" in head
    assert "顺延五年" in head


@pytest.mark.parametrize("as_of", ["2024-08-01", "2025-09-15"])
def test_init_with_fyp15_checks_clean(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_of: str) -> None:
    folder = tmp_path / "qingshan"
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(
        "init", str(folder), "--district", "青山区", "--schedule", "fyp15", "--townships", "chengguan=城关镇",
        "--lang", "en",
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert "schedule fyp15" in out
    assert "schedule: fyp15" in (folder / "plans.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(folder)
    code, out, err = cli("check", "--as-of", as_of, "--lang", "en")
    assert (code, err) == (0, ""), out
    assert "[error]" not in out
    assert all(" PT301 [warning] " in line for line in out.splitlines() if "[warning]" in line)


def test_init_keeps_fyp14_as_the_default(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("init", "d", "--district", "青山区", "--lang", "en")
    assert (code, err) == (0, "")
    assert "schedule: fyp14" in (tmp_path / "d" / "plans.yaml").read_text(encoding="utf-8")


def test_rules_d_lists_the_default_schedules_steps(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no district here: the default schedule
    code, out, _ = cli("rules", "D11", "--lang", "en")
    assert code == 0 and "steps in schedule fyp14:" in out and "2020-09-30" in out
