"""Tests of flows/ (Prefect flows)."""
