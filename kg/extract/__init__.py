"""Turn articles into extraction records with spaCy and the reference knowledge base."""

from kg.extract.extractor import Extractor

__all__ = ["Extractor"]
