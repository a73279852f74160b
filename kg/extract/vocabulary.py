"""Word lists the linker and the post finder read from ``kg/data/linking.toml``."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

__all__ = ["linking_words", "without_particle"]


@lru_cache(maxsize=1)
def linking_words() -> dict:
    """Return the word lists of ``kg/data/linking.toml``; ordered lists stay tuples, tables dicts."""
    data = tomllib.loads((files("kg") / "data" / "linking.toml").read_text(encoding="utf-8"))
    return {key: tuple(value) if key == "role_preference" else dict(value) if isinstance(value, dict)
            else frozenset(value) for key, value in data.items()}


def without_particle(word: str) -> str | None:
    """Return a family name without the particle hyphened to it ("el-Sisi" → "Sisi"), or None."""
    particle, hyphen, rest = word.partition("-")
    return rest if hyphen and rest and particle.lower() in linking_words()["name_particles"] else None
