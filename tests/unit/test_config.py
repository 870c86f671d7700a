"""Configuration files: the shipped defaults load, and bad files are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config, parse_interval, read_articles
from monitor.daemon import default_config_paths


def test_the_shipped_feeds_and_cases_load() -> None:
    config = load_config(default_config_paths())
    assert len(config.feeds) >= 20
    assert {c.key for c in config.book.cases} >= {"kovrig", "spavor", "meng-wanzhou"}
    assert all(f.url.startswith("https://") and f.interval >= 900 for f in config.feeds)
    assert len({f.url for f in config.feeds}) == len(config.feeds)


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400)]
)
def test_intervals_parse(text: str, seconds: int) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["15", "0m", "-1h", "soon", "15 minutes"])
def test_bad_intervals_are_clear_errors(text: str) -> None:
    with pytest.raises(ConfigError, match="interval"):
        parse_interval(text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[feed]]\nname = 'x'\n", "needs a url"),
        ("[[feed]]\nurl = 'ftp://example.org/feed'\n", "http"),
        ("[[case]]\nkey = 'Bad Key'\nname = 'X'\n", "key must match"),
        ("[[group]]\nkey = 'g'\nmembers = ['nobody']\n", "unknown cases"),
        ("[[subscription]]\ncases = ['*']\n", "exactly one of webhook or email"),
        ("not toml at all = = =", "invalid TOML"),
    ],
)
def test_bad_config_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message) as info:
        load_config([path])
    assert "\n" not in str(info.value)


def test_a_bad_article_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok", "text": "x"}\n{broken\n')
    with pytest.raises(ConfigError, match=r"a.jsonl:2: invalid JSON"):
        list(read_articles(path))
