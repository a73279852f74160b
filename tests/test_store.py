import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.errors import StoreBusyError, StoreError
from kg.ingest import ingest
from kg.store import REFERENCE_GRAPH, Store

from helpers import fail_extraction_on

ARTICLE = """---
published: 2025-11-04
url: https://example.org/test/choe
---
Choe Visits Moscow

In late October, North Korea's Foreign Minister Choe Son Hui arrived in Moscow, where she held talks with Russian Foreign Minister Sergei Lavrov.

Kim Jong Un met President Vladimir Putin in Pyongyang in June 2024.
"""


def _meetings(path) -> set[frozenset[str]]:
    with Store(path) as store:
        rows = store.query("SELECT ?e ?p WHERE { ?e a kg:Meeting ; kg:participant ?p }",
                           prefixes={"kg": "https://w3id.org/kg/ont#"})
        found: dict[str, set[str]] = {}
        for row in rows:
            found.setdefault(row["e"].value, set()).add(row["p"].value.rsplit("/", 1)[-1])
    return {frozenset(v) for v in found.values()}


def test_store_reingesting_the_same_article_changes_nothing(tmp_path):
    source = tmp_path / "a.md"
    source.write_text(ARTICLE)
    store = tmp_path / "s"
    first = ingest([str(source)], store=store)
    with Store(store) as db:
        before = sorted(str(q) for q in db.oxigraph)
    second = ingest([str(source)], store=store)
    with Store(store) as db:
        after = sorted(str(q) for q in db.oxigraph)
    assert (len(first.written), len(second.written), len(second.unchanged)) == (1, 0, 1)
    assert before == after


def test_store_changed_article_replaces_its_graph(tmp_path):
    source = tmp_path / "a.md"
    source.write_text(ARTICLE)
    store = tmp_path / "s"
    ingest([str(source)], store=store)
    assert len(_meetings(store)) == 2
    source.write_text(ARTICLE.split("\nKim Jong Un")[0] + "\n")
    report = ingest([str(source)], store=store)
    assert len(report.written) == 1
    meetings = _meetings(store)
    assert meetings == {frozenset({"choe-son-hui", "sergei-lavrov"})}


def test_store_second_writer_gets_busy_while_readers_keep_working(tmp_path):
    path = tmp_path / "s"
    with Store(path, write=True):
        with pytest.raises(StoreBusyError, match="busy"):
            # A second process, as a second `kg ingest` would be.
            result = subprocess.run(
                [sys.executable, "-c",
                 "import sys\nfrom kg.store import Store\nfrom kg.errors import StoreBusyError\n"
                 f"try:\n    Store({str(path)!r}, write=True)\n"
                 "except StoreBusyError as e:\n    print(e); sys.exit(3)\n"],
                capture_output=True, text=True, timeout=120)
            if result.returncode == 3:
                raise StoreBusyError(result.stdout)
        reader = subprocess.run(
            [sys.executable, "-c", f"from kg.store import Store\nprint(Store({str(path)!r}).count() > 0)"],
            capture_output=True, text=True, timeout=120)
        assert reader.stdout.strip() == "True", reader.stderr


def test_store_failed_write_leaves_every_graph_unchanged(tmp_path):
    with Store(tmp_path / "s", write=True) as store:
        triple = ox.Triple(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/b"),
                           ox.Literal("new"))
        before = store.count()
        with pytest.raises(StoreError, match="unchanged"):
            store.replace_graphs({REFERENCE_GRAPH: [triple], "http://example.org/bad graph": [triple]})
        assert store.count() == before
        assert store.count(REFERENCE_GRAPH) > 1


def test_store_reading_a_missing_store_says_how_to_create_one(tmp_path):
    with pytest.raises(StoreError, match="no kg store here.*kg ingest"):
        Store(tmp_path / "nothing")


def test_store_path_that_is_a_file_is_refused(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(path, write=True)


def test_store_holds_ontology_and_reference_in_their_own_graphs(tmp_path):
    from kg.store import ONTOLOGY_GRAPH

    with Store(tmp_path / "s", write=True) as store:
        assert {ONTOLOGY_GRAPH, REFERENCE_GRAPH} <= set(store.graphs())
        assert store.ensure_reference() is False  # already current: nothing rewritten


def test_store_a_fault_on_one_article_keeps_its_graph_and_writes_the_rest(tmp_path, monkeypatch):
    store, first, second = tmp_path / "s", tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE)
    ingest([str(first)], store=store)
    before = _meetings(store)
    first.write_text(ARTICLE + "\nRussia and North Korea signed a treaty in Pyongyang.\n")
    second.write_text("Lavrov In Pyongyang\n\nSergei Lavrov met Kim Jong Un in Wonsan on Saturday.\n")
    fail_extraction_on(monkeypatch, "treaty")
    report = ingest([str(first), str(second)], store=store)
    assert [e.path for e in report.failed] == [str(first)] and "RecursionError" in report.failed[0].message
    assert report.written == [str(second)]
    assert before < _meetings(store)  # the old graph of a.txt is still there, b.txt's meeting added
