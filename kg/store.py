"""The embedded store: an on-disk Oxigraph database holding one named graph per article.

The ontology and the reference KB sit in their own graphs (``graph:ontology``,
``graph:reference``) and are refreshed when the bundled files change. Writes replace a whole
graph in one SPARQL update, which Oxigraph applies atomically: a failure leaves the previous
graph as it was. One process may write at a time; others get :class:`StoreBusyError`, while
readers open the store read-only and keep working.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreBusyError, StoreError
from kg.ontology import ONTOLOGY_GRAPH, REFERENCE_GRAPH, install_bundle

__all__ = ["Store", "default_store_path", "store_stats", "open_store", "ONTOLOGY_GRAPH", "REFERENCE_GRAPH"]



def default_store_path() -> Path:
    """Return ``$KG_STORE``, else ``$XDG_DATA_HOME/kg/store`` (``~/.local/share/kg/store``)."""
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kg" / "store"


def _insert_data(graph: str, triples: Iterable) -> str:
    # Terms are written by pyoxigraph's own N-Triples serialisation, never by formatting values.
    body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


class Store:
    """An Oxigraph store on disk, opened for reading or for writing.

    >>> import tempfile, pathlib
    >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "s", write=True) as store:
    ...     store.count() > 1000
    True
    """

    def __init__(self, path: str | os.PathLike, *, write: bool = False):
        self.path = Path(path)
        self.write = write
        if write:
            self._store = self._open_write()
            self.ensure_reference()
        else:
            self._store = self._open_read()

    def _open_write(self) -> ox.Store:
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: is a file, not a store directory; choose another --store.")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreBusyError(
                    f"{self.path}: the store is busy: another kg process is writing to it. "
                    "Wait for it to finish, or pass another --store.") from err
            raise StoreError(f"{self.path}: cannot open the store for writing: {err}") from err

    def _open_read(self) -> ox.Store:
        if not (self.path / "CURRENT").exists():
            raise StoreError(f"{self.path}: no kg store here. Create one with "
                             f"`kg ingest ARTICLES --store {self.path}`.")
        try:
            return ox.Store.read_only(str(self.path))
        except OSError as err:
            raise StoreError(f"{self.path}: cannot open the store for reading: {err}") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush writes and release the store."""
        if self.write:
            self._store.flush()
        del self._store

    # ------------------------------------------------------------------ reading

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for queries the API does not wrap."""
        return self._store

    def query(self, sparql: str, **options):
        """Run a SPARQL query string over the union of all graphs."""
        return self._store.query(sparql, use_default_graph_as_union=True, **options)

    def count(self, graph: str | None = None) -> int:
        """Return the number of quads, in one graph or in all."""
        name = ox.NamedNode(graph) if graph else None
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, name))

    def graphs(self) -> list[str]:
        """Return the named graphs in the store, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_value(self, graph: str, predicate: str) -> str | None:
        """Return the value the graph states about itself for ``predicate``, if any."""
        node = ox.NamedNode(graph)
        for quad in self._store.quads_for_pattern(node, ox.NamedNode(predicate), None, node):
            return quad.object.value
        return None

    # ------------------------------------------------------------------ writing

    def _require_write(self) -> None:
        if not self.write:
            raise StoreError(f"{self.path}: opened read-only; open it with write=True to change it.")

    def replace_graphs(self, contents: dict[str, Iterable[ox.Triple | ox.Quad]]) -> None:
        """Replace each graph's contents with the given triples, all in one atomic update.

        Quads may be passed too; their own graph name is ignored.
        """
        self._require_write()
        update = " ;\n".join(f"DROP SILENT GRAPH <{graph}> ;\n" + _insert_data(graph, quads)
                              for graph, quads in contents.items())
        try:
            self._store.update(update)
        except (OSError, RuntimeError, SyntaxError) as err:
            names = ", ".join(f"<{g}>" for g in contents)
            raise StoreError(f"{self.path}: writing {names} failed; the store is unchanged: {err}") from err

    def remove_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        self._require_write()
        node = ox.NamedNode(graph)
        if not self._store.contains_named_graph(node):
            return False
        self._store.remove_graph(node)
        return True

    def ensure_reference(self) -> bool:
        """Load the ontology and reference KB into their graphs if missing or changed.

        Returns whether anything was written.
        """
        self._require_write()
        return install_bundle(self)


def store_stats(store: Store) -> dict[str, list[tuple[str, int]]]:
    """Count quads per named graph and instances per class (over all graphs), largest first."""
    per_graph = [(g, store.count(g)) for g in store.graphs()]
    classes = store.query(
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class")
    per_class = [(row["class"].value, int(row["n"].value)) for row in classes]
    return {"graphs": sorted(per_graph, key=lambda item: (-item[1], item[0])), "classes": per_class}


def open_store(spec: str | os.PathLike | None = None, *, write: bool = False, **options):
    """Open a store: a directory (embedded Oxigraph) or an ``http(s)://…`` SPARQL endpoint.

    ``None`` means ``$KG_STORE``, then the default directory. For an endpoint, ``options`` go to
    :class:`kg.remote.RemoteStore` (``update_url``, ``user``, ``password`` …); by default they
    come from ``KG_STORE_UPDATE_URL``, ``KG_STORE_USER`` and ``KG_STORE_PASSWORD``.

    >>> import tempfile, pathlib
    >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s", write=True) as store:
    ...     type(store).__name__
    'Store'
    """
    from kg.remote import RemoteStore, is_remote

    if spec is None:
        spec = os.environ.get("KG_STORE") or default_store_path()
    if is_remote(spec):
        return RemoteStore(str(spec), write=write, **options)
    if options:
        raise StoreError(f"{spec}: options {', '.join(sorted(options))} apply only to a remote store.")
    return Store(spec, write=write)
