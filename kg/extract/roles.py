"""Who and where a token stands for: actors, places, and the words that refer back to them.

Pronouns ("she", "they"), group nouns ("the two leaders", "her government"), titles and
appositions lead to the entities the article has named; place nouns ("the city of Wonsan",
"the capital") lead to places.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.lexicon import Lexicon
from kg.extract.linking import ArticleContext, in_office

__all__ = ["Roles", "ACTOR_TYPES", "PLACE_TYPES", "verb_above"]

ACTOR_TYPES = {"State", "Person", "Organization", "MilitaryUnit"}
PLACE_TYPES = {"Place", "State"}
# Number words that count the actors a phrase stands for ("the two leaders", "both sides").
_NUMBER_WORDS = {"both": 2, "each": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


class Roles:
    """Role lookups over one paragraph's tokens and the article's linked entities."""

    def __init__(self, doc, token_iris: dict[int, str], context: ArticleContext, lexicon: Lexicon,
                 offset: int):
        self.doc, self.token_iris, self.context, self.lexicon = doc, token_iris, context, lexicon
        self.offset = offset
        self._open: set[int] = set()  # tokens being resolved, so that a reference loop ends

    def type_of(self, iri: str) -> str:
        return self.context.entities[iri].type

    @property
    def _addressing_verbs(self) -> set[str]:
        return {*self.lexicon.modality["charging_verbs"], *self.lexicon.modality["appeal_verbs"],
                *self.lexicon.protection_verbs}

    def self_governed(self, iri: str) -> bool:
        """Whether an entity is a known place that no single state holds, such as Taiwan."""
        entity = self.context.entities[iri]
        return entity.type == "Place" and bool(entity.wikidata) and not entity.state

    def actors(self, token, owners: bool = True) -> list[str]:
        """Return the actors a token stands for, following conjuncts.

        With ``owners`` false, a thing is not taken for its owner: "condemned Russia's
        invasion" names no one condemned, but "credited North Korean units" names North Korea.
        """
        if token.i in self._open:
            # A phrase that refers to itself through a pronoun inside it names no one new.
            return []
        self._open.add(token.i)
        try:
            found = self._actor(token, owners)
            for child in token.children:
                if child.dep_ == "conj":
                    found += self.actors(child, owners)
                elif child.dep_ == "nmod" and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.subtree):
                    # "Macron and Serbian President Aleksandar Vučić held talks": the parser hangs
                    # the first of two people on the second, and the second's title on the first
                    # (or the "and" on a part of the first name: "Abdel Fattah el-Sisi and …").
                    found += self._actor(child, owners)
                elif child.dep_ == "compound" and found and self.type_of(found[0]) == "Person":
                    # "talks with Foreign Secretary Enrique Manalo and Defence Secretary Gilberto
                    # Teodoro", "President Abdel Fattah el-Sisi and Prime Minister Narendra Modi
                    # signed": or on the second's title.
                    found += [a for g in child.children
                              if g.dep_ in {"nmod", "amod", "appos"} and g.i in self.token_iris
                              and any(c.dep_ == "cc" and c.lower_ == "and" for c in g.children)
                              for a in self._actor(g, owners)]
                elif child.dep_ in {"amod", "compound"} and found and self.type_of(found[0]) == "Person" \
                        and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children) \
                        and child.i in self.token_iris and self.type_of(self.token_iris[child.i]) == "Person":
                    # "talks between Pezeshkian and Prime Minister Mohammed Shia al-Sudani": the
                    # parser may take the first name for a modifier of the second.
                    found += self._actor(child, owners)
                elif child.dep_ == "appos" and found and child.i in self.token_iris \
                        and (any(c.dep_ == "conj" for c in child.children)
                             or self.type_of(found[0]) == "Person" == self.type_of(self.token_iris[child.i])):
                    # "Mali, Burkina Faso and Niger" is sometimes parsed as an apposition, and so is
                    # the next of several people named; but "Mohammed bin Salman, the kingdom's
                    # defence minister and ruler" is one man.
                    found += self.actors(child, owners)
                elif child.dep_ == "appos" and found and self.type_of(found[0]) == "Person" \
                        and child.i not in self.token_iris and child.pos_ == "PROPN":
                    # "Ramaphosa, Senegal's President Macky Sall, Zambia's President Hakainde
                    # Hichilema …": the parser hangs the next people on a title.
                    found += [a for g in child.children if g.dep_ == "appos" and g.i in self.token_iris
                              and self.type_of(self.token_iris[g.i]) == "Person" for a in self.actors(g, owners)]
                elif child.dep_ == "poss" and found and self.type_of(found[0]) == "Person" \
                        and child.i in self.token_iris and self.type_of(self.token_iris[child.i]) == "Person" \
                        and any(c.dep_ == "conj" and any(g.dep_ == "case" for g in c.children) for c in child.children):
                    # "Hegseth and Qatar's defence minister, Sheikh Saoud, signed": the parser takes
                    # the first person for the owner of the second's title.
                    found += self._actor(child, owners)
                elif child.dep_ == "prep" and child.lower_ == "of" and found \
                        and self.type_of(found[0]) == "Person":
                    # "Tiani of Niger, Goïta of Mali and Traoré of Burkina Faso", "King Abdullah II of
                    # Jordan, Sisi and Abbas": the parser hangs the next person on the state before them.
                    found += [a for p in child.children if p.dep_ == "pobj" for c in p.children
                              if c.dep_ in {"appos", "conj"} and c.i in self.token_iris
                              and self.type_of(self.token_iris[c.i]) == "Person"
                              for a in self.actors(c, owners)]
            dangling = next((c for c in token.children if c.dep_ == "cc" and c.lower_ == "and"), None)
            if dangling is not None and not any(c.dep_ == "conj" for c in token.children) \
                    and dangling.i + 1 < len(self.doc) and self.doc[dangling.i + 1].i in self.token_iris:
                # "the foreign ministers of the Democratic Republic of Congo and Rwanda": the parser
                # may hang the second name elsewhere, and leave the "and" on the first.
                after = self.doc[dangling.i + 1]
                after = next((a for a in (after, *after.ancestors) if a.dep_ in {"appos", "conj"}
                              and a.i in self.token_iris), None)
                if after is not None and after.head.i != token.i:
                    found += self._actor(after, owners)
            if token.dep_ == "dobj" and found:
                # "joined him and Turkish President Recep Tayyip Erdoğan": the parser may hang the
                # second object on the verb, as if it were a clause.
                found += [a for c in token.head.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                          and c.i > token.i and c.i in self.token_iris for a in self._actor(c, owners)]
        finally:
            self._open.discard(token.i)
        return list(dict.fromkeys(found))

    def _actor(self, token, owners: bool = True) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in ACTOR_TYPES:
            return [iri]
        if iri and self.self_governed(iri) and (token.dep_ in {"nsubj", "nsubjpass"} or token.dep_ == "dobj"
                                                and token.head.lemma_ in self._addressing_verbs):
            # "Taiwan took delivery of …", "accused Taiwan of …", "would defend Taiwan": a known
            # place that no single state holds acts for itself.
            return [iri]
        pronouns = self.lexicon.modality
        if token.lower_ in {"who", "which", "that"} and token.dep_ in {"nsubj", "nsubjpass"} \
                and token.head.dep_ == "relcl":
            # "Wang Yi, who said …": the noun the clause describes; "al-Shabaab, the al-Qaeda
            # affiliate that has waged …": the name that noun stands beside.
            described = token.head.head
            if described.dep_ == "appos" and described.i not in self.token_iris:
                named = self._actor(described.head)
                if named:
                    return named
            if any(c.dep_ == "conj" for c in described.children) \
                    and all(c.i < token.i for c in described.children if c.dep_ == "conj") \
                    and not any(t.tag_ == "VBZ" or t.lower_ == "was" for t in (token.head, *token.head.children)):
                # "cooperation between Russia and North Korea, which signed a treaty": the clause
                # after the pair is about both (but "… and the United States, which has agreed" is
                # about the last).
                return self.actors(described)
            if described.dep_ == "conj" and described.head.i < described.i \
                    and not any(t.tag_ == "VBZ" or t.lower_ == "was" for t in (token.head, *token.head.children)):
                # "Grant Shapps and Guido Crosetto, who travelled to Tokyo": the parser may hang
                # the clause on the last of the pair.
                return self.actors(described.head)
            return self._actor(described)
        if token.lower_ in {"which", "whom"} and token.dep_ == "pobj" and token.head.head.dep_ == "relcl" \
                and token.head.i < token.head.head.i:
            # "France, with which it signed the treaties", "Putin, with whom he held talks": the
            # noun the clause describes.
            return self._actor(token.head.head.head)
        if token.lower_ == "whose" and token.dep_ == "poss":
            # "Eritrea, whose troops fought alongside Ethiopian forces": the noun the clause describes.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self._actor(clause.head) if clause is not None else []
        subject = self._clause_subject(token)
        if subject:
            return subject
        if token.lower_ in pronouns["person_pronouns"]:
            return self._same_pronoun(token) or self._joined_person(token) or self._previous_subject(token) \
                or self._named_after(token) \
                or self._subject_before(token) or self._main_subject(token) or self._antecedent(token, {"Person"})
        if token.lower_ in pronouns["group_pronouns"]:
            if token.lower_ in {"it", "its"}:
                # "it" stands for a state or body only as a subject, possessor or indirect object
                # ("it had sent troops"); as an object it is nearly always a thing ("called it a
                # breakthrough").
                words = self.lexicon.modality
                # "accused it of fuelling tensions", "urged it to prevent a recurrence": someone.
                charged = token.dep_ == "dobj" and (token.head.lemma_ in words["charging_verbs"]
                                                    or token.head.lemma_ in words["request_verbs"]
                                                    and any(c.dep_ == "xcomp" for c in token.head.children))
                if token.dep_ not in {"nsubj", "nsubjpass", "poss", "dative"} and not charged:
                    return []
                if charged:
                    # "He accused it of fuelling tensions": only someone can be accused, or asked.
                    return self._antecedent(token, {"State", "Organization", "MilitaryUnit"})
                if token.dep_ == "dative":
                    # "sending it hundreds of tanks": whom the sending is for.
                    return self._antecedent(token, {"State", "Organization"})
                speaker = self.context.last_speaker
                if speaker and token.dep_ == "nsubj" and token.head.lemma_ in self.lexicon.modality["reporting_verbs"] \
                        and not self._governing_subject(token):
                    # "It said the decision had been expected": the body that spoke last.
                    return [speaker]
                if self._said_of_thing(token):
                    return []
                return self._governing_subject(token) or self._speaker_again(token) \
                    or self._joined_subject(token) or self._accuser(token) \
                    or self._antecedent(token, {"State", "Organization", "MilitaryUnit"})
            return self._coordinated_before(token) or self._group_antecedent(token)
        # A name in apposition says who is meant, before any post in the KB does.
        appositions = [a for c in token.children if c.dep_ == "appos" and not _after_and(c) for a in self._actor(c)] \
            or self._detached_apposition(token)
        if appositions:
            return appositions
        holders = self._office_holders(token)
        if holders:
            return holders
        if token.pos_ == "NUM" and token.lower_ in _NUMBER_WORDS and token.dep_ in {"nsubj", "nsubjpass"} \
                and any(c.lower_ == "the" for c in token.children):
            # "when the two met": the people named last, else the states.
            count = _NUMBER_WORDS[token.lower_]
            return self._antecedent(token, {"Person"}, count=count) or self._antecedent(token, {"State"}, count=count)
        group = pronouns["group_nouns"].get(token.lemma_.lower())
        owner = next((c for c in token.children if c.dep_ == "poss"
                      and (c.lower_ in pronouns["person_pronouns"] or c.lower_ == "their")), None)
        if group == ["State"] and owner is not None:
            # "her government", "his country": the state of the person meant; "Biden and Macron
            # said their countries …": theirs.
            # "held talks with To Lam, and their governments signed …": the two just named.
            count = 2 if owner.lower_ == "their" and token.tag_ == "NNS" else 1
            people = self._clause_subject(owner) or self._antecedent(owner, {"Person"}, count=count)
            states = [s for s in dict.fromkeys(self.context.entities[p].state if self.type_of(p) == "Person" else p
                                               for p in people) if s]
            for state in states:
                self.context.register(state)
            return states
        bodies = [a for c in token.children if c.dep_ in {"amod", "compound"} for a in self._actor(c)
                  if self.type_of(a) == "Organization"]
        if group == ["Person"] and token.tag_ == "NNS" and bodies:
            # "the G7 leaders accused China": the body they speak for.
            return bodies
        named = [a for c in token.children if c.dep_ in {"amod", "compound"} for a in self._actor(c)
                 if self.type_of(a) in group] if group else []
        if named:
            # "the Russian side", "the Iranian government": the one the modifier names.
            return named
        if group and any(self.type_of(iri) == "Place" for c in token.children if c.dep_ in {"amod", "compound"}
                         and (iri := self.token_iris.get(c.i))):
            # "the Gaza side of the crossing" is a place, not a party.
            return []
        if group and any(t.pos_ == "PROPN" for c in token.children if c.dep_ == "compound" for t in c.subtree):
            # "the Viv Ansanm gang alliance": a name of something else than the kind meant (here
            # taken for a person's), or missed, not one told before.
            return []
        if group and any(c.lower_ in {"the", "both", "all", "their", "each"} for c in token.children):
            # "the two leaders", "both sides", "the three countries", "the leaders": the actors of
            # that kind named last, or the people of the meeting just reported.
            number = self._number(token)
            # "the rebels", "the militants": one group's members, unless a number says more.
            count = number or (2 if token.tag_ == "NNS" and group != ["Organization"] else 1)
            roles = self.lexicon.modality["group_roles"].get(token.lemma_.lower())
            # "the ministry added": the ministry named last, not the armed group named after it.
            found = roles and self._antecedent(token, set(group), count=count, roles=roles) \
                or self._antecedent(token, set(group), count=count, word=token.lemma_.lower()) \
                or self._antecedent(token, set(group), count=count)
            named = self._sentence_states(token) if group[0] == "State" and count >= 2 else []
            if len(named) == count and not self._in_sentence(found, token):
                # "Xi paid a state visit to Vietnam, when the two countries signed …": the states
                # the sentence names, each person's for them.
                for state in named:
                    self.context.register(state)
                return named
            meeting = self.context.last_meeting
            if group == ["Person"] and len(meeting) >= 2 and number in {None, len(meeting)} \
                    and token.tag_ == "NNS" and not self._in_sentence(found, token):
                # "Trump said he hoped to meet Kim. The two leaders did not issue…": the two
                # who met, not the two named last.
                return list(meeting)
            states = list(dict.fromkeys(self.context.entities[p].state for p in meeting))
            if group[0] == "State" and len(states) >= 2 and None not in states and number in {None, len(states)} \
                    and token.tag_ == "NNS" and not self._in_sentence(found, token):
                # "the governments pledged" after a summit: the states of those who met.
                for state in states:
                    self.context.register(state)
                return states
            if group[0] == "State" and count == 2 and found and not self._in_sentence(found, token):
                # "The treaty builds on an agreement that the two countries signed": the two the
                # article is about, not the last two it happened to name.
                main = self._main_states(token)
                if len(main) == 2:
                    return main
            if found:
                return found
            # With no one named before, read on: "The foreign ministers of Rwanda and Congo" act
            # for Rwanda and Congo.
        if token.lemma_.lower() in pronouns["part_words"]:
            # "some of those troops", "most of them": who the whole is.
            return [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for p in prep.children if p.dep_ == "pobj" for a in self.actors(p)]
        if self.lexicon.cargo_type(token) == "Deployment" and self.context.last_sender \
                and any(c.lower_ in {"the", "those", "these"} for c in token.children) \
                and not any(c.dep_ in {"amod", "compound", "poss", "prep"} for c in token.children):
            # "those troops", "the soldiers": the ones the article last reported sent.
            return [self.context.last_sender]
        if token.lemma_.lower() == "counterpart":
            return self._counterpart(token)
        if token.lemma_.lower() in pronouns["party_nouns"]:
            return self._other_party(token)

        named = self._name_after_title(token)
        if named:
            return named
        if token.lemma_.lower() in pronouns["member_nouns"]:
            # "a senior US delegation led by Kurt Campbell": who leads it acts for it.
            leaders = [a for acl in token.children if acl.dep_ == "acl" and acl.lemma_.lower() in pronouns["lead_verbs"]
                       for by in acl.children if by.dep_ == "agent" for p in by.children if p.dep_ == "pobj"
                       for a in self.actors(p)]
            if leaders:
                return leaders
        if token.lemma_.lower() in pronouns["member_nouns"] or token.lemma_.lower() in self.lexicon.movers \
                or self.lexicon.cargo_type(token) == "Deployment":
            # "Leaders of the G7", "advisers from Russia and France", "warships from the United
            # States and Japan": whom they act for.
            found = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
                     for p in prep.children if p.dep_ == "pobj" for a in self.actors(p)]
            if found:
                return found
        if token.lemma_.lower() in pronouns["resident_nouns"] \
                and not any(c.lower_ in pronouns["former_words"] for c in token.children):
            # "officials in Washington", "diplomats in Beijing": the state of the place they work
            # in (but not "former diplomats in Jakarta").
            found = [state for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "in"
                     for p in prep.children if p.dep_ == "pobj" and (iri := self.token_iris.get(p.i))
                     and self.type_of(iri) == "Place" and (state := self.context.entities[iri].state)]
            for state in found:
                self.context.register(state)
            if found:
                return found
        lemma = token.lemma_.lower()
        if lemma in pronouns["office_nouns"]:
            # "Netanyahu's office said", "the office of Prime Minister al-Sudani": a leader's office
            # speaks for the leader's state.
            holders = [c for c in token.children if c.dep_ == "poss"] + [
                p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
            people = [a for h in holders for a in self.actors(h) if self.type_of(a) == "Person"]
            states = [s for s in dict.fromkeys(self.context.entities[a].state for a in people) if s]
            if states:
                for state in states:
                    self.context.register(state)
                return states
        lemma = token.lemma_.lower()
        if not owners and lemma not in pronouns["group_nouns"] and lemma not in pronouns["member_nouns"] \
                and self.lexicon.cargo_type(token) != "Deployment":
            # Troops, delegations and officials stand for their state; an invasion or a decision does not.
            return []
        # "the Saudi-led coalition": who leads it.
        leaders = [a for c in token.children if c.dep_ == "amod" and c.lemma_.lower() in pronouns["lead_verbs"]
                   for g in c.children if g.dep_ in {"npadvmod", "compound", "nmod"} for a in self._actor(g)]
        if leaders:
            return leaders
        if self.lexicon.cargo_type(token) == "Transfer":
            # "drones launched by Yemen's Houthi rebels": whose weapons they are.
            launchers = [a for acl in token.children if acl.dep_ == "acl" for by in acl.children if by.dep_ == "agent"
                         for p in by.children if p.dep_ == "pobj" for a in self.actors(p)]
            if launchers:
                return launchers
        # "North Korea's Foreign Minister, Choe Son Hui": the title noun heads the phrase;
        # "North Korean troops": the force stands for its state; "Russian and Ukrainian
        # delegations": both.
        for dep in ("compound", "poss", "amod", "nmod"):
            found = [a for child in token.children if child.dep_ == dep for a in self.actors(child)]
            if found and dep == "poss" and self.lexicon.cargo_type(token) == "Deployment":
                # "a clash between their troops", after two leaders: the troops are their states'.
                found = [self.context.entities[a].state or a if self.type_of(a) == "Person" else a for a in found]
                for state in found:
                    self.context.register(state)
            if found:
                return list(dict.fromkeys(found))
        return []

    def _governing_subject(self, token) -> list[str]:
        """Resolve "it" to the subject of a clause it hangs in.

        "Russia first used the Oreshnik on November 21, when it struck …", "Washington said it had
        not been told", "Russia massed troops, while denying that it plans to invade": Russia,
        the United States, Russia.
        """
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ not in {"advcl", "relcl", "ccomp"}:
            return []
        verb = clause.head
        for _ in range(4):
            verb = verb_above(verb)
            found = [a for c in verb.children if c.dep_ == "nsubj" for a in self.actors(c)
                     if self.type_of(a) in {"State", "Organization"}]
            if found or verb.dep_ not in {"advcl", "ccomp", "conj", "xcomp"}:
                return found if len(found) == 1 else []
            verb = verb.head
        return []

    def _speaker_again(self, token) -> list[str]:
        """Resolve "its" in a second reported clause to whoever reports it: "The Royal Thai Army said
        Cambodian soldiers had fired first, and that its troops had only fired back"."""
        if token.dep_ != "poss" or token.head.dep_ != "nsubj":
            return []
        clause = token.head.head
        if clause.dep_ != "conj" or clause.head.dep_ != "ccomp" \
                or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                or clause.head.head.lemma_ not in self.lexicon.modality["reporting_verbs"]:
            return []
        return [a for c in clause.head.head.children if c.dep_ == "nsubj" for a in self.actors(c)
                if self.type_of(a) in {"State", "Organization"}]

    def _accuser(self, token) -> list[str]:
        """Resolve "its" in what someone is accused of to the accuser: "it has accused Congolese
        forces of firing shells into its territory" (the accused do not shell their own)."""
        if token.dep_ != "poss" or token.head.dep_ != "pobj":
            return []
        verb = token.head.head.head
        accused = charged_object(verb.head, self.lexicon) if verb.dep_ == "pcomp" else None
        if accused is None:
            return []
        return [a for c in accused.head.children if c.dep_ == "nsubj" for a in self.actors(c)]

    def _said_of_thing(self, token) -> bool:
        """Whether "it" is the thing just judged: "welcomed the decision, saying it would expand
        the military's role", "called the move a mistake and said it would backfire"."""
        clause = token.head
        if token.dep_ != "nsubj" or clause.dep_ != "ccomp" \
                or clause.head.lemma_ not in self.lexicon.modality["reporting_verbs"]:
            return False
        judging = clause.head.head if clause.head.dep_ in {"advcl", "conj"} else None
        return judging is not None and judging.i < token.i and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in self.token_iris
            and any(d.lower_ in {"the", "this", "that"} for d in c.children) for c in judging.children)

    def _name_after_title(self, token) -> list[str]:
        """Resolve "Ukraine's ambassador to Australia, Vasyl Myroshnychenko, thanked …" to the
        person: the parser hangs the name on the place the title ends with, after a comma, not "and"."""
        if token.pos_ != "NOUN":
            return []
        places = [p for prep in token.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"
                  and not any(c.dep_ == "cc" for c in p.children)]
        names = [iri for p in places for c in p.children if c.dep_ in {"conj", "appos"}
                 and token.doc[c.left_edge.i - 1].lower_ == ","
                 and (iri := self.token_iris.get(c.i)) and self.type_of(iri) == "Person"]
        return names[:1]

    def _joined_subject(self, token) -> list[str]:
        # "Rwanda denies fighting alongside the M23, and it has accused …", "Serbia has stayed out
        # of sanctions, and its air force still relies on MiG-29s": the subject of the clause "it"
        # is joined to, not the group named last.
        subject = token if token.dep_ == "nsubj" else token.head if token.dep_ == "poss" else None
        if subject is None or subject.dep_ != "nsubj" or subject.head.dep_ != "conj":
            return []
        found = [a for c in subject.head.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i
                 for a in self.actors(c) if self.type_of(a) in {"State", "Organization"}]
        return found if len(found) == 1 else []

    def _same_pronoun(self, token) -> list[str]:
        # "he was received by Xi, and he also held talks with Lavrov": the second "he" is the first.
        if token.dep_ != "nsubj" or token.head.dep_ != "conj":
            return []
        first = next((c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if first is None or first.lower_ != token.lower_:
            return []
        return self._antecedent(first, {"Person"})

    def _subject_before(self, token) -> list[str]:
        """Resolve "him" or "her" in a clause below the main one to the main clause's "he" or "she":
        "From Moscow he flew on to Berlin, where Scholz received him"."""
        pronoun = {"him": "he", "her": "she"}.get(token.lower_)
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.lower_ == pronoun), None)
        if subject is None or subject.i > token.i or token.head.i == root.i or _shares_subject(token, root):
            return []
        return self._previous_subject(subject)

    def _joined_person(self, token) -> list[str]:
        """Resolve "he" or "she" opening a clause joined by "and" to the person the first clause is
        about: "Modi told Xi that peace had returned, and he announced that flights would resume"."""
        if token.dep_ != "nsubj" or token.head.dep_ != "conj":
            return []
        people = [a for c in token.head.head.children if c.dep_ == "nsubj" and c.i < token.i
                  and c.lower_ not in self.lexicon.modality["person_pronouns"] for a in self.actors(c)
                  if self.type_of(a) == "Person"]
        return people if len(people) == 1 else []

    def _main_subject(self, token) -> list[str]:
        """Resolve "he" or "she" in a clause that describes something in the main one to the
        person the main clause is about: "Zelenskyy held talks with Biden …, the last day of a
        summit to which he had flown"."""
        clause = next((a for a in token.ancestors if a.dep_ in {"relcl", "advcl", "acl"}), None)
        root = token.sent.root
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.lower_ not in {"he", "she"} or clause is None \
                or not any(a.i == root.i for a in clause.ancestors):
            return []
        people = [a for c in root.children if c.dep_ == "nsubj" and c.i < token.i for a in self.actors(c)
                  if self.type_of(a) == "Person"]
        return people if len(people) == 1 else []

    def _clause_subject(self, token) -> list[str]:
        """Resolve "Iran … in its first attack", "Putin … at his residence" to the clause's subject."""
        kinds = {"his": {"Person"}, "her": {"Person"}, "its": {"State", "Organization", "MilitaryUnit"},
                 "their": ACTOR_TYPES}
        if token.dep_ != "poss" or token.lower_ not in kinds:
            return []
        verb = verb_above(token.head)
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and token.i not in
                    {t.i for t in c.subtree} and c.lower_ not in kinds]
        if not subjects and verb.dep_ == "ccomp" and any(token.i in {t.i for t in c.subtree}
                                                         for c in verb.children if c.dep_ == "nsubj"):
            # "Biden and Macron said their countries would …": the ones who say it.
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.lower_ not in kinds]
        found = [a for c in subjects for a in self.actors(c) if self.type_of(a) in kinds[token.lower_]]
        return found if len(found) == 1 or token.lower_ == "their" else []

    def _office_holders(self, token) -> list[str]:
        """Resolve "the Russian and North Korean foreign ministers" to who held those posts."""
        from kg.extract.posts import load_titles  # posts builds on roles' neighbours; imported late

        titles = load_titles()
        # "foreign ministers": the title is the modifiers no entity claims, and the noun.
        words = [c.text for c in token.children if c.dep_ in {"compound", "amod"} and c.i < token.i
                 and c.i not in self.token_iris] + [token.lemma_]
        states = [a for c in token.children if c.dep_ in {"amod", "poss", "nmod"}
                  for a in self.actors(c) if self.type_of(a) == "State"]
        if not states or not titles.roles(" ".join(words), None):
            return []
        holders = []
        for state in states:
            named = self._named_leader(words, state, token)
            if named:
                holders.append(named)
                continue
            roles = titles.roles(" ".join(words), state)
            people = {p for p, held in titles.tenures.items() for t in held
                      if t.role in roles and t.state == state and t.covers(self.context.published)}
            if len(people) != 1:
                return []
            holders.append(people.pop())
        for holder in holders:
            self.context.add(holder, token.text, self.offset + token.idx)
        return holders

    def _named_leader(self, words: list[str], state: str, token) -> str | None:
        """Return the one person the article has named who leads the state, for "the Iranian
        leader": the president it is about, not the supreme leader the KB also knows."""
        roles = self.lexicon.modality["group_roles"].get(" ".join(words).lower())
        if not roles:
            return None
        start = self.offset + token.idx
        people = {m.entity for m in self.context.mentions if m.span.start < start
                  and self.type_of(m.entity) == "Person" and self.context.entities[m.entity].state == state
                  and self._holds(m.entity, roles)}
        return people.pop() if len(people) == 1 else None

    def _counterpart(self, token) -> list[str]:
        """Resolve "his Russian counterpart": who holds the same post in the other state."""
        from kg.extract.posts import load_titles  # posts builds on roles' neighbours; imported late

        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        state = next((a for c in token.children if c.dep_ in {"amod", "compound"}
                      for a in self._actor(c) if self.type_of(a) == "State"), None)
        person = self._actor(owner) if owner is not None else []
        if not person or state is None or self.type_of(person[0]) != "Person":
            return []
        tenures = load_titles().tenures
        day = self.context.published
        roles = {c.role for c in self.context.posts if c.person == person[0]} or \
            {t.role for t in tenures.get(person[0], []) if t.covers(day)}
        holders = {p for p, held in tenures.items() for t in held
                   if t.role in roles and t.state == state and t.covers(day)}
        if len(holders) != 1:
            return []
        holder = holders.pop()
        self.context.add(holder, token.text, self.offset + token.idx)
        return [holder]

    def _detached_apposition(self, token) -> list[str]:
        """Resolve "received China's top diplomat, Wang Yi, in the Kremlin" when the parser hangs
        the name on the verb instead of the noun it renames."""
        doc, comma = token.doc, token.right_edge.i + 1
        if token.pos_ != "NOUN" or comma + 1 >= len(doc) or doc[comma].text != ",":
            return []
        name = doc[comma + 1]
        while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN":
            name = doc[name.i + 1]
        iri = self.token_iris.get(name.i)
        if iri and self.type_of(iri) == "Person" and name.head.i in {token.i, token.head.i}:
            return [iri]
        return []

    def _other_party(self, token) -> list[str]:
        """Resolve "told his guest", "thanked her host": the other one of the owner's last meeting."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        visitor = self.context.last_visitor
        if owner is None and visitor and token.lemma_.lower() in self.lexicon.modality["visitor_nouns"] \
                and token.tag_ == "NN" and [c.lower_ for c in token.children] == ["the"]:
            # "Zelenskyy received the visitor": the one who last arrived.
            self.context.add(visitor, token.text, self.offset + token.idx)
            return [visitor]
        person = self._actor(owner) if owner is not None else []
        meeting = self.context.last_meeting
        others = [p for p in meeting if p not in person]
        if len(person) != 1 or person[0] not in meeting or len(others) != 1:
            return []
        self.context.add(others[0], token.text, self.offset + token.idx)
        return others

    def _coarguments(self, token) -> set[str]:
        # "Putin hosted him", "He told Putin": a pronoun is never another argument of its own verb.
        if token.dep_ not in {"nsubj", "nsubjpass", "dobj", "dative", "pobj"}:
            return set()
        verb = _verb_of(token)
        arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}]
        arguments += [p for c in verb.children if c.dep_ in {"prep", "agent"} for p in c.children if p.dep_ == "pobj"]
        if token.lower_ in {"him", "her"} and _borrows_subject(verb):
            # "who witnessed the signing and told her": the subject of the first verb is this one's.
            arguments += [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        found = {self.token_iris[t.i] for c in arguments if c.i != token.i for t in _phrase(c)
                 if t.i in self.token_iris and t.i != token.i}
        # "Marcos, who told her": the one the clause describes.
        return found | {iri for c in arguments if c.lower_ == "who" for iri in self._actor(c)}

    def _named_after(self, token) -> list[str]:
        """Resolve "he" in a clause that opens the sentence to the person its main clause is about:
        "Speaking in New York, where he was attending the UN General Assembly, Pedro Sánchez said …"."""
        root = token.sent.root
        opening = next((c for c in root.children if c.dep_ == "advcl" and c.i < token.i), None)
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i), None)
        if opening is None or subject is None or not any(t.i == token.i for t in opening.subtree):
            return []
        people = [a for a in self.actors(subject) if self.type_of(a) == "Person"]
        return people if len(people) == 1 else []

    def _previous_subject(self, token) -> list[str]:
        """Resolve a sentence's subject "he" or "she" to the person the sentence before was about.

        "Putin travelled to Tehran for talks with Iran's leaders. Last month he visited
        Tajikistan": the one the story follows, not the one named last.
        """
        sent = token.sent
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.i != sent.root.i \
                or any(self.type_of(m.entity) == "Person" and self.offset + sent.start_char <= m.span.start
                       < self.offset + token.idx for m in self.context.mentions):
            return []
        # The sentence before may end the paragraph before.
        people = self.context.last_subject
        return list(people) if len(people) == 1 else []

    def subject_people(self, sent) -> tuple[str, ...]:
        """Return the people who are the subject of a sentence's main clause.

        A clause that opens the sentence and hangs on a later root is its main clause too: the
        parser takes "Trudeau accused India …, a charge New Delhi has always rejected" for what
        New Delhi rejected.
        """
        def people(clause) -> tuple[str, ...]:
            return tuple(dict.fromkeys(a for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                                       for a in self.actors(c) if self.type_of(a) == "Person"))

        opening = next((c for c in sent.root.children if c.dep_ == "ccomp" and c.i < sent.root.i), None)
        return people(sent.root) or (people(opening) if opening is not None else ())

    def _antecedent(self, token, types: set[str], count: int = 1, roles: list[str] | None = None,
                    word: str | None = None) -> list[str]:
        """Return the last ``count`` entities of ``types`` named before the token, if as many
        are: only people who hold one of ``roles``, or entities whose name has ``word`` in it."""
        found: list[str] = []
        excluded = self._coarguments(token)
        for mention in reversed(self.context.mentions):
            if mention.span.start < self.offset + token.idx and self.type_of(mention.entity) in types \
                    and mention.entity not in found and mention.entity not in excluded \
                    and (roles is None or self._holds(mention.entity, roles)) \
                    and (word is None or word in self.context.entities[mention.entity].label.lower().split()):
                found.append(mention.entity)
                if len(found) == count:
                    break
        return found if len(found) == count else []

    def _holds(self, person: str, roles: list[str]) -> bool:
        """Whether the article gives the person one of the roles, or the KB did when it was written."""
        return any(c.person == person and c.role in roles for c in self.context.posts) \
            or in_office(person, self.context.published, roles)

    @staticmethod
    def _number(token) -> int | None:
        for child in token.children:
            if child.lower_ in _NUMBER_WORDS:
                return _NUMBER_WORDS[child.lower_]
            if child.dep_ == "nummod" and child.text.isdigit():
                return int(child.text)
        return None

    def _sentence_states(self, token) -> list[str]:
        """Return the states the sentence names before the token, a person standing for theirs."""
        start = self.offset + token.sent.start_char
        states = [self.context.entities[m.entity].state if self.type_of(m.entity) == "Person" else m.entity
                  for m in self.context.mentions if start <= m.span.start < self.offset + token.idx
                  and self.type_of(m.entity) in {"Person", "State"}]
        return [s for s in dict.fromkeys(states) if s]

    def _main_states(self, token) -> list[str]:
        """Return the two states the article has named most so far, if two stand out; a person or a
        place named counts for its state ("Zelenskyy", "Kyiv" for Ukraine)."""
        start = self.offset + token.idx
        entities = self.context.entities
        counts = Counter(m.entity if entities[m.entity].type == "State" else entities[m.entity].state
                         for m in self.context.mentions if m.span.start < start
                         and (entities[m.entity].type == "State" or entities[m.entity].type in {"Person", "Place"}
                              and entities[m.entity].state))
        ranked = counts.most_common(3)
        if len(ranked) < 2 or len(ranked) == 3 and ranked[2][1] == ranked[1][1]:
            return []
        return [ranked[0][0], ranked[1][0]]

    def _in_sentence(self, entities: list[str], token) -> bool:
        start = self.offset + token.sent.start_char
        return bool(entities) and all(any(m.entity == e and start <= m.span.start < self.offset + token.idx
                                          for m in self.context.mentions) for e in entities)

    def _group_antecedent(self, token) -> list[str]:
        # "Lee … met Ishiba. They pledged …": two people just named; otherwise the last group.
        last = self._antecedent(token, ACTOR_TYPES)
        if last and self.type_of(last[0]) == "Person":
            meeting = self.context.last_meeting
            if last[0] in meeting and len(meeting) > 2:
                return list(meeting)
            return self._antecedent(token, {"Person"}, count=2) or last
        return self._antecedent(token, {"State", "Organization", "MilitaryUnit"})

    def _coordinated_before(self, token) -> list[str]:
        # "Moscow and Tehran … the treaty they signed": the pair named earlier in the sentence.
        for node in reversed(list(token.sent[:token.i - token.sent.start])):
            # "Poland, Lithuania and their defence ministers": "their" is part of the pair, not
            # another reference to it (and reading the pair would read "their" again).
            if any(c.dep_ == "conj" for c in node.children) and token not in node.subtree:
                found = self.actors(node)
                if len(found) >= 2:
                    return found
        return []

    def places(self, token, *, agent: str | None = None) -> list[str]:
        """Return the places a token names, following conjuncts ("to Abu Dhabi and Riyadh")."""
        found = self._place(token, agent)
        for child in token.children:
            if child.dep_ == "conj" and found:
                found += [p for p in self.places(child, agent=agent) if p not in found]
        return found

    def _place(self, token, agent: str | None) -> list[str]:
        iri = self.token_iris.get(token.i)
        if iri and self.type_of(iri) in PLACE_TYPES:
            return [iri]
        if token.lemma_.lower() in self.lexicon.modality["place_nouns"]:
            # "the resort city of Wonsan"
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = self._place(pobj, agent)
                    if found:
                        return found
            if token.lemma_ != "capital":
                # "the northern Philippine island" of a name not in the KB: at least its state.
                states = [a for c in token.children if c.dep_ in {"amod", "compound"} for a in self._actor(c)
                          if self.type_of(a) == "State"]
                if len(states) == 1:
                    return states
        named = [a for c in token.children if c.dep_ in {"amod", "compound", "poss"} for a in self._actor(c)
                 if self.type_of(a) == "State"] if token.lemma_ == "capital" else []
        if len(named) == 1 and named[0] in self.context.gazetteer.capital_by_state:
            # "the Ukrainian capital", "Russia's capital"
            capital = self.context.gazetteer.capital_by_state[named[0]]
            self.context.add(capital, token.text, self.offset + token.idx)
            return [capital]
        if token.lemma_ == "capital" and any(c.lower_ == "the" for c in token.children):
            # "in the capital": the capital of the agent's state.
            state = agent if agent and self.type_of(agent) == "State" else \
                (self.context.entities[agent].state if agent else None)
            capital = self.context.gazetteer.capital_by_state.get(state or "")
            if capital:
                self.context.add(capital, token.text, self.offset + token.idx)
                return [capital]
        if self.lexicon.modality["group_nouns"].get(token.lemma_.lower()) == ["State"] \
                and [c.lower_ for c in token.children] == ["the"]:
            # "keeps 28,500 troops in the country": the state named last, other than who acts.
            own = {agent, self.context.entities[agent].state} if agent else set()
            for mention in reversed(self.context.mentions):
                if mention.span.start < self.offset + token.idx and self.type_of(mention.entity) == "State" \
                        and mention.entity not in own:
                    return [mention.entity]
        return []


def _phrase(token) -> list:
    """Return a noun phrase's own words, without the clauses inside it ("an exhibition …, where Modi laid …")."""
    words, stack = [], [token]
    while stack:
        node = stack.pop()
        words.append(node)
        stack += [c for c in node.children if c.dep_ in {"compound", "conj", "appos", "flat", "amod", "poss", "nmod", "cc"}]
    return words


def charged_object(prep, lexicon: Lexicon):
    """Return whom a charge is made against when the parser hangs its "of" on them ("accuses
    Congo's army of fighting …"), else None."""
    accused = prep.head
    if prep.dep_ == "prep" and prep.lower_ == "of" and accused.dep_ == "dobj" \
            and accused.head.lemma_ in lexicon.modality["charging_verbs"]:
        return accused
    return None


def verb_above(token):
    """Return the token itself if it is a verb, else the nearest verb above it (or the root)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _after_and(token) -> bool:
    """Whether a word the parser took for an apposition follows "and": a second name, not another
    name for the first ("the ministers of Congo and Rwanda")."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].dep_ == "cc"


def _verb_of(token):
    """Return the verb an argument hangs from, through its preposition if it has one."""
    return token.head.head if token.dep_ == "pobj" else token.head


def _borrows_subject(verb) -> bool:
    """Whether a verb joined by "and" has no subject of its own, so takes the first verb's."""
    return verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _shares_subject(token, root) -> bool:
    """Whether the verb a pronoun hangs from has the main clause's subject: in "he held talks
    with Kang and told him", "him" cannot be "he"."""
    verb = _verb_of(token)
    return _borrows_subject(verb) and verb.head.i == root.i
