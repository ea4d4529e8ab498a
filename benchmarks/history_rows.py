"""The history rows of benchmarks/run.py: `history` and `check --history` on a generated repository.

Each plantrack row sits beside its yardstick, timed in the same run:

- `plantrack history` against `git log --raw` (issue goal: at most 5×);
- `plantrack check --history` against plain `check` in the same repository (at most 3×).

"cold" runs start from an empty plantrack cache (a fresh PLANTRACK_CACHE_DIR
before every timed run), "warm" ones from the cache an untimed run just before filled,
"new commit" ones from a cache filled by a run in a worktree at HEAD~1 (as when
one commit came after the last run).
The repository comes from gen_history.py and is kept under benchmarks/.cache/,
keyed by the number of commits and a hash of the generators and schedules.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
CACHE = BENCH / ".cache"
AS_OF = "2020-09-15"


@dataclass
class HistRow:
    what: str
    argv: tuple[str, ...]
    # Before each run: "cold" empties plantrack's cache; "new commit" also reads HEAD~1 then;
    # "warm" runs the command once untimed (whatever the rows before left in the cache).
    before: str | None = None
    times: list[float] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def repository(commits: int) -> Path:
    h = hashlib.sha256()
    for f in (BENCH / "gen_history.py", BENCH / "gen_district.py", *sorted((ROOT / "schedules").glob("*.yaml"))):
        h.update(f.read_bytes())
    repo = CACHE / f"history-{commits}-{h.hexdigest()[:10]}"
    if not (repo / ".git").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob(f"history-{commits}-*"):
            shutil.rmtree(old)
        tmp = Path(tempfile.mkdtemp(dir=CACHE, prefix=".tmp-"))
        print(f"generating {commits} commits (about a minute per 2,000)…", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(BENCH / "gen_history.py"), str(tmp), "--commits", str(commits)], check=True)
        tmp.rename(repo)
    return repo


def rows() -> list[HistRow]:
    pt = (sys.executable, "-m", "plantrack")
    return [
        HistRow("git log --raw", ("git", "log", "--raw")),
        HistRow("plantrack history, cold", (*pt, "history"), before="cold"),
        HistRow("plantrack history, new commit", (*pt, "history"), before="new commit"),
        HistRow("plantrack history, warm", (*pt, "history"), before="warm"),
        HistRow("plantrack check, cold", (*pt, "check", "--as-of", AS_OF), before="cold"),
        HistRow("plantrack check, warm", (*pt, "check", "--as-of", AS_OF), before="warm"),
        HistRow("plantrack check --history, cold", (*pt, "check", "--history", "--as-of", AS_OF), before="cold"),
        HistRow(
            "plantrack check --history, new commit", (*pt, "check", "--history", "--as-of", AS_OF), before="new commit"
        ),
        HistRow("plantrack check --history, warm", (*pt, "check", "--history", "--as-of", AS_OF), before="warm"),
    ]


def measure(repo: Path, repeat: int) -> list[HistRow]:
    found = rows()
    with tempfile.TemporaryDirectory(prefix="plantrack-bench-") as tmp:
        cache, prev = Path(tmp) / "cache", Path(tmp) / "prev"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANTRACK_CACHE_DIR": str(cache)}
        env.pop("PLANTRACK_NO_CACHE", None)
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(prev), "HEAD~1"], cwd=repo, check=True)
        try:
            for row in found:  # warm-up: bytecode, file cache, and the plantrack cache
                _measure(row, repo, prev, cache, env, timed=False)
            for _ in range(repeat):  # rows in turn, so that a busy moment weighs on all alike
                for row in found:
                    _measure(row, repo, prev, cache, env)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(prev)], cwd=repo, check=True)
    for row in found:
        said = row.failure or f"median {row.median:.3f} s, n={len(row.times)}"
        print(f"  {row.what:<38} {said}", file=sys.stderr, flush=True)
    return found


def _measure(row: HistRow, repo: Path, prev: Path, cache: Path, env: dict[str, str], timed: bool = True) -> None:
    if row.failure:
        return
    try:
        if row.before in ("cold", "new commit"):
            shutil.rmtree(cache, ignore_errors=True)
        if row.before == "new commit":
            _run(row.argv, prev, env)
        if row.before == "warm":
            _run(row.argv, repo, env)
        elapsed = _run(row.argv, repo, env)
        if timed:
            row.times.append(elapsed)
        if row.before in ("cold", "new commit"):  # leave the cache filled for the rows that follow
            _run(row.argv, repo, env)
    except RuntimeError as e:
        row.failure = str(e)


def _run(argv: tuple[str, ...], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1) or "Traceback" in err:
        raise RuntimeError(f"exit {proc.returncode}: {(err.strip().splitlines() or ['?'])[-1][:160]}")
    return elapsed


def table(found: list[HistRow], commits: int) -> str:
    by = {r.what: r for r in found}
    lines = [
        f"History on {commits + 1:,} commits (cwd the generated repository)",
        "",
        "| what | median s | yardstick | ratio | goal |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    pairs = [
        ("plantrack history, cold", "git log --raw", 5),
        ("plantrack history, new commit", "git log --raw", 5),
        ("plantrack history, warm", "git log --raw", 5),
        # Like with like: a cold check --history beside a cold check; after a new
        # commit plans.yaml's bytes changed, so check's own cache misses too.
        ("plantrack check --history, cold", "plantrack check, cold", 3),
        ("plantrack check --history, new commit", "plantrack check, cold", 3),
        ("plantrack check --history, warm", "plantrack check, warm", 3),
    ]
    for what, base, goal in pairs:
        r, b = by[what], by[base]
        if r.failure or b.failure:
            lines.append(f"| {what} | FAILED: {r.failure or b.failure} | {base} | — | ≤ {goal}× |")
            continue
        ratio = r.median / b.median
        mark = "" if ratio <= goal else " (over)"
        lines.append(f"| {what} | {r.median:.3f} | {base} ({b.median:.3f} s) | {ratio:.1f}×{mark} | ≤ {goal}× |")
    return "\n".join(lines)
