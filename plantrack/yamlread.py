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

import gc
from typing import Any

from plantrack.decoding import YamlError
from plantrack.i18n import Msg
from plantrack.yamlbuild import (
    ALIAS_ALLOWANCE,
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_NUMBER,
    MAX_SCALAR,
    Builder,
    Path,
    Positions,
)
from plantrack.yamlhints import full_width, parser_zh

__all__ = ["MAX_DEPTH", "MAX_ENTRIES", "MAX_NUMBER", "MAX_SCALAR", "Path", "Positions", "YamlError", "read"]


def read(text: str, *, spans: bool = False, recent: bool = True) -> tuple[Any, Positions]:
    """Parse one YAML document into plain data and its positions.

    Raises YamlError for anything that is not a single readable document.
    `recent=False`: a read of a few lines (yamlscope), neither looked up among
    the last texts read nor kept there, where it would push a whole file out.
    """
    for seen, had_spans, data, pos in _recent if recent else ():
        if spans <= had_spans and (text is seen or text == seen):
            return data, pos
    from ruamel.yaml import events
    from ruamel.yaml.cyaml import CParser
    from ruamel.yaml.error import YAMLError

    pos = Positions()
    parser = CParser(text)
    # Building makes millions of small objects and no cycles: the collector
    # would only rescan them, over and over (half the time, PERFORMANCE.md).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        data = Builder(pos, spans, len(text) + ALIAS_ALLOWANCE, events).run(parser.get_event)
    except YAMLError as e:  # the parser's own errors only: a bug in the builder is a bug (exit 3)
        raise _located(e, text) from None
    finally:
        parser.dispose()
        if was_enabled:
            gc.enable()
    # `owner：edu` parses (as one plain scalar): a key or value that starts with such a slip is one.
    slip = full_width(
        text, starts=lambda: {(n >> 32, n & 0xFFFFFFFF) for n in (*pos.keys.values(), *pos.values.values())}
    )
    if slip is not None:
        raise YamlError("PT001", slip[0], slip[1], _syntax(slip[2].en, slip[2].zh))
    if recent:
        remember(text, spans, data, pos)
    return data, pos


def _syntax(en: str, zh: str) -> Msg:
    return Msg(f"YAML syntax: {en}", f"YAML 语法错误\uff1a{zh}")


def remember(text: str, spans: bool, data: Any, pos: Positions) -> None:
    """What reading `text` gives (from source.py's cache): the next read of it returns this."""
    _recent[:] = [(text, spans, data, pos), *_recent[:1]]


# The last two texts read (plans.yaml and its schedule) and what they gave. An
# edit loads the file, finds its spans, writes, reads the result back and
# validates it: each text is parsed once. Callers treat the data and positions
# as read-only, as they do anyway.
_recent: list[tuple[str, bool, Any, Positions]] = []


def _located(e: Exception, text: str) -> YamlError:
    """Turn what the parser raised into one located, one-line problem."""
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
    # A full-width `：` or `，` typed by an input method, on the lines the parser was reading.
    first = context_mark.line + 1 if context_mark is not None else line
    slip = full_width(text, range(max(1, min(first, line - 3)), line + 1))
    if slip is not None:
        return YamlError("PT001", slip[0], slip[1], _syntax(slip[2].en, slip[2].zh))
    problem = str(getattr(e, "problem", None) or type(e).__name__)
    context = getattr(e, "context", None)
    en = f"{context}: {problem}" if context else problem
    zh = parser_zh(context, problem)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        en += " (a tab: YAML is indented with spaces only)"
        zh += "\uff08制表符\uff1aYAML 只能用空格缩进\uff09"
    return YamlError("PT001", line, col, _syntax(en, zh))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
