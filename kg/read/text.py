"""Read a plain-text or Markdown article: optional front matter, then the headline line, then the body.

Front matter is a block between two ``---`` lines at the top, of ``key: value`` lines. kg reads
``published`` (YYYY-MM-DD), ``source``, ``url`` and ``id``; other keys are ignored.
"""

from __future__ import annotations

import re
from datetime import date

from kg.errors import InputError
from kg.records import Article

__all__ = ["read_text_article", "parse_front_matter"]

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEYS = {"published", "source", "url", "id"}


def parse_front_matter(raw: str, *, name: str) -> tuple[dict[str, str], str]:
    """Split ``raw`` into its front-matter fields and the rest of the text."""
    match = _FRONT.match(raw)
    if not match:
        return {}, raw
    fields = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise InputError(f"{name}:{number}: front matter line {line.strip()!r} is not 'key: value'.")
        key = key.strip().lower()
        if key in _KEYS:
            fields[key] = value.strip().strip("'\"")
    return fields, raw[match.end():]


def parse_published(value: str, *, name: str) -> date:
    """Parse a YYYY-MM-DD publication date, naming the file on failure."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError as err:
        raise InputError(f"{name}: published date {value!r} is not YYYY-MM-DD.") from err


def read_text_article(raw: str, *, name: str, key: str | None = None,
                      published: date | None = None) -> Article:
    """Build an article from text: front matter, then the headline, then the body.

    ``name`` is used in error messages and as the article's path. ``published`` applies when the
    text gives no date of its own.
    """
    fields, text = parse_front_matter(raw, name=name)
    text = text.lstrip("\ufeff\r\n").replace("\r\n", "\n")
    if not text.strip():
        raise InputError(f"{name}: the article has no text (an empty file or front matter only).")
    title = text.split("\n", 1)[0].strip()
    when = parse_published(fields["published"], name=name) if "published" in fields else published
    return Article(
        key=fields.get("url") or fields.get("id") or key or name,
        text=text,
        title=title,
        published=when,
        source=fields.get("source"),
        url=fields.get("url"),
        path=name,
    )
