"""Benchmark: query latency through `kg serve` against the same query run in-process.

Run with `python tests/benchmarks/serve_latency.py --store STORE [--rounds N]` (make one with
`kg ingest --samples --store STORE`). Not a timed test.

For a simple SELECT and the bundled `meetings` query it reports the median wall time of:
- `kg.query.run_query` in this process (store already open);
- an HTTP POST to `kg serve`, which forks a worker process per query and opens the store in it;
and the median time of the simple query while a cross-join query keeps one worker busy until the
timeout. The difference between the first two is the price of a killable worker per query.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.query import bundled_queries, run_query
from kg.store import Store

SIMPLE = "SELECT ?s WHERE { ?s a kg:Meeting } LIMIT 3"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def post(url: str, query: str) -> int:
    data = urllib.parse.urlencode({"query": query}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def median_seconds(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(args.store),
                               "--port", str(port), "--timeout", "5"], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        meetings = bundled_queries()["meetings"].text
        print(f"{'query':<10} {'in-process':>12} {'kg serve':>12}")
        with Store(args.store) as store:
            for name, text in (("simple", SIMPLE), ("meetings", meetings)):
                local = median_seconds(lambda: run_query(store, text), args.rounds)
                remote = median_seconds(lambda: post(url, text), args.rounds)
                print(f"{name:<10} {local * 1000:>10.1f}ms {remote * 1000:>10.1f}ms")
        slow = threading.Thread(target=post, args=(url, SLOW))
        slow.start()
        time.sleep(0.5)
        busy = median_seconds(lambda: post(url, SIMPLE), min(args.rounds, 10))
        slow.join()
        print(f"simple query while a slow one runs: {busy * 1000:.1f}ms (median)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
