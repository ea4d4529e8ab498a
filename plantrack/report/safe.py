"""Data strings made safe for a terminal and for text formats (table, csv, markdown, plain lines).

A unit or plan name is data anyone with write access to plans.yaml chose. Raw
control characters in it would act on the reader's terminal: `ESC[2J` clears
the screen, `ESC]52;c;…BEL` writes the clipboard, and bidi overrides make text
read in another order than it runs. Every such character is shown as an
escape instead (`\\x1b`, `\\u202e`); tab and newline stay, as layout.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, bidi embeddings/overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def clean(text: str) -> str:
    """`text` with every control and bidi-override character shown escaped; clean text as it is."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def json_escape(text: str) -> str:
    """JSON text with DEL, C1 and bidi controls as \\u escapes (json leaves them raw): same value, safe bytes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _UNSAFE.search(text) else text
