"""Each new edit option, byte for byte: the file after the edit is exactly the expected text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.adopt.base import TEXT, write


def edited(cli, tmp_path: Path, *args: str, text: str = TEXT) -> str:
    path = write(tmp_path, text)
    code, _, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, err) == (0, ""), err
    return path.read_text(encoding="utf-8")


def replaced(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_add_unit_host(cli, tmp_path: Path) -> None:
    after = edited(
        cli, tmp_path, "add-unit", "office2", "--name", "规划科", "--type", "办公室", "--host", "区发展改革委"
    )
    assert after == replaced(
        "  office: {name: 领导小组办公室, type: office, host: drc}\n",
        "  office: {name: 领导小组办公室, type: office, host: drc}\n"
        "  office2: {name: 规划科, type: office, host: drc}\n",
    )


def test_add_unit_contact(cli, tmp_path: Path) -> None:
    after = edited(
        cli,
        tmp_path,
        "add-unit",
        "water",
        "--name",
        "区水利局",
        "--type",
        "部门",
        "--contact-person",
        "张三",
        "--contact-phone",
        "13800000000",
    )
    assert after == replaced(
        "  health: {name: 区卫生健康委员会, type: department}\n",
        "  health: {name: 区卫生健康委员会, type: department}\n"
        "  water:\n"
        "    name: 区水利局\n"
        "    type: department\n"
        '    contact: {person: 张三, phone: "13800000000"}\n',
    )


def test_add_unit_township_adds_its_congress_and_plan(cli, tmp_path: Path) -> None:
    after = edited(cli, tmp_path, "add-unit", "baita", "--name", "白塔乡", "--type", "township")
    want = replaced(
        "  health: {name: 区卫生健康委员会, type: department}\n",
        "  health: {name: 区卫生健康委员会, type: department}\n"
        "  baita:  {name: 白塔乡, type: township}\n"  # aligned with its neighbour
        "  baita-npc: {name: 白塔乡人民代表大会, type: township-congress, host: baita}\n",
    )
    want += (
        "  baita-plan:\n"
        "    name: 白塔乡国民经济和社会发展第十四个五年规划\n"
        "    kind: township\n"
        "    owner: baita\n"
        "    milestones:\n"
        "      first-draft:  {}  # due 2020-08-31 (D8)\n"
        "      coordination: {}  # due 2020-10-31\n"
        "      submitted:    {}  # due 2020-10-31 (D9)\n"
        "      approved:     {}  # due 2020-12-31\n"
        "      filed:        {}  # due 2020-12-31\n"
    )
    assert after == want


def test_done_by_and_to(cli, tmp_path: Path) -> None:
    after = edited(cli, tmp_path, "done", "edu-plan", "proposal", "--date", "2019-10-08", "--to", "区政府")
    assert after == TEXT  # already so
    after = edited(cli, tmp_path, "done", "edu-plan", "start-approval", "--date", "2019-10-26", "--by", "区政府")
    assert after == replaced(
        "      start-approval: {done: 2019-10-25, by: gov}\n", "      start-approval: {done: 2019-10-26, by: gov}\n"
    )


GENERAL = (
    TEXT
    + """\
  health-plan:
    name: 区卫生健康规划
    kind: special
    tier: general
    owner: health
    milestones:
      gov-review: {done: 2020-12-20, by: gov}
      issued:
        by: gov
"""
)


def test_done_by_two_units_writes_a_list(cli, tmp_path: Path) -> None:
    # "由区发展改革委会同有关部门联合印发" (R3): issued by the DRC and the department together.
    after = edited(
        cli,
        tmp_path,
        "done",
        "health-plan",
        "印发",
        "--date",
        "2020-12-28",
        "--by",
        "drc",
        "--by",
        "卫生健康",
        text=GENERAL,
    )
    assert after == replaced("        by: gov\n", "        by: [drc, health]\n        done: 2020-12-28\n", GENERAL)


def test_note_log_appends_to_a_flow_log(cli, tmp_path: Path) -> None:
    after = edited(cli, tmp_path, "note", "edu-plan", "完成规划", "--log", "发督办函", "--date", "2020-09-20")
    assert after == replaced(
        "        log: [{date: 2020-09-01, text: 电话督办}]\n",
        "        log: [{date: 2020-09-01, text: 电话督办}, {date: 2020-09-20, text: 发督办函}]\n",
    )


def test_note_log_creates_the_list(cli, tmp_path: Path) -> None:
    after = edited(
        cli, tmp_path, "note", "edu-plan", "first-draft", "--log", "电话督办：答复5月底", "--date", "2020-05-10"
    )
    assert after == replaced(
        "      first-draft:    {due: 2020-05-20}   # 自定\n",
        "      first-draft:    {due: 2020-05-20, log: [{date: 2020-05-10, text: 电话督办：答复5月底}]}   # 自定\n",
    )
    after = edited(cli, tmp_path, "note", "edu-plan", "coordination", "--log", "催办", "--date", "2020-07-01")
    assert after == replaced(
        "      first-draft:    {due: 2020-05-20}   # 自定\n",
        "      first-draft:    {due: 2020-05-20}   # 自定\n"
        "      coordination:\n"
        "        log:\n"
        "          - {date: 2020-07-01, text: 催办}\n",
    )


def test_note_log_appends_to_a_block_log(cli, tmp_path: Path) -> None:
    text = replaced(
        "        log: [{date: 2020-09-01, text: 电话督办}]\n",
        "        log:\n          - {date: 2020-09-01, text: 电话督办}   # 第一次\n",
    )
    after = edited(
        cli, tmp_path, "note", "edu-plan", "finished", "--log", "发督办函", "--date", "2020-09-20", text=text
    )
    assert after == replaced(
        "          - {date: 2020-09-01, text: 电话督办}   # 第一次\n",
        "          - {date: 2020-09-01, text: 电话督办}   # 第一次\n          - {date: 2020-09-20, text: 发督办函}\n",
        text,
    )


def test_due_clear(cli, tmp_path: Path) -> None:
    path = write(tmp_path)
    code, out, err = cli("due", "edu-plan", "first-draft", "--clear", "--file", str(path), "--lang", "en")
    assert (code, err) == (0, "")
    assert "edu-plan/first-draft own due date 2020-05-20 removed: due 2020-05-31 (the scheme)" in out
    assert path.read_text(encoding="utf-8") == replaced(
        "      first-draft:    {due: 2020-05-20}   # 自定\n", "      first-draft:    {}   # 自定\n"
    )
    code, out, _ = cli("due", "edu-plan", "first-draft", "--clear", "--file", str(path), "--lang", "en")
    assert code == 0 and "has no own due date: nothing to change" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "edu-plan", "finished"], "due: give a DATE or --clear"),
        (["due", "edu-plan", "finished", "2020-09", "--clear"], "due: give a DATE or --clear"),
        (["note", "edu-plan", "finished"], "note: give TEXT, or --log TEXT"),
        (["note", "edu-plan", "finished", "x", "--log", "y"], "note: give TEXT, or --log TEXT"),
        (["note", "edu-plan", "finished", "--log", " "], "--log: the entry is empty"),
        (["done", "edu-plan", "finished", "--by", "nobody"], "--by: no unit 'nobody'"),
    ],
)
def test_misuse_is_exit_2(cli, tmp_path: Path, args: list[str], message: str) -> None:
    path = write(tmp_path)
    code, out, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, out) == (2, "") and message in err, err
    assert path.read_text(encoding="utf-8") == TEXT


EMPTY_UNITS = "schedule: fyp14\nunits:\nplans:\n"


def test_empty_sections_are_valid_and_filled_in_block_style(cli, tmp_path: Path) -> None:
    path = write(tmp_path, EMPTY_UNITS)
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2020-01-01", "--lang", "en")
    assert code == 1 and "PT102" not in out and "PT213" in out  # no type error: only what the district lacks
    after = edited(cli, tmp_path, "add-unit", "drc", "--name", "区发展改革委", "--type", "drc", text=EMPTY_UNITS)
    assert after == "schedule: fyp14\nunits:\n  drc: {name: 区发展改革委, type: drc}\nplans:\n"


def test_add_into_an_empty_flow_mapping_writes_block_lines(cli, tmp_path: Path) -> None:
    text = TEXT.replace(TEXT[TEXT.index("plans:") :], "plans: {}\n")
    after = edited(cli, tmp_path, "add", "r1", "--kind", "课题", "--owner", "drc", "--name", "基本思路研究", text=text)
    assert after == text.replace(
        "plans: {}\n",
        "plans:\n"
        "  r1:\n"
        "    name: 基本思路研究\n"
        "    kind: research\n"
        "    owner: drc\n"
        "    milestones:\n"
        "      topic-set: {}  # due 2019-11-30\n"
        "      results:   {}  # due 2019-11-30 (D1)\n",
    )
