"""Every exception newsflow raises, in one place.

NewsflowError
├── InputError            an input cannot become an article (recorded as a failure, the run goes on)
│   ├── EmptyInputError       nothing but whitespace, or no article text found
│   ├── BinaryInputError      bytes that are not text (image, PDF, executable, ...)
│   ├── TooLargeError         over the size cap (raw or decompressed)
│   └── UnsupportedInputError a file type or source kind newsflow does not read
├── AccountingError       a run's outcomes do not add up to the inputs it read (the run fails)
└── WarehouseError        the DuckDB warehouse cannot be used
    ├── WarehouseBusyError    another process holds the file lock and did not let go in time
    └── QueryError            a user query is invalid or tries to write
"""

from __future__ import annotations


class NewsflowError(Exception):
    """Base class of every newsflow error."""


class InputError(NewsflowError):
    """An input that cannot become an article; `stage` says where it failed."""

    stage = "load"

    def __init__(self, message: str, *, stage: str | None = None) -> None:
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


class AccountingError(NewsflowError):
    """A run's outcome counts do not add up to the inputs it read."""


class WarehouseError(NewsflowError):
    """The warehouse cannot be opened or written."""


class WarehouseBusyError(WarehouseError):
    """Another process holds the warehouse lock."""


class QueryError(WarehouseError):
    """A user query failed or tried to write."""
