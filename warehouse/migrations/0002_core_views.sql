-- 0002: views for the most common questions. Entity and claim views follow in 0010 and 0020.

-- How often each canonical entity is mentioned, and in how many articles.
CREATE VIEW entity_mentions AS
SELECT e.entity_id, e.name, e.type, e.country_code,
       count(*) AS mentions,
       count(DISTINCT m.article_id) AS articles
FROM entities e JOIN mentions m USING (entity_id)
GROUP BY ALL;

-- Each input's latest outcome with its article's title: what happened to every file or URL.
CREATE VIEW input_status AS
SELECT i.locator, i.source, i.outcome, i.reason, i.last_seen, i.article_id, a.title
FROM inputs i LEFT JOIN articles a USING (article_id);

-- Inputs recorded as duplicates of an already stored article.
CREATE VIEW duplicates AS
SELECT i.locator, i.source, i.last_seen, i.article_id AS duplicate_of, a.locator AS original_locator, a.title
FROM inputs i JOIN articles a USING (article_id)
WHERE i.outcome = 'duplicate';
