-- 0053: the same copy, story and statement across outlets (issue 17). Written by warehouse.links inside
-- each batch's write transaction; `newsflow reprocess` rebuilds them. Thresholds: newsflow.settings
-- (link_*); similarity functions: extractors/similarity.py.

ALTER TABLE articles ADD COLUMN copy_of BIGINT;          -- the earlier stored article this one near-duplicates
ALTER TABLE articles ADD COLUMN copy_similarity DOUBLE;  -- 0-1: shared lead, aligned sentences or shingles
ALTER TABLE articles ADD COLUMN story_id BIGINT;         -- the event the article reports (stories.story_id)
ALTER TABLE articles ADD COLUMN outlet VARCHAR;          -- site name, else the URL's host, else the source
ALTER TABLE claims ADD COLUMN statement_id BIGINT;       -- the statement the claim reports (statements)

CREATE TABLE article_terms (             -- each article's story profile: top TF-IDF entities and words
    article_id   BIGINT NOT NULL,           -- (L2-normalised; a story's profile is the sum of its articles')
    term         VARCHAR NOT NULL,          -- e:<entity_id> or w:<word stem>
    weight       DOUBLE NOT NULL,
    reported_at  TIMESTAMPTZ                -- the article's report time: rows are appended in about this
);                                          -- order, so a window's look-up skips other row groups

-- The linker's look-ups are per batch and set-based (hash joins against the batch's keys). These two
-- tables have no PRIMARY KEY on purpose: the writer keeps their keys unique, and maintaining an ART
-- index of millions of keys on every batch's insert cost more than the narrow scans it saved.
CREATE TABLE term_stats (                 -- articles holding each profile term (the IDF of story profiles)
    term      VARCHAR NOT NULL,
    articles  INTEGER NOT NULL
);

CREATE TABLE copy_bands (                 -- MinHash LSH band keys (of the lead and of the whole text) with
    band_key    BIGINT NOT NULL,            -- the first article that held each: a copy shares a band with its
    article_id  BIGINT NOT NULL             -- original
);

CREATE TABLE stories (                    -- one row per event; rebuilt for the stories a batch touches
    story_id         BIGINT PRIMARY KEY,
    title            VARCHAR,               -- title of the story's first report that has one
    first_report_at  TIMESTAMPTZ,           -- publication time, else ingest time, of its first report
    last_report_at   TIMESTAMPTZ,
    articles         INTEGER NOT NULL,
    outlets          VARCHAR[] NOT NULL,    -- distinct outlets, sorted
    copies           INTEGER NOT NULL       -- articles whose copy_of is set
);

CREATE TABLE story_merges (               -- ids of stories merged into another: saved ids keep working
    story_id       BIGINT PRIMARY KEY,      -- the retired id
    into_story_id  BIGINT NOT NULL,         -- the story it is now part of (always a live story)
    merged_at      TIMESTAMPTZ NOT NULL,
    run_id         VARCHAR
);

CREATE TABLE statements (                 -- one row per statement; rebuilt for the statements a batch touches
    statement_id       BIGINT PRIMARY KEY,
    speaker_entity_id  BIGINT,              -- the speaker most of its reports name
    text               VARCHAR NOT NULL,    -- representative text: its longest direct quote, else longest report
    kind               VARCHAR NOT NULL,    -- claim kind most of its reports give
    story_id           BIGINT,
    first_article_id   BIGINT NOT NULL,     -- first report
    first_report_at    TIMESTAMPTZ,
    first_outlet       VARCHAR,
    reports            INTEGER NOT NULL,    -- claims reporting it
    articles           INTEGER NOT NULL,    -- distinct articles
    outlets            INTEGER NOT NULL,    -- distinct outlets
    independent        INTEGER NOT NULL     -- distinct articles that are not copies of another
);
