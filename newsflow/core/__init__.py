"""The base of newsflow: records, errors, settings, ids, entity keys, the likeness protocol, sniffing,
URLs and strings from outside.

Imports nothing else of the repository; `sources`, `extractors` and `warehouse` import only this.
"""

from typing import TYPE_CHECKING

from newsflow.core.errors import (
    AccountingError,
    BinaryInputError,
    BlockedAddressError,
    ConnectionFailedError,
    EmptyInputError,
    FeedParseError,
    FetchError,
    FetchTimeoutError,
    HttpStatusError,
    InputError,
    NewsflowError,
    QueryError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    SourceConfigError,
    TooLargeError,
    TooManyRedirectsError,
    UnsafeUrlError,
    UnsupportedContentTypeError,
    UnsupportedInputError,
    WarehouseBusyError,
    WarehouseError,
)
from newsflow.core.ids import bytes_hash, content_hash, stable_id
from newsflow.core.keys import PERSON_PREFIX, Linker, key_name
from newsflow.core.lazy import lazy_getattr
from newsflow.core.likeness import Likeness, Speakers
from newsflow.core.records import (
    DONE,
    OUTCOMES,
    STAGES,
    STORED,
    Amount,
    Block,
    BlockKind,
    Claim,
    ClaimEntity,
    CleanArticle,
    EntityRole,
    ExtractedArticle,
    Failure,
    InputOutcome,
    LocalEntity,
    MediaType,
    Mention,
    Outcome,
    RawDocument,
    Sentence,
    StageName,
)
from newsflow.core.sniff import media_type_of, sniff_binary
from newsflow.core.strings import mend_json, os_text
from newsflow.core.urls import join_url, split_url

if TYPE_CHECKING:
    from newsflow.core.settings import Settings, get_settings

__all__ = [
    "DONE",
    "OUTCOMES",
    "PERSON_PREFIX",
    "STAGES",
    "STORED",
    "AccountingError",
    "Amount",
    "BinaryInputError",
    "Block",
    "BlockKind",
    "BlockedAddressError",
    "Claim",
    "ClaimEntity",
    "CleanArticle",
    "ConnectionFailedError",
    "EmptyInputError",
    "EntityRole",
    "ExtractedArticle",
    "Failure",
    "FeedParseError",
    "FetchError",
    "FetchTimeoutError",
    "HttpStatusError",
    "InputError",
    "InputOutcome",
    "Likeness",
    "Linker",
    "LocalEntity",
    "MediaType",
    "Mention",
    "NewsflowError",
    "Outcome",
    "QueryError",
    "RawDocument",
    "ResponseTooLargeError",
    "RobotsDisallowedError",
    "Sentence",
    "Settings",
    "SourceConfigError",
    "Speakers",
    "StageName",
    "TooLargeError",
    "TooManyRedirectsError",
    "UnsafeUrlError",
    "UnsupportedContentTypeError",
    "UnsupportedInputError",
    "WarehouseBusyError",
    "WarehouseError",
    "bytes_hash",
    "content_hash",
    "get_settings",
    "join_url",
    "key_name",
    "media_type_of",
    "mend_json",
    "os_text",
    "sniff_binary",
    "split_url",
    "stable_id",
]

# The settings (pydantic-settings) are imported on first use: a process that only cleans pages
# (`newsflow clean`) never loads them.
__getattr__ = lazy_getattr(
    __name__, {"Settings": "newsflow.core.settings", "get_settings": "newsflow.core.settings"}
)
