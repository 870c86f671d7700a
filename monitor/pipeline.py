"""Classification beside writing: a worker process classifies the next batches of articles
while the caller writes the current one.

The classifier is pure (article and case book in, developments out), so running it in another
process changes nothing but when it runs; the worker builds its own classifier from the case
book once. At most `depth` batches are in flight, so a long stream is never held in memory.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from monitor.domain.articles import Article
from monitor.domain.cases import CaseBook
from monitor.domain.developments import Development

B = TypeVar("B")
R = TypeVar("R")

ClassifierFactory = Callable[[CaseBook], Callable[[Article], list[Development]]]
# An article's developments, or why the classifier failed on it (one line).
Classified = list[Development] | str

_worker_classify: Callable[[Article], list[Development]] | None = None


def _start_worker(factory: ClassifierFactory, book: CaseBook) -> None:
    global _worker_classify
    _worker_classify = factory(book)


def classify_each(
    classify: Callable[[Article], list[Development]], batch: Sequence[Article]
) -> list[Classified]:
    """Each article's developments; a classifier failure is that article's alone."""
    out: list[Classified] = []
    for article in batch:
        try:
            out.append(classify(article))
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [""])[0]
            out.append(f"{type(exc).__name__}: {first}"[:300])
    return out


def _classify_batch(batch: Sequence[Article]) -> list[Classified]:
    assert _worker_classify is not None, "worker not started"
    return classify_each(_worker_classify, batch)


class ClassifierPool:
    """Worker processes (one by default), each holding a classifier for one case book."""

    def __init__(self, factory: ClassifierFactory, book: CaseBook, workers: int = 1) -> None:
        self.book = book
        self.workers = workers
        # spawn, not fork: the parent may run threads (the daemon's scheduler, HTTP clients).
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(factory, book),
        )

    def submit(self, batch: Sequence[Article]) -> Future[list[Classified]]:
        return self._executor.submit(_classify_batch, list(batch))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def pipelined(
    batches: Iterable[B],
    run: Callable[[B], R],
    submit: Callable[[B], Future[R]] | None,
    *,
    depth: int = 2,
    inline_first: int = 0,
) -> Iterator[tuple[B, R]]:
    """Each batch with `run`'s result for it, in order. With `submit`, later batches are
    started ahead (at most `depth` in flight) so their results are ready when asked for;
    the first `inline_first` batches run inline (a short input never starts the worker)."""
    pending: deque[tuple[B, Future[R]]] = deque()
    for index, batch in enumerate(batches):
        if submit is None or index < inline_first:
            yield batch, run(batch)
            continue
        pending.append((batch, submit(batch)))
        if len(pending) >= depth:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items, pulled lazily."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
