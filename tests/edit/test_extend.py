"""`plantrack extend`: an authorised extension (R23) written byte-exactly, refused when
granted by a unit that may not change the scheme's deadlines."""

from __future__ import annotations

from pathlib import Path

from tests.edit import district
from tests.edit.test_edit_exact import expect


def test_extend_writes_an_extension_into_a_block_mapping(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    before = path.read_bytes()
    code, out, err = cli(
        "extend", "edu-plan", "first-draft", "2020年10月底", "--by", "gov", "--ref", "青政办函〔2020〕15号",
        "--file", str(path), "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    assert "edu-plan/first-draft extended to 2020年10月底 (2020-10-31) by gov, 青政办函〔2020〕15号" in out
    expect(
        before,
        path.read_bytes(),
        [
            (
                '             note: "疫情延误: 推迟 #3"',
                '             note: "疫情延误: 推迟 #3"\n'
                "             extended: {until: 2020年10月底, by: gov, ref: 青政办函〔2020〕15号}",
            )
        ],
    )


def test_extend_lets_a_later_due_date_pass_r9(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    code, _, err = cli("due", "edu-plan", "first-draft", "2020-06-30", "--file", str(path), "--lang", "en")
    assert code == 1 and "PT209" in err  # D10 is 2020-05-31: refused without an extension
    code, _, err = cli("extend", "edu-plan", "first-draft", "2020-06-30", "--by", "gov", "--file", str(path))
    assert code == 0, err
    code, _, err = cli("due", "edu-plan", "first-draft", "2020-06-30", "--file", str(path), "--lang", "en")
    assert code == 0, err


def test_extend_by_the_compiling_department_is_refused(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    before = path.read_bytes()
    code, out, err = cli(
        "extend", "edu-plan", "finished", "2020-10-31", "--by", "edu", "--file", str(path), "--lang", "en"
    )
    assert (code, out) == (1, "")
    assert "PT217 edu-plan/finished (完成规划): extended by 'edu' (a district department)" in err
    assert path.read_bytes() == before


def test_extend_by_an_unknown_unit_suggests_one(cli, tmp_path: Path) -> None:
    path = district.write(tmp_path)
    code, out, err = cli(
        "extend", "edu-plan", "finished", "2020-10-31", "--by", "gvo", "--file", str(path), "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert err.startswith(
        "plantrack: --by: no unit 'gvo'; did you mean 'gov'? (valid: drc (区发展改革委), gov (区政府),"
    )
