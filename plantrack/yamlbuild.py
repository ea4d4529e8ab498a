"""Plain data and positions from libyaml's event stream: yamlread's builder.

One event at a time: a scalar is resolved (YAML 1.2 core schema, dates and
YAML 1.1 words kept as strings) and placed in the mapping or list being built,
with its position. The limits that keep hostile input cheap are enforced here,
each as a located YamlError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plantrack.decoding import YamlError
from plantrack.i18n import Msg

Path = tuple[str | int, ...]

MAX_DEPTH = 64
# Aliases may repeat data, but not explode it (billion laughs): the values
# built may not outnumber the characters of the text by more than this.
ALIAS_ALLOWANCE = 10_000
# A number longer than this is no fact of a plan; Python refuses to turn more
# than 4,300 digits into an int, or back into text for a message.
MAX_NUMBER = 100
# A longer value is cut to this length, with a problem at its place: a 10 MB
# plan name made every view spend minutes wrapping it. A district's longest
# note is a few hundred characters.
MAX_SCALAR = 10_000
# Entries in one list or mapping. Reading costs about a microsecond and a few
# hundred bytes per value whatever its size, so a 10 MB line of `[1], [1], …`
# took seconds and a gigabyte before anything could be said about it. The
# largest district measured has 10,000 plans in one mapping.
MAX_ENTRIES = 100_000

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", None, "!"}


@dataclass
class Positions:
    """Where each key and value stands, by its path from the document root.

    `value_at(path)` and `key_at(path)` are 1-based (line, column). With
    `spans=True` the reader also keeps character offsets (start, end) of
    every value and key, and which collections are in flow style, for edits.
    """

    # (line, column) packed in one int, line << 32 | column: a tuple per value
    # cost 48 MB at 100k milestones. Read them with value_at / key_at.
    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    value_spans: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_spans: dict[Path, tuple[int, int]] = field(default_factory=dict)
    flow: dict[Path, bool] = field(default_factory=dict)
    # Values cut to MAX_SCALAR: problems that do not stop the reading.
    cut: list[YamlError] = field(default_factory=list)
    anchored: bool = False  # the text has an anchor or an alias: its values are not all its own

    def value_at(self, path: Path) -> tuple[int, int]:
        packed = self.values[path]
        return packed >> 32, packed & _COLUMN

    def key_at(self, path: Path) -> tuple[int, int]:
        packed = self.keys[path]
        return packed >> 32, packed & _COLUMN

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p] >> 32, table[p] & _COLUMN
            if key and p in self.values:
                return self.value_at(p)
            p = p[:-1]
        return self.value_at(()) if () in self.values else (1, 1)


_COLUMN = (1 << 32) - 1


def _pack(mark: Any) -> int:
    return (mark.line + 1) << 32 | (mark.column + 1)


_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")


def _scalar(value: str, style: Any, mark: Any) -> Any:
    # Quoted and block scalars are strings; so is any plain one whose first
    # character rules out null, bool and number (most names and notes).
    if style or (value and value[0] not in _MAYBE_TYPED):
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        if len(value) > MAX_NUMBER:
            raise _fail(
                "PT007",
                mark,
                f"number too long ({len(value):,} characters, at most {MAX_NUMBER}): quote it if it is text",
                f"数字过长（{len(value):,} 个字符，最多 {MAX_NUMBER} 个）：如为文本请加引号",
            )
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.fullmatch(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


def _fail(code: str, mark: Any, en: str, zh: str) -> YamlError:
    return YamlError(code, mark.line + 1, mark.column + 1, Msg(en, zh))


def _too_many(mark: Any) -> YamlError:
    return _fail(
        "PT007",
        mark,
        f"more than {MAX_ENTRIES:,} entries in one list or mapping: refused",
        f"同一列表或映射中超过 {MAX_ENTRIES:,} 项：拒绝读取",
    )


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


class _Frame:
    """A mapping or list being built, and where it started."""

    __slots__ = ("anchor", "built_at_start", "container", "is_map", "key", "key_path", "path", "start")

    def __init__(self, container: Any, path: Path, is_map: bool, anchor: str | None, built: int, start: Any) -> None:
        self.container = container
        self.path = path
        self.is_map = is_map
        self.key: Any = _NO_KEY  # in a mapping: the key read, waiting for its value
        self.key_path: Path = ()  # and its path, one tuple for the key's position and the value's
        self.anchor = anchor
        self.built_at_start = built
        self.start = start


class Builder:
    """Plain data and positions from libyaml's event stream, one event at a time."""

    def __init__(self, pos: Positions, spans: bool, budget: int, events: Any) -> None:
        self.pos, self.spans, self.budget, self.ev = pos, spans, budget, events
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.built = 0  # values built so far, aliases counted at their full size
        self.root: Any = None
        self.documents = 0

    def run(self, get_event: Any) -> Any:
        ev = self.ev
        scalar, alias, document = ev.ScalarEvent, ev.AliasEvent, ev.DocumentStartEvent
        starts = (ev.MappingStartEvent, ev.SequenceStartEvent)
        ends = (ev.MappingEndEvent, ev.SequenceEndEvent)
        while True:
            event = get_event()
            cls = type(event)
            if cls is scalar:
                self.scalar(event)
            elif cls in starts:
                self.start(event, cls is ev.MappingStartEvent)
            elif cls in ends:
                self.end(event)
            elif cls is alias:
                self.alias(event)
            elif cls is document:
                self.documents += 1
                if self.documents > 1:
                    raise _fail(
                        "PT001",
                        event.start_mark,
                        "more than one YAML document: expected one",
                        "包含多个 YAML 文档：应只有一个",
                    )
            elif cls is ev.StreamEndEvent:
                return self.root

    def scalar(self, event: Any) -> None:
        self.built += 1
        tag, text = event.tag, event.value
        if tag not in _CORE_TAGS:
            raise _fail("PT007", event.start_mark, f"unsupported tag {tag}", f"不支持的标签 {tag}")
        # Resolved before any cut: a 10 MB number is "number too long", at its full length.
        value = text if tag == "tag:yaml.org,2002:str" else _scalar(text, event.style, event.start_mark)
        if len(text) > MAX_SCALAR and isinstance(value, str):
            value = self.cut(value, event.start_mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
            self.pos.anchored = True
        self.place(value, event.start_mark, event.end_mark)

    def cut(self, text: str, mark: Any) -> str:
        self.pos.cut.append(  # a value's problem, not the file's (PT0xx): the rest still reads
            _fail(
                "PT102",
                mark,
                f"value too long ({len(text):,} characters, at most {MAX_SCALAR:,}): read cut short",
                f"值过长（{len(text):,} 个字符，最多 {MAX_SCALAR:,} 个）：只读取了开头部分",
            )
        )
        return text[:MAX_SCALAR]

    def start(self, event: Any, is_map: bool) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _fail(
                "PT007", event.start_mark, f"nested more than {MAX_DEPTH} levels deep", f"嵌套超过 {MAX_DEPTH} 层"
            )
        if event.tag not in _CORE_TAGS:
            raise _fail("PT007", event.start_mark, f"unsupported tag {event.tag}", f"不支持的标签 {event.tag}")
        self.built += 1
        path = self.child_path()
        if self.spans:
            self.pos.flow[path] = bool(event.flow_style)
        frame = _Frame({} if is_map else [], path, is_map, event.anchor, self.built, event.start_mark)
        self.stack.append(frame)

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.pos.anchored = True
            self.anchors[frame.anchor] = (frame.container, self.built - frame.built_at_start + 1)
        self.place(frame.container, frame.start, event.end_mark)

    def alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            raise _fail(
                "PT001",
                event.start_mark,
                f"alias *{event.anchor} has no anchor",
                f"别名 *{event.anchor} 没有对应的锚点",
            )
        value, size = self.anchors[event.anchor]
        self.built += size
        if self.built > self.budget:
            raise _fail(
                "PT003",
                event.start_mark,
                "aliases expand the document beyond its size (an alias bomb?): refused",
                "别名展开后数据量远超文件本身（疑似别名炸弹）：拒绝读取",
            )
        self.place(value, event.start_mark, event.end_mark)

    def child_path(self) -> Path:
        """The path the next value will have."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.is_map:
            return frame.path + (frame.key if frame.key is not _NO_KEY else "<key>",)
        return frame.path + (len(frame.container),)

    def place(self, value: Any, start: Any, end: Any) -> None:
        """Attach a finished value to its parent: as a key, a mapping's value or a list item."""
        pos = self.pos
        if not self.stack:
            self.root = value
            child: Path = ()
        else:
            frame = self.stack[-1]
            if frame.is_map:
                if frame.key is _NO_KEY:
                    self.key(frame, value, start, end)
                    return
                child = frame.key_path
                frame.container[frame.key] = value
                frame.key = _NO_KEY
            else:
                count = len(frame.container)
                if count >= MAX_ENTRIES:
                    raise _too_many(start)
                child = frame.path + (count,)
                frame.container.append(value)
        pos.values[child] = (start.line + 1) << 32 | (start.column + 1)
        if self.spans:
            pos.value_spans[child] = (start.index, end.index)

    def key(self, frame: _Frame, value: Any, start: Any, end: Any) -> None:
        if isinstance(value, (dict, list)):
            raise _fail(
                "PT007", start, "a key must be a plain name, not a collection", "键必须是名称，不能是映射或列表"
            )
        key = "" if value is None else str(value) if not isinstance(value, bool) else str(value).lower()
        if key == "<<":
            raise _fail(
                "PT007",
                start,
                "merge keys (<<) are not supported: write the keys out",
                "不支持合并键（<<）：请直接写出各键",
            )
        if len(frame.container) >= MAX_ENTRIES:
            raise _too_many(start)
        path = frame.path + (key,)
        if key in frame.container:
            first = self.pos.key_at(path)
            raise _fail(
                "PT002",
                start,
                f"duplicate key {key!r} (first at line {first[0]})",
                f"重复的键 {key!r}（首次出现在第 {first[0]} 行）",
            )
        frame.key, frame.key_path = key, path
        self.pos.keys[path] = _pack(start)
        if self.spans:
            self.pos.key_spans[path] = (start.index, end.index)
