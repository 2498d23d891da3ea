-- 0001: the core warehouse. Offsets are end-exclusive character offsets into articles.text.
-- Ids are deterministic 63-bit hashes (newsflow.ids.stable_id), so re-ingest keeps them.

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,      -- uuid of this ingest/reprocess run
    flow_run_id   VARCHAR,                  -- Prefect flow-run id, when run under Prefect
    flow          VARCHAR NOT NULL,         -- ingest | reprocess
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL,         -- running | completed | failed | interrupted
    sources       VARCHAR[],                -- what the run was asked to read
    seen          INTEGER DEFAULT 0,        -- inputs seen = new + updated + unchanged + duplicate + skipped + failed
    new           INTEGER DEFAULT 0,
    updated       INTEGER DEFAULT 0,
    unchanged     INTEGER DEFAULT 0,
    duplicate     INTEGER DEFAULT 0,
    skipped       INTEGER DEFAULT 0,
    failed        INTEGER DEFAULT 0,
    spacy_model   VARCHAR,
    message       VARCHAR                   -- error that failed the run, if any
);

CREATE TABLE run_sources (                -- the same counts per source
    run_id     VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    seen       INTEGER DEFAULT 0,
    new        INTEGER DEFAULT 0,
    updated    INTEGER DEFAULT 0,
    unchanged  INTEGER DEFAULT 0,
    duplicate  INTEGER DEFAULT 0,
    skipped    INTEGER DEFAULT 0,
    failed     INTEGER DEFAULT 0,
    PRIMARY KEY (run_id, source)
);

CREATE TABLE inputs (                     -- ledger: the latest state of every input ever seen
    locator        VARCHAR PRIMARY KEY,     -- path or URL
    source         VARCHAR NOT NULL,
    external_id    VARCHAR,
    raw_hash       VARCHAR,                 -- sha256 of the raw bytes: unchanged inputs are skipped
    content_hash   VARCHAR,
    article_id     BIGINT,                  -- the stored article (for a duplicate: the original)
    outcome        VARCHAR NOT NULL,        -- new | updated | unchanged | duplicate | skipped | failed
    reason         VARCHAR,                 -- why skipped / failed / duplicate
    etag           VARCHAR,                 -- HTTP validators for conditional GET
    last_modified  VARCHAR,
    first_seen     TIMESTAMPTZ NOT NULL,
    last_seen      TIMESTAMPTZ NOT NULL,
    last_run_id    VARCHAR
);

CREATE TABLE articles (
    article_id     BIGINT PRIMARY KEY,
    source         VARCHAR NOT NULL,
    external_id    VARCHAR NOT NULL,        -- the input's id (JSONL id) or path/URL
    locator        VARCHAR NOT NULL,
    url            VARCHAR,
    canonical_url  VARCHAR,
    title          VARCHAR,
    authors        VARCHAR[],
    published_at   TIMESTAMPTZ,
    modified_at    TIMESTAMPTZ,
    language       VARCHAR,
    site_name      VARCHAR,
    description    VARCHAR,
    keywords       VARCHAR[],
    section        VARCHAR,
    provenance     MAP(VARCHAR, VARCHAR),   -- field -> where its value came from (json-ld, meta, ...)
    text           VARCHAR NOT NULL,
    word_count     INTEGER,
    content_hash   VARCHAR NOT NULL UNIQUE,
    raw_hash       VARCHAR,
    extraction     VARCHAR NOT NULL,        -- ok, or why NLP was skipped
    spacy_model    VARCHAR,
    run_id         VARCHAR,
    ingested_at    TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE sections (                   -- headings and the span each one opens
    article_id  BIGINT NOT NULL,
    section_no  INTEGER NOT NULL,
    heading     VARCHAR,                    -- NULL for the text before the first heading
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    PRIMARY KEY (article_id, section_no)
);

CREATE TABLE paragraphs (
    article_id    BIGINT NOT NULL,
    paragraph_no  INTEGER NOT NULL,
    section_no    INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,         -- paragraph | list | table | quote
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    PRIMARY KEY (article_id, paragraph_no)
);

CREATE TABLE sentences (
    article_id   BIGINT NOT NULL,
    sentence_no  INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_no)
);

CREATE TABLE entities (
    entity_id     BIGINT PRIMARY KEY,
    entity_key    VARCHAR NOT NULL UNIQUE,  -- e.g. PERSON:donald trump, COUNTRY:US
    name          VARCHAR NOT NULL,         -- canonical name
    type          VARCHAR NOT NULL,         -- PERSON, ORG, COUNTRY, PLACE, GROUP, ...
    country_code  VARCHAR,                  -- ISO 3166-1 alpha-2 (a country's own, a place's country)
    first_seen    TIMESTAMPTZ NOT NULL
);

CREATE TABLE entity_aliases (             -- every surface form seen for an entity
    entity_id      BIGINT NOT NULL,
    alias          VARCHAR NOT NULL,
    mention_count  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE mentions (
    article_id   BIGINT NOT NULL,
    entity_id    BIGINT NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,          -- NER label as predicted
    sentence_no  INTEGER
);

CREATE TABLE entity_roles (               -- titles held by persons, as stated in an article
    article_id      BIGINT NOT NULL,
    entity_id       BIGINT NOT NULL,
    role            VARCHAR NOT NULL,       -- e.g. Prime Minister
    of_entity_id    BIGINT,                 -- the country/organisation of the role
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL
);

CREATE TABLE claims (
    claim_id           BIGINT PRIMARY KEY,
    article_id         BIGINT NOT NULL,
    speaker_entity_id  BIGINT,              -- NULL when the speaker is not a known entity
    speaker_text       VARCHAR,
    speaker_start      INTEGER,
    speaker_end        INTEGER,
    speaker_kind       VARCHAR NOT NULL,    -- entity | pronoun | description | anonymous | none
    cue                VARCHAR,
    cue_start          INTEGER,
    cue_end            INTEGER,
    content            VARCHAR NOT NULL,
    content_start      INTEGER NOT NULL,
    content_end        INTEGER NOT NULL,
    kind               VARCHAR NOT NULL,    -- statement | commitment | agreement | praise | criticism | denial
    is_direct_quote    BOOLEAN NOT NULL,
    negated            BOOLEAN NOT NULL DEFAULT false,
    modality           VARCHAR,
    sentence_no        INTEGER
);

CREATE TABLE claim_entities (
    claim_id   BIGINT NOT NULL,
    entity_id  BIGINT NOT NULL,
    role       VARCHAR NOT NULL,            -- speaker | subject | object | party | mentioned
    PRIMARY KEY (claim_id, entity_id, role)
);

CREATE TABLE amounts (
    amount_id   BIGINT PRIMARY KEY,
    article_id  BIGINT NOT NULL,
    claim_id    BIGINT,                     -- the claim whose content holds the amount
    kind        VARCHAR NOT NULL,           -- money | percent | count
    text        VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,                    -- currency code, '%', or the counted noun
    value_usd   DOUBLE,
    qualifier   VARCHAR,                    -- at least | over | about | up to | ...
    base        VARCHAR                     -- e.g. GDP in '2% of GDP'
);

CREATE TABLE failures (
    run_id       VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,
    locator      VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,          -- discover | load | fetch | clean | extract | write
    error_class  VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL
);
