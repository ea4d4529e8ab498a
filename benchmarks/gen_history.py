"""Generate a git repository whose plans.yaml has N commits of edits, for timing `plantrack history`.

    python benchmarks/gen_history.py OUTDIR --commits N [--plans P] [--seed S]

Starts from benchmarks/gen_district.py's district of P plans, then makes N
commits, each one edit made through plantrack's own surgical edits (a note,
a due date or a done date on a random milestone; not validated, since only the
history is timed), alternating two authors, one day apart.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from plantrack import load  # noqa: E402
from plantrack.edit import ops  # noqa: E402


def git(folder: Path, *args: str, when: date | None = None, who: str = "李伟") -> None:
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1")
    if when is not None:
        stamp = f"{when.isoformat()}T10:00:00+08:00"
        env |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    env |= {f"GIT_{r}_NAME": who for r in ("AUTHOR", "COMMITTER")}
    env |= {f"GIT_{r}_EMAIL": "bench@example.cn" for r in ("AUTHOR", "COMMITTER")}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out: Path = args.outdir
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gen_district.py"), str(out), "--plans", str(args.plans), "--seed", str(args.seed)],
        check=True, capture_output=True,
    )  # fmt: skip
    path = out / "plans.yaml"
    git(out, "init", "-q", "-b", "main")
    day = date(2019, 10, 1)
    git(out, "add", "plans.yaml", "schedules")
    git(out, "commit", "-q", "-m", "initial", when=day)
    rng = random.Random(args.seed)
    loaded, _ = load.load(path)
    assert loaded is not None
    plans = list(loaded.plans.plans.items())
    for i in range(args.commits):
        text = path.read_text(encoding="utf-8")
        pid, plan = rng.choice(plans)
        mid = rng.choice(list(loaded.schedule.kinds[plan.kind].milestones))  # type: ignore[index]
        what = rng.choice(["note", "due", "done"])
        if what == "note":
            change = ops.note(loaded, text, pid, mid, f"第{i}次更新:进展顺利")
        elif what == "due":
            change = ops.due(loaded, text, pid, mid, (day + timedelta(days=30)).isoformat())
        else:
            change = ops.done(loaded, text, pid, mid, day - timedelta(days=rng.randint(0, 20)), None)
        path.write_text(change.text, encoding="utf-8")
        day += timedelta(days=1)
        git(out, "commit", "-q", "-a", "-m", change.message or "edit", when=day, who=("李伟", "Wang Fang")[i % 2])
    print(f"{out}: {args.commits + 1} commits, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
