"""Every exception newsflow raises, in one place.

NewsflowError
├── InputError            an input cannot become an article (recorded as a failure, the run goes on)
│   ├── EmptyInputError       nothing but whitespace, or no article text found
│   ├── BinaryInputError      bytes that are not text (image, PDF, executable, ...)
│   ├── TooLargeError         over the size cap (raw or decompressed)
│   ├── UnsupportedInputError a file type or source kind newsflow does not read
│   └── FetchError            a URL could not be fetched or discovered (stage "fetch")
│       ├── UnsafeUrlError            refused before any request: scheme, length, malformed
│       ├── BlockedAddressError       the host resolves to a private/loopback/link-local/metadata IP
│       ├── RobotsDisallowedError     robots.txt forbids the URL for our user agent
│       ├── HttpStatusError           the server answered with an error status (`status`)
│       ├── FetchTimeoutError         connect, read or total deadline exceeded
│       ├── TooManyRedirectsError     redirect chain too long or looping
│       ├── ResponseTooLargeError     body over the cap, raw or decompressed (also a TooLargeError)
│       ├── UnsupportedContentTypeError  not HTML/XML/text (PDF, image, ...)
│       ├── ConnectionFailedError     DNS, connect or protocol failure after the retries
│       └── FeedParseError            a feed or sitemap is malformed or unsafe (entity expansion)
├── SourceConfigError     the sources file or a source argument is invalid (stops the run)
├── AccountingError       a run's outcomes do not add up to the inputs it read (the run fails)
├── OrchestrationError    the Prefect server cannot be started or reached
└── WarehouseError        the DuckDB warehouse cannot be used
    ├── WarehouseBusyError    another process holds the file lock and did not let go in time
    └── QueryError            a user query is invalid or tries to write
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsflow.core.records import StageName


class NewsflowError(Exception):
    """Base class of every newsflow error."""


class InputError(NewsflowError):
    """An input that cannot become an article; `stage` says where it failed."""

    stage: StageName = "load"

    def __init__(self, message: str, *, stage: StageName | None = None) -> None:
        super().__init__(message)
        if stage is not None:
            self.stage = stage


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text or HTML."""


class TooLargeError(InputError):
    """The input is larger than the configured cap."""


class UnsupportedInputError(InputError):
    """newsflow does not read this kind of input."""


class FetchError(InputError):
    """A URL could not be fetched; `status` is the last HTTP status seen, if any."""

    stage: StageName = "fetch"

    def __init__(self, message: str, *, status: int | None = None, stage: StageName | None = None) -> None:
        super().__init__(message, stage=stage)
        self.status = status


class UnsafeUrlError(FetchError):
    """A URL refused before any request: scheme (javascript:, file:, data:), length, form."""


class BlockedAddressError(FetchError):
    """A host resolving to a private, loopback, link-local or metadata address."""


class RobotsDisallowedError(FetchError):
    """robots.txt disallows the URL for our user agent."""


class HttpStatusError(FetchError):
    """The server answered with an error status (4xx, or 5xx after the retries)."""


class FetchTimeoutError(FetchError):
    """The connect or read timeout, or the total per-request deadline, ran out."""


class TooManyRedirectsError(FetchError):
    """The redirect chain is longer than allowed or loops."""


class ResponseTooLargeError(FetchError, TooLargeError):
    """The response body is over the size cap, raw or after decompression."""


class UnsupportedContentTypeError(FetchError):
    """The response is not HTML, XML or text (a PDF, an image, ...)."""


class ConnectionFailedError(FetchError):
    """DNS, connection or protocol failure that the retries did not cure."""


class FeedParseError(FetchError):
    """A feed or sitemap that is malformed or unsafe to parse (XML entity declarations)."""


class SourceConfigError(NewsflowError):
    """The sources file or a command-line source argument is invalid."""


class AccountingError(NewsflowError):
    """A run's outcome counts do not add up to the inputs it read."""


class OrchestrationError(NewsflowError):
    """The Prefect server a run reports to cannot be started or reached."""


class WarehouseError(NewsflowError):
    """The warehouse cannot be opened or written."""


class WarehouseBusyError(WarehouseError):
    """Another process holds the warehouse lock."""


class QueryError(WarehouseError):
    """A user query failed or tried to write."""
