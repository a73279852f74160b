"""Run extraction on a Dask distributed cluster while one process writes the store.

The client reads the articles, skips unchanged ones, and sends the rest to the workers in
batches. Each worker process loads the spaCy pipeline once, the first time it extracts a batch,
and keeps it for later batches. Workers return plain :class:`~kg.records.Extraction` records (or
an :class:`~kg.read.ArticleError` for an article whose extraction failed); the client turns them
into quads and writes them in the order the articles were read, so the graph does not depend on
which worker finished first.

Every worker needs kg, the same kg version and the spaCy model installed: tasks refer to
:func:`extract_batch` by name, and a worker with another kg version is refused.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.read.source import ArticleError
from kg.records import Article, Extraction

if TYPE_CHECKING:
    from distributed import Client

    from kg.extract import Extractor

__all__ = ["ClusterError", "BatchResult", "cluster_client", "extract_batch", "extract_on_cluster",
           "check_scheduler_address"]

#: Articles per task: about a second of spaCy work each at ~570 articles/min, long enough that
#: Dask's per-task overhead (milliseconds) does not matter and short enough to balance the load.
DEFAULT_BATCH_SIZE = 8

_SCHEMES = ("tcp", "tls")


class ClusterError(KGError):
    """The Dask cluster cannot be started or reached, or a worker cannot take part."""


@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back for one batch: who did it, with which kg and model, and the records."""

    worker: str
    version: str
    model_name: str
    extractions: tuple[Extraction | ArticleError, ...]


# One extractor per worker process and model. A lock, because a worker started with several
# threads would otherwise load the model once per thread, and a spaCy pipeline is not meant to
# be used by two threads at once.
_EXTRACTORS: dict[str | None, Extractor] = {}
_LOCK = threading.Lock()


def _cached_extractor(model: str | None) -> Extractor:
    from kg.extract import Extractor

    if model not in _EXTRACTORS:
        _EXTRACTORS[model] = Extractor(model)
    return _EXTRACTORS[model]


def extract_batch(articles: Sequence[Article], *, model: str | None = None) -> BatchResult:
    """Extract a batch of articles with this process's cached extractor (runs on a worker)."""
    from kg import __version__

    try:
        from distributed import get_worker

        worker = get_worker().address
    except (ImportError, ValueError):
        worker = "local process"
    with _LOCK:
        extractor = _cached_extractor(model)
        extractions = tuple(extractor.extract_all(articles))
    return BatchResult(worker=worker, version=__version__, model_name=extractor.model_name,
                       extractions=extractions)


def check_scheduler_address(address: str) -> str:
    """Return ``address`` if it has the form ``tcp://HOST:PORT``, else raise :class:`ClusterError`.

    >>> check_scheduler_address("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    scheme, sep, rest = address.partition("://")
    host, colon, port = rest.rpartition(":")
    if not sep or scheme not in _SCHEMES or not colon or not host or not port.isdigit():
        raise ClusterError(
            f"{address!r} is not a Dask scheduler address: expected tcp://HOST:PORT "
            "(or tls://HOST:PORT), as printed by `dask scheduler`.")
    return address


def _import_distributed():
    try:
        import distributed
    except ImportError as err:
        raise ClusterError(
            "Distributed ingest needs Dask: pip install 'kg[distributed]' "
            "(dask and distributed).") from err
    return distributed


@contextmanager
def cluster_client(*, scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """Connect to the scheduler at ``scheduler``, or start a local cluster of ``workers`` processes.

    The local cluster listens on 127.0.0.1 only, runs one thread per worker process and serves
    no dashboard. It is shut down on exit; a remote cluster is only disconnected from.
    """
    if (scheduler is None) == (workers is None):
        raise ClusterError("Give either a scheduler address or a number of local workers, not both.")
    distributed = _import_distributed()
    if scheduler is not None:
        check_scheduler_address(scheduler)
        try:
            client = distributed.Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"Cannot reach the Dask scheduler at {scheduler}: {err}.") from err
        with client:
            yield client
        return
    if workers < 1:
        raise ClusterError(f"--workers must be at least 1, not {workers}.")
    try:
        # dashboard_address=None turns the dashboard off, but the scheduler still serves its
        # health and metrics routes, on port 8787 unless told otherwise: a free loopback port
        # avoids both a clash with a real cluster and a warning.
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            scheduler_port=0, dashboard_address=None, silence_logs=logging.ERROR,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"Cannot start a local Dask cluster of {workers} worker(s): {err}.") from err
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        yield client


def extract_on_cluster(articles: Sequence[Article], *, client: Client, model: str | None = None,
                       batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[str, Extraction | ArticleError]]:
    """Yield ``(model_name, extraction)`` for each article, in order, extracted on the cluster.

    At most two batches per worker are in flight, so a long corpus does not pile up in memory.
    """
    from kg import __version__

    if batch_size < 1:
        raise ClusterError(f"The batch size must be at least 1, not {batch_size}.")
    batches = [list(articles[i:i + batch_size]) for i in range(0, len(articles), batch_size)]
    window = max(2, 2 * len(client.scheduler_info(n_workers=-1).get("workers", {})))
    in_flight: deque = deque()
    pending = iter(batches)

    def submit_next() -> None:
        batch = next(pending, None)
        if batch is not None:
            in_flight.append(client.submit(extract_batch, batch, model=model, pure=False))

    for _ in range(window):
        submit_next()
    try:
        while in_flight:
            future = in_flight.popleft()
            result = _batch_result(future)
            future.release()
            submit_next()
            if result.version != __version__:
                raise ClusterError(
                    f"Dask worker {result.worker} runs kg {result.version}, this client kg "
                    f"{__version__}; install the same kg version on every worker.")
            for extraction in result.extractions:
                yield result.model_name, extraction
    finally:
        # Nothing more will be written: stop the batches still queued (an error, or the caller stopped).
        for future in in_flight:
            future.cancel()


def _batch_result(future) -> BatchResult:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as err:
        raise ClusterError(f"Dask workers kept dying while extracting a batch of articles: {err}.") from err
