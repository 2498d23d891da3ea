-- 0054: the three cross-outlet questions, one query each (docs/warehouse.md).

-- The statements of each story ranked by how many outlets carried them.
CREATE OR REPLACE VIEW story_statements AS
SELECT s.story_id, st.title AS story_title, s.statement_id, e.name AS speaker, s.kind, s.text,
       s.outlets, s.articles, s.independent, s.reports, s.first_report_at, s.first_outlet,
       rank() OVER (PARTITION BY s.story_id ORDER BY s.outlets DESC, s.articles DESC) AS rank
FROM statements s
LEFT JOIN stories st USING (story_id)
LEFT JOIN entities e ON e.entity_id = s.speaker_entity_id;

-- For each speaker, each statement with its first report and its spread.
CREATE OR REPLACE VIEW speaker_statements AS
SELECT e.entity_id AS speaker_entity_id, e.name AS speaker, s.statement_id, s.kind, s.text,
       s.first_report_at, s.first_outlet, a.title AS first_title, a.url AS first_url,
       s.reports, s.articles, s.outlets, s.independent, s.story_id
FROM statements s
JOIN entities e ON e.entity_id = s.speaker_entity_id
JOIN articles a ON a.article_id = s.first_article_id;

-- Each story with its outlets and how many of its reports are copies.
CREATE OR REPLACE VIEW story_outlets AS
SELECT story_id, title, first_report_at, last_report_at, articles, len(outlets) AS n_outlets, outlets,
       copies, articles - copies AS independent
FROM stories;

-- Story ids as users may have saved them: every live id maps to itself, a merged id to its story.
CREATE OR REPLACE VIEW story_ids AS
SELECT story_id, story_id AS current_story_id FROM stories
UNION ALL
SELECT story_id, into_story_id FROM story_merges;
