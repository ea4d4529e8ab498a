"""What a YAML slip means, in both languages: the parser's words in Chinese, and
the most common slip of a Chinese input method, full-width punctuation.

`owner：edu`, `{done：2020-09-08}`, `a，b` in a flow and an indent of U+3000
spaces are typed as often as their half-width forms. libyaml reports them as
something else (a missing ':', a plain scalar `owner：edu`, a key starting with
U+3000), so the reader asks `full_width` first, both when parsing fails and
when a key or value it built starts where such a slip is. A `：` inside a
note is data and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from plantrack.i18n import Msg

# A full-width colon is a slip right after a key-like word (an id) at the
# start of a line, after `- `, or after `{` / `,` in a flow; a full-width comma
# after an entry of a flow; a U+3000 in a line's indentation. Each such
# character is checked backwards from where it stands (`_token`): scanning the
# whole text with patterns costs more than reading it.
_ID = re.compile(r"[A-Za-z0-9_.-]+[ \t]*")
_SUSPECT = re.compile("[\uff1a\uff0c\u3000]")

_WHAT: dict[str, Msg] = {
    "\uff1a": Msg(
        "full-width colon '\uff1a' (U+FF1A): type ':' followed by a space",
        "全角冒号\u201c\uff1a\u201d应改为半角冒号\u201c:\u201d\uff08后跟空格\uff09",
    ),
    "\uff0c": Msg(
        "full-width comma '\uff0c' (U+FF0C): type ',' between the entries",
        "全角逗号\u201c\uff0c\u201d应改为半角逗号\u201c,\u201d",
    ),
    "\u3000": Msg(
        "full-width space (U+3000) in the indentation: indent with ordinary spaces",
        "缩进中有全角空格\uff08U+3000\uff09\uff1a请改用半角空格缩进",
    ),
}


def full_width(
    text: str, lines: range | None = None, starts: Callable[[], Collection[tuple[int, int]]] | None = None
) -> tuple[int, int, Msg] | None:
    """The first full-width slip (on the given 1-based lines), as (line, column, message).

    With `starts` (where the parser saw keys and values begin), only a slip
    in a token that starts there counts: the parse succeeded, and a `：` in a
    note, a block scalar or a quoted string is data.
    """
    if not _SUSPECT.search(text):
        return None
    first = last = None
    if lines is not None:  # parsing failed: only the lines it was reading
        breaks = _line_starts(text)
        first = breaks[lines.start - 1] if lines.start <= len(breaks) else len(text)
        last = breaks[lines.stop - 1] if lines.stop - 1 < len(breaks) else len(text)
    found: list[tuple[int, int, int, Msg]] = []  # line, column, token's column (0: not one token), message
    line, counted = 1, 0
    for m in _SUSPECT.finditer(text, first or 0, len(text) if last is None else last):
        ch, char = m.start(), m.group()
        begin = text.rfind("\n", 0, ch) + 1
        seg = text[begin:ch]
        start = _token(seg, char)
        if start is None:
            continue
        tok = begin + start
        # `{note: 好，很好}` is a note with a comma in it, not two entries;
        # `[edu，health]` is two ids, `[好，很好]` may be one text.
        one = ": " not in text[tok:ch] and (char != "\uff0c" or _ID.fullmatch(text[tok:ch]) is not None)
        if (starts is not None and not one) or _commented(seg):
            continue
        # Counted on from the last one found: matches come in order, so the whole is linear.
        line, counted = line + text.count("\n", counted, begin), begin
        found.append((line, ch - begin + 1, tok - begin + 1 if one else 0, _WHAT[char]))
    if found and starts is not None:
        where = starts()
        found = [f for f in found if (f[0], f[2]) in where]
    return min(((f[0], f[1], f[3]) for f in found), key=lambda f: (f[0], f[1])) if found else None


def _token(seg: str, char: str) -> int | None:
    """Where the token a full-width character ends starts in its line before it, if it is a slip there."""
    if char == "\u3000":
        return len(seg) if not seg.strip(" \t") else None
    if char == "\uff0c":
        cut = max(seg.rfind("{"), seg.rfind("["), seg.rfind(","))
        if cut < 0 or any(c in seg[cut:] for c in "}]#"):
            return None
        return len(seg) - len(seg[cut + 1 :].lstrip(" \t"))
    end = len(seg.rstrip(" \t"))
    i = end
    while i and seg[i - 1].isascii() and (seg[i - 1].isalnum() or seg[i - 1] in "_.-"):
        i -= 1
    if i == end or not (seg[i].isalpha() or seg[i] == "_"):
        return None
    lead = seg[:i].rstrip(" \t")
    return i if lead.lstrip(" \t") in ("", "-") or lead.endswith(("{", ",", "\uff0c")) else None


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _commented(before: str) -> bool:
    """Whether a line's text up to a point has begun a comment (a `#` after a space, outside quotes)."""
    if "#" not in before:
        return False
    quote = ""
    for i, ch in enumerate(before):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or before[i - 1] in " \t"):
            return True
    return False


# libyaml's words (context and problem) in Chinese.
_CONTEXT_ZH: dict[str, str] = {
    "while scanning a simple key": "读取键时",
    "while parsing a flow mapping": "读取花括号 {…} 中的映射时",
    "while parsing a flow sequence": "读取方括号 […] 中的列表时",
    "while scanning a quoted scalar": "读取引号中的文本时",
    "while parsing a block mapping": "读取映射时",
    "while parsing a block collection": "读取列表时",
    "while parsing a block node": "读取节点时",
    "while parsing a flow node": "读取节点时",
    "while scanning for the next token": "",
    "while scanning an alias": "读取别名时",
    "while scanning an anchor": "读取锚点时",
    "while scanning a block scalar": "读取多行文本时",
    "while scanning a plain scalar": "读取文本时",
    "while scanning a directive": "读取指令时",
    "while scanning a tag": "读取标签时",
    "while parsing a node": "读取节点时",
}
_PROBLEM_ZH: dict[str, str] = {
    "could not find expected ':'": "找不到键后应有的冒号\u201c:\u201d",
    "mapping values are not allowed in this context": "此处不能出现\u201c: \u201d\uff08值中的冒号请给整个值加引号\uff09",
    "found character that cannot start any token": "出现了不能作为开头的字符",
    "found unexpected end of stream": "文件在结束符之前就结束了",
    "did not find expected ',' or '}'": "缺少\u201c,\u201d或\u201c}\u201d",
    "did not find expected ',' or ']'": "缺少\u201c,\u201d或\u201c]\u201d",
    "did not find expected key": "缺少应有的键\uff08缩进是否对齐\uff1f\uff09",
    "did not find expected '-' indicator": "缺少列表项的\u201c-\u201d\uff08缩进是否对齐\uff1f\uff09",
    "did not find expected node content": "缺少应有的内容",
    "found undefined alias": "别名没有对应的锚点",
    "found unknown escape character": "引号中有无法识别的转义字符",
    "found a tab character that violates indentation": "缩进中有制表符",
    "block sequence entries are not allowed in this context": "此处不能开始列表项\u201c- \u201d",
    "found unexpected ':'": "出现了多余的\u201c:\u201d",
    "did not find expected <document start>": "一个文件只能有一个文档",
    "did not find expected alphabetic or numeric character": "缺少应有的字母或数字",
    "did not find URI escaped octet": "标签中有无效的转义",
    "found duplicate anchor": "锚点重复",
    "found unexpected document indicator": "文本中出现了文档分隔符",
}
# Two that say more together: an unclosed quote and an unclosed bracket.
_PAIRS_ZH: dict[tuple[str, str], str] = {
    (
        "while scanning a quoted scalar",
        "found unexpected end of stream",
    ): "引号没有闭合\uff1a从此处开始的文本缺少结束引号",
    (
        "while parsing a flow mapping",
        "did not find expected ',' or '}'",
    ): "花括号 { 没有闭合\uff0c或条目之间缺少\u201c,\u201d",
    (
        "while parsing a flow sequence",
        "did not find expected ',' or ']'",
    ): "方括号 [ 没有闭合\uff0c或条目之间缺少\u201c,\u201d",
}


def parser_zh(context: str | None, problem: str) -> str:
    """libyaml's message in Chinese; words it has not seen stay as they are."""
    if context and (context, problem) in _PAIRS_ZH:
        return _PAIRS_ZH[(context, problem)]
    zh = _PROBLEM_ZH.get(problem)
    if zh is None:
        return f"{context}: {problem}" if context else problem
    where = _CONTEXT_ZH.get(context or "", "")
    return f"{where}{zh}"
