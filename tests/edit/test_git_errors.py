"""When git cannot help: each case one clear line and its own exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plantrack.exitcodes import Exit
from tests.conftest import make_district
from tests.edit.gitrepo_helpers import LI, PLANS, WANG, as_author, git, init_repo


def one_line(err: str) -> str:
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def test_not_a_repository(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = make_district(tmp_path, PLANS)
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("history", "--lang", "en")
    assert (code, out) == (Exit.NOT_A_REPO, "")
    assert (
        one_line(err) == "plantrack: plans.yaml is not in a git repository (run 'git init' there, or work in a clone)\n"
    )
    # check --history outside git: the ordinary check runs and exits as it would, with one note (issue 14).
    code, out, err = cli("check", "--history", "--lang", "en")
    assert code == cli("check", "--lang", "en")[0] and "is not in a git repository" in one_line(err)
    assert one_line(err).startswith("plantrack: --history skipped: plans.yaml is not in a git repository")
    assert out == cli("check", "--lang", "en")[1]
    # --commit outside a repository: the edit is made, the commit declined in one line.
    code, out, err = cli("done", "edu-plan", "first-draft", "--date", "2020-06-03", "--commit", "--lang", "en")
    assert code == Exit.NOT_A_REPO
    assert one_line(err) == (
        "plantrack: plans.yaml saved, not committed: plans.yaml is not in a git repository "
        "(run 'git init' there, or work in a clone)\n"
    )
    assert "first-draft:    {done: 2020-06-03}" in path.read_text(encoding="utf-8")


def test_detached_head_reads_history_but_refuses_to_commit(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    as_author(monkeypatch, WANG, "2020-06-05T17:30:00+08:00")
    assert cli("done", "edu-plan", "first-draft", "--date", "2020-06-03", "--commit")[0] == 0
    git(tmp_path, "checkout", "-q", "--detach", "HEAD")
    head = git(tmp_path, "rev-parse", "--short=7", "HEAD")
    code, out, err = cli("history", "edu-plan/first-draft", "--lang", "en")
    assert code == 0
    assert one_line(err) == f"plantrack: note: HEAD is detached at {head}: showing the history that leads to it\n"
    assert out.splitlines()[1].endswith("edu-plan/first-draft  done: 2020-06-03")
    code, out, err = cli("note", "edu-plan", "first-draft", "延误", "--commit", "--lang", "en")
    assert code == Exit.DETACHED
    assert one_line(err) == (
        f"plantrack: plans.yaml saved, not committed: HEAD is detached at {head}: switch to a branch first (git switch BRANCH)\n"
    )
    assert "note: 延误" in path.read_text(encoding="utf-8")
    assert git(tmp_path, "rev-parse", "--short=7", "HEAD") == head


def test_shallow_clone_says_how_far_back_and_how_to_fetch_more(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    init_repo(origin, monkeypatch)
    monkeypatch.chdir(origin)
    for who, when, day in (
        (WANG, "2020-06-05T17:30:00+08:00", "2020-06-03"),
        (LI, "2020-08-30T10:00:00+08:00", "2020-07-10"),
    ):
        as_author(monkeypatch, who, when)
        milestone = "first-draft" if day == "2020-06-03" else "coordination"
        assert cli("done", "edu-plan", milestone, "--date", day, "--commit")[0] == 0
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    monkeypatch.chdir(clone)
    head = git(clone, "rev-parse", "--short=7", "HEAD")
    code, out, err = cli("history", "--lang", "en")
    assert code == 0
    assert one_line(err) == (
        f"plantrack: note: this is a shallow clone: history reaches back only to 2020-08-30 ({head}); "
        "run 'git fetch --unshallow' to read all of it\n"
    )
    assert out == "no recorded changes\n"  # the boundary commit is the baseline, not a change
    # Nor is anything before the horizon taken for back-dating (coordination was back-dated, but out of sight).
    code, out, err = cli("check", "--history", "--as-of", "2020-09-15", "--lang", "en")
    assert code == 0 and "PT302" not in out and "shallow clone" in one_line(err)


def test_dubious_ownership(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("making a repository another user's needs root")
    repo = tmp_path / "repo"
    repo.mkdir()
    init_repo(repo, monkeypatch)
    subprocess.run(["chown", "-R", "65534:65534", str(repo)], check=True)
    code, out, err = cli("history", "--file", str(repo / "plans.yaml"), "--lang", "en")
    assert (code, out) == (Exit.DUBIOUS, "")
    assert one_line(err) == (
        f"plantrack: git refuses the repository at {repo}: it belongs to another user (dubious ownership); "
        f"if you trust it, run: git config --global --add safe.directory {repo}\n"
    )


def test_no_git_on_path(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    code, _, err = cli("history", "--file", str(path), "--lang", "en")
    assert code == Exit.NO_GIT
    assert one_line(err) == "plantrack: git is not installed (no 'git' on PATH): install git\n"


def test_a_revision_is_never_read_as_an_option(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    out_file = tmp_path / "pwned"
    for rev in (f"--output={out_file}", f"-o{out_file}"):
        code, _, err = cli("history", "--file", str(path), f"--since={rev}", "--lang", "en")
        assert code == 2 and "is not a revision" in one_line(err)
    code, _, err = cli("history", "--file", str(path), "--since", "mian", "--lang", "en")
    assert code == 2
    assert (
        one_line(err)
        == "plantrack: 'mian' is neither a date (YYYY-MM-DD) nor a revision of this repository; did you mean 'main'?\n"
    )
    assert not out_file.exists()


def test_no_traceback_from_a_real_process(tmp_path: Path, monkeypatch, git_env) -> None:
    """The installed entry point, as a user runs it: one line, the exit code."""
    make_district(tmp_path, PLANS)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-m", "plantrack", "history", "--lang", "en"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == Exit.NOT_A_REPO
    assert done.stdout == "" and one_line(done.stderr).startswith("plantrack: plans.yaml is not in a git repository")
