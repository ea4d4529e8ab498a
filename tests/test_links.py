"""Files are resolved inside the district: a link out of it is refused, and nothing outside is quoted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from plantrack.exitcodes import Exit
from tests.conftest import DISTRICT, REPO, make_district

SECRET = "SECRET_TOKEN: ghp_do-not-print-me\n"


def district_with_linked_schedule(folder: Path, target: Path) -> Path:
    path = make_district(folder, DISTRICT.read_bytes())
    linked = folder / "schedules" / "fyp14.yaml"
    linked.unlink()
    linked.symlink_to(target)
    return path


def test_a_schedule_linked_to_a_file_outside_is_refused_unquoted(cli, tmp_path: Path) -> None:
    secret = tmp_path / "runner-secret.yaml"
    secret.write_text(SECRET)
    (tmp_path / "district").mkdir()
    path = district_with_linked_schedule(tmp_path / "district", secret)
    for args in (
        ("check", "--format", "github"),
        ("check",),
        ("status",),
        ("status", "--format", "json"),
        ("note", "edu-plan", "coordination", "x"),
    ):
        code, out, err = cli(*args, "--file", str(path), "--lang", "en")
        assert code == Exit.USAGE, (args, err)
        assert "SECRET" not in out + err and "ghp_" not in out + err
        assert err == (
            f"plantrack: {path.parent}/schedules/fyp14.yaml is a link to {secret}, outside the district "
            f"({path.parent}): plantrack reads only files inside it; copy the file in instead of linking it\n"
        )


def test_a_schedule_linked_inside_the_repository_is_read(cli, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.copy(REPO / "schedules" / "fyp14.yaml", shared / "fyp14.yaml")
    (tmp_path / "district").mkdir()
    path = district_with_linked_schedule(tmp_path / "district", shared / "fyp14.yaml")
    code, _, err = cli("check", "--file", str(path), "--as-of", "2020-09-15", "--lang", "en")
    assert code in (0, 1), err


def test_a_plans_file_linked_from_outside_the_district_is_refused(cli, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    real = make_district(tmp_path / "elsewhere", DISTRICT.read_bytes())
    (tmp_path / "here").mkdir()
    link = tmp_path / "here" / "plans.yaml"
    link.symlink_to(real)
    before = real.read_bytes()
    for args in (("check",), ("note", "edu-plan", "coordination", "x")):
        code, out, err = cli(*args, "--file", str(link), "--lang", "en")
        assert (code, out) == (Exit.USAGE, "")
        assert err.startswith(f"plantrack: {link} is a link to {real}, outside the district ({tmp_path / 'here'})")
    assert real.read_bytes() == before
