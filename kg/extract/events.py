"""Find events in a parsed paragraph and fill their roles from the dependency parse.

A trigger word opens an event (``triggers.py``, words in ``kg/data/triggers.toml``). Its agent is the grammatical
subject (of the trigger, of the light verb whose object it is, or of the clause it hangs in);
other participants come from its object and from "with/alongside …" phrases; the place from
"in/at/near/around …", from "to …" for movements, or from the place a "where" clause hangs on;
the date from a date expression in the trigger's clause or a clause above it; the number of
troops or items from the object's numeral (``cargo.py``); status, source and number qualifiers
from the words in ``kg/data/modality.toml``. ``reconcile.py`` then settles what each sentence's
candidates become.

A :class:`Frame` collects one candidate's roles. ``_build_events`` fills it in stages: from the
subject, from each object, from the trigger's own noun phrase, from prepositions, and from the
places found; then it makes the event, split where the sentence tells several at once
(``split.py``). Which state stands behind an actor or hosts a place is in ``states.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from kg.extract.cargo import cargo_quantity, cargo_type, offered
from kg.extract.clauses import (agreement, clause_head, clause_places, described, noun_agents, path_up,
                                place_heads, prepositions, subject, where_clause_place)
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.linking import ArticleContext
from kg.extract.modality import date_for, modality, negated
from kg.extract.participants import Chooser
from kg.extract.reconcile import reconcile
from kg.extract.roles import ACTOR_TYPES, Roles
from kg.extract.split import split
from kg.extract.states import firm_state, host_state, named_in, own_state, person_state, state_body_owner
from kg.extract.triggers import absent, named_gatherings, trigger_type, troops_moving
from kg.extract.vocabulary import linking_words
from kg.records import Event, Span

__all__ = ["extract_events", "has_sides"]

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "on", "over", "off"}
_COMPANION_PREPS = {"with", "between", "alongside", "among"}
_MOVE_PREPS = {"to", "into"}
_TARGET_PREPS = {"at", "against", "on", "towards", "toward"}


def extract_events(doc, *, offset: int, token_iris: dict[int, str], context: ArticleContext,
                   published: date | None, article_text: str, chooser: Chooser | None = None) -> Iterator[Event]:
    """Yield the events of one parsed paragraph that starts at ``offset`` in the article.

    ``chooser`` settles each sentence's events' participants (``participants.py``); without it
    they are the ones the rules found.
    """
    lexicon = load_lexicon()
    roles = Roles(doc, token_iris, context, lexicon, offset)
    for sent in doc.sents:
        found: list[tuple[object, Event]] = []
        for token in sent:
            type_ = trigger_type(token, lexicon)
            if type_ is None or _signed_again(token, type_, roles):
                continue
            for event in _build_events(token, type_, sent, roles, published, article_text):
                if _enough(event, roles):
                    found.append((token, event))
        lone = frozenset(t.i for t, e in found if not has_sides(t, e, roles))
        told = list(reconcile(sent, found, roles, lone))
        chosen = chooser(told, roles) if chooser is not None else [event for _, event in told]
        events = tuple(event for (trigger, _), event in zip(told, chosen, strict=True)
                       if has_sides(trigger, event, roles))
        yield from events
        context.told_types.update(e.type for e in events)
        context.last_subject = roles.subject_people(sent)
        context.last_events = events
        context.told_events += events


def _envoys(trigger, roles: Roles) -> list[str]:
    """Return the people a verb of sending sends somewhere: "sent his foreign minister to Zakho"."""
    if trigger.lemma_.lower() not in roles.lexicon.envoy_verbs or trigger.pos_ != "VERB" \
            or not any(c.dep_ == "prep" and c.lower_ in _MOVE_PREPS for c in trigger.children):
        return []
    sent = [a for c in trigger.children if c.dep_ == "dobj" for a in roles.actors(c)]
    return sent if sent and all(roles.type_of(a) == "Person" for a in sent) else []


def _signed_again(trigger, type_: str, roles: Roles) -> bool:
    """Whether a passive signing only tells more of one already reported: "The deal was signed
    in Malé by …", "It was signed by Redwan Hussien"."""
    if type_ != "Signing" or "Signing" not in roles.context.told_types:
        return False
    subject = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and (subject.lower_ in {"it", "this"} or any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children)
        and subject.lemma_.lower() in linking_words()["agreement_heads"] | roles.lexicon.purchase_documents)


def _enough(event: Event, roles: Roles) -> bool:
    """Whether an event has as many participants as its type needs (``min_participants``)."""
    # "NATO leaders ended a two-day summit in Vilnius": one organisation meets as a whole.
    return len(event.participants) >= roles.lexicon.min_participants[event.type] or event.type == "Meeting" \
        and len(event.participants) == 1 and roles.type_of(event.participants[0]) == "Organization"


def has_sides(trigger, event: Event, roles: Roles) -> bool:
    """Whether an event keeps the sides its type needs once its participants are settled: the
    participant model can leave a meeting with one person, or a transfer with its sender alone."""
    lexicon = roles.lexicon
    if not _enough(event, roles):
        return False
    return not (event.type in lexicon.two_sided and len(event.participants) == 1
                and roles.type_of(event.participants[0]) in {"State", "Person"}
                and not (event.type == "Signing" and trigger.lemma_.lower() in lexicon.acts_alone)
                and not enacts(trigger, lexicon))


def enacts(trigger, lexicon: Lexicon) -> bool:
    """Whether a signing makes a law: "signed a decree ratifying the treaty", "signed the package into law"."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.enactments
               or c.dep_ == "prep" and c.lower_ == "into" and any(p.lemma_.lower() == "law" for p in c.children)
               for c in trigger.children)


@dataclass
class Frame:
    """The roles found so far for one trigger."""

    trigger: object
    type: str
    sent: object
    head: object
    roles: Roles
    troops: object | None
    cargo: bool  # troops or arms are sent; fixed before a "ready to send" makes it a pledge
    agents: list[str]
    patients: list[str]
    patient_token: object | None
    host_verb: object | None = None
    others: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)  # where a trip goes: "to X and Y", "visited X and Y"
    objects: list = field(default_factory=list)
    quantity: int | None = None
    qualifier: str | None = None
    speaker: str | None = None  # who makes a pledge on a state's behalf

    @property
    def lemma(self) -> str:
        return self.trigger.lemma_.lower()


def _build_events(trigger, type_: str, sent, roles: Roles, published: date | None,
                  article_text: str) -> Iterator[Event]:
    frame = _open(trigger, type_, sent, roles)
    if frame is None:
        return
    _subject_roles(frame)
    for obj in frame.objects:
        if frame.cargo:
            _cargo_object(frame, obj)
        else:
            _object_roles(frame, obj)
    _settle_cargo(frame)
    _noun_roles(frame)
    if frame.lemma in roles.lexicon.between_states and not _between_states(frame):
        return
    _preposition_roles(frame)
    _invaded(frame)
    if frame.type == "Meeting":
        _gathering_roles(frame)
    if frame.type == "Signing":
        frame.others += _sellers(frame)
    if not _settle_places(frame):
        return
    if frame.type == "Transfer" and roles.lexicon.verbs.get(frame.lemma) == "Deployment" and not frame.recipients \
            and frame.trigger.dep_ != "acl" \
            and any(prep.lower_ in _MOVE_PREPS for prep in prepositions([frame.trigger])):
        # "sent F-16 fighter jets and a destroyer to the region": arms sent somewhere, not to
        # someone, are the sender's own forces deployed (but not "boats carrying supplies to troops").
        frame.type = "Deployment"
    if frame.type == "Visit" and not any(roles.type_of(a) == "Person" for a in frame.agents):
        # A visitor is a person; a force that arrives somewhere is deployed there.
        if not _force_moves(frame):
            return
        frame.type = "Deployment"
    participants = list(dict.fromkeys(frame.agents + frame.others + frame.recipients))
    if not participants or frame.type == "Statement" and not frame.agents:
        # A statement needs a speaker: "cooperation did not threaten South Korea's security".
        return
    if frame.cargo and offered(trigger, roles.lexicon):
        frame.type = "Pledge"
    if frame.type == "Pledge" and _pledge_by_state(frame):
        participants = list(dict.fromkeys(frame.agents + frame.others + frame.recipients))
    event = _event(frame, participants, published, article_text)
    yield from split(frame, event)


def _force_moves(frame: Frame) -> bool:
    """Whether what goes on a visit with no person is a force: troops, ships, aircraft, a fleet or a unit."""
    lexicon, trigger = frame.roles.lexicon, frame.trigger
    node = trigger.head if trigger.pos_ == "NOUN" else trigger
    movers = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if node.dep_ == "relcl":
        # "the carrier USS Ronald Reagan, which docked in Busan"
        movers.append(node.head)
    if node.dep_ == "xcomp":
        # "SAMIDRC, which began arriving in Congo"
        movers += [c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "Two Iranian navy ships, the frigate IRIS Dena and …"; "a company of more than 100 soldiers"
    movers += [c for m in movers for c in m.children if c.dep_ in {"appos", "conj"}]
    movers += [p for m in movers for prep in m.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj"]
    return any(lexicon.cargo_type(m) == "Deployment" or m.lemma_.lower() in lexicon.movers | lexicon.moving_groups
               for m in movers) or any(frame.roles.type_of(a) == "MilitaryUnit" for a in frame.agents)


def _move_preps(trigger) -> list:
    """Return the "to" and "into" phrases of a verb of sending, on it or on an adverb of it:
    "ordered 3,000 troops to Europe", "ordered several hundred US troops back into Somalia"."""
    return [c for node in (trigger, *(c for c in trigger.children if c.dep_ == "advmod"))
            for c in node.children if c.dep_ == "prep" and c.lower_ in _MOVE_PREPS]


def _sent_back_abroad(trigger, roles: Roles) -> bool:
    """Whether troops sent "back" go to a state other than their own: "ordered several hundred US
    troops back into Somalia" deploys them again."""
    sent = [o for o in trigger.children if o.dep_ == "dobj"]
    own = {a for o in sent for a in roles.actors(o)}
    return bool(sent) and any((iri := roles.token_iris.get(p.i)) and roles.type_of(iri) == "State" and iri not in own
                              for prep in _move_preps(trigger) for p in prep.children if p.dep_ == "pobj")


def _ordered_to_do_else(trigger, lexicon: Lexicon) -> bool:
    """Whether troops are ordered to do something other than go somewhere: "ordered the army to
    shoot to kill", "ordered his units to withdraw" (but "ordered units to move closer", "ordered
    3,000 troops to Europe")."""
    if _move_preps(trigger):
        return False
    orders = [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}]
    return bool(orders) and not any(lexicon.verbs.get(t.lemma_.lower()) in {"Deployment", "Visit"}
                                    for order in orders for t in order.subtree if t.pos_ == "VERB")


def _open(trigger, type_: str, sent, roles: Roles) -> Frame | None:
    """Settle the event type and the subject, or return None when the trigger makes no event."""
    lexicon = roles.lexicon
    troops = troops_moving(trigger, type_, lexicon)
    envoys = _envoys(trigger, roles)
    if troops is not None:
        type_ = "Deployment"
    elif envoys:
        type_ = "Visit"
    elif type_ in lexicon.cargo:
        type_ = cargo_type(trigger, type_, clause_head(trigger, lexicon), lexicon)
        if type_ is None:
            return None
    if type_ == "Deployment" and trigger.lemma_.lower() in lexicon.commands and _ordered_to_do_else(trigger, lexicon):
        return None
    cargo = type_ in lexicon.cargo
    head = clause_head(trigger, lexicon)
    if any(node.lemma_ in lexicon.modality["reporting_verbs"] and negated(node) for node in head.ancestors):
        # "Moscow has not confirmed that troops are in Russia" reports no event either way.
        return None
    words = lexicon.modality
    if type_ == "Statement" and any(c.dep_ == "aux" and c.lower_ in words["hedge_auxiliaries"]
                                    for c in trigger.children) \
            and any(a.lemma_ in words["reporting_verbs"] | words["judging_verbs"] for a in trigger.ancestors):
        # "said Russia would respond": a saying yet to come is part of what was said.
        return None
    if type_ == "Deployment" and any(c.dep_ in {"advmod", "prt"} and c.lower_ in lexicon.return_words
                                     or c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.departures
                                     for c in trigger.children) and not _sent_back_abroad(trigger, roles):
        # "ordered the extra forces back to their bases", "ordering the American troops to
        # leave" withdraws them.
        return None
    if type_ != "Pledge" and any(c.dep_ == "aux" and c.lower_ in lexicon.modality["advice_auxiliaries"]
           for node in (trigger, head) for c in node.children) and any(
            c.dep_ == "nsubj" and (c.i in roles.token_iris or c.pos_ == "PROPN") for c in head.children):
        # "Israel should not launch an operation in Rafah": advice to someone, said by whoever
        # gives it; but "the first jets should arrive this year" expects them, and what a pact
        # says its parties "must" do binds them.
        return None
    agents, patients, patient_token = subject(head, roles)
    if envoys:
        # "sent the foreign minister, Fuad Hussein, to Zakho": the one sent travels.
        agents, patients, patient_token = envoys, [], None
    if type_ == "Visit" and trigger.lemma_.lower() in lexicon.trip_verbs:
        # "a tour that took him to Jamaica": the one taken travels. "Rubio is due in El Salvador
        # for talks with Bukele, the next stop on a tour that will take him to Guatemala": "him"
        # is the one the sentence is about, not the one named last.
        taken = [c for c in trigger.children if c.dep_ == "dobj"]
        travellers = roles.subject_people(sent) if any(c.lower_ in {"him", "her"} for c in taken) else ()
        agents = list(travellers) if len(travellers) == 1 else [a for c in taken for a in roles.actors(c)]
        patients, patient_token = [], None
    if type_ == "Visit" and trigger.lemma_.lower() in lexicon.awaited and not agents:
        # "Kritenbrink is expected in Hanoi": the one expected goes.
        agents, patients, patient_token = patients, [], None
    if trigger.lemma_.lower() in lexicon.needs_agent and not agents:
        # "arming Kyiv would be a mistake", "the agreement would strengthen ties": no one acts.
        return None
    if type_ == "Pledge" and trigger.pos_ == "VERB" and trigger.lemma_.lower() not in lexicon.verbs \
            and not (agents and all(roles.type_of(a) == "State" for a in agents)):
        # Only a state's "would" told to someone commits it: not "told them the enemy would pay".
        return None
    if type_ == "Pledge" and trigger.pos_ == "VERB" and any(
            t.lemma_.lower() in lexicon.modality["threat_words"] for c in trigger.children
            if c.dep_ in {"dobj", "ccomp", "xcomp"} for t in c.subtree):
        # "vowed harsh punishment for Israel", "vowed that the deaths would be avenged": a threat.
        type_ = "Statement"
    if trigger.lemma_.lower() in lexicon.one_party_pledge and len(agents) == 1 \
            and any(c.dep_ == "xcomp" for c in trigger.children):
        type_ = "Pledge"
    frame = Frame(trigger, type_, sent, head, roles, troops, cargo, agents, patients, patient_token)
    if trigger.pos_ == "NOUN" and head is trigger:
        # A noun has no passive subject of its own: "was not given notice of the operation".
        frame.patients, frame.patient_token = [], None
        frame.agents, frame.host_verb = noun_agents(trigger, roles)
    return frame


def _subject_roles(frame: Frame) -> None:
    """Add who the light verb or the passive subject brings in, and list the objects."""
    roles, lexicon, trigger, head = frame.roles, frame.roles.lexicon, frame.trigger, frame.head
    host_verb = frame.host_verb
    if frame.type == "Meeting" and host_verb is not None:
        # "told his Russian counterpart, Sergei Shoigu, during talks in Moscow": the one told.
        frame.others += [a for c in host_verb.children if c.dep_ in {"dobj", "dative"} for a in roles.actors(c)
                         if roles.type_of(a) == "Person"]
    if frame.type == "Combat" and host_verb is not None and host_verb.lemma_.lower() in lexicon.companion_verbs:
        # "had joined Russian forces in combat": those joined fight too.
        frame.others += [a for c in host_verb.children if c.dep_ == "dobj" for a in roles.actors(c)]
    if frame.troops is not None:
        # "about 100 Russian instructors landed in Niamey", "were based in Belarus": the troops'
        # state sends them.
        frame.quantity, frame.qualifier = cargo_quantity(frame.troops, roles.lexicon)
        frame.agents = frame.agents or frame.patients
        if frame.troops.dep_ == "attr":
            # "there were no Ugandan troops in Juba": the troops' state, and where they are.
            frame.agents = frame.agents or roles.actors(frame.troops)
    elif frame.type == "Combat" and frame.patient_token is not None and frame.lemma in lexicon.interception:
        # "the Iranian drones were shot down by Israel": the drones' side is the other party.
        frame.others += [a for t in frame.patient_token.subtree
                         if lexicon.cargo_type(t) == "Transfer" for a in roles.actors(t)]
    elif frame.cargo and frame.patient_token is not None:
        # "about 1,000 North Korean engineers have been sent": the passive subject is the cargo.
        frame.quantity, frame.qualifier = cargo_quantity(frame.patient_token, roles.lexicon)
        frame.agents = frame.agents or frame.patients
    elif not (frame.type in {"Signing", "Combat"} and frame.patient_token is not None
              and frame.patient_token.lower_ in {"it", "this", "which", "that"}):
        # "It was signed by Redwan Hussien", "it had been fired from Russia": what is signed or
        # fired is no party to it.
        frame.others += frame.patients
    if frame.type == "Signing" and frame.patient_token is not None:
        # "an agreement between Russia and Iran was signed in January": the parties sign it.
        frame.others += [a for prep in frame.patient_token.children if prep.dep_ == "prep"
                         and prep.lower_ == "between" for p in prep.children if p.dep_ == "pobj"
                         for a in roles.actors(p)]
    frame.objects = [c for c in list(head.children) + ([] if head is trigger else list(trigger.children))
                     if c.dep_ in {"dobj", "dative"} and c is not trigger] + (described(trigger) if frame.cargo else [])
    if frame.type == "Meeting" and frame.lemma in lexicon.sittings:
        # "the council was due to discuss Sudan", "discussed Sudan with Blinken": what is
        # discussed is the topic, not a party.
        frame.objects = []


def _cargo_object(frame: Frame, obj) -> None:
    """Read an object of a cargo trigger: the receiver, or what is sent and who sends it."""
    roles, lexicon = frame.roles, frame.roles.lexicon
    direct = roles.token_iris.get(obj.i)
    with_cargo = [c for c in frame.trigger.children if c.dep_ == "prep" and c.lower_ == "with"]
    # "denies arming the group", "supplying the country with missiles": a reference to someone
    # named earlier receives too, but not a cargo noun ("sent the soldiers").
    referred = lexicon.cargo_type(obj) is None and (frame.lemma in lexicon.receiver_objects
                                                                   or with_cargo) and roles.actors(obj)
    if direct and roles.type_of(direct) in ACTOR_TYPES or referred:
        # "supplied Russia with shells": the object is the receiver, the cargo follows "with".
        frame.recipients += roles.actors(obj)
        for prep in with_cargo:
            for cargo_token in (c for c in prep.children if c.dep_ == "pobj"):
                frame.quantity, frame.qualifier = cargo_quantity(cargo_token, roles.lexicon)
        return
    if obj.dep_ == "dative" and roles.actors(obj):
        # "sending it hundreds of tanks"
        frame.recipients += roles.actors(obj)
        return
    # "have sent Kyiv Leopard 2 tanks": the parser may take the weapon's name for the receiver.
    if obj.dep_ in {"dobj", "dative"} and frame.lemma not in lexicon.buyers:
        _receiver_on_object(frame, obj)
    if frame.lemma in lexicon.troop_verbs:
        # "Russian troops would join Belarusian units": the state whose force they join receives
        # them ("NATO's force in Kosovo" is in Kosovo, not in NATO).
        frame.recipients += [a for a in roles.actors(obj) if roles.type_of(a) == "State"]
        return
    if frame.quantity is None:
        frame.quantity, frame.qualifier = cargo_quantity(obj, roles.lexicon)
    if frame.lemma in lexicon.sightings:
        # "Taiwan spotted six Chinese navy ships": the ships' state deploys them, not who saw them.
        frame.agents = roles.actors(obj)
        return
    if frame.lemma in lexicon.hosting and roles.actors(obj):
        # "Armenia hosts a Russian military base": Russia deploys, Armenia receives.
        frame.recipients += frame.agents
        frame.agents = roles.actors(obj)
        return
    if frame.lemma in lexicon.carriers and roles.actors(obj):
        # "Russian ships carried North Korean troops": the troops' state sends them.
        frame.others += frame.agents
        frame.agents = roles.actors(obj)
    senders = [a for a in frame.agents if own_state(a, roles) in roles.actors(obj)]
    if len(frame.agents) > 1 and len(senders) == 1:
        # "Pistorius and Anušauskas signed a roadmap for stationing a German brigade": the
        # troops' state sends them; the other side receives them.
        frame.recipients += [a for a in frame.agents if a not in senders]
        frame.agents = senders
    frame.agents = frame.agents or roles.actors(obj)


def _name_after(trigger, roles: Roles):
    """Return the linked name that starts right after the trigger ("sent North Korea …"), if any."""
    doc, start = trigger.doc, trigger.i + 1
    iri = roles.token_iris.get(start) if start < len(doc) else None
    if iri is None:
        return None
    end = start
    while end < len(doc) and roles.token_iris.get(end) == iri:
        end += 1
    return doc[start:end]


def _receiver_on_object(frame: Frame, obj) -> None:
    """Read a receiver the parser hung on what is given or promised: "would give the United States
    Russian-made equipment", "has sent North Korea food", "promised Kyiv 31 Abrams"."""
    roles, lexicon = frame.roles, frame.roles.lexicon
    frame.recipients += [a for c in obj.children if c.dep_ == "nmod" and c.i < obj.i
                         and any(d.lower_ == "the" for d in obj.children if d.i < c.i)
                         for a in roles.actors(c) if roles.type_of(a) == "State"]
    # A state's name, not its demonym, right after the verb is whom it is sent to.
    name = _name_after(frame.trigger, roles)
    inside = {t.i for t in obj.subtree}
    if not frame.recipients and name and name[-1].i in inside and name[-1].i < obj.i \
            and lexicon.verbs.get(frame.lemma) != "Visit" \
            and name[-1].dep_ in {"compound", "nmod"} \
            and roles.context.gazetteer.names.get(name.text, ("", "demonym"))[1] != "demonym":
        # "has given Kyiv tanks": a capital there stands for its state.
        named = roles.actors(name[-1]) or [roles.context.gazetteer.capital_of.get(roles.token_iris[name[-1].i])]
        frame.recipients += [a for a in named if a and roles.context.register(a).type == "State"
                             and a not in frame.agents]


def _object_roles(frame: Frame, obj) -> None:
    """Read an object of any other trigger: who or where the event is done to."""
    roles, lexicon, type_ = frame.roles, frame.roles.lexicon, frame.type
    if frame.lemma not in lexicon.departures:
        # "left Tehran for China": the object is where the trip starts.
        frame.places += [p for p in roles.places(obj) if roles.type_of(p) == "Place"]
    weapon = lexicon.cargo_type(obj) == "Transfer"
    if type_ == "Combat" and weapon and frame.lemma in lexicon.interception:
        # "shot down several Ukrainian drones": the drones' side is the other party.
        frame.others += roles.actors(obj)
    elif type_ == "Combat":
        # "struck a factory in the Ukrainian city of Dnipro", "destroyed a Ukrainian warship";
        # but "fired a North Korean missile" says where the weapon came from, not who fought.
        frame.places += [p for t in obj.subtree for p in roles.places(t) if roles.type_of(p) == "Place"]
        if not weapon or frame.lemma not in lexicon.firing_verbs:
            frame.others += _combat_target(obj, roles, strike=frame.lemma in roles.lexicon.strikes)
    elif type_ == "Statement":
        # "accused the United States", "told his guest"; but "condemned Russia's invasion"
        # and "defended her government's decision" address no one.
        # "ordered Sweden's ambassador to leave": an envoy stands for the state that sent them.
        # "praised Turkey's efforts", "condemned China's actions": whose deeds are judged (but
        # "condemned Russia's invasion" is an event of its own, and "welcomed his comments" what
        # was said).
        judged = frame.lemma in lexicon.modality["judging_verbs"] \
            and obj.lemma_.lower() not in lexicon.nouns.keys() | lexicon.modality["said_nouns"] \
            and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in obj.children)
        frame.others += roles.actors(obj, owners=judged or obj.lemma_.lower() in lexicon.modality["envoy_nouns"])
        # "imposed sanctions on Li", "announced sanctions against Shahed Aviation Industries",
        # "lodged a protest with China"
        words = {"on", "against"} if obj.lemma_.lower() in lexicon.modality["penalty_nouns"] else \
            {"to", "from", "with"} if obj.lemma_.lower() in lexicon.modality["dealings_nouns"] else \
            {"to", "with"} if obj.lemma_.lower() in lexicon.modality["protest_nouns"] else set()
        frame.others += [a for prep in prepositions([obj]) if prep.lower_ in words
                         for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p, owners=False)]
        if obj.lemma_.lower() in lexicon.modality["envoy_nouns"]:
            # "recalled its ambassador to Tunisia", "… from Ankara": the state the envoy is posted to.
            posts = [iri for prep in prepositions([obj]) if prep.lower_ in {"to", "from"}
                     for p in prep.children if p.dep_ == "pobj" and (iri := roles.token_iris.get(p.i))
                     and roles.type_of(iri) in {"State", "Place"}]
            frame.others += [s for iri in posts if (s := iri if roles.type_of(iri) == "State"
                                                    else roles.context.entities[iri].state)]
    elif type_ == "Pledge" and _pledged_by(obj, roles):
        # "he pledged North Korea's full support for Russia's war": the state committed is
        # the agent (the speaker is the source), and what the support is for, the receiver.
        frame.agents = _pledged_by(obj, roles)
        frame.others += [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in {"for", "to"}
                         for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    elif type_ == "Pledge":
        # "would keep expanding cooperation with Russia"
        frame.others += roles.actors(obj)
        if obj.dep_ == "dobj":
            _receiver_on_object(frame, obj)
        frame.others += [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "with"
                         for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    elif type_ == "Visit":
        # "visited North Korea", "visited Tajikistan and Turkmenistan"; but "toured its launch
        # facilities" names no one visited.
        visited = [roles.token_iris.get(t.i) for t in [obj, *(c for c in obj.children if c.dep_ == "conj")]]
        frame.others += [v for v in visited if v and roles.type_of(v) in {"State", "Person"}]
        frame.destinations += [v for v in visited if v]
    else:
        # A law is signed by its signer alone, whoever the treaty it ratifies binds.
        alone = type_ == "Signing" and enacts(frame.trigger, lexicon)
        frame.others += [] if alone else roles.actors(obj)
        if type_ == "Signing":
            # "signed an agreement on security guarantees in Minsk"
            frame.places += [p for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS
                             for p in roles.places(t) if roles.type_of(p) == "Place"]
            # "signed a letter of intent with Swedish Prime Minister Ulf Kristersson"
            frame.others += [] if alone else [a for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "with"
                                              for a in roles.actors(t)]


def _combat_target(obj, roles: Roles, *, strike: bool) -> list[str]:
    """Return whose target a strike's object is (``strike``: the trigger is a strike)."""
    lexicon = roles.lexicon
    # "struck the Houthi-controlled port": whoever holds the target.
    found = roles.actors(obj) or [a for t in obj.subtree if t.dep_ in {"npadvmod", "compound"}
                                  and t.head.lemma_.lower() in lexicon.modality["control_verbs"]
                                  for a in roles.actors(t)]
    # "ports held by Yemen's Houthis"
    found = found or [a for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"
                      and t.head.head.lemma_.lower() in lexicon.modality["control_verbs"]
                      for a in roles.actors(t, owners=False)]
    # "struck the headquarters of Hezbollah": whose the target is.
    found = found or [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    # "launched a wave of drones against Ukraine": whom the weapons are aimed at.
    found = found or [a for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"
                      for a in roles.actors(t)]
    found += [iri for t in obj.subtree if t.head.lemma_.lower() in lexicon.modality["place_nouns"]
              and t.dep_ in {"amod", "compound"} and (iri := roles.token_iris.get(t.i))
              and roles.type_of(iri) == "State"]
    # "struck military sites in Iran": the state the targets are in, when they are no one
    # else's ("struck Houthi targets in Yemen" is the Houthis'). A town seized ("seized Goma, the
    # largest city in eastern Congo") is no one's.
    if found or not strike and roles.token_iris.get(obj.i) and roles.type_of(roles.token_iris[obj.i]) == "Place":
        return found
    # "hideouts in Iran's Sistan-Baluchestan province"
    return [iri for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ in {"in", "across"}
            for n in (t, *(c for c in t.children if c.dep_ == "poss"))
            if (iri := roles.token_iris.get(n.i)) and roles.type_of(iri) == "State"]


def _settle_cargo(frame: Frame) -> None:
    """Make a buyer the receiver, and put states, not people, on both ends of a delivery."""
    roles, lexicon = frame.roles, frame.roles.lexicon
    if frame.type == "Transfer" and frame.lemma in lexicon.buyers:
        # "India is set to buy 31 drones from the United States": the buyer receives.
        sellers = [a for prep in prepositions([frame.head, frame.trigger] + frame.objects) if prep.lower_ == "from"
                   for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        sellers = sellers or list(dict.fromkeys(
            iri for o in frame.objects for t in o.subtree
            if (iri := roles.token_iris.get(t.i)) and roles.type_of(iri) == "State"))
        buyers = [a for a in frame.agents if a not in sellers] or [a for a in frame.others if a not in sellers]
        frame.agents, frame.recipients = sellers, list(dict.fromkeys(frame.recipients + buyers))
    if frame.type == "Transfer" and not frame.recipients and frame.trigger.dep_ == "acl" \
            and frame.trigger.tag_ == "VBN":
        # "its air force flies Kfir jets supplied by Israel", "relies on jets donated by Russia":
        # whoever has them received them.
        frame.recipients += [a for a in _holders(frame.trigger.head, roles) if a not in frame.agents]
    if frame.type in {"Transfer", "Pledge"} and not frame.recipients:
        # "a package of ammunition and other military aid for Ukraine"; "donors pledged €5.8 billion
        # for Syria", "$567 million in weapons for Taiwan"
        # ("announced 2 billion dollars in military financing for Ukraine": the parser may hang
        # what the sum holds on the verb.)
        contents = [p for prep in frame.trigger.children if prep.dep_ == "prep" and prep.lower_ == "in"
                    for p in prep.children if p.dep_ == "pobj" and roles.lexicon.cargo_type(p)] if frame.objects else []
        frame.recipients += [iri for o in frame.objects + contents for t in o.subtree
                             if t.dep_ == "pobj" and t.head.lower_ == "for"
                             for iri in [*roles.actors(t), roles.token_iris.get(t.i)]
                             if iri and (roles.type_of(iri) == "State" or roles.self_governed(iri))]
    if frame.type == "Pledge" and not frame.recipients and any(roles.lexicon.cargo_type(o) == "Pledge"
                                                               for o in frame.objects):
        # "announced C$100 million to equip and train Haiti's national police": whom the money is for.
        purposes = [c for c in frame.trigger.children if c.dep_ in {"xcomp", "advcl"}
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        frame.recipients += [a for v in purposes for verb in [v, *v.conjuncts] for o in verb.children
                             if o.dep_ == "dobj" for a in roles.actors(o)
                             if roles.type_of(a) == "State" and a not in frame.agents]
    if frame.cargo:
        # "Biden announced aid for Ukraine", "the State Department approved the sale": troops and
        # arms are sent by a state, not by a person or ministry.
        frame.agents = list(dict.fromkeys(own_state(a, roles) for a in frame.agents))
        frame.recipients = list(dict.fromkeys(own_state(a, roles) for a in frame.recipients))


def _holders(noun, roles: Roles) -> list[str]:
    """Return who has a thing: its possessor ("Argentina's jets"), else the subject of the verb
    it is the object of ("Colombia's air force flies Kfir jets"), each for their state."""
    owners = [a for c in noun.children if c.dep_ == "poss" for a in roles.actors(c)]
    node = noun
    while not owners and node.dep_ in {"dobj", "pobj", "prep", "conj", "appos"} and node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB" and node.dep_ != "prep":  # "including" is a preposition here
            owners = [a for c in node.children if c.dep_ == "nsubj" for a in roles.actors(c)]
            break
    return list(dict.fromkeys(own_state(a, roles) for a in owners))


def _noun_roles(frame: Frame) -> None:
    """Read who a trigger noun's own modifiers name, and who a pledge's clause commits."""
    roles, trigger, type_ = frame.roles, frame.trigger, frame.type
    if type_ == "Combat" and trigger.pos_ == "NOUN" and frame.head is trigger:
        # "Israeli and US strikes": who strikes, even when the sentence is about someone else
        # ("Belarus served as a launch pad for the Russian invasion").
        frame.agents = [a for c in trigger.children if c.dep_ in {"amod", "compound"}
                        for a in roles.actors(c)] or frame.agents
    if type_ == "Combat" and trigger.pos_ == "NOUN":
        # "an attack that Baghdad blames on Turkey", "an attack Tehran blamed on Israel": whose
        # attack it is said to be. The parser may hang the clause on a noun inside the phrase
        # ("an attack on a resort that Baghdad blames on Turkey").
        blamed = [a for clause in trigger.subtree if clause.dep_ == "relcl"
                  and clause.lemma_.lower() in roles.lexicon.modality["blaming_verbs"]
                  for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "on"
                  for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        if blamed:
            frame.agents = blamed
        # "its invasion of Ukraine": the one invaded.
        frame.others += [a for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
    if type_ == "Meeting" and trigger.pos_ == "NOUN":
        # "a summit of the Union State", "the APEC summit": the body that meets takes part.
        frame.others += [a for c in trigger.children if c.dep_ in {"compound", "poss"} for a in roles.actors(c)]
        frame.others += [a for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p)]
        # "talks hosted by Saudi Arabia", "a summit co-chaired by Ruto and Mnangagwa", "talks
        # mediated by Beijing": whoever hosts, chairs or mediates takes part; so does whoever
        # attends ("the summit of the CSTO, which was also attended by Tokayev").
        # ("talks convened by the African Union and mediated by Obasanjo": each clause of a pair.)
        bodies = [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children]
        clauses = [*trigger.children, *(c for b in bodies for c in b.children)]
        clauses += [c for clause in clauses if clause.dep_ == "acl" for c in clause.conjuncts]
        lexicon = roles.lexicon
        hosting = [c for c in clauses if c.lemma_.lower() in lexicon.light_verbs and (
            c.dep_ == "acl" and c.head.i == trigger.i or c.dep_ == "conj" and c.head.dep_ == "acl")]
        # (The parser may hang that clause on a noun after the gathering's: "summit in Nairobi,
        # which was attended by …", "talks on the crisis in Bangkok that were attended by …".)
        attending = [c for c in trigger.subtree if c.dep_ == "relcl" and c.lemma_.lower() in lexicon.gathering_words
                     and all(t.pos_ in {"NOUN", "PROPN", "ADP", "PUNCT"} for t in path_up(c, trigger)[1:])]
        frame.others += [a for clause in hosting + attending
                         for by in clause.children if by.dep_ == "agent"
                         for p in by.children if p.dep_ == "pobj" for a in roles.actors(p)]
    if type_ == "Pledge":
        committed, receivers = _pledge_clause(trigger, roles)
        if committed:
            # "Starmer pledged that Britain would keep providing Ukraine with aid": Britain is
            # committed, Starmer is the source.
            frame.agents, frame.others = committed, frame.others + receivers
            if all(roles.type_of(a) == "State" for a in committed):
                # "Dissanayake assured his guest that Sri Lanka would …": a state's promise is
                # made to the state of the one told.
                frame.others = [a for a in dict.fromkeys(person_state(o, roles) for o in frame.others)
                                if a not in committed]
    if type_ == "Pledge" and any(roles.type_of(o) == "State" for o in frame.others):
        # "Sogavare assured the Americans that …": a leader's pledge to another state commits his
        # own, and he is its source; "Kim pledged to erect a monument" stays his own.
        states = list(dict.fromkeys(person_state(a, roles) for a in frame.agents))
        if states != frame.agents and len(frame.agents) == 1:
            frame.speaker = frame.agents[0]
        frame.agents = states


def _invaded(frame: Frame) -> None:
    """Give an invasion that names no one invaded a state besides the invader: of those the sentence
    names before it, else of all the article names, the one named most ("Poland has given Kyiv
    200 tanks since Russia invaded"); none on a tie."""
    roles = frame.roles
    if frame.type != "Combat" or frame.lemma not in roles.lexicon.invasions or frame.others or frame.recipients:
        return
    invaders = {own_state(a, roles) for a in frame.agents}
    if len(invaders) != 1:
        return
    entities = roles.context.entities
    # Its cities count for a state: "Kyiv" as often as "Ukraine".
    states = (m.entity if entities[m.entity].type == "State" else entities[m.entity].state
              for m in roles.context.mentions if entities[m.entity].type in {"State", "Place"})
    named = Counter(s for s in states if s and s not in invaders)
    # The states the sentence names before it first: "Poland has given Kyiv 200 tanks since Russia
    # invaded"; but not "Turkey invaded after a coup backed by Greece".
    sent = frame.trigger.sent
    here = Counter(own for t in sent[:frame.trigger.i - sent.start] if (iri := roles.token_iris.get(t.i))
                   and (own := iri if entities[iri].type == "State" else entities[iri].state) in named)
    ranked = sorted(((here[s], n), s) for s, n in named.items())[::-1]
    if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
        frame.others.append(ranked[0][1])


def _between_states(frame: Frame) -> bool:
    """Read a state's commitment to another ("the US commitment to his country's defence");
    False when the noun does not tie two states."""
    roles, trigger = frame.roles, frame.trigger
    owners = [c for c in trigger.children if c.dep_ in {"poss", "compound"}]
    owners += [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj"]
    givers = [a for t in owners for a in roles.actors(t) if roles.type_of(a) == "State"]
    goals = [c for c in trigger.children if c.dep_ == "acl" or c.dep_ == "prep" and c.lower_ == "to"]
    receivers = [a for g in goals for t in g.subtree for a in roles.actors(t)
                 if roles.type_of(a) == "State" and a not in givers]
    if not givers or not receivers:
        return False
    frame.agents, frame.others = givers[:1], list(dict.fromkeys(frame.others + receivers[:1]))
    return True


def _preposition_roles(frame: Frame) -> None:
    """Read companions, targets, destinations and places from the clause's prepositions."""
    roles, lexicon, trigger, type_, cargo = frame.roles, frame.roles.lexicon, frame.trigger, frame.type, frame.cargo
    agent_hint = frame.agents[0] if frame.agents else None
    cargo_tokens = frame.objects + ([frame.patient_token] if frame.patient_token is not None else []) if cargo else []
    if type_ == "Combat":
        # "used drones against Ukraine": the parse may hang the target on the weapon; "fought a
        # four-day conflict with Pakistan", the other side on the war.
        cargo_tokens = frame.objects
    if frame.troops is not None and frame.troops.dep_ == "attr":
        cargo_tokens = cargo_tokens + [frame.troops]
    # "sent the carrier HMS Prince of Wales and its strike group to Australia": the parser hangs
    # where they go on the last of what is sent.
    cargo_tokens = cargo_tokens + [c for t in cargo_tokens for c in t.conjuncts if c.i > t.i]
    # "send a submarine armed with nuclear weapons to South Korea": or on what describes it.
    cargo_tokens = cargo_tokens + [c for t in cargo_tokens for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if type_ in {"Statement", "Meeting"}:
        # "lodged a protest with Iran's ambassador": the words are the object, and so is whom
        # they are addressed to; "paid a courtesy call on Marcos": whom the call is on.
        cargo_tokens = [o for o in frame.objects if o.lemma_.lower() in lexicon.object_senses.get(frame.lemma, {})]
    verb_heads = [frame.host_verb] if frame.host_verb is not None and (type_ in {"Combat", "Visit"} or cargo) else []
    if cargo and trigger.dep_ == "acl" and frame.lemma in lexicon.carriers and trigger.head.dep_ == "nsubj":
        # "Trains carrying the first Russian soldiers arrived in Belarus": where the carriers go.
        verb_heads.append(trigger.head.head)
    if type_ == "Signing" and frame.lemma in lexicon.acts_alone:
        # "handed over the country's instrument of accession to Antony Blinken": to its keeper,
        # wherever the parser hangs "to".
        frame.others += [a for o in frame.objects for t in o.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"
                         for a in roles.actors(t, owners=False)]
    for prep in prepositions(place_heads(frame.head, trigger) + cargo_tokens + verb_heads):
        word = prep.lower_
        for pobj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            if (word in _COMPANION_PREPS or word == "by" and type_ == "Pledge") and not (cargo and frame.recipients):
                # "travelled with his foreign minister"; but "a visit to Russia, with Israel's war
                # in Gaza on the agenda" brings no one along.
                frame.others += [a for a in roles.actors(pobj, owners=type_ != "Visit")
                                 if not (type_ == "Deployment" and roles.type_of(a) == "Organization")]
            elif word in _TARGET_PREPS and type_ == "Combat":
                # "fired a missile at Ukraine", "fighting against Russian forces", "an attack on
                # Moscow", "strikes on military sites in Iran" (when someone strikes them)
                frame.others += _combat_target(pobj, roles, strike=True) if frame.agents else roles.actors(pobj)
                frame.places += [p for p in roles.places(pobj, agent=agent_hint) if roles.type_of(p) == "Place"]
            elif (word in _MOVE_PREPS or word == "for" and frame.lemma in lexicon.departures) \
                    and type_ in {"Visit", "Deployment", "Transfer", "Combat", "Pledge"}:
                found = roles.places(pobj, agent=agent_hint)
                frame.destinations += found
                frame.places += [p for p in found if roles.type_of(p) == "Place"]
                # "the sale of NASAMS systems to Taiwan": a place no state holds receives too.
                frame.recipients += [p for p in found if roles.type_of(p) == "State"
                                     or type_ == "Transfer" and roles.self_governed(p)] \
                    or [a for a in roles.actors(pobj) if type_ != "Visit" or roles.type_of(a) == "Person"]
            elif word == "through" and frame.troops is not None:
                # "warships sailed through the Taiwan Strait"; but a leader travelling through a
                # country on the way visits only where the trip ends.
                frame.places += [p for p in roles.places(pobj) if roles.type_of(p) == "Place"]
            elif type_ == "Meeting" and word in {"on", "upon"} and (prep.head in cargo_tokens
                                                                 or frame.lemma in lexicon.calls_on):
                # "paid a courtesy call on Marcos", "called on President Putin in the Kremlin"
                frame.others += roles.actors(pobj, owners=False)
            elif type_ == "Statement" and (word == "to" or word in {"on", "upon"} and frame.lemma in lexicon.calls_on):
                # "apologised to Putin", "wrote to the UN Security Council", "called on China to
                # act": whom it is said to.
                frame.others += roles.actors(pobj, owners=False)
            elif word in _PLACE_PREPS:
                frame.places += roles.places(pobj, agent=agent_hint)


def _gathering_roles(frame: Frame) -> None:
    """Give who attended or missed a gathering that gathering: the one named, else the one told
    before ("Khawaja Asif also attended the meeting", "Dong Jun stayed away from the forum")."""
    roles, trigger = frame.roles, frame.trigger
    gathering = roles.context.last_gathering if roles.context.last_gathering not in frame.agents else None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {"attend", "join"} \
            and any(c.lower_ == "the" for c in trigger.children) and not frame.others \
            and not any(c.dep_ in {"compound", "poss", "prep", "amod"} for c in trigger.children) and gathering:
        frame.others.append(gathering)
    # "speaking at the Munich Security Conference": the gathering is met.
    frame.others += [a for p in named_gatherings(trigger, roles.lexicon) for a in roles.actors(p)
                     if roles.type_of(a) == "Organization"]
    if absent(trigger, roles.lexicon):
        heads = [trigger, *(c for c in trigger.children if c.dep_ in {"prt", "advmod"})]
        named = [p for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "from"
                 for p in prep.children if p.dep_ == "pobj"]
        # "stayed away from planned talks with Pashinyan": those the talks were to be with.
        missed = [a for p in named for t in p.subtree if t.i == p.i or t.dep_ == "pobj" and t.head.lower_ == "with"
                  for a in roles.actors(t)]
        told = gathering and not any(c.dep_ == "prep" for p in named for c in p.children)
        frame.others += missed or ([gathering] if told else [])


def _sellers(frame: Frame) -> list[str]:
    """Return who sells what a contract is signed to buy: "signed a contract to buy 24 of the jets
    from Denmark" is signed with Denmark."""
    roles = frame.roles
    buying = [c for node in [frame.trigger, *frame.objects] for c in node.children
              if c.dep_ in {"xcomp", "acl", "advcl"} and c.lemma_.lower() in roles.lexicon.buyers]
    goods = [o for verb in buying for o in verb.children if o.dep_ == "dobj"]
    return [a for prep in prepositions(buying + goods) if prep.lower_ == "from"
            for p in prep.children if p.dep_ == "pobj" for a in roles.actors(p) if a not in frame.agents]


def _voyage(frame: Frame) -> bool:
    """Whether ships or aircraft go somewhere on their own, where no place is named: "the US
    destroyer USS Higgins sailed close to the shoal", "a US carrier has visited the country"; but
    not "Red Cross aircraft flew hundreds of detainees" (a transport) nor troops."""
    lexicon, trigger = frame.roles.lexicon, frame.trigger
    if frame.lemma in lexicon.sightings:
        # Seen "around the island": the trigger tells the route.
        return True
    if frame.lemma not in lexicon.voyages or lexicon.cargo_type(frame.troops) == "Deployment":
        return False
    if frame.lemma == "visit":
        return any(c.dep_ == "dobj" for c in trigger.children)
    return not any(c.dep_ == "dobj" for c in trigger.children) and any(
        c.lower_ in lexicon.voyage_routes for c in trigger.children if c.dep_ in {"prep", "advmod"})


def _settle_places(frame: Frame) -> bool:
    """Find places the prepositions missed and the states they stand for; False drops the event."""
    roles, lexicon, type_ = frame.roles, frame.roles.lexicon, frame.type
    if type_ == "Visit" and frame.lemma in lexicon.needs_destination and not frame.places and not frame.recipients:
        return False
    frame.places += where_clause_place(frame.head, roles)
    if not frame.places:
        frame.places += clause_places(frame.head, frame.trigger, roles, said=type_ == "Statement")
    if frame.troops is not None and not frame.places and not frame.recipients and not any(
            t.lemma_.lower() in lexicon.frontier_nouns and t.dep_ in {"dobj", "pobj"} for t in frame.trigger.subtree) \
            and not _voyage(frame):
        return False
    if type_ == "Combat" and frame.lemma in lexicon.interception and not frame.agents and frame.places:
        # "air defences shot down several Ukrainian drones over Belarus": the state defended.
        first = frame.places[0]
        defender = first if roles.type_of(first) == "State" else roles.context.entities[first].state
        frame.agents = [defender] if defender else []
    if type_ == "Combat":
        # "Russia's Defence Ministry said its Kalibr missiles had destroyed …": a state body's
        # strike is its state's.
        frame.agents = list(dict.fromkeys(state_body_owner(a, roles) for a in frame.agents))
        frame.others = list(dict.fromkeys(state_body_owner(a, roles) for a in frame.others))
    if type_ == "Transfer":
        # Arms bought from "South Korea's Hanwha" or by "Malaysia's Defence Ministry" go from one
        # state to another; the contract is the firm's (a signing).
        party = {a: firm_state(state_body_owner(a, roles), frame.sent, roles)
                 for a in (*frame.agents, *frame.others, *frame.recipients)}
        frame.agents = list(dict.fromkeys(party[a] for a in frame.agents))
        frame.others = list(dict.fromkeys(party[a] for a in frame.others))
        frame.recipients = list(dict.fromkeys(party[a] for a in frame.recipients))
    if type_ == "Visit" and not frame.agents:
        # "ships heading to Israel": a visit needs someone who goes.
        return False
    if type_ == "Visit" and (frame.lemma == "be" or frame.lemma in lexicon.stays) and not (
            frame.places and roles.type_of(frame.agents[0]) == "Person"
            and host_state(frame.agents[0], frame.places[0], roles)):
        # "Zelenskyy was in Washington" is a trip; "Putin was in Moscow" is not.
        return False
    if type_ == "Combat" and not frame.others and any(
            t.dep_ == "pobj" and t.lemma_.lower() in lexicon.test_waters and t.i not in roles.token_iris
            for t in frame.trigger.subtree):
        # "fired two ballistic missiles into the sea": a test, with no one fought; but a named
        # sea is where the fighting is ("attacking merchant ships in the Red Sea").
        return False
    if type_ == "Combat" and frame.lemma in lexicon.firing_verbs and frame.trigger.pos_ == "VERB" \
            and any(lexicon.cargo_type(o) == "Transfer" for o in frame.objects) \
            and not any(t.dep_ == "prep" and t.lower_ in _TARGET_PREPS | {"into"}
                        and not any(p.ent_type_ in {"DATE", "TIME"} for p in t.children)
                        for t in frame.trigger.subtree) \
            and not any(a.lemma_.lower() in lexicon.modality["denial_verbs"] for a in frame.trigger.ancestors):
        # "North Korea fired an intercontinental ballistic missile": a launch at no one is a test
        # (but "denied firing any missiles" denies an attack).
        return False
    if type_ == "Combat" and frame.lemma in lexicon.casualty_verbs and frame.trigger.pos_ == "VERB" \
            and any(c.dep_ == "auxpass" for c in frame.trigger.children) \
            and not any(c.dep_ == "agent" for c in frame.trigger.children):
        # "about 600 soldiers had been killed": losses counted, not a fight told.
        return False
    if type_ in {"Visit", "Combat", "Deployment", "Transfer"} and not frame.recipients and frame.places \
            and len(frame.agents) == 1 \
            and not (type_ == "Combat" and (frame.others or frame.lemma not in lexicon.strikes)):
        # The state a visit goes to, troops or arms are sent to, or a strike lands in, is the
        # other side; a city seized or fighting in a state names no one.
        hosts = [h for h in host_state(frame.agents[0], frame.places[0], roles) if h not in frame.others]
        if type_ == "Deployment" and any(roles.token_iris.get(t.i) == frame.places[0] and t.dep_ == "pobj"
                                         and t.head.lower_ in lexicon.nearby_preps for t in frame.sent):
            # "stationed more than 100,000 troops near Ukraine": close by, not in it.
            hosts = []
        if type_ == "Visit" or type_ == "Deployment" and lexicon.verbs.get(frame.lemma) != "Visit" \
                and frame.places[0] not in frame.destinations:
            # A trip's host is the state the sentence names ("the North Korean resort city of
            # Wonsan", "Moscow, Russia"); "flew to Moscow" names a city, which the place keeps.
            # So is the host of troops kept somewhere ("stationed at a base in Niamey" names
            # none), unlike that of troops or ships arriving ("docked in Busan").
            hosts = [h for h in hosts if h == frame.places[0] or named_in(frame.sent, h, roles)]
        if type_ == "Combat" and roles.context.entities[frame.places[0]].label in lexicon.unengaged_places:
            # "bombarding Gaza from the air": the fight is with the armed groups there.
            hosts = []
        # Fighting in a state does not make that state the target: it only takes part.
        (frame.others if type_ == "Combat" else frame.recipients).extend(hosts)
    elif type_ == "Deployment" and not frame.recipients and len(frame.agents) > 1 and frame.places \
            and roles.type_of(frame.places[0]) == "State" and frame.places[0] not in frame.agents:
        # "troops from Russia, Belarus and Armenia are deployed in Kazakhstan": the state they are
        # in hosts one force, not one per sender.
        frame.others.append(frame.places[0])
    return True


def _event(frame: Frame, participants: list[str], published: date | None, article_text: str) -> Event:
    roles, trigger, head, sent = frame.roles, frame.trigger, frame.head, frame.sent
    start, end = roles.offset + sent.start_char, roles.offset + sent.end_char
    status, source = modality(trigger, head, sent, roles, modal_hedges=frame.type not in roles.lexicon.future)
    source = source or frame.speaker
    if absent(trigger, roles.lexicon):
        # "stayed away": the meeting did not take place for them.
        status = "negated"
    if frame.lemma in roles.lexicon.awaited and status == "asserted":
        # "is expected in Hanoi": the visit is still to come.
        status = "hedged"
    if frame.cargo and status == "asserted" \
            and roles.lexicon.modality["approval_verbs"] & {head.lemma_, trigger.lemma_}:
        # "approved the sale of 40 F-16s", "announced $1.85 billion in military aid": not yet sent.
        status = "hedged"
    contracted = frame.cargo and _contracted(head, roles.lexicon)
    if contracted and status == "asserted":
        status = "hedged"
    if frame.type == "Pledge" and trigger.lemma_.lower() not in roles.lexicon.verbs and status == "negated":
        # "told them the United States would not walk away": the promise is made.
        status = "asserted"
    # The day something was said, or warned of, dates only a saying or a promise, not what it
    # reports.
    words = roles.lexicon.modality
    when = date_for(head, sent, published, future=status == "hedged", same_day=roles.context.last_day,
                    reporting=frozenset() if frame.type in {"Statement", "Pledge"}
                    else words["reporting_verbs"] | words["judging_verbs"])
    if contracted:
        # The day and the place are the contract's, not the delivery's.
        when, frame.places = None, []
    if when is not None and when.earliest is not None and when.earliest == when.latest:
        roles.context.last_day = when.earliest
    agent = frame.agents[0] if len(frame.agents) == 1 else None
    recipient_options = list(dict.fromkeys(r for r in frame.recipients or frame.others if r not in frame.agents))
    recipient = recipient_options[0] if agent and len(recipient_options) == 1 else None
    place = next((p for p in frame.places if p not in participants or roles.type_of(p) == "Place"), None)
    if place is None and frame.type == "Visit" and recipient and roles.type_of(recipient) == "State":
        # "would be happy to visit China": a trip to a state names no city, so it goes to the state.
        place = recipient
    if place and roles.type_of(place) == "Place":
        roles.context.last_place = place
    return Event(
        type=frame.type,
        evidence=Span(article_text[start:end], start, end),
        participants=tuple(participants),
        agent=agent,
        recipient=recipient,
        place=place,
        date=when.value if when else None,
        date_text=when.text if when else None,
        earliest=when.earliest if when else None,
        latest=when.latest if when else None,
        quantity=frame.quantity,
        quantity_qualifier=frame.qualifier if frame.quantity is not None else None,
        agreement=agreement(head, trigger, sent, roles),
        status=status,
        source=source,
        trigger=trigger.text,
    )


def _contracted(head, lexicon) -> bool:
    """Whether a delivery is what a contract is signed for: "signed a contract in April to buy 24
    of the jets" (the parser hangs "to buy" on the contract or on the signing)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    if head.dep_ == "acl":
        return head.head.lemma_.lower() in lexicon.purchase_documents
    return head.dep_ == "advcl" and any(o.dep_ == "dobj" and o.lemma_.lower() in lexicon.purchase_documents
                                        for o in head.head.children)


def _pledge_by_state(frame: Frame) -> bool:
    """Make the state of one leader or minister who promises the one committed, and them the
    source, and tell whether it did: "Putin promised to increase Russian gas deliveries to Uzbekistan" commits Russia to
    Uzbekistan. What several leaders pledge together, what one assures another of, and a promise to
    no one ("Kim pledged to erect a monument in the capital") stay the person's own."""
    roles = frame.roles
    counterparts = frame.others + frame.recipients
    # "Baerbock announced a further €300 million": a sum is the state's, whoever receives it.
    money = any(roles.lexicon.cargo_type(t) == "Pledge" for o in frame.objects for t in [o, *o.children])
    if len(frame.agents) != 1 or roles.type_of(frame.agents[0]) != "Person" or not (counterparts or money) \
            or any(roles.type_of(o) == "Person" for o in counterparts):
        return False
    person = frame.agents[0]
    state = person_state(person, roles)
    if state == person:
        return False
    frame.speaker = frame.speaker or person
    frame.agents = [state]
    frame.others = [o for o in frame.others if o != state]
    frame.recipients = [r for r in frame.recipients if r != state]
    return True


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
