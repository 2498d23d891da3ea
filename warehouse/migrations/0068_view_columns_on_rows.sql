-- 0068: who_said_what, speaker_statements and input_status read the article (and speaker) columns they
-- show from the claim, statement and ledger rows, kept by the writer, instead of joining `articles` and
-- `entities`: a hash join that read every article's title, so even a 50-row read took 0.54-0.85 s at
-- 1M articles, and a speaker's latest claims could not be read by position (docs/scaling.md, "Growth").
-- Money amounts carry their claim's content the same way (the "money pledged" example). The writer
-- sets them from the batch's own rows and the stored entities (warehouse.load), and for ledger rows
-- pointing at stored articles (duplicates, unchanged inputs) from those articles by their key; a
-- replaced article's new title reaches the ledger rows that point at it. Entities are never renamed.
-- Same view columns as before.
-- every column first: DuckDB refuses to commit a transaction that alters a table it has updated
ALTER TABLE claims ADD COLUMN article_title VARCHAR;
ALTER TABLE claims ADD COLUMN article_published_at TIMESTAMPTZ;
ALTER TABLE claims ADD COLUMN article_source VARCHAR;
ALTER TABLE claims ADD COLUMN speaker VARCHAR;            -- the speaker entity's name, else speaker_text
ALTER TABLE claims ADD COLUMN speaker_type VARCHAR;       -- the speaker entity's type and country
ALTER TABLE claims ADD COLUMN speaker_country VARCHAR;
ALTER TABLE statements ADD COLUMN first_title VARCHAR;   -- the first report's title and URL
ALTER TABLE statements ADD COLUMN first_url VARCHAR;
ALTER TABLE statements ADD COLUMN speaker VARCHAR;       -- the speaker entity's name
ALTER TABLE amounts ADD COLUMN claim_content VARCHAR;    -- the content of the amount's claim
ALTER TABLE inputs ADD COLUMN article_title VARCHAR;     -- the title of the input's article

UPDATE claims c SET article_title = a.title, article_published_at = a.published_at, article_source = a.source
FROM articles a WHERE c.article_id = a.article_id;

UPDATE claims SET speaker = speaker_text;

UPDATE claims c SET speaker = coalesce(e.name, c.speaker_text), speaker_type = e.type,
                    speaker_country = e.country_code
FROM entities e WHERE c.speaker_entity_id = e.entity_id;

UPDATE statements s SET first_title = a.title, first_url = a.url
FROM articles a WHERE s.first_article_id = a.article_id;

UPDATE statements s SET speaker = e.name FROM entities e WHERE s.speaker_entity_id = e.entity_id;

UPDATE amounts am SET claim_content = c.content FROM claims c WHERE am.claim_id = c.claim_id;

UPDATE inputs i SET article_title = a.title
FROM articles a WHERE i.article_id = a.article_id;

CREATE OR REPLACE VIEW who_said_what AS
SELECT
    c.claim_id,
    c.article_id,
    c.article_title,
    c.article_published_at,
    c.article_source,
    c.speaker_entity_id,
    c.speaker,
    c.speaker_type,
    c.speaker_country,
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
FROM claims c;

CREATE OR REPLACE VIEW speaker_statements AS
SELECT s.speaker_entity_id, s.speaker, s.statement_id, s.kind, s.text,
       s.first_report_at, s.first_outlet, s.first_title, s.first_url,
       s.reports, s.articles, s.outlets, s.independent, s.story_id
FROM statements s
WHERE s.speaker IS NOT NULL;

CREATE OR REPLACE VIEW input_status AS
SELECT i.locator, i.source, i.outcome, i.reason, i.last_seen, i.article_id, i.article_title AS title
FROM inputs i;
