"""A plans file the way real users keep them: comments, odd indentation, quotes, CJK, long lines.

The tests write it with CRLF line endings and a UTF-8 BOM (`hostile_bytes`),
so every edit has to keep both, and tabs in comments, exactly.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_district

LONG_NAME = "一个名字非常长的规划" + "……" * 60

TEXT = f"""\
# 青山区"十四五"规划编制台账\t(测试用)
schedule: fyp14   # the scheme
units:
  drc:      {{name: 区发展改革委, type: drc}}     # 牵头单位
  gov:      {{name: "区政府", type: government}}
  party:    {{name: '区委', type: party-committee}}
  npc:      {{name: 区人大常委会, type: congress}}
  city-drc: {{name: 市发展改革委, type: city-drc}}
  group:
      name: 区发展规划工作领导小组          # six spaces in
      type: leading-group
  office:   {{name: 领导小组办公室, type: office, host: drc}}
  edu:      {{name: 区教育局, type: department}}
  town:     {{name: 甲镇, type: township}}
  town-npc: {{name: 甲镇人大, type: township-congress}}

plans:
  # ===== 总体规划 =====
  outline: {{name: 区"十四五"规划纲要, kind: master, owner: drc}}
  eval:    {{name: 区"十三五"规划终期评估, kind: evaluation, owner: drc}}
  town-plan:
    name: 甲镇"十四五"规划
    kind: township
    owner: town
    milestones:
      first-draft:   {{done: 2020-08-20}}   # 按期
  # ===== 专项规划 =====
  edu-plan:
     name: '区教育事业发展"十四五"规划'     # three spaces, single quotes
     kind: special
     tier: key
     owner: edu
     milestones:
         proposal:       {{done: 2019-10-08, to: gov}}
         start-approval: {{done: 2019-10-25, by: gov}}   # 常务会议
         first-draft:
             done: 2020-06-03
             note: "疫情延误: 推迟 #3"
         coordination:   {{}}
         finished:       {{due: 2020年9月底}}
  long-plan: {{name: {LONG_NAME}, kind: special, tier: general, owner: edu, milestones: {{proposal: {{done: 2019-10-09}}}}}}
# 结束\tend
"""

COMMENTS = [
    '# 青山区"十四五"规划编制台账\t(测试用)',
    "# the scheme",
    "# 牵头单位",
    "# six spaces in",
    "# ===== 总体规划 =====",
    "# 按期",
    "# ===== 专项规划 =====",
    "# three spaces, single quotes",
    "# 常务会议",
    "# 结束\tend",
]
PLANS = ["outline", "eval", "town-plan", "edu-plan", "long-plan"]


def crlf_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def write(folder: Path, text: str = TEXT) -> Path:
    """plans.yaml (CRLF, BOM) and the schedules in folder."""
    return make_district(folder, crlf_bom(text))
