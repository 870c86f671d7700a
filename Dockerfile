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
EXPOSE 9108
CMD ["monitor", "run"]
