# newsflow: locked dependencies installed with uv, run as a non-root user.
#   docker build -t newsflow .     docker run --rm -v newsflow-data:/data newsflow ingest /data/raw
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    PATH=/app/.venv/bin:$PATH

RUN pip install --no-cache-dir uv==0.13.9 \
    && useradd --create-home --uid 1000 newsflow \
    && mkdir -p /data/warehouse /data/raw \
    && chown -R newsflow /data

WORKDIR /app
# dependencies first (cached while only the code changes), exactly as uv.lock pins them
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
RUN uv sync --locked --no-dev && chown -R newsflow /app

USER newsflow
ENV NEWSFLOW_WAREHOUSE=/data/warehouse/newsflow.duckdb \
    PREFECT_SERVER_ANALYTICS_ENABLED=false \
    PREFECT_HOME=/home/newsflow/.prefect
VOLUME ["/data/warehouse", "/data/raw"]
ENTRYPOINT ["newsflow"]
CMD ["serve"]
