"""A unit's notice (督办单) as a letter: blocks of text, written as plain text, markdown or docx.

Short and fit for a letter, an OA message or a WeChat message: who it is to,
what is overdue and what falls due soon (deadline, days, the plan), whom to
answer and by when. Data (unit and plan names, contacts) is never translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from plantrack.i18n import COLON, COMMA, LPAREN, RPAREN, Msg
from plantrack.report.safe import clean

if TYPE_CHECKING:
    from plantrack.duties import Occurrence
    from plantrack.models import Contact, PlansFile, Unit
    from plantrack.views.notice import Notice
    from plantrack.views.overdue import Item

Kind = Literal["title", "to", "para", "heading", "item", "sign"]
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str


def day(d: date | None, lang: str) -> str:
    if d is None:
        return ""
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.isoformat()


def occurrence(o: Occurrence, lang: str) -> str:
    """2020-08 as 2020年8月; a dated occurrence as its day; a one-off duty as nothing."""
    if o.key is None:
        return ""
    if len(o.key) == 7 and lang == "zh":
        return f"{int(o.key[:4])}年{int(o.key[5:])}月"
    return day(o.due, lang) if len(o.key) == 10 else o.key


def _when(due: date | None, days_left: int | None, lang: str) -> str:
    deadline = Msg(f"due {day(due, 'en')}", f"期限{day(due, 'zh')}")(lang) if due else Msg("no date", "无期限")(lang)
    if days_left is None:
        return deadline
    if days_left < 0:
        how = Msg(f"{-days_left} days late", f"已逾期{-days_left}天")
    elif days_left == 0:
        how = Msg("due today", "今天到期")
    else:
        how = Msg(f"{days_left} days left", f"还有{days_left}天")
    sep = Msg(", ", COMMA)(lang)
    return f"{deadline}{sep}{how(lang)}"


def item_line(i: Item, unit: str, names: dict[str, str], lang: str) -> str:
    plan, step = clean(i.plan.name), clean(i.step.spec.name)
    owner = ""
    if i.plan.owner != unit:  # chased from the body whose act it is: say whose plan
        o = clean(names.get(i.plan.owner, i.plan.owner))
        owner = Msg(f" (compiled by {o})", f"{LPAREN}牵头单位{COLON}{o}{RPAREN}")(lang)
    what = Msg(f"{plan}{owner}: {step}", f"《{plan}》{owner}“{step}”")(lang)
    return f"{what}{Msg(', ', COMMA)(lang)}{_when(i.step.due, i.days_left, lang)}{Msg('.', '。')(lang)}"


def duty_line(o: Occurrence, lang: str) -> str:
    when = occurrence(o, lang)
    label = clean(o.spec.name) + (Msg(f" ({when})", f"{LPAREN}{when}{RPAREN}")(lang) if when else "")
    return f"{label}{Msg(', ', COMMA)(lang)}{_when(o.due, o.days_left, lang)}{Msg('.', '。')(lang)}"


def _contact(c: Contact | None, lang: str) -> str:
    """规划科 王敏，电话：0791-8521xxxx"""
    if c is None:
        return ""
    phone = Msg(f", phone {c.phone}", f"{COMMA}电话{COLON}{c.phone}")(lang) if c.phone else ""
    return clean((c.person or "") + phone).lstrip(", \uff0c")


def letter(
    n: Notice, plans: PlansFile, schedule_name: str, sender: Unit | None, contact: Unit | None, lang: str
) -> list[Block]:
    """One unit's notice, block by block."""
    names = {uid: u.name for uid, u in plans.units.items()}
    office = clean(sender.name) if sender else Msg("the leading group's office", "区发展规划工作领导小组办公室")(lang)
    out = [
        Block("title", Msg("Supervision notice", "督办单")(lang)),
        Block("to", f"{clean(n.name)}{Msg(':', COLON)(lang)}"),
        Block(
            "para",
            Msg(
                f"As of {day(n.as_of, 'en')}, under {clean(schedule_name)}, these items of your unit are overdue or fall due soon:",
                f"截至{day(n.as_of, 'zh')}{COMMA}按照《{clean(schedule_name)}》{COMMA}贵单位以下事项已逾期或即将到期{COLON}",
            )(lang),
        ),
    ]
    sections = [
        (Msg("Overdue", "已逾期事项"), n.late()),
        (Msg("Due soon", "即将到期事项"), n.soon()),
    ]
    shown = 0
    for title, (items, duties) in sections:
        if not items and not duties:
            continue
        head = f"{NUMERALS[shown]}、{title.zh}" if lang == "zh" else f"{title.en}:"
        shown += 1
        out.append(Block("heading", head))
        lines = [item_line(i, n.unit, names, lang) for i in items] + [duty_line(o, lang) for o in duties]
        out += [Block("item", line) for line in lines]
    out.append(
        Block(
            "para",
            Msg(
                f"Please see to them and report back to {office} by {day(n.reply_by, 'en')}.",
                f"请抓紧办理{COMMA}并于{day(n.reply_by, 'zh')}前将办理情况反馈{office}。",
            )(lang),
        )
    )
    mine = _contact(n.info.contact if n.info else None, lang)
    if mine:
        out.append(Block("para", Msg(f"Your contact: {mine}", f"贵单位联系人{COLON}{mine}")(lang)))
    theirs = _contact(contact.contact if contact else None, lang)
    if theirs:
        out.append(Block("para", Msg(f"Contact: {theirs}", f"联系人{COLON}{theirs}")(lang)))
    out += [Block("sign", office), Block("sign", day(n.as_of, lang))]
    return out


def text(blocks: Sequence[Block]) -> str:
    """Plain text for an OA or WeChat message: a blank line after the title and before the signature."""
    lines: list[str] = []
    k = 0
    for i, b in enumerate(blocks):
        if b.kind == "sign" and blocks[i - 1].kind != "sign":
            lines.append("")
        k = k + 1 if b.kind == "item" else 0
        lines.append(f"{k}. {b.text}" if b.kind == "item" else b.text)
        if b.kind == "title":
            lines.append("")
    return "\n".join(lines) + "\n"


def markdown(blocks: Sequence[Block]) -> str:
    """Markdown: the title and headings as headings, items as a numbered list, the signature as one paragraph."""
    from plantrack.report.formats import md

    chunks: list[str] = []
    for i, b in enumerate(blocks):
        t = md(b.text)
        prev = blocks[i - 1].kind if i else None
        if b.kind == "title":
            chunks.append(f"# {t}")
        elif b.kind == "heading":
            chunks.append(f"## {t}")
        elif b.kind in ("item", "sign") and prev == b.kind:
            chunks[-1] += ("\n1. " if b.kind == "item" else "  \n") + t
        else:
            chunks.append(f"1. {t}" if b.kind == "item" else t)
    return "\n\n".join(chunks) + "\n"
