"""openpyxl, jinja2 and python-docx load only when `report` writes their format."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import DISTRICT, REPO

PROBE = """
import sys
from plantrack.cli import main
code = main(sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('openpyxl', 'jinja2', 'docx')})
print(code, ' '.join(heavy), file=sys.stderr)
"""


def loaded(*args: str) -> str:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=REPO, capture_output=True, text=True, timeout=120)
    return run.stderr.strip().splitlines()[-1]


def test_other_commands_import_none_of_them() -> None:
    assert loaded("--help") == "0"
    assert loaded("status", "--file", str(DISTRICT), "--as-of", "2020-09-15") == "0"
    assert loaded("check", "--file", str(DISTRICT), "--as-of", "2020-09-15") in ("0", "1")


def test_each_format_imports_only_its_library(tmp_path) -> None:
    base = ("report", "--file", str(DISTRICT), "--as-of", "2020-09-15")
    assert loaded(*base, "--format", "html", "-o", str(tmp_path / "a.html")) == "0 jinja2"
    assert loaded(*base, "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")) == "0 openpyxl"
    assert loaded(*base, "--format", "docx", "-o", str(tmp_path / "a.docx")) == "0 docx"
