-- 0064: search_articles takes its snippet's sentences from the article row (found by its key) instead
-- of joining `sentences`, which has no key (0062): the join read every sentence, 0.22 s at 100k
-- articles and growing with them (docs/scaling.md, "Growth"). `sentence_spans` holds the start and end
-- character of each sentence in order ([start0, end0, start1, end1, ...]); the writer sets it from the
-- batch's sentences (warehouse.search.with_sentence_spans). Same results as before.
ALTER TABLE articles ADD COLUMN sentence_spans INTEGER[];

UPDATE articles a SET sentence_spans = s.spans
FROM (SELECT article_id, flatten(list([start_char, end_char] ORDER BY sentence_no)) AS spans
      FROM sentences GROUP BY article_id) s
WHERE a.article_id = s.article_id;

-- articles ranked by BM25 over title and text, with the best-matching sentence highlighted
CREATE OR REPLACE MACRO search_articles(q, since := NULL::TIMESTAMPTZ, lim := 20) AS TABLE
WITH top AS (
    SELECT s.doc_id AS article_id, s.score
    FROM search_scores(q, 'article') s JOIN articles a ON a.article_id = s.doc_id
    WHERE since IS NULL OR coalesce(a.published_at, a.ingested_at) >= CAST(since AS TIMESTAMPTZ)
    ORDER BY s.score DESC, s.doc_id LIMIT lim
), sentence AS (
    SELECT article_id, i AS sentence_no,
           substr(text, sentence_spans[2 * i + 1] + 1, sentence_spans[2 * i + 2] - sentence_spans[2 * i + 1])
               AS text
    FROM (SELECT t.article_id, a.text, a.sentence_spans,
                 unnest(range(len(coalesce(a.sentence_spans, [])) // 2)) AS i
          FROM top t JOIN articles a USING (article_id))
), best AS (
    SELECT article_id,
           max_by(text, len(list_intersect(search_terms(text), search_terms(q))) * 100000 - sentence_no)
               AS sentence
    FROM sentence GROUP BY article_id
)
SELECT t.score, a.title, a.source, coalesce(a.published_at, a.ingested_at) AS published_at,
       search_highlight(coalesce(b.sentence, left(a.text, 300)), q) AS snippet, a.article_id
FROM top t JOIN articles a USING (article_id) LEFT JOIN best b USING (article_id)
ORDER BY t.score DESC, t.article_id;
