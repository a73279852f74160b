"""The sample corpus bundled with kg: short articles written for the project."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["samples_dir"]


def samples_dir() -> Path:
    """Return the folder of bundled sample articles."""
    return Path(str(files("kg") / "samples"))
