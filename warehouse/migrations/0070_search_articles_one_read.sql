-- 0070: search_articles reads the rows of its best articles once (a materialized CTE) instead of
-- joining `articles` twice, once for the snippet's sentences and once for the title and the fallback
-- snippet. On a DuckLake each join decompressed the `text` of every row group holding one of them
-- (0.25 s each at 100k articles, docs/scaling.md, "DuckLake"); on a file the one read is no slower.
-- Same results as before.
CREATE OR REPLACE MACRO search_articles(q, since := NULL::TIMESTAMPTZ, lim := 20) AS TABLE
WITH top AS (
    SELECT s.doc_id AS article_id, s.score
    FROM search_scores(q, 'article') s JOIN articles a ON a.article_id = s.doc_id
    WHERE since IS NULL OR coalesce(a.published_at, a.ingested_at) >= CAST(since AS TIMESTAMPTZ)
    ORDER BY s.score DESC, s.doc_id LIMIT lim
), hit AS MATERIALIZED (
    SELECT t.score, a.article_id, a.title, a.source, coalesce(a.published_at, a.ingested_at) AS published_at,
           a.text, a.sentence_spans
    FROM top t JOIN articles a USING (article_id)
), sentence AS (
    SELECT article_id, i AS sentence_no,
           substr(text, sentence_spans[2 * i + 1] + 1, sentence_spans[2 * i + 2] - sentence_spans[2 * i + 1])
               AS text
    FROM (SELECT article_id, text, sentence_spans, unnest(range(len(coalesce(sentence_spans, [])) // 2)) AS i
          FROM hit)
), best AS (
    SELECT article_id,
           max_by(text, len(list_intersect(search_terms(text), search_terms(q))) * 100000 - sentence_no)
               AS sentence
    FROM sentence GROUP BY article_id
)
SELECT h.score, h.title, h.source, h.published_at,
       search_highlight(coalesce(b.sentence, left(h.text, 300)), q) AS snippet, h.article_id
FROM hit h LEFT JOIN best b USING (article_id)
ORDER BY h.score DESC, h.article_id;
