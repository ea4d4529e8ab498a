"""Hostile input: every broken file must get a located problem, never a crash.

Each entry of tests/corpus/hostile/ is one case, picked up automatically: a
file is checked as it is; a folder holds plans.yaml and its own schedules/
(for broken schedules). expected.json gives, for each case, the exit code and
one problem that must be reported (code, line, column; optionally the file it
is in and a word its message must contain, such as a "did you mean" name).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "hostile"
MANIFEST: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(p.name for p in CORPUS.iterdir() if p.name != "expected.json")
FORMATS = ["text", "json"]
OPTIONS = ["--as-of", "2020-09-15", "--lang", "en"]
LIMIT = 5.0  # seconds, start-up included
# PATH:LINE:COL: CODE [severity] message
TEXT_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>PT\d{3}) \[(?:error|warning)\] (?P<message>.*)$", re.M
)


def run_check(path: Path, fmt: str) -> tuple[subprocess.CompletedProcess[str], float]:
    cmd = [sys.executable, "-m", "plantrack", "check", "--file", str(path), "--format", fmt, *OPTIONS]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env, timeout=60)
    return proc, time.monotonic() - start


def problems(proc: subprocess.CompletedProcess[str], fmt: str) -> list[dict[str, Any]]:
    if fmt == "json":
        doc = json.loads(proc.stdout)
        assert doc["version"] == 1 and doc["as_of"] == "2020-09-15" and doc["ok"] is False
        return list(doc["problems"])
    found = TEXT_LINE.finditer(proc.stdout + "\n" + proc.stderr)
    return [{**m.groupdict(), "line": int(m["line"]), "column": int(m["column"])} for m in found]


def assert_reported(path: Path, fmt: str, expected: dict[str, Any], file: str) -> None:
    proc, elapsed = run_check(path, fmt)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    assert elapsed < LIMIT, f"took {elapsed:.1f} s"
    assert proc.returncode == expected["exit"], output
    if fmt == "text":  # one line per problem, then the summary
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        assert all(TEXT_LINE.fullmatch(line) for line in lines[:-1]), output
    want = (expected["code"], expected["line"], expected["column"])
    hits = [
        p
        for p in problems(proc, fmt)
        if (p["code"], p["line"], p["column"]) == want and Path(p["file"]).as_posix().endswith(file)
    ]
    assert hits, f"no {want} in {file}:\n{output}"
    if "message" in expected:
        assert any(expected["message"] in p["message"] for p in hits), output


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_corpus(name: str, fmt: str) -> None:
    assert name in MANIFEST, f"{name} has no entry in {CORPUS / 'expected.json'}"
    expected = MANIFEST[name]
    case = CORPUS / name
    if case.is_dir():
        assert_reported(case / "plans.yaml", fmt, expected, f"{name}/{expected.get('file', 'plans.yaml')}")
    else:
        assert_reported(case, fmt, expected, name)


def test_manifest_names_only_existing_cases() -> None:
    assert sorted(MANIFEST) == CASES


HEADER = "schedule: fyp14\nunits:\n  edu: {name: 区教育局, type: department}\n"
# Built here rather than committed: too big for the corpus.
GENERATED: dict[str, tuple[str, dict[str, Any]]] = {
    # a 10 MB note, then a typo: the reader must get past it quickly, and place the typo
    "note-10mb": (
        HEADER + "plans:\n  edu-plan:\n    name: 区教育事业发展规划\n    kind: special\n    tier: key\n"
        "    owner: edu\n    note: " + "规划编制工作" * 600_000 + "\n    ntoe: x\n",
        {"exit": 1, "code": "PT101", "line": 11, "column": 5},
    ),
    # 10 MB of junk after a valid prefix
    "junk-10mb": (
        HEADER + "plans: {}\n" + "]}{[" * 2_600_000 + "\n",
        {"exit": 2, "code": "PT001", "line": 5, "column": 1},
    ),
    # nested 100,000 deep: a recursive composer would crash the interpreter
    "nested-100k": (
        HEADER + "plans: " + "[" * 100_000 + "]" * 100_000 + "\n",
        {"exit": 2, "code": "PT007", "line": 4, "column": 71},
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated(name: str, fmt: str, tmp_path: Path) -> None:
    text, expected = GENERATED[name]
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    assert_reported(path, fmt, expected, "plans.yaml")
