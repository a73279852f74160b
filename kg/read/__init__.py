"""Readers: turn files and streams into :class:`kg.records.Article` records."""

from kg.read.text import read_text_article
from kg.read.source import ArticleError, article_paths, iter_articles

__all__ = ["read_text_article", "iter_articles", "article_paths", "ArticleError"]
