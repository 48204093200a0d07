-- 048_credit_import_direct.sql -- a credit import writes each row once
-- (issue 19 item 3): the validation inserts the file's good rows straight
-- into credit_records, and the confirmation only flips the batch's status.
--
-- A record was already shown only while its batch is confirmed (the
-- views join credit_batches.status = 'confirmed'), so the rows of a
-- validated batch wait there, invisible, instead of in credit_staging, and
-- the confirmation no longer copies them (nor deletes the staged copy).
--
--  - row_no: the row of the file a record came from (header = 1), for the
--    preview and the "twice in the file" errors; 0 for the records of
--    batches confirmed before this migration.
--  - withdrawn: 0 shown (while the batch is confirmed), 1 withdrawn, and
--    now 2 for a row of a batch that was already on record unchanged (a
--    duplicate: never shown, not counted as imported; was
--    credit_staging.dup).
--
-- The enterprises a file names for the first time are created by the
-- validation (the records need their id), no longer by the confirmation.
ALTER TABLE credit_records
  ADD COLUMN row_no INT UNSIGNED NOT NULL DEFAULT 0
    COMMENT 'row of the file (header = 1); 0 before 048' AFTER batch_id,
  MODIFY withdrawn TINYINT(1) NOT NULL DEFAULT 0
    COMMENT '0 shown while the batch is confirmed, 1 withdrawn, 2 already on record (duplicate)';

-- The rows staged by batches still waiting for confirmation become their
-- records (invisible until then), with the enterprises they need.
INSERT IGNORE INTO enterprises (uscc, name, region_code)
  SELECT s.uscc, MIN(s.ent_name), MIN(s.region_code)
  FROM credit_staging s JOIN credit_batches b ON b.id = s.batch_id
  WHERE b.status = 'validated'
  GROUP BY s.uscc;

INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id, row_no,
    decision_date, period_end, content, row_hash, withdrawn, created_at)
  SELECT e.id, b.category_id, b.agency_id, b.id, s.row_no, s.decision_date,
    s.period_end, s.content, s.row_hash, IF(s.dup, 2, 0), b.uploaded_at
  FROM credit_staging s JOIN credit_batches b ON b.id = s.batch_id
  JOIN enterprises e ON e.uscc = s.uscc
  WHERE b.status = 'validated'
  ORDER BY s.batch_id, s.row_no;

DROP TABLE credit_staging;
