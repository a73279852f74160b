"""Benchmark: every bundled query on the embedded store and on Virtuoso 7, same corpus.

Run with `python tests/benchmarks/remote_query_latency.py [--rounds N]`. It ingests the sample
corpus into a temporary embedded store, starts a throwaway Virtuoso on 127.0.0.1 as the tests do
(needs `virtuoso-t`: `make system-deps`), pushes the store to it with `kg push`'s code, checks
that both give the same rows, and prints the median wall time of `kg.query.run_query` for each
bundled query. Not a timed test.

`run_query` on the remote store costs two HTTP round trips (the graph list that FROM checks
need, then the query); the numbers include both, and the JSON parsing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_remote import Virtuoso, _rows  # noqa: E402

from kg.ingest import ingest  # noqa: E402
from kg.query import bundled_queries, run_query  # noqa: E402
from kg.remote import push_store  # noqa: E402
from kg.samples import samples_dir  # noqa: E402
from kg.store import Store  # noqa: E402


def median_ms(store, sparql: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run_query(store, sparql)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        local_path = Path(tmp) / "sample.store"
        ingest([str(samples_dir())], store=local_path)
        (Path(tmp) / "virtuoso").mkdir()
        server = Virtuoso(Path(tmp) / "virtuoso")
        try:
            server.wait()
            with Store(local_path) as local, server.store(write=True) as remote:
                push_store(local, remote)
                print(f"{'query':<14} {'rows':>5} {'embedded ms':>12} {'virtuoso ms':>12}  same rows")
                for name, query in bundled_queries().items():
                    here, there = run_query(local, query.text), run_query(remote, query.text)
                    same = _rows(query.text, here) == _rows(query.text, there)
                    print(f"{name:<14} {len(here.rows):>5} {median_ms(local, query.text, args.rounds):>12.1f} "
                          f"{median_ms(remote, query.text, args.rounds):>12.1f}  {same}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
