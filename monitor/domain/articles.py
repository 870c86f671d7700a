"""Articles: what the classifier reads and what developments cite."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor.domain.events import Source

MAX_TEXT = 200_000  # characters of article text kept, from feeds and files alike
MAX_ID = 200  # the stored id's column width

# C0 controls but tab, newline and carriage return; DEL; C1 controls. PostgreSQL refuses NUL
# in text and SQLite keeps it, so stripping them here makes both backends store the same.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """The text without control characters, lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", value))


@dataclass(frozen=True)
class Article:
    """One news item: id, where it came from, when it was published, its text."""

    id: str
    title: str
    text: str
    published: dt.datetime | None
    url: str | None = None
    feed: str | None = None

    def __post_init__(self) -> None:
        # Normalised once, here, whatever made the article (a feed, a file, a test).
        for name in ("id", "title", "text", "url", "feed"):
            value = getattr(self, name)
            if value is not None:
                cleaned = clean_text(value)
                if cleaned is not value and cleaned != value:
                    object.__setattr__(self, name, cleaned)

    @property
    def published_date(self) -> dt.date | None:
        return self.published.date() if self.published else None

    def content_hash(self) -> str:
        # Kept on the instance: screening and storing a batch both ask, and normalising a
        # long text is a good part of an article's cost outside the classifier.
        digest: str | None = self.__dict__.get("_content_hash")
        if digest is None:
            digest = content_hash(self.title, self.text)
            object.__setattr__(self, "_content_hash", digest)
        return digest

    def source(self) -> Source:
        return Source(
            article_id=self.id,
            url=self.url,
            title=self.title or None,
            published=self.published.date().isoformat() if self.published else None,
        )


_WS = re.compile(r"\s+")


def content_hash(title: str, text: str) -> str:
    """A hash of the normalised title and text: the same story with other markup or spacing."""
    norm = unicodedata.normalize("NFKC", f"{title}\n{text}").casefold()
    return hashlib.sha256(_WS.sub(" ", norm).strip().encode()).hexdigest()


def parse_published(value: str | None) -> dt.datetime | None:
    """A date or ISO datetime (with `Z`, an offset or none) as an aware UTC datetime."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        stamp = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


FUTURE_SLACK = dt.timedelta(days=1)  # time zones and clock skew; more is a wrong date


def published_problem(value: str | None, now: dt.datetime) -> tuple[dt.datetime | None, str | None]:
    """The parsed publication date, or why it cannot be used (unparseable, in the future)."""
    if value is None or not value.strip():
        return None, None
    published = parse_published(value)
    if published is None:
        return None, f"published {value[:40]!r} is not an ISO date or datetime"
    if published > now + FUTURE_SLACK:
        return None, f"published {value[:40]!r} is in the future"
    return published, None


_TRACKING = re.compile(
    r"^(utm_.*|fbclid|gclid|mc_[ce]id|ocid|cmpid|ito|at_.*|ns_.*|taid|smid)$", re.I
)


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment, default port or trailing slash noise."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))
