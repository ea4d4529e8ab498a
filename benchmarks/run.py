"""Time plantrack as whole processes against start-up and parsing floors.

    python benchmarks/run.py [--repeat R] [--sizes 1000,10000] [--quick]

Every row is a fresh `python` process timed by wall clock, as a user or CI
runs it: interpreter start-up, imports, reading, rules and output together.
Synthetic districts come from gen_district.py and are cached under
benchmarks/.cache/, keyed by size, seed and the generator's source.
See benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
CACHE = BENCH / ".cache"
BUNDLED = ROOT / "plans.yaml"
AS_OF = "2020-09-15"
SEED = 14
SLOW = 10.0  # a row whose first run takes longer than this gets at most SLOW_RUNS runs
SLOW_RUNS = 3

PY = sys.executable
IMPORT_DEPS = "import typer, pydantic, ruamel.yaml, rich, dateutil, git"
# ruamel's YAML(typ="safe", pure=False) silently falls back to the pure-Python
# parser when only ruamel.yaml.clibz is installed (main.py imports the old
# _ruamel_yaml module only), so the floor drives CSafeLoader directly.
FLOOR_YAML = """import sys
from ruamel.yaml.cyaml import CSafeLoader
with open(sys.argv[1], encoding="utf-8") as f:
    loader = CSafeLoader(f.read())
try:
    loader.get_single_data()
finally:
    loader.dispose()
"""
FLOOR_JSON = """import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    json.loads(f.read())
"""


@dataclass(frozen=True)
class Data:
    label: str
    yaml: Path | None  # None: the row takes no data
    json: Path | None = None


@dataclass(frozen=True)
class Case:
    what: str
    argv: tuple[str, ...]  # "{yaml}" and "{json}" stand for the data's files
    ok: frozenset[int] = frozenset({0})


@dataclass
class Row:
    what: str
    data: str
    times: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)
    failure: str | None = None


class Failure(Exception):
    """A run ended in a way the row does not accept."""


# --- data -----------------------------------------------------------------------


def _fingerprint() -> str:
    h = hashlib.sha256((BENCH / "gen_district.py").read_bytes())
    for f in sorted((ROOT / "schedules").glob("*.yaml")):
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


def _dump_json(yaml_path: Path, json_path: Path) -> None:
    """The same data as JSON, dates as strings: the json.loads floor's input."""
    from ruamel.yaml.cyaml import CSafeLoader

    loader = CSafeLoader(yaml_path.read_text(encoding="utf-8"))
    gc.disable()  # the loader builds millions of objects; collections only slow it
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
        gc.enable()
    json_path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")


def synthetic(size: int) -> Data:
    """A generated district of `size` plans, from the cache or made now."""
    key = CACHE / f"plans-{size}-seed{SEED}-{_fingerprint()}"
    if not (key / "plans.json").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=CACHE, prefix=".tmp-"))
        cmd = [PY, str(BENCH / "gen_district.py"), str(tmp), "--plans", str(size), "--seed", str(SEED)]
        subprocess.run(cmd, check=True)
        _dump_json(tmp / "plans.yaml", tmp / "plans.json")
        _prune(f"plans-{size}-seed{SEED}-*")
        tmp.rename(key)
    return Data(f"synthetic {size:,} ({_mb(key / 'plans.yaml')})", key / "plans.yaml", key / "plans.json")


def bundled() -> Data | None:
    if not BUNDLED.exists():
        return None
    json_path = CACHE / f"bundled-{hashlib.sha256(BUNDLED.read_bytes()).hexdigest()[:10]}.json"
    if not json_path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        _prune("bundled-*.json")
        _dump_json(BUNDLED, json_path)
    return Data(f"bundled plans.yaml ({_mb(BUNDLED)})", BUNDLED, json_path)


def _prune(pattern: str) -> None:
    """Drop cache entries made from an older generator, schedule or bundled file."""
    for old in CACHE.glob(pattern):
        if old.is_dir():
            shutil.rmtree(old)
        else:
            old.unlink()


def _mb(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"


# --- running --------------------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run_once(argv: Sequence[str], ok: frozenset[int]) -> tuple[float, int]:
    """Wall-clock seconds of one process, and its exit code."""
    t0 = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.decode("utf-8", errors="replace")
    # An uncaught exception exits 1 too, which `check` also uses for "rule errors".
    if proc.returncode not in ok or "Traceback (most recent call last)" in err:
        tail = err.strip().splitlines()[-1:] or ["(no stderr)"]
        raise Failure(f"exit {proc.returncode}: {tail[0][:160]}".replace("|", "\\|"))
    return elapsed, proc.returncode


def measure(case: Case, data: Data, repeat: int, warm: bool) -> Row:
    row = Row(case.what, data.label)
    argv = [a.format(yaml=data.yaml, json=data.json) for a in case.argv]
    try:
        if warm:  # fills the bytecode and file caches; not timed
            run_once(argv, case.ok)
        while len(row.times) < repeat:
            elapsed, code = run_once(argv, case.ok)
            row.times.append(elapsed)
            row.codes.add(code)
            if row.times[0] > SLOW:
                repeat = min(repeat, SLOW_RUNS)
    except Failure as e:
        row.failure = str(e)
    print(f"  {row.what:<28} {row.data:<32} {_summary(row)}", file=sys.stderr, flush=True)
    return row


def _summary(row: Row) -> str:
    if row.failure:
        return f"FAILED {row.failure}"
    return f"median {statistics.median(row.times):.3f} s, min {min(row.times):.3f} s, n={len(row.times)}"


def status_exists() -> bool:
    argv = [PY, "-m", "plantrack", "status", "--help"]
    return subprocess.run(argv, cwd=ROOT, env=_env(), capture_output=True).returncode == 0


# --- the plan of rows ----------------------------------------------------------------


def startup_cases() -> list[Case]:
    return [
        Case("python -c pass", (PY, "-c", "pass")),
        Case("import deps", (PY, "-c", IMPORT_DEPS)),
        Case("plantrack --help", (PY, "-m", "plantrack", "--help")),
    ]


def data_cases(with_status: bool) -> list[Case]:
    either = frozenset({0, 1})
    cases = [Case("plantrack check", (PY, "-m", "plantrack", "check", "--as-of", AS_OF, "--file", "{yaml}"), either)]
    if with_status:
        cases.append(Case("plantrack status", (PY, "-m", "plantrack", "status", "--as-of", AS_OF, "--file", "{yaml}")))
    cases += [
        Case("floor: ruamel CSafeLoader", (PY, "-c", FLOOR_YAML, "{yaml}")),
        Case("floor: json.loads", (PY, "-c", FLOOR_JSON, "{json}")),
    ]
    return cases


def run_all(sizes: list[int], repeat: int) -> list[Row]:
    with_status = status_exists()
    if not with_status:
        print("`plantrack status --help` does not exit 0: skipping the status rows", file=sys.stderr)
    none = Data("—", None)
    rows = [measure(c, none, repeat, warm=True) for c in startup_cases()]
    datasets = [d for d in [bundled()] if d] + [synthetic(n) for n in sizes]
    warmed: set[str] = set()
    for data in datasets:
        for case in data_cases(with_status):
            rows.append(measure(case, data, repeat, warm=case.what not in warmed))
            warmed.add(case.what)
    return rows


# --- the report -----------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    base = next((statistics.median(r.times) for r in rows if r.what == "python -c pass" and r.times), None)
    lines = [
        "| what | data | runs | median s | min s | × `python -c pass` |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r.failure:
            lines.append(f"| {r.what} | {r.data} | — | FAILED: {r.failure} | — | — |")
            continue
        med = statistics.median(r.times)
        ratio = f"{med / base:.1f}" if base else "—"
        lines.append(f"| {r.what} | {r.data} | {len(r.times)} | {med:.3f} | {min(r.times):.3f} | {ratio} |")
    return "\n".join(lines)


def notes(rows: list[Row]) -> list[str]:
    """What the numbers alone would hide: check finding errors in clean data."""
    return [
        f"- `{r.what}` exited 1 (rule errors) on {r.data}, which the generator made without errors"
        for r in rows
        if r.what == "plantrack check" and r.data.startswith("synthetic") and 1 in r.codes
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, help="timed runs per row (default 5, --quick 3)")
    ap.add_argument("--sizes", help="synthetic district sizes in plans (default 1000,10000, --quick 1000)")
    ap.add_argument("--quick", action="store_true", help="fewer runs and only the smallest size")
    ap.add_argument("--history", type=int, default=2000, metavar="N", help="commits of the history rows (0: none)")
    ap.add_argument("--no-goals", action="store_true", help="without issue 11's rows (cold/warm/edit/memory ratios)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or "1000,10000").split(",") if s.strip()]
    args.sizes = sizes[:1] if args.quick and not args.sizes else sizes
    args.repeat = args.repeat or (3 if args.quick else 5)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rows = run_all(sorted(args.sizes), args.repeat)
    goals = []
    if not args.no_goals and bundled():
        import issue_rows

        big = synthetic(max(args.sizes))
        assert big.yaml and big.json
        goals = issue_rows.measure(BUNDLED, big.yaml, big.json, FLOOR_YAML, FLOOR_JSON, args.repeat)
    hist = []
    if args.history:
        import history_rows

        hist = history_rows.measure(history_rows.repository(args.history), args.repeat)
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs, --as-of {AS_OF}, wall clock per process\n")
    print(table(rows))
    for line in notes(rows):
        print(line)
    if goals:
        print()
        print(issue_rows.table(goals))
    if hist:
        print()
        print(history_rows.table(hist, args.history))
    return 1 if any(r.failure for r in rows) or any(r.failure for r in hist) else 0


if __name__ == "__main__":
    sys.exit(main())
