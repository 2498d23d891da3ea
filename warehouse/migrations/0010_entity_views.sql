-- 0010: views over entities and their mentions, for analysts' SQL.
-- An entity pair is listed once, with entity_id_a < entity_id_b.

-- How often each entity is mentioned in each article.
CREATE OR REPLACE VIEW entity_mentions_by_article AS
SELECT
    m.article_id,
    e.entity_id,
    e.entity_key,
    e.name,
    e.type,
    count(*)          AS mentions,
    min(m.start_char) AS first_char
FROM mentions m
JOIN entities e USING (entity_id)
GROUP BY ALL;

-- Mentions and articles per entity per UTC day: the publication date, else the ingest date.
CREATE OR REPLACE VIEW entity_mentions_by_day AS
SELECT
    CAST(timezone('UTC', coalesce(a.published_at, a.ingested_at)) AS DATE) AS day,  -- UTC day
    e.entity_id,
    e.entity_key,
    e.name,
    e.type,
    count(*)                     AS mentions,
    count(DISTINCT m.article_id) AS articles
FROM mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
GROUP BY ALL;

-- Pairs of entities mentioned in the same sentence, with how many sentences and articles.
CREATE OR REPLACE VIEW entity_cooccurrence_sentence AS
WITH s AS (
    SELECT DISTINCT article_id, sentence_no, entity_id
    FROM mentions
    WHERE sentence_no IS NOT NULL
)
SELECT
    ea.entity_id  AS entity_id_a,
    ea.entity_key AS entity_key_a,
    ea.name       AS name_a,
    eb.entity_id  AS entity_id_b,
    eb.entity_key AS entity_key_b,
    eb.name       AS name_b,
    count(*)                     AS sentences,
    count(DISTINCT x.article_id) AS articles
FROM s x
JOIN s y
  ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
JOIN entities ea ON ea.entity_id = x.entity_id
JOIN entities eb ON eb.entity_id = y.entity_id
GROUP BY ALL;

-- Pairs of entities mentioned in the same article, with how many articles.
CREATE OR REPLACE VIEW entity_cooccurrence_article AS
WITH d AS (
    SELECT DISTINCT article_id, entity_id
    FROM mentions
)
SELECT
    ea.entity_id  AS entity_id_a,
    ea.entity_key AS entity_key_a,
    ea.name       AS name_a,
    eb.entity_id  AS entity_id_b,
    eb.entity_key AS entity_key_b,
    eb.name       AS name_b,
    count(*)      AS articles
FROM d x
JOIN d y ON x.article_id = y.article_id AND x.entity_id < y.entity_id
JOIN entities ea ON ea.entity_id = x.entity_id
JOIN entities eb ON eb.entity_id = y.entity_id
GROUP BY ALL;

-- Entities ranked by mentions within each source (rank 1 = most mentioned; filter rank <= N).
CREATE OR REPLACE VIEW top_entities_by_source AS
SELECT
    a.source,
    e.entity_id,
    e.entity_key,
    e.name,
    e.type,
    count(*)                     AS mentions,
    count(DISTINCT m.article_id) AS articles,
    row_number() OVER (
        PARTITION BY a.source ORDER BY count(*) DESC, count(DISTINCT m.article_id) DESC, e.entity_key
    ) AS rank
FROM mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
GROUP BY a.source, e.entity_id, e.entity_key, e.name, e.type;
