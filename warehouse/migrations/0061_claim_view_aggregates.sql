-- 0061: commitments_usd and statements_about read rows that every write batch adds for its own
-- articles (warehouse/aggregates.add_claims; a replaced article's rows go with it), instead of joining
-- every claim with every mention, role and amount on each query: at 3.9k articles they took
-- 0.08-0.18 s from the base tables, growing with the claims (docs/scaling.md, "Growth"). Each row is
-- one article's, so the rows of a batch come from the batch alone. Same columns as before; filled from
-- the stored claims right after this migration (warehouse.aggregates.refresh_aggregates).

CREATE TABLE commitment_rows (            -- per committing entity and claim (commitments_usd)
    entity_id             BIGINT NOT NULL,
    via                   VARCHAR[] NOT NULL,  -- speaker | party | role
    claim_id              BIGINT NOT NULL,
    article_id            BIGINT NOT NULL,
    article_title         VARCHAR,
    article_published_at  TIMESTAMPTZ,
    kind                  VARCHAR NOT NULL,
    modality              VARCHAR,
    negated               BOOLEAN NOT NULL,
    cue                   VARCHAR,
    content               VARCHAR NOT NULL,
    usd_total             DOUBLE,
    n_amounts             BIGINT NOT NULL,
    amount_texts          VARCHAR[]
);

CREATE TABLE claim_about_rows (           -- per claim and entity mentioned in its content (statements_about)
    about_entity_id       BIGINT NOT NULL,
    claim_id              BIGINT NOT NULL,
    article_id            BIGINT NOT NULL,
    article_title         VARCHAR,
    article_published_at  TIMESTAMPTZ,
    speaker_entity_id     BIGINT,
    speaker_text          VARCHAR,
    speaker_kind          VARCHAR NOT NULL,
    cue                   VARCHAR,
    kind                  VARCHAR NOT NULL,
    content               VARCHAR NOT NULL,
    is_direct_quote       BOOLEAN NOT NULL,
    negated               BOOLEAN NOT NULL
);

CREATE OR REPLACE VIEW commitments_usd AS
SELECT k.entity_id, e.name AS entity_name, e.type AS entity_type, e.country_code AS entity_country,
       k.via, k.claim_id, k.article_id, k.article_title, k.article_published_at, k.kind, k.modality,
       k.negated, k.cue, k.content, k.usd_total, k.n_amounts, k.amount_texts
FROM commitment_rows k JOIN entities e USING (entity_id);

CREATE OR REPLACE VIEW statements_about AS
SELECT
    x.about_entity_id,
    ae.name                                   AS about_name,
    ae.type                                   AS about_type,
    x.claim_id,
    x.article_id,
    x.article_title,
    x.article_published_at,
    x.speaker_entity_id,
    coalesce(se.name, x.speaker_text)         AS speaker,
    se.type                                   AS speaker_type,
    x.speaker_kind,
    x.cue,
    x.kind,
    x.content,
    x.is_direct_quote,
    x.negated
FROM claim_about_rows x
JOIN entities ae ON ae.entity_id = x.about_entity_id
LEFT JOIN entities se ON se.entity_id = x.speaker_entity_id;
