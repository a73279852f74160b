"""Find events in a parsed paragraph and fill their roles from the dependency parse.

A trigger word opens an event (``triggers.py``, words in ``kg/data/triggers.toml``). Its agent is the grammatical
subject (of the trigger, of the light verb whose object it is, or of the clause it hangs in);
other participants come from its object and from "with/alongside …" phrases; the place from
"in/at/near/around …", from "to …" for movements, or from the place a "where" clause hangs on;
the date from a date expression in the trigger's clause or a clause above it; the number of
troops or items from the object's numeral; status, source and number qualifiers from the words
in ``kg/data/modality.toml``. ``reconcile.py`` then settles what each sentence's candidates become.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from kg.extract.lexicon import NEUTRAL_CARGO, Lexicon, load_lexicon, parse_quantity, qualifier
from kg.extract.linking import ArticleContext
from kg.extract.modality import date_for, modality, negated
from kg.extract.reconcile import reconcile
from kg.extract.roles import ACTOR_TYPES, Roles
from kg.extract.triggers import trigger_type, troops_moving
from kg.records import Event, Span

__all__ = ["extract_events"]

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "on", "over"}
_COMPANION_PREPS = {"with", "between", "alongside", "among"}
_MOVE_PREPS = {"to", "into"}
_TARGET_PREPS = {"at", "against", "on"}


def extract_events(doc, *, offset: int, token_iris: dict[int, str], context: ArticleContext,
                   published: date | None, article_text: str) -> Iterator[Event]:
    """Yield the events of one parsed paragraph that starts at ``offset`` in the article."""
    lexicon = load_lexicon()
    roles = Roles(doc, token_iris, context, lexicon, offset)
    for sent in doc.sents:
        found: list[tuple[object, Event]] = []
        for token in sent:
            type_ = trigger_type(token, lexicon)
            if type_ is None:
                continue
            for event in _build_events(token, type_, sent, roles, published, article_text):
                if len(event.participants) >= lexicon.min_participants[type_] or _body_meets(event, roles):
                    found.append((token, event))
        events = tuple(reconcile(sent, found, roles))
        yield from events
        context.last_subject = roles.subject_people(sent)
        context.last_events = events


def _body_meets(event: Event, roles: Roles) -> bool:
    # "NATO leaders ended a two-day summit in Vilnius": one organisation meets as a whole.
    return event.type == "Meeting" and len(event.participants) == 1 \
        and roles.type_of(event.participants[0]) == "Organization"


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
            if child.dep_ in {"prep", "agent"} or (child.dep_ in {"conj", "dative"} and child.pos_ == "ADP"):
                yield child
                yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")


def _subject(head, roles: Roles) -> tuple[list[str], list[str], object | None]:
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
        if agents and not patients and node.dep_ == "conj" and any(c.dep_ == "auxpass" for c in node.children):
            # "arrived in Pyongyang and was greeted by Kim": the first verb's subject is greeted.
            patients = [a for c in node.head.children if c.dep_ == "nsubj" for a in roles.actors(c)]
        if not agents and patients and node is not head and head.dep_ == "xcomp":
            # "Lavrov is expected to visit Pyongyang": the one expected is the one who acts.
            return patients, [], None
        if agents or patients or patient_token is not None:
            return agents, patients, patient_token
        if node.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in node.children):
            # "Berlin offered the systems after a stray missile killed two men": a clause with a
            # subject of its own is not done by the one in the clause above.
            return [], [], None
        if node.dep_ == "acl" and roles.actors(node.head):
            # "North Korean troops fighting alongside Russian forces"; but "accepted an
            # invitation to visit" climbs on to who accepted.
            return roles.actors(node.head), [], None
        # A clause reported by "said" has its own subject: the reporter is not its agent.
        if node.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj", "acomp", "acl"} \
                or node.head is node:
            return _adjacent_actor(head, roles), [], None
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in roles.lexicon.modality["request_verbs"]:
            # "asked Putin to station the missiles": the one asked is the one to act, and never
            # the one asking ("urged the delegations to agree").
            asked = [c for c in node.head.children if c.dep_ == "dobj"]
            if asked:
                return [a for c in asked for a in roles.actors(c)], [], None
        if node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "VERB":
            # "accused Pyongyang of sending shells": the object of the verb is the doer.
            doers = [a for c in node.head.children if c.dep_ == "dobj" for a in roles.actors(c)]
            if doers:
                return doers, [], None
        node = node.head
    return [], [], None


def _adjacent_actor(head, roles: Roles) -> list[str]:
    # The parser sometimes leaves a subject unattached ("… region, Chief of the General Staff
    # Valery Gerasimov credited …"): take an actor that ends right before the verb.
    index = head.i - 1
    while index >= head.sent.start and head.doc[index].pos_ in {"ADV", "AUX", "PART"}:
        index -= 1
    if index >= head.sent.start:
        iri = roles.token_iris.get(index)
        if iri and roles.type_of(iri) in ACTOR_TYPES:
            return [iri]
    return []


def _cargo_quantity(token, roles: Roles) -> tuple[int | None, str | None]:
    """Return the number and qualifier of the troops or items a token names."""
    for child in token.children:
        if child.dep_ in {"nummod", "quantmod"} and child.like_num:
            words = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
            words = words or " ".join(t.lower_ for t in token.children if t.dep_ in {"advmod", "quantmod"})
            tail = " ".join(t.text for t in child.subtree)
            return parse_quantity(tail, roles.lexicon.modality["scales"]), qualifier(words, roles.lexicon)
    if token.like_num:
        return parse_quantity(token.text, roles.lexicon.modality["scales"]), None
    return None, None


def _cargo_type(trigger, type_: str, head, lexicon: Lexicon) -> str | None:
    """Return the event type that what is sent makes of a cargo trigger, or None for no event.

    A number or a name as the object ("sent 10,000 to Russia", "supplied Russia with …") keeps
    the trigger's type; an object that is neither people nor arms ("sent good wishes") makes none.
    """
    if trigger.lemma_.lower() in lexicon.no_cargo:
        return type_
    nouns = [c for node in (head, trigger) for c in node.children
             if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN", "NUM"}] + _described(trigger)
    # "supplied Russia with shells"; "the transfer of F-16 jets"
    carriers = {"with", "of"} if trigger.pos_ == "NOUN" else {"with"}
    preps = [prep for node in (head, trigger) for prep in node.children if prep.dep_ == "prep"]
    # "will send a THAAD battery to Israel, along with about 100 American soldiers"
    preps += [c for prep in preps if prep.lower_ == "along" for c in prep.children if c.dep_ == "prep"]
    nouns += [p for prep in preps if prep.lower_ in carriers for p in prep.children if p.dep_ == "pobj"]
    # "containers of munitions": what the container holds says what it is.
    nouns += [p for n in nouns for prep in n.children if prep.dep_ == "prep" and prep.lower_ == "of"
              for p in prep.children if p.dep_ == "pobj"]
    # "warplanes and troops"; "arms transfers"
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]
    if trigger.pos_ == "NOUN":
        nouns += [c for c in trigger.children if c.dep_ == "compound"]
    kinds = {lexicon.cargo_types.get(n.lemma_.lower()) for n in nouns}
    kinds.discard(None)
    if kinds == {NEUTRAL_CARGO}:
        return type_
    kinds.discard(NEUTRAL_CARGO)
    if kinds and trigger.lemma_.lower() in lexicon.fixed_type:
        # "deploy missiles" is still a deployment; only "send" and its like follow the cargo.
        return type_
    if any(n.pos_ in {"PROPN", "NUM"} and n.dep_ in {"dobj", "nsubjpass"} for n in nouns):
        return type_
    if not kinds:
        return None
    return type_ if type_ in kinds else kinds.pop()


def _described(trigger) -> list:
    """Return the noun a clause describes when that noun is what the clause's verb acts on: "the
    troops his country had sent", "Iranian weapons supplied to the Houthis"."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in {"relcl", "acl"} or trigger.head.pos_ != "NOUN" \
            or any(c.dep_ in {"dobj", "nsubjpass"} for c in trigger.children):
        return []
    if trigger.dep_ == "relcl" and not any(c.dep_ == "nsubj" for c in trigger.children):
        # "troops who fought": the noun is the clause's subject, not its object.
        return []
    return [trigger.head]


def _build_events(trigger, type_: str, sent, roles: Roles, published: date | None,
                  article_text: str) -> Iterator[Event]:
    lexicon = roles.lexicon
    troops = troops_moving(trigger, type_, lexicon)
    if troops is not None:
        type_ = "Deployment"
    elif type_ in lexicon.cargo:
        type_ = _cargo_type(trigger, type_, _clause_head(trigger, lexicon), lexicon)
        if type_ is None:
            return
    cargo = type_ in lexicon.cargo
    head = _clause_head(trigger, lexicon)
    if any(node.lemma_ in lexicon.modality["reporting_verbs"] and negated(node) for node in head.ancestors):
        # "Moscow has not confirmed that troops are in Russia" reports no event either way.
        return
    agents, patients, patient_token = _subject(head, roles)
    if trigger.lemma_.lower() in lexicon.needs_agent and not agents:
        # "arming Kyiv would be a mistake", "the agreement would strengthen ties": no one acts.
        return
    if type_ == "Pledge" and trigger.pos_ == "VERB" and trigger.lemma_.lower() not in lexicon.verbs \
            and not (agents and all(roles.type_of(a) == "State" for a in agents)):
        # Only a state's "would" told to someone commits it: not "told them the enemy would pay".
        return
    if trigger.lemma_.lower() in lexicon.one_party_pledge and len(agents) == 1 \
            and any(c.dep_ == "xcomp" for c in trigger.children):
        type_ = "Pledge"
    host_verb = None
    if trigger.pos_ == "NOUN" and head is trigger:
        # A noun has no passive subject of its own: "was not given notice of the operation".
        patients, patient_token = [], None
        agents, host_verb = _noun_agents(trigger, roles)
    others, places, recipients = [], [], []
    destinations: list[str] = []  # where a trip goes: "to X and Y", "visited X and Y"
    if type_ == "Meeting" and host_verb is not None:
        # "told his Russian counterpart, Sergei Shoigu, during talks in Moscow": the one told.
        others += [a for c in host_verb.children if c.dep_ in {"dobj", "dative"} for a in roles.actors(c)
                   if roles.type_of(a) == "Person"]
    if type_ == "Combat" and host_verb is not None and host_verb.lemma_.lower() in lexicon.companion_verbs:
        # "had joined Russian forces in combat": those joined fight too.
        others += [a for c in host_verb.children if c.dep_ == "dobj" for a in roles.actors(c)]
    quantity = qualifier = None
    if troops is not None:
        # "about 100 Russian instructors landed in Niamey": the troops' state sends them.
        quantity, qualifier = _cargo_quantity(troops, roles)
    elif type_ == "Combat" and patient_token is not None and trigger.lemma_.lower() in lexicon.interception:
        # "the Iranian drones were shot down by Israel": the drones' side is the other party.
        others += [a for t in patient_token.subtree if lexicon.cargo_types.get(t.lemma_.lower()) == "Transfer"
                   for a in roles.actors(t)]
    elif cargo and patient_token is not None:
        # "about 1,000 North Korean engineers have been sent": the passive subject is the cargo.
        quantity, qualifier = _cargo_quantity(patient_token, roles)
        agents = agents or patients
    else:
        others += patients
    objects = [c for c in list(head.children) + ([] if head is trigger else list(trigger.children))
               if c.dep_ in {"dobj", "dative"} and c is not trigger] + (_described(trigger) if cargo else [])
    for obj in objects:
        direct = roles.token_iris.get(obj.i)
        if cargo and direct and roles.type_of(direct) in ACTOR_TYPES:
            # "supplied Russia with shells": the object is the receiver, the cargo follows "with".
            recipients += roles.actors(obj)
            for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"):
                for cargo_token in (c for c in prep.children if c.dep_ == "pobj"):
                    quantity, qualifier = _cargo_quantity(cargo_token, roles)
            continue
        if cargo and obj.dep_ == "dative":
            # "sending it hundreds of tanks"
            recipients += roles.actors(obj)
            continue
        if cargo:
            if quantity is None:
                quantity, qualifier = _cargo_quantity(obj, roles)
            if trigger.lemma_.lower() in lexicon.carriers and roles.actors(obj):
                # "Russian ships carried North Korean troops": the troops' state sends them.
                others += agents
                agents = roles.actors(obj)
            senders = [a for a in agents if _own_state(a, roles) in roles.actors(obj)]
            if len(agents) > 1 and len(senders) == 1:
                # "Pistorius and Anušauskas signed a roadmap for stationing a German brigade":
                # the troops' state sends them; the other side receives them.
                recipients += [a for a in agents if a not in senders]
                agents = senders
            agents = agents or roles.actors(obj)
            continue
        if trigger.lemma_.lower() not in lexicon.departures:
            # "left Tehran for China": the object is where the trip starts.
            places += [p for p in roles.places(obj) if roles.type_of(p) == "Place"]
        weapon = lexicon.cargo_types.get(obj.lemma_.lower()) == "Transfer"
        if type_ == "Combat" and weapon and trigger.lemma_.lower() in lexicon.interception:
            # "shot down several Ukrainian drones": the drones' side is the other party.
            others += roles.actors(obj)
        elif type_ == "Combat":
            # "struck a factory in the Ukrainian city of Dnipro", "destroyed a Ukrainian warship";
            # but "fired a North Korean missile" says where the weapon came from, not who fought.
            places += [p for t in obj.subtree for p in roles.places(t) if roles.type_of(p) == "Place"]
            if not weapon:
                # "struck the Houthi-controlled port": whoever holds the target.
                found = roles.actors(obj) or [a for t in obj.subtree if t.dep_ in {"npadvmod", "compound"}
                                              and t.head.lemma_.lower() in lexicon.modality["control_verbs"]
                                              for a in roles.actors(t)]
                found += [iri for t in obj.subtree if t.head.lemma_.lower() in lexicon.modality["place_nouns"]
                          and t.dep_ in {"amod", "compound"} and (iri := roles.token_iris.get(t.i))
                          and roles.type_of(iri) == "State"]
                # "struck military sites in Iran": the state the targets are in, when they are no
                # one else's ("struck Houthi targets in Yemen" is the Houthis').
                others += found or [iri for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"
                                    and (iri := roles.token_iris.get(t.i)) and roles.type_of(iri) == "State"]
        elif type_ == "Statement":
            # "accused the United States", "told his guest"; but "condemned Russia's invasion"
            # and "defended her government's decision" address no one.
            others += roles.actors(obj, owners=False)
            # "imposed sanctions on Li", "announced sanctions against Shahed Aviation Industries"
            if obj.lemma_.lower() in lexicon.modality["penalty_nouns"]:
                others += [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in {"on", "against"}
                           for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p, owners=False)]
        elif type_ == "Pledge" and _pledged_by(obj, roles):
            # "he pledged North Korea's full support for Russia's war": the state committed is
            # the agent (the speaker is the source), and what the support is for, the receiver.
            agents = _pledged_by(obj, roles)
            others += [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in {"for", "to"}
                       for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        elif type_ == "Pledge":
            # "would keep expanding cooperation with Russia"
            others += roles.actors(obj)
            others += [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "with"
                       for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        elif type_ == "Visit":
            # "visited North Korea", "visited Tajikistan and Turkmenistan"; but "toured its launch
            # facilities" names no one visited.
            visited = [roles.token_iris.get(t.i) for t in [obj, *(c for c in obj.children if c.dep_ == "conj")]]
            others += [v for v in visited if v and roles.type_of(v) in {"State", "Person"}]
            destinations += [v for v in visited if v]
        else:
            others += roles.actors(obj)
            if type_ == "Signing":
                # "signed an agreement on security guarantees in Minsk"
                places += [p for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS
                           for p in roles.places(t) if roles.type_of(p) == "Place"]
    if type_ == "Transfer" and trigger.lemma_.lower() in lexicon.buyers:
        # "India is set to buy 31 drones from the United States": the buyer receives.
        sellers = [a for prep in _prepositions([head, trigger] + objects) if prep.lower_ == "from"
                   for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        sellers = sellers or list(dict.fromkeys(
            iri for o in objects for t in o.subtree
            if (iri := roles.token_iris.get(t.i)) and roles.type_of(iri) == "State"))
        buyers = [a for a in agents if a not in sellers] or [a for a in others if a not in sellers]
        agents, recipients = sellers, list(dict.fromkeys(recipients + buyers))
    if type_ == "Transfer" and not recipients:
        # "a package of ammunition and other military aid for Ukraine"
        recipients += [a for o in objects for t in o.subtree if t.dep_ == "pobj" and t.head.lower_ == "for"
                       for a in roles.actors(t) if roles.type_of(a) == "State"]
    if cargo:
        # "Biden announced aid for Ukraine", "the State Department approved the sale": troops and
        # arms are sent by a state, not by a person or ministry.
        agents = list(dict.fromkeys(_own_state(a, roles) for a in agents))
        recipients = list(dict.fromkeys(_own_state(a, roles) for a in recipients))
    if type_ == "Combat" and trigger.pos_ == "NOUN" and head is trigger:
        # "Israeli and US strikes": who strikes, even when the sentence is about someone else
        # ("Belarus served as a launch pad for the Russian invasion").
        agents = [a for c in trigger.children if c.dep_ in {"amod", "compound"} for a in roles.actors(c)] or agents
    if type_ == "Combat" and trigger.pos_ == "NOUN":
        # "its invasion of Ukraine": the one invaded.
        others += [a for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    if type_ == "Meeting" and trigger.pos_ == "NOUN":
        # "a summit of the Union State", "the APEC summit": the body that meets takes part.
        others += [a for c in trigger.children if c.dep_ in {"compound", "poss"} for a in roles.actors(c)]
        others += [a for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    if type_ == "Pledge":
        committed, receivers = _pledge_clause(trigger, roles)
        if committed:
            # "Starmer pledged that Britain would keep providing Ukraine with aid": Britain is
            # committed, Starmer is the source.
            agents, others = committed, others + receivers
    agent_hint = agents[0] if agents else None
    cargo_tokens = objects + ([patient_token] if patient_token is not None else []) if cargo else []
    if type_ == "Combat":
        # "used drones against Ukraine": the parse may hang the target on the weapon; "fought a
        # four-day conflict with Pakistan", the other side on the war.
        cargo_tokens = objects
    verb_heads = [host_verb] if host_verb is not None and (type_ in {"Combat", "Visit"} or cargo) else []
    if cargo and trigger.dep_ == "acl" and trigger.lemma_.lower() in lexicon.carriers and trigger.head.dep_ == "nsubj":
        # "Trains carrying the first Russian soldiers arrived in Belarus": where the carriers go.
        verb_heads.append(trigger.head.head)
    for prep in _prepositions(_place_heads(head, trigger) + cargo_tokens + verb_heads):
        word = prep.lower_
        for pobj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            if (word in _COMPANION_PREPS or word == "by" and type_ == "Pledge") and not (cargo and recipients):
                # "travelled with his foreign minister"; but "a visit to Russia, with Israel's war
                # in Gaza on the agenda" brings no one along.
                others += roles.actors(pobj, owners=type_ != "Visit")
            elif word in _TARGET_PREPS and type_ == "Combat":
                # "fired a missile at Ukraine", "fighting against Russian forces", "an attack on Moscow"
                others += roles.actors(pobj)
                places += [p for p in roles.places(pobj, agent=agent_hint) if roles.type_of(p) == "Place"]
            elif (word in _MOVE_PREPS or word == "for" and trigger.lemma_.lower() in lexicon.departures) \
                    and type_ in {"Visit", "Deployment", "Transfer", "Combat", "Pledge"}:
                found = roles.places(pobj, agent=agent_hint)
                destinations += found
                places += [p for p in found if roles.type_of(p) == "Place"]
                recipients += [p for p in found if roles.type_of(p) == "State"] \
                    or [a for a in roles.actors(pobj) if type_ != "Visit" or roles.type_of(a) == "Person"]
            elif word == "to" and type_ == "Statement":
                # "apologised to Putin", "wrote to the UN Security Council": whom it is said to.
                others += roles.actors(pobj, owners=False)
            elif word in _PLACE_PREPS:
                places += roles.places(pobj, agent=agent_hint)
    if type_ == "Visit" and trigger.lemma_.lower() in lexicon.needs_destination and not places and not recipients:
        return
    places += _where_clause_place(head, roles)
    if not places:
        places += _clause_places(head, trigger, roles)
    if troops is not None and not places and not recipients:
        return
    if type_ == "Combat" and trigger.lemma_.lower() in lexicon.interception and not agents and places:
        # "air defences shot down several Ukrainian drones over Belarus": the state defended.
        defender = places[0] if roles.type_of(places[0]) == "State" else roles.context.entities[places[0]].state
        agents = [defender] if defender else []
    if type_ == "Combat":
        # "Russia's Defence Ministry said its Kalibr missiles had destroyed …": a state body's
        # strike is its state's.
        agents = list(dict.fromkeys(_state_body_owner(a, roles) for a in agents))
        others = list(dict.fromkeys(_state_body_owner(a, roles) for a in others))
    if type_ == "Visit" and not agents:
        # "ships heading to Israel": a visit needs someone who goes.
        return
    if type_ in {"Visit", "Combat", "Deployment", "Transfer"} and not recipients and places and len(agents) == 1 \
            and not (type_ == "Combat" and others):
        # The state a visit goes to, troops or arms are sent to, or a strike lands in, is the
        # other side.
        hosts = [h for h in _host_state(agents[0], places[0], roles) if h not in others]
        if type_ == "Visit":
            # A trip's host is the state the sentence names ("the North Korean resort city of
            # Wonsan", "Moscow, Russia"); "flew to Moscow" names a city, which the place keeps.
            hosts = [h for h in hosts if _named_in(sent, h, roles)]
        # Fighting in a state does not make that state the target: it only takes part.
        (others if type_ == "Combat" else recipients).extend(hosts)
    participants = list(dict.fromkeys(agents + others + recipients))
    if not participants or type_ == "Statement" and not agents:
        # A statement needs a speaker: "cooperation did not threaten South Korea's security".
        return
    if cargo and _offered(trigger, lexicon):
        type_ = "Pledge"
    start, end = roles.offset + sent.start_char, roles.offset + sent.end_char
    status, source = modality(trigger, head, sent, roles, modal_hedges=type_ not in lexicon.future)
    when = date_for(head, sent, published, future=status == "hedged")
    agent = agents[0] if len(agents) == 1 else None
    recipient_options = list(dict.fromkeys(recipients or [o for o in others if o not in agents]))
    recipient = recipient_options[0] if agent and len(recipient_options) == 1 else None
    place = next((p for p in places if p not in participants or roles.type_of(p) == "Place"), None)
    if place and roles.type_of(place) == "Place":
        roles.context.last_place = place
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
    stops = _stops(agent, destinations, sent, roles) if type_ == "Visit" and agent else {}
    if len(stops) >= 2:
        # "expected to fly on to Eswatini and then to Angola", "flew to Abu Dhabi and Riyadh",
        # "visited Tajikistan and Turkmenistan": a visit to each.
        for host, stop in stops.items():
            named = host if roles.type_of(host) == "State" else None
            yield replace(event, participants=(agent, named) if named else (agent,), recipient=named, place=stop)
        return
    receivers = [r for r in recipients or others if r not in agents]
    if _each_gives(type_, trigger, agents, [r for r in recipients if r not in agents], objects, roles):
        # "The United States and Germany have each promised Ukraine a Patriot battery": one
        # promise, or one delivery, per giver.
        for giver in agents:
            yield replace(event, participants=tuple(dict.fromkeys([giver] + receivers)), agent=giver,
                          recipient=receivers[0] if len(receivers) == 1 else None)
        return
    yield event
    if cargo:
        yield from _follow_on(event, head, roles)
        yield from _coordinated_cargo(event, objects, roles)


def _each_gives(type_: str, trigger, agents: list[str], recipients: list[str], objects: list, roles: Roles) -> bool:
    """Whether two or more states each give something, rather than commit to each other ("Moscow
    and Kyiv undertook not to attack ships") or move together ("held a joint patrol")."""
    lexicon = roles.lexicon
    if type_ not in {"Pledge", "Transfer", "Deployment"} or trigger.lemma_.lower() in lexicon.no_cargo \
            or len(agents) < 2 or not all(roles.type_of(a) == "State" for a in agents):
        return False
    each = any(t.lower_ == "each" for t in trigger.sent if t.head.i in {trigger.i, trigger.head.i})
    gives = any(lexicon.cargo_types.get(o.lemma_.lower()) for o in objects)
    return each or bool(recipients) or gives


def _offered(trigger, lexicon: Lexicon) -> bool:
    # "ready to keep supplying gas": climb the verbs the trigger completes to the adjective.
    node = trigger
    while node.dep_ == "xcomp" and node.head.pos_ == "VERB":
        node = node.head
    return node.dep_ == "xcomp" and node.head.pos_ == "ADJ" \
        and node.head.lemma_.lower() in lexicon.modality["offer_adjectives"]


def _pledge_clause(trigger, roles: Roles) -> tuple[list[str], list[str]]:
    """Return who a "pledged that X would …" clause commits, and to whom."""
    for clause in (c for c in trigger.children if c.dep_ == "ccomp"):
        committed = [a for c in clause.children if c.dep_ == "nsubj" for a in roles.actors(c)
                     if roles.type_of(a) in {"State", "Organization"}]
        if committed:
            verbs = [clause] + [c for c in clause.subtree if c.dep_ == "xcomp"]
            receivers = [a for v in verbs for c in v.children if c.dep_ in {"dobj", "dative"}
                         for a in roles.actors(c)]
            return committed, receivers
    return [], []


def _pledged_by(obj, roles: Roles) -> list[str]:
    if obj.lemma_.lower() not in roles.lexicon.pledge_objects:
        return []
    return [a for c in obj.children if c.dep_ == "poss" for a in roles.actors(c)
            if roles.type_of(a) in {"State", "Organization"}]


def _own_state(actor: str, roles: Roles) -> str:
    """Return the state a person or a state body acts for, if known, else the actor itself."""
    if roles.type_of(actor) not in {"Person", "Organization"}:
        return actor
    state = roles.context.entities[actor].state
    if state:
        roles.context.register(state)
    return state or actor


def _state_body_owner(actor: str, roles: Roles) -> str:
    # A ministry or army of a state, not an armed group or alliance, which have no state.
    if roles.type_of(actor) != "Organization":
        return actor
    return _own_state(actor, roles)


def _named_in(sent, iri: str, roles: Roles) -> bool:
    return any(roles.token_iris.get(token.i) == iri for token in sent)


def _stops(visitor: str, destinations: list[str], sent, roles: Roles) -> dict[str, str]:
    """Return each place a trip goes to, keyed by its state, or by itself when the sentence names no state."""
    stops: dict[str, str] = {}
    for place in destinations:
        if roles.type_of(place) == "Place":
            hosts = [h for h in _host_state(visitor, place, roles) if _named_in(sent, h, roles)]
            stops.setdefault(hosts[0] if hosts else place, place)
        elif roles.type_of(place) == "State" and place != visitor:
            stops.setdefault(place, place)
    return stops


def _host_state(visitor: str, place: str, roles: Roles) -> list[str]:
    """Return the state a visit to ``place`` is hosted by, when it is not the visitor's own."""
    entities = roles.context.entities
    host = place if entities[place].type == "State" else entities[place].state
    own = visitor if entities[visitor].type == "State" else entities[visitor].state
    if not host or host == own:
        return []
    roles.context.register(host)
    return [host]


def _noun_agents(trigger, roles: Roles) -> tuple[list[str], object | None]:
    """Return the agents of a noun trigger, and the verb they were found on, if any.

    "Xi's visit"; "their contributions to operations around Korenevo": the possessor of the
    noun, or of the nearest noun above it through prepositions; "X held talks during a visit to
    Russia", "troops crossed into Kursk in an offensive": else the subject of the verb the phrase
    hangs on, whose own place phrases then count for the event too.
    """
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children):
        # "asked for a meeting between Putin and Zelenskyy": who asks does not meet.
        return [], None
    doers = [a for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "by"
             for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    if doers:
        # "a possible visit to Russia by North Korea's foreign minister", "an attack by Iran"
        return doers, None
    node, path_word = trigger, None
    for _ in range(6):
        possessors = [c for c in node.children if c.dep_ == "poss"]
        owners = [a for c in possessors for a in roles.actors(c)]
        subjects = [a for c in node.head.children if c.dep_ == "nsubj" for a in roles.actors(c)] \
            if node.dep_ == "dobj" and possessors and all(p.pos_ == "PRON" for p in possessors) else []
        if subjects:
            # "warships from four nations held their first joint patrol": "their" is the subject.
            return subjects, node.head
        named = node.dep_ == "attr" and node.head.lemma_ == "be" and not any(
            c.dep_ == "nsubj" and c.pos_ == "PRON" for c in node.head.children)
        if not possessors and node is trigger and (named or node.dep_ == "dobj" and node.head.lemma_.lower()
                                                   in roles.lexicon.modality["aspect_verbs"]):
            # "Russia and China are the main suppliers of weapons to Myanmar": who is the supplier
            # (but "it was the eighth joint patrol" only counts one told before).
            # "Poland would complete deliveries of ammunition": who completes them delivers.
            return [a for c in node.head.children if c.dep_ == "nsubj" for a in roles.actors(c)], node.head
        if owners or (possessors and node is trigger):
            # A possessor names the agent even when it cannot be linked ("Kim's visit"): the
            # subject of the sentence is then not the agent.
            return owners, None
        if node.pos_ in {"VERB", "AUX"}:
            guests = [a for c in node.children if c.dep_ == "dobj" for a in roles.actors(c)
                      if roles.type_of(a) == "Person"]
            if guests and roles.lexicon.nouns.get(trigger.lemma_.lower()) == "Visit" and path_word == "for":
                # "Biden welcomed Kishida to Washington for a state visit": the guest visits.
                return guests, node
            subjects = [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
            if not subjects and node.dep_ in {"advcl", "xcomp"}:
                # "Speaking at a summit in Tirana, Zelenskyy said", "happy to visit China for a
                # summit": whoever speaks or travels attends.
                subjects = _subject(node, roles)[0]
            return subjects, node
        if node.dep_ not in {"pobj", "prep"} or node.head is node:
            return [], None
        path_word = node.lower_ if node.dep_ == "prep" else path_word
        node = node.head
    return [], None


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


def _follow_on(event: Event, head, roles: Roles) -> Iterator[Event]:
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


def _coordinated_cargo(event: Event, objects: list, roles: Roles) -> Iterator[Event]:
    """Yield one more event per coordinated cargo with its own number.

    "will send 1,000 mine clearance specialists and 5,000 construction workers" is two
    deployments of 1,000 and 5,000.
    """
    for obj in objects:
        for conj in (c for c in obj.children if c.dep_ == "conj"):
            quantity, qualifier_ = _cargo_quantity(conj, roles)
            if quantity is not None and quantity != event.quantity:
                yield replace(event, quantity=quantity, quantity_qualifier=qualifier_, trigger=conj.text)


def _confidence(participants: list[str], place, when, status: str) -> float:
    # More filled roles, more support from the text; hedged reports count for less.
    score = 0.5 + 0.15 * (len(participants) >= 2) + 0.1 * (place is not None) \
        + 0.1 * (when is not None and when.earliest is not None)
    if status == "hedged":
        score *= 0.8
    return round(min(score, 0.95), 2)


def _agreement(head, trigger, sent, roles: Roles) -> str | None:
    scope = {t.i for t in head.subtree} | {t.i for t in trigger.subtree}
    for token in sent:
        iri = roles.token_iris.get(token.i)
        if not iri or roles.type_of(iri) != "Agreement":
            continue
        if token.i in scope or any(a.lower_ in {"under", "within"} for a in token.ancestors):
            return iri
    return None


def _clause_places(head, trigger, roles: Roles) -> list[str]:
    """Find a place the parse hung elsewhere in the trigger's clause, or "there"."""
    # "received Araghchi in Moscow": "in Moscow" hangs on the object, not the verb.
    for token in head.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
            found = [p for p in roles.places(token) if roles.type_of(p) == "Place"]
            if found:
                return found
    # "held talks there": the place of the last event, else the place named last.
    if any(t.lower_ == "there" and t.dep_ == "advmod" for t in (*head.children, *trigger.children)):
        if roles.context.last_place:
            return [roles.context.last_place]
        named = [m.entity for m in roles.context.mentions if roles.type_of(m.entity) == "Place"
                 and m.span.start < roles.offset + head.idx]
        return named[-1:]
    return []


def _where_clause_place(head, roles: Roles) -> list[str]:
    # "arrived in Moscow, where she held talks": the relative clause hangs on the place.
    node = head
    while node.dep_ in {"conj", "xcomp"} and node.head is not node:
        node = node.head
    if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
        return roles.places(node.head)
    return []


