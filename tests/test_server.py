"""``kg serve``: the real server in a subprocess, on a free 127.0.0.1 port, over the sample store.

HTTP requests go through curl when it is installed (else urllib), so the endpoint is checked with
an ordinary client; timing checks are generous, they test behaviour, not speed.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import bundled_queries, run_query
from kg.store import Store

pytestmark = pytest.mark.slow

TIMEOUT = 3  # the server's --timeout in these tests, in seconds
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = "SELECT ?s WHERE { ?s a kg:Meeting } LIMIT 3"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(store: Path, log: Path, *options: str):
    """Start ``kg serve`` and yield its base URL once it answers; stop it afterwards."""
    port = _free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store),
                                    "--port", str(port), *options], stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("kg serve did not start:\n" + log.read_text()) from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(sample_store, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "log"
    with running_server(sample_store, log, "--timeout", str(TIMEOUT), "--max-memory", "256") as base:
        yield base


@pytest.fixture(scope="module")
def cors_server(sample_store, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve-cors") / "log"
    with running_server(sample_store, log, "--cors", "https://allowed.example") as base:
        yield base


def fetch(url: str, *, data: dict | None = None, body: str | None = None,
          headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, dict, bytes]:
    """Send one request with curl (or urllib if curl is missing): status, lower-cased headers, body."""
    headers = dict(headers or {})
    payload = None
    if data is not None:
        payload = urllib.parse.urlencode(data).encode()
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    elif body is not None:
        payload = body.encode()
    if shutil.which("curl"):
        command = ["curl", "-s", "-S", "--max-time", "60", "-D", "-", "-o", "-", url]
        for key, value in headers.items():
            command += ["-H", f"{key}: {value}"]
        if payload is not None:
            command += ["--data-binary", "@-"]
        if method:
            command += ["-X", method]
        out = subprocess.run(command, input=payload or b"", capture_output=True, check=True).stdout
        head, _, content = out.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        found = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        return int(lines[0].split()[1]), found, content
    request = urllib.request.Request(url, data=payload, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def sparql(base: str, query: str, **kwargs) -> tuple[int, dict, bytes]:
    return fetch(base + "/sparql", data={"query": query}, **kwargs)


# ---------------------------------------------------------------- answers and formats


def test_server_sparqlwrapper_gets_the_same_meetings_as_kg_query(server, sample_store):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    text = bundled_queries()["meetings"].text
    with Store(sample_store) as store:
        expected = json.loads(run_query(store, text).serialize("json"))
    assert expected["results"]["bindings"], "the sample corpus has meetings"
    for method in ("GET", POST):
        client = SPARQLWrapper(server + "/sparql")
        client.setQuery(text)
        client.setReturnFormat(JSON)
        client.setMethod(method)
        client.setTimeout(30)
        got = client.queryAndConvert()
        assert got["head"]["vars"] == expected["head"]["vars"]
        # Same rows in the same order (the query has ORDER BY); compare as canonical JSON.
        canon = lambda rows: [json.dumps(r, sort_keys=True) for r in rows]  # noqa: E731
        assert canon(got["results"]["bindings"]) == canon(expected["results"]["bindings"])


def test_server_sparqlwrapper_construct_returns_a_graph(server):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("CONSTRUCT WHERE { ?e a kg:Meeting }")
    client.setReturnFormat(TURTLE)
    data = client.queryAndConvert()
    assert len(list(ox.parse(data, format=ox.RdfFormat.TURTLE))) > 0


@pytest.mark.parametrize("accept, media, check", [
    ("application/sparql-results+json", "application/sparql-results+json",
     lambda b: len(json.loads(b)["results"]["bindings"]) == 3),
    ("application/sparql-results+xml", "application/sparql-results+xml",
     lambda b: b.count(b"<result>") == 3),
    ("text/csv", "text/csv", lambda b: b.splitlines()[0] == b"s" and len(b.splitlines()) == 4),
    ("text/tab-separated-values", "text/tab-separated-values",
     lambda b: b.splitlines()[0] == b"?s" and b.splitlines()[1].startswith(b"<https://")),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json",
     lambda b: "results" in json.loads(b)),
])
def test_server_select_results_follow_the_accept_header(server, accept, media, check):
    status, headers, body = sparql(server, SIMPLE, headers={"Accept": accept})
    assert status == 200, body
    assert headers["content-type"].startswith(media)
    assert check(body)
    # Every format carries the same rows: re-read the non-CSV ones with pyoxigraph.
    if media != "text/csv":
        fmt = ox.QueryResultsFormat.from_media_type(media)
        assert len(list(ox.parse_query_results(body, format=fmt))) == 3


@pytest.mark.parametrize("accept, rdf_format", [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
])
def test_server_construct_results_follow_the_accept_header(server, accept, rdf_format):
    query = "CONSTRUCT { ?e a kg:Meeting } WHERE { ?e a kg:Meeting }"
    status, headers, body = fetch(server + "/sparql", body=query,
                                  headers={"Accept": accept, "Content-Type": "application/sparql-query"})
    assert status == 200, body
    assert headers["content-type"].startswith(rdf_format.media_type)
    triples = list(ox.parse(body, format=rdf_format))
    assert triples and all(t.object.value.endswith("#Meeting") for t in triples)


def test_server_get_query_and_format_parameter(server):
    url = server + "/sparql?" + urllib.parse.urlencode({"query": SIMPLE, "format": "csv"})
    status, headers, body = fetch(url)
    assert status == 200 and headers["content-type"].startswith("text/csv")
    status, headers, body = fetch(server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s a kg:Meeting }"}),
                                  headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_server_unacceptable_format_gets_406(server):
    status, _, body = sparql(server, SIMPLE, headers={"Accept": "image/png"})
    assert status == 406 and b"text/csv" in body


def test_server_get_without_query_describes_the_service(server):
    status, headers, body = fetch(server + "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = [quad.triple for quad in ox.parse(body, format=ox.RdfFormat.TURTLE)]
    endpoint = ox.NamedNode(server + "/sparql")
    assert ox.Triple(endpoint, ox.NamedNode(sd + "endpoint"), endpoint) in triples
    assert ox.Triple(endpoint, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")) in triples
    assert ox.NamedNode(sd + "SPARQL11Update") not in {t.object for t in triples}


def test_server_query_page_works_offline(server):
    status, headers, page = fetch(server + "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<textarea" in page
    # Nothing is loaded from another host: every src and href is relative.
    assert b'src="http' not in page and b'href="http' not in page and b"//cdn" not in page
    assert "default-src 'self'" in headers["content-security-policy"]
    status, headers, script = fetch(server + "/query.js")
    assert status == 200 and b"fetch(" in script and b"innerHTML" not in script


# ---------------------------------------------------------------- refusals and limits


@pytest.fixture
def listener():
    """A 127.0.0.1 listener that counts the connections it receives."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    counted = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            counted.append(1)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], counted
    stop.set()
    thread.join()
    sock.close()


def test_server_refuses_service_load_and_from_without_any_connection(server, listener):
    port, connections = listener
    url = f"http://127.0.0.1:{port}/sparql"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x a kg:Meeting OPTIONAL {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ]
    for query in queries:
        status, _, body = sparql(server, query)
        assert status == 400, (query, body)
        assert b"refused" in body, body
    status, _, body = fetch(server + "/sparql", data={"update": f"LOAD <{url}>"})
    assert status == 403
    time.sleep(0.5)
    assert connections == []


def test_server_allows_from_a_graph_in_the_store(server):
    from kg.store import REFERENCE_GRAPH

    query = f"SELECT (COUNT(*) AS ?n) FROM <{REFERENCE_GRAPH}> WHERE {{ ?s ?p ?o }}"
    status, _, body = sparql(server, query, headers={"Accept": "text/csv"})
    assert status == 200 and int(body.splitlines()[1]) > 1000


def test_server_answers_updates_with_403_and_changes_nothing(server, sample_store):
    before = sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                    headers={"Accept": "text/csv"})[2]
    attempts = [
        fetch(server + "/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
        fetch(server + "/sparql", body="DROP ALL", headers={"Content-Type": "application/sparql-update"}),
        fetch(server + "/sparql?" + urllib.parse.urlencode({"update": "CLEAR DEFAULT"})),
        sparql(server, "PREFIX x: <urn:x#>\nINSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    ]
    for status, _, body in attempts:
        assert status == 403, body
        assert b"read-only" in body
    after = sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                   headers={"Accept": "text/csv"})[2]
    assert before == after


def test_server_syntax_error_is_400_with_line_and_column(server):
    status, headers, body = sparql(server, "SELECT ?s\nWHERE { ?s ?p }")
    assert status == 400 and headers["content-type"].startswith("text/plain")
    assert b"line 2, column" in body
    assert b"Traceback" not in body


def test_server_result_over_the_row_cap_is_422_never_a_partial_200(server):
    status, headers, body = sparql(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422
    assert headers["x-kg-max-rows"] == "10000"
    assert b"LIMIT" in body
    status, _, _ = sparql(server, "CONSTRUCT WHERE { ?s ?p ?o }", headers={"Accept": "text/turtle"})
    assert status == 422
    status, headers, _ = sparql(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 10000")
    assert status == 200 and headers["x-kg-max-rows"] == "10000"


def test_server_slow_query_is_stopped_at_the_timeout_while_a_simple_one_answers(server):
    slow = {}

    def run_slow():
        started = time.monotonic()
        slow["status"], _, slow["body"] = sparql(server, SLOW)
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.5)  # the slow query is running now
    started = time.monotonic()
    status, _, body = sparql(server, SIMPLE, headers={"Accept": "text/csv"})
    quick = time.monotonic() - started
    thread.join(60)
    assert status == 200 and len(body.splitlines()) == 4
    assert quick < 1.5, f"a simple query took {quick:.2f} s while a slow one ran"
    assert slow["status"] == 503, slow["body"]
    assert b"stopped after" in slow["body"]
    assert TIMEOUT - 0.5 < slow["seconds"] < TIMEOUT + 10
    # The server is still healthy after killing the worker.
    assert sparql(server, SIMPLE)[0] == 200


def test_server_query_over_the_memory_cap_fails_alone(server):
    # Sorting a cross join materialises it: far more than the 256 MiB this server allows.
    status, _, body = sparql(server, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1")
    assert status in (500, 503), body  # 503 if a slow machine hits the timeout first
    assert b"--max-memory" in body or b"--timeout" in body
    assert sparql(server, SIMPLE)[0] == 200


def test_server_malformed_requests_get_clear_4xx(server):
    status, _, body = fetch(server + "/sparql", body="x", headers={"Content-Type": "text/plain"})
    assert status == 415 and b"application/sparql-query" in body
    status, _, _ = fetch(server + "/sparql", data={"query": "ASK {}", "default-graph-uri": "urn:g"})
    assert status == 400
    status, _, _ = fetch(server + "/sparql", body="ASK {} " + "#" * (1 << 20),
                         headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    status, _, body = sparql(server, "SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert status == 400 and b"nests" in body
    assert sparql(server, SIMPLE)[0] == 200


# ---------------------------------------------------------------- CORS


def test_server_sends_no_cors_headers_by_default(server):
    url = server + "/sparql?" + urllib.parse.urlencode({"query": SIMPLE})
    _, headers, _ = fetch(url, headers={"Origin": "https://evil.example"})
    assert not any(k.startswith("access-control-") for k in headers)
    _, headers, _ = fetch(server + "/sparql", method="OPTIONS", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert not any(k.startswith("access-control-") for k in headers)


def test_server_cors_allows_only_listed_origins_without_credentials(cors_server):
    url = cors_server + "/sparql?" + urllib.parse.urlencode({"query": SIMPLE})
    _, headers, _ = fetch(url, headers={"Origin": "https://allowed.example"})
    assert headers["access-control-allow-origin"] == "https://allowed.example"
    assert "access-control-allow-credentials" not in headers
    _, headers, _ = fetch(url, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in headers
    _, headers, _ = fetch(cors_server + "/sparql", method="OPTIONS", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in headers
    status, headers, _ = fetch(cors_server + "/sparql", method="OPTIONS", headers={
        "Origin": "https://allowed.example", "Access-Control-Request-Method": "POST"})
    assert status == 200 and headers["access-control-allow-origin"] == "https://allowed.example"
    assert "access-control-allow-credentials" not in headers


# ---------------------------------------------------------------- command line


def test_serve_refuses_a_wildcard_or_malformed_cors_origin(sample_store):
    for origin in ("*", "https://a.example/path", "a.example"):
        result = CliRunner().invoke(cli, ["serve", "--store", str(sample_store), "--cors", origin])
        assert result.exit_code == 2, result.output
        assert "origin" in result.output


def test_serve_refuses_a_remote_store_url():
    result = CliRunner().invoke(cli, ["serve", "--store", "http://127.0.0.1:9/sparql"])
    assert result.exit_code == 2 and "embedded store" in result.output


def test_serve_without_a_store_exits_1_with_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no kg store here" in result.output
