"""The Prefect glue's public names, listed once in its `__init__`."""

from __future__ import annotations

from tests.support.public import check_public_names


def test_ops_public_names() -> None:
    check_public_names(
        "newsflow.ops",
        {"DEPLOYMENTS", "deployments", "forward_logs", "install", "night_report", "publish", "serve",
         "stop_local_server", "task_options", "task_runner", "use_server"},
    )  # fmt: skip
