# newsflow: locked dependencies with uv, run as a non-root user.
FROM python:3.11-slim
RUN pip install --no-cache-dir uv && useradd --create-home --uid 1000 newsflow
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
RUN uv sync --locked --no-dev && chown -R newsflow /app
USER newsflow
ENV NEWSFLOW_WAREHOUSE=/data/newsflow.duckdb PREFECT_SERVER_ANALYTICS_ENABLED=false
VOLUME ["/data"]
ENTRYPOINT ["uv", "run", "--no-sync", "newsflow"]
CMD ["ingest"]
