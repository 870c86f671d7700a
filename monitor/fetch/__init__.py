"""Fetching feeds: polite HTTP, robust parsing, per-feed state and schedule."""
