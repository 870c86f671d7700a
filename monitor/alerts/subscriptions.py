"""Subscriptions as stored rows, and the pure decision of which alerts a case change raises.

A subscription hears of changes recorded after it first existed (its
`since_position`), and never of backfilled history. When one event moves a
case through a status, each matching subscription gets one alert for it: a
batch that moves a case through several statuses yields one alert per change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from monitor.alerts import changes
from monitor.config import Subscription
from monitor.domain.events import DevelopmentRecorded
from monitor.projections.cases import CaseChange
from monitor.store.schema import alerts, subscriptions
from monitor.store.schema import events as events_table
from monitor.store.sources import sources_of_developments


@dataclass(frozen=True)
class StoredSubscription:
    id: str
    spec: dict[str, Any]
    since_position: int
    channel: str = ""
    target: str = ""
    removed_at: dt.datetime | None = None

    @property
    def cases(self) -> list[str]:
        return list(self.spec.get("cases") or ["*"])

    @property
    def on(self) -> list[str]:
        return list(self.spec.get("on") or ["status"])

    def covers(self, case: str) -> bool:
        return "*" in self.cases or case in self.cases

    def wants(self, kind: str, case: str) -> bool:
        """Whether an alert of `kind` about `case` is still one this subscription asks for
        (a correction goes to whoever heard of what it corrects)."""
        if kind == "review":
            return "review" in self.on
        return self.covers(case) and (kind in self.on or kind == "correction")


@dataclass
class SyncReport:
    """What making the stored subscriptions follow the configuration changed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    cancelled: int = 0


def subscription_id(sub: Subscription) -> str:
    """A subscription's identity is its target: one id per webhook URL or email address."""
    return hashlib.sha256(f"{sub.channel}|{sub.target}".encode()).hexdigest()[:32]


def _spec(sub: Subscription) -> dict[str, Any]:
    return {
        "cases": list(sub.cases),
        "on": list(sub.on),
        "webhook": sub.webhook,
        "secret_env": sub.secret_env,
        "email": sub.email,
        "gap_days": sub.gap_days,
    }


def _stored(row: Any) -> StoredSubscription:
    return StoredSubscription(
        row.id, row.spec, row.since_position, row.channel, row.target, row.removed_at
    )


def cancel_alerts(
    conn: Connection, sub: StoredSubscription, reason: str, *, keep: StoredSubscription | None
) -> int:
    """Cancel `sub`'s undelivered alerts, or with `keep` only those it no longer asks for."""
    rows = conn.execute(
        select(alerts.c.id, alerts.c.kind, alerts.c.case_key).where(
            alerts.c.subscription_id == sub.id, alerts.c.state.in_(["pending", "sending"])
        )
    ).all()
    ids = [r.id for r in rows if keep is None or not keep.wants(r.kind, r.case_key)]
    for chunk in range(0, len(ids), 500):
        conn.execute(
            update(alerts)
            .where(alerts.c.id.in_(ids[chunk : chunk + 500]))
            .values(state="cancelled", last_error=f"cancelled: {reason}")
        )
    return len(ids)


def sync_subscriptions(
    conn: Connection, subs: Sequence[Subscription], now: dt.datetime
) -> SyncReport:
    """Make the stored subscriptions what the configuration says now.

    One row per target: a configured target keeps its row (id, start position)
    and takes the configured settings; alerts it no longer asks for are
    cancelled. A target no longer configured is marked removed and its
    undelivered alerts cancelled. A target configured again hears only of
    events from now on, as a new one does.
    """
    if conn.dialect.name == "postgresql":
        # Two instances starting at once must not both insert the same target.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('case-monitor:subscriptions'))"))
    head = conn.execute(select(func.coalesce(func.max(events_table.c.position), 0))).scalar_one()
    rows = [
        _stored(r)
        for r in conn.execute(
            select(subscriptions).order_by(subscriptions.c.created_at, subscriptions.c.id)
        )
    ]
    # Earlier versions kept one row per settings, so a target may have several: the
    # oldest active one (else the oldest) stands for it and the others are retired.
    by_target: dict[tuple[str, str], StoredSubscription] = {}
    for row in sorted(rows, key=lambda r: r.removed_at is not None):
        by_target.setdefault((row.channel, row.target), row)
    report = SyncReport()
    configured = {(sub.channel, sub.target): sub for sub in subs}
    for row in rows:
        keep = configured.get((row.channel, row.target))
        if row.removed_at is None and (keep is None or by_target[(row.channel, row.target)] != row):
            conn.execute(
                update(subscriptions).where(subscriptions.c.id == row.id).values(removed_at=now)
            )
            report.removed.append(row.id)
            report.cancelled += cancel_alerts(
                conn, row, "subscription removed from the configuration", keep=None
            )
    for identity, sub in configured.items():
        spec = _spec(sub)
        stored = by_target.get(identity)
        if stored is None:
            conn.execute(
                insert(subscriptions).values(
                    id=subscription_id(sub),
                    target=sub.target,
                    channel=sub.channel,
                    spec=spec,
                    since_position=head,
                    created_at=now,
                )
            )
            report.added.append(subscription_id(sub))
            continue
        values: dict[str, Any] = {}
        if stored.spec != spec:
            values["spec"] = spec
        if stored.removed_at is not None:
            values.update(removed_at=None, since_position=head)
        if not values:
            continue
        conn.execute(update(subscriptions).where(subscriptions.c.id == stored.id).values(**values))
        report.changed.append(stored.id)
        new = StoredSubscription(stored.id, spec, head, stored.channel, stored.target)
        report.cancelled += cancel_alerts(
            conn, stored, "the subscription no longer asks for it", keep=new
        )
    return report


def load_subscriptions(conn: Connection, *, removed: bool = False) -> list[StoredSubscription]:
    """The active subscriptions (with `removed`, the removed ones as well), oldest first."""
    query = select(subscriptions).order_by(subscriptions.c.created_at, subscriptions.c.id)
    if not removed:
        query = query.where(subscriptions.c.removed_at.is_(None))
    return [_stored(r) for r in conn.execute(query)]


def subscription_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every subscription as stored, with its undelivered alerts, for `monitor subscriptions`."""
    pending: dict[str, int] = dict(
        conn.execute(
            select(alerts.c.subscription_id, func.count())
            .where(alerts.c.state.in_(["pending", "sending"]))
            .group_by(alerts.c.subscription_id)
        ).all()
    )
    return [
        {
            "id": s.id,
            "channel": s.channel,
            "target": s.target,
            "cases": s.cases,
            "on": s.on,
            "secret_env": s.spec.get("secret_env"),
            "gap_days": s.spec.get("gap_days"),
            "state": "removed" if s.removed_at else "active",
            "since_position": s.since_position,
            "removed_at": s.removed_at.isoformat(timespec="seconds") if s.removed_at else None,
            "pending_alerts": int(pending.get(s.id, 0)),
        }
        for s in load_subscriptions(conn, removed=True)
    ]


class OutboxHook:
    """The status projector's hook: write a batch's alerts in the projector's transaction.

    Additive changes (reports, confirmations) are gathered per case and turned into
    status alerts at the batch's flush, replayed in the order of the developments' own
    dates (`monitor.alerts.changes`); a person's correction or retraction first settles
    what its case gathered, then alerts at once. Subscriptions are read once per
    transaction: a batch applies thousands of events, subscriptions change between them.
    """

    def __init__(self) -> None:
        self._transaction: object = None
        self._subs: list[StoredSubscription] = []
        self._pending: dict[str, list[CaseChange]] = {}
        self._proposals: list[CaseChange] = []

    def _refresh(self, conn: Connection) -> None:
        transaction = conn.get_transaction()
        if transaction is None or transaction is not self._transaction:
            self._subs = [s for s in load_subscriptions(conn) if s.removed_at is None]
            self._transaction = transaction
            self._pending.clear()
            self._proposals.clear()

    def __call__(self, conn: Connection, change: CaseChange) -> None:
        self._refresh(conn)
        if not self._subs or change.backfill:
            return
        dev = changes.development_id(change.event)
        if changes.is_additive(change):
            self._pending.setdefault(change.case, []).append(change)
            if isinstance(change.event, DevelopmentRecorded):
                self._proposals.append(change)
            if changes.newly_accepted(change) is not None:
                self._write(conn, changes.type_alerts(change, self._subs, _sources(conn, dev)))
            return
        self._settle(conn, change.case)
        alerted = _alerted(conn, dev) if dev else set()
        sources = _sources(conn, dev)
        written = changes.correction_alerts(change, alerted, self._subs, sources)
        told = {a.subscription for a in written}
        if change.before.status != change.after.status:
            step = changes.Step(
                change.before.status.value if change.before.status else None,
                change.after.status.value if change.after.status else None,
                change.after.status_date.iso() if change.after.status_date else None,
                change,
                dev,
                change.position,
            )
            skip = {dev or "": told}
            written += changes.status_alerts([step], self._subs, {dev or "": sources}, skip)
        written += changes.type_alerts(change, self._subs, sources, skip=alerted)
        self._write(conn, written)

    def _settle(self, conn: Connection, case: str) -> None:
        """Write the status alerts of what the batch gathered for `case`."""
        gathered = self._pending.pop(case, [])
        steps = changes.status_steps(gathered)
        if steps:
            sources = {s.development: _sources(conn, s.development) for s in steps if s.development}
            self._write(conn, changes.status_alerts(steps, self._subs, sources))

    def flush(self, conn: Connection) -> None:
        """The batch is complete: status alerts per case, then one review digest each."""
        if conn.get_transaction() is not self._transaction:
            return  # nothing gathered in this transaction
        for case in list(self._pending):
            self._settle(conn, case)
        self._write(conn, changes.review_digest(self._proposals, self._subs))
        self._proposals.clear()

    def _write(self, conn: Connection, written: Sequence[changes.Alert]) -> None:
        now = dt.datetime.now(dt.UTC)
        for a in written:
            payload = {**a.payload, "id": a.id}
            enqueue(
                conn, a.id, a.subscription, a.case, a.kind, payload, a.position, now, a.development
            )


def _sources(conn: Connection, development: str | None) -> list[dict[str, Any]] | None:
    """Every source known so far of a development (the index is written with the events)."""
    if not development:
        return None
    return sources_of_developments(conn, [development]).get(development)


def _alerted(conn: Connection, development: str) -> set[str]:
    """The subscriptions that were sent (or will be sent) an alert about a development."""
    rows = conn.execute(
        select(alerts.c.subscription_id).where(
            alerts.c.development_id == development, alerts.c.state != "cancelled"
        )
    )
    return {r.subscription_id for r in rows}


def enqueue(
    conn: Connection,
    aid: str,
    sid: str,
    case: str,
    kind: str,
    payload: dict[str, Any],
    position: int,
    now: dt.datetime,
    development: str | None = None,
) -> bool:
    """Add an alert unless one with this id exists (ids are deterministic); True if added."""
    if conn.execute(select(alerts.c.id).where(alerts.c.id == aid)).first():
        return False
    conn.execute(
        insert(alerts).values(
            id=aid,
            subscription_id=sid,
            case_key=case,
            kind=kind,
            payload=payload,
            state="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            event_position=position,
            development_id=development,
        )
    )
    return True
