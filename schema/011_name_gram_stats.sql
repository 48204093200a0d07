-- 011_name_gram_stats.sql -- how many names hold each trigram of the
-- name index (006), for the operators' search by part of a name.
--
-- A search reads the posting lists of its two rarest trigrams and
-- intersects them in the worker (lib/enterprise_list.c): its work follows
-- those lists, not the table.  Choosing them took a capped COUNT per
-- trigram (up to 1000 index entries each, five or more a search); this
-- table answers in one read of a row per trigram.
--
-- Statistics, not an index: `duijie-admin gram-stats` recounts them (a
-- daily timer in production, conf/systemd/duijie-gram-stats.timer; after
-- bulk loads).  Results never depend on them -- a trigram not counted yet
-- counts 0 (new, so rare), and a posting list longer than expected sends
-- the search to the join in SQL.  Triggers do not keep them: a counter row
-- per trigram would make every registration and every credit import that
-- creates enterprises wait for the others' transactions ("有限公" is in
-- most names).

CREATE TABLE enterprise_name_gram_stats (
  gram  VARCHAR(3)   NOT NULL,
  n     INT UNSIGNED NOT NULL,
  PRIMARY KEY (gram)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO enterprise_name_gram_stats (gram, n)
  SELECT gram, COUNT(*) FROM enterprise_name_grams GROUP BY gram;
