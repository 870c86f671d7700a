"""Signed webhook delivery per the Standard Webhooks scheme (webhook-id, -timestamp, -signature).

The signature is HMAC-SHA256 over "{id}.{timestamp}.{body}" with the secret
(base64 after a "whsec_" prefix, else the secret's bytes), sent as "v1,<base64>".
Redirects are followed only to the same host, so an alert never leaks elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from monitor.fetch.guard import BlockedAddress


@dataclass(frozen=True)
class Delivery:
    """How one delivery attempt went: sent, retry later, give up (dead), or not wanted any more."""

    ok: bool
    permanent: bool = False
    error: str | None = None
    retry_after: float | None = None
    cancelled: bool = False


def secret_key(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        return base64.b64decode(secret.removeprefix("whsec_"))
    return secret.encode()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret_key(secret), f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256)
    return "v1," + base64.b64encode(mac.digest()).decode()


def verify(secret: str, headers: dict[str, str], body: bytes, tolerance: int = 300) -> bool:
    """What a receiver does: check the timestamp window and any of the v1 signatures."""
    msg_id, stamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "0")
    if not stamp.isdigit() or abs(time.time() - int(stamp)) > tolerance:
        return False
    expected = sign(secret, msg_id, int(stamp), body).split(",", 1)[1]
    return any(
        hmac.compare_digest(part.split(",", 1)[1], expected)
        for part in headers.get("webhook-signature", "").split()
        if part.startswith("v1,")
    )


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()


async def deliver(
    client: httpx.AsyncClient, url: str, secret: str | None, msg_id: str, payload: dict[str, Any]
) -> Delivery:
    body = body_of(payload)
    stamp = int(time.time())
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(stamp),
    }
    if secret:
        headers["webhook-signature"] = sign(secret, msg_id, stamp, body)
    target = url
    for _ in range(4):
        try:
            response = await client.post(target, content=body, headers=headers)
        except BlockedAddress as exc:
            return Delivery(False, permanent=True, error=str(exc))
        except httpx.TimeoutException:
            return Delivery(False, error="receiver timed out")
        except httpx.HTTPError as exc:
            return Delivery(False, error=f"{type(exc).__name__}")
        code = response.status_code
        if code in (301, 302, 303, 307, 308):
            nxt = urljoin(target, response.headers.get("location", ""))
            if urlsplit(nxt).netloc != urlsplit(url).netloc:
                return Delivery(False, permanent=True, error="refused redirect to another host")
            target = nxt
            continue
        if 200 <= code < 300:
            return Delivery(True)
        if 400 <= code < 500 and code not in (408, 429):
            return Delivery(False, permanent=True, error=f"HTTP {code}")
        retry = response.headers.get("retry-after")
        return Delivery(
            False,
            error=f"HTTP {code}",
            retry_after=float(retry) if retry and retry.isdigit() else None,
        )
    return Delivery(False, error="too many redirects")
