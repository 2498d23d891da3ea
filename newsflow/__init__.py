"""newsflow: nightly news ingestion into a DuckDB warehouse of articles, entities and claims."""

from newsflow.core.errors import (
    InputError,
    NewsflowError,
    WarehouseBusyError,
    WarehouseError,
)
from newsflow.core.records import (
    Amount,
    Block,
    Claim,
    CleanArticle,
    ExtractedArticle,
    Failure,
    LocalEntity,
    Mention,
    RawDocument,
    Sentence,
)
from newsflow.core.settings import Settings, get_settings

__all__ = [
    "Amount",
    "Block",
    "Claim",
    "CleanArticle",
    "ExtractedArticle",
    "Failure",
    "InputError",
    "LocalEntity",
    "Mention",
    "NewsflowError",
    "RawDocument",
    "Sentence",
    "Settings",
    "WarehouseBusyError",
    "WarehouseError",
    "get_settings",
]
