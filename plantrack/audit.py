"""Read plans.yaml's git history into events: the glue between gitrepo and history.

`--since` takes a date or a revision. A value that parses as a date is a date
(a tag named like a date loses; write its commit id instead). With a date,
the period holds the commits whose author date is on or after it, and the
period starts from the file as the last earlier commit left it; with a
revision, the commits after it, starting from the file as it was there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from plantrack import dates, gitrepo, history, load
from plantrack.exitcodes import Exit
from plantrack.history import Event, FactReader, Facts
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError
from plantrack.suggest import did_you_mean


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
    commits: list[gitrepo.Commit]  # those in the period, oldest first
    events: list[Event]
    start: Facts  # the plans as the period found them ({} without --since)
    start_day: date | None  # the day the period starts (for a revision: its author date)
    end: Facts | None = None  # the plans as the period left them, if it ends before the last commit
    notes: list[Msg] = field(default_factory=list)  # what the user should know (shallow, detached)


class _Blobs:
    """Facts by blob id, each blob read and parsed once (history never changes)."""

    def __init__(self, repo: gitrepo.FileRepo) -> None:
        self.repo = repo
        self.reader = FactReader()
        self.cache: dict[str, Facts | None] = {}

    def load(self, ids: list[str | None]) -> None:
        wanted = list(dict.fromkeys(i for i in ids if i and i not in self.cache))
        for oid, data in gitrepo.read_blobs(self.repo, wanted):
            try:
                self.cache[oid] = self.reader.facts(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.cache[oid] = None

    def __call__(self, oid: str | None) -> Facts | None:
        if oid is None:
            return {}
        if oid not in self.cache:
            self.load([oid])
        return self.cache[oid]


def read(path: Path, display: str, since: Since | None = None, until: date | None = None) -> Trail:
    """The events of the period from `since` (else the beginning) to `until` (else the end)."""
    repo = gitrepo.open_repo(path, display)
    try:
        return _read(repo, since, until)
    finally:
        repo.repo.close()  # ends GitPython's cat-file process now, not whenever the GC runs


def _read(repo: gitrepo.FileRepo, since: Since | None, until: date | None) -> Trail:
    exclude = gitrepo.resolve(repo, since.rev) if since and since.rev else None
    commits = gitrepo.file_log(repo, exclude)
    blobs = _Blobs(repo)
    start: Facts = {}
    start_day = None
    if since and since.day:
        before = [c for c in commits if c.day < since.day]
        commits = [c for c in commits if c.day >= since.day]
        start = (blobs(before[-1].new) or {}) if before else {}
        start_day = since.day
    elif exclude:
        start = blobs(gitrepo.blob_at(repo, exclude)) or {}
        start_day = date.fromisoformat(gitrepo.run(repo, "show", "-s", "--format=%aI", exclude)[:10])
    end = None
    if until is not None and any(c.day > until for c in commits):
        # Looking back: the period ends as the last commit up to `until` left the file.
        commits = [c for c in commits if c.day <= until]
        end = (blobs(commits[-1].new) or {}) if commits else start
    blobs.load([oid for c in commits for oid in (c.old, c.new)])
    return Trail(commits, history.events(commits, blobs), start, start_day, end, _notes(repo))


def _notes(repo: gitrepo.FileRepo) -> list[Msg]:
    notes = []
    if repo.shallow:
        # The boundary commits' ids come from git's own shallow file: never user input.
        out = gitrepo.run(repo, "show", "-s", "--format=%aI %h", *sorted(repo.shallow))
        day, short = min(out.split("\n")).split()
        notes.append(
            Msg(
                f"this is a shallow clone: history reaches back only to {day[:10]} ({short}); "
                "run 'git fetch --unshallow' to read all of it",
                f"这是浅克隆:历史只追溯到 {day[:10]}({short});运行 'git fetch --unshallow' 获取完整历史",
            )
        )
    if repo.branch is None and repo.head is not None:
        notes.append(
            Msg(
                f"HEAD is detached at {repo.head[:7]}: showing the history that leads to it",
                f"HEAD 处于分离状态({repo.head[:7]}):显示截至该提交的历史",
            )
        )
    return notes


def check_target(path: Path, trail: Trail, plan: str, milestone: str | None) -> None:
    """Refuse a plan or milestone id that neither the history nor the file knows."""
    loaded, _ = load.load(path)
    now = FactReader().facts(loaded.plans_src.text) if loaded else None
    plans = {e.plan for e in trail.events} | set(trail.start) | set(now or {})
    if plan not in plans:
        hint = did_you_mean(plan, plans)
        raise PlantrackError(Msg(f"no plan {plan!r} in the history{hint.en}", f"历史中没有规划 {plan!r}{hint.zh}"), Exit.USAGE)
    if milestone is None:
        return
    known = {e.milestone for e in trail.events if e.plan == plan and e.milestone}
    for facts in (trail.start, now or {}):
        if plan in facts:
            known |= set(facts[plan].milestones)
    kind = (now or {}).get(plan, trail.start.get(plan))
    if loaded and kind and kind.kind in loaded.schedule.kinds:
        known |= set(loaded.schedule.kinds[kind.kind].milestones)  # type: ignore[index]
    if milestone not in known:
        hint = did_you_mean(milestone, known)
        raise PlantrackError(
            Msg(f"{plan!r} has no milestone {milestone!r}{hint.en}", f"{plan!r} 没有节点 {milestone!r}{hint.zh}"), 2
        )
