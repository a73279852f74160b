"""A read-only SPARQL 1.1 Protocol endpoint over the embedded store, behind ``kg serve``.

The app is Starlette served by uvicorn; queries run in pyoxigraph. Each query runs in its own
worker process, forked from a preloaded server process, that opens the store read-only, checks
the query with :func:`kg.query.check_query`, runs it and serialises the answer. pyoxigraph cannot
interrupt a query in-thread, so a query that outlives the timeout is stopped by killing its
process; other clients are served by other processes meanwhile. Opening the store per query also
means every query sees the store as last committed: the server never takes the write lock, so
``kg ingest`` can add articles while it runs. (Oxigraph gives no guarantee for a read-only open
during a write; if one fails, that query answers 503 and the next one opens the store afresh.)

Decisions a client can rely on:

* ``GET /sparql?query=…``, ``POST`` form (``query=…``) and ``POST application/sparql-query``.
  GET on ``/sparql`` without a query returns the service description (Turtle).
* Updates (``update=…`` or ``application/sparql-update``) get **403**: the endpoint is read-only.
* ``SERVICE``, ``LOAD`` and ``FROM <url>`` get **400** before anything runs; so do malformed
  queries, with the line and column of the error.
* A query over the time limit is stopped and gets **503**. A query that needs more memory than
  its worker may use (``--max-memory``) gets **500**; the server carries on.
* A result with more rows (or triples) than the row cap gets **422**, never a partial 200: the
  message says to page with ``LIMIT``/``OFFSET``. The cap is in the ``X-KG-Max-Rows`` header of
  every query answer.
* Results are negotiated from ``Accept`` (or a ``format=`` parameter): SPARQL JSON (default),
  XML, CSV, TSV; Turtle (default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE.
  Anything else gets **406**.
* Common prefixes (``kg:``, ``skos:`` …) are predefined, as for ``kg query``.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import re
import resource
import signal
from dataclasses import dataclass, field
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.namespaces import PREFIXES

__all__ = ["ServerConfig", "Reply", "QueryRunner", "create_app", "execute_query", "negotiate",
           "nesting_depth", "service_description", "serve"]

#: Largest query or form body accepted, in bytes.
MAX_BODY = 1 << 20
#: Deepest nesting of brackets accepted; pyoxigraph's parser overflows its stack near 5,000.
MAX_NESTING = 1000

_RESULTS = {  # SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {  # CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
}
# Short names for ?format=, as browsers cannot set Accept on a link; SPARQLWrapper sends them too.
_FORMAT_NAMES = {
    "select": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values"},
    "graph": {"turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
              "ntriples": "application/n-triples", "n-triples": "application/n-triples",
              "xml": "application/rdf+xml", "rdfxml": "application/rdf+xml",
              "rdf+xml": "application/rdf+xml", "json-ld": "application/ld+json",
              "jsonld": "application/ld+json"},
}
_DEFAULT = {"select": "application/sparql-results+json", "graph": "text/turtle"}
_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)
_UPDATE_START = re.compile(
    r"\A\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


class Reply(NamedTuple):
    """An HTTP answer built by a query worker: status, media type, body and extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = {}


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode(), headers or {})


@dataclass(frozen=True)
class ServerConfig:
    """What ``kg serve`` was asked for: the store, limits and allowed CORS origins."""

    store: Path
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4
    max_memory: int = 2048  # MiB of heap per query worker
    cors: tuple[str, ...] = field(default=())


def _accepted(accept: str) -> list[str]:
    """Return the media types in an Accept header, most preferred first (q=0 dropped)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str | None:
    """Choose the media type of a ``select`` (also ASK) or ``graph`` result; None if none fits.

    A known ``format=`` name wins over the Accept header; no Accept header means the default.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", "graph")
    'text/turtle'
    >>> negotiate("json", "select", "csv"), negotiate("image/png", "select")
    ('text/csv', None)
    """
    table = _RESULTS if kind == "select" else _GRAPHS
    if fmt:
        name = fmt.strip().lower()
        chosen = _FORMAT_NAMES[kind].get(name) or (name if name in table else None)
        if chosen:
            return chosen
    if not accept:
        return _DEFAULT[kind]
    for media in _accepted(accept):
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*") and (
                media == "*/*" or _DEFAULT[kind].startswith(media[:-1])):
            return _DEFAULT[kind]
    return None


def _term_json(term: ox.Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    item = {"type": "literal", "value": term.value}
    if term.language:
        item["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        item["datatype"] = term.datatype.value
    return item


def _too_many(max_rows: int, what: str) -> Reply:
    return _text(422, f"The result has more than {max_rows} {what}, the server's cap (kg serve "
                      "--max-rows). Page through it with LIMIT and OFFSET, or ask for fewer "
                      f"{what}.", {"X-KG-Max-Rows": str(max_rows)})


def _unacceptable(accept: str | None, kind: str) -> Reply:
    offered = sorted(set(_RESULTS if kind == "select" else _GRAPHS))
    return _text(406, f"Cannot answer this query as {accept!r}. Available: {', '.join(offered)}.")


def _render(result, *, accept: str | None, fmt: str | None, max_rows: int) -> Reply:
    import json

    headers = {"X-KG-Max-Rows": str(max_rows)}
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, "graph", fmt)
        if media is None:
            return _unacceptable(accept, "graph")
        triples = list(islice(result, max_rows + 1))
        if len(triples) > max_rows:
            return _too_many(max_rows, "triples")
        rdf_format = _GRAPHS[media]
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        return Reply(200, rdf_format.media_type, body, headers)
    media = negotiate(accept, "select", fmt)
    if media is None:
        return _unacceptable(accept, "select")
    results_format = _RESULTS[media]
    if isinstance(result, ox.QueryBoolean):
        return Reply(200, results_format.media_type, result.serialize(format=results_format), headers)
    variables = [v.value for v in result.variables]
    rows = list(islice(result, max_rows + 1))
    if len(rows) > max_rows:
        return _too_many(max_rows, "rows")
    # pyoxigraph serialises only whole result iterators, so the capped rows are written as
    # SPARQL JSON and re-read: every format then comes from pyoxigraph's own serialisers.
    data = {"head": {"vars": variables}, "results": {"bindings": [
        {name: _term_json(row[name]) for name in variables if row[name] is not None} for row in rows]}}
    solutions = ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)
    return Reply(200, results_format.media_type, solutions.serialize(format=results_format), headers)


def nesting_depth(sparql: str) -> int:
    """Return the deepest nesting of (), {} and [] in the text, brackets in strings included.

    >>> nesting_depth("SELECT * WHERE { FILTER((1)) }")
    3
    """
    depth = deepest = 0
    for char in sparql:
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")}]":
            depth = max(0, depth - 1)
    return deepest


def _syntax_reply(sparql: str, err: SyntaxError) -> Reply:
    # Only whole-line comments: a "#" inside an IRI such as <urn:x#> is not one.
    without_comments = re.sub(r"(?m)^\s*#[^\n]*", "", sparql)
    if _UPDATE_START.match(without_comments):
        return _text(403, "SPARQL updates are refused: this endpoint is read-only. "
                          "Change the store with `kg ingest`.")
    match = _POSITION.match(str(err))
    if match:
        line, column, detail = match.groups()
        return _text(400, f"SPARQL syntax error at line {line}, column {column}: {detail}")
    return _text(400, f"SPARQL syntax error: {err}")


def execute_query(store: str | os.PathLike, sparql: str, *, accept: str | None = None,
                  fmt: str | None = None, max_rows: int = 10_000) -> Reply:
    """Check and run one query over the store (opened read-only), and build the HTTP answer.

    This runs inside a worker process; it never raises for a bad query, it answers 4xx.
    """
    from kg.query import check_query
    from kg.store import Store

    if nesting_depth(sparql) > MAX_NESTING:
        return _text(400, f"The query nests brackets more than {MAX_NESTING} deep; simplify it.")
    try:
        with Store(store) as db:
            check_query(sparql, graphs=set(db.graphs()))
            result = db.query(sparql, prefixes=PREFIXES)
            return _render(result, accept=accept, fmt=fmt, max_rows=max_rows)
    except QueryError as err:
        return _text(400, str(err))
    except SyntaxError as err:
        return _syntax_reply(sparql, err)
    except StoreError as err:
        return _text(503, f"The store cannot be read just now: {err}")
    except (OSError, RuntimeError, ValueError) as err:
        return _text(500, f"The query failed while running: {err}")


def _worker(conn, store: str, sparql: str, accept: str | None, fmt: str | None,
            max_rows: int, timeout: float, max_memory: int) -> None:
    # A backstop: if the server dies without killing us, the default SIGALRM action ends us.
    signal.alarm(int(timeout) + 5)
    # RLIMIT_DATA caps the heap but not the store's memory-mapped files: a query that builds a
    # huge intermediate result fails its allocation and the worker aborts, not the machine.
    limit = max_memory << 20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    try:
        conn.send(execute_query(store, sparql, accept=accept, fmt=fmt, max_rows=max_rows))
    finally:
        conn.close()


def _wait_for_reply(conn, timeout: float) -> Reply | str:
    """Wait for the worker's answer: the reply, else "timeout" or "died" (no answer)."""
    if not conn.poll(timeout):
        return "timeout"
    try:
        return conn.recv()
    except (EOFError, OSError):
        return "died"


class QueryRunner:
    """Run queries in worker processes: at most ``workers`` at a time, each killed at the timeout."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self._context = multiprocessing.get_context("forkserver")
        # Workers fork from a server process that has already imported these.
        self._context.set_forkserver_preload(["kg.server", "kg.query", "kg.store", "pyoxigraph"])
        self._slots: asyncio.Semaphore | None = None

    async def run(self, sparql: str, *, accept: str | None, fmt: str | None) -> Reply:
        """Run one query; answer 503 if it is still running at the timeout."""
        config = self.config
        if self._slots is None:
            self._slots = asyncio.Semaphore(config.workers)
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            await asyncio.wait_for(self._slots.acquire(), config.timeout)
        except TimeoutError:
            return _text(503, f"The server is busy: all {config.workers} query workers stayed busy "
                              f"for {config.timeout:g} s. Try again later.")
        try:
            remaining = max(0.1, config.timeout - (loop.time() - start))
            receive, send = self._context.Pipe(duplex=False)
            process = self._context.Process(
                target=_worker, daemon=True,
                args=(send, str(config.store), sparql, accept, fmt, config.max_rows, config.timeout,
                      config.max_memory))
            try:
                process.start()
                send.close()
                reply = await asyncio.to_thread(_wait_for_reply, receive, remaining)
            finally:
                # Also reached when the client goes away: never leave a query running.
                if process.is_alive():
                    process.kill()
                await asyncio.to_thread(process.join, 5)
                receive.close()
        finally:
            self._slots.release()
        if reply == "died":
            return _text(500, f"The query stopped its worker process (exit status {process.exitcode}): "
                              f"it needed more than the {config.max_memory} MiB of memory allowed "
                              "(kg serve --max-memory), or nested too deeply. Simplify it or add "
                              "LIMIT.")
        if reply == "timeout":
            return _text(503, f"The query was stopped after {config.timeout:g} s, the server's time "
                              "limit (kg serve --timeout). Narrow it, add LIMIT, or ask the "
                              "operator for a longer limit.")
        return reply

    def warm_up(self) -> None:
        """Start the fork server now, so the first query does not pay for it."""
        process = self._context.Process(target=os.getpid, daemon=True)
        process.start()
        process.join()


def service_description(endpoint: str, config: ServerConfig) -> bytes:
    """Describe the endpoint in Turtle with the SPARQL 1.1 Service Description vocabulary."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    formats = "http://www.w3.org/ns/formats/"
    prefixes = {"sd": sd, "formats": formats, "rdf": PREFIXES["rdf"], "rdfs": PREFIXES["rdfs"]}
    rdf_type = ox.NamedNode(prefixes["rdf"] + "type")

    def name(curie: str) -> ox.NamedNode:
        prefix, _, local = curie.partition(":")
        return ox.NamedNode(prefixes[prefix] + local)

    try:
        service = ox.NamedNode(endpoint)
    except ValueError:
        service = ox.BlankNode()
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    about = [("rdf:type", ox.NamedNode(sd + "Service")),
             ("sd:supportedLanguage", ox.NamedNode(sd + "SPARQL11Query")),
             ("sd:feature", ox.NamedNode(sd + "UnionDefaultGraph")),
             ("rdfs:comment", ox.Literal(
                 f"Read-only kg store. Queries run for at most {config.timeout:g} s and may return "
                 f"at most {config.max_rows} rows (else 422). SERVICE, LOAD and FROM <url> are "
                 "refused; updates get 403. The default graph is the union of all graphs."))]
    if isinstance(service, ox.NamedNode):
        about.insert(1, ("sd:endpoint", service))
    about += [("sd:resultFormat", ox.NamedNode(formats + name)) for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "RDF_XML", "JSON-LD")]
    about.append(("sd:defaultDataset", dataset))
    triples = [ox.Triple(service, name(p), o) for p, o in about] + [
        ox.Triple(dataset, rdf_type, ox.NamedNode(sd + "Dataset")),
        ox.Triple(dataset, name("sd:defaultGraph"), graph),
        ox.Triple(graph, rdf_type, ox.NamedNode(sd + "Graph")),
    ]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def create_app(config: ServerConfig):
    """Build the Starlette app: the query page at ``/`` and the endpoint at ``/sparql``."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    runner = QueryRunner(config)
    templates = files("kg") / "templates"
    page = (templates / "query.html").read_text(encoding="utf-8")
    script = (templates / "query.js").read_bytes()

    def respond(reply: Reply) -> Response:
        headers = {"X-Content-Type-Options": "nosniff", **reply.headers}
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type,
                        headers=headers)

    async def read_body(request: Request) -> bytes | Reply:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            return _text(413, f"The request body is larger than {MAX_BODY} bytes.")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return _text(413, f"The request body is larger than {MAX_BODY} bytes.")
        return bytes(body)

    async def sparql(request: Request) -> Response:
        params = parse_qs(request.url.query, keep_blank_values=True)
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                return respond(_text(403, "SPARQL updates are refused: this endpoint is read-only."))
            body = await read_body(request)
            if isinstance(body, Reply):
                return respond(body)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return respond(_text(400, "The request body is not UTF-8."))
            if media == "application/sparql-query":
                params.setdefault("query", []).append(text)
            elif media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            else:
                return respond(_text(415, f"Unsupported Content-Type {media!r}: send "
                                          "application/sparql-query or a form with query=…."))
        if "update" in params:
            return respond(_text(403, "SPARQL updates are refused: this endpoint is read-only."))
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return respond(_text(400, "default-graph-uri and named-graph-uri are not supported: "
                                      "the default graph is the union of all graphs; use "
                                      "GRAPH <…> in the query."))
        queries = params.get("query", [])
        if not queries:
            if request.method == "POST":
                return respond(_text(400, "No query: send query=… or an application/sparql-query body."))
            endpoint = str(request.url.replace(query=""))
            return respond(Reply(200, "text/turtle", service_description(endpoint, config)))
        if len(queries) > 1:
            return respond(_text(400, "Send exactly one query parameter."))
        fmt = (params.get("format") or [None])[0]
        reply = await runner.run(queries[0], accept=request.headers.get("accept"), fmt=fmt)
        return respond(reply)

    async def home(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8", headers={
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                       "frame-ancestors 'none'"})

    async def home_script(request: Request) -> Response:
        return Response(script, media_type="text/javascript; charset=utf-8",
                        headers={"X-Content-Type-Options": "nosniff"})

    middleware = []
    if config.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(config.cors),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"],
                                     expose_headers=["X-KG-Max-Rows"], allow_credentials=False))
    routes = [Route("/", home, methods=["GET"]), Route("/query.js", home_script, methods=["GET"]),
              Route("/sparql", sparql, methods=["GET", "POST"]),
              Route("/sparql/", sparql, methods=["GET", "POST"])]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        runner.warm_up()
        yield

    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve the store until interrupted."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level="info", server_header=False,
                access_log=True)
