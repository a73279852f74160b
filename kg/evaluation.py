"""Score extraction output against a hand-annotated gold set: the library behind ``kg eval``.

A gold article is two files side by side: ``NAME.txt``, the article with its headline on the first
line, and ``NAME.json``, what a careful reader finds in it. Gold names entities by label; the
extractor names them by IRI. Scoring therefore starts by matching entities, and then reads every
predicted IRI as the gold name it matched, so that posts, events and relations are compared
name by name.

How each metric counts a match (all names compared after :func:`normalise`):

``entities``
    Same type, and the same Wikidata ID when both have one. When either lacks an ID, the gold
    name must equal the predicted label, an alias or a mention's text, or a gold mention must
    equal the predicted label. Each gold entity matches at most one predicted entity, and the
    most exact matches are taken first: Wikidata ID, then label, then alias, then mention.
``posts``
    The same (person, role, of); ``as_of`` is not compared.
``events``
    The same type and the same set of participants.
``events_full``
    As ``events``, and the same place, date (as written: ``2025-11`` differs from ``2025-11-04``)
    and status.
``events_ref``
    As ``events``, counting only events with a participant that its evidence sentence does not
    name: one reached through a pronoun, a title or a phrase such as "the two leaders", or only
    implied by the article. An
    entity is named when its gold name or one of its gold mentions (for a predicted entity with
    no gold match, its label or mention texts) occurs in the sentence as a whole word.
``relations``
    The same (subject, predicate, object); ``allyOf`` is symmetric, so its order does not count.

Posts and relations are facts, so a fact predicted twice counts once. Events are occurrences:
each gold event takes the first unmatched predicted event with the same key, and any left over
are false positives. Per-article counts are summed into the overall score (micro average).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from kg.errors import InputError
from kg.records import ENTITY_TYPES, EVENT_TYPES

__all__ = [
    "METRICS", "CONFIDENCE_BANDS", "STATUSES", "PREDICATES", "GoldEntity", "GoldPosition", "GoldEvent",
    "GoldRelation", "GoldArticle", "Score", "ArticleScore", "EvalReport", "normalise", "prf", "load_gold",
    "parse_gold", "score_article", "evaluate", "extract_for_scoring", "entity_names",
]

#: The scores every article gets, in report order.
METRICS = ("entities", "posts", "events", "events_full", "events_ref", "relations")

#: The bands of event confidence that ``kg eval`` reports precision for: name, from, below.
CONFIDENCE_BANDS = (("confidence < 0.5", 0.0, 0.5), ("0.5 <= confidence < 0.8", 0.5, 0.8),
                    ("confidence >= 0.8", 0.8, 1.01))

#: An event's modality, as in ``kg:Status``.
STATUSES = ("asserted", "negated", "hedged")

#: The relation predicates, as in ``ontology/kg.ttl``.
PREDICATES = ("partyTo", "allyOf", "memberOf", "partOf", "locatedIn", "commands", "supplies",
              "deployedTo")

# Declared owl:SymmetricProperty in ontology/kg.ttl.
_SYMMETRIC = frozenset({"allyOf"})

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
# Lower-case letters NFKD leaves whole, spelt as English-language news spells them.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i"})
# Typographic quotes and dashes that annotators often retype as ASCII; only used for a hint.
_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})


# ---------------------------------------------------------------- pure helpers

def normalise(text: str) -> str:
    """Fold a name for comparison: ASCII letters and digits, lower case, single spaces.

    Accents are dropped (NFKD, then without combining marks), a few letters that do not
    decompose are spelt out, and every other character separates words, so a typographic
    apostrophe folds like a plain one.

    >>> normalise("  Sergei  Lavrov ")
    'sergei lavrov'
    >>> normalise("Côte d’Ivoire") == normalise("Cote d'Ivoire") == "cote d ivoire"
    True
    >>> normalise("Kim Jong-un")
    'kim jong un'
    >>> normalise("Łukasz Straße")
    'lukasz strasse'
    >>> normalise("—")
    ''
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().translate(_LETTERS)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 for true positive, false positive and false negative counts.

    A ratio with nothing to divide by is 1.0 only when the other kind of error is absent too:
    predicting nothing is perfect precision when there was nothing to find, and zero otherwise.
    F1 is 0.0 when precision and recall are both 0.0.

    >>> prf(3, 1, 1)
    (0.75, 0.75, 0.75)
    >>> prf(1, 0, 3)
    (1.0, 0.25, 0.4)
    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    >>> prf(0, 0, 2)
    (0.0, 0.0, 0.0)
    >>> prf(0, 2, 0)
    (0.0, 0.0, 0.0)
    """
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------- gold records

@dataclass(frozen=True)
class GoldEntity:
    """An entity the article mentions, named by the label used throughout its gold file."""

    name: str
    type: str
    wikidata: str | None = None
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldPosition:
    """A post the article says someone holds."""

    person: str
    role: str
    of: str | None = None
    as_of: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """An event the article reports; ``evidence`` is a sentence copied from the article."""

    type: str
    participants: tuple[str, ...]
    evidence: str
    agent: str | None = None
    target: str | None = None
    place: str | None = None
    date: str | None = None
    quantity: int | None = None
    agreement: str | None = None
    status: str = "asserted"
    source: str | None = None


@dataclass(frozen=True)
class GoldRelation:
    """A relation the article states between two entities."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its text, publication date and what it contains.

    ``name`` is the file stem shared by the ``.txt`` and the ``.json``; ``path`` is the ``.txt``.
    """

    name: str
    text: str
    title: str
    published: date
    entities: tuple[GoldEntity, ...] = ()
    positions: tuple[GoldPosition, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    path: str | None = None


# ---------------------------------------------------------------- reading gold

_TOP_KEYS = ("published", "entities", "positions", "events", "relations")
_ENTITY_KEYS = (("name", "type"), ("wikidata", "mentions"))
_POSITION_KEYS = (("person", "role"), ("of", "as_of"))
_EVENT_KEYS = (("type", "participants", "evidence"),
               ("agent", "target", "place", "date", "quantity", "agreement", "status", "source"))
_RELATION_KEYS = (("subject", "predicate", "object"), ())


class _GoldReader:
    """Check one gold file's JSON while building its records; every failure names the file."""

    def __init__(self, *, where: str, text_where: str) -> None:
        self.where = where
        self.text_where = text_where

    def fail(self, at: str, message: str) -> NoReturn:
        prefix = f"{self.where}: {at}: " if at else f"{self.where}: "
        raise InputError(prefix + message)

    def obj(self, value: object, at: str, keys: tuple[Sequence[str], Sequence[str]]) -> Mapping:
        required, optional = keys
        if not isinstance(value, Mapping):
            self.fail(at, f"expected an object, got {_json_kind(value)}.")
        missing = [key for key in required if key not in value]
        if missing:
            self.fail(at, f"missing required key(s) {', '.join(map(repr, missing))}.")
        # A misspelt optional key would otherwise be read as absent and silently score wrong.
        unknown = sorted(set(value) - set(required) - set(optional))
        if unknown:
            allowed = ", ".join((*required, *optional))
            self.fail(at, f"unknown key(s) {', '.join(map(repr, unknown))}. Allowed: {allowed}.")
        return value

    def items(self, data: Mapping, key: str) -> list:
        value = data[key]
        if not isinstance(value, list):
            self.fail(key, f"expected a list (write [] for none), got {_json_kind(value)}.")
        return value

    def string(self, value: object, at: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            expected = "a non-empty string or null" if optional else "a non-empty string"
            self.fail(at, f"expected {expected}, got {_json_kind(value)}.")
        return value

    def choice(self, value: object, at: str, allowed: Sequence[str], what: str) -> str:
        if value not in allowed:
            self.fail(at, f"unknown {what} {value!r}. Allowed: {', '.join(allowed)}.")
        return value  # type: ignore[return-value]

    def date_text(self, value: object, at: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            self.fail(at, f"expected a date YYYY, YYYY-MM or YYYY-MM-DD or null, got {value!r}.")
        return value


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {json.dumps(value)}"
    if isinstance(value, (int, float, str)):
        return f"{type(value).__name__} {value!r}"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def _iso_date(value: object) -> date | None:
    """Return a YYYY-MM-DD string as a date, else None (fromisoformat alone also takes 20251104)."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_gold(data: object, *, name: str, text: str, path: str | None = None) -> GoldArticle:
    """Build a gold article from its parsed JSON and its text, checking both.

    ``path`` is the ``.txt`` file, used in error messages and kept on the article; without it the
    messages say ``NAME.json`` and ``NAME.txt``. Raise :class:`~kg.errors.InputError` naming the
    file and the item on the first problem found.
    """
    text_where = path or f"{name}.txt"
    where = str(Path(path).with_suffix(".json")) if path else f"{name}.json"
    reader = _GoldReader(where=where, text_where=text_where)
    top = reader.obj(data, "", (_TOP_KEYS, ()))
    if not text.strip():
        raise InputError(f"{text_where}: the article has no text.")

    published = _iso_date(top["published"])
    if published is None:
        reader.fail("published", f"expected a date YYYY-MM-DD, got {_json_kind(top['published'])}.")

    entities = tuple(_gold_entity(reader, item, f"entities[{i}]")
                     for i, item in enumerate(reader.items(top, "entities")))
    known: dict[str, str] = {}
    for i, entity in enumerate(entities):
        key = normalise(entity.name)
        if not key:
            reader.fail(f"entities[{i}]", f"name {entity.name!r} has no letters or digits.")
        if key in known:
            reader.fail(f"entities[{i}]", f"name {entity.name!r} is already used by entity "
                                          f"{known[key]!r}; gold names must be unique.")
        known[key] = entity.name

    def ref(value: object, at: str, role: str, *, optional: bool = False) -> str | None:
        name_ = reader.string(value, at, optional=optional)
        if name_ is not None and normalise(name_) not in known:
            reader.fail(at, f"{role} {name_!r} is not among the entities. "
                            f"Known: {', '.join(known.values()) or 'none'}.")
        return name_

    positions = []
    for i, item in enumerate(reader.items(top, "positions")):
        at = f"positions[{i}]"
        item = reader.obj(item, at, _POSITION_KEYS)
        positions.append(GoldPosition(
            person=ref(item["person"], at, "person"),  # type: ignore[arg-type]
            role=reader.string(item["role"], f"{at}.role"),  # type: ignore[arg-type]
            of=ref(item.get("of"), at, "'of'", optional=True),
            as_of=reader.date_text(item.get("as_of"), f"{at}.as_of"),
        ))

    events = [_gold_event(reader, item, f"events[{i}]", text=text, ref=ref)
              for i, item in enumerate(reader.items(top, "events"))]

    relations = []
    for i, item in enumerate(reader.items(top, "relations")):
        at = f"relations[{i}]"
        item = reader.obj(item, at, _RELATION_KEYS)
        relations.append(GoldRelation(
            subject=ref(item["subject"], at, "subject"),  # type: ignore[arg-type]
            predicate=reader.choice(item["predicate"], f"{at}.predicate", PREDICATES, "predicate"),
            object=ref(item["object"], at, "object"),  # type: ignore[arg-type]
        ))

    return GoldArticle(name=name, text=text, title=text.strip().split("\n", 1)[0].strip(),
                       published=published, entities=entities, positions=tuple(positions),
                       events=tuple(events), relations=tuple(relations), path=path)


def _gold_entity(reader: _GoldReader, item: object, at: str) -> GoldEntity:
    item = reader.obj(item, at, _ENTITY_KEYS)
    wikidata = item.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA.fullmatch(wikidata)):
        reader.fail(f"{at}.wikidata", f"expected a Wikidata ID such as 'Q159' or null, got {wikidata!r}.")
    mentions = item.get("mentions", [])
    if not isinstance(mentions, list):
        reader.fail(f"{at}.mentions", f"expected a list of strings, got {_json_kind(mentions)}.")
    return GoldEntity(
        name=reader.string(item["name"], f"{at}.name"),  # type: ignore[arg-type]
        type=reader.choice(item["type"], f"{at}.type", ENTITY_TYPES, "entity type"),
        wikidata=wikidata,
        mentions=tuple(reader.string(m, f"{at}.mentions[{j}]")  # type: ignore[misc]
                       for j, m in enumerate(mentions)),
    )


def _gold_event(reader: _GoldReader, item: object, at: str, *, text: str,
                ref: Callable[..., str | None]) -> GoldEvent:
    item = reader.obj(item, at, _EVENT_KEYS)
    type_ = reader.choice(item["type"], f"{at}.type", EVENT_TYPES, "event type")
    label = f"{at} ({type_})"
    participants = item["participants"]
    if not isinstance(participants, list):
        reader.fail(f"{at}.participants", f"expected a list of names, got {_json_kind(participants)}.")
    evidence = reader.string(item["evidence"], f"{at}.evidence")
    assert evidence is not None
    if evidence not in text:
        reader.fail(label, f"evidence {evidence!r} does not occur verbatim in {reader.text_where}"
                        f"{_evidence_hint(evidence, text)}.")
    quantity = item.get("quantity")
    if quantity is not None and (isinstance(quantity, bool) or not isinstance(quantity, int)):
        reader.fail(f"{at}.quantity", f"expected a whole number or null, got {_json_kind(quantity)}.")
    return GoldEvent(
        type=type_,
        participants=tuple(ref(p, label, "participant") for p in participants),  # type: ignore[misc]
        evidence=evidence,
        agent=ref(item.get("agent"), label, "agent", optional=True),
        target=ref(item.get("target"), label, "target", optional=True),
        place=ref(item.get("place"), label, "place", optional=True),
        date=reader.date_text(item.get("date"), f"{at}.date"),
        quantity=quantity,
        agreement=ref(item.get("agreement"), label, "agreement", optional=True),
        status=reader.choice(item.get("status", "asserted"), f"{at}.status", STATUSES, "status"),
        source=ref(item.get("source"), label, "source", optional=True),
    )


def _evidence_hint(evidence: str, text: str) -> str:
    """Say why a near miss missed, when the cause is one annotators often hit."""
    if " ".join(evidence.split()) in " ".join(text.split()):
        return " (it does once whitespace is collapsed: check line breaks and double spaces)"
    if evidence.translate(_TYPOGRAPHY) in text.translate(_TYPOGRAPHY):
        return " (it does once quotes and dashes are made plain: copy them from the .txt)"
    return ""


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """Read every ``NAME.txt`` with its ``NAME.json`` in a folder, sorted by name.

    Raise :class:`~kg.errors.InputError` naming the file when a pair is incomplete, a JSON file
    does not parse or does not fit the gold format, or the folder holds no articles.
    """
    folder = Path(gold_dir)
    if not folder.exists():
        raise InputError(f"{folder}: no such folder.")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; expected a folder of NAME.txt and NAME.json pairs.")
    texts = {p.stem: p for p in folder.glob("*.txt")}
    annotations = {p.stem: p for p in folder.glob("*.json")}
    if not texts:
        raise InputError(f"{folder}: no gold articles found; expected NAME.txt files, each with "
                         f"NAME.json beside it.")
    for stem in sorted(annotations.keys() - texts.keys()):
        raise InputError(f"{annotations[stem]}: no article {stem}.txt beside it.")
    articles = []
    for stem in sorted(texts):
        text_path = texts[stem]
        if stem not in annotations:
            raise InputError(f"{text_path}: no gold annotations {stem}.json beside it.")
        json_path = annotations[stem]
        try:
            text = text_path.read_text(encoding="utf-8").lstrip("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(f"{text_path}: not UTF-8 text ({err.reason} at byte {err.start}).") from err
        try:
            data = json.loads(json_path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as err:
            raise InputError(f"{json_path}: not UTF-8 text ({err.reason} at byte {err.start}).") from err
        except json.JSONDecodeError as err:
            raise InputError(f"{json_path}:{err.lineno}: invalid JSON: {err.msg} "
                             f"(column {err.colno}).") from err
        articles.append(parse_gold(data, name=stem, text=text, path=str(text_path)))
    return articles


# ---------------------------------------------------------------- scores

@dataclass(frozen=True)
class Score:
    """True positive, false positive and false negative counts, with the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, int | float]:
        """Return the counts and ratios as a plain dict."""
        precision, recall, f1 = prf(self.tp, self.fp, self.fn)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": precision, "recall": recall, "f1": f1}


@dataclass(frozen=True)
class ArticleScore:
    """One article's score per metric, with what was missed and what was spurious.

    ``missed`` and ``spurious`` describe gold items no prediction matched and predictions no gold
    item matched, per metric, in normalised names.
    """

    name: str
    scores: Mapping[str, Score]
    missed: Mapping[str, tuple[str, ...]]
    spurious: Mapping[str, tuple[str, ...]]
    #: For each predicted event, in order: whether it matched a gold event (the ``events``
    #: metric), and the confidence it came with.
    event_hits: tuple[bool, ...] = ()
    event_confidence: tuple[float | None, ...] = ()
    #: The ``events`` score split by event type (types the article has neither gold nor
    #: predicted events of are left out).
    event_types: Mapping[str, Score] = field(default_factory=dict)


@dataclass(frozen=True)
class EvalReport:
    """The scores of a gold set: per article and overall (counts summed over articles)."""

    articles: tuple[ArticleScore, ...]

    def confidence_bands(self) -> list[tuple[str, int, int]]:
        """Return, per band of confidence, the predicted events in it and how many were right.

        Events that came without a confidence are left out.
        """
        counts = {band: [0, 0] for band, _, _ in CONFIDENCE_BANDS}
        for article in self.articles:
            for hit, confidence in zip(article.event_hits, article.event_confidence):
                band = next((b for b, low, high in CONFIDENCE_BANDS
                             if confidence is not None and low <= confidence < high), None)
                if band is not None:
                    counts[band][0] += 1
                    counts[band][1] += hit
        return [(band, n, right) for band, (n, right) in counts.items()]

    def event_types(self) -> dict[str, Score]:
        """Return the ``events`` counts summed over articles per event type, in schema order."""
        totals = {type_: Score() for type_ in EVENT_TYPES}
        for article in self.articles:
            for type_, score in article.event_types.items():
                totals[type_] += score
        return {type_: score for type_, score in totals.items() if score != Score()}

    @property
    def overall(self) -> dict[str, Score]:
        """Return the counts summed over articles, per metric."""
        totals = {metric: Score() for metric in METRICS}
        for article in self.articles:
            for metric in METRICS:
                totals[metric] += article.scores[metric]
        return totals

    def text(self, *, details: bool = False) -> str:
        """Return a table: one row per article and metric, then the overall rows.

        With ``details``, list each article's missed and spurious items after the table.
        """
        width = max([len("overall"), len("article"), *(len(a.name) for a in self.articles)])
        header = (f"{'article':<{width}}  {'metric':<11}  {'tp':>4}  {'fp':>4}  {'fn':>4}  "
                  f"{'precision':>9}  {'recall':>6}  {'f1':>5}")

        def row(name: str, metric: str, score: Score) -> str:
            p, r, f = prf(score.tp, score.fp, score.fn)
            return (f"{name:<{width}}  {metric:<11}  {score.tp:>4}  {score.fp:>4}  {score.fn:>4}  "
                    f"{p:>9.3f}  {r:>6.3f}  {f:>5.3f}")

        lines = [header, "-" * len(header)]
        for article in self.articles:
            lines += [row(article.name if i == 0 else "", metric, article.scores[metric])
                      for i, metric in enumerate(METRICS)]
        lines.append("-" * len(header))
        overall = self.overall
        lines += [row("overall" if i == 0 else "", metric, overall[metric])
                  for i, metric in enumerate(METRICS)]
        lines += ["", f"{'events by type':<{width}}  {'':<11}  {'tp':>4}  {'fp':>4}  {'fn':>4}  "
                      f"{'precision':>9}  {'recall':>6}  {'f1':>5}"]
        lines += [row(type_, "", score) for type_, score in self.event_types().items()]
        lines += ["", f"{'events by confidence':<23}  events  right  precision"]
        for band, n, right in self.confidence_bands():
            lines.append(f"{band:<23}  {n:>6}  {right:>5}  {right / n if n else 0.0:>9.3f}")
        if details:
            lines.append("")
            for article in self.articles:
                for label, found in (("missed", article.missed), ("spurious", article.spurious)):
                    for metric in METRICS:
                        lines += [f"{article.name}: {label} {metric}: {item}" for item in found[metric]]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        """Return the report as plain dicts and lists, ready for ``json.dumps``."""
        return {
            "metrics": list(METRICS),
            "articles": [{"name": a.name,
                          "scores": {m: a.scores[m].to_json() for m in METRICS},
                          "missed": {m: list(a.missed[m]) for m in METRICS},
                          "spurious": {m: list(a.spurious[m]) for m in METRICS}}
                         for a in self.articles],
            "overall": {m: score.to_json() for m, score in self.overall.items()},
            "event_types": {type_: score.to_json() for type_, score in self.event_types().items()},
            "confidence": [{"band": band, "events": n, "right": right,
                            "precision": round(right / n, 4) if n else 0.0}
                           for band, n, right in self.confidence_bands()],
        }


# ---------------------------------------------------------------- matching

def _segment(iri: str) -> str:
    """Return an IRI's last path segment, the best name for an id no entity describes."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _entity_grade(gold: GoldEntity, predicted: Mapping) -> int | None:
    """Return how exactly a predicted entity matches a gold one (0 is best), or None."""
    if predicted.get("type") != gold.type:
        return None
    if gold.wikidata and predicted.get("wikidata"):
        return 0 if gold.wikidata == predicted["wikidata"] else None
    name = normalise(gold.name)
    label = normalise(predicted.get("label") or _segment(predicted["id"]))
    if name == label:
        return 1
    if name in {normalise(alias) for alias in predicted.get("aliases") or ()}:
        return 2
    mention_texts = {normalise(m["text"]) for m in predicted.get("mentions") or ()}
    if name in mention_texts or (label and label in {normalise(m) for m in gold.mentions}):
        return 3
    return None


def _match_entities(gold: Sequence[GoldEntity], predicted: Sequence[Mapping]) -> dict[int, int]:
    """Pair predicted with gold entities one to one, most exact first; return pred → gold index."""
    candidates = sorted((grade, g, p) for g, gold_entity in enumerate(gold)
                        for p, pred_entity in enumerate(predicted)
                        if (grade := _entity_grade(gold_entity, pred_entity)) is not None)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in candidates:
        if p not in pairs and g not in taken:
            pairs[p] = g
            taken.add(g)
    return pairs


def _match_keys(gold: Sequence[tuple], predicted: Sequence[tuple]) -> tuple[int, list[int], list[int]]:
    """Give each gold key the first unmatched equal predicted key; return tp and the leftovers."""
    unmatched = list(range(len(predicted)))
    missed = []
    for g, key in enumerate(gold):
        p = next((p for p in unmatched if predicted[p] == key), None)
        if p is None:
            missed.append(g)
        else:
            unmatched.remove(p)
    return len(gold) - len(missed), missed, unmatched


def _unique(keys: Iterable[tuple]) -> list[tuple]:
    return list(dict.fromkeys(keys))


def _show(key: tuple) -> str:
    """Describe a key in a missed/spurious list."""
    def part(value: object) -> str:
        if isinstance(value, frozenset):
            return "{" + ", ".join(sorted(map(str, value))) + "}"
        return "-" if value is None else str(value)
    return " | ".join(map(part, key))


def score_article(gold: GoldArticle, predicted: Mapping[str, Any]) -> ArticleScore:
    """Score one article's predicted extraction (the ``kg extract --format json`` dict) against gold.

    Missing lists in ``predicted`` count as empty. Raise :class:`~kg.errors.InputError` when the
    prediction lacks a field scoring needs, such as an entity's ``id``.
    """
    try:
        return _score_article(gold, predicted)
    except (KeyError, TypeError, AttributeError) as err:
        raise InputError(f"{gold.name}: the predicted extraction is malformed "
                         f"({type(err).__name__}: {err}).") from err


def entity_names(gold: GoldArticle, entities: Sequence[Mapping]) -> tuple[dict[str, str], dict[int, int]]:
    """Name each predicted entity as scoring does: by the gold entity it matches, else by its label.

    Return the normalised names by entity IRI, and the matched pairs (predicted index to gold index).
    """
    pairs = _match_entities(gold.entities, entities)
    names = {}
    for p, entity in enumerate(entities):
        if p in pairs:
            names[entity["id"]] = normalise(gold.entities[pairs[p]].name)
        else:
            names[entity["id"]] = normalise(entity.get("label") or _segment(entity["id"]))
    return names, pairs


def _score_article(gold: GoldArticle, predicted: Mapping[str, Any]) -> ArticleScore:
    entities = list(predicted.get("entities") or ())
    names, pairs = entity_names(gold, entities)

    def resolve(iri: str | None) -> str | None:
        return None if iri is None else names.get(iri) or normalise(_segment(iri))

    def name(value: str | None) -> str | None:
        return None if value is None else normalise(value)

    def symmetric(subject: str | None, predicate: str, object_: str | None) -> tuple:
        if predicate in _SYMMETRIC:
            subject, object_ = sorted((subject or "", object_ or ""))
        return (subject, predicate, object_)

    gold_events = [(e.type, frozenset(map(name, e.participants))) for e in gold.events]
    pred_events = [(e["type"], frozenset(map(resolve, e.get("participants") or ())))
                   for e in predicted.get("events") or ()]
    surfaces = {normalise(e.name): {e.name, *e.mentions} for e in gold.entities}
    for p, entity in enumerate(entities):
        if p not in pairs:
            surfaces.setdefault(names[entity["id"]], set()).update(
                {entity.get("label") or "", *(m.get("text") or "" for m in entity.get("mentions") or ())})

    def by_reference(participants: frozenset, sentence: str) -> bool:
        return any(not any(s and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", sentence)
                           for s in surfaces.get(p, ())) for p in participants)

    pred_sentences = [(e.get("evidence") or {}).get("text") or "" for e in predicted.get("events") or ()]
    keys: dict[str, tuple[list[tuple], list[tuple]]] = {
        "posts": (
            _unique((name(p.person), normalise(p.role), name(p.of)) for p in gold.positions),
            _unique((resolve(p["person"]), normalise(p["role"]), resolve(p.get("of")))
                    for p in predicted.get("posts") or ()),
        ),
        "events": (gold_events, pred_events),
        "events_ref": (
            [key for key, e in zip(gold_events, gold.events) if by_reference(key[1], e.evidence)],
            [key for key, text in zip(pred_events, pred_sentences) if by_reference(key[1], text)],
        ),
        "events_full": (
            [(*key, name(e.place), e.date, e.status) for key, e in zip(gold_events, gold.events)],
            [(*key, resolve(e.get("place")), e.get("date"), e.get("status") or "asserted")
             for key, e in zip(pred_events, predicted.get("events") or ())],
        ),
        "relations": (
            _unique(symmetric(name(r.subject), r.predicate, name(r.object)) for r in gold.relations),
            _unique(symmetric(resolve(r["subject"]), r["predicate"], resolve(r["object"]))
                    for r in predicted.get("relations") or ()),
        ),
    }

    scores = {"entities": Score(len(pairs), len(entities) - len(pairs), len(gold.entities) - len(pairs))}
    matched_gold = set(pairs.values())
    missed = {"entities": tuple(f"{e.name} ({e.type})" for g, e in enumerate(gold.entities)
                                if g not in matched_gold)}
    spurious = {"entities": tuple(f"{e.get('label') or _segment(e['id'])} ({e.get('type')})"
                                  for p, e in enumerate(entities) if p not in pairs)}
    hits: tuple[bool, ...] = ()
    by_type: dict[str, Score] = {}
    for metric, (gold_keys, pred_keys) in keys.items():
        tp, missed_at, spurious_at = _match_keys(gold_keys, pred_keys)
        scores[metric] = Score(tp, len(spurious_at), len(missed_at))
        missed[metric] = tuple(_show(gold_keys[i]) for i in missed_at)
        spurious[metric] = tuple(_show(pred_keys[i]) for i in spurious_at)
        if metric == "events":
            hits = tuple(i not in spurious_at for i in range(len(pred_keys)))
            by_type = _by_type(gold_keys, missed_at, pred_keys, spurious_at)
    return ArticleScore(name=gold.name, scores={m: scores[m] for m in METRICS},
                        missed={m: missed[m] for m in METRICS},
                        spurious={m: spurious[m] for m in METRICS}, event_hits=hits, event_types=by_type,
                        event_confidence=tuple(e.get("confidence") for e in predicted.get("events") or ()))


def _by_type(gold_keys: Sequence[tuple], missed_at: Sequence[int], pred_keys: Sequence[tuple],
             spurious_at: Sequence[int]) -> dict[str, Score]:
    """Split an events score by type: keys match only within a type, so the counts add up."""
    scores: dict[str, Score] = {}
    for g, key in enumerate(gold_keys):
        scores[key[0]] = scores.get(key[0], Score()) + (Score(fn=1) if g in missed_at else Score(tp=1))
    for p in spurious_at:
        scores[pred_keys[p][0]] = scores.get(pred_keys[p][0], Score()) + Score(fp=1)
    return scores


def extract_for_scoring(extractor: Any, article: GoldArticle, *,
                        chooser: Any = None) -> tuple[Any, dict[str, Any]]:
    """Extract a gold article's text with ``extractor``; return the extraction and its JSON dict.

    ``chooser`` is passed on to :meth:`kg.extract.Extractor.extract`.
    """
    from kg.export.json import extraction_json
    from kg.read.text import read_text_article
    from kg.triples import event_node

    text = Path(article.path).read_text(encoding="utf-8")
    extraction = extractor.extract(read_text_article(text, name=article.path, published=article.published),
                                   chooser=chooser)
    ids = [event_node(e, extraction.article.key) for e in extraction.events]
    return extraction, extraction_json(extraction, gazetteer=extractor.gazetteer, event_ids=ids)


def evaluate(gold: Iterable[GoldArticle], predict: Callable[[GoldArticle], Mapping[str, Any]]) -> EvalReport:
    """Run ``predict`` on each gold article and score what it returns.

    ``predict`` returns the article's extraction as ``kg extract --format json`` prints it.
    """
    scored = []
    for article in gold:
        predicted = predict(article)
        if not isinstance(predicted, Mapping):
            raise InputError(f"{article.name}: the prediction is {type(predicted).__name__}, "
                             f"expected the extraction as a dict.")
        scored.append(score_article(article, predicted))
    return EvalReport(articles=tuple(scored))
