"""The work scheme's rules (R#) and deadlines (D#) in its own words, for `plantrack rules R9`.

Each entry: what it says (English), the scheme's words (Chinese), where in
the scheme, and for deadlines the date and whether the scheme states it
("date": its own words give it; "phase": an outline step bound by its phase's
end) or says only 原则上 (in principle). Steps with no D# carry planning dates
the scheme does not state: a later own date for them is a warning at most.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    what: str
    words: str
    where: str
    codes: str = ""  # the plantrack rules that enforce it
    date: str = ""  # deadlines: the day
    basis: str = ""  # deadlines: date | phase | date, 原则上


DEADLINES: dict[str, Entry] = {
    "D1": Entry(
        "key research topics finished", "11月底前完成重点课题研究成果", "三(一)1", "PT209, PT301", "2019-11-30", "date"
    ),
    "D2": Entry(
        "major projects and policies, with the government's consent, reported to the city DRC",
        "经区政府同意后,于10月底报市发展改革委",
        "三(一)2",
        "PT209, PT301",
        "2019-10-31",
        "date",
    ),
    "D3": Entry(
        "basic ideas drafted, expert consultation, submitted for review",
        "初稿形成后,召开专家咨询会……修改完善后按程序报审",
        "三(一)3",
        "PT209, PT301",
        "2019-11-30",
        "phase",
    ),
    "D4": Entry(
        "each unit's list of special and regional plans submitted to the district government",
        "于10月上旬将需要编制的区级专项规划和区域规划报区政府审批",
        "三(一)4",
        "PT209, PT301",
        "2019-10-10",
        "date",
    ),
    "D5": Entry("outline framework formed", "形成规划纲要框架", "三(二)1", "PT209, PT301", "2020-11-30", "phase"),
    "D6": Entry(
        "expert consultation meeting on the framework",
        "召开区发展规划专家咨询会议",
        "三(二)2",
        "PT209, PT301",
        "2020-11-30",
        "phase",
    ),
    "D7": Entry(
        "outline draft for comments, after the party committee's proposal",
        "区委关于编制'十四五'建议出台后……2020年10月形成《规划纲要(征求意见稿)》",
        "三(二)3",
        "PT209, PT211, PT301",
        "2020-10-31",
        "date",
    ),
    "D8": Entry(
        "township plan first draft",
        "乡镇规划要于2020年8月底前完成初稿",
        "三(二)4",
        "PT209, PT301",
        "2020-08-31",
        "date",
    ),
    "D9": Entry(
        "township plan submitted to its own township's people's congress",
        "10月正式提交乡镇人大常委会审议",
        "三(二)4",
        "PT205, PT209, PT301",
        "2020-10-31",
        "date",
    ),
    "D10": Entry(
        "special and regional plans first draft",
        "专项规划、区域规划要于2020年5月底前完成初稿",
        "三(二)4",
        "PT209, PT301",
        "2020-05-31",
        "date",
    ),
    "D11": Entry(
        "special and regional plans finished, in principle: a later own date is a warning",
        "原则上在2020年9月底前完成",
        "三(二)4",
        "PT209 (warning), PT301",
        "2020-09-30",
        "date, 原则上",
    ),
    "D12": Entry(
        "outline coordinated with national, provincial and city plans and argued by experts",
        "规划纲要做好与国家、省、市各类规划衔接工作……邀请专家对规划纲要草案进行论证",
        "三(三)1",
        "PT209, PT301",
        "2020-12-31",
        "phase",
    ),
    "D13": Entry(
        "outline's formal text submitted to the district congress standing committee",
        "于2020年12月正式提交区人大常委会",
        "三(三)2",
        "PT209, PT216, PT301",
        "2020-12-31",
        "date",
    ),
    "D14": Entry(
        "special and regional plans reviewed by the district government (for general plans, its consent)",
        "2020年12月底前,由区各有关部门完成区级规划报审程序,经审议通过后,以区政府名义实施",
        "三(三)3",
        "PT202, PT203, PT209, PT301",
        "2020-12-31",
        "date",
    ),
    "D15": Entry(
        "previous plan's final evaluation: government review, congress standing committee, city DRC",
        "于2020年底前将终期评估报告经区政府审核后,提交区人大常委会审议,并报市发展改革委",
        "二(四)",
        "PT209, PT210, PT301",
        "2020-12-31",
        "date",
    ),
    "D16": Entry(
        "outline draft for comments put to departments and the public",
        "广泛征求部门及公众意见",
        "三(二)3",
        "PT209, PT301",
        "2020-11-30",
        "phase",
    ),
    "D17": Entry(
        "outline draft put to wide consultation",
        "并大范围征求意见建议",
        "三(三)1",
        "PT209, PT301",
        "2020-12-31",
        "phase",
    ),
    "D18": Entry(
        "outline text reviewed by the party committee and the government, both",
        "报请区委、区政府研究审核并修改完善后,形成'十四五'规划纲要正式文本",
        "三(三)2",
        "PT209, PT216, PT301",
        "2020-12-31",
        "phase",
    ),
    "D19": Entry(
        "outline passed by the district congress standing committee",
        "由区人大常委会会议审议通过",
        "三(三)2",
        "PT209, PT216, PT301",
        "2020-12-31",
        "phase",
    ),
}

RULES: dict[str, Entry] = {
    "R1": Entry(
        "a special or regional plan starts only after the district government approves it",
        "报区政府批准后启动编制;经区政府同意后启动编制工作",
        "二(二), 三(一)4",
        "PT201",
    ),
    "R2": Entry(
        "a key special plan is reviewed and issued by the district government",
        "重点专项规划报经区政府审定后由区政府印发",
        "二(二)",
        "PT202",
    ),
    "R3": Entry(
        "a general special plan: compiled by a district department, consented to by the government, "
        "issued by the DRC jointly or by the department; issue by the government only warns (三(三)3 conflicts)",
        "一般专项规划,由区直有关部门提出并负责编制,经区政府同意后,根据实际需要,"
        "由区发展改革委会同有关部门联合印发或规划编制部门自行印发",
        "二(二)",
        "PT203",
    ),
    "R4": Entry(
        "plans a department compiles or approves on its own are filed with the DRC; no date",
        "各部门自行编制或批准的各类规划,需报区发展改革委备案",
        "三(一)4",
        "PT204",
    ),
    "R5": Entry(
        "a township plan is organised by its township government, approved by its own (同级) congress, "
        "filed with the DRC",
        "由本级人民政府组织编制,报同级人代会审议批准,报送区发展改革委备案",
        "二(三)",
        "PT205",
    ),
    "R6": Entry(
        "every township compiles a township plan; a subdistrict none",
        "各乡镇开展乡镇规划的编制工作",
        "三(二)4",
        "PT206, PT111",
    ),
    "R7": Entry("one master plan, for five years", "'十四五'总体规划的规划期为五年", "二(一)", "PT207"),
    "R8": Entry(
        "the basic procedures are observed; only the orders the scheme states are enforced",
        "严格前期研究、文本起草、衔接协调、征求意见、规划论证、审批等基本程序",
        "四(四)",
        "PT110, PT208",
    ),
    "R9": Entry(
        "no plan's own date later than the scheme's D#; later than a planning date or D11 (原则上) "
        "only warns; an authorised extension replaces the D#",
        "全区“十四五”规划编制工作总体上分三个阶段 (the deadlines D1–D19)",
        "三",
        "PT209",
    ),
    "R10": Entry(
        "the previous plan's final evaluation exists: government review, then the congress standing "
        "committee, the city DRC informed",
        "经区政府审核后,提交区人大常委会审议,并报市发展改革委",
        "二(四)",
        "PT210",
    ),
    "R11": Entry(
        "the outline draft comes after the party committee's proposal",
        "区委关于编制'十四五'建议出台后,开展规划纲要草案的起草工作",
        "三(二)3",
        "PT211",
    ),
    "R12": Entry(
        "departments, townships and parks supervise their work and make work summaries; no cadence",
        "要强化督促检查,定期开展工作总结",
        "四(四)",
        "PT301 (log entries record supervision)",
    ),
    "R13": Entry(
        "the leading group and its office exist; the office sits at the DRC",
        "领导小组下设办公室……办公室设在区发展改革委",
        "四(一)",
        "PT213",
    ),
    "R14": Entry(
        "district finance funds planning work; commissioning institutions is encouraged, not required",
        "所需经费由区财政予以保障,及时纳入年度预算;鼓励通过政府购买服务的方式,定向委托或公开招标选择相关机构智库参与研究",
        "四(二), 四(四)",
        "PT214",
    ),
    "R15": Entry(
        "the leading group is headed by the government's principal leader; the DRC director directs the office",
        "由区政府主要负责同志担任组长……区发展改革委主任兼任办公室主任",
        "四(一)",
        "",
    ),
    "R16": Entry(
        "the leading group's remit: research, compilation, implementation and evaluation",
        "对全区发展规划的研究、编制、实施和评估工作进行组织领导和统筹协调",
        "四(一)",
        "",
    ),
    "R17": Entry(
        "each department, township and park submits its list of plans to the government (D4)",
        "区各有关部门、乡镇、开发园区于10月上旬将需要编制的区级专项规划和区域规划报区政府审批",
        "三(一)4",
        "PT209, PT301",
    ),
    "R18": Entry(
        "research results are the basis of the basic ideas and the special plans: ideas before results warn",
        "为提出总体规划基本思路和编制专项规划奠定基础",
        "二(四)",
        "PT218",
    ),
    "R19": Entry(
        "a township plan is coordinated (衔接) with the district plan",
        "乡镇规划编制进度以及……重要规划目标和指标设置等要与全区规划进行有效衔接",
        "二(三)",
        "",
    ),
    "R20": Entry(
        "townships decide their own special plans (kind township-special): no district date applies",
        "各乡镇专项规划可根据本实施意见自行确定",
        "二(三)",
        "PT111",
    ),
    "R21": Entry(
        "each unit draws the public into its planning", "组织和引导公众参与发展规划的研究和编制", "四(二)", ""
    ),
    "R22": Entry(
        "each department, township and park forms a work team, trains staff, does research; no date",
        "精心挑选骨干力量组成工作专班,加强规划业务培训和调查研究",
        "四(四)",
        "",
    ),
    "R23": Entry(
        "a deadline changed by the nation, province, city, party committee or government is an "
        "authorised extension (`extended:`)",
        "根据国家、省、市和区委、区政府对规划编制的最新要求进行深化完善",
        "三(二)4",
        "PT209, PT217",
    ),
}


# What each says, in Chinese: the line `plantrack rules R9 --lang zh` adds after the scheme's words.
WHAT_ZH: dict[str, str] = {
    "D1": "重点课题研究成果完成",
    "D2": "重大项目和政策经区政府同意后报市发展改革委",
    "D3": "基本思路初稿形成、召开专家咨询会、按程序报审",
    "D4": "各单位需编制的专项规划和区域规划清单报区政府审批",
    "D5": "形成规划纲要框架",
    "D6": "召开规划纲要框架专家咨询会议",
    "D7": "区委建议出台后形成规划纲要征求意见稿",
    "D8": "乡镇规划完成初稿",
    "D9": "乡镇规划提交本乡镇人大常委会审议",
    "D10": "专项规划、区域规划完成初稿",
    "D11": "专项规划、区域规划原则上完成：自定日期晚于此日只作警告",
    "D12": "规划纲要与国家、省、市规划衔接，并经专家论证",
    "D13": "规划纲要正式文本提交区人大常委会",
    "D14": "专项规划、区域规划经区政府审议（一般专项规划为区政府同意）",
    "D15": "上一个五年规划终期评估：区政府审核、区人大常委会审议、报市发展改革委",
    "D16": "规划纲要征求意见稿征求部门及公众意见",
    "D17": "规划纲要草案大范围征求意见",
    "D18": "规划纲要正式文本经区委、区政府共同研究审核",
    "D19": "规划纲要经区人大常委会审议通过",
    "R1": "专项规划、区域规划须经区政府批准后启动编制",
    "R2": "重点专项规划由区政府审定、印发",
    "R3": "一般专项规划由区直部门编制，经区政府同意，由区发展改革委会同或编制部门自行印发；由区政府印发只作警告（与三（三）3 相抵触）",
    "R4": "部门自行编制或批准的规划报区发展改革委备案；无日期",
    "R5": "乡镇规划由乡镇政府组织编制，报同级人代会审议批准，报区发展改革委备案",
    "R6": "每个乡镇编制一个乡镇规划；街道不编制",
    "R7": "只有一个总体规划，规划期五年",
    "R8": "遵守基本程序；只检查工作方案明确规定的先后顺序",
    "R9": "规划自定日期不得晚于工作方案的 D#；晚于推算日期或 D11（原则上）只作警告；经批准的延期取代 D#",
    "R10": "上一个五年规划终期评估须存在：经区政府审核，提交区人大常委会，并报市发展改革委",
    "R11": "规划纲要草案在区委建议出台后起草",
    "R12": "各部门、乡镇、园区强化督促检查、定期总结；未规定频次",
    "R13": "设立领导小组及其办公室，办公室设在区发展改革委",
    "R14": "规划经费由区财政保障；鼓励而非要求委托机构智库",
    "R15": "领导小组由区政府主要负责同志任组长，区发展改革委主任兼任办公室主任",
    "R16": "领导小组负责规划研究、编制、实施和评估的组织领导",
    "R17": "各部门、乡镇、园区将需编制的规划清单报区政府（D4）",
    "R18": "研究成果是基本思路和专项规划的基础：基本思路早于研究成果只作警告",
    "R19": "乡镇规划与全区规划衔接",
    "R20": "乡镇自行确定本乡镇的专项规划（township-special）：不适用区级期限",
    "R21": "各单位组织公众参与规划编制",
    "R22": "各部门、乡镇、园区组建工作专班、开展培训和调研；无日期",
    "R23": "国家、省、市或区委、区政府调整的期限为经批准的延期（`extended:`）",
}


def explain(ref: str, lang: str = "en") -> str | None:
    """The text `plantrack rules R9` prints, or None for an unknown reference."""
    ref = ref.upper()
    entry = RULES.get(ref) or DEADLINES.get(ref)
    if entry is None:
        return None
    if lang == "zh":
        lines = [f"{ref}\uff1a工作方案{entry.where}\u201c{entry.words}\u201d"]
        if entry.date:
            how = "原则上，晚于此日仅作提醒" if "原则上" in entry.basis else "工作方案明定的期限"
            lines.append(f"  期限\uff1a{entry.date}\uff08{how}\uff09")
        codes = (
            entry.codes.replace(" (warning)", "\uff08警告\uff09")
            .replace(" (log entries record supervision)", "\uff08督办记录写在 log 中\uff09")
            .replace(", ", "\u3001")
        )
        lines.append(f"  检查规则\uff1a{codes}" if codes else "  检查规则\uff1a无（各单位的职责，无可核对的记录）")
        lines.append(f"  说明\uff1a{WHAT_ZH.get(ref, entry.what)}")
        return "\n".join(lines) + "\n"
    lines = [f"{ref}: {entry.what}", f"  scheme {entry.where}: \u201c{entry.words}\u201d"]
    if entry.date:
        stated = "stated by the scheme" if entry.basis != "phase" else "the end of its phase (the outline's timetable)"
        lines.append(f"  deadline: {entry.date} ({entry.basis}: {stated})")
    if entry.codes:
        lines.append(f"  checked by: {entry.codes}")
    else:
        lines.append("  checked by: nothing (a duty of the units, with no record to check)")
    return "\n".join(lines) + "\n"
