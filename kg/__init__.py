"""kg: a knowledge graph of geopolitical relationships, extracted from news articles.

The public API::

    from kg import ingest, Store, run_query, Extractor, validate_store, actor_graph, alliance_blocs
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
from kg.merge import merge_events
from kg.analyze import actor_graph, alliance_blocs, event_graph, state_graph
from kg.profile import entity_profile
from kg.export.graphml import export_graphml
from kg.export.rdf import export_rdf

__all__ = [
    "__version__", "KGError", "StoreBusyError", "StoreError", "QueryError", "QueryRefusedError",
    "InputError", "Extractor", "IngestReport", "ingest", "QueryResult", "bundled_queries",
    "run_query", "Article", "Entity", "Event", "Extraction", "Mention", "Span", "Store",
    "default_store_path", "validate_store", "merge_events", "actor_graph", "alliance_blocs",
    "event_graph", "state_graph", "entity_profile", "export_graphml", "export_rdf",
]
