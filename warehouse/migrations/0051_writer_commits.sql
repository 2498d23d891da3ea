-- 0051: one row every write batch updates first. On a DuckLake warehouse several writers commit at
-- once and appends never conflict, so two batches could add the same new entity twice; updating
-- this row makes any two overlapping batch transactions conflict, and the loser is retried whole
-- on the winner's snapshot (warehouse.lake.retry_conflicts). On a DuckDB file it only counts batches.
CREATE TABLE writer_commits (
    commits  BIGINT NOT NULL              -- write batches committed
);
INSERT INTO writer_commits VALUES (0);
