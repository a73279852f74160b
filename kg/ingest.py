"""Ingest articles into a store: read, extract, and write one named graph per article.

An article whose text, metadata, kg version and model are unchanged since it was last ingested
is skipped without being parsed; a changed one replaces its graph atomically.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kg.iris import graph_iri
from kg.merge import merge_events
from kg.namespaces import KG
from kg.read import ArticleError, iter_articles
from kg.records import Article, Extraction
from kg.store import open_store
from kg.triples import extraction_quads

if TYPE_CHECKING:
    from kg.extract import Extractor

__all__ = ["IngestReport", "ingest", "content_hash", "extract_paths"]


@dataclass
class IngestReport:
    """What an ingest run did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[ArticleError] = field(default_factory=list)
    events: int = 0
    merged: int = 0

    def summary(self) -> str:
        """Return a one-line summary."""
        return (f"{len(self.written)} article(s) written, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed; {self.events} event(s) extracted; "
                f"{self.merged} event(s) reported by several articles.")


def content_hash(article: Article, *, version: str, model: str) -> str:
    """Hash everything that determines an article's extraction."""
    digest = hashlib.sha256()
    for part in (version, model, article.key, article.title, article.text,
                 str(article.published), str(article.source), str(article.url)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def ingest(paths: Iterable[str], *, store: str | os.PathLike, model: str | None = None,
           published: date | None = None,
           on_article: Callable[[str, str], None] | None = None,
           scheduler: str | None = None, workers: int | None = None) -> IngestReport:
    """Ingest the articles under ``paths`` into the store at ``store``.

    ``on_article(path, outcome)`` is called once per file with ``written``, ``unchanged`` or the
    error message, for progress reporting.

    By default extraction runs in this process. With ``scheduler`` (``tcp://HOST:PORT``) it runs
    on that Dask cluster, and with ``workers`` on a local Dask cluster of that many processes (see
    :mod:`kg.distributed`); either way this process alone writes the store, in reading order.
    """
    from kg import __version__
    from kg.extract.model import default_model_name

    if scheduler is not None or workers is not None:
        from kg.distributed import ClusterError, check_scheduler_address

        if scheduler is not None and workers is not None:
            raise ClusterError("Give either a scheduler address or a number of local workers, not both.")
        if scheduler is not None:
            check_scheduler_address(scheduler)
        elif workers < 1:
            raise ClusterError(f"The number of workers must be at least 1, not {workers}.")
    notify = on_article or (lambda path, outcome: None)
    report = IngestReport()
    with open_store(store, write=True) as db:
        model_label = model or default_model_name()
        pending: list[tuple[Article, str]] = []
        for item in iter_articles(paths, published=published):
            if isinstance(item, ArticleError):
                report.failed.append(item)
                notify(item.path, item.message)
                continue
            digest = content_hash(item, version=__version__, model=model_label)
            if db.graph_value(graph_iri(item.key), str(KG.contentHash)) == digest:
                report.unchanged.append(item.path or item.key)
                notify(item.path or item.key, "unchanged")
                continue
            pending.append((item, digest))
        # Two inputs with one key (the same URL twice in a feed) are one article: the last wins.
        pending = list({article.key: (article, digest) for article, digest in pending}.values())
        if not pending:
            return report
        hashes = {article.key: digest for article, digest in pending}
        articles = [article for article, _ in pending]
        with _extractions(articles, model=model, scheduler=scheduler, workers=workers) as extractions:
            for model_name, extraction in extractions:
                if isinstance(extraction, ArticleError):
                    # Its graph, if any, stays as it was; the other articles go on.
                    report.failed.append(extraction)
                    notify(extraction.path, extraction.message)
                    continue
                article = extraction.article
                quads = extraction_quads(extraction, version=__version__, model=model_name,
                                         content_hash=hashes[article.key])
                db.replace_graphs({graph_iri(article.key): quads})
                report.written.append(article.path or article.key)
                report.events += len(extraction.events)
                notify(article.path or article.key, "written")
        report.merged = merge_events(db)
    return report


@contextmanager
def _extractions(articles: Sequence[Article], *, model: str | None, scheduler: str | None,
                 workers: int | None) -> Iterator[Iterator[tuple[str, Extraction | ArticleError]]]:
    """Yield an iterator of ``(model_name, extraction or error)`` in article order, here or on Dask."""
    if scheduler is None and workers is None:
        from kg.extract import Extractor

        extractor = Extractor(model)
        yield ((extractor.model_name, extraction) for extraction in extractor.extract_all(articles))
        return
    from kg.distributed import cluster_client, extract_on_cluster

    with cluster_client(scheduler=scheduler, workers=workers) as client:
        yield extract_on_cluster(articles, client=client, model=model)


def extract_paths(paths: Iterable[str], *, extractor: Extractor,
                  published: date | None = None) -> Iterator[Extraction | ArticleError]:
    """Extract the articles under ``paths`` without a store, yielding errors in their place."""
    for item in iter_articles(paths, published=published):
        yield item if isinstance(item, ArticleError) else next(extractor.extract_all([item]))
