"""``kg export``: write the store in formats other tools read — GraphML, RDF and an HTML page."""

from __future__ import annotations

from datetime import date

import click

from kg.commands.options import open_store, store_option, window_options


@click.group(name="export")
def command() -> None:
    """Write the store's graph for other tools: GraphML (Gephi, yEd, Cytoscape, igraph), RDF,
    or an interactive HTML page that works offline.

    Files are written to a temporary file and renamed into place, so a failed export never
    truncates an existing file.

    \b
    Examples:
      kg export graphml -o exports/actors.graphml --store demo.store
      kg export rdf --format trig -o exports/graph.trig --store demo.store
      kg export html -o exports/graph.html --store demo.store
    """


@command.command(name="graphml")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The GraphML file to write.")
@click.option("--level", type=click.Choice(["events", "actors", "states"]), default="actors",
              show_default=True,
              help="events: events and the entities in their roles; actors: states, people, "
                   "organisations and units tied by events; states: actors rolled up to their state.")
@window_options
@store_option
def graphml(output: str, level: str, since: date | None, until: date | None, store: str | None) -> None:
    """Write a projection of the store as GraphML.

    Every node and edge has a label, a type and a colour (color, and r/g/b for Gephi); nodes
    have their Wikidata ID, edges their evidence count and best evidence sentence, and start
    and end dates where known. Each attribute has one type and edge ids are unique, so Gephi,
    yEd, Cytoscape, igraph and networkx read the file as is.

    \b
    Example:
      kg export graphml -o exports/states.graphml --level states --store demo.store
    """
    from kg.export.graphml import export_graphml

    with open_store(store) as db:
        nodes, edges = export_graphml(db, output, level=level, since=since, until=until)
    click.echo(f"Wrote {output}: {nodes} nodes, {edges} edges ({level}).", err=True)


@command.command(name="rdf")
@click.option("-f", "--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "jsonld"]),
              default="trig", show_default=True,
              help="trig, nquads and jsonld keep each article's graph; turtle merges them.")
@click.option("--with-reference", is_flag=True,
              help="Also write the ontology and reference KB graphs.")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              metavar="FILE", help="The file to write, or - for stdout.")
@store_option
def rdf(fmt: str, with_reference: bool, output: str, store: str | None) -> None:
    """Write the article graphs and the merged-event graph as RDF.

    With --with-reference the ontology and the reference knowledge base come too. JSON-LD is
    written in expanded form, with no remote context.

    \b
    Examples:
      kg export rdf --format turtle -o graph.ttl --store demo.store
      kg export rdf --format nquads --with-reference --store demo.store | gzip > all.nq.gz
    """
    from kg.export.rdf import export_rdf

    with open_store(store) as db:
        count = export_rdf(db, output, fmt=fmt, with_reference=with_reference)
    if output != "-":
        click.echo(f"Wrote {output}: {count} {'triples' if fmt == 'turtle' else 'quads'} ({fmt}).", err=True)


@command.command(name="html")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The HTML file to write.")
@click.option("--level", type=click.Choice(["actors", "states", "events"]), default="actors",
              show_default=True,
              help="actors: states, people, organisations and units tied by events; states: actors "
                   "rolled up to their state; events: events and the entities in their roles.")
@click.option("--focus", metavar="NAME",
              help="Show only this entity's neighbourhood; a label, alias or IRI, as for kg show.")
@click.option("--depth", type=click.IntRange(min=0), default=None, metavar="N",
              help="With --focus: how many ties out to go.  [default: 1]")
@click.option("--max-nodes", type=click.IntRange(min=1), default=1500, show_default=True, metavar="N",
              help="The node budget: above it, only the N nodes with the most ties are drawn.")
@window_options
@store_option
def html(output: str, level: str, focus: str | None, depth: int | None, max_nodes: int,
         since: date | None, until: date | None, store: str | None) -> None:
    """Write a projection as one interactive HTML page that works offline.

    The page carries its own copy of vis-network and loads nothing from the network. Nodes are
    coloured and shaped by type, with a legend; hovering a tie shows its type, dates and evidence
    sentences with their article titles, and clicking shows all of it. A search box and filters
    by entity type, event type, status (hide hedged or negated) and date range change what is
    shown. The layout is computed beforehand with a fixed seed, so nothing moves on load. Above
    the node budget only the nodes with the most ties are kept; the page and this command say so.

    \b
    Examples:
      kg export html -o exports/graph.html --store demo.store
      kg export html -o choe.html --focus "Choe Son Hui" --depth 2 --store demo.store
      kg export html -o events.html --level events --since 2024-06-01 --store demo.store
    """
    from kg.export.html import export_html

    if depth is not None and focus is None:
        raise click.UsageError("--depth needs --focus NAME.")
    with open_store(store) as db:
        summary = export_html(db, output, level=level, focus=focus, depth=1 if depth is None else depth,
                              max_nodes=max_nodes, since=since, until=until)
    for note in summary.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(f"Wrote {output}: {summary.nodes} nodes, {summary.ties} ties ({level}).", err=True)
