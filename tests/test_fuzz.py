"""Mutated copies of the fixture district through check, status and one edit, in-process.

Plain `random` with a fixed seed: a failure names its mutant's number, and
`PLANTRACK_FUZZ_ONLY=N` replays that one. PLANTRACK_FUZZ_N sets how many
mutants (2,000 where CI is set, the issue's full run; 400 otherwise, to keep the suite quick).

What must hold for every mutant:
- no exit 3 and no run over MAX_SECONDS;
- every refusal is located: the message names the file, and a problem in the
  file comes with file:line:column (or "line N" for an edit refused by a rule);
- a refused edit leaves the file byte-identical;
- an accepted edit leaves a file that loads if the mutant loaded, with no
  error the mutant did not have: the new error set, compared by (code,
  message), is contained in the old one (as a multiset).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import shutil
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from plantrack.exitcodes import Exit
from tests.conftest import DISTRICT, REPO

SEED = 20201115
MAX_SECONDS = 2.0
# 2,000 (the full run, ~60 s alone) where CI is set, as the hypothesis
# profiles in conftest do; 400 (~13 s) at a desk, so that the suite stays under 90 s.
COUNT = int(os.environ.get("PLANTRACK_FUZZ_N") or (2000 if os.environ.get("CI") else 400))
ONLY = os.environ.get("PLANTRACK_FUZZ_ONLY")
LOCATED = re.compile(r"plans\.yaml:\d+:\d+")
EDITS = [
    ["note", "edu-plan", "coordination", "fuzz"],
    ["done", "edu-plan", "opinions", "--date", "2020-08-01"],
    ["reopen", "outline", "basic-ideas"],
    ["due", "health-plan", "first-draft", "2020-12-31"],
    ["note", "outline", "framework", "--log", "督办", "--date", "2020-09-01"],
]
CONTROL = ["\x00", "\x1b[2J", "\x07", "\t", "\x85", "\u2028", "\u202e", "\ufeff", "\r", "\x7f"]


def mutate(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    """One mutation of the district's bytes, named for the failure message."""
    lines = raw.split(b"\n")
    kind = rng.choice(["flip", "truncate", "delete", "duplicate", "swap", "control", "huge", "deep", "flip", "swap"])
    if kind == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return kind, bytes(data)
    if kind == "truncate":
        return kind, raw[: rng.randrange(len(raw))]
    if kind == "delete":
        i = rng.randrange(len(lines))
        return kind, b"\n".join(lines[:i] + lines[i + rng.randint(1, 3) :])
    if kind == "duplicate":
        i = rng.randrange(len(lines))
        return kind, b"\n".join(lines[: i + 1] + lines[i : i + 1] + lines[i + 1 :])
    if kind == "swap":  # the values of two `key: value` lines change places
        pairs = [i for i, ln in enumerate(lines) if b": " in ln and not ln.lstrip().startswith(b"#")]
        a, b = rng.sample(pairs, 2)
        ka, _, va = lines[a].partition(b": ")
        kb, _, vb = lines[b].partition(b": ")
        lines[a], lines[b] = ka + b": " + vb, kb + b": " + va
        return kind, b"\n".join(lines)
    text = raw.decode("utf-8")
    at = rng.randrange(len(text))
    if kind == "control":
        return kind, (text[:at] + rng.choice(CONTROL) + text[at:]).encode("utf-8", "surrogatepass")
    if kind == "huge":
        number = rng.choice(["9" * 5000, "0x" + "f" * 5000, "1e99999", "-" + "9" * 400, "1" * 30])
        i = rng.choice([i for i, ln in enumerate(lines) if b": " in ln])
        key, _, _ = lines[i].partition(b": ")
        lines[i] = key + b": " + number.encode()
        return kind, b"\n".join(lines)
    depth = rng.choice([50, 500, 5000])  # deep nesting, flow or block
    nest = "[" * depth + "]" * depth if rng.random() < 0.5 else "{a: " * depth + "1" + "}" * depth
    i = rng.choice([i for i, ln in enumerate(lines) if b": " in ln])
    key, _, _ = lines[i].partition(b": ")
    lines[i] = key + b": " + nest.encode()
    return kind, b"\n".join(lines)


def errors(path: Path) -> tuple[bool, Counter[tuple[str, str]]]:
    """Whether the district loads, and its errors by (code, message), as an edit judges them today."""
    from plantrack import load, rules
    from plantrack.problems import PlantrackError, Severity

    try:
        loaded, problems = load.load(path)
    except PlantrackError as e:
        return False, Counter({("raise", e.msg.en): 1})
    if loaded is not None:
        problems = problems + rules.run(rules.Context(loaded, date.today()))
    return loaded is not None, Counter((p.code, p.msg.en) for p in problems if p.severity is Severity.ERROR)


def run(args: list[str]) -> tuple[int, str, str, float]:
    from plantrack.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "schedules", tmp_path / "schedules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PLANTRACK_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path


def test_mutated_districts(folder: Path) -> None:
    rng = random.Random(SEED)
    raw = DISTRICT.read_bytes()
    path = folder / "plans.yaml"
    failures: list[str] = []
    slowest = (0.0, "")
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for n in range(COUNT):
        kind, data = mutate(rng, raw)
        edit = EDITS[n % len(EDITS)]
        if ONLY is not None and int(ONLY) != n:
            continue
        path.write_bytes(data)
        tag = f"mutant {n} ({kind})"
        for args in (["check", "--as-of", "2020-09-15"], ["status", "--as-of", "2020-09-15"]):
            code, out, err, took = run(args)
            slowest = max(slowest, (took, f"{tag} {args[0]}"))
            if code not in (0, 1, 2) or took > MAX_SECONDS:
                failures.append(f"{tag}: {args[0]} exit {code} in {took:.2f} s: {err[:300]}")
            elif code == 2 and not LOCATED.search(out + err):
                failures.append(f"{tag}: {args[0]} refusal not located: {(out + err)[:300]}")
        loads, before_errors = errors(path)
        code, out, err, took = run([*edit, "--file", "plans.yaml"])
        slowest = max(slowest, (took, f"{tag} {edit[0]}"))
        counts[f"edit exit {code}"] += 1
        if code == Exit.BUG or took > MAX_SECONDS:
            failures.append(f"{tag}: {edit[0]} exit {code} in {took:.2f} s: {err[:300]}")
        elif code != 0:
            if path.read_bytes() != data:
                failures.append(f"{tag}: {edit[0]} refused (exit {code}) but changed the file")
            if "plans.yaml" not in err and "--date" not in err and "DATE" not in err:
                failures.append(f"{tag}: {edit[0]} refusal does not name the file: {err[:300]}")
        else:
            after_loads, after_errors = errors(path)
            if loads and not after_loads:
                failures.append(f"{tag}: {edit[0]} accepted, and the district no longer loads")
            added = after_errors - before_errors
            if added:
                failures.append(f"{tag}: {edit[0]} accepted with new errors {sorted(added)[:3]}")
    elapsed = time.perf_counter() - started
    print(
        f"\n{COUNT} mutants x (check, status, edit): {elapsed:.1f} s; slowest {slowest[0]:.2f} s ({slowest[1]}); {dict(counts)}"
    )
    assert failures == [], "\n".join(failures[:20])
