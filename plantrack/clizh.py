"""The command line in the language asked for: help texts, click's own words, usage errors.

Help texts are written `t(en, zh)` and evaluated when the commands are
imported, before `--lang` on the command line is read; i18n records both
texts, and `prepare` sets the asked-for one on the built command tree just
before it runs. Click's fixed words ("Usage:", "Options:", "Show this message
and exit.") are translated where click writes them (its HelpFormatter), and
its usage errors when main() prints them. Only plain strings and re here:
nothing heavy on the start-up path.
"""

from __future__ import annotations

import re
from typing import Any

from plantrack.i18n import COLON, COMMA, LPAREN, RPAREN, pair

# Each command's help in Chinese; the first sentence is its line in `plantrack --help`.
COMMANDS_ZH: dict[str, str] = {
    "init": "新建一个区：写出一份可通过检查、待填写的 plans.yaml。",
    "check": "按工作方案的规则检查 plans.yaml。退出码 0 无误，1 有错误，2 无法读取。",
    "rules": "列出所有规则（代码、级别、摘要），或显示一条规则的说明。",
    "done": "记录节点已完成。",
    "reopen": "删除节点的完成日期。",
    "due": "设置节点自己的期限，按所写原样保存（或用 --clear 清除）。",
    "extend": "记录经批准的节点期限延期（R23）。",
    "note": "设置节点的备注，或追加督办记录（--log）。",
    "add": "新增一项规划，并列出工作方案中该类规划的节点。",
    "add-unit": "新增一个单位；乡镇会同时加上其人大和乡镇规划。",
    "history": "显示节点期限、完成日期、备注的每次变更，以及规划的增删。",
    "changes": "一段时期的工作总结（R12）：先列合计，再按单位列出完成、新增逾期、批准延期、调整期限、新增规划、备注和督办记录。",
    "status": "每项规划一行，最差状态在前；指定 PLAN 时按顺序列出该规划的节点。",
    "overdue": "逾期和临期节点，按牵头单位分组，逾期最久者在前；每个规划和责任单位一行（--all 列出每个节点）。",
    "units": "每个牵头单位：未完成和逾期节点、下一个期限；或一个单位的全部情况。",
    "timeline": "各阶段和节点在同一时间轴上，并标出基准日期。",
    "report": "交给领导的文件：Excel 台账、HTML 看板或 Word 报告；默认中文。",
    "schema": "输出 plans.yaml 的 JSON Schema（供编辑器使用：见 docs/format.md）。",
    "notice": "按单位出督办单：逾期和临期的节点与职责、期限、逾期天数、联系人、反馈期限。",
    "digest": "供邮件发送的摘要：按单位列出 N 天内到期和新逾期的事项；无事项时不输出。",
    "calendar": "日历文件（iCalendar）：每个未完成节点和职责期次一个全天事件，编号稳定，提前 N 天提醒。",
}

# Click's and Typer's own words in help pages.
_WORDS_ZH: dict[str, str] = {
    "Usage": "用法",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示此帮助并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的补全脚本，以便复制或自行安装。"
    ),
}
_EXTRA = r"\s*\[([^\[\]]*)\]$"  # "help  [default: 14; x>=0]"
_EXTRA_ZH = (("default: ", f"默认{COLON}"), ("required", "必填"), ("env var: ", f"环境变量{COLON}"))

_lang = "en"
_installed = False


def prepare(group: Any, lang: str) -> None:
    """Set every command's and option's help in `lang` on a built click group, and click's words."""
    global _lang
    _lang = lang
    _install()
    for cmd in (group, *getattr(group, "commands", {}).values()):
        en_help, en_short = cmd.__dict__.setdefault("_plantrack_help_en", (cmd.help, cmd.short_help))
        both = pair(en_help) if en_help else None
        zh = COMMANDS_ZH.get(cmd.name) or (both[1] if both else None)
        if lang == "zh" and zh:
            cmd.help, cmd.short_help = zh, zh.split("。")[0] + "。"
        else:
            cmd.help, cmd.short_help = (both[0] if both else en_help), en_short
        for param in cmd.params:
            both = pair(param.help) if isinstance(getattr(param, "help", None), str) else None
            if both:
                param.help = both[lang == "zh"]


def _install() -> None:
    """Wrap click's HelpFormatter once; the wrappers translate only while the language is zh."""
    global _installed
    if _installed:
        return
    _installed = True
    formatting = _click_module("formatting")
    cls = formatting.HelpFormatter
    write_usage, write_heading, write_dl = cls.write_usage, cls.write_heading, cls.write_dl

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        if _lang == "zh" and prefix is None:
            prefix = f"用法{COLON}"
        write_usage(self, prog, args, prefix)

    def heading(self: Any, text: str) -> None:
        if _lang != "zh":
            return write_heading(self, text)
        self.write(f"{'':>{self.current_indent}}{_WORDS_ZH.get(text, text)}{COLON}\n")

    def dl(self: Any, rows: Any, *args: Any, **kwargs: Any) -> None:
        if _lang == "zh":
            rows = [(term, _help_zh(text)) for term, text in rows]
        write_dl(self, rows, *args, **kwargs)

    cls.write_usage, cls.write_heading, cls.write_dl = usage, heading, dl
    wrap_text = formatting.wrap_text

    def wrap(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "", **kw: Any) -> str:
        if _lang == "zh" and re.search(_CJK, text):
            return _wrap_cjk(text, width, initial_indent, subsequent_indent)
        return wrap_text(text, width, initial_indent, subsequent_indent, **kw)

    formatting.wrap_text = wrap


_CJK = r"[\u2e80-\uffef]"
_TOKENS = r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+"
_NO_LINE_START = set("，。；：、）」”！？")


def _wrap_cjk(text: str, width: int, initial: str, subsequent: str) -> str:
    """Wrap text with Chinese in it by display width: a line may break between
    any two Chinese characters (textwrap breaks at spaces only), never before
    closing punctuation."""
    import unicodedata

    def cols(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    out: list[str] = []
    for para in text.split("\n\n"):
        line, used = initial if not out else subsequent, 0
        indent = len(line)
        for tok in re.findall(_TOKENS, " ".join(para.split())):
            w = cols(tok)
            if used and indent + used + w > width and tok[0] not in _NO_LINE_START:
                out.append(line.rstrip())
                line, used = subsequent, 0
                indent = len(line)
                if tok.isspace():
                    continue
            line += tok
            used += w
        out.append(line.rstrip())
        out.append("")
    return "\n".join(out[:-1])


def _help_zh(text: str) -> str:
    """One option's help column: its text, and click's `[default: …; required]` after it."""
    m = re.search(_EXTRA, text)
    body, extra = (text[: m.start()], m.group(1)) if m else (text, "")
    body = _WORDS_ZH.get(body, body)
    if not extra:
        return body
    for en, zh in _EXTRA_ZH:
        extra = extra.replace(en, zh)
    return f"{body}  [{extra.replace('; ', '；')}]"


def _click_module(name: str) -> Any:
    """One of click's modules: Typer 0.29 vendors click as typer._click."""
    import importlib

    try:
        return importlib.import_module(f"typer._click.{name}")
    except ImportError:  # older Typer, on the real click
        return importlib.import_module(f"click.{name}")


# Usage errors: click's sentence -> Chinese. Values are quoted as the user typed them.
# Patterns are compiled on first use (re caches them): none on the start-up path.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^No such command '(.*)'\.(?: Did you mean '(.*)'\?)?$", "没有命令 “{0}”{1}"),
    (r"^No such option: (\S+)(?: Did you mean (\S+)\?)?(?: \(Possible options: (.*)\))?$", "没有选项 {0}{1}{2}"),
    (r"^Missing argument '(.*)'\.$", "缺少参数 {0}"),
    (r"^Missing option '(.*)'\.$", "缺少选项 {0}"),
    (r"^Missing command\.$", "缺少命令"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", "多余的参数{LP}{0}{RP}"),
    (r"^Option '(.*)' requires an argument\.$", "选项 {0} 需要一个值"),
    (r"^Option '(.*)' requires (\d+) arguments\.$", "选项 {0} 需要 {1} 个值"),
    (r"^Option '(.*)' does not take a value\.$", "选项 {0} 不接受值"),
    (r"^Invalid value for '(.*)': (.*)$", "{0} 的值无效{COLON}{1}"),
    (r"^Invalid value: (.*)$", "值无效{COLON}{0}"),
)
# What is wrong with a value: click's words, and pydantic's (Typer 0.29 coerces with it).
_VALUE_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^(?:Value error, )?(.*) is not a valid (?:int|integer)(?: range)?\.$", "{0} 不是整数"),
    (r"^(?:Value error, )?(.*) is not a valid float(?: range)?\.$", "{0} 不是数字"),
    (r"^(?:Value error, )?(.*) is not a valid boolean\.$", "{0} 不是 true 或 false"),
    (r"^(?:Value error, )?.* is not in the range x>=(\S+)\.$", "不能小于 {0}"),
    (r"^(?:Value error, )?.* is not in the range x<=(\S+)\.$", "不能大于 {0}"),
    (r"^Input should be a valid integer.*$", "应为整数"),
    (r"^Input should be a valid number.*$", "应为数字"),
    (r"^Input should be a valid boolean.*$", "应为 true 或 false"),
    (r"^Input should be greater than or equal to (\S+)$", "不能小于 {0}"),
    (r"^Input should be less than or equal to (\S+)$", "不能大于 {0}"),
    (r"^Input should be greater than (\S+)$", "应大于 {0}"),
    (r"^(?:Value error, )?(.*) is not one of (.*)\.$", "{0} 不是可选值{LP}可选{COLON}{1}{RP}"),
    (r"^(?:Value error, )?(.*) is not in the range (.*)\.$", "{0} 超出范围 {1}"),
)


def usage_error(message: str) -> str:
    """A usage error of click's in Chinese; an unknown one as it is."""
    return _translate(message, _ERRORS) or message


def _translate(message: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for pattern, zh in table:
        m = re.match(pattern, message)
        if m is None:
            continue
        parts = [g or "" for g in m.groups()]
        if pattern.startswith("^No such command") and parts[1]:
            parts[1] = f"{COMMA}是否想输入 “{parts[1]}”？"
        elif pattern.startswith("^No such option"):
            parts[1] = f"{COMMA}是否想输入 {parts[1]}？" if parts[1] else ""
            parts[2] = f"{LPAREN}可选{COLON}{parts[2]}{RPAREN}" if parts[2] else ""
        elif pattern.startswith("^Invalid value for"):
            parts[1] = _translate(parts[1], _VALUE_ERRORS) or parts[1]
        return zh.format(*parts, LP=LPAREN, RP=RPAREN, COLON=COLON)
    return None


def try_help(command_path: str) -> str:
    """The pointer to a command's help after a usage error."""
    return f"{LPAREN}参见 {command_path} --help{RPAREN}" if _lang == "zh" else f" (try '{command_path} --help')"
