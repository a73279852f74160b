"""A remote SPARQL 1.1 store behind the same small interface as the embedded :class:`~kg.store.Store`.

``--store http://host:8890/sparql`` makes ``ingest``, ``query``, ``stats``, ``export`` and
``alliances`` work against a server (Virtuoso, Fuseki, GraphDB, Oxigraph server …), one named
graph per article as locally. Queries go to the query URL, updates to the update URL (for
Virtuoso ``/sparql-auth``, with HTTP digest authentication); the user name, password and update
URL come from options or from ``KG_STORE_USER``, ``KG_STORE_PASSWORD`` and ``KG_STORE_UPDATE_URL``.

Every term sent to the server is written by pyoxigraph's N-Triples serialisation, never by
formatting values, so a crafted entity name stays a literal. A result the server marks as
partial (HTTP 206, or Virtuoso's ``X-SQL-State``/``X-SPARQL-MaxRows`` headers) raises
:class:`~kg.errors.StoreError` instead of returning truncated rows. Failed connections and
gateway errors are retried a bounded number of times. Writes are batched: a call whose triples
fit in one request is one atomic update; a larger one is uploaded to staging graphs and then
moved into place by one final update.

kg sees only the graphs under ``https://w3id.org/kg/graph/``; a server's own graphs (Virtuoso's
system graphs, other applications' data) are left alone and not listed.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from email.message import Message
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import (HTTPBasicAuthHandler, HTTPDigestAuthHandler, HTTPPasswordMgrWithDefaultRealm,
                            OpenerDirector, Request, build_opener)

import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import GRAPH
from kg.ontology import install_bundle

__all__ = ["RemoteStore", "is_remote", "push_store"]

_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
# Skip IRIs, strings and comments so that the first keyword found is the query form.
_FORM = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'"""
                   r"""|"(?:[^"\\\n]|\\.)*"|\#[^\n]*|(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)\b""",
                   re.I | re.S)
_RETRY_STATUS = (502, 503, 504)


def is_remote(spec: object) -> bool:
    """Tell whether a ``--store`` value names a SPARQL endpoint rather than a directory.

    >>> is_remote("http://127.0.0.1:8890/sparql"), is_remote("demo.store")
    (True, False)
    """
    return isinstance(spec, str) and re.match(r"https?://", spec, re.I) is not None


def _query_form(sparql: str) -> str:
    for match in _FORM.finditer(sparql):
        if match.group(1):
            return match.group(1).upper()
    return "SELECT"


def _iri(value: str) -> str:
    try:
        return str(ox.NamedNode(value))
    except ValueError as err:
        raise StoreError(f"{value!r} is not a valid IRI: {err}") from err


def _triple_lines(triples: Iterable[ox.Triple | ox.Quad]) -> str:
    # pyoxigraph writes each term as N-Triples: quotes and backslashes escaped, so braces and
    # semicolons inside a name stay inside its string.
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _insert_data(graph: str, triples: list) -> str:
    return f"INSERT DATA {{ GRAPH {_iri(graph)} {{\n{_triple_lines(triples)}\n}} }}"


def _ours(graph: str) -> bool:
    return graph.startswith(str(GRAPH))


def _canonical_literal(datatype: str | None, value: str) -> str:
    # Virtuoso stores xsd:boolean as a number and answers "1" and "0", valid but not canonical.
    if datatype == _BOOLEAN and value in ("1", "0"):
        return "true" if value == "1" else "false"
    return value


def _canonical_triple(triple: ox.Triple) -> ox.Triple:
    term = triple.object
    if isinstance(term, ox.Literal) and term.datatype.value == _BOOLEAN:
        term = ox.Literal(_canonical_literal(_BOOLEAN, term.value), datatype=term.datatype)
        return ox.Triple(triple.subject, triple.predicate, term)
    return triple


def _canonical_results(results: dict, *, ask: bool) -> dict:
    if "boolean" in results:
        return {"head": {}, "boolean": bool(results["boolean"])}
    bindings = results.get("results", {}).get("bindings", [])
    if ask:
        # Virtuoso 7 answers ASK with one row binding __ASK_RETVAL to 1 or 0.
        values = [v.get("value") for row in bindings for v in row.values()]
        return {"head": {}, "boolean": bool(values) and values[0] not in ("0", "false")}
    for row in bindings:
        for item in row.values():
            if item.get("type") == "typed-literal":  # the 2008 JSON draft's name, still sent by Virtuoso
                item["type"] = "literal"
            if "datatype" in item:
                item["value"] = _canonical_literal(item["datatype"], item["value"])
    return {"head": {"vars": results.get("head", {}).get("vars", [])}, "results": {"bindings": bindings}}


class _RemoteDataset:
    """The part of pyoxigraph's ``Store`` API that kg's modules use through ``store.oxigraph``."""

    def __init__(self, store: RemoteStore):
        self._store = store

    def query(self, sparql: str, **options):
        return self._store.query(sparql, **options)

    def quads_for_pattern(self, subject=None, predicate=None, object=None,  # noqa: A002
                          graph_name=None) -> Iterator[ox.Quad]:
        """Yield the quads in kg's graphs matching the pattern (None matches anything)."""
        terms = {"s": subject, "p": predicate, "o": object}
        if graph_name is None and all(t is None for t in terms.values()):
            # Graph by graph: a server caps how far one sorted answer may be paged (Virtuoso:
            # offset plus limit within ResultSetMaxRows), and one graph stays well below it.
            for graph in self._store.graphs():
                yield from self.quads_for_pattern(graph_name=ox.NamedNode(graph))
            return
        pattern = " ".join(str(t) if t is not None else f"?{name}" for name, t in terms.items())
        if graph_name is not None:
            if not _ours(graph_name.value):
                return
            where = f"GRAPH {graph_name} {{ {pattern} }}"
        else:
            where = f"GRAPH ?g {{ {pattern} }} FILTER(STRSTARTS(STR(?g), {ox.Literal(str(GRAPH))}))"
        order = [f"?{n}" for n, t in terms.items() if t is None] + (["?g"] if graph_name is None else [])
        if not order:  # a fully bound pattern in one graph: one row at most
            order = ["?_"]
            where += " BIND (1 AS ?_)"
        for row in self._store._paged_select(f"SELECT * WHERE {{ {where} }}", order):
            yield ox.Quad(*(terms[n] if terms[n] is not None else row[n] for n in "spo"),
                          graph_name if graph_name is not None else row["g"])

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()


class RemoteStore:
    """A SPARQL 1.1 endpoint used as a kg store: query URL, update URL and credentials.

    ``retries`` bounds the retries of a failed connection or a gateway error (502, 503, 504);
    ``batch_size`` bounds the triples sent in one update request (Virtuoso 7's parser gives up
    somewhere above 4,000).
    """

    def __init__(self, url: str, *, write: bool = False, update_url: str | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 60.0,
                 retries: int = 2, batch_size: int = 1000, page_size: int = 5000):
        if not is_remote(url):
            raise StoreError(f"{url!r} is not an http(s) SPARQL endpoint URL.")
        self.url = url
        self.path = url  # messages elsewhere name the store by its path
        self.write = write
        self.update_url = update_url or os.environ.get("KG_STORE_UPDATE_URL") or url
        self.timeout = timeout
        self.retries = retries
        self.batch_size = batch_size
        self.page_size = page_size
        user = user if user is not None else os.environ.get("KG_STORE_USER")
        password = password if password is not None else os.environ.get("KG_STORE_PASSWORD")
        self._opener = self._build_opener(user, password)
        if write:
            self.ensure_reference()

    def _build_opener(self, user: str | None, password: str | None) -> OpenerDirector:
        if not user:
            return build_opener()
        passwords = HTTPPasswordMgrWithDefaultRealm()
        for url in {self.url, self.update_url}:
            passwords.add_password(None, url, user, password or "")
        # Digest (Virtuoso's /sparql-auth) or basic (Fuseki, GraphDB), whichever the server asks for.
        return build_opener(HTTPDigestAuthHandler(passwords), HTTPBasicAuthHandler(passwords))

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (nothing is buffered: each call is sent when made)."""

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, write={self.write})"

    # ------------------------------------------------------------------ HTTP

    def _post(self, url: str, form: dict[str, str], accept: str, *,
              retry: bool = True) -> tuple[int, Message, bytes]:
        data = urlencode(form).encode("utf-8")
        attempts = 1 + (self.retries if retry else 0)
        for attempt in range(attempts):
            request = Request(url, data=data, method="POST", headers={
                "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
            last = attempt == attempts - 1
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.status, response.headers, response.read()
            except HTTPError as err:
                detail = err.read(600).decode("utf-8", "replace").strip()
                if err.code in _RETRY_STATUS and not last:
                    time.sleep(0.5 * 2 ** attempt)
                    continue
                # Virtuoso answers an update on its anonymous endpoint with 500 and SR186 (no permission).
                if err.code in (401, 403) or "SR186" in detail:
                    raise StoreError(
                        f"{url}: the server refused the request (HTTP {err.code}"
                        f"{': no permission' if 'SR186' in detail else ''}). Give a user allowed to "
                        "update (KG_STORE_USER, KG_STORE_PASSWORD) and the authenticated update URL "
                        "(KG_STORE_UPDATE_URL; for Virtuoso http://HOST:8890/sparql-auth).") from err
                raise StoreError(f"{url}: the server answered HTTP {err.code}: {detail[:400]}") from err
            except (URLError, OSError, http.client.HTTPException) as err:
                if not last:
                    time.sleep(0.5 * 2 ** attempt)
                    continue
                reason = getattr(err, "reason", err)
                raise StoreError(f"{url}: cannot reach the SPARQL endpoint after {attempts} "
                                 f"attempt(s): {reason}") from err
        raise AssertionError("unreachable")

    @staticmethod
    def _check_complete(url: str, status: int, headers: Message) -> None:
        state, max_rows = headers.get("X-SQL-State"), headers.get("X-SPARQL-MaxRows")
        if status == 206 or state or max_rows:
            why = (f"X-SQL-State {state}: {headers.get('X-SQL-Message', '')}".strip() if state
                   else f"capped at {max_rows} rows" if max_rows else "HTTP 206 Partial Content")
            raise StoreError(
                f"{url}: the server returned partial results ({why}); kg does not use incomplete "
                "answers. Raise the server's limits (Virtuoso: [SPARQL] ResultSetMaxRows, "
                "MaxQueryExecutionTime) or narrow the query.")
        if status != 200:
            raise StoreError(f"{url}: unexpected HTTP {status} for a query.")

    # ------------------------------------------------------------------ reading

    @property
    def oxigraph(self) -> _RemoteDataset:
        """An object with the pyoxigraph ``Store`` methods kg uses: query, quads_for_pattern, iteration."""
        return _RemoteDataset(self)

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, **options):
        """Run a SPARQL query on the server; return pyoxigraph solutions, a boolean or triples.

        The server's default graph is used as it is: Virtuoso, like kg's embedded store, treats
        it as the union of all graphs. Other pyoxigraph options are ignored.
        """
        prologue = "".join(f"PREFIX {name}: {_iri(ns)}\n" for name, ns in (prefixes or {}).items())
        form = _query_form(sparql)
        accept = _NTRIPLES if form in ("CONSTRUCT", "DESCRIBE") else _JSON
        status, headers, body = self._post(self.url, {"query": prologue + sparql}, accept)
        self._check_complete(self.url, status, headers)
        kind = headers.get_content_type()
        try:
            if form in ("CONSTRUCT", "DESCRIBE"):
                rdf_format = ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.N_TRIPLES
                return iter([_canonical_triple(t.triple if isinstance(t, ox.Quad) else t)
                             for t in ox.parse(body, format=rdf_format)])
            if kind != _JSON:
                raise ValueError(f"expected {_JSON}")
            results = _canonical_results(json.loads(body), ask=form == "ASK")
            return ox.parse_query_results(json.dumps(results).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.url}: cannot read the server's {kind} answer: {err}") from err

    def _select(self, sparql: str) -> list[ox.QuerySolution]:
        return list(self.query(sparql))

    def _paged_select(self, sparql: str, order: list[str]) -> Iterator[ox.QuerySolution]:
        # Pages stay below a server's row cap (Virtuoso's default is 10,000), so large graphs read whole.
        offset = 0
        while True:
            rows = self._select(f"{sparql} ORDER BY {' '.join(order)} LIMIT {self.page_size} OFFSET {offset}")
            yield from rows
            if len(rows) < self.page_size:
                return
            offset += self.page_size

    def count(self, graph: str | None = None) -> int:
        """Return the number of quads, in one graph or in all of kg's graphs."""
        if graph:
            where = f"GRAPH {_iri(graph)} {{ ?s ?p ?o }}"
        else:
            where = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), {ox.Literal(str(GRAPH))}))"
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"].value) if rows else 0

    def graphs(self) -> list[str]:
        """Return kg's named graphs on the server, sorted."""
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                            f"FILTER(STRSTARTS(STR(?g), {ox.Literal(str(GRAPH))})) }}")
        return sorted(row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode))

    def graph_value(self, graph: str, predicate: str) -> str | None:
        """Return the value the graph states about itself for ``predicate``, if any."""
        node = _iri(graph)
        rows = self._select(f"SELECT ?o WHERE {{ GRAPH {node} {{ {node} {_iri(predicate)} ?o }} }} LIMIT 1")
        return rows[0]["o"].value if rows else None

    # ------------------------------------------------------------------ writing

    def _require_write(self) -> None:
        if not self.write:
            raise StoreError(f"{self.url}: opened read-only; open it with write=True to change it.")

    def _update(self, update: str, *, retry: bool = True) -> None:
        status, headers, _ = self._post(self.update_url, {"update": update}, "*/*", retry=retry)
        if status == 206 or headers.get("X-SQL-State"):
            raise StoreError(f"{self.update_url}: the update was only partly acknowledged "
                             f"(HTTP {status}, {headers.get('X-SQL-Message', '')}).")

    def replace_graphs(self, contents: dict[str, Iterable[ox.Triple | ox.Quad]]) -> None:
        """Replace each graph's contents with the given triples.

        When everything fits in one batch this is one update request, which the server applies
        as one transaction. Otherwise the triples go to staging graphs batch by batch, and one
        final request moves them all into place, so readers never see a half-written graph.
        Quads may be passed; their own graph name is ignored. Retrying a failed batch is safe:
        each request either replaces a graph or adds the same triples again.
        """
        self._require_write()
        staged = {graph: list(triples) for graph, triples in contents.items()}
        names = ", ".join(f"<{g}>" for g in staged)
        if sum(len(t) for t in staged.values()) <= self.batch_size:
            parts = []
            for graph, triples in staged.items():
                parts.append(f"DROP SILENT GRAPH {_iri(graph)}")
                if triples:
                    parts.append(_insert_data(graph, triples))
            try:
                self._update(" ;\n".join(parts))
            except StoreError as err:
                raise StoreError(f"writing {names} failed; those graphs are unchanged: {err}") from err
            return
        token = uuid.uuid4().hex
        stages = {graph: f"urn:kg:staging:{token}:{i}" for i, graph in enumerate(staged)}
        try:
            for graph, triples in staged.items():
                for start in range(0, len(triples), self.batch_size):
                    self._update(_insert_data(stages[graph], triples[start:start + self.batch_size]))
            commit = [f"MOVE SILENT GRAPH {_iri(stages[g])} TO GRAPH {_iri(g)}" if triples
                      else f"DROP SILENT GRAPH {_iri(g)}" for g, triples in staged.items()]
            # Not retried: if the answer was lost after the move, a second move would find no source.
            self._update(" ;\n".join(commit), retry=False)
        except StoreError as err:
            try:
                self._update(" ;\n".join(f"DROP SILENT GRAPH {_iri(s)}" for s in stages.values()), retry=False)
            except StoreError:
                pass  # the staging graphs are outside kg's namespace and never read
            raise StoreError(f"writing {names} failed; those graphs are unchanged: {err}") from err

    def remove_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        self._require_write()
        existed = self.count(graph) > 0
        if existed:
            self._update(f"DROP SILENT GRAPH {_iri(graph)}")
        return existed

    def ensure_reference(self) -> bool:
        """Load the ontology and reference KB into their graphs if missing or changed.

        Returns whether anything was written.
        """
        self._require_write()
        return install_bundle(self)


def push_store(source, target: RemoteStore, *,
               on_graph: Callable[[str, int], None] | None = None) -> tuple[int, int]:
    """Copy every graph of an embedded store to a remote one, replacing graphs of the same name.

    Small graphs travel together, up to the target's batch size per request; a large one is
    staged and moved into place whole. The source is only read. Returns (graphs, quads) copied.
    """
    notify = on_graph or (lambda graph, quads: None)
    graphs = quads = 0
    batch: dict[str, list[ox.Quad]] = {}

    def flush() -> None:
        if batch:
            target.replace_graphs(batch)
            for name, content in batch.items():
                notify(name, len(content))
            batch.clear()

    for graph in source.graphs():
        content = list(source.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        if sum(len(c) for c in batch.values()) + len(content) > target.batch_size:
            flush()
        batch[graph] = content
        graphs, quads = graphs + 1, quads + len(content)
    flush()
    return graphs, quads
