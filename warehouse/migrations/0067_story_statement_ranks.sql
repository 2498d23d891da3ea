-- 0067: story_statements reads each statement's rank in its story from the row, kept by the writer
-- (warehouse.links.refresh_links re-ranks the stories a batch touched), instead of ranking every
-- statement on each query: a 50-row read of the view took 14 s at 1M articles (docs/scaling.md,
-- "Growth"). Same columns and ranks as before.
ALTER TABLE statements ADD COLUMN story_rank BIGINT;  -- rank() in its story by outlets, then articles

UPDATE statements s SET story_rank = r.story_rank
FROM (SELECT statement_id,
             rank() OVER (PARTITION BY story_id ORDER BY outlets DESC, articles DESC) AS story_rank
      FROM statements) r
WHERE s.statement_id = r.statement_id;

CREATE OR REPLACE VIEW story_statements AS
SELECT s.story_id, st.title AS story_title, s.statement_id, e.name AS speaker, s.kind, s.text,
       s.outlets, s.articles, s.independent, s.reports, s.first_report_at, s.first_outlet,
       s.story_rank AS rank
FROM statements s
LEFT JOIN stories st USING (story_id)
LEFT JOIN entities e ON e.entity_id = s.speaker_entity_id;
