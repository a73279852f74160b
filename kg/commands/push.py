"""``kg push``: copy an embedded store to a remote SPARQL store, graph by graph."""

from __future__ import annotations

import click

from kg.commands.options import store_option


@click.command(name="push")
@store_option
@click.option("--to", "target", required=True, metavar="URL",
              help="The SPARQL endpoint to copy to, e.g. http://localhost:8890/sparql.")
@click.option("--update-url", metavar="URL", default=None,
              help="Where updates go, if not to URL. Default: $KG_STORE_UPDATE_URL, else URL. "
                   "Virtuoso: http://HOST:8890/sparql-auth.")
@click.option("--user", metavar="NAME", default=None,
              help="User for the update endpoint. Default: $KG_STORE_USER. The password comes from "
                   "$KG_STORE_PASSWORD, never from the command line.")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True, metavar="N",
              help="Triples per update request.")
@click.option("-q", "--quiet", is_flag=True, help="No per-graph lines and no summary.")
def command(store: str | None, target: str, update_url: str | None, user: str | None,
            batch_size: int, quiet: bool) -> None:
    """Copy an embedded store to a remote SPARQL store, graph by graph.

    Each graph on the remote store is replaced by the local one of the same name; other graphs
    there are left alone. The local store is only read, so a failure part-way changes nothing
    here: run the command again to finish. Small graphs go together in one update request; a
    large one is uploaded in batches and moved into place at once.

    \b
    Example:
      KG_STORE_USER=dba KG_STORE_PASSWORD=… \\
      kg push --store demo.store --to http://localhost:8890/sparql \\
              --update-url http://localhost:8890/sparql-auth
    """
    from kg.remote import RemoteStore, is_remote, push_store
    from kg.store import Store, default_store_path

    if not is_remote(target):
        raise click.BadParameter(f"{target!r} is not an http(s) SPARQL endpoint URL.", param_hint="--to")
    if is_remote(store):
        raise click.BadParameter("--store must be a local store directory to copy from.", param_hint="--store")

    def on_graph(graph: str, quads: int) -> None:
        if not quiet:
            click.echo(f"{graph}: {quads} quads", err=True)

    with Store(store or default_store_path()) as source, \
            RemoteStore(target, write=True, update_url=update_url, user=user, batch_size=batch_size) as remote:
        graphs, quads = push_store(source, remote, on_graph=on_graph)
    if not quiet:
        click.echo(f"Pushed {graphs} graphs, {quads} quads to {target}.", err=True)
