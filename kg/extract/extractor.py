"""The extractor: a spaCy pipeline with an entity ruler built from the reference KB."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.events import extract_events
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.linking import ArticleContext, link_paragraph
from kg.extract.model import load_model
from kg.extract.segment import body_paragraphs
from kg.records import Article, Extraction

__all__ = ["Extractor"]


class Extractor:
    """Extract entities, mentions and events from articles.

    The spaCy model is loaded when the extractor is made, never at import time. ``model`` names
    any installed spaCy pipeline with a parser and NER; by default kg uses ``en_core_web_sm``.
    """

    def __init__(self, model: str | None = None, *, gazetteer: Gazetteer | None = None):
        self.nlp = load_model(model)
        self.gazetteer = gazetteer or load_gazetteer()
        # Before "ner", so the statistical model keeps the reference names and adds others.
        ruler = self.nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(self.gazetteer.patterns())
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return next(self.extract_all([article]))

    def extract_all(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Extraction]:
        """Extract articles in order, parsing their paragraphs in batches."""
        for article in articles:
            spans = body_paragraphs(article.text)
            docs = self.nlp.pipe((article.text[s:e] for s, e in spans), batch_size=batch_size)
            context = ArticleContext(self.gazetteer)
            events = []
            for (start, _end), doc in zip(spans, docs):
                token_iris = link_paragraph(doc, start, context)
                events += extract_events(doc, offset=start, token_iris=token_iris, context=context,
                                         published=article.published, article_text=article.text)
            yield Extraction(article=article, entities=tuple(context.entities.values()),
                             mentions=tuple(context.mentions), events=tuple(events))
