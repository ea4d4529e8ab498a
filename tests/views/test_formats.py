"""The formats: JSON as FORMAT.md says, csv that parses, markdown tables, no ANSI codes
where they do not belong, and tables whose columns line up with Chinese text."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

import pytest

from tests.conftest import DISTRICT

BUNDLED = str(DISTRICT)
AT = ("--file", BUNDLED, "--as-of", "2020-09-15")
VIEWS = [["status"], ["status", "outline"], ["overdue"], ["units"], ["units", "civil"]]
N_PLANS = 32  # plans in the bundled plans.yaml


def cells(text: str) -> int:
    """Display width, counted independently of rich: East Asian wide and full-width chars take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_of(line: str, needle: str) -> int:
    return cells(line[: line.index(needle)])


def test_status_json_has_formats_keys(cli) -> None:
    code, out, _ = cli("status", *AT, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and list(doc)[:2] == ["version", "as_of"] and doc["version"] == 1
    assert len(doc["plans"]) == N_PLANS
    for plan in doc["plans"]:
        assert list(plan)[:6] == ["id", "name", "kind", "owner", "state", "milestones"]
        for m in plan["milestones"]:
            assert list(m)[:6] == ["id", "name", "due", "done", "state", "days_late"]
            assert (m["days_late"] is None) == (m["state"] not in ("late", "overdue"))
            assert isinstance(m["days_late"], int | None)
    assert doc["counts"] == {"overdue": 6, "due-soon": 1, "open": 18, "late": 3, "done": 4}


def test_overdue_json_has_formats_keys(cli) -> None:
    code, out, _ = cli("overdue", *AT, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and (doc["version"], doc["as_of"]) == (1, "2020-09-15")
    first = doc["items"][0]
    assert list(first)[:5] == ["plan", "milestone", "owner", "due", "days_overdue"]
    assert first == {**first, "plan": "eco-plan", "milestone": "first-draft", "owner": "eco", "days_overdue": 107}
    states = [i["state"] for i in doc["items"]]
    assert states == ["overdue"] * 8 + ["due-soon"]  # transport-plan's own earlier finish pulls in two steps
    assert all((i["days_overdue"] is None) == (i["state"] == "due-soon") for i in doc["items"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_csv_parses(cli, lang: str) -> None:
    code, out, _ = cli("status", *AT, "--format", "csv", "--lang", lang)
    rows = list(csv.reader(io.StringIO(out)))
    header = {
        # Progress as two numbers (Excel read `2/10` as a date), days a plain integer.
        "zh": ["编号", "规划", "类型", "牵头单位", "已完成", "节点总数", "下一节点", "期限", "天数", "状态"],
        "en": ["id", "plan", "kind", "owner", "done", "total", "next", "due", "days", "state"],
    }[lang]
    assert code == 0 and rows[0] == header
    assert len(rows) == 1 + N_PLANS and all(len(r) == len(header) for r in rows)
    first = dict(zip(header, rows[1], strict=True))
    assert first[header[0]] == "eco-plan"
    assert first[header[1]] == '青山区生态环境保护"十四五"规划'  # quotes in the data survive the round trip
    assert (first[header[4]], first[header[5]]) == ("2", "10")
    assert first[header[7]] == "2020-05-31" and first[header[8]] == "-107"


def test_overdue_and_units_csv_parse(cli) -> None:
    _, out, _ = cli("overdue", *AT, "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["owner", "plan", "plan name", "milestone", "due", "state", "days", "responsible"]
    assert rows[1][5:] == ["overdue", "-107", "市生态环境局青山分局"]  # days as a number, the unit by name
    assert [r[1] for r in rows[1:]] == [
        "eco-plan",
        "emergency-plan",
        "north-towns-plan",
        "transport-plan",
        "transport-plan",
        "transport-plan",
        "liulin-plan",
        "baita-plan",
        "edu-plan",
    ]
    _, out, _ = cli("units", "civil", *AT, "--format", "csv", "--lang", "en")
    # One table a file: the unit's milestones still to do (`status --unit civil` lists its plans).
    assert "\n\n" not in out
    pending = list(csv.reader(io.StringIO(out)))
    assert pending[0] == ["plan", "milestone", "due", "state", "days", "responsible", "note"]
    assert {r[0] for r in pending[1:]} == {"elderly-plan", "civil-plan"}
    _, out, _ = cli("status", "--unit", "civil", *AT, "--format", "csv", "--lang", "en")
    assert [r[0] for r in csv.reader(io.StringIO(out))] == ["id", "elderly-plan", "civil-plan"]


MD_ROW = re.compile(r"^\|(.*)\|$")


def md_cells(line: str) -> list[str]:
    m = MD_ROW.match(line)
    assert m, line
    return [c.strip() for c in re.split(r"(?<!\\)\|", m[1])]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_markdown_is_a_table(cli, lang: str) -> None:
    code, out, _ = cli("status", *AT, "--format", "markdown", "--lang", lang)
    lines = out.splitlines()
    header, sep, body = md_cells(lines[0]), md_cells(lines[1]), lines[2 : 2 + N_PLANS]
    assert code == 0 and header[0] == {"zh": "编号", "en": "id"}[lang] and len(header) == 9
    assert all(re.fullmatch(r"---:?", s) for s in sep) and len(sep) == len(header)
    assert [md_cells(b)[0] for b in body][:3] == ["eco-plan", "emergency-plan", "north-towns-plan"]
    assert all(len(md_cells(b)) == len(header) for b in body)
    assert lines[2 + N_PLANS] == "" and lines[3 + N_PLANS].startswith(
        {"zh": "规划：逾期 6", "en": "plans: 6 overdue"}[lang]
    )


def test_markdown_escapes_pipes_and_newlines(cli, tmp_path) -> None:
    from tests.conftest import make_district

    path = make_district(
        tmp_path,
        """schedule: fyp14
units:
  drc: {name: 区发改委, type: drc}
plans:
  r1:
    name: "甲|乙"
    kind: research
    owner: drc
    milestones:
      results: {note: "第一行\\n第二行 | 续"}
""",
    )
    _, out, _ = cli("units", "drc", "--file", str(path), "--as-of", "2019-10-01", "--format", "markdown")
    row = next(
        line for line in out.splitlines() if line.startswith("| r1 |") and "results" not in line and "第一行" in line
    )
    assert md_cells(row)[-1] == "第一行<br>第二行 \\| 续"
    assert "甲\\|乙" in out


MACHINE = [(argv, fmt) for argv in VIEWS for fmt in ("json", "csv", "markdown")] + [(["timeline"], "json")]


@pytest.mark.parametrize(("argv", "fmt"), MACHINE)
def test_machine_formats_never_carry_ansi(cli, monkeypatch, argv: list[str], fmt: str) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    code, out, _ = cli(*argv, *AT, "--format", fmt)
    assert code == 0 and out and "\x1b" not in out


def test_table_colour_only_when_forced_and_allowed(cli, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b" not in cli("status", *AT)[1]  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in cli("status", *AT)[1]
    assert "\x1b[" in cli("timeline", *AT)[1]
    monkeypatch.setenv("NO_COLOR", "1")  # NO_COLOR wins
    assert "\x1b" not in cli("status", *AT)[1] + cli("timeline", *AT)[1]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [100, 140])
def test_status_columns_line_up_with_cjk(cli, lang: str, width: int) -> None:
    _, out, _ = cli("status", *AT, "--lang", lang, "--width", str(width))
    lines = out.splitlines()
    assert all(cells(line) <= width for line in lines)
    header = lines[0]
    due_at = column_of(header, {"zh": "期限", "en": "due"}[lang])
    state_at = column_of(header, {"zh": "状态", "en": "state"}[lang])
    rows = [line for line in lines[2:] if re.match(r"^[a-z][\w-]+ ", line)]  # a plan's first line
    assert len(rows) == N_PLANS
    with_next = [r for r in rows if re.search(r"\d{4}-\d\d-\d\d", r)]
    assert len(with_next) == 25
    # Plan and unit names (Chinese) come before these columns: a miscounted wide char would shift them.
    assert {column_of(r, re.search(r"\d{4}-\d\d-\d\d", r)[0]) for r in with_next} == {due_at}
    states = {
        "zh": ["逾期", "临期", "未到期", "延期完成", "按期完成"],
        "en": ["overdue", "due soon", "open", "done late", "done"],
    }
    for r in rows:
        label = next(s for s in sorted(states[lang], key=len, reverse=True) if r.rstrip().endswith(s))
        assert cells(r.rstrip()) - cells(label) == state_at, r


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_timeline_marker_is_one_column_with_cjk_labels(cli, lang: str) -> None:
    _, out, _ = cli("timeline", *AT, "--lang", lang, "--width", "100")
    lines = out.splitlines()
    assert all(cells(line) <= 100 for line in lines)
    marker = column_of(lines[0], "▼")
    lanes = [line for line in lines[3:-1] if "│" in line]
    assert len(lanes) > N_PLANS  # every plan, phase and kind heading the marker crosses
    assert {column_of(line, "│") for line in lanes} == {marker}
    assert column_of(lines[2], "┼") == marker
