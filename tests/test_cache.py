"""plantrack.cache: where it lives, what invalidates an entry, and that it never fails a run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plantrack import cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return folder


def test_where_it_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (cache.ENV_DIR, cache.ENV_OFF, "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == tmp_path / "home" / ".cache" / "plantrack"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: relative paths are invalid
    assert cache.directory() == tmp_path / "home" / ".cache" / "plantrack"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "plantrack"
    monkeypatch.setattr(cache.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache.directory() == tmp_path / "local" / "plantrack"
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "mine"))
    assert cache.directory() == tmp_path / "mine"
    monkeypatch.setenv(cache.ENV_OFF, "1")
    assert cache.directory() is None
    monkeypatch.setenv(cache.ENV_OFF, "0")
    assert cache.directory() == tmp_path / "mine"


def test_round_trip_is_atomic_and_leaves_no_temporary_file(cache_dir: Path) -> None:
    k = cache.key("facts", "abc")
    assert cache.load("facts", k) is None
    assert cache.store_json("facts", k, {"plans": ["区教育局", None]})
    assert cache.load_json("facts", k) == {"plans": ["区教育局", None]}
    assert [p.name for p in (cache_dir / "facts").iterdir()] == [k]


def test_keys_depend_on_every_part_and_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("a") == cache.key(b"a")
    before = cache.key("facts", "abc")
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.key("facts", "abc") != before


def test_an_entry_of_another_version_is_ignored_and_rewritten(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    k = cache.key("facts", "abc")
    cache.store("facts", k, b"old")
    monkeypatch.setattr(cache, "__version__", "99.0")  # same file name, another version wrote it
    assert cache.load("facts", k) is None
    assert cache.store("facts", k, b"new")
    assert cache.load("facts", k) == b"new"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"",  # empty
        lambda b: b"\xff\xfe garbage without a header",
    ],
    ids=["bit-flip", "truncated", "empty", "garbage"],
)
def test_a_damaged_entry_is_ignored_and_rewritten(cache_dir: Path, damage) -> None:
    k = cache.key("events", "x")
    cache.store_json("events", k, [["edu-plan", "proposal", "done", None, "2019-10-08"]])
    entry = cache_dir / "events" / k
    entry.write_bytes(damage(entry.read_bytes()))
    assert cache.load_json("events", k) is None
    assert cache.store_json("events", k, [])
    assert cache.load_json("events", k) == []


def test_valid_bytes_that_are_not_json_read_as_absent(cache_dir: Path) -> None:
    k = cache.key("events", "y")
    cache.store("events", k, b"{not json")
    assert cache.load_json("events", k) is None


def test_an_unusable_directory_turns_caching_off_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")
    monkeypatch.setenv(cache.ENV_DIR, str(in_the_way / "cache"))  # cannot be made
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    k = cache.key("facts", "abc")
    assert cache.store("facts", k, b"x") is False
    assert cache.load("facts", k) is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_directory_turns_caching_off_silently(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert cache.store("facts", cache.key("facts", "abc"), b"x") is False
    finally:
        cache_dir.chmod(0o700)


def test_a_failed_write_keeps_the_old_entry_and_no_temporary_file(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    k = cache.key("facts", "abc")
    cache.store("facts", k, b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cache.os, "replace", refuse)
    assert cache.store("facts", k, b"new") is False
    assert cache.load("facts", k) == b"old"
    assert [p.name for p in (cache_dir / "facts").iterdir()] == [k]


def test_plantrack_no_cache_turns_it_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    k = cache.key("facts", "abc")
    cache.store("facts", k, b"x")
    monkeypatch.setenv(cache.ENV_OFF, "1")
    assert cache.load("facts", k) is None
    assert cache.store("facts", cache.key("facts", "def"), b"y") is False
    assert [p.name for p in (cache_dir / "facts").iterdir()] == [k]


def test_a_kind_keeps_what_was_used_last_within_its_budget(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_KIND_BYTES the least recently used entries go; reading one makes it recent."""
    monkeypatch.setattr(cache, "MAX_KIND_BYTES", 3_500)
    keys = [cache.key("prune", str(i)) for i in range(4)]
    for i, k in enumerate(keys[:3]):
        assert cache.store("read", k, b"x" * 1_000)
        os.utime(cache_dir / "read" / k, ns=(i * 10**9, i * 10**9))  # stored one after the other
    assert cache.load("read", keys[0]) is not None  # used now: the most recent
    assert cache.store("read", keys[3], b"y" * 1_000)  # 4,000 bytes and more: one must go
    assert cache.load("read", keys[1]) is None  # the least recently used
    assert all(cache.load("read", k) is not None for k in (keys[0], keys[2], keys[3]))
    assert cache.store("check", keys[0], b"z" * 1_000)  # another kind: its own budget
    assert len(list((cache_dir / "read").iterdir())) == 3


def test_an_entry_bigger_than_the_budget_is_kept_alone(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_KIND_BYTES", 500)
    first, big = cache.key("a"), cache.key("b")
    assert cache.store("read", first, b"x" * 100)
    assert cache.store("read", big, b"y" * 1_000)
    assert cache.load("read", big) == b"y" * 1_000
    assert cache.load("read", first) is None


def test_a_kind_keeps_at_most_its_number_of_entries(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_KIND_ENTRIES", 3)
    keys = [cache.key("n", str(i)) for i in range(5)]
    for i, k in enumerate(keys):
        assert cache.store("read", k, b"x")
        os.utime(cache_dir / "read" / k, ns=(i * 10**9, i * 10**9))
    assert [cache.load("read", k) is not None for k in keys] == [False, False, True, True, True]
