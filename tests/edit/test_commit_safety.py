"""--commit commits exactly what plantrack wrote, under a message nobody can forge, or says why not."""

from __future__ import annotations

import os
import time
from pathlib import Path

from plantrack.exitcodes import Exit
from tests.edit.gitrepo_helpers import WANG, as_author, git, init_repo


def hook(repo: Path, name: str, body: str) -> None:
    path = repo / ".git" / "hooks" / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def staged(repo: Path) -> str:
    return git(repo, "diff", "--cached", "--name-only")


def test_an_id_cannot_forge_a_trailer(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    before = path.read_bytes()
    code, out, err = cli(
        "add-unit", "x\n\nSigned-off-by: Mallory <m@evil>", "--name", "x", "--type", "department", "--commit"
    )
    assert (code, out) == (Exit.USAGE, "") and "is not a usable unit id" in err
    assert path.read_bytes() == before and git(tmp_path, "rev-list", "--count", "HEAD") == "1"


def test_free_text_never_reaches_the_message_raw(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    as_author(monkeypatch, WANG, "2020-06-05T17:30:00+08:00")
    ref = "青政\n\nSigned-off-by: Mallory <m@evil>\x1b[2J"
    code, out, err = cli("extend", "edu-plan", "first-draft", "2020-10-31", "--by", "gov", "--ref", ref, "--commit")
    assert code == 0, err
    message = git(tmp_path, "log", "-1", "--format=%B")
    assert message == "extend: edu-plan/first-draft 2020-10-31 by gov (青政 Signed-off-by: Mallory <m@evil> [2J)"
    assert git(tmp_path, "log", "-1", "--format=%(trailers)") == ""
    assert out.splitlines()[-1].endswith(f": {message}")


def test_a_failing_hook_leaves_the_edit_saved_and_the_index_as_it_was(
    cli, tmp_path: Path, monkeypatch, git_env
) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    hook(tmp_path, "pre-commit", "echo 'lint: plans.yaml is not pretty' >&2; exit 1")
    code, _, err = cli("note", "edu-plan", "first-draft", "延误", "--commit", "--lang", "en")
    assert code == Exit.GIT_FAILED
    assert err == (
        "plantrack: plans.yaml saved, not committed: git commit failed (exit 1; a hook may have refused it): "
        "lint: plans.yaml is not pretty; the index is as it was\n"
    )
    assert "note: 延误" in path.read_text(encoding="utf-8")
    assert staged(tmp_path) == "" and git(tmp_path, "status", "--porcelain") == "M plans.yaml"
    assert git(tmp_path, "rev-list", "--count", "HEAD") == "1"


def test_a_failing_hook_keeps_what_was_staged_before(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "# staged by hand\n", encoding="utf-8")
    git(tmp_path, "add", "plans.yaml")
    staged_blob = git(tmp_path, "ls-files", "-s", "plans.yaml")
    hook(tmp_path, "pre-commit", "exit 1")
    code, _, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--include-pending", "--lang", "en")
    assert code == Exit.GIT_FAILED, err
    assert git(tmp_path, "ls-files", "-s", "plans.yaml") == staged_blob


def test_a_hook_that_never_ends_is_stopped_and_the_edit_stays(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    hook(tmp_path, "pre-commit", "sleep 600")
    monkeypatch.setenv("PLANTRACK_GIT_TIMEOUT", "1")
    started = time.monotonic()
    code, _, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--lang", "en")
    assert time.monotonic() - started < 15
    assert code == Exit.GIT_FAILED
    assert err == (
        "plantrack: plans.yaml saved, not committed: git commit (with its hooks) did not finish within 1 s "
        "and was stopped (set PLANTRACK_GIT_TIMEOUT to allow longer)\n"
    )
    assert "note: x" in path.read_text(encoding="utf-8")
    assert staged(tmp_path) == "" and not (tmp_path / ".git" / "index.lock").exists()


def test_a_plans_file_linked_into_another_repository_is_refused(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    other = tmp_path / "other"
    other.mkdir()
    real = init_repo(other, monkeypatch)
    here = tmp_path / "here"
    here.mkdir()
    git(here, "init", "-q", "-b", "main")
    (here / "plans.yaml").symlink_to(real)
    monkeypatch.chdir(here)
    before = real.read_bytes()
    code, out, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--lang", "en")
    assert (code, out) == (Exit.USAGE, "")
    assert err == (
        f"plantrack: plans.yaml is a link to {real}, outside the district ({here}): "
        "plantrack reads only files inside it; copy the file in instead of linking it\n"
    )
    assert real.read_bytes() == before


def test_a_plans_file_of_another_repository_than_the_working_folder(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    district = tmp_path / "district"
    district.mkdir()
    path = init_repo(district, monkeypatch)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git(elsewhere, "init", "-q", "-b", "main")
    monkeypatch.chdir(elsewhere)
    code, _, err = cli("note", "edu-plan", "first-draft", "x", "--file", str(path), "--commit", "--lang", "en")
    assert code == Exit.USAGE
    assert err.startswith(f"plantrack: --commit refused: {path} is in the repository at {district}, not in the one")
    assert "note: x" not in path.read_text(encoding="utf-8")


def test_an_ignored_plans_file_gets_the_reason(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "rm", "-q", "--cached", "plans.yaml")
    (tmp_path / ".gitignore").write_text("*.yaml\n")
    git(tmp_path, "add", ".gitignore")
    git(tmp_path, "commit", "-q", "-m", "ignore yaml")
    before = path.read_bytes()
    code, _, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--lang", "en")
    assert code == Exit.USAGE
    assert err == (
        "plantrack: --commit refused: git ignores plans.yaml (.gitignore:1:*.yaml); "
        "remove that line or commit it by hand with git add -f; nothing written\n"
    )
    assert path.read_bytes() == before


def test_hand_edits_are_not_swept_into_the_tools_commit(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    text = path.read_text(encoding="utf-8").replace("  edu:      {name: 区教育局", "  edu:      {name: 区教育体育局")
    path.write_text(text, encoding="utf-8")
    code, out, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--lang", "en")
    assert (code, out) == (Exit.USAGE, "")
    assert err == (
        "plantrack: --commit refused: plans.yaml has uncommitted changes (1 line(s) added, 1 removed, at line 10) "
        "that plantrack did not make; commit or undo them first (git diff -- plans.yaml), "
        "or pass --include-pending to commit them too; nothing written\n"
    )
    assert path.read_text(encoding="utf-8") == text
    code, out, err = cli("note", "edu-plan", "first-draft", "x", "--commit", "--include-pending", "--lang", "en")
    assert code == 0, err
    assert git(tmp_path, "log", "-1", "--format=%B") == (
        "note: edu-plan/first-draft\n\nAlso commits changes to this file made before the edit (--include-pending): "
        "1 line(s) added, 1 removed, at line 10"
    )
    assert git(tmp_path, "status", "--porcelain") == ""


def test_without_commit_pending_changes_do_not_matter(cli, tmp_path: Path, monkeypatch, git_env) -> None:
    path = init_repo(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    assert cli("note", "edu-plan", "first-draft", "x")[0] == 0
    assert os.path.exists(path)
