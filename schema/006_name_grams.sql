-- 006_name_grams.sql -- a trigram index of enterprise names, so that the
-- operators' search by part of a name costs the same with 10 000 or
-- 100 000 enterprises (issue 5's benchmark; R-02.2 lists).  A LIKE '%q%'
-- must read every name in scope; MariaDB has no n-gram full-text parser.
--
-- Queries of three or more characters take their two rarest trigrams from
-- this index; shorter ones fall back to LIKE (they match many names, and the
-- newest-first scan stops after one page).
--
-- Kept by triggers on enterprises, so every way a name is written (the
-- application, imports, operators' SQL) keeps the index right.  Triggers
-- run with their definer's rights: the workers' account needs only SELECT.

CREATE TABLE enterprise_name_grams (
  gram           VARCHAR(3)      NOT NULL,
  enterprise_id  BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (gram, enterprise_id),
  KEY enterprise_name_grams_ent (enterprise_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO enterprise_name_grams (gram, enterprise_id)
  SELECT SUBSTRING(e.name, s.seq, 3), e.id
  FROM enterprises e JOIN seq_1_to_100 s ON s.seq + 2 <= CHAR_LENGTH(e.name);

CREATE TRIGGER enterprises_name_grams_ai AFTER INSERT ON enterprises FOR EACH ROW
  INSERT IGNORE INTO enterprise_name_grams (gram, enterprise_id)
    SELECT SUBSTRING(NEW.name, seq, 3), NEW.id FROM seq_1_to_100
    WHERE seq + 2 <= CHAR_LENGTH(NEW.name);

CREATE TRIGGER enterprises_name_grams_au AFTER UPDATE ON enterprises FOR EACH ROW
BEGIN
  IF NEW.name <> OLD.name THEN
    DELETE FROM enterprise_name_grams WHERE enterprise_id = NEW.id;
    INSERT IGNORE INTO enterprise_name_grams (gram, enterprise_id)
      SELECT SUBSTRING(NEW.name, seq, 3), NEW.id FROM seq_1_to_100
      WHERE seq + 2 <= CHAR_LENGTH(NEW.name);
  END IF;
END;
