"""Find the files of a district: plans.yaml and the schedule it names.

Only names and paths here; reading them is source.py's and load.py's job.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from plantrack.i18n import Msg
from plantrack.problems import PlantrackError

PLANS_FILE = "plans.yaml"
SCHEDULES_DIR = "schedules"
# The schedule `init` writes and `plantrack rules D10` reads when none is named:
# the 14th plan's, the one scheme whose words the schedules quote. fyp15 is
# fyp14 moved five years on, to be filled with a district's own dates.
DEFAULT_SCHEDULE = "fyp14"
# A name, not a path: `schedule: ../../etc/passwd` must not read outside schedules/.
SCHEDULE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def find_plans_file(start: Path | None = None) -> Path:
    """plans.yaml in the current folder or the nearest parent that has one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / PLANS_FILE
        if candidate.is_file():
            return candidate
    raise PlantrackError(
        Msg(
            f"no {PLANS_FILE} in {here} or any parent folder: run plantrack in your district's repository, or pass --file",
            f"在 {here} 及其上级目录中找不到 {PLANS_FILE}：请在本区的仓库中运行，或用 --file 指定",
        )
    )


def bundled_dir() -> Path:
    """The schedules shipped with plantrack: inside the installed package, else the source tree's folder."""
    package = Path(__file__).resolve().parent
    installed = package / SCHEDULES_DIR
    return installed if installed.is_dir() else package.parent / SCHEDULES_DIR


def search_path(plans_path: Path) -> list[Path]:
    """The folders looked in, in order: the district's own first, the bundled last."""
    folder = plans_path.resolve().parent
    return [f / SCHEDULES_DIR for f in (folder, *folder.parents)] + [bundled_dir()]


def find_schedule(plans_path: Path, name: str) -> Path | None:
    """schedules/<name>.yaml beside plans.yaml or in a parent folder, else the bundled one; None if neither."""
    for folder in search_path(plans_path):
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


def known_schedules(plans_path: Path) -> list[str]:
    """Every schedule name find_schedule could find, for "did you mean" and for `init --schedule`."""
    return sorted({p.stem for folder in search_path(plans_path) for p in folder.glob("*.yaml")})


def display_name(path: Path) -> str:
    """A path as the user would type it: relative when inside the current folder."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- files stay inside the district -------------------------------------------


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` holding `.git` (a repository or a worktree), without running git."""
    for f in (folder, *folder.parents):
        if (f / ".git").exists():
            return f
    return None


def _inside(path: Path, root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def _linked(path: Path, up_to: Path) -> bool:
    """Whether `path` or a folder between it and `up_to` is a symbolic link."""
    for p in (path, *path.parents):
        if p == up_to or len(p.parts) < len(up_to.parts):
            return False
        if p.is_symlink():
            return True
    return False


def check_inside(plans_path: Path, file: Path | None = None) -> None:
    """Refuse plans.yaml, or a schedule found for it, that is a link out of the district.

    The district is the repository holding plans.yaml (as named), else the
    folder it is in. A link pointing outside could make plantrack read, and
    quote in messages and CI annotations, any file of the machine.
    """
    named = Path(os.path.abspath(plans_path))
    root = repository_root(named.parent) or named.parent
    path = named if file is None else Path(os.path.abspath(file))
    if file is not None and _inside(path, bundled_dir()) and not _linked(path, bundled_dir()):
        return
    if not _linked(path, root) or _inside(path, root):
        return
    shown = display_name(path)
    raise PlantrackError(
        Msg(
            f"{shown} is a link to {os.path.realpath(path)}, outside the district ({root}): "
            "plantrack reads only files inside it; copy the file in instead of linking it",
            f"{shown} 链接到 {os.path.realpath(path)}，位于本区目录（{root}）之外："
            "plantrack 只读取其中的文件；请复制该文件而不是链接",
        )
    )
