-- 0066: BM25 scoring without reading `search_docs`: each posting carries its document's length, and
-- `search_stats` keeps the documents and their summed length per kind (maintained by the writer with
-- the index, warehouse/search.py). search_scores joined every matching posting to search_docs and
-- averaged all of it per query, two scans growing with the warehouse (≈ 30 ms at 100k articles).
-- Same scores as before (avgdl = summed length / documents, as avg() computes it).
ALTER TABLE search_postings ADD COLUMN length INTEGER;  -- terms in the document (search_docs.length)

INSERT INTO search_postings (kind, doc_id, term, tf, run, length)
SELECT p.kind, p.doc_id, p.term, p.tf, p.run, d.length
FROM search_postings p JOIN search_docs d USING (kind, doc_id)
ORDER BY p.run, p.kind, p.term, p.doc_id;                -- each sorted run stays one sorted stretch

DELETE FROM search_postings WHERE length IS NULL;

CREATE TABLE search_stats (               -- per kind of document: what BM25 needs of all of them
    kind    VARCHAR NOT NULL,
    docs    BIGINT NOT NULL,
    length  BIGINT NOT NULL               -- summed length
);

INSERT INTO search_stats SELECT kind, count(*), sum(length) FROM search_docs GROUP BY kind;

-- BM25 score of every document of one kind matching at least one term of q
CREATE OR REPLACE MACRO search_scores(q, doc_kind) AS TABLE
WITH qt AS (SELECT DISTINCT unnest(search_terms(q)) AS term),
     n AS (SELECT docs, length / docs AS avgdl FROM search_stats WHERE kind = doc_kind),
     hits AS (SELECT p.doc_id, p.term, p.tf, p.length FROM search_postings p SEMI JOIN qt USING (term)
              WHERE p.kind = doc_kind),
     df AS (SELECT term, count(*) AS df FROM hits GROUP BY term)
SELECT h.doc_id,
       sum(ln(1 + (n.docs - df.df + 0.5) / (df.df + 0.5))
           * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * h.length / n.avgdl))) AS score,
       count(*) AS terms_matched
FROM hits h JOIN df USING (term) CROSS JOIN n
GROUP BY h.doc_id;
