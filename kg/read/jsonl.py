"""Read JSON Lines: one article per line, as a JSON object.

Each line holds ``text`` (required) and optionally ``title``, ``published`` (YYYY-MM-DD), ``source``,
``url`` (http or https) and ``id``. With a title the article's text is the title, a blank line and
``text``; without one the first line of ``text`` is the headline. An article is known by its URL,
else its id, else its file and line number.

A line that cannot be read becomes an :class:`~kg.errors.InputError` naming ``file:line`` in its
place, and the lines after it are still read. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from kg.errors import InputError
from kg.read.html import byte_size, http_url
from kg.read.text import parse_published
from kg.records import Article

__all__ = ["iter_jsonl_articles", "parse_jsonl_line"]

_STRING_FIELDS = ("title", "source", "url")
# Python refuses to convert integers longer than 4300 digits with a message that suggests raising
# the limit; no field kg reads is a number that long, so refuse it here with a plainer message.
_MAX_INT_DIGITS = 100
_SKIP_CHUNK = 1 << 20


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # json keeps the last value silently; two "text" fields mean the line is ambiguous.
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_INT_DIGITS:
        raise ValueError(f"a number with {len(digits.lstrip('-')):,} digits is too long")
    return int(digits)


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def parse_jsonl_line(line: str, *, where: str, fallback_key: str,
                     published: date | None = None, path: str | None = None) -> Article:
    """Build an article from one JSON Lines line; ``where`` (``file:line``) names it in errors.

    >>> parse_jsonl_line('{"title": "Kim meets Putin", "text": "They met.", "id": 7}',
    ...                  where="a.jsonl:1", fallback_key="a.jsonl#1").text
    'Kim meets Putin\\n\\nThey met.'
    """
    try:
        record = json.loads(line, object_pairs_hook=_object, parse_int=_integer,
                            parse_constant=_constant)
    except json.JSONDecodeError as err:
        # json's messages end "… starting at" and leave the position to the caller.
        problem = err.msg.removesuffix(" at")
        raise InputError(f"{where}: invalid JSON at column {err.colno} ({problem}); "
                         f"each line must be one JSON object.") from err
    except ValueError as err:
        raise InputError(f"{where}: invalid JSON: {err}.") from err
    except RecursionError as err:
        raise InputError(f"{where}: invalid JSON: arrays or objects nested too deeply.") from err
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with a "text" field, '
                         f"got {_json_kind(record)}.")
    if "text" not in record or record["text"] is None:
        raise InputError(f'{where}: no "text" field; each line needs the article\'s text.')
    for field in ("text", *_STRING_FIELDS, "published"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{field}" must be a string, got {_json_kind(value)}.')
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise InputError(f'{where}: "id" must be a string or an integer, got {_json_kind(ident)}.')
    body = record["text"].replace("\r\n", "\n").strip()
    if not body:
        raise InputError(f'{where}: "text" is empty; each line needs the article\'s text.')
    url = record.get("url") or None
    if url is not None and http_url(url) is None:
        raise InputError(f'{where}: url {url!r} is not an http(s) URL; fix it or remove the field.')
    url = http_url(url)
    # A headline is one line: the first line of an article's text is its headline.
    title = " ".join((record.get("title") or "").split())
    if title:
        text = f"{title}\n\n{body}"
    else:
        text, title = body, body.split("\n", 1)[0].strip()
    when = record.get("published")
    return Article(
        key=url or (str(ident) if ident not in (None, "") else fallback_key),
        text=text,
        title=title,
        published=parse_published(when, name=where) if when else published,
        source=" ".join((record.get("source") or "").split()) or None,
        url=url,
        path=path,
    )


def iter_jsonl_articles(stream: IO[bytes], *, name: str, key: str | None = None,
                        published: date | None = None,
                        max_line_bytes: int) -> Iterator[Article | InputError]:
    """Yield an article, or an :class:`InputError` in its place, for each line of ``stream``.

    ``name`` is used in error messages and as each article's path; ``key`` (default ``name``)
    plus ``#`` and the line number identifies an article with neither URL nor id. A line longer
    than ``max_line_bytes`` is skipped without being held in memory.
    """
    number = 0
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        number += 1
        where = f"{name}:{number}"
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield InputError(f"{where}: the line is longer than {byte_size(max_line_bytes)}, "
                             f"the limit for one article; split the article or shorten it.")
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield InputError(f"{where}: not valid UTF-8 at byte {err.start} of the line; "
                             f"save the file as UTF-8.")
            continue
        if not line.strip():
            continue
        # Keep the line ending out of an unterminated string's error.
        line = line.rstrip("\r\n")
        try:
            yield parse_jsonl_line(line, where=where, fallback_key=f"{key or name}#{number}",
                                   published=published, path=name)
        except InputError as err:
            yield err
