"""A flow run recorded through the Prefect server's REST API, without importing Prefect.

For a run that has no task work to orchestrate (a night that brings nothing new): it shows in the
dashboard like any other run of the flow — its states, parameters, tags and artifacts — while the
command skips Prefect's import and flow engine (most of a short run's time). Only for a server
reached without credentials (the local one, or a self-hosted `PREFECT_API_URL`).
"""

from __future__ import annotations

import json
import math
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from newsflow.core.errors import OrchestrationError
from newsflow.ops.artifacts import Artifact


def flow_run_name(flow: str) -> str:
    """A flow run's name: `<flow>-<UTC time>`, so a night's run is easy to find in the UI."""
    return f"{flow}-{datetime.now(UTC):%Y%m%d-%H%M%S}"


class ApiFlowRun:
    """One flow run of `flow` on the server at `api` (e.g. http://127.0.0.1:4200/api)."""

    def __init__(self, api: str, flow_run_id: str) -> None:
        self.api = api.rstrip("/")
        self.id = flow_run_id

    @classmethod
    def create(
        cls, api: str, flow: str, name: str, parameters: dict[str, Any], tags: list[str]
    ) -> ApiFlowRun:
        """Create the run (Pending) under the flow of that name."""
        flow_id = _call(api, "POST", "/flows/", {"name": flow})["id"]
        body = {
            "flow_id": flow_id,
            "name": name,
            "parameters": parameters,
            "tags": tags,
            "state": {"type": "PENDING", "name": "Pending"},
        }
        return cls(api, _call(api, "POST", "/flow_runs/", body)["id"])

    def set_state(self, state: str, message: str | None = None) -> None:
        """Move the run to RUNNING, COMPLETED or FAILED (the server keeps its start and end times)."""
        body = {"state": {"type": state, "name": state.title(), "message": message}, "force": True}
        _call(self.api, "POST", f"/flow_runs/{self.id}/set_state", body)

    def publish(self, artifacts: list[Artifact]) -> None:
        """Attach the artifacts to this run (the same keys and content as the flow's own)."""
        for art in artifacts:
            data = art.content if isinstance(art.content, str) else json.dumps(_plain(art.content))
            body = {
                "key": art.key,
                "type": art.kind,
                "data": data,
                "description": art.description,
                "flow_run_id": self.id,
            }
            _call(self.api, "POST", "/artifacts/", body)


@contextmanager
def recorded_run(
    api: str, flow: str, name: str, parameters: dict[str, Any], tags: list[str]
) -> Iterator[ApiFlowRun]:
    """A running flow run for the block's work: Completed after it, Failed (with the error) if it raises."""
    run = ApiFlowRun.create(api, flow, name, parameters, tags)
    run.set_state("RUNNING")
    try:
        yield run
    except BaseException as exc:
        run.set_state("FAILED", f"{type(exc).__name__}: {exc}")
        raise
    run.set_state("COMPLETED")


def _call(api: str, method: str, path: str, body: dict[str, Any]) -> Any:
    """One JSON request to the server; a failure is an OrchestrationError saying which call."""
    request = urllib.request.Request(
        api.rstrip("/") + path,
        data=json.dumps(body, default=str).encode(),
        method=method,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode(errors="replace")
        raise OrchestrationError(
            f"the Prefect server at {api} refused {method} {path}: {exc} {detail}"
        ) from exc
    except (OSError, ValueError) as exc:
        raise OrchestrationError(
            f"the Prefect server at {api} did not answer {method} {path}: {exc}"
        ) from exc


def _plain(value: Any) -> Any:
    """JSON-safe table cells, as Prefect's table artifacts store them (NaN becomes null)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
