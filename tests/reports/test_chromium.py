"""The dashboard in headless Chromium: no console errors, a screenshot that is not blank,
and a print to PDF in A4 landscape with the page count stated here.

Skipped where Chromium is not installed, except in CI (CI set), where that is a failure.
With PLANTRACK_ARTIFACTS set, the screenshot is copied there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DISTRICT
from tests.reports import png
from tests.reports.conftest import AS_OF

PAGES = 9  # the fixture district's dashboard printed on A4 landscape
A4_LANDSCAPE = (842, 595)  # points


def browser() -> str:
    found = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed")
    return found


def chromium(page: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    args = [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *flags, page.as_uri()]
    run = subprocess.run(args, capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def console_errors(page: Path) -> list[str]:
    """What the page wrote to the console, or threw: Chromium logs both as CONSOLE lines."""
    run = chromium(page, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert "</html>" in run.stdout  # the page loaded and was serialised
    return [line for line in run.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@pytest.fixture
def dashboard(cli, tmp_path: Path) -> Path:
    out = tmp_path / "dashboard.html"
    code, _, err = cli("report", "-o", str(out), "--as-of", AS_OF, "--file", str(DISTRICT))
    assert code == 0, err
    return out


def test_no_console_errors(dashboard: Path) -> None:
    assert console_errors(dashboard) == []


def test_console_errors_are_seen(tmp_path: Path) -> None:
    """The check above can fail: a page that throws is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body>x<script>undefinedFn()</script></body></html>")
    errors = console_errors(bad)
    assert len(errors) == 1 and "Uncaught ReferenceError" in errors[0]


def test_screenshot_is_not_blank(dashboard: Path, tmp_path: Path) -> None:
    shot = tmp_path / "dashboard.png"
    chromium(dashboard, f"--screenshot={shot}", "--window-size=1280,900")
    width, height, _, _ = png.read(shot)
    assert (width, height) == (1280, 900)
    # Text, six state colours and bars: a blank or error page has a handful of colours.
    assert png.colours(shot) > 100
    if os.environ.get("PLANTRACK_ARTIFACTS"):
        target = Path(os.environ["PLANTRACK_ARTIFACTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / "dashboard.png")


def test_blank_page_fails_the_screenshot_check(tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>")
    shot = tmp_path / "blank.png"
    chromium(blank, f"--screenshot={shot}", "--window-size=320,200")
    assert png.colours(shot) <= 2


def test_prints_to_pdf_on_a4_landscape(dashboard: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "dashboard.pdf"
    chromium(dashboard, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) == PAGES
    boxes = {tuple(round(float(v)) for v in m.split()[2:]) for m in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
    assert boxes == {A4_LANDSCAPE}
