"""A small district for the edit tests: flow and block entries, a comment, a flow log."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_district

TEXT = """\
schedule: fyp14
units:
  drc:    {name: 区发展改革委, type: drc}
  gov:    {name: 区政府, type: government}
  party:  {name: 区委, type: party-committee}
  npc:    {name: 区人大常委会, type: congress}
  city:   {name: 市发展改革委, type: city-drc}
  lg:     {name: 区发展规划工作领导小组, type: leading-group}
  office: {name: 领导小组办公室, type: office, host: drc}
  edu:    {name: 区教育局, type: department}
  health: {name: 区卫生健康委员会, type: department}
plans:
  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}
  eval:    {name: 区"十三五"规划终期评估, kind: evaluation, owner: drc}
  edu-plan:
    name: 区教育事业发展"十四五"规划
    kind: special
    tier: key
    owner: edu
    milestones:
      proposal:       {done: 2019-10-08, to: gov}
      start-approval: {done: 2019-10-25, by: gov}
      first-draft:    {due: 2020-05-20}   # 自定
      finished:
        log: [{date: 2020-09-01, text: 电话督办}]
"""


def write(folder: Path, text: str = TEXT) -> Path:
    return make_district(folder, text)
