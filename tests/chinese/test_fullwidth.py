"""Full-width punctuation typed by a Chinese input method: named, located, and the half-width one to type."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_district

HEAD = "schedule: fyp14\nunits:\n  edu:\n    name: 区教育局\n    type: department\n"
COLON_EN = "full-width colon '\uff1a' (U+FF1A): type ':' followed by a space"
COLON_ZH = "全角冒号\u201c\uff1a\u201d应改为半角冒号\u201c:\u201d\uff08后跟空格\uff09"
COMMA_EN = "full-width comma '\uff0c' (U+FF0C): type ',' between the entries"
COMMA_ZH = "全角逗号\u201c\uff0c\u201d应改为半角逗号\u201c,\u201d"
SPACE_EN = "full-width space (U+3000) in the indentation: indent with ordinary spaces"
SPACE_ZH = "缩进中有全角空格\uff08U+3000\uff09\uff1a请改用半角空格缩进"

CASES = [
    # (name, text after HEAD, line, column, en, zh)
    (
        "key colon, parse fails",
        "plans:\n  p:\n    kind: special\n    owner\uff1aedu\n    tier: key\n",
        9,
        10,
        COLON_EN,
        COLON_ZH,
    ),
    ("key colon, parses as a scalar", "plans:\n  p:\n    owner\uff1aedu\n", 8, 10, COLON_EN, COLON_ZH),
    ("flow colon", "plans:\n  p:\n    milestones:\n      start: {done\uff1a2020-09-08}\n", 9, 19, COLON_EN, COLON_ZH),
    (
        "flow comma",
        "plans:\n  p:\n    milestones:\n      start: {done: 2020-09-08\uff0c note: 好}\n",
        9,
        31,
        COMMA_EN,
        COMMA_ZH,
    ),
    ("list comma", "plans:\n  p:\n    by: [edu\uff0cdrc]\n", 8, 13, COMMA_EN, COMMA_ZH),
    ("U+3000 indent", "plans:\n  p:\n\u3000\u3000\u3000\u3000kind: special\n", 8, 1, SPACE_EN, SPACE_ZH),
]


@pytest.mark.parametrize(("name", "body", "line", "col", "en", "zh"), CASES, ids=[c[0] for c in CASES])
def test_full_width_slip_is_named_and_located(cli, tmp_path: Path, name, body, line, col, en, zh) -> None:
    path = make_district(tmp_path, HEAD + body)
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2020-10-01")
    assert code == 2
    assert f"{path}:{line}:{col}: PT001 [error] YAML syntax: {en}" in out
    code, out, _ = cli("check", "--file", str(path), "--as-of", "2020-10-01", "--lang", "zh")
    assert code == 2
    assert f"{path}:{line}:{col}: PT001" in out and f"YAML 语法错误\uff1a{zh}" in out


def test_full_width_text_in_values_is_data(tmp_path: Path) -> None:
    from plantrack.yamlread import read

    text = (
        "note: 备注\uff1a已完成\uff0c待印发\n"
        'quoted: "owner\uff1aedu"\n'
        "flow: {note: 好\uff0c很好, tags: [好\uff0c很好]}\n"
        "block: |\n  owner\uff1aedu\n  \u3000\u3000段首缩进\n"
        "commented: 1  # owner\uff1aedu\n"
    )
    data, _ = read(text)
    assert data["note"] == "备注\uff1a已完成\uff0c待印发"
    assert data["quoted"] == "owner\uff1aedu"
    assert data["flow"] == {"note": "好\uff0c很好", "tags": ["好\uff0c很好"]}
    assert data["block"] == "owner\uff1aedu\n\u3000\u3000段首缩进\n"


@pytest.mark.parametrize(
    ("text", "line", "col", "zh"),
    [
        ("a: 1\nb\nc: 2\n", 3, 1, "读取键时找不到键后应有的冒号\u201c:\u201d"),
        ("a: b: c\n", 1, 5, "此处不能出现\u201c: \u201d"),
        ("a: `x\n", 1, 4, "出现了不能作为开头的字符"),
        ('a: "abc\nb: 1\n', 1, 4, "引号没有闭合"),
        ("a: [1, 2\n", 1, 4, "方括号 [ 没有闭合"),
        ("a: {b: 1\n", 1, 4, "花括号 { 没有闭合"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "缺少应有的键\uff08缩进是否对齐\uff1f\uff09"),
        ("a:\n\tb: 1\n", 2, 1, "制表符"),
    ],
)
def test_parser_messages_in_chinese_keep_the_location(text: str, line: int, col: int, zh: str) -> None:
    from plantrack.decoding import YamlError
    from plantrack.yamlread import read

    with pytest.raises(YamlError) as e:
        read(text)
    assert (e.value.code, e.value.line, e.value.column) == ("PT001", line, col)
    assert e.value.msg.zh.startswith("YAML 语法错误\uff1a") and zh in e.value.msg.zh
    assert not any(word in e.value.msg.zh for word in ("while", "expected", "found"))
