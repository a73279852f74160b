"""Read an RSS or Atom feed: each entry becomes an article.

feedparser is given the feed's bytes in a stream, never a string: given a string, or even bytes,
it tries the value as a URL to fetch or a file to open before it tries it as a feed. Entry HTML is
turned into plain text without script or style text; ``text/plain`` content is kept as written,
markup characters and all. An entry's link is kept only if it is an http(s) URL, because feeds
carry ``javascript:`` and ``data:`` links as readily as real ones.

An article is known by its link, else its entry id when that is a URI, else the feed file plus
``#`` and the id (or the entry's position when it has no id).
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from kg.errors import InputError
from kg.read.html import compose_text, fragment_paragraphs, http_url
from kg.records import Article

__all__ = ["iter_feed_articles"]

_URI = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:\S")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _plain(detail: Mapping[str, Any] | None) -> list[str]:
    """Return the paragraphs of a feedparser text construct (title, summary or content)."""
    if not detail or not isinstance(detail.get("value"), str):
        return []
    value = detail["value"]
    if "html" in (detail.get("type") or "").lower():
        return fragment_paragraphs(value)
    return [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(value) if p.strip()]


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    # feedparser gives these in UTC, so an evening date west of Greenwich reads as the next day.
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _entry_key(entry: Mapping[str, Any], url: str | None, *, base: str, number: int) -> str:
    ident = entry.get("id")
    ident = ident.strip() if isinstance(ident, str) else ""
    if url:
        return url
    # Only a URI id is meant to be unique beyond its feed; a bare "42" is scoped to the file.
    if _URI.match(ident):
        return ident
    return f"{base}#{ident or number}"


def iter_feed_articles(data: bytes, *, name: str, key: str | None = None,
                       published: date | None = None) -> Iterator[Article | InputError]:
    """Yield an article, or an :class:`InputError` in its place, for each entry of a feed.

    ``name`` is used in error messages and as each article's path; ``key`` (default ``name``)
    scopes entry ids that are not URIs. ``published`` applies to entries that give no date.
    Raises :class:`InputError` when ``data`` is not a feed at all.
    """
    # Imported here: feedparser is only needed when a feed is read.
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise InputError(f"{name}: not a well-formed RSS or Atom feed ({problem}); "
                             f"kg reads .rss, .atom and .xml files as feeds.")
        if not parsed.get("version"):
            raise InputError(f"{name}: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> "
                             f"root); kg reads .rss, .atom and .xml files as feeds.")
        return
    source = " ".join(_plain(parsed.get("feed", {}).get("title_detail"))) or None
    for number, entry in enumerate(entries, start=1):
        title = " ".join(_plain(entry.get("title_detail")))
        label = f"{name}: entry {number}" + (f" ({title!r})" if title else "")
        # Full content beats the summary, which is often a teaser of the same text.
        candidates = [*(entry.get("content") or []), entry.get("summary_detail")]
        body = next((p for p in map(_plain, candidates) if p), [])
        headline, text = compose_text(title, body)
        if not text:
            yield InputError(f"{label}: no text in its summary or content"
                             f"{' beyond its title' if body else ''}; the entry is skipped.")
            continue
        url = http_url(entry.get("link"))
        yield Article(
            key=_entry_key(entry, url, base=key or name, number=number),
            text=text,
            title=headline,
            published=_entry_date(entry) or published,
            source=source,
            url=url,
            path=name,
        )
