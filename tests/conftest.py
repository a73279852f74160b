"""Shared fixtures: one extractor and one ingested sample store per test session."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def extractor():
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def small_gold_dir(tmp_path_factory) -> Path:
    """A gold folder holding the six ``helpers.SMALL_GOLD`` dev articles."""
    import shutil

    from helpers import DEV_GOLD, SMALL_GOLD

    folder = tmp_path_factory.mktemp("gold")
    for name in SMALL_GOLD:
        for suffix in (".txt", ".json"):
            shutil.copy(DEV_GOLD / f"{name}{suffix}", folder)
    return folder


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store holding the bundled sample corpus, ingested once; tests only read it."""
    from kg.ingest import ingest
    from kg.samples import samples_dir

    path = tmp_path_factory.mktemp("stores") / "sample.store"
    report = ingest([str(samples_dir())], store=path)
    assert not report.failed, report.failed
    return path


@pytest.fixture
def article():
    """Build an article from a body text, with a headline and a publication date."""
    from datetime import date

    from kg.read.text import read_text_article

    def make(body: str, published: date | None = date(2025, 11, 4), title: str = "Test Headline") -> object:
        return read_text_article(f"{title}\n\n{body}\n", name="test.txt", published=published)

    return make


@pytest.fixture(scope="session")
def word(extractor):
    """Parse a sentence with the extractor's pipeline and return its token with a given text."""
    def find(sentence: str, text: str):
        return next(t for t in extractor.nlp(sentence) if t.text == text)
    return find
