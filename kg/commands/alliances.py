"""``kg alliances``: the alliance blocs in the store, with the ties that bind each one."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

import click

from kg.commands.options import open_store, store_option, window_options

def _tie_text(tie) -> str:
    counts = (f"agreement, {tie.evidence_count} evidence" if tie.type == "Agreement"
              else f"{tie.events} event{'s' if tie.events != 1 else ''}, {tie.evidence_count} evidence")
    return f"{tie.label} ({counts}{', hedged' if tie.hedged else ''})"


def bloc_paragraph(number: int, bloc) -> str:
    """Write one bloc as a paragraph: its members, then one line per tied pair."""
    lines = [f"Bloc {number} ({len(bloc.members)} members): {', '.join(bloc.labels)}"]
    pairs: dict[tuple[str, str], list] = {}
    for tie in bloc.ties:
        pairs.setdefault((tie.source_label, tie.target_label), []).append(tie)
    ranked = sorted(pairs.items(), key=lambda item: (-sum(t.signed_weight for t in item[1]), item[0]))
    for (a, b), ties in ranked:
        lines.append(f"  {a} – {b}: " + "; ".join(_tie_text(t) for t in ties))
    return "\n".join(lines)


@click.command(name="alliances")
@window_options
@click.option("--level", type=click.Choice(["states", "actors"]), default="states", show_default=True,
              help="states: officials, units and bodies rolled up to their state; actors: as named.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one paragraph per bloc; json: blocs, strongest and newest ties.")
@store_option
def command(since: date | None, until: date | None, level: str, fmt: str, store: str | None) -> None:
    """Find alliance blocs: communities of actors bound by cooperative ties.

    Ties come from events (meetings, visits, signings, deployments …), agreements and stated
    relations; each counts +1 for cooperation and -1 for conflict (half for words, full for
    deeds, after PLOVER). Blocs are Louvain communities of the cooperative ties, computed with a
    fixed seed. Each bloc is printed as a paragraph: its members, most central first, then the
    ties that bind them, each with its number of events and of evidence sentences.

    \b
    Example:
      kg alliances --since 2024-01-01 --store demo.store
    """
    from kg.analyze import actor_graph, alliance_blocs, centrality, newest_ties, state_graph, strongest_ties

    project = state_graph if level == "states" else actor_graph
    with open_store(store) as db:
        graph = project(db, since=since, until=until)
    blocs = alliance_blocs(graph)
    if fmt == "json":
        scores = centrality(graph)
        click.echo(json.dumps({
            "level": level, "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "blocs": [{"members": [{"id": m, "label": graph.nodes[m]["label"], "type": graph.nodes[m]["type"],
                                    "centrality": round(scores.get(m, 0.0), 4)} for m in bloc.members],
                       "strength": bloc.strength, "ties": [asdict(t) for t in bloc.ties]} for bloc in blocs],
            "strongest": [asdict(t) for t in strongest_ties(graph)],
            "newest": [asdict(t) for t in newest_ties(graph, since=since)],
        }, ensure_ascii=False, indent=1))
        return
    if not blocs:
        click.echo("No blocs: no two actors share a cooperative tie in the store"
                   + (" in this window." if since or until else "."), err=True)
        return
    click.echo("\n\n".join(bloc_paragraph(i, bloc) for i, bloc in enumerate(blocs, 1)))
