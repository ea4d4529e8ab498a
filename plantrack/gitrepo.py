"""The git edge: find the repository of plans.yaml, read the file's history, commit it.

Every way git can be unusable is one PlantrackError with its own exit code
and one line saying what to do (EXIT_* below). User input never reaches git
as an option: paths go after `--`, and a revision is first resolved with
`rev-parse --verify --end-of-options` to a commit id, which is all that is
passed on (GitPython's advisories came from user strings read as options).

History is read the cheap way (PERFORMANCE.md): one `git log --raw` for the
commits and the file's blob ids before and after each, then every blob
through one `git cat-file --batch` process.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

_RAW = re.compile(r"^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) \w+", re.M)
_NULL_ID = re.compile(r"0+")


@dataclass(frozen=True)
class FileRepo:
    repo: Any  # git.Repo; typed loosely so importing this module does not import git
    root: Path
    rel: str  # the file, relative to the work tree, with forward slashes
    branch: str | None  # None: detached HEAD (or no commit yet and no branch)
    head: str | None  # None: no commit yet
    shallow: frozenset[str]  # the commits a shallow clone stops at; empty when complete


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    author: str
    email: str
    day: date  # the author date, in the author's time zone: it survives rebases
    old: str | None  # the file's blob before this commit (None: not there)
    new: str | None  # ... and after it
    grafted: bool = False  # a shallow clone's boundary: its "before" is unknown


def _fail(en: str, zh: str, code: int) -> PlantrackError:
    return PlantrackError(Msg(en, zh), code)


def _git_error(e: Any, root: Path | str) -> PlantrackError:
    stderr = str(getattr(e, "stderr", "") or e)
    if "dubious ownership" in stderr:
        return _fail(
            f"git refuses the repository at {root}: it belongs to another user (dubious ownership); "
            f"if you trust it, run: git config --global --add safe.directory {root}",
            f"git 拒绝访问 {root} 的仓库:它属于其他用户(dubious ownership);如确认可信,请运行:"
            f"git config --global --add safe.directory {root}",
            Exit.DUBIOUS,
        )
    lines = [ln.strip(" '") for ln in stderr.splitlines() if ln.strip(" '")]
    said = next((ln for ln in lines if "fatal:" in ln or "error:" in ln), lines[-1] if lines else "?")
    said = said[said.find("stderr:") + 7 :].strip(" '") if "stderr:" in said else said
    return _fail(f"git failed: {said}", f"git 执行失败:{said}", Exit.GIT_FAILED)


def run(fr: FileRepo, command: str, *args: str) -> str:
    """Run one git command in the work tree; failures become PlantrackErrors."""
    import git

    try:
        return str(getattr(fr.repo.git, command.replace("-", "_"))(*args))
    except git.GitCommandError as e:
        raise _git_error(e, fr.root) from None


def open_repo(path: Path, display: str) -> FileRepo:
    """The repository that holds the file at `path`, probed once for what we need."""
    exe = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")
    if shutil.which(exe) is None:
        raise _fail(
            "git is not installed (no 'git' on PATH): install git",
            "未安装 git(PATH 中没有 git):请先安装 git",
            Exit.NO_GIT,
        )
    import git

    folder = Path(os.path.realpath(path.parent))
    try:
        repo = git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        repo = None
    if repo is None or repo.bare:
        raise _fail(
            f"{display} is not in a git repository (run 'git init' there, or work in a clone)",
            f"{display} 不在 git 仓库中(请在该目录运行 'git init',或在克隆的仓库中操作)",
            Exit.NOT_A_REPO,
        )
    try:
        shallow, shallow_file, top = repo.git.rev_parse(
            "--is-shallow-repository", "--git-path", "shallow", "--show-toplevel"
        ).splitlines()
    except git.GitCommandError as e:
        raise _git_error(e, folder) from None
    root = Path(top)
    rel = Path(os.path.relpath(folder / path.name, root)).as_posix()
    boundary: frozenset[str] = frozenset()
    if shallow == "true":
        boundary = frozenset((root / shallow_file).read_text().split())
    try:
        head: str | None = repo.head.commit.hexsha
    except ValueError:  # no commit yet
        head = None
    branch = None if repo.head.is_detached else repo.head.reference.name
    return FileRepo(repo, root, rel, branch, head, boundary)


def commit_file(fr: FileRepo, message: str) -> str:
    """Commit only this file (other staged changes stay staged); returns the short id."""
    if fr.branch is None:
        raise _fail(
            f"HEAD is detached at {str(fr.head)[:7]}: switch to a branch first (git switch BRANCH)",
            f"HEAD 处于分离状态({str(fr.head)[:7]}):请先切换到分支(git switch 分支名)",
            Exit.DETACHED,
        )
    run(fr, "add", "--", fr.rel)
    # With paths, `git commit` takes only them (--only): a colleague's staged work stays staged.
    run(fr, "commit", "-q", "-m", message, "--", fr.rel)
    return run(fr, "rev-parse", "--short", "HEAD")


def resolve(fr: FileRepo, rev: str) -> str:
    """A user's revision as a commit id; refuses anything git could read as an option."""
    if not rev or rev.startswith("-"):
        raise _fail(f"{rev!r} is not a revision", f"{rev!r} 不是有效的版本", Exit.USAGE)
    try:
        return str(fr.repo.git.rev_parse("--verify", "-q", "--end-of-options", rev + "^{commit}"))
    except Exception:
        from plantrack.suggest import did_you_mean

        names = [r.name for r in fr.repo.refs]
        hint = did_you_mean(rev, names)
        raise _fail(
            f"{rev!r} is neither a date (YYYY-MM-DD) nor a revision of this repository{hint.en}",
            f"{rev!r} 既不是日期(YYYY-MM-DD)也不是本仓库的版本{hint.zh}",
            2,
        ) from None


def file_log(fr: FileRepo, exclude: str | None = None) -> list[Commit]:
    """Every non-merge commit that changed the file, oldest first, with its blob ids.

    Merges are left out: each change is shown once, in the commit that made it.
    `exclude` (a resolved commit id) leaves out it and its ancestors.
    """
    if fr.head is None:
        return []
    revs = ["HEAD"] + ([f"^{exclude}"] if exclude else [])
    out = run(
        fr, "log", "--no-merges", "--date-order", "--reverse", "--raw", "--no-abbrev", "--no-renames",
        "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI", *revs, "--", fr.rel,
    )  # fmt: skip
    commits = []
    for record in out.split("\x1e")[1:]:
        head, _, raw = record.partition("\n")
        sha, author, email, when = head.split("\x1f")
        m = _RAW.search(raw)
        old, new = (m[1], m[2]) if m else (None, None)
        commits.append(
            # --no-abbrev (full blob ids) also lengthens %h: shorten the id here.
            Commit(
                sha, sha[:7], author, email, date.fromisoformat(when[:10]), _blob(old), _blob(new), sha in fr.shallow
            )
        )
    return commits


def _blob(oid: str | None) -> str | None:
    return None if oid is None or _NULL_ID.fullmatch(oid) else oid


def blob_at(fr: FileRepo, sha: str) -> str | None:
    """The file's blob id at a commit (None if the file is not there)."""
    out = run(fr, "ls-tree", "--full-tree", sha, "--", fr.rel)
    return out.split()[2] if out else None


def read_blobs(fr: FileRepo, ids: list[str]) -> Iterator[tuple[str, bytes]]:
    """Blob contents through one `git cat-file --batch` process.

    The ids are written from a thread while the answers are read here: one
    round trip per blob (GitPython's get_object_data) cost a third of the time.
    """
    import subprocess
    import threading

    if not ids:
        return
    proc = fr.repo.git.cat_file("--batch", as_process=True, istream=subprocess.PIPE)
    request = "".join(f"{oid}\n" for oid in ids).encode()

    def feed() -> None:
        with contextlib.suppress(OSError):  # git stopped early: reported below
            proc.stdin.write(request)
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for oid in ids:
            header = proc.stdout.readline().split()
            if len(header) != 3:
                raise _fail(f"git cannot read object {oid}", f"git 无法读取对象 {oid}", Exit.GIT_FAILED)
            data = proc.stdout.read(int(header[2]))
            proc.stdout.read(1)  # the line break after each object
            yield oid, data
    finally:
        # Stop reading first: if the caller gave up early, git sees a closed pipe and
        # quits, which lets the writer finish too.
        proc.proc.stdout.close()
        writer.join()
        proc.proc.wait()
