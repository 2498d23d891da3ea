-- 0030: pre-aggregated entity statistics for the typical analysis queries (docs/scaling.md).
-- Measured: at 10x the BBC corpus (21k articles, 0.5 M mentions) top entities took 216 ms and
-- sentence co-occurrence 568 ms from the base tables; from these tables both stay far under 200 ms.
-- They are rebuilt at the end of every run that stored or replaced articles (warehouse.aggregates).

CREATE TABLE entity_stats (               -- per entity: mentions and articles mentioning it
    entity_id  BIGINT PRIMARY KEY,
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL
);

CREATE TABLE entity_pairs (               -- entities named in the same sentence (entity_id_a < entity_id_b)
    entity_id_a  BIGINT NOT NULL,
    entity_id_b  BIGINT NOT NULL,
    sentences    INTEGER NOT NULL,
    articles     INTEGER NOT NULL
);
