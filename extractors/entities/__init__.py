"""Entities within an article and across articles: names, places, roles, cross-article keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from extractors.entities.linking import link_across_articles
    from extractors.entities.names import entity_key, name_norm
    from extractors.entities.resolve import resolve_entities
    from extractors.entities.roles import find_roles

__all__ = [
    "entity_key",
    "find_roles",
    "link_across_articles",
    "name_norm",
    "resolve_entities",
]

# Imported on first use, so the linker does not load spaCy.
_LAZY = {
    "entity_key": "extractors.entities.names",
    "find_roles": "extractors.entities.roles",
    "link_across_articles": "extractors.entities.linking",
    "name_norm": "extractors.entities.names",
    "resolve_entities": "extractors.entities.resolve",
}


__getattr__ = lazy_getattr(__name__, _LAZY)
