"""Bytes to text and back: BOMs, UTF-8, UTF-16 and UTF-32.

Reading and editing share one table of byte-order marks, so an edit writes the
file back in the encoding, and with the BOMs, it was read in.
"""

from __future__ import annotations

from plantrack.i18n import Msg


class YamlError(Exception):
    """The text is not YAML plantrack can read; carries a located message."""

    def __init__(self, code: str, line: int, column: int, msg: Msg) -> None:
        super().__init__(msg.en)
        self.code, self.line, self.column, self.msg = code, line, column, msg


# The byte-order marks decode() accepts, longest first (UTF-32's starts like UTF-16's).
BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BOM = "\ufeff"


def _bom_of(data: bytes) -> tuple[bytes, str] | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return bom, codec
    return None


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), or UTF-16/32 with a BOM.

    Every leading BOM is dropped, not only the first: libyaml skips a BOM it
    sees at the start of the text, so a second one would shift every offset
    the reader records by one character (and an edit would land beside its
    value). encode_like() writes them all back.
    """
    found = _bom_of(data)
    if found is not None and found[1] != "utf-8":
        bom, codec = found
        try:
            return data[len(bom) :].decode(codec).lstrip(_BOM)
        except UnicodeDecodeError:
            name = codec[:6].upper()
            raise YamlError("PT004", 1, 1, Msg(f"not valid {name} text", f"不是有效的 {name} 文本")) from None
    if found is not None:  # UTF-8's BOM: counted in no column
        data = data[len(found[0]) :]
    if b"\x00" in data:
        line, col = _where(data, data.index(b"\x00"))
        raise YamlError(
            "PT004",
            line,
            col,
            Msg("binary data (NUL byte): expected a UTF-8 text file", "含二进制数据（NUL 字节）：应为 UTF-8 文本文件"),
        )
    try:
        return data.decode("utf-8").lstrip(_BOM)
    except UnicodeDecodeError as e:
        line, col = _where(data, e.start)
        raise YamlError(
            "PT004",
            line,
            col,
            Msg(
                f"byte 0x{data[e.start]:02x} is not UTF-8: save the file as UTF-8",
                f"字节 0x{data[e.start]:02x} 不是 UTF-8 编码：请将文件另存为 UTF-8",
            ),
        ) from None


def encode_like(text: str, original: bytes) -> bytes:
    """Text back to bytes in the original file's encoding, its BOMs kept: the inverse of decode()."""
    found = _bom_of(original)
    if found is None:
        return text.encode("utf-8")
    bom, codec = found
    count = 0
    while original.startswith(bom, count * len(bom)):
        count += 1
    return bom * count + text.encode(codec)


def _where(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col
