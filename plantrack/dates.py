"""The due-date grammar of docs/format.md.

A due date may be written as the scheme writes it. Each form names one day:

    2020-08-31            that day
    2020-08               the month's last day ("a bare month means by its end")
    2020年8月底, 2020年8月  the month's last day
    2020年10月上旬         the 10th (上旬 days 1–10, 中旬 11–20, 下旬 21–end)
    2020年底               31 December
    …前 (2020年8月底前)     the same day: "前" means on or before
    2020年9月25日           that day
    end of 2020-08         the month's last day
    early/mid/late 2020-10 the 10th, the 20th, the month's last day
    end of 2020            31 December

`done` is an exact date: ISO or 2020年9月25日. On the command line a reference
date may also be written 2020/9/1. Parsing is pure: a bad date raises
DateFormatError, and the loader places it at the value's line and column.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

ACCEPTED_FORMS = (
    "2020-08-31, 2020-08, 2020年8月底, 2020年10月上旬/中旬/下旬, 2020年底, 2020年8月底前, 2020年9月25日, "
    "end of 2020-08, early/mid/late 2020-10, end of 2020"
)
EXACT_FORMS = "YYYY-MM-DD, 2020年9月25日"


class DateFormatError(ValueError):
    """A date that does not parse or names no real day; `zh` says it in Chinese."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ZH_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]")
_SLASH_DAY = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_ZH_MONTH = re.compile(r"(\d{4})年(\d{1,2})月(底|末|上旬|中旬|下旬)?")
_ZH_YEAR_END = re.compile(r"(\d{4})年(?:底|末)")
_EN_PART = re.compile(r"(end of|early|mid|late)\s+(\d{4})-(\d{1,2})", re.IGNORECASE)
_EN_YEAR_END = re.compile(r"end of\s+(\d{4})", re.IGNORECASE)

# Which day of the month each part of a month names; None is its last day.
_PART_DAY: dict[str, int | None] = {
    "": None,
    "底": None,
    "末": None,
    "end of": None,
    "late": None,
    "下旬": None,
    "上旬": 10,
    "early": 10,
    "中旬": 20,
    "mid": 20,
}


def _day(year: int, month: int, day: int | None) -> date:
    if not 1 <= month <= 12:
        raise DateFormatError(f"month {month} does not exist", f"没有{month}月")
    if year < 1:
        raise DateFormatError(f"year {year} does not exist", f"没有{year}年")
    last = monthrange(year, month)[1]
    if day is None:
        day = last
    if not 1 <= day <= last:
        raise DateFormatError(f"{year}-{month:02d} has no day {day}", f"{year}年{month}月没有{day}日")
    return date(year, month, day)


def parse_exact(text: object) -> date:
    """An exact day (`2020-06-03`, `2020年6月3日`), as `done` requires."""
    if isinstance(text, date):
        return text
    s = str(text).strip()
    m = _ISO_DAY.fullmatch(s) or _ZH_DAY.fullmatch(s)
    if not m:
        raise DateFormatError(
            f"{s!r} is not a date: expected YYYY-MM-DD or 2020年9月25日", f"{s!r} 不是日期\uff1a应为 {EXACT_FORMS}"
        )
    return _day(int(m[1]), int(m[2]), int(m[3]))


def parse_due(text: object) -> date:
    """Any due-date form of docs/format.md, resolved to the day it names."""
    if isinstance(text, date):
        return text
    s = str(text).strip()
    if s.endswith("前") and "年" in s:
        s = s[:-1]  # "2020年8月底前": on or before that day, the same deadline
    if m := _ISO_DAY.fullmatch(s) or _ZH_DAY.fullmatch(s):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _ISO_MONTH.fullmatch(s):
        return _day(int(m[1]), int(m[2]), None)
    if m := _ZH_MONTH.fullmatch(s):
        return _day(int(m[1]), int(m[2]), _PART_DAY[m[3] or ""])
    if m := _ZH_YEAR_END.fullmatch(s):
        return date(int(m[1]), 12, 31)
    if m := _EN_PART.fullmatch(s):
        return _day(int(m[2]), int(m[3]), _PART_DAY[m[1].lower()])
    if m := _EN_YEAR_END.fullmatch(s):
        return date(int(m[1]), 12, 31)
    raise DateFormatError(
        f"{s!r} is not a due date: expected one of {ACCEPTED_FORMS}",
        f"{s!r} 不是可识别的期限\uff1a可用格式为 {ACCEPTED_FORMS}",
    )


def parse_ref_date(text: str) -> date:
    """A date given on the command line (`--as-of`, `--date`): also 2020/9/1."""
    m = _SLASH_DAY.fullmatch(str(text).strip())
    if m:
        return _day(int(m[1]), int(m[2]), int(m[3]))
    return parse_exact(text)
