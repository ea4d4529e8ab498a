"""The audit trail: revisions of plans.yaml as change events. Pure: texts in, events out.

An event is one fact that changed in one commit: a milestone's due, done or
note set, changed or removed, or a plan added or removed. Each commit is
compared with the file as it was before that very commit (its parent's
blob), so parallel branches never produce flip-flops.

Reading every revision is the cost of history (PERFORMANCE.md: 89 s for 2,000
revisions parsed whole). Consecutive revisions differ in a plan or two, so
FactReader cuts each text into its plan entries and parses each distinct
entry text once; anything unusual (a flow-style `plans:`, anchors across
plans, an entry that does not read alone) falls back to reading the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plantrack import dates, yamlread
from plantrack.i18n import Msg

FIELDS = ("due", "done", "note")


@dataclass(frozen=True)
class Commit:
    """One commit that changed the file, as `git log --raw` tells it (read in history.repo)."""

    sha: str
    short: str
    author: str
    email: str
    day: date  # the author date, in the author's time zone: it survives rebases
    old: str | None  # the file's blob before this commit (None: not there)
    new: str | None  # ... and after it
    grafted: bool = False  # a shallow clone's boundary: its "before" is unknown


Fact = tuple[str | None, str | None, str | None]  # due, done, note as written


@dataclass(frozen=True)
class PlanFacts:
    name: str | None
    kind: str | None
    owner: str | None
    milestones: dict[str, Fact]
    # What a period's summary reports beyond the facts above: an authorised
    # extension's `until` and the supervision log's (date, text) entries, per milestone.
    extended: dict[str, str] = field(default_factory=dict)
    log: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


Facts = dict[str, PlanFacts]  # by plan id


@dataclass(frozen=True)
class Event:
    commit: Commit
    plan: str
    milestone: str | None  # None for a plan added or removed
    change: str  # due | done | note | plan-added | plan-removed
    old: str | None
    new: str | None


def _text(value: Any) -> str | None:
    return None if value is None or isinstance(value, (dict, list)) else str(value)


def plan_facts(data: Any) -> PlanFacts:
    if not isinstance(data, dict):
        return PlanFacts(None, None, None, {})
    listed = data.get("milestones")
    milestones: dict[str, Fact] = {}
    extended: dict[str, str] = {}
    log: dict[str, tuple[tuple[str, str], ...]] = {}
    if isinstance(listed, dict):
        for mid, rec in listed.items():
            rec = rec if isinstance(rec, dict) else {}
            milestones[mid] = (_text(rec.get("due")), _text(rec.get("done")), _text(rec.get("note")))
            ext = rec.get("extended")
            if isinstance(ext, dict) and (until := _text(ext.get("until"))) is not None:
                extended[mid] = until
            entries = rec.get("log")
            if isinstance(entries, list):
                found = tuple(
                    (_text(e.get("date")) or "", _text(e.get("text")) or "") for e in entries if isinstance(e, dict)
                )
                if found:
                    log[mid] = found
    return PlanFacts(
        _text(data.get("name")), _text(data.get("kind")), _text(data.get("owner")), milestones, extended, log
    )


# Patterns start with a literal "\n" rather than ^ under re.M: several times faster on big texts.
_PLANS_LINE = re.compile(r"\nplans[ \t]*:[ \t]*(?:#[^\n]*)?\r?(?=\n|\Z)")
_TOP_KEY = re.compile(r"\n[^\s#]")  # a line at column 0, not a comment: the next top-level key
_FIRST_KEY = re.compile(r"\n( +)[^ \r\n#]")


def _plan_chunks(text: str) -> list[str] | None:
    """The block `plans:` section cut at its entries' keys, or None if unsure.

    Regular expressions rather than a loop over lines: this runs once per
    revision, over the whole file.
    """
    text = "\n" + text  # so that the first line, too, follows a line break
    found = list(_PLANS_LINE.finditer(text))
    if len(found) != 1:
        return None
    start = found[0].end()  # at the line break that ends `plans:`: every line below follows a "\n"
    top = _TOP_KEY.search(text, start)
    end = top.start() + 1 if top else len(text)
    # The section is text[start:end], searched in place (pos, endpos): no copy of it per revision.
    first = _FIRST_KEY.search(text, start, end)
    if first is None:
        return []
    indent = len(first[1])
    if indent > 1 and re.compile(rf"\n {{1,{indent - 1}}}[^ \r\n#]").search(text, start, end):
        return None  # a line less indented than the entries: not a shape to cut
    starts = [m.start() + 1 for m in re.compile(rf"\n {{{indent}}}[^ \r\n#]").finditer(text, start, end)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]


class FactReader:
    """Plans' facts from whole texts, each distinct plan entry parsed once."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, PlanFacts] | None] = {}

    def _entry(self, chunk: str) -> tuple[str, PlanFacts] | None:
        if chunk not in self._entries:
            try:
                data, _ = yamlread.read(chunk)
            except yamlread.YamlError:
                data = None
            ok = isinstance(data, dict) and len(data) == 1
            self._entries[chunk] = (next(iter(data)), plan_facts(next(iter(data.values())))) if ok else None  # type: ignore[union-attr]
        return self._entries[chunk]

    def facts(self, text: str) -> Facts | None:
        """None when the revision is not readable YAML (it then shows no events)."""
        chunks = _plan_chunks(text)
        if chunks is not None:
            entries = [self._entry(c) for c in chunks]
            if all(e is not None for e in entries) and len({e[0] for e in entries if e}) == len(entries):
                return dict(e for e in entries if e)
        try:
            data, _ = yamlread.read(text)
        except yamlread.YamlError:
            return None
        plans = data.get("plans") if isinstance(data, dict) else None
        return {str(k): plan_facts(v) for k, v in plans.items()} if isinstance(plans, dict) else {}


def diff(commit: Commit, before: Facts, after: Facts) -> list[Event]:
    """The events of one commit: what differs between the file before and after it."""
    out: list[Event] = []
    for pid, plan in after.items():
        old = before.get(pid)
        if old is None:
            out.append(Event(commit, pid, None, "plan-added", None, plan.name))
        elif old is plan or old == plan:
            continue
        old_ms = old.milestones if old else {}
        for mid in [*plan.milestones, *(m for m in old_ms if m not in plan.milestones)]:
            was, now = old_ms.get(mid, (None, None, None)), plan.milestones.get(mid, (None, None, None))
            for name, a, b in zip(FIELDS, was, now, strict=True):
                if a != b:
                    out.append(Event(commit, pid, mid, name, a, b))
    out += [
        Event(commit, pid, None, "plan-removed", plan.name, None) for pid, plan in before.items() if pid not in after
    ]
    return out


def walk(
    commits: Iterable[Commit], facts_of: Callable[[str | None], Facts | None], last: Facts | None = None
) -> tuple[list[list[Event]], Facts | None]:
    """Each commit's events, oldest first, and the last readable revision's facts.

    A revision that is not readable YAML shows no events, and the last readable
    one (`last`, carried from an earlier walk) stands in for it as the "before"
    of the next commit. A shallow clone's boundary is the baseline: no events.
    """
    per_commit: list[list[Event]] = []
    for c in commits:
        after = facts_of(c.new) if c.new else {}
        if after is None:
            per_commit.append([])
            continue
        before = None if c.grafted else facts_of(c.old) if c.old else {}
        before = last if before is None else before
        per_commit.append(diff(c, before, after) if before is not None and not c.grafted else [])
        last = after
    return per_commit, last


def events(commits: Iterable[Commit], facts_of: Callable[[str | None], Facts | None]) -> list[Event]:
    """Every commit's events, oldest first."""
    return [e for found in walk(commits, facts_of)[0] for e in found]


def select(found: list[Event], plan: str | None, milestone: str | None) -> list[Event]:
    return [e for e in found if (plan is None or e.plan == plan) and (milestone is None or e.milestone == milestone)]


def first_recorded(found: list[Event]) -> dict[tuple[str, str, date], Event]:
    """For each (plan, milestone, done date): the first commit that wrote that date."""
    first: dict[tuple[str, str, date], Event] = {}
    for e in found:
        if e.change == "done" and e.new is not None and e.milestone is not None:
            try:
                day = dates.parse_exact(e.new)
            except dates.DateFormatError:
                continue
            first.setdefault((e.plan, e.milestone, day), e)
    return first


@dataclass
class Trail:
    commits: list[Commit]  # those in the period, oldest first
    events: list[Event]
    start: Facts  # the plans as the period found them ({} without --since)
    start_day: date | None  # the day the period starts (for a revision: its author date)
    end: Facts | None = None  # the plans as the period left them, if it ends before the last commit
    notes: list[Msg] = field(default_factory=list)  # what the user should know (shallow, detached)

    def identity(self) -> str | None:
        """What the trail was read from, for a cache key: its commits' ids (an id names a commit's
        content, author and date, so the events too); None for a period (--since, --until)."""
        if self.start or self.start_day is not None or self.end is not None:
            return None
        import hashlib

        return hashlib.sha256(
            "".join(f"{c.sha}{'^' if c.grafted else ''}\n" for c in self.commits).encode()
        ).hexdigest()
