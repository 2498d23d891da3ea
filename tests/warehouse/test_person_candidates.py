"""The writer's look-up of stored full names a batch's person keys may abbreviate or re-spell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from newsflow.core.records import LocalEntity
from warehouse import open_writer
from warehouse.load import link_keys


def _store(con: duckdb.DuckDBPyConnection, keys: list[str], aliases: dict[str, list[str]]) -> None:
    for n, key in enumerate(keys):
        con.execute(
            "INSERT INTO entities (entity_id, entity_key, name, type, first_seen) "
            "VALUES (?, ?, ?, 'PERSON', now())",
            [n + 1, key, key.split(":", 1)[1].title()],
        )
        for alias in aliases.get(key, []):
            con.execute(
                "INSERT INTO entity_aliases (entity_id, alias, mention_count) VALUES (?, ?, 1)",
                [n + 1, alias],
            )


def test_candidates_end_or_begin_with_the_name_and_carry_their_aliases(tmp_path: Path) -> None:
    seen: dict[str, set[str]] = {}

    def record(
        _entities: Sequence[LocalEntity], known: Mapping[str, set[str]], _weight: Mapping[str, float]
    ) -> dict[str, str]:
        seen.update(known)
        return {}

    stored = [
        "PERSON:ana maria lopez",  # ends with the surname
        "PERSON:lopez obrador",  # begins with it
        "PERSON:carla lopezia",  # a longer word: not a match
        "PERSON:lopez",  # a bare surname stored earlier: not a full name
        "PERSON:jo von der berg",  # ends with a multi-word surname
        "ORG:lopez holdings",  # not a person
    ]
    with open_writer(tmp_path / "w.duckdb") as con:
        _store(con, stored, {"PERSON:ana maria lopez": ["A. M. Lopez", "Lopez"]})
        batch = [LocalEntity("PERSON:lopez", "Lopez", "PERSON", None)]
        batch.append(LocalEntity("PERSON:von der berg", "von der Berg", "PERSON", None))
        link_keys(con, batch, record, {})
    assert seen == {
        "PERSON:ana maria lopez": {"A. M. Lopez", "Lopez"},
        "PERSON:lopez obrador": set(),
        "PERSON:jo von der berg": set(),
    }
