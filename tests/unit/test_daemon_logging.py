"""The daemon's log: what it keeps quiet about and what it still says."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from monitor.daemon import BusyTickFilter, configure_logging


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    configure_logging("text", stream)
    yield stream
    root.handlers[:], level = saved
    root.setLevel(level)


def test_a_tick_that_finds_the_poll_still_running_is_not_logged_but_other_warnings_are(
    log_stream: io.StringIO,
) -> None:
    scheduler = logging.getLogger("apscheduler.scheduler")
    scheduler.warning(
        'Execution of job "Daemon.poll (trigger: interval[0:00:05])" skipped: '
        "maximum number of running instances reached (1)"
    )
    scheduler.warning('Run time of job "Daemon.poll" was missed by 0:00:07')
    written = log_stream.getvalue()
    assert "maximum number of running instances" not in written
    assert "was missed by" in written


def test_configuring_the_log_twice_adds_the_filter_once(log_stream: io.StringIO) -> None:
    configure_logging("text", log_stream)
    filters = logging.getLogger("apscheduler.scheduler").filters
    assert sum(isinstance(f, BusyTickFilter) for f in filters) == 1
