"""All tables, in one MetaData, as SQLAlchemy Core.

The migrations in `migrations/` create exactly these (a test compares them);
the append-only triggers and reporting views live in the migrations only.
Append-only tables (no UPDATE, DELETE or SQLite REPLACE): events, articles,
article_sightings (see migrations 0001 and 0004).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Tables whose rows are never updated or deleted (triggers in the migrations enforce it).
APPEND_ONLY = (
    "events",
    "articles",
    "article_sightings",
    "development_sources",
    "decision_snapshots",
)

Json = JSON().with_variant(JSONB(), "postgresql")
# BigInteger is not an alias of SQLite's rowid type; positions are assigned by
# the store itself (see monitor.store.events), so no autoincrement is needed.
Position = BigInteger().with_variant(Integer(), "sqlite")

events = Table(
    "events",
    metadata,
    Column("position", Position, primary_key=True, autoincrement=False),
    Column("stream", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Column("type", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("data", Json, nullable=False),
    Column("metadata", Json, nullable=False),
    Column("occurred_on", String(10), nullable=True),
    Column("occurred_precision", String(5), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("idempotency_key", String(200), nullable=False),
    Column("content_hash", String(64), nullable=False),
    UniqueConstraint("stream", "version", name="uq_events_stream_version"),
    UniqueConstraint("idempotency_key", name="uq_events_idempotency_key"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text, nullable=True),
    Column("canonical_url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("feed", String(200), nullable=True),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_canonical_url", "canonical_url"),
)

# Extra places an article was seen (another feed, another URL): one article, many sources.
article_sightings = Table(
    "article_sightings",
    metadata,
    Column("article_id", String(200), primary_key=True),
    Column("feed", String(200), primary_key=True),
    Column("url", Text, nullable=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# Each projector's position, written in the same transaction as its rows.
projection_positions = Table(
    "projection_positions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
)

# Events a projector could not apply: recorded and skipped, so one event never stops it.
projection_errors = Table(
    "projection_errors",
    metadata,
    Column("projector", String(100), primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("event_type", String(100), nullable=False),
    Column("stream", String(200), nullable=False),
    Column("error", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

case_definitions = Table(
    "case_definitions",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("name", Text, nullable=False),
    Column("aliases", Json, nullable=False),
    Column("held_by", String(8), nullable=False),
    Column("citizenship", Json, nullable=False),
    Column("is_group", Boolean, nullable=False),
    Column("members", Json, nullable=False),
)

case_status = Table(
    "case_status",
    metadata,
    Column("case_key", String(100), primary_key=True),
    Column("name", Text, nullable=False),
    Column("held_by", String(8), nullable=False),
    Column("status", String(20), nullable=True),
    Column("status_date", String(10), nullable=True),
    Column("last_development", String(30), nullable=True),
    Column("last_development_date", String(10), nullable=True),
    Column("held_since", String(10), nullable=True),
    Column("released_on", String(10), nullable=True),
    Column("last_consular_visit", String(10), nullable=True),
    Column("developments", Integer, nullable=False),
    Column("sources", Integer, nullable=False),
    Column("updated_position", BigInteger, nullable=False),
    Column("proposals", Integer, nullable=False, server_default="0"),
)

case_timeline = Table(
    "case_timeline",
    metadata,
    Column("development_id", String(40), primary_key=True),
    Column("case_key", String(100), nullable=False),
    Column("type", String(30), nullable=False),
    Column("date", String(10), nullable=True),
    Column("date_precision", String(5), nullable=True),
    Column("outcome", String(30), nullable=True),
    Column("detail", Text, nullable=True),
    Column("evidence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", String(100), nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("first_source", Text, nullable=False),
    Column("last_source", Text, nullable=False),
    Column("first_recorded_position", BigInteger, nullable=False),
    Column("retracted", Boolean, nullable=False),
    # When the development was first recorded and when an event last changed it (Atom dates).
    Column("first_recorded_at", DateTime(timezone=True), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=True),
    # Review (monitor.domain.review): accepted, proposed or rejected, why it was proposed,
    # and the last decision a person made about it.
    Column("review", String(10), nullable=False, server_default="accepted"),
    Column("review_reason", Text, nullable=True),
    Column("decision", String(20), nullable=True),
    Column("decided_by", String(100), nullable=True),
    Column("decided_at", String(40), nullable=True),
    Column("decision_reason", Text, nullable=True),
    Index("ix_case_timeline_case_key", "case_key"),
    Index("ix_case_timeline_review", "review"),
)

# One row per source of a development (the event that reported it), written by the store in
# the transaction that appends the event and never rewritten (append-only triggers): the
# timeline keeps only counts and first/last, and a decision asks here whether an article is
# already a source instead of holding every source in memory.
development_sources = Table(
    "development_sources",
    metadata,
    Column("position", Position, primary_key=True, autoincrement=False),
    Column("case_key", String(100), nullable=False),
    Column("development_id", String(40), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Index("ix_development_sources_case_key", "case_key", "article_id", "development_id"),
    Index("ix_development_sources_article_id", "article_id"),
    Index("ix_development_sources_development_id", "development_id"),
)

# A case stream's decision state at one version (append-only, a cache of the events): a
# decision loads the newest one and folds only the events after it. `format` names the
# state's layout; a snapshot of another format is ignored and the state rebuilt from events.
decision_snapshots = Table(
    "decision_snapshots",
    metadata,
    Column("stream", String(200), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("format", Integer, nullable=False),
    Column("state", Json, nullable=False),
    Column("taken_at", DateTime(timezone=True), nullable=False),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("target", Text, nullable=False),
    Column("channel", String(20), nullable=False),
    Column("spec", Json, nullable=False),
    # The event-store head when the subscription was first seen: it hears of later events only.
    Column("since_position", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Set when the configuration stops naming the target; the row stays for the record.
    Column("removed_at", DateTime(timezone=True), nullable=True),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("subscription_id", String(64), nullable=False),
    Column("case_key", String(100), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("payload", Json, nullable=False),
    Column("state", String(12), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("last_error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("event_position", BigInteger, nullable=False),
    # The development the alert told of, so that a correction reaches whoever heard of it.
    Column("development_id", String(40), nullable=True),
    Index("ix_alerts_state", "state", "next_attempt_at"),
    Index("ix_alerts_development_id", "development_id"),
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("url", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("current_url", Text, nullable=False),
    Column("interval_seconds", Integer, nullable=False),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
    Column("last_fetch_at", DateTime(timezone=True), nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("consecutive_errors", Integer, nullable=False),
    Column("next_due_at", DateTime(timezone=True), nullable=False),
    Column("entries_seen", Integer, nullable=False),
    Column("lease_owner", String(100), nullable=True),
    Column("lease_until", DateTime(timezone=True), nullable=True),
)
