"""TOML configuration files and JSONL article files → typed values, with one-line errors."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.domain.articles import Article, parse_published
from monitor.domain.cases import CaseBook, CaseDefinitionError, book_from_toml


class ConfigError(ValueError):
    """A configuration or input file that cannot be used, worded for one line."""


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str | int) -> int:
    """'30s', '15m', '2h', '1d' (or a number of seconds) → seconds."""
    if isinstance(text, int) and text > 0:
        return text
    m = _INTERVAL.match(str(text))
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"bad interval {text!r}: use a number and s, m, h or d, e.g. '15m'")
    return max(1, int(float(m.group(1)) * _UNITS[m.group(2)]))


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str
    interval: int


@dataclass(frozen=True)
class Subscription:
    cases: tuple[str, ...]
    on: tuple[str, ...]
    webhook: str | None = None
    secret_env: str | None = None
    email: str | None = None
    gap_days: int = 60


@dataclass(frozen=True)
class SmtpConfig:
    url_env: str = "MONITOR_SMTP_URL"
    sender: str = "case-monitor@localhost"


@dataclass
class Config:
    """Everything the TOML files said, merged in the order given."""

    book: CaseBook = field(default_factory=CaseBook)
    feeds: list[FeedConfig] = field(default_factory=list)
    subscriptions: list[Subscription] = field(default_factory=list)
    smtp: SmtpConfig | None = None
    sources: list[Path] = field(default_factory=list)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def load_cases(path: Path) -> CaseBook:
    try:
        return book_from_toml(read_toml(path))
    except CaseDefinitionError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _feed(raw: Any, where: str) -> FeedConfig:
    if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
        raise ConfigError(f"{where}: a [[feed]] needs a url")
    url = raw["url"].strip()
    if not re.match(r"^(https?|file)://", url, re.I):
        raise ConfigError(f"{where}: feed url must be http(s):// or file://, got {url!r}")
    return FeedConfig(url, str(raw.get("name") or url), parse_interval(raw.get("interval", "15m")))


def _subscription(raw: Any, where: str) -> Subscription:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [[subscription]] must be a table")
    cases = raw.get("cases", ["*"])
    on = raw.get("on", ["status"])
    if not isinstance(cases, list) or not isinstance(on, list):
        raise ConfigError(f"{where}: subscription cases and on must be lists")
    webhook, email = raw.get("webhook"), raw.get("email")
    if bool(webhook) == bool(email):
        raise ConfigError(f"{where}: a subscription needs exactly one of webhook or email")
    return Subscription(
        tuple(str(c) for c in cases),
        tuple(str(o) for o in on),
        webhook,
        raw.get("secret_env"),
        email,
        int(raw.get("gap_days", 60)),
    )


def load_config(paths: Sequence[Path]) -> Config:
    """Merge the [[case]], [[group]], [[feed]], [[subscription]] and [smtp] of every file."""
    config = Config()
    cases, groups = [], []
    for path in paths:
        doc = read_toml(path)
        config.sources.append(path)
        cases.extend(doc.get("case", []))
        groups.extend(doc.get("group", []))
        for raw in doc.get("feed", []):
            config.feeds.append(_feed(raw, str(path)))
        for raw in doc.get("subscription", []):
            config.subscriptions.append(_subscription(raw, str(path)))
        if "smtp" in doc:
            smtp = doc["smtp"]
            config.smtp = SmtpConfig(
                smtp.get("url_env", "MONITOR_SMTP_URL"), smtp.get("from", "case-monitor@localhost")
            )
    try:
        config.book = book_from_toml({"case": cases, "group": groups})
    except CaseDefinitionError as exc:
        raise ConfigError(str(exc)) from None
    return config


def read_articles(path: Path) -> Iterator[Article]:
    """Articles from a JSONL file; a bad line is a one-line error naming its line number."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
            if not isinstance(raw, dict) or not raw.get("id"):
                raise ConfigError(f"{path}:{number}: an article needs an id")
            yield Article(
                id=str(raw["id"]),
                title=str(raw.get("title") or ""),
                text=str(raw.get("text") or raw.get("description") or ""),
                published=parse_published(raw.get("published")),
                url=raw.get("url"),
            )
