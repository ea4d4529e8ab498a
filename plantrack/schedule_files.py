"""Where a schedule named in plans.yaml (`schedule: fyp14`) is found: the one place that knows.

First the district's own `schedules/<name>.yaml`, beside plans.yaml or in
the nearest parent folder that has one (a district may adapt a schedule to
its own scheme: the local file overrides); then the schedules that ship
with plantrack (the package `plantrack.schedules`, which is the source
tree's top-level `schedules/` folder, see setup.py).
"""

from __future__ import annotations

from pathlib import Path

SCHEDULES_DIR = "schedules"


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
