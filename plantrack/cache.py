"""A small content-addressed cache: values found again by a hash of what made them.

Safe to delete at any time, never trusted across plantrack versions, and never
a reason to fail: an entry that cannot be read, is damaged or was written by
another version is ignored (and rewritten by the caller's next store); a cache
directory that is missing and cannot be made, or is read-only, silently turns
caching off. `PLANTRACK_NO_CACHE=1` turns it off too.

Where it lives: $PLANTRACK_CACHE_DIR, else $XDG_CACHE_HOME/plantrack, else
~/.cache/plantrack (on Windows %LOCALAPPDATA%/plantrack). Each kind of entry
keeps the ones used last within MAX_KIND_BYTES and MAX_KIND_ENTRIES; the rest
are removed.

    k = cache.key("facts", blob_id)          # a hash of plantrack's version and the parts
    value = cache.load_json("facts", k)      # None: not there (or unusable)
    if value is None:
        value = compute()
        cache.store_json("facts", k, value)  # atomic; False if it could not be written

An entry is one file, `<dir>/<kind>/<key>`: a header line naming the format,
plantrack's version and a checksum of the payload, then the payload.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from plantrack import __version__

ENV_DIR = "PLANTRACK_CACHE_DIR"
ENV_OFF = "PLANTRACK_NO_CACHE"
_MAGIC = b"plantrack-cache 1"
# Each kind keeps what it used last within this many bytes: a 100k-milestone
# district's read entry is 30 MB, and each edit of it writes a new one. Reading
# an entry marks it used (its modification time); storing one lets the least
# recently used go.
MAX_KIND_BYTES = 256 * 1024 * 1024
# ... and at most this many entries, which also bounds what each store scans:
# a small district's entries are kilobytes, and a year of daily edits is hundreds.
MAX_KIND_ENTRIES = 512


def directory() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "plantrack"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base and os.path.isabs(base) else Path.home() / ".cache") / "plantrack"


def key(*parts: str | bytes) -> str:
    """A hex key for these parts and this plantrack version; each part length-prefixed, so
    ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256(__version__.encode() + b"\0")
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


def _header(payload: bytes) -> bytes:
    digest = hashlib.blake2b(payload, digest_size=16).hexdigest()
    return b"%s %s %s\n" % (_MAGIC, __version__.encode(), digest.encode())


def _path(kind: str, k: str) -> Path | None:
    root = directory()
    if root is None or not k.isalnum() or not kind.replace("-", "").isalnum():
        return None
    return root / kind / k


def load(kind: str, k: str) -> bytes | None:
    """The bytes stored under (kind, key), or None: absent, unreadable, damaged or another version's."""
    path = _path(kind, k)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    head, sep, payload = data.partition(b"\n")
    if not sep or head + b"\n" != _header(payload):
        return None
    with contextlib.suppress(OSError):  # used now: the last to go (a read-only cache stays as it is)
        os.utime(path)
    return payload


def store(kind: str, k: str, payload: bytes) -> bool:
    """Store the bytes atomically (a temporary file, then a rename); False when it could not."""
    path = _path(kind, k)
    if path is None:
        return False
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(_header(payload))
            f.write(payload)  # not header + payload: a copy of a 30 MB read entry was check's peak memory
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    """Remove the least recently used entries of `kept`'s kind beyond MAX_KIND_BYTES or
    MAX_KIND_ENTRIES (never `kept`).

    Another process may be pruning or reading too: an entry gone meanwhile is
    simply gone, and a reader finds it absent, as after a deletion by hand.
    """
    entries = []
    with contextlib.suppress(OSError), os.scandir(kept.parent) as found:
        for e in found:
            with contextlib.suppress(OSError):
                if e.is_file(follow_symlinks=False) and not e.name.startswith(".tmp-"):
                    st = e.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, e.path))
    total, count = sum(size for _, size, _ in entries), len(entries)
    for _, size, name in sorted(entries):
        if total <= MAX_KIND_BYTES and count <= MAX_KIND_ENTRIES:
            break
        if name == str(kept):
            continue
        with contextlib.suppress(OSError):
            os.unlink(name)
            total, count = total - size, count - 1


def load_json(kind: str, k: str) -> Any | None:
    """A JSON value stored under (kind, key), or None (as for `load`)."""
    payload = load(kind, k)
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def store_json(kind: str, k: str, value: Any) -> bool:
    return store(kind, k, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
