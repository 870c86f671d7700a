"""Feed bytes → Article values with feedparser; problems become recorded values, never crashes."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import Any

import feedparser

from monitor.domain.articles import FUTURE_SLACK, Article

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|br|div|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_EDGE_SPACE = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*")
_LONE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
_MAX_TEXT = 200_000


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed yielded: its articles and, when anything was wrong, the problem."""

    articles: list[Article] = field(default_factory=list)
    problem: str | None = None
    entries: int = 0

    @property
    def usable(self) -> bool:
        return bool(self.articles) or self.problem is None


def html_to_text(markup: str) -> str:
    """Plain text from feed HTML: block tags become line breaks, entities are decoded. In
    HTML a line break of the source is a space: feeds wrap their markup mid-sentence
    ("arrested Jane\nRoe on Monday"), which would otherwise cut sentences and names."""
    if _TAG.search(markup):
        markup = _LONE_BREAK.sub(" ", _EDGE_SPACE.sub("\n", markup))  # (a blank line stays)
    text = _BLOCK.sub("\n", markup)
    text = html.unescape(_TAG.sub(" ", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)[:_MAX_TEXT]


def _when(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = dict.get(entry, key)  # not feedparser's deprecated updated→published mapping
        if stamp:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _dated(entry: Any, fetched_at: dt.datetime | None) -> tuple[dt.datetime | None, str | None]:
    """The entry's publication date, clamped to the fetch when it is in the future or
    unreadable (relative dates resolve against it), with the reason when it was clamped."""
    when = _when(entry)
    if when is None:
        given = entry.get("published")
        return fetched_at, ("unparseable date" if given else None)
    if fetched_at is not None and when > fetched_at + FUTURE_SLACK:
        return fetched_at, "date in the future"
    return when, None


def _body(entry: Any) -> str:
    parts = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    summary = entry.get("summary") or ""
    best = max([*parts, summary], key=len, default="")
    return html_to_text(best) if best else ""


def entry_id(feed_url: str, entry: Any) -> str:
    """A stable id: the GUID, else the link, else the title and text (hashed, bounded)."""
    key = entry.get("id") or entry.get("guid") or entry.get("link")
    if not key:
        key = f"{feed_url}\x1f{entry.get('title', '')}\x1f{entry.get('summary', '')}"
    return "e-" + hashlib.sha256(str(key).encode("utf-8", "replace")).hexdigest()[:32]


def parse_feed(
    body: bytes,
    *,
    url: str,
    content_type: str | None = None,
    feed_name: str | None = None,
    fetched_at: dt.datetime | None = None,
) -> ParsedFeed:
    """Parse a fetched body; a broken feed that still yields entries is used, its problem noted."""
    if not body or not body.strip():
        return ParsedFeed(problem="empty body")
    # Without a known content type (file:// sources) feedparser is left to sniff the body.
    headers = {"content-location": url, "content-type": content_type} if content_type else None
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser's own bugs on hostile input must not stop the poll
        return ParsedFeed(problem=f"parser failed: {type(exc).__name__}: {exc}"[:300])
    entries = list(parsed.get("entries") or [])
    problem = None
    if parsed.get("bozo"):
        why = parsed.get("bozo_exception")
        problem = f"malformed feed: {type(why).__name__}: {why}"[:300] if why else "malformed feed"
    if not entries and not parsed.get("version"):
        looks_html = b"<html" in body[:2048].lower() or b"<!doctype html" in body[:2048].lower()
        problem = "HTML page, not a feed" if looks_html else (problem or "not a feed")
    articles = []
    clamped: dict[str, int] = {}
    for entry in entries:
        title = html_to_text(entry.get("title") or "")
        text = _body(entry)
        if not title and not text:
            continue
        published, why = _dated(entry, fetched_at)
        if why:
            clamped[why] = clamped.get(why, 0) + 1
        articles.append(
            Article(
                id=entry_id(url, entry),
                title=title,
                text=text,
                published=published,
                url=entry.get("link"),
                feed=feed_name or url,
            )
        )
    if clamped:
        note = "; ".join(f"{n} entries with {why} dated to the fetch" for why, n in clamped.items())
        problem = f"{problem}; {note}" if problem else note
    return ParsedFeed(articles, problem, len(entries))
