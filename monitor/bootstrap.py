"""The composition root: the one place that builds the database, store, classifier and projectors.

Entry points (CLI, daemon, tests) differ only in what they pass here;
nothing is built at import time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from monitor.classify.extract import Classifier
from monitor.domain.articles import Article
from monitor.domain.cases import CaseBook
from monitor.domain.review import ReviewPolicy
from monitor.ingest import BookReader, DecisionStates, IngestResult, StopFlag, ingest_articles
from monitor.pipeline import ClassifierPool
from monitor.projections.cases import (
    ChangeHook,
    DefinitionsProjector,
    StatusProjector,
    TimelineProjector,
    logging_changes,
)
from monitor.projections.runner import Projector, catch_up, rebuild
from monitor.store.db import Database, connect
from monitor.store.events import EventStore

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from monitor.config import HttpTable


@dataclass
class App:
    """Everything a command needs, wired once."""

    db: Database
    store: EventStore
    projectors: list[Projector] = field(default_factory=list)
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    # Classify in worker processes beside writing, for ingests longer than a few batches:
    # one per core (at most two), since classifying costs about three times what writing
    # does and the main process mostly waits for the workers.
    classify_in_worker: bool = True
    classifier_workers: int = field(default_factory=lambda: max(1, min(2, os.cpu_count() or 1)))
    _classifier: Classifier | None = None
    _pool: ClassifierPool | None = None
    _book: BookReader = field(default_factory=BookReader)
    _states: DecisionStates | None = None

    def classifier(self, book: CaseBook) -> Classifier:
        """A classifier for `book`, rebuilt only when the case definitions change."""
        if self._classifier is None or self._classifier.book != book:
            self._classifier = Classifier(book)
        return self._classifier

    def _pool_for(self, book: CaseBook) -> ClassifierPool:
        """The worker process, started on first use and kept for later ingests."""
        if self._pool is not None and self._pool.book != book:
            self._pool.close()
            self._pool = None
        if self._pool is None:
            self._pool = ClassifierPool(Classifier, book, self.classifier_workers)
        return self._pool

    def ingest(
        self, articles: Iterable[Article], *, backfill: bool = False, stop: StopFlag | None = None
    ) -> IngestResult:
        """Ingest a stream of articles (read lazily), then bring the projections up to date
        however the ingest ended."""
        with self.db.read() as conn:
            book = self._book.read(conn)
        classifier = self.classifier(book)
        if self._states is None:
            self._states = DecisionStates(self.store)
        try:
            return ingest_articles(
                self.store,
                articles,
                classifier,
                classifier.version,
                backfill=backfill,
                book=classifier.book,  # the very object it was built for: no per-article rebuild
                stop=stop,
                policy=self.review,
                pool=self._pool_for if self.classify_in_worker else None,
                states=self._states,
                ahead=self.classifier_workers + 1,  # a batch for each worker while one is written
            )
        finally:
            self.project(stop=stop)

    def project(self, *, stop: StopFlag | None = None) -> int:
        return catch_up(self.db, self.store, self.projectors, stop=stop)

    def rebuild(self) -> int:
        return rebuild(self.db, self.store, self.projectors)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self.db.dispose()


def bootstrap(
    db_url: str | None = None,
    *,
    on_change: ChangeHook | None = None,
    review: ReviewPolicy | None = None,
) -> App:
    """Wire the app; status changes go to the alert outbox unless another hook is given;
    `review` is the desk's review policy (default: `[review]` defaults)."""
    from monitor.alerts.subscriptions import OutboxHook

    db = connect(db_url)
    store = EventStore(db)
    projectors: list[Projector] = [
        DefinitionsProjector(),
        TimelineProjector(),
        StatusProjector(store, logging_changes(on_change or OutboxHook())),
    ]
    return App(db, store, projectors, review or ReviewPolicy())


def review_token(http: HttpTable | None) -> str | None:
    """The review token from the environment variable `[http] token_env` names (None: unset)."""
    if http is None or not http.token_env:
        return None
    return os.environ.get(http.token_env) or None


def web_app(app: App, http: HttpTable | None) -> Starlette:
    """The web application over `app`'s projections; writable only with a review token."""
    from monitor.review import Desk, UnknownDevelopment
    from monitor.web.app import create_app
    from monitor.web.context import UnknownProposal, WebContext
    from monitor.web.guard import Guard

    class WebDesk(Desk):
        """The review use case, its unknown ids reported as the web's `UnknownProposal`; the
        projections are brought up to date at once, so the next page shows the decision."""

        def decide(self, decision: Any) -> int:
            try:
                appended = super().decide(decision)
            except UnknownDevelopment as exc:
                raise UnknownProposal(str(exc)) from None
            app.project()
            return appended

    return create_app(WebContext(app.db, Guard(review_token(http)), WebDesk(app.store)))
