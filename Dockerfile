# case-monitor daemon. Build: docker build -t case-monitor .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 monitor
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY monitor ./monitor
COPY migrations ./migrations
COPY feeds ./feeds
RUN pip install '.[postgres]'

USER monitor
# The embedded SQLite file lives in the user's data directory; mount a volume
# there, or set MONITOR_DB to a PostgreSQL URL.
VOLUME ["/home/monitor/.local/share/case-monitor"]
# /metrics and /healthz: the daemon listens on loopback unless told otherwise, and a
# container's loopback is unreachable from a port mapping, so it listens on every
# address here (publish it only to the monitoring network: `-p 127.0.0.1:9108:9108`).
ENV MONITOR_METRICS_HOST=0.0.0.0
EXPOSE 9108
CMD ["monitor", "run", "--metrics-port", "9108"]
