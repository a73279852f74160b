"""Find the articles under the paths a user names, reading each file once.

Directories are walked recursively in sorted order; ``-`` reads standard input. A file that
cannot be read yields an :class:`ArticleError` in its place, so one bad file never stops the rest.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.read.text import read_text_article
from kg.records import Article

__all__ = ["ArticleError", "iter_articles", "article_paths", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ArticleError:
    """A file that could not be read as an article, and why."""

    path: str
    message: str


def article_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files under ``paths`` that kg reads as articles; ``-`` and plain files as given."""
    for path in paths:
        p = Path(path)
        if path == "-" or not p.is_dir():
            yield path
            continue
        for child in sorted(p.rglob("*")):
            # A folder's README describes the corpus; it is not an article.
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES \
                    and not child.name.startswith(".") and child.stem.upper() != "README":
                yield str(child)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); "
                         f"kg reads text articles ({', '.join(TEXT_SUFFIXES)}).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid UTF-8 at byte {err.start}; save the file as UTF-8.") from err


def read_article(path: str, *, published: date | None = None) -> Article:
    """Read one article file, or standard input for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read()
        # Without a url or id in its front matter, an article from stdin is known by its content.
        key = "stdin:" + hashlib.sha256(data).hexdigest()[:16]
        return read_text_article(_decode(data, "<stdin>"), name="<stdin>", key=key, published=published)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or directory.")
    if p.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {p.suffix or '(none)'!r}; "
                         f"kg reads {', '.join(TEXT_SUFFIXES)}.")
    try:
        size = p.stat().st_size
        if size > _MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes is too large for one article "
                             f"(the limit is {_MAX_BYTES:,}).")
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror}.") from err
    return read_text_article(_decode(data, path), name=path, key=str(p.resolve()), published=published)


def iter_articles(paths: Iterable[str], *, published: date | None = None) -> Iterator[Article | ArticleError]:
    """Yield an article, or an :class:`ArticleError`, for each file under ``paths``."""
    for path in article_paths(paths):
        try:
            yield read_article(path, published=published)
        except InputError as err:
            yield ArticleError(path=path, message=str(err))
