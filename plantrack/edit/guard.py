"""What keeps an edit safe around the file: the lock, stale temporary files, write permission.

The lock is a file beside plans.yaml (`.plans.yaml.plantrack-lock`) locked
with fcntl.flock (POSIX) or msvcrt.locking (Windows) for the whole
read–validate–write (and commit) of one edit. It holds who has it (pid,
host, command, since when), so a second edit that times out can say so.
The lock file is removed when the edit ends, so it never reaches `git add -A`:
whoever locks checks that the file they locked is still the one at the path
(an edit that removed it in between would otherwise leave two holders).

Temporary files are named `.plans.yaml.<pid>.<random>.plantrack-tmp`: one
left by a process killed mid-write (kill -9, power cut) is removed by the next
edit, which holds the lock, when its pid is no longer running or it is older
than STALE_AFTER.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import stat
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

LOCK_TIMEOUT = 10.0  # seconds an edit waits for another one to finish
LOCK_TIMEOUT_ENV = "PLANTRACK_LOCK_TIMEOUT"
STALE_AFTER = 15 * 60  # seconds: a temporary file this old is stale whoever left it
TMP_SUFFIX = ".plantrack-tmp"
LOCK_SUFFIX = ".plantrack-lock"


def lock_timeout() -> float:
    value = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    if not value:
        return LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 86400:
        raise PlantrackError(
            Msg(
                f"{LOCK_TIMEOUT_ENV}={value!r}: expected a number of seconds, e.g. {LOCK_TIMEOUT:g}",
                f"{LOCK_TIMEOUT_ENV}={value!r}：应为秒数，如 {LOCK_TIMEOUT:g}",
            )
        )
    return seconds


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


def temp_prefix(target: Path) -> str:
    """The start of this process's temporary file names for `target`: the pid says whose it is."""
    return f".{target.name}.{os.getpid()}."


def not_writable(what: Path, display: str, error: OSError) -> PlantrackError:
    reason = error.strerror or type(error).__name__
    return PlantrackError(
        Msg(
            f"cannot write in {what} ({reason}): {display} is unchanged; "
            "plantrack needs to write a temporary file and a lock file beside it",
            f"无法在 {what} 中写入（{reason}）：{display} 未改动；plantrack 需要在其旁边写入临时文件和锁文件",
        ),
        Exit.CONFLICT,
    )


def refuse_read_only(target: Path, display: str, force: bool) -> None:
    """A plans.yaml without write permission is someone's decision: respected unless --force.

    The mode bits are read, not os.access: root may write anything.
    """
    if force:
        return
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # reading reports it
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PlantrackError(
            Msg(
                f"{display} is read-only (mode {stat.S_IMODE(mode):o}): nothing written; "
                "make it writable (chmod u+w), or pass --force to edit it anyway",
                f"{display} 为只读文件（权限 {stat.S_IMODE(mode):o}）：未写入；请先设为可写（chmod u+w），或加 --force 强制编辑",
            ),
            Exit.CONFLICT,
        )


# --- the lock -------------------------------------------------------------------


def _try_lock(f: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(f: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _same_file(f: IO[bytes], path: Path) -> bool:
    try:
        a, b = os.fstat(f.fileno()), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_bytes()[:4096].decode("utf-8", "replace"))
        return f"pid {int(info['pid'])} on {str(info['host'])[:64]}, `{str(info['command'])[:80]}` since {str(info['since'])[:32]}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another plantrack edit"


def _busy(display: str, path: Path, waited: float) -> PlantrackError:
    who = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]", "?", _holder(path))
    return PlantrackError(
        Msg(
            f"{display} is being edited by {who}: waited {waited:g} s, nothing written; "
            f"run the command again (or set {LOCK_TIMEOUT_ENV} to wait longer; if no such process runs, remove {path})",
            f"{display} 正由另一编辑占用（{who}）：已等待 {waited:g} 秒，未写入；请重新运行命令"
            f"（或设置 {LOCK_TIMEOUT_ENV} 延长等待；如该进程已不存在，可删除 {path}）",
        ),
        Exit.CONFLICT,
    )


@contextlib.contextmanager
def locked(target: Path, display: str, command: str) -> Iterator[None]:
    """Hold the edit lock of `target` (plans.yaml, symlinks resolved) for the block."""
    path = lock_path(target)
    timeout = lock_timeout()
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            f = open(path, "a+b")  # noqa: SIM115 (held across the block, closed below)
        except OSError as e:
            raise not_writable(target.parent, display, e) from None
        if _try_lock(f):
            if _same_file(f, path):
                break
            f.close()  # the holder removed it as we opened it: lock the new one
            continue
        f.close()
        if time.monotonic() >= deadline:
            raise _busy(display, path, timeout)
        time.sleep(pause)
        pause = min(pause * 2, 0.02)
    try:
        _write_holder(f, command)
        yield
    finally:
        # Remove before unlocking: a waiter that then locks the old file sees it is gone.
        with contextlib.suppress(OSError):
            path.unlink()
        _unlock(f)
        f.close()


def _write_holder(f: IO[bytes], command: str) -> None:
    since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    info = {"pid": os.getpid(), "host": socket.gethostname(), "command": command, "since": since}
    with contextlib.suppress(OSError):
        f.seek(0)
        f.truncate()
        f.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
        f.flush()


# --- stale temporary files ----------------------------------------------------


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # no cheap check: age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temporary files of edits of `target` that died; call with the lock held."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"(?:(\d+)\.)?[^/\\]*" + re.escape(TMP_SUFFIX))
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if m is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        old = now - st.st_mtime > STALE_AFTER
        dead = m[1] is not None and not _alive(int(m[1]))
        if old or dead:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
