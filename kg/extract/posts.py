"""Find the posts an article gives its people ("Russian Foreign Minister Sergei Lavrov").

A title from the reference KB (a post's own titles, or a role's labels) next to a person mention
makes a post claim: the person, the role, the state and the date it applies to. The state comes
from a demonym or possessive before the title ("Russian", "North Korea's"), from "of Russia"
after it, or from the person's tenures in the KB. Each claim is checked against those tenures.
A title with no name ("the foreign minister") refers to the person the article gave that title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib.resources import files

from kg.extract.dates import parse_iso_bound
from kg.extract.linking import ArticleContext
from kg.extract.vocabulary import linking_words
from kg.iris import normalise_name
from kg.ontology import reference_store
from kg.records import PostClaim, Span

__all__ = ["Titles", "load_titles", "extract_posts", "title_patterns"]


@dataclass(frozen=True)
class Tenure:
    """One reference tenure: a person holding a post with a role in a state, for a period."""

    person: str
    post: str
    role: str
    state: str
    start: date | None
    end: date | None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Titles:
    """Title words → (role label, state or None), and reference tenures by person."""

    by_title: dict[str, set[tuple[str, str | None]]] = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    role_labels: dict[str, str] = field(default_factory=dict)  # role IRI → label

    def role_iri(self, label: str) -> str | None:
        """Return the IRI of the role with this label."""
        return next((iri for iri, name in self.role_labels.items() if name == label), None)

    def roles(self, title: str, state: str | None) -> set[str]:
        """Return the role labels a title can mean, for a state if known."""
        options = self.by_title.get(normalise_name(title), set())
        if state is not None:
            exact = {role for role, s in options if s == state}
            if exact:
                return exact
        return {role for role, _ in options}


@lru_cache(maxsize=1)
def load_titles() -> Titles:
    """Read titles and tenures from the reference knowledge base."""
    store = reference_store()
    titles = Titles()
    query = (files("kg") / "data" / "titles.rq").read_text(encoding="utf-8")
    for row in store.query(query):
        key = normalise_name(row["title"].value)
        state = row["state"].value if row["state"] is not None else None
        titles.by_title.setdefault(key, set()).add((row["roleLabel"].value, state))
        titles.role_labels[row["role"].value] = row["roleLabel"].value
    query = (files("kg") / "data" / "tenures.rq").read_text(encoding="utf-8")
    for row in store.query(query):
        tenure = Tenure(
            person=row["person"].value, post=row["post"].value, role=row["roleLabel"].value,
            state=row["state"].value,
            start=parse_iso_bound(row["start"].value if row["start"] else None, upper=False),
            end=parse_iso_bound(row["end"].value if row["end"] else None, upper=True),
        )
        titles.tenures.setdefault(tenure.person, []).append(tenure)
    return titles


def title_patterns() -> list[str]:
    """Return every title as written in the KB, for a case-insensitive phrase matcher."""
    store = reference_store()
    query = (files("kg") / "data" / "titles.rq").read_text(encoding="utf-8")
    return sorted({row["title"].value for row in store.query(query)})


def _state_before(span, token_iris, context) -> str | None:
    # "Russian Foreign Minister", "North Korea's foreign minister"
    for token in reversed(list(span.doc[max(span.start - 3, 0):span.start])):
        iri = token_iris.get(token.i)
        if iri and context.entities[iri].type == "State":
            return iri
        if token.is_punct and token.text not in ("'s", "’s"):
            return None
    return None


def _state_after(span, token_iris, context) -> str | None:
    # "Foreign Minister of Russia"
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        iri = token_iris.get(doc[span.end + 1].i)
        if iri and context.entities[iri].type == "State":
            return iri
    return None


def _person_near(span, token_iris, context) -> tuple[str | None, object | None]:
    doc = span.doc
    is_person = lambda t: (iri := token_iris.get(t.i)) and context.entities[iri].type == "Person"  # noqa: E731
    # "Foreign Minister Sergei Lavrov" or "Foreign Minister, Choe Son Hui,"
    index = span.end
    while index < len(doc) and doc[index].text == ",":
        index += 1
    if index < len(doc) and is_person(doc[index]):
        return token_iris[doc[index].i], doc[index]
    # "Choe Son Hui, North Korea's foreign minister"
    head = span.root
    if head.dep_ == "appos" and is_person(head.head):
        return token_iris[head.head.i], head.head
    return None, None


def extract_posts(doc, matches, *, offset: int, token_iris: dict[int, str], context: ArticleContext,
                  published: date | None, article_text: str) -> Iterator[PostClaim]:
    """Yield post claims for title matches in one paragraph, resolving titles used alone.

    ``matches`` are (start, end) token spans of titles. A title used alone, with "the" before it
    and a role the article has already given someone, is linked to that person in ``token_iris``.
    """
    titles = load_titles()
    words = linking_words()
    for start, end in matches:
        span = doc[start:end]
        # "Vice President", "Vice-President" (split at the hyphen), "former President"
        before = start - 2 if start > 1 and doc[start - 1].text == "-" else start - 1
        if before >= 0 and doc[before].lower_.rstrip("-") in words["title_blockers"]:
            continue
        state = _state_before(span, token_iris, context) or _state_after(span, token_iris, context)
        person, person_token = _person_near(span, token_iris, context)
        roles = titles.roles(span.text, state)
        if not roles:
            continue
        if person is None:
            _resolve_title_alone(span, roles, state, token_iris, context, offset)
            continue
        tenures = [t for t in titles.tenures.get(person, []) if t.role in roles]
        if state is None:
            states = {t.state for t in tenures if t.covers(published)} or {t.state for t in tenures}
            state = next(iter(states)) if len(states) == 1 else context.entities[person].state
        if state is None and not tenures:
            named = {iri for t in span.sent if (iri := token_iris.get(t.i)) and context.entities[iri].type == "State"}
            state = _open_state(roles, published, titles, context, named)
        if len(roles) > 1:
            held = {t.role for t in tenures if t.state == state}
            roles = (roles & held) or roles
        preference = list(words["role_preference"])
        role = min(roles, key=lambda r: (preference.index(r) if r in preference else len(preference), r))
        in_reference = context.entities[person].in_reference
        agrees = any(t.role == role and t.state == state and t.covers(published) for t in tenures) \
            if in_reference else None
        sent = span.sent
        start_char, end_char = offset + sent.start_char, offset + sent.end_char
        claim = PostClaim(person=person, role=role, of=state, as_of=published,
                          evidence=Span(article_text[start_char:end_char], start_char, end_char),
                          agrees_with_reference=agrees, role_iri=titles.role_iri(role))
        context.posts.append(claim)
        if state and context.entities[person].state is None:
            # "Armenian Prime Minister Nikol Pashinyan … his country": a new person's state is
            # the one the article gives them a post in.
            context.entities[person] = replace(context.entities[person], state=state)
        yield claim


def _open_state(roles: set[str], published: date | None, titles: Titles, context: ArticleContext,
                named: set[str]) -> str | None:
    """Return the state a title that names none most likely means, for someone the KB does not know.

    Only states for which the KB knows no holder of the post on that day count (the KB would have
    linked a holder it knows). "President Mohamed Muizzu" in an article about the Maldives: the one
    the article has named most often. Of states named equally often, the one ``named`` in the
    sentence ("talks in El Salvador with President Nayib Bukele"); else the title says nothing sure.
    """
    held = {t.state for person in titles.tenures.values() for t in person if t.role in roles and t.covers(published)}
    counts = Counter(m.entity for m in context.mentions
                     if context.entities[m.entity].type == "State" and m.entity not in held)
    if not counts:
        return None
    top = max(counts.values())
    leaders = [state for state, count in counts.items() if count == top]
    here = [state for state in leaders if state in named]
    return leaders[0] if len(leaders) == 1 else here[0] if len(here) == 1 else None


def _resolve_title_alone(span, roles, state, token_iris, context: ArticleContext, offset: int) -> None:
    # "the foreign minister", "the Russian foreign minister"
    before = span.start - 1
    while before >= 0 and token_iris.get(before) and context.entities[token_iris[before]].type == "State":
        before -= 1
    if before < 0 or span.doc[before].lower_ != "the":
        return
    holders = {c.person for c in context.posts if c.role in roles and (state is None or c.of == state)}
    if len(holders) != 1:
        return
    person = holders.pop()
    context.add(person, span.text, offset + span.start_char)
    for token in span:
        token_iris[token.i] = person
