"""Who owes a step (FORMAT.md `responsible`): the plan's owner for its own work,
the body whose act the step is for the rest."""

from __future__ import annotations

import json

from tests.conftest import make_district

DISTRICT = """\
schedule: fyp14
units:
  drc: {name: 区发展改革委, type: drc}
  gov: {name: 区政府, type: government}
  party: {name: 区委, type: party-committee}
  edu: {name: 区教育局, type: department}
  town: {name: 甲镇, type: township}
  town-npc: {name: 甲镇人大, type: township-congress, host: town}
plans:
  edu-plan:
    name: 区教育规划
    kind: special
    tier: key
    owner: edu
    milestones:
      proposal: {done: 2019-10-08, to: gov}
      first-draft: {extended: {until: 2020-06-30, by: gov, ref: 区政办函〔2020〕3号}}
  outline: {name: 纲要, kind: master, owner: drc}
  town-plan:
    name: 甲镇规划
    kind: township
    owner: town
    milestones: {first-draft: {done: 2020-08-20}, submitted: {done: 2020-10-20, to: town-npc}}
"""


def test_overdue_names_who_owes_each_step(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, DISTRICT))
    code, out, err = cli("overdue", "--file", path, "--as-of", "2021-01-15", "--format", "json")
    assert code == 0, err
    items = {(i["plan"], i["milestone"]): i for i in json.loads(out)["items"]}
    assert items[("edu-plan", "start-approval")]["responsible"] == "gov"  # 区政府 approves the start (R1)
    assert items[("edu-plan", "gov-review")]["responsible"] == "gov"
    assert items[("edu-plan", "finished")]["responsible"] == "edu"  # the owner's own work
    assert items[("outline", "party-proposal")]["responsible"] == "party"  # 区委's proposal (R11)
    assert items[("town-plan", "approved")]["responsible"] == "town-npc"  # its own township's congress (R5)
    assert items[("town-plan", "filed")]["responsible"] == "town"
    assert ("edu-plan", "filed") not in items  # a key plan the government issues: not chased (R4)


def test_an_extension_moves_the_due_date_and_is_shown(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, DISTRICT))
    _, out, _ = cli("status", "edu-plan", "--file", path, "--as-of", "2020-06-20", "--format", "json")
    step = next(m for m in json.loads(out)["plans"][0]["milestones"] if m["id"] == "first-draft")
    assert (step["due"], step["state"], step["due_from"]) == ("2020-06-30", "due-soon", "extension")
    assert step["extended"] == {"until": "2020-06-30", "by": "gov", "ref": "区政办函〔2020〕3号"}
