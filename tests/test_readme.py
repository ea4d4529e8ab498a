"""README's exit-code table is the Exit enum, member for member."""

from __future__ import annotations

import re

from plantrack.exitcodes import Exit
from tests.conftest import REPO

ROW = re.compile(r"^\| (?P<code>\d+) \| `(?P<name>[A-Z_]+)` \| (?P<meaning>.+) \|$", re.M)


def test_readme_exit_codes_match_the_enum() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = {int(m["code"]): m["name"] for m in ROW.finditer(readme)}
    assert table == {member.value: member.name for member in Exit}
