"""Errors are data: a Problem is one located finding, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from plantrack.exitcodes import Exit
from plantrack.i18n import Msg


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    def label(self, lang: str) -> str:
        """The word text output shows: error / 错误, warning / 警告 (JSON keeps the value)."""
        return ("错误" if self is Severity.ERROR else "警告") if lang == "zh" else self.value


@dataclass(frozen=True, order=True, slots=True)  # tens of thousands on a big district
class Problem:
    """A finding at file:line:column (1-based), sortable by position."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    msg: Msg = field(compare=False)

    def to_json(self, lang: str) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.msg(lang),
        }


class PlantrackError(Exception):
    """A failure the user can act on: printed as one line, exit code attached."""

    def __init__(self, msg: Msg, exit_code: int = Exit.USAGE) -> None:
        super().__init__(msg.en)
        self.msg = msg
        self.exit_code = exit_code
