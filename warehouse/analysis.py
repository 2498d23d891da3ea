"""Typical analysis queries over the warehouse, as the benchmark times them (each must stay < 200 ms).

Entity counts and sentence co-occurrence read the pre-aggregated tables of migration 0030 (rebuilt
after every run that changed articles); the `*_BASE` versions compute the same from the base
tables and are kept to show what the aggregates save.
"""

from __future__ import annotations

TOP_ENTITIES_BASE = """
SELECT e.name, e.type, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM mentions m JOIN entities e USING (entity_id)
GROUP BY ALL ORDER BY mentions DESC LIMIT 50
"""

TOP_ENTITIES = """
SELECT e.name, e.type, s.mentions, s.articles
FROM entity_stats s JOIN entities e USING (entity_id)
ORDER BY s.mentions DESC LIMIT 50
"""

WHO_SAID_WHAT = """
SELECT a.title, c.cue, c.kind, c.content, c.is_direct_quote
FROM claims c JOIN articles a USING (article_id)
WHERE c.speaker_entity_id = ?
ORDER BY a.published_at DESC NULLS LAST, c.content_start
"""

COOCCURRENCE_SENTENCE_BASE = """
WITH s AS (
    SELECT DISTINCT article_id, sentence_no, entity_id FROM mentions WHERE sentence_no IS NOT NULL
)
SELECT ea.name AS a, eb.name AS b, count(*) AS sentences, count(DISTINCT x.article_id) AS articles
FROM s x
JOIN s y ON x.article_id = y.article_id AND x.sentence_no = y.sentence_no AND x.entity_id < y.entity_id
JOIN entities ea ON ea.entity_id = x.entity_id
JOIN entities eb ON eb.entity_id = y.entity_id
GROUP BY ALL ORDER BY sentences DESC LIMIT 50
"""

COOCCURRENCE_SENTENCE = """
SELECT ea.name AS a, eb.name AS b, p.sentences, p.articles
FROM (SELECT * FROM entity_pairs ORDER BY sentences DESC LIMIT 50) p
JOIN entities ea ON ea.entity_id = p.entity_id_a
JOIN entities eb ON eb.entity_id = p.entity_id_b
ORDER BY p.sentences DESC
"""

QUERIES = {
    "top entities": TOP_ENTITIES,
    "who said what (one speaker)": WHO_SAID_WHAT,
    "co-occurrence in a sentence": COOCCURRENCE_SENTENCE,
    "top entities (base tables)": TOP_ENTITIES_BASE,
    "co-occurrence in a sentence (base tables)": COOCCURRENCE_SENTENCE_BASE,
}
