"""HTTP fetching with httpx: conditional GET, limits on size and time, redirects, Retry-After.

Every limit holds against a hostile server: connect and read time-outs, an
overall deadline per fetch (a server that drips a byte a second is cut off),
a body limit enforced while streaming and after decompression (a gzip bomb
stops at the limit), and a bounded, loop-checked redirect chain.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from monitor import __version__
from monitor.fetch.guard import BlockedAddress, guarded_transport

USER_AGENT = (
    f"case-monitor/{__version__} (+https://github.com/case-monitor/case-monitor; "
    "polls news feeds for detention cases)"
)


@dataclass(frozen=True)
class FetchLimits:
    """How much a fetch may cost."""

    max_bytes: int = 10 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_redirects: int = 5
    # Refuse file:// and every non-public address (monitor.fetch.guard), redirects included.
    block_private: bool = False


@dataclass(frozen=True)
class FetchedFeed:
    """The result of one fetch; `error` is set instead of raising."""

    url: str
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    permanent_url: str | None = None  # set when every redirect hop was permanent
    retry_after: float | None = None
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and self.status in (200, 304)


class FetchError(Exception):
    """A fetch that failed in a way worth one line in the feed's state."""


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max((when - now).total_seconds(), 0.0)


def _read_file(url: str, limits: FetchLimits) -> FetchedFeed:
    path = Path(url2pathname(urlsplit(url).path))
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return FetchedFeed(
                url, error=f"file is {size} bytes, over the {limits.max_bytes} limit"
            )
        body = path.read_bytes()
    except OSError as exc:
        return FetchedFeed(url, error=f"cannot read {path}: {exc.strerror or exc}")
    stamp = email.utils.formatdate(path.stat().st_mtime, usegmt=True)
    return FetchedFeed(url, status=200, body=body, last_modified=stamp, final_url=url)


class Fetcher:
    """Fetches feeds politely with one shared httpx.AsyncClient."""

    def __init__(
        self, limits: FetchLimits | None = None, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.limits = limits or FetchLimits()
        if transport is None and self.limits.block_private:
            transport = guarded_transport()
        timeout = httpx.Timeout(self.limits.read_timeout, connect=self.limits.connect_timeout)
        self.client = httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=False,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": (
                    "application/rss+xml, application/atom+xml, application/feed+json, "
                    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
                ),
                "Accept-Encoding": "gzip, deflate",
            },
            transport=transport,
            trust_env=False,
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchedFeed:
        """Fetch `url` within the limits; never raises for network or server trouble."""
        if url.lower().startswith("file://"):
            if self.limits.block_private:
                return FetchedFeed(
                    url,
                    error="refused: file:// feeds are not read while private addresses are blocked",
                )
            return await asyncio.to_thread(_read_file, url, self.limits)
        try:
            async with asyncio.timeout(self.limits.deadline):
                return await self._fetch(url, etag, last_modified)
        except TimeoutError:
            return FetchedFeed(url, error=f"took longer than {self.limits.deadline:g}s: cut off")
        except (FetchError, BlockedAddress) as exc:
            return FetchedFeed(url, error=str(exc))
        except httpx.TimeoutException as exc:
            return FetchedFeed(url, error=f"timed out ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            return FetchedFeed(url, error=f"{type(exc).__name__}: {exc}".strip().rstrip(":"))

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchedFeed:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, seen, permanent = url, {url}, True
        for _ in range(self.limits.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(f"refused to follow a redirect to {current}")
            async with self.client.stream("GET", current, headers=headers) as response:
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {response.status_code} without a Location")
                    permanent = permanent and response.status_code in (301, 308)
                    current = urljoin(current, location)
                    if current in seen:
                        raise FetchError(f"redirect loop at {current}")
                    seen.add(current)
                    continue
                return await self._result(url, current, response, permanent and current != url)
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    async def _result(
        self, url: str, final: str, response: httpx.Response, permanent: bool
    ) -> FetchedFeed:
        common = {
            "status": response.status_code,
            "final_url": final,
            "permanent_url": final if permanent else None,
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
            "content_type": response.headers.get("content-type"),
        }
        if response.status_code == 304:
            return FetchedFeed(url, **common)
        if response.status_code in (429, 503):
            return FetchedFeed(
                url,
                retry_after=parse_retry_after(response.headers.get("retry-after")),
                error=f"HTTP {response.status_code}",
                **common,
            )
        if response.status_code != 200:
            return FetchedFeed(url, error=f"HTTP {response.status_code}", **common)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise FetchError(f"body of {declared} bytes is over the {self.limits.max_bytes} limit")
        chunks: list[bytes] = []
        size = 0
        # aiter_bytes yields decompressed bytes, so a gzip bomb meets the same limit.
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise FetchError(f"body over the {self.limits.max_bytes}-byte limit: cut off")
            chunks.append(chunk)
        return FetchedFeed(url, body=b"".join(chunks), **common)
