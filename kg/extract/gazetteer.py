"""The names the linker recognises, built from the reference knowledge base.

Each canonical entity is one record; its preferred and alternative labels, demonyms and metonyms
become entity-ruler patterns whose id is the entity's IRI.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files

import pyoxigraph as ox

from kg.extract.vocabulary import linking_words, without_particle
from kg.namespaces import ID
from kg.ontology import reference_store
from kg.records import Entity

__all__ = ["Gazetteer", "RULER_LABEL", "DEMONYM_LABEL", "SHARED_LABEL", "SURNAME_LABEL", "load_gazetteer"]

RULER_LABEL = "KG"
DEMONYM_LABEL = "KG_DEMONYM"
#: Entity-ruler label for a name several entities share; its id is the name itself.
SHARED_LABEL = "KG_SHARED"
#: Entity-ruler label for a reference person's surname used alone.
SURNAME_LABEL = "KG_SURNAME"
_KIND_ORDER = {"pref": 0, "alt": 1, "metonym": 2, "demonym": 3, "generic": 4}
_TYPE_ORDER = {"State": 0, "Organization": 1, "Person": 2, "Place": 3, "Agreement": 4, "MilitaryUnit": 5}


@dataclass
class Gazetteer:
    """Entities by IRI, the name → entity table, and which cities are capitals of which states."""

    entities: dict[str, Entity] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # text → (iri, kind)
    capital_of: dict[str, str] = field(default_factory=dict)  # city IRI → state IRI
    aliases: dict[str, set[str]] = field(default_factory=dict)  # IRI → every name of it
    shared: dict[str, list[str]] = field(default_factory=dict)  # name → the entities that share it
    parties: dict[str, set[str]] = field(default_factory=dict)  # agreement IRI → party IRIs
    members: dict[str, set[str]] = field(default_factory=dict)  # small bloc IRI → member IRIs

    @cached_property
    def capital_by_state(self) -> dict[str, str]:
        """State IRI → its capital's IRI."""
        return {state: city for city, state in self.capital_of.items()}

    @cached_property
    def demonym_by_state(self) -> dict[str, str]:
        """Entity IRI → the demonym closest to its name ("Chinese" for China, "Azerbaijani"
        rather than "Azeri"), else the first the name table gives."""
        demonyms: dict[str, list[str]] = {}
        for text, (iri, kind) in self.names.items():
            if kind == "demonym":
                demonyms.setdefault(iri, []).append(text)

        def closeness(iri: str, text: str) -> int:
            return len(os.path.commonprefix([self.entities[iri].label, text]))
        return {iri: max(texts, key=lambda text: closeness(iri, text)) for iri, texts in demonyms.items()}

    def hyphenated_words(self) -> list[str]:
        """Return the words of people's and places' names written with a hyphen ("Jae-in",
        "Punggye-ri"): the tokenizer must keep them whole, or the parser reads "Moon Jae - in held
        talks" as broken phrases. Names of bodies are left alone: "Asia-Pacific Economic
        Cooperation" must not make "Asia-Pacific" one word."""
        return sorted({word for text, (iri, _) in self.names.items()
                       if self.entities[iri].type in {"Person", "Place"}
                       for word in text.split() if _HYPHENATED.fullmatch(word)})

    def patterns(self) -> list[dict[str, str]]:
        """Return entity-ruler phrase patterns: one per name, shared names marked as such."""
        labels = {"demonym": DEMONYM_LABEL, "surname": SURNAME_LABEL}
        patterns = [
            {"label": labels.get(kind, RULER_LABEL), "pattern": text, "id": iri}
            for text, (iri, kind) in sorted(self.names.items())
        ]
        return patterns + [{"label": SHARED_LABEL, "pattern": text, "id": text} for text in sorted(self.shared)]


_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _value(term: ox.Term | None) -> str | None:
    return None if term is None else term.value


def _add_surnames(gazetteer: Gazetteer) -> None:
    # News names the best-known officials by surname alone from the first mention ("Putin and
    # Xi held talks"). A surname that only one reference person has, and that names nothing
    # else, becomes a name of that person.
    # Where the family name comes first ("Xi Jinping", "Yoon Suk Yeol"), it is the first word,
    # however short. The linker checks that the person held a post when the article was written.
    from spacy.lang.en.stop_words import STOP_WORDS  # only extraction builds the gazetteer

    family_first = {f"{ID}state/{code}" for code in linking_words()["family_name_first"]}
    owners: dict[str, set[str]] = {}
    for iri, entity in gazetteer.entities.items():
        if entity.type != "Person":
            continue
        for name in {entity.label} | gazetteer.aliases.get(iri, set()):
            words = name.split()
            if len(words) < 2:
                continue
            if entity.state in family_first:
                family, shortest = words[0], 2
            elif words[-2].lower() in linking_words()["patronymic_words"]:
                continue
            else:
                family, shortest = words[-1], 4
            # "Abdel Fattah el-Sisi" is "Sisi" alone.
            family = without_particle(family) or family
            # "No Kwang Chol", "To Lam": a surname that is also a common word is not a name alone.
            if len(family) >= shortest and family[:1].isupper() and family[1:].islower() \
                    and family.lower() not in STOP_WORDS:
                owners.setdefault(family, set()).add(iri)
    for surname, people in owners.items():
        if len(people) == 1 and surname not in gazetteer.names and surname not in gazetteer.shared:
            gazetteer.names[surname] = (next(iter(people)), "surname")


def _add_plural_demonyms(gazetteer: Gazetteer) -> None:
    # "Biden told Israelis", "Ukrainians and Russians": the people stand for their state.
    # Forms in "-ese" and "-ish" ("Chinese", "British") have no plural of that shape.
    for text, (iri, kind) in list(gazetteer.names.items()):
        plural = f"{text}s"
        if kind == "demonym" and text.endswith(("an", "i")) and plural not in gazetteer.names:
            gazetteer.names[plural] = (iri, "demonym")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer from the bundled reference knowledge base."""
    query = (files("kg") / "data" / "gazetteer.rq").read_text(encoding="utf-8")
    gazetteer = Gazetteer()
    claims: dict[str, list[tuple[int, int, str, str]]] = {}
    for row in reference_store().query(query):
        iri, type_, label, kind = row["entity"].value, row["type"].value, row["label"].value, row["kind"].value
        wikidata = _value(row["wikidata"])
        if iri not in gazetteer.entities or kind == "pref":
            previous = gazetteer.entities.get(iri)
            gazetteer.entities[iri] = Entity(
                iri=iri,
                label=label if kind == "pref" else (previous.label if previous else label),
                type=type_,
                wikidata=wikidata.rsplit("/", 1)[-1] if wikidata else (previous.wikidata if previous else None),
                state=_value(row["state"]) or (previous.state if previous else None),
            )
        if row["capital"] is not None:
            gazetteer.capital_of[iri] = row["capital"].value
        claims.setdefault(label, []).append((_KIND_ORDER[kind], _TYPE_ORDER[type_], iri, kind))
        if kind != "pref":
            gazetteer.aliases.setdefault(iri, set()).add(label)
    for text, options in claims.items():
        options.sort()
        best = options[0]
        # A generic name, or two entities of equal standing sharing a name, is told apart in
        # context by the linker.
        rivals = [o for o in options if o[2] != best[2] and o[:2] == best[:2]]
        if rivals or best[3] == "generic":
            gazetteer.shared[text] = sorted({best[2]} | {o[2] for o in rivals})
            continue
        gazetteer.names[text] = (best[2], best[3])
    _add_plural_demonyms(gazetteer)
    _add_surnames(gazetteer)
    parties_query = (files("kg") / "data" / "relations.rq").read_text(encoding="utf-8")
    for row in reference_store().query(parties_query):
        gazetteer.parties.setdefault(row["agreement"].value, set()).add(row["party"].value)
    members_query = (files("kg") / "data" / "members.rq").read_text(encoding="utf-8")
    for row in reference_store().query(members_query):
        gazetteer.members.setdefault(row["organization"].value, set()).add(row["member"].value)
    return gazetteer
