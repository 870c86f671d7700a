"""Alembic migrations, shipped as `monitor._migrations`."""
