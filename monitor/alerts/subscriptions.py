"""Subscriptions as stored rows, and the pure decision of which alerts a case change raises.

A subscription hears of changes recorded after it first existed (its
`since_position`), and never of backfilled history. When one event moves a
case through a status, each matching subscription gets one alert for it: a
batch that moves a case through several statuses yields one alert per change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select

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

    @property
    def cases(self) -> list[str]:
        return list(self.spec.get("cases") or ["*"])

    @property
    def on(self) -> list[str]:
        return list(self.spec.get("on") or ["status"])

    def covers(self, case: str) -> bool:
        return "*" in self.cases or case in self.cases


def subscription_id(sub: Subscription) -> str:
    spec = {
        "cases": sorted(sub.cases),
        "on": sorted(sub.on),
        "webhook": sub.webhook,
        "email": sub.email,
    }
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:32]


def _spec(sub: Subscription) -> dict[str, Any]:
    return {
        "cases": list(sub.cases),
        "on": list(sub.on),
        "webhook": sub.webhook,
        "secret_env": sub.secret_env,
        "email": sub.email,
        "gap_days": sub.gap_days,
    }


def sync_subscriptions(conn: Connection, subs: Sequence[Subscription], now: dt.datetime) -> None:
    """Store new subscriptions with the current head as their start; known ones stay as they are."""
    known = {r.id for r in conn.execute(select(subscriptions.c.id))}
    head = conn.execute(select(func.coalesce(func.max(events_table.c.position), 0))).scalar_one()
    for sub in subs:
        sid = subscription_id(sub)
        if sid in known:
            continue
        conn.execute(
            insert(subscriptions).values(
                id=sid,
                target=sub.webhook or sub.email or "",
                channel="webhook" if sub.webhook else "email",
                spec=_spec(sub),
                since_position=head,
                created_at=now,
            )
        )
        known.add(sid)


def load_subscriptions(conn: Connection) -> list[StoredSubscription]:
    return [
        StoredSubscription(r.id, r.spec, r.since_position)
        for r in conn.execute(select(subscriptions).order_by(subscriptions.c.created_at))
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
