"""Edits under pressure: concurrent processes, kill -9, read-only files and folders,
a plan that did not load, arguments and files that used to end in exit 3."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plantrack.exitcodes import Exit
from tests.conftest import DISTRICT, REPO, make_district
from tests.edit.gitrepo_helpers import PLANS

ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", "PLANTRACK_LANG": "en"}


def fixture(folder: Path) -> Path:
    return make_district(folder, DISTRICT.read_bytes())


def small(folder: Path) -> Path:
    """A small district: the processes of the concurrency tests wait on each other's edits."""
    return make_district(folder, PLANS)


def spawn(path: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "plantrack", *args, "--file", str(path)],
        cwd=path.parent, env={**ENV, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def targets(path: Path, count: int) -> list[tuple[str, str]]:
    """`count` (plan, milestone) pairs of the district, each plan's milestones from the schedule."""
    from plantrack import load

    project, _ = load.load(path)
    assert project is not None
    pairs = []
    for pid, plan in project.plans.plans.items():
        for mid in project.schedule.kinds[plan.kind].milestones:
            pairs.append((pid, mid))
    return pairs[:: max(1, len(pairs) // count)][:count]


# --- 1. locks -------------------------------------------------------------------


def _forked_edits(path: Path, jobs: list[list[str]], logs: Path) -> list[tuple[int, str]]:
    """Run each job's CLI args in its own forked process, all released at once; (exit code, stderr) each.

    Forked from a process that has already imported plantrack, so the twenty
    processes contend for the file and its lock, not for the CPU to start Python.
    """
    from plantrack.cli import main

    start_r, start_w = os.pipe()
    pids = []
    for i, args in enumerate(jobs):
        pid = os.fork()
        if pid == 0:  # the child: wait for the start, run one edit, leave without cleanup
            code = 3
            try:
                os.close(start_w)
                out = os.open(logs / f"{i}.out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                err = os.open(logs / f"{i}.err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.dup2(out, 1)
                os.dup2(err, 2)
                os.read(start_r, 1)
                code = main([*args, "--file", str(path), "--lang", "en"])
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
        pids.append(pid)
    os.close(start_r)
    os.write(start_w, b"x" * len(jobs))
    os.close(start_w)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    return [(code, (logs / f"{i}.err").read_text()) for i, code in enumerate(codes)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks twenty processes")
def test_twenty_edits_at_once_twenty_times_lose_nothing(cli, tmp_path: Path, monkeypatch) -> None:
    """Each trial: 20 processes note or mark done 20 different milestones at once; every exit 0 is in the file."""
    monkeypatch.setenv("NO_COLOR", "1")
    folder = tmp_path / "district"
    folder.mkdir()
    path = small(folder)
    pristine = path.read_bytes()
    pairs = targets(path, 20)
    assert len(set(pairs)) == 20
    firsts = {pid: mid for pid, mid in reversed(pairs)}
    assert cli("note", *pairs[0], "warm-up", "--file", str(path))[0] == 0  # every lazy import done here
    # and both commands built in this process, so that the forked children reuse them (cli's cache)
    assert cli("done", pairs[0][0], firsts[pairs[0][0]], "--date", "2019-10-08", "--file", str(path))[0] == 0
    lost, refused, started = [], [], time.monotonic()
    for trial in range(20):
        path.write_bytes(pristine)
        # `done` on each plan's first step (no rule can refuse it), `note` on the others.
        jobs = [
            ["done", pid, mid, "--date", "2019-10-08"] if mid == firsts[pid] else ["note", pid, mid, f"t{trial}-{i}"]
            for i, (pid, mid) in enumerate(pairs)
        ]
        results = _forked_edits(path, jobs, tmp_path)
        text = path.read_text(encoding="utf-8")
        from plantrack import load

        project, _ = load.load(path)
        assert project is not None
        for (code, err), job in zip(results, jobs, strict=True):
            if code != 0:
                refused.append((trial, job, code, err))
                continue
            record = project.plans.plans[job[1]].milestones.get(job[2])
            if job[0] == "note" and f"note: {job[3]}" not in text and (record is None or record.note != job[3]):
                lost.append((trial, job))
            if job[0] == "done" and (record is None or str(record.done) != "2019-10-08"):
                lost.append((trial, job))
        assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == [], "a lock or temporary file was left"
    elapsed = time.monotonic() - started
    assert lost == []
    assert refused == []  # the lock serialises them: none even waits 10 s
    print(f"20 trials x 20 concurrent edits: {elapsed:.1f} s, 0 lost, {len(refused)} refused with a reason")


def test_a_held_lock_times_out_naming_its_holder(tmp_path: Path) -> None:
    path = small(tmp_path)
    before = path.read_bytes()
    slow = spawn(path, "note", "outline", "basic-ideas", "slow", PLANTRACK_TEST_PAUSE_AFTER_TEMP="5")
    lock = tmp_path / ".plans.yaml.plantrack-lock"
    for _ in range(200):
        if lock.exists() and lock.read_bytes():
            break
        time.sleep(0.02)
    fast = spawn(path, "note", "outline", "framework", "fast", PLANTRACK_LOCK_TIMEOUT="0.3")
    _, err = fast.communicate(timeout=30)
    assert fast.returncode == Exit.CONFLICT, err
    assert err.startswith(f"plantrack: plans.yaml is being edited by pid {slow.pid} on ")
    assert "`plantrack note` since 20" in err and "waited 0.3 s, nothing written" in err
    assert path.read_bytes() == before
    slow.kill()
    slow.wait()


def test_lock_timeout_must_be_a_number(cli, tmp_path: Path, monkeypatch) -> None:
    path = fixture(tmp_path)
    monkeypatch.setenv("PLANTRACK_LOCK_TIMEOUT", "soon")
    code, _, err = cli("note", "outline", "basic-ideas", "x", "--file", str(path), "--lang", "en")
    assert code == Exit.USAGE
    assert "PLANTRACK_LOCK_TIMEOUT='soon': expected a number of seconds" in err


# --- 2. kill -9 -------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX kill -9")
def test_a_temporary_file_left_by_kill_9_is_removed_by_the_next_edit(cli, tmp_path: Path) -> None:
    path = small(tmp_path)
    before = path.read_bytes()
    victim = spawn(path, "note", "outline", "basic-ideas", "killed", PLANTRACK_TEST_PAUSE_AFTER_TEMP="30")
    for _ in range(500):
        if list(tmp_path.glob(".plans.yaml.*.plantrack-tmp")):
            break
        time.sleep(0.02)
    left = list(tmp_path.glob(".plans.yaml.*.plantrack-tmp"))
    assert len(left) == 1 and f".plans.yaml.{victim.pid}." in left[0].name
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert path.read_bytes() == before  # killed before the rename: the file is untouched
    code, _, err = cli("note", "outline", "framework", "next", "--file", str(path))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_live_process_temporary_file_is_kept_an_old_one_removed(cli, tmp_path: Path) -> None:
    path = fixture(tmp_path)
    mine = tmp_path / f".plans.yaml.{os.getppid()}.abc.plantrack-tmp"  # the parent process: alive
    old = tmp_path / ".plans.yaml.x1y2z3.plantrack-tmp"  # an older plantrack's name, no pid
    other = tmp_path / ".other.yaml.1.a.plantrack-tmp"
    for f in (mine, old, other):
        f.write_text("partial")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    assert cli("note", "outline", "basic-ideas", "x", "--file", str(path))[0] == 0
    assert mine.exists() and other.exists() and not old.exists()


# --- 3. a plan that did not load ----------------------------------------------------


def with_typo(folder: Path) -> Path:
    text = DISTRICT.read_text(encoding="utf-8")
    head, _, tail = text.partition("  edu-plan:\n")
    tail = tail.replace("    tier: key\n", "    tier: key\n    typo: 1\n", 1)
    return make_district(folder, head + "  edu-plan:\n" + tail)


def test_an_edit_to_a_plan_that_did_not_load_is_refused_naming_its_problem(cli, tmp_path: Path) -> None:
    (tmp_path / "clean").mkdir()
    clean = fixture(tmp_path / "clean")
    code, _, err = cli("done", "edu-plan", "issued", "--date", "2020-09-01", "--file", str(clean), "--lang", "en")
    assert code == Exit.RULE_ERRORS and "PT208" in err
    broken = with_typo(tmp_path)
    before = broken.read_bytes()
    code, out, err = cli("done", "edu-plan", "issued", "--date", "2020-09-01", "--file", str(broken), "--lang", "en")
    assert (code, out) == (Exit.RULE_ERRORS, "")
    assert err.startswith(
        f"plantrack: edit refused, {broken} unchanged: plan 'edu-plan' has an error, so its rules cannot be checked: "
        f"{broken}:102:5: PT101 unknown key 'typo'"
    ), err
    assert broken.read_bytes() == before


def test_edits_elsewhere_are_validated_in_full(cli, tmp_path: Path) -> None:
    broken = with_typo(tmp_path)
    before = broken.read_bytes()
    code, _, err = cli("done", "health-plan", "issued", "--date", "2020-09-01", "--file", str(broken), "--lang", "en")
    assert code == Exit.RULE_ERRORS and "PT208" in err and broken.read_bytes() == before
    code, _, err = cli("note", "health-plan", "first-draft", "ok", "--file", str(broken), "--lang", "en")
    assert code == 0, err


# --- 4. no exit 3 ---------------------------------------------------------------------


def test_a_non_utf8_argument_is_exit_2(cli, tmp_path: Path) -> None:
    path = fixture(tmp_path)
    before = path.read_bytes()
    for args in (
        ("note", "outline", "basic-ideas", "\udcff"),
        ("add-unit", "xx", "--name", "\udcff", "--type", "department"),
        ("add-unit", "<<", "--name", "x", "--type", "department"),
    ):
        code, _, err = cli(*args, "--file", str(path), "--lang", "en")
        assert code == Exit.USAGE, err
        assert "not valid text" in err or "not a usable unit id" in err
    assert path.read_bytes() == before


def test_a_milestone_written_as_an_alias_is_refused_located(cli, tmp_path: Path) -> None:
    text = DISTRICT.read_text(encoding="utf-8")
    text = text.replace(
        "proposal:       {done: 2019-10-08, to: gov}", "proposal:       &p {done: 2019-10-08, to: gov}", 1
    )
    text = text.replace("first-draft:    {done: 2020-05-27}", "first-draft:    *p", 1)
    path = make_district(tmp_path, text)
    before = path.read_bytes()
    for args in (
        ("done", "edu-plan", "first-draft", "--date", "2020-05-01"),
        ("note", "edu-plan", "first-draft", "x"),
        ("reopen", "edu-plan", "first-draft"),
        ("note", "edu-plan", "first-draft", "--log", "x"),
    ):
        code, _, err = cli(*args, "--file", str(path), "--lang", "en")
        assert code == Exit.USAGE, err
        assert f"{path}:106:23: plans.edu-plan.milestones.first-draft is written with a YAML alias" in err
    assert path.read_bytes() == before


def test_a_folder_that_cannot_be_written_is_exit_4(cli, tmp_path: Path, monkeypatch) -> None:
    import tempfile

    path = fixture(tmp_path)
    before = path.read_bytes()

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    code, out, err = cli("note", "outline", "basic-ideas", "x", "--file", str(path), "--lang", "en")
    assert (code, out) == (Exit.CONFLICT, "")
    assert err == (
        f"plantrack: cannot write in {tmp_path} (Permission denied): {path} is unchanged; "
        "plantrack needs to write a temporary file and a lock file beside it\n"
    )
    assert path.read_bytes() == before


def _as_nobody() -> list[str] | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return None


def test_a_read_only_folder_as_a_real_user_is_exit_4(tmp_path: Path) -> None:
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("needs root and setpriv or runuser to act as nobody")
    folder = tmp_path / "district"
    folder.mkdir()
    path = fixture(folder)
    for p in (tmp_path, folder, folder / "schedules", *(folder / "schedules").iterdir()):
        p.chmod(0o755 if p.is_dir() else 0o644)
    path.chmod(0o666)  # the file is writable, the folder is not
    before = path.read_bytes()
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "plantrack", "note", "outline", "basic-ideas", "x", "--file", str(path)],
        env={**ENV, "HOME": "/tmp"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if "cannot write in" not in done.stderr and ("Permission denied" in done.stderr or "ModuleNotFound" in done.stderr):
        pytest.skip(f"nobody cannot run python here: {done.stderr[:200]}")
    assert done.returncode == Exit.CONFLICT, done.stderr
    assert f"cannot write in {folder} (Permission denied)" in done.stderr
    assert path.read_bytes() == before


# --- 5. a read-only file --------------------------------------------------------------


def test_a_read_only_file_is_refused_unless_forced(cli, tmp_path: Path) -> None:
    path = fixture(tmp_path)
    path.chmod(0o444)
    before = path.read_bytes()
    code, out, err = cli("note", "outline", "basic-ideas", "x", "--file", str(path), "--lang", "en")
    assert (code, out) == (Exit.CONFLICT, "")
    assert err == (
        f"plantrack: {path} is read-only (mode 444): nothing written; "
        "make it writable (chmod u+w), or pass --force to edit it anyway\n"
    )
    assert path.read_bytes() == before
    code, out, err = cli("note", "outline", "basic-ideas", "x", "--file", str(path), "--force", "--lang", "en")
    assert code == 0, err
    assert "note: x" in path.read_text(encoding="utf-8") and (path.stat().st_mode & 0o777) == 0o444


def test_a_plan_whose_kind_is_a_mapping_is_exit_2(cli, tmp_path: Path) -> None:
    """Fuzz mutant 1177: values swapped so that `kind:` holds a mapping."""
    text = DISTRICT.read_text(encoding="utf-8")
    text = text.replace("    kind: special\n", "    kind: {done: 2019-10-08}\n", 1)
    path = make_district(tmp_path, text)
    before = path.read_bytes()
    code, out, err = cli("reopen", "edu-plan", "proposal", "--file", str(path), "--lang", "en")
    assert (code, out) == (Exit.USAGE, "")
    assert err == f"plantrack: {path}: plan 'edu-plan' has no kind the schedule knows\n"
    assert path.read_bytes() == before
