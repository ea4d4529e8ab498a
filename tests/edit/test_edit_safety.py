"""The write is atomic, refuses a file changed meanwhile, keeps mode and symlinks;
an edit that breaks a rule, or names an unknown id, changes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from plantrack.edit import apply
from plantrack.exitcodes import Exit
from tests.edit import district


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_failed_replace_leaves_the_original_and_no_temporary_file(cli, tmp_path: Path, monkeypatch) -> None:
    path = district.write(tmp_path)
    before, listing = path.read_bytes(), names(tmp_path)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, out, err = cli(
        "done", "edu-plan", "coordination", "--date", "2020-07-10", "--file", str(path), "--lang", "en"
    )
    assert out == ""
    assert code == Exit.CONFLICT
    assert err == f"plantrack: cannot write {path}: No space left on device; the file is unchanged\n"
    assert path.read_bytes() == before
    assert names(tmp_path) == listing


def test_a_concurrent_change_is_refused(cli, tmp_path: Path, monkeypatch) -> None:
    path = district.write(tmp_path)
    theirs = path.read_bytes().replace("疫情延误".encode(), "同事刚改的".encode())
    real_load = apply.loader.load

    def load_while_someone_writes(p: Path, **kw: object):  # type: ignore[no-untyped-def]
        if p != path:  # the validation of our temporary file: a colleague saves meanwhile
            path.write_bytes(theirs)
        return real_load(p, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(apply.loader, "load", load_while_someone_writes)
    code, _, err = cli("note", "edu-plan", "finished", "我的备注", "--file", str(path), "--lang", "en")
    assert code == Exit.CONFLICT
    assert "changed on disk while plantrack was editing it: nothing written" in err
    assert path.read_bytes() == theirs
    assert names(tmp_path) == ["plans.yaml", "schedules"]


def test_mode_and_symlink_survive(cli, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = district.write(tmp_path / "real")
    os.chmod(real, 0o640)
    link = tmp_path / "plans.yaml"
    link.symlink_to(real)
    code, _, err = cli("note", "edu-plan", "finished", "x", "--file", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert "note: x}" in real.read_bytes().decode("utf-8-sig")


def test_an_edit_that_breaks_a_rule_is_refused_with_its_message(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    before = path.read_bytes()
    code, out, err = cli("done", "edu-plan", "finished", "--date", "2020-09-20", "--file", str(path), "--lang", "en")
    assert code == 1
    assert err.startswith(
        f"plantrack: edit refused, {path} unchanged: PT208 edu-plan/finished (完成规划) is done but "
        "edu-plan/coordination (衔接协调), edu-plan/opinions (征求意见), edu-plan/argumentation (规划论证), "
        "which the scheme puts first, is not (R8)"
    )
    assert path.read_bytes() == before and out == ""


def test_a_done_date_after_today_is_refused(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    code, _, err = cli("done", "edu-plan", "coordination", "--date", "2999-01-01", "--file", str(path), "--lang", "en")
    assert code == 1 and "PT109" in err


def test_an_already_broken_file_still_takes_edits_that_add_no_error(cli, tmp_path: Path) -> None:
    broken = district.TEXT.replace("    owner: town\n", "    owner: tonw\n")  # PT104, unknown unit
    path = district.write(tmp_path, broken)
    code, _, err = cli("note", "edu-plan", "finished", "照常推进", "--file", str(path))
    assert code == 0, err
    code, _, err = cli(
        "add", "x-plan", "--kind", "special", "--owner", "edu", "--name", "X", "--file", str(path), "--lang", "en"
    )
    assert code == 1 and "PT112" in err  # a special plan needs a tier: the new error is refused


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["done", "edu-pln", "finished"], "no plan 'edu-pln'; did you mean 'edu-plan'?"),
        (["done", "edu-plan", "finshed"], "no milestone of 'edu-plan' named 'finshed'; did you mean 'finished'?"),
        (
            ["add", "p2", "--kind", "speical", "--owner", "edu", "--name", "n"],
            "no plan kind 'speical'; did you mean 'special'?",
        ),
        (["add", "p2", "--kind", "special", "--owner", "eud", "--name", "n"], "no unit 'eud'; did you mean 'edu'?"),
        (["add", "edu-plan", "--kind", "special", "--owner", "edu", "--name", "n"], "plans already has 'edu-plan'"),
        (
            ["add-unit", "u", "--name", "n", "--type", "deparment"],
            "no unit type 'deparment'; did you mean 'department'?",
        ),
        (["due", "edu-plan", "finished", "2020-13"], "month 13 does not exist"),
        (
            ["done", "edu-plan", "finished", "--date", "2020年9月"],
            "--date: '2020年9月' is not a date: expected YYYY-MM-DD",
        ),
    ],
)
def test_unknown_ids_and_bad_dates_exit_2_with_a_hint(cli, tmp_path: Path, args: list[str], message: str) -> None:
    path = district.write(tmp_path)
    before = path.read_bytes()
    code, out, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before


def test_nothing_to_change_writes_nothing(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    mtime = path.stat().st_mtime_ns
    code, out, _ = cli("reopen", "edu-plan", "coordination", "--file", str(path), "--lang", "en")
    assert code == 0 and out == f"{path}: edu-plan/coordination is not done: nothing to change\n"
    code, out, _ = cli("done", "town-plan", "first-draft", "--date", "2020-08-20", "--file", str(path), "--lang", "en")
    assert code == 0 and "(already so: nothing written)" in out
    assert path.stat().st_mtime_ns == mtime
