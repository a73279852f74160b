"""Benchmark: ingest throughput in articles/min, in one process and on a local Dask cluster.

Run with `python tests/benchmarks/ingest_throughput.py [--rounds N] [--copies N] [--workers 1 2]`.
The corpus is the bundled sample articles repeated ``--copies`` times, each copy with its own URL
so that every article is extracted and written. Each run ingests the whole corpus into a fresh
store through :func:`kg.ingest.ingest`, as `kg ingest` does, so it includes loading the model and,
for Dask, starting the cluster and loading the model in every worker; "first write" is the time
until the first article was written, which is mostly that start-up. Use enough copies that the
start-up is small against the whole run.
Configurations run interleaved (A, B, C, A, B, C, …) and medians are reported, with each run's
ratio to the single-process run of the same round.

On the 2-vCPU VM of shared/research/performance.md two busy processes get about 1.1 cores, so
expect no speed-up from 2 workers there; the figure that matters is on real cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from kg.ingest import ingest
from kg.read import ArticleError, iter_articles
from kg.samples import samples_dir


def write_corpus(folder: Path, copies: int) -> tuple[Path, int, int]:
    """Write the samples ``copies`` times to one JSONL file; return it, the articles and the words."""
    base = [a for a in iter_articles([str(samples_dir())]) if not isinstance(a, ArticleError)]
    path = folder / "corpus.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for article in base:
                record = {"text": article.text, "url": f"{article.url or 'https://example.org/' + article.key}#copy-{copy}",
                          "published": article.published.isoformat() if article.published else None,
                          "source": article.source}
                out.write(json.dumps({k: v for k, v in record.items() if v is not None}) + "\n")
                words += len(article.text.split())
    return path, copies * len(base), words


def run_once(corpus: Path, store: Path, workers: int | None) -> tuple[float, float]:
    """Ingest the corpus into a new store; return the wall time and the time to the first write."""
    stamps: list[float] = []
    start = time.perf_counter()
    report = ingest([str(corpus)], store=store, workers=workers,
                    on_article=lambda path, outcome: stamps.append(time.perf_counter()))
    wall = time.perf_counter() - start
    if report.failed or len(report.written) != len(stamps):
        raise SystemExit(f"ingest failed: {report.summary()}")
    return wall, stamps[0] - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=25, help="times the 8 sample articles are repeated")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="local Dask cluster sizes to measure besides the single process")
    args = parser.parse_args()

    configs: list[tuple[str, int | None]] = [("single process", None)]
    configs += [(f"dask, {n} worker{'s' if n > 1 else ''}", n) for n in args.workers]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, articles, words = write_corpus(Path(tmp), args.copies)
        walls: dict[str, list[float]] = {name: [] for name, _ in configs}
        firsts: dict[str, list[float]] = {name: [] for name, _ in configs}
        ratios: dict[str, list[float]] = {name: [] for name, _ in configs}
        for round_ in range(args.rounds):
            for name, workers in configs:
                wall, first = run_once(corpus, Path(tmp) / f"{round_}-{workers}.store", workers)
                walls[name].append(wall)
                firsts[name].append(first)
            for name, _ in configs:
                ratios[name].append(walls["single process"][-1] / walls[name][-1])
    print(f"corpus: {articles} articles, {words:,} words; {args.rounds} interleaved rounds; "
          f"os.cpu_count() = {os.cpu_count()}")
    print(f"{'configuration':<18} {'wall s':>8} {'articles/min':>13} {'words/s':>8} {'first write s':>14} {'speed-up':>9}")
    for name, _ in configs:
        wall = statistics.median(walls[name])
        print(f"{name:<18} {wall:8.2f} {articles / wall * 60:13.0f} {words / wall:8.0f} {statistics.median(firsts[name]):14.2f} "
              f"{statistics.median(ratios[name]):8.2f}x")
    print("wall, articles/min and words/s include model load and cluster start-up; speed-up is the median "
          "per-round ratio of single-process wall time to this configuration's.")


if __name__ == "__main__":
    main()
