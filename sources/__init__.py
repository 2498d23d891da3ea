"""Acquisition: turn source locators (paths, globs, later URLs and feeds) into RawDocuments."""

from sources.local import LoadResult, expand_locators, load_file, load_local

__all__ = ["LoadResult", "expand_locators", "load_file", "load_local"]
