"""Failure alerts: a webhook notification block and the automation in ops/ that uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast
from uuid import UUID

import yaml

ALERT_BLOCK = "newsflow-alerts"
AUTOMATION_FILE = Path("ops/ingest-failed.automation.yaml")
BLOCK_PLACEHOLDER = "${NEWSFLOW_ALERT_BLOCK_ID}"


def save_webhook_block(url: str, name: str = ALERT_BLOCK) -> UUID:
    """Store the webhook URL in a Prefect Custom Webhook block (overwriting it); return its id."""
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    block = CustomWebhookNotificationBlock(
        name="newsflow", url=url, method="POST", json_data={"text": "{{subject}}\n{{body}}"}
    )
    return cast(UUID, block.save(name, overwrite=True))


def webhook_block_id(name: str = ALERT_BLOCK) -> UUID:
    """The id of the existing webhook block (made by `save_webhook_block` or in the UI)."""
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    block = cast(CustomWebhookNotificationBlock, CustomWebhookNotificationBlock.load(name))
    if block._block_document_id is None:
        raise ValueError(f"block {name!r} has no id")
    return block._block_document_id


def render_automation(path: Path, block_id: UUID) -> dict[str, Any]:
    """The automation YAML with the block's id filled in, as a dict."""
    text = path.read_text(encoding="utf-8").replace(BLOCK_PLACEHOLDER, str(block_id))
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def install(path: Path = AUTOMATION_FILE, webhook_url: str | None = None) -> UUID:
    """Create (or replace) the failure automation; save the webhook block first when a URL is given."""
    from prefect.client.orchestration import get_client
    from prefect.events.schemas.automations import AutomationCore

    block_id = save_webhook_block(webhook_url) if webhook_url else webhook_block_id()
    automation = AutomationCore.model_validate(render_automation(path, block_id))
    with get_client(sync_client=True) as client:
        for old in client.read_automations_by_name(automation.name):
            client.delete_automation(old.id)
        return client.create_automation(automation)
