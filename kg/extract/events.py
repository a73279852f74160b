"""Find events in a parsed paragraph and fill their roles from the dependency parse.

A trigger word from ``kg/data/triggers.toml`` opens an event. Its agent is the grammatical
subject (of the trigger, of the light verb whose object it is, or of the clause it hangs in);
other participants come from its object and from "with/alongside …" phrases; the place from
"in/at/near/around …", from "to …" for movements, or from the place a "where" clause hangs on;
the date from a date expression in the trigger's clause or a clause above it; the number of
troops or items from the object's numeral; status, source and number qualifiers from the words
in ``kg/data/modality.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib.resources import files

from kg.errors import OntologyError
from kg.extract.dates import normalise_date
from kg.extract.linking import ArticleContext
from kg.records import EVENT_TYPES, Event, Span

__all__ = ["Lexicon", "load_lexicon", "extract_events", "parse_quantity"]

_ACTOR_TYPES = {"State", "Person", "Organization", "MilitaryUnit"}
_PLACE_TYPES = {"Place", "State"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "on"}
_COMPANION_PREPS = {"with", "between", "alongside", "among"}
_MOVE_PREPS = {"to", "into"}
_TIME_PREPS = {"since", "until", "before", "after", "from"}


@dataclass(frozen=True)
class Lexicon:
    """Trigger lemmas by part of speech, per-type options, and the modality word lists."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    min_participants: dict[str, int]
    cargo: frozenset[str]
    future: frozenset[str]
    future_only: frozenset[str]
    cargo_types: dict[str, str]
    modality: dict
    qualifiers: dict[str, str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the trigger and modality lexicons, checking every event type against the ontology."""
    data = tomllib.loads((files("kg") / "data" / "triggers.toml").read_text(encoding="utf-8"))
    modality = tomllib.loads((files("kg") / "data" / "modality.toml").read_text(encoding="utf-8"))
    verbs, nouns, minimum, cargo, future, cargo_types = {}, {}, {}, set(), set(), {}
    for type_, entry in data.items():
        if not isinstance(entry, dict):
            continue
        if type_ not in EVENT_TYPES:
            raise OntologyError(f"kg/data/triggers.toml: [{type_}] is not an event type; "
                                f"use one of {', '.join(EVENT_TYPES)}.")
        verbs.update({lemma: type_ for lemma in entry.get("verbs", [])})
        nouns.update({lemma: type_ for lemma in entry.get("nouns", [])})
        minimum[type_] = entry.get("min_participants", 1)
        if entry.get("cargo"):
            cargo.add(type_)
            cargo_types.update({noun: type_ for noun in entry.get("cargo_nouns", [])})
        if entry.get("modal_is_future"):
            future.add(type_)
    qualifiers = {phrase: name for name, phrases in modality["qualifiers"].items() for phrase in phrases}
    lists = {key: frozenset(value) for key, value in modality.items() if isinstance(value, list)}
    lists["scales"] = modality["scales"]
    lists["group_nouns"] = modality["group_nouns"]
    return Lexicon(verbs=verbs, nouns=nouns, light_verbs=frozenset(data.get("light_verbs", [])),
                   min_participants=minimum, cargo=frozenset(cargo), future=frozenset(future),
                   future_only=frozenset(data.get("future_only", [])), cargo_types=cargo_types,
                   modality=lists, qualifiers=qualifiers)


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


class _Roles:
    """Role lookups over one paragraph's tokens and the article's linked entities."""

    def __init__(self, doc, token_iris: dict[int, str], context: ArticleContext, lexicon: Lexicon,
                 offset: int):
        self.doc, self.token_iris, self.context, self.lexicon = doc, token_iris, context, lexicon
        self.offset = offset

    def type_of(self, iri: str) -> str:
        return self.context.entities[iri].type

    def actors(self, token) -> list[str]:
        """Return the actors a token stands for, following conjuncts."""
        found = self._actor(token)
        for child in token.children:
            if child.dep_ == "conj":
                found += self.actors(child)
            elif child.dep_ == "appos" and found and any(c.dep_ == "conj" for c in child.children):
                # "Mali, Burkina Faso and Niger" is sometimes parsed as an apposition.
                found += self.actors(child)
        return list(dict.fromkeys(found))

    def _actor(self, token) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in _ACTOR_TYPES:
            return [iri]
        pronouns = self.lexicon.modality
        if token.lower_ in pronouns["person_pronouns"]:
            return self._antecedent(token, {"Person"})
        if token.lower_ in pronouns["group_pronouns"]:
            return self._coordinated_before(token) or self._group_antecedent(token)
        group = pronouns["group_nouns"].get(token.lemma_.lower())
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in pronouns["person_pronouns"]), None)
        if group == ["State"] and owner is not None:
            # "her government", "his country": the state of the person meant.
            person = self._antecedent(owner, {"Person"})
            state = self.context.entities[person[0]].state if person else None
            return [state] if state else []
        if group and any(c.lower_ == "the" for c in token.children):
            # "the two leaders", "both sides": the last two actors of that kind; "the country".
            count = 2 if any(c.lower_ in {"two", "both"} for c in token.children) or token.tag_ == "NNS" else 1
            return self._antecedent(token, set(group), count=count)
        # "North Korea's Foreign Minister, Choe Son Hui": the title noun heads the phrase;
        # "North Korean troops": the force stands for its state.
        for dep in ("appos", "compound", "poss", "amod", "nmod"):
            for child in token.children:
                if child.dep_ == dep:
                    found = self._actor(child)
                    if found:
                        return found
        return []

    def _antecedent(self, token, types: set[str], count: int = 1) -> list[str]:
        found: list[str] = []
        for mention in reversed(self.context.mentions):
            if mention.span.start < self.offset + token.idx and self.type_of(mention.entity) in types \
                    and mention.entity not in found:
                found.append(mention.entity)
                if len(found) == count:
                    break
        return found if len(found) == count else []

    def _group_antecedent(self, token) -> list[str]:
        # "Lee … met Ishiba. They pledged …": two people just named; otherwise the last group.
        last = self._antecedent(token, _ACTOR_TYPES)
        if last and self.type_of(last[0]) == "Person":
            return self._antecedent(token, {"Person"}, count=2) or last
        return self._antecedent(token, {"State", "Organization", "MilitaryUnit"})

    def _coordinated_before(self, token) -> list[str]:
        # "Moscow and Tehran … the treaty they signed": the pair named earlier in the sentence.
        for node in reversed(list(token.sent[:token.i - token.sent.start])):
            if any(c.dep_ == "conj" for c in node.children):
                found = self.actors(node)
                if len(found) >= 2:
                    return found
        return []

    def places(self, token, *, agent: str | None = None) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in _PLACE_TYPES:
            return [iri]
        if token.lemma_.lower() in self.lexicon.modality["place_nouns"]:
            # "the resort city of Wonsan"
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = self.places(pobj, agent=agent)
                    if found:
                        return found
        if token.lemma_ == "capital" and any(c.lower_ == "the" for c in token.children):
            # "in the capital": the capital of the agent's state.
            state = agent if agent and self.type_of(agent) == "State" else \
                (self.context.entities[agent].state if agent else None)
            capital = self.context.gazetteer.capital_by_state.get(state or "")
            if capital:
                self.context.add(capital, token.text, self.offset + token.idx)
                return [capital]
        return []


def extract_events(doc, *, offset: int, token_iris: dict[int, str], context: ArticleContext,
                   published: date | None, article_text: str) -> Iterator[Event]:
    """Yield the events of one parsed paragraph that starts at ``offset`` in the article."""
    lexicon = load_lexicon()
    roles = _Roles(doc, token_iris, context, lexicon, offset)
    for sent in doc.sents:
        found: list[tuple[object, Event]] = []
        for token in sent:
            type_ = _trigger_type(token, lexicon)
            if type_ is None:
                continue
            for event in _build_events(token, type_, sent, roles, published, article_text):
                if len(event.participants) >= lexicon.min_participants[type_]:
                    found.append((token, event))
        seen = set()
        for token, event in _richest(found):
            # "X said that Y sent troops": what X said is the deployment, with X as its source.
            if event.type == "Statement" and (event.status == "negated" or any(
                    other is not token and (token in other.ancestors or _reports_on(token, other))
                    for other, e in found if e.type != "Statement")):
                # "X has not confirmed it" states nothing.
                continue
            key = (event.type, frozenset(event.participants), event.quantity)
            if key not in seen:
                seen.add(key)
                yield event


def _speaks_of_future(token, lexicon: Lexicon) -> bool:
    # "would support", "ready to support", "will continue to support"
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall"} for c in token.children):
        return True
    return token.dep_ == "xcomp" and (token.head.lemma_.lower() in lexicon.modality["future_heads"]
                                      or _speaks_of_future(token.head, lexicon))


def _reports_on(token, other) -> bool:
    # "North Korea sent troops, the agency said": the saying hangs on the event it reports.
    return token.head is other and token.dep_ in {"ccomp", "parataxis", "advcl"}


def _richest(found: list[tuple[object, Event]]) -> list[tuple[object, Event]]:
    """Drop an event whose cast is part of another's of the same type in the sentence.

    "arrived in Moscow for a state visit" is one visit, found by both "arrived" and "visit".
    """
    kept = []
    for token, event in found:
        larger = any(other.type == event.type and other.quantity == event.quantity
                     and set(event.participants) < set(other.participants) for _, other in found)
        if not larger:
            kept.append((token, event))
    return kept


def _trigger_type(token, lexicon: Lexicon) -> str | None:
    if token.pos_ == "VERB":
        lemma = token.lemma_.lower()
        if lemma in lexicon.future_only and not _speaks_of_future(token, lexicon):
            return None
        return lexicon.verbs.get(lemma)
    if token.pos_ == "NOUN":
        return lexicon.nouns.get(token.lemma_.lower())
    return None


def _clause_head(token, lexicon: Lexicon):
    """Return the verb whose subject and modifiers belong to the event."""
    node = token
    # "held talks", "held three hours of talks", "made a visit"
    for _ in range(3):
        if node.pos_ not in {"NOUN", "ADP"} or token.pos_ != "NOUN":
            break
        if node.dep_ in {"dobj", "attr"} and node.head.lemma_ in lexicon.light_verbs:
            return node.head
        if node.dep_ not in {"pobj", "prep"}:
            break
        node = node.head
    return token


def _prepositions(tokens) -> Iterator:
    for token in tokens:
        for child in token.children:
            if child.dep_ in {"prep", "agent"} or (child.dep_ == "conj" and child.pos_ == "ADP"):
                yield child
                yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")


def _subject(head, roles: _Roles) -> tuple[list[str], list[str], object | None]:
    """Return (agents, passive subjects, passive subject token), climbing to a governing clause."""
    node = head
    while node is not None:
        agents, patients, patient_token = [], [], None
        for child in node.children:
            if child.dep_ in {"nsubj", "csubj"}:
                agents += roles.actors(child)
            elif child.dep_ == "nsubjpass":
                patients += roles.actors(child)
                patient_token = child
            elif child.dep_ == "agent":
                for pobj in child.children:
                    agents += roles.actors(pobj)
        if agents or patients or patient_token is not None:
            return agents, patients, patient_token
        if node.dep_ == "acl":
            # "North Korean troops fighting alongside Russian forces"
            return roles.actors(node.head), [], None
        if node.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj", "ccomp", "acomp"} \
                or node.head is node:
            return _adjacent_actor(head, roles), [], None
        if node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "VERB":
            # "accused Pyongyang of sending shells": the object of the verb is the doer.
            doers = [a for c in node.head.children if c.dep_ == "dobj" for a in roles.actors(c)]
            if doers:
                return doers, [], None
        node = node.head
    return [], [], None


def _adjacent_actor(head, roles: _Roles) -> list[str]:
    # The parser sometimes leaves a subject unattached ("… region, Chief of the General Staff
    # Valery Gerasimov credited …"): take an actor that ends right before the verb.
    index = head.i - 1
    while index >= head.sent.start and head.doc[index].pos_ in {"ADV", "AUX", "PART"}:
        index -= 1
    if index >= head.sent.start:
        iri = roles.token_iris.get(index)
        if iri and roles.type_of(iri) in _ACTOR_TYPES:
            return [iri]
    return []


def _cargo_quantity(token, roles: _Roles) -> tuple[int | None, str | None]:
    """Return the number and qualifier of the troops or items a token names."""
    for child in token.children:
        if child.dep_ in {"nummod", "quantmod"} and child.like_num:
            words = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
            words = words or " ".join(t.lower_ for t in token.children if t.dep_ in {"advmod", "quantmod"})
            tail = " ".join(t.text for t in child.subtree)
            return parse_quantity(tail, roles.lexicon.modality["scales"]), _qualifier(words, roles.lexicon)
    if token.like_num:
        return parse_quantity(token.text, roles.lexicon.modality["scales"]), None
    return None, None


def _qualifier(words: str, lexicon: Lexicon) -> str | None:
    if not words:
        return "exactly"
    for phrase in sorted(lexicon.qualifiers, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", words):
            return lexicon.qualifiers[phrase]
    return "exactly"


def _cargo_type(trigger, type_: str, head, lexicon: Lexicon) -> str | None:
    """Return the event type that what is sent makes of a cargo trigger, or None for no event.

    A number or a name as the object ("sent 10,000 to Russia", "supplied Russia with …") keeps
    the trigger's type; an object that is neither people nor arms ("sent good wishes") makes none.
    """
    nouns = [c for node in (head, trigger) for c in node.children
             if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN", "NUM"}]
    # "supplied Russia with shells"; "the transfer of F-16 jets"
    carriers = {"with", "of"} if trigger.pos_ == "NOUN" else {"with"}
    nouns += [p for node in (head, trigger) for prep in node.children if prep.dep_ == "prep"
              and prep.lower_ in carriers for p in prep.children if p.dep_ == "pobj"]
    kinds = {lexicon.cargo_types.get(n.lemma_.lower()) for n in nouns}
    kinds.discard(None)
    if any(n.pos_ in {"PROPN", "NUM"} for n in nouns):
        return type_
    if not kinds:
        return None
    return type_ if type_ in kinds else kinds.pop()


def _build_events(trigger, type_: str, sent, roles: _Roles, published: date | None,
                  article_text: str) -> Iterator[Event]:
    lexicon = roles.lexicon
    if type_ in lexicon.cargo:
        type_ = _cargo_type(trigger, type_, _clause_head(trigger, lexicon), lexicon)
        if type_ is None:
            return
    cargo = type_ in lexicon.cargo
    head = _clause_head(trigger, lexicon)
    agents, patients, patient_token = _subject(head, roles)
    if trigger.pos_ == "NOUN" and head is trigger:
        agents = _noun_agents(trigger, roles)
    others, places, recipients = [], [], []
    quantity = qualifier = None
    if cargo and patient_token is not None:
        # "about 1,000 North Korean engineers have been sent": the passive subject is the cargo.
        quantity, qualifier = _cargo_quantity(patient_token, roles)
        agents = agents or patients
    else:
        others += patients
    objects = [c for c in list(head.children) + ([] if head is trigger else list(trigger.children))
               if c.dep_ in {"dobj", "dative"} and c is not trigger]
    for obj in objects:
        direct = roles.token_iris.get(obj.i)
        if cargo and direct and roles.type_of(direct) in _ACTOR_TYPES:
            # "supplied Russia with shells": the object is the receiver, the cargo follows "with".
            recipients += roles.actors(obj)
            for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"):
                for cargo_token in (c for c in prep.children if c.dep_ == "pobj"):
                    quantity, qualifier = _cargo_quantity(cargo_token, roles)
            continue
        if cargo:
            if quantity is None:
                quantity, qualifier = _cargo_quantity(obj, roles)
            agents = agents or roles.actors(obj)
            continue
        places += [p for p in roles.places(obj) if roles.type_of(p) == "Place"]
        others += roles.actors(obj)
        if type_ == "Combat":
            places += [p for t in obj.subtree for p in roles.places(t) if roles.type_of(p) == "Place"]
    agent_hint = agents[0] if agents else None
    cargo_tokens = objects + ([patient_token] if patient_token is not None else []) if cargo else []
    for prep in _prepositions(_place_heads(head, trigger) + cargo_tokens):
        word = prep.lower_
        for pobj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            if word in _COMPANION_PREPS and not (cargo and recipients):
                others += roles.actors(pobj)
            elif word in _MOVE_PREPS and type_ in {"Visit", "Deployment", "Transfer"}:
                found = roles.places(pobj, agent=agent_hint)
                places += [p for p in found if roles.type_of(p) == "Place"]
                recipients += [p for p in found if roles.type_of(p) == "State"] \
                    or [a for a in roles.actors(pobj) if type_ != "Visit" or roles.type_of(a) == "Person"]
            elif word in _PLACE_PREPS:
                places += roles.places(pobj, agent=agent_hint)
    places += _where_clause_place(head, roles)
    if type_ == "Visit" and not recipients and places and len(agents) == 1:
        recipients += _host_state(agents[0], places[0], roles)
    participants = list(dict.fromkeys(agents + others + recipients))
    if not participants:
        return
    start, end = roles.offset + sent.start_char, roles.offset + sent.end_char
    status, source = _modality(trigger, head, sent, roles, modal_hedges=type_ not in lexicon.future)
    when = _date_for(head, sent, published, future=status == "hedged")
    agent = agents[0] if len(agents) == 1 else None
    recipient_options = list(dict.fromkeys(recipients or [o for o in others if o not in agents]))
    recipient = recipient_options[0] if agent and len(recipient_options) == 1 else None
    place = next((p for p in places if p not in participants or roles.type_of(p) == "Place"), None)
    event = Event(
        type=type_,
        evidence=Span(article_text[start:end], start, end),
        participants=tuple(participants),
        agent=agent,
        recipient=recipient,
        place=place,
        date=when.value if when else None,
        date_text=when.text if when else None,
        earliest=when.earliest if when else None,
        latest=when.latest if when else None,
        quantity=quantity,
        quantity_qualifier=qualifier if quantity is not None else None,
        agreement=_agreement(head, trigger, sent, roles),
        status=status,
        source=source,
        confidence=_confidence(participants, place, when, status),
        trigger=trigger.text,
    )
    yield event
    if cargo:
        yield from _follow_on(event, head, roles)


def _host_state(visitor: str, place: str, roles: _Roles) -> list[str]:
    """Return the state a visit to ``place`` is hosted by, when it is not the visitor's own."""
    entities = roles.context.entities
    host = place if entities[place].type == "State" else entities[place].state
    own = visitor if entities[visitor].type == "State" else entities[visitor].state
    if not host or host == own:
        return []
    roles.context.register(host)
    return [host]


def _noun_agents(trigger, roles: _Roles) -> list[str]:
    # "Xi's visit"; "their contributions to operations around Korenevo": the possessor of the
    # noun, or of the nearest noun above it through prepositions; "X held talks during a visit
    # to Russia": else the subject of the verb the phrase hangs on.
    node = trigger
    for _ in range(4):
        owners = [a for c in node.children if c.dep_ == "poss" for a in roles.actors(c)]
        if owners:
            return owners
        if node.pos_ in {"VERB", "AUX"}:
            return [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
        if node.dep_ not in {"pobj", "prep"} or node.head is node:
            return []
        node = node.head
    return []


def _place_heads(head, trigger) -> list:
    # "pledged to erect a monument in the capital": places hang on the verbs and objects of
    # the clauses the trigger governs.
    heads = [head, trigger]
    for node in list(heads):
        for child in node.children:
            if child.dep_ == "xcomp":
                heads.append(child)
                heads += [c for c in child.children if c.dep_ == "dobj"]
    return list(dict.fromkeys(heads))


def _follow_on(event: Event, head, roles: _Roles) -> Iterator[Event]:
    """Yield a hedged copy for "with another 5,000 expected to follow"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for pobj in prep.children:
            if not pobj.like_num or not any(t.lower_ in {"another", "more", "further", "additional"}
                                            for t in pobj.subtree):
                continue
            hedged = any(t.lemma_ in roles.lexicon.modality["hedge_verbs"] or
                         t.lower_ in roles.lexicon.modality["hedge_adjectives"] for t in pobj.subtree)
            yield replace(event, quantity=parse_quantity(pobj.text), quantity_qualifier="exactly",
                          status="hedged" if hedged else event.status,
                          confidence=round(event.confidence * 0.8, 2), trigger=pobj.text)


def _confidence(participants: list[str], place, when, status: str) -> float:
    # More filled roles, more support from the text; hedged reports count for less.
    score = 0.5 + 0.15 * (len(participants) >= 2) + 0.1 * (place is not None) \
        + 0.1 * (when is not None and when.earliest is not None)
    if status == "hedged":
        score *= 0.8
    return round(min(score, 0.95), 2)


def _agreement(head, trigger, sent, roles: _Roles) -> str | None:
    scope = {t.i for t in head.subtree} | {t.i for t in trigger.subtree}
    for token in sent:
        iri = roles.token_iris.get(token.i)
        if not iri or roles.type_of(iri) != "Agreement":
            continue
        if token.i in scope or any(a.lower_ in {"under", "within"} for a in token.ancestors):
            return iri
    return None


def _where_clause_place(head, roles: _Roles) -> list[str]:
    # "arrived in Moscow, where she held talks": the relative clause hangs on the place.
    node = head
    while node.dep_ in {"conj", "xcomp"} and node.head is not node:
        node = node.head
    if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
        return roles.places(node.head)
    return []


def _date_for(head, sent, published: date | None, *, future: bool = False):
    # A date belongs to the trigger's clause, or to a clause that governs it ("In late October,
    # she arrived in Moscow, where she held talks": the date hangs on "arrived").
    governing = [head, *head.ancestors]
    best, best_rank = None, len(governing)
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        attach = ent.root.head
        while attach.dep_ in {"prep", "pobj", "npadvmod", "amod"} and attach.head is not attach \
                and attach not in governing:
            attach = attach.head
        if attach in governing and governing.index(attach) < best_rank:
            best, best_rank = ent, governing.index(attach)
    if best is None:
        return None
    text = best.text
    if best.root.head.lower_ in _TIME_PREPS and best.root.dep_ == "pobj":
        text = f"{best.root.head.text} {text}"
    return normalise_date(text, published=published, future=future)


def _governing_clause(head, words) -> list:
    """Return the words above the trigger up to, not including, a verb that reports it."""
    chain = []
    for node in head.ancestors:
        if node.lemma_ in words["reporting_verbs"]:
            break
        chain.append(node)
    return chain


def _modality(trigger, head, sent, roles: _Roles, *, modal_hedges: bool = True) -> tuple[str, str | None]:
    words = roles.lexicon.modality
    auxiliaries = words["hedge_auxiliaries"] if modal_hedges else frozenset()
    status = "asserted"
    if any(c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither" or
           c.dep_ == "nsubj" and any(g.dep_ == "preconj" and g.lower_ == "neither" for g in c.children)
           for node in (trigger, head) for c in node.children) \
            or any(node.lemma_ in words["denial_verbs"] for node in head.ancestors):
        status = "negated"
    elif any(c.lower_ in auxiliaries or c.lower_ in words["hedge_adverbs"]
             for node in (trigger, head, *_governing_clause(head, words)) for c in node.children) \
            or any(node.lemma_ in words["hedge_verbs"] or node.lower_ in words["hedge_adjectives"]
                   for node in head.ancestors):
        status = "hedged"
    source = None
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                for pobj in prep.children:
                    found = roles.actors(pobj)
                    source = source or (found[0] if found else None)
    if source is None:
        reporters = list(head.ancestors) + [c for c in head.children if c.dep_ in {"ccomp", "parataxis"}]
        for node in reporters:
            if node.lemma_ in words["reporting_verbs"]:
                speakers = [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
                if speakers:
                    source = speakers[0]
                    break
    return status, source
