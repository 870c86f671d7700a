"""Domain events: frozen, past-tense facts with a schema version.

Each event class names itself (`TYPE`) and its current `VERSION`; the codec in
`monitor.store.codec` stores them as JSON and upcasts older versions on read.
Streams: `case:<key>` holds a case's definition and developments,
`group:<key>` a group's definition.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, ClassVar

from monitor.domain.dates import PartialDate


@dataclass(frozen=True)
class Source:
    """An article that reported a development."""

    article_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None


_FIELD_NAMES: dict[type, frozenset[str]] = {}
_FIELD_ORDER: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> frozenset[str]:
    """A dataclass's field names (looked up once per class; decoding runs per event)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` for the values events hold (strings, numbers, None, tuples,
    dicts, nested dataclasses such as Source), without its generic recursion and deep
    copies: encoding runs once per appended event and asdict was most of its cost."""
    if value is None or isinstance(value, str | int | float):
        return value
    cls = type(value)
    names = _FIELD_ORDER.get(cls)
    if names is None and is_dataclass(value):
        names = _FIELD_ORDER[cls] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if cls is tuple or cls is list:
        return cls(_plain(v) for v in value)
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)  # anything else, as asdict would


@dataclass(frozen=True)
class DomainEvent:
    """Base of all events; `occurred` is when the fact happened, when that applies."""

    TYPE: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1

    def occurred(self) -> PartialDate | None:
        return None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = _plain(self)
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DomainEvent:
        names = _field_names(cls)
        # Data written by this version has only known fields: a plain copy, no filtering.
        kwargs = (
            dict(data) if names.issuperset(data) else {k: v for k, v in data.items() if k in names}
        )
        if "source" in kwargs and isinstance(kwargs["source"], dict):
            kwargs["source"] = Source(**kwargs["source"])
        for key in ("aliases", "citizenship", "members"):
            if key in kwargs and isinstance(kwargs[key], list):
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)


@dataclass(frozen=True)
class CaseOpened(DomainEvent):
    TYPE: ClassVar[str] = "CaseOpened"
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    held_by: str = ""
    citizenship: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseRedefined(DomainEvent):
    """A case's name, aliases, held_by or citizenship changed; holds the new definition."""

    TYPE: ClassVar[str] = "CaseRedefined"
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    held_by: str = ""
    citizenship: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupDefined(DomainEvent):
    """A group was defined or its aliases or members changed."""

    TYPE: ClassVar[str] = "GroupDefined"
    key: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class DevelopmentRecorded(DomainEvent):
    """The first report of a development in a case."""

    TYPE: ClassVar[str] = "DevelopmentRecorded"
    development_id: str
    case: str
    type: str
    date: str | None
    evidence: str
    confidence: float
    rule: str
    source: Source
    outcome: str | None = None
    detail: str | None = None
    # `proposed` ones wait for a person (monitor.domain.review); events before review were
    # all accepted, hence the default.
    review: str = "accepted"
    review_reason: str | None = None
    # Set when a person moved the development here from another case.
    moved_from: str | None = None

    def occurred(self) -> PartialDate | None:
        return PartialDate.parse(self.date) if self.date else None


@dataclass(frozen=True)
class DevelopmentCorroborated(DomainEvent):
    """Another article reported a recorded development; `refined_date` when it is more precise.

    `accepts` when this report alone would have been accepted: a proposal that a
    confident report confirms stops waiting. `custody` when the report named an
    arrest and the person was already held: the same detention, so its date is not used.
    """

    TYPE: ClassVar[str] = "DevelopmentCorroborated"
    development_id: str
    case: str
    source: Source
    evidence: str
    confidence: float
    refined_date: str | None = None
    reported_date: str | None = None
    accepts: bool = False
    custody: bool = False

    def occurred(self) -> PartialDate | None:
        return PartialDate.parse(self.refined_date) if self.refined_date else None


@dataclass(frozen=True)
class DevelopmentRetracted(DomainEvent):
    """A recorded development was wrong; projections drop it. `by` and `at`: who and when."""

    TYPE: ClassVar[str] = "DevelopmentRetracted"
    development_id: str
    case: str
    reason: str
    by: str | None = None
    at: str | None = None


@dataclass(frozen=True)
class DevelopmentUnretracted(DomainEvent):
    """A retraction was itself wrong: the development counts again, as it stood before."""

    TYPE: ClassVar[str] = "DevelopmentUnretracted"
    development_id: str
    case: str
    reason: str
    by: str
    at: str


@dataclass(frozen=True)
class DevelopmentConfirmed(DomainEvent):
    """A person confirmed a proposed (or rejected) development: it now counts."""

    TYPE: ClassVar[str] = "DevelopmentConfirmed"
    development_id: str
    case: str
    by: str
    at: str
    note: str | None = None


@dataclass(frozen=True)
class DevelopmentRejected(DomainEvent):
    """A person rejected a proposed development: it never counts, its sources stay."""

    TYPE: ClassVar[str] = "DevelopmentRejected"
    development_id: str
    case: str
    by: str
    at: str
    reason: str


@dataclass(frozen=True)
class DevelopmentCorrected(DomainEvent):
    """A person corrected a development: its type, date, outcome and detail are now these,
    and it counts. With `moved_to`, it belongs to another case, and leaves this one."""

    TYPE: ClassVar[str] = "DevelopmentCorrected"
    development_id: str
    case: str
    by: str
    at: str
    reason: str
    type: str
    date: str | None
    outcome: str | None = None
    detail: str | None = None
    moved_to: str | None = None

    def occurred(self) -> PartialDate | None:
        return PartialDate.parse(self.date) if self.date else None


EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.TYPE: cls
    for cls in (
        CaseOpened,
        CaseRedefined,
        GroupDefined,
        DevelopmentRecorded,
        DevelopmentCorroborated,
        DevelopmentRetracted,
        DevelopmentUnretracted,
        DevelopmentConfirmed,
        DevelopmentRejected,
        DevelopmentCorrected,
    )
}

# Events in which a person decided about a development.
DECISION_TYPES: tuple[type[DomainEvent], ...] = (
    DevelopmentConfirmed,
    DevelopmentRejected,
    DevelopmentCorrected,
    DevelopmentRetracted,
    DevelopmentUnretracted,
)


def case_stream(key: str) -> str:
    return f"case:{key}"


def group_stream(key: str) -> str:
    return f"group:{key}"


@dataclass(frozen=True)
class Metadata:
    """Why an event was written: its source article, the classifier, what caused it."""

    article_id: str | None = None
    classifier_version: str | None = None
    causation: str | None = None
    backfill: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(self)
        return {k: v for k, v in plain.items() if v not in (None, False, {})}
