-- 0062: the large per-article tables lose their PRIMARY KEY/UNIQUE indexes on a DuckDB file (a DuckLake
-- never had them). DuckDB 1.5 rewrites every ART index whole at each checkpoint, and every write batch
-- ends in one (its connection closes), so a batch's commit grew with the warehouse: after inserting
-- 16k rows, a checkpoint took 0.07 s with 170k keys and 0.4 s with 1.7M (docs/scaling.md, "Growth").
-- The writer already keeps these keys unique (per-batch dedupe, anti-joins, replace by article), as
-- it does on a DuckLake. `articles` and `entities` keep theirs (ids probed by literal lists).
-- DuckDB cannot drop a key in place, so warehouse.unkey recreates each table without it (same columns,
-- NOT NULLs and defaults) right after this migration is recorded; this file only marks the step.
SELECT 1;
