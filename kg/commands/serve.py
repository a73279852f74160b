"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store."""

from __future__ import annotations

import os
import re

import click

_ORIGIN = re.compile(r"https?://[^/\s:]+(?::\d{1,5})?")


def _origins(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if not _ORIGIN.fullmatch(value):
            raise click.BadParameter(
                f"{value!r} is not an origin; give scheme://host[:port] with no path, e.g. "
                "http://localhost:3000. Wildcards are refused: list each origin.")
    return values


@click.command(name="serve")
@click.option("--store", "store", type=click.Path(file_okay=False), default=None,
              help="Store directory (an embedded store; a remote SPARQL store is served by its own "
                   "server). Defaults to $KG_STORE, then ~/.local/share/kg/store "
                   "($XDG_DATA_HOME/kg/store).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address exposes the store to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, None),
              metavar="SECONDS", help="Stop a query after this long and answer 503.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1, None),
              metavar="N", help="Answer 422 (never a partial result) when a query returns more rows or triples.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64), metavar="N",
              help="Queries run at once, each in its own process; more wait for a free worker.")
@click.option("--max-memory", default=2048, show_default=True, type=click.IntRange(64, None), metavar="MIB",
              help="Heap each query may use, in MiB; a query that needs more answers 500.")
@click.option("--cors", "cors", multiple=True, callback=_origins, metavar="ORIGIN",
              help="Let pages from ORIGIN (e.g. http://localhost:3000) query the endpoint. Repeatable. "
                   "Without it no CORS header is sent.")
def command(store: str | None, host: str, port: int, timeout: float, max_rows: int, workers: int,
            max_memory: int, cors: tuple[str, ...]) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint, with a query page.

    The endpoint is http://HOST:PORT/sparql (GET ?query=, POST form or
    application/sparql-query); the query page is at http://HOST:PORT/. Results are
    negotiated by Accept: SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML or JSON-LD for
    CONSTRUCT and DESCRIBE. Each query runs in its own process and is stopped at --timeout (503),
    so a slow query never holds up others. More than --max-rows results answer 422. SERVICE, LOAD
    and FROM <url> answer 400 and updates 403: the server makes no outbound connections and never
    writes. Stop it with Ctrl-C.

    \b
    Example:
      kg serve --store demo.store --port 7878 --cors http://localhost:3000
    """
    from kg.server import ServerConfig, serve
    from kg.store import Store, default_store_path

    given = store or os.environ.get("KG_STORE") or ""
    if re.match(r"https?://", given):
        raise click.BadParameter(f"{given} is a remote SPARQL endpoint: it already serves queries. "
                                 "kg serve serves an embedded store directory.", param_hint="--store")
    path = store or default_store_path()
    with Store(path):  # fail now, with kg's message, if there is no store
        pass
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"Warning: listening on {host}: anyone who can reach this address can query the store.",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {path} read-only at http://{shown}:{port}/sparql (query page: http://{shown}:{port}/)",
               err=True)
    serve(ServerConfig(store=path, timeout=timeout, max_rows=max_rows, workers=workers,
                      max_memory=max_memory, cors=cors),
          host=host, port=port)
