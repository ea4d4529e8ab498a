"""The terminal: a rich Console made for stdout, the styles of states, printing laid-out lines.

The Console is made here by the command's writer and passed in, never global.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLES = {
    "overdue": "bold red",
    "due-soon": "yellow",
    "open": "",
    "late": "magenta",
    "done": "green",
    "dim": "dim",
    "bold": "bold",
}


def console(width: int | None, out: TextIO | None = None) -> Console:
    """A Console on `out` (stdout): colour only for a terminal without NO_COLOR, width of the terminal."""
    import shutil

    from rich.console import Console

    from plantrack import color

    out = out or sys.stdout
    on = color.enabled(out)
    return Console(
        file=out,
        width=width or shutil.get_terminal_size((100, 24)).columns,
        color_system=("auto" if out.isatty() else "standard") if on else None,
        force_terminal=on,
        no_color=not on,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def print_lines(console: Console, lines: list[Text]) -> None:
    """Lines laid out to the console's width already: print them as they are, never rewrapped.

    Without colour rich would write the plain text anyway; writing it directly
    skips its segment pipeline, which took seconds on a district of 10,000 plans.
    """
    from rich.text import Text

    for line in lines:
        if line.cell_len > console.width:
            line.truncate(console.width)
    if console.color_system is None:
        console.file.write("".join(f"{line.plain}\n" for line in lines))
    else:
        console.print(Text("\n").join(lines), no_wrap=True, overflow="crop", crop=True)
