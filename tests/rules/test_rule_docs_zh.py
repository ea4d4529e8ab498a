"""Every rule's documentation in Chinese: the same sections and the same examples as the English."""

from __future__ import annotations

import re

import pytest

from plantrack.rules import RULES

CODE = re.compile(r"`([^`]+)`")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_chinese_doc_follows_the_english(rule) -> None:
    zh = rule.explain("zh")
    assert zh != rule.doc and zh.startswith("作用\uff1a"), rule.code
    assert "\n原因\uff1a" in zh and "\n示例\uff08" in zh, rule.code
    # Every code example of the English doc is in the Chinese one, as typed.
    missing = set(CODE.findall(rule.doc)) - set(CODE.findall(zh))
    assert not missing, (rule.code, missing)
    # The scheme's rule and deadline numbers it cites, too.
    assert set(re.findall(r"\b[RD]\d+\b", rule.doc)) <= set(re.findall(r"[RD]\d+", zh)), rule.code
    assert not re.search(r"What it does|Why:|Example", zh)


def test_rules_prints_the_doc_in_the_language_asked(cli) -> None:
    code, out, _ = cli("rules", "PT209", "--lang", "zh")
    assert code == 0
    assert out.startswith("PT209 deadline-not-later [错误]\n规划自定期限")
    assert "\n作用\uff1a规划自定的 `due` 不得晚于" in out and "What it does" not in out
    code, out, _ = cli("rules", "PT209", "--lang", "en")
    assert "What it does: a plan's own `due`" in out


def test_rules_list_in_chinese_shows_chinese_severities(cli) -> None:
    code, out, _ = cli("rules", "--lang", "zh")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["PT001", "错误", "yaml-syntax"]
    assert any(line.split()[1] == "警告" for line in out.splitlines())


def test_scheme_refs_in_chinese_have_no_english_line(cli, tmp_path, monkeypatch) -> None:
    from plantrack.rules.scheme_text import DEADLINES, RULES, WHAT_ZH

    assert set(WHAT_ZH) == set(RULES) | set(DEADLINES)
    monkeypatch.chdir(tmp_path)
    for ref in ("D11", "R12", "R15"):
        code, out, _ = cli("rules", ref, "--lang", "zh")
        assert code == 0 and f"  说明\uff1a{WHAT_ZH[ref]}\n" in out
        assert not re.search(r"[A-Za-z]{4,} [a-z]{2,}", out.replace("docs/scheme.md", "")), out
    code, out, _ = cli("rules", "D11", "--lang", "zh")
    assert "  检查规则\uff1aPT209\uff08警告\uff09\u3001PT301\n" in out
