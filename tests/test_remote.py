"""The remote store against a real Virtuoso 7, and its failure handling against fake servers.

The session fixture starts ``virtuoso-t`` (Debian ``virtuoso-opensource-7-bin``, installed by
``make system-deps``) on 127.0.0.1 with a throwaway database, gives ``dba`` a random password and
stops the server afterwards. Updates go to ``/sparql-auth`` with digest authentication; the
anonymous ``/sparql`` endpoint stays read-only.
"""

from __future__ import annotations

import ctypes
import http.server
import json
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import StoreError
from kg.query import bundled_queries, run_query
from kg.remote import RemoteStore, is_remote, push_store
from kg.store import Store, open_store

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
GRAPH = "https://w3id.org/kg/graph/"
CRAFTED = 'x" } ; CLEAR DEFAULT ; INSERT DATA { <a> <b> "y'
needs_virtuoso = pytest.mark.skipif(
    VIRTUOSO is None, reason="virtuoso-t is not installed; run `make system-deps` (Debian "
                             "virtuoso-opensource-7-bin) to run the remote-store tests")

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}
ServerThreads = 10
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
; Debian's default cap, so that the tests see what a stock server does with a larger answer.
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop_with_parent() -> None:
    # If pytest dies without running the fixture's teardown, the kernel stops the server too.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class Virtuoso:
    """A running throwaway Virtuoso: its endpoints and the dba credentials."""

    def __init__(self, directory: Path):
        self.sql_port, self.http_port = _free_port(), _free_port()
        (directory / "virtuoso.ini").write_text(
            _INI.format(dir=directory, sql_port=self.sql_port, http_port=self.http_port))
        self.url = f"http://127.0.0.1:{self.http_port}/sparql"
        self.update_url = f"http://127.0.0.1:{self.http_port}/sparql-auth"
        self.user, self.password = "dba", "dba"
        self.log = directory / "virtuoso.log"
        self.process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", "virtuoso.ini"], cwd=directory,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                        preexec_fn=_stop_with_parent)

    def wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not _answers(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
                self.stop()
                pytest.fail(f"Virtuoso did not answer at {self.url}:\n{log}")
            time.sleep(0.3)

    def set_password(self) -> None:
        # Never keep the well-known default password, even on a throwaway server.
        if ISQL is None:
            return
        password = secrets.token_hex(8)
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba",
                               f"exec=USER_SET_PASSWORD('dba', '{password}');"],
                              capture_output=True, text=True, timeout=30)
        # isql exits 0 after some SQL errors; its messages tell.
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        self.password = password

    def env(self) -> dict[str, str]:
        return {"KG_STORE_USER": self.user, "KG_STORE_PASSWORD": self.password,
                "KG_STORE_UPDATE_URL": self.update_url}

    def store(self, *, write: bool = False, **options) -> RemoteStore:
        return RemoteStore(self.url, write=write, update_url=self.update_url, user=self.user,
                           password=self.password, **options)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed; run `make system-deps` (Debian virtuoso-opensource-7-bin)")
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        server.wait()
        server.set_password()
        yield server
    finally:
        server.stop()


@pytest.fixture
def remote(virtuoso):
    """The Virtuoso store with none of kg's graphs, so that each test starts from nothing."""
    with virtuoso.store(write=True) as store:
        store.replace_graphs({g: [] for g in store.graphs()})
    return virtuoso


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def _rows(sparql: str, result) -> set[tuple[str, ...]]:
    # The order of values inside GROUP_CONCAT is unspecified (SPARQL 1.1, 18.5.1.7); compare
    # those cells as sorted lists.
    separators = {m.group(2): m.group(1) for m in
                  re.finditer(r'separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)', sparql, re.I)}
    rows = set()
    for row in result.rows:
        cells = []
        for name, term in zip(result.variables, row):
            text = "" if term is None else term.value
            if name in separators:
                text = separators[name].join(sorted(text.split(separators[name])))
            cells.append(text)
        rows.add(tuple(cells))
    return rows


def _quads(store, graph: str) -> set[str]:
    return {str(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)))
            for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


# --------------------------------------------------------------------------- without a server

def test_open_store_tells_an_endpoint_from_a_directory(tmp_path):
    assert is_remote("https://example.org/sparql") and not is_remote(str(tmp_path))
    remote = open_store("http://127.0.0.1:9/sparql", update_url="http://127.0.0.1:9/update")
    assert isinstance(remote, RemoteStore) and remote.update_url == "http://127.0.0.1:9/update"
    with open_store(tmp_path / "s", write=True) as local:
        assert isinstance(local, Store)


def test_open_store_reads_credentials_and_update_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("KG_STORE_UPDATE_URL", "http://127.0.0.1:9/sparql-auth")
    monkeypatch.setenv("KG_STORE_USER", "kg")
    monkeypatch.setenv("KG_STORE_PASSWORD", "secret")
    store = open_store("http://127.0.0.1:9/sparql")
    assert store.update_url == "http://127.0.0.1:9/sparql-auth"


class _Fake(http.server.BaseHTTPRequestHandler):
    """Answers every POST with the class's status and headers, and counts requests."""

    status = 206
    headers_out: dict[str, str] = {}
    body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": "https://w3id.org/kg/id/x"}}]}}).encode()
    requests: list[dict[str, list[str]]] = []

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        type(self).requests.append(urllib.parse.parse_qs(self.rfile.read(length).decode()))
        self.send_response(self.status)
        self.send_header("Content-Type", "application/sparql-results+json")
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_server():
    def start(status: int, headers: dict[str, str] | None = None) -> tuple[str, type[_Fake]]:
        handler = type("Handler", (_Fake,), {"status": status, "headers_out": headers or {}, "requests": []})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/sparql", handler

    servers: list = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("status, headers", [
    (206, {}),
    (206, {"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results, query interrupted"}),
    (200, {"X-SPARQL-MaxRows": "10000"}),
])
def test_remote_partial_results_raise_store_error(fake_server, status, headers):
    url, _ = fake_server(status, headers)
    store = RemoteStore(url, retries=0)
    with pytest.raises(StoreError, match="partial results"):
        list(store.query("SELECT ?s WHERE { ?s ?p ?o }"))


def test_remote_push_to_a_server_answering_206_fails_and_leaves_the_local_store_unchanged(
        fake_server, sample_store, tmp_path):
    url, _ = fake_server(206, {"X-SQL-State": "S1TAT"})
    with Store(sample_store) as local:
        before = (local.count(), {g: local.count(g) for g in local.graphs()})
    result = _run("push", "--store", str(sample_store), "--to", url, "--quiet")
    assert result.exit_code == 1 and "partial results" in result.output
    with Store(sample_store) as local:
        assert (local.count(), {g: local.count(g) for g in local.graphs()}) == before


def test_remote_retries_are_bounded(fake_server):
    url, handler = fake_server(503)
    store = RemoteStore(url, retries=2)
    started = time.monotonic()
    with pytest.raises(StoreError, match="HTTP 503"):
        store.graphs()
    assert len(handler.requests) == 3 and time.monotonic() - started < 10


def test_remote_unreachable_endpoint_is_a_store_error():
    store = RemoteStore(f"http://127.0.0.1:{_free_port()}/sparql", retries=1)
    with pytest.raises(StoreError, match="cannot reach"):
        store.count()


# --------------------------------------------------------------------------- against Virtuoso

@needs_virtuoso
@pytest.mark.slow
def test_virtuoso_answers_every_bundled_query_like_the_local_store(remote, sample_store):
    result = _run("ingest", "--samples", "--store", remote.url, "--quiet", env=remote.env())
    assert result.exit_code == 0, result.output
    with Store(sample_store) as local, remote.store() as server:
        assert server.graphs() == local.graphs()
        for name, query in bundled_queries().items():
            expected, got = run_query(local, query.text), run_query(server, query.text)
            assert got.variables == expected.variables, name
            assert _rows(query.text, got) == _rows(query.text, expected), name


@needs_virtuoso
@pytest.mark.slow
def test_virtuoso_cli_query_stats_alliances_and_export_match_the_local_store(remote, sample_store, tmp_path):
    assert _run("push", "--store", str(sample_store), "--to", remote.url, "--quiet", env=remote.env()).exit_code == 0
    for args in (["alliances", "--format", "json"], ["alliances", "--level", "actors"]):
        here = _run(*args, "--store", str(sample_store))
        there = _run(*args, "--store", remote.url)
        assert there.exit_code == 0 and there.output == here.output, args
    stats = json.loads(_run("stats", "--format", "json", "--store", remote.url).output)
    assert dict(map(tuple, stats["graphs"])) == {g: n for g, n in json.loads(
        _run("stats", "--format", "json", "--store", str(sample_store)).output)["graphs"]}
    for store, name in ((str(sample_store), "here"), (remote.url, "there")):
        assert _run("export", "graphml", "-o", str(tmp_path / f"{name}.graphml"), "--store", store).exit_code == 0
        assert _run("export", "rdf", "--format", "nquads", "-o", str(tmp_path / f"{name}.nq"),
                    "--with-reference", "--store", store).exit_code == 0
    assert (tmp_path / "here.graphml").read_text() == (tmp_path / "there.graphml").read_text()
    lines = lambda name: sorted((tmp_path / f"{name}.nq").read_text().splitlines())  # noqa: E731
    assert lines("here") == lines("there")


@needs_virtuoso
def test_virtuoso_push_copies_a_local_store_graph_by_graph(remote, sample_store):
    result = _run("push", "--store", str(sample_store), "--to", remote.url, env=remote.env())
    assert result.exit_code == 0, result.output
    assert "Pushed" in result.output
    with Store(sample_store) as local, remote.store() as server:
        assert server.graphs() == local.graphs()
        for graph in local.graphs():
            assert _quads(server, graph) == _quads(local, graph), graph


@needs_virtuoso
@pytest.mark.parametrize("name", [
    CRAFTED,
    "} } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } } #",
    "Kim \"The Marshal\" Jong Un\n\t\\ '''{}''' <script>",
])
def test_virtuoso_crafted_entity_name_stays_a_literal(remote, name):
    graph = GRAPH + "article/crafted"
    subject = ox.NamedNode("https://w3id.org/kg/id/person/crafted")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    with remote.store(write=True) as server:
        reference = server.count(GRAPH + "reference")
        server.replace_graphs({graph: [ox.Triple(subject, label, ox.Literal(name)),
                                       ox.Triple(ox.NamedNode(graph), label, ox.Literal(name))]})
        assert server.graph_value(graph, label.value) == name
        assert server.count(graph) == 2 and server.count(GRAPH + "reference") == reference
        assert "urn:x" not in {row["g"].value for row in server.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
        (row,) = server.query(f"SELECT ?name WHERE {{ {subject} {label} ?name }}")
        assert row["name"] == ox.Literal(name)


@needs_virtuoso
def test_virtuoso_large_graph_is_staged_and_moved_into_place(remote):
    graph = GRAPH + "article/large"
    triples = [ox.Triple(ox.NamedNode(f"https://w3id.org/kg/id/x/{i}"), ox.NamedNode("https://w3id.org/kg/ont#n"),
                         ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
               for i in range(250)]
    with remote.store(write=True, batch_size=100) as server:
        server.replace_graphs({graph: triples[:10]})
        server.replace_graphs({graph: triples, GRAPH + "article/empty": []})
        assert server.count(graph) == 250
        assert _quads(server, graph) == {str(ox.Quad(*t, ox.NamedNode(graph))) for t in triples}
        staging = server.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                               "FILTER(STRSTARTS(STR(?g), 'urn:kg:staging:')) }")
        assert list(staging) == []


@needs_virtuoso
def test_virtuoso_row_cap_raises_store_error_instead_of_truncating(remote, sample_store):
    assert _run("push", "--store", str(sample_store), "--to", remote.url, "--quiet", env=remote.env()).exit_code == 0
    with remote.store() as server:
        with pytest.raises(StoreError, match="partial results.*10000 rows"):
            list(server.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))


@needs_virtuoso
def test_virtuoso_anonymous_endpoint_refuses_updates(virtuoso):
    attempt = {GRAPH + "article/anonymous": [ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"))]}
    with pytest.raises(StoreError, match="no permission"):
        with RemoteStore(virtuoso.url, write=True, update_url=virtuoso.url, user="", password="") as store:
            store.replace_graphs(attempt)
    with pytest.raises(StoreError, match="HTTP 401"):
        with RemoteStore(virtuoso.url, write=True, update_url=virtuoso.update_url, user="dba",
                         password="wrong") as store:
            store.replace_graphs(attempt)
    with virtuoso.store() as store:
        assert GRAPH + "article/anonymous" not in store.graphs()


@needs_virtuoso
def test_virtuoso_ask_and_construct_come_back_as_pyoxigraph_results(remote):
    with remote.store(write=True) as server:
        assert bool(server.query("ASK { GRAPH ?g { ?s a owl:Class } }", prefixes={"owl": "http://www.w3.org/2002/07/owl#"}))
        assert not bool(server.query("ASK { ?s a <urn:kg:nothing> }"))
        triples = list(server.query("CONSTRUCT { ?s a ?c } WHERE { GRAPH <https://w3id.org/kg/graph/ontology> { ?s a ?c } } LIMIT 5"))
        assert len(triples) == 5 and all(isinstance(t, ox.Triple) for t in triples)
