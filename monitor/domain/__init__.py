"""The domain: cases, developments, partial dates, status and events. No I/O here."""
