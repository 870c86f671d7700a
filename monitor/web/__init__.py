"""The web application: case pages, the JSON API under /api/v1 and Atom feeds, over projections."""
