import json
import socket
import threading

import pytest

from kg.errors import QueryError, QueryRefusedError
from kg.query import bundled_queries, check_query, resolve_query, run_query
from kg.store import REFERENCE_GRAPH, Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "s"
    Store(path, write=True).close()
    with Store(path) as db:
        yield db


@pytest.mark.parametrize("sparql, refused", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?a ?b ?c FILTER(?a<?b) SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("LOAD <file:///etc/passwd>", "LOAD"),
    ("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
])
def test_query_reaching_outside_is_refused(sparql, refused):
    with pytest.raises(QueryRefusedError, match=refused):
        check_query(sparql, graphs={REFERENCE_GRAPH})


@pytest.mark.parametrize("sparql", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> in a comment",
    "SELECT ?service ?load WHERE { ?service <http://x/from> ?load }",
    "SELECT * WHERE { ?s ex:SERVICE ?o }",
    f"SELECT * FROM <{REFERENCE_GRAPH}> WHERE {{ ?s ?p ?o }}",
])
def test_query_words_inside_strings_names_and_local_graphs_are_allowed(sparql):
    check_query(sparql, graphs={REFERENCE_GRAPH})


def test_query_service_makes_no_connection(store):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.5)
    port = listener.getsockname()[1]
    connections = []

    def accept():
        try:
            connections.append(listener.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    with pytest.raises(QueryRefusedError):
        run_query(store, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    thread.join()
    listener.close()
    assert connections == []


def test_query_syntax_error_gives_line_and_column(store):
    with pytest.raises(QueryError, match=r"syntax error at line 2, column \d+"):
        run_query(store, "SELECT ?s\nWHERE { ?s ?p }")


def test_query_json_is_sparql_results_json(store):
    result = run_query(store, "SELECT ?iso WHERE { state:prk kg:iso3 ?iso }")
    data = json.loads(result.serialize("json"))
    assert data["head"]["vars"] == ["iso"]
    assert data["results"]["bindings"] == [{"iso": {"type": "literal", "value": "PRK"}}]


@pytest.mark.parametrize("fmt, expected", [
    ("csv", "label\r\nNorth Korea\r\n"),
    ("tsv", '?label\n"North Korea"@en\n'),
    ("table", "label\n-----------\nNorth Korea\n(1 row)\n"),
])
def test_query_text_formats(store, fmt, expected):
    result = run_query(store, "SELECT ?label WHERE { state:prk skos:prefLabel ?label }")
    assert result.serialize(fmt).replace("\r\n", "\n") == expected.replace("\r\n", "\n")


def test_query_ask_and_construct(store):
    assert run_query(store, "ASK { state:prk a kg:State }").serialize("table") == "true\n"
    turtle = run_query(store, "CONSTRUCT { state:prk kg:iso2 ?c } WHERE { state:prk kg:iso2 ?c }").serialize("table")
    assert '"KP"' in turtle


def test_query_params_are_bound_as_terms_and_cannot_inject_sparql(store):
    sparql = "SELECT ?s WHERE { ?s skos:prefLabel ?l FILTER(STR(?l) = ?name) }"
    assert len(run_query(store, sparql, params={"name": "North Korea"}).rows) == 1
    assert run_query(store, sparql, params={"name": '" || true || "'}).rows == []


def test_query_unknown_bundled_name_lists_the_available_ones():
    with pytest.raises(QueryError, match=r"Unknown query 'meeting'\. Available: .*meetings"):
        resolve_query("meeting")


def test_query_bundled_queries_have_a_comment_header():
    queries = bundled_queries()
    assert {"meetings", "events", "posts", "agreements"} <= set(queries)
    for item in queries.values():
        assert item.summary and "Example:" in item.header, item.name


def test_query_file_argument_is_read(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }")
    assert resolve_query(str(path)) == "ASK { ?s ?p ?o }"
