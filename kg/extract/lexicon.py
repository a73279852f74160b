"""The event lexicon: trigger words by event type, and the words behind status and numbers.

Read from ``kg/data/triggers.toml`` and ``kg/data/modality.toml``; every event type is checked
against the ontology's event classes when the files load.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.errors import OntologyError
from kg.records import EVENT_TYPES

__all__ = ["Lexicon", "NEUTRAL_CARGO", "load_lexicon", "parse_quantity", "qualifier"]

#: The cargo kind of things that may be sent as a deployment or a transfer.
NEUTRAL_CARGO = "either"


@dataclass(frozen=True)
class Lexicon:
    """Trigger lemmas by part of speech, per-type options, and the modality word lists."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    modified_nouns: dict[str, dict[str, str]]  # noun lemma → modifier → type ("joint statement")
    light_verbs: frozenset[str]
    min_participants: dict[str, int]
    two_sided: frozenset[str]
    acts_alone: frozenset[str]
    enactments: frozenset[str]
    protection_verbs: frozenset[str]
    cargo: frozenset[str]
    future: frozenset[str]
    future_only: frozenset[str]
    fixed_type: frozenset[str]
    needs_destination: frozenset[str]
    needs_weapon: frozenset[str]
    pledge_objects: frozenset[str]
    needs_no_event: frozenset[str]
    needs_word: dict[str, frozenset[str]]
    departures: frozenset[str]
    awaited: frozenset[str]
    trip_verbs: frozenset[str]
    envoy_verbs: frozenset[str]
    carriers: frozenset[str]
    presence: frozenset[str]
    presence_preps: frozenset[str]
    presence_nouns: frozenset[str]
    hosting: frozenset[str]
    base_verbs: frozenset[str]
    sightings: frozenset[str]
    unsighted: frozenset[str]
    fire_nouns: frozenset[str]
    under_fire: frozenset[str]
    sittings: frozenset[str]
    sitting_bodies: frozenset[str]
    people_act: frozenset[str]
    unengaged_places: frozenset[str]
    owed_acts: frozenset[str]
    owed_words: frozenset[str]
    leave_orders: frozenset[str]
    troop_verbs: frozenset[str]
    kind_nouns: frozenset[str]
    strikes: frozenset[str]
    purchase_documents: frozenset[str]
    return_words: frozenset[str]
    frontier_nouns: frozenset[str]
    invasions: frozenset[str]
    place_takers: frozenset[str]
    buyers: frozenset[str]
    commands: frozenset[str]
    receiver_objects: frozenset[str]
    movers: frozenset[str]
    disasters: frozenset[str]
    rescue_verbs: frozenset[str]
    rescue_nouns: frozenset[str]
    voyages: frozenset[str]
    voyage_routes: frozenset[str]
    nearby_preps: frozenset[str]
    moving_groups: frozenset[str]
    moves_cargo: frozenset[str]
    no_cargo: frozenset[str]
    companion_verbs: frozenset[str]
    needs_cargo: frozenset[str]
    between_states: frozenset[str]
    guest_verbs: frozenset[str]
    face_to_face: frozenset[str]
    remote_words: frozenset[str]
    gathering_words: frozenset[str]
    audience_verbs: frozenset[str]
    needs_preposition: dict[str, frozenset[str]]
    taking_part: frozenset[str]
    gathering_heads: frozenset[str]
    one_party_pledge: frozenset[str]
    each_speaks: frozenset[str]
    absences: frozenset[tuple[str, str]]
    needs_agent: frozenset[str]
    reports_only: frozenset[str]
    calls_on: frozenset[str]
    stays: frozenset[str]
    phrasal_not: frozenset[tuple[str, str]]
    object_senses: dict[str, dict[str, str]]
    interception: frozenset[str]
    firing_verbs: frozenset[str]
    test_waters: frozenset[str]
    casualty_verbs: frozenset[str]
    loss_verbs: frozenset[str]
    cargo_types: dict[str, str]
    weapon_names: frozenset[str]
    weapon_designation: re.Pattern[str]
    modality: dict
    qualifiers: dict[str, str]

    def cargo_type(self, token) -> str | None:
        """Return the kind of cargo a word names: its lemma's, or a transfer for a named weapon."""
        kind = self.cargo_types.get(token.lemma_.lower())
        if kind is None and token.text[:1].isupper() and token.dep_ not in {"compound", "amod", "nmod"}:
            # "received its first F-16s", "six of its 12 Rafales": a weapon is often named, not
            # described. ("CAESAR howitzers" are described by the noun the name hangs on.)
            if self.weapon_name(token):
                return "Transfer"
        if kind == "Deployment" and any(t.dep_ in {"compound", "amod", "nmod"} and self.weapon_name(t)
                                        for c in token.lefts for t in c.subtree):
            # "36 F-15 fighters", "42 Rafale fighters": aircraft, not fighting men.
            return "Transfer"
        return kind

    def told_gathering(self, noun) -> bool:
        """Whether a meeting noun is the audience of a saying: "told a meeting of SCO heads"."""
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.audience_verbs \
            and self.nouns.get(noun.lemma_.lower()) == "Meeting"

    def weapon_name(self, token) -> bool:
        """Whether a capitalised word names a weapon: a designation ("F-16s") or a known name ("Rafales")."""
        name = token.lower_
        named = name in self.weapon_names or name.removesuffix("s") in self.weapon_names
        return token.text[:1].isupper() and (named or self.weapon_designation.fullmatch(name) is not None)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the trigger and modality lexicons, checking every event type against the ontology."""
    data = tomllib.loads((files("kg") / "data" / "triggers.toml").read_text(encoding="utf-8"))
    modality = tomllib.loads((files("kg") / "data" / "modality.toml").read_text(encoding="utf-8"))
    verbs, nouns, minimum, cargo, future, cargo_types, two_sided = {}, {}, {}, set(), set(), {}, set()
    modified: dict[str, dict[str, str]] = {}
    for type_, entry in data.items():
        if not isinstance(entry, dict) or type_ == "object_senses":
            continue
        if type_ not in EVENT_TYPES:
            raise OntologyError(f"kg/data/triggers.toml: [{type_}] is not an event type; "
                                f"use one of {', '.join(EVENT_TYPES)}.")
        verbs.update({lemma: type_ for lemma in entry.get("verbs", [])})
        for noun in entry.get("nouns", []):
            modifier, _, lemma = noun.rpartition(" ")
            if modifier:
                modified.setdefault(lemma, {})[modifier] = type_
            else:
                nouns[lemma] = type_
        minimum[type_] = entry.get("min_participants", 1)
        if entry.get("cargo"):
            cargo.add(type_)
            cargo_types.update({noun: type_ for noun in entry.get("cargo_nouns", [])})
        if entry.get("modal_is_future"):
            future.add(type_)
        if entry.get("two_sided"):
            two_sided.add(type_)
    cargo_types.update({noun: "Pledge" for noun in data["Pledge"].get("money_nouns", [])})
    # A neutral cargo makes an event of any cargo trigger but leaves its type alone.
    cargo_types.update({noun: NEUTRAL_CARGO for noun in data.get("neutral_cargo", [])})
    senses = data.get("object_senses", {})
    for verb, objects in senses.items():
        for noun, type_ in objects.items():
            if type_ and type_ not in EVENT_TYPES:
                raise OntologyError(f"kg/data/triggers.toml: [object_senses.{verb}] {noun} = {type_!r} is not an "
                                    f"event type; use one of {', '.join(EVENT_TYPES)} or \"\".")
    qualifiers = {phrase: name for name, phrases in modality["qualifiers"].items() for phrase in phrases}
    lists = {key: frozenset(value) for key, value in modality.items() if isinstance(value, list)}
    lists["scales"] = modality["scales"]
    lists["group_nouns"] = modality["group_nouns"]
    lists["group_roles"] = modality["group_roles"]
    return Lexicon(verbs=verbs, nouns=nouns, modified_nouns=modified, light_verbs=frozenset(data.get("light_verbs", [])),
                   min_participants=minimum, two_sided=frozenset(two_sided), cargo=frozenset(cargo),
                   future=frozenset(future), acts_alone=_per_type(data, "acts_alone"),
                   enactments=_per_type(data, "enactments"),
                   protection_verbs=_per_type(data, "protection_verbs"),
                   future_only=frozenset(data.get("future_only", [])), cargo_types=cargo_types,
                   fixed_type=_per_type(data, "fixed_type"),
                   needs_destination=frozenset(data.get("needs_destination", [])),
                   pledge_objects=frozenset(data.get("pledge_objects", [])),
                   departures=_per_type(data, "departures"),
                   awaited=_per_type(data, "awaited"), trip_verbs=_per_type(data, "trip_verbs"),
                   envoy_verbs=_per_type(data, "envoy_verbs"),
                   needs_word={verb: frozenset(words) for entry in data.values() if isinstance(entry, dict)
                               for verb, words in entry.get("needs_word", {}).items()},
                   carriers=_per_type(data, "carriers"),
                   presence=_per_type(data, "presence"),
                   presence_preps=_per_type(data, "presence_preps"),
                   presence_nouns=_per_type(data, "presence_nouns"),
                   hosting=_per_type(data, "hosting"),
                   base_verbs=_per_type(data, "base_verbs"),
                   sightings=_per_type(data, "sightings"),
                   unsighted=_per_type(data, "unsighted"),
                   fire_nouns=_per_type(data, "fire_nouns"),
                   under_fire=_per_type(data, "under_fire"),
                   sittings=_per_type(data, "sittings"),
                   sitting_bodies=_per_type(data, "sitting_bodies"),
                   people_act=frozenset(data.get("people_act", [])),
                   unengaged_places=_per_type(data, "unengaged_places"),
                   owed_acts=_per_type(data, "owed_acts"),
                   owed_words=_per_type(data, "owed_words"),
                   leave_orders=_per_type(data, "leave_orders"),
                   troop_verbs=_per_type(data, "troop_verbs"),
                   kind_nouns=_per_type(data, "kind_nouns"),
                   strikes=_per_type(data, "strikes"),
                   purchase_documents=_per_type(data, "purchase_documents"),
                   return_words=_per_type(data, "return_words"),
                   frontier_nouns=_per_type(data, "frontier_nouns"),
                   invasions=_per_type(data, "invasions"),
                   place_takers=_per_type(data, "place_takers"),
                   buyers=_per_type(data, "buyers"),
                   commands=_per_type(data, "commands"),
                   receiver_objects=_per_type(data, "receiver_objects"),
                   movers=_per_type(data, "movers"),
                   disasters=_per_type(data, "disasters"),
                   rescue_verbs=_per_type(data, "rescue_verbs"),
                   rescue_nouns=_per_type(data, "rescue_nouns"),
                   voyages=_per_type(data, "voyages"),
                   voyage_routes=_per_type(data, "voyage_routes"),
                   nearby_preps=_per_type(data, "nearby_preps"),
                   moving_groups=_per_type(data, "moving_groups"),
                   moves_cargo=_per_type(data, "moves_cargo"),
                   no_cargo=_per_type(data, "no_cargo"),
                   companion_verbs=_per_type(data, "companion_verbs"),
                   needs_cargo=_per_type(data, "needs_cargo"),
                   between_states=_per_type(data, "between_states"),
                   guest_verbs=_per_type(data, "guest_verbs"),
                   face_to_face=_per_type(data, "face_to_face"),
                   remote_words=_per_type(data, "remote_words"),
                   gathering_words=_per_type(data, "gathering_words"),
                   audience_verbs=_per_type(data, "audience_verbs"),
                   needs_preposition={noun: frozenset(words) for entry in data.values() if isinstance(entry, dict)
                                      for noun, words in entry.get("needs_preposition", {}).items()},
                   taking_part=_per_type(data, "taking_part"),
                   gathering_heads=_per_type(data, "gathering_heads"),
                   one_party_pledge=_per_type(data, "one_party_pledge"),
                   each_speaks=_per_type(data, "each_speaks"),
                   absences=frozenset(tuple(p.split()) for p in _per_type(data, "absences")),
                   needs_agent=_per_type(data, "needs_agent"),
                   reports_only=_per_type(data, "reports_only"),
                   calls_on=_per_type(data, "calls_on"),
                   stays=_per_type(data, "stays"),
                   phrasal_not=frozenset(tuple(pair.split()) for pair in data.get("phrasal_not", [])),
                   object_senses=senses,
                   interception=_per_type(data, "interception"),
                   firing_verbs=_per_type(data, "firing_verbs"),
                   test_waters=_per_type(data, "test_waters"),
                   casualty_verbs=_per_type(data, "casualty_verbs"),
                   loss_verbs=_per_type(data, "loss_verbs"),
                   needs_no_event=_per_type(data, "needs_no_event"),
                   needs_weapon=_per_type(data, "needs_weapon"),
                   weapon_names=frozenset(data["Transfer"].get("weapon_names", [])),
                   weapon_designation=re.compile(data["Transfer"].get("weapon_designation", "(?!)")),
                   modality=lists, qualifiers=qualifiers)


def _per_type(data: dict, key: str) -> frozenset[str]:
    """Gather one word list that any event type's table may hold ("needs_agent", "carriers")."""
    return frozenset(word for entry in data.values() if isinstance(entry, dict) for word in entry.get(key, []))


def parse_quantity(text: str, scales: dict[str, int] | None = None) -> int | None:
    """Read a number as news writes it.

    >>> parse_quantity("10,000"), parse_quantity("1.5 million", {"million": 10**6}), parse_quantity("troops")
    (10000, 1500000, None)
    """
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not match:
        return None
    value = float(match.group().replace(",", ""))
    for word, factor in (scales or {}).items():
        if re.search(rf"\b{word}s?\b", text[match.end():], re.I):
            value *= factor
            break
    return int(value)


def qualifier(words: str, lexicon: Lexicon) -> str | None:
    if not words:
        return "exactly"
    for phrase in sorted(lexicon.qualifiers, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", words):
            return lexicon.qualifiers[phrase]
    return "exactly"
