"""Real git repositories in tmp_path, with pinned authors and dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import make_district

LI = ("李伟", "liwei@qingshan.gov.cn")
WANG = ("Wang Fang", "wangfang@qingshan.gov.cn")

PLANS = """\
schedule: fyp14
units:
  drc:      {name: 区发展改革委, type: drc}
  gov:      {name: 区政府, type: government}
  party:    {name: 区委, type: party-committee}
  npc:      {name: 区人大常委会, type: congress}
  city-drc: {name: 市发展改革委, type: city-drc}
  group:    {name: 区发展规划工作领导小组, type: leading-group}
  office:   {name: 领导小组办公室, type: office, host: drc}
  edu:      {name: 区教育局, type: department}
  health:   {name: 区卫生健康委, type: department}
  town:     {name: 甲镇, type: township}
plans:
  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}
  eval:    {name: 区"十三五"规划终期评估, kind: evaluation, owner: drc}
  town-plan: {name: 甲镇"十四五"规划, kind: township, owner: town}
  edu-plan:
    name: 区教育事业发展"十四五"规划
    kind: special
    tier: key
    owner: edu
    milestones:
      proposal:       {done: 2019-10-08}
      start-approval: {done: 2019-10-25}   # 区政府常务会议
"""


def as_author(monkeypatch: pytest.MonkeyPatch, who: tuple[str, str], when: str) -> None:
    """The next commits (in-process or git) by `who` at `when` (ISO with zone)."""
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", who[0])
        monkeypatch.setenv(f"GIT_{role}_EMAIL", who[1])
        monkeypatch.setenv(f"GIT_{role}_DATE", when)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, env=os.environ.copy())
    return done.stdout.strip()


def init_repo(folder: Path, monkeypatch: pytest.MonkeyPatch, text: str = PLANS) -> Path:
    """A repository whose first commit (by Li, 2020-06-01) adds plans.yaml and the schedules."""
    path = make_district(folder, text)
    git(folder, "init", "-q", "-b", "main")
    as_author(monkeypatch, LI, "2020-06-01T09:00:00+08:00")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "台账初始化")
    return path
