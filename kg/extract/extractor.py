"""The extractor: a spaCy pipeline with an entity ruler built from the reference KB."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from kg.errors import ExtractionError
from kg.extract.confidence import Calibration, load_calibration, with_confidence
from kg.extract.events import extract_events
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.linking import ArticleContext, link_paragraph
from kg.extract.logistic import LogisticModel
from kg.extract.model import fix_lemmas, load_model
from kg.extract.participants import Chooser, choose, load_participant_model
from kg.extract.posts import extract_posts, title_patterns
from kg.extract.relations import extract_relations, located_in, stated_ties
from kg.extract.segment import body_paragraphs, keep_sentences_whole
from kg.read.source import ArticleError
from kg.records import Article, Extraction

__all__ = ["Extractor"]


class Extractor:
    """Extract entities, mentions, posts, events and relations from articles.

    The spaCy model is loaded when the extractor is made, never at import time. ``model`` names
    any installed spaCy pipeline with a parser and NER; by default kg uses ``en_core_web_sm``.
    ``participants`` settles which entities take part in each event (:mod:`kg.extract.participants`)
    and ``calibration`` gives each event its confidence (:mod:`kg.extract.confidence`); by default
    the models ``$KG_PARTICIPANTS`` and ``$KG_CONFIDENCE`` name, else the bundled ones.
    """

    def __init__(self, model: str | None = None, *, gazetteer: Gazetteer | None = None,
                 participants: LogisticModel | None = None, calibration: Calibration | None = None):
        from spacy.matcher import PhraseMatcher

        self.nlp = load_model(model)
        fix_lemmas(self.nlp)
        self.gazetteer = gazetteer or load_gazetteer()
        self.participants = participants or load_participant_model()
        self.calibration = calibration or load_calibration()
        for word in self.gazetteer.hyphenated_words():
            self.nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
        keep_sentences_whole(self.nlp)
        # Before "ner", so the statistical model keeps the reference names and adds others.
        ruler = self.nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(self.gazetteer.patterns())
        # Titles are matched whatever their case: "foreign minister" and "Foreign Minister".
        self.titles = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.titles.add("TITLE", list(self.nlp.tokenizer.pipe(title_patterns())))
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"

    def extract(self, article: Article, *, chooser: Chooser | None = None) -> Extraction:
        """Extract one article; raise :class:`~kg.errors.ExtractionError` if that fails."""
        result = next(self.extract_all([article], chooser=chooser))
        if isinstance(result, ArticleError):
            raise ExtractionError(result.message)
        return result

    def extract_all(self, articles: Iterable[Article], *, batch_size: int = 32,
                    chooser: Chooser | None = None) -> Iterator[Extraction | ArticleError]:
        """Extract articles in order, parsing their paragraphs in batches.

        An article whose extraction fails yields an :class:`~kg.read.ArticleError` in its place
        that names the article and the fault, so that one article never stops a corpus.
        ``chooser`` settles each sentence's events' participants in place of the participant
        model, as ``kg fit-participants`` does to see the rules' own choice.
        """
        chooser = chooser or partial(choose, model=self.participants)
        for article in articles:
            try:
                result = self._extract(article, batch_size, chooser)
            except Exception as err:  # a fault in kg on one article must not lose the others
                name = article.path or article.key
                result = ArticleError(name, f"{name}: extraction failed ({type(err).__name__}: {err}). This is a "
                                            f"fault in kg, not in the article; please report it with the article.")
            yield result

    def _extract(self, article: Article, batch_size: int, chooser: Chooser) -> Extraction:
        spans = body_paragraphs(article.text)
        docs = self.nlp.pipe((article.text[s:e] for s, e in spans), batch_size=batch_size)
        context = ArticleContext(self.gazetteer, published=article.published)
        events, relations = [], []
        for (start, _end), doc in zip(spans, docs):
            token_iris = link_paragraph(doc, start, context)
            matches = _longest([(s, e) for _, s, e in self.titles(doc)])
            list(extract_posts(doc, matches, offset=start, token_iris=token_iris, context=context,
                               published=article.published, article_text=article.text))
            events += extract_events(doc, offset=start, token_iris=token_iris, context=context,
                                     published=article.published, article_text=article.text, chooser=chooser)
            relations += located_in(doc, token_iris, context, start, article.text)
            relations += stated_ties(doc, token_iris, context, start, article.text)
        relations += extract_relations(context, events, article.text)
        known = context.entities
        events = with_confidence(events, lambda iri: known[iri].type if iri in known else "unknown",
                                 self.calibration)
        return Extraction(article=article, entities=tuple(context.entities.values()),
                          mentions=tuple(sorted(context.mentions, key=lambda m: m.span.start)),
                          events=tuple(events), posts=tuple(context.posts),
                          relations=tuple(dict.fromkeys(relations)))


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping matches ("Chief of the General Staff" over "Chief")."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
