"""kg: a knowledge graph of geopolitical relationships, extracted from news articles.

The public API::

    from kg import ingest, Store, run_query, Extractor, validate_store
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("kg")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

from kg.errors import KGError, StoreBusyError, StoreError, QueryError, QueryRefusedError, InputError
from kg.extract import Extractor
from kg.ingest import IngestReport, ingest
from kg.query import QueryResult, bundled_queries, run_query
from kg.records import Article, Entity, Event, Extraction, Mention, Span
from kg.store import Store, default_store_path
from kg.validation import validate_store

__all__ = [
    "__version__", "KGError", "StoreBusyError", "StoreError", "QueryError", "QueryRefusedError",
    "InputError", "Extractor", "IngestReport", "ingest", "QueryResult", "bundled_queries",
    "run_query", "Article", "Entity", "Event", "Extraction", "Mention", "Span", "Store",
    "default_store_path", "validate_store",
]
