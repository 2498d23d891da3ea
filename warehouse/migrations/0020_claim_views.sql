-- 0020: analyst views over claims (who said what), commitments with USD values, and
-- statements about an entity. Views only: re-creatable, no data of their own.

-- Every claim with its speaker (the resolved entity when there is one, else the source text)
-- and its article.
CREATE OR REPLACE VIEW who_said_what AS
SELECT
    c.claim_id,
    c.article_id,
    a.title                                  AS article_title,
    a.published_at                           AS article_published_at,
    a.source                                 AS article_source,
    c.speaker_entity_id,
    COALESCE(e.name, c.speaker_text)         AS speaker,
    e.type                                   AS speaker_type,
    e.country_code                           AS speaker_country,
    c.speaker_text,
    c.speaker_kind,
    c.cue,
    c.kind,
    c.content,
    c.is_direct_quote,
    c.negated,
    c.modality,
    c.content_start,
    c.content_end
FROM claims c
JOIN articles a ON a.article_id = c.article_id
LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id;

-- Commitments and agreements per committing entity, with the summed USD value of the money
-- amounts inside the claim's content. An entity commits when it is the speaker, a party to an
-- agreement, or (via = 'role') the country/organisation of the speaker's stated role in that
-- article ("Japan" for "Prime Minister Takaichi"). usd_total is NULL when no amount has a
-- USD value.
CREATE OR REPLACE VIEW commitments_usd AS
WITH committers AS (
    SELECT c.claim_id, c.speaker_entity_id AS entity_id, 'speaker' AS via
    FROM claims c
    WHERE c.kind IN ('commitment', 'agreement') AND c.speaker_entity_id IS NOT NULL
    UNION
    SELECT ce.claim_id, ce.entity_id, ce.role AS via
    FROM claim_entities ce
    JOIN claims c ON c.claim_id = ce.claim_id
    WHERE c.kind IN ('commitment', 'agreement') AND ce.role IN ('speaker', 'party')
    UNION
    SELECT c.claim_id, r.of_entity_id AS entity_id, 'role' AS via
    FROM claims c
    JOIN entity_roles r
      ON r.article_id = c.article_id AND r.entity_id = c.speaker_entity_id
    WHERE c.kind IN ('commitment', 'agreement') AND r.of_entity_id IS NOT NULL
),
money AS (
    SELECT claim_id,
           SUM(value_usd)   AS usd_total,
           COUNT(*)         AS n_amounts,
           LIST(text ORDER BY start_char) AS amount_texts
    FROM amounts
    WHERE kind = 'money' AND claim_id IS NOT NULL
    GROUP BY claim_id
)
SELECT
    k.entity_id,
    e.name                       AS entity_name,
    e.type                       AS entity_type,
    e.country_code               AS entity_country,
    LIST(DISTINCT k.via)         AS via,
    c.claim_id,
    c.article_id,
    a.title                      AS article_title,
    a.published_at               AS article_published_at,
    c.kind,
    c.modality,
    c.negated,
    c.cue,
    c.content,
    m.usd_total,
    COALESCE(m.n_amounts, 0)     AS n_amounts,
    m.amount_texts
FROM committers k
JOIN claims c ON c.claim_id = k.claim_id
JOIN articles a ON a.article_id = c.article_id
JOIN entities e ON e.entity_id = k.entity_id
LEFT JOIN money m ON m.claim_id = c.claim_id
GROUP BY ALL;

-- Claims joined to each entity mentioned inside their content ("what did each leader say
-- about China"): from claim_entities (role 'mentioned') and from mentions whose span lies in
-- the content span. The speaker itself is excluded.
CREATE OR REPLACE VIEW statements_about AS
WITH about AS (
    SELECT ce.claim_id, ce.entity_id
    FROM claim_entities ce
    WHERE ce.role = 'mentioned'
    UNION
    SELECT c.claim_id, m.entity_id
    FROM claims c
    JOIN mentions m
      ON m.article_id = c.article_id
     AND m.start_char >= c.content_start
     AND m.end_char <= c.content_end
)
SELECT
    ab.entity_id                              AS about_entity_id,
    ae.name                                   AS about_name,
    ae.type                                   AS about_type,
    w.claim_id,
    w.article_id,
    w.article_title,
    w.article_published_at,
    w.speaker_entity_id,
    w.speaker,
    w.speaker_type,
    w.speaker_kind,
    w.cue,
    w.kind,
    w.content,
    w.is_direct_quote,
    w.negated
FROM about ab
JOIN entities ae ON ae.entity_id = ab.entity_id
JOIN who_said_what w ON w.claim_id = ab.claim_id
WHERE w.speaker_entity_id IS NULL OR w.speaker_entity_id <> ab.entity_id;
