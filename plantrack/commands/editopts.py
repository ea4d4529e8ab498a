"""The arguments and options of the edit commands (commands/edit.py), each declared once.

`--file` and `--lang` are in commands/common.py, with the steps that resolve them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.i18n import t

Plan = Annotated[str, typer.Argument(metavar="PLAN", help=t("The plan's id.", "规划 id。"))]
Milestone = Annotated[
    str, typer.Argument(metavar="MILESTONE", help=t("The milestone's id in the schedule.", "工作方案中的节点 id。"))
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help=t(
            "Edit a read-only plans.yaml anyway (it stays read-only).",
            "即使 plans.yaml 为只读也编辑（编辑后仍为只读）。",
        ),
    ),
]
PendingOpt = Annotated[
    bool,
    typer.Option(
        "--include-pending",
        help=t(
            "With --commit: also commit changes to plans.yaml made before this edit (the message says so).",
            "与 --commit 同用：一并提交本次编辑前 plans.yaml 中尚未提交的修改（提交说明中注明）。",
        ),
    ),
]
CommitOpt = Annotated[
    bool,
    typer.Option(
        "--commit",
        help=t(
            "Commit the file (only it) with the repository's configured author.",
            "以仓库配置的作者身份提交该文件（仅此文件）。",
        ),
    ),
]


# done
DoneDate = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="YYYY-MM-DD", help=t("The day it was done (default: today).", "完成日期（默认今天）。")
    ),
]
DoneNote = Annotated[
    str | None, typer.Option("--note", metavar="TEXT", help=t("A note to record with it.", "同时记录的备注。"))
]
ByUnits = Annotated[
    list[str] | None,
    typer.Option(
        "--by",
        metavar="UNIT",
        help=t("The unit that approved or issued it (repeatable).", "审批或印发单位（可重复）。"),
    ),
]
ToUnits = Annotated[
    list[str] | None,
    typer.Option("--to", metavar="UNIT", help=t("The unit it went to (repeatable).", "报送或接收单位（可重复）。")),
]

# due
DueDate = Annotated[
    str | None,
    typer.Argument(
        metavar="[DATE]",
        help=t(
            "2020-09-25, 2020-09, 2020年9月底, end of 2020-09, …",
            "如 2020-09-25、2020-09、2020年9月底、2020年10月上旬",
        ),
    ),
]
ClearOpt = Annotated[
    bool,
    typer.Option(
        "--clear",
        help=t("Remove the plan's own due date: the scheme's applies.", "删除自定期限，恢复工作方案期限。"),
    ),
]

# extend
NewDeadline = Annotated[
    str,
    typer.Argument(
        metavar="DATE",
        help=t("The new deadline: 2020-10-31, 2020年10月底, …", "延期后的期限，如 2020-10-31、2020年10月底"),
    ),
]
GrantedBy = Annotated[
    str,
    typer.Option("--by", metavar="UNIT", help=t("The unit that granted it (required).", "批准延期的单位 id（必填）。")),
]
GrantRef = Annotated[
    str | None,
    typer.Option("--ref", metavar="文号", help=t("The document that granted it.", "批准文件文号。")),
]

# note
NoteText = Annotated[
    str | None,
    typer.Argument(metavar="[TEXT]", help=t("The note; empty removes it.", "备注内容；为空则删除备注。")),
]
LogText = Annotated[
    str | None,
    typer.Option(
        "--log",
        metavar="TEXT",
        help=t("Append a dated entry to the milestone's supervision log.", "在节点督办记录（log）末尾追加一条。"),
    ),
]
LogDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help=t("The log entry's date (default: today).", "督办记录日期（默认今天）。"),
    ),
]

# add
NewPlan = Annotated[str, typer.Argument(metavar="PLAN", help=t("The new plan's id.", "新规划的 id。"))]
PlanKind = Annotated[
    str,
    typer.Option(
        "--kind",
        help=t(
            "master, special, regional, township, township-special, research or evaluation (or 专项, 课题, …).",
            "规划类别：id 或表格中的中文，如 专项、乡镇、课题。",
        ),
    ),
]
Owner = Annotated[
    str,
    typer.Option("--owner", metavar="UNIT", help=t("The unit that compiles it: id or name.", "编制单位：id 或名称。")),
]
PlanName = Annotated[str, typer.Option("--name", help=t("The plan's full name.", "规划全称。"))]
TierOpt = Annotated[
    str | None,
    typer.Option("--tier", metavar="TIER", help=t("Special plans: key or general.", "专项规划：重点或一般。")),
]

# add-unit
NewUnit = Annotated[str, typer.Argument(metavar="ID", help=t("The new unit's id.", "新单位的 id。"))]
UnitName = Annotated[str, typer.Option("--name", help=t("The unit's name.", "单位名称。"))]
UnitType = Annotated[
    str,
    typer.Option(
        "--type",
        metavar="TYPE",
        help=t("drc, government, department, township, … (or 部门, 乡镇, …)", "单位类型：id 或中文，如 部门、乡镇。"),
    ),
]
Host = Annotated[
    str | None,
    typer.Option(
        "--host",
        metavar="UNIT",
        help=t("The unit it sits in (an office: the DRC).", "所在单位（如办公室设在发改委）。"),
    ),
]
ContactPerson = Annotated[
    str | None, typer.Option("--contact-person", metavar="NAME", help=t("Contact person.", "联系人。"))
]
ContactPhone = Annotated[
    str | None, typer.Option("--contact-phone", metavar="PHONE", help=t("Contact phone.", "联系电话。"))
]
