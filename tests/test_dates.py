from datetime import date

import pytest

from kg.extract.dates import normalise_date

PUBLISHED = date(2025, 11, 4)  # a Tuesday


@pytest.mark.parametrize("text, value, earliest, latest", [
    ("late October", "2025-10", "2025-10-21", "2025-10-31"),
    ("early March", "2025-03", "2025-03-01", "2025-03-10"),
    ("mid-May", "2025-05", "2025-05-11", "2025-05-20"),
    ("in June 2024", "2024-06", "2024-06-01", "2024-06-30"),
    ("19 June 2024", "2024-06-19", "2024-06-19", "2024-06-19"),
    ("June 19, 2024", "2024-06-19", "2024-06-19", "2024-06-19"),
    ("October 27", "2025-10-27", "2025-10-27", "2025-10-27"),
    ("December", "2024-12", "2024-12-01", "2024-12-31"),
    ("2024", "2024", "2024-01-01", "2024-12-31"),
    ("since September", "2025-09", "2025-09-01", "2025-11-04"),
    ("the spring of 2025", "2025", "2025-03-01", "2025-05-31"),
    ("autumn 2024", "2024", "2024-09-01", "2024-11-30"),
    ("this week", "2025-11", "2025-11-03", "2025-11-04"),
    ("last week", "2025", "2025-10-27", "2025-11-02"),
    ("February last year", "2024-02", "2024-02-01", "2024-02-29"),
    ("on Tuesday", "2025-11-04", "2025-11-04", "2025-11-04"),
    ("Friday", "2025-10-31", "2025-10-31", "2025-10-31"),
    ("yesterday", "2025-11-03", "2025-11-03", "2025-11-03"),
    ("last month", "2025-10", "2025-10-01", "2025-10-31"),
    ("this year", "2025", "2025-01-01", "2025-11-04"),
])
def test_dates_expression_is_bounded_against_the_publication_date(text, value, earliest, latest):
    result = normalise_date(text, published=PUBLISHED)
    assert (result.value, str(result.earliest), str(result.latest)) == (value, earliest, latest)
    assert result.text == text


def test_dates_relative_expression_without_publication_date_keeps_only_the_text():
    result = normalise_date("late October", published=None)
    assert (result.text, result.value, result.earliest, result.latest) == ("late October", None, None, None)


def test_dates_absolute_expression_needs_no_publication_date():
    result = normalise_date("19 June 2024", published=None)
    assert result.value == "2024-06-19"


def test_dates_unknown_expression_has_no_bounds():
    result = normalise_date("the other day", published=PUBLISHED)
    assert result.earliest is None and result.value is None


def test_dates_winter_spans_the_new_year():
    result = normalise_date("winter 2024", published=PUBLISHED)
    assert (str(result.earliest), str(result.latest)) == ("2024-12-01", "2025-02-28")
    assert result.value is None


@pytest.mark.parametrize("text, future, value", [
    ("on Friday", False, "2025-10-31"),
    ("on Friday", True, "2025-11-07"),
    ("Tuesday", True, "2025-11-04"),
])
def test_dates_a_weekday_still_to_come_is_the_next_one(text, future, value):
    assert normalise_date(text, published=PUBLISHED, future=future).value == value


@pytest.mark.parametrize("text", ["the same day", "later the same day", "that day"])
def test_dates_the_same_day_is_the_day_dated_last(text):
    result = normalise_date(text, published=PUBLISHED, same_day=date(2025, 10, 29))
    assert (result.value, result.earliest, result.latest) == ("2025-10-29", date(2025, 10, 29), date(2025, 10, 29))
    assert normalise_date(text, published=PUBLISHED).value is None
