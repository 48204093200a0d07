-- 014_credit_review_log.sql -- two traces of credit information that the
-- query log and the reports table could not hold (R-08.1, R-08.2c, X-AUD).
--
-- 1. An office (operator, supervisor) looking at a batch's staged rows or
--    its row errors -- the preview, errors.csv -- sees credit information
--    before it is on record, often of enterprises that do not exist yet.
--    Such an opening is logged like any other, with purpose 'review' and
--    the batch instead of an enterprise (credit_queries.enterprise_id is
--    NULL then, so the row is on no enterprise's 谁查询了我).
-- 2. A report is issued (POST) and shown (GET) separately; issuing again
--    the same day under the same grant with the same records gives the
--    same report.  records_hash is the SHA-256 of what the report lists
--    (lib/credit_view.c), so "the same records" is a comparison.
ALTER TABLE credit_queries
  MODIFY enterprise_id BIGINT UNSIGNED NULL,
  ADD COLUMN batch_id BIGINT UNSIGNED NULL AFTER enterprise_id,
  MODIFY purpose ENUM('duty','supervision','evaluation','other','self','review') NOT NULL,
  ADD KEY credit_queries_batch (batch_id, id),
  ADD CONSTRAINT credit_queries_batch_fk FOREIGN KEY (batch_id) REFERENCES credit_batches (id),
  ADD CONSTRAINT credit_queries_what CHECK (enterprise_id IS NOT NULL OR batch_id IS NOT NULL);

ALTER TABLE credit_reports
  ADD COLUMN records_hash BINARY(32) NULL AFTER records,
  ADD KEY credit_reports_request (request_id, id);
