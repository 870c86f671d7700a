"""Configuration files: the shipped defaults load, and bad files are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.article_file import read_articles
from monitor.config import ConfigError, load_cases, load_config, parse_interval
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
        ("[[feed]]\nname = 'x'\n", "key 'url' is required"),
        ("[[feed]]\nurl = 'ftp://example.org/feed'\n", "http"),
        ("[[case]]\nkey = 'Bad Key'\nname = 'X'\n", "key 'key': must match"),
        ("[[group]]\nkey = 'g'\nmembers = ['nobody']\n", "unknown cases"),
        ("[[subscription]]\ncases = ['*']\n", "exactly one of webhook or email"),
        ("[[case]]\nkey = 'x'\nname = 'X'\n[[case]]\nkey = 'x'\nname = 'Y'\n", "duplicate key"),
        ("not toml at all = = =", "invalid TOML"),
    ],
)
def test_bad_config_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message) as info:
        load_config([path])
    assert "\n" not in str(info.value)


def test_a_cases_file_an_editor_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    path.write_bytes("\ufeff[[case]]\nkey = 'x'\nname = 'Jane Roe'\n".encode())
    assert load_cases(path).keys() == ["x"]


def test_a_path_that_cannot_be_read_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "file.toml").write_text("")
    with pytest.raises(ConfigError, match=r"file.toml/cases.toml: Not a directory$"):
        load_cases(tmp_path / "file.toml" / "cases.toml")


def test_a_bad_article_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok", "text": "x"}\n{broken\n')
    with pytest.raises(ConfigError, match=r"a.jsonl: 1 bad line, nothing read: line 2: invalid"):
        list(read_articles(path))


CASES = "[[case]]\nkey = 'kovrig'\nname = 'Michael Kovrig'\nheld_by = 'CN'\n"
HOOK = "webhook = 'https://hooks.example.org/h'"


@pytest.mark.parametrize(
    ("content", "place", "message"),
    [
        ("[[fead]]\nurl = 'https://x.org/'", "[[fead]]", "unknown table"),
        ("[[feed]]\nurl = 'https://x.org/'\nintervall = '5m'", "[[feed]] #1", "'intervall'"),
        ("[[feed]]\nurl = 'https://x.org/'\ninterval = true", "'interval'", "bad interval"),
        ("[[feed]]\nurl = 'https://x.org/'\ninterval = 0", "'interval'", "bad interval"),
        ("[[feed]]\nurl = 'gopher://x.org/'", "[[feed]] #1 key 'url'", "http(s)"),
        (f"[[subscription]]\ncases = ['nobody']\n{HOOK}", "key 'cases'", "unknown case 'nobody'"),
        (f"[[subscription]]\non = ['statsu']\n{HOOK}", "key 'on' item 1", "'statsu'"),
        ("[[subscription]]\nwebhook = 5", "key 'webhook'", "valid string, got 5"),
        ("[[subscription]]\nwebhook = 'not a url'", "key 'webhook'", "http"),
        ("[[subscription]]\nwebhook = 'file:///etc/passwd'", "key 'webhook'", "http"),
        ("[[subscription]]\nemail = 'nobody'", "key 'email'", "email address"),
        ("[[subscription]]\nemail = 'a@b.org'\ngap_days = 'sixty'", "key 'gap_days'", "integer"),
        ("[[subscription]]\nemail = 'a@b.org'\ngap_days = 0", "key 'gap_days'", "greater"),
        (f"[[subscription]]\n{HOOK}\nsecret_env = 'UNSET_SECRET'", "'secret_env'", "not set"),
        (f"[[subscription]]\n{HOOK}\n[[subscription]]\n{HOOK}", "#2", "already subscribed"),
        ("[[subscription]]\nemail = 'desk@example.org'", "key 'email'", "MONITOR_SMTP_URL"),
        ("[smtp]\nurl = 'smtp://x'", "[smtp]", "unknown key 'url'"),
        ("[security]\nblock_private_addresses = 'yes'", "[security]", "boolean"),
        ("[[case]]\nkey = 'x'\nname = 'X'\nheld_by = 'CHINAAAAA'", "key 'held_by'", "alpha-2"),
        (f"[[case]]\nkey = '{'k' * 101}'\nname = 'X'", "[[case]] #1 key 'key'", "100"),
        ("[[case]]\nkey = 'x'\nnmae = 'X'", "[[case]] #1", "unknown key 'nmae'"),
        ("feed = 'x'", "[[feed]]", "array of tables"),
        ("interval = '5m'", "bad.toml", "unknown top-level key 'interval'"),
    ],
)
def test_each_bad_setting_is_one_line_naming_file_table_and_key(
    tmp_path: Path, content: str, place: str, message: str
) -> None:
    base, bad = tmp_path / "cases.toml", tmp_path / "bad.toml"
    base.write_text(CASES)
    bad.write_text(content + "\n")
    with pytest.raises(ConfigError) as info:
        load_config([base, bad], env={})
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"{bad}: ") and place in text and message in text


def test_a_good_configuration_merges_files_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(
        CASES + "[[group]]\nkey = 'michaels'\nmembers = ['kovrig', 'spavor']\n"
        "[[case]]\nkey = 'spavor'\nname = 'Michael Spavor'\n"
        "[smtp]\nurl_env = 'A_URL'\nfrom = 'a@example.org'\n"
    )
    second.write_text(
        "[[feed]]\nurl = 'file:///srv/feed.xml'\ninterval = 60\n"
        "[[subscription]]\ncases = ['michaels']\non = ['status', 'trial']\n"
        "email = 'desk@example.org'\n"
        f"[[subscription]]\n{HOOK}\nsecret_env = 'HOOK_SECRET'\n"
        "[smtp]\nurl_env = 'B_URL'\n"
        "[security]\nblock_private_addresses = true\n"
    )
    config = load_config([first, second], env={"HOOK_SECRET": "s", "B_URL": "smtp://mx:25"})
    assert [f.interval for f in config.feeds] == [60]
    assert config.feeds[0].name == "file:///srv/feed.xml"
    email, hook = config.subscriptions
    assert email.cases == ("kovrig", "spavor")  # a group stands for its members
    assert email.on == ("status", "trial") and email.gap_days == 60
    assert hook.cases == ("*",) and hook.on == ("status",) and hook.target.startswith("https://")
    assert config.smtp is not None and config.smtp.url_env == "B_URL"
    assert config.smtp.sender == "case-monitor@localhost"  # a later [smtp] replaces an earlier
    assert config.security.block_private_addresses is True


def test_subscriptions_may_name_cases_stored_in_the_database(tmp_path: Path) -> None:
    from monitor.domain.cases import Case, CaseBook

    path = tmp_path / "subs.toml"
    path.write_text(f"[[subscription]]\ncases = ['kovrig']\n{HOOK}\n")
    with pytest.raises(ConfigError, match="unknown case 'kovrig'"):
        load_config([path], env={})
    stored = CaseBook((Case("kovrig", "Michael Kovrig"),))
    assert load_config([path], stored=stored, env={}).subscriptions[0].cases == ("kovrig",)


def test_the_review_threshold_defaults_to_the_documented_value_and_reads_from_toml(
    tmp_path: Path,
) -> None:
    assert load_config(default_config_paths()).review.threshold == 0.7
    path = tmp_path / "review.toml"
    path.write_text("[review]\nthreshold = 0\n")
    assert not load_config([path]).review.policy.enabled
    path.write_text("[review]\nthreshold = 0.8\n")
    assert load_config([path]).review.policy.threshold == 0.8
    for bad in ("1.5", '"high"', "true", "-0.1"):
        path.write_text(f"[review]\nthreshold = {bad}\n")
        with pytest.raises(ConfigError, match=r"\[review\] key 'threshold'"):
            load_config([path])


def test_the_corroboration_rule_has_documented_defaults_and_reads_from_toml(
    tmp_path: Path,
) -> None:
    policy = load_config(default_config_paths()).review.policy
    assert (policy.corroborate, policy.single_source, policy.second_source) == (True, 0.9, 0.8)
    assert policy.wide_coverage == 3
    docs = (Path(__file__).resolve().parents[2] / "docs" / "review.md").read_text("utf-8")
    for line in ("corroborate = true", "single_source = 0.9", "second_source = 0.8"):
        assert line in docs
    assert "wide_coverage = 3" in docs
    path = tmp_path / "review.toml"
    path.write_text(
        "[review]\ncorroborate = false\nsingle_source = 0.95\nsecond_source = 0.85\n"
        "wide_coverage = 5\n"
    )
    got = load_config([path]).review.policy
    assert (got.corroborate, got.single_source, got.second_source, got.wide_coverage) == (
        False,
        0.95,
        0.85,
        5,
    )
    for key, bad in (("corroborate", '"yes"'), ("single_source", "2"), ("wide_coverage", "33")):
        path.write_text(f"[review]\n{key} = {bad}\n")
        with pytest.raises(ConfigError, match=rf"\[review\] key '{key}'"):
            load_config([path])


def test_a_webhook_secret_that_cannot_sign_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "hook.toml"
    path.write_text(f"[[subscription]]\n{HOOK}\nsecret_env = 'HOOK_SECRET'\n")
    with pytest.raises(ConfigError, match=r"key 'secret_env'.*not base64"):
        load_config([path], env={"HOOK_SECRET": "whsec_not base64!"})
    for usable in ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "a plain shared secret"):
        assert load_config([path], env={"HOOK_SECRET": usable}).subscriptions
