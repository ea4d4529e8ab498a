"""Chinese text plantrack writes uses full-width punctuation: no ASCII `,:;()` next to a Chinese character.

Scans every string literal with Chinese in it under plantrack/ (messages,
help texts, labels, rule summaries). Docstrings are English for developers;
the scheme's own words (rules/scheme_text.py) are quoted as the scheme
writes them. What is code, an id or a path inside a Chinese sentence is on
the allow-list below, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# An ASCII , : ; ( ) with a Chinese character right before or after it.
HALF = re.compile(
    r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])[,:;()]|[,:;()](?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])"
)
# Code shown inside Chinese text: written as typed, half width.
ALLOWED = {
    "键: 值",  # YAML's `key: value`, shown as the user types it
    "城关镇,新桥镇",  # what to type after --townships: a comma-separated list
    "区教育局,…",  # the same for --departments
    "(同级, ",  # an English message quoting the scheme's word
}
# A list of the date forms a user may type, shared by both languages: `2020年8月底, end of 2020-08`.
FORMS = re.compile(r", (?=20\d\d|end of|early)")
REGEX = re.compile(r"\\d|\(\?:|\[,")  # a regular expression's source: its ( , are syntax


def chinese(text: str) -> bool:
    """Chinese text, not English that quotes a Chinese word (`--kind (or 专项, 课题, …)`)."""
    cjk = len(CJK.findall(text))
    return cjk >= 0.3 * (cjk + len(re.findall(r"[A-Za-z]", text))) and not REGEX.search(text)


# Files whose Chinese is quoted data, not plantrack's own words.
QUOTED = {"plantrack/rules/scheme_text.py"}


def literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def offences(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`", "", text)  # code in backticks is shown as typed
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    text = FORMS.sub(" ", text)
    return [text[max(0, m.start() - 6) : m.end() + 6] for m in HALF.finditer(text)]


def test_chinese_strings_use_full_width_punctuation() -> None:
    bad = []
    for path in sorted((REPO / "plantrack").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if rel in QUOTED:
            continue
        for line, text in literals(path):
            if CJK.search(text) and chinese(text):
                bad += [f"{rel}:{line}: {o!r}" for o in offences(text)]
    assert not bad, "half-width punctuation in Chinese text:\n" + "\n".join(bad)


def test_the_scan_finds_what_it_should() -> None:
    assert len(offences("基准日期(默认今天)。")) == 2
    assert offences("应为 YYYY-MM-DD, 2020年9月25日") == []
    assert len(offences("规划编号:显示其各节点")) == 1
    assert offences("映射（键: 值）") == []
    assert offences("通过：`name: 区教育规划, …`。") == []
    assert offences("PT209, PT301") == []
    assert chinese("输出语言(默认取 PLANTRACK_LANG,否则取系统区域设置)。")
    assert not chinese("master, special or research (or 专项, 课题, …).")
    assert not chinese(r"(\d{4})年(\d{1,2})月")
