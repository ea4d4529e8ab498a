"""Read YAML fast, with the position of every key and value.

The read path never uses ruamel's round-trip loader (about 200x slower than
json on big files, PERFORMANCE.md). It drives libyaml's C parser through
ruamel.yaml.clibz and builds plain data straight from the event stream,
recording positions on the way. Building from events rather than from
composed nodes is faster here (0.22 s against 0.30 s for 10k milestones), and
it avoids the C composer's unbounded recursion, which crashes the interpreter
(SIGSEGV) on input nested 100,000 deep.

Scalars follow the YAML 1.2 core schema, except that dates stay strings (the
date grammar places its own errors) and so do YAML 1.1 words like `no` or
`on`: a unit called `no` is a unit called `no`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plantrack.i18n import Msg

Path = tuple[str | int, ...]

MAX_DEPTH = 64
# Aliases may repeat data, but not explode it (billion laughs): the values
# built may not outnumber the characters of the text by more than this.
ALIAS_ALLOWANCE = 10_000

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_CORE_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", None, "!"}


@dataclass
class Positions:
    """Where each key and value stands, by its path from the document root.

    `values[path]` and `keys[path]` are 1-based (line, column). With
    `spans=True` the reader also keeps character offsets (start, end) of
    every value and key, and which collections are in flow style, for edits.
    """

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    value_spans: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_spans: dict[Path, tuple[int, int]] = field(default_factory=dict)
    flow: dict[Path, bool] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if key and p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


class YamlError(Exception):
    """The text is not YAML plantrack can read; carries a located message."""

    def __init__(self, code: str, line: int, column: int, msg: Msg) -> None:
        super().__init__(msg.en)
        self.code, self.line, self.column, self.msg = code, line, column, msg


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), or UTF-16/32 with a BOM."""
    if data.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):  # before UTF-16: its BOM starts the same
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            raise YamlError("PT004", 1, 1, Msg("not valid UTF-32 text", "不是有效的 UTF-32 文本")) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise YamlError("PT004", 1, 1, Msg("not valid UTF-16 text", "不是有效的 UTF-16 文本")) from None
    if b"\x00" in data:
        line, col = _where(data, data.index(b"\x00"))
        raise YamlError(
            "PT004",
            line,
            col,
            Msg("binary data (NUL byte): expected a UTF-8 text file", "含二进制数据(NUL 字节):应为 UTF-8 文本文件"),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _where(data, e.start)
        raise YamlError(
            "PT004",
            line,
            col,
            Msg(
                f"byte 0x{data[e.start]:02x} is not UTF-8: save the file as UTF-8",
                f"字节 0x{data[e.start]:02x} 不是 UTF-8 编码:请将文件另存为 UTF-8",
            ),
        ) from None


# The byte-order marks decode() accepts, longest first (UTF-32's starts like UTF-16's).
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def encode_like(text: str, original: bytes) -> bytes:
    """Text back to bytes in the original file's encoding, its BOM kept: the inverse of decode()."""
    for bom, codec in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


def _where(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")


def _scalar(value: str, style: Any) -> Any:
    # Quoted and block scalars are strings; so is any plain one whose first
    # character rules out null, bool and number (most names and notes).
    if style or (value and value[0] not in _MAYBE_TYPED):
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.fullmatch(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


def read(text: str, *, spans: bool = False) -> tuple[Any, Positions]:
    """Parse one YAML document into plain data and its positions.

    Raises YamlError for anything that is not a single readable document.
    """
    from ruamel.yaml import events as ev
    from ruamel.yaml.cyaml import CParser

    pos = Positions()
    parser = CParser(text)
    try:
        return _build(parser, pos, spans, len(text) + ALIAS_ALLOWANCE, ev), pos
    except YamlError:
        raise
    except Exception as e:  # libyaml and ruamel raise more than YAMLError
        raise _located(e, text) from None
    finally:
        parser.dispose()


def _located(e: Exception, text: str) -> YamlError:
    """Turn whatever the parser raised into one located, one-line problem."""
    if hasattr(e, "position") and hasattr(e, "character"):  # a reader error: an offset only
        # libyaml counts this offset in UTF-8 bytes, not characters.
        offset = len(text.encode("utf-8")[: e.position].decode("utf-8", errors="ignore"))
        line, col = _line_col(text, offset)
        char = e.character if isinstance(e.character, str) else chr(e.character)
        return YamlError(
            "PT004",
            line,
            col,
            Msg(
                f"character U+{ord(char):04X} is not allowed in YAML text",
                f"YAML 文本中不允许出现字符 U+{ord(char):04X}",
            ),
        )
    mark = getattr(e, "problem_mark", None)
    context_mark = getattr(e, "context_mark", None)
    # libyaml reports some errors where it gave up, at the end of the file;
    # the construct it was reading (an unclosed quote) starts at the context mark.
    if mark is None or (context_mark is not None and mark.index >= len(text.rstrip())):
        mark = context_mark or mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(e, "problem", None) or type(e).__name__)
    context = getattr(e, "context", None)
    en = f"{context}: {problem}" if context else problem
    zh = en
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        en += " (a tab: YAML is indented with spaces only)"
        zh += "(制表符:YAML 只能用空格缩进)"
    return YamlError("PT001", line, col, Msg(f"YAML syntax: {en}", f"YAML 语法错误:{zh}"))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _build(parser: Any, pos: Positions, spans: bool, budget: int, ev: Any) -> Any:
    get = parser.get_event
    values, keys = pos.values, pos.keys
    anchors: dict[str, tuple[Any, int]] = {}
    built = 0
    root: Any = None
    # Each frame: [container, path, pending_key, key_mark, is_map, anchor, count_at_start]
    stack: list[list[Any]] = []
    documents = 0

    def fail(code: str, mark: Any, en: str, zh: str) -> YamlError:
        return YamlError(code, mark.line + 1, mark.column + 1, Msg(en, zh))

    def place(value: Any, start: Any, end: Any) -> Path | None:
        """Attach a finished value to its parent; returns its path (None for a key)."""
        nonlocal root
        if not stack:
            root = value
            values[()] = (start.line + 1, start.column + 1)
            if spans:
                pos.value_spans[()] = (start.index, end.index)
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if frame[4]:  # mapping
            if frame[2] is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise fail(
                        "PT007", start, "a key must be a plain name, not a collection", "键必须是名称,不能是映射或列表"
                    )
                key = "" if value is None else str(value) if not isinstance(value, bool) else str(value).lower()
                if key == "<<":
                    raise fail(
                        "PT007",
                        start,
                        "merge keys (<<) are not supported: write the keys out",
                        "不支持合并键(<<):请直接写出各键",
                    )
                if key in container:
                    first = keys[path + (key,)]
                    raise fail(
                        "PT002",
                        start,
                        f"duplicate key {key!r} (first at line {first[0]})",
                        f"重复的键 {key!r}(首次出现在第 {first[0]} 行)",
                    )
                frame[2] = key
                keys[path + (key,)] = (start.line + 1, start.column + 1)
                if spans:
                    pos.key_spans[path + (key,)] = (start.index, end.index)
                return None
            key = frame[2]
            frame[2] = _NO_KEY
            container[key] = value
            child = path + (key,)
        else:
            child = path + (len(container),)
            container.append(value)
        values[child] = (start.line + 1, start.column + 1)
        if spans:
            pos.value_spans[child] = (start.index, end.index)
        return child

    def child_path() -> Path:
        if not stack:
            return ()
        frame = stack[-1]
        if frame[4]:
            return frame[1] + (frame[2],) if frame[2] is not _NO_KEY else frame[1] + ("<key>",)
        return frame[1] + (len(frame[0]),)

    while True:
        event = get()
        cls = type(event)
        if cls is ev.ScalarEvent:
            built += 1
            if event.tag not in _CORE_TAGS:
                raise fail("PT007", event.start_mark, f"unsupported tag {event.tag}", f"不支持的标签 {event.tag}")
            value = _scalar(event.value, event.style) if event.tag != "tag:yaml.org,2002:str" else event.value
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            place(value, event.start_mark, event.end_mark)
        elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise fail(
                    "PT007", event.start_mark, f"nested more than {MAX_DEPTH} levels deep", f"嵌套超过 {MAX_DEPTH} 层"
                )
            if event.tag not in _CORE_TAGS:
                raise fail("PT007", event.start_mark, f"unsupported tag {event.tag}", f"不支持的标签 {event.tag}")
            built += 1
            is_map = cls is ev.MappingStartEvent
            path = child_path()
            if spans:
                pos.flow[path] = bool(event.flow_style)
            stack.append([{} if is_map else [], path, _NO_KEY, None, is_map, event.anchor, built, event.start_mark])
        elif cls is ev.MappingEndEvent or cls is ev.SequenceEndEvent:
            frame = stack.pop()
            if frame[5]:
                anchors[frame[5]] = (frame[0], built - frame[6] + 1)
            place(frame[0], frame[7], event.end_mark)
        elif cls is ev.AliasEvent:
            if event.anchor not in anchors:
                raise fail(
                    "PT001",
                    event.start_mark,
                    f"alias *{event.anchor} has no anchor",
                    f"别名 *{event.anchor} 没有对应的锚点",
                )
            value, size = anchors[event.anchor]
            built += size
            if built > budget:
                raise fail(
                    "PT003",
                    event.start_mark,
                    "aliases expand the document beyond its size (an alias bomb?): refused",
                    "别名展开后数据量远超文件本身(疑似别名炸弹):拒绝读取",
                )
            place(value, event.start_mark, event.end_mark)
        elif cls is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(
                    "PT001",
                    event.start_mark,
                    "more than one YAML document: expected one",
                    "包含多个 YAML 文档:应只有一个",
                )
        elif cls is ev.StreamEndEvent:
            return root


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
