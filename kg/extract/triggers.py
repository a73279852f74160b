"""Which words open an event, and of which type.

A verb or noun in ``kg/data/triggers.toml`` opens an event unless its use says otherwise: a
purpose ("sent troops to help fight"), a topic ("its policy of not supplying weapons"), an object
that changes the verb's sense ("struck a softer tone"), a missing word ("used … against"), or a
restatement ("after the talks"). Troops that move or are somewhere make a deployment.
"""

from __future__ import annotations

from kg.extract.gazetteer import DEMONYM_LABEL, RULER_LABEL
from kg.extract.lexicon import Lexicon
from kg.extract.vocabulary import linking_words

__all__ = ["absent", "named_gatherings", "trigger_type", "troops_moving"]

# Entity labels of a word that names a state or its people ("Chinese", "US", "Russia's").
_STATE_LABELS = frozenset({"NORP", "GPE", DEMONYM_LABEL, RULER_LABEL})


def _speaks_of_future(token, lexicon: Lexicon) -> bool:
    # "would support", "ready to support", "will continue to support"
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall"} for c in token.children):
        return True
    return token.dep_ == "xcomp" and (token.head.lemma_.lower() in lexicon.modality["future_heads"]
                                      or _speaks_of_future(token.head, lexicon))


def _comes_to_aid(token, lexicon: Lexicon) -> bool:
    # "would come to the Philippines' defence", "committed to come to Tuvalu's aid", "under the
    # pact, France and Greece must come to each other's aid": a promise; "came to their aid" told
    # as done is no pledge.
    owed = _speaks_of_future(token, lexicon) or token.dep_ == "xcomp" or _bound(token, lexicon)
    return owed and any(c.dep_ == "prep" and c.lower_ == "to" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in lexicon.rescue_nouns for p in c.children) for c in token.children)


def _purpose(token, lexicon: Lexicon) -> bool:
    # "deployed troops to help fight insurgents": the mission troops or arms are sent on is not
    # an event of its own. (A trip's purpose is: "due in London to meet Starmer".)
    if token.dep_ == "xcomp" and token.head.lemma_ == "help":
        token = token.head
    return token.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
        and lexicon.verbs.get(token.head.lemma_.lower()) in lexicon.cargo


def _capability(token, lexicon: Lexicon) -> bool:
    # "giving its forces the means to hit targets far away": what they could do.
    return token.dep_ == "acl" and token.head.lower_ in lexicon.modality["capability_nouns"] \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _topic(token, lexicon: Lexicon) -> bool:
    # "its policy of not supplying weapons to Ukraine": what the policy is about, not an event.
    node = token.head if token.dep_ == "pcomp" else None
    return node is not None and node.lower_ == "of" and node.head.lemma_.lower() in lexicon.modality["topic_nouns"]


def _weapon_object(token, lexicon: Lexicon) -> bool:
    # "launched 300 drones and missiles", "launched dozens of drones"
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [p for o in objects for prep in o.children if prep.lower_ == "of" for p in prep.children]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(lexicon.cargo_type(o) == "Transfer" for o in objects)


def _received_by(token) -> bool:
    # "was welcomed at the airport by King Norodom Sihamoni": a guest, received by a host.
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"] or \
        ([c for c in token.head.children if c.dep_ == "nsubj"] if token.dep_ == "conj" else [])
    return token.tag_ == "VBN" and any(c.pos_ in {"PROPN", "PRON"} for c in subjects) \
        and any(c.dep_ == "agent" and any(p.pos_ == "PROPN" for p in c.children) for c in token.children)


def _people_noun(token, lexicon: Lexicon) -> bool:
    # "welcomed more than 20 other leaders", "welcomed the Turkish delegation": guests, not news.
    words, lemma = lexicon.modality, token.lemma_.lower()
    return "Person" in words["group_nouns"].get(lemma, ()) or lemma in words["member_nouns"]


def _split_name(clause) -> bool:
    # "President Kassym-Jomart Tokayev told …" parsed as a clause on "Kassym-Jomart": the noun
    # described is the first part of its subject's name.
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.left_edge.i == clause.head.i + 1
               and clause.head.text[:1].isupper() for c in clause.children)


def _own_words(token):
    """Return the words of a verb's clause, without the clauses joined to it: "troops have been
    based there for years, and Turkey opened an offensive" tells a deployment of its own."""
    # Nor the purpose it serves: "troops had been based in Niger to fight jihadist groups".
    joined = [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
              or c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return [t for t in token.subtree if not any(t.i == c.i or c in t.ancestors for c in joined)]


def _object_nouns(token) -> list:
    # "announced a package of aid", "announced $100 million in aid": the object and what it measures.
    objects = [o for o in token.children if o.dep_ == "dobj"]
    return objects + [p for o in objects for prep in o.children if prep.dep_ == "prep" and prep.lower_ in {"of", "in"}
                      for p in prep.children if p.dep_ == "pobj"]


def _counts_losses(token, lexicon: Lexicon) -> bool:
    """Whether what a verb of saying reports is only losses: "said four soldiers had died", "said
    no one was hurt"."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    clauses += [c for clause in clauses for c in clause.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    return bool(clauses) and all(
        c.lemma_.lower() in lexicon.loss_verbs and (c.lemma_.lower() == "die" or any(
            a.dep_ in {"auxpass", "nsubjpass"} for a in c.children) or c.tag_ == "VBN")
        # "said ten of their fighters were dead or missing"
        or c.lemma_ == "be" and any(a.dep_ == "acomp" and a.lower_ in lexicon.loss_verbs for a in c.children)
        for c in clauses)


def _person_in_place(token) -> bool:
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    people = [s.head.head if s.lower_ == "who" and token.dep_ == "relcl" else s for s in subjects]
    return any(p.pos_ == "PROPN" or p.lower_ in {"he", "she"} for p in people) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in token.children)


def _takes_place(token) -> bool:
    # "its fighters took Maungdaw", "had taken most of Aleppo"; but not "has taken Brazil back into
    # the bloc" or "took Lavrov to the airport".
    if any(c.dep_ == "prt" or c.lower_ == "back" or c.dep_ == "prep" and c.lower_ in {"to", "into"}
           for c in token.children):
        return False
    # The model often calls a small town a person ("took Maungdaw"), so only bodies and peoples are out.
    return any(o.pos_ == "PROPN" and o.ent_type_ not in {"ORG", "NORP"} for o in _object_nouns(token))


def _troops_kept(token, lexicon: Lexicon) -> bool:
    # "has kept about 2,000 peacekeepers in the region", "has led a battlegroup in Lithuania",
    # "has thousands of troops in Somalia"
    objects = [o for o in token.children if o.dep_ == "dobj"]
    nouns = [n for o in objects for n in [o, *(p for prep in o.children if prep.lower_ == "of" for p in prep.children)]]
    troops = [n for n in nouns if lexicon.cargo_type(n) == "Deployment" or n.lemma_.lower() in lexicon.movers
              or n.lemma_.lower() in lexicon.presence_nouns and token.lemma_.lower() in lexicon.base_verbs]
    return bool(troops) and any(c.dep_ == "prep" and c.lower_ in lexicon.presence_preps
                                for node in [token, *objects, *troops] for c in node.children)


def _force_seen(token, lexicon: Lexicon) -> bool:
    """Whether a verb of seeing has a state's ships or aircraft seen somewhere: "spotted six Chinese
    navy ships around the island"; but not "tracked the drone", whose state is not told, nor "the
    best choice for tracking Russian submarines", which tells what a thing is for."""
    if token.tag_ == "VBG":
        return False
    seen = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
            and c.lemma_.lower() in lexicon.movers - lexicon.unsighted
            and any(m.dep_ in {"amod", "compound"} and m.ent_type_ in _STATE_LABELS for m in c.children)]
    routes = lexicon.voyage_routes | lexicon.presence_preps
    return bool(seen) and any(c.dep_ == "prep" and c.lower_ in routes for node in (token, *seen) for c in node.children)


def _awaited_in(token) -> bool:
    # "is expected in Hanoi later this week", "is due in Abu Dhabi"; not "is expected to visit"
    # (the visit is the event).
    awaited = token.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in token.children) \
        or token.pos_ == "ADJ" and token.dep_ == "acomp"
    return awaited and any(c.dep_ == "prep" and c.lower_ == "in" for c in token.children) \
        and not any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)


def _trip_takes(token, lexicon: Lexicon) -> bool:
    # "a tour that took him to Jamaica": the trip carries who makes it.
    trip = _trip(token)
    return trip is not None and lexicon.nouns.get(trip.lemma_.lower()) == "Visit" \
        and any(c.dep_ == "dobj" for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)


def _trip(token):
    """Return the subject of a verb, through "is due to", "was to" and "that"."""
    node = token
    for _ in range(4):
        found = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if found is not None:
            return node.head if found.lower_ in {"that", "which"} and node.dep_ == "relcl" else found
        if node.dep_ not in {"xcomp", "acomp", "conj"}:
            return None
        node = node.head
    return None


def trigger_type(token, lexicon: Lexicon) -> str | None:
    if token.lemma_ == "be" and (troops := troops_moving(token, "Visit", lexicon)) is not None \
            and any(c.dep_ == "prep" and c.lower_ == "in" for node in (token, troops) for c in node.children):
        # "11,000 North Korean soldiers were already in Russia's Kursk region", "there were no
        # Ugandan troops in Juba"
        return "Deployment"
    if (token.lemma_ == "be" or token.lemma_.lower() in lexicon.stays) and _person_in_place(token):
        # "Zelenskyy was in Washington last week", "Vučić, who was in Moscow on May 9"
        return "Visit"
    if token.pos_ == "VERB" and (_purpose(token, lexicon) or _capability(token, lexicon)):
        return None
    if token.pos_ == "VERB":
        lemma = token.lemma_.lower()
        if token.dep_ == "conj" and token.tag_ == "VB" and (token.head.pos_ == "NOUN" or token.head.tag_ in {
                "VBD", "VBN", "VBZ"} and not any(c.dep_ in {"aux", "nsubj"} for c in token.children)):
            # "scrambled fighter jets and attack helicopters": a noun the parser took for a verb,
            # joined to a noun or to a verb in another tense.
            return None
        if token.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
                and any(c.dep_ == "amod" and c.lower_ in lexicon.modality["ordinal_words"] for c in token.head.children):
            # "becoming the first Western country to promise Kyiv tanks" ranks what was told;
            # "the first time Russia had sent" still tells it.
            return None
        # "carried out a strike", "hit back": no event of the verb's own.
        if any(c.dep_ in {"prt", "advmod"} and (lemma, c.lower_) in lexicon.phrasal_not
               for c in token.children):
            return None
        if absent(token, lexicon):
            return "Meeting"
        if lemma in lexicon.modality["denial_verbs"] and any(
                o.lemma_.lower() in lexicon.modality["claim_nouns"] | lexicon.modality["said_nouns"]
                for o in _object_nouns(token)):
            # "dismissed the accusation as unfounded"
            return "Statement"
        if lemma in lexicon.rescue_verbs and _comes_to_aid(token, lexicon):
            return "Pledge"
        if lemma in lexicon.presence and _troops_kept(token, lexicon):
            return "Deployment"
        if lemma in lexicon.sightings and _force_seen(token, lexicon):
            return "Deployment"
        if lemma in lexicon.commands and any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.leave_orders
                                             for c in token.children):
            return "Statement"
        if lemma in lexicon.commands and any(c.dep_ == "prep" and c.lower_ in {"to", "into"} for c in token.children) \
                and not any(lexicon.cargo_type(o) == "Transfer" for o in _object_nouns(token)):
            # "ordered a second aircraft carrier to the Middle East"
            return "Deployment"
        if lemma in lexicon.awaited and _awaited_in(token):
            return "Visit"
        if lemma in lexicon.trip_verbs and _trip_takes(token, lexicon):
            return "Visit"
        if lemma in lexicon.troop_verbs and troops_moving(token, "Deployment", lexicon) is not None \
                and not any(lexicon.nouns.get(t.lemma_.lower()) == "Combat" for t in _own_words(token)):
            return "Deployment"
        if lemma in lexicon.moves_cargo and any(o.dep_ == "dobj" and (lexicon.cargo_type(o) is not None or
                                                                     o.lemma_.lower() in lexicon.movers)
                                                for o in token.children) \
                and any(c.dep_ == "prep" and c.lower_ in {"to", "into", "towards", "toward", "across"}
                        for c in token.children):
            # "flew a missile launcher to Luzon": the mover's own side is deployed; but pilots
            # trained "to fly NATO-standard jets" go nowhere.
            return "Deployment"
        if lemma in lexicon.moves_cargo and lexicon.verbs.get(lemma) == "Visit" \
                and any(lexicon.cargo_type(o) == "Transfer" for o in _object_nouns(token)):
            # "Indonesia and Thailand already fly versions of the T-50": they go nowhere.
            return None
        if lexicon.verbs.get(lemma) == "Visit" and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in token.children):
            # "stopped sending weapons to Ukraine": no one goes anywhere.
            return None
        if lemma in lexicon.buyers and lexicon.verbs.get(lemma) != "Transfer" and any(
                lexicon.cargo_type(o) == "Transfer" for o in _object_nouns(token)):
            # "Poland received its first K2 tanks from South Korea": a delivery, not a guest.
            return "Transfer"
        if lemma in lexicon.face_to_face and any(t.lemma_.lower() in lexicon.remote_words for t in token.subtree):
            return None
        if lemma in lexicon.guest_verbs and (any(o.dep_ == "dobj" and (o.pos_ == "PROPN" or _people_noun(o, lexicon))
                                                 for o in token.children) or _received_by(token)) \
                or named_gatherings(token, lexicon):
            return "Meeting"
        if lemma in lexicon.place_takers and _takes_place(token):
            return "Combat"
        if lemma in lexicon.calls_on and _visits_someone(token):
            return "Meeting"
        senses = lexicon.object_senses.get(lemma, {})
        sense = next((senses[o.lemma_.lower()] for o in _object_nouns(token) if o.lemma_.lower() in senses), None)
        if sense is not None:
            return sense or None
        if lemma in lexicon.modality["approval_verbs"] and any(lexicon.cargo_type(o) == "Pledge"
                                                               for o in _object_nouns(token)):
            # "announced a further €300 million", "announced $675 million in weapons for Ukraine":
            # a sum set aside is promised, not yet given.
            return "Pledge"
        if lexicon.verbs.get(lemma) == "Statement" and (token.dep_ == "pcomp" and not _quoted(token, lexicon)
                                                        or token.dep_ == "relcl" and not any(
                c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} or c.lower_ in {"where", "when"}
                for c in token.children) and not _split_name(token)):
            # "four regions that Russia claims": the clause describes the noun; "thanked Russia
            # for condemning the strikes": the reason for the thanks. ("Lavrov, who said …" and
            # "Zakho, where Hussein told reporters …" speak.)
            return None
        if lexicon.verbs.get(lemma) == "Statement" and token.tag_ == "VBN" and token.dep_ == "advcl" \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            # "When asked about the strike, Putin said …": being asked is no statement.
            return None
        if lexicon.verbs.get(lemma) == "Statement" and lemma in lexicon.modality["reporting_verbs"] \
                and _counts_losses(token, lexicon):
            # "Lebanese health officials said at least nine people were killed": a toll reported,
            # whose source the saying gives, is no statement of a view.
            return None
        if lemma in lexicon.reports_only and token.dep_ != "parataxis" \
                and not any(c.dep_ in {"ccomp", "parataxis"} for c in token.children):
            # "added ten tanks to the package" reports no words.
            return None
        if lexicon.verbs.get(lemma) == "Statement" and any(
                c.lower_ == "what" or c.dep_ == "oprd" and c.pos_ == "PROPN" and any(
                    d.dep_ == "det" and d.lower_ == "the" for d in c.children) for c in token.children):
            # "launched what it called anti-terrorist measures": a name in quotation marks; "Baku
            # calls the route the Zangezur corridor", "a pact called the Alliance of Sahel States":
            # a name given (but "called Russia a long-term threat" judges).
            return None
        if (lexicon.verbs.get(lemma) == "Combat" or lemma == "arm") and token.dep_ == "acl" and token.tag_ == "VBN" \
                and not any(c.dep_ == "agent" for c in token.children):
            # "an exhibition in memory of children killed in the war": the victims, not a new strike.
            return None
        if lexicon.verbs.get(lemma) == "Combat" and (any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.disasters for c in token.children)
                or token.dep_ == "relcl" and token.head.lemma_.lower() in lexicon.disasters):
            # "earthquakes that have killed more than 35,000 people": no one's attack.
            return None
        if lexicon.verbs.get(lemma) == "Combat" and any(
                c.dep_ == "nsubj" and lexicon.nouns.get(c.lemma_.lower()) == "Combat"
                and any(d.lower_ in {"the", "these", "those"} for d in c.children) for c in token.children):
            # "the strikes had hit Iran hard": the strikes told before, not a new one.
            return None
        if lemma in lexicon.future_only and not _speaks_of_future(token, lexicon):
            return None
        if lemma in lexicon.needs_weapon and not _weapon_object(token, lexicon):
            return None
        # "offered Poland the systems", "offered to send 1,000 police officers"
        offered_verbs = [token, *(c for c in token.children if c.dep_ == "xcomp"
                                  and lexicon.verbs.get(c.lemma_.lower()) in lexicon.cargo)]
        if lemma in lexicon.needs_cargo and not any(lexicon.cargo_type(o) is not None
                                                    for v in offered_verbs for o in _object_nouns(v)):
            return None
        objects = [o for o in token.children if o.dep_ == "dobj"]
        if lemma in lexicon.protection_verbs and _speaks_of_future(token, lexicon) \
                and any(o.pos_ == "PROPN" for o in objects):
            return "Pledge"
        if lemma in lexicon.owed_acts and (token.dep_ == "xcomp" and token.head.lemma_ == "have" or any(
                c.dep_ in {"aux", "mark"} and c.lower_ in lexicon.owed_words for c in token.children)):
            return None
        if lemma in lexicon.sittings and _body_sits(token, lexicon):
            return "Meeting"
        if lemma in lexicon.needs_word and not any(
                c.lower_ in lexicon.needs_word[lemma] for node in [token, *objects] for c in node.children) \
                and not any(o.lemma_.lower() in lexicon.needs_word[lemma] for o in objects):
            return None
        if _topic(token, lexicon):
            return None
        if lemma in lexicon.needs_no_event and any(
                c.dep_ == "xcomp" and trigger_type(c, lexicon) for c in token.children):
            return None
        if lemma not in lexicon.verbs and (_assured(token, lexicon) or _bound(token, lexicon)):
            return "Pledge"
        if lemma not in lexicon.verbs and _ready_to(token, lexicon):
            return "Pledge"
        return lexicon.verbs.get(lemma)
    if token.pos_ == "ADJ" and token.lemma_.lower() in lexicon.awaited and _awaited_in(token):
        return "Visit"
    if token.pos_ == "NOUN":
        lemma = token.lemma_.lower()
        if lemma in lexicon.kind_nouns and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
                and token.head.lemma_.lower() not in lexicon.nouns:
            # "attack helicopters", "strike group": a kind of thing; "a drone attack" is read.
            return None
        modifiers = lexicon.modified_nouns.get(lemma, {})
        # "a joint statement" is signed; "a statement" alone is not.
        kind = next((modifiers[c.lower_] for c in token.children
                     if c.dep_ in {"amod", "compound"} and c.lower_ in modifiers), None)
        if kind is None and (_mentions_earlier(token, lexicon) or _protested(token, lexicon)):
            return None
        if kind is None and lemma in lexicon.needs_preposition and not _told_as_fought(token, lexicon):
            return None
        if lemma in lexicon.fire_nouns and not _whose_fire(token, lexicon):
            return None
        if lexicon.nouns.get(lemma) == "Combat" and any(c.dep_ == "det" and c.lower_ == "any"
                                                         for c in token.children):
            # "any attack on Philippine vessels would invoke the treaty": what may never happen.
            return None
        if any(t.lemma_.lower() in lexicon.trip_verbs and (trip := _trip(t)) is not None and trip.i == token.i
               and _trip_takes(t, lexicon) for t in token.head.subtree):
            # "her trip is due to take her to Egypt": the verb tells the trip.
            return None
        if token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.lemma_.lower() in lexicon.modality["aside_words"]:
            # "on the sidelines of the G20 summit": where another event took place.
            return None
        if token.dep_ == "dobj" and lexicon.verbs.get(token.head.lemma_.lower()) == "Statement" \
                and not lexicon.told_gathering(token) \
                and not any(c.dep_ == "poss" for c in token.children) \
                and not any(c.dep_ == "prt" and (token.head.lemma_.lower(), c.lower_) in lexicon.phrasal_not
                            for c in token.head.children):
            # "called the attacks an aggression", "condemned the strike": the words are the event
            # (but who "told a meeting" something attended it).
            return None
        if token.dep_ == "pobj" and token.head.lower_ == "as" and lexicon.nouns.get(lemma) == "Combat" \
                and any(c.dep_ in {"dobj", "nsubjpass"} for c in token.head.head.children):
            # "did not regard the incident as an armed attack": a name for what happened, told
            # already, not a new attack (but "arrive as Ukraine's counteroffensive grinds on").
            return None
        if token.dep_ == "oprd" or {c.tag_ for c in token.children if c.dep_ == "punct"} >= {"``", "''"}:
            # "what Moscow calls its special military operation", "Russia's "special military
            # operation"": a name for the war, not a new event.
            return None
        if token.dep_ == "dobj" and _body_sits(token.head, lexicon):
            # "the Security Council is due to discuss the Houthi attacks": a topic.
            return None
        if kind is None and named_gatherings(token, lexicon):
            return "Meeting"
        if lemma in lexicon.face_to_face and any(t.lemma_.lower() in lexicon.remote_words for t in token.subtree):
            # "a telephone conversation": a call is no meeting.
            return None
        return kind or lexicon.nouns.get(lemma)
    return None


def _body_sits(token, lexicon: Lexicon) -> bool:
    """Whether a verb is a sitting of the body that does it: "the council was due to discuss Sudan"."""
    if token.lemma_.lower() not in lexicon.sittings:
        return False
    node = token
    while node.dep_ in {"xcomp", "acomp"} and node.head.i != node.i:
        # "was due to discuss", "is expected to debate"
        node = node.head
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lexicon.sitting_bodies for c in node.children)


def _whose_fire(token, lexicon: Lexicon) -> bool:
    """Whether "fire" is named for who or what fires it, or is what someone came under."""
    if token.dep_ == "pobj" and token.head.lower_ == "under":
        return token.head.head.lemma_.lower() in lexicon.under_fire
    return any(c.dep_ == "poss" or c.dep_ in {"amod", "compound"} and (c.ent_type_ in _STATE_LABELS or c.pos_ == "NOUN")
               for c in token.children)


def _ready_to(token, lexicon: Lexicon) -> bool:
    """Whether the verb is what someone declares itself ready to do: "said Turkey was ready to act as
    a facilitator", "Armenia was ready to establish full diplomatic relations" (but not a threat:
    "warned that Russia would be ready to test nuclear weapons"). Whether that someone is a state,
    events.py checks."""
    ready = token.head
    return token.dep_ == "xcomp" and ready.lemma_.lower() in lexicon.modality["offer_adjectives"] \
        and ready.dep_ == "acomp" and not any(a.lemma_.lower() in lexicon.modality["threat_verbs"]
                                              for a in token.ancestors)


def _visits_someone(token) -> bool:
    """Whether "called on" is a visit paid to someone named, not an appeal: "called on President
    Vladimir Putin in the Kremlin", but "called on China to act" and "called on the world to respond"."""
    named = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"on", "upon"}
             and prep.i == token.i + 1
             for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.ent_type_ not in {"DATE", "TIME"}]
    asks = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}
            or c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)] + \
        [c for p in named for c in p.children if c.dep_ == "acl"]
    return bool(named) and not asks


def _quoted(token, lexicon: Lexicon) -> bool:
    """Whether a saying is what someone is quoted as saying: "quoted Aliyev as saying …"."""
    return token.head.lower_ == "as" and token.head.head.lemma_.lower() in lexicon.modality["quoting_verbs"]


def absent(token, lexicon: Lexicon) -> bool:
    """Whether the verb tells who missed a gathering: "stayed away"."""
    return any(c.dep_ in {"prt", "advmod"} and (token.lemma_.lower(), c.lower_) in lexicon.absences
               for c in token.children)


def _assured(token, lexicon: Lexicon) -> bool:
    """Whether the verb is what someone was told a subject would do: "told his guest that North
    Korea would keep expanding cooperation". Whether that subject is a state, events.py checks."""
    if not any(c.dep_ == "aux" and c.lower_ in {"will", "would"} for c in token.children) \
            or not any(c.dep_ == "nsubj" for c in token.children) or token.dep_ not in {"ccomp", "acl"}:
        return False
    # The parser may hang the clause on a noun of the telling ("told Shoigu during talks … that").
    teller = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    return teller is not None and teller.lemma_.lower() in lexicon.modality["assurance_verbs"] \
        and any(c.dep_ in {"dobj", "dative"} for c in teller.children)


def _bound(token, lexicon: Lexicon) -> bool:
    """Whether the verb is what an agreement binds a party to: "Under the pact, France and Greece
    must come to each other's aid", "Under the deal, Rwanda is to lift its measures"."""
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.modality["binding_modals"] for c in token.children) \
        or token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.lower_ == "to" for c in token.children)
    if not modal or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in [*token.children, *token.head.children]):
        return False
    # "and Kinshasa is to end any support": the terms are named once, on the first clause.
    clause = token.head if token.dep_ == "xcomp" else token
    while clause.dep_ == "conj":
        clause = clause.head
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in lexicon.modality["binding_terms"] for p in c.children)
        for node in (clause, token) for c in node.children)


def named_gatherings(token, lexicon: Lexicon) -> list:
    """Return the named gatherings a word of speaking or attending is at: "speaking at the Munich
    Security Conference", "a speech to the UN General Assembly", "attending the UN General Assembly"."""
    if token.lemma_.lower() not in lexicon.gathering_words:
        return []
    # "making his first speech at the Shangri-La Dialogue": the parser may hang "at" on the verb.
    heads = [token, token.head] if token.dep_ == "dobj" else [token]
    named = [p for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in {"at", "to"}
             for p in prep.children if p.dep_ == "pobj"]
    if token.pos_ == "VERB":
        named += [o for o in token.children if o.dep_ == "dobj"]
    return [n for n in named if n.pos_ == "PROPN" and n.lower_ in lexicon.gathering_heads]


def _told_as_fought(token, lexicon: Lexicon) -> bool:
    # "operations around Korenevo", and an operation someone "took part in", are fought; "paused
    # its operations in Gaza" is not.
    if any(c.dep_ == "prep" and c.lower_ in lexicon.needs_preposition[token.lemma_.lower()] for c in token.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "in" and any(
        t.lemma_.lower() in lexicon.taking_part for t in [token.head.head, *token.head.head.children])


def _protested(token, lexicon: Lexicon) -> bool:
    # "in protest at its offensive in the Gaza Strip": the reason for a step, not news of its own.
    return token.dep_ == "pobj" and token.head.head.lemma_.lower() in lexicon.modality["protest_nouns"]


def _mentions_earlier(token, lexicon: Lexicon) -> bool:
    # "did not issue a joint statement after the talks", "asked about the strike": "the talks"
    # were reported before; a noun with a cast of its own ("after the talks with Putin") is still read.
    words = lexicon.modality["time_after_prepositions"] | lexicon.modality["topic_prepositions"]
    return token.dep_ == "pobj" and token.head.lower_ in words \
        and any(c.lower_ == "the" for c in token.children) \
        and not any(c.dep_ in {"poss", "prep"} for c in token.children)


def troops_moving(trigger, type_: str, lexicon: Lexicon):
    """Return the subject of "troops landed in …", "soldiers were in …", "warships sailed into …":
    a deployment, not a visit."""
    if type_ != "Visit" and trigger.lemma_ != "be" and trigger.lemma_.lower() not in lexicon.troop_verbs \
            or trigger.dep_ == "relcl" or trigger.lemma_.lower() in lexicon.departures:
        # "its fighters were leaving Mali" withdraws them.
        return None
    # "warships would make stopovers there": the noun's light verb has the subject; "200
    # soldiers are due in Burkina Faso": the adjective's verb has it.
    node = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" \
        and trigger.head.lemma_.lower() in lexicon.light_verbs or trigger.pos_ == "ADJ" else trigger
    subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and node.dep_ == "xcomp":
        # "soldiers began arriving in Congo", "soldiers are expected to be flown to Germany"
        subject = next((c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and node.lemma_ == "be" and any(c.dep_ == "expl" for c in node.children):
        # "there were no Ugandan troops in Juba"
        subject = next((c for c in node.children if c.dep_ == "attr"), None)
    if subject is None:
        return None
    # "an advance team of up to 200 soldiers would arrive": the team is the soldiers.
    for noun in [subject, *(p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                            for p in prep.children if p.dep_ == "pobj")]:
        if lexicon.cargo_type(noun) == "Deployment" or _ship_name(noun) or noun.lemma_.lower() in lexicon.movers \
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            # "their plane landed at Andrews" carries people on a trip; "Chinese planes" deploy.
            return noun
    return None


def _ship_name(noun) -> bool:
    # "HMS Trent arrived off Guyana": a named warship, deployed like troops.
    prefixes = linking_words()["ship_prefixes"]
    return noun.pos_ == "PROPN" and any(t.text in prefixes for t in noun.lefts)
