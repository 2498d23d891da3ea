-- 0069: each copy band key carries its article's report time (publication, else ingest time), and the
-- writer probes only the keys of the copy window (`link_copy_window_days` either side of the batch).
-- Rows are appended in about report order, so DuckDB's row-group min/max skip the rest: the probe
-- reads the window's keys, not every key ever stored (61M at 1M articles). The stored keys are
-- rewritten in report order once, so an upgraded warehouse gets the same skipping; keys whose
-- article is gone are dropped (they could no longer name a candidate).
ALTER TABLE copy_bands ADD COLUMN reported_at TIMESTAMPTZ;
CREATE TEMP TABLE copy_bands_dated AS
    SELECT b.band_key, b.article_id, coalesce(a.published_at, a.ingested_at) AS reported_at
    FROM copy_bands b JOIN articles a USING (article_id);
DELETE FROM copy_bands;
INSERT INTO copy_bands SELECT * FROM copy_bands_dated ORDER BY reported_at, band_key;
DROP TABLE copy_bands_dated;
