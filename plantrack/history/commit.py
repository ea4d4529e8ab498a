"""`--commit`: commit exactly what plantrack wrote, or say why not.

Checked before the file is written (a refusal writes nothing):
- the file is in the repository it is named in and of the working folder
  (a plans.yaml that is a link into another repository is refused);
- git does not ignore it (the reason: the .gitignore line that does);
- it has no uncommitted changes of its own, which would be swept into the
  tool's commit under a message naming only the tool's change (issue 14):
  refused with a summary, unless --include-pending, and then the message says so.

At commit time: the subject is one line built from the edit's message with
every control character gone (no forged trailers); hooks run under a timeout
(PLANTRACK_GIT_TIMEOUT, default 60 s) in their own process group, killed with
it; a commit that fails puts the file's index entry back as it was.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from plantrack.exitcodes import Exit
from plantrack.history import repo as gitrepo
from plantrack.history.repo import FileRepo
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

COMMIT_TIMEOUT = 60.0
COMMIT_TIMEOUT_ENV = "PLANTRACK_GIT_TIMEOUT"
SUBJECT_MAX = 120
# Line breaks, C0/C1 controls, bidi overrides, zero-width and separator characters.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+")


@dataclass
class Prepared:
    fr: FileRepo | None
    deferred: PlantrackError | None  # not a repository, no git: reported after the edit is saved
    pending: Msg | None = None  # uncommitted changes included with --include-pending
    index_entry: str = ""  # `git ls-files -s` of the file before the commit


def _refuse(en: str, zh: str, code: int = Exit.USAGE) -> PlantrackError:
    return PlantrackError(Msg(f"{en}; nothing written", f"{zh}；未写入"), code)


def commit_timeout() -> float:
    value = os.environ.get(COMMIT_TIMEOUT_ENV, "").strip()
    if not value:
        return COMMIT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 86400:
        raise PlantrackError(
            Msg(
                f"{COMMIT_TIMEOUT_ENV}={value!r}: expected a number of seconds, e.g. {COMMIT_TIMEOUT:g}",
                f"{COMMIT_TIMEOUT_ENV}={value!r}：应为秒数，如 {COMMIT_TIMEOUT:g}",
            )
        )
    return seconds


def subject(message: str) -> str:
    """One safe line: control characters and line breaks become spaces, the length is capped."""
    line = " ".join(_UNSAFE.sub(" ", message).split())
    return line if len(line) <= SUBJECT_MAX else line[: SUBJECT_MAX - 1] + "…"


def _toplevel(folder: Path) -> Path | None:
    try:
        return Path(os.path.realpath(gitrepo.git(folder, "rev-parse", "--show-toplevel")))
    except PlantrackError:
        return None


def prepare(path: Path, display: str, include_pending: bool) -> Prepared:
    try:
        fr = gitrepo.open_repo(path, display)
    except PlantrackError as e:
        if e.exit_code in (Exit.NOT_A_REPO, Exit.NO_GIT):
            return Prepared(None, e)
        raise
    fr = _same_repository(fr, path, display)
    _not_ignored(fr, display)
    pending = _pending(fr, display, include_pending)
    entry = gitrepo.run(fr, "ls-files", "-s", "--", fr.rel)
    return Prepared(fr, None, pending, entry)


def _same_repository(fr: FileRepo, path: Path, display: str) -> FileRepo:
    """The repository of the file's bytes must be the one it is named in and the working folder's.

    Returns the FileRepo of the bytes: a plans.yaml that is a link inside the
    repository commits the file it points to, which is what the edit changed.
    """
    root = Path(os.path.realpath(fr.root))
    real = Path(os.path.realpath(path))
    holder = _toplevel(real.parent)
    if holder != root:
        raise _refuse(
            f"--commit refused: {display} is a link into another repository ({holder or real.parent}), "
            f"not the one it is named in ({root})",
            f"已拒绝 --commit：{display} 链接到另一个仓库（{holder or real.parent}），而非其所在的仓库（{root}）",
        )
    here = _toplevel(Path.cwd())
    if here is not None and here != root:
        raise _refuse(
            f"--commit refused: {display} is in the repository at {root}, not in the one of the working folder ({here}); "
            "run plantrack from inside that repository",
            f"已拒绝 --commit：{display} 位于 {root} 的仓库，而非当前目录所在的仓库（{here}）；请在该仓库内运行",
        )
    return dataclasses.replace(fr, rel=real.relative_to(root).as_posix())


def _not_ignored(fr: FileRepo, display: str) -> None:
    if gitrepo.run(fr, "ls-files", "--", fr.rel):
        return  # tracked: git add takes it whatever .gitignore says
    try:
        why = gitrepo.run(fr, "check-ignore", "-v", "--", fr.rel)
    except PlantrackError:
        return  # exit 1: not ignored
    source = subject(why.split("\t")[0]) if why else "?"
    raise _refuse(
        f"--commit refused: git ignores {display} ({source}); remove that line or commit it by hand with git add -f",
        f"已拒绝 --commit：git 忽略了 {display}（{source}）；请删除该规则，或手动 git add -f 提交",
    )


def _pending(fr: FileRepo, display: str, include: bool) -> Msg | None:
    """A summary of the file's uncommitted changes, None if there are none; refused unless `include`."""
    summary = pending_summary(fr)
    if summary is None:
        return None
    if include:
        return summary
    raise _refuse(
        f"--commit refused: {display} has uncommitted changes ({summary.en}) that plantrack did not make; "
        "commit or undo them first (git diff -- plans.yaml), or pass --include-pending to commit them too",
        f"已拒绝 --commit：{display} 有不是 plantrack 做的未提交修改（{summary.zh}）；"
        "请先提交或撤销（git diff -- plans.yaml），或加 --include-pending 一并提交",
    )


def pending_summary(fr: FileRepo) -> Msg | None:
    if fr.head is None or gitrepo.blob_at(fr, "HEAD") is None:
        return Msg("a new file, never committed", "新文件，从未提交")
    diff = gitrepo.run(fr, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "HEAD", "--", fr.rel)
    if not diff:
        return None
    added = removed = 0
    lines: list[str] = []
    for row in diff.splitlines():
        if row.startswith("@@"):
            m = re.match(r"@@ -\d+(?:,\d+)? \+(\d+)", row)
            if m and len(lines) < 5:
                lines.append(m[1])
        elif row.startswith("+") and not row.startswith("+++"):
            added += 1
        elif row.startswith("-") and not row.startswith("---"):
            removed += 1
    where = ", ".join(lines)
    return Msg(
        f"{added} line(s) added, {removed} removed, at line {where}",
        f"新增 {added} 行，删除 {removed} 行，位于第 {where} 行",
    )


def commit(prepared: Prepared, message: str) -> tuple[str, str]:
    """Commit only the file; returns the short id and the subject written."""
    if prepared.deferred is not None:
        raise prepared.deferred
    fr = prepared.fr
    assert fr is not None
    if fr.branch is None:
        raise PlantrackError(
            Msg(
                f"HEAD is detached at {str(fr.head)[:7]}: switch to a branch first (git switch BRANCH)",
                f"HEAD 处于分离状态（{str(fr.head)[:7]}）：请先切换到分支（git switch 分支名）",
            ),
            Exit.DETACHED,
        )
    line = subject(message)
    body = ""
    if prepared.pending is not None:
        body = "\n\nAlso commits changes to this file made before the edit (--include-pending): " + subject(
            prepared.pending.en
        )
    gitrepo.run(fr, "add", "--", fr.rel)
    try:
        _commit(fr, line + body)
    except BaseException:
        _restore_index(fr, prepared.index_entry)
        raise
    return gitrepo.run(fr, "rev-parse", "--short", "HEAD"), line


def _commit(fr: FileRepo, message: str) -> None:
    """`git commit` of the file alone, hooks and all, killed with its hooks after the timeout."""
    timeout = commit_timeout()
    # With paths, `git commit` takes only them (--only): a colleague's staged work stays staged.
    args = [gitrepo.git_exe(), "commit", "-q", "--file=-", "--", fr.rel]
    posix = sys.platform != "win32"
    proc = subprocess.Popen(
        args, cwd=fr.root, env=gitrepo.git_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=posix,
    )  # fmt: skip
    try:
        out, err = proc.communicate(message.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        raise PlantrackError(
            Msg(
                f"git commit (with its hooks) did not finish within {timeout:g} s and was stopped "
                f"(set {COMMIT_TIMEOUT_ENV} to allow longer)",
                f"git commit（含钩子）在 {timeout:g} 秒内未完成，已终止（可设置 {COMMIT_TIMEOUT_ENV} 延长）",
            ),
            Exit.GIT_FAILED,
        ) from None
    if proc.returncode != 0:
        said = _last_line(err.decode("utf-8", "replace") or out.decode("utf-8", "replace"))
        raise PlantrackError(
            Msg(
                f"git commit failed (exit {proc.returncode}; a hook may have refused it): {said}; "
                "the index is as it was",
                f"git commit 失败（退出码 {proc.returncode}，可能被钩子拒绝）：{said}；暂存区已恢复原状",
            ),
            Exit.GIT_FAILED,
        )


def _last_line(text: str) -> str:
    lines = [subject(ln) for ln in text.splitlines() if ln.strip()]
    found = next((ln for ln in lines if "fatal:" in ln or "error:" in ln), lines[-1] if lines else "?")
    return found[:200]


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    """Stop git and its hooks: TERM first (git then removes its index.lock), KILL if that is not enough."""
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        try:
            if posix:
                os.killpg(proc.pid, sig)
            else:
                proc.kill()
        except OSError:
            pass
        try:
            proc.communicate(timeout=3)
            return
        except subprocess.TimeoutExpired:
            continue


def _restore_index(fr: FileRepo, entry: str) -> None:
    """Put the file's index entry back as it was before `git add` (or take it out if it had none)."""
    try:
        if entry:
            meta, _, _ = entry.partition("\t")
            mode, blob, _stage = meta.split()
            gitrepo.run(fr, "update-index", "--cacheinfo", f"{mode},{blob},{fr.rel}")
        else:
            gitrepo.run(fr, "rm", "-q", "--cached", "--", fr.rel)
    except (PlantrackError, ValueError):
        pass  # the commit's own failure is what the user needs to hear
