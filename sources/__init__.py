"""Acquisition: turn source locators (paths, globs, later URLs and feeds) into RawDocuments."""

from sources.local import LoadResult, expand_locators, load_file, load_local

__all__ = ["LoadResult", "expand_locators", "load_file", "load_local"]

# Web acquisition (feeds, sitemaps, URL lists, WARC): the names are listed in sources/web.py.
from sources import web as web
from sources.web import *  # noqa: F403

__all__ += web.__all__
