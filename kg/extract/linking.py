"""Link mentions in a parsed paragraph to entities: reference ones first, new ones otherwise.

The entity ruler marks every reference name with the entity's IRI. On top of that this module
resolves a capital used for its state ("Pyongyang denied", "Moscow's policies"), a surname or
family name used alone for a person named earlier in the article ("Lavrov", "Choe"), and creates
entities for people, organisations and places that the reference KB lacks.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

from kg.extract.gazetteer import DEMONYM_LABEL, RULER_LABEL, SHARED_LABEL, SURNAME_LABEL, Gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.vocabulary import linking_words, without_particle
from kg.iris import entity_iri, normalise_name
from kg.namespaces import ID
from kg.records import Entity, Mention, PostClaim, Span

__all__ = ["ArticleContext", "in_office", "link_paragraph"]

_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")
_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass
class ArticleContext:
    """What linking has learnt so far about one article: its entities and mentions."""

    gazetteer: Gazetteer
    published: date | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    name_parts: dict[str, set[str]] = field(default_factory=dict)  # name part → person IRIs
    short_forms: dict[str, str] = field(default_factory=dict)  # "PKK" → the body named before it
    posts: list[PostClaim] = field(default_factory=list)
    # The people of the last meeting reported as having happened: "the two leaders" after it.
    last_meeting: tuple[str, ...] = ()
    # The body of the last gathering reported: "Dong Jun stayed away from the forum", "Khawaja
    # Asif also attended the meeting" after it.
    last_gathering: str | None = None
    # The place of the last event found: "stopped in Tokyo and met Ishiba there".
    last_place: str | None = None
    # The people the last sentence was about: "he" opening the next paragraph.
    last_subject: tuple[str, ...] = ()
    # The events of the last sentence: "Pyongyang denies the accusation" after it.
    last_events: tuple = ()
    # Every event told so far, in order: "Ankara rejected the accusation" a few sentences after it.
    told_events: list = field(default_factory=list)
    # The state that last sent troops: "those troops", "the soldiers" after it.
    last_sender: str | None = None
    # The body that last spoke: "it said" after it.
    last_speaker: str | None = None
    # The person who last travelled somewhere: "the visitor" after it.
    last_visitor: str | None = None
    # The day of the last event dated to a day: "later the same day" after it.
    last_day: date | None = None
    # The types of the events reported so far: "the deal was signed by …" after a signing tells
    # no new one.
    told_types: set[str] = field(default_factory=set)

    def register(self, iri: str) -> Entity:
        """Note that the article names this entity, so its name parts resolve from now on."""
        entity = self.entities.get(iri) or self.gazetteer.entities[iri]
        if iri not in self.entities and entity.type == "Person":
            self.add_name_parts(iri, entity.label)
        self.entities[iri] = entity
        return entity

    def add_name_parts(self, iri: str, name: str) -> None:
        """Let each part of a person's name stand for them: a word, a word after its particle
        ("Burhan" for "al-Burhan"), and the last words ("Lacalle Pou", "Abu Marzouk")."""
        words = name.split()
        parts = set(words) | {" ".join(words[i:]) for i in range(1, len(words) - 1)}
        parts |= {bare for w in words if (bare := without_particle(w))}
        for part in parts:
            self.name_parts.setdefault(part, set()).add(iri)

    def add(self, iri: str, text: str, start: int) -> None:
        """Record a mention of ``iri`` at article offset ``start``."""
        self.register(iri)
        self.mentions.append(Mention(entity=iri, span=Span(text, start, start + len(text))))

    def person_by_name_part(self, text: str) -> str | None:
        # Only a name part that points at one person in this article is safe to resolve.
        # "Von der Leyen" opening a sentence is "von der Leyen".
        options = self.name_parts.get(text) or self.name_parts.get(text[:1].lower() + text[1:], set())
        return next(iter(options)) if len(options) == 1 else None


def _stands_for_state(span) -> bool:
    words = linking_words()
    root = span.root
    if root.dep_ == "poss" and root.head.lemma_.lower() in load_lexicon().modality["place_nouns"]:
        # "Beirut's southern suburbs", "Kyiv's outskirts": parts of the city.
        return False
    if root.dep_ in words["state_deps"]:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() not in words["place_verbs"]:
        # "accused Pyongyang", "warned Moscow"; but "visited Pyongyang" is the city.
        return True
    if root.dep_ == "conj" and root.head.dep_ in words["state_deps"]:
        return True
    head = root.head if root.dep_ != "conj" else root.head.head
    if root.dep_ in {"pobj", "conj"} and head.lower_ in {"on", "upon"} \
            and head.head.lemma_.lower() in load_lexicon().calls_on:
        # "called on Beijing to hand back the weapons"
        return True
    return root.dep_ in {"pobj", "conj"} and head.lower_ in words["state_preps"]


def link_paragraph(doc, offset: int, context: ArticleContext) -> dict[int, str]:
    """Link the entities of one parsed paragraph; return the entity IRI for each linked token.

    ``offset`` is where the paragraph starts in the article text; mentions are recorded in
    ``context`` with article offsets. Reference names come first, then names elided in a
    coordination, then the statistical model's entities for what is still unlinked.
    """
    gazetteer = context.gazetteer
    token_iris: dict[int, str] = {}
    found: list[tuple[object, str]] = []
    shared = [ent for ent in doc.ents if ent.label_ == SHARED_LABEL]
    surnames = [ent for ent in doc.ents if ent.label_ == SURNAME_LABEL]
    for ent in doc.ents:
        if ent.label_ == RULER_LABEL and _names_vessel(ent):
            # "the container ship Maersk Hangzhou", "the frigate Baden-Württemberg"
            continue
        if ent.label_ == RULER_LABEL and len(ent) == 1 \
                and gazetteer.entities[ent.ent_id_].type in {"Organization", "MilitaryUnit"} \
                and (start := _name_start(ent, token_iris)) < ent.start:
            # "Thérèse Kayikwamba Wagner" is a person, not the Wagner Group.
            _link_person(doc[start:ent.end], context, found, token_iris)
            continue
        if (ent.label_ == DEMONYM_LABEL or ent.label_ == RULER_LABEL
                and gazetteer.entities[ent.ent_id_].type == "State") and (body := _demonym_body(doc, ent, context)):
            # "the Belarusian Defence Ministry", "the US Navy": the state's body, not the state.
            span, iri = body
            found.append((span, iri))
            token_iris.update({token.i: iri for token in span})
            continue
        if (ent.label_ == DEMONYM_LABEL or ent.label_ == RULER_LABEL
                and gazetteer.entities[ent.ent_id_].type == "State") and (named := _named_for_state(doc, ent)):
            # "the Myanmar National Democratic Alliance Army", "the Syrian National Army": a body
            # whose name begins with a state's, not the state.
            span, type_ = named
            if (iri := _new_entity(span, type_, context)) is not None:
                found.append((span, iri))
                token_iris.update({token.i: iri for token in span})
                continue
        if ent.label_ in (RULER_LABEL, DEMONYM_LABEL):
            facility = _facility(doc, ent, gazetteer)
            if facility is not None and (place := _new_entity(*facility, context)):
                # "Khartoum International Airport" is a place of its own, not the city; the "Black
                # Sea Fleet" is a unit, not the sea.
                found.append((facility[0], place))
                token_iris.update({token.i: place for token in facility[0]})
                continue
            iri = ent.ent_id_
            capital_of = gazetteer.capital_of.get(iri)
            if _names_building(ent, gazetteer):
                # "talks in the Kremlin", "at the White House": the building, not the state.
                iri = _building(ent.text, iri, context)
            elif _describes_noun(ent, gazetteer):
                # "Russian military instructors": a description of the state's people.
                iri = gazetteer.entities[iri].state
            found.append((ent, capital_of if capital_of and _stands_for_state(ent) else iri))
            token_iris.update({token.i: found[-1][1] for token in ent})
            context.register(found[-1][1])
    found += _sites(doc, context, token_iris)
    for ent in surnames:
        if any(t.i in token_iris for t in ent):
            continue
        iri = ent.ent_id_
        particles = linking_words()["name_particles"]
        if ent.end < len(doc) and (doc[ent.end].pos_ == "PROPN" and doc[ent.end].is_title or ent.end + 1 < len(doc)
                                   and doc[ent.end].lower_ in particles and doc[ent.end + 1].is_title):
            # "Charles Michel": the first name of someone else, not King Charles; "Ali Bagheri
            # Kani" keeps the given name before it too, and "Salman bin Hamad" is not King Salman.
            end = ent.end
            # "Mohammed Shia al-Sudani": particles and hyphens inside a name go on with it.
            while end < len(doc) and doc[end].pos_ == "PROPN" and (
                    doc[end].is_title or doc[end].lower_ in particles and end + 1 < len(doc)
                    or doc[end].text == "-" and not doc[end - 1].whitespace_):
                end += 1
            _link_person(doc[_name_start(ent, token_iris):_name_end(doc, end)], context, found, token_iris)
            continue
        earlier = context.person_by_name_part(ent.text)
        if earlier and earlier != iri:
            # "Kurt Campbell … Campbell said": the one this article has named.
            found.append((ent, earlier))
            token_iris.update({token.i: earlier for token in ent})
            continue
        if (start := _name_start(ent, token_iris)) < ent.start:
            # "Kurt Campbell", "Mahmoud Abbas": someone else with a reference person's surname.
            _link_person(doc[start:ent.end], context, found, token_iris)
            continue
        if iri in context.entities or in_office(iri, context.published):
            found.append((ent, iri))
            token_iris.update({token.i: iri for token in ent})
            context.register(iri)
    for ent in shared:
        if ent.start > 0 and doc[ent.start - 1].pos_ == "PROPN" and doc[ent.start - 1].is_title \
                and not doc[ent.start - 1].is_sent_start and ent.start - 1 not in token_iris:
            # "the Pukpuk Mutual Defence Treaty" is a longer name of its own.
            continue
        iri = _shared_name(ent, context, token_iris)
        if iri:
            found.append((ent, iri))
            token_iris.update({token.i: iri for token in ent})
            context.register(iri)
    found += _elided_names(doc, context, token_iris)
    found += _ships(doc, context, token_iris)
    found += _agreements(doc, context, token_iris)
    for ent in doc.ents:
        if ent.label_ not in _NER_TYPES or any(t.i in token_iris for t in ent) or _in_title(ent) \
                or _names_weapon(ent):
            continue
        # The statistical model sometimes takes in a neighbouring word ("Later Lavrov").
        trimmed = _trim(ent)
        if trimmed is not None and trimmed.label_ == "PERSON" \
                and (start := _name_start(trimmed, token_iris)) < ent.start:
            # "Samia Suluhu Hassan": given names the model left out of the name (not the words
            # trimmed off it, as in "delivering Storm Shadows"), after any honorific.
            while doc[start].lower_ in linking_words()["honorifics"] and start < ent.start:
                start += 1
            trimmed = doc[start:trimmed.end]
            trimmed.label_ = "PERSON"
        if trimmed is not None and _names_vessel(trimmed):
            continue
        if trimmed is not None and (short := _short_form(trimmed, token_iris, context)):
            found.append((trimmed, short))
            token_iris.update({token.i: short for token in trimmed})
            continue
        iri = _state_body(trimmed, token_iris, context) if trimmed is not None else None
        iri = iri or (_new_entity(trimmed, _ner_type(trimmed), context) if trimmed is not None else None)
        if iri:
            found.append((trimmed, iri))
            token_iris.update({token.i: iri for token in trimmed})
    for span, iri in sorted(found, key=lambda item: item[0].start):
        text = span.text[:-2] if span.text.endswith(("'s", "’s")) else span.text
        context.add(iri, text, offset + span.start_char)
    _place_states(doc, token_iris, context)
    for token in doc:
        # The tagger often takes a sentence-initial surname for a common noun ("Guterres called"),
        # and a surname with a particle for anything ("talks with el-Sisi").
        if token.i in token_iris or not (token.pos_ == "PROPN" or token.is_sent_start and token.is_title
                                         or "-" in token.text and token.text.rsplit("-", 1)[1].istitle()):
            continue
        iri = context.person_by_name_part(token.text)
        if iri:
            context.add(iri, token.text, offset + token.idx)
            token_iris[token.i] = iri
    return token_iris


def _sites(doc, context: ArticleContext, token_iris: dict[int, str]) -> list:
    """Link "the Nur Khan air base" as a place of that name, not the person "Nur Khan"."""
    words = linking_words()
    found = []
    for token in doc:
        if not token.is_lower or token.lower_ not in words["site_heads"] or token.i in token_iris:
            # "Joint Base Andrews" is a name of its own, which the model finds.
            continue
        start = token.i
        while start > 0 and doc[start - 1].lower_ in words["site_modifiers"]:
            start -= 1
        name_start = start
        while name_start > 0 and doc[name_start - 1].pos_ == "PROPN" and doc[name_start - 1].is_title \
                and doc[name_start - 1].i not in token_iris:
            name_start -= 1
        if name_start == start:
            continue
        found += _new_name(doc[name_start:token.i + 1], "Place", context, token_iris)
    return found


def _agreements(doc, context: ArticleContext, token_iris: dict[int, str]) -> list:
    """Link "the Reciprocal Access Agreement", "the Belt and Road Initiative" as agreements of
    those names, which the statistical model tags as laws or not at all."""
    heads, found = linking_words()["agreement_heads"], []
    for token in doc:
        if not token.is_title or token.lower_ not in heads or token.i in token_iris or token.is_sent_start:
            continue
        start = token.i
        while start > 0 and doc[start - 1].i not in token_iris and (
                doc[start - 1].is_title and not doc[start - 1].is_sent_start
                or doc[start - 1].lower_ in {"and", "of", "on"} and start - 1 > 0 and doc[start - 2].is_title):
            start -= 1
        if token.i - start < 1 or not doc[start].is_title:
            continue
        found += _new_name(doc[start:token.i + 1], "Agreement", context, token_iris)
    return found


def _new_name(span, type_: str, context: ArticleContext, token_iris: dict[int, str]) -> list:
    """Link a span found by its words to a new entity of ``type_``; return [(span, iri)], or []."""
    iri = _new_entity(span, type_, context)
    if iri is None:
        return []
    token_iris.update({t.i: iri for t in span})
    return [(span, iri)]


def _ships(doc, context: ArticleContext, token_iris: dict[int, str]) -> list:
    """Link "HMS Trent", "USS Kentucky" to the navy's state; return the (span, state) pairs."""
    words = linking_words()
    found = []
    for token in doc:
        code = words["ship_prefixes"].get(token.text)
        if code is None or token.i in token_iris or token.i + 1 >= len(doc) or not doc[token.i + 1].is_title \
                or token.i > 0 and doc[token.i - 1].lower_ in words["building_preps"]:
            # "at HMAS Stirling" is a naval base.
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        state = f"{ID}state/{code}"
        if end == token.i + 1 or state not in context.gazetteer.entities:
            continue
        token_iris.update({t: state for t in range(token.i, end)})
        context.register(state)
        found.append((doc[token.i:end], state))
    return found


def _in_title(ent) -> bool:
    # "Secretary of State Marco Rubio", "Defence Minister Vučević", "Supreme Leader Ali Khamenei":
    # the model's one-word organisation is part of a title; but "secretary of the Security
    # Council" names a body.
    root, doc, titles = ent.root, ent.doc, linking_words()["title_words"]
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in titles \
        or ent.end < len(doc) and doc[ent.end].is_title and doc[ent.end].lower_ in titles


def _names_weapon(ent) -> bool:
    # "two Patriot systems", "its Mirage 2000 fighters", "a Stryker squadron": a weapon's name,
    # not a body or a place.
    doc, lexicon = ent.doc, load_lexicon()
    after = [t for t in doc[ent.end:ent.end + 2] if not t.like_num]
    if ent.label_ in {"ORG", "GPE"} and len(ent) == 1 and lexicon.weapon_name(ent.root) \
            and any(t.like_num for t in doc[max(ent.start - 2, 0):ent.start]):
        # "12 used Typhoons", "six of its 12 Rafales": counted, so things.
        return True
    return ent.label_ in {"ORG", "GPE"} and len(ent) == 1 and bool(after) and after[0].pos_ == "NOUN" \
        and (lexicon.cargo_type(after[0]) is not None or ent.text.lower() in lexicon.weapon_names)


def _short_form(span, token_iris: dict[int, str], context: ArticleContext) -> str | None:
    """Return the body an abbreviation stands for: the name in front of its brackets ("the
    Kurdistan Workers' Party (PKK)"), or a body the article named whose initials it spells ("the
    SDF" after "the Syrian Democratic Forces")."""
    text, doc = span.text, span.doc
    if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
        return None
    before = token_iris.get(span.start - 2) if span.start >= 2 and doc[span.start - 1].text == "(" else None
    if before and context.entities[before].type in {"Organization", "MilitaryUnit"}:
        context.short_forms[text] = before
    if text in context.short_forms:
        return context.short_forms[text]
    spelled = {iri for iri, e in context.entities.items() if e.type in {"Organization", "MilitaryUnit"}
               and "".join(w[0] for w in e.label.split() if w[0].isupper()) == text}
    return spelled.pop() if len(spelled) == 1 else None


def _names_vessel(ent) -> bool:
    # "the Lady R, a sanctioned Russian cargo ship", "the tanker Sounion", "the container ship
    # Maersk Hangzhou": a ship's name, not a firm's or a person's.
    vessels, root = linking_words()["vessel_nouns"], ent.root
    return any(c.dep_ == "appos" and c.lemma_.lower() in vessels for c in root.children) \
        or root.dep_ in {"appos", "compound"} and root.head.lemma_.lower() in vessels and root.head.i < root.i \
        or ent.start > 0 and ent.doc[ent.start - 1].lower_ in vessels


def _ner_type(ent) -> str:
    type_ = _NER_TYPES[ent.label_]
    head = ent.root.head
    words = linking_words()
    if type_ == "Place" and ent.root.dep_ == "compound" and head.lemma_.lower() in words["group_heads"]:
        # "the M23 rebel group": a name that heads no place names a group.
        return "Organization"
    if type_ == "Organization" and ent[-1].lower_ in words["building_words"] and ent.root.dep_ == "pobj" \
            and head.lower_ in words["building_preps"]:
        # "received them in the Oval Office": a building, which the model took for a body.
        return "Place"
    if type_ in {"Organization", "Person"} and ent.root.dep_ == "pobj" and head.lower_ in words["place_preps"] \
            and not any(t.lower_ in words["body_words"] for t in ent):
        # "fighting near El Fasher", "a drone base in Hasakah", "a clash near Chong Bok": a place
        # the model took for a body or a person.
        return "Place"
    if type_ == "Place" and ent[-1].lower_ in words["body_words"]:
        # "the Shangri-La Dialogue", tagged as a facility: a name ending in a body's word.
        return "Organization"
    if type_ in {"Organization", "Person"} and not any(t.lower_ in words["body_words"] for t in ent) and (
            ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words["place_nouns"]
            or any(c.dep_ == "appos" and c.lemma_.lower() in words["place_nouns"] for c in ent.root.children)
            or ent.root.dep_ in {"appos", "compound"} and head.lemma_.lower() in words["place_nouns"]):
        # "the port city of Chancay", "Erbil, the capital of Iraq's Kurdistan Region", "seized the
        # Girkhgiz height": a place.
        return "Place"
    if type_ in {"Organization", "Place"} and ent.root.dep_ == "appos" and head.lemma_.lower() in words["title_words"] \
            and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" for t in ent):
        # "the French ambassador, Sylvain Itté", "India's national security adviser, Ajit Doval":
        # the name a title stands beside is a person's.
        return "Person"
    doc = ent.doc
    if type_ == "Organization" and ent.start > 0 and doc[ent.start - 1].lower_ in words["title_words"] \
            and 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" and t.lower_ not in words["body_words"] for t in ent):
        # "President Mahamat Idriss Déby", "Government spokeswoman Yolande Makolo": a title's name.
        return "Person"
    if type_ == "Organization" and all(t.pos_ == "PROPN" for t in ent) and any(
            c.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children)
            for c in ent.root.children):
        # "Vadim Krasikov, who had been serving a life sentence": "who" speaks of a person.
        return "Person"
    partner = ent.root.head if ent.root.dep_ == "conj" else None
    if type_ != "Person" and partner is not None and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" for t in ent) \
            and (partner.ent_type_ == "PERSON" or "/person/" in partner.ent_id_):
        # "Presidents Donald Trump and Gustavo Petro": a name joined to a person's is one too.
        return "Person"
    titles = [t.i for t in ent if t.lower_ in words["title_words"]]
    if type_ == "Organization" and titles and ent.end - titles[-1] > 2 and all(
            t.pos_ == "PROPN" and t.is_title and t.lower_ not in words["body_words"]
            for t in doc[titles[-1] + 1:ent.end]):
        # "National Security Adviser Ajit Doval": a title and the name after it are a person's.
        return "Person"
    if type_ != "Person" and all(t.pos_ == "PROPN" or t.text == "-" for t in ent) and any(
            c.dep_ == "appos" and c.lemma_.lower() in words["title_words"] for c in ent.root.children):
        # "Yunus-Bek Yevkurov, a Russian deputy defence minister": so is the name a title follows.
        return "Person"
    return type_


def _link_person(name, context: ArticleContext, found: list, token_iris: dict[int, str]) -> None:
    """Link a span as a person who is not in the KB."""
    person = _new_entity(name, "Person", context)
    if person:
        found.append((name, person))
        token_iris.update({token.i: person for token in name})


def _name_start(ent, token_iris: dict[int, str]) -> int:
    """Return where a name starts when given names come before the entity ruler's match."""
    start, doc = ent.start, ent.doc
    particles = linking_words()["name_particles"]
    while start > 0:
        if _given_name(doc[start - 1], token_iris):
            start -= 1
        elif start > 1 and doc[start - 1].lower_ in particles and _given_name(doc[start - 2], token_iris):
            # "Hamad bin Isa Al Khalifa": the name goes on across a particle.
            start -= 2
        else:
            break
    return start


def _given_name(token, token_iris: dict[int, str]) -> bool:
    # The tagger takes some foreign given names for nouns ("Thérèse"), but still hangs them on the name.
    # "On Friday Xi attended": a date is no given name; "JD Vance": initials the model calls a name are.
    return (token.pos_ == "PROPN" or token.dep_ == "compound") and token.i not in token_iris \
        and (token.is_title or token.is_upper and token.ent_type_ == "PERSON") \
        and "." not in token.text and token.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"} \
        and token.lower_ not in linking_words()["title_words"]


def _describes_noun(ent, gazetteer) -> bool:
    entity = gazetteer.entities[ent.ent_id_]
    return entity.type in {"Organization", "MilitaryUnit"} and entity.state is not None \
        and any(t.is_lower for t in ent) and ent.root.dep_ in {"amod", "compound", "nmod"}


def _facility(doc, ent, gazetteer):
    """Return the named building, unit or agreement a place's name begins, with its type, or None:
    "Khartoum International Airport" is a place, the "Black Sea Fleet" a military unit, the
    "Washington Declaration" an agreement."""
    if gazetteer.entities[ent.ent_id_].type not in {"Place", "State"}:
        return None
    end = ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end - ent.end < 4:
        end += 1
    words, last = linking_words(), doc[end - 1].lower_
    if end == ent.end:
        return None
    if last in words["agreement_heads"]:
        return doc[ent.start:end], "Agreement"
    if last not in words["building_words"] and last not in words["place_units"]:
        return None
    return doc[ent.start:end], "Place" if last in words["building_words"] else "MilitaryUnit"


def _demonym_body(doc, ent, context: ArticleContext):
    """Return "Belarusian Defence Ministry" and its IRI when a state body follows a demonym or a
    state's name, or None."""
    state = context.gazetteer.entities[ent.ent_id_]
    state_iri = ent.ent_id_ if state.type == "State" else state.state
    if not state_iri:
        return None
    for length in (3, 2, 1):
        span = doc[ent.end:ent.end + length]
        if len(span) == length and span.text in linking_words()["state_bodies"]:
            return doc[ent.start:span.end], _body(f"{ent.text} {span.text}", state_iri, context)
    return None


def _named_for_state(doc, ent):
    """Return the span and type of a body or unit named with a state's name or demonym first, or
    None: the capitalised words after it end in a word that bodies or units are named with."""
    words = linking_words()
    end = ent.end
    while end < len(doc) and end - ent.end < 5 and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and doc[end].ent_type_ in {"", "ORG"}:
        end += 1
    last = doc[end - 1].lower_
    if end - ent.end < 2 or doc[ent.end:end].text in words["state_bodies"] \
            or last not in words["body_heads"] and last not in words["unit_heads"]:
        return None
    return doc[ent.start:end], "MilitaryUnit" if last in words["unit_heads"] else "Organization"


def _names_building(ent, gazetteer) -> bool:
    name = gazetteer.names.get(ent.text)
    return name is not None and name[1] == "metonym" and ent.root.dep_ == "pobj" \
        and ent.root.head.lower_ in linking_words()["building_preps"]


def _building(name: str, state: str, context: ArticleContext) -> str:
    iri = entity_iri("Place", name)
    if iri not in context.entities:
        context.entities[iri] = Entity(iri=iri, label=name, type="Place", in_reference=False, state=state)
    return iri


def _place_states(doc, token_iris: dict[int, str], context: ArticleContext) -> None:
    """Give a new place the state written after it: "Harbin, in northeastern China"."""
    for token in doc:
        iri = token_iris.get(token.i)
        if not iri or token_iris.get(token.i + 1) == iri or context.entities[iri].type != "Place" \
                or context.entities[iri].state:
            continue
        index = token.i + 1
        while index < len(doc) and (doc[index].is_punct and doc[index].text == "," or
                                    doc[index].lower_ in {"in", "the"} or doc[index].pos_ == "ADJ"):
            index += 1
        outer = token_iris.get(index)
        if outer and any(t.lower_ == "in" for t in doc[token.i + 1:index]) \
                and context.entities[outer].type == "State":
            context.entities[iri] = replace(context.entities[iri], state=outer)
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            # "the South Korean port of Busan", "Russia's city of Belgorod"
            states = {token_iris.get(c.i) for c in token.head.head.children if c.dep_ in {"amod", "compound", "poss"}}
            states = [s for s in states if s and context.entities[s].type == "State"]
            if len(states) == 1:
                context.entities[iri] = replace(context.entities[iri], state=states[0])


def in_office(person: str, day: date | None, roles: Collection[str] | None = None) -> bool:
    """Tell whether a reference person held a post on ``day`` (or holds one now, if no day), one
    with one of ``roles`` if given."""
    from kg.extract.posts import load_titles  # posts builds on linking; imported late

    return any(t.covers(day) and (roles is None or t.role in roles) for t in load_titles().tenures.get(person, []))


def _shared_name(ent, context: ArticleContext, token_iris: dict[int, str]) -> str | None:
    """Pick which entity a shared name means: the agreement whose parties the article names most,
    itself or through its people and places.

    "the Comprehensive Strategic Partnership Treaty" is Russia's treaty with North Korea in one
    article and with Iran in another. With no party named, or a tie, the name stays unlinked.
    """
    gazetteer = context.gazetteer
    named = {m.entity for m in context.mentions} | set(token_iris.values())
    # "Putin and Kim Jong Un signed a treaty …": a leader named counts for the state.
    named |= {context.entities[iri].state for iri in named if iri in context.entities}
    scores = {iri: len(gazetteer.parties.get(iri, set()) & named) for iri in gazetteer.shared.get(ent.ent_id_, [])}
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or ranked[0] == 0 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(scores, key=scores.get)


def _elided_names(doc, context: ArticleContext, token_iris: dict[int, str]) -> list[tuple[object, str]]:
    # "Stara and Novaya Sorochina": the first name shares the second's last word.
    names, found = context.gazetteer.names, []
    for token in doc:
        if token.i in token_iris or token.pos_ != "PROPN" or token.i + 3 >= len(doc) \
                or doc[token.i + 1].lower_ not in ("and", "or"):
            continue
        after = token_iris.get(token.i + 2)
        end = token.i + 2
        while after is not None and end < len(doc) and token_iris.get(end) == after:
            end += 1
        if after is None or end - (token.i + 2) < 2:
            continue
        candidate = " ".join([token.text] + [t.text for t in doc[token.i + 3:end]])
        if candidate in names:
            found.append((doc[token.i:token.i + 1], names[candidate][0]))
            token_iris[token.i] = names[candidate][0]
    return found


def _trim(ent):
    """Drop leading and trailing words that are not proper nouns; None if nothing is left.

    A name the tokenizer split at a hyphen ("Kim Hong" "-" "kyun"), or the model cut at a
    particle ("Ursula von" "der Leyen"), is joined up again.
    """
    tokens = [t for t in ent]
    while tokens and tokens[0].pos_ != "PROPN":
        tokens.pop(0)
    while tokens and tokens[-1].pos_ != "PROPN":
        tokens.pop()
    if not tokens:
        return None
    end = tokens[-1].i + 1
    doc = ent.doc
    joined = end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    if end > joined and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and not doc[end].ent_type_ and tokens[0].i == joined - 1:
        # "Yunus-Bek Yevkurov": a hyphenated given name the model cut from the surname after it.
        end += 1
    particles = linking_words()["name_particles"]
    while ent.label_ == "PERSON" and end < len(doc) and doc[end - 1].lower_ in particles \
            and (doc[end].pos_ == "PROPN" or doc[end].lower_ in particles):
        # "Ursula von" + "der Leyen"
        end += 1
    if ent.label_ == "PERSON":
        end = _name_end(doc, end)
    start = tokens[0].i
    if ent.label_ != "PERSON" and start > 0 and _ORDINAL.fullmatch(doc[start - 1].lower_):
        # "the 3rd Separate Assault Brigade", "its 98th Division": the number is part of the name.
        start -= 1
    span = doc[start:end]
    span.label_ = ent.label_
    return span


def _name_end(doc, end: int) -> int:
    """Return where a person's name ends, past the last words the models cut off.

    The statistical model splits some names it does not know ("Min Aung" "Hlaing", "Hassan
    Sheikh" "Mohamud"), and the tokenizer splits a hyphenated given name ("Kang Shin" "-" "chul").
    A capitalised word that names nothing else, or a lower-case part after a hyphen, goes on
    with the name.
    """
    titles = linking_words()["title_words"]
    while end < len(doc):
        token = doc[end]
        if token.text == "-" and not doc[end - 1].whitespace_ and not token.whitespace_ \
                and end + 1 < len(doc) and doc[end + 1].is_lower and doc[end + 1].is_alpha:
            end += 2
        elif token.pos_ == "PROPN" and token.is_title and token.ent_type_ in {"", "PERSON"} \
                and token.lower_ not in titles and not token.is_sent_start:
            end += 1
        else:
            break
    return end


def _state_body(span, token_iris: dict[int, str], context: ArticleContext) -> str | None:
    """Return the body a state's name owns: "China's Foreign Ministry" → the Chinese Foreign Ministry.

    A reference body is linked by the state's demonym and the body's name; another is created
    under that name, in that state.
    """
    if span.text not in linking_words()["state_bodies"]:
        return None
    gazetteer = context.gazetteer
    owners = [token_iris.get(c.i) for c in span.root.children if c.dep_ == "poss" and c.i < span.start]
    # "the Foreign Ministry in Tehran": the capital's state owns it.
    owners += [gazetteer.capital_of.get(iri, iri) for prep in span.root.children
               if prep.dep_ == "prep" and prep.lower_ == "in" for p in prep.children
               if p.dep_ == "pobj" and (iri := token_iris.get(p.i))]
    states = [o for o in owners if o and (context.entities.get(o) or gazetteer.entities[o]).type == "State"]
    if states:
        context.register(states[0])
    demonym = gazetteer.demonym_by_state.get(states[0]) if states else None
    if demonym is None:
        return None
    return _body(f"{demonym} {span.text}", states[0], context)


def _body(name: str, state: str, context: ArticleContext) -> str:
    """Return the KB body of that name, or a new one of the state's."""
    gazetteer = context.gazetteer
    known = gazetteer.names.get(name)
    if known and gazetteer.entities[known[0]].type == "Organization":
        context.register(known[0])
        return known[0]
    iri = entity_iri("Organization", name)
    if iri not in context.entities:
        context.entities[iri] = Entity(iri=iri, label=name, type="Organization", in_reference=False, state=state)
    return iri


def _surface(words: list) -> str:
    """Return a name as written from its first word to its last: "Kim Hong-kyun", "al-Sham"."""
    return words[0].doc[words[0].i:words[-1].i + 1].text


def _new_entity(ent, type_: str, context: ArticleContext) -> str | None:
    words = [t for t in ent if not (t.is_punct or t.lower_ in {"the", "'s", "’s"})]
    name = _surface(words) if words else ""
    # A name part of a person already named in the article is that person, whatever NER says:
    # "Lavrov", "el-Sisi" after "Abdel Fattah el-Sisi", "Abu Marzouk" after "Mousa Abu Marzouk".
    if context.person_by_name_part(name):
        return context.person_by_name_part(name)
    if not words or not (words[0].text[:1].isupper() or _ORDINAL.fullmatch(words[0].lower_)):
        return None
    known = {normalise_name(e.label): iri for iri, e in context.entities.items() if e.type == "Person"}
    if normalise_name(name) in known:
        return known[normalise_name(name)]
    vocabulary = linking_words()
    if type_ == "Person" and (words[-1].lower_ in vocabulary["place_heads"]
                              or words[0].lower_ in vocabulary["place_prefixes"] and len(words) > 1):
        type_ = "Place"
    if type_ == "Person" and words[-1].lower_ in vocabulary["body_heads"]:
        type_ = "Organization"
    if words[-1].lower_ in vocabulary["unit_heads"] and type_ != "Person":
        type_ = "MilitaryUnit"
    # The head word ends the name, or comes before its first preposition: "the Convention on Cluster
    # Munitions", "the Guidelines for Nuclear Deterrence".
    head = next((w for w, after in zip(words, words[1:]) if after.lower_ in {"on", "for", "of", "between"}), words[-1])
    if {words[-1].lower_, words[-1].lemma_.lower(), head.lower_, head.lemma_.lower()} & vocabulary["agreement_heads"]:
        # "the Pukpuk Mutual Defence Treaty", tagged as an organisation: an agreement signs nothing.
        type_ = "Agreement"
    if type_ == "Person" and any(t.lower_ == "of" for t in words):
        # "the Order of St Andrew": people's names in English news carry no "of".
        return None
    if type_ == "Person":
        # "NATO Secretary General Mark Rutte": the name follows the last title word.
        titles = [i for i, t in enumerate(words) if t.lower_ in vocabulary["title_words"]]
        if titles:
            words = words[titles[-1] + 1:]
            if len(words) < 2:
                return None
            name = _surface(words)
        if len(words) < 2:
            return None
    iri = entity_iri(type_, name)
    if iri not in context.entities:
        context.entities[iri] = Entity(iri=iri, label=name, type=type_, in_reference=False)
        if type_ == "Person":
            context.add_name_parts(iri, name)
    return iri
