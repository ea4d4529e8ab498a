"""Golden help pages and usage errors, in both languages, through plantrack.cli.main at 100 columns.

PLANTRACK_UPDATE_GOLDEN=1 rewrites them (and fails); review the diff like any other change.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.views.test_golden import compare

GOLDEN = REPO / "tests" / "golden" / "help"

CASES: dict[str, list[str]] = {
    "app": ["--help"],
    "status": ["status", "--help"],
    "done": ["done", "--help"],
    "unknown-command": ["stauts"],
    "bad-value": ["status", "--within", "x"],
    "missing-argument": ["done"],
}
EXIT = {"app": 0, "status": 0, "done": 0, "unknown-command": 2, "bad-value": 2, "missing-argument": 2}


@pytest.fixture
def run(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    def shown(*args: str) -> tuple[int, str]:
        code, out, err = cli(*args)
        return code, out + err

    return shown


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(CASES))
def test_help_and_usage_errors_match_golden(run, name: str, lang: str) -> None:
    code, text = run(*CASES[name], "--lang", lang)
    assert code == EXIT[name]
    compare(GOLDEN / f"{name}.{lang}.txt", text)


@pytest.mark.parametrize("name", ["app", "status", "bad-value"])
def test_every_way_of_asking_for_chinese_gives_the_same_text(run, monkeypatch, name: str) -> None:
    expected = (GOLDEN / f"{name}.zh.txt").read_text(encoding="utf-8")
    argv = CASES[name]
    assert run("--lang", "zh", *argv)[1] == expected  # before the command
    monkeypatch.setenv("PLANTRACK_LANG", "zh")
    assert run(*argv)[1] == expected
    monkeypatch.delenv("PLANTRACK_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run(*argv)[1] == expected
    assert run(*argv, "--lang", "en")[1] == (GOLDEN / f"{name}.en.txt").read_text(encoding="utf-8")


def test_no_english_left_in_chinese_help(run) -> None:
    for name in ("app", "status", "done"):
        text = (GOLDEN / f"{name}.zh.txt").read_text(encoding="utf-8")
        for word in ("Usage", "Options", "Arguments", "Commands", "Show this", "default:", "required"):
            assert word not in text, (name, word)


def test_more_usage_errors_in_chinese(run) -> None:
    cases = {
        ("status", "--bogus"): "plantrack: 没有选项 --bogus\uff08参见 plantrack status --help\uff09\n",
        ("status", "a", "b"): "plantrack: 多余的参数\uff08b\uff09\uff08参见 plantrack status --help\uff09\n",
        (
            "status",
            "--within",
            "-1",
        ): "plantrack: --within 的值无效\uff1a不能小于 0\uff08参见 plantrack status --help\uff09\n",
        ("check", "--format", "xml"): "plantrack: --format 的值无效\uff1a'xml' 不是可选值",
    }
    for argv, expected in cases.items():
        code, text = run(*argv, "--lang", "zh")
        assert code == 2 and text.startswith(expected), text


def test_plantrack_alone_and_without_a_command(run, monkeypatch) -> None:
    monkeypatch.setenv("PLANTRACK_LANG", "zh")
    assert run() == (0, (GOLDEN / "app.zh.txt").read_text(encoding="utf-8"))
    code, text = run("--lang", "zh")
    assert code == 2 and text == "plantrack: 缺少命令\uff08参见 plantrack --help\uff09\n"


def test_every_command_has_its_chinese_help() -> None:
    """A new command without a Chinese help line would show English in `plantrack --help --lang zh`."""
    import typer

    from plantrack.cli import app
    from plantrack.clizh import COMMANDS_ZH

    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert names == set(COMMANDS_ZH)
