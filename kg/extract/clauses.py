"""The parts of a trigger's clause in the dependency parse: the verb that governs it, its subject,
its prepositions, and the places and agreement its clause names.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.lexicon import Lexicon
from kg.extract.roles import ACTOR_TYPES, Roles, charged_object

__all__ = ["agreement", "clause_head", "clause_places", "described", "noun_agents", "path_up", "place_heads",
           "prepositions", "subject", "where_clause_place"]


def clause_head(token, lexicon: Lexicon):
    """Return the verb whose subject and modifiers belong to the event."""
    node = token
    # "held talks", "held three hours of talks", "made a visit"
    for _ in range(3):
        if node.pos_ not in {"NOUN", "ADP"} or token.pos_ != "NOUN":
            break
        if node.dep_ in {"dobj", "attr"} and node.head.lemma_ in lexicon.light_verbs \
                or node is token and lexicon.told_gathering(token):
            # "told a meeting of SCO heads": who speaks to a gathering attends it.
            return node.head
        if node.dep_ not in {"pobj", "prep"}:
            break
        node = node.head
    return token


def prepositions(tokens) -> Iterator:
    for token in tokens:
        for child in token.children:
            if child.dep_ in {"prep", "agent"} or (child.dep_ in {"conj", "dative"} and child.pos_ == "ADP"):
                yield child
                yield from (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")


def _light_verb(token, roles: Roles) -> bool:
    # "Herzog held talks with …" misparsed with "held" describing "talks".
    return token.dep_ == "amod" and token.pos_ == "VERB" and token.lemma_ in roles.lexicon.light_verbs


def _subjects(verb, roles: Roles) -> list[str]:
    return [a for c in verb.children if c.dep_ == "nsubj" for a in roles.actors(c)]


def subject(head, roles: Roles) -> tuple[list[str], list[str], object | None]:
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
            elif _light_verb(child, roles):
                # "Herzog held talks … and told him": the same misparse as in noun_agents.
                agents += _subjects(child, roles)
        if patients and not agents:
            agents = _misplaced_agents(node, roles)
        if _hung_on_said(node, head, roles):
            node = node.head
            continue
        if agents and not patients and node.dep_ == "conj" and any(c.dep_ == "auxpass" for c in node.children):
            # "arrived in Pyongyang and was greeted by Kim": the first verb's subject is greeted.
            patients = _subjects(node.head, roles)
        if not agents and patients and node is not head and head.dep_ == "xcomp":
            # "Lavrov is expected to visit Pyongyang": the one expected is the one who acts.
            return patients, [], None
        if agents and patients and node.i != head.i and head.dep_ in {"conj", "advcl", "pcomp"} \
                and head.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in head.children) \
                and head.lemma_ not in roles.lexicon.modality["reporting_verbs"]:
            # "he was received by King Hamad and held talks with the crown prince", "Lavrov was
            # received by Goïta before holding talks with Diop": the one received holds the talks.
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
        if node.dep_ == "prep" and node.lower_ == "as" and node.head.lemma_ in roles.lexicon.modality["quoting_verbs"]:
            # "quoted Amir-Abdollahian as saying", "Aliyev was quoted by Azertag as saying": the one quoted speaks.
            quoted = [a for c in node.head.children if c.dep_ in {"dobj", "nsubjpass"} for a in roles.actors(c)]
            if quoted:
                return quoted, [], None
        judging = {*roles.lexicon.modality["judging_verbs"], *roles.lexicon.modality["blaming_verbs"]}
        if node.dep_ == "prep" and node.head.pos_ == "VERB" \
                and (node.lower_ == "of" or node.lower_ == "for" and node.head.lemma_ in judging):
            # "accused Pyongyang of sending shells", "condemned North Korea for supplying shells",
            # "thanked China for delivering the jets": the object of the verb is the doer.
            doers = [a for c in node.head.children if c.dep_ == "dobj" for a in roles.actors(c)]
            if doers:
                return doers, [], None
        accused = charged_object(node, roles.lexicon)
        if accused is not None and (doers := roles.actors(accused)):
            # "accuses Congo's army of fighting alongside the FDLR", with "of" hung on the army.
            return doers, [], None
        node = node.head
    return [], [], None


def _names_no_one(verb, roles: Roles) -> bool:
    """Whether a verb has a subject that stands for no actor ("relations should not …")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(c.pos_ == "NOUN" and not roles.actors(c) for c in subjects)


def _hung_on_said(node, head, roles: Roles) -> bool:
    """Whether the trigger is the speaker's second verb, which the parser hung on what was said.

    "said that relations should not target any third party, and urged Washington to …": a
    clause about no one cannot urge; "said Russia had massed troops and accused Moscow of
    stalling": Russia does not accuse itself.
    """
    words = roles.lexicon.modality
    return node.dep_ == "ccomp" and node is not head and head.dep_ == "conj" \
        and (_names_no_one(node, roles) or _acts_on_itself(node, head, roles)) \
        and head.lemma_ in {*words["reporting_verbs"], *words["appeal_verbs"], *words["charging_verbs"]}


def _acts_on_itself(verb, joined, roles: Roles) -> bool:
    """Whether the subject of a clause is the object of the verb joined to it."""
    subjects = {a for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for a in roles.actors(c)}
    objects = {a for c in joined.children if c.dep_ == "dobj" for a in roles.actors(c)}
    return bool(subjects & objects)


def _adjacent_actor(head, roles: Roles) -> list[str]:
    # The parser sometimes leaves a subject unattached ("… region, Chief of the General Staff
    # Valery Gerasimov credited …"): take an actor that ends right before the verb.
    index = head.i - 1
    while index >= head.sent.start and head.doc[index].pos_ in {"ADV", "AUX", "PART"}:
        index -= 1
    if index >= head.sent.start:
        iri = roles.token_iris.get(index)
        if iri and roles.type_of(iri) in ACTOR_TYPES:
            # "On Thursday, Biden and President Volodymyr Zelenskyy signed": the parser joins the
            # pair to the date, so take every actor of the coordination.
            token = head.doc[index]
            while token.dep_ == "conj" and _is_actor(token.head, roles):
                token = token.head
            return roles.actors(token) if _is_actor(token, roles) else [iri]
        if head.doc[index].lower_ == "," and index > head.sent.start \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            # "On Friday Kim Yo Jong, the sister of the North Korean leader, threatened …": the
            # parser buries the subject in the date phrase; the apposition ending before the verb
            # points back at it.
            node = head.doc[index - 1]
            for _ in range(6):
                if node.dep_ == "appos" and _is_actor(node.head, roles):
                    return roles.actors(node.head)
                if node.head.i >= head.i or node.head.i == node.i:
                    break
                node = node.head
    return []


def _is_actor(token, roles: Roles) -> bool:
    iri = roles.token_iris.get(token.i)
    return bool(iri) and roles.type_of(iri) in ACTOR_TYPES


def described(trigger) -> list:
    """Return the noun a clause describes when that noun is what the clause's verb acts on: "the
    troops his country had sent", "Iranian weapons supplied to the Houthis"."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in {"relcl", "acl"} or trigger.head.pos_ != "NOUN" \
            or any(c.dep_ in {"dobj", "nsubjpass"} for c in trigger.children):
        return []
    if trigger.dep_ == "relcl" and not any(c.dep_ == "nsubj" for c in trigger.children):
        # "troops who fought": the noun is the clause's subject, not its object.
        return []
    return [trigger.head]


def noun_agents(trigger, roles: Roles) -> tuple[list[str], object | None]:
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
    light = [c for c in trigger.children if _light_verb(c, roles)]
    held = [a for c in light for a in _subjects(c, roles)]
    if light and not held and trigger.dep_ == "appos":
        # "Tokayev, who came to St Petersburg …, held talks with Putin": the talks hung on him.
        held = roles.actors(trigger.head)
    if held:
        # "Herzog held talks with …" misparsed with "held" describing "talks": who holds them.
        return held, None
    node, path_word = trigger, None
    for _ in range(6):
        possessors = [c for c in node.children if c.dep_ == "poss"]
        owners = [a for c in possessors for a in roles.actors(c)]
        subjects = _subjects(node.head, roles) \
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
            return _subjects(node.head, roles), node.head
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
            words = roles.lexicon.modality
            charging = {*words["charging_verbs"], *words["blaming_verbs"]}
            if node.lemma_.lower() in charging and path_word in {"of", "for"}:
                # "blamed Ukraine for the drone attack": the one blamed attacked, not the one blaming.
                charged = [a for c in node.children if c.dep_ == "dobj" for a in roles.actors(c)]
                if charged:
                    return charged, None
            subjects = _subjects(node, roles)
            if not subjects and path_word == "for" and roles.lexicon.nouns.get(trigger.lemma_.lower()) == "Meeting":
                # "Biden and Kishida were joined in Tokyo by Modi and Albanese for a summit": all meet.
                joined = [c for c in node.children if c.dep_ == "nsubjpass"] + \
                    [p for by in node.children if by.dep_ == "agent" for p in by.children if p.dep_ == "pobj"]
                subjects = [a for c in joined for a in roles.actors(c)]
            if not subjects and node.dep_ == "relcl" and node.head.lower_ in words["disowning_pronouns"]:
                # "the United States had nothing to do with the offensive": who had nothing to do.
                subjects = _subjects(node.head.head, roles)
            if not subjects and node.dep_ in {"advcl", "xcomp", "pcomp", "conj"}:
                # "Speaking at a summit in Tirana, Zelenskyy said", "happy to visit China for a
                # summit", "spoke in Berlin before leaving for the G20 summit": whoever speaks or
                # travels attends; "arrived in Kyiv and announced aid after talks with Kuleba":
                # whoever announces held the talks.
                subjects = subject(node, roles)[0]
            return subjects, node
        if path_word == "on" and node.pos_ in {"PROPN", "NOUN"}:
            # "Rahmon, on a state visit to Kyrgyzstan, held talks": the one on the trip.
            people = [a for a in roles.actors(node) if roles.type_of(a) == "Person"]
            if people:
                return people, None
        if node is not trigger and node.dep_ == "dobj" and node.lemma_.lower() in roles.lexicon.modality["share_nouns"]:
            # "Hezbollah denied any role in the attack", "claimed responsibility for the bombing".
            return _subjects(node.head, roles), node.head
        if node.dep_ not in {"pobj", "prep"} or node.head is node:
            return [], None
        path_word = node.lower_ if node.dep_ == "prep" else path_word
        node = node.head
    return [], None


def place_heads(head, trigger) -> list:
    # "pledged to erect a monument in the capital": places hang on the verbs and objects of
    # the clauses the trigger governs.
    heads = [head, trigger]
    for node in list(heads):
        for child in node.children:
            if child.dep_ == "xcomp":
                heads.append(child)
                heads += [c for c in child.children if c.dep_ == "dobj"]
            elif child.dep_ == "appos" and child.pos_ == "ADJ" or child.dep_ == "advmod" and child.lower_ == "back":
                # "a state visit, his first to Cambodia since 2016"; "ordered troops back into Somalia"
                heads.append(child)
    return list(dict.fromkeys(heads))


def agreement(head, trigger, sent, roles: Roles) -> str | None:
    scope = {t.i for t in head.subtree} | {t.i for t in trigger.subtree}
    for token in sent:
        iri = roles.token_iris.get(token.i)
        if not iri or roles.type_of(iri) != "Agreement":
            continue
        if token.i in scope or any(a.lower_ in {"under", "within"} for a in token.ancestors):
            return iri
    return None


def clause_places(head, trigger, roles: Roles, *, said: bool = False) -> list[str]:
    """Find a place the parse hung elsewhere in the trigger's clause, or "there".

    For a saying (``said``), only where it was said counts ("Speaking at the White House, Biden
    said …"), not a place in what was said ("said the missiles would deter China in the South
    China Sea").
    """
    # "received Araghchi in Moscow": "in Moscow" hangs on the object, not the verb.
    for token in head.subtree:
        if said and any(node.dep_ not in {"prep", "pobj", "advcl"} for node in path_up(token, head) or []):
            continue
        if token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
            found = [p for p in roles.places(token) if roles.type_of(p) == "Place"]
            if found:
                return found
    # "arrived in Pyongyang and was received at the airport by Kim", "travelled to Budapest and
    # held talks", "flew to Minsk for talks": a place, or a trip's destination, covers what is
    # told with it, as a date does.
    outer = _outer_verb(head)
    if outer is not None:
        lemma, lexicon = outer.lemma_.lower(), roles.lexicon
        trip = (lexicon.verbs.get(lemma) == "Visit" or lemma in lexicon.needs_destination) \
            and lemma not in lexicon.departures
        preps = {"in", "at", "to", "into"} if trip else {"in", "at"}
        own = {t.i for t in head.subtree}
        for token in outer.subtree:
            if token.i in own or token.dep_ != "pobj" or token.head.lower_ not in preps \
                    or any(n.dep_ not in _PHRASE_DEPS for n in path_up(token, outer) or []):
                continue
            found = [p for p in roles.places(token) if roles.type_of(p) == "Place"]
            if found:
                return found[:1]
    # "held talks there": the place of the last event, else the place named last.
    if any(t.lower_ == "there" and t.dep_ == "advmod" for t in (*head.children, *trigger.children)):
        if roles.context.last_place:
            return [roles.context.last_place]
        named = [m.entity for m in roles.context.mentions if roles.type_of(m.entity) == "Place"
                 and m.span.start < roles.offset + head.idx]
        return named[-1:]
    return []


#: Links that keep a word inside its verb's own phrases, not in a clause of its own.
_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "appos", "compound", "amod"})


def _outer_verb(head):
    """Return the verb a clause is told with: the one it is coordinated with, or whose purpose
    ("flew to Minsk for talks", "flew in to meet Starmer") it is."""
    if head.dep_ == "conj" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.pos_ == "VERB":
        return head.head.head
    if head.dep_ in {"xcomp", "advcl"} and head.head.pos_ == "VERB" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return head.head
    return None


def path_up(token, ancestor) -> list | None:
    """Return the words from ``token`` up to the child of ``ancestor``, or None if it is not above."""
    path, node = [], token
    while node.i != ancestor.i:
        if node.head.i == node.i:
            return None
        path.append(node)
        node = node.head
    return path


def where_clause_place(head, roles: Roles) -> list[str]:
    # "arrived in Moscow, where she held talks": the relative clause hangs on the place.
    node = head
    while node.dep_ in {"conj", "xcomp"} and node.head is not node:
        node = node.head
    if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
        return roles.places(node.head)
    return []


def _misplaced_agents(verb, roles: Roles) -> list[str]:
    """Return who a passive verb names after "by" when the parser hangs "by" on the verb's
    object or place: "was greeted at the summit by Crown Prince Mohammed bin Salman"."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [a for prep in verb.children if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"
            for by in pobj.children if by.dep_ == "prep" and by.lower_ == "by"
            for agent in by.children if agent.dep_ == "pobj" for a in roles.actors(agent)
            if roles.type_of(a) in {"Person", "State", "Organization"}]
