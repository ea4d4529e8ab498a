"""csv that Excel opens as it is: a BOM in a file, numbers as numbers, one table a file;
the per-plan headers each name their own column; the responsible unit and extensions shown."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DISTRICT, FIXTURE, REPO

AT = ("--file", str(DISTRICT), "--as-of", "2020-09-15")
BOM = b"\xef\xbb\xbf"


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("argv", [["status"], ["overdue"], ["units"], ["units", "civil"], ["timeline"]])
def test_csv_to_a_file_has_a_bom_and_one_table(cli, tmp_path: Path, argv: list[str]) -> None:
    target = tmp_path / "out.csv"
    code, out, err = cli(*argv, *AT, "--format", "csv", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    data = target.read_bytes()
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    table = rows(data)
    assert b"\n\n" not in data and all(len(r) == len(table[0]) for r in table)


def test_stdout_sent_to_a_file_gets_the_bom_and_a_pipe_does_not(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "plantrack", "status", *AT, "--format", "csv", "--lang", "zh"]
    target = tmp_path / "shell.csv"
    with target.open("wb") as f:
        subprocess.run(cmd, stdout=f, env=env, check=True)
    assert target.read_bytes().startswith(BOM + "编号,".encode())
    piped = subprocess.run(cmd, capture_output=True, env=env, check=True).stdout
    assert piped.startswith("编号,".encode())  # a script reading a pipe gets plain UTF-8


def test_csv_numbers_are_numbers(cli, tmp_path: Path) -> None:
    target = tmp_path / "status.csv"
    cli("status", *AT, "--format", "csv", "--lang", "en", "-o", str(target))
    table = rows(target.read_bytes())
    head, first = table[0], dict(zip(table[0], table[1], strict=True))
    assert head[4:6] == ["done", "total"] and (first["done"], first["total"]) == ("2", "10")
    assert first["days"] == "-107" and not any("/" in r[4] + r[5] for r in table[1:])
    cli("overdue", *AT, "--format", "csv", "--lang", "zh", "-o", str(target))
    table = rows(target.read_bytes())
    days = [int(r[table[0].index("天数")]) for r in table[1:]]  # integers, not 逾期107天
    assert days[0] == -107 and days[-1] == 10


def test_output_to_a_folder_that_cannot_be_written_is_exit_4(cli, tmp_path: Path) -> None:
    code, _, err = cli("status", *AT, "--format", "csv", "-o", str(tmp_path / "missing" / "out.csv"))
    assert code == 4 and "out.csv" in err


def test_table_to_a_file_has_no_colour_and_no_bom(cli, tmp_path: Path) -> None:
    target = tmp_path / "status.txt"
    code, _, _ = cli("status", *AT, "--lang", "zh", "--width", "100", "-o", str(target))
    data = target.read_bytes()
    assert code == 0 and not data.startswith(BOM) and b"\x1b[" not in data and "逾期".encode() in data


@pytest.mark.parametrize(("lang", "by", "to"), [("zh", "审批单位", "报送单位"), ("en", "by", "to")])
def test_per_plan_csv_and_markdown_name_by_and_to_apart(cli, lang: str, by: str, to: str) -> None:
    _, out, _ = cli("status", "outline", *AT, "--format", "csv", "--lang", lang)
    header = next(csv.reader(io.StringIO(out)))
    assert header[header.index(by) + 1] == to and "→" not in "".join(header)
    _, out, _ = cli("status", "outline", *AT, "--format", "markdown", "--lang", lang)
    assert f"| {by} | {to} |" in out
    _, out, _ = cli("status", "outline", *AT, "--lang", lang, "--width", "160")
    assert {"zh": "审批 → 报送", "en": "by → to"}[lang] in out  # the table folds `to` under `by`


def extended(tmp_path: Path) -> Path:
    """The district with an authorised extension of eco-plan's first draft."""
    import shutil

    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    plans = tmp_path / "plans.yaml"
    text = plans.read_text(encoding="utf-8")
    old = "      first-draft:\n        note: 等待市级生态环境保护规划基本思路"
    assert old in text
    new = (
        "      first-draft:\n        extended: {until: 2020-10-31, by: gov, ref: 青政办函〔2020〕15号}\n"
        + old.split("\n")[1]
    )
    plans.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plans


@pytest.mark.parametrize(("lang", "words"), [("zh", "批准延期至 2020-10-31"), ("en", "extended to 2020-10-31")])
def test_an_extension_shows_in_the_state_and_the_basis(cli, tmp_path: Path, lang: str, words: str) -> None:
    plans = str(extended(tmp_path))
    at = ("--file", plans, "--as-of", "2020-10-25", "--lang", lang, "--width", "200")
    _, out, _ = cli("overdue", "--all", *at)  # every step: the extended one need not be the earliest
    line = next(line for line in out.splitlines() if "2020-10-31" in line and "eco-plan" in line)
    assert words in line
    _, out, _ = cli("status", "eco-plan", *at)
    assert words in out and {"zh": "批准延期 青政办函〔2020〕15号", "en": "extended 青政办函〔2020〕15号"}[lang] in out
    _, out, _ = cli("units", "eco", "--file", plans, "--as-of", "2020-11-05", "--lang", lang, "--width", "200")
    overdue = {"zh": "逾期 · 批准延期至 2020-10-31", "en": "overdue · extended to 2020-10-31"}[lang]
    assert overdue in out  # an extension that has run out is overdue again, and says so
    _, out, _ = cli("overdue", "--file", plans, "--as-of", "2020-10-25", "--format", "json")
    assert '"extended": {"until": "2020-10-31", "by": "gov", "ref": "青政办函〔2020〕15号"}' in out  # as before


def test_the_responsible_unit_is_named(cli, tmp_path: Path) -> None:
    """The body whose act a step is (the government approving the start) is named, not the owner, not an id."""
    from tests.conftest import make_district

    text = DISTRICT.read_text(encoding="utf-8")
    line = "      start-approval: {done: 2019-10-25, by: gov}\n"
    at_eco = text.index("  eco-plan:")
    # The shipped schedule, which gives each step its role (the fixture's frozen copy predates roles).
    plans = make_district(tmp_path, text[:at_eco] + text[at_eco:].replace(line, "", 1))
    at = ("--file", str(plans), "--as-of", "2020-09-15", "--lang", "zh")
    _, out, _ = cli("overdue", *at, "--format", "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][-1] == "责任单位"
    rows = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert all(r["责任单位"] and not r["责任单位"].isascii() for r in rows)  # names, never ids like `eco`
    start = next(r for r in rows if r["规划"] == "eco-plan" and r["节点"] == "区政府批准启动编制")
    assert (start["牵头单位"], start["责任单位"]) == ("市生态环境局青山分局", "区人民政府")
    _, out, _ = cli("overdue", *at, "--width", "160")
    assert "区人民政府" in next(line for line in out.splitlines() if "区政府批准启动编制" in line)


def test_a_unit_type_is_named_by_its_label() -> None:
    from plantrack.report.labels import unit_name
    from plantrack.vocab import unit_type

    assert unit_name("township-congress", {}, "zh") == unit_type("township-congress", "zh") != "township-congress"
    assert unit_name("township-congress", {}, "en") == unit_type("township-congress", "en")
