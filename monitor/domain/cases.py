"""Cases (one person held by a state) and groups (a name for several cases)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

KEY_RE = re.compile(r"^[a-z0-9-]+$")
MAX_KEY = 100  # case_definitions.key and case_status.case_key are 100 wide
MAX_NAME = 300  # a person's name or alias; longer is a mistake, not a name
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")  # ISO 3166 alpha-2, as the contract says
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class CaseDefinitionError(ValueError):
    """A case file that breaks the contract's format."""


@dataclass(frozen=True)
class Case:
    """One person held by a state."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    held_by: str = ""
    citizenship: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "aliases": list(self.aliases),
            "held_by": self.held_by,
            "citizenship": list(self.citizenship),
        }


@dataclass(frozen=True)
class Group:
    """A name ("the two Michaels") that stands for several cases."""

    key: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "aliases": list(self.aliases), "members": list(self.members)}


@dataclass(frozen=True)
class CaseBook:
    """All configured cases and groups, validated together."""

    cases: tuple[Case, ...] = ()
    groups: tuple[Group, ...] = field(default=())

    def case(self, key: str) -> Case | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, Case]:
        return {c.key: c for c in self.cases}

    def keys(self) -> list[str]:
        return [c.key for c in self.cases]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseDefinitionError(f"{where} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _key(raw: Mapping[str, Any], where: str) -> str:
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise CaseDefinitionError(f"{where}: key must match [a-z0-9-]+, got {key!r}")
    return key


def case_from_toml(raw: Mapping[str, Any], index: int) -> Case:
    where = f"case #{index + 1}"
    key = _key(raw, where)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CaseDefinitionError(f"case {key!r}: name is required")
    held_by = raw.get("held_by", "")
    if not isinstance(held_by, str):
        raise CaseDefinitionError(f"case {key!r}: held_by must be a country code")
    return Case(
        key=key,
        name=name.strip(),
        aliases=_strings(raw.get("aliases"), f"case {key!r}: aliases"),
        held_by=held_by.strip().upper(),
        citizenship=tuple(c.upper() for c in _strings(raw.get("citizenship"), "citizenship")),
    )


def book_from_toml(doc: Mapping[str, Any]) -> CaseBook:
    """Build and validate a CaseBook from a parsed TOML document."""
    raw_cases = doc.get("case", [])
    raw_groups = doc.get("group", [])
    if not isinstance(raw_cases, list) or not isinstance(raw_groups, list):
        raise CaseDefinitionError("[[case]] and [[group]] must be arrays of tables")
    cases = [case_from_toml(r, i) for i, r in enumerate(raw_cases)]
    groups = []
    for i, raw in enumerate(raw_groups):
        key = _key(raw, f"group #{i + 1}")
        members = _strings(raw.get("members"), f"group {key!r}: members")
        if not members:
            raise CaseDefinitionError(f"group {key!r}: members are required")
        groups.append(Group(key, _strings(raw.get("aliases"), f"group {key!r}"), members))
    return validated(cases, groups)


def _check_key(key: str, what: str) -> None:
    if not KEY_RE.match(key) or len(key) > MAX_KEY:
        raise CaseDefinitionError(
            f"{what} key must match [a-z0-9-]+ and be at most {MAX_KEY} characters, "
            f"got {key[:40]!r}{'...' if len(key) > 40 else ''} ({len(key)})"
        )


def _check_names(names: Iterable[str], where: str) -> None:
    for name in names:
        if not name.strip():
            raise CaseDefinitionError(f"{where}: names and aliases must not be empty")
        if len(name) > MAX_NAME:
            raise CaseDefinitionError(
                f"{where}: a name or alias is {len(name)} characters (at most {MAX_NAME})"
            )
        if _CONTROL.search(name):
            raise CaseDefinitionError(f"{where}: control characters in {name[:40]!r}")


def check_case(case: Case) -> None:
    """Every field within what the contract and the schema allow, before anything is appended."""
    _check_key(case.key, "case")
    where = f"case {case.key!r}"
    _check_names(case.names(), where)
    if case.held_by and not COUNTRY_RE.match(case.held_by):
        raise CaseDefinitionError(
            f"{where}: held_by must be an ISO 3166 alpha-2 code like 'CN', got {case.held_by!r}"
        )
    for code in case.citizenship:
        if not COUNTRY_RE.match(code):
            raise CaseDefinitionError(
                f"{where}: citizenship must be ISO 3166 alpha-2 codes like 'CA', got {code!r}"
            )


def check_group(group: Group) -> None:
    """A group's key and aliases within the same bounds as a case's."""
    _check_key(group.key, "group")
    _check_names(group.aliases, f"group {group.key!r}")


def validated(cases: Iterable[Case], groups: Iterable[Group]) -> CaseBook:
    """Reject bad fields, duplicate keys and groups that name unknown cases."""
    cases, groups = list(cases), list(groups)
    for case in cases:
        check_case(case)
    for group in groups:
        check_group(group)
    seen: set[str] = set()
    for key in [c.key for c in cases] + [g.key for g in groups]:
        if key in seen:
            raise CaseDefinitionError(f"duplicate key {key!r}")
        seen.add(key)
    known = {c.key for c in cases}
    for g in groups:
        unknown = [m for m in g.members if m not in known]
        if unknown:
            raise CaseDefinitionError(f"group {g.key!r} names unknown cases: {unknown}")
    return CaseBook(tuple(cases), tuple(groups))
