-- 0060: the remaining entity views read pre-aggregated tables that every write batch keeps exact
-- (warehouse/aggregates.add_mentions adds its articles' counts and subtracts those of the articles it
-- replaces), instead of grouping every mention on each query. Measured growing a warehouse
-- (scripts/bench_growth.py, docs/scaling.md): from the base tables these views took 0.1-0.7 s at
-- 3.9k articles and grow with the mentions; from these tables they stay flat. Same columns as before.

CREATE TABLE article_entities (           -- per article and entity: mentions and the first one's offset
    article_id  BIGINT NOT NULL,
    entity_id   BIGINT NOT NULL,
    mentions    INTEGER NOT NULL,
    first_char  INTEGER NOT NULL
);

CREATE TABLE entity_days (                -- per UTC day (publication, else ingest) and entity
    day        DATE NOT NULL,
    entity_id  BIGINT NOT NULL,
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL
);

CREATE TABLE entity_sources (             -- per source and entity
    source     VARCHAR NOT NULL,
    entity_id  BIGINT NOT NULL,
    mentions   INTEGER NOT NULL,
    articles   INTEGER NOT NULL
);

CREATE TABLE entity_article_pairs (       -- entities named in the same article (entity_id_a < entity_id_b)
    entity_id_a  BIGINT NOT NULL,
    entity_id_b  BIGINT NOT NULL,
    articles     INTEGER NOT NULL
);

-- filled from the stored mentions right after this migration (warehouse.aggregates.refresh_aggregates)

CREATE OR REPLACE VIEW entity_mentions_by_article AS
SELECT x.article_id, e.entity_id, e.entity_key, e.name, e.type, x.mentions::BIGINT AS mentions,
       x.first_char
FROM article_entities x JOIN entities e USING (entity_id);

CREATE OR REPLACE VIEW entity_mentions_by_day AS
SELECT x.day, e.entity_id, e.entity_key, e.name, e.type, x.mentions::BIGINT AS mentions,
       x.articles::BIGINT AS articles
FROM entity_days x JOIN entities e USING (entity_id);

CREATE OR REPLACE VIEW entity_cooccurrence_article AS
SELECT
    ea.entity_id  AS entity_id_a,
    ea.entity_key AS entity_key_a,
    ea.name       AS name_a,
    eb.entity_id  AS entity_id_b,
    eb.entity_key AS entity_key_b,
    eb.name       AS name_b,
    p.articles::BIGINT AS articles
FROM entity_article_pairs p
JOIN entities ea ON ea.entity_id = p.entity_id_a
JOIN entities eb ON eb.entity_id = p.entity_id_b;

CREATE OR REPLACE VIEW top_entities_by_source AS
SELECT
    x.source,
    e.entity_id,
    e.entity_key,
    e.name,
    e.type,
    x.mentions::BIGINT AS mentions,
    x.articles::BIGINT AS articles,
    row_number() OVER (
        PARTITION BY x.source ORDER BY x.mentions DESC, x.articles DESC, e.entity_key
    ) AS rank
FROM entity_sources x
JOIN entities e USING (entity_id);
