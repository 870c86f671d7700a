"""TOML configuration files and JSONL article files → typed values, with one-line errors.

Every table has a pydantic schema (`Table` subclasses): unknown tables and
keys, wrong types and bad values are refused before any work starts, with
one line naming the file, the table and the key. Adding a table takes one
class, one field on `ConfigFile` (what a file may hold) and one on `Config`
(the merged result, same name): a later file's single table replaces an
earlier one's, arrays of tables are concatenated.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, get_origin
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from monitor.domain.articles import Article
from monitor.domain.cases import CaseBook, CaseDefinitionError, book_from_toml
from monitor.domain.developments import DevelopmentType
from monitor.domain.review import (
    DEFAULT_SECOND_SOURCE,
    DEFAULT_SINGLE_SOURCE,
    DEFAULT_THRESHOLD,
    DEFAULT_WIDE_COVERAGE,
    MAX_WIDE_COVERAGE,
    ReviewPolicy,
)


class ConfigError(ValueError):
    """A configuration or input file that cannot be used, worded for one line."""


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_KEY = re.compile(r"^[a-z0-9-]{1,100}$")

# What a subscription's `on` may name: status changes, consular gaps, new proposals waiting
# for review, development types.
SUBSCRIPTION_EVENTS = ("status", "consular_gap", "review", *(t.value for t in DevelopmentType))


def parse_interval(text: str | int) -> int:
    """'30s', '15m', '2h', '1d' (or a positive number of seconds) → seconds."""
    if isinstance(text, bool):  # TOML `true` is not one second
        raise ConfigError(f"bad interval {text!r}: use a number and s, m, h or d, e.g. '15m'")
    if isinstance(text, int) and text > 0:
        return text
    m = _INTERVAL.match(str(text))
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"bad interval {text!r}: use a number and s, m, h or d, e.g. '15m'")
    return max(1, int(float(m.group(1)) * _UNITS[m.group(2)]))


# --- value checks: each raises ValueError with the reason, pydantic adds where ---------------


def _interval(value: Any) -> int:
    if not isinstance(value, str | int):
        raise ValueError(f"must be a string such as '15m', got {value!r}")
    try:
        return parse_interval(value)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None


def _http_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"must be an http:// or https:// URL, got {value!r}")
    return value


def _feed_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() == "file" and parts.path:
        return value
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return value
    raise ValueError(f"must be an http(s):// or file:// URL, got {value!r}")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValueError(f"must be an email address such as desk@example.org, got {value!r}")
    return value


def _env_name(value: str) -> str:
    if not _ENV_NAME.match(value):
        raise ValueError(f"must be an environment variable name, got {value!r}")
    return value


def _event_name(value: str) -> str:
    if value not in SUBSCRIPTION_EVENTS:
        raise ValueError(f"unknown value {value!r}: use one of {', '.join(SUBSCRIPTION_EVENTS)}")
    return value


def _case_key(value: str) -> str:
    if not _KEY.match(value):
        raise ValueError(f"must match [a-z0-9-]+ (at most 100 characters), got {value!r}")
    return value


def _country(value: str) -> str:
    if not _COUNTRY.match(value):
        raise ValueError(f"must be an ISO 3166 alpha-2 country code such as 'CN', got {value!r}")
    return value.upper()


def _listed(value: Any) -> Any:
    """A single string where a list is expected is a list of one (as the case format allows)."""
    return [value] if isinstance(value, str) else value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
FeedUrl = Annotated[str, AfterValidator(_feed_url)]
EmailAddress = Annotated[str, AfterValidator(_email)]
EnvName = Annotated[str, AfterValidator(_env_name)]
Interval = Annotated[int, BeforeValidator(_interval)]
CaseKey = Annotated[str, AfterValidator(_case_key)]
Country = Annotated[str, AfterValidator(_country)]
Names = Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_listed)]
Countries = Annotated[list[Country], BeforeValidator(_listed)]
SubscriptionEvent = Annotated[str, AfterValidator(_event_name)]


# --- tables ------------------------------------------------------------------------------------


class Table(BaseModel):
    """A configuration table: unknown keys and values of the wrong type are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class CaseTable(Table):
    """[[case]]: one person held by a state (the contract's format)."""

    key: CaseKey
    name: Annotated[str, Field(min_length=1)]
    aliases: Names = []
    held_by: Country | None = None
    citizenship: Countries = []


class GroupTable(Table):
    """[[group]]: a name that stands for several cases."""

    key: CaseKey
    aliases: Names = []
    members: Annotated[list[CaseKey], BeforeValidator(_listed), Field(min_length=1)]


class FeedTable(Table):
    """[[feed]]: a news feed and its poll period."""

    url: FeedUrl
    name: str | None = None
    interval: Interval = 900


class SubscriptionTable(Table):
    """[[subscription]]: who hears of what, by webhook or by email."""

    cases: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)] = ["*"]
    on: Annotated[list[SubscriptionEvent], Field(min_length=1)] = ["status"]
    webhook: HttpUrl | None = None
    secret_env: EnvName | None = None
    email: EmailAddress | None = None
    gap_days: Annotated[int, Field(gt=0, le=36500)] = 60

    @model_validator(mode="after")
    def _one_channel(self) -> SubscriptionTable:
        if (self.webhook is None) == (self.email is None):
            raise ValueError("needs exactly one of webhook or email")
        if self.secret_env is not None and self.webhook is None:
            raise ValueError("secret_env signs webhooks; an email subscription cannot use it")
        return self


class SmtpTable(Table):
    """[smtp]: where email alerts go out, the URL itself kept in the environment."""

    url_env: EnvName = "MONITOR_SMTP_URL"
    sender: Annotated[EmailAddress, Field(alias="from")] = "case-monitor@localhost"


class SecurityTable(Table):
    """[security]: opt-in hardening for feed and webhook URLs from people not fully trusted."""

    block_private_addresses: bool = False


def parse_listen(text: str) -> tuple[str, int]:
    """'127.0.0.1:8080', '[::1]:8080' or ':8080' (loopback) → (host, port)."""
    m = re.match(r"^\s*(?:\[([0-9A-Fa-f:.]+)\]|([^:\s\[\]]*)):(\d{1,5})\s*$", str(text))
    if not m or int(m.group(3)) > 65535:
        raise ConfigError(f"bad listen address {text!r}: use HOST:PORT, e.g. '127.0.0.1:8080'")
    return (m.group(1) or m.group(2) or "127.0.0.1"), int(m.group(3))


def _listen(value: str) -> str:
    try:
        parse_listen(value)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None
    return value.strip()


Listen = Annotated[str, AfterValidator(_listen)]


class HttpTable(Table):
    """[http]: where the web application listens; the review token's environment variable
    (unset: the pages are read-only)."""

    listen: Listen = "127.0.0.1:8080"
    token_env: EnvName | None = None

    @property
    def host(self) -> str:
        return parse_listen(self.listen)[0]

    @property
    def port(self) -> int:
        return parse_listen(self.listen)[1]


class ReviewTable(Table):
    """[review]: below `threshold` confidence a development waits for a person, and so does a
    milestone no second outlet reports (`corroborate` and its settings); `threshold = 0` turns
    review off (docs/review.md)."""

    threshold: Annotated[float, Field(ge=0, le=1)] = DEFAULT_THRESHOLD
    corroborate: bool = True
    single_source: Annotated[float, Field(ge=0, le=1)] = DEFAULT_SINGLE_SOURCE
    second_source: Annotated[float, Field(ge=0, le=1)] = DEFAULT_SECOND_SOURCE
    wide_coverage: Annotated[int, Field(ge=0, le=MAX_WIDE_COVERAGE)] = DEFAULT_WIDE_COVERAGE

    @property
    def policy(self) -> ReviewPolicy:
        return ReviewPolicy(
            self.threshold,
            self.corroborate,
            self.single_source,
            self.second_source,
            self.wide_coverage,
        )


class ConfigFile(Table):
    """What one TOML file may hold; every table is optional."""

    case: list[CaseTable] = []
    group: list[GroupTable] = []
    feed: list[FeedTable] = []
    subscription: list[SubscriptionTable] = []
    smtp: SmtpTable | None = None
    security: SecurityTable | None = None
    http: HttpTable | None = None
    review: ReviewTable | None = None


# Tables a file holds one of (`[smtp]`) rather than an array of (`[[feed]]`).
_SINGLE_TABLES = tuple(
    name
    for name, info in ConfigFile.model_fields.items()
    if get_origin(info.annotation) is not list
)


# --- merged, typed values the rest of the program uses ----------------------------------------


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str
    interval: int


@dataclass(frozen=True)
class Subscription:
    """One subscriber; its identity is its target (the webhook URL or the email address)."""

    cases: tuple[str, ...]
    on: tuple[str, ...]
    webhook: str | None = None
    secret_env: str | None = None
    email: str | None = None
    gap_days: int = 60

    @property
    def channel(self) -> str:
        return "webhook" if self.webhook else "email"

    @property
    def target(self) -> str:
        return self.webhook or self.email or ""


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
    security: SecurityTable = field(default_factory=SecurityTable)
    http: HttpTable | None = None
    review: ReviewTable = field(default_factory=ReviewTable)
    sources: list[Path] = field(default_factory=list)
    # Where each subscription was written ("file: [[subscription]] #2"), for later checks' errors.
    subscription_places: list[str] = field(default_factory=list)


# --- reading and explaining ------------------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict (a byte-order mark, as some Windows editors write, is allowed)."""
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory") from None
    except OSError as exc:  # unreadable: permissions, a device, an I/O error
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None


def _table_name(name: str, raw: Mapping[str, Any]) -> str:
    return f"[[{name}]]" if isinstance(raw.get(name), list) else f"[{name}]"


def explain(path: Path, error: ErrorDetails, raw: Mapping[str, Any]) -> str:
    """One line for one schema error: the file, the table (and its number) and the key."""
    loc = list(error["loc"])
    kind = error["type"]
    message = error["msg"].removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if len(loc) == 1 and kind == "extra_forbidden":
        name = str(loc[0])
        if not isinstance(raw.get(name), dict | list):
            return f"{path}: unknown top-level key {name!r}"
        known = ", ".join(f"[{t}]" if t in _SINGLE_TABLES else f"[[{t}]]" for t in _KNOWN)
        return f"{path}: unknown table {_table_name(name, raw)} (known: {known})"
    if not loc:
        return f"{path}: {message}"
    table = str(loc.pop(0))
    where = f"[{table}]" if table in _SINGLE_TABLES else f"[[{table}]]"
    if loc and isinstance(loc[0], int):
        where += f" #{int(loc.pop(0)) + 1}"
    if not loc:
        if kind in ("list_type", "model_type"):
            shape = "a table" if table in _SINGLE_TABLES else "an array of tables"
            return f"{path}: {where} must be {shape}"
        return f"{path}: {where}: {message}"
    key = repr(str(loc.pop(0)))
    if loc and isinstance(loc[0], int):
        key += f" item {int(loc.pop(0)) + 1}"
    if kind == "extra_forbidden":
        return f"{path}: {where}: unknown key {key}"
    if kind == "missing":
        return f"{path}: {where}: key {key} is required"
    got = error.get("input")
    detail = f", got {got!r}" if kind.endswith("_type") or kind.startswith("int_") else ""
    return f"{path}: {where} key {key}: {message}{detail}"[:400]


_KNOWN = tuple(ConfigFile.model_fields)


def parse_file(path: Path) -> ConfigFile:
    """One file, validated against the schema; the first problem is a one-line ConfigError."""
    raw = read_toml(path)
    try:
        return ConfigFile.model_validate(raw)
    except ValidationError as exc:
        # An unknown key first: a misspelt key is also why the right one is "missing".
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        more = len(errors) - 1
        more_text = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(explain(path, errors[0], raw) + more_text) from None


def _book(cases: list[CaseTable], groups: list[GroupTable], where: str) -> CaseBook:
    try:
        return book_from_toml(
            {
                "case": [c.model_dump(exclude_none=True) for c in cases],
                "group": [g.model_dump() for g in groups],
            }
        )
    except CaseDefinitionError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def load_cases(path: Path) -> CaseBook:
    """The [[case]] and [[group]] tables of one file (other tables are checked, not used)."""
    doc = parse_file(path)
    return _book(doc.case, doc.group, str(path))


def parse_config(paths: Sequence[Path]) -> Config:
    """Merge the files in order after checking each against the schema.

    References to cases and the environment are not checked here: see
    `check_references` and `check_environment`, or `load_config` for all.
    """
    config = Config()
    cases: list[CaseTable] = []
    groups: list[GroupTable] = []
    targets: dict[tuple[str, str], str] = {}
    for path in paths:
        doc = parse_file(path)
        config.sources.append(path)
        cases.extend(doc.case)
        groups.extend(doc.group)
        config.feeds.extend(FeedConfig(f.url, f.name or f.url, f.interval) for f in doc.feed)
        for number, sub in enumerate(doc.subscription, start=1):
            place = f"{path}: [[subscription]] #{number}"
            subscription = Subscription(
                tuple(sub.cases),
                tuple(dict.fromkeys(sub.on)),
                sub.webhook,
                sub.secret_env,
                sub.email,
                sub.gap_days,
            )
            identity = (subscription.channel, subscription.target)
            if identity in targets:
                raise ConfigError(
                    f"{place} key {subscription.channel!r}: {subscription.target!r} is already "
                    f"subscribed at {targets[identity]}; one subscription per target"
                )
            targets[identity] = place
            config.subscriptions.append(subscription)
            config.subscription_places.append(place)
        if doc.smtp is not None:
            config.smtp = SmtpConfig(doc.smtp.url_env, doc.smtp.sender)
        for name in _SINGLE_TABLES:
            value = getattr(doc, name)
            if value is not None and name != "smtp":
                setattr(config, name, value)
    where = ", ".join(str(p) for p in paths) or "configuration"
    config.book = _book(cases, groups, where)
    return config


def _usable_secret(secret: str) -> bool:
    """A Standard Webhooks secret ("whsec_" + base64) decodes; any other string is used as is."""
    if not secret.startswith("whsec_"):
        return True
    try:
        return bool(base64.b64decode(secret.removeprefix("whsec_"), validate=True))
    except (binascii.Error, ValueError):
        return False


def check_environment(config: Config, env: Mapping[str, str] | None = None) -> None:
    """Refuse webhook secrets and SMTP URLs that `env` lacks: never send unsigned or nowhere."""
    env = os.environ if env is None else env
    for sub, place in zip(config.subscriptions, config.subscription_places, strict=True):
        if sub.secret_env and not env.get(sub.secret_env):
            raise ConfigError(
                f"{place} key 'secret_env': environment variable {sub.secret_env} is not set; "
                "refusing to send unsigned webhooks"
            )
        if sub.secret_env and not _usable_secret(env[sub.secret_env]):
            raise ConfigError(
                f"{place} key 'secret_env': environment variable {sub.secret_env} holds a "
                "'whsec_' secret that is not base64; no webhook could be signed with it"
            )
        if sub.email:
            smtp = config.smtp or SmtpConfig()
            url = env.get(smtp.url_env)
            if not url:
                raise ConfigError(
                    f"{place} key 'email': environment variable {smtp.url_env} "
                    "(the [smtp] url_env) is not set, so no email can be sent"
                )
            parts = urlsplit(url)
            if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
                raise ConfigError(
                    f"{place} key 'email': environment variable {smtp.url_env} "
                    "(the [smtp] url_env) must hold an smtp:// or smtps:// URL"
                )


def check_references(config: Config, stored: CaseBook | None = None) -> None:
    """Refuse subscriptions to cases neither the files nor `stored` (the database) define."""
    known = set(_groups(config, stored)) | {c.key for c in config.book.cases}
    known |= {c.key for c in stored.cases} if stored else set()
    for sub, place in zip(config.subscriptions, config.subscription_places, strict=True):
        unknown = [c for c in sub.cases if c != "*" and c not in known]
        if unknown:
            raise ConfigError(
                f"{place} key 'cases': unknown case {unknown[0]!r} "
                "(define it in a [[case]] table or with `monitor cases import`)"
            )


def _groups(config: Config, stored: CaseBook | None) -> dict[str, tuple[str, ...]]:
    groups = {g.key: g.members for g in stored.groups} if stored else {}
    groups.update((g.key, g.members) for g in config.book.groups)
    return groups


def expand_groups(config: Config, stored: CaseBook | None = None) -> Config:
    """Subscriptions naming a group name its member cases instead."""
    groups = _groups(config, stored)
    if not groups:
        return config
    expanded = []
    for sub in config.subscriptions:
        cases: list[str] = []
        for key in sub.cases:
            cases.extend(groups.get(key, (key,)))
        expanded.append(
            Subscription(
                tuple(dict.fromkeys(cases)),
                sub.on,
                sub.webhook,
                sub.secret_env,
                sub.email,
                sub.gap_days,
            )
        )
    config.subscriptions = expanded
    return config


def checked(
    config: Config, *, stored: CaseBook | None = None, env: Mapping[str, str] | None = None
) -> Config:
    """`config` once its references and environment hold, with groups expanded to cases."""
    check_environment(config, env)
    check_references(config, stored)
    return expand_groups(config, stored)


def load_config(
    paths: Sequence[Path],
    *,
    stored: CaseBook | None = None,
    env: Mapping[str, str] | None = None,
) -> Config:
    """Parse, merge and check the files: the schema, case references and the environment."""
    return checked(parse_config(paths), stored=stored, env=env)


def read_articles(path: Path) -> Iterator[Article]:
    """Articles from a JSONL file, the whole file checked first (see `monitor.article_file`)."""
    from monitor.article_file import read_articles as read

    return read(path)
