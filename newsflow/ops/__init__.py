"""Prefect glue: schedule and deployments, dashboard, log forwarding, artifacts, alerts, the Dask runner."""
