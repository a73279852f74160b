"""Readers: turn files and streams into :class:`kg.records.Article` records.

One module per input kind: :mod:`~kg.read.text` (plain text and Markdown), :mod:`~kg.read.html`,
:mod:`~kg.read.jsonl` and :mod:`~kg.read.feed` (RSS and Atom); :mod:`~kg.read.source` picks one
by suffix and walks directories.
"""

from kg.read.feed import iter_feed_articles
from kg.read.html import read_html_article
from kg.read.jsonl import iter_jsonl_articles
from kg.read.source import SUFFIXES, ArticleError, article_paths, iter_articles, read_article
from kg.read.text import read_text_article

__all__ = ["read_text_article", "read_html_article", "iter_jsonl_articles", "iter_feed_articles",
           "iter_articles", "read_article", "article_paths", "ArticleError", "SUFFIXES"]
