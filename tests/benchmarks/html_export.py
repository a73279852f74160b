"""Benchmark: `kg export html` on a synthetic 5,000-node graph, and the browser's first render.

Run with `python tests/benchmarks/html_export.py [--nodes N] [--rounds N]`. Not a timed test.

The graph is a Barabási–Albert graph (m=2, so about two ties per node, seeded) dressed as an
actor graph: states, people, organisations and units, ties typed by event class with dates,
statuses and an evidence sentence each. It is written twice: with --max-nodes equal to its size
(the whole graph, the "must stay usable" case) and with the default budget (aggregated to the
1,500 nodes with most ties). For each page the script reports:

- export time (layout + page build + atomic write; the median of --rounds runs) and file size;
- in Debian's headless chromium (/usr/bin/chromium, driven by Playwright): the time from
  navigation start to vis-network's first drawn frame (`window.kgFirstRenderMs`), the wall time
  from `goto` until then, and how long a search and an entity-type filter take to apply.

Without /usr/bin/chromium or Playwright the browser half is skipped with a note.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.export.html import NODE_BUDGET, write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
KINDS = [("State", "State", 0.05), ("Person", "Person", 0.6), ("Organization", "Organization", 0.2),
         ("MilitaryUnit", "MilitaryUnit", 0.15)]
TIES = [("Meeting", 1.0), ("Visit", 1.0), ("Statement", 0.5), ("Signing", 1.0), ("Combat", -1.0),
        ("Deployment", 1.0), ("Transfer", 1.0)]


def synthetic_graph(nodes: int, *, seed: int = 7) -> nx.MultiGraph:
    """Return a seeded actor-like graph with ``nodes`` nodes and about two ties per node."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph = nx.MultiGraph()
    for node in base:
        kind = rng.choices([k for k, _, _ in KINDS], weights=[w for *_, w in KINDS])[0]
        graph.add_node(f"n{node}", label=f"{kind} {node}", kind=kind, type=kind, iri=f"urn:x:{node}",
                       events=base.degree(node))
    for a, b in base.edges():
        kind, sign = rng.choice(TIES)
        day = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        graph.add_edge(f"n{a}", f"n{b}", key=kind, type=kind, label=kind, events=1, sources=1,
                       evidence_count=1, signed_weight=sign, hedged=rng.random() < 0.1, first=day, last=day,
                       evidence=f"Actor {a} and actor {b}: a {kind.lower()} reported on {day}.",
                       evidence_article=f"Synthetic article {rng.randint(1, 500)}")
    return graph


def time_export(graph: nx.MultiGraph, path: Path, *, max_nodes: int, rounds: int) -> tuple[float, object]:
    times, summary = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        summary = write_html(graph, path, title="Synthetic benchmark graph", max_nodes=max_nodes)
        times.append(time.perf_counter() - start)
    return statistics.median(times), summary


def time_browser(path: Path) -> dict | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  browser: skipped, Playwright is not installed (pip install -e '.[test]').")
        return None
    if not Path(CHROMIUM).exists():
        print(f"  browser: skipped, {CHROMIUM} is missing (make system-deps installs Debian's chromium).")
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-rendered=true]", timeout=120_000)
            wall = time.perf_counter() - start
            first = page.evaluate("window.kgFirstRenderMs")
            shown = int(page.get_attribute("#kg-counts", "data-nodes-shown"))
            # A search for a rare name, then hiding the most common entity type.
            search = page.evaluate("""() => { const t = performance.now();
                const box = document.getElementById('kg-search'); box.value = 'State 1';
                box.dispatchEvent(new Event('input')); return t; }""")
            # The page's CSP forbids eval, so wait on a selector rather than page.wait_for_function.
            page.wait_for_selector("#kg-search-result[data-matches]:not([data-matches='0'])", state="attached")
            search_ms = page.evaluate("performance.now()") - search - 150  # less the 150 ms debounce
            filter_ms = page.evaluate("""() => { const t = performance.now();
                document.querySelector('#kg-kinds input[value=Person]').click();
                return performance.now() - t; }""")
            return {"first_render_ms": first, "wall_s": wall, "nodes_shown": shown, "search_ms": search_ms,
                    "filter_ms": filter_ms, "errors": errors}
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    graph = synthetic_graph(args.nodes)
    print(f"Synthetic graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} ties.")
    folder = Path(tempfile.mkdtemp(prefix="kg-html-bench-"))
    try:
        for name, budget in (("whole graph", args.nodes), ("default budget", NODE_BUDGET)):
            path = folder / f"{budget}.html"
            seconds, summary = time_export(graph, path, max_nodes=budget, rounds=args.rounds)
            size = path.stat().st_size / 1e6
            print(f"{name} (--max-nodes {budget}): {summary.nodes:,} nodes, {summary.edges:,} edges; "
                  f"export {seconds:.2f} s (median of {args.rounds}); {size:.1f} MB")
            result = time_browser(path)
            if result:
                print(f"  browser: first render {result['first_render_ms']:.0f} ms after navigation start "
                      f"(goto to first frame {result['wall_s']:.2f} s); {result['nodes_shown']:,} nodes drawn; "
                      f"search {result['search_ms']:.0f} ms; type filter {result['filter_ms']:.0f} ms; "
                      f"console errors: {len(result['errors'])}")
                if result["errors"]:
                    print("  " + "\n  ".join(result["errors"][:5]), file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
