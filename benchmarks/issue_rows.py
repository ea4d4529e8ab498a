"""Rows of issue 11 not about history: start-up, the warm cache, an edit, peak memory.

Each row is timed beside its yardstick in the same run and printed as a ratio
(whole processes, medians, wall clock; memory as peak RSS of the process):

| row | yardstick | goal |
| --- | --- | --- |
| `check`, bundled district (cache warm) | `python -c "import typer, pydantic, ruamel.yaml"` | ≤ 1.5× |
| the same | `check-jsonschema` with a small schema of the top-level shape (skipped if absent) | ≤ 0.5× |
| `check` at the largest size, cold (cache emptied before each run) | PyYAML-style `CSafeLoader` load of the file | < 1× |
| the same `check`, warm (second run, files unchanged) | `json.loads` of the same data | ≤ 3× |
| peak memory of the cold `check` | peak memory of the `CSafeLoader` load | ≤ 1× |
| `note PLAN MILESTONE TEXT` (file restored before each run, after a `check` today) | the cold `check` | ≤ 1.5× |
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
YARDSTICK_IMPORTS = "import typer, pydantic, ruamel.yaml"
SCHEMA = {
    "type": "object",
    "required": ["schedule", "units"],
    "properties": {"schedule": {"type": "string"}, "units": {"type": "object"}, "plans": {"type": "object"}},
}


@dataclass
class Pair:
    what: str
    yardstick: str
    goal: float | None  # None: shown for information
    ours: list[float]
    theirs: list[float]
    unit: str = "s"
    note: str = ""

    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.theirs)


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PLANTRACK_CACHE_DIR": str(cache)}


# Started by a small process, not by this one: on Linux a child's peak RSS
# (ru_maxrss) starts at the peak of the process that forked it, so children of a
# runner that has grown to 345 MB all "peaked" at 345 MB at least.
_MEASURE = """import os, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - t0, usage.ru_maxrss, os.waitstatus_to_exitcode(status), file=sys.stderr)
"""


def run(argv: Sequence[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process."""
    proc = subprocess.run(
        [PY, "-c", _MEASURE, *map(str, argv)], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    err = proc.stderr.decode("utf-8", "replace")
    said, _, last = err.rstrip("\n").rpartition("\n")
    elapsed, maxrss, code = last.split()
    if int(code) not in (0, 1) or "Traceback" in said:
        raise RuntimeError(f"{' '.join(map(str, argv[:4]))}: exit {code}: {said.strip()[-200:]}")
    return float(elapsed), int(maxrss) / 1024


def times(
    argv: Sequence[str], env: dict[str, str], repeat: int, before: Callable[[], None] | None = None, cwd: Path = ROOT
) -> tuple[list[float], list[float]]:
    secs, mems = [], []
    for _ in range(repeat):
        if before:
            before()
        s, m = run(argv, env, cwd)
        secs.append(s)
        mems.append(m)
    return secs, mems


def interleaved(
    a: Sequence[str], b: Sequence[str], env: dict[str, str], repeat: int
) -> tuple[list[float], list[float]]:
    """Wall seconds of a and b, run in turn: on a shared machine, both see the same load."""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(run(a, env)[0])
        tb.append(run(b, env)[0])
    return ta, tb


def measure(bundled: Path, big: Path, big_json: Path, floor_yaml: str, floor_json: str, repeat: int) -> list[Pair]:
    tmp = Path(tempfile.mkdtemp(prefix="plantrack-bench-"))
    cache = tmp / "cache"
    env = _env(cache)
    pairs: list[Pair] = []
    try:
        check = [PY, "-m", "plantrack", "check", "--as-of", "2020-09-15", "--file"]
        run([*check, str(bundled)], env)  # warm-up: fills the cache
        ours, theirs = interleaved([*check, str(bundled)], [PY, "-c", YARDSTICK_IMPORTS], env, repeat)
        pairs.append(Pair("`check`, bundled, warm", f'`python -c "{YARDSTICK_IMPORTS}"`', 1.5, ours, theirs))
        cj = shutil.which("check-jsonschema")
        if cj:
            schema = tmp / "schema.json"
            schema.write_text(json.dumps(SCHEMA))
            jargv = [cj, "--schemafile", str(schema), str(bundled)]
            run(jargv, env)
            more, theirs = interleaved([*check, str(bundled)], jargv, env, repeat)
            ours = ours + more
            pairs.append(Pair("`check`, bundled, warm", "`check-jsonschema`, top-level schema", 0.5, ours, theirs))
        else:
            print("check-jsonschema not installed: its row is skipped", file=sys.stderr)

        label = f"{big.stat().st_size / 1e6:.0f} MB"
        n = max(1, min(repeat, 3))

        def empty() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        cold, cold_mem = times([*check, str(big)], env, n, before=empty)
        yaml_s, yaml_mem = times([PY, "-c", floor_yaml, str(big)], env, n)
        pairs.append(Pair(f"`check` {label}, cold", "CSafeLoader load", 1.0, cold, yaml_s))
        run([*check, str(big)], env)  # fills the cache
        warm, _ = times([*check, str(big)], env, n)
        json_s, _ = times([PY, "-c", floor_json, str(big_json)], env, n)
        pairs.append(Pair(f"`check` {label}, warm", "`json.loads` of the same data", 3.0, warm, json_s))
        pairs.append(Pair(f"peak RSS, `check` {label}, cold", "CSafeLoader load", 1.0, cold_mem, yaml_mem, "MB"))

        # An edit: a copy of the district, restored before each run, checked today first (as a user does).
        folder = tmp / "edit"
        shutil.copytree(big.parent, folder, ignore=shutil.ignore_patterns("*.json"))
        original = (folder / "plans.yaml").read_bytes()
        plans = folder / "plans.yaml"

        def restore() -> None:
            plans.write_bytes(original)
            run([PY, "-m", "plantrack", "check", "--file", str(plans)], env)

        edit, edit_mem = times(
            [PY, "-m", "plantrack", "note", "outline", "framework", "benchmark", "--file", str(plans)],
            env,
            n,
            before=restore,
        )
        pairs.append(Pair(f"`note` {label}", "the cold `check`", 1.5, edit, cold))
        pairs.append(Pair(f"peak RSS, `note` {label}", "the cold `check`", None, edit_mem, cold_mem, "MB"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return pairs


def table(pairs: list[Pair]) -> str:
    lines = [
        "| row | yardstick | ours (median) | yardstick (median) | ratio | goal | |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in pairs:
        fmt = "{:.0f} MB" if p.unit == "MB" else "{:.3f} s"
        ok = "" if p.goal is None else "met" if p.ratio() <= p.goal else "not met"
        goal = "—" if p.goal is None else f"≤ {p.goal}×"
        lines.append(
            f"| {p.what} | {p.yardstick} | {fmt.format(statistics.median(p.ours))} | "
            f"{fmt.format(statistics.median(p.theirs))} | {p.ratio():.2f}× | {goal} | {ok} |"
        )
    return "\n".join(lines)
