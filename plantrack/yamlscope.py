"""One entry's lines read on their own: what an edit of one plan needs, at any size.

An edit of a plan changes a few lines inside that plan's block. Reading the
whole file with spans to find them, then reading the result again to prove
the edit landed, costs seconds at 100k milestones (the rest of the file is
the same bytes as before). Here the entry's lines are cut out and read
alone instead:

- `scoped` gives a file's plain read (yamlread, from its cache) with the spans
  of one entry only, for the surgery;
- `follow` derives the read of an edited text from the read of the text before
  it, when they differ only inside one entry's lines: those lines are read
  again, the positions after them move by the lines added or removed, and the
  result is remembered by yamlread, so that reading the edited text back and
  validating it parse nothing more.

Only where it is sound: the entry is a key of a block mapping standing first
on its line, its lines run to the next key of the same or an outer mapping,
and read alone they give exactly the data the whole file gave them, with no
anchor or alias (an alias reaches across entries). Otherwise both give None
and the caller reads the whole text, as before. tests/edit/test_scope.py
checks `follow` against a read of the whole text on random edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plantrack import yamlread
from plantrack.decoding import YamlError
from plantrack.yamlbuild import Path, Positions


@dataclass(frozen=True)
class Block:
    """The lines of one entry: text[start:end], starting on 1-based line `line`."""

    start: int
    end: int
    line: int
    end_line: int  # the line just after the entry (the next key's), or one past the last line


def scoped(text: str, scope: Path) -> tuple[Any, Positions] | None:
    """The read of `text` with spans (and flow styles) for the entry at `scope` and under it only."""
    data, pos = yamlread.read(text)
    found = _entry(text, data, pos, scope)
    if found is None:
        return None
    block, bpos = found
    return data, Positions(
        pos.values,
        pos.keys,
        _spans(bpos.value_spans, scope, block.start),
        _spans(bpos.key_spans, scope, block.start),
        {scope[:-1] + p: f for p, f in bpos.flow.items() if p},
        pos.cut,
    )


def follow(old: str, new: str, scope: Path) -> bool:
    """Remember the read of `new` derived from the read of `old` (yamlread's last texts), when
    they differ only inside the lines of the entry at `scope`, new entries after it among them
    (an added plan goes after its neighbour). False: `new` will be read whole."""
    if new == old:
        return True
    data, pos = yamlread.read(old)
    found = _entry(old, data, pos, scope)
    if found is None:
        return False
    block, before = found
    grown = len(new) - len(old)
    if (
        block.end + grown < block.start
        or new[: block.start] != old[: block.start]
        or new[block.end + grown :] != old[block.end :]
    ):
        return False  # the edit reaches beyond the entry
    lines = new[block.start : block.end + grown]
    if block.end < len(old) and not lines.endswith("\n"):
        return False
    moved = lines.count("\n") - old.count("\n", block.start, block.end)
    read = _read(lines, scope, spans=False, siblings=True)
    if read is None or read[1].keys[scope[-1:]] != pos.keys[scope] - ((block.line - 1) << 32):
        return False  # the key moved: indented, it would belong to the entry before; outdented, to a parent
    entries, bpos = read
    parent = _at(data, scope[:-1])
    if any(k in parent for k in list(entries)[1:]):
        return False  # an entry of the same name further on: a duplicate, for a whole read to report
    new_data = _replaced(data, scope, entries)
    base = scope[:-1]
    values = _moved(pos.values, (base + p for p in before.values if p), block, moved)
    keys = _moved(pos.keys, (base + p for p in before.keys), block, moved)
    for p, v in bpos.values.items():
        if p:
            values[base + p] = v + ((block.line - 1) << 32)
    for p, v in bpos.keys.items():
        keys[base + p] = v + ((block.line - 1) << 32)
    cut = [_shifted(e, moved) for e in pos.cut if e.line < block.line or e.line >= block.end_line]
    cut += [_shifted(e, block.line - 1) for e in bpos.cut]
    cut.sort(key=lambda e: (e.line, e.column))
    yamlread.remember(new, False, new_data, Positions(values, keys, cut=cut))
    return True


def _entry(text: str, data: Any, pos: Positions, scope: Path) -> tuple[Block, Positions] | None:
    """The entry's block and the positions its lines read alone give, if it can be cut out (module docstring)."""
    block = _block(text, data, pos, scope)
    if block is None:
        return None
    read = _read(text[block.start : block.end], scope, spans=True)
    if read is None or read[0] != _at(data, scope):
        return None
    return block, read[1]


def _block(text: str, data: Any, pos: Positions, scope: Path) -> Block | None:
    if not scope or scope not in pos.keys or not isinstance(scope[-1], str):
        return None
    line, column = pos.key_at(scope)
    start = _line_offset(text, line)
    if text[start : start + column - 1].strip(" "):
        return None  # something before the key on its line (`- key:`, a flow mapping)
    end_line = _next_key_line(data, pos, scope)
    if end_line is None:
        return Block(start, len(text), line, text.count("\n", start) + line + 1)
    if end_line <= line:
        return None
    end = _line_offset(text, end_line, start, line)
    return Block(start, end, line, end_line)


def _next_key_line(data: Any, pos: Positions, scope: Path) -> int | None:
    """The line of the first key after the entry: its next sibling's, else its parent's next sibling's…"""
    for depth in range(len(scope), 0, -1):
        parent, key = _at(data, scope[: depth - 1]), scope[depth - 1]
        if not isinstance(parent, dict):
            return -1  # a list on the way: not a block of keys
        keys = iter(parent)
        for k in keys:
            if k == key:
                nxt = next(keys, None)
                if nxt is not None:
                    path = scope[: depth - 1] + (nxt,)
                    return pos.key_at(path)[0] if path in pos.keys else -1
                break
    return None


# Line breaks libyaml counts that a count of "\n" does not (surgery refuses to edit such a file).
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def _read(lines: str, scope: Path, spans: bool, siblings: bool = False) -> tuple[Any, Positions] | None:
    """The entry's value and positions (under the entry's key), read from its lines alone.

    `siblings`: the lines may hold entries after it too; then the mapping of
    them all, the entry first, is returned.
    """
    if _ODD_BREAK.search(lines):
        return None
    try:
        data, pos = yamlread.read(lines, spans=spans, recent=False)
    except YamlError:
        return None
    if not isinstance(data, dict) or not data or next(iter(data)) != scope[-1] or pos.anchored:
        return None
    if spans and pos.flow.get(()) is not False:
        return None
    if siblings:
        return data, pos
    return (data[scope[-1]], pos) if len(data) == 1 else None


def _spans(spans: dict[Path, tuple[int, int]], scope: Path, offset: int) -> dict[Path, tuple[int, int]]:
    base = scope[:-1]
    return {base + p: (s + offset, e + offset) for p, (s, e) in spans.items() if p}


def _moved(table: dict[Path, int], gone: Any, block: Block, lines: int) -> dict[Path, int]:
    """Positions without the paths `gone` (the entry's), those after the entry moved by `lines` lines."""
    after, step = block.end_line << 32, lines << 32
    out = {p: v + step if v >= after else v for p, v in table.items()} if lines else dict(table)
    for p in gone:
        out.pop(p, None)
    return out


def _shifted(e: YamlError, lines: int) -> YamlError:
    return YamlError(e.code, e.line + lines, e.column, e.msg) if lines else e


def _replaced(data: Any, scope: Path, entries: dict[str, Any]) -> Any:
    """`data` with the entry at `scope` replaced by `entries` (itself first, then new ones after
    it): the mappings on the way copied, the rest shared."""
    if len(scope) == 1:
        out = {}
        for k, v in data.items():
            if k == scope[0]:
                out.update(entries)
            else:
                out[k] = v
        return out
    copy = dict(data)
    copy[scope[0]] = _replaced(data[scope[0]], scope[1:], entries)
    return copy


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _line_offset(text: str, line: int, known: int = 0, known_line: int = 1) -> int:
    """The offset where 1-based `line` starts, counting on from a line start already known.

    Whole chunks are counted at C speed, the last one line by line.
    """
    at, left = known, line - known_line
    while left > 0:
        chunk = text.count("\n", at, at + _CHUNK)
        if chunk >= left:
            break
        at, left = at + _CHUNK, left - chunk
    for _ in range(left):
        at = text.index("\n", at) + 1
    return at


_CHUNK = 1 << 16
