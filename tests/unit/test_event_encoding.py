"""Events encode to the same data as `dataclasses.asdict`, which the stored rows were written
with (the idempotency content hashes depend on it)."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

import pytest

from monitor.domain.events import EVENT_TYPES, DomainEvent, Metadata, Source


def _value(annotation: str) -> Any:
    if "Source" in annotation:
        return Source("a1", "https://example.org/a1", "A title", "2021-09-24")
    if annotation.startswith("tuple"):
        return ("Kang Mingkai", "康明凯")
    if annotation.startswith("bool"):
        return True
    if annotation.startswith("float"):
        return 0.75
    if annotation.startswith("int"):
        return 3
    if annotation.startswith("dict"):
        return {"nested": [1, {"k": None}]}
    return "2021-09"


@pytest.mark.parametrize("cls", sorted(EVENT_TYPES.values(), key=lambda c: c.TYPE))
def test_every_event_type_encodes_as_asdict_would(cls: type[DomainEvent]) -> None:
    event = cls(**{f.name: _value(str(f.type)) for f in fields(cls)})
    assert event.to_data() == asdict(event)
    assert cls.from_data(event.to_data()) == event


def test_metadata_encodes_its_set_fields_only() -> None:
    meta = Metadata(article_id="a1", classifier_version="v", extra={"feed": ["x"]})
    assert meta.to_data() == {
        "article_id": "a1",
        "classifier_version": "v",
        "extra": {"feed": ["x"]},
    }
    assert Metadata(causation="ingest", backfill=True).to_data() == {
        "causation": "ingest",
        "backfill": True,
    }
