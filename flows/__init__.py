"""Prefect flows: thin orchestration of the stage functions in the packages."""
