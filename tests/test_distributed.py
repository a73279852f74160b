"""Distributed ingest on Dask: the same graph as a single process, written by one writer."""

from __future__ import annotations

import logging
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.cli import cli
from kg.distributed import ClusterError, check_scheduler_address
from kg.ingest import ingest
from kg.samples import samples_dir
from kg.store import Store

GENERATED_AT = URIRef("http://www.w3.org/ns/prov#generatedAtTime")
ARTICLE_GRAPHS = "https://w3id.org/kg/graph/article/"


def article_graphs(path: Path) -> dict[str, Graph]:
    """Return the store's article graphs by name, without their generation timestamps."""
    graphs = {}
    with Store(path) as store:
        for name in store.graphs():
            if name.startswith(ARTICLE_GRAPHS):
                data = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
                graph = Graph().parse(data=data.decode("utf-8"), format="nt")
                graph.remove((None, GENERATED_AT, None))
                graphs[name] = graph
    return graphs


def assert_same_graphs(expected: dict[str, Graph], actual: dict[str, Graph]) -> None:
    assert sorted(expected) == sorted(actual)
    for name, graph in expected.items():
        if isomorphic(graph, actual[name]):
            continue
        _both, only_expected, only_actual = graph_diff(to_isomorphic(graph), to_isomorphic(actual[name]))
        pytest.fail(f"{name} differs.\nOnly single-process:\n" + only_expected.serialize(format="turtle")
                    + "\nOnly distributed:\n" + only_actual.serialize(format="turtle"))


@pytest.fixture(scope="module")
def single_process_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("single") / "single.store"
    report = ingest([str(samples_dir())], store=path)
    assert not report.failed and report.written
    return path


@pytest.fixture(scope="module")
def scheduler():
    """A two-worker Dask cluster on 127.0.0.1, reached by its address as a remote one would be."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_distributed_local_cluster_of_two_workers_gives_the_single_process_graph(tmp_path,
                                                                                  single_process_store):
    store = tmp_path / "dask.store"
    result = CliRunner().invoke(cli, ["ingest", "--samples", "--workers", "2", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "8 article(s) written" in result.output
    assert_same_graphs(article_graphs(single_process_store), article_graphs(store))


@pytest.mark.slow
def test_distributed_scheduler_address_gives_the_single_process_graph(tmp_path, scheduler,
                                                                      single_process_store):
    store = tmp_path / "remote.store"
    seen: list[tuple[str, str]] = []
    report = ingest([str(samples_dir())], store=store, scheduler=scheduler,
                    on_article=lambda path, outcome: seen.append((Path(path).name, outcome)))
    files = sorted(p.name for p in samples_dir().glob("*.md") if p.name != "README.md")
    # Written in reading order, whichever worker finished first.
    assert [name for name, _ in seen] == files
    assert {outcome for _, outcome in seen} == {"written"}
    assert_same_graphs(article_graphs(single_process_store), article_graphs(store))


@pytest.mark.slow
def test_distributed_unchanged_articles_are_skipped_before_reaching_the_cluster(tmp_path, scheduler,
                                                                                 monkeypatch):
    import kg.distributed

    store = tmp_path / "again.store"
    ingest([str(samples_dir())], store=store, scheduler=scheduler)

    def no_cluster(**kwargs):
        raise AssertionError("nothing should be sent to the cluster")

    monkeypatch.setattr(kg.distributed, "cluster_client", no_cluster)
    report = ingest([str(samples_dir())], store=store, scheduler=scheduler)
    assert not report.written and len(report.unchanged) == 8


@pytest.mark.slow
def test_distributed_unreadable_file_is_reported_and_the_others_are_written(tmp_path, scheduler):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sample = next(p for p in sorted(samples_dir().glob("*.md")) if p.name != "README.md")
    (corpus / "good.md").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00 not text")
    outcomes: dict[str, str] = {}
    report = ingest([str(corpus)], store=tmp_path / "s.store", scheduler=scheduler,
                    on_article=lambda path, outcome: outcomes.__setitem__(Path(path).name, outcome))
    assert outcomes["good.md"] == "written"
    assert len(report.failed) == 1 and "bad.txt" in report.failed[0].path
    assert outcomes["bad.txt"] not in ("written", "unchanged")


@pytest.mark.parametrize("address", ["localhost:8786", "http://host:8786", "tcp://host", "tcp://:8786",
                                     "tcp://host:port"])
def test_distributed_scheduler_address_must_be_tcp_host_port(address):
    with pytest.raises(ClusterError, match="tcp://HOST:PORT"):
        check_scheduler_address(address)


def test_distributed_scheduler_and_workers_together_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "--samples", "--workers", "2", "--scheduler",
                                      "tcp://127.0.0.1:8786", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "not both" in result.output
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("args", [["--workers", "0"], ["--scheduler", "127.0.0.1:8786"]])
def test_distributed_bad_option_is_a_usage_error(tmp_path, args):
    result = CliRunner().invoke(cli, ["ingest", "--samples", *args, "--store", str(tmp_path / "s")])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "s").exists()


def test_distributed_ingest_api_refuses_both_scheduler_and_workers(tmp_path):
    with pytest.raises(ClusterError, match="not both"):
        ingest([str(samples_dir())], store=tmp_path / "s", scheduler="tcp://127.0.0.1:8786", workers=2)
    assert not (tmp_path / "s").exists()


def test_distributed_worker_loads_the_model_once_per_process_and_model(monkeypatch, article):
    import kg.distributed
    import kg.extract

    made: list[str | None] = []

    class FakeExtractor:
        model_name = "en_fake-0"

        def __init__(self, model=None):
            made.append(model)

        def extract_all(self, articles):
            return iter([])

    monkeypatch.setattr(kg.extract, "Extractor", FakeExtractor)
    monkeypatch.setattr(kg.distributed, "_EXTRACTORS", {})
    for _ in range(3):
        result = kg.distributed.extract_batch([article("Choe met Lavrov.")], model="a")
    kg.distributed.extract_batch([], model="b")
    assert made == ["a", "b"]
    assert result.model_name == "en_fake-0" and result.worker == "local process"
