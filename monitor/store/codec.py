"""Domain events ↔ stored rows, with upcasters for old schema versions.

An upcaster takes the JSON data of version N and returns version N+1; they
are applied on read, one step at a time, so the stored row never changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from monitor.domain.events import EVENT_TYPES, DomainEvent, Metadata
from monitor.store.events import NewEvent, StoredEvent

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

# (event type, from version) -> function to the next version.
UPCASTERS: dict[tuple[str, int], Upcaster] = {}


class UnknownEventType(Exception):
    """A stored event whose type this code does not know (written by a newer release)."""


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def encode(event: DomainEvent, idempotency_key: str, metadata: Metadata) -> NewEvent:
    occurred = event.occurred()
    return NewEvent(
        type=event.TYPE,
        schema_version=event.VERSION,
        data=event.to_data(),
        metadata=metadata.to_data(),
        idempotency_key=idempotency_key,
        occurred_on=occurred.iso() if occurred else None,
        occurred_precision=occurred.precision.value if occurred else None,
    )


# The last event decoded with the standard upcasters: several projectors decode the
# same stored event in turn, and domain events are immutable, so they can share it.
_last: tuple[StoredEvent, DomainEvent] | None = None


def decode(
    stored: StoredEvent, upcasters: Mapping[tuple[str, int], Upcaster] | None = None
) -> DomainEvent:
    global _last
    last = _last
    if upcasters is None and last is not None and last[0] is stored:
        return last[1]
    cls = EVENT_TYPES.get(stored.type)
    if cls is None:
        raise UnknownEventType(f"unknown event type {stored.type!r} at position {stored.position}")
    chain = UPCASTERS if upcasters is None else upcasters
    data, version = dict(stored.data), stored.schema_version
    while version < cls.VERSION:
        step = chain.get((stored.type, version))
        if step is None:
            raise UnknownEventType(f"no upcaster for {stored.type} v{version}")
        data, version = step(data), version + 1
    event = cls.from_data(data)
    if upcasters is None:
        _last = (stored, event)
    return event
