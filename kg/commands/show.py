"""``kg show``: the profile of one entity — posts, events in time order, allies and adversaries."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict

import click

from kg.commands.options import open_store, store_option


def _when(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    return f"{start} –" if start else (f"– {end}" if end else "")


def profile_text(profile) -> str:
    """Write a profile as plain text, one section per part."""
    head = f"{profile.label} ({profile.type}" + (f", {profile.state}" if profile.state else "") + ")"
    lines = [head, f"  <{profile.iri}>" + (f"  Wikidata {profile.wikidata}" if profile.wikidata else "")]
    if profile.aliases:
        lines.append("  Also: " + ", ".join(profile.aliases))
    if profile.posts:
        lines += ["", "Posts"]
        for post in profile.posts:
            if post.source == "reference":
                lines.append(f"  {post.post}  {_when(post.start, post.end)}  (reference)")
            else:
                agrees = {True: "agrees with reference", False: "DISAGREES with reference", None: "not in reference"}
                where = f" of {post.state}" if post.state else ""
                lines.append(f"  {post.post}{where}  as of {post.start or '?'}  ({agrees[post.agrees_with_reference]})")
                if post.evidence:
                    lines.append(f"    \"{post.evidence}\" — {post.headline}")
    lines += ["", "Events"]
    if not profile.events:
        lines.append("  none")
    for event in profile.events:
        with_whom = f" with {', '.join(event.others)}" if event.others else ""
        where = f" in {event.place}" if event.place else ""
        via = f" (via {event.via})" if event.via else ""
        status = "" if event.status == "asserted" else f" [{event.status}]"
        lines.append(f"  {event.date or event.first or '?':<10}  {event.type}{with_whom}{where}{via}{status}")
        if event.evidence:
            quote = textwrap.fill(f"\"{event.evidence}\" — {event.headline}", width=96,
                                  initial_indent=" " * 14, subsequent_indent=" " * 14)
            lines.append(quote)
    if profile.kind not in ("State", "Person", "Organization", "MilitaryUnit"):
        return "\n".join(lines)
    for title, people in (("Allies", profile.allies), ("Adversaries", profile.adversaries)):
        lines += ["", title]
        if not people:
            lines.append("  none")
        for other in people:
            lines.append(f"  {other.label}  {other.signed_weight:+.1f}  ({', '.join(other.ties)}; "
                         f"{other.evidence_count} evidence)")
    return "\n".join(lines)


@click.command(name="show")
@click.argument("entity")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a readable profile; json: the same, for scripts.")
@store_option
def command(entity: str, fmt: str, store: str | None) -> None:
    """Show an entity's profile: posts, events in time order with evidence, allies, adversaries.

    ENTITY is a label or alias ("Choe Son Hui", "DPRK") or an IRI, in full or with a known
    prefix (person:choe-son-hui). Posts are the reference KB's tenures and what articles claim.
    A state's events include those of its officials, units and bodies, and its allies and
    adversaries are states; for anyone else they are the actors they share events with.

    \b
    Example:
      kg show "Choe Son Hui" --store demo.store
    """
    from kg.profile import entity_profile

    with open_store(store) as db:
        profile = entity_profile(db, entity)
    if fmt == "json":
        click.echo(json.dumps(asdict(profile), ensure_ascii=False, indent=1))
    else:
        click.echo(profile_text(profile))
