"""Paths and test doubles shared by the tests."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO.parent / "shared" / "seed-article.txt"
DEV_GOLD = REPO / "tests" / "fixtures" / "gold" / "dev"
#: Six dev gold articles, few enough to fit models on in a test.
SMALL_GOLD = ("01-nis-troops-vladivostok", "02-lavrov-wonsan", "03-belousov-pyongyang", "04-shoigu-deminers-kursk",
              "05-iran-missiles-russia", "06-araghchi-moscow")


def fail_extraction_on(monkeypatch, word: str) -> None:
    """Make event extraction raise, as a fault in kg would, on any paragraph that holds ``word``."""
    import kg.extract.extractor as module

    real = module.extract_events

    def faulty(doc, **kwargs):
        if word in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, **kwargs)

    monkeypatch.setattr(module, "extract_events", faulty)


def the_rules(found, roles) -> list:
    """A participant chooser that keeps what the rules found (see ``Extractor.extract``)."""
    return [event for _, event in found]


class RulesOnly:
    """An extractor whose events keep the participants the rules found, for the tests of the rules."""

    def __init__(self, extractor):
        self._extractor = extractor

    def extract(self, article):
        return self._extractor.extract(article, chooser=the_rules)

    def __getattr__(self, name: str):
        return getattr(self._extractor, name)
