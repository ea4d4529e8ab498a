"""Hostile input: every broken file must get a located problem, never a crash.

Each entry of tests/corpus/hostile/ is one case, picked up automatically: a
file is checked as it is; a folder holds plans.yaml and its own schedules/
(for broken schedules). expected.json gives, for each case, the exit code and
one problem that must be reported (code, line, column; optionally the file it
is in and a word its message must contain, such as a "did you mean" name).

The corpus runs in-process (a process per case cost a minute of the suite);
a few smoke tests run the real process, where the process is the point: the
interpreter must survive deep nesting, and a FIFO must not block it.
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
LIMIT = 5.0  # seconds
# PATH:LINE:COL: CODE [severity] message
TEXT_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>PT\d{3}) \[(?:error|warning)\] (?P<message>.*)$", re.M
)


class Run:
    """One run of `check`: exit code, output, seconds."""

    def __init__(self, code: int, out: str, err: str, elapsed: float) -> None:
        self.returncode, self.stdout, self.stderr, self.elapsed = code, out, err, elapsed


def run_process(args: list[str], timeout: float = 60) -> Run:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "plantrack", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def check_args(path: Path, fmt: str) -> list[str]:
    return ["check", "--file", str(path), "--format", fmt, *OPTIONS]


@pytest.fixture
def check(cli):
    """`plantrack check` in-process: check(path, fmt) -> Run."""

    def run(path: Path, fmt: str) -> Run:
        start = time.monotonic()
        code, out, err = cli(*check_args(path, fmt))
        return Run(code, out, err, time.monotonic() - start)

    return run


def problems(run: Run, fmt: str) -> list[dict[str, Any]]:
    if fmt == "json":
        doc = json.loads(run.stdout)
        assert doc["version"] == 1 and doc["as_of"] == "2020-09-15" and doc["ok"] is False
        return list(doc["problems"])
    found = TEXT_LINE.finditer(run.stdout + "\n" + run.stderr)
    return [{**m.groupdict(), "line": int(m["line"]), "column": int(m["column"])} for m in found]


def assert_reported(run: Run, fmt: str, expected: dict[str, Any], file: str) -> None:
    output = run.stdout + run.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert run.elapsed < LIMIT, f"took {run.elapsed:.1f} s"
    assert run.returncode == expected["exit"], output
    if fmt == "text":  # one line per problem, then the summary
        lines = [line for line in run.stdout.splitlines() if line.strip()]
        assert all(TEXT_LINE.fullmatch(line) for line in lines[:-1]), output
    want = (expected["code"], expected["line"], expected["column"])
    hits = [
        p
        for p in problems(run, fmt)
        if (p["code"], p["line"], p["column"]) == want and Path(p["file"]).as_posix().endswith(file)
    ]
    assert hits, f"no {want} in {file}:\n{output}"
    if "message" in expected:
        assert any(expected["message"] in p["message"] for p in hits), output


def case_path(name: str) -> tuple[Path, str]:
    """The file to check for a corpus case, and the file its problem is in."""
    expected = MANIFEST[name]
    case = CORPUS / name
    if case.is_dir():
        return case / "plans.yaml", f"{name}/{expected.get('file', 'plans.yaml')}"
    return case, name


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_corpus(check, name: str, fmt: str) -> None:
    assert name in MANIFEST, f"{name} has no entry in {CORPUS / 'expected.json'}"
    path, file = case_path(name)
    assert_reported(check(path, fmt), fmt, MANIFEST[name], file)


def test_manifest_names_only_existing_cases() -> None:
    assert sorted(MANIFEST) == CASES


@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_case_as_a_process(fmt: str) -> None:
    """Smoke: the real process reports like the in-process run (exit code, streams, encoding)."""
    path, file = case_path("unknown-key-owenr.yaml")
    assert_reported(run_process(check_args(path, fmt)), fmt, MANIFEST["unknown-key-owenr.yaml"], file)


HEADER = "schedule: fyp14\nunits:\n  edu: {name: 区教育局, type: department}\n"
PLAN = "plans:\n  edu-plan:\n    name: {name}\n    kind: special\n    tier: key\n    owner: edu\n"
# Built here rather than committed: too big for the corpus.
GENERATED: dict[str, tuple[str, dict[str, Any]]] = {
    # a 10 MB note, then a typo: the reader must get past it quickly, and place the typo
    "note-10mb": (
        HEADER + "plans:\n  edu-plan:\n    name: 区教育事业发展规划\n    kind: special\n    tier: key\n"
        "    owner: edu\n    note: " + "规划编制工作" * 600_000 + "\n    ntoe: x\n",
        {"exit": 1, "code": "PT101", "line": 11, "column": 5},
    ),
    # ... and the note itself is reported, cut to the scalar cap
    "note-10mb-cut": (
        HEADER + "plans:\n  edu-plan:\n    name: 区教育事业发展规划\n    kind: special\n    tier: key\n"
        "    owner: edu\n    note: " + "规划编制工作" * 600_000 + "\n",
        {"exit": 1, "code": "PT102", "line": 10, "column": 11, "message": "value too long (3,600,000 characters"},
    ),
    # 10 MB of junk after a valid prefix
    "junk-10mb": (
        HEADER + "plans: {}\n" + "]}{[" * 2_600_000 + "\n",
        {"exit": 2, "code": "PT001", "line": 5, "column": 1},
    ),
    # a 10 MB one-line flow list: refused at its 100,001st entry, not read to the end (was 55 s, 1.45 GB)
    "flow-list-10mb": (
        HEADER + "plans: [" + "[1], " * 2_000_000 + "1]\n",
        {"exit": 2, "code": "PT007", "line": 4, "column": 9 + 5 * 100_000, "message": "more than 100,000 entries"},
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated(check, name: str, fmt: str, tmp_path: Path) -> None:
    text, expected = GENERATED[name]
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    assert_reported(check(path, fmt), fmt, expected, "plans.yaml")


def test_nested_100k_as_a_process(tmp_path: Path) -> None:
    """Nested 100,000 deep: a recursive composer would crash the interpreter (SIGSEGV), so run the process."""
    path = tmp_path / "plans.yaml"
    path.write_text(HEADER + "plans: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    want = {"exit": 2, "code": "PT007", "line": 4, "column": 71}
    assert_reported(run_process(check_args(path, "text")), "text", want, "plans.yaml")


# -- limits: what is read at all ---------------------------------------------


def test_a_folder_is_refused(check, tmp_path: Path) -> None:
    folder = tmp_path / "plans.yaml"
    folder.mkdir()
    run = check(folder, "text")
    assert run.returncode == 2 and "plans.yaml: a folder: expected a YAML file" in run.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_at_once(check) -> None:
    run = check(Path("/dev/zero"), "text")
    assert run.returncode == 2 and "not a regular file" in run.stderr
    assert run.elapsed < LIMIT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: the process must not open it."""
    fifo = tmp_path / "plans.yaml"
    os.mkfifo(fifo)
    run = run_process(["check", "--file", str(fifo), "--lang", "en"], timeout=30)
    assert run.returncode == 2, run.stderr
    assert "plans.yaml: not a regular file (a pipe or a device?): expected a YAML file" in run.stderr


def test_size_cap(check, monkeypatch, tmp_path: Path) -> None:
    from tests.conftest import DISTRICT, make_district

    path = make_district(tmp_path, DISTRICT.read_bytes())
    size = path.stat().st_size
    monkeypatch.setenv("PLANTRACK_MAX_BYTES", str(size))
    assert check(path, "text").returncode == 0  # at the cap: read
    monkeypatch.setenv("PLANTRACK_MAX_BYTES", str(size - 1))
    run = check(path, "text")
    assert run.returncode == 2
    assert (
        f"plans.yaml: {size:,} bytes, more than the {size - 1:,} plantrack reads (set PLANTRACK_MAX_BYTES" in run.stderr
    )
    monkeypatch.setenv("PLANTRACK_MAX_BYTES", "64M")
    run = check(path, "text")
    assert run.returncode == 2 and "PLANTRACK_MAX_BYTES='64M': expected a number of bytes" in run.stderr


def test_default_size_cap_is_64_mb(monkeypatch) -> None:
    from plantrack import source

    monkeypatch.delenv("PLANTRACK_MAX_BYTES", raising=False)
    assert source.max_bytes() == 64 * 1024 * 1024


def test_a_10mb_plan_name_is_cut_and_views_stay_fast(cli, tmp_path: Path) -> None:
    """A 10 MB name took `status` 116 s to wrap; cut at read time, with a located problem."""
    path = tmp_path / "plans.yaml"
    path.write_text(HEADER + PLAN.format(name="x" * 10_000_000), encoding="utf-8")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    code, out, _ = cli("check", "--file", str(path), *OPTIONS)
    assert code == 1
    assert "plans.yaml:6:11: PT102 [error] value too long (10,000,000 characters, at most 10,000)" in out
    for view in ("status", "overdue", "units", "timeline"):
        start = time.monotonic()
        code, out, err = cli(view, "--file", str(path), *OPTIONS, "--width", "100")
        assert code == 0, err
        assert "1 problem(s) in" in err
        assert time.monotonic() - start < LIMIT, view


def test_numbers_too_long_for_python_are_located_not_a_crash(check, tmp_path: Path) -> None:
    """Python turns at most 4,300 decimal digits into an int; 5,000 was 'YAML syntax: ValueError' at 1:1."""
    for literal, column in (("9" * 5000, 12), ("-" + "9" * 5000, 12), ("0x" + "f" * 5000, 12), ("0o" + "7" * 5000, 12)):
        path = tmp_path / "plans.yaml"
        path.write_text(HEADER + f"plans: {{x: {literal}}}\n", encoding="utf-8")
        run = check(path, "text")
        assert run.returncode == 2, run.stdout + run.stderr
        assert f"plans.yaml:4:{column}: PT007 [error] number too long" in run.stdout


# -- edits of odd files ---------------------------------------------------------


def test_an_edit_keeps_two_boms_and_lands_on_its_value(cli, tmp_path: Path) -> None:
    """A second BOM shifted every offset by one: `done` wrote 2020-09-105 and crashed (exit 3)."""
    base = (CORPUS / "unknown-key-owenr.yaml").read_bytes().replace(b"owenr", b"owner")
    path = tmp_path / "plans.yaml"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + base)
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    code, _, err = cli("done", "edu-plan", "proposal", "--date", "2019-10-01", "--file", str(path), "--lang", "en")
    assert code == 0, err
    new_line = b"      proposal:       {done: 2019-10-01}\n"
    assert path.read_bytes() == b"\xef\xbb\xbf\xef\xbb\xbf" + base.replace(
        b"      start-approval", new_line + b"      start-approval"
    )


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028"])
def test_an_edit_of_a_file_with_odd_line_breaks_is_refused(cli, tmp_path: Path, brk: str) -> None:
    """libyaml reads CR-only (and NEL, U+2028) lines; the edits work in LF or CRLF lines: refuse, write nothing."""
    text = (CORPUS / "unknown-key-owenr.yaml").read_text(encoding="utf-8").replace("owenr", "owner")
    path = tmp_path / "plans.yaml"
    path.write_bytes(
        (text.replace("\n", "\r") if brk == "\r" else text.replace("kind:", f"#{brk}\n    kind:")).encode()
    )
    before = path.read_bytes()
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    code, out, err = cli("due", "edu-plan", "first-draft", "2020-09-30", "--file", str(path), "--lang", "en")
    assert code == 2, out + err
    assert "a line break plantrack does not edit" in err and "nothing written" in err
    assert path.read_bytes() == before


def test_a_huge_number_is_reported_at_its_full_length(check, tmp_path: Path) -> None:
    path = tmp_path / "plans.yaml"
    path.write_text(HEADER + "plans: {x: " + "7" * 1_000_000 + "}\n", encoding="utf-8")
    run = check(path, "text")
    assert run.returncode == 2
    assert "plans.yaml:4:12: PT007 [error] number too long (1,000,000 characters, at most 100)" in run.stdout


def test_a_bug_in_the_builder_is_a_bug_not_a_syntax_error(cli, monkeypatch, tmp_path: Path) -> None:
    """Only the parser's own errors become located problems; anything else is exit 3 with a crash log."""
    from plantrack import yamlbuild

    def broken(self, event):  # type: ignore[no-untyped-def]
        raise ValueError("a bug")

    monkeypatch.setattr(yamlbuild.Builder, "scalar", broken)
    monkeypatch.setenv("PLANTRACK_NO_CACHE", "1")  # else a read cached by an earlier test skips the builder
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))  # the crash log
    code, out, err = cli("check", "--file", str(CORPUS / "unknown-key-owenr.yaml"), *OPTIONS)
    assert code == 3, out + err
    assert "internal error (ValueError: a bug); this is a bug" in err and "YAML syntax" not in out + err


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("extra_boms", [0, 1, 2])
def test_decoding_round_trips_every_bom(codec: str, extra_boms: int) -> None:
    """What an edit writes back is what it read: the encoding and every leading BOM."""
    from plantrack.decoding import decode, encode_like

    text = "schedule: fyp14\r\nname: 青山区\n"
    raw = ("\ufeff" * extra_boms + text).encode(codec)
    if codec in ("utf-16-be", "utf-32-be"):  # a BOM in that byte order, as editors write it
        raw = ("\ufeff" * (extra_boms + 1) + text).encode(codec)
    assert decode(raw) == text
    plain = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(codec, codec)  # no BOM
    assert encode_like(decode(raw).replace("fyp14", "fyp15"), raw) == raw.replace(
        "fyp14".encode(plain), "fyp15".encode(plain)
    )
