"""Projections: read models kept from the events, exactly once, rebuildable at any time."""
