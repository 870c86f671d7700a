"""Who may write through the web: the review token, a signed session cookie, CSRF tokens.

With no token configured every POST is refused: the pages are read-only.
Secrets are compared with `hmac.compare_digest` (constant time). The session
cookie and the CSRF tokens are HMACs keyed by a secret derived from the token,
so they hold across restarts and replicas that share the token, and they all
become invalid when the token changes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

SESSION_COOKIE = "monitor_review"
CSRF_COOKIE = "monitor_csrf"
CSRF_FIELD = "csrf"
REVIEWER_COOKIE = "monitor_reviewer"


def _mac(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Guard:
    """The write policy of one web application."""

    token: str | None

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @property
    def _key(self) -> bytes:
        return hashlib.sha256(b"case-monitor web\0" + (self.token or "").encode()).digest()

    def token_matches(self, offered: str | None) -> bool:
        """Whether `offered` is the configured token (constant time; never with no token)."""
        if not self.token or not offered:
            return False
        return hmac.compare_digest(offered.encode(), self.token.encode())

    def session_value(self) -> str:
        """The cookie that says "signed in with the token" (no token, no session)."""
        return _mac(self._key, "session")

    def session_ok(self, cookie: str | None, authorization: str | None) -> bool:
        """Signed in by cookie, or `Authorization: Bearer TOKEN` from a program."""
        if not self.writable:
            return False
        if authorization and authorization.lower().startswith("bearer "):
            return self.token_matches(authorization[7:].strip())
        return bool(cookie) and hmac.compare_digest(
            str(cookie).encode(), self.session_value().encode()
        )

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, nonce: str) -> str:
        """The hidden form field that goes with the browser's CSRF cookie `nonce`."""
        return _mac(self._key, f"csrf:{nonce}")

    def csrf_ok(self, nonce: str | None, field: str | None) -> bool:
        if not nonce or not field:
            return False
        return hmac.compare_digest(field.encode(), self.csrf_token(nonce).encode())


def same_origin(origin: str | None, host: str | None) -> bool:
    """A browser's `Origin` (when it sends one) must name this very host: no cross-site POST."""
    if not origin:
        return True
    return urlsplit(origin).netloc == (host or "")
