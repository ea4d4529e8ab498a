"""Words people type for kinds, units, types, tiers, plans and milestones (plantrack.resolve)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plantrack import resolve
from plantrack.problems import PlantrackError
from tests.adopt.base import TEXT, write

UNITS = {"edu": {"name": "区教育局"}, "health": {"name": "区卫生健康委员会"}, "edc": {"name": "区教育发展中心"}}


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("乡镇", "township"),
        ("课题", "research"),
        ("专项", "special"),
        ("专项规划", "special"),
        ("Special", "special"),
        ("总体规划", "master"),
        ("评估", "evaluation"),
        ("eval", "evaluation"),
        ("regional", "regional"),
    ],
)
def test_kinds_by_id_label_and_short_label(word: str, kind: str) -> None:
    assert resolve.resolve(word, resolve.kind_choices(), resolve.KIND) == kind


@pytest.mark.parametrize(
    ("word", "utype"),
    [
        ("部门", "department"),
        ("乡镇", "township"),
        ("乡镇人大", "township-congress"),
        ("party committee", "party-committee"),
        ("办公室", "office"),
        ("drc", "drc"),
    ],
)
def test_unit_types(word: str, utype: str) -> None:
    assert resolve.resolve(word, resolve.unit_type_choices(), resolve.UNIT_TYPE) == utype


def test_tiers() -> None:
    assert [resolve.resolve(w, resolve.tier_choices(), resolve.TIER) for w in ("重点", "一般", "key", "一般专项")] == [
        "key",
        "general",
        "key",
        "general",
    ]


def test_names_whole_and_in_part() -> None:
    choices = resolve.named_choices(UNITS)
    assert resolve.resolve("区教育局", choices, resolve.UNIT) == "edu"
    assert resolve.resolve("卫生健康", choices, resolve.UNIT) == "health"
    assert resolve.resolve(" edu ", choices, resolve.UNIT) == "edu"
    assert resolve.resolve("发展中心", choices, resolve.UNIT) == "edc"


def test_ambiguous_part_lists_the_candidates() -> None:
    with pytest.raises(PlantrackError) as e:
        resolve.resolve("教育", resolve.named_choices(UNITS), resolve.UNIT, "--owner")
    assert e.value.exit_code == 2
    assert e.value.msg.en == (
        "--owner: '教育' fits more than one unit: edu (区教育局), edc (区教育发展中心); type the id or more of the name"
    )
    assert (
        e.value.msg.zh
        == "--owner：'教育' 可指多个单位：edu（区教育局）、edc（区教育发展中心）；请输入 id 或更完整的名称"
    )


def test_unknown_lists_the_valid_values_and_a_near_miss() -> None:
    with pytest.raises(PlantrackError) as e:
        resolve.resolve("eud", resolve.named_choices(UNITS), resolve.UNIT, "--owner")
    assert e.value.msg.en == (
        "--owner: no unit 'eud'; did you mean 'edu'? (valid: edu (区教育局), health (区卫生健康委员会), edc (区教育发展中心))"
    )
    with pytest.raises(PlantrackError) as e:
        resolve.resolve("课", resolve.kind_choices(), resolve.KIND, "--kind")  # one character: no partial match
    assert (
        "valid: master (总体规划), special (专项规划), regional (区域规划), township (乡镇规划), township-special (乡镇专项规划), research (研究课题)"
        in e.value.msg.en
    )


def test_long_lists_are_cut() -> None:
    many = {f"u{i}": {"name": f"单位{i}"} for i in range(40)}
    with pytest.raises(PlantrackError) as e:
        resolve.resolve("zzz", resolve.named_choices(many), resolve.UNIT)
    assert e.value.msg.en.endswith(", … (+16))")
    assert e.value.msg.zh.endswith("……（另有 16 个））")


def test_filter_ids_combines_repeated_words() -> None:
    assert resolve.filter_ids(["edu", "卫生"], resolve.named_choices(UNITS), resolve.UNIT, "--unit") == {
        "edu",
        "health",
    }


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["add", "r1", "--kind", "课题", "--owner", "区发展改革委", "--name", "研究"], "plan r1 added (research, drc)"),
        (
            ["add", "s1", "--kind", "专项", "--tier", "一般", "--owner", "卫生健康", "--name", "规划"],
            "plan s1 added (special, health)",
        ),
        (["add-unit", "u1", "--name", "区水利局", "--type", "部门"], "unit u1 added (department)"),
        (["done", "edu-plan", "区政府批准", "--date", "2019-10-26"], "edu-plan/start-approval done 2019-10-26"),
        (["done", "教育事业", "完成初稿", "--date", "2020-05-18"], "edu-plan/first-draft done 2020-05-18"),
        (["reopen", "edu-plan", "区政府批准启动编制"], "edu-plan/start-approval reopened"),
        (["due", "edu-plan", "衔接", "2020-08"], "edu-plan/coordination due 2020-08"),
        (["note", "edu-plan", "征求意见", "已公示"], "edu-plan/opinions note set"),
    ],
)
def test_edit_commands_take_the_words(cli, tmp_path: Path, args: list[str], line: str) -> None:
    path = write(tmp_path)
    code, out, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, err) == (0, ""), err
    assert out.startswith(f"{path}: {line}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["done", "edu-plan", "完成", "--date", "2020-09-01"],
            "'完成' fits more than one milestone of 'edu-plan': first-draft (完成初稿), finished (完成规划)",
        ),
        (["add", "x", "--kind", "乡", "--owner", "edu", "--name", "n"], "--kind: no plan kind '乡'"),
        (["add", "x", "--kind", "special", "--tier", "top", "--owner", "edu", "--name", "n"], "--tier: no tier 'top'"),
        (["add-unit", "x", "--name", "n", "--type", "局"], "--type: no unit type '局'"),
        (
            ["add-unit", "x", "--name", "n", "--type", "office", "--host", "发展改革"],
            "--host: '发展改革' fits more than one unit",
        ),
    ],
)
def test_words_that_fit_none_or_several(cli, tmp_path: Path, args: list[str], message: str) -> None:
    path = write(tmp_path)
    code, out, err = cli(*args, "--file", str(path), "--lang", "en")
    assert (code, out) == (2, "") and message in err, err
    assert path.read_text(encoding="utf-8") == TEXT


def test_short_names_of_the_one_unit_of_a_type() -> None:
    units = {
        "gov": {"name": "青山区人民政府", "type": "government"},
        "party": {"name": "中共青山区委员会", "type": "party-committee"},
        "drc": {"name": "青山区发展和改革委员会", "type": "drc"},
        "city-drc": {"name": "江州市发展和改革委员会", "type": "city-drc"},
        "t1": {"name": "甲镇人民政府", "type": "township"},
    }
    choices = resolve.unit_choices(units)
    assert [resolve.resolve(w, choices, resolve.UNIT) for w in ("区政府", "区委", "区发改委", "市发改委")] == [
        "gov",
        "party",
        "drc",
        "city-drc",
    ]
    # A second unit of the type: the short name no longer says which.
    units["gov2"] = {"name": "青山区人民政府办公室", "type": "government"}
    with pytest.raises(PlantrackError) as e:
        resolve.resolve("区政府", resolve.unit_choices(units), resolve.UNIT)
    assert e.value.msg.en.startswith("no unit '区政府'; did you mean 'gov'? (valid: gov (青山区人民政府), party")


def test_view_filter_helpers() -> None:
    assert resolve.kinds_named(["专项", "区域", "special"]) == {"special", "regional"}
    assert resolve.units_named(["edu", "卫生"], UNITS) == {"edu", "health"}
    assert resolve.units_named([], UNITS) == set()
    with pytest.raises(PlantrackError) as e:
        resolve.kinds_named(["专项", "专向"])
    assert e.value.msg.en.startswith("--kind: no plan kind '专向'")
