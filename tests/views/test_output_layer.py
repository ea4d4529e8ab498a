"""The output layer: one display width, data never reaching a terminal raw, one format registry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from plantrack.report.grid import Cell, Column, Grid, clip, columns, width
from plantrack.report.safe import clean
from tests.conftest import FIXTURE

# --- width ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("plan", 4),
        ("规划", 4),  # CJK wide: two columns each
        ("ＡＢ", 4),  # full-width Latin
        ("e\u0301", 1),  # e + combining acute: one column (len() and east_asian_width say 2)
        ("Cafe\u0301 规划", 9),
        ("a\u20dd", 1),  # enclosing mark
        ("a\u200bb", 2),  # zero-width space
        ("👩\u200d💻", 2),  # a ZWJ sequence is one picture
        ("✌\ufe0f", 2),  # VS16: the emoji's two-column form
        ("x\ufe0e", 1),  # VS15 (text form): none
        ("\u00ad", 1),  # a soft hyphen is drawn
        ("\ufeffx", 1),  # BOM as zero-width no-break space
        ("", 0),
    ],
)
def test_width(text: str, cells: int) -> None:
    assert width(text) == cells


def test_width_agrees_with_rich_on_combining_marks_where_the_old_measure_did_not() -> None:
    from rich.cells import cell_len

    for text in ("e\u0301", "规划\u0301", "n\u0303o", "区教育局", "👩\u200d💻 x", "✌\ufe0f", "a\u200bb", "\u00ad"):
        assert width(text) == cell_len(text), text


def test_columns_align_with_combining_marks_and_cjk() -> None:
    lines = columns(["A", "B"], [["Jose\u0301", "x"], ["规划", "y"], ["abc", "z"]])
    assert [width(ln[: ln.rindex(" ") + 1]) for ln in lines] == [width(lines[0][: lines[0].rindex(" ") + 1])] * 4


def test_clip_counts_display_width() -> None:
    assert clip("规划规划规划", 5) == "规划…"
    assert width(clip("e\u0301" * 10, 5)) == 5


# --- sanitising -------------------------------------------------------------

ESC_CLEAR, OSC52 = "\x1b[2J", "\x1b]52;c;SGVsbG8=\x07"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain 规划", "plain 规划"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        (OSC52, "\\x1b]52;c;SGVsbG8=\\x07"),
        ("\x9bc\x7f", "\\x9bc\\x7f"),  # C1 CSI and DEL
        ("abc\u202edef\u2066", "abc\\u202edef\\u2066"),  # bidi override and isolate
        ("tab\tand\nnewline\r", "tab\tand\nnewline\\x0d"),
    ],
)
def test_clean(raw: str, shown: str) -> None:
    assert clean(raw) == shown


def hostile(tmp_path: Path) -> Path:
    """The fixture district with escape sequences in a unit's, a plan's and a phase's name."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    plans = tmp_path / "plans.yaml"
    text = plans.read_text(encoding="utf-8")
    text = text.replace("{name: 区教育局,", '{name: "区教育局\\e[2J\\e]52;c;SGVsbG8=\\a\\u202e",')
    text = text.replace('name: 青山区教育事业发展"十四五"规划', 'name: "青山区教育\\e[2J规划\\x9b\\u2066"')
    plans.write_text(text, encoding="utf-8")
    sched = tmp_path / "schedules" / "fyp14.yaml"
    sched.write_text(sched.read_text(encoding="utf-8").replace("name: 前期研究阶段", 'name: "前期\\e[2J研究"'))
    return plans


def strings(value: object) -> set[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(strings(v) for v in items)) if items else set()


COMMANDS = [
    ["status"],
    ["status", "edu-plan"],
    ["overdue", "--within", "400"],
    ["units"],
    ["units", "edu"],
    ["timeline"],
    ["timeline", "--width", "160"],
]
FORMATS = ["table", "csv", "markdown", "json"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_control_character_reaches_stdout(cli, tmp_path: Path, args: list[str], fmt: str, lang: str) -> None:
    plans = hostile(tmp_path)
    if "--width" not in args and args != ["timeline"]:
        args = [*args, "--width", "400"]  # wide enough that no escape is wrapped in two
    code, out, err = cli(*args, "--file", str(plans), "--as-of", "2020-09-15", "--format", fmt, "--lang", lang)
    assert (code, err) == (0, "")
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066"):
        assert bad not in out, (bad, out)
    if fmt == "json":  # escaped as JSON does, so the names come back whole
        assert "区教育局\x1b[2J\x1b]52;c;SGVsbG8=\x07\u202e" in strings(json.loads(out))
    elif args != ["timeline"] or fmt != "table":  # the narrow timeline shows ids, not names
        assert "\\x1b[2J" in out


def test_colour_still_comes_from_the_table_writer(cli, tmp_path: Path, monkeypatch) -> None:
    """Sanitising data must not strip the table's own styles: FORCE_COLOR still gives ANSI codes."""
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    code, out, _ = cli("status", "--file", str(hostile(tmp_path)), "--as-of", "2020-09-15", "--lang", "en")
    assert code == 0 and "\x1b[" in out and "\x1b[2J" not in out


# --- the registry -----------------------------------------------------------


def test_every_format_has_a_writer() -> None:
    from plantrack.report.formats import WRITERS, Format

    assert sorted(WRITERS) == sorted(f.value for f in Format)


def test_markdown_escapes_one_way_everywhere() -> None:
    import io

    from plantrack.report.formats import md, write_markdown

    out = io.StringIO()
    write_markdown([Grid((Column("a|b"),), ((Cell("x|y\\z\nw"),),))], out)
    assert out.getvalue() == "| a\\|b |\n| --- |\n| x\\|y\\\\z<br>w |\n"
    assert md("\x1b[2J|") == "\\x1b[2J\\|"


def test_vocab_labels_every_id_once() -> None:
    from plantrack import models, vocab
    from plantrack.state import State

    assert list(vocab.KIND_LABELS) == list(vocab.KIND_SHORT) == list(vocab.PLAN_KINDS)
    assert list(vocab.UNIT_TYPE_LABELS) == list(vocab.UNIT_TYPES) and "subdistrict" in vocab.UNIT_TYPES
    assert list(vocab.TIER_LABELS) == list(vocab.TIERS)
    assert set(vocab.STATES) == set(State)
    assert models.UNIT_TYPES is vocab.UNIT_TYPES
    assert vocab.unit_type("subdistrict", "zh") == "街道" and vocab.kind("special", "en", short=True) == "special"


def test_history_and_changes_escape_data(cli, tmp_path: Path) -> None:
    """A note and a plan name holding escapes, committed to git, come out escaped in every format."""
    import os
    import subprocess

    plans = hostile(tmp_path)
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "A"}
    env |= {"GIT_COMMITTER_EMAIL": "a@x", "GIT_AUTHOR_DATE": "2020-08-01T10:00:00", "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args], cwd=tmp_path, env=env, check=True, capture_output=True
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "start")
    text = plans.read_text(encoding="utf-8")
    plans.write_text(text.replace("note: 专家论证会原则通过", 'note: "\\e]52;c;SGk=\\a"'), encoding="utf-8")
    env["GIT_AUTHOR_DATE"] = "2020-09-01T10:00:00"
    git("commit", "-qam", "note")
    for args in (["history"], ["changes", "--since", "2020-07-01", "--as-of", "2020-09-15"]):
        for fmt in FORMATS:
            code, out, err = cli(*args, "--file", str(plans), "--format", fmt, "--lang", "en")
            assert code == 0, err
            assert args[0] == "changes" or "52;c" in out  # history shows the note, escaped
            assert not any(bad in out for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")), (args, fmt, out)


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_check_escapes_data_quoted_in_messages(cli, tmp_path: Path, fmt: str) -> None:
    plans = hostile(tmp_path)
    plans.write_text(plans.read_text(encoding="utf-8").replace("kind: special", 'kind: "sp\\e[2Jecial"', 1))
    code, out, _ = cli("check", "--file", str(plans), "--as-of", "2020-09-15", "--format", fmt, "--lang", "en")
    assert code == 1 and "sp\\x1b[2Jecial" in out.replace("\\\\", "\\") and "\x1b" not in out


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["status", "--format", "csv"],
        ["overdue", "--format", "markdown"],
        ["units", "--format", "json"],
        ["timeline", "--format", "csv"],
    ],
    ids=" ".join,
)
def test_only_the_table_writer_imports_rich(args: list[str]) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from plantrack.cli import main; "
        f"c = main({[*args, '--file', str(FIXTURE / 'plans.yaml'), '--as-of', '2020-09-15']!r}); "
        "print('RICH' if any(m == 'rich' or m.startswith('rich.') for m in sys.modules) else 'NO-RICH', file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("NO-RICH"), done.stderr


def test_timeline_as_csv_is_one_table_of_milestones_with_their_phase(cli) -> None:
    """One table a file (Excel): the milestones, each with the phase its date falls in; markdown keeps both."""
    import csv
    import io

    at = ("--file", str(FIXTURE / "plans.yaml"), "--as-of", "2020-09-15")
    code, out, _ = cli("timeline", *at, "--format", "csv")
    assert "\n\n" not in out
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and rows[0] == ["plan", "milestone", "name", "date", "state", "phase"]
    assert ["outline", "ideas-submitted", "基本思路按程序报审", "2019-12-06", "done late", "规划编制阶段"] in rows
    assert ["outline", "major-projects", "重大项目和政策报市发展改革委", "2019-10-29", "done", "前期研究阶段"] in rows
    _, out, _ = cli("timeline", *at, "--format", "markdown")
    assert "| research | 前期研究阶段 | 2019-09-01 | 2019-11-30 |" in out


def test_a_skipped_id_is_escaped_on_stderr(cli, tmp_path: Path) -> None:
    plans = hostile(tmp_path)
    text = plans.read_text(encoding="utf-8").replace("  edu-plan:\n", '  "edu\\e[2J":\n    typo: 1\n', 1)
    plans.write_text(text, encoding="utf-8")
    code, _, err = cli("status", "--file", str(plans), "--as-of", "2020-09-15", "--lang", "en")
    assert code == 0 and "edu\\x1b[2J" in err and "\x1b" not in err
