"""Read plans.yaml's git history into a trail of events: one walk of the repository.

`--since` takes a date or a revision. A value that parses as a date is a date
(a tag named like a date loses; write its commit id instead). With a date,
the period holds the commits whose author date is on or after it, and the
period starts from the file as the last earlier commit left it; with a
revision, the commits after it, starting from the file as it was there.

History never changes, so what is read from it is cached by content
(plantrack.cache): the file's log under HEAD's commit id (with the path, the
shallow boundary and all else that shapes git log), the events of a run of
commits under a chained hash of their blob ids, so that a second run on an
unchanged repository walks no log, reads two cache files and no blob, and
after new commits only their blobs are read; the facts of a period's first or
last revision under its blob id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack import cache, dates
from plantrack.history.facts import Commit, Event, FactReader, Facts, PlanFacts, Trail, walk
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

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


def _facts_to_json(facts: Facts | None) -> Any:
    if facts is None:
        return None
    return {
        pid: [
            p.name,
            p.kind,
            p.owner,
            {m: list(f) for m, f in p.milestones.items()},
            p.extended,
            {m: [list(e) for e in entries] for m, entries in p.log.items()},
        ]
        for pid, p in facts.items()
    }


def _facts_from_json(data: Any) -> Facts | None:
    if data is None:
        return None
    return {
        pid: PlanFacts(
            n,
            k,
            o,
            {m: (f[0], f[1], f[2]) for m, f in ms.items()},
            ext,
            {m: tuple(map(tuple, es)) for m, es in log.items()},
        )
        for pid, (n, k, o, ms, ext, log) in data.items()
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
        k = cache.key("facts", "2", oid)  # "2": facts carry extensions and logs
        hit = cache.load_json("facts", k)
        if hit is not None:
            self.facts[oid] = _facts_from_json(hit["facts"])
        else:
            cache.store_json("facts", k, {"facts": _facts_to_json(self(oid))})
        return self.facts[oid]


NEWEST = 64  # after this many new commits, the cached run before them is not looked for


def _run_keys(commits: list[Commit]) -> list[str]:
    """keys[i]: the cache key of the run of the first i commits, chained, so every prefix has one."""
    keys = [cache.key("events")]
    for c in commits:
        keys.append(cache.key("events", keys[-1], c.old or "", c.new or "", "grafted" if c.grafted else ""))
    return keys


def _cached_run(k: str, length: int) -> tuple[list[list[Any]], str | None] | None:
    hit = cache.load_json("events", k)
    if isinstance(hit, dict) and isinstance(hit.get("events"), list) and len(hit["events"]) == length:
        return hit["events"], hit.get("last")
    return None


def trail_events(commits: list[Commit], blobs: Blobs) -> list[Event]:
    """The events of these commits, as facts.events finds them, through the cache.

    A history grows at its end: when this run of commits is not cached, the run
    without its newest commits often is (the last time plantrack read it), and
    only the commits after it are read.
    """
    keys = _run_keys(commits)
    n = len(commits)
    found = _cached_run(keys[n], n)
    if found is None:
        start = next(((i, r) for i in range(n - 1, max(n - NEWEST, 0) - 1, -1) if (r := _cached_run(keys[i], i))), None)
        done, last = start[1] if start else ([], None)
        more, last = _walk(commits[len(done) :], blobs, last)
        found = (done + more, last)
        cache.store_json("events", keys[n], {"events": found[0], "last": last})
    return [Event(c, *e) for c, per in zip(commits, found[0], strict=True) for e in per]


def _walk(commits: list[Commit], blobs: Blobs, last: str | None) -> tuple[list[list[Any]], str | None]:
    """facts.walk as plain lists, with the last readable revision as a blob id ("" for no file;
    None: none yet), so that a later run can carry on from the cache."""
    blobs.load([oid for c in commits for oid in ((c.new,) if c.grafted else (c.old, c.new))])
    per_commit, _ = walk(commits, blobs, None if last is None else blobs(last))
    last = next(((c.new or "") for c in reversed(commits) if blobs(c.new) is not None), last)
    return [[[e.plan, e.milestone, e.change, e.old, e.new] for e in found] for found in per_commit], last


def file_log(fr: FileRepo, exclude: str | None) -> list[Commit]:
    """repo.file_log through the cache: the file's log as of a commit id never changes,
    given the path, the shallow boundary and what else shapes it (repo.log_context),
    so a run on an unchanged repository asks git only what HEAD is and skips the walk.
    After new commits in a line on top of the last HEAD logged, only they are walked.
    """
    from plantrack.history import repo as gitrepo

    if fr.head is None or cache.directory() is None:
        return gitrepo.file_log(fr, exclude)
    shape = (exclude or "", fr.rel, " ".join(sorted(fr.shallow)), gitrepo.log_context(fr))
    k = cache.key("log", "1", fr.head, *shape)
    found = _cached_log(k, fr)
    if found is None:
        found = _grown_log(fr, shape) or gitrepo.file_log(fr, exclude)
        cache.store_json("log", k, [_commit_json(c) for c in found])
        cache.store_json("log-tip", cache.key("log-tip", "1", *shape), {"head": fr.head})
    return found


def _grown_log(fr: FileRepo, shape: tuple[str, ...]) -> list[Commit] | None:
    """The log as the last HEAD logged left it plus the commits since, if they are a line on top of it."""
    from plantrack.history import repo as gitrepo

    tip = cache.load_json("log-tip", cache.key("log-tip", "1", *shape))
    base = tip.get("head") if isinstance(tip, dict) else None
    if shape[0] or not isinstance(base, str) or base == fr.head:  # shape[0]: --since REV, not grown
        return None
    before = _cached_log(cache.key("log", "1", base, *shape), fr)
    try:
        if before is None or not gitrepo.grows_linearly(fr, base, NEWEST):
            return None
        return before + gitrepo.file_log(fr, base)
    except PlantrackError:  # base is gone (a rebase, then gc): walk it all
        return None


def _commit_json(c: Commit) -> list[Any]:
    return [c.sha, c.author, c.email, c.day.isoformat(), c.old, c.new]


def _cached_log(k: str, fr: FileRepo) -> list[Commit] | None:
    return _commits_from_json(cache.load_json("log", k), fr.shallow)


def _commits_from_json(data: Any, shallow: frozenset[str]) -> list[Commit] | None:
    """The cached commits, or None when the entry is not what file_log stores."""
    if not isinstance(data, list):
        return None
    commits = []
    for item in data:
        if not (isinstance(item, list) and len(item) == 6):
            return None
        sha, author, email, day, old, new = item
        if not all(isinstance(v, str) for v in (sha, author, email, day)):
            return None
        if not all(v is None or isinstance(v, str) for v in (old, new)):
            return None
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return None
        commits.append(Commit(sha, sha[:7], author, email, when, old, new, sha in shallow))
    return commits


def read(path: Path, display: str, since: Since | None = None, until: date | None = None) -> Trail:
    """The events of the period from `since` (else the beginning) to `until` (else the end)."""
    from plantrack.history import repo as gitrepo

    fr = gitrepo.open_repo(path, display)
    exclude = gitrepo.resolve(fr, since.rev) if since and since.rev else None
    commits = file_log(fr, exclude)
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
                f"这是浅克隆：历史只追溯到 {day[:10]}（{short}）；运行 'git fetch --unshallow' 获取完整历史",
            )
        )
    if fr.branch is None and fr.head is not None:
        notes.append(
            Msg(
                f"HEAD is detached at {fr.head[:7]}: showing the history that leads to it",
                f"HEAD 处于分离状态（{fr.head[:7]}）：显示截至该提交的历史",
            )
        )
    return notes
