"""Write a string as a YAML scalar that reads back as exactly that string.

A value is written plain when that is safe in both block and flow context
(`first-draft: {note: 疫情延误}` and `note: 疫情延误` read the same), else in
double quotes. Every choice is checked by reading it back with the same
reader plantrack uses, so a wrong guess here can only cost quotes, never data.
"""

from __future__ import annotations

import re

from plantrack import yamlread

# Words YAML 1.1 readers (PyYAML, older editors' plugins) take as booleans or
# null: plantrack reads them as text, but a file is shared with other tools.
_YAML11_WORDS = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = frozenset(",[]{}")
# Characters YAML forbids raw in a stream, or reads as line breaks (NEL, LS, PS).
_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class ScalarError(ValueError):
    """A string that cannot be written to a UTF-8 file (lone surrogates)."""


def quoted(value: str) -> str:
    """`value` in double quotes with YAML's escapes."""
    out = []
    for ch in value:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif _ESCAPE.match(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _plain_candidate(value: str) -> bool:
    if not value or value != value.strip() or value[0] in _INDICATORS:
        return False
    if any(c in _FLOW_UNSAFE for c in value) or "\n" in value or "\r" in value or "\t" in value:
        return False
    if ": " in value or " #" in value or value.endswith(":") or _ESCAPE.search(value):
        return False
    return not _YAML11_WORDS.fullmatch(value)


def _reads_back(written: str, value: str) -> bool:
    for doc in (f"k: {written}\n", f"{{k: {written}}}\n"):
        try:
            data, _ = yamlread.read(doc, recent=False)  # a snippet: keep the file among the texts read
        except yamlread.YamlError:
            return False
        if not isinstance(data, dict) or data.get("k") != value or type(data.get("k")) is not str:
            return False
    return True


def scalar(value: str) -> str:
    """The text to write for `value`: plain if it reads back as itself, else quoted."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ScalarError(f"{value!r} is not valid text") from None
    if _plain_candidate(value) and _reads_back(value, value):
        return value
    written = quoted(value)
    if not _reads_back(written, value):  # a bug here must not reach the file
        raise ScalarError(f"cannot write {value!r} as YAML")
    return written
