-- 0065: search_claims reads the best claims' rows by their position (rowid, found by a scan of the
-- claim ids alone) instead of joining all of `claims`, which has no key (0062): that join read every
-- claim's columns, 0.18 s at 100k articles and growing with them (docs/scaling.md, "Growth"). Without
-- `since`, the ranking needs no claim row at all. Same results as before.
CREATE OR REPLACE MACRO search_claims(q, since := NULL::TIMESTAMPTZ, lim := 20) AS TABLE
WITH ranked AS (
    SELECT s.doc_id AS claim_id, s.score FROM search_scores(q, 'claim') s WHERE since IS NULL
    UNION ALL
    SELECT s.doc_id, s.score
    FROM search_scores(q, 'claim') s JOIN claims c ON c.claim_id = s.doc_id JOIN articles a USING (article_id)
    WHERE since IS NOT NULL AND coalesce(a.published_at, a.ingested_at) >= CAST(since AS TIMESTAMPTZ)
), top AS (
    SELECT claim_id, score FROM ranked ORDER BY score DESC, claim_id LIMIT lim
), top_claims AS (
    SELECT c.* FROM claims c
    SEMI JOIN (SELECT rowid FROM claims SEMI JOIN top USING (claim_id)) p ON c.rowid = p.rowid
)
SELECT t.score, coalesce(e.name, c.speaker_text) AS speaker, c.cue, c.kind,
       search_highlight(c.content, q) AS snippet, a.title,
       coalesce(a.published_at, a.ingested_at) AS published_at, c.claim_id, c.article_id
FROM top t JOIN top_claims c USING (claim_id) JOIN articles a USING (article_id)
LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id
ORDER BY t.score DESC, t.claim_id;
