"""The due-date grammar of FORMAT.md."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plantrack.dates import DateFormatError, parse_due, parse_exact


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2020-08-31", date(2020, 8, 31)),
        ("2020-08", date(2020, 8, 31)),
        ("2020-02", date(2020, 2, 29)),
        ("2020年8月底", date(2020, 8, 31)),
        ("2020年8月", date(2020, 8, 31)),
        ("2020年10月上旬", date(2020, 10, 10)),
        ("2020年10月中旬", date(2020, 10, 20)),
        ("2020年10月下旬", date(2020, 10, 31)),
        ("2020年底", date(2020, 12, 31)),
        ("end of 2020-08", date(2020, 8, 31)),
        ("early 2020-10", date(2020, 10, 10)),
        ("mid 2020-10", date(2020, 10, 20)),
        ("late 2021-02", date(2021, 2, 28)),
        ("End of 2020", date(2020, 12, 31)),
    ],
)
def test_due_forms(text: str, day: date) -> None:
    assert parse_due(text) == day


@pytest.mark.parametrize("text", ["2020-02-30", "2020-13-01", "2020年13月底", "2020年8月初", "soon", "", "2020-8-31x"])
def test_bad_due_dates_are_refused_in_both_languages(text: str) -> None:
    with pytest.raises(DateFormatError) as e:
        parse_due(text)
    assert str(e.value) and e.value.zh


def test_done_is_an_exact_date() -> None:
    assert parse_exact("2020-06-03") == date(2020, 6, 3)
    with pytest.raises(DateFormatError):
        parse_exact("2020-06")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_due(day.isoformat()) == day == parse_exact(day.isoformat())


@given(st.integers(1900, 2999), st.integers(1, 12))
def test_month_forms_agree(year: int, month: int) -> None:
    end = parse_due(f"{year}-{month:02d}")
    assert end == parse_due(f"{year}年{month}月底") == parse_due(f"end of {year}-{month:02d}")
    assert (end + (date(year, 1, 2) - date(year, 1, 1))).day == 1  # the next day starts a month


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2020年8月底前", date(2020, 8, 31)),  # "前": on or before, the same deadline
        ("2020年底前", date(2020, 12, 31)),
        ("2020年10月上旬前", date(2020, 10, 10)),
        ("2020年10月前", date(2020, 10, 31)),
        ("2020年9月25日", date(2020, 9, 25)),
        ("2020年9月25日前", date(2020, 9, 25)),
        ("2020年9月5号", date(2020, 9, 5)),
    ],
)
def test_the_schemes_own_phrases(text: str, day: date) -> None:
    assert parse_due(text) == day


@pytest.mark.parametrize("text", ["2020年2月30日", "2020年13月1日", "前", "2020年底前前", "2020年9月25"])
def test_bad_chinese_dates_are_refused(text: str) -> None:
    with pytest.raises(DateFormatError) as e:
        parse_due(text)
    assert "\uff1a" in e.value.zh or "没有" in e.value.zh


def test_done_takes_a_chinese_exact_date_and_the_command_line_a_slashed_one() -> None:
    from plantrack.dates import parse_ref_date

    assert parse_exact("2020年9月25日") == date(2020, 9, 25)
    assert (
        parse_ref_date("2020/9/1") == parse_ref_date("2020-9-1") == parse_ref_date("2020年9月1日") == date(2020, 9, 1)
    )
    with pytest.raises(DateFormatError) as e:
        parse_exact("2020年9月")
    assert "expected YYYY-MM-DD or 2020年9月25日" in str(e.value)
