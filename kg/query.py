"""Run SPARQL queries: bundled named queries, files, or strings; refuse what reaches outside.

A query never reaches the network or the file system. ``SERVICE`` and ``LOAD`` are refused, and
so is ``FROM``/``FROM NAMED`` unless it names a graph that is already in the store.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, QueryRefusedError
from kg.namespaces import PREFIXES
from kg.store import Store

__all__ = ["BundledQuery", "QueryResult", "bundled_queries", "resolve_query", "check_query",
           "run_query", "bind_params", "compact_iri", "FORMATS"]

FORMATS = ("table", "csv", "tsv", "json")
# CONSTRUCT and DESCRIBE results: Turtle to read, N-Triples to process line by line, JSON-LD.
_GRAPH_FORMATS = {"table": ox.RdfFormat.TURTLE, "csv": ox.RdfFormat.N_TRIPLES,
                  "tsv": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}

# Longest alternatives first: triple-quoted strings before single-quoted ones.
_TOKENS = re.compile(r"""
    (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<comment>\#[^\n]*)
  | (?P<variable>[?$][\w]+)
  | (?P<name>[A-Za-z_][\w.-]*(?::[\w.:%-]*)?|:[\w.:%-]*)
  | (?P<other>\S)
""", re.X | re.S)
_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


@dataclass(frozen=True)
class BundledQuery:
    """A named query shipped in ``kg/queries/``: its name, first header line and text."""

    name: str
    summary: str
    header: str
    text: str


@lru_cache(maxsize=1)
def bundled_queries() -> dict[str, BundledQuery]:
    """Return the bundled queries by name."""
    found = {}
    for resource in sorted((files("kg") / "queries").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".rq"):
            continue
        text = resource.read_text(encoding="utf-8")
        header = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        name = resource.name[:-3]
        found[name] = BundledQuery(name, header[0] if header else "", "\n".join(header), text)
    return found


def resolve_query(spec: str) -> str:
    """Return the SPARQL text for a bundled query name, a ``.rq`` file path, or a query string."""
    queries = bundled_queries()
    if spec in queries:
        return queries[spec].text
    path = Path(spec)
    if spec.endswith((".rq", ".sparql")) or (len(spec) < 256 and "\n" not in spec and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{spec}: cannot read the query file: {err.strerror}.") from err
    if re.fullmatch(r"[\w-]+", spec):
        raise QueryError(f"Unknown query {spec!r}. Available: {', '.join(queries)} (kg/queries/); "
                         "or pass a SPARQL string or a .rq file.")
    return spec


def check_query(sparql: str, *, graphs: set[str]) -> None:
    """Refuse a query that could reach the network or the file system.

    >>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", graphs=set())
    Traceback (most recent call last):
    ...
    kg.errors.QueryRefusedError: SERVICE is refused: kg queries never reach other endpoints or the network. Query the local store only.
    """
    tokens = [(m.lastgroup, m.group()) for m in _TOKENS.finditer(sparql) if m.lastgroup != "comment"]
    for i, (kind, text) in enumerate(tokens):
        if kind != "name":
            continue
        word = text.upper()
        if word == "SERVICE":
            raise QueryRefusedError("SERVICE is refused: kg queries never reach other endpoints or "
                                    "the network. Query the local store only.")
        if word == "LOAD":
            raise QueryRefusedError("LOAD is refused: kg queries never fetch data from URLs or files. "
                                    "Use `kg ingest` to add articles.")
        if word == "FROM":
            rest = [t for t in tokens[i + 1:i + 3]]
            target = rest[1] if rest and rest[0][1].upper() == "NAMED" and len(rest) > 1 else (rest[0] if rest else None)
            iri = target[1][1:-1] if target and target[0] == "iri" else None
            if iri not in graphs:
                shown = target[1] if target else "(nothing)"
                raise QueryRefusedError(
                    f"FROM {shown} is refused: it names no graph in this store, and kg never "
                    "fetches data. Use FROM <graph> with a graph listed by `kg stats`, or GRAPH { … }.")


@dataclass
class QueryResult:
    """The result of a query: solutions, a boolean, or triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[list[ox.Term | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None

    def serialize(self, fmt: str = "table") -> str:
        """Return the result as text: table, csv, tsv or json (SPARQL 1.1 results JSON)."""
        if fmt not in FORMATS:
            raise QueryError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
        if self.kind == "graph":
            rdf_format = _GRAPH_FORMATS[fmt]
            prefixes = PREFIXES if rdf_format == ox.RdfFormat.TURTLE else None
            return ox.serialize(self.triples, format=rdf_format, prefixes=prefixes).decode("utf-8")
        if self.kind == "ask":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": self.boolean})
            return "true\n" if self.boolean else "false\n"
        if fmt == "table":
            return _table(self.variables, [[_compact(v) for v in row] for row in self.rows])
        if fmt == "json":
            return json.dumps(_results_json(self.variables, self.rows), ensure_ascii=False, indent=1) + "\n"
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        if fmt == "csv":
            writer.writerow(self.variables)
            writer.writerows([["" if v is None else v.value for v in row] for row in self.rows])
        else:
            out.write("\t".join("?" + v for v in self.variables) + "\n")
            for row in self.rows:
                out.write("\t".join("" if v is None else str(v) for v in row) + "\n")
        return out.getvalue()


def _results_json(variables: list[str], rows: list[list[ox.Term | None]]) -> dict:
    bindings = []
    for row in rows:
        binding = {}
        for name, value in zip(variables, row):
            if isinstance(value, ox.NamedNode):
                binding[name] = {"type": "uri", "value": value.value}
            elif isinstance(value, ox.BlankNode):
                binding[name] = {"type": "bnode", "value": value.value}
            elif isinstance(value, ox.Literal):
                item = {"type": "literal", "value": value.value}
                if value.language:
                    item["xml:lang"] = value.language
                elif value.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    item["datatype"] = value.datatype.value
                binding[name] = item
        bindings.append(binding)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def compact_iri(iri: str) -> str:
    """Write an IRI with the longest known prefix, or in angle brackets.

    >>> compact_iri("https://w3id.org/kg/ont#Meeting")
    'kg:Meeting'
    """
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _compact(term: ox.Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    return term.value


def _table(headers: list[str], rows: list[list[str]]) -> str:
    rows = [[cell.replace("\n", " ") for cell in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _parse_param(value: str) -> ox.Term:
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    return ox.Literal(value)


def bind_params(sparql: str, params: dict[str, str]) -> str:
    """Replace each ``?name`` or ``$name`` in the query with the parameter's value as an RDF term.

    Values are written by pyoxigraph's own term serialisation, so a value can never become SPARQL.

    >>> print(bind_params('SELECT * WHERE { ?s ?p ?who }', {"who": 'Choe "Son" Hui'}))
    SELECT * WHERE { ?s ?p "Choe \\"Son\\" Hui" }
    """
    if not params:
        return sparql
    terms = {name: str(_parse_param(value)) for name, value in params.items()}
    used = set()
    out = []
    last = 0
    for match in _TOKENS.finditer(sparql):
        if match.lastgroup == "variable" and match.group()[1:] in terms:
            name = match.group()[1:]
            used.add(name)
            out.append(sparql[last:match.start()])
            out.append(terms[name])
            last = match.end()
    out.append(sparql[last:])
    unused = sorted(set(terms) - used)
    if unused:
        variables = sorted({m.group()[1:] for m in _TOKENS.finditer(sparql) if m.lastgroup == "variable"})
        raise QueryError(f"The query has no variable ?{unused[0]} to bind. "
                         f"Its variables: {', '.join('?' + v for v in variables) or '(none)'}.")
    return "".join(out)


def run_query(store: Store, sparql: str, *, params: dict[str, str] | None = None) -> QueryResult:
    """Check and run a SPARQL query over the union of the store's graphs.

    ``params`` binds variables to values before the query runs (``<iri>`` for an IRI, anything
    else as a string literal). Bundled queries use ``COALESCE(?param, …)`` so that an unbound
    parameter does not filter.
    """
    check_query(sparql, graphs=set(store.graphs()))
    sparql = bind_params(sparql, params or {})
    try:
        result = store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as err:
        match = _POSITION.match(str(err))
        if match:
            line, column, detail = match.groups()
            raise QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}") from err
        raise QueryError(f"SPARQL syntax error: {err}") from err
    except OSError as err:
        raise QueryError(f"The query failed while reading the store: {err}") from err
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[solution[v] for v in variables] for solution in result]
        return QueryResult("select", variables, rows)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", [], [], boolean=bool(result))
    return QueryResult("graph", [], [], triples=list(result))
