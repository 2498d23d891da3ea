"""The base's public names, and the top package's, listed once in their `__init__`."""

from __future__ import annotations

from tests.support.public import check_public_names


def test_core_public_names() -> None:
    check_public_names(
        "newsflow.core",
        {
            # records
            "Amount", "Block", "BlockKind", "Claim", "ClaimEntity", "CleanArticle", "DONE", "EntityRole",
            "ExtractedArticle", "Failure", "InputOutcome", "LocalEntity", "MediaType", "Mention", "OUTCOMES",
            "Outcome", "RawDocument", "STAGES", "STORED", "Sentence", "StageName",
            # errors
            "AccountingError", "BinaryInputError", "BlockedAddressError", "ConnectionFailedError",
            "EmptyInputError", "FeedParseError", "FetchError", "FetchTimeoutError", "HttpStatusError",
            "InputError", "NewsflowError", "QueryError", "ResponseTooLargeError", "RobotsDisallowedError",
            "SourceConfigError", "TooLargeError", "TooManyRedirectsError", "UnsafeUrlError",
            "UnsupportedContentTypeError", "UnsupportedInputError", "WarehouseBusyError", "WarehouseError",
            # settings, ids, keys, likeness, sniffing, URLs and strings from outside
            "Settings", "get_settings", "bytes_hash", "content_hash", "stable_id", "Linker", "PERSON_PREFIX",
            "key_name", "Likeness", "Speakers", "media_type_of", "sniff_binary", "join_url", "split_url",
            "mend_json", "os_text",
        },
    )  # fmt: skip


def test_newsflow_public_names() -> None:
    check_public_names(
        "newsflow",
        {
            "Amount", "Block", "Claim", "CleanArticle", "ExtractedArticle", "Failure", "InputError",
            "LocalEntity", "Mention", "NewsflowError", "RawDocument", "Sentence", "Settings",
            "WarehouseBusyError", "WarehouseError", "get_settings", "run_ingest", "run_reprocess",
        },
    )  # fmt: skip
