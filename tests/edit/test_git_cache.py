"""The history cache, git run safely, and the history stage of the rules.

A second run on an unchanged repository reads no blob; a damaged cache is
ignored and rewritten; a new commit is seen; outputs are the same with and
without the cache. Git ignores a hook's variables and gives up after its
timeout. The history rules read only the trail they are handed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plantrack.exitcodes import Exit
from tests.edit.gitrepo_helpers import WANG, as_author, git


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plantrack-cache"
    monkeypatch.setenv("PLANTRACK_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANTRACK_NO_CACHE", raising=False)
    return folder


COMMANDS = [
    ("history", "--lang", "en"),
    ("history", "edu-plan/coordination", "--format", "json"),
    ("changes", "--since", "2020-08-01", "--as-of", "2020-09-15", "--format", "json"),
    ("check", "--history", "--as-of", "2020-09-15", "--lang", "en"),
]


def _no_blobs(*args: object) -> None:
    raise AssertionError("a warm run read a blob")


def test_a_warm_run_reads_no_blob_and_says_the_same(cli, audited, cache_dir, monkeypatch) -> None:
    monkeypatch.setenv("PLANTRACK_NO_CACHE", "1")
    uncached = [cli(*args) for args in COMMANDS]
    assert not cache_dir.exists()
    monkeypatch.delenv("PLANTRACK_NO_CACHE")
    assert [cli(*args) for args in COMMANDS] == uncached  # cold: fills the cache
    # the history's kinds, beside the district's read cache and check's findings
    assert {p.name for p in cache_dir.iterdir()} == {
        "log",
        "log-tip",
        "events",
        "facts",
        "read",
        "check",
        "check-errors",
        "check-history",
    }
    from plantrack.history import repo

    monkeypatch.setattr(repo, "read_blobs", _no_blobs)
    assert [cli(*args) for args in COMMANDS] == uncached  # warm


def test_a_damaged_cache_is_ignored_and_rewritten(cli, audited, cache_dir) -> None:
    first = cli("history", "--lang", "en")
    entries = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert entries
    for p in entries:
        p.write_bytes(p.read_bytes()[:-3] + b"!!!")
    assert cli("history", "--lang", "en") == first
    from plantrack import cache

    for p in entries:
        assert cache.load(p.parent.name, p.name) is not None, p  # rewritten whole


def test_a_new_commit_is_seen_and_only_its_blobs_are_read(cli, audited, cache_dir, monkeypatch) -> None:
    cli("history", "--lang", "en")
    as_author(monkeypatch, WANG, "2020-09-13T10:00:00+08:00")
    assert cli("note", "edu-plan", "finished", "赶进度", "--commit", "--lang", "en")[0] == 0
    from plantrack.history import repo

    read: list[str] = []
    real = repo.read_blobs

    def counting(fr, ids):  # type: ignore[no-untyped-def]
        read.extend(ids)
        return real(fr, ids)

    monkeypatch.setattr(repo, "read_blobs", counting)
    code, out, _ = cli("history", "--lang", "en")
    assert code == 0 and out.splitlines()[-1].endswith("edu-plan/finished        note: 赶进度")
    tmp = Path(audited[0]).parent
    assert sorted(read) == sorted(git(tmp, "rev-parse", "HEAD~1:plans.yaml", "HEAD:plans.yaml").split())


# --- the file's log, cached by HEAD's id: a warm run walks no history --------------------------


def _no_log(*args: object) -> None:
    raise AssertionError("a warm run walked the log")


def _walks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, str | None]]:
    """The walks of file_log from now on: (HEAD, the commit it stops at)."""
    from plantrack.history import repo

    walked: list[tuple[str | None, str | None]] = []
    real = repo.file_log

    def counting(fr, exclude=None):  # type: ignore[no-untyped-def]
        walked.append((fr.head, exclude))
        return real(fr, exclude)

    monkeypatch.setattr(repo, "file_log", counting)
    return walked


def _uncached(cli, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    with monkeypatch.context() as m:
        m.setenv("PLANTRACK_NO_CACHE", "1")
        return cli(*args)


def test_a_warm_run_walks_no_log_and_new_commits_only_theirs(cli, audited, cache_dir, monkeypatch) -> None:
    tmp = Path(audited[0]).parent
    first = cli("history", "--lang", "en")
    from plantrack.history import repo

    with monkeypatch.context() as m:
        m.setattr(repo, "file_log", _no_log)
        assert cli("history", "--lang", "en") == first
    walked = _walks(monkeypatch)
    # the same environment as the fixture's last commit: only HEAD moves
    before = git(tmp, "rev-parse", "HEAD")
    assert cli("note", "edu-plan", "finished", "赶进度", "--commit", "--lang", "en")[0] == 0
    git(tmp, "commit", "-q", "--allow-empty", "-m", "not the file")
    code, out, _ = cli("history", "--lang", "en")
    head = git(tmp, "rev-parse", "HEAD")
    assert walked == [(head, before)] and out.startswith(first[1]) and out.endswith("note: 赶进度\n")
    assert (code, out) == _uncached(cli, monkeypatch, "history", "--lang", "en")[:2]


def test_after_a_merge_or_a_reset_the_whole_log_is_walked(cli, audited, cache_dir, monkeypatch) -> None:
    tmp = Path(audited[0]).parent
    cli("history", "--lang", "en")
    walked = _walks(monkeypatch)
    git(tmp, "checkout", "-q", "-b", "side", "HEAD~2")
    assert cli("note", "edu-plan", "finished", "支线", "--commit", "--lang", "en")[0] == 0
    git(tmp, "checkout", "-q", "main")
    git(tmp, "merge", "-q", "--no-edit", "-s", "ours", "side")  # a merge: not a line on top
    merged = cli("history", "--lang", "en")
    assert walked[-1][1] is None and merged == _uncached(cli, monkeypatch, "history", "--lang", "en")
    git(tmp, "reset", "-q", "--hard", "HEAD~3")  # HEAD behind the last logged: not a line on top
    back = cli("history", "--lang", "en")
    assert walked[-1][1] is None and back == _uncached(cli, monkeypatch, "history", "--lang", "en")
    git(tmp, "checkout", "-q", "side")  # whether or not a line on top of the last HEAD logged: the same answer
    side = cli("history", "--lang", "en")
    assert side == _uncached(cli, monkeypatch, "history", "--lang", "en")


def test_each_file_and_each_since_revision_has_its_own_log(cli, audited, cache_dir, monkeypatch) -> None:
    tmp = Path(audited[0]).parent
    (tmp / "sub").mkdir()
    (tmp / "sub" / "plans.yaml").write_text(
        audited[0].read_text(encoding="utf-8").replace("区", "县"), encoding="utf-8"
    )
    git(tmp, "add", "sub/plans.yaml")
    git(tmp, "commit", "-q", "-m", "a second district")
    runs = [
        ("history", "--lang", "en"),
        ("history", "--file", "sub/plans.yaml", "--lang", "en"),
        ("history", "--since", "HEAD~3", "--lang", "en"),
        ("history", "--since", "HEAD~5", "--lang", "en"),
    ]
    expected = [_uncached(cli, monkeypatch, *args) for args in runs]
    assert len({out for _, out, _ in expected}) == len(runs)
    assert [cli(*args) for args in runs] == expected  # cold
    assert [cli(*args) for args in runs] == expected  # warm: each from its own entry
    assert len(list((cache_dir / "log").iterdir())) == len(runs)


def test_a_deeper_shallow_clone_walks_again(cli, audited, cache_dir, tmp_path: Path, monkeypatch) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "3", f"file://{tmp_path}", str(clone))
    monkeypatch.chdir(clone)
    shallow = cli("history", "--lang", "en")
    assert "shallow clone" in shallow[2]
    assert cli("history", "--lang", "en") == shallow  # warm: the boundary commit still shows no events
    git(clone, "fetch", "-q", "--deepen", "2")  # HEAD stays; the boundary moves back
    walked = _walks(monkeypatch)
    deeper = cli("history", "--lang", "en")
    assert walked == [(git(clone, "rev-parse", "HEAD"), None)] and deeper != shallow
    assert deeper == _uncached(cli, monkeypatch, "history", "--lang", "en")


def test_git_config_that_shapes_the_log_walks_again(cli, audited, cache_dir, monkeypatch) -> None:
    tmp = Path(audited[0]).parent
    before = cli("history", "--lang", "en")
    git(tmp, "config", "log.showRoot", "false")  # the first commit's file no longer shows in git log
    walked = _walks(monkeypatch)
    after = cli("history", "--lang", "en")
    assert walked and after == _uncached(cli, monkeypatch, "history", "--lang", "en")
    assert after != before


def test_a_cached_log_of_the_wrong_shape_is_ignored_and_rewritten(cli, audited, cache_dir, monkeypatch) -> None:
    from plantrack import cache

    first = cli("history", "--lang", "en")
    (entry,) = (cache_dir / "log").iterdir()
    for bad in ({"commits": []}, [["a" * 40]], [["a" * 40, "x", "y", "not a day", None, None]], [[1, 2, 3, 4, 5, 6]]):
        assert cache.store_json("log", entry.name, bad)
        walked = _walks(monkeypatch)
        assert cli("history", "--lang", "en") == first and walked
        good = cache.load_json("log", entry.name)
        assert isinstance(good, list) and all(len(c) == 6 for c in good)


def test_git_ignores_the_variables_a_hook_exports(cli, audited, tmp_path: Path, monkeypatch) -> None:
    """Run from a hook, GIT_DIR/GIT_INDEX_FILE point elsewhere: plantrack still uses plans.yaml's repository."""
    expected = cli("history", "--lang", "en")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("GIT_DIR", str(elsewhere / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(elsewhere / "index"))
    monkeypatch.setenv("GIT_WORK_TREE", str(elsewhere))
    monkeypatch.setenv("PLANTRACK_NO_CACHE", "1")
    assert cli("history", "--lang", "en") == expected
    as_author(monkeypatch, WANG, "2020-09-13T10:00:00+08:00")
    code, _, err = cli("note", "edu-plan", "finished", "赶进度", "--commit", "--lang", "en")
    assert (code, err) == (0, "")
    monkeypatch.delenv("GIT_DIR")
    monkeypatch.delenv("GIT_INDEX_FILE")
    monkeypatch.delenv("GIT_WORK_TREE")
    assert git(tmp_path, "log", "-1", "--format=%s") == "note: edu-plan/finished"
    assert git(tmp_path, "status", "--porcelain", "-uno") == ""
    assert not (elsewhere / "index").exists()


def test_git_that_hangs_is_stopped_after_the_timeout(cli, audited, tmp_path: Path, monkeypatch) -> None:
    hanging = tmp_path / "bin" / "git"
    hanging.parent.mkdir()
    hanging.write_text("#!/bin/sh\nexec sleep 30\n")
    hanging.chmod(0o755)
    from plantrack.history import repo

    monkeypatch.setattr(repo, "TIMEOUT", 0.5)
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", str(hanging))
    code, out, err = cli("history", "--lang", "en")
    assert (code, out) == (Exit.GIT_FAILED, "")
    assert err == "plantrack: git rev-parse did not finish within 0.5 s\n"


# --- the history stage: rules on a trail made by hand, no repository ---------------------------


def _stage(tmp_path: Path, recorded_on: date, done: str) -> list[str]:
    from plantrack import load, rules
    from plantrack.history.facts import Commit, Event
    from plantrack.history.trail import Trail
    from tests.conftest import make_district
    from tests.edit.gitrepo_helpers import PLANS

    path = make_district(tmp_path, PLANS.replace("{done: 2019-10-25}", f"{{done: {done}}}"))
    loaded, _ = load.load(path)
    assert loaded is not None
    c = Commit("a" * 40, "aaaaaaa", "李伟", "l@x", recorded_on, old="b" * 40, new="c" * 40)
    trail = Trail([c], [Event(c, "edu-plan", "start-approval", "done", None, done)], {}, None)
    ctx = rules.Context(loaded, date(2020, 9, 15), trail=trail, backdate_days=7)
    assert rules.run(ctx, rules.RULES, "file") == rules.run(rules.Context(loaded, date(2020, 9, 15)))
    return [f"{p.line}:{p.column} {p.code} {p.msg.en}" for p in rules.run(ctx, rules.RULES, "history")]


def test_history_stage_warns_on_a_back_dated_entry(tmp_path: Path) -> None:
    assert _stage(tmp_path, date(2019, 11, 25), "2019-10-25") == [
        "24:30 PT302 edu-plan/start-approval done 2019-10-25 was first recorded on 2019-11-25 (aaaaaaa, 李伟), "
        "31 days later (more than 7): back-dated?"
    ]


def test_history_stage_warns_on_an_entry_made_before_it_happened(tmp_path: Path) -> None:
    assert _stage(tmp_path, date(2019, 10, 20), "2019-10-25") == [
        "24:30 PT303 edu-plan/start-approval done 2019-10-25 was recorded on 2019-10-20 (aaaaaaa, 李伟), before it happened"
    ]


def test_history_stage_passes_an_entry_made_in_time(tmp_path: Path) -> None:
    assert _stage(tmp_path, date(2019, 10, 30), "2019-10-25") == []


def test_history_stage_without_a_trail_finds_nothing(tmp_path: Path) -> None:
    from plantrack import load, rules
    from tests.conftest import make_district
    from tests.edit.gitrepo_helpers import PLANS

    loaded, _ = load.load(make_district(tmp_path, PLANS))
    assert loaded is not None
    assert rules.run(rules.Context(loaded, date(2020, 9, 15)), rules.RULES, "history") == []


# --- the cached walk gives what facts.events gives, unreadable revisions included ----------


def test_events_per_commit_match_the_pure_walk_cold_and_warm(tmp_path: Path, monkeypatch) -> None:
    import random

    from plantrack.history import facts, trail
    from plantrack.history.facts import Commit, PlanFacts

    monkeypatch.delenv("PLANTRACK_NO_CACHE", raising=False)
    rng = random.Random(11)
    # Blob "bN" holds revision N; None stands for a revision that is not readable YAML.
    revisions: dict[str, facts.Facts | None] = {}
    for n in range(40):
        if rng.random() < 0.2:
            revisions[f"b{n}"] = None
        else:
            done = {f"m{i}": (None, f"2020-0{1 + rng.randrange(9)}-01", None) for i in range(rng.randrange(3))}
            revisions[f"b{n}"] = {f"p{rng.randrange(3)}": PlanFacts("name", "special", "edu", done)}

    class FakeBlobs:
        def load(self, ids: list[str | None]) -> None:
            pass

        def __call__(self, oid: str | None) -> facts.Facts | None:
            return {} if not oid else revisions[oid]

    def log(seed: int) -> list[Commit]:
        r = random.Random(seed)
        ids: list[str | None] = [None, *revisions]
        out, prev = [], None
        for n in range(60):
            new = r.choice(ids) if n % 7 else None  # now and then the file is deleted
            old = prev if r.random() < 0.8 else r.choice(ids)  # merges: another parent
            out.append(
                Commit(f"{seed}-{n}", "x", "a", "e", date(2020, 1, 1), old, new, grafted=(n == 0 and seed % 2 == 0))
            )
            prev = new
        return out

    for seed in range(6):
        monkeypatch.setenv("PLANTRACK_CACHE_DIR", str(tmp_path / f"cache-{seed}"))
        commits = log(seed)
        cut = 40 + seed  # the history as an earlier run saw it
        for run, part in [("cold", commits[:cut]), ("after new commits", commits), ("warm", commits)]:
            expected = [[e.plan, e.milestone, e.change, e.old, e.new] for e in facts.events(part, FakeBlobs())]
            got = [[e.plan, e.milestone, e.change, e.old, e.new] for e in trail.trail_events(part, FakeBlobs())]
            assert got == expected, (seed, run)


def test_a_grown_log_is_the_log_git_walks(cli, tmp_path: Path, monkeypatch, git_env, cache_dir) -> None:
    """Branches, merges and skewed clocks at random: after each step the cached history is git's own."""
    import os
    import random
    import subprocess

    from tests.edit.gitrepo_helpers import init_repo

    rng = random.Random(11)
    repo = tmp_path / "r"
    repo.mkdir()
    plans = init_repo(repo, monkeypatch)
    monkeypatch.chdir(repo)

    def g(*args: str) -> None:
        day = f"20{rng.randint(10, 30)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00+08:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}  # this commit only
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    branches, grown = ["main"], 0
    for step in range(50):
        op = rng.random()
        if op < 0.4:
            with plans.open("a", encoding="utf-8") as f:
                f.write(f"  p{step}: {{name: 规划{step}, kind: special, owner: edu}}\n")
            g("commit", "-q", "-am", f"plan {step}")
        elif op < 0.5:
            (repo / "notes.txt").write_text(str(step))
            g("add", "notes.txt")
            g("commit", "-q", "-m", f"notes {step}")
        elif op < 0.65:
            branches.append(f"b{step}")
            g("checkout", "-q", "-b", branches[-1])
        elif op < 0.8:
            g("checkout", "-q", rng.choice(branches))
        else:
            g("merge", "-q", "--no-ff", "--no-edit", "-X", rng.choice(["ours", "theirs"]), rng.choice(branches))
        walked = _walks(monkeypatch)
        assert cli("history", "--lang", "en") == _uncached(cli, monkeypatch, "history", "--lang", "en"), step
        grown += any(stop is not None for _, stop in walked)
    assert grown >= 5


# --- check --history's findings, found again by the trail's commits ---------------------------


def _no_load(*args: object, **kwargs: object) -> None:
    raise AssertionError("a warm check --history read the district")


def test_check_history_is_found_again_until_a_commit_changes_it(cli, audited, cache_dir, monkeypatch) -> None:
    args = ("check", "--history", "--as-of", "2020-09-15", "--lang", "en")
    first = cli(*args)
    from plantrack import load

    with monkeypatch.context() as m:
        m.setattr(load, "load", _no_load)
        assert cli(*args) == first  # warm: neither stage reads the district, the answer is the same
    # A back-dated record in a new commit: the history stage's findings change, the file's do not.
    as_author(monkeypatch, WANG, "2020-09-14T10:00:00+08:00")
    assert cli("done", "edu-plan", "coordination", "--date", "2020-08-01", "--commit", "--lang", "en")[0] == 0
    again = cli(*args)
    assert again == _uncached(cli, monkeypatch, *args)
    assert "PT302" in again[1] and again != first
