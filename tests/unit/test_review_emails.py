"""Emails for the review alerts say what happened in the subject and why in the body."""

from __future__ import annotations

from email.message import EmailMessage

from monitor.alerts.email import message


def text(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert isinstance(part, EmailMessage)
    return str(part.get_content())


def test_a_correction_email_says_what_changed_why_and_the_status_now() -> None:
    msg = message(
        {
            "id": "c1",
            "type": "correction",
            "name": "Anna Lindqvist",
            "action": "corrected",
            "reason": "house arrest, not freedom",
            "by": "desk",
            "changed": {"type": {"was": "released", "now": "bail"}},
            "old_status": "released",
            "new_status": "on_bail",
            "development": {"type": "bail", "date": "2022-04-29", "confidence": 0.8,
                            "evidence": "…", "sources": [{"url": "https://a"}, {"url": "https://b"}],
                            "source": {"url": "https://a"}},
        },
        "monitor@example.org",
        "desk@example.org",
    )  # fmt: skip
    assert msg["Subject"] == "[case-monitor] Anna Lindqvist: correction, bail corrected"
    body = text(msg)
    assert "Why: house arrest, not freedom (desk)" in body
    assert "type: released → bail" in body and "Status: released → on_bail" in body
    assert "confidence 0.80" in body and "and 1 more source" in body


def test_a_review_digest_email_lists_every_proposal() -> None:
    proposals = [
        {"name": "Anna Lindqvist", "type": "released", "date": "2023-03-31", "confidence": 0.57,
         "evidence": "a release may be difficult to secure"},
        {"name": "Daniel Okafor", "type": "detained", "date": None, "confidence": 0.4,
         "evidence": "arrested"},
    ]  # fmt: skip
    msg = message(
        {"id": "r1", "type": "review", "case": "*", "count": 2, "proposals": proposals},
        "monitor@example.org",
        "desk@example.org",
    )
    assert msg["Subject"] == "[case-monitor] 2 new proposals to review"
    body = text(msg)
    assert "Anna Lindqvist: released on 2023-03-31 (confidence 0.57)" in body
    assert "Daniel Okafor: detained on an unknown date" in body
