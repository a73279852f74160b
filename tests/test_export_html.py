"""The interactive HTML export (kg/export/html.py, kg export html), checked in a real browser.

The browser tests open the page from a file:// URL in Debian's chromium (/usr/bin/chromium),
driven by Playwright, and skip with the reason when either is missing; `make test` installs
chromium through `make system-deps`. Most tests read the tiny hand-written store
(tests/fixtures/analyze/tiny.trig); one copy of it names an entity and writes a sentence and a
headline in markup, which must show as text and run nothing.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.analyze import actor_graph, event_graph
from kg.cli import cli
from kg.errors import KGError
from kg.export.html import (NODE_BUDGET, export_html, layout_positions, render_html, top_nodes,
                            vis_network_js, write_html)
from kg.store import Store

from test_analyze import TINY, load_tiny

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>alert(2)</script> met Putin & friends."
XSS_HEADLINE = "<b onmouseover=alert(3)>Article A</b>"
CHOE, LAVROV, PUTIN = (f"https://w3id.org/kg/id/person/{p}" for p in ("choe-son-hui", "sergei-lavrov", "vladimir-putin"))


# ---------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return load_tiny(tmp_path_factory.mktemp("html") / "tiny.store")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The tiny store with an entity name, a sentence and a headline written in markup."""
    text = TINY.read_text(encoding="utf-8")
    for old, new in (('"Kim Test"@en', json.dumps(XSS_NAME) + "@en"),
                     ('"Kim Test met Putin on Saturday."', json.dumps(XSS_SENTENCE)),
                     ('"Article A"', json.dumps(XSS_HEADLINE))):
        assert old in text, old
        text = text.replace(old, new)
    graphs: dict[str, list] = {}
    for quad in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TRIG):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    path = tmp_path_factory.mktemp("html") / "hostile.store"
    with Store(path, write=True) as store:
        store.replace_graphs(graphs)
    return path


def graph_of(path: Path, level=actor_graph) -> nx.MultiGraph:
    with Store(path) as store:
        return level(store)


def export(store: Path, out: Path, **options) -> Path:
    with Store(store) as db:
        export_html(db, out, **options)
    return out


def page_data(path: Path) -> dict:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                      path.read_text(encoding="utf-8"), re.S)
    assert found, "no data block"
    return json.loads(found.group(1))


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


class _Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action", "data", "poster")]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content") or ""


# ---------------------------------------------------------------------------------- the file

def test_html_page_is_one_file_with_no_remote_sources(tiny, tmp_path):
    path = export(tiny, tmp_path / "g.html")
    parsed = _Sources()
    parsed.feed(path.read_text(encoding="utf-8"))
    assert not [u for u in parsed.urls if re.match(r"\s*(https?:)?//", u, re.I)], parsed.urls
    assert parsed.urls == []  # nothing is loaded from anywhere: scripts and styles are inline
    assert {"link", "iframe", "img", "object", "embed"}.isdisjoint(parsed.tags)
    assert parsed.tags.count("script") == 3  # the JSON data, vis-network, the page script
    assert "default-src 'none'" in parsed.csp and "unsafe-eval" not in parsed.csp


def test_html_page_inlines_the_vis_network_that_pyvis_ships(tiny, tmp_path):
    import pyvis

    script = vis_network_js()
    assert Path(pyvis.__file__).parent.joinpath("lib").exists() and "vis-network" in script[:200]
    assert script in export(tiny, tmp_path / "g.html").read_text(encoding="utf-8")


def test_html_data_block_escapes_markup_and_keeps_the_text(hostile, tmp_path):
    path = export(hostile, tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    for raw in (XSS_NAME, XSS_SENTENCE, XSS_HEADLINE, "alert(2)</script>"):
        assert raw not in page, raw
    data = page_data(path)
    names = {n.get("name") or n["label"] for n in data["nodes"]}
    assert XSS_NAME in names
    sentences = {e["sentence"] for edge in data["edges"] for t in edge["ties"] for e in t["evidence"]}
    headlines = {e["headline"] for edge in data["edges"] for t in edge["ties"] for e in t["evidence"]}
    assert XSS_SENTENCE in sentences and XSS_HEADLINE in headlines


def test_html_page_has_every_node_and_tie_of_the_projection(tiny, tmp_path):
    graph = graph_of(tiny)
    data = page_data(export(tiny, tmp_path / "g.html"))
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert sum(len(e["ties"]) for e in data["edges"]) == graph.number_of_edges()
    assert {n["iri"] for n in data["nodes"]} == set(graph)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_html_hedged_tie_carries_its_status_and_evidence(tiny, tmp_path):
    data = page_data(export(tiny, tmp_path / "g.html"))
    ids = {n["iri"]: n["id"] for n in data["nodes"]}
    (edge,) = [e for e in data["edges"] if {e["from"], e["to"]} == {ids[CHOE], ids[LAVROV]}]
    (tie,) = edge["ties"]
    assert (tie["etype"], tie["status"], tie["first"]) == ("Meeting", "hedged", "2024-11-01")
    assert tie["evidence"][0]["sentence"] == "Choe is expected to meet Lavrov on Friday."
    assert tie["evidence"][0]["headline"] == "Article A"


def test_html_events_level_keeps_negated_events_with_their_status(tiny, tmp_path):
    data = page_data(export(tiny, tmp_path / "g.html", level="events"))
    statuses = sorted(n.get("status") for n in data["nodes"] if n.get("kind") == "Event")
    assert statuses.count("negated") == 1 and statuses.count("hedged") == 1
    assert len(data["nodes"]) == graph_of(tiny, event_graph).number_of_nodes()


def test_html_over_the_budget_keeps_the_nodes_with_most_ties_and_says_so(tiny, tmp_path):
    result = run("export", "html", "-o", str(tmp_path / "g.html"), "--max-nodes", "4", "--store", str(tiny))
    assert result.exit_code == 0, result.output
    assert "node budget of 4" in result.stderr and "Wrote" in result.stderr and result.stdout == ""
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "node budget of 4" in page
    data = page_data(tmp_path / "g.html")
    graph = graph_of(tiny)
    assert {n["iri"] for n in data["nodes"]} == set(top_nodes(graph, 4))
    assert PUTIN in {n["iri"] for n in data["nodes"]}  # tied to the most others


def test_html_top_nodes_keeps_the_focus_whatever_its_degree():
    graph = nx.star_graph(5)
    graph.add_edge(6, 7)
    assert top_nodes(graph, 3, keep=[7]) == [7, 0, 1]


def test_html_layout_is_seeded_and_finite_for_large_graphs():
    graph = nx.disjoint_union(nx.barabasi_albert_graph(700, 2, seed=3), nx.empty_graph(20))
    first, second = layout_positions(graph), layout_positions(graph)
    assert first == second and len(first) == 720
    assert all(abs(x) < 1e6 and abs(y) < 1e6 for x, y in first.values())
    assert layout_positions(graph, seed=1) != first
    # Nodes are spread out, not stacked: few share a 10 px cell.
    cells = {(round(x / 10), round(y / 10)) for x, y in first.values()}
    assert len(cells) > 0.9 * len(first)


def test_html_render_refuses_a_budget_below_one():
    with pytest.raises(KGError, match="at least 1"):
        render_html(nx.path_graph(3), max_nodes=0)


@pytest.mark.slow
def test_html_focus_shows_the_neighbourhood_of_choe_son_hui(sample_store, tmp_path):
    path = tmp_path / "choe.html"
    result = run("export", "html", "-o", str(path), "--focus", "Choe Son Hui", "--depth", "2",
                 "--store", str(sample_store))
    assert result.exit_code == 0, result.output
    data = page_data(path)
    expected = nx.ego_graph(graph_of(sample_store), CHOE, radius=2)
    assert {n["iri"] for n in data["nodes"]} == set(expected)
    focus = [n for n in data["nodes"] if n.get("focus")]
    assert [n["iri"] for n in focus] == [CHOE] and data["meta"]["focus"] == focus[0]["id"]
    assert "neighbourhood of Choe Son Hui" in path.read_text(encoding="utf-8")


def test_html_cli_depth_needs_focus(tiny, tmp_path):
    result = run("export", "html", "-o", str(tmp_path / "g.html"), "--depth", "2", "--store", str(tiny))
    assert result.exit_code == 2 and "--focus" in result.output


def test_html_cli_unknown_focus_exits_1_and_leaves_the_old_file(tiny, tmp_path):
    path = tmp_path / "g.html"
    path.write_text("old page")
    result = run("export", "html", "-o", str(path), "--focus", "Nobody At All", "--store", str(tiny))
    assert result.exit_code == 1 and result.output.startswith("Error: ")
    assert path.read_text() == "old page" and sorted(p.name for p in tmp_path.iterdir()) == ["g.html"]


def test_html_cli_focus_on_a_person_at_the_states_level_says_what_to_do(tiny, tmp_path):
    result = run("export", "html", "-o", str(tmp_path / "g.html"), "--level", "states", "--focus", "Choe Son Hui",
                 "--store", str(tiny))
    assert result.exit_code == 1 and "--level actors" in result.output


def test_html_failed_render_leaves_the_old_file(tmp_path, monkeypatch):
    import kg.export.html as html

    path = tmp_path / "g.html"
    path.write_text("old page")

    def broken(*args, **kwargs):
        raise KGError("layout failed")

    monkeypatch.setattr(html, "layout_positions", broken)
    with pytest.raises(KGError):
        write_html(nx.path_graph(3), path)
    assert path.read_text() == "old page" and [p.name for p in tmp_path.iterdir()] == ["g.html"]


def test_html_cli_into_a_missing_folder_exits_1(tiny, tmp_path):
    result = run("export", "html", "-o", str(tmp_path / "no" / "g.html"), "--store", str(tiny))
    assert result.exit_code == 1 and result.output.startswith("Error: ")


def test_html_default_budget_is_documented_in_help():
    assert f"{NODE_BUDGET}" in run("export", "html", "--help").output


# ---------------------------------------------------------------------------------- the browser

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM}; `make system-deps` (as root) "
                    "installs it, or: apt-get install chromium")
    # Playwright is a pinned test dependency: a missing install is a failure, not a skip.
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file, with every request, console error and dialog it produced."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        # The page's CSP forbids eval, so waits use selectors, not page.wait_for_function.
        self.page.wait_for_selector("body[data-rendered=true]", state="attached", timeout=30_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def count(self, name: str) -> int:
        return int(self.page.get_attribute("#kg-counts", f"data-{name}"))

    def drawn_nodes(self) -> int:
        return self.page.evaluate("Object.keys(kg.network.getPositions()).length")

    def kinds_drawn(self) -> set[str]:
        return set(self.page.evaluate("kg.nodeView.get().map(n => n.kind)"))

    def hover_edge(self, a: str, b: str) -> dict:
        """Move the real mouse onto the middle of the edge between two named nodes."""
        point = self.page.evaluate("""([a, b]) => {
            const all = kg.nodes.get();
            const A = all.find(n => n.name === a), B = all.find(n => n.name === b);
            const edge = kg.edgeView.get().find(e => (e.from === A.id && e.to === B.id) || (e.from === B.id && e.to === A.id));
            const pos = kg.network.getPositions([A.id, B.id]);
            const mid = {x: (pos[A.id].x + pos[B.id].x) / 2, y: (pos[A.id].y + pos[B.id].y) / 2};
            kg.network.moveTo({position: mid, scale: 1.5, animation: false});
            const dom = kg.network.canvasToDOM(mid);
            const box = document.getElementById('kg-canvas').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y, edge: edge.id};
        }""", [a, b])
        self.page.mouse.move(point["x"] - 30, point["y"] - 30)
        self.page.mouse.move(point["x"], point["y"], steps=3)
        return point

    def close(self) -> None:
        self.context.close()

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert set(self.requests) <= {self.url}, self.requests
        assert self.dialogs == [], self.dialogs


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_page(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


@pytest.mark.slow
def test_browser_renders_every_node_of_the_sample_graph_offline_without_errors(sample_store, tmp_path, opened):
    expected = graph_of(sample_store).number_of_nodes()
    view = opened(export(sample_store, tmp_path / "g.html"))
    assert view.count("nodes-shown") == view.drawn_nodes() == expected
    assert view.page.evaluate("kg.nodeView.length") == expected
    assert view.requests == [view.url]
    view.assert_clean()


def test_browser_search_dims_the_other_nodes_and_lists_the_match(tiny, tmp_path, opened):
    view = opened(export(tiny, tmp_path / "g.html"))
    total = view.count("nodes-total")
    view.page.fill("#kg-search", "lavrov")
    view.page.wait_for_selector("#kg-search-result[data-matches='1']", state="attached")
    assert view.page.inner_text("#kg-matches") == "Sergei Lavrov"
    dimmed = view.page.evaluate("kg.nodes.get().filter(n => n.color && n.color.background === '#e9e9e9').length")
    assert dimmed == total - 1
    # The view is centred on the match: it is the node nearest the middle.
    nearest = view.page.evaluate("""() => { const c = kg.network.getViewPosition(), pos = kg.network.getPositions();
        const d = id => Math.hypot(pos[id].x - c.x, pos[id].y - c.y);
        return kg.nodes.get(Object.keys(pos).map(Number).sort((a, b) => d(a) - d(b))[0]).name; }""")
    assert nearest == "Sergei Lavrov"
    view.page.press("#kg-search", "Enter")
    assert view.page.inner_text("#kg-info h2") == "Sergei Lavrov"
    view.page.fill("#kg-search", "")
    view.page.wait_for_selector("#kg-search-result[data-matches='0']", state="attached")
    assert view.page.evaluate("kg.nodes.get().filter(n => n.color && n.color.background === '#e9e9e9').length") == 0
    view.assert_clean()


def test_browser_entity_type_filter_hides_that_type_and_nodes_left_without_ties(tiny, tmp_path, opened):
    graph = graph_of(tiny)
    others = {n for n in graph if graph.nodes[n]["kind"] != "Person"}
    expected = {n for n in others if graph.degree(n) == 0 or set(graph[n]) & others}
    view = opened(export(tiny, tmp_path / "g.html"))
    assert "Person" in view.kinds_drawn()
    view.page.uncheck("#kg-kinds input[value=Person]")
    assert "Person" not in view.kinds_drawn()
    assert view.count("nodes-shown") == view.drawn_nodes() == len(expected)
    view.page.check("#kg-kinds input[value=Person]")
    assert view.count("nodes-shown") == graph.number_of_nodes()
    view.assert_clean()


def test_browser_event_type_status_and_date_filters_change_the_ties_shown(tiny, tmp_path, opened):
    graph = graph_of(tiny)
    view = opened(export(tiny, tmp_path / "g.html"))
    ties = view.count("ties-shown")
    assert ties == graph.number_of_edges()
    meetings = sum(1 for *_, key in graph.edges(keys=True) if key == "Meeting")
    view.page.uncheck("#kg-etypes input[value=Meeting]")
    assert view.count("ties-shown") == ties - meetings
    view.page.check("#kg-etypes input[value=Meeting]")

    view.page.check("#kg-hide-hedged")  # Choe–Lavrov rests on one hedged report
    assert view.count("ties-shown") == ties - 1
    assert not view.page.evaluate("kg.edgeView.get().some(e => e.ties.every(t => t.status === 'hedged'))")
    view.page.uncheck("#kg-hide-hedged")

    # From 2024 on: the 2023 Camp David meetings go, and Japan and South Korea with them.
    view.page.fill("#kg-from", "2024-01-01")
    shown = set(view.page.evaluate("kg.nodeView.get().map(n => n.name)"))
    assert {"Japan", "South Korea"}.isdisjoint(shown) and "Choe Son Hui" in shown
    assert view.count("ties-shown") == ties - 3
    view.page.click("#kg-reset")
    assert view.count("ties-shown") == ties and view.count("nodes-shown") == graph.number_of_nodes()
    view.assert_clean()


def test_browser_hide_negated_removes_the_negated_event(tiny, tmp_path, opened):
    view = opened(export(tiny, tmp_path / "g.html", level="events"))
    before = view.count("nodes-shown")
    negated = "kg.nodeView.get().filter(n => n.status === 'negated').length"
    assert view.page.evaluate(negated) == 1
    view.page.check("#kg-hide-negated")
    assert view.page.evaluate(negated) == 0 and view.count("nodes-shown") == before - 1
    view.assert_clean()


def test_browser_edge_tooltip_and_info_panel_show_the_evidence(tiny, tmp_path, opened):
    view = opened(export(tiny, tmp_path / "g.html"))
    view.hover_edge("Choe Son Hui", "Vladimir Putin")
    tooltip = view.page.wait_for_selector("#kg-tooltip:not([hidden])")
    text = tooltip.inner_text()
    assert "Choe Son Hui \u2014 Vladimir Putin" in text and "Meeting" in text
    assert "Choe met Putin in Moscow on Monday." in text or "Putin received Choe at the Kremlin." in text
    assert "Article" in text and "2024-11-04" in text
    view.page.mouse.down()
    view.page.mouse.up()
    info = view.page.inner_text("#kg-info")
    for sentence, headline in (("Choe met Putin in Moscow on Monday.", "Article A"),
                               ("Putin received Choe at the Kremlin.", "Article B")):
        assert sentence in info and headline in info
    view.assert_clean()


def test_browser_markup_in_names_and_evidence_shows_as_text_and_runs_nothing(hostile, tmp_path, opened):
    view = opened(export(hostile, tmp_path / "g.html"))
    images = "document.querySelectorAll('img').length"
    assert view.page.evaluate(images) == 0
    assert view.page.evaluate("document.scripts.length") == 3

    view.page.fill("#kg-search", "<img")
    view.page.wait_for_selector("#kg-search-result[data-matches='1']", state="attached")
    assert view.page.inner_text("#kg-matches") == XSS_NAME
    view.page.click("#kg-matches button")
    assert view.page.inner_text("#kg-info h2") == XSS_NAME
    view.page.fill("#kg-search", "")

    view.hover_edge(XSS_NAME, "Vladimir Putin")
    tooltip = view.page.wait_for_selector("#kg-tooltip:not([hidden])").inner_text()
    assert XSS_NAME in tooltip and XSS_SENTENCE in tooltip and XSS_HEADLINE in tooltip  # "&" is not "&amp;"
    view.page.mouse.down()
    view.page.mouse.up()
    assert XSS_SENTENCE in view.page.inner_text("#kg-info")
    view.page.wait_for_timeout(300)  # give any injected handler the chance to fire
    assert view.page.evaluate(images) == 0 and view.page.evaluate("document.scripts.length") == 3
    assert view.page.evaluate("document.querySelectorAll('b, [onerror], [onmouseover]').length") == 0
    view.assert_clean()



@pytest.fixture
def empty_page(tmp_path) -> Path:
    store = tmp_path / "empty.store"
    with Store(store, write=True):
        pass
    return export(store, tmp_path / "g.html")


def test_html_empty_store_gives_a_page_that_says_so(empty_page):
    assert "The graph is empty" in empty_page.read_text(encoding="utf-8")
    assert page_data(empty_page)["nodes"] == []


def test_browser_empty_page_renders_without_errors(empty_page, opened):
    view = opened(empty_page)
    assert view.count("nodes-shown") == view.drawn_nodes() == 0
    view.assert_clean()
