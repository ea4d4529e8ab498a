"""The calendar: one all-day VEVENT per open step and per duty occurrence not done, with a reminder.

All-day events rather than VTODOs: every common calendar (Outlook, Google,
Apple, WPS, DingTalk) shows events; several ignore tasks. Each UID is built
from the district and the item's ids (`plan.milestone@district.plantrack`,
`unit.duty.occurrence@district.plantrack`), so importing the file again
updates the events instead of adding copies. DTSTAMP is the reference date,
so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from plantrack.i18n import COLON, Msg
from plantrack.report.notice import day, occurrence
from plantrack.report.safe import clean
from plantrack.views.common import NOT_DONE, unit_name

if TYPE_CHECKING:
    from plantrack.models import PlansFile, Schedule

_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


@dataclass(frozen=True)
class Entry:
    uid: str
    due: date
    summary: str
    description: str


def district_slug(plans: PlansFile) -> str:
    """An ASCII name for the district, stable across clones: the name itself if ASCII, else a short hash of it."""
    name = plans.name or ""
    slug = _UNSAFE.sub("-", name.lower()).strip("-")
    if slug and slug.isascii() and name.isascii():
        return slug
    return "d" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def _id(*parts: str) -> str:
    return ".".join(_UNSAFE.sub("_", p) for p in parts)


def entries(plans: PlansFile, schedule: Schedule, as_of: date, unit: str | None, lang: str) -> list[Entry]:
    """The events: open steps of every plan (of `unit`: those it owns or owes), then duty occurrences."""
    from plantrack.tracking import all_steps
    from plantrack.views.duties import open_ones
    from plantrack.views.overdue import responsible

    slug = district_slug(plans)
    label = Msg
    out = []
    for pid, plan_steps in all_steps(plans, schedule, as_of).items():
        plan = plans.plans[pid]
        for s in plan_steps:
            if s.state not in NOT_DONE or s.due is None:
                continue
            owes = responsible(plan, s, plans.units)
            if unit is not None and unit not in (plan.owner, owes):
                continue
            owner, who = unit_name(plans.units, plan.owner), unit_name(plans.units, owes)
            summary = label(f"{clean(plan.name)}: {clean(s.spec.name)}", f"《{clean(plan.name)}》{clean(s.spec.name)}")(
                lang
            )
            lines = [
                label(f"Plan: {clean(plan.name)} ({pid})", f"规划{COLON}《{clean(plan.name)}》（{pid}）")(lang),
                label(f"Step: {clean(s.spec.name)}", f"节点{COLON}{clean(s.spec.name)}")(lang),
                label(f"Compiled by: {clean(owner)}", f"牵头单位{COLON}{clean(owner)}")(lang),
                label(f"Responsible: {clean(who)}", f"责任单位{COLON}{clean(who)}")(lang),
                label(f"Due: {day(s.due, 'en')}", f"期限{COLON}{day(s.due, 'zh')}")(lang),
            ]
            if s.spec.ref:
                lines.append(label(f"Scheme: {s.spec.ref}", f"依据{COLON}工作方案 {s.spec.ref}")(lang))
            out.append(Entry(f"{_id(pid, s.id)}@{slug}.plantrack", s.due, summary, "\n".join(lines)))
    for o in open_ones(plans, schedule, as_of, unit=unit):
        if o.due is None:
            continue
        who, when = clean(unit_name(plans.units, o.unit)), occurrence(o, lang)
        name = clean(o.spec.name) + (label(f" ({when})", f"（{when}）")(lang) if when else "")
        lines = [
            label(f"Duty: {name}", f"职责{COLON}{name}")(lang),
            label(f"Responsible: {who}", f"责任单位{COLON}{who}")(lang),
            label(f"Due: {day(o.due, 'en')}", f"期限{COLON}{day(o.due, 'zh')}")(lang),
        ]
        if o.spec.ref:
            lines.append(label(f"Scheme: {o.spec.ref}", f"依据{COLON}工作方案 {o.spec.ref}")(lang))
        uid = _id(o.unit, o.duty, *((o.key,) if o.key else ()))
        out.append(Entry(f"{uid}@{slug}.plantrack", o.due, f"{name} \u2014 {who}", "\n".join(lines)))
    return out


def render(found: list[Entry], calendar_name: str, as_of: date, remind: int) -> bytes:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//plantrack//plantrack//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    for e in found:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.due)
        ev.add("dtend", e.due + timedelta(days=1))
        ev.add("summary", e.summary)
        ev.add("description", e.description)
        ev.add("transp", "TRANSPARENT")  # a deadline, not a meeting: the day stays free
        if remind > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", e.summary)
            alarm.add("trigger", timedelta(days=-remind))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
