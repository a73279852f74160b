"""The exceptions kg raises. The CLI turns each into ``Error: …`` and exit code 1."""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "StoreError",
    "StoreBusyError",
    "QueryError",
    "QueryRefusedError",
    "OntologyError",
    "ModelError",
    "ExtractionError",
]


class KGError(Exception):
    """Base class: a failure the user can act on, with a message that says how."""


class InputError(KGError):
    """An article file or stream cannot be read as an article."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(KGError):
    """A SPARQL query is malformed or names something unknown."""


class QueryRefusedError(QueryError):
    """A SPARQL query asks for something kg never does, such as reaching the network."""


class OntologyError(KGError):
    """Bundled or user data uses a term the ontology does not declare, or does not parse."""


class ModelError(KGError):
    """No usable spaCy pipeline is installed, or a confidence model cannot be read or fitted."""


class ExtractionError(KGError):
    """Extracting one article failed inside kg; the message names the article and the fault."""
