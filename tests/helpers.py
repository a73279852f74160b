"""Paths shared by the tests."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO.parent / "shared" / "seed-article.txt"
