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

from monitor.config import Subscription
from monitor.domain.events import DevelopmentCorroborated, DevelopmentRecorded
from monitor.projections.cases import CaseChange
from monitor.store.schema import alerts, subscriptions
from monitor.store.schema import events as events_table


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
        """Whether an alert of `kind` about `case` is still one this subscription asks for."""
        return self.covers(case) and kind in self.on


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


def alert_id(subscription: str, kind: str, case: str, key: str) -> str:
    return hashlib.sha256(f"{subscription}|{kind}|{case}|{key}".encode()).hexdigest()[:32]


def _development(change: CaseChange) -> dict[str, Any] | None:
    event = change.event
    if not isinstance(event, DevelopmentRecorded | DevelopmentCorroborated):
        return None
    known = change.state.developments.get(event.development_id)
    return {
        "id": event.development_id,
        "type": known.type.value if known else None,
        "date": known.date.iso() if known and known.date else None,
        "evidence": event.evidence,
        "source": {k: v for k, v in vars(event.source).items() if v is not None},
    }


def alerts_for_change(
    change: CaseChange, subs: Sequence[StoredSubscription]
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(alert id, subscription id, kind, payload) for each alert this change raises."""
    if change.backfill:
        return []
    before = change.before.status.value if change.before.status else None
    after = change.after.status.value if change.after.status else None
    development = _development(change)
    new_type = (
        development["type"]
        if isinstance(change.event, DevelopmentRecorded) and development
        else None
    )
    out = []
    for sub in subs:
        if change.position <= sub.since_position or not sub.covers(change.case):
            continue
        # `sequence` (the event's position) orders a case's alerts, as delivery may not.
        base = {
            "case": change.case,
            "name": change.name,
            "sequence": change.position,
            "development": development,
        }
        if "status" in sub.on and before != after:
            payload = {
                **base,
                "type": "status_changed",
                "old_status": before,
                "new_status": after,
                "status_date": change.after.status_date.iso() if change.after.status_date else None,
            }
            out.append(
                (
                    alert_id(sub.id, "status", change.case, str(change.position)),
                    sub.id,
                    "status",
                    payload,
                )
            )
        if new_type and new_type in sub.on:
            payload = {**base, "type": "development", "development_type": new_type}
            out.append(
                (
                    alert_id(sub.id, new_type, change.case, str(change.position)),
                    sub.id,
                    new_type,
                    payload,
                )
            )
    return out


class OutboxHook:
    """The status projector's hook: write each change's alerts in the projector's transaction.

    Subscriptions are read once per transaction, not once per event: a projector
    batch applies thousands of events, and subscriptions change only between batches.
    """

    def __init__(self) -> None:
        self._transaction: object = None
        self._subs: list[StoredSubscription] = []

    def __call__(self, conn: Connection, change: CaseChange) -> None:
        transaction = conn.get_transaction()
        if transaction is None or transaction is not self._transaction:
            self._subs = load_subscriptions(conn)
            self._transaction = transaction
        if not self._subs:
            return
        now = dt.datetime.now(dt.UTC)
        for aid, sid, kind, payload in alerts_for_change(change, self._subs):
            enqueue(conn, aid, sid, change.case, kind, {**payload, "id": aid}, change.position, now)


def enqueue(
    conn: Connection,
    aid: str,
    sid: str,
    case: str,
    kind: str,
    payload: dict[str, Any],
    position: int,
    now: dt.datetime,
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
        )
    )
    return True
