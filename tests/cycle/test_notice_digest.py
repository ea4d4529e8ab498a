"""Notices (督办单) and the digest: goldens in both languages, one file per unit, a quiet digest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cycle.test_duties import AS_OF, CYCLE
from tests.views.test_golden import GOLDEN, compare

RUNS: dict[str, list[str]] = {
    "notice.{lang}.txt": ["notice"],
    "notice.{lang}.md": ["notice", "--format", "md"],
    "notice-edu.{lang}.txt": ["notice", "edu", "--reply-in", "5"],
    "digest.{lang}.txt": ["digest", "--since", "2020-08-20"],
    "digest.{lang}.md": ["digest", "--since", "2020-08-20", "--format", "markdown", "--within", "14"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(RUNS))
def test_matches_golden(cli, name: str, lang: str) -> None:
    code, out, err = cli(*RUNS[name], "--file", str(CYCLE), "--as-of", AS_OF, "--lang", lang)
    assert code == 0, err
    assert err == ""
    compare(GOLDEN / name.format(lang=lang), out)


def test_notice_speaks_chinese_by_default_for_a_chinese_district(cli) -> None:
    code, out, _ = cli("notice", "edu", "--file", str(CYCLE), "--as-of", AS_OF)
    assert code == 0
    assert (
        out.startswith("督办单\n")
        and "请抓紧办理，并于2020年9月22日前将办理情况反馈区发展规划工作领导小组办公室。" in out
    )
    assert "贵单位联系人：规划科 张丽，电话：0791-85211111" in out


def test_one_file_per_unit(cli, tmp_path: Path) -> None:
    out_dir = tmp_path / "notices"
    code, out, err = cli("notice", "--file", str(CYCLE), "--as-of", AS_OF, "-o", str(out_dir))
    assert (code, out, err) == (0, "", "")
    assert sorted(p.name for p in out_dir.iterdir()) == ["civil.txt", "edu.txt", "town.txt"]
    assert "定期工作总结（2020年8月），期限2020年8月25日，已逾期21天。" in (out_dir / "edu.txt").read_text(
        encoding="utf-8"
    )


def test_docx_notices(cli, tmp_path: Path) -> None:
    from docx import Document

    code, _, err = cli(
        "notice", "town", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "docx", "-o", str(tmp_path)
    )
    assert code == 0, err
    text = [p.text for p in Document(str(tmp_path / "town.docx")).paragraphs]
    assert text[0] == "督办单" and text[1] == "甲镇："
    assert "1.报送需编制的专项规划和区域规划清单，期限2019年10月10日，已逾期341天。" in text
    code, _, err = cli("notice", "--file", str(CYCLE), "--as-of", AS_OF, "--format", "docx")
    assert code == 2 and "-o" in err


def test_a_named_unit_with_nothing_due_is_said_on_stderr(cli) -> None:
    code, out, err = cli("notice", "drc", "--file", str(CYCLE), "--as-of", AS_OF, "--lang", "en")
    assert (code, out) == (0, "")
    assert "drc: nothing overdue or due soon" in err
    code, _, err = cli("notice", "edx", "--file", str(CYCLE), "--as-of", AS_OF, "--lang", "en")
    assert code == 2 and "did you mean 'edu'" in err


def test_digest_is_quiet_when_nothing_is_due(cli) -> None:
    code, out, err = cli("digest", "--file", str(CYCLE), "--as-of", "2021-03-01", "--since", "2021-02-20")
    assert (code, out, err) == (0, "", "")


def _copy(tmp_path: Path) -> Path:
    (tmp_path / "schedules").mkdir()
    (tmp_path / "schedules" / "fyp14.yaml").write_bytes((CYCLE.parent / "schedules" / "fyp14.yaml").read_bytes())
    (tmp_path / "plans.yaml").write_bytes(CYCLE.read_bytes())
    return tmp_path / "plans.yaml"


def test_digest_remembers_the_last_one(cli, tmp_path: Path) -> None:
    plans = _copy(tmp_path)
    state = tmp_path / ".plantrack" / "digest-state.json"
    # No digest yet: it looks back one window (7 days) and sees the summary missed on 08-25.
    code, out, _ = cli("digest", "--file", str(plans), "--as-of", "2020-08-28", "--lang", "en")
    assert code == 0 and "newly overdue" in out and "定期工作总结 (2020-08)" in out
    assert json.loads(state.read_text(encoding="utf-8")) == {"last": "2020-08-28"}
    # The next day: nothing new, nothing due within 7 days: quiet.
    code, out, _ = cli("digest", "--file", str(plans), "--as-of", "2020-08-29", "--lang", "en")
    assert (code, out) == (0, "")
    assert json.loads(state.read_text(encoding="utf-8")) == {"last": "2020-08-29"}
    # --since neither reads nor writes the state.
    code, out, _ = cli("digest", "--file", str(plans), "--as-of", "2020-08-30", "--since", "2020-08-01", "--lang", "en")
    assert "定期工作总结 (2020-08)" in out
    assert json.loads(state.read_text(encoding="utf-8")) == {"last": "2020-08-29"}


def test_a_state_file_that_is_not_ours_is_ignored(cli, tmp_path: Path) -> None:
    plans = _copy(tmp_path)
    (tmp_path / ".plantrack").mkdir()
    (tmp_path / ".plantrack" / "digest-state.json").write_text("not json", encoding="utf-8")
    code, out, err = cli("digest", "--file", str(plans), "--as-of", "2020-08-28", "--lang", "en")
    assert code == 0 and err == "" and "newly overdue" in out
