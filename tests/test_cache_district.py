"""The district's cache (load.py's read cache, warm.py's findings): never a different answer.

Outputs are byte-identical with and without it, over every view and format;
any byte change of plans.yaml or its schedule, or another plantrack version,
is a miss; a damaged entry is ignored and written again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, REPO

AS_OF = "2020-09-15"
VIEWS = [("status",), ("status", "outline"), ("overdue",), ("units",), ("timeline",)]
FORMATS = ["table", "json", "csv", "markdown"]


def _commands(first_plan: str) -> list[tuple[str, ...]]:
    runs = [("check", "--format", f) for f in ("text", "json")]
    for view in VIEWS:
        view = tuple(first_plan if a == "outline" else a for a in view)
        runs += [(*view, "--format", f, "--width", "120") for f in FORMATS]
    return [("--lang", "en", *r, "--as-of", AS_OF) for r in runs]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANTRACK_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANTRACK_NO_CACHE", raising=False)
    return folder


def _district(tmp_path: Path, generated: bool) -> tuple[Path, str]:
    folder = tmp_path / "district"
    if generated:
        gen = [sys.executable, str(REPO / "benchmarks" / "gen_district.py"), str(folder), "--plans", "40"]
        subprocess.run([*gen, "--errors", "6", "--seed", "3"], check=True, capture_output=True)
        first = "outline"
    else:
        shutil.copytree(FIXTURE, folder)
        first = "outline"
    return folder / "plans.yaml", first


@pytest.mark.parametrize("generated", [False, True], ids=["bundled", "generated"])
def test_outputs_are_the_same_with_and_without_the_cache(cli, cache_dir, tmp_path, monkeypatch, generated) -> None:
    path, first = _district(tmp_path, generated)
    runs = [(*c[:2], c[2], "--file", str(path), *c[3:]) for c in _commands(first)]
    monkeypatch.setenv("PLANTRACK_NO_CACHE", "1")
    uncached = [cli(*r) for r in runs]
    assert not cache_dir.exists()
    monkeypatch.delenv("PLANTRACK_NO_CACHE")
    assert [cli(*r) for r in runs] == uncached  # cold: fills the cache
    assert {p.name for p in cache_dir.iterdir()} == {"read", "check", "check-errors"}
    assert [cli(*r) for r in runs] == uncached  # warm
    assert [cli("--no-cache", *r) for r in runs] == uncached
    assert any(code == 1 for code, _, _ in uncached) == generated  # the generated one has errors


def _findings(path: Path):  # type: ignore[no-untyped-def]
    from plantrack import warm

    return warm.findings(path, date.fromisoformat(AS_OF), 7, False)


def _check(cli, path: Path) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return cli("--lang", "en", "check", "--format", "json", "--file", str(path), "--as-of", AS_OF)


def _uncached(cli, path: Path, monkeypatch) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    with monkeypatch.context() as m:
        m.setenv("PLANTRACK_NO_CACHE", "1")
        return _check(cli, path)


def test_any_byte_of_plans_yaml_is_a_miss(cli, cache_dir, tmp_path, monkeypatch) -> None:
    path, _ = _district(tmp_path, False)
    before = _check(cli, path)
    assert _findings(path) is not None
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("done: 2020-0", "done: 2020-1", 1), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    assert _findings(path) is None
    after = _check(cli, path)
    assert after != before and after[0] == 1  # month 15: an error
    assert after == _uncached(cli, path, monkeypatch)
    path.write_text(text + "\n", encoding="utf-8")  # one byte, no change in meaning: still a miss
    assert _findings(path) is None
    assert _check(cli, path) == before


def test_any_byte_of_the_schedule_is_a_miss(cli, cache_dir, tmp_path, monkeypatch) -> None:
    path, _ = _district(tmp_path, False)
    before = _check(cli, path)
    schedule = path.parent / "schedules" / "fyp14.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text + "# a comment\n", encoding="utf-8")
    assert _findings(path) is None
    assert _check(cli, path) == before  # the same findings, from a fresh read
    # A deadline moved a year earlier: more is overdue, and the cache does not hide it.
    moved = text.replace("2020-", "2019-").replace("2020年", "2019年")
    assert moved != text
    schedule.write_text(moved, encoding="utf-8")
    after = _check(cli, path)
    assert after != before
    assert after == _uncached(cli, path, monkeypatch)


def test_another_version_never_reads_the_entries(cli, cache_dir, tmp_path, monkeypatch) -> None:
    from plantrack import cache

    path, _ = _district(tmp_path, False)
    before = _check(cli, path)
    assert _findings(path) is not None
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert _findings(path) is None
    entries = sorted(p for p in cache_dir.rglob("*") if p.is_file())
    assert _check(cli, path) == before
    assert len(sorted(p for p in cache_dir.rglob("*") if p.is_file())) > len(entries)  # its own entries


def test_a_damaged_entry_is_ignored_and_rewritten(cli, cache_dir, tmp_path) -> None:
    path, _ = _district(tmp_path, False)
    before = _check(cli, path)
    entries = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert {p.parent.name for p in entries} == {"read", "check", "check-errors"}
    for p in entries:
        p.write_bytes(p.read_bytes()[:-5] + b"\x00!!!!")
    assert _findings(path) is None
    assert _check(cli, path) == before
    assert _findings(path) is not None  # written again
    for p in entries:
        p.write_bytes(b"")
    assert _check(cli, path) == before
    shutil.rmtree(cache_dir)  # safe to delete
    assert _check(cli, path) == before


def test_a_read_only_cache_turns_caching_off(cli, cache_dir, tmp_path) -> None:
    path, _ = _district(tmp_path, False)
    cache_dir.parent.mkdir(exist_ok=True)
    cache_dir.write_text("not a folder")  # the cache cannot be made here
    assert _check(cli, path)[0] == 0


def test_a_gate_on_a_plan_that_did_not_load_fails_warm_as_cold(cli, cache_dir, tmp_path) -> None:
    """check --fail-on-overdue exits 2 when a plan did not load, from the cache too."""
    path, _ = _district(tmp_path, False)
    text = path.read_text(encoding="utf-8")
    broken = text.replace("done: 2019-10-15", "done: 2019-02-30", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    args = ("check", "--fail-on-overdue", "--as-of", AS_OF, "--file", str(path))
    cold = cli(*args)
    assert cold[0] == 2
    assert cli(*args) == cold
