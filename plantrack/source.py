"""Read one YAML file: its bytes (a regular file within the size cap), its text
(decoding), its plain data with positions (yamlread), found again in the read
cache when the bytes are the same. load.py validates what this reads.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plantrack import decoding, discover, yamlread
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError, Problem, Severity

# Files larger than this are refused before reading (PLANTRACK_MAX_BYTES sets another cap).
MAX_BYTES = 64 * 1024 * 1024
MAX_BYTES_ENV = "PLANTRACK_MAX_BYTES"


@dataclass
class Source:
    """One file as read: its name as shown to the user, text, data and positions."""

    path: Path
    display: str
    text: str = ""
    data: Any = None
    positions: yamlread.Positions = field(default_factory=yamlread.Positions)
    raw: bytes = b""  # the bytes read, for cache keys (warm.py)

    def problem(
        self, code: str, path: tuple[Any, ...], msg: Msg, *, key: bool = False, severity: Severity = Severity.ERROR
    ) -> Problem:
        line, col = self.positions.locate(path, key=key)
        return Problem(self.display, line, col, code, severity, msg)


def max_bytes() -> int:
    """The size cap: PLANTRACK_MAX_BYTES if set, else 64 MB."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return MAX_BYTES
    try:
        cap = int(value)
    except ValueError:
        cap = 0
    if cap <= 0:
        raise PlantrackError(
            Msg(
                f"{MAX_BYTES_ENV}={value!r}: expected a number of bytes, e.g. {MAX_BYTES}",
                f"{MAX_BYTES_ENV}={value!r}：应为字节数，如 {MAX_BYTES}",
            )
        )
    return cap


def read_bytes(path: Path, display: str) -> bytes:
    """A file's bytes, if it is a regular file within the size cap.

    A FIFO or a device would block or never end: refused at once, from the
    file's type, without opening it.
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe or a device?)"
            zh = "是文件夹" if stat.S_ISDIR(st.st_mode) else "不是普通文件（管道或设备？）"
            raise PlantrackError(Msg(f"{display}: {what}: expected a YAML file", f"{display}：{zh}：应为 YAML 文件"))
        cap = max_bytes()
        if st.st_size > cap:
            raise _too_big(display, st.st_size, cap)
        with path.open("rb") as f:
            raw = f.read(cap + 1)
    except FileNotFoundError:
        raise PlantrackError(Msg(f"{display}: no such file", f"{display}：文件不存在")) from None
    except OSError as e:
        raise PlantrackError(
            Msg(f"{display}: cannot read: {e.strerror}", f"{display}：无法读取：{e.strerror}")
        ) from None
    if len(raw) > cap:  # it grew while we read it
        raise _too_big(display, len(raw), cap)
    return raw


def _too_big(display: str, size: int, cap: int) -> PlantrackError:
    return PlantrackError(
        Msg(
            f"{display}: {size:,} bytes, more than the {cap:,} plantrack reads (set {MAX_BYTES_ENV} to raise the cap)",
            f"{display}：{size:,} 字节，超过可读取的上限 {cap:,} 字节（可设置 {MAX_BYTES_ENV} 提高上限）",
        )
    )


def read_source(path: Path, *, spans: bool = False) -> tuple[Source, list[Problem]]:
    """Read one YAML file; a file that cannot be read is one located problem.

    Values cut to the scalar cap are problems too, but the file still reads.
    """
    src = Source(path, discover.display_name(path))
    raw = src.raw = read_bytes(path, src.display)
    try:
        src.text = decoding.decode(raw)
        # An edit's read (spans) is not cached: the file changes right after it.
        if spans or not _from_cache(src, raw, spans):
            src.data, src.positions = yamlread.read(src.text, spans=spans)
            if isinstance(src.data, dict) and not spans:
                _to_cache(src, raw, spans)
    except decoding.YamlError as e:
        return src, [yaml_problem(src, e)]
    if not isinstance(src.data, dict):
        what = "empty" if src.data is None else "a list" if isinstance(src.data, list) else "a single value"
        zh = "为空" if src.data is None else "不是映射"
        return src, [
            src.problem(
                "PT005",
                (),
                Msg(
                    f"the file is {what}: expected a mapping with the keys schedule, units and plans",
                    f"文件{zh}：应为包含 schedule、units、plans 的映射",
                ),
            )
        ]
    return src, []


# The read cache: a file's plain data and positions, found again by a hash of
# its bytes (and plantrack's version, in cache.key). marshal, not pickle: it
# loads fastest of the formats measured (marshal 0.5 s, pickle 0.6 s, JSON
# 1.1 s at 100k milestones) and cannot run code from a tampered entry.
_CACHE_KIND = "read"


def _cache_key(raw: bytes, spans: bool) -> str:
    from plantrack import cache

    return cache.key("read 3", "spans" if spans else "plain", raw)  # 2: positions packed in ints; 3: anchored


def _from_cache(src: Source, raw: bytes, spans: bool) -> bool:
    """Fill src.data and src.positions from the cache; False when there is no usable entry."""
    import marshal

    from plantrack import cache

    payload = cache.load(_CACHE_KIND, _cache_key(raw, spans))
    if payload is None:
        return False
    try:
        data, values, keys, value_spans, key_spans, flow, cut, anchored = marshal.loads(payload)
        src.positions = yamlread.Positions(values, keys, value_spans, key_spans, flow, anchored=anchored)
        src.positions.cut = [decoding.YamlError(c, ln, col, Msg(en, zh)) for c, ln, col, en, zh in cut]
    except (ValueError, EOFError, TypeError):  # damaged or of another shape: read the file
        return False
    src.data = data
    yamlread.remember(src.text, spans, data, src.positions)
    return True


def _to_cache(src: Source, raw: bytes, spans: bool) -> None:
    import marshal

    from plantrack import cache

    if cache.directory() is None:
        return
    pos = src.positions
    cut = [(e.code, e.line, e.column, e.msg.en, e.msg.zh) for e in pos.cut]
    extra = (pos.value_spans, pos.key_spans, pos.flow) if spans else ({}, {}, {})  # read for an edit: kept only there
    try:
        payload = marshal.dumps((src.data, pos.values, pos.keys, *extra, cut, pos.anchored))
    except ValueError:  # a value marshal cannot hold: simply not cached
        return
    cache.store(_CACHE_KIND, _cache_key(raw, spans), payload)


def yaml_problem(src: Source, e: decoding.YamlError) -> Problem:
    """A reading error, located in the file."""
    return Problem(src.display, e.line, e.column, e.code, Severity.ERROR, e.msg)
