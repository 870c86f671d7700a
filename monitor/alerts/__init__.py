"""Alerts: who hears of what, the transactional outbox, and delivery by webhook and email."""
