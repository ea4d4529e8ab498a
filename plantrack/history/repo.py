"""The git edge: find the repository of plans.yaml, read the file's history, commit it.

Every way git can be unusable is one PlantrackError with its own exit code
and one line saying what to do. User input never reaches git as an option:
paths go after `--`, and a revision is first resolved with
`rev-parse --verify --end-of-options` to a commit id, which is all that is
passed on (GitPython's advisories came from user strings read as options).

Git itself finds the repository (`rev-parse`: importing GitPython for that cost
a read 65 ms) and runs as a subprocess with the
variables a hook exports (GIT_DIR, GIT_INDEX_FILE, ...) scrubbed, so that
plantrack run from a hook works on the repository of plans.yaml and its real
index (pre-commit learnt this the hard way), and with a timeout.

History is read the cheap way (PERFORMANCE.md): one `git log --raw` for the
commits and the file's blob ids before and after each, then every blob
through one `git cat-file --batch` process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack.exitcodes import Exit
from plantrack.history.facts import Commit
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

TIMEOUT = 120.0  # seconds for one git command; a hung credential prompt or lock must not hang CI
# What git exports to hooks and what points git at another repository or index:
# inherited by a plantrack run from a hook, they would make git read the wrong files.
HOOK_VARIABLES = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_PREFIX",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_NAMESPACE",
        "GIT_QUARANTINE_PATH",
    }
)
_RAW = re.compile(r"^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) \w+", re.M)
_NULL_ID = re.compile(r"0+")
# Who and when a new commit is by: what a test or a hook sets, and git log never reads.
_IDENTITY = frozenset(f"GIT_{who}_{what}" for who in ("AUTHOR", "COMMITTER") for what in ("NAME", "EMAIL", "DATE"))
_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@dataclass(frozen=True)
class FileRepo:
    root: Path
    rel: str  # the file, relative to the work tree, with forward slashes
    branch: str | None  # None: detached HEAD (or no commit yet and no branch)
    head: str | None  # None: no commit yet
    shallow: frozenset[str]  # the commits a shallow clone stops at; empty when complete


def _fail(en: str, zh: str, code: int) -> PlantrackError:
    return PlantrackError(Msg(en, zh), code)


def _exe() -> str:
    return os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")


def git_exe() -> str:
    """The git program to run (GIT_PYTHON_GIT_EXECUTABLE, else git on PATH)."""
    return _exe()


def git_env() -> dict[str, str]:
    """The environment git runs in: hook variables out, messages in English (they are parsed)."""
    env = {k: v for k, v in os.environ.items() if k not in HOOK_VARIABLES}
    return env | {"LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0"}


def _git_error(stderr: str, root: Path | str) -> PlantrackError:
    if "dubious ownership" in stderr:
        return _fail(
            f"git refuses the repository at {root}: it belongs to another user (dubious ownership); "
            f"if you trust it, run: git config --global --add safe.directory {root}",
            f"git 拒绝访问 {root} 的仓库：它属于其他用户（dubious ownership）；如确认可信，请运行："
            f"git config --global --add safe.directory {root}",
            Exit.DUBIOUS,
        )
    lines = [ln.strip(" '") for ln in stderr.splitlines() if ln.strip(" '")]
    said = next((ln for ln in lines if "fatal:" in ln or "error:" in ln), lines[-1] if lines else "?")
    return _fail(f"git failed: {said}", f"git 执行失败：{said}", Exit.GIT_FAILED)


def _timed_out(args: tuple[str, ...]) -> PlantrackError:
    return _fail(
        f"git {args[0]} did not finish within {TIMEOUT:g} s",
        f"git {args[0]} 在 {TIMEOUT:g} 秒内未完成",
        Exit.GIT_FAILED,
    )


def git(cwd: Path, *args: str) -> str:
    """Run one git command in `cwd`; its output without the final line break. Failures raise."""
    try:
        done = subprocess.run(
            [_exe(), *args], cwd=cwd, env=git_env(), capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise _timed_out(args) from None
    if done.returncode != 0:
        raise _git_error(done.stderr.decode("utf-8", "replace"), cwd)
    return done.stdout.decode("utf-8", "replace").removesuffix("\n")


def run(fr: FileRepo, command: str, *args: str) -> str:
    """Run one git command in the work tree; failures become PlantrackErrors."""
    return git(fr.root, command, *args)


def open_repo(path: Path, display: str) -> FileRepo:
    """The repository that holds the file at `path`, probed once for what we need."""
    if shutil.which(_exe()) is None:
        raise _fail(
            "git is not installed (no 'git' on PATH): install git",
            "未安装 git（PATH 中没有 git）：请先安装 git",
            Exit.NO_GIT,
        )
    folder = Path(os.path.realpath(path.parent))
    not_a_repo = _fail(
        f"{display} is not in a git repository (run 'git init' there, or work in a clone)",
        f"{display} 不在 git 仓库中（请在该目录运行 'git init'，或在克隆的仓库中操作）",
        Exit.NOT_A_REPO,
    )
    args = ("rev-parse", "--is-bare-repository", "--is-shallow-repository", "--git-path", "shallow", "--show-toplevel")
    try:
        done = subprocess.run(
            [_exe(), *args], cwd=folder, env=git_env(), capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise _timed_out(args) from None
    except FileNotFoundError:  # the folder is gone
        raise not_a_repo from None
    out = done.stdout.decode("utf-8", "replace").splitlines()
    err = done.stderr.decode("utf-8", "replace")
    # A bare repository answers the first questions, then refuses --show-toplevel: it has no work tree.
    if out[:1] == ["true"] or (done.returncode != 0 and "not a git repository" in err and "dubious" not in err):
        raise not_a_repo
    if done.returncode != 0:
        raise _git_error(err, folder)
    _, shallow, shallow_file, top = out
    root = Path(top)
    rel = Path(os.path.relpath(folder / path.name, root)).as_posix()
    boundary: frozenset[str] = frozenset()
    if shallow == "true":
        boundary = frozenset((folder / shallow_file).read_text().split())
    return FileRepo(root, rel, _branch(folder), _head(folder), boundary)


def _head(folder: Path) -> str | None:
    """HEAD's commit id; None before the first commit."""
    try:
        return git(folder, "rev-parse", "-q", "--verify", "HEAD^{commit}")
    except PlantrackError:  # exit 1, nothing said: no commit yet
        return None


def _branch(folder: Path) -> str | None:
    """The branch checked out (also before its first commit); None when HEAD is detached."""
    try:
        return git(folder, "symbolic-ref", "-q", "--short", "HEAD")
    except PlantrackError:  # exit 1, nothing said: detached
        return None


def resolve(fr: FileRepo, rev: str) -> str:
    """A user's revision as a commit id; refuses anything git could read as an option."""
    if not rev or rev.startswith("-"):
        raise _fail(f"{rev!r} is not a revision", f"{rev!r} 不是有效的版本", Exit.USAGE)
    try:
        return run(fr, "rev-parse", "--verify", "-q", "--end-of-options", rev + "^{commit}")
    except PlantrackError:
        from plantrack.suggest import did_you_mean

        names = run(fr, "for-each-ref", "--format=%(refname:short)").splitlines()
        hint = did_you_mean(rev, names)
        raise _fail(
            f"{rev!r} is neither a date (YYYY-MM-DD) nor a revision of this repository{hint.en}",
            f"{rev!r} 既不是日期（YYYY-MM-DD）也不是本仓库的版本{hint.zh}",
            Exit.USAGE,
        ) from None


def file_log(fr: FileRepo, exclude: str | None = None) -> list[Commit]:
    """Every non-merge commit that changed the file, oldest first, with its blob ids.

    Merges are left out: each change is shown once, in the commit that made it.
    `exclude` (a resolved commit id) leaves out it and its ancestors.
    """
    if fr.head is None:
        return []
    # HEAD's id as read in open_repo, not "HEAD": a commit made meanwhile must not
    # land in the log cached under that id.
    revs = [fr.head] + ([f"^{exclude}"] if exclude else [])
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
        # --no-abbrev (full blob ids) also lengthens %h: shorten the id here.
        day = date.fromisoformat(when[:10])
        commits.append(Commit(sha, sha[:7], author, email, day, _blob(old), _blob(new), sha in fr.shallow))
    return commits


def grows_linearly(fr: FileRepo, base: str, limit: int) -> bool:
    """Whether HEAD is `base` (an ancestor's id) plus at most `limit` commits in a line,
    each with one parent: then HEAD's file log is base's followed by `file_log(fr, base)`.

    Every commit after `base` descends from every commit of base's log, so git's
    date order, which never puts a parent after its child, puts them last.
    """
    if fr.head is None or not _COMMIT_ID.fullmatch(base):
        return False
    out = run(fr, "rev-list", "--parents", f"--max-count={limit + 1}", fr.head, f"^{base}", "--")
    expect = fr.head
    lines = out.splitlines()
    for line in lines:
        ids = line.split()
        if len(ids) != 2 or ids[0] != expect:  # a merge, a root or a shallow boundary: not a line
            return False
        expect = ids[1]
    return 0 < len(lines) <= limit and expect == base


def log_context(fr: FileRepo) -> str:
    """What besides HEAD, the path and the shallow boundary shapes `file_log`'s answer.

    A cached log is trusted only while all of it is unchanged: git's config
    (log.showRoot, log.follow, core.useReplaceRefs, ... and -c through the
    environment), the replace refs and the grafts file (both rewrite history
    as git log sees it), the GIT_ variables git is run with, and git itself.
    """
    env = git_env()
    base = env.get("GIT_REPLACE_REF_BASE") or "refs/replace/"
    grafts = fr.root / run(fr, "rev-parse", "--git-path", "info/grafts")
    exe = shutil.which(_exe()) or _exe()
    try:
        stat = os.stat(exe)
        binary = f"{exe} {stat.st_size} {stat.st_mtime_ns}"
    except OSError:
        binary = exe
    try:
        graft_text = grafts.read_text("utf-8", "replace")
    except OSError:
        graft_text = ""
    return "\0".join(
        [
            binary,
            *sorted(f"{k}={v}" for k, v in env.items() if k.startswith("GIT_") and k not in _IDENTITY),
            run(fr, "config", "-l", "-z"),
            run(fr, "for-each-ref", "--format=%(refname) %(objectname)", "--", base),
            graft_text,
        ]
    )


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
    A timer kills git if the whole read takes longer than TIMEOUT.
    """
    import threading

    if not ids:
        return
    # A large read buffer: a revision is tens of KB, and 8 KB reads cost a quarter of the time.
    proc = subprocess.Popen(
        [_exe(), "cat-file", "--batch"], cwd=fr.root, env=git_env(), bufsize=1 << 20,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout
    request = "".join(f"{oid}\n" for oid in ids).encode()

    def feed() -> None:
        try:
            stdin.write(request)
            stdin.close()
        except OSError:  # git stopped early: reported below
            pass

    writer = threading.Thread(target=feed, daemon=True)
    watchdog = threading.Timer(TIMEOUT, proc.kill)
    writer.start()
    watchdog.start()
    try:
        for oid in ids:
            header = stdout.readline().split()
            if len(header) != 3:
                if not watchdog.is_alive():
                    raise _timed_out(("cat-file",))
                raise _fail(f"git cannot read object {oid}", f"git 无法读取对象 {oid}", Exit.GIT_FAILED)
            data = stdout.read(int(header[2]))
            stdout.read(1)  # the line break after each object
            yield oid, data
    finally:
        # Stop reading first: if the caller gave up early, git sees a closed pipe and
        # quits, which lets the writer finish too.
        watchdog.cancel()
        stdout.close()
        writer.join()
        proc.wait()
