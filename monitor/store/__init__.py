"""Storage: the append-only event store, articles, projections' tables, migrations."""
