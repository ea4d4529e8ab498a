"""The calendar: parses with icalendar, stable UIDs, the same bytes for the same inputs, a reminder."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.cycle.test_duties import AS_OF, CYCLE


def _events(path: Path):  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_calendar_parses_with_the_expected_uids(cli, tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    code, out, err = cli("calendar", "--file", str(CYCLE), "--as-of", AS_OF, "-o", str(ics))
    assert (code, out, err) == (0, "", "")
    events = _events(ics)
    uids = [str(e["UID"]) for e in events]
    slug = uids[0].split("@")[1]
    assert slug.endswith(".plantrack") and slug.isascii()
    assert f"edu-plan.coordination@{slug}" in uids  # an open step
    assert f"edu.work-summary.2020-08@{slug}" in uids  # a missed occurrence
    assert f"town.plan-list@{slug}" in uids  # a one-off duty not done
    assert f"edu.work-summary.2020-07@{slug}" not in uids  # done: no event
    assert f"edu.work-team@{slug}" not in uids  # no date: no event
    assert len(set(uids)) == len(uids)
    step = events[uids.index(f"edu-plan.coordination@{slug}")]
    assert step.decoded("DTSTART") == date(2020, 9, 20)
    assert step.decoded("DTEND") == date(2020, 9, 21)
    assert str(step["SUMMARY"]) == '《区教育事业发展"十四五"规划》衔接协调'
    description = str(step["DESCRIPTION"])
    assert "牵头单位：区教育局" in description and "责任单位：区教育局" in description
    alarm = step.subcomponents[0]
    assert alarm.name == "VALARM" and alarm.decoded("TRIGGER") == timedelta(days=-7)


def test_regenerating_gives_the_same_bytes_and_uids(cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    cli("calendar", "--file", str(CYCLE), "--as-of", AS_OF, "-o", str(a))
    cli("calendar", "--file", str(CYCLE), "--as-of", AS_OF, "-o", str(b))
    assert a.read_bytes() == b.read_bytes()
    # A later day: an item still open keeps its UID, so importing updates the event.
    c = tmp_path / "c.ics"
    cli("calendar", "--file", str(CYCLE), "--as-of", "2020-10-01", "-o", str(c))
    before, after = {str(e["UID"]) for e in _events(a)}, {str(e["UID"]) for e in _events(c)}
    assert after <= before
    assert any(u.startswith("edu-plan.coordination@") for u in after)


def test_unit_filter_english_and_no_reminder(cli, tmp_path: Path) -> None:
    ics = tmp_path / "town.ics"
    code, _, err = cli(
        "calendar",
        "--file",
        str(CYCLE),
        "--as-of",
        AS_OF,
        "--unit",
        "甲镇",
        "--lang",
        "en",
        "--remind",
        "0",
        "-o",
        str(ics),
    )
    assert code == 0, err
    events = _events(ics)
    assert events and all(str(e["UID"]).startswith(("town.", "town-plan.")) for e in events)
    assert all(not e.subcomponents for e in events)
    assert any("Responsible: 甲镇" in str(e["DESCRIPTION"]) for e in events)


def test_unwritable_output_is_one_line(cli, tmp_path: Path) -> None:
    code, _, err = cli(
        "calendar",
        "--file",
        str(CYCLE),
        "--as-of",
        AS_OF,
        "-o",
        str(tmp_path / "no" / "such" / "x.ics"),
        "--lang",
        "en",
    )
    assert code == 4 and err.startswith("plantrack: cannot write")
