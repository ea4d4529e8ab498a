"""Edits as text replacements at the reader's spans. Pure: text in, text out.

Nothing is re-serialised. Setting a value replaces the characters of that one
scalar; a new key becomes one new line (or `, key: value` in a flow mapping)
at the indentation of its siblings; removing a key removes its line and keeps
any comment on it. Everything else of the file, down to the byte, is the
user's: quotes, alignment, comments, blank lines, CRLF endings, long lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

from plantrack import yamlread, yamlscope
from plantrack.edit.scalars import scalar

Path = tuple[str, ...]
Edit = tuple[int, int, str]  # replace text[start:end] with this


@dataclass(frozen=True)
class Noted:
    """A value written with a trailing comment (block style only)."""

    value: Value
    comment: str


Value: TypeAlias = "str | list[Value] | dict[str, Value] | Noted"

# Line breaks libyaml reads (YAML 1.1) but the edits here, which work in LF
# or CRLF lines, do not: a lone CR (old Mac files), NEL, U+2028, U+2029.
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def refuse_odd_breaks(text: str, where: str = "") -> None:
    """Refuse to edit around a line break the edits cannot place lines by (reading is fine)."""
    odd = _ODD_BREAK.search(text)
    if odd is None:
        return
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    line = text.count("\n", 0, odd.start()) + 1
    column = odd.start() - text.rfind("\n", 0, odd.start())
    at = f"{where}:{line}:{column}" if where else f"line {line}"
    at_zh = f"{where}:{line}:{column}" if where else f"第 {line} 行"
    name = {"\r": "CR without LF", "\x85": "NEL", "\u2028": "U+2028", "\u2029": "U+2029"}[odd.group()]
    raise PlantrackError(
        Msg(
            f"{at}: a line break plantrack does not edit ({name}): nothing written; "
            "save the file with LF (or CRLF) line endings, then edit",
            f"{at_zh}：含无法编辑的换行符（{name}）：未写入；请将文件另存为 LF（或 CRLF）换行后再编辑",
        ),
        Exit.USAGE,
    )


_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[^\r\n]*", re.M)


@dataclass
class Doc:
    text: str
    data: Any
    pos: yamlread.Positions
    nl: str  # the file's line ending, for the lines we add
    # The entry whose lines have spans (yamlscope), () for the whole text: an
    # edit of one plan reads only that plan's lines with spans.
    scope: Path = ()

    @classmethod
    def parse(cls, text: str, scope: Path = ()) -> Doc:
        """The text read for an edit; with `scope`, spans for that entry only, when it can be cut out."""
        refuse_odd_breaks(text)
        first = text.find("\n")
        nl = "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
        found = yamlscope.scoped(text, scope) if scope else None
        if found is not None:
            return cls(text, *found, nl, scope)
        data, pos = yamlread.read(text, spans=True)
        return cls(text, data, pos, nl)

    def written(self, path: Path, key: bool = False) -> bool:
        """Whether the value (or key) at `path` is written where it is, not reached through an alias.

        Outside the scope there are no spans. The keys read there have a
        position (an alias's keys have none), and the scope's own key has one,
        so nothing on the way to it is an alias.
        """
        if self.scope and path[: len(self.scope)] != self.scope:
            return path in self.pos.keys if key else path == self.scope[: len(path)]
        return path in (self.pos.key_spans if key else self.pos.value_spans)

    def value(self, path: Path) -> Any:
        node = self.data
        for part in path:
            node = node[part]
        return node

    def is_flow(self, path: Path) -> bool:
        return bool(self.pos.flow.get(path))

    def key_col(self, path: Path) -> int:
        return self.pos.key_at(path)[1] - 1 if path else 0

    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def after_line(self, i: int) -> int:
        """The index just past the line break that ends the line holding i (or the end)."""
        if i > 0 and self.text[i - 1] == "\n":
            return i
        end = self.text.find("\n", i)
        return len(self.text) if end == -1 else end + 1

    def entry_end(self, path: Path) -> int:
        """Where the last character of an entry (its key and everything under it) is.

        A block collection's own span runs on to the next token, past comments
        and blank lines that belong to what follows, so only scalars, flow
        collections and keys count.
        """
        n = len(path)
        end = self.pos.key_spans[path][1] if path in self.pos.key_spans else 0
        for p, (_, e) in self.pos.value_spans.items():
            if p[:n] == path and self.pos.flow.get(p) is not False and e > end:
                end = e
        for p, (_, e) in self.pos.key_spans.items():
            if p[:n] == path and e > end:
                end = e
        return end

    @property
    def step(self) -> int:
        """The file's usual indentation step (2 if it shows none)."""
        steps: Counter[int] = Counter()
        for p in self.pos.key_spans:  # the keys read with spans: the scope's, or all
            if len(p) > 1 and p[:-1] in self.pos.keys and self.pos.flow.get(p[:-1]) is False:
                delta = self.pos.key_at(p)[1] - self.pos.key_at(p[:-1])[1]
                if delta > 0:
                    steps[delta] += 1
        return steps.most_common(1)[0][0] if steps else 2


def apply(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits, the last first so earlier offsets hold."""
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


# --- writing values -----------------------------------------------------------


def _bare(value: Value) -> str | list[Value] | dict[str, Value]:
    while isinstance(value, Noted):
        value = value.value
    return value


def inline(value: Value) -> bool:
    """A scalar, or a mapping or list of scalars: written on one line as `{a: b}` or `[a, b]`."""
    bare = _bare(value)
    if isinstance(bare, list):
        return all(isinstance(_bare(v), str) for v in bare)
    return isinstance(bare, str) or all(isinstance(_bare(v), str) for v in bare.values())


def flow(value: Value) -> str:
    bare = _bare(value)
    if isinstance(bare, str):
        return scalar(bare)
    if isinstance(bare, list):
        return "[" + ", ".join(flow(v) for v in bare) + "]"
    return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in bare.items()) + "}"


def block(key: str, value: Value, indent: int, step: int, nl: str, pad: int = 1) -> str:
    """`key: value` as block lines at `indent`, nested mappings one step deeper."""
    comment = f"  {value.comment}" if isinstance(value, Noted) else ""
    head = " " * indent + scalar(key) + ":"
    value = _bare(value)
    if isinstance(value, str) or inline(value):
        return f"{head}{' ' * pad}{flow(value)}{comment}{nl}"
    if isinstance(value, list):  # a list of mappings (a log): one `- {…}` line per item
        return f"{head}{comment}{nl}" + "".join(f"{' ' * (indent + step)}- {flow(v)}{nl}" for v in value)
    # Align a list of one-line mappings the way people do by hand: values in a column.
    aligned = all(isinstance(_bare(v), dict) and inline(v) for v in value.values())
    width = max((len(scalar(k)) for k in value), default=0)
    lines = [f"{head}{comment}{nl}"]
    for k, v in value.items():
        child_pad = width - len(scalar(k)) + 1 if aligned else 1
        lines.append(block(k, v, indent + step, step, nl, child_pad))
    return "".join(lines)


# --- editing ------------------------------------------------------------------


def replace_value(doc: Doc, path: Path, value: str) -> Edit:
    """Write a new scalar over an existing value, keeping what follows it."""
    start, end = doc.pos.value_spans[path]
    new = scalar(value)
    if start == end:  # `key:` with nothing after the colon
        return start, end, " " + new
    old = doc.text[start:end]
    if old[:1] in "|>":  # a block scalar: its span ends with the line break(s) after it
        tail = old[len(old.rstrip()) :]
        brk = tail.find("\n")
        if brk != -1:
            new += tail[brk - 1 if brk > 0 and tail[brk - 1] == "\r" else brk :]
    return start, end, new


def set_key(
    doc: Doc, mpath: Path, key: str, value: Value, *, after: str | None = None, before: str | None = None
) -> list[Edit]:
    """Set `key` in the mapping at `mpath` (which may be null), adding it if absent.

    A new key goes after `after`, else before `before`, else last.
    """
    container = doc.value(mpath)
    if container is None:
        return _fill_null(doc, mpath, key, value)
    bare = _bare(value)
    if key in container:
        if isinstance(bare, list) and (not isinstance(container[key], list | dict) or doc.is_flow(mpath + (key,))):
            start, end = doc.pos.value_spans[mpath + (key,)]
            return [(start, end, (" " if start == end else "") + flow(bare))]  # `key:` with nothing after it
        if not isinstance(bare, str):
            raise ValueError(f"{key!r} is already there")
        return [replace_value(doc, mpath + (key,), bare)]
    if not container:  # `{}`: the only entry, written as if the mapping were null (block lines when it is big)
        return _fill_null(doc, mpath, key, value)
    # The neighbour the new key goes next to, and on which side.
    if before is not None and before in container and (after is None or after not in container):
        first, side = True, before
    else:
        first, side = False, after if after is not None and after in container else list(container)[-1]
    neighbour = mpath + (side,)
    if doc.is_flow(mpath):
        return [_flow_insert(doc, neighbour, key, value, first)]
    return [_block_insert(doc, neighbour, key, value, first)]


def _fill_null(doc: Doc, mpath: Path, key: str, value: Value) -> list[Edit]:
    start, end = doc.pos.value_spans[mpath]
    if inline({key: value}) or doc.is_flow(mpath[:-1]):
        text = flow({key: value})
        return [(start, end, " " + text if start == end else text)]
    indent = doc.key_col(mpath) + doc.step
    at = doc.after_line(end)
    lead = doc.nl if at == len(doc.text) and not doc.text.endswith("\n") else ""
    if start < end:  # `key: {}` becomes `key:`, a comment after it kept two spaces away
        start = len(doc.text[:start].rstrip(" \t"))
    return [(start, end, ""), (at, at, lead + block(key, value, indent, doc.step, doc.nl))]


def _flow_insert(doc: Doc, neighbour: Path, key: str, value: Value, first: bool) -> Edit:
    entry = f"{scalar(key)}: {flow(value)}"
    if first:
        at = doc.pos.key_spans[neighbour][0]
        return at, at, entry + ", "
    at = doc.pos.value_spans[neighbour][1]
    return at, at, ", " + entry


def _block_insert(doc: Doc, neighbour: Path, key: str, value: Value, first: bool) -> Edit:
    at = doc.line_start(doc.pos.key_spans[neighbour][0]) if first else doc.after_line(doc.entry_end(neighbour))
    lead = doc.nl if at == len(doc.text) and not doc.text.endswith("\n") else ""
    if not inline(value) and doc.text.startswith(doc.nl, at):
        lead = doc.nl  # entries of many lines are set apart by a blank line: keep the rhythm
    pad = _pad(doc, neighbour, key, value)
    return at, at, lead + block(key, value, doc.key_col(neighbour), doc.step, doc.nl, pad)


def _pad(doc: Doc, neighbour: Path, key: str, value: Value) -> int:
    """Spaces after `key:` so a one-line value lines up with its neighbour's."""
    key_line, key_col = doc.pos.key_at(neighbour)
    value_line, value_col = doc.pos.value_at(neighbour)
    if not inline(value) or key_line != value_line:
        return 1
    return max(1, value_col - key_col - len(scalar(key)) - 1)


def append_item(doc: Doc, lpath: Path, item: Value) -> list[Edit]:
    """Add `item` at the end of the list at `lpath`, in the list's own style."""
    items = doc.value(lpath)
    start, end = doc.pos.value_spans[lpath]
    if doc.is_flow(lpath):
        close = doc.text.rindex("]", start, end)
        return [(close, close, (", " if items else "") + flow(item))]
    last = cast(Path, (*lpath, len(items) - 1))  # a list item: its index ends the path
    item_start = doc.pos.value_spans[last][0]
    dash = doc.text.rindex("-", doc.line_start(item_start), item_start)
    at = doc.after_line(doc.entry_end(last))
    lead = doc.nl if at == len(doc.text) and not doc.text.endswith("\n") else ""
    column = dash - doc.line_start(dash)
    return [(at, at, f"{lead}{' ' * column}- {flow(item)}{doc.nl}")]


def remove_key(doc: Doc, mpath: Path, key: str) -> list[Edit]:
    """Remove `key` from the mapping at `mpath`; comments on its lines stay."""
    container = doc.value(mpath)
    path = mpath + (key,)
    if doc.is_flow(mpath):
        keys = list(container)
        if len(keys) == 1:
            start, end = doc.pos.value_spans[mpath]
            return [(start, end, "{}")]
        i = keys.index(key)
        start = doc.pos.key_spans[path][0]
        if i + 1 < len(keys):
            return [(start, doc.pos.key_spans[mpath + (keys[i + 1],)][0], "")]
        return [(doc.pos.value_spans[mpath + (keys[i - 1],)][1], doc.pos.value_spans[path][1], "")]
    key_start = doc.pos.key_spans[path][0]
    start = doc.line_start(key_start)
    end = doc.after_line(doc.entry_end(path))
    if doc.text[start:key_start].strip():  # something before the key on its line (`- key:`): keep the line
        start, end = key_start, doc.entry_end(path)
    kept = "".join(" " * doc.key_col(path) + c + doc.nl for c in _comments(doc, path, start, end))
    edits = [(start, end, kept)]
    if len(container) == 1 and mpath in doc.pos.key_spans:
        # The mapping is now empty: say so with `{}` rather than leave a bare `key:`.
        colon = doc.text.index(":", doc.pos.key_spans[mpath][1]) + 1
        edits.append((colon, colon, " {}"))
    return edits


def _comments(doc: Doc, path: Path, start: int, end: int) -> list[str]:
    """The comments between start and end, outside the scalars of the entry at path."""
    chars = list(doc.text[start:end])
    n = len(path)
    spans = [s for p, s in doc.pos.key_spans.items() if p[:n] == path]
    spans += [s for p, s in doc.pos.value_spans.items() if p[:n] == path and p not in doc.pos.flow]
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return _COMMENT.findall("".join(chars))
