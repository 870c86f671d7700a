"""Email delivery over SMTP: STARTTLS when offered (or implicit TLS with smtps://), auth from the
URL in the environment, a plain-text and an HTML part. The URL's password never reaches a log,
and never crosses the network without TLS unless the URL says `allow_plaintext_auth=yes`."""

from __future__ import annotations

import html
import smtplib
import ssl
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit


class EmailError(Exception):
    """A delivery failure worded without secrets."""

    permanent = False


class EmailRefused(EmailError):
    """A delivery this program will not make as configured: retrying cannot help."""

    permanent = True


def plaintext_auth_allowed(query: str) -> bool:
    """Whether the SMTP URL says explicitly that the password may travel without TLS."""
    values = parse_qs(query).get("allow_plaintext_auth", [])
    return any(v.lower() in ("1", "yes", "true") for v in values)


def subject_of(payload: dict[str, Any]) -> str:
    name = payload.get("name") or payload.get("case")
    kind = payload.get("type")
    if kind == "status_changed":
        change = f"{payload.get('old_status') or 'new'} → {payload.get('new_status')}"
        return f"[case-monitor] {name}: {change}"
    if kind == "consular_gap":
        return f"[case-monitor] {name}: no consular visit for {payload.get('days')} days"
    if kind == "correction":
        dev = payload.get("development") or {}
        return f"[case-monitor] {name}: correction, {dev.get('type')} {payload.get('action')}"
    if kind == "review":
        count = payload.get("count")
        return f"[case-monitor] {count} new proposal{'s' if count != 1 else ''} to review"
    return f"[case-monitor] {name}: {payload.get('development_type')}"


def message(payload: dict[str, Any], sender: str, to: str) -> EmailMessage:
    dev = payload.get("development") or {}
    source = dev.get("source") or {}
    link = source.get("url") or source.get("article_id") or ""
    lines = [subject_of(payload).removeprefix("[case-monitor] "), ""]
    if payload.get("type") == "correction":
        lines += [f"Why: {payload.get('reason')} ({payload.get('by')})"]
        for field, change in (payload.get("changed") or {}).items():
            lines.append(f"{field}: {change.get('was')} → {change.get('now')}")
        lines.append(f"Status: {payload.get('old_status')} → {payload.get('new_status')}")
    for item in payload.get("proposals") or []:
        lines.append(
            f"{item.get('name')}: {item.get('type')} on {item.get('date') or 'an unknown date'}"
            f" (confidence {item.get('confidence')}): “{item.get('evidence', '')}”"
        )
    if dev:
        lines += [
            f"{dev.get('type')} on {dev.get('date') or 'an unknown date'}"
            + (f" (confidence {dev['confidence']:.2f})" if dev.get("confidence") else ""),
            f"“{dev.get('evidence', '')}”",
            f"Source: {link}",
        ]
        more = len(dev.get("sources") or []) - 1
        if more > 0:
            lines.append(f"and {more} more source{'s' if more > 1 else ''}")
    msg = EmailMessage()
    msg["Subject"] = subject_of(payload)
    msg["From"] = sender
    msg["To"] = to
    msg["Message-ID"] = f"<{payload.get('id')}@case-monitor>"
    msg.set_content("\n".join(lines) + "\n")
    body = "".join(
        f"<p>{html.escape(line)}</p>" for line in lines if line and line != f"Source: {link}"
    )
    if link:
        body += f'<p>Source: <a href="{html.escape(link)}">{html.escape(link)}</a></p>'
    msg.add_alternative(f"<html><body>{body}</body></html>", subtype="html")
    return msg


def send(smtp_url: str, msg: EmailMessage, timeout: float = 20.0) -> None:
    parts = urlsplit(smtp_url)
    if parts.scheme not in ("smtp", "smtps"):
        raise EmailError("SMTP URL must start with smtp:// or smtps://")
    host, port = parts.hostname or "localhost", parts.port
    try:
        if parts.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port or 465, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(host, port or 587, timeout=timeout)
        with client:
            client.ehlo()
            encrypted = parts.scheme == "smtps"
            if parts.scheme == "smtp" and client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
                encrypted = True
            if parts.username:
                if not encrypted and not plaintext_auth_allowed(parts.query):
                    raise EmailRefused(
                        f"refused to send the SMTP password to {host} without TLS (it offers no "
                        "STARTTLS); use smtps://, or add ?allow_plaintext_auth=yes to the URL"
                    )
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(msg)
    except smtplib.SMTPResponseException as exc:
        raise EmailError(f"SMTP {exc.smtp_code} from {host}") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise EmailError(f"SMTP to {host}:{port}: {type(exc).__name__}") from None
