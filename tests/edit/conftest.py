"""Fixtures of the edit and audit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.edit.gitrepo_helpers import LI, WANG, as_author, git, init_repo


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git config leaks in; commits are dated only where a test says so."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def _audited_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The seven commits of `audited`, made once per run (~0.7 s each time); tests get a copy."""
    import contextlib
    import io

    from plantrack.cli import main

    folder = tmp_path_factory.mktemp("audited")
    with pytest.MonkeyPatch.context() as monkeypatch:
        home = folder / "home"  # as git_env makes it, inside the work tree
        home.mkdir()
        (home / ".gitconfig").write_text("")
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
        monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PLANTRACK_LANG"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("NO_COLOR", "1")
        monkeypatch.setenv("LANG", "C.UTF-8")

        def cli(*args: str) -> tuple[int, str, str]:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
            return code, out.getvalue(), err.getvalue()

        tmp_path = folder
        path = init_repo(tmp_path, monkeypatch)
        monkeypatch.chdir(tmp_path)
        steps = [
            (WANG, "2020-06-05T17:30:00+08:00", ["done", "edu-plan", "first-draft", "--date", "2020-06-03"]),
            (LI, "2020-08-10T10:00:00+08:00", ["due", "edu-plan", "finished", "2020-09-25"]),
            (WANG, "2020-08-30T16:00:00+08:00", ["done", "edu-plan", "coordination", "--date", "2020-07-10"]),
            (
                LI,
                "2020-09-02T11:00:00+08:00",
                [
                    "add",
                    "health-plan",
                    "--kind",
                    "special",
                    "--tier",
                    "general",
                    "--owner",
                    "health",
                    "--name",
                    "区卫生健康规划",
                ],
            ),
            (WANG, "2020-09-10T15:00:00+08:00", ["note", "edu-plan", "coordination", "与市教育规划衔接: 已完成"]),
            (LI, "2020-09-12T09:00:00+08:00", ["done", "town-plan", "first-draft", "--date", "2020-09-14"]),
        ]
        for who, when, args in steps:
            as_author(monkeypatch, who, when)
            code, out, err = cli(*args, "--commit", "--lang", "en")
            assert code == 0, err
            assert out.splitlines()[-1].startswith("committed ")
        shorts = git(tmp_path, "log", "--reverse", "--format=%h").split()
        assert len(shorts) == 7
        assert path == folder / "plans.yaml"
    return folder, shorts


@pytest.fixture
def audited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, git_env, _audited_once) -> tuple[Path, list[str]]:
    """The repository after seven commits; returns (plans path, short ids oldest first)."""
    import shutil

    folder, shorts = _audited_once
    shutil.copytree(folder, tmp_path, symlinks=True, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    as_author(monkeypatch, LI, "2020-09-12T09:00:00+08:00")  # the environment the last commit left
    return tmp_path / "plans.yaml", list(shorts)
