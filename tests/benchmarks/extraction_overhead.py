"""Benchmark: how much kg's extraction adds to the bare spaCy pipeline on the same text.

Run with `make benchmark` or `python tests/benchmarks/extraction_overhead.py [--rounds N]`.
The corpus is the bundled sample articles (and the gold set's texts), repeated to about 40,000
words. Both sides parse the same body paragraphs; the bare side runs the stock spaCy model,
the kg side runs the extractor (entity ruler, linking, posts, events, relations). Rounds are
interleaved and the median ratio is reported. The goal is a ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from pathlib import Path

from kg.extract import Extractor
from kg.extract.model import load_model
from kg.extract.segment import body_paragraphs
from kg.read import ArticleError, iter_articles
from kg.samples import samples_dir

REPO = Path(__file__).resolve().parents[2]


def corpus(target_words: int) -> list:
    folders = [str(samples_dir())] + [str(p) for p in (REPO / "tests" / "fixtures" / "gold").glob("*") if p.is_dir()]
    base = [a for a in iter_articles(folders) if not isinstance(a, ArticleError)]
    words = sum(len(a.text.split()) for a in base)
    copies = max(1, target_words // max(words, 1))
    return [replace(a, key=f"{a.key}#{i}") for i in range(copies) for a in base]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--words", type=int, default=40_000)
    args = parser.parse_args()

    articles = corpus(args.words)
    paragraphs = [a.text[s:e] for a in articles for s, e in body_paragraphs(a.text)]
    words = sum(len(p.split()) for p in paragraphs)
    bare, extractor = load_model(), Extractor()
    bare_times, kg_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(paragraphs, batch_size=32):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _extraction in extractor.extract_all(articles):
            pass
        kg_times.append(time.perf_counter() - start)
    ratios = [k / b for k, b in zip(kg_times, bare_times)]
    print(f"articles {len(articles)}, body words {words:,}, rounds {args.rounds}")
    print(f"bare spaCy   median {statistics.median(bare_times):6.2f} s  "
          f"({words / statistics.median(bare_times):,.0f} words/s)")
    print(f"kg extract   median {statistics.median(kg_times):6.2f} s  "
          f"({words / statistics.median(kg_times):,.0f} words/s)")
    print(f"ratio        median {statistics.median(ratios):.3f}  (goal: at most 1.5)")


if __name__ == "__main__":
    main()
