-- 045_report_code.sql -- the credit report's verification code and the
-- digest of what it listed (issue 18 "Printing", R-08.2c).
--
-- Every report issued from now on carries a random code (80 bits from
-- RAND_bytes, printed as 16 base32 characters) that /verify on the internet
-- portal checks without a sign-in.  The code is stored twice, never in
-- plain text: code_hash = SHA-256 of the code (the unique key /verify looks
-- it up by: an equality on a hash, no comparison of the code itself) and
-- code_enc = the code sealed under Keys.data (AES-256-GCM, hex, AAD
-- "credit_reports.code"), so that the enterprise's report page can print it
-- again.  content_hash = SHA-256 of the report's content (the code, the
-- enterprise's USCC and name, every record listed with its category, dates,
-- source and fields), printed on the report and shown by /verify so that a
-- reader can compare the two.  Reports issued before this migration have
-- neither: the report page asks for a new one.
ALTER TABLE credit_reports
  ADD COLUMN code_hash    BINARY(32)    NULL AFTER records_hash,
  ADD COLUMN code_enc     VARBINARY(128) NULL AFTER code_hash,
  ADD COLUMN content_hash BINARY(32)    NULL AFTER code_enc,
  ADD UNIQUE KEY credit_reports_code (code_hash);
