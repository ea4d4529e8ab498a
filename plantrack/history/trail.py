"""Read plans.yaml's git history into a trail of events: one walk of the repository.

`--since` takes a date or a revision. A value that parses as a date is a date
(a tag named like a date loses; write its commit id instead). With a date,
the period holds the commits whose author date is on or after it, and the
period starts from the file as the last earlier commit left it; with a
revision, the commits after it, starting from the file as it was there.

History never changes, so what is read from it is cached by content
(plantrack.cache): the events of a whole run of commits under the hash of
their blob ids (one cache file for a second run on an unchanged repository:
one `git log`, no blob read), each commit's events under the ids of its blobs
before and after (after a new commit, only its blobs are read), and the facts
of a period's first or last revision under its blob id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack import cache, dates
from plantrack.history.facts import Commit, Event, FactReader, Facts, PlanFacts, diff
from plantrack.i18n import Msg

if TYPE_CHECKING:
    from plantrack.history.repo import FileRepo


@dataclass(frozen=True)
class Since:
    day: date | None = None
    rev: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> Since | None:
        if text is None:
            return None
        try:
            return cls(day=dates.parse_exact(text))
        except dates.DateFormatError:
            return cls(rev=text)


@dataclass
class Trail:
    commits: list[Commit]  # those in the period, oldest first
    events: list[Event]
    start: Facts  # the plans as the period found them ({} without --since)
    start_day: date | None  # the day the period starts (for a revision: its author date)
    end: Facts | None = None  # the plans as the period left them, if it ends before the last commit
    notes: list[Msg] = field(default_factory=list)  # what the user should know (shallow, detached)


def _facts_to_json(facts: Facts | None) -> Any:
    if facts is None:
        return None
    return {pid: [p.name, p.kind, p.owner, {m: list(f) for m, f in p.milestones.items()}] for pid, p in facts.items()}


def _facts_from_json(data: Any) -> Facts | None:
    if data is None:
        return None
    return {
        pid: PlanFacts(n, k, o, {m: (f[0], f[1], f[2]) for m, f in ms.items()}) for pid, (n, k, o, ms) in data.items()
    }


class Blobs:
    """Facts by blob id, each blob read and parsed once (history never changes)."""

    def __init__(self, repo: FileRepo) -> None:
        self.repo = repo
        self.reader = FactReader()
        self.facts: dict[str, Facts | None] = {}

    def load(self, ids: list[str | None]) -> None:
        """Read these blobs in one batch; each blob is parsed once."""
        from plantrack.history.repo import read_blobs

        wanted = list(dict.fromkeys(i for i in ids if i and i not in self.facts))
        for oid, data in read_blobs(self.repo, wanted):
            try:
                self.facts[oid] = self.reader.facts(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.facts[oid] = None

    def __call__(self, oid: str | None) -> Facts | None:
        if not oid:  # None, or "": the file was not there
            return {}
        if oid not in self.facts:
            self.load([oid])
        return self.facts[oid]

    def one(self, oid: str | None) -> Facts | None:
        """One revision's facts, through the cache: for the start and end of a period."""
        if oid is None or oid in self.facts:
            return self(oid)
        k = cache.key("facts", oid)
        hit = cache.load_json("facts", k)
        if hit is not None:
            self.facts[oid] = _facts_from_json(hit["facts"])
        else:
            cache.store_json("facts", k, {"facts": _facts_to_json(self(oid))})
        return self.facts[oid]


def trail_events(commits: list[Commit], blobs: Blobs) -> list[Event]:
    """The events of these commits, from the cache when this run of blobs was read before."""
    k = cache.key("events", *(f"{c.old} {c.new} {c.grafted}" for c in commits))
    hit = cache.load_json("events", k)
    if hit is not None and len(hit) == len(commits):
        return [Event(c, *e) for c, found in zip(commits, hit, strict=True) for e in found]
    per_commit = _per_commit(commits, blobs)
    cache.store_json("events", k, per_commit)
    return [Event(c, *e) for c, found in zip(commits, per_commit, strict=True) for e in found]


def _pair_key(c: Commit) -> str:
    return cache.key("pair", str(c.old), str(c.new))


def _per_commit(commits: list[Commit], blobs: Blobs) -> list[list[Any]]:
    """Each commit's events as plain lists, as facts.events finds them.

    A commit's events depend only on the blobs before and after it (content, so
    cached under the pair of ids), except where the revision before is not
    readable YAML: then the last readable one stands in, and that is not cached.
    After one new commit only its two blobs are read.
    """
    cached = {c.sha: cache.load_json("pair", _pair_key(c)) for c in commits if not c.grafted}
    # A shallow clone's boundary has no "before" to read: only its "after" counts.
    wanted = [c.new if c.grafted else oid for c in commits if cached.get(c.sha) is None for oid in (c.old, c.new)]
    blobs.load(wanted)
    out: list[list[Any]] = []
    last: str | None = None  # the blob of the last readable revision ("" for no file)
    for c in commits:
        hit = cached.get(c.sha)
        if hit is not None:
            out.append(hit["events"])
            last = (c.new or "") if hit["readable"] else last
            continue
        if blobs(c.new) is None:
            out.append([])
            if not c.grafted:
                cache.store_json("pair", _pair_key(c), {"events": [], "readable": False})
            continue
        found: list[Any] = []
        if not c.grafted:
            before = blobs(c.old)
            stand_in = before is None
            if stand_in and last is not None:
                before = blobs(last)
            if before is not None:
                found = [[e.plan, e.milestone, e.change, e.old, e.new] for e in diff(c, before, blobs(c.new) or {})]
            if not stand_in:
                cache.store_json("pair", _pair_key(c), {"events": found, "readable": True})
        out.append(found)
        last = c.new or ""
    return out


def read(path: Path, display: str, since: Since | None = None, until: date | None = None) -> Trail:
    """The events of the period from `since` (else the beginning) to `until` (else the end)."""
    from plantrack.history import repo as gitrepo

    fr = gitrepo.open_repo(path, display)
    try:
        exclude = gitrepo.resolve(fr, since.rev) if since and since.rev else None
        commits = gitrepo.file_log(fr, exclude)
        blobs = Blobs(fr)
        start: Facts = {}
        start_day = None
        if since and since.day:
            before = [c for c in commits if c.day < since.day]
            commits = [c for c in commits if c.day >= since.day]
            start = (blobs.one(before[-1].new) or {}) if before else {}
            start_day = since.day
        elif exclude:
            start = blobs.one(gitrepo.blob_at(fr, exclude)) or {}
            start_day = date.fromisoformat(gitrepo.run(fr, "show", "-s", "--format=%aI", exclude)[:10])
        end = None
        if until is not None and any(c.day > until for c in commits):
            # Looking back: the period ends as the last commit up to `until` left the file.
            commits = [c for c in commits if c.day <= until]
            end = (blobs.one(commits[-1].new) or {}) if commits else start
        return Trail(commits, trail_events(commits, blobs), start, start_day, end, _notes(fr))
    finally:
        fr.close()  # ends GitPython's own git processes now, not whenever the GC runs


def _notes(fr: FileRepo) -> list[Msg]:
    from plantrack.history.repo import run

    notes = []
    if fr.shallow:
        # The boundary commits' ids come from git's own shallow file: never user input.
        out = run(fr, "show", "-s", "--format=%aI %h", *sorted(fr.shallow))
        day, short = min(out.split("\n")).split()
        notes.append(
            Msg(
                f"this is a shallow clone: history reaches back only to {day[:10]} ({short}); "
                "run 'git fetch --unshallow' to read all of it",
                f"这是浅克隆:历史只追溯到 {day[:10]}({short});运行 'git fetch --unshallow' 获取完整历史",
            )
        )
    if fr.branch is None and fr.head is not None:
        notes.append(
            Msg(
                f"HEAD is detached at {fr.head[:7]}: showing the history that leads to it",
                f"HEAD 处于分离状态({fr.head[:7]}):显示截至该提交的历史",
            )
        )
    return notes
