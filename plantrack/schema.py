"""A JSON Schema of plans.yaml, from the pydantic models, described in Chinese for editors.

Editors with the YAML language server (VS Code's YAML extension and others)
read the `# yaml-language-server: $schema=…` line that `plantrack init`
writes, then complete keys and flag typos as people type. The schema is the
models' own (one place for the shape); this module only adds what an editor
shows: Chinese descriptions, and date fields as text, since `2020年8月底` is a
due date too. `plantrack check` stays the judge: the schema knows the shape,
not the scheme's rules or the schedule's milestone ids.
"""

from __future__ import annotations

from typing import Any

SCHEMA_ID = "https://plantrack.invalid/plans.schema.json"

# (model, field) -> description; (model, "") describes the model itself.
DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("PlansFile", ""): "plantrack 台账 plans.yaml：本区规划编制的全部事实（单位、规划、节点），状态由 plantrack 推算",
    ("PlansFile", "schedule"): "本区遵循的工作方案名称，如 fyp14（schedules/fyp14.yaml 或 plantrack 自带）",
    ("PlansFile", "name"): "本区名称，如 青山区",
    ("PlansFile", "units"): "单位：编号 → {name, type}；编号只用小写字母、数字和 -",
    ("PlansFile", "plans"): "规划：编号 → 规划；编号只用小写字母、数字和 -",
    ("Unit", ""): "一个单位（牵头、审批、印发或接收规划的机关）",
    ("Unit", "name"): "单位全称，如 区教育局",
    (
        "Unit",
        "type",
    ): "单位类型：drc 发展改革委、government 政府、party-committee 党委、congress 人大常委会、city-drc 市发展改革委、department 部门、township 乡镇、township-congress 乡镇人大、park 园区、leading-group 领导小组、office 办公室、institution 研究机构",
    ("Unit", "host"): "所在单位编号：领导小组办公室设在发展改革委（R13），乡镇人大属于本乡镇",
    ("Unit", "note"): "备注",
    ("Unit", "contact"): "联系人及电话",
    ("Contact", "person"): "联系人",
    ("Contact", "phone"): "联系电话",
    ("Plan", ""): "一项规划",
    ("Plan", "name"): "规划全称",
    (
        "Plan",
        "kind",
    ): "规划类别：master 总体规划、special 专项规划、regional 区域规划、township 乡镇规划、research 前期研究课题、evaluation 终期评估",
    ("Plan", "tier"): "专项规划层级：key 重点、general 一般（仅专项规划）",
    ("Plan", "owner"): "牵头编制单位的编号",
    ("Plan", "milestones"): "节点：工作方案中该类规划的节点编号 → 记录；未列出的节点按方案期限跟踪",
    ("Plan", "note"): "备注",
    ("Plan", "budget"): "经费：预算科目及金额（万元），R14",
    ("Plan", "commissioned"): "委托研究：受托机构及方式（R14）",
    ("Plan", "period"): "规划期（总体规划：五年，R7）",
    ("Record", ""): "一个节点的事实：期限、完成日期、备注、办理与报送单位、督办记录",
    ("Record", "due"): "自定期限（不得晚于方案期限，R9）：2020-08-31、2020-08、2020年8月底、2020年10月上旬、2020年底",
    ("Record", "done"): "完成日期：2020-09-25 或 2020年9月25日",
    ("Record", "note"): "备注",
    ("Record", "by"): "审批、审定或印发单位的编号，多个写成列表：[party, gov]",
    ("Record", "to"): "报送、备案或接收单位的编号，多个写成列表",
    ("Record", "log"): "督办记录，按日期先后：- {date: 2020-09-01, text: 电话督办}",
    ("LogEntry", ""): "一条督办记录",
    ("LogEntry", "date"): "日期：2020-09-01 或 2020年9月1日",
    ("LogEntry", "text"): "内容",
    ("Budget", "line"): "预算科目（区财政年度预算，R14）",
    ("Budget", "amount"): "金额（万元）",
    ("Commission", "to"): "受托的专业机构或智库的单位编号",
    ("Commission", "via"): "方式：directed 定向委托、tender 公开招标",
    ("Period", "start"): "起始年份",
    ("Period", "end"): "终止年份",
}

# Fields whose values are dates in any form plantrack reads: plain text to an editor.
_DATE_FIELDS = {("Record", "due"), ("Record", "done"), ("LogEntry", "date")}
# Sections that may be empty (`units:` with nothing under it).
_NULLABLE = {("PlansFile", "units"), ("PlansFile", "plans")}


def plans_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of plans.yaml."""
    from plantrack.models import PlansFile

    schema = PlansFile.model_json_schema()
    models = dict(schema.get("$defs", {}))
    models["PlansFile"] = schema
    for model, spec in models.items():
        _describe(model, spec)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def _describe(model: str, spec: dict[str, Any]) -> None:
    if (model, "") in DESCRIPTIONS:
        spec["description"] = DESCRIPTIONS[(model, "")]
    spec.pop("title", None)
    for field, prop in spec.get("properties", {}).items():
        prop.pop("title", None)
        if (model, field) in _DATE_FIELDS:
            _as_text(prop)
        if (model, field) in _NULLABLE:
            prop["type"] = [prop.get("type", "object"), "null"]
        if (model, field) in DESCRIPTIONS:
            prop["description"] = DESCRIPTIONS[(model, field)]


def _as_text(prop: dict[str, Any]) -> None:
    """`format: date` would make editors refuse `2020年8月底`; YAML may also give a bare year-month-day."""
    for option in prop.get("anyOf", [prop]):
        if option.get("format") == "date":
            option.pop("format")
