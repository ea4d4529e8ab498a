"""An output that cannot show Chinese (an ASCII or cp1252 stdout) escapes it, with one note: never exit 3."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import DISTRICT, REPO

AT = ("--file", str(DISTRICT), "--as-of", "2020-09-15")


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "plantrack", *args], capture_output=True, env=env, check=False)


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_narrow_encoding_escapes_chinese_with_one_note(encoding: str, lang: str) -> None:
    done = run(encoding, "status", *AT, "--lang", lang, "--width", "100")
    assert done.returncode == 0, done.stderr
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)
    assert "\\u9752\\u5c71\\u533a" in out  # 青山区, escaped
    assert "-107" in out and "2020-05-31" in out
    assert err.count("plantrack: note:") == 1 and f"({encoding})" in err and "escapes" in err
    assert "internal error" not in err


def test_json_on_an_ascii_stdout_is_still_json() -> None:
    import json

    done = run("ascii", "overdue", *AT, "--format", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["items"][0]["plan_name"] == '青山区生态环境保护"十四五"规划'


def test_no_note_when_nothing_needed_escaping() -> None:
    done = run("ascii", "--version")
    assert done.returncode == 0 and done.stderr == b""


def test_a_utf8_stdout_gets_no_note() -> None:
    done = run("utf-8", "status", *AT, "--lang", "zh")
    assert done.returncode == 0 and done.stderr == b"" and "青山区" in done.stdout.decode()
