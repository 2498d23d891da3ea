"""Entity resolution within an article: spaCy mentions → canonical entities (placeholder, see issue 6)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsflow.records import CleanArticle, EntityRole, LocalEntity, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def resolve_entities(
    doc: Doc, article: CleanArticle
) -> tuple[list[LocalEntity], list[Mention], list[EntityRole]]:
    """Group the doc's named-entity mentions into canonical entities."""
    entities: dict[str, LocalEntity] = {}
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or not ent.text.strip():
            continue
        key = f"{ent.label_}:{ent.text.casefold()}"
        entities.setdefault(key, LocalEntity(key=key, name=ent.text, type=ent.label_))
        mentions.append(Mention(key, ent.start_char, ent.end_char, ent.text, ent.label_))
    return list(entities.values()), mentions, []
