"""Normalise date expressions against an article's publication date.

A news date is often vague ("late October", "since September", "on Tuesday"). kg keeps the words,
a value at the precision the words support, and the earliest and latest day they allow.

>>> from datetime import date
>>> d = normalise_date("late October", published=date(2025, 11, 4))
>>> d.value, d.earliest.isoformat(), d.latest.isoformat()
('2025-10', '2025-10-21', '2025-10-31')
>>> normalise_date("since September", published=date(2025, 11, 4)).earliest.isoformat()
'2025-09-01'
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files

__all__ = ["TimeBounds", "normalise_date", "parse_iso_bound"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class TimeBounds:
    """A date expression, its value at the supported precision, and its bounds."""

    text: str
    value: str | None
    earliest: date | None
    latest: date | None


@lru_cache(maxsize=1)
def _words() -> dict:
    return tomllib.loads((files("kg") / "data" / "dates.toml").read_text(encoding="utf-8"))


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _infer_year(month: int, published: date | None, future: bool = False) -> int | None:
    # A month named without a year is the most recent one up to the publication month, or for
    # an expected event the next one from it.
    if published is None:
        return None
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def normalise_date(text: str, *, published: date | None, future: bool = False,
                   same_day: date | None = None) -> TimeBounds:
    """Return the bounds of a date expression, reading relative words against ``published``.

    ``future`` reads a bare month or weekday as the next one rather than the last ("is expected
    to visit in October", "is due in Cairo on Saturday"). ``same_day`` is the day the article
    dated last, which "later the same day" means. Unknown expressions come back with the text
    only.
    """
    words = [w.lower() for w in _TOKEN.findall(text)]
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if 1900 <= n <= 2100]
    days = [n for n in numbers if 1 <= n <= 31]
    # "may" is a month only beside a number or a part word ("May 2024", "mid-May").
    months = [_MONTHS[w] for w in words if w in _MONTHS and (w != "may" or len(words) > 1)]
    year = years[0] if years else None
    since = "since" in words
    table = _words()

    if same_day is not None and " ".join(words).endswith(tuple(table["same_day"])):
        return TimeBounds(text, same_day.isoformat(), same_day, same_day)
    result = _season(words, year, published, table) or _relative(words, published, table, future)
    if result is not None and months and result[0] and len(result[0]) == 4:
        # "in February last year": the month of the year the phrase names.
        result, year = None, int(result[0])
    if result is None and months:
        month = months[0]
        year = year or _infer_year(month, published, future)
        if year is not None:
            part = next((table["month_parts"][w] for w in words if w in table["month_parts"]), None)
            if days and not part:
                day = days[0]
                if day <= _month_end(year, month):
                    result = (f"{year:04d}-{month:02d}-{day:02d}", date(year, month, day), date(year, month, day))
            if result is None:
                first, last = part or (1, 31)
                result = (f"{year:04d}-{month:02d}", date(year, month, first),
                          date(year, month, min(last, _month_end(year, month))))
    if result is None and year is not None:
        result = (f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    if result is None:
        return TimeBounds(text, None, None, None)
    value, earliest, latest = result
    value = value or _shared_precision(earliest, latest)
    if since and published is not None:
        # "since September" spans from then up to publication; the value is when it began.
        return TimeBounds(text, value, earliest, max(published, earliest))
    return TimeBounds(text, value, earliest, latest)


def _shared_precision(earliest: date, latest: date) -> str | None:
    """Return the span's value at the precision its bounds share: "last autumn" is its year, and
    "this week" its month when the week lies in one month."""
    if earliest.year != latest.year:
        return None
    if earliest.month != latest.month:
        return f"{earliest.year:04d}"
    return f"{earliest.year:04d}-{earliest.month:02d}" if earliest != latest else earliest.isoformat()


def _season(words: list[str], year: int | None, published: date | None, table: dict):
    season = next((w for w in words if w in table["seasons"]), None)
    if season is None:
        return None
    first, last = table["seasons"][season]
    if year is None:
        if published is None:
            return None
        year = published.year if first <= published.month else published.year - 1
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return (None, date(year, first, 1), date(end_year, end_month, _month_end(end_year, end_month)))


def _relative(words: list[str], published: date | None, table: dict, future: bool):
    if published is None:
        return None
    for word in words:
        if word in table["relative_days"]:
            day = published + timedelta(days=table["relative_days"][word])
            return (day.isoformat(), day, day)
        if word in _WEEKDAYS:
            # News names a weekday for the most recent one up to publication, or for the next
            # one from it when the event is still to come.
            if future:
                day = published + timedelta(days=(_WEEKDAYS[word] - published.weekday()) % 7)
            else:
                day = published - timedelta(days=(published.weekday() - _WEEKDAYS[word]) % 7)
            return (day.isoformat(), day, day)
    phrase = " ".join(words)
    for words_, period in table["relative_periods"].items():
        if words_ in phrase:
            return _period(period, published)
    return None


def _period(period: str, published: date):
    if period == "year":
        return (f"{published.year:04d}", date(published.year, 1, 1), published)
    if period == "previous_year":
        year = published.year - 1
        return (f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    if period == "next_year":
        year = published.year + 1
        return (f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    if period == "next_month":
        first = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        return (first.strftime("%Y-%m"), first, first.replace(day=_month_end(first.year, first.month)))
    if period == "next_week":
        start = published + timedelta(days=7 - published.weekday())
        return (None, start, start + timedelta(days=6))
    if period == "week":
        return (None, published - timedelta(days=published.weekday()), published)
    if period == "month":
        return (published.strftime("%Y-%m"), published.replace(day=1), published)
    if period == "previous_month":
        last_day = published.replace(day=1) - timedelta(days=1)
        return (last_day.strftime("%Y-%m"), last_day.replace(day=1), last_day)
    start = published - timedelta(days=published.weekday() + 7)
    return (None, start, start + timedelta(days=6))


def parse_iso_bound(value: str | None, *, upper: bool) -> date | None:
    """Read YYYY, YYYY-MM or YYYY-MM-DD as its first day, or its last day when ``upper``.

    >>> parse_iso_bound("2024-05", upper=True), parse_iso_bound("2024", upper=False)
    (datetime.date(2024, 5, 31), datetime.date(2024, 1, 1))
    """
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-")]
    if len(parts) == 3:
        return date(*parts)
    year = parts[0]
    month = parts[1] if len(parts) == 2 else (12 if upper else 1)
    if len(parts) == 1 and not upper:
        return date(year, 1, 1)
    return date(year, month, _month_end(year, month) if upper else 1)
