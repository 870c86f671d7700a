"""ARTICLES.jsonl → Article values: the whole file is checked before anything is stored.

The rule: every line is validated first; if any line is bad, nothing is
ingested and one line of error names the bad lines by number. Text over the
cap is cut (as feeds are) with a warning naming the line.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.config import ConfigError
from monitor.domain.articles import MAX_ID, MAX_TEXT, Article, clean_text, published_problem

log = logging.getLogger("monitor.ingest")

SHOWN_ERRORS = 3  # bad lines named in the one-line error; the rest are counted


@dataclass
class ArticleFile:
    """A checked file: its articles in order, and what was cut on the way."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _BadLine(ValueError):
    """One line that breaks the format; its message names the field."""


def _optional_str(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine(f"{key} must be a string, got {type(value).__name__}")
    return value


def _article(raw: Any, now: dt.datetime) -> tuple[Article, str | None]:
    """One line's article and a warning when its text was cut."""
    if not isinstance(raw, dict):
        raise _BadLine(f"expected a JSON object, got {type(raw).__name__}")
    ident = raw.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not clean_text(ident).strip():
        raise _BadLine("an article needs an id (a non-empty string)")
    if len(ident) > MAX_ID:
        raise _BadLine(f"id is {len(ident)} characters (at most {MAX_ID})")
    title = _optional_str(raw, "title") or ""
    text = _optional_str(raw, "text") or _optional_str(raw, "description") or ""
    url = _optional_str(raw, "url")
    published_raw = _optional_str(raw, "published")
    published, problem = published_problem(published_raw, now)
    if problem:
        raise _BadLine(problem)
    warning = None
    if len(text) > MAX_TEXT:
        warning = f"text is {len(text):,} characters; kept the first {MAX_TEXT:,}"
        text = text[:MAX_TEXT]
    return Article(id=ident, title=title, text=text, published=published, url=url), warning


def load_articles(path: Path, now: dt.datetime | None = None) -> ArticleFile:
    """Every article of the file, or a ConfigError naming each bad line (nothing half-read)."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    result = ArticleFile()
    errors: list[str] = []
    with handle:
        for number, data in enumerate(handle, start=1):
            try:
                line = data.decode("utf-8-sig" if number == 1 else "utf-8")
                if not line.strip():
                    continue
                article, warning = _article(json.loads(line), now)
            except UnicodeDecodeError:
                errors.append(f"line {number}: not UTF-8 text")
                continue
            except json.JSONDecodeError as exc:
                errors.append(f"line {number}: invalid JSON: {exc.msg}")
                continue
            except _BadLine as exc:
                errors.append(f"line {number}: {exc}")
                continue
            result.articles.append(article)
            if warning:
                result.warnings.append(f"{path}:{number}: {warning}")
    if errors:
        more = f"; and {len(errors) - SHOWN_ERRORS} more" if len(errors) > SHOWN_ERRORS else ""
        raise ConfigError(
            f"{path}: {len(errors)} bad line{'s' if len(errors) > 1 else ''}, nothing read: "
            + "; ".join(errors[:SHOWN_ERRORS])
            + more
        )
    return result


def read_articles(path: Path) -> Iterator[Article]:
    """The file's articles (checked as a whole first); cuts are logged as warnings."""
    loaded = load_articles(path)
    for warning in loaded.warnings:
        log.warning("%s", warning)
    yield from loaded.articles
