"""The outbox dispatcher: claim due alerts, deliver them, mark them sent, retry, or dead-letter.

Delivery is at least once: an alert is claimed with a short lease before
sending and marked sent after, so a dispatcher that dies mid-delivery leaves
it to be claimed again when the lease runs out; receivers tell duplicates by
the alert id (the `webhook-id` header, the email's Message-ID). Retries back
off exponentially with jitter; after `max_attempts`, or a permanent refusal,
the alert is dead and `monitor alerts` shows it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import or_, select, update

from monitor.alerts import email as email_channel
from monitor.alerts import webhook
from monitor.alerts.changes import alert_id
from monitor.alerts.subscriptions import (
    StoredSubscription,
    enqueue,
    load_subscriptions,
)
from monitor.config import SmtpConfig
from monitor.fetch.guard import guarded_transport
from monitor.store.claims import claim
from monitor.store.db import Database
from monitor.store.schema import alerts, case_status

log = logging.getLogger("monitor.alerts")

LEASE = dt.timedelta(minutes=2)
MAX_DELAY = dt.timedelta(hours=6)


@dataclass
class DispatchReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    cancelled: int = 0
    errors: list[str] = field(default_factory=list)


def retry_delay(attempts: int, rng: random.Random | None = None) -> dt.timedelta:
    """30 s, 1 min, 2 min … capped at six hours, each with ±25% jitter."""
    base = min(dt.timedelta(seconds=30 * 2 ** min(attempts - 1, 20)), MAX_DELAY)
    return base * (rng or random.Random()).uniform(0.75, 1.25)


class Dispatcher:
    """Delivers due alerts with one HTTP client, bounded concurrency and per-alert time-outs."""

    def __init__(
        self,
        db: Database,
        smtp: SmtpConfig | None = None,
        *,
        max_attempts: int = 8,
        timeout: float = 10.0,
        concurrency: int = 8,
        lease: dt.timedelta = LEASE,
        block_private: bool = False,
    ) -> None:
        self.db = db
        self.smtp = smtp
        self.max_attempts = max_attempts
        self.timeout = timeout
        self.lease = lease
        self.gate = asyncio.Semaphore(concurrency)
        # With private-address blocking on, webhooks connect only to public addresses.
        self.client = httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            transport=guarded_transport() if block_private else None,
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    def _claim(self, now: dt.datetime, limit: int) -> list[Any]:
        with self.db.write() as conn:
            query = (
                select(alerts)
                .where(
                    alerts.c.state.in_(["pending", "sending"]),
                    alerts.c.next_attempt_at <= now,
                )
                .order_by(alerts.c.next_attempt_at, alerts.c.created_at)
                .limit(limit)
            )
            return claim(
                conn, query, alerts, alerts.c.id, state="sending", next_attempt_at=now + self.lease
            )

    async def dispatch_due(
        self, now: dt.datetime | None = None, limit: int = 200
    ) -> DispatchReport:
        now = now or dt.datetime.now(dt.UTC)
        rows = await asyncio.to_thread(self._claim, now, limit)
        if not rows:
            return DispatchReport()
        with self.db.read() as conn:
            subs = {s.id: s for s in load_subscriptions(conn)}
        report = DispatchReport()
        results = await asyncio.gather(
            *(self._one(row, subs.get(row.subscription_id)) for row in rows)
        )
        for row, result in zip(rows, results, strict=True):
            await asyncio.to_thread(self._settle, row, result, report)
        return report

    async def _one(self, row: Any, sub: StoredSubscription | None) -> webhook.Delivery:
        if sub is None:
            return webhook.Delivery(
                False,
                cancelled=True,
                error="cancelled: subscription removed",
            )
        if not sub.wants(row.kind, row.case_key):
            return webhook.Delivery(
                False, cancelled=True, error="cancelled: the subscription no longer asks for it"
            )
        async with self.gate:
            try:
                async with asyncio.timeout(self.timeout * 2):
                    return await self._deliver(row, sub)
            except TimeoutError:
                return webhook.Delivery(False, error="delivery timed out")
            except Exception as exc:
                # Whatever one delivery raises (a subscription the code never expected, a
                # library bug) is that alert's failed attempt, never the batch's end.
                first = (str(exc).strip().splitlines() or [""])[0]
                return webhook.Delivery(False, error=f"{type(exc).__name__}: {first}"[:300])

    async def _deliver(self, row: Any, sub: StoredSubscription) -> webhook.Delivery:
        spec = sub.spec
        if spec.get("webhook"):
            secret = os.environ.get(spec["secret_env"]) if spec.get("secret_env") else None
            if spec.get("secret_env") and not secret:
                # Configured to sign: never send unsigned (the configuration check refuses this
                # at start-up; the environment of a long-running process is checked again here).
                return webhook.Delivery(
                    False, error=f"{spec['secret_env']} is unset: not sending unsigned"
                )
            return await webhook.deliver(self.client, spec["webhook"], secret, row.id, row.payload)
        smtp_url = os.environ.get(self.smtp.url_env) if self.smtp else None
        if not smtp_url:
            return webhook.Delivery(False, error="no SMTP configured ([smtp] url_env is unset)")
        msg = email_channel.message(
            row.payload, self.smtp.sender if self.smtp else "", spec["email"]
        )
        try:
            await asyncio.to_thread(email_channel.send, smtp_url, msg, self.timeout)
        except email_channel.EmailError as exc:
            return webhook.Delivery(False, permanent=exc.permanent, error=str(exc))
        return webhook.Delivery(True)

    def _settle(self, row: Any, result: webhook.Delivery, report: DispatchReport) -> None:
        now = dt.datetime.now(dt.UTC)
        attempts = row.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "last_error": result.error}
        settled = update(alerts).where(alerts.c.id == row.id)
        if result.ok:
            values.update(state="sent", sent_at=now, last_error=None)
            report.sent += 1
        elif result.cancelled:
            values.update(state="cancelled", attempts=row.attempts)
            report.cancelled += 1
            log.warning("alert %s cancelled: %s", row.id, result.error)
        elif result.permanent or attempts >= self.max_attempts:
            values.update(state="dead")
            report.dead += 1
            log.warning("alert %s dead after %d attempts: %s", row.id, attempts, result.error)
        else:
            delay = retry_delay(attempts)
            if result.retry_after:
                delay = max(delay, dt.timedelta(seconds=min(result.retry_after, 86400)))
            values.update(state="pending", next_attempt_at=now + delay)
            report.retried += 1
            log.warning(
                "alert %s failed (attempt %d of %d), retrying in %ds: %s",
                row.id,
                attempts,
                self.max_attempts,
                delay.total_seconds(),
                result.error,
            )
        if result.error:
            report.errors.append(result.error)
        if not result.ok:
            # A subscription change may have cancelled it meanwhile: that stands, unless sent.
            settled = settled.where(alerts.c.state != "cancelled")
        with self.db.write() as conn:
            conn.execute(settled.values(**values))


def check_consular_gaps(db: Database, today: dt.date) -> int:
    """Alert once when a case still held has gone `gap_days` without a consular visit; the
    alert's id names the last visit, so only a new visit (resetting the clock) can raise another."""
    from monitor.domain.dates import PartialDate

    added = 0
    now = dt.datetime.now(dt.UTC)
    with db.write() as conn:
        subs = [s for s in load_subscriptions(conn) if "consular_gap" in s.on]
        if not subs:
            return 0
        for row in conn.execute(select(case_status).where(case_status.c.held_since.is_not(None))):
            if row.status in ("released", "deceased"):
                continue
            since = row.last_consular_visit or row.held_since
            days = (today - PartialDate.parse(since).first_day()).days
            for sub in subs:
                if not sub.covers(row.case_key) or days < int(sub.spec.get("gap_days") or 60):
                    continue
                aid = alert_id(sub.id, "consular_gap", row.case_key, since)
                payload = {
                    "id": aid,
                    "type": "consular_gap",
                    "case": row.case_key,
                    "name": row.name,
                    "last_consular_visit": row.last_consular_visit,
                    "held_since": row.held_since,
                    "days": days,
                }
                added += enqueue(
                    conn,
                    aid,
                    sub.id,
                    row.case_key,
                    "consular_gap",
                    payload,
                    row.updated_position,
                    now,
                )
    return added


def list_alerts(db: Database, states: Sequence[str] = ()) -> list[dict[str, Any]]:
    with db.read() as conn:
        query = select(alerts).order_by(alerts.c.created_at)
        if states:
            query = query.where(alerts.c.state.in_(list(states)))
        return [
            {
                "id": r.id,
                "case": r.case_key,
                "kind": r.kind,
                "state": r.state,
                "attempts": r.attempts,
                "last_error": r.last_error,
                "created_at": r.created_at.isoformat(timespec="seconds"),
                "payload": r.payload,
            }
            for r in conn.execute(query)
        ]


def retry_alerts(db: Database, ids: Sequence[str] = (), *, all_dead: bool = False) -> int:
    """Put dead (or named) alerts back in the queue, due now."""
    with db.write() as conn:
        clause = alerts.c.id.in_(list(ids)) if ids else alerts.c.state == "dead"
        if all_dead and ids:
            clause = or_(clause, alerts.c.state == "dead")
        result = conn.execute(
            update(alerts)
            .where(clause)
            .values(state="pending", next_attempt_at=dt.datetime.now(dt.UTC), attempts=0)
        )
        return int(result.rowcount)
