"""Tests of newsflow.ops (Prefect glue)."""
