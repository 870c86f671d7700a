"""Atom (RFC 4287) feeds of developments: pure, rows in, XML bytes out.

An entry's id is its development's id (stable across projection rebuilds);
its `updated` is when an event last changed the development (a corroboration,
a correction), its `published` when it was first recorded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from monitor.domain.developments import DevelopmentType, status_set_by

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00+00:00"


def entry_id(development_id: str) -> str:
    """The Atom id of a development's entry: a URN, never an address that could move."""
    return f"urn:case-monitor:development:{development_id}"


def _status_after(row: dict[str, Any]) -> str | None:
    try:
        kind = DevelopmentType(row["type"])
    except ValueError:
        return None
    status = status_set_by(kind, row.get("outcome"))
    return status.value if status else None


def entry_title(row: dict[str, Any]) -> str:
    """'Michael Kovrig: released (2021-09-24)' and, when it sets one, the status."""
    what = row["type"].replace("_", " ")
    if row.get("outcome"):
        what += f" ({row['outcome']})"
    when = row.get("date") or "undated"
    return f"{row.get('name') or row['case']}: {what}, {when}"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str = "alternate", **attrs: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": href, "rel": rel, **attrs})


def render_feed(
    *,
    feed_id: str,
    title: str,
    self_url: str,
    page_url: str,
    case_url: str,
    rows: Sequence[dict[str, Any]],
) -> bytes:
    """The feed document; `case_url` has a `{case}` placeholder for each entry's page."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    _text(feed, "updated", max((r["updated_at"] or EPOCH for r in rows), default=EPOCH))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "case-monitor")
    _link(feed, self_url, "self", type="application/atom+xml")
    _link(feed, page_url, type="text/html")
    _text(feed, "generator", "case-monitor")
    for row in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", entry_id(row["development"]))
        _text(entry, "title", entry_title(row))
        _text(entry, "updated", row["updated_at"] or EPOCH)
        if row.get("recorded_at"):
            _text(entry, "published", row["recorded_at"])
        page = case_url.format(case=row["case"])
        _link(entry, f"{page}#dev-{row['development']}", type="text/html")
        for source in row["sources"]:
            if source.get("url"):
                attrs = {"title": source["title"]} if source.get("title") else {}
                _link(entry, source["url"], "related", **attrs)
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": row["type"], "label": "type"})
        status = _status_after(row)
        if status:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": f"status:{status}"})
        lines = [
            f"{row['type']} on {row.get('date') or 'an unknown date'}"
            + (f" ({row['precision']} precision)" if row.get("precision") else ""),
            f"Evidence: {row['evidence']}",
            f"Confidence: {row['confidence']:.2f}; review: {row['review']}",
        ]
        if row.get("detail"):
            lines.insert(1, f"Detail: {row['detail']}")
        if status:
            lines.insert(1, f"Sets the status to {status}.")
        for source in row["sources"]:
            said = [str(source[k]) for k in ("title", "url", "published") if source.get(k)]
            lines.append("Source: " + (" · ".join(said) or source["article_id"]))
        _text(entry, "summary", row["evidence"])
        _text(entry, "content", "\n".join(lines), type="text")
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")
