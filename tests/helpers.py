"""Paths and test doubles shared by the tests."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO.parent / "shared" / "seed-article.txt"


def fail_extraction_on(monkeypatch, word: str) -> None:
    """Make event extraction raise, as a fault in kg would, on any paragraph that holds ``word``."""
    import kg.extract.extractor as module

    real = module.extract_events

    def faulty(doc, **kwargs):
        if word in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, **kwargs)

    monkeypatch.setattr(module, "extract_events", faulty)
