"""Find the articles under the paths a user names, reading each file once.

Directories are walked recursively in sorted order; ``-`` reads standard input as a text article.
A file is read by its suffix: text and Markdown, HTML, JSON Lines (one article per line) or an
RSS/Atom feed (one article per entry). Anything that cannot be read, a file or one line or entry
of it, yields an :class:`ArticleError` in its place, so one bad article never stops the rest.
"""

from __future__ import annotations

import hashlib
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.read.feed import iter_feed_articles
from kg.read.html import byte_size, read_html_article
from kg.read.jsonl import iter_jsonl_articles
from kg.read.text import read_text_article
from kg.records import Article

__all__ = ["ArticleError", "iter_articles", "article_paths", "read_article", "SUFFIXES",
           "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES", "FEED_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
FEED_SUFFIXES = (".rss", ".atom", ".xml")
#: Every suffix kg reads, in the order messages list them.
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES

# One article, and one line of a JSON Lines file. Checked before parsing: neither trafilatura nor
# spaCy caps its input, and a 20 MB page costs half a gigabyte to extract.
_MAX_BYTES = 5_000_000
# A feed holds many articles, so it may be larger; feedparser parses 30 MB in about a second.
_MAX_FEED_BYTES = 20_000_000


@dataclass(frozen=True)
class ArticleError:
    """A file, or one line or entry of it, that could not be read as an article, and why.

    ``path`` is the file; ``message`` names the line or entry when there is one.
    """

    path: str
    message: str


def _is_article_file(child: Path) -> bool:
    # A folder's README describes the corpus; it is not an article.
    return (child.is_file() and child.suffix.lower() in SUFFIXES
            and not child.name.startswith(".") and child.stem.upper() != "README")


def article_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files under ``paths`` that kg reads as articles; ``-`` and plain files as given.

    A JSON Lines file or a feed is one path but may hold many articles.
    """
    for path in paths:
        p = Path(path)
        if path == "-" or not p.is_dir():
            yield path
            continue
        for child in sorted(p.rglob("*")):
            if _is_article_file(child):
                yield str(child)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); "
                         f"kg reads text articles ({', '.join(TEXT_SUFFIXES)}).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid UTF-8 at byte {err.start}; save the file as UTF-8.") from err


def _check_file(path: str) -> Path:
    """Return ``path`` if it names a regular file of a suffix kg reads, else raise InputError."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file or directory.") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror}.") from err
    if p.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {p.suffix or '(none)'!r}; "
                         f"kg reads {', '.join(SUFFIXES)}.")
    # Opening a FIFO blocks until something writes to it, and a device may never end.
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file; kg reads articles from files, "
                         f"or from standard input as '-'.")
    return p


def _read_capped(p: Path, limit: int, *, what: str) -> bytes:
    # Read one byte past the limit rather than trust st_size, which a growing file outruns.
    try:
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(f"{p}: cannot be read: {err.strerror}.") from err
    if len(data) > limit:
        raise InputError(f"{p}: larger than {byte_size(limit)}, the limit for {what}; "
                         f"split it into smaller files.")
    return data


def read_article(path: str, *, published: date | None = None) -> Article:
    """Read one text, Markdown or HTML article file, or standard input for ``-``.

    A JSON Lines file or a feed holds many articles; read those with :func:`iter_articles`.
    """
    if path == "-":
        data = sys.stdin.buffer.read(_MAX_BYTES + 1)
        if len(data) > _MAX_BYTES:
            raise InputError(f"<stdin>: larger than {byte_size(_MAX_BYTES)}, the limit for one "
                             f"article; split it into smaller files.")
        # Without a url or id in its front matter, an article from stdin is known by its content.
        key = "stdin:" + hashlib.sha256(data).hexdigest()[:16]
        return read_text_article(_decode(data, "<stdin>"), name="<stdin>", key=key, published=published)
    p = _check_file(path)
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(f"{path}: a {suffix} file may hold many articles; "
                         f"read it with iter_articles.")
    data = _read_capped(p, _MAX_BYTES, what="one article")
    key = str(p.resolve())
    if suffix in HTML_SUFFIXES:
        return read_html_article(data, name=path, key=key, published=published)
    return read_text_article(_decode(data, path), name=path, key=key, published=published)


def _iter_file(path: str, *, published: date | None) -> Iterator[Article | InputError]:
    if path == "-":
        yield read_article(path, published=published)
        return
    p = _check_file(path)
    suffix = p.suffix.lower()
    # Keyed by the resolved path so that re-ingesting from another directory replaces, not adds.
    key = str(p.resolve())
    if suffix in JSONL_SUFFIXES:
        try:
            with p.open("rb") as stream:
                yield from iter_jsonl_articles(stream, name=path, key=key, published=published,
                                               max_line_bytes=_MAX_BYTES)
        except OSError as err:
            raise InputError(f"{path}: cannot be read: {err.strerror}.") from err
    elif suffix in FEED_SUFFIXES:
        data = _read_capped(p, _MAX_FEED_BYTES, what="one feed")
        yield from iter_feed_articles(data, name=path, key=key, published=published)
    else:
        yield read_article(path, published=published)


def iter_articles(paths: Iterable[str], *, published: date | None = None) -> Iterator[Article | ArticleError]:
    """Yield each article under ``paths`` in order, or an :class:`ArticleError` in its place.

    A text or HTML file is one article; a JSON Lines file gives one per line and a feed one per
    entry. ``published`` applies to articles that give no date of their own.
    """
    for path in article_paths(paths):
        try:
            for item in _iter_file(path, published=published):
                if isinstance(item, InputError):
                    yield ArticleError(path=path, message=str(item))
                else:
                    yield item
        except InputError as err:
            yield ArticleError(path=path, message=str(err))
