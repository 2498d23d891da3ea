-- 0063: search postings kept as sorted runs (warehouse/postings.py), so a search reads the row groups
-- of its terms instead of every posting: at 1M articles (225M postings) `search_articles` scanned
-- them all in 12 s (docs/scaling.md, "Growth"). A batch's postings go to the tail (run 0); the writer
-- sorts a full tail into a run and merges runs of one size tier, in the batch's transaction. The
-- postings already stored are the tail: the first write after this migration sorts them.
ALTER TABLE search_postings ADD COLUMN run INTEGER DEFAULT 0;  -- 0: the unsorted tail

CREATE TABLE search_runs (                -- one row per sorted run of search_postings
    run     INTEGER NOT NULL,
    rows    BIGINT NOT NULL               -- postings when it was written
);
