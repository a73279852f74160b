"""What one sentence's candidate events become.

Triggers are read one by one; a sentence often tells one event several times or wraps one event
in another. Here a participle or a purpose folds into the event it tells more of, what is said
becomes the source of the event it reports (and a body that only cites a fact says nothing of
its own), a denial in a clause of its own adds a negated copy, a summons to protest adds the
protest, talks on a trip take in those who travel with the visitor, what is promised stays
inside its pledge (a promise to help is one promise), and the same event found twice is kept once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kg.extract.clauses import path_up
from kg.extract.lexicon import Lexicon
from kg.extract.roles import Roles, verb_above
from kg.extract.states import own_state
from kg.records import Event, Span

__all__ = ["reconcile"]

# Words that open a clause saying when something else happened: "…, as the two leaders met".
_WHEN = frozenset({"as", "when", "while"})
# Acts a denial of "the accusation" can deny when the sentence before tells none.
_CHARGED_ACTS = frozenset({"Combat", "Transfer", "Deployment"})
# Prepositions that say when or where a promise was made, not what it promises.
_WHEN_PREPS = frozenset({"during", "at", "after", "before"})


def reconcile(sent, found: list, roles: Roles, lone: frozenset[int] = frozenset()) -> Iterator[tuple[object, Event]]:
    """Yield the events of one sentence from its candidates; both are (trigger, event) pairs.

    ``lone`` holds the indices of triggers whose events have lost a side they need, so that
    they will not be kept: a saying that reports only one of them still says something.
    """
    lexicon, context = roles.lexicon, roles.context
    # "struck 60 targets, hitting radar sites": the participle tells more of the same strike;
    # "fought alongside Russian troops to drive Ukrainian forces out": so does the purpose.
    found = _fold_elaborations(found, roles)
    # "Kirby said the United States welcomed any effort": what is said, not a second statement.
    # (A body that only cites what was told is no saying: "Biden told Zelenskyy …, the White House said".)
    reporters = [t for t, e in found if e.type == "Statement" and t.lemma_ in lexicon.modality["reporting_verbs"]
                 and not _body_cites(t, e, roles)]
    found = _fold_said(found, reporters)
    found = [(t, _promised_to(t, e, reporters, roles)) for t, e in found]
    # "asked Putin to station the missiles": the request is the statement; what is asked for
    # has not happened.
    appeals = [t for t, e in found if e.type == "Statement" and t.lemma_ in lexicon.modality["appeal_verbs"]]
    found = [(t, e) for t, e in found if not any(_asked_for(t, a) for a in appeals)]
    found = _merge_promised(found, lexicon)
    found = _merge_inner_pledges(found, roles)
    pledges = [t for t, e in found if e.type == "Pledge"]
    copies, denials = _denied_copies(sent, found, roles)
    # "Beijing dismissed the accusation": a stance of its own, unless it denies an event.
    found = [(t, e) for t, e in found if not (e.type == "Statement" and t.i in denials)] + copies
    found = _protests(found, lexicon)
    found = _shared_receivers(found, roles)
    found = _signed_for(found, roles)
    found = [(t, _without_own_states(t, e, roles)) for t, e in found]
    found = _companions_meet(found, roles)
    # "troops crossed into Kursk in a surprise offensive": the move is part of the fighting.
    fights = [set(e.participants) for _, e in found if e.type == "Combat"]
    found = [(t, e) for t, e in found if not (e.type == "Deployment" and lexicon.verbs.get(t.lemma_.lower())
                                              == "Visit" and any(f & set(e.participants) for f in fights))]
    seen: dict[tuple, list[Event]] = {}
    for token, event in _richest(found, roles):
        # "pledged to erect a monument", "undertook not to attack ships": what is promised
        # belongs to the pledge, not to the record of what happened.
        if event.type != "Pledge" and any(_promised(token, p) for p in pledges):
            continue
        # "X said that Y sent troops": what X said is the deployment, with X as its source.
        if event.type == "Statement" and _attribution_only(token, event, found, lexicon, lone):
            continue
        if event.type == "Statement" and _body_cites(token, event, roles):
            if roles.type_of(event.agent) == "Organization":
                context.last_speaker = event.agent
            continue
        key = (event.type, frozenset(event.participants), event.quantity, event.status)
        if any(not _distinct(event, earlier) for earlier in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append(event)
        people = [p for p in event.participants if roles.type_of(p) == "Person"]
        if event.type == "Meeting" and event.status == "asserted" and len(people) >= 2:
            context.last_meeting = tuple(people)
        bodies = [p for p in event.participants if roles.type_of(p) == "Organization"]
        if event.type == "Meeting" and len(bodies) == 1:
            context.last_gathering = bodies[0]
        if event.type == "Deployment" and event.agent and roles.type_of(event.agent) == "State":
            context.last_sender = event.agent
        if event.type == "Statement" and event.agent and roles.type_of(event.agent) == "Organization":
            context.last_speaker = event.agent
        elif event.source and roles.type_of(event.source) == "Organization":
            # "The Israeli military said it had hit …": the body spoke, though the strike is the event.
            context.last_speaker = event.source
        if event.type == "Visit" and event.agent and roles.type_of(event.agent) == "Person":
            context.last_visitor = event.agent
        yield token, event


def _distinct(event: Event, earlier: Event) -> bool:
    """Whether two candidates of one type and cast in a sentence are two real events."""
    def differ(field: str) -> bool:
        a, b = getattr(event, field), getattr(earlier, field)
        if field == "place":
            # A trip's place that is only its host state ("to visit Russia") adds no city.
            a, b = (None if a == event.recipient else a), (None if b == earlier.recipient else b)
        return a is not None and b is not None and a != b
    # Two strikes on two named places, or a trip on to a second city; "used drones since
    # September, and a wave of them struck on October 17"; "drones attacked Kyiv and air
    # defences shot them down".
    return (event.type in {"Combat", "Visit"} and differ("place")) or differ("date") \
        or (event.type == "Combat" and differ("agent"))


def _merge_promised(found: list, lexicon: Lexicon) -> list:
    """Give a pledge who receives what it promises; make a promised delivery with no pledge left one.

    "Britain promised to supply Ukraine with drones" is a pledge to Ukraine; "Twenty-six countries
    committed to deploy troops to Ukraine", whose pledgers no one names, is still a pledge.
    """
    merged = list(found)
    for index, (token, event) in enumerate(found):
        if event.type not in lexicon.cargo:
            continue
        owners = [k for k, (t, e) in enumerate(merged) if e.type == "Pledge" and _promised(token, t)]
        for k in owners:
            pledge_token, pledge = merged[k]
            if pledge.recipient is None and event.recipient and event.recipient not in pledge.participants:
                merged[k] = (pledge_token, replace(
                    pledge, participants=(*pledge.participants, event.recipient),
                    recipient=event.recipient if pledge.agent else None,
                    quantity=pledge.quantity if pledge.quantity is not None else event.quantity))
        # The parser takes some of these clauses for adverbial ones ("committed to deploy").
        completes = token.dep_ == "xcomp" or token.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if not owners and completes and token.head.lemma_.lower() in lexicon.modality["promise_verbs"]:
            # A promise made is asserted, even though "agree" alone would hedge what is agreed.
            merged[index] = (token, replace(event, type="Pledge",
                                            status="asserted" if event.status == "hedged" else event.status))
    return merged


def _merge_inner_pledges(found: list, roles: Roles) -> list:
    """Fold a pledge inside another into it: "China promised to keep helping Solomon Islands",
    "Putin promised that Russia would help North Korea build satellites" are one promise, to
    whom the inner verb helps."""
    events = [event for _, event in found]
    folded = set()
    for k, (token, event) in enumerate(found):
        # A gapped clause ("and Canada eight armoured vehicles") is a pledge of its own.
        if event.type != "Pledge" or roles.lexicon.verbs.get(token.lemma_.lower()) != "Pledge":
            continue
        outer = next((j for j, (t, e) in enumerate(found) if j != k and j not in folded and e.type == "Pledge"
                      and t.i != token.i and _said_in(token, t)), None)
        if outer is None:
            continue
        pledger = events[outer].agent
        known = roles.context.entities.get(pledger) if pledger else None
        if pledger and {pledger, known.state if known else None} & set(event.participants):
            # "Kim Jong Un vowed to support Russia": the inner promise already says who makes it.
            continue
        folded.add(k)
        helped = tuple(p for p in event.participants if p not in events[outer].participants
                       and roles.type_of(p) == "State")
        events[outer] = replace(events[outer], participants=events[outer].participants + helped,
                                recipient=events[outer].recipient or (helped[0] if len(helped) == 1 else None))
    return [(token, events[k]) for k, (token, _) in enumerate(found) if k not in folded]


def _promised(token, pledge) -> bool:
    # What a pledge governs, but not a relative clause inside it ("… under the treaty the two
    # countries signed in June" was signed, not promised), nor when or where it was made
    # ("promised Zelenskyy during talks at the White House that …"), nor a clause joined to it with
    # a subject of its own ("offered to send troops, and Egyptian planes delivered weapons").
    path = path_up(token, pledge)
    return bool(path) and not any(node.dep_ in {"relcl", "acl"} for node in path) \
        and not (path[-1].dep_ == "prep" and path[-1].lower_ in _WHEN_PREPS) \
        and not any(node.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
                    for node in path)


def _fold_elaborations(found: list, roles: Roles) -> list:
    events = [event for _, event in found]
    first = {}
    for k, (token, event) in enumerate(found):
        first.setdefault((token.i, event.type), k)
    folded = set()
    for k, (token, event) in enumerate(found):
        participle = token.dep_ == "advcl" and token.tag_ == "VBG"
        purpose = token.dep_ in {"advcl", "xcomp"} and event.type == "Combat" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        # "met in Istanbul for their first talks since 2022": the noun names the same meeting.
        named = token.dep_ == "pobj" and token.head.dep_ == "prep"
        parent = first.get(((token.head.head if named else token.head).i, event.type))
        if token.pos_ == "NOUN" and token.dep_ in {"npadvmod", "appos"}:
            # "… travel to Kyiv together this week, the first joint visit by the two countries'
            # top diplomats": the noun renames the trip the verb told; so does "held talks …, the
            # first in-person meeting between the two countries' defence chiefs" the talks.
            if any(e.type == event.type and t.i != token.i and (t.pos_ == "VERB" or t.i < token.i)
                   for t, e in found):
                folded.add(k)
                continue
        if parent is None or parent == k or not (participle or purpose or named):
            continue
        folded.add(k)
        if participle and event.type == "Statement":
            # "closed its airspace …, accusing Bamako of violating it": the one accused is told.
            merged = tuple(dict.fromkeys(events[parent].participants + event.participants))
            events[parent] = replace(events[parent], participants=merged)
        elif purpose or named:
            # "arrived in Tel Aviv for a visit to Israel": the host named by the noun stays; but
            # "hosted Kishida and Marcos for a summit of the three countries" adds no one new.
            people = [p for p in events[parent].participants if roles.type_of(p) == "Person"]
            theirs = {roles.context.entities[p].state for p in people}
            merged = tuple(dict.fromkeys(events[parent].participants
                                         + tuple(p for p in event.participants if p not in theirs)))
            events[parent] = replace(events[parent], participants=merged,
                                     recipient=events[parent].recipient or event.recipient)
    return [(token, events[k]) for k, (token, _) in enumerate(found) if k not in folded]


def _fold_said(found: list, reporters: list) -> list:
    """Drop the statements inside what is said; whom the speaker says they told is addressed.

    "Biden said he had told Xi that US policy had not changed": one statement, to Xi.
    """
    events = [event for _, event in found]
    dropped = set()
    for k, (token, event) in enumerate(found):
        if event.type != "Statement":
            continue
        for reporter in (r for r in reporters if _said_in(token, r)):
            dropped.add(k)
            outer = next(j for j, (t, _) in enumerate(found) if t.i == reporter.i and events[j].type == "Statement")
            if events[outer].agent == event.agent and event.recipient and not events[outer].recipient:
                cast = tuple(dict.fromkeys(events[outer].participants + event.participants))
                events[outer] = replace(events[outer], participants=cast, recipient=event.recipient)
    return [(token, events[k]) for k, (token, _) in enumerate(found) if k not in dropped]


def _promised_to(token, event: Event, reporters: list, roles: Roles) -> Event:
    """Give a pledge told to someone its receiver: "Kim told Lavrov that Pyongyang would stand by Russia"."""
    if event.type != "Pledge" or event.recipient or not event.agent:
        return event
    for reporter in (r for r in reporters if _said_in(token, r, through={"acl", "acomp", "pobj", "prep"})):
        told = [a for c in reporter.children if c.dep_ in {"dobj", "dative"} for a in roles.actors(c)]
        if roles.type_of(event.agent) == "State":
            # A state's promise is made to the state of the one told.
            told = [roles.context.entities[a].state if roles.type_of(a) == "Person" else a for a in told]
        told = [a for a in dict.fromkeys(told) if a and a != event.agent]
        if len(told) == 1:
            roles.context.register(told[0])
            return replace(event, participants=tuple(dict.fromkeys(event.participants + (told[0],))),
                           recipient=told[0])
    return event


def _asked_for(token, appeal) -> bool:
    # "urged allies to supply jets", "asked for the immediate deployment of a foreign force",
    # "demanded that Moscow expel the delegation" (but not "… that Moscow had expelled …")
    path = path_up(token, appeal)
    return bool(path) and (path[-1].dep_ == "xcomp" and all(node.dep_ in {"xcomp", "conj"} for node in path)
                           or [node.dep_ for node in path] == ["pobj", "prep"] and path[-1].lower_ == "for"
                           or [node.dep_ for node in path] == ["ccomp"] and token.tag_ in {"VB", "VBP"}
                           and not any(c.dep_ in {"aux", "auxpass"} for c in token.children))


def _said_in(token, reporter, through: set[str] = frozenset()) -> bool:
    # Only the clause said, not a clause joined to the saying ("said … and praised …"); the
    # parser may hang what was told on a noun of the telling ("told Shoigu during talks … that").
    path = path_up(token, reporter)
    return bool(path) and all(node.dep_ in {"ccomp", "xcomp"} | through for node in path)


def _denied_copies(sent, found: list, roles: Roles) -> tuple[list, set[int]]:
    """Return a negated copy of each event a party to it denies in a clause of its own, and the
    denial verbs that deny an event (rather than take a stance).

    "The US says Chinese firms supplied Russia, but Beijing denies it"; "…, a claim Tehran
    denies": the article reports both the claim and the denial.
    """
    triggers = {token.i for token, _ in found}
    copies, denials = [], set()
    for verb in sent:
        if verb.lemma_ not in roles.lexicon.modality["denial_verbs"]:
            continue
        # "Beijing denies the claim and says …": what is joined to the denial is not denied.
        joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
        if any(t.i in triggers and t.i not in joined and t.i != verb.i for t in verb.subtree):
            # "rejected the charge, with its embassy saying France had never armed them": the
            # event inside says what is denied.
            denials.add(verb.i)
            continue
        deniers = {a for c in verb.children if c.dep_ == "nsubj" for a in roles.actors(c)}

        def denied(event: Event) -> bool:
            return event.status != "negated" and event.type != "Statement" and bool(deniers & set(event.participants))

        claims = [event for _, event in found if denied(event)]
        if not claims and any(c.dep_ == "dobj" and c.lemma_.lower() in roles.lexicon.modality["claim_nouns"]
                              for c in verb.children):
            # "Washington says Pyongyang shipped shells to Russia. Pyongyang denies the accusation."
            claims = [event for event in roles.context.last_events if denied(event)]
            # "Ankara rejected the accusation", a few sentences after the attack blamed on Turkey:
            # the last act told of the denier.
            earlier = [event for event in roles.context.told_events if denied(event) and event.type in _CHARGED_ACTS]
            claims = claims or earlier[-1:]
        start, end = roles.offset + sent.start_char, roles.offset + sent.end_char
        copies += [(verb, replace(event, status="negated", source=None, trigger=verb.text,
                                  evidence=Span(sent.text, start, end)))
                   for event in claims]
        if claims:
            denials.add(verb.i)
    copies += _disputed_claims(sent, found, copies, roles)
    return copies, denials


def _disputed_claims(sent, found: list, copies: list, roles: Roles) -> list:
    """Return what a closing "…, a charge Kigali denies" leaves out: the claim itself when the
    denial was read as negating it, and the denial when it was not."""
    words, entities, doc = roles.lexicon.modality, roles.context.entities, sent.doc
    added: list = []
    for verb in (t for t in sent if t.lemma_ in words["denial_verbs"]):
        noun = next((t for t in doc[max(verb.i - 4, sent.start + 2):verb.i] if t.lemma_.lower() in words["claim_nouns"]
                     and doc[t.i - 1].lower_ in {"a", "an"} and doc[t.i - 2].text == ","), None)
        if noun is None:
            continue
        # "Kigali rejects": a capital that denies speaks for its state.
        deniers = {iri if entities[iri].type != "Place" else entities[iri].state or iri
                   for t in doc[noun.i + 1:verb.i] if (iri := roles.token_iris.get(t.i))}
        told = [e for _, e in found + copies]
        for _, event in found:
            if event.type == "Statement" or not deniers & set(event.participants):
                continue
            for denied in (True, False):
                if any(e.type == event.type and e.participants == event.participants
                       and (e.status == "negated") == denied for e in told):
                    continue
                copy = replace(event, status="negated", source=None, trigger=verb.text) if denied \
                    else replace(event, status="asserted")
                added.append((verb, copy))
                told.append(copy)
    return added


def _shared_receivers(found: list, roles: Roles) -> list:
    """Give a pledge or delivery that names no receiver the one of the same kind joined to it:
    "France promised Ukraine AMX-10 vehicles, and Germany and the United States have pledged
    infantry fighting vehicles" are all for Ukraine."""
    shared = []
    for token, event in found:
        if event.type in {"Pledge", "Transfer"} and event.agent and event.recipient is None \
                and event.participants == (event.agent,):
            earlier = [e for t, e in found if e.type == event.type and e.recipient and t.i < token.i
                       and _joined(token, t)]
            receivers = {e.recipient for e in earlier}
            if len(receivers) == 1 and roles.type_of(next(iter(receivers))) == "State":
                receiver = receivers.pop()
                event = replace(event, participants=(event.agent, receiver), recipient=receiver)
        shared.append((token, event))
    return shared


def _without_own_states(token, event: Event, roles: Roles) -> Event:
    """Drop from a meeting, a signing, a statement or a pledge the states of the people who take
    part: "Japanese Foreign Minister Yoko Kamikawa and Philippine Defence Secretary Gilberto
    Teodoro signed" is signed by the two, and "the two leaders agreed to raise relations between
    their countries" binds the leaders. But a state's own instrument, handed over by its minister,
    is the state's act ("handed over the country's instrument of accession")."""
    if event.type not in roles.lexicon.people_act or token.lemma_.lower() in roles.lexicon.acts_alone:
        return event
    people = {roles.context.entities[p].state for p in event.participants if roles.type_of(p) == "Person"}
    kept = tuple(p for p in event.participants if p not in people)
    if kept == event.participants or len(kept) < 2:
        return event
    return replace(event, participants=kept, agent=event.agent if event.agent in kept else None,
                   recipient=event.recipient if event.recipient in kept else None)


def _signed_for(found: list, roles: Roles) -> list:
    """Give a delivery that a signing is for, and that names one side, the signing's other side:
    "Colombia signed a contract with Sweden's Saab to buy 17 Gripen jets" is a purchase from
    Sweden; "Starmer and Erdoğan signed a deal under which Turkey will buy 20 Eurofighter jets", one
    from Britain."""
    signings = [(t, e) for t, e in found if e.type == "Signing"]
    settled = []
    for token, event in found:
        if event.type == "Transfer" and len(event.participants) == 1:
            own = own_state(event.participants[0], roles)
            for signing, signed in signings:
                path = path_up(token, signing)
                if path is None or any(t.dep_ == "conj" for t in path):
                    continue
                others = [s for s in dict.fromkeys(own_state(p, roles) for p in signed.participants)
                          if s != own and roles.type_of(s) == "State"]
                if others:
                    event = replace(event, participants=event.participants + tuple(others))
                    break
        settled.append((token, event))
    return settled


def _companions_meet(found: list, roles: Roles) -> list:
    """Give talks held on a trip those who travel with the visitor: "travelled to Kyiv with
    Blinken for talks with Zelenskyy", "arrived in Niamey with an ECOWAS delegation and held talks
    with Tiani"."""
    visits = [(t, e) for t, e in found if e.type == "Visit" and e.agent]
    joined = []
    for token, event in found:
        if event.type == "Meeting":
            for visit_token, visit in visits:
                if visit.agent not in event.participants or not _on_trip(token, visit_token):
                    continue
                companions = tuple(dict.fromkeys(
                    a for prep in visit_token.children if prep.dep_ == "prep" and prep.lower_ == "with"
                    for pobj in prep.children if pobj.dep_ == "pobj" for a in roles.actors(pobj)
                    if a in visit.participants and a not in event.participants))
                event = replace(event, participants=event.participants + companions)
        joined.append((token, event))
    return joined


def _on_trip(token, visit) -> bool:
    # "travelled … for talks", "arrived … and held talks": the talks hang on the trip's verb.
    verb = token.head if token.dep_ == "dobj" else token
    return token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.i == visit.i \
        or verb.dep_ == "conj" and verb.head.i == visit.i


def _joined(token, earlier) -> bool:
    # "…, and Germany has pledged …", "…, while Norway has pledged six": a clause joined to it.
    path = path_up(token, earlier)
    return bool(path) and all(node.dep_ in {"conj", "advcl"} for node in path)


def _protests(found: list, lexicon: Lexicon) -> list:
    """Give a summons the statement it is made for: "summoned China's ambassador to lodge a
    protest" is a meeting and, between the same two, a protest; in "summoned the ambassador to
    demand an explanation" and "… and demanded …" the demand is made to the one summoned."""
    found = list(found)
    triggers = {token.i for token, _ in found}
    for token, event in list(found):
        if event.type != "Meeting" or token.lemma_.lower() not in lexicon.modality["summons_verbs"]:
            continue
        purposes = [c for c in token.children if c.dep_ in {"xcomp", "advcl"}
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        joined = [c for c in token.children if c.dep_ == "conj" and not any(d.dep_ == "nsubj" for d in c.children)]
        clauses = {c.i for c in purposes + joined}
        said = [k for k, (t, e) in enumerate(found) if t.i in clauses and e.type == "Statement"]
        for k in said:
            statement = found[k][1]
            if event.recipient and not statement.recipient and statement.agent == event.agent:
                statement = replace(statement, recipient=event.recipient,
                                    participants=tuple(dict.fromkeys(statement.participants + (event.recipient,))))
            if statement.date is None and statement.agent == event.agent:
                # "summoned the ambassador on Wednesday to lodge a protest": made that day.
                statement = replace(statement, date=event.date, date_text=event.date_text,
                                    earliest=event.earliest, latest=event.latest)
            found[k] = (found[k][0], statement)
        if purposes and not said and not any(t.i in triggers for p in purposes for t in p.subtree):
            found.append((purposes[0], replace(event, type="Statement", trigger=purposes[0].text)))
    return found


def _attribution_only(token, event: Event, found: list, lexicon: Lexicon, lone: frozenset[int]) -> bool:
    """Tell whether a statement only attributes another event in its sentence, or states nothing.

    "X said troops were sent", "troops were sent, X told lawmakers": the deployment is the
    event and X its source. "X has not confirmed it" states nothing. Words that judge ("praised",
    "warned", "accused", "has not condemned") stay statements of their own.
    """
    if event.status == "negated":
        # "has not confirmed it" states nothing; "has not condemned the invasion" is a stance.
        return token.lemma_.lower() not in lexicon.modality["judging_verbs"]
    if token.lemma_.lower() in lexicon.modality["reporting_verbs"] and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon.nouns and any(d.lower_ == "the" for d in c.children)
            and not lexicon.told_gathering(c) for c in token.children):
        # "Zelenskyy announced the capture": the capture is the news, told already.
        return True
    reporting = lexicon.modality["reporting_verbs"]
    # "told a meeting of SCO leaders that …": the meeting is where the words were said, not what
    # was said. "Putin said Russian forces would shoot the F-16s down": a fight that may come is
    # the speaker's threat, a statement of its own.
    others = [other for other, e in found if e.type != "Statement" and other is not token and other.i not in lone
              and not (e.type == "Combat" and e.status == "hedged")
              and not (other.head.i == token.i and lexicon.told_gathering(other))]
    if token.dep_ == "relcl":
        # "held talks with Lavrov, who said …": Lavrov speaks; the talks are not what he said.
        others = [other for other in others if token in other.ancestors]
    # "Kim received Putin and told him that ties were strong": a saying with words of its own
    # beside another event is a statement; "…, Shin said" only attributes.
    content = any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)
    if token.lemma_.lower() in reporting and any(
            (token in other.ancestors or _reports_on(token, other, reporting) or not content)
            and not _own_clause(token, other) and not _adjunct(token, other) and not _in_speaker(token, other)
            and not _described(token, other) for other in others):
        return True
    if token.lemma_.lower() in lexicon.modality["charging_verbs"] and any(
            prep.dep_ == "prep" and prep.lower_ == "of" and other.i in {c.i for c in prep.children}
            for prep in token.children for other in others):
        return True
    if token.lemma_.lower() in lexicon.modality["judging_verbs"]:
        return False
    # "declared a day of mourning and sent the foreign minister to Zakho": two acts, not one
    # reported by the other.
    return any(token in other.ancestors and not _adjunct(token, other) and not _reported_between(token, other, reporting)
               and not _in_speaker(token, other) and not _described(token, other)
               and not (other.dep_ == "conj" and other.head.i == token.i)
               and not _own_clause(token, other) or _reports_on(token, other, reporting) for other in others)


def _body_cites(token, event: Event, roles: Roles) -> bool:
    # "Phone and internet links went down on Friday, the telecoms company said": a state or a body
    # named after what it reports is the source of a fact, not a voice taking a stance.
    return token.lemma_.lower() in roles.lexicon.modality["reporting_verbs"] and event.agent is not None \
        and roles.type_of(event.agent) in {"State", "Organization"} \
        and any(c.dep_ in {"ccomp", "parataxis"} and c.i < token.i for c in token.children)


def _joined_clauses(token, other) -> bool:
    first, second = verb_above(token), verb_above(other)
    return first.dep_ == "conj" and first.head.i == second.i or second.dep_ == "conj" and second.head.i == first.i


def _reported_between(token, other, reporting: frozenset[str]) -> bool:
    # "Zelenskyy accused Tehran of lying, saying Ukrainian forces shot down drones": "saying"
    # reports the fighting; the accusation is a statement of its own.
    return any(node.lemma_ in reporting for node in (path_up(other, token) or [])[1:])


def _adjunct(token, other) -> bool:
    # "Speaking at a summit in Tirana, Zelenskyy said …": the summit frames the saying.
    # "At a meeting of the Security Council, the US accused Moscow …" likewise.
    # "Xi told Modi that …, as the two leaders met in Tianjin": the meeting is when it was said.
    path = path_up(other, token) or []
    node = path[-1] if path else None
    # "said at the signing that …": a time or occasion named after the verb frames it too.
    return node is not None and (node.i < token.i and (node.dep_ == "advcl" and node.tag_ == "VBG"
                                                       or node.dep_ == "prep")
                                 or node.dep_ == "prep" and node.lower_ in _WHEN_PREPS) \
        or any(n.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _WHEN for c in n.children) for n in path)


def _described(token, other) -> bool:
    # "Macron said all four supported Ukraine's candidacy, which EU leaders are to decide at a
    # summit": the summit describes a noun of what is said; the view is the statement.
    # "claims of Chinese citizens fighting for Russia were groundless" likewise.
    return any(node.dep_ in {"relcl", "acl"} for node in path_up(other, token) or [])


def _in_speaker(token, other) -> bool:
    # "Von der Leyen, who held talks with Xi, said …": the talks describe the speaker.
    path = path_up(other, token) or []
    return bool(path) and path[-1].dep_ in {"nsubj", "nsubjpass"}


def _own_clause(token, other) -> bool:
    # "Kim said relations had improved, and he pledged support": the pledge is a clause of its
    # own, joined to the saying with its own subject, so the saying is a statement too.
    path = path_up(other, token) or []
    conj = next((node for node in path if node.dep_ == "conj"), None)
    return conj is not None and conj is path[-1] and conj.i > token.i \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children)


def _reports_on(token, other, reporting: frozenset[str]) -> bool:
    # "North Korea sent troops, the agency said": the saying hangs on the event it reports.
    if token.head is not other:
        return False
    return token.dep_ in {"ccomp", "parataxis", "advcl"} or \
        (token.dep_ == "conj" and token.i > other.i and token.lemma_ in reporting)


def _richest(found: list[tuple[object, Event]], roles: Roles) -> list[tuple[object, Event]]:
    """Drop an event whose cast is part of another's of the same type in the sentence.

    "arrived in Moscow for a state visit" is one visit, found by both "arrived" and "visit";
    "Kim vowed to support Russia" is one pledge, by North Korea, to Russia. But "acknowledged
    sending drones to Russia but denies providing weapons": a denial is a claim of its own,
    about the same parties. Two speakers say two things ("Trump said he had given approval, a
    day after Lee asked him to"), and talks and a summit told in clauses joined by "and" ("held
    talks with Raisi, and later joined him and Erdoğan for a summit") are two sittings.
    """
    def within(event: Event, other: Event) -> bool:
        # A pledging person stands inside the cast of a pledge by their state.
        cast = set(other.participants)
        return set(event.participants) != cast and all(
            p in cast or event.type == "Pledge" and roles.type_of(p) == "Person"
            and roles.context.entities[p].state in cast for p in event.participants)

    kept = []
    for token, event in found:
        larger = [other for t, other in found if other.type == event.type and other.quantity == event.quantity
                  and within(event, other)
                  and not (event.type == "Statement" and event.agent and other.agent and event.agent != other.agent)
                  and not (event.type == "Meeting" and _joined_clauses(token, t))]
        if not larger:
            kept.append((token, event))
        elif all(other.status != event.status for other in larger):
            cast = tuple(dict.fromkeys(event.participants + larger[0].participants))
            kept.append((token, replace(event, participants=cast,
                                        recipient=event.recipient or larger[0].recipient)))
    return kept
